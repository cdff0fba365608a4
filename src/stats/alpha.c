/* alpha.c — Cronbach's alpha, raw and standardised, with alpha if item
 * dropped, exactly as psych::alpha computes it by default (pairwise
 * covariances, items without variance left out). The definitions, and the
 * one place where leergang gives no number where psych prints one, are in
 * stats.h. */
#include "stats.h"
#include "core/die.h"

#include <math.h>
#include <stdlib.h>

/* An item psych would delete: sd() is NA (fewer than 2 answers) or 0. */
static const char *no_variance(const double *x, size_t n)
{
	size_t m = 0;
	double first = NAN;
	int differ = 0;
	for (size_t i = 0; i < n; i++) {
		if (isnan(x[i]))
			continue;
		if (m++ == 0)
			first = x[i];
		else if (x[i] != first)
			differ = 1;
	}
	if (m < 2)
		return "fewer than 2 answers: no variance, left out of alpha";
	if (!differ)
		return "every answer is the same: no variance, left out of alpha";
	return NULL;
}

/* cov(x, y, use = "pairwise") as R's cov.c computes one pair: means and
 * cross products over the rows where both are present; NAN below 2 rows.
 * *flat is set when x or y does not vary over those rows, so that
 * cor(x, y, use = "pairwise") is NA: psych::alpha then stops (its
 * principal() refuses a correlation matrix with NAs). */
static double pair_cov(const double *x, const double *y, size_t n, int *flat)
{
	long double xm = 0, ym = 0, sum = 0, xx = 0, yy = 0;
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (!isnan(x[i]) && !isnan(y[i])) {
			m++;
			xm += x[i];
			ym += y[i];
		}
	*flat = 1;
	if (m < 2)
		return NAN;
	xm /= (long double)m;
	ym /= (long double)m;
	for (size_t i = 0; i < n; i++)
		if (!isnan(x[i]) && !isnan(y[i])) {
			sum += (x[i] - xm) * (y[i] - ym);
			xx += (x[i] - xm) * (x[i] - xm);
			yy += (y[i] - ym) * (y[i] - ym);
		}
	*flat = xx == 0 || yy == 0;
	return (double)(sum / (long double)(m - 1));
}

/* psych's alpha.1 on the k x k matrices C and R (row-major), leaving out
 * item skip (or none when skip >= k). */
static void alpha1(const double *C, const double *R, size_t k, size_t skip,
		   double *raw, double *std, const char **note)
{
	long double tr = 0, sumc = 0, sumr = 0;
	size_t m = 0;
	for (size_t i = 0; i < k; i++) {
		if (i == skip)
			continue;
		m++;
		tr += C[i * k + i];
		for (size_t j = 0; j < k; j++)
			if (j != skip) {
				sumc += C[i * k + j];
				sumr += R[i * k + j];
			}
	}
	double f = (double)m / (double)(m - 1);
	*raw = sumc != 0 ? (1 - (double)tr / (double)sumc) * f : NAN;
	*std = sumr != 0 ? (1 - (double)m / (double)sumr) * f : NAN;
	if (sumc == 0)
		*note = "the covariances of the items add up to 0: alpha is undefined";
	else if (sumr == 0)
		*note = "the correlations of the items add up to 0: standardised alpha is undefined";
}

void stats_alpha(const double *const *x, size_t k, size_t n, struct stats_alpha *a,
		 struct stats_alpha_item *items)
{
	size_t *use = xcalloc(k ? k : 1, sizeof *use);
	size_t m = 0;
	a->n = n;
	a->raw = a->std = NAN;
	a->note = a->drop_note = NULL;
	for (size_t j = 0; j < k; j++) {
		const char *why = no_variance(x[j], n);
		if (items) {
			items[j].used = !why;
			items[j].why = why;
			items[j].raw = items[j].std = NAN;
		}
		if (!why)
			use[m++] = j;
	}
	a->k = m;
	if (m < 2) {
		a->note = "alpha needs at least 2 items with variance";
		a->drop_note = a->note;
		free(use);
		return;
	}
	double *C = xcalloc(m * m, sizeof *C), *R = xcalloc(m * m, sizeof *R);
	double *is = xcalloc(m, sizeof *is);
	for (size_t i = 0; i < m; i++)
		for (size_t j = i; j < m; j++) {
			int flat;
			double c = pair_cov(x[use[i]], x[use[j]], n, &flat);
			if (isnan(c)) {
				a->note = "two of the items have fewer than 2 respondents in common: alpha is undefined";
				a->drop_note = a->note;
				goto out;
			}
			if (flat && i != j) {
				a->note = "two of the items have no variance among the respondents who answered both, "
					  "so their correlation is undefined: alpha is not given (psych::alpha stops here too)";
				a->drop_note = a->note;
				goto out;
			}
			C[i * m + j] = C[j * m + i] = c;
		}
	/* cov2cor: Is <- 1/sqrt(diag(V)); r <- Is * V * rep(Is, each = p); diag(r) <- 1 */
	for (size_t i = 0; i < m; i++)
		is[i] = 1 / sqrt(C[i * m + i]);
	for (size_t i = 0; i < m; i++)
		for (size_t j = 0; j < m; j++)
			R[i * m + j] = i == j ? 1 : is[i] * C[i * m + j] * is[j];
	alpha1(C, R, m, m, &a->raw, &a->std, &a->note);
	if (m == 2) {
		a->drop_note = "with 2 items, dropping one leaves a single item: alpha is undefined";
		goto out;
	}
	if (items)
		for (size_t i = 0; i < m; i++) {
			const char *note = NULL;
			alpha1(C, R, m, i, &items[use[i]].raw, &items[use[i]].std, &note);
			if (note)
				a->drop_note = note;
		}
out:
	free(is);
	free(R);
	free(C);
	free(use);
}

void stats_alpha_complete(const double *const *x, size_t k, size_t n, struct stats_alpha *a)
{
	double *cells = xcalloc(k * n + 1, sizeof *cells);
	const double **cols = xcalloc(k + 1, sizeof *cols);
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		size_t j = 0;
		while (j < k && !isnan(x[j][i]))
			j++;
		if (j < k)
			continue;
		for (j = 0; j < k; j++)
			cells[j * n + m] = x[j][i];
		m++;
	}
	for (size_t j = 0; j < k; j++)
		cols[j] = cells + j * n;
	stats_alpha(cols, k, m, a, NULL);
	if (m < 2 && k >= 2)
		a->note = "fewer than 2 respondents answered every item: alpha is undefined";
	free(cols);
	free(cells);
}
