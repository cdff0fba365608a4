/* test_kappa.c — Cohen's kappa and Krippendorff's alpha of src/stats/kappa.c.
 *
 * Expected numbers are worked by hand (the 2 x 2 table, as in
 * tests/stats/kappa.R) or printed by R 4.2.2 with psych 2.2.9 with
 *   f <- function(...) cat(paste(sprintf("%.17g", c(...)), collapse = ", "), "\n")
 * and the R command is written above each value. They must agree to a
 * relative 1e-9. The command line and the live comparisons with R are in
 * tests/stats/kappa.test.mjs. */
#include "test.h"
#include "core/arena.h"
#include "stats/kappa.h"

#include <math.h>

static void near(const char *file, int line, const char *expr, double got, double want)
{
	double d = fabs(got - want);
	if (d == 0 || d <= 1e-9 * fmax(fabs(got), fabs(want)))
		test_pass();
	else
		test_fail(file, line, "%s == %.17g, expected %.17g", expr, got, want);
}
#define NEAR(a, b) near(__FILE__, __LINE__, #a, (a), (b))
#define M KAPPA_MISSING

TEST(kappa_two_by_two_by_hand)
{
	/* rows rater 1, columns rater 2: 4 2 / 1 3 (worked out in tests/stats/kappa.R) */
	const size_t t[] = { 4, 2, 1, 3 };
	struct kappa_est e;
	kappa_cohen(t, 2, KAPPA_UNWEIGHTED, &e);
	NEAR(e.po, 0.7);
	NEAR(e.pc, 0.5);
	NEAR(e.kappa, 0.4);
	NEAR(e.var, 0.0504 / 0.625);
	NEAR(e.se, sqrt(0.08064));
	NEAR(e.lower, 0.4 - 1.959963984540054 * sqrt(0.08064));
	NEAR(e.upper, 0.4 + 1.959963984540054 * sqrt(0.08064));
	CHECK(e.note == NULL);
}

TEST(kappa_weighted_as_psych)
{
	/* tab <- matrix(c(5,2,0, 1,6,2, 1,1,4), 3, byrow = TRUE)
	 * r <- cohen.kappa(tab, w = 1 - abs(outer(1:3, 1:3, "-")) / 2)
	 * f(r$weighted.kappa, r$var.weighted, r$confid[2, 1], r$confid[2, 3], r$kappa, r$var.kappa) */
	const size_t t[] = { 5, 2, 0, 1, 6, 2, 1, 1, 4 };
	struct kappa_est e, l, q;
	kappa_cohen(t, 3, KAPPA_UNWEIGHTED, &e);
	NEAR(e.kappa, 0.51572327044025157);
	NEAR(e.var, 0.023155998872033592);
	kappa_cohen(t, 3, KAPPA_LINEAR, &l);
	NEAR(l.kappa, 0.56218905472636815);
	NEAR(l.var, 0.022487840015708541);
	NEAR(l.lower, 0.26827391155286329);
	NEAR(l.upper, 0.85610419789987302);
	/* r <- cohen.kappa(tab); f(r$weighted.kappa, r$var.weighted)   (quadratic, psych's default) */
	kappa_cohen(t, 3, KAPPA_QUADRATIC, &q);
	NEAR(q.kappa, 0.61403508771929838);
	NEAR(q.var, 0.027671270588170555);
}

TEST(kappa_undefined_cases_say_why)
{
	struct kappa_est e;
	const size_t none[] = { 0, 0, 0, 0 };
	kappa_cohen(none, 2, KAPPA_UNWEIGHTED, &e);
	CHECK(isnan(e.kappa) && isnan(e.se) && isnan(e.lower) && isnan(e.upper) && e.note);
	const size_t one[] = { 7 };
	kappa_cohen(one, 1, KAPPA_QUADRATIC, &e);
	CHECK(isnan(e.kappa) && isnan(e.se) && e.note);
	/* two categories, but every unit both coded in the first: pc = 1 */
	const size_t same[] = { 5, 0, 0, 0 };
	kappa_cohen(same, 2, KAPPA_UNWEIGHTED, &e);
	CHECK(isnan(e.kappa) && isnan(e.se) && isnan(e.lower) && e.note);
	kappa_cohen(same, 2, KAPPA_LINEAR, &e);
	CHECK(isnan(e.kappa) && isnan(e.upper) && e.note);
}

TEST(kappa_perfect_agreement_has_se_zero)
{
	const size_t t[] = { 2, 0, 0, 0, 3, 0, 0, 0, 1 };
	struct kappa_est e;
	kappa_cohen(t, 3, KAPPA_UNWEIGHTED, &e);
	NEAR(e.kappa, 1);
	CHECK(e.se == 0 && e.lower == e.kappa && e.upper == e.kappa);
	kappa_cohen(t, 3, KAPPA_QUADRATIC, &e);
	CHECK(e.se == 0);
}

TEST(kappa_interval_kept_within_one)
{
	/* 3 units, 2 agree: the interval would pass 1 and -1; psych cuts it there */
	const size_t t[] = { 1, 1, 0, 1 };
	struct kappa_est e;
	kappa_cohen(t, 2, KAPPA_UNWEIGHTED, &e);
	CHECK(e.lower >= -1 && e.upper <= 1);
	CHECK(e.upper == 1 || e.lower == -1);
}

TEST(kappa_table_leaves_out_missing)
{
	const size_t a[] = { 0, 1, M, 2, 1, M };
	const size_t b[] = { 0, 1, 1, M, 0, M };
	size_t t[9] = { 0 };
	CHECK_INT(kappa_table(a, b, 6, 3, t), 3);
	CHECK_INT(t[0], 1);
	CHECK_INT(t[1 * 3 + 1], 1);
	CHECK_INT(t[1 * 3 + 0], 1);
	CHECK_INT(t[2 * 3 + 2], 0);
}

TEST(kappa_categories_order)
{
	struct arena a = ARENA_INIT;
	const char **cats;
	size_t k, bad = 99, codes[6];
	const char *nums[] = { "10", "2", "", "1", "2", "2,5" };
	CHECK_INT(kappa_categories(&a, nums, 6, NULL, 0, &cats, &k, codes, &bad), 0);
	CHECK_INT(k, 4);
	CHECK_STR(cats[0], "1");
	CHECK_STR(cats[1], "2");
	CHECK_STR(cats[2], "2,5");
	CHECK_STR(cats[3], "10");
	CHECK_INT(codes[0], 3);
	CHECK(codes[2] == KAPPA_MISSING);
	CHECK_INT(codes[4], 1);
	/* one word among them: bytes order ("10" < "2" < "Z" < "a") */
	const char *words[] = { "a", "10", "Z", "2" };
	CHECK_INT(kappa_categories(&a, words, 4, NULL, 0, &cats, &k, codes, &bad), 0);
	CHECK_INT(k, 4);
	CHECK_STR(cats[0], "10");
	CHECK_STR(cats[2], "Z");
	CHECK_STR(cats[3], "a");
	CHECK_INT(codes[0], 3);
	/* given: that order, unused ones included; an unknown value is refused */
	const char *given[] = { "laag", "midden", "hoog" };
	const char *v[] = { "hoog", "", "laag" };
	CHECK_INT(kappa_categories(&a, v, 3, given, 3, &cats, &k, codes, &bad), 0);
	CHECK_INT(k, 3);
	CHECK_STR(cats[1], "midden");
	CHECK_INT(codes[0], 2);
	CHECK_INT(codes[2], 0);
	const char *w[] = { "hoog", "heel hoog" };
	CHECK_INT(kappa_categories(&a, w, 2, given, 3, &cats, &k, codes, &bad), -1);
	CHECK_INT(bad, 1);
	arena_free(&a);
}

TEST(krippendorff_two_raters_by_hand)
{
	/* the 2 x 2 table 4 2 / 1 3 as units: alpha = 14/33 (tests/stats/kappa.R) */
	size_t c[20];
	const size_t pairs[10][2] = { { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 0 }, { 0, 1 },
				      { 0, 1 }, { 1, 1 }, { 1, 1 }, { 1, 1 }, { 1, 0 } };
	for (size_t u = 0; u < 10; u++) {
		c[2 * u] = pairs[u][0];
		c[2 * u + 1] = pairs[u][1];
	}
	struct kappa_alpha r;
	kappa_krippendorff(c, 10, 2, 2, &r);
	NEAR(r.alpha, 14.0 / 33.0);
	CHECK_INT(r.units, 10);
	CHECK_INT(r.values, 20);
	CHECK(r.note == NULL);
}

TEST(krippendorff_three_raters_missing)
{
	/* m <- matrix(c("a","a","b", "b","b",NA, "a","c","c", NA,NA,"a", "c","c","c", "a","b",NA),
	 *             ncol = 3, byrow = TRUE)
	 * kripp_alpha(m) with kripp_alpha of tests/stats/kappa.R (the definition) */
	const size_t c[] = { 0, 0, 1, 1, 1, M, 0, 2, 2, M, M, 0, 2, 2, 2, 0, 1, M };
	struct kappa_alpha r;
	kappa_krippendorff(c, 6, 3, 3, &r);
	NEAR(r.alpha, 0.3571428571428571);
	CHECK_INT(r.units, 5);
	CHECK_INT(r.values, 13);
}

TEST(krippendorff_undefined_cases_say_why)
{
	struct kappa_alpha r;
	const size_t lone[] = { 0, M, M, 1 };
	kappa_krippendorff(lone, 2, 2, 2, &r);
	CHECK(isnan(r.alpha) && r.note && r.units == 0);
	const size_t same[] = { 1, 1, 1, 1, 0, M };
	kappa_krippendorff(same, 3, 2, 2, &r);
	CHECK(isnan(r.alpha) && r.note && r.units == 2);
	kappa_krippendorff(NULL, 0, 2, 2, &r);
	CHECK(isnan(r.alpha) && r.note);
}
