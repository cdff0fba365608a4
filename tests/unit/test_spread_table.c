/* test_spread_table.c — the pure rules of the spread table: where a
 * circle's period starts (the period filter), the natural order of team
 * names, and a unit's department and team in the tree. */
#include "test.h"
#include "domain/spread_table.h"

#include <string.h>

TEST(spread_period_start_by_season)
{
	char d[11];
	spread_period_start("vj 2015", d);
	CHECK_STR(d, "2015-03-01");
	spread_period_start("nj 2016", d);
	CHECK_STR(d, "2016-09-01");
	spread_period_start("zo-nj 2017", d);
	CHECK_STR(d, "2017-06-01");
	spread_period_start("wi-vj 2018", d);
	CHECK_STR(d, "2018-01-01");
	spread_period_start("2019", d);
	CHECK_STR(d, "2019-01-01");
	spread_period_start("najaar", d);
	CHECK_STR(d, "");
	spread_period_start("", d);
	CHECK_STR(d, "");
	spread_period_start(NULL, d);
	CHECK_STR(d, "");
}

TEST(spread_name_cmp_is_natural)
{
	CHECK(spread_name_cmp("T2", "T10") < 0);
	CHECK(spread_name_cmp("T10", "T9") > 0);
	CHECK(spread_name_cmp("T14", "T14") == 0);
	CHECK(spread_name_cmp("afdeling b", "Afdeling C") < 0);
	CHECK(spread_name_cmp("T", "T1") < 0);
	CHECK(spread_name_cmp("T01", "T1") == 0);
}

TEST(spread_locate_department_and_team)
{
	struct unit u[] = {
		{ .id = 1, .parent_id = 0, .name = "Afdeling S" },
		{ .id = 2, .parent_id = 1, .name = "T8" },
		{ .id = 3, .parent_id = 2, .name = "T8 Noord" },
		{ .id = 4, .parent_id = 0, .name = "Afdeling O" },
		/* a cycle must not hang */
		{ .id = 5, .parent_id = 6, .name = "x" },
		{ .id = 6, .parent_id = 5, .name = "y" },
	};
	long long d, r;
	spread_locate(u, 6, 2, &d, &r);
	CHECK(d == 1 && r == 2);
	spread_locate(u, 6, 3, &d, &r);   /* deeper: counted with its team */
	CHECK(d == 1 && r == 2);
	spread_locate(u, 6, 1, &d, &r);   /* directly in the department */
	CHECK(d == 1 && r == 1);
	spread_locate(u, 6, 0, &d, &r);
	CHECK(d == 0 && r == 0);
	spread_locate(u, 6, 99, &d, &r);
	CHECK(d == 0 && r == 0);
	spread_locate(u, 6, 5, &d, &r);
	CHECK(d == 0 && r == 0);
}

TEST(spread_by_parse_choices)
{
	enum spread_by by;
	CHECK(spread_by_parse(NULL, &by) && by == SPREAD_BY_CIRCLE);
	CHECK(spread_by_parse("batch", &by) && by == SPREAD_BY_BATCH);
	CHECK(spread_by_parse("group", &by) && by == SPREAD_BY_GROUP);
	CHECK(!spread_by_parse("kleur", &by));
	CHECK_STR(spread_by_id(SPREAD_BY_GROUP), "group");
}
