/* test_session_action.c — the rules of follow-up actions: overdue only
 * when open and due before today; made by the session's leader alone,
 * with an owner among the members, a text of 1..500 and a due date not
 * before the session; reviewed only in a later session of the same group
 * (never another group's), the review recorded; carried on only to a date
 * from today on; another organisation sees nothing. */
#include "test.h"
#include "fixture.h"
#include "domain/case_session.h"
#include "domain/method.h"
#include "domain/session_action.h"

#include <string.h>

TEST(session_action_overdue_rule)
{
	struct session_action x = { .status = "open", .due_on = "2027-03-01" };
	CHECK(session_action_overdue(&x, "2027-03-02"));
	CHECK(!session_action_overdue(&x, "2027-03-01"));   /* due today is not late */
	x.status = "done";
	CHECK(!session_action_overdue(&x, "2027-04-01"));
	x.status = "dropped";
	CHECK(!session_action_overdue(&x, "2027-04-01"));
}

/* Two groups of one batch with the same facilitator (the actor); p1, p2
 * in group 1, p3 in group 2. */
struct world {
	long long g1, g2, lead, p1, p2, p3;
};

static bool build(struct fixture *f, struct world *w)
{
	w->lead = fixture_person(f, "L1", "Leider");
	w->p1 = fixture_person(f, "P1", "Een");
	w->p2 = fixture_person(f, "P2", "Twee");
	w->p3 = fixture_person(f, "P3", "Drie");
	long long o = f->org_a;
	if (fixture_exec(f, "INSERT INTO programme(id, organisation_id, name, shape) VALUES (900, %lld, 'P', 'meeting_series');"
			    "INSERT INTO batch(id, organisation_id, programme_id, number, name) VALUES (900, %lld, 900, 1, 'B');"
			    "INSERT INTO learning_group(id, organisation_id, batch_id, name, facilitator_id) VALUES"
			    " (901, %lld, 900, 'G1', %lld), (902, %lld, 900, 'G2', %lld);"
			    "INSERT INTO enrolment(organisation_id, group_id, person_id, registered_on) VALUES"
			    " (%lld, 901, %lld, '2027-01-01'), (%lld, 901, %lld, '2027-01-01'), (%lld, 902, %lld, '2027-01-01');",
			    o, o, o, w->lead, o, w->lead, o, w->p1, o, w->p2, o, w->p3))
		return false;
	w->g1 = 901;
	w->g2 = 902;
	f->who.person_id = w->lead;
	return method_install_all(&f->c) == D_OK;
}

static long long start(struct fixture *f, long long group)
{
	struct errors e = { 0 };
	long long id = 0;
	CHECK(case_session_start(&f->c, group, "actieleren", 0, "Casus", "", "", &e, &id) == D_OK);
	return id;
}

TEST(session_action_made_by_the_leader_with_valid_fields)
{
	FIXTURE(f);
	struct world w;
	CHECK(build(&f, &w));
	f.c.now = 1798761600;  /* 2027-01-01 */
	long long s = start(&f, w.g1);
	struct errors e = { 0 };
	long long id = 0;
	char long_text[502];
	memset(long_text, 'x', 501);
	long_text[501] = 0;
	CHECK(session_action_add(&f.c, s, w.p3, "", "2026-12-31", &e, &id) == D_INVALID);
	CHECK(errors_get(&e, "text") && errors_get(&e, "owner") && errors_get(&e, "due_on"));
	e = (struct errors){ 0 };
	CHECK(session_action_add(&f.c, s, w.p1, long_text, "2027-02-30", &e, &id) == D_INVALID);
	CHECK(errors_get(&e, "text") && !errors_get(&e, "owner") && errors_get(&e, "due_on"));
	CHECK(fixture_query(&f, "SELECT count(*) FROM session_action") == 0);
	e = (struct errors){ 0 };
	CHECK(session_action_add(&f.c, s, w.p1, "Bellen", "2027-01-01", &e, &id) == D_OK);
	CHECK(id > 0);
	/* a member may not make one; another organisation does not find the session */
	f.who.person_id = w.p2;
	e = (struct errors){ 0 };
	CHECK(session_action_add(&f.c, s, w.p1, "Ook", "2027-01-05", &e, &id) == D_FORBIDDEN);
	e = (struct errors){ 0 };
	CHECK(session_action_add(&f.cb, s, w.p1, "Ook", "2027-01-05", &e, &id) == D_NOTFOUND);
	struct session_actions a;
	CHECK(session_action_for_session(&f.cb, s, &a) == D_NOTFOUND);
	CHECK(fixture_query(&f, "SELECT count(*) FROM session_action") == 1);
	fixture_close(&f);
}

TEST(session_action_reviewed_in_the_same_groups_next_session_only)
{
	FIXTURE(f);
	struct world w;
	CHECK(build(&f, &w));
	f.c.now = 1798761600;  /* 2027-01-01 */
	long long s1 = start(&f, w.g1), other = start(&f, w.g2);
	struct errors e = { 0 };
	long long a1 = 0, a2 = 0, a3 = 0;
	CHECK(session_action_add(&f.c, s1, w.p1, "Eerste", "2027-01-10", &e, &a1) == D_OK);
	CHECK(session_action_add(&f.c, s1, w.p2, "Tweede", "2027-01-10", &e, &a2) == D_OK);
	CHECK(session_action_add(&f.c, other, w.p3, "Andere groep", "2027-01-10", &e, &a3) == D_OK);
	long long s2 = start(&f, w.g1);
	struct session_actions a;
	CHECK(session_action_for_session(&f.c, s2, &a) == D_OK);
	CHECK(a.nearlier == 2 && a.nmade == 0);
	for (size_t i = 0; i < a.nearlier; i++)
		CHECK(a.earlier[i].id != a3);   /* never another group's */
	/* the first session does not review its own, nor the next one's */
	CHECK(session_action_for_session(&f.c, s1, &a) == D_OK);
	CHECK(a.nearlier == 0);
	CHECK(session_action_update(&f.c, a3, "done", "", s2, &e) == D_NOTFOUND);
	/* carried on: not to a date before today */
	e = (struct errors){ 0 };
	CHECK(session_action_update(&f.c, a1, "open", "2026-12-31", s2, &e) == D_INVALID);
	e = (struct errors){ 0 };
	CHECK(session_action_update(&f.c, a1, "open", "2027-02-01", s2, &e) == D_OK);
	CHECK(session_action_update(&f.c, a2, "done", "", s2, &e) == D_OK);
	CHECK(fixture_query(&f, "SELECT count(*) FROM session_action WHERE reviewed_in_session_id = %lld", s2) == 2);
	CHECK(fixture_query(&f, "SELECT carried FROM session_action WHERE id = %lld", a1) == 1);
	CHECK(fixture_query(&f, "SELECT count(*) FROM session_action WHERE id = %lld AND status = 'done'", a2) == 1);
	/* a member who does not own it cannot change it */
	f.who.person_id = w.p2;
	e = (struct errors){ 0 };
	CHECK(session_action_update(&f.c, a1, "done", "", 0, &e) == D_NOTFOUND);
	/* the owner can */
	f.who.person_id = w.p1;
	CHECK(session_action_update(&f.c, a1, "done", "", 0, &e) == D_OK);
	struct session_action *mine;
	size_t n;
	CHECK(session_action_mine(&f.c, &mine, &n) == D_OK);
	CHECK(n == 1 && !strcmp(mine[0].status, "done"));
	fixture_close(&f);
}
