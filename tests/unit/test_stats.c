/* test_stats.c — the statistics of src/stats/ against R.
 *
 * Every expected number was printed by R 4.2.2 with psych 2.2.9, with
 *   f <- function(...) cat(paste(sprintf("%.17g", c(...)), collapse = ", "), "\n")
 * and the R command is written above each value; the data are embedded
 * here exactly as given to R. They must agree to a relative 1e-9 (NEAR).
 * The larger data sets, the command line and live comparisons with R on
 * random data are in tests/stats/ (see its README.md). */
#include "test.h"
#include "core/arena.h"
#include "stats/stats.h"
#include "stats/three60.h"
#include "core/compiler.h"

#include <math.h>

#define NA NAN

static void near(const char *file, int line, const char *expr, double got, double want)
{
	double d = fabs(got - want);
	if (d == 0 || d <= 1e-9 * fmax(fabs(got), fabs(want)))
		test_pass();
	else
		test_fail(file, line, "%s == %.17g, expected %.17g (R)", expr, got, want);
}
#define NEAR(a, b) near(__FILE__, __LINE__, #a, (a), (b))
#define CHECK_NAN(a) CHECK(isnan(a))

/* ---- describe ---------------------------------------------------------- */

TEST(stats_mean_sd_skip_missing)
{
	const double x[] = { 4, 2, NA, 5, 3, 3, 1, NA, 4 };
	struct stats_desc d;
	stats_describe(x, 9, &d);
	CHECK_INT(d.n, 7);
	/* f(mean(x1, na.rm = TRUE), sd(x1, na.rm = TRUE)), x1 <- c(4,2,NA,5,3,3,1,NA,4) */
	NEAR(d.mean, 3.1428571428571428);
	NEAR(d.sd, 1.3451854182690985);
	/* f(mean(c(0.1,0.2,0.3)), sd(c(0.1,0.2,0.3))): R's corrected mean gives exactly these doubles */
	const double y[] = { 0.1, 0.2, 0.3 };
	CHECK(stats_mean(y, 3) == 0.20000000000000001);
	NEAR(stats_sd(y, 3), 0.099999999999999992);
}

TEST(stats_describe_degenerate)
{
	const double none[] = { NA, NA };
	struct stats_desc d;
	stats_describe(none, 2, &d);
	CHECK_INT(d.n, 0);
	CHECK_NAN(d.mean);
	CHECK_NAN(d.sd);
	stats_describe(none, 0, &d);
	CHECK_INT(d.n, 0);
	CHECK_NAN(d.mean);
	const double one[] = { NA, 4 };
	stats_describe(one, 2, &d);  /* R: sd(4) is NA */
	CHECK_INT(d.n, 1);
	CHECK(d.mean == 4);
	CHECK_NAN(d.sd);
	const double flat[] = { 3, 3, NA, 3 };
	stats_describe(flat, 4, &d);
	CHECK(d.sd == 0);
}

TEST(stats_counts_and_reverse)
{
	double x[] = { 1, 5, NA, 2, 2, 4 };
	size_t c[11];  /* room for the 0..10 scale below */
	CHECK_INT(stats_counts(x, 6, 1, 5, c), 6);
	CHECK_INT(c[0], 1);
	CHECK_INT(c[1], 2);
	CHECK_INT(c[2], 0);
	CHECK_INT(c[3], 1);
	CHECK_INT(c[4], 1);
	stats_reverse(x, 6, 1, 5);  /* min + max - x */
	CHECK(x[0] == 5 && x[1] == 1 && isnan(x[2]) && x[3] == 4 && x[5] == 2);
	CHECK_INT(stats_counts(x, 6, 1, 5, c), 6);
	CHECK_INT(c[3], 2);
	const double bad[] = { 1, 6, 2 }, half[] = { 1, 2.5 }, low[] = { 0 };
	CHECK_INT(stats_counts(bad, 3, 1, 5, c), 1);   /* outside the scale: its index */
	CHECK_INT(stats_counts(half, 2, 1, 5, c), 1);  /* not a point of the scale */
	CHECK_INT(stats_counts(low, 1, 1, 5, c), 0);
	CHECK_INT(stats_counts(low, 1, 0, 10, c), 1);
}

/* The alpha data: 10 respondents, 4 items, a4 reversed (6 - x) first.
 *   a4raw <- c(2,1,3,4,5,2,NA,3,2,5)
 *   x <- data.frame(a1 = c(4,5,3,NA,2,4,5,3,4,1), a2 = c(3,5,4,2,NA,4,4,3,5,2),
 *                   a3 = c(4,4,NA,2,1,5,5,2,4,2), a4 = 6 - a4raw) */
static double a1[] = { 4, 5, 3, NA, 2, 4, 5, 3, 4, 1 };
static double a2[] = { 3, 5, 4, 2, NA, 4, 4, 3, 5, 2 };
static double a3[] = { 4, 4, NA, 2, 1, 5, 5, 2, 4, 2 };
static double a4[10];

static void alpha_data(void)
{
	const double raw[] = { 2, 1, 3, 4, 5, 2, NA, 3, 2, 5 };
	memcpy(a4, raw, sizeof a4);
	stats_reverse(a4, 10, 1, 5);
}

TEST(stats_scale_scores_row_means)
{
	alpha_data();
	const double *x[] = { a1, a2, a3, a4 };
	double s[10];
	stats_scale_scores(x, 4, 10, s);
	/* f(rowMeans(x, na.rm = TRUE)) */
	const double r[] = { 3.75, 4.75, 3.3333333333333335, 2, 1.3333333333333333, 4.25, 4.666666666666667, 2.75,
			     4.25, 1.5 };
	for (int i = 0; i < 10; i++)
		NEAR(s[i], r[i]);
	double none[] = { NA, NA }, some[] = { NA, 2 };
	const double *y[] = { none, some };
	stats_scale_scores(y, 2, 2, s);
	CHECK_NAN(s[0]);  /* nothing answered: no score */
	CHECK(s[1] == 2);
}

/* Answers that are not whole numbers (an imported scale with halves, a
 * scale score used as an item) take alpha's two-pass way; whole numbers
 * take the exact integer sums. R 4.2.2, psych 2.2.9:
 *   x <- data.frame(a = c(1.5,2.25,3,4.5,2,NA,3.75,2.5), b = c(2,2.5,3.5,4,2.5,3,NA,2),
 *                   c = c(1,2.75,2.5,5,1.5,3.25,4,2.25), d = c(1.25,2,3.25,4.75,1.5,2.5,3.5,3))
 *   r <- psych::alpha(x, check.keys = FALSE)
 *   r$total$raw_alpha, r$total$std.alpha, r$alpha.drop$raw_alpha, r$alpha.drop$std.alpha */
TEST(stats_alpha_fractional_answers_match_psych)
{
	const double a[] = { 1.5, 2.25, 3, 4.5, 2, NAN, 3.75, 2.5 }, b[] = { 2, 2.5, 3.5, 4, 2.5, 3, NAN, 2 };
	const double c[] = { 1, 2.75, 2.5, 5, 1.5, 3.25, 4, 2.25 }, d[] = { 1.25, 2, 3.25, 4.75, 1.5, 2.5, 3.5, 3 };
	const double *x[] = { a, b, c, d };
	struct stats_alpha r;
	struct stats_alpha_item it[4];
	stats_alpha(x, 4, 8, &r, it);
	CHECK_INT(r.k, 4);
	NEAR(r.raw, 0.96991655687307854);
	NEAR(r.std, 0.98001825910129015);
	const double raw[] = { 0.91868971061093263, 0.98854372529644263, 0.96849041146572001, 0.95762160599416957 };
	const double std[] = { 0.93966356427302455, 0.99441705855114038, 0.97942257708887981, 0.97762407269656704 };
	for (int j = 0; j < 4; j++) {
		NEAR(it[j].raw, raw[j]);
		NEAR(it[j].std, std[j]);
	}
}

TEST(stats_alpha_matches_psych)
{
	alpha_data();
	const double *x[] = { a1, a2, a3, a4 };
	struct stats_alpha a;
	struct stats_alpha_item it[4];
	stats_alpha(x, 4, 10, &a, it);
	CHECK_INT(a.k, 4);
	CHECK(a.note == NULL);
	/* r <- psych::alpha(x, check.keys = FALSE); f(r$total$raw_alpha, r$total$std.alpha) */
	NEAR(a.raw, 0.94831673779042203);
	NEAR(a.std, 0.94855952409359523);
	/* f(r$alpha.drop$raw_alpha); f(r$alpha.drop$std.alpha) */
	const double raw[] = { 0.91551285673919192, 0.96994599671284332, 0.93158834027364656, 0.90243902439024382 };
	const double std[] = { 0.91909203555515218, 0.97139978950042549, 0.9314467679419125, 0.90377960344455888 };
	for (int j = 0; j < 4; j++) {
		CHECK(it[j].used);
		NEAR(it[j].raw, raw[j]);
		NEAR(it[j].std, std[j]);
	}
	/* cc <- psych::alpha(na.omit(x), check.keys = FALSE); f(cc$total$raw_alpha, nrow(na.omit(x))) */
	struct stats_alpha c;
	stats_alpha_complete(x, 4, 10, &c);
	NEAR(c.raw, 0.94721825962910133);
	CHECK_INT(c.n, 6);
	/* psych standardises with cov2cor(pairwise cov), not cor(x, use = "pairwise"):
	 * R2 <- cor(x, use = "pairwise"); f((1 - 4/sum(R2)) * 4/3) gives 0.9534495490536975 */
	CHECK(fabs(a.std - 0.9534495490536975) > 1e-3);
}

TEST(stats_alpha_leaves_out_items_without_variance)
{
	/* xx <- x; xx$c <- c(3,3,3,NA,3,3,3,3,3,3); xx$e <- NA
	 * r2 <- psych::alpha(xx, check.keys = FALSE)  (warns: "had no variance and was deleted")
	 * f(r2$total$raw_alpha, r2$total$std.alpha): the same as without c and e */
	alpha_data();
	double c[] = { 3, 3, 3, NA, 3, 3, 3, 3, 3, 3 }, e[10];
	for (int i = 0; i < 10; i++)
		e[i] = NA;
	const double *x[] = { a1, c, a2, a3, e, a4 };
	struct stats_alpha a;
	struct stats_alpha_item it[6];
	stats_alpha(x, 6, 10, &a, it);
	CHECK_INT(a.k, 4);
	NEAR(a.raw, 0.94831673779042203);
	NEAR(a.std, 0.94855952409359523);
	CHECK(!it[1].used && it[1].why && strstr(it[1].why, "same"));
	CHECK(!it[4].used && it[4].why && strstr(it[4].why, "fewer than 2"));
	CHECK_NAN(it[1].raw);
	NEAR(it[2].raw, 0.96994599671284332);  /* a2 dropped, as above */
	/* complete rows: e is never answered, so there are none */
	struct stats_alpha cc;
	stats_alpha_complete(x, 6, 10, &cc);
	CHECK_INT(cc.n, 0);
	CHECK_NAN(cc.raw);
	CHECK(cc.note != NULL);
}

TEST(stats_alpha_degenerate)
{
	struct stats_alpha a;
	struct stats_alpha_item it[3];
	/* two items: alpha is defined, alpha if dropped is not (psych prints C12/C22) */
	const double *two[] = { a1, a2 };
	stats_alpha(two, 2, 10, &a, it);
	CHECK_INT(a.k, 2);
	CHECK(isfinite(a.raw) && isfinite(a.std));
	CHECK_NAN(it[0].raw);
	CHECK_NAN(it[1].std);
	CHECK(a.drop_note != NULL);
	/* one item, and no item */
	stats_alpha(two, 1, 10, &a, it);
	CHECK_NAN(a.raw);
	CHECK_NAN(a.std);
	CHECK(a.note != NULL);
	stats_alpha(two, 0, 10, &a, NULL);
	CHECK_NAN(a.raw);
	/* two items nobody answered together: R's cov gives NA */
	const double p[] = { 1, 2, 3, NA, NA, NA }, q[] = { NA, NA, NA, 1, 5, 2 }, r[] = { 1, 2, 3, 4, 5, 1 };
	const double *apart[] = { p, q, r };
	stats_alpha(apart, 3, 6, &a, it);
	CHECK_NAN(a.raw);
	CHECK(a.note && strstr(a.note, "in common"));
	CHECK_NAN(it[2].raw);
	/* p does not vary where it meets q: cor(p, q, use = "pairwise") is NA, and
	 * psych::alpha(data.frame(p, q, r)) stops ("missing values (NAs) in the
	 * correlation matrix"), so no alpha, although cov() has no NA */
	const double fp[] = { 1, 1, NA, NA, 2, 3 }, fq[] = { 2, 4, 3, 5, NA, NA };
	const double *flatpair[] = { fp, fq, r };
	stats_alpha(flatpair, 3, 6, &a, it);
	CHECK_INT(a.k, 3);
	CHECK_NAN(a.raw);
	CHECK_NAN(a.std);
	CHECK(a.note && strstr(a.note, "psych"));
	CHECK_NAN(it[0].raw);
	/* covariances that cancel: sum(C) = 0 */
	const double u[] = { 1, 2, 3 }, v[] = { 3, 2, 1 };
	const double *cancel[] = { u, v };
	stats_alpha(cancel, 2, 3, &a, it);
	CHECK_NAN(a.raw);
	CHECK_NAN(a.std);
	CHECK(a.note != NULL);
	/* nobody at all */
	stats_alpha(cancel, 2, 0, &a, it);
	CHECK_NAN(a.raw);
	CHECK_INT(a.k, 0);
}

/* ---- t-tests ------------------------------------------------------------ */

/* tx <- c(3.2, 4.1, 2.8, 3.9, NA, 3.5, 4.4); ty <- c(2.9, 3.1, 2.2, 3.6, 2.5) */
static const double tx[] = { 3.2, 4.1, 2.8, 3.9, NA, 3.5, 4.4 };
static const double ty[] = { 2.9, 3.1, 2.2, 3.6, 2.5 };

TEST(stats_ttests_match_r)
{
	struct stats_ttest r;
	/* w <- t.test(tx, ty); f(w$statistic, w$parameter, w$p.value) */
	stats_welch(tx, 7, ty, 5, &r);
	CHECK(r.note == NULL);
	CHECK_INT(r.nx, 6);
	NEAR(r.t, 2.3020560838989912);
	NEAR(r.df, 8.898197561104281);
	NEAR(r.p, 0.047157112537231982);
	/* s <- t.test(tx, ty, var.equal = TRUE); f(s$statistic, s$parameter, s$p.value) */
	stats_student(tx, 7, ty, 5, &r);
	NEAR(r.t, 2.2799355105074084);
	NEAR(r.df, 9);
	NEAR(r.p, 0.048567606721219875);
	/* a <- na.omit(tx); b <- ty
	 * f((mean(a) - mean(b)) / sqrt(((length(a)-1)*var(a) + (length(b)-1)*var(b)) / (length(a)+length(b)-2))) */
	const char *note = "unset";
	NEAR(stats_cohen_d(tx, 7, ty, 5, &note), 1.3805695111414402);
	CHECK(note == NULL);
	/* the sign follows the order: second minus first */
	stats_welch(ty, 5, tx, 7, &r);
	NEAR(r.t, -2.3020560838989912);
	NEAR(r.p, 0.047157112537231982);
}

TEST(stats_ttests_tiny_and_flat_groups)
{
	struct stats_ttest r;
	const double one[] = { 4.5 };
	/* Welch needs 2 in each group; R: t.test(4.5, ty) stops "not enough 'x' observations" */
	stats_welch(one, 1, ty, 5, &r);
	CHECK_NAN(r.t);
	CHECK_NAN(r.p);
	CHECK(r.note != NULL);
	/* Student pools the other group: s1 <- t.test(c(4.5), ty, var.equal = TRUE)
	 * f(s1$statistic, s1$parameter, s1$p.value) */
	stats_student(one, 1, ty, 5, &r);
	CHECK(r.note == NULL);
	NEAR(r.t, 2.7657913551550282);
	NEAR(r.df, 4);
	NEAR(r.p, 0.050548521707331026);
	/* one against one: not enough for anything */
	stats_student(one, 1, one, 1, &r);
	CHECK_NAN(r.t);
	CHECK(r.note != NULL);
	CHECK_NAN(stats_cohen_d(one, 1, one, 1, NULL));
	/* empty groups */
	stats_welch(one, 0, ty, 5, &r);
	CHECK_NAN(r.t);
	stats_student(one, 0, ty, 5, &r);
	CHECK_NAN(r.t);
	/* constant within both groups: R stops "data are essentially constant" */
	const double x3[] = { 3, 3, 3 }, y4[] = { 4, 4, NA, 4 };
	stats_welch(x3, 3, y4, 4, &r);
	CHECK_NAN(r.t);
	CHECK_NAN(r.df);
	CHECK(r.note != NULL);
	stats_student(x3, 3, y4, 4, &r);
	CHECK_NAN(r.t);
	const char *note = NULL;
	CHECK_NAN(stats_cohen_d(x3, 3, y4, 4, &note));
	CHECK(note != NULL);
	/* constant in one group only is fine: df = n - 1 of the other (R: t.test(c(3,3,3), c(1,2,4))) */
	const double v[] = { 1, 2, 4 };
	stats_welch(x3, 3, v, 3, &r);
	CHECK(r.note == NULL);
	NEAR(r.df, 2);
}

TEST(stats_paired_matches_r)
{
	/* pre <- c(3.0,2.5,NA,4.0,3.5,2.0,3.0); post <- c(3.5,3.0,4.0,4.5,3.0,3.0,NA)
	 * p <- t.test(post, pre, paired = TRUE); ok <- complete.cases(pre, post); d <- post[ok] - pre[ok]
	 * f(p$statistic, p$parameter, p$p.value, mean(d), sd(d), mean(d)/sd(d), sum(ok)) */
	const double pre[] = { 3.0, 2.5, NA, 4.0, 3.5, 2.0, 3.0 }, post[] = { 3.5, 3.0, 4.0, 4.5, 3.0, 3.0, NA };
	struct stats_paired r;
	stats_paired(pre, post, 7, &r);
	CHECK(r.note == NULL);
	CHECK_INT(r.n, 5);
	NEAR(r.t, 1.6329931618554523);
	NEAR(r.df, 4);
	NEAR(r.p, 0.17780780835622115);
	NEAR(r.mean_diff, 0.40000000000000002);
	NEAR(r.sd_diff, 0.54772255750516607);
	NEAR(r.dz, 0.73029674334022154);
	/* every difference equal (R: NaN, or "essentially constant"), one pair, none */
	const double same_pre[] = { 1, 2, 3 }, same_post[] = { 2, 3, 4 };
	stats_paired(same_pre, same_post, 3, &r);
	CHECK(r.mean_diff == 1 && r.sd_diff == 0);
	CHECK_NAN(r.t);
	CHECK_NAN(r.dz);
	CHECK(r.note != NULL);
	stats_paired(same_pre, same_pre, 3, &r);  /* all differences 0: R gives t = NaN */
	CHECK_NAN(r.t);
	CHECK(r.note != NULL);
	stats_paired(pre, post, 1, &r);
	CHECK_INT(r.n, 1);
	CHECK_NAN(r.t);
	CHECK_NAN(r.sd_diff);
	stats_paired(pre, post, 0, &r);
	CHECK_INT(r.n, 0);
	CHECK_NAN(r.mean_diff);
}

/* ---- ANOVA --------------------------------------------------------------- */

TEST(stats_anova_matches_r)
{
	/* sc <- c(3.1,2.8,3.5, 4.0,3.7,4.2,4.4, 2.1,2.6,2.9,3.0,NA); g <- factor(c(1,1,1,2,2,2,2,3,3,3,3,3))
	 * tab <- summary(aov(sc ~ g))[[1]]
	 * f(tab[1,"F value"], tab[1,"Df"], tab[2,"Df"], tab[1,"Pr(>F)"], tab[1,"Sum Sq"]/sum(tab[,"Sum Sq"]),
	 *   tab[1,"Sum Sq"], tab[2,"Sum Sq"]) */
	const double sc[] = { 3.1, 2.8, 3.5, 4.0, 3.7, 4.2, 4.4, 2.1, 2.6, 2.9, 3.0, NA };
	const size_t g[] = { 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2 };
	struct stats_anova r;
	stats_anova(sc, g, 12, 3, &r);
	CHECK(r.note == NULL);
	CHECK_INT(r.groups, 3);
	CHECK_INT(r.n, 11);
	NEAR(r.F, 16.634024896265565);
	NEAR(r.df1, 2);
	NEAR(r.df2, 8);
	NEAR(r.p, 0.0014122258751177786);
	NEAR(r.eta2, 0.80614543114543125);
	NEAR(r.ss_between, 4.1758333333333351);
	NEAR(r.ss_within, 1.0041666666666669);
	/* an empty group (k = 4, nobody in group 3) does not count */
	stats_anova(sc, g, 12, 4, &r);
	CHECK_INT(r.groups, 3);
	NEAR(r.F, 16.634024896265565);
}

TEST(stats_anova_degenerate)
{
	struct stats_anova r;
	const double x[] = { 1, 2, 3, 4 };
	const size_t one[] = { 0, 0, 0, 0 }, each[] = { 0, 1, 2, 3 }, two[] = { 0, 0, 1, 1 };
	stats_anova(x, one, 4, 1, &r);  /* a single group */
	CHECK_INT(r.groups, 1);
	CHECK_NAN(r.F);
	CHECK_NAN(r.eta2);
	CHECK(r.note != NULL);
	stats_anova(x, each, 4, 4, &r);  /* one value per group: no residual df */
	CHECK_NAN(r.F);
	CHECK_NAN(r.p);
	CHECK(r.df2 == 0);
	CHECK(r.eta2 == 1);
	CHECK(r.note != NULL);
	const double flat[] = { 2, 2, 5, 5 };  /* no variance within: R prints F = Inf */
	stats_anova(flat, two, 4, 2, &r);
	CHECK_NAN(r.F);
	CHECK(r.eta2 == 1);
	CHECK(r.note != NULL);
	const double same[] = { 3, 3, 3, 3 };  /* nothing varies at all */
	stats_anova(same, two, 4, 2, &r);
	CHECK_NAN(r.F);
	CHECK_NAN(r.eta2);
	stats_anova(x, two, 0, 2, &r);
	CHECK_INT(r.groups, 0);
	CHECK_NAN(r.F);
}

/* ---- numbers in cells ---------------------------------------------------- */

TEST(stats_number_reads_dutch_and_english)
{
	double v;
	CHECK_INT(stats_number("3,5", &v), 0);
	CHECK(v == 3.5);
	CHECK_INT(stats_number(" 4 ", &v), 0);
	CHECK(v == 4);
	CHECK_INT(stats_number("-2.25", &v), 0);
	CHECK(v == -2.25);
	CHECK_INT(stats_number("+1", &v), 0);
	CHECK(v == 1);
	CHECK_INT(stats_number(",5", &v), 0);
	CHECK(v == 0.5);
	CHECK_INT(stats_number("", &v), 1);
	CHECK(isnan(v));
	CHECK_INT(stats_number(" \t", &v), 1);
	const char *bad[] = { "NA", "3.5.1", "3,5,1", "1e3", "+", "-", ".", "4?", "3 4", "0x10", "inf", "nan",
			      "1.234,5", "12345678901234567890123456789012345678901234567890123456789012345" };
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		CHECK_INT(stats_number(bad[i], &v), -1);
}

/* ---- 360° ---------------------------------------------------------------- */

static const struct s360_cell *cell_of(const struct s360_cell *c, size_t n, const char *s, const char *d)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(c[i].subject, s) && !strcmp(c[i].dimension, d))
			return &c[i];
	return NULL;
}

TEST(stats_360_self_others_and_privacy)
{
	/* worked by hand: every mean below is of at most 4 numbers */
	const struct s360_rating r[] = {
		{ "Ann", "staff", "s1", "Visie", 4 },   { "Ann", "self", "", "Visie", 5 },
		{ "Ann", "manager", "m", "Visie", 3 },  { "Ann", "staff", "s2", "Visie", 2 },
		{ "Ann", "staff", "s3", "Visie", 3 },   { "Ann", "staff", "s3", "Visie", 4 },  /* s3: mean 3.5 */
		{ "Ann", "staff", "s4", "Visie", NA },  /* not answered: not a rater here */
		{ "Ann", "manager", "m", "Koers", 4 },  { "Ann", "staff", "s1", "Koers", 2 },
		{ "Ann", "staff", "s2", "Koers", 3 },   /* manager + 2 staff: others would reveal the 2 */
		{ "Bob", "self", "", "Visie", 2 },      { "Bob", "self", "", "Visie", 3 },
		{ "Bob", "peer", "p1", "Visie", 4 },    { "Bob", "peer", "p2", "Visie", 5 },
		{ "Bob", "staff", "t1", "Visie", 1 },   { "Bob", "staff", "t2", "Visie", 2 },
		{ "Bob", "staff", "t3", "Visie", 3 },   { "Bob", "client", "c1", "Visie", 3 },
		{ "Cas", "peer", "q1", "Visie", 1 },    { "Cas", "peer", "q2", "Visie", 2 },
		{ "Cas", "self", "", "Visie", 3 },
	};
	struct arena a = ARENA_INIT;
	struct s360_cell *c;
	size_t n, bad;
	const char *why;
	CHECK_INT(stats_360(&a, r, ARRAY_SIZE(r), &c, &n, &bad, &why), 0);
	CHECK_INT(n, 4);
	/* order of the input: Ann Visie, Ann Koers, Bob Visie, Cas Visie */
	CHECK_STR(c[0].dimension, "Visie");
	CHECK_STR(c[1].dimension, "Koers");
	CHECK_STR(c[2].subject, "Bob");
	CHECK_STR(c[3].subject, "Cas");

	const struct s360_cell *x = cell_of(c, n, "Ann", "Visie");
	CHECK(x->self == 5);
	CHECK_INT(x->others_n, 4);  /* m, s1, s2, s3 */
	CHECK(!x->suppressed);
	NEAR(x->others_mean, (3 + 4 + 2 + 3.5) / 4);
	NEAR(x->gap, 5 - (3 + 4 + 2 + 3.5) / 4);
	CHECK_INT(x->ncats, 2);
	CHECK_STR(x->cats[0].role, "manager");
	CHECK(x->cats[0].mean == 3 && !x->cats[0].suppressed);
	CHECK_STR(x->cats[1].role, "staff");
	CHECK_INT(x->cats[1].n, 3);
	NEAR(x->cats[1].mean, (4 + 2 + 3.5) / 3);

	x = cell_of(c, n, "Ann", "Koers");
	CHECK_INT(x->others_n, 3);
	CHECK(x->suppressed);  /* 3 raters, but the manager is shown: the 2 staff would be revealed */
	CHECK_NAN(x->others_mean);
	CHECK_NAN(x->gap);
	CHECK_NAN(x->self);
	CHECK(x->note != NULL);
	CHECK_INT(x->ncats, 2);
	CHECK_STR(x->cats[0].role, "manager");
	CHECK(x->cats[0].mean == 4);  /* the manager's rating is never anonymous */
	CHECK_STR(x->cats[1].role, "others");
	CHECK_INT(x->cats[1].n, 2);
	CHECK(x->cats[1].suppressed && isnan(x->cats[1].mean));

	x = cell_of(c, n, "Bob", "Visie");
	NEAR(x->self, 2.5);  /* the mean of two self ratings */
	CHECK_INT(x->self_n, 2);
	CHECK_INT(x->others_n, 6);
	CHECK(!x->suppressed);  /* peers (2) and client (1) merge into others, which holds 3 */
	NEAR(x->others_mean, (4 + 5 + 1 + 2 + 3 + 3) / 6.0);
	NEAR(x->gap, 2.5 - 3);
	CHECK_INT(x->ncats, 2);
	CHECK_STR(x->cats[0].role, "staff");
	NEAR(x->cats[0].mean, 2);
	CHECK_STR(x->cats[1].role, "others");
	CHECK_INT(x->cats[1].n, 3);
	NEAR(x->cats[1].mean, 4);

	x = cell_of(c, n, "Cas", "Visie");
	CHECK_INT(x->others_n, 2);
	CHECK(x->suppressed);  /* fewer than 3 raters */
	CHECK_NAN(x->others_mean);
	CHECK(x->self == 3);
	arena_free(&a);
}

TEST(stats_360_rejects_ambiguous_raters)
{
	struct arena a = ARENA_INIT;
	struct s360_cell *c;
	size_t n, bad = 99;
	const char *why = NULL;
	const struct s360_rating two_roles[] = {
		{ "Ann", "staff", "x", "Visie", 4 }, { "Bob", "peer", "x", "Visie", 4 },  /* another subject: fine */
		{ "Ann", "staff", "y", "Visie", 4 }, { "Ann", "peer", "x", "Koers", 3 },
	};
	CHECK_INT(stats_360(&a, two_roles, 4, &c, &n, &bad, &why), -1);
	CHECK_INT(bad, 3);
	CHECK(why != NULL);
	const struct s360_rating no_id[] = { { "Ann", "self", "", "Visie", 4 }, { "Ann", "manager", "", "Visie", 4 } };
	CHECK_INT(stats_360(&a, no_id, 2, &c, &n, &bad, &why), -1);
	CHECK_INT(bad, 1);
	const struct s360_rating empty[] = { { "Ann", "staff", "x", "", 4 } };
	CHECK_INT(stats_360(&a, empty, 1, &c, &n, &bad, &why), -1);
	const struct s360_rating nulls[] = { { NULL, NULL, NULL, NULL, 4 } };
	CHECK_INT(stats_360(&a, nulls, 1, &c, &n, &bad, &why), -1);
	CHECK_INT(stats_360(&a, empty, 0, &c, &n, &bad, &why), 0);
	CHECK_INT(n, 0);
	arena_free(&a);
}
