/* kappa.h — agreement between raters who put units into categories:
 * Cohen's kappa for two raters (unweighted, or weighted for ordered
 * categories) as psych::cohen.kappa computes it, and Krippendorff's alpha
 * for nominal data, two or more raters, missing values allowed. Pure
 * functions: codes in, numbers out; nothing here reads files.
 *
 * Categories are numbered 0..k-1 in their order (which matters for the
 * weights only); KAPPA_MISSING marks a unit a rater did not code.
 *
 * Undefined is NAN, never a guess, with a one-sentence English `note` (a
 * static string), as in stats.h; the caller prints NAN as JSON null. */
#ifndef LG_STATS_KAPPA_H
#define LG_STATS_KAPPA_H

#include "core/arena.h"

#include <stddef.h>
#include <stdint.h>

#define KAPPA_MISSING SIZE_MAX

/* ---- categories --------------------------------------------------------- *
 * The distinct values among v[0..n) ("" is missing: no category), in
 * order: by number when every value is a number as stats_number reads it
 * ("2", "2,5", "10"; equal numbers written differently are different
 * categories, ordered by their bytes), else by their bytes (R's sort with
 * method = "radix", the C locale). With `given` (ngiven names, no name
 * twice) the categories are exactly those, in that order, used or not.
 * codes[i] receives the category of v[i] or KAPPA_MISSING. Returns 0, or
 * -1 with *bad the index of the first value not among `given`. */
int kappa_categories(struct arena *a, const char *const *v, size_t n, const char *const *given, size_t ngiven,
		     const char ***cats, size_t *k, size_t *codes, size_t *bad);

/* ---- Cohen's kappa ------------------------------------------------------ *
 *
 * psych::cohen.kappa(cbind(r1, r2), w, levels = categories) (psych 2.2.9,
 * cohen.kappa1), from the confusion table of the n units both raters
 * coded (units with a missing code are left out beforehand, na.omit):
 * table[i * k + j] = units rater 1 put in i and rater 2 in j. With x the
 * table divided by n, rs its row sums, cs its column sums:
 *   po = tr(x) (observed agreement), pc = sum(rs * cs) (expected),
 *   kappa = (po - pc) / (1 - pc),
 *   var = [ sum_i x_ii ((1 - pc) - (rs_i + cs_i)(1 - po))^2
 *         + (1 - po)^2 (sum_ij x_ij (cs_i + rs_j)^2 - sum_i x_ii (cs_i + rs_i)^2)
 *         - (po pc - 2 pc + po)^2 ] / (n (1 - pc)^4)
 * — the large-sample variance of Fleiss, Cohen & Everitt (1969); a
 * negative var (rounding, e.g. at perfect agreement) is 0, as in psych.
 *   se = sqrt(var); lower, upper = kappa -/+ qnorm(0.975) se, each kept
 *   within [-1, 1] as psych keeps them.
 * Weighted (agreement weights w_ij, 1 on the diagonal):
 *   linear     w_ij = 1 - |i - j| / (k - 1)
 *   quadratic  w_ij = 1 - (i - j)^2 / (k - 1)^2   (psych's default)
 *   wpo = sum w x, wpc = sum_ij w_ij rs_i cs_j, wkappa = (wpo - wpc)/(1 - wpc),
 *   wvar = [ sum_ij x_ij (w_ij (1 - wpc) - (colw_i + roww_j)(1 - wpo))^2
 *          - (wpo wpc - 2 wpc + wpo)^2 ] / (n (1 - wpc)^4)
 *   with colw_j = sum_i w_ij cs_i and roww_i = rs_i sum_j w_ij, which is
 *   what psych computes (colSums(w * cs), rowSums(w * rs)); Fleiss, Cohen &
 *   Everitt weight the row means by rs_j instead (sum_i w_ij rs_i), so
 *   this SE follows psych, not the paper, where the margins differ.
 * Undefined (NAN + note): no units (n = 0); fewer than 2 categories (psych
 * prints NA); every unit coded by both in one category (pc = 1: psych
 * gives NaN, 0/0, and a variance of 0, which leergang leaves out: there is
 * no SE of an undefined kappa). At perfect agreement (no unit off the diagonal) var is
 * 0 exactly, as the formula gives, not the rounding error of its terms. */
enum kappa_weights { KAPPA_UNWEIGHTED, KAPPA_LINEAR, KAPPA_QUADRATIC };

struct kappa_est {
	double po, pc;          /* observed and expected agreement (weighted ones for a weighted kappa) */
	double kappa, var, se;  /* NAN when undefined */
	double lower, upper;    /* 95% confidence interval, within [-1, 1] */
	const char *note;
};

/* Kappa from a k x k table of counts; w chooses the weights (the
 * unweighted kappa ignores them). n is the table's sum. */
void kappa_cohen(const size_t *table, size_t k, enum kappa_weights w, struct kappa_est *r);

/* The confusion table of units coded by both: table (k * k counters, set
 * to zero first) from codes c1[i], c2[i] of n units. Returns the units
 * counted; units where either code is KAPPA_MISSING are left out. */
size_t kappa_table(const size_t *c1, const size_t *c2, size_t n, size_t k, size_t *table);

/* ---- Krippendorff's alpha, nominal -------------------------------------- *
 *
 * Krippendorff (2011, "Computing Krippendorff's alpha-reliability"):
 * codes[u * m + r] is the category rater r gave unit u (n units, m raters,
 * k categories), KAPPA_MISSING for none. A unit with fewer than 2 codes is
 * not pairable and left out. The coincidence matrix
 *   o_ck = sum_u (number of ordered pairs (c, k) of codes in u, from
 *          different raters) / (m_u - 1),
 * with m_u the codes in unit u; n_c = sum_k o_ck, n = sum_c n_c (the
 * pairable values);
 *   alpha = 1 - (n - 1) sum_{c != k} o_ck / sum_{c != k} n_c n_k.
 * With two raters and no missing codes this is Scott's pi corrected for
 * sample size. Undefined (NAN + note): no pairable unit; every pairable
 * value in one category (the expected disagreement is 0). */
struct kappa_alpha {
	size_t units;     /* pairable units */
	size_t values;    /* pairable values (n) */
	double alpha;     /* NAN when undefined */
	const char *note;
};
void kappa_krippendorff(const size_t *codes, size_t n, size_t m, size_t k, struct kappa_alpha *r);

#endif
