/* stats.h — the statistics of questionnaires: item descriptives, scale
 * scores, Cronbach's alpha, t-tests with Cohen's d, one-way ANOVA and the
 * paired t-test. Pure functions over arrays of double in which NAN marks a
 * missing answer; nothing here reads files or knows of the store. GSL gives
 * the distributions (gsl_cdf_tdist_Q, gsl_cdf_fdist_Q).
 *
 * Every definition follows R (r-base-core 4.2, r-cran-psych 2.2.9) so that a
 * researcher who checks a number in R gets the same one; the R code that
 * each function answers to is named at the function, and tests/stats/
 * (README.md, reference.R, lib.R) holds the R script that made the
 * reference values the tests compare with.
 *
 * Undefined is NAN, never a guess: a result that R would not give (R stops
 * with an error, or prints NA, NaN or Inf) is NAN here, and the result
 * struct's `note` says why in one English sentence (a static string). The
 * caller prints NAN as JSON null beside that note. No function here crashes
 * or divides by zero on degenerate input (nothing answered, n = 1, zero
 * variance, one group).
 *
 * Sums run in long double, as R's do (LDOUBLE in summary.c and cov.c), and
 * a mean gets R's second correcting pass, so results agree with R to about
 * 1e-15 relative on ordinary data. */
#ifndef LG_STATS_H
#define LG_STATS_H

#include <stddef.h>

/* ---- describe.c: one variable ------------------------------------------ */

/* Non-missing values of x[0..n). */
size_t stats_count(const double *x, size_t n);
/* mean(x, na.rm = TRUE): NAN when nothing is answered. */
double stats_mean(const double *x, size_t n);
/* var(x, na.rm = TRUE), denominator n - 1: NAN with fewer than 2 values. */
double stats_var(const double *x, size_t n);
/* sd(x, na.rm = TRUE) = sqrt(var): NAN with fewer than 2 values. */
double stats_sd(const double *x, size_t n);

struct stats_desc {
	size_t n;      /* non-missing values */
	double mean;   /* NAN when n = 0 */
	double sd;     /* NAN when n < 2 */
};
void stats_describe(const double *x, size_t n, struct stats_desc *d);

/* The distribution over the points of a scale: counts[v - min] is the
 * number of answers v, for the whole numbers v = min..max (max - min + 1
 * counters, set to zero first). Returns n when every non-missing value is a
 * point of the scale, else the index of the first value that is not (a
 * fraction, or outside min..max), and then counts are incomplete. */
size_t stats_counts(const double *x, size_t n, int min, int max, size_t *counts);
/* A reversed item turned around: x = min + max - x for every answer. This
 * happens before anything else is computed from the item. */
void stats_reverse(double *x, size_t n, int min, int max);
/* Scale scores: score[i] = mean of the answered items of respondent i,
 *   rowMeans(x, na.rm = TRUE)
 * where x[j] is item j (k items, n respondents each), already reversed
 * where needed. A respondent who answered none of the items has no score
 * (NAN); such respondents are left out of everything computed from scores. */
void stats_scale_scores(const double *const *x, size_t k, size_t n, double *score);

/* ---- alpha.c: Cronbach's alpha as psych::alpha computes it ------------- *
 *
 * psych::alpha(x, check.keys = FALSE) with its defaults (use = "pairwise",
 * delete = TRUE); reversed items are turned before (stats_reverse), so
 * psych is not asked to find keys.
 *   1. An item without variance — fewer than 2 answers, or all answers
 *      equal — is left out, as psych does ("had no variance and was
 *      deleted"). Leergang lists it in `excluded` with the reason; it still
 *      counts in the scale score (stats_scale_scores), as psych says too.
 *   2. C = cov(x, use = "pairwise"): each covariance over the respondents
 *      who answered both items (means over those same respondents), each
 *      variance over everyone who answered the item.
 *   3. raw = (1 - tr(C) / sum(C)) * k / (k - 1), with k the items kept.
 *   4. R = cov2cor(C), i.e. C[i][j] / sqrt(C[i][i] * C[j][j]) — note: this
 *      is psych's standardised matrix, which with missing answers differs
 *      from cor(x, use = "pairwise") (that one takes the standard
 *      deviations over the pairs too). std = (1 - k / sum(R)) * k / (k - 1).
 *   5. Alpha if item dropped (psych's alpha.drop, raw_alpha and std.alpha):
 *      steps 3 and 4 on C and R without that item's row and column — C is
 *      not recomputed. With exactly 2 items kept, psych prints C12/C22 and
 *      R12 there, which are not alphas of a one-item scale; leergang gives
 *      NAN with a note instead (the one deliberate difference with psych).
 * Undefined (NAN + note): fewer than 2 items with variance; two items with
 * fewer than 2 respondents in common (R's cov gives NA); two items of which
 * one does not vary among the respondents who answered both — their
 * pairwise correlation is NA and psych::alpha stops with an error ("missing
 * values (NAs) in the correlation matrix"), so leergang gives no alpha
 * either, although the formula of step 3 would give a number; sum(C) or
 * sum(R) equal to 0. */
struct stats_alpha_item {
	int used;            /* 1 when the item has variance and is in alpha */
	const char *why;     /* when not used: why it was left out */
	double raw, std;     /* alpha if this item is dropped; NAN when undefined */
};

struct stats_alpha {
	size_t k;            /* items in alpha (with variance) */
	size_t n;            /* respondents (rows) considered */
	double raw, std;     /* NAN when undefined, with note */
	const char *note;
	const char *drop_note;  /* why the alpha-if-dropped values are NAN */
};

/* Alpha over k items of n respondents; items (may be NULL) receives k
 * entries, one per item in the order given. */
void stats_alpha(const double *const *x, size_t k, size_t n, struct stats_alpha *a,
		 struct stats_alpha_item *items);
/* Alpha over the complete rows only, psych::alpha(na.omit(x)): the
 * respondents who answered all k items (constant items included). The same
 * rules as stats_alpha apply to those rows; a->n is their number. */
void stats_alpha_complete(const double *const *x, size_t k, size_t n, struct stats_alpha *a);

/* ---- ttest.c: two groups, and two waves of the same people ------------- *
 *
 * t = (mean(x) - mean(y)) / stderr: x is the first group, y the second;
 * NANs in x and y are skipped (R drops NA). p is two-sided,
 * 2 * gsl_cdf_tdist_Q(|t|, df), which is R's 2 * pt(-abs(t), df). */
struct stats_ttest {
	size_t nx, ny;       /* values used */
	double t, df, p;     /* NAN when undefined, with note */
	const char *note;
};

/* t.test(x, y, var.equal = FALSE): Welch, with the Welch–Satterthwaite df.
 * Undefined when a group has fewer than 2 values or when the standard
 * error is 0 or below R's threshold 10 * DBL_EPSILON * max(|mean x|,
 * |mean y|) (R: "data are essentially constant"). */
void stats_welch(const double *x, size_t nx, const double *y, size_t ny, struct stats_ttest *r);
/* t.test(x, y, var.equal = TRUE): Student, df = nx + ny - 2, pooled
 * variance as R pools it (a group of 1 adds nothing to the pool, as in R).
 * Undefined when a group is empty, nx + ny < 3, or the standard error is 0
 * or below R's threshold as for Welch. */
void stats_student(const double *x, size_t nx, const double *y, size_t ny, struct stats_ttest *r);
/* Cohen's d = (mean(x) - mean(y)) / s_pooled with the pooled standard
 * deviation of Student's t:
 *   s_pooled = sqrt(((nx - 1) sx^2 + (ny - 1) sy^2) / (nx + ny - 2)).
 * NAN (with *note set when note is not NULL) when a group is empty,
 * nx + ny < 3, or s_pooled = 0. */
double stats_cohen_d(const double *x, size_t nx, const double *y, size_t ny, const char **note);

struct stats_paired {
	size_t n;            /* pairs with both values */
	double mean_diff;    /* mean(post - pre): positive means higher after */
	double sd_diff;      /* sd(post - pre) */
	double t, df, p;     /* t.test(post, pre, paired = TRUE) */
	double dz;           /* mean_diff / sd_diff */
	const char *note;
};
/* The paired t-test over the rows where both pre[i] and post[i] are
 * present (complete.cases, as t.test(paired = TRUE) does), on the
 * differences post - pre. Undefined with fewer than 2 pairs or when all
 * differences are equal (sd 0: R gives NaN or stops). */
void stats_paired(const double *pre, const double *post, size_t n, struct stats_paired *r);

/* ---- anova.c: one-way analysis of variance ----------------------------- *
 *
 * summary(aov(score ~ factor(group))): x[i] belongs to group g[i] (0..k-1);
 * NAN values are skipped and groups left without values do not count.
 *   df1 = groups - 1, df2 = N - groups,
 *   F = (SS_between / df1) / (SS_within / df2), p = gsl_cdf_fdist_Q(F, df1, df2),
 *   eta2 = SS_between / SS_total, SS_total = SS_between + SS_within.
 * Undefined: fewer than 2 groups (all NAN); no residual df (every group has
 * one value: F and p NAN); SS_within = 0 (R prints F = Inf, p < 2e-16;
 * leergang NAN with a note, eta2 is then 1); SS_total = 0 (eta2 NAN). */
struct stats_anova {
	size_t groups;       /* groups with at least one value */
	size_t n;            /* values used */
	double F, df1, df2, p, eta2;
	double ss_between, ss_within;
	const char *note;
};
void stats_anova(const double *x, const size_t *g, size_t n, size_t k, struct stats_anova *r);

/* ---- number.c: numbers as spreadsheets write them ---------------------- */

/* Reads a cell as a number: spaces around it are ignored; an optional sign,
 * digits and at most one decimal separator, '.' or ',' ("3,5" as Dutch
 * Excel writes it, "3.5" as English does); no thousands separators, no
 * exponent, no "NA". Returns 0 and *out on a number, 1 on an empty cell
 * (missing: *out = NAN), -1 on anything else. */
int stats_number(const char *s, double *out);

#endif
