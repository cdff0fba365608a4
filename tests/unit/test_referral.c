/* test_referral.c — how a person came to take part: the rules of
 * referral_add (one source per kind, nobody encourages themselves, the same
 * referral once, another organisation's person or presentation not found),
 * who may record for whom, and presentation attendees added twice without
 * error. */
#include "test.h"
#include "fixture.h"
#include "domain/peer_group.h"
#include "domain/referral.h"
#include "domain/role.h"

TEST(referral_rules)
{
	FIXTURE(f);
	struct errors e = { 0 };
	long long id = 0, a = fixture_person(&f, "r1", "Anja"), b = fixture_person(&f, "r2", "Bart");
	long long pres = 0;
	CHECK(presentation_add(&f.c, "pecha_kucha", "department", "2015-06-01", "LC1", 0, &b, 1, &e, &pres) == D_OK);
#define REFUSED(call, field)                                                   \
	do {                                                                   \
		e.n = 0;                                                       \
		CHECK((call) == D_INVALID);                                    \
		CHECK(errors_get(&e, field) != NULL);                          \
	} while (0)
	REFUSED(referral_add(&f.c, a, "person", a, "", "", 0, "", &e, &id), "by_person");          /* oneself */
	REFUSED(referral_add(&f.c, a, "person", b, "Wethouder", "", 0, "", &e, &id), "by_name");   /* both */
	REFUSED(referral_add(&f.c, a, "person", 0, "  ", "", 0, "", &e, &id), "by_person");        /* neither */
	REFUSED(referral_add(&f.c, a, "person", b, "", "boss", 0, "", &e, &id), "by_role");
	REFUSED(referral_add(&f.c, a, "person", b, "", "", 0, "2015-02-29", &e, &id), "noted_on");
	REFUSED(referral_add(&f.c, a, "presentation", 0, "", "", 0, "", &e, &id), "presentation");
	REFUSED(referral_add(&f.c, a, "own", b, "", "", 0, "", &e, &id), "by_person");
	REFUSED(referral_add(&f.c, a, "own", 0, "", "", pres, "", &e, &id), "presentation");
	REFUSED(referral_add(&f.c, a, "both", 0, "", "", 0, "", &e, &id), "kind");
	REFUSED(referral_add(&f.c, a, "person", 0, "Wet\x01houder", "", 0, "", &e, &id), "by_name");
	CHECK(fixture_query(&f, "SELECT count(*) FROM referral") == 0);
	e.n = 0;
	CHECK(referral_add(&f.c, a, "person", 0, " Wethouder ", "outside", 0, "2015-01-05", &e, &id) == D_OK);
	CHECK(fixture_query(&f, "SELECT count(*) FROM referral WHERE by_name = 'Wethouder'") == 1);
	REFUSED(referral_add(&f.c, a, "person", 0, "wethouder", "top", 0, "", &e, &id), "kind");  /* the same source */
	e.n = 0;
	CHECK(referral_add(&f.c, a, "person", b, "", "colleague", 0, "", &e, &id) == D_OK);
	CHECK(referral_add(&f.c, a, "presentation", 0, "", "", pres, "", &e, &id) == D_OK);
	CHECK(referral_add(&f.c, a, "own", 0, "", "", 0, "", &e, &id) == D_OK);
	CHECK(fixture_query(&f, "SELECT count(*) FROM referral WHERE person_id = %lld", a) == 4);
	CHECK(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'referral.add'") == 4);
	/* another organisation: its ctx does not find the person, nor this one the other's */
	CHECK(referral_add(&f.cb, a, "own", 0, "", "", 0, "", &e, &id) == D_NOTFOUND);
	CHECK(referral_add(&f.c, b, "presentation", 0, "", "", pres + 1000, "", &e, &id) == D_NOTFOUND);
	fixture_close(&f);
}

TEST(referral_participant_for_themselves)
{
	FIXTURE(f);
	struct errors e = { 0 };
	long long id = 0, a = fixture_person(&f, "r1", "Anja"), b = fixture_person(&f, "r2", "Bart");
	struct actor part = f.who;
	part.roles = ROLE_BIT(ROLE_PARTICIPANT);
	part.person_id = a;
	struct ctx pc = f.c;
	pc.who = &part;
	CHECK(referral_add(&pc, a, "own", 0, "", "", 0, "", &e, &id) == D_OK);
	CHECK(referral_add(&pc, b, "own", 0, "", "", 0, "", &e, &id) == D_FORBIDDEN);
	long long theirs = 0;
	CHECK(referral_add(&f.c, b, "person", a, "", "colleague", 0, "", &e, &theirs) == D_OK);
	struct referral *r;
	size_t n;
	CHECK(referral_list(&pc, a, &r, &n) == D_OK && n == 1);
	CHECK(referral_list(&pc, b, &r, &n) == D_NOTFOUND);
	CHECK(referral_list_given(&pc, a, &r, &n) == D_FORBIDDEN);     /* who named them is not theirs to read */
	CHECK(referral_remove(&pc, theirs) == D_NOTFOUND);
	CHECK(referral_remove(&pc, id) == D_OK);
	struct actor owner = part;
	owner.roles = ROLE_BIT(ROLE_OWNER) | ROLE_BIT(ROLE_MANAGER);
	pc.who = &owner;
	CHECK(referral_add(&pc, a, "own", 0, "", "", 0, "", &e, &id) == D_FORBIDDEN);
	CHECK(referral_list(&pc, b, &r, &n) == D_FORBIDDEN);
	fixture_close(&f);
}

TEST(presentation_attendee_twice)
{
	FIXTURE(f);
	struct errors e = { 0 };
	long long a = fixture_person(&f, "r1", "Anja"), pres = 0;
	CHECK(presentation_add(&f.c, "other", "team", "2015-06-01", "T", 0, &a, 1, &e, &pres) == D_OK);
	CHECK(presentation_attendee_add(&f.c, pres, a, &e) == D_OK);
	CHECK(presentation_attendee_add(&f.c, pres, a, &e) == D_OK);
	CHECK(fixture_query(&f, "SELECT count(*) FROM presentation_attendee") == 1);
	CHECK(presentation_attendee_add(&f.cb, pres, a, &e) == D_NOTFOUND);
	CHECK(presentation_attendee_add(&f.c, pres, 0, &e) == D_INVALID);
	e.n = 0;
	CHECK(presentation_attendee_remove(&f.c, pres, a, &e) == D_OK);
	CHECK(presentation_attendee_remove(&f.c, pres, a, &e) == D_INVALID);
	CHECK(fixture_query(&f, "SELECT count(*) FROM presentation_attendee") == 0);
	fixture_close(&f);
}
