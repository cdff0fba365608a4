/* test_schedule.c — meeting dates and times, and the cascade rule of
 * batches with the messages the coordinator gets. */
#include "test.h"
#include "core/i18n.h"
#include "domain/schedule.h"

TEST(schedule_dates_and_times)
{
	CHECK(date_valid("2026-02-28"));
	CHECK(date_valid("2028-02-29"));   /* leap year */
	CHECK(!date_valid("2026-02-29"));
	CHECK(!date_valid("2100-02-29"));  /* not a leap year */
	CHECK(date_valid("2000-02-29"));
	CHECK(!date_valid("2026-13-01"));
	CHECK(!date_valid("2026-04-31"));
	CHECK(!date_valid("2026-4-1"));
	CHECK(!date_valid("26-04-01"));
	CHECK(!date_valid("2026-04-01x"));
	CHECK(!date_valid(""));
	CHECK(!date_valid(NULL));
	CHECK(time_valid("00:00"));
	CHECK(time_valid("23:59"));
	CHECK(!time_valid("24:00"));
	CHECK(!time_valid("9:00"));
	CHECK(!time_valid("09:60"));
	CHECK(!time_valid("09.00"));
	char d[11];
	date_add_days("2026-02-28", 1, d);
	CHECK_STR(d, "2026-03-01");
	date_add_days("2028-02-28", 1, d);
	CHECK_STR(d, "2028-02-29");
	date_add_days("2026-12-31", 1, d);
	CHECK_STR(d, "2027-01-01");
	date_add_days("2026-01-01", -1, d);
	CHECK_STR(d, "2025-12-31");
	date_add_days("2026-01-15", 365, d);
	CHECK_STR(d, "2027-01-15");
	struct arena a = ARENA_INIT;
	i18n_use(LANG_EN);
	CHECK_STR(date_label(&a, "2026-02-10"), "10 February 2026");
	arena_free(&a);
}

TEST(cascade_next_batch_waits_for_meeting_n)
{
	struct arena a = ARENA_INIT;
	i18n_use(LANG_EN);
	struct ctx c = { NULL, &a, NULL, 0 };
	char *msg[8];
	/* batch 1 reaches meeting 5 on 14 April; batch 2 starts 1 April: too early */
	struct cascade_batch b[] = {
		{ 1, "Batch 1", "2026-01-12", "2026-04-14" },
		{ 2, "Batch 2", "2026-04-01", NULL },
	};
	CHECK_INT(cascade_check(&c, 5, b, 2, msg, 8), 1);
	CHECK_STR(msg[0], "Batch 2 starts on 1 April 2026, before Batch 1 reaches meeting 5 on 14 April 2026. "
			  "The cascade rule: the next batch starts when the previous one reaches meeting 5.");
	/* on the same day or later: fine */
	b[1].first_date = "2026-04-14";
	CHECK_INT(cascade_check(&c, 5, b, 2, msg, 8), 0);
	b[1].first_date = "2026-05-01";
	CHECK_INT(cascade_check(&c, 5, b, 2, msg, 8), 0);
	arena_free(&a);
}

TEST(cascade_unknown_when_a_group_has_no_date)
{
	struct arena a = ARENA_INIT;
	i18n_use(LANG_EN);
	struct ctx c = { NULL, &a, NULL, 0 };
	char *msg[8];
	struct cascade_batch b[] = {
		{ 1, "Batch 1", "2026-01-12", NULL },
		{ 2, "Batch 2", "2026-04-01", NULL },
		{ 3, "Batch 3", NULL, NULL },
	};
	CHECK_INT(cascade_check(&c, 5, b, 3, msg, 8), 1);
	CHECK_STR(msg[0], "Batch 2 starts on 1 April 2026, but not every group of Batch 1 has a date for meeting 5 yet, "
			  "so the cascade cannot be checked.");
	/* no rule, no messages */
	CHECK_INT(cascade_check(&c, 0, b, 3, msg, 8), 0);
	/* each pair is checked; the count is bounded by max */
	struct cascade_batch chain[] = {
		{ 1, "L1", "2026-01-01", "2026-03-01" },
		{ 2, "L2", "2026-02-01", "2026-05-01" },
		{ 3, "L3", "2026-04-01", NULL },
	};
	CHECK_INT(cascade_check(&c, 5, chain, 3, msg, 8), 2);
	CHECK_INT(cascade_check(&c, 5, chain, 3, msg, 1), 1);
	arena_free(&a);
}
