/* test_retention.c — retention periods: month arithmetic at the ends of
 * months, the periods an organisation sets (bad values change nothing,
 * another organisation keeps the defaults, the change is audited), and a
 * dry run that removes nothing. */
#include "test.h"
#include "fixture.h"
#include "domain/retention.h"
#include "domain/schedule.h"

TEST(retention_date_add_months)
{
	char d[11];
	date_add_months("2027-03-31", -1, d);
	CHECK_STR(d, "2027-02-28");
	date_add_months("2028-03-31", -1, d);
	CHECK_STR(d, "2028-02-29");
	date_add_months("2027-01-15", -24, d);
	CHECK_STR(d, "2025-01-15");
	date_add_months("2026-12-07", 1, d);
	CHECK_STR(d, "2027-01-07");
	date_add_months("2027-01-01", -240, d);
	CHECK_STR(d, "2007-01-01");
}

TEST(retention_set_refuses_bad_periods)
{
	FIXTURE(f);
	struct retention p;
	CHECK_INT(retention_get(&f.c, &p), D_OK);
	CHECK(p.is_default);
	CHECK_INT(p.texts_months, retention_defaults()->texts_months);
	static const char *bad[] = { "0", "-3", "241", "12a", " 12", "1e2", "", "99999999999999999999" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct errors e = { 0 };
		CHECK_INT(retention_set(&f.c, "24", bad[i], "24", &e), D_INVALID);
		CHECK(errors_get(&e, "logbook_months") != NULL);
		CHECK(errors_get(&e, "texts_months") == NULL);
	}
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM retention"), 0);
	struct errors e = { 0 };
	CHECK_INT(retention_set(&f.c, "1", "240", "7", &e), D_OK);
	CHECK_INT(retention_get(&f.c, &p), D_OK);
	CHECK(!p.is_default);
	CHECK_INT(p.texts_months, 1);
	CHECK_INT(p.logbook_months, 240);
	CHECK_INT(p.answers_months, 7);
	CHECK_INT(retention_get(&f.cb, &p), D_OK);
	CHECK(p.is_default);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'retention.set' AND organisation_id = %lld",
				f.org_a), 1);
	fixture_close(&f);
}

TEST(retention_dry_run_on_empty_organisation)
{
	FIXTURE(f);
	struct retention_result r;
	struct buf err = BUF_INIT;
	f.c.now = 1893456000;  /* 2030-01-01 */
	CHECK_INT(retention_apply(&f.c, true, &r, &err), D_OK);
	CHECK_INT(r.total, 0);
	CHECK_STR(retention_counts(&f.a, &r), "nothing");
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'retention.apply'"), 0);
	buf_release(&err);
	fixture_close(&f);
}
