/* test_report.c — meeting reports, contributions and the learning story in
 * the domain layer: who writes, who reads (SPEC privacy rules: the group,
 * its mentor and facilitator; the coach without per-person attribution;
 * the owner none of it), the bundling rule of seed 000 §7.3 ("op of na de
 * tiende bijeenkomst"), and the audit record of every read by another
 * than the writer. */
#include "test.h"
#include "fixture.h"
#include "core/i18n.h"
#include "domain/group.h"
#include "domain/meeting.h"
#include "domain/programme.h"
#include "domain/report.h"
#include "domain/role.h"
#include "domain/schedule.h"
#include "store/group.h"
#include "store/store.h"

#include <string.h>
#include <time.h>

struct cast {
	long long anna, pieter, stranger, mentor, facilitator, coach;
	long long group, other, meeting[10];
};

static long long person(struct fixture *f, const char *emp, const char *name)
{
	struct person p = { 0 };
	p.employee_id = (char *)emp;
	p.name = (char *)name;
	p.active = 1;
	long long id = 0;
	return store_person_insert(f->st, f->org_a, &p, &id) ? -1 : id;
}

/* A group whose ten meetings lie `first` days from today, every 7 days;
 * Anna and Pieter in it, the stranger in another group. */
static bool setup(struct fixture *f, struct cast *p, int first)
{
	struct errors e = { 0 };
	long long prog, batch;
	i18n_use(LANG_EN);
	p->anna = person(f, "A1", "Anna Jansen");
	p->pieter = person(f, "P1", "Pieter de Vries");
	p->stranger = person(f, "S1", "Sanne Bakker");
	p->mentor = person(f, "M1", "Mirjam Smit");
	p->facilitator = person(f, "F1", "Frank Mulder");
	p->coach = person(f, "C1", "Carla de Boer");
	if (programme_from_template(&f->c, "live", "L", &e, &prog) || batch_create(&f->c, prog, "", &e, &batch) ||
	    group_create(&f->c, batch, "A", &e, &p->group) || group_create(&f->c, batch, "B", &e, &p->other) ||
	    group_enrol(&f->c, p->group, (long long[]){ p->anna, p->pieter }, 2, "2026-01-05", &e) ||
	    group_enrol(&f->c, p->other, &p->stranger, 1, "2026-01-05", &e) ||
	    group_staff(&f->c, p->group, p->mentor, p->facilitator, "proposed", &e))
		return false;
	char today[11];
	date_today((long long)time(NULL), today);
	for (int k = 0; k < 10; k++) {
		char d[11];
		date_add_days(today, first + k * 7, d);
		struct meeting_when w = { d, "09:00", "12:00", "" };
		if (meeting_plan(&f->c, p->group, k + 1, &w, 1, &e, &p->meeting[k]))
			return false;
	}
	return true;
}

/* A context of the person with these roles in organisation A. */
static struct ctx as(struct fixture *f, struct actor *w, long long person_id, unsigned roles)
{
	memset(w, 0, sizeof(*w));
	w->organisation_id = f->org_a;
	w->person_id = person_id;
	w->roles = roles;
	w->email = "t";
	return (struct ctx){ f->st, &f->a, w, 0 };
}

#define FAC ROLE_BIT(ROLE_FACILITATOR)
#define PART ROLE_BIT(ROLE_PARTICIPANT)
#define MENT ROLE_BIT(ROLE_MENTOR)
#define COACH ROLE_BIT(ROLE_COACH)
#define OWNER ROLE_BIT(ROLE_OWNER)

static enum privacy_read level(struct fixture *f, long long person_id, unsigned roles, long long meeting)
{
	struct actor w;
	struct ctx c = as(f, &w, person_id, roles);
	struct report_view v;
	if (report_read(&c, meeting, &v) || !v.exists)
		return PRIVACY_NONE;
	return v.level;
}

static int write_report(struct fixture *f, struct cast *p, int k, const char *themes)
{
	struct actor w;
	struct ctx c = as(f, &w, p->facilitator, FAC);
	struct errors e = { 0 };
	struct report_texts t = { "1. Opening", themes, "- Vragen stellen", "Een goede middag.", NULL };
	return report_save(&c, p->meeting[k], &t, 100, &e, NULL);
}

TEST(report_only_the_facilitator_writes_and_the_mentor_reflects)
{
	FIXTURE(f);
	struct cast p;
	CHECK(setup(&f, &p, -80));
	struct actor w;
	struct errors e = { 0 };
	struct report_texts t = { "", "Thema", "", "", "Van de mentor" };
	struct ctx mentor = as(&f, &w, p.mentor, MENT);
	/* the mentor waits for the facilitator's report */
	CHECK_INT(report_save(&mentor, p.meeting[0], &t, 1, &e, NULL), D_INVALID);
	CHECK(errors_get(&e, "mentor_reflection") != NULL);
	struct actor w2;
	struct ctx anna = as(&f, &w2, p.anna, PART);
	e.n = 0;
	CHECK_INT(report_save(&anna, p.meeting[0], &t, 1, &e, NULL), D_FORBIDDEN);
	CHECK_INT(write_report(&f, &p, 0, "Feedback"), D_OK);
	e.n = 0;
	CHECK_INT(report_save(&mentor, p.meeting[0], &t, 2, &e, NULL), D_OK);
	struct report_view v;
	struct actor w3;
	struct ctx fac = as(&f, &w3, p.facilitator, FAC);
	CHECK_INT(report_read(&fac, p.meeting[0], &v), D_OK);
	CHECK_STR(v.r.themes, "Feedback");             /* the mentor changed only their own text */
	CHECK_STR(v.r.mentor_reflection, "Van de mentor");
	/* the facilitator saving again keeps the mentor's reflection */
	CHECK_INT(write_report(&f, &p, 0, "Feedback geven"), D_OK);
	CHECK_INT(report_read(&fac, p.meeting[0], &v), D_OK);
	CHECK_STR(v.r.mentor_reflection, "Van de mentor");
	/* an empty report is not published */
	CHECK_INT(report_save(&fac, p.meeting[1], &(struct report_texts){ "", " ", "", "", NULL }, 1, &e, NULL), D_OK);
	e.n = 0;
	CHECK_INT(report_publish(&fac, p.meeting[1], true, 1, &e), D_INVALID);
	CHECK(e.n == 1);
	fixture_close(&f);
}

TEST(report_draft_is_read_by_facilitator_and_mentor_only)
{
	FIXTURE(f);
	struct cast p;
	CHECK(setup(&f, &p, -80));
	CHECK_INT(write_report(&f, &p, 0, "Concept"), D_OK);
	CHECK_INT(level(&f, p.facilitator, FAC, p.meeting[0]), PRIVACY_FULL);
	CHECK_INT(level(&f, p.mentor, MENT, p.meeting[0]), PRIVACY_FULL);
	CHECK_INT(level(&f, p.anna, PART, p.meeting[0]), PRIVACY_NONE);
	CHECK_INT(level(&f, p.coach, COACH, p.meeting[0]), PRIVACY_NONE);
	CHECK_INT(level(&f, 0, OWNER, p.meeting[0]), PRIVACY_NONE);
	fixture_close(&f);
}

TEST(report_published_is_read_by_the_group_the_coach_anonymised_never_the_owner)
{
	FIXTURE(f);
	struct cast p;
	CHECK(setup(&f, &p, -80));
	CHECK_INT(write_report(&f, &p, 0, "Anna Jansen vertelde over haar team; Anna en Pieter oefenden. Annabel niet. "
				 "De Vries-kant van de zaak: meer vries dan dooi."), D_OK);
	struct actor w;
	struct ctx fac = as(&f, &w, p.facilitator, FAC);
	struct errors e = { 0 };
	CHECK_INT(report_publish(&fac, p.meeting[0], true, 5, &e), D_OK);
	CHECK_INT(level(&f, p.anna, PART, p.meeting[0]), PRIVACY_FULL);
	CHECK_INT(level(&f, p.pieter, PART, p.meeting[0]), PRIVACY_FULL);
	CHECK_INT(level(&f, p.stranger, PART, p.meeting[0]), PRIVACY_NONE);
	CHECK_INT(level(&f, 0, OWNER, p.meeting[0]), PRIVACY_NONE);
	CHECK_INT(level(&f, 0, ROLE_BIT(ROLE_ADMINISTRATOR), p.meeting[0]), PRIVACY_NONE);
	CHECK_INT(level(&f, p.coach, COACH, p.meeting[0]), PRIVACY_ANONYMISED);
	struct actor wc;
	struct ctx coach = as(&f, &wc, p.coach, COACH);
	struct report_view v;
	CHECK_INT(report_read(&coach, p.meeting[0], &v), D_OK);
	/* full names and name parts go, whole words only ("Annabel" stays), a
	 * part as written ("Vries", not "vries"), never a particle ("de") */
	CHECK_STR(v.r.themes, "[participant] vertelde over haar team; [participant] en [participant] oefenden. Annabel niet. "
			      "De [participant]-kant van de zaak: meer vries dan dooi.");
	/* a participant who stopped no longer reads the group's texts */
	struct enrolment *en;
	size_t n;
	CHECK(!store_enrolment_list(f.st, &f.a, f.org_a, p.group, &en, &n));
	for (size_t i = 0; i < n; i++)
		if (en[i].person_id == p.pieter)
			CHECK_INT(enrolment_set_status(&f.c, en[i].id, "stopped", "2026-02-01", "other", "Verhuisd", &e), D_OK);
	CHECK_INT(level(&f, p.pieter, PART, p.meeting[0]), PRIVACY_NONE);
	/* back to draft: the group no longer reads it */
	CHECK_INT(report_publish(&fac, p.meeting[0], false, 6, &e), D_OK);
	CHECK_INT(level(&f, p.anna, PART, p.meeting[0]), PRIVACY_NONE);
	fixture_close(&f);
}

TEST(contribution_by_those_present_placed_by_the_facilitator)
{
	FIXTURE(f);
	struct cast p;
	CHECK(setup(&f, &p, -80));
	struct errors e = { 0 };
	CHECK_INT(attendance_record(&f.c, p.meeting[0], p.anna, "present", 1, &e), D_OK);
	CHECK_INT(attendance_record(&f.c, p.meeting[0], p.pieter, "absent", 1, &e), D_OK);
	struct actor wa, wp, wf, wc;
	struct ctx anna = as(&f, &wa, p.anna, PART), pieter = as(&f, &wp, p.pieter, PART);
	struct ctx fac = as(&f, &wf, p.facilitator, FAC), coach = as(&f, &wc, p.coach, COACH);
	CHECK_INT(contribution_save(&pieter, p.meeting[0], "Ik was er niet", 1, &e), D_INVALID);
	CHECK_STR(errors_get(&e, "text"), "Only participants who were present at the meeting add a contribution to its report.");
	e.n = 0;
	CHECK_INT(contribution_save(&anna, p.meeting[0], "  ", 1, &e), D_INVALID);
	e.n = 0;
	CHECK_INT(contribution_save(&anna, p.meeting[0], "Mijn inbreng: Pieter hielp mij.", 1, &e), D_OK);
	CHECK_INT(write_report(&f, &p, 0, "Thema"), D_OK);
	struct report_view v;
	/* the report is a draft: Anna does not read it, but does read her own contribution */
	CHECK_INT(report_read(&anna, p.meeting[0], &v), D_OK);
	CHECK(!v.exists);
	CHECK_INT(v.ncontribs, 1);
	CHECK_INT(report_publish(&fac, p.meeting[0], true, 2, &e), D_OK);
	/* not placed: the writer and the facilitator */
	CHECK_INT(report_read(&anna, p.meeting[0], &v), D_OK);
	CHECK_INT(v.ncontribs, 1);
	CHECK_INT(report_read(&fac, p.meeting[0], &v), D_OK);
	CHECK_INT(v.ncontribs, 1);
	long long id = v.contribs[0].id;
	CHECK_INT(report_read(&pieter, p.meeting[0], &v), D_OK);
	CHECK_INT(v.ncontribs, 0);
	CHECK_INT(report_read(&coach, p.meeting[0], &v), D_OK);
	CHECK_INT(v.ncontribs, 0);
	/* only the facilitator places it */
	CHECK_INT(contribution_place(&anna, id, true, 3), D_FORBIDDEN);
	CHECK_INT(contribution_place(&fac, id, true, 3), D_OK);
	CHECK_INT(report_read(&pieter, p.meeting[0], &v), D_OK);
	CHECK_INT(v.ncontribs, 1);
	CHECK_STR(v.contribs[0].person_name, "Anna Jansen");
	CHECK_INT(report_read(&coach, p.meeting[0], &v), D_OK);
	CHECK_INT(v.ncontribs, 1);
	CHECK_STR(v.contribs[0].person_name, "");      /* without its writer */
	CHECK_STR(v.contribs[0].text, "Mijn inbreng: [participant] hielp mij.");
	/* an empty text removes one's own contribution */
	CHECK_INT(contribution_save(&anna, p.meeting[0], "", 4, &e), D_OK);
	CHECK_INT(report_read(&fac, p.meeting[0], &v), D_OK);
	CHECK_INT(v.ncontribs, 0);
	fixture_close(&f);
}

TEST(story_is_bundled_on_or_after_the_last_meeting)
{
	FIXTURE(f);
	struct cast p;
	CHECK(setup(&f, &p, -30));  /* meetings from 30 days ago to 33 days ahead */
	struct actor wf, wa, wm;
	struct ctx fac = as(&f, &wf, p.facilitator, FAC), anna = as(&f, &wa, p.anna, PART);
	struct ctx mentor = as(&f, &wm, p.mentor, MENT);
	struct errors e = { 0 };
	long long now = (long long)time(NULL);
	CHECK_INT(story_save(&fac, p.group, "Begin", "Eind", true, now, &e), D_INVALID);
	char today[11], last[11];
	date_today(now, today);
	date_add_days(today, -30 + 63, last);
	char *want = arena_printf(&f.a, "The learning story is bundled on or after the group's last meeting, on %s.",
				  date_label(&f.a, last));
	CHECK_STR(e.items[0].message, want);
	CHECK_STR(e.items[1].message, "Publish at least one meeting report first; the learning story bundles the published reports.");
	/* a draft is for facilitator and mentor */
	e.n = 0;
	CHECK_INT(story_save(&fac, p.group, "Begin", "Eind", false, now, &e), D_OK);
	struct story_view v;
	CHECK_INT(story_open(&mentor, p.group, &v), D_OK);
	/* the participant is told it is not bundled yet, and reads none of the draft */
	CHECK_INT(story_open(&anna, p.group, &v), D_OK);
	CHECK(v.waiting && !v.writes && !v.downloadable && !v.n);
	CHECK_STR(v.s.opening, "");
	CHECK_STR(v.s.closing, "");
	CHECK_INT(story_open_file(&anna, p.group, &v), D_NOTFOUND);
	CHECK_INT(story_save(&anna, p.group, "x", "y", true, now, &e), D_FORBIDDEN);
	/* the day after the last meeting, with a published report, it bundles */
	CHECK_INT(write_report(&f, &p, 0, "Thema"), D_OK);
	CHECK_INT(report_publish(&fac, p.meeting[0], true, now, &e), D_OK);
	e.n = 0;
	CHECK_INT(story_save(&fac, p.group, "Begin", "Eind", true, now + 64 * 86400LL, &e), D_OK);
	CHECK_INT(story_open(&anna, p.group, &v), D_OK);
	CHECK(!v.waiting);
	CHECK_STR(v.s.status, "bundled");
	CHECK_INT(v.n, 1);
	struct actor wo, wc, ws;
	struct ctx owner = as(&f, &wo, 0, OWNER), coach = as(&f, &wc, p.coach, COACH);
	struct ctx stranger = as(&f, &ws, p.stranger, PART);
	CHECK_INT(story_open(&owner, p.group, &v), D_NOTFOUND);
	CHECK_INT(story_open(&stranger, p.group, &v), D_NOTFOUND);
	CHECK_INT(story_open(&coach, p.group, &v), D_OK);
	CHECK_INT(v.level, PRIVACY_ANONYMISED);
	fixture_close(&f);
}

TEST(story_markdown_holds_the_published_reports_and_placed_contributions)
{
	FIXTURE(f);
	struct cast p;
	CHECK(setup(&f, &p, -80));
	struct actor wf, wa, wc;
	struct ctx fac = as(&f, &wf, p.facilitator, FAC), anna = as(&f, &wa, p.anna, PART);
	struct ctx coach = as(&f, &wc, p.coach, COACH);
	struct errors e = { 0 };
	CHECK_INT(attendance_record(&f.c, p.meeting[0], p.anna, "present", 1, &e), D_OK);
	CHECK_INT(contribution_save(&anna, p.meeting[0], "Dat *raakte* me.", 1, &e), D_OK);
	CHECK_INT(write_report(&f, &p, 0, "Over vertrouwen"), D_OK);
	CHECK_INT(write_report(&f, &p, 1, "Nog een concept"), D_OK);
	struct report_view v;
	CHECK_INT(report_read(&fac, p.meeting[0], &v), D_OK);
	CHECK_INT(contribution_place(&fac, v.contribs[0].id, true, 2), D_OK);
	CHECK_INT(report_publish(&fac, p.meeting[0], true, 2, &e), D_OK);
	CHECK_INT(story_save(&fac, p.group, "Ons verhaal", "Tot ziens", true, (long long)time(NULL), &e), D_OK);
	struct story_view s;
	CHECK_INT(story_open(&anna, p.group, &s), D_OK);
	struct buf b = BUF_INIT;
	story_markdown(&anna, &s, &b);
	CHECK(strstr(b.ptr, "# Learning story of A\n") != NULL);
	CHECK(strstr(b.ptr, "Ons verhaal") != NULL);
	CHECK(strstr(b.ptr, "Over vertrouwen") != NULL);
	CHECK(strstr(b.ptr, "Nog een concept") == NULL);          /* drafts stay out */
	CHECK(strstr(b.ptr, "> Dat *raakte* me.\n\n— Anna Jansen") != NULL);
	CHECK(strstr(b.ptr, "## In closing\n\nTot ziens") != NULL);
	buf_reset(&b);
	CHECK_INT(story_open(&coach, p.group, &s), D_OK);
	story_markdown(&coach, &s, &b);
	CHECK(strstr(b.ptr, "Anna") == NULL);
	CHECK(strstr(b.ptr, "— a participant") != NULL);
	buf_reset(&b);
	CHECK_INT(story_pdf(&anna, &s, &b), D_OK);
	CHECK(b.len > 1000 && !memcmp(b.ptr, "%PDF-", 5));
	buf_release(&b);
	fixture_close(&f);
}

TEST(report_reads_by_others_are_audited)
{
	FIXTURE(f);
	struct cast p;
	CHECK(setup(&f, &p, -80));
	struct actor wf, wa, wc;
	struct ctx fac = as(&f, &wf, p.facilitator, FAC), anna = as(&f, &wa, p.anna, PART);
	struct ctx coach = as(&f, &wc, p.coach, COACH);
	struct errors e = { 0 };
	CHECK_INT(write_report(&f, &p, 0, "Thema"), D_OK);
	CHECK_INT(report_publish(&fac, p.meeting[0], true, 2, &e), D_OK);
	struct report_view v;
	CHECK_INT(report_read(&fac, p.meeting[0], &v), D_OK);     /* the writer's own read */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'report.read'"), 0);
	CHECK_INT(report_read(&anna, p.meeting[0], &v), D_OK);
	CHECK_INT(report_read(&coach, p.meeting[0], &v), D_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'report.read' AND object_id = %lld", v.r.id), 2);
	fixture_close(&f);
}
