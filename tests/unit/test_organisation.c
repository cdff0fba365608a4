/* test_organisation.c — an organisation is made with its built-in
 * frameworks at once (no page writes them on first view); bad input and a
 * slug in use change nothing; one made before is completed at start. */
#include "test.h"
#include "fixture.h"
#include "domain/builtin.h"
#include "domain/organisation.h"

TEST(organisation_made_with_its_frameworks)
{
	FIXTURE(f);
	long long before = fixture_query(&f, "SELECT count(*) FROM organisation");
	long long id = 0;
	CHECK_INT(organisation_create(f.st, &f.a, "korps-noord", "Korps Noord", &id), D_OK);
	CHECK(id > 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM framework WHERE organisation_id = %lld", id),
		  (long long)builtin_nframeworks);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE organisation_id = %lld AND action = 'organisation.create'", id), 1);
	long long other;
	CHECK_INT(organisation_create(f.st, &f.a, "korps-noord", "Nog een", &other), D_CONFLICT);
	CHECK_INT(organisation_create(f.st, &f.a, "-fout", "Fout", &other), D_INVALID);
	CHECK_INT(organisation_create(f.st, &f.a, "leeg", "", &other), D_INVALID);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM organisation"), before + 1);
	/* the fixture's organisations were made by the store alone: completed */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM framework WHERE organisation_id = %lld", f.org_a), 0);
	CHECK_INT(organisation_frameworks_complete(f.st, &f.a), D_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM framework WHERE organisation_id = %lld", f.org_a),
		  (long long)builtin_nframeworks);
	CHECK_INT(organisation_frameworks_complete(f.st, &f.a), D_OK);  /* and only once */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM framework WHERE organisation_id = %lld", id),
		  (long long)builtin_nframeworks);
	fixture_close(&f);
}
