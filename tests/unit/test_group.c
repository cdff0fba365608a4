/* test_group.c — groups: staffing and the pair confirmed after the first
 * meeting, enrolment once per programme, status changes with their
 * messages, the size warning, who relates how to a group, and what each
 * of them sees of it (group_view). */
#include "test.h"
#include "fixture.h"
#include "core/i18n.h"
#include "domain/group.h"
#include "domain/group_view.h"
#include "domain/intake.h"
#include "domain/meeting.h"
#include "domain/programme.h"
#include "domain/report.h"
#include "domain/role.h"
#include "store/design.h"
#include "store/group.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

static long long person(struct fixture *f, const char *emp, const char *name)
{
	struct person p = { 0 };
	p.employee_id = (char *)emp;
	p.name = (char *)name;
	p.active = 1;
	long long id = 0;
	return store_person_insert(f->st, f->org_a, &p, &id) ? -1 : id;
}

struct setup {
	long long prog, batch, group, group2, people[16];
};

static bool setup(struct fixture *f, struct setup *s)
{
	struct errors e = { 0 };
	i18n_use(LANG_EN);
	char emp[16];
	for (int i = 0; i < 16; i++) {
		snprintf(emp, sizeof(emp), "E%02u", (unsigned)i);
		if ((s->people[i] = person(f, emp, emp)) < 0)
			return false;
	}
	return programme_from_template(&f->c, "live", "LiVe! test", &e, &s->prog) == D_OK &&
	       batch_create(&f->c, s->prog, "", &e, &s->batch) == D_OK &&
	       group_create(&f->c, s->batch, "Groep A", &e, &s->group) == D_OK &&
	       group_create(&f->c, s->batch, "Groep B", &e, &s->group2) == D_OK;
}

TEST(group_pair_is_confirmed_after_the_first_meeting)
{
	FIXTURE(f);
	struct setup s;
	CHECK(setup(&f, &s));
	struct errors e = { 0 };
	long long m = s.people[14], fa = s.people[15];
	CHECK_INT(group_staff(&f.c, s.group, m, m, "proposed", &e), D_INVALID);
	CHECK_STR(errors_get(&e, "facilitator_id"),
		  "The mentor and the facilitator of a group are two people: choose someone else for one of them.");
	e.n = 0;
	CHECK_INT(group_staff(&f.c, s.group, m, fa, "confirmed", &e), D_INVALID);
	CHECK_STR(errors_get(&e, "pair_status"),
		  "The pair is confirmed or changed after the first meeting; plan the first meeting first.");
	e.n = 0;
	CHECK_INT(group_staff(&f.c, s.group, m, fa, "proposed", &e), D_OK);
	struct meeting_when future = { "2099-03-02", "09:00", "17:00", "" };
	long long mid;
	CHECK_INT(meeting_plan(&f.c, s.group, 1, &future, 1, &e, &mid), D_OK);
	CHECK_INT(group_staff(&f.c, s.group, m, fa, "confirmed", &e), D_INVALID);
	CHECK_STR(errors_get(&e, "pair_status"), "The pair is confirmed or changed after the first meeting, on 2 March 2099.");
	e.n = 0;
	struct meeting_when past = { "2020-03-02", "09:00", "17:00", "" };
	CHECK_INT(meeting_change(&f.c, mid, &past, false, 2, &e), D_OK);
	CHECK_INT(group_staff(&f.c, s.group, m, fa, "changed", &e), D_OK);
	CHECK_INT(group_staff(&f.c, s.group, m, fa, "unknown", &e), D_INVALID);
	CHECK_STR(errors_get(&e, "pair_status"), "Choose the status of the pair from the list.");
	fixture_close(&f);
}

TEST(group_enrolment_once_per_programme_and_status_rules)
{
	FIXTURE(f);
	struct setup s;
	CHECK(setup(&f, &s));
	struct errors e = { 0 };
	CHECK_INT(group_enrol(&f.c, s.group, s.people, 12, "2026-01-05", &e), D_OK);
	/* the same person in the other group of the programme: refused by name, nothing added */
	long long twice[] = { s.people[12], s.people[0] };
	CHECK_INT(group_enrol(&f.c, s.group2, twice, 2, "2026-01-05", &e), D_INVALID);
	CHECK_STR(errors_get(&e, "people"), "E00 takes part in this programme already, in group Groep A.");
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM enrolment WHERE group_id = %lld", s.group2), 0);
	e.n = 0;
	CHECK_INT(group_enrol(&f.c, s.group, s.people, 1, "2026-13-01", &e), D_INVALID);
	CHECK_STR(errors_get(&e, "registered_on"), "Give the date as YYYY-MM-DD, such as 2026-09-01.");

	struct enrolment *en;
	size_t n;
	CHECK_INT(store_enrolment_list(f.st, &f.a, f.org_a, s.group, &en, &n), ST_OK);
	CHECK_INT(n, 12);
	e.n = 0;
	CHECK_INT(enrolment_set_status(&f.c, en[0].id, "completed", "2026-06-01", NULL, "", &e), D_INVALID);
	CHECK_STR(errors_get(&e, "status"), "A place that is registered cannot become completed.");
	e.n = 0;
	CHECK_INT(enrolment_set_status(&f.c, en[0].id, "stopped", "2025-12-01", "other", "", &e), D_INVALID);
	CHECK_STR(errors_get(&e, "date"), "The date cannot be before the registration on 5 January 2026.");
	CHECK(errors_get(&e, "reason") != NULL);
	e.n = 0;
	/* a stop needs its kind, for the reports that count why people stopped */
	e.n = 0;
	CHECK_INT(enrolment_set_status(&f.c, en[0].id, "stopped", "2026-02-01", NULL, "Nieuwe functie", &e), D_INVALID);
	CHECK(errors_get(&e, "kind") != NULL);
	CHECK_INT(enrolment_set_status(&f.c, en[0].id, "stopped", "2026-02-01", "ziek", "Nieuwe functie", &e), D_INVALID);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM enrolment WHERE status = 'stopped'"), 0);
	e.n = 0;
	CHECK_INT(enrolment_set_status(&f.c, en[0].id, "stopped", "2026-02-01", "work", "Nieuwe functie", &e), D_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM enrolment WHERE id = %lld AND stop_kind = 'work'", en[0].id), 1);
	/* stopped: free to join another group of the programme */
	CHECK_INT(group_enrol(&f.c, s.group2, &en[0].person_id, 1, "2026-02-02", &e), D_OK);
	CHECK_INT(enrolment_set_status(&f.c, en[1].id, "active", NULL, NULL, NULL, &e), D_OK);
	CHECK_INT(enrolment_set_status(&f.c, en[1].id, "completed", "2026-06-01", NULL, NULL, &e), D_OK);
	CHECK_INT(enrolment_set_status(&f.c, en[1].id, "bogus", "2026-06-01", NULL, NULL, &e), D_INVALID);
	CHECK_STR(errors_get(&e, "status"), "Choose the status from the list.");

	/* present at a meeting: a registered participant becomes active; absent does not */
	struct meeting_when w = { "2026-02-10", "09:00", "17:00", "" };
	long long mid;
	e.n = 0;
	CHECK_INT(meeting_plan(&f.c, s.group, 1, &w, 1, &e, &mid), D_OK);
	CHECK_INT(attendance_record(&f.c, mid, en[2].person_id, "present", 2, &e), D_OK);
	CHECK_INT(attendance_record(&f.c, mid, en[3].person_id, "excused", 2, &e), D_OK);
	struct enrolment x;
	CHECK_INT(store_enrolment_get(f.st, &f.a, f.org_a, en[2].id, &x), ST_OK);
	CHECK_STR(x.status, "active");
	CHECK_INT(store_enrolment_get(f.st, &f.a, f.org_a, en[3].id, &x), ST_OK);
	CHECK_STR(x.status, "registered");
	CHECK_INT(attendance_record(&f.c, mid, s.people[13], "present", 2, &e), D_INVALID);
	CHECK_STR(errors_get(&e, "person"), "Attendance is recorded for participants of the group only.");

	/* the size: 11 left in group A (one stopped), within 10..14; group B has 1 */
	struct learning_group g;
	struct programme p;
	CHECK_INT(store_programme_get(f.st, &f.a, f.org_a, s.prog, &p), ST_OK);
	CHECK_INT(store_group_get(f.st, &f.a, f.org_a, s.group, &g), ST_OK);
	CHECK(group_size_warning(&f.c, &g, &p) == NULL);
	CHECK_INT(store_group_get(f.st, &f.a, f.org_a, s.group2, &g), ST_OK);
	CHECK_STR(group_size_warning(&f.c, &g, &p), "This group has 1 participant; the programme aims at 10 to 14.");
	fixture_close(&f);
}

TEST(group_status_of_many_all_or_none)
{
	FIXTURE(f);
	struct setup s;
	CHECK(setup(&f, &s));
	struct errors e = { 0 };
	CHECK_INT(group_enrol(&f.c, s.group, s.people, 3, "2026-01-05", &e), D_OK);
	CHECK_INT(group_enrol(&f.c, s.group2, &s.people[3], 1, "2026-01-05", &e), D_OK);
	struct enrolment *en, *en2;
	size_t n, n2;
	CHECK_INT(store_enrolment_list(f.st, &f.a, f.org_a, s.group, &en, &n), ST_OK);
	CHECK_INT(store_enrolment_list(f.st, &f.a, f.org_a, s.group2, &en2, &n2), ST_OK);
	CHECK_INT(n, 3);
	long long ids[] = { en[0].id, en[1].id, en[2].id };
	/* none ticked */
	CHECK_INT(enrolment_set_status_many(&f.c, s.group, ids, 0, "active", "", NULL, "", &e), D_INVALID);
	CHECK_STR(errors_get(&e, "enrolment"), "Tick the participants whose status changes.");
	/* a place of the other group among them: refused, nothing changed */
	e.n = 0;
	long long mixed[] = { en[0].id, en2[0].id };
	CHECK_INT(enrolment_set_status_many(&f.c, s.group, mixed, 2, "active", "", NULL, "", &e), D_INVALID);
	CHECK_STR(errors_get(&e, "enrolment"), "Tick participants of this group only.");
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM enrolment WHERE status = 'active'"), 0);
	/* an unknown id: the same answer */
	e.n = 0;
	long long unknown[] = { en[0].id, 999999 };
	CHECK_INT(enrolment_set_status_many(&f.c, s.group, unknown, 2, "active", "", NULL, "", &e), D_INVALID);
	CHECK_STR(errors_get(&e, "enrolment"), "Tick participants of this group only.");
	/* all three active at once */
	e.n = 0;
	CHECK_INT(enrolment_set_status_many(&f.c, s.group, ids, 3, "active", "", NULL, "", &e), D_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM enrolment WHERE group_id = %lld AND status = 'active'", s.group), 3);
	/* one of them completed; then all three completed: the completed one cannot, named, and nobody changes */
	CHECK_INT(enrolment_set_status_many(&f.c, s.group, ids, 1, "completed", "2026-06-01", NULL, "", &e), D_OK);
	CHECK_INT(enrolment_set_status_many(&f.c, s.group, ids, 3, "completed", "2026-06-02", NULL, "", &e), D_INVALID);
	CHECK_STR(errors_get(&e, "status"), "E00: A place that is completed cannot become completed.");
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM enrolment WHERE group_id = %lld AND status = 'completed'", s.group), 1);
	/* a stop without a reason: said once, not per person, and nobody stops */
	e.n = 0;
	CHECK_INT(enrolment_set_status_many(&f.c, s.group, &ids[1], 2, "stopped", "2026-06-02", "other", "", &e), D_INVALID);
	CHECK(errors_get(&e, "reason") != NULL);
	CHECK_INT(e.n, 1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM enrolment WHERE status = 'stopped'"), 0);
	e.n = 0;
	CHECK_INT(enrolment_set_status_many(&f.c, s.group, &ids[1], 2, "stopped", "2026-06-02", "other", "Reorganisatie", &e), D_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM enrolment WHERE status = 'stopped'"), 2);
	fixture_close(&f);
}

TEST(group_relation_from_the_groups_own_rows)
{
	FIXTURE(f);
	struct setup s;
	CHECK(setup(&f, &s));
	struct errors e = { 0 };
	CHECK_INT(group_enrol(&f.c, s.group, s.people, 12, "2026-01-05", &e), D_OK);
	CHECK_INT(group_staff(&f.c, s.group, s.people[14], s.people[15], "proposed", &e), D_OK);
	struct learning_group g;
	CHECK_INT(store_group_get(f.st, &f.a, f.org_a, s.group, &g), ST_OK);
	struct actor who = { 0 };
	who.organisation_id = f.org_a;
	struct ctx c = { f.st, &f.a, &who, 0 };
	enum group_relation rel;
	who.roles = ROLE_BIT(ROLE_MENTOR);
	who.person_id = s.people[14];
	CHECK_INT(group_relation(&c, &g), REL_MENTOR);
	who.person_id = s.people[15];
	CHECK_INT(group_relation(&c, &g), REL_FACILITATOR);
	who.person_id = s.people[3];
	CHECK_INT(group_relation(&c, &g), REL_PARTICIPANT);
	/* a mentor who is not this group's: not found, the same as another organisation's */
	who.person_id = s.people[13];
	CHECK_INT(group_open(&c, s.group, &g, &rel), D_NOTFOUND);
	who.roles = ROLE_BIT(ROLE_OWNER);
	CHECK_INT(group_open(&c, s.group, &g, &rel), D_OK);
	CHECK_INT(rel, REL_OWNER);
	who.roles = ROLE_BIT(ROLE_COACH);
	CHECK_INT(group_relation(&c, &g), REL_COACH);
	/* the other organisation's coach */
	CHECK_INT(group_open(&f.cb, s.group, &g, &rel), D_NOTFOUND);
	fixture_close(&f);
}

/* ---- what each reader sees of a group (domain/group_view.h) ---- */

struct seen {
	struct fixture *f;
	struct setup s;
	long long enrolment[12];     /* of people[0..11], in the group's order by name */
	long long met_draft, met_published;
};

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

/* Twelve enrolled (people 0..11), mentor 14, facilitator 15; two past
 * meetings with attendance, the first report a draft, the second
 * published; person 11 stopped with a reason; a closing talk offered to
 * person 0. */
static bool seen_setup(struct fixture *f, struct seen *x)
{
	struct errors e = { 0 };
	x->f = f;
	if (!setup(f, &x->s) || group_enrol(&f->c, x->s.group, x->s.people, 12, "2026-01-05", &e) ||
	    group_staff(&f->c, x->s.group, x->s.people[14], x->s.people[15], "proposed", &e))
		return false;
	struct meeting_when w1 = { "2026-02-02", "09:00", "17:00", "" }, w2 = { "2026-02-16", "09:00", "17:00", "" };
	if (meeting_plan(&f->c, x->s.group, 1, &w1, 1, &e, &x->met_draft) ||
	    meeting_plan(&f->c, x->s.group, 2, &w2, 1, &e, &x->met_published))
		return false;
	for (int i = 0; i < 12; i++)
		if (attendance_record(&f->c, x->met_draft, x->s.people[i], i % 2 ? "present" : "absent", 3, &e) ||
		    attendance_record(&f->c, x->met_published, x->s.people[i], "present", 3, &e))
			return false;
	struct enrolment *en;
	size_t n;
	if (store_enrolment_list(f->st, &f->a, f->org_a, x->s.group, &en, &n) || n != 12)
		return false;
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < 12; k++)
			if (en[i].person_id == x->s.people[k])
				x->enrolment[k] = en[i].id;
	if (enrolment_set_status(&f->c, x->enrolment[11], "stopped", "2026-03-01", "other", "Nieuwe functie elders", &e))
		return false;
	struct actor fw;
	struct ctx fac = as(f, &fw, x->s.people[15], ROLE_BIT(ROLE_FACILITATOR));
	struct report_texts t = { "Agenda", "Thema", "", "", NULL };
	return report_save(&fac, x->met_draft, &t, 10, &e, NULL) == D_OK &&
	       report_save(&fac, x->met_published, &t, 10, &e, NULL) == D_OK &&
	       report_publish(&fac, x->met_published, true, 11, &e) == D_OK &&
	       closing_record(&fac, x->enrolment[0], "2026-03-02", "held", "2026-03-09", 12, &e) == D_OK;
}

static int view_as(struct seen *x, long long person_id, unsigned roles, struct group_view *v)
{
	struct actor w;
	struct ctx c = as(x->f, &w, person_id, roles);
	return group_view(&c, x->s.group, v);
}

static const struct enrolment *stopped_one(const struct group_view *v)
{
	for (size_t i = 0; i < v->nen; i++)
		if (!strcmp(v->en[i].status, "stopped"))
			return &v->en[i];
	return NULL;
}

/* the index of a meeting in the view */
static int meeting_at(const struct group_view *v, long long id)
{
	for (size_t i = 0; i < v->nm; i++)
		if (v->m[i].id == id)
			return (int)i;
	return -1;
}

TEST(group_view_the_owner_sees_names_and_status_only)
{
	FIXTURE(f);
	struct seen x;
	CHECK(seen_setup(&f, &x));
	struct group_view v;
	CHECK_INT(view_as(&x, x.s.people[13], ROLE_BIT(ROLE_OWNER), &v), D_OK);
	CHECK_INT(v.rel, REL_OWNER);
	CHECK_INT(v.nen, 12);
	CHECK(v.show_status);
	CHECK(v.programme_link);
	/* no attendance, no reports, no reason of a stop, no closing talks */
	CHECK(v.attendance == NULL);
	CHECK_INT(v.nattendance, 0);
	CHECK(v.report_status == NULL);
	CHECK(stopped_one(&v) != NULL);
	CHECK(stopped_one(&v)->stop_reason == NULL);
	CHECK(stopped_one(&v)->stopped_on == NULL);
	CHECK_INT(v.closing_offered, 0);
	CHECK_INT(v.closing_held, 0);
	/* and nothing to change or hold */
	CHECK(!v.may_staff && !v.may_plan && !v.may_change_status && !v.holds_intake);
	CHECK(v.size_warning == NULL);
	CHECK(v.unplanned == NULL);
	CHECK_INT(v.own_enrolment_id, 0);
	fixture_close(&f);
}

TEST(group_view_a_participant_sees_their_own_attendance_and_published_reports)
{
	FIXTURE(f);
	struct seen x;
	CHECK(seen_setup(&f, &x));
	struct group_view v;
	CHECK_INT(view_as(&x, x.s.people[3], ROLE_BIT(ROLE_PARTICIPANT), &v), D_OK);
	CHECK_INT(v.rel, REL_PARTICIPANT);
	CHECK(!v.show_status);
	CHECK(!v.programme_link);
	/* one row of attendance: their own, both meetings present */
	CHECK_INT(v.nattendance, 1);
	CHECK(v.attendance != NULL);
	CHECK_INT(v.attendance[0].en->person_id, x.s.people[3]);
	CHECK_INT(v.attendance[0].present, 2);
	CHECK_INT(v.attendance[0].recorded, 2);
	/* the published report's status, not the draft's */
	CHECK(v.report_status != NULL);
	CHECK(v.report_status[meeting_at(&v, x.met_draft)] == NULL);
	CHECK_STR(v.report_status[meeting_at(&v, x.met_published)], "published");
	CHECK(stopped_one(&v)->stop_reason == NULL);
	CHECK_INT(v.closing_offered, 0);
	CHECK_INT(v.own_enrolment_id, x.enrolment[3]);
	CHECK(!v.may_staff && !v.may_plan && !v.may_change_status && !v.holds_intake);
	CHECK(v.size_warning == NULL);
	/* a stopped participant no longer sees the group, nor anything of it */
	CHECK_INT(view_as(&x, x.s.people[11], ROLE_BIT(ROLE_PARTICIPANT), &v), D_NOTFOUND);
	CHECK(v.g.name == NULL && v.en == NULL && v.nen == 0);
	/* nor does a participant of another group */
	CHECK_INT(view_as(&x, x.s.people[12], ROLE_BIT(ROLE_PARTICIPANT), &v), D_NOTFOUND);
	fixture_close(&f);
}

TEST(group_view_mentor_and_facilitator_see_the_whole_group)
{
	FIXTURE(f);
	struct seen x;
	CHECK(seen_setup(&f, &x));
	struct group_view v;
	CHECK_INT(view_as(&x, x.s.people[14], ROLE_BIT(ROLE_MENTOR), &v), D_OK);
	CHECK_INT(v.rel, REL_MENTOR);
	CHECK_INT(v.nattendance, 12);
	CHECK(v.report_status != NULL);
	CHECK_STR(v.report_status[meeting_at(&v, x.met_draft)], "draft");
	CHECK_STR(v.report_status[meeting_at(&v, x.met_published)], "published");
	CHECK_STR(stopped_one(&v)->stop_reason, "Nieuwe functie elders");
	CHECK_INT(v.closing_offered, 1);
	CHECK_INT(v.closing_held, 1);
	CHECK(v.holds_intake);
	CHECK(!v.may_plan && !v.may_staff && !v.may_change_status);
	CHECK(v.size_warning == NULL);  /* the facilitator's and the coach's concern */

	CHECK_INT(view_as(&x, x.s.people[15], ROLE_BIT(ROLE_FACILITATOR), &v), D_OK);
	CHECK_INT(v.rel, REL_FACILITATOR);
	CHECK(v.holds_intake && v.may_plan && !v.may_staff);
	CHECK_STR(v.report_status[meeting_at(&v, x.met_draft)], "draft");
	/* eleven left (one stopped) is within 10..14; planned 1 and 2 of the programme's meetings */
	CHECK(v.size_warning == NULL);
	CHECK(v.nunplanned > 0);
	for (size_t i = 0; i < v.nunplanned; i++)
		CHECK(v.unplanned[i].number != 1 && v.unplanned[i].number != 2);
	/* the attendance rows in the group's order, counted */
	int present = 0;
	for (size_t i = 0; i < v.nattendance; i++)
		present += v.attendance[i].present;
	CHECK_INT(present, 12 + 6);
	fixture_close(&f);
}

TEST(group_view_the_coach_reads_along_with_published_reports_and_runs_the_group)
{
	FIXTURE(f);
	struct seen x;
	CHECK(seen_setup(&f, &x));
	struct group_view v;
	CHECK_INT(view_as(&x, x.s.people[13], ROLE_BIT(ROLE_COACH), &v), D_OK);
	CHECK_INT(v.rel, REL_COACH);
	CHECK(v.may_staff && v.may_plan && v.may_change_status && v.programme_link && v.show_status);
	CHECK(!v.holds_intake);
	CHECK(v.report_status[meeting_at(&v, x.met_draft)] == NULL);
	CHECK_STR(v.report_status[meeting_at(&v, x.met_published)], "published");
	CHECK_INT(v.nattendance, 12);
	CHECK_STR(stopped_one(&v)->stop_reason, "Nieuwe functie elders");
	CHECK_INT(v.closing_offered, 1);
	/* the other organisation's coach: not found */
	CHECK_INT(group_view(&f.cb, x.s.group, &v), D_NOTFOUND);
	fixture_close(&f);
}
