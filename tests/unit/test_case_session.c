/* test_case_session.c — the rules of a session's answers: a member gives
 * at most SESSION_ANSWERS_MAX in one session (a flood stops there, and the
 * leader's screen stays a page), another member still may, the count is
 * per session; an empty or too long answer is refused. */
#include "test.h"
#include "fixture.h"
#include "domain/case_session.h"
#include "domain/method.h"

#include <string.h>

TEST(case_session_answers_are_bounded_per_person_and_session)
{
	FIXTURE(f);
	long long lead = fixture_person(&f, "L1", "Leider"), p1 = fixture_person(&f, "P1", "Een"),
		  p2 = fixture_person(&f, "P2", "Twee");
	long long o = f.org_a;
	CHECK(!fixture_exec(&f, "INSERT INTO programme(id, organisation_id, name, shape) VALUES (900, %lld, 'P', 'meeting_series');"
				"INSERT INTO batch(id, organisation_id, programme_id, number, name) VALUES (900, %lld, 900, 1, 'B');"
				"INSERT INTO learning_group(id, organisation_id, batch_id, name, facilitator_id) VALUES (901, %lld, 900, 'G', %lld);"
				"INSERT INTO enrolment(organisation_id, group_id, person_id, registered_on) VALUES"
				" (%lld, 901, %lld, '2027-01-01'), (%lld, 901, %lld, '2027-01-01');",
				o, o, o, lead, o, p1, o, p2));
	f.who.person_id = lead;
	CHECK(method_install_all(&f.c) == D_OK);
	struct errors e = { 0 };
	long long s1 = 0, s2 = 0;
	CHECK(case_session_start(&f.c, 901, "actieleren", 0, "Casus", "", "", &e, &s1) == D_OK);
	CHECK(case_session_start(&f.c, 901, "actieleren", 0, "Tweede", "", "", &e, &s2) == D_OK);
	f.who.person_id = p1;
	CHECK(case_session_answer(&f.c, s1, "", &e) == D_INVALID);
	e = (struct errors){ 0 };
	for (int i = 0; i < SESSION_ANSWERS_MAX; i++)
		CHECK(case_session_answer(&f.c, s1, "Een idee", &e) == D_OK);
	CHECK(case_session_answer(&f.c, s1, "Nog een", &e) == D_INVALID);
	CHECK(errors_get(&e, "answer") != NULL);
	CHECK(fixture_query(&f, "SELECT count(*) FROM case_session_answer WHERE session_id = %lld AND person_id = %lld", s1,
			    p1) == SESSION_ANSWERS_MAX);
	/* another member, and the same member in another session, still may */
	e = (struct errors){ 0 };
	CHECK(case_session_answer(&f.c, s2, "Elders", &e) == D_OK);
	f.who.person_id = p2;
	CHECK(case_session_answer(&f.c, s1, "Van een ander", &e) == D_OK);
	fixture_close(&f);
}
