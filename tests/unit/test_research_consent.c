/* test_research_consent.c — consent to use a text for research
 * (domain/research_consent.h) on a store holding the demo: only the
 * writer consents for a logbook entry and only the owner for a case; the
 * group's consent only for a published report or a bundled story, recorded
 * by its facilitator or the coach; and the researcher's query returns what
 * carries consent and nothing else (not an entry without it, not a report
 * taken back to draft, not another organisation's, not for another role),
 * each read of a personal text audited. */
#include "test.h"
#include "fixture.h"
#include "demo/demo.h"
#include "domain/research_consent.h"
#include "domain/role.h"
#include "formats/markdown.h"
#include "store/report.h"

#include <sodium.h>
#include <string.h>

/* An actor of org: person (0 for none) with these roles. */
static struct ctx as(struct demo_db *d, struct actor *w, long long org, long long person, unsigned roles)
{
	memset(w, 0, sizeof(*w));
	w->organisation_id = org;
	w->person_id = person;
	w->email = "test";
	w->display_name = "test";
	w->roles = roles;
	return (struct ctx){ d->f.st, &d->f.a, w, 0 };
}

static long long person_of(struct demo_db *d, const char *email)
{
	return fixture_query(&d->f, "SELECT person_id FROM account WHERE email = '%s'", email);
}

static const struct consented_text *find(const struct consented_text *t, size_t n, const char *kind, long long id)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(t[i].kind, kind) && t[i].id == id)
			return &t[i];
	return NULL;
}

static long long consent_of(struct demo_db *d, const char *table, long long id)
{
	return fixture_query(&d->f, "SELECT research_consent FROM %s WHERE id = %lld", table, id);
}

static long long audited(struct demo_db *d, const char *action, long long id)
{
	return fixture_query(&d->f, "SELECT count(*) FROM audit_log WHERE action = '%s' AND object_id = %lld", action, id);
}

TEST(research_consent_the_writer_alone_for_a_logbook_entry)
{
	struct demo_db d;
	if (!demo_open(&d)) {
		CHECK(!"demo_open");
		fixture_close(&d.f);
		return;
	}
	long long writer = person_of(&d, "deelnemer@politie.example");
	long long facilitator = person_of(&d, "begeleider@politie.example");
	long long entry = fixture_query(&d.f, "SELECT min(id) FROM logbook_entry WHERE person_id = %lld", writer);
	CHECK(entry > 0);
	struct actor w;
	/* nobody but the writer: the facilitator, a coach, an administrator with
	 * every role, the researcher, the writer's own id in another organisation */
	struct ctx c = as(&d, &w, d.police, facilitator, ROLES_ALL);
	CHECK_INT(consent_logbook(&c, entry, true), D_NOTFOUND);
	c = as(&d, &w, d.police, 0, ROLES_ALL);
	CHECK_INT(consent_logbook(&c, entry, true), D_NOTFOUND);
	c = as(&d, &w, d.town, writer, ROLES_ALL);
	CHECK_INT(consent_logbook(&c, entry, true), D_NOTFOUND);
	CHECK_INT(consent_of(&d, "logbook_entry", entry), 0);
	CHECK_INT(audited(&d, "research.consent.give", entry), 0);
	/* the writer gives it, with the time, audited; and withdraws it */
	c = as(&d, &w, d.police, writer, ROLE_BIT(ROLE_PARTICIPANT));
	c.now = 1767225600;  /* 2026-01-01 */
	CHECK_INT(consent_logbook(&c, entry, true), D_OK);
	CHECK_INT(consent_of(&d, "logbook_entry", entry), 1);
	CHECK_INT(fixture_query(&d.f, "SELECT research_consent_at FROM logbook_entry WHERE id = %lld", entry), 1767225600);
	CHECK_INT(audited(&d, "research.consent.give", entry), 1);
	struct research_consent rc;
	CHECK_INT(consent_state(&c, "logbook", entry, &rc), D_OK);
	CHECK(rc.given && rc.at == 1767225600);
	CHECK_INT(consent_logbook(&c, entry, false), D_OK);
	CHECK_INT(consent_of(&d, "logbook_entry", entry), 0);
	CHECK_INT(fixture_query(&d.f, "SELECT research_consent_at IS NULL FROM logbook_entry WHERE id = %lld", entry), 1);
	CHECK_INT(audited(&d, "research.consent.withdraw", entry), 1);
	/* the case: its owner alone */
	long long cs = fixture_query(&d.f, "SELECT min(id) FROM case_session WHERE organisation_id = %lld"
				     " AND case_person_id = %lld", d.police, writer);
	CHECK(cs > 0);
	c = as(&d, &w, d.police, facilitator, ROLES_ALL);
	CHECK_INT(consent_case(&c, cs, true), D_NOTFOUND);
	CHECK_INT(consent_of(&d, "case_session", cs), 0);
	c = as(&d, &w, d.police, writer, ROLE_BIT(ROLE_PARTICIPANT));
	CHECK_INT(consent_case(&c, cs, true), D_OK);
	CHECK_INT(consent_of(&d, "case_session", cs), 1);
	/* the researcher's list shows the case by its title, the owner's words:
	 * that read is logged; the text itself is not in the list */
	c = as(&d, &w, d.police, 0, ROLE_BIT(ROLE_RESEARCHER));
	struct consented_text *t;
	size_t n;
	long long reads = audited(&d, "case.read", cs);
	CHECK_INT(consented_texts(&c, &t, &n), D_OK);
	const struct consented_text *k = NULL;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(t[i].kind, "case") && t[i].id == cs)
			k = &t[i];
	CHECK(k != NULL);
	CHECK(k && k->text == NULL && !strncmp(k->title, "Case: ", 6));
	CHECK_INT(audited(&d, "case.read", cs), reads + 1);
	fixture_close(&d.f);
}

TEST(research_consent_the_group_only_for_a_published_report_or_bundled_story)
{
	struct demo_db d;
	if (!demo_open(&d)) {
		CHECK(!"demo_open");
		fixture_close(&d.f);
		return;
	}
	long long facilitator = person_of(&d, "begeleider@politie.example");
	long long participant = person_of(&d, "deelnemer@politie.example");
	long long draft_meeting = fixture_query(&d.f, "SELECT min(meeting_id) FROM meeting_report WHERE organisation_id = %lld"
					       " AND status = 'draft'", d.police);
	long long pub = fixture_query(&d.f, "SELECT min(r.id) FROM meeting_report r JOIN learning_group g ON g.id = r.group_id"
				      " WHERE r.organisation_id = %lld AND r.status = 'published' AND g.facilitator_id = %lld",
				      d.police, facilitator);
	long long pub_meeting = fixture_query(&d.f, "SELECT meeting_id FROM meeting_report WHERE id = %lld", pub);
	long long story_group = fixture_query(&d.f, "SELECT min(group_id) FROM learning_story WHERE organisation_id = %lld"
					      " AND status = 'bundled'", d.police);
	CHECK(draft_meeting > 0 && pub > 0 && story_group > 0);
	struct actor w;
	struct errors e = { 0 };
	/* a draft cannot carry consent, with a message; nothing changes */
	struct ctx c = as(&d, &w, d.police, facilitator, ROLE_BIT(ROLE_FACILITATOR));
	CHECK_INT(consent_report(&c, draft_meeting, true, &e), D_INVALID);
	CHECK(errors_get(&e, "consent") != NULL);
	CHECK_INT(fixture_query(&d.f, "SELECT count(*) FROM meeting_report WHERE research_consent = 1"), 0);
	/* a participant of the group, a mentor-like stranger: not theirs */
	c = as(&d, &w, d.police, participant, ROLE_BIT(ROLE_PARTICIPANT) | ROLE_BIT(ROLE_FACILITATOR));
	memset(&e, 0, sizeof(e));
	CHECK_INT(consent_report(&c, pub_meeting, true, &e), D_NOTFOUND);
	CHECK_INT(consent_story(&c, story_group, true, &e), D_NOTFOUND);
	/* the facilitator records it for the report, who and when */
	c = as(&d, &w, d.police, facilitator, ROLE_BIT(ROLE_FACILITATOR));
	CHECK_INT(consent_report(&c, pub_meeting, true, &e), D_OK);
	CHECK_INT(consent_of(&d, "meeting_report", pub), 1);
	CHECK_INT(fixture_query(&d.f, "SELECT research_consent_by FROM meeting_report WHERE id = %lld", pub), facilitator);
	struct research_consent rc;
	CHECK_INT(consent_state(&c, "report", pub, &rc), D_OK);
	CHECK(rc.given && *rc.by_name);
	/* the coach (no place in the group) for the bundled story */
	c = as(&d, &w, d.police, 0, ROLE_BIT(ROLE_COACH));
	CHECK_INT(consent_story(&c, story_group, true, &e), D_OK);
	CHECK_INT(fixture_query(&d.f, "SELECT research_consent FROM learning_story WHERE group_id = %lld", story_group), 1);
	fixture_close(&d.f);
}

TEST(research_consent_the_researcher_takes_consented_texts_only)
{
	struct demo_db d;
	if (!demo_open(&d)) {
		CHECK(!"demo_open");
		fixture_close(&d.f);
		return;
	}
	long long writer = person_of(&d, "deelnemer@politie.example");
	long long facilitator = person_of(&d, "begeleider@politie.example");
	long long town_facilitator = person_of(&d, "begeleider@gemeente.example");
	long long yes = fixture_query(&d.f, "SELECT min(id) FROM logbook_entry WHERE person_id = %lld", writer);
	long long no = fixture_query(&d.f, "SELECT max(id) FROM logbook_entry WHERE person_id = %lld", writer);
	long long rep = fixture_query(&d.f, "SELECT min(r.id) FROM meeting_report r JOIN learning_group g ON g.id = r.group_id"
				      " WHERE r.organisation_id = %lld AND r.status = 'published' AND g.facilitator_id = %lld",
				      d.police, facilitator);
	long long later_draft = fixture_query(&d.f, "SELECT max(r.id) FROM meeting_report r JOIN learning_group g"
					      " ON g.id = r.group_id WHERE r.organisation_id = %lld AND r.status = 'published'"
					      " AND g.facilitator_id = %lld", d.police, facilitator);
	long long town_rep = fixture_query(&d.f, "SELECT min(r.id) FROM meeting_report r JOIN learning_group g"
					   " ON g.id = r.group_id WHERE r.organisation_id = %lld AND r.status = 'published'"
					   " AND g.facilitator_id = %lld", d.town, town_facilitator);
	CHECK(yes > 0 && no > yes && rep > 0 && later_draft > rep && town_rep > 0);
	long long meeting_of[3];
	meeting_of[0] = fixture_query(&d.f, "SELECT meeting_id FROM meeting_report WHERE id = %lld", rep);
	meeting_of[1] = fixture_query(&d.f, "SELECT meeting_id FROM meeting_report WHERE id = %lld", later_draft);
	meeting_of[2] = fixture_query(&d.f, "SELECT meeting_id FROM meeting_report WHERE id = %lld", town_rep);
	struct actor w;
	struct errors e = { 0 };
	struct ctx c = as(&d, &w, d.police, writer, ROLE_BIT(ROLE_PARTICIPANT));
	CHECK_INT(consent_logbook(&c, yes, true), D_OK);
	c = as(&d, &w, d.police, facilitator, ROLE_BIT(ROLE_FACILITATOR));
	CHECK_INT(consent_report(&c, meeting_of[0], true, &e), D_OK);
	CHECK_INT(consent_report(&c, meeting_of[1], true, &e), D_OK);
	/* taken back to draft after the consent: no longer a source */
	CHECK_INT(store_report_publish(d.f.st, d.police, later_draft, false, 1767225600), ST_OK);
	c = as(&d, &w, d.town, town_facilitator, ROLE_BIT(ROLE_FACILITATOR));
	CHECK_INT(consent_report(&c, meeting_of[2], true, &e), D_OK);

	/* only a researcher asks */
	struct consented_text *t;
	size_t n;
	c = as(&d, &w, d.police, facilitator, ROLES_ALL & ~ROLE_BIT(ROLE_RESEARCHER));
	CHECK_INT(consented_texts(&c, &t, &n), D_FORBIDDEN);
	struct consented_text one;
	CHECK_INT(consented_text_get(&c, "logbook", yes, &one), D_FORBIDDEN);

	c = as(&d, &w, d.police, 0, ROLE_BIT(ROLE_RESEARCHER));
	long long reads = audited(&d, "logbook.read", yes);
	CHECK_INT(consented_texts(&c, &t, &n), D_OK);
	CHECK_INT(n, 2);
	const struct consented_text *l = find(t, n, "logbook", yes), *r = find(t, n, "report", rep);
	CHECK(l != NULL);
	CHECK(r != NULL);
	CHECK(!find(t, n, "logbook", no));
	CHECK(!find(t, n, "report", later_draft));
	CHECK(!find(t, n, "report", town_rep));
	/* a list to choose from reads no one's words: no text, no read logged */
	CHECK_INT(audited(&d, "logbook.read", yes), reads);
	if (l) {
		CHECK_INT(l->writer_id, writer);
		CHECK(l->text == NULL);
		CHECK(!strncmp(l->title, "Logbook entry, ", 15));
	}
	struct consented_text got;
	if (r) {
		CHECK_INT(r->writer_id, 0);
		CHECK(r->group_id > 0);
		CHECK(r->text == NULL);
		CHECK(!strncmp(r->title, "Report of meeting ", 18));
		CHECK(r->date && strlen(r->date) == 10 && strstr(r->title, r->date));
		/* taken one by one: the agenda's words, made plain, are in the text
		 * under their heading */
		CHECK_INT(consented_text_get(&c, "report", rep, &got), D_OK);
		r = &got;
		struct meeting_report mr;
		CHECK_INT(store_report_get(d.f.st, &d.f.a, d.police, rep, &mr), ST_OK);
		struct buf pl = BUF_INIT;
		md_plain(&pl, mr.agenda, strlen(mr.agenda));
		char *nl = pl.ptr ? strchr(pl.ptr, '\n') : NULL;
		if (nl)
			*nl = '\0';
		CHECK(pl.ptr && *pl.ptr && strstr(r->text, pl.ptr));
		CHECK(strstr(r->text, "Agenda") != NULL);
		buf_release(&pl);
	}

	/* one by one: what carries no consent is not found */
	CHECK_INT(consented_text_get(&c, "logbook", yes, &one), D_OK);
	CHECK(one.text && *one.text && !strchr(one.text, '#'));
	CHECK_INT(audited(&d, "logbook.read", yes), reads + 1);
	CHECK_INT(consented_text_get(&c, "logbook", no, &one), D_NOTFOUND);
	CHECK_INT(consented_text_get(&c, "report", later_draft, &one), D_NOTFOUND);
	CHECK_INT(consented_text_get(&c, "report", town_rep, &one), D_NOTFOUND);
	CHECK_INT(consented_text_get(&c, "contribution", rep, &one), D_NOTFOUND);
	CHECK_INT(consented_text_get(&c, "report", rep, &one), D_OK);

	/* withdrawn: gone from the list */
	struct ctx cw = as(&d, &w, d.police, writer, ROLE_BIT(ROLE_PARTICIPANT));
	CHECK_INT(consent_logbook(&cw, yes, false), D_OK);
	c = as(&d, &w, d.police, 0, ROLE_BIT(ROLE_RESEARCHER));
	CHECK_INT(consented_texts(&c, &t, &n), D_OK);
	CHECK(!find(t, n, "logbook", yes));
	CHECK_INT(consented_text_get(&c, "logbook", yes, &one), D_NOTFOUND);
	/* the other organisation's researcher sees its own report only */
	c = as(&d, &w, d.town, 0, ROLE_BIT(ROLE_RESEARCHER));
	CHECK_INT(consented_texts(&c, &t, &n), D_OK);
	CHECK_INT(n, 1);
	CHECK(find(t, n, "report", town_rep) != NULL);
	fixture_close(&d.f);
}
