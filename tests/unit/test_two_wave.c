/* test_two_wave.c — the numbers of a two-wave study (stats/two_wave.h)
 * against values from R (the R commands beside them), and the 9–10 months
 * rule of domain/two_wave.h, and a respondent's own scale scores
 * (domain/own_result.h). */
#include "test.h"
#include "domain/own_result.h"
#include "domain/two_wave.h"
#include "stats/two_wave.h"

#include <math.h>

static void near(const char *file, int line, const char *expr, double got, double want)
{
	double d = fabs(got - want);
	if (d == 0 || d <= 1e-9 * fmax(fabs(got), fabs(want)))
		test_pass();
	else
		test_fail(file, line, "%s == %.17g, expected %.17g (R)", expr, got, want);
}
#define NEAR(a, b) near(__FILE__, __LINE__, #a, (a), (b))

TEST(two_wave_change_matches_r)
{
	/* w1 <- c(3, 2.5, 4, 3.25, NA, 2); w2 <- c(3.5, 3.25, NA, 4, 3, 3)
	 * ok <- complete.cases(w1, w2); r <- t.test(w2[ok], w1[ok], paired = TRUE)
	 * r$statistic, r$parameter, r$p.value, r$conf.int, mean(d), sd(d) */
	const double w1[] = { 3, 2.5, 4, 3.25, NAN, 2 }, w2[] = { 3.5, 3.25, NAN, 4, 3, 3 };
	struct stats_change r;
	stats_change(w1, w2, 6, &r);
	CHECK(r.note == NULL);
	CHECK_INT(r.n, 4);
	NEAR(r.t, 7.3484692283495345);
	NEAR(r.df, 3);
	NEAR(r.p, 0.0052078589446628151);
	NEAR(r.lo, 0.42519293409372227);
	NEAR(r.hi, 1.0748070659062778);
	NEAR(r.mean, 0.75);
	NEAR(r.sd, 0.20412414523193151);
	NEAR(r.dz, 0.75 / 0.20412414523193151);
	/* every change the same: no t and no interval (R stops) */
	const double same1[] = { 1, 2, 3 }, same2[] = { 2, 3, 4 };
	stats_change(same1, same2, 3, &r);
	CHECK(isnan(r.t) && isnan(r.lo) && isnan(r.hi) && r.note != NULL);
	NEAR(r.mean, 1);
	/* one pair */
	stats_change(w1, w2, 1, &r);
	CHECK(isnan(r.t) && isnan(r.lo) && isnan(r.sd) && r.note != NULL);
}

TEST(two_wave_difference_matches_r)
{
	/* x <- c(0.5, 0.75, 0.75, 1, -0.25); y <- c(0, 0.25, -0.5, 0.5, 0, 0.25); r <- t.test(x, y)
	 * sp <- sqrt((4*var(x)+5*var(y))/9); g <- (mean(x)-mean(y))/sp*(1-3/(4*11-9)) */
	const double x[] = { 0.5, 0.75, 0.75, 1, -0.25 }, y[] = { 0, 0.25, -0.5, 0.5, 0, 0.25 };
	struct stats_change_diff r;
	stats_change_diff(x, 5, y, 6, &r);
	CHECK(r.note == NULL);
	CHECK_INT(r.nx, 5);
	CHECK_INT(r.ny, 6);
	NEAR(r.t, 1.8207170485345945);
	NEAR(r.df, 7.0705781036430748);
	NEAR(r.p, 0.1110276956386831);
	NEAR(r.lo, -0.13818420998266487);
	NEAR(r.hi, 1.0715175433159985);
	NEAR(r.g, 1.0422245651484596);
	NEAR(r.diff, 0.55 - 0.5 / 6);
	/* a group of one: no test, the difference of the means stays */
	stats_change_diff(x, 1, y, 6, &r);
	CHECK(isnan(r.t) && isnan(r.g) && isnan(r.lo) && r.note != NULL);
	NEAR(r.diff, 0.5 - 0.5 / 6);
	/* no variance within the groups */
	const double c1[] = { 1, 1, 1 }, c2[] = { 0, 0 };
	stats_change_diff(c1, 3, c2, 2, &r);
	CHECK(isnan(r.t) && isnan(r.g) && r.note != NULL);
}

TEST(two_wave_compute_pairs_complete_rows_only)
{
	const double x1[] = { 3, 3, NAN, 2, 4, 3 }, x2[] = { 4, 3.5, 4, NAN, 4.5, 3.5 };
	const double y1[] = { 3, 2, 4, 3 }, y2[] = { 3, 2.5, 3.5, 3.25 };
	struct two_wave_numbers t;
	two_wave_compute(x1, x2, 6, y1, y2, 4, &t);
	CHECK_INT(t.x.n, 4);
	CHECK_INT(t.d.nx, 4);
	CHECK_INT(t.d.ny, 4);
	NEAR(t.d.diff, t.x.mean - t.y.mean);
}

TEST(two_wave_interval_is_9_to_10_calendar_months)
{
	CHECK_INT(two_wave_interval("2026-01-15", "2026-10-15"), 0);   /* 9 months */
	CHECK_INT(two_wave_interval("2026-01-15", "2026-11-15"), 0);   /* 10 months */
	CHECK_INT(two_wave_interval("2026-01-15", "2026-10-30"), 0);   /* 9.5 */
	CHECK_INT(two_wave_interval("2026-01-15", "2026-10-14"), -1);  /* a day short */
	CHECK_INT(two_wave_interval("2026-01-15", "2026-11-16"), 1);   /* a day over */
	CHECK_INT(two_wave_interval("2026-01-15", "2026-04-15"), -1);
	CHECK_INT(two_wave_interval("2026-05-31", "2027-02-28"), 0);   /* month end clamped */
	CHECK_INT(two_wave_interval("2026-05-31", "2027-02-27"), -1);
	CHECK_INT(two_wave_interval("2026-04-10", "2027-02-10"), 0);   /* across the year */
	CHECK_INT(two_wave_interval("2026-04-10", "2027-02-11"), 1);
}

TEST(own_result_scores_per_scale_reversed_turned)
{
	struct item_option pts[5] = { { 0, 1, "", 0 }, { 1, 2, "", 0 }, { 2, 3, "", 0 }, { 3, 4, "", 0 }, { 4, 5, "", 0 } };
	struct instrument_item items[4] = {
		{ .id = 11, .kind = "likert", .scale = "A", .options = pts, .noptions = 5 },
		{ .id = 12, .kind = "likert", .scale = "A", .reversed = 1, .options = pts, .noptions = 5 },
		{ .id = 13, .kind = "likert", .scale = "B", .options = pts, .noptions = 5 },
		{ .id = 14, .kind = "open", .scale = "", .options = NULL, .noptions = 0 },
	};
	struct instrument_version v = { .items = items, .nitems = 4 };
	/* 4 on the first, 2 on the reversed (counts as 4), "weet niet" on B */
	const struct respond_field f[] = { { "i11", "4" }, { "i12", "2" }, { "i13", "dk" }, { "i14", "tekst" }, { "i99", "5" } };
	struct arena a = ARENA_INIT;
	struct own_score *s;
	size_t n = own_result_scores(&a, &v, f, 5, &s);
	CHECK_INT(n, 2);
	CHECK(!strcmp(s[0].scale, "A") && s[0].answered == 2 && s[0].items == 2);
	NEAR(s[0].score, 4);
	CHECK(!strcmp(s[1].scale, "B") && s[1].answered == 0);
	CHECK(isnan(s[1].score));
	CHECK_INT(s[0].min, 1);
	CHECK_INT(s[0].max, 5);
	arena_free(&a);
}
