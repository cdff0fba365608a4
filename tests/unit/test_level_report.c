/* test_level_report.c — the pure rules of the accounting of a level
 * (domain/level_report.h): the attendance bands, the period a reader
 * types, and where an enrolment stands at the end of a period. */
#include "test.h"
#include "fixture.h"
#include "domain/level_report.h"

#include <string.h>

TEST(level_report_attendance_bands)
{
	CHECK_INT(attendance_band(0, 0), -1);  /* nothing held: no band */
	CHECK_INT(attendance_band(10, 10), BAND_HIGH);
	CHECK_INT(attendance_band(10, 8), BAND_HIGH);     /* 80 % is in the top band */
	CHECK_INT(attendance_band(10, 7), BAND_MIDDLE);
	CHECK_INT(attendance_band(5, 4), BAND_HIGH);
	CHECK_INT(attendance_band(9, 7), BAND_MIDDLE);    /* 77.8 % */
	CHECK_INT(attendance_band(10, 5), BAND_MIDDLE);   /* 50 % is in the middle band */
	CHECK_INT(attendance_band(10, 4), BAND_LOW);
	CHECK_INT(attendance_band(3, 1), BAND_LOW);
	CHECK_INT(attendance_band(1, 0), BAND_LOW);
	CHECK_INT(attendance_band(1, 1), BAND_HIGH);
}

TEST(level_report_period)
{
	struct fixture f;
	if (!fixture_open(&f))
		return;
	struct report_period p;
	struct errors e = { 0 };
	CHECK_INT(report_period_parse(&f.c, NULL, "", &p, &e), D_OK);
	CHECK_STR(p.from, "");
	CHECK_STR(p.to, "");
	CHECK(report_period_has(&p, "1999-01-01"));
	CHECK(!report_period_has(&p, ""));
	CHECK_INT(report_period_parse(&f.c, "2026-01-01", "2026-03-31", &p, &e), D_OK);
	CHECK(report_period_has(&p, "2026-01-01"));   /* both ends in it */
	CHECK(report_period_has(&p, "2026-03-31"));
	CHECK(!report_period_has(&p, "2025-12-31"));
	CHECK(!report_period_has(&p, "2026-04-01"));
	/* the same day at both ends is a period of one day */
	CHECK_INT(report_period_parse(&f.c, "2026-02-03", "2026-02-03", &p, &e), D_OK);
	CHECK(report_period_has(&p, "2026-02-03"));
	/* bad dates: a message under the field, and nothing taken */
	CHECK_INT(report_period_parse(&f.c, "2026-02-30", "", &p, &e), D_INVALID);
	CHECK(errors_get(&e, "from") != NULL);
	CHECK_STR(p.from, "");
	e.n = 0;
	CHECK_INT(report_period_parse(&f.c, "", "31-03-2026", &p, &e), D_INVALID);
	CHECK(errors_get(&e, "to") != NULL);
	e.n = 0;
	CHECK_INT(report_period_parse(&f.c, "2026-04-01", "2026-03-31", &p, &e), D_INVALID);
	CHECK_STR(errors_get(&e, "to"), "The end of the period comes before its start: give an end on or after the start.");
	fixture_close(&f);
}

TEST(level_report_enrolment_at_period_end)
{
	struct enrolment en = { .status = "stopped", .registered_on = "2026-01-10", .stopped_on = "2026-03-01",
				.completed_on = "" };
	struct report_period all = { "", "" }, before = { "", "2026-01-09" }, early = { "", "2026-02-01" },
			     later = { "2026-02-01", "2026-06-30" };
	CHECK_INT(report_enrolment_at(&en, &all), ENROL_STOPPED);
	CHECK_INT(report_enrolment_at(&en, &before), ENROL_NONE);   /* not registered yet */
	CHECK_INT(report_enrolment_at(&en, &early), ENROL_ACTIVE);  /* still taking part then */
	CHECK_INT(report_enrolment_at(&en, &later), ENROL_STOPPED);
	en = (struct enrolment){ .status = "completed", .registered_on = "2026-01-10", .stopped_on = "",
				 .completed_on = "2026-06-01" };
	CHECK_INT(report_enrolment_at(&en, &all), ENROL_COMPLETED);
	CHECK_INT(report_enrolment_at(&en, &early), ENROL_ACTIVE);
	en.status = "registered";
	en.completed_on = "";
	CHECK_INT(report_enrolment_at(&en, &all), ENROL_REGISTERED);
}

TEST(level_report_stop_kinds)
{
	CHECK_INT(stop_kind_parse("illness"), STOP_ILLNESS);
	CHECK_INT(stop_kind_parse("manager"), STOP_MANAGER);
	CHECK_INT(stop_kind_parse(""), -1);
	CHECK_INT(stop_kind_parse("ziek"), -1);
	CHECK_INT(stop_kind_parse(NULL), -1);
	/* a stop from before the kinds counts as other / not recorded */
	CHECK_INT(stop_kind_of(""), STOP_OTHER);
	CHECK_INT(stop_kind_of("work"), STOP_WORK);
	CHECK_STR(stop_kind_id(STOP_WORK), "work");
}
