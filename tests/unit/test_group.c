/* test_group.c — groups: staffing and the pair confirmed after the first
 * meeting, enrolment once per programme, status changes with their
 * messages, the size warning, and who relates how to a group. */
#include "test.h"
#include "fixture.h"
#include "core/i18n.h"
#include "domain/group.h"
#include "domain/meeting.h"
#include "domain/programme.h"
#include "domain/role.h"
#include "store/design.h"
#include "store/group.h"
#include "store/store.h"

#include <stdio.h>

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
	CHECK_INT(enrolment_set_status(&f.c, en[0].id, "completed", "2026-06-01", "", &e), D_INVALID);
	CHECK_STR(errors_get(&e, "status"), "A place that is registered cannot become completed.");
	e.n = 0;
	CHECK_INT(enrolment_set_status(&f.c, en[0].id, "stopped", "2025-12-01", "", &e), D_INVALID);
	CHECK_STR(errors_get(&e, "date"), "The date cannot be before the registration on 5 January 2026.");
	CHECK(errors_get(&e, "reason") != NULL);
	e.n = 0;
	CHECK_INT(enrolment_set_status(&f.c, en[0].id, "stopped", "2026-02-01", "Nieuwe functie", &e), D_OK);
	/* stopped: free to join another group of the programme */
	CHECK_INT(group_enrol(&f.c, s.group2, &en[0].person_id, 1, "2026-02-02", &e), D_OK);
	CHECK_INT(enrolment_set_status(&f.c, en[1].id, "active", NULL, NULL, &e), D_OK);
	CHECK_INT(enrolment_set_status(&f.c, en[1].id, "completed", "2026-06-01", NULL, &e), D_OK);
	CHECK_INT(enrolment_set_status(&f.c, en[1].id, "bogus", "2026-06-01", NULL, &e), D_INVALID);
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
