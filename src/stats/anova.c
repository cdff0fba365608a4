/* anova.c — one-way analysis of variance with eta squared, the numbers of
 * summary(aov(score ~ group)) in R, with GSL's F distribution for p. */
#include "stats.h"
#include "core/die.h"

#include <assert.h>
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>

void stats_anova(const double *x, const size_t *g, size_t n, size_t k, struct stats_anova *r)
{
	assert(r && (!n || (x && g)));
	size_t *cnt = xcalloc(k + 1, sizeof *cnt);
	long double *sum = xcalloc(k + 1, sizeof *sum);
	double *mean = xcalloc(k + 1, sizeof *mean);
	long double total = 0, t2 = 0, ssw = 0, ssb = 0;
	size_t used = 0, groups = 0;

	r->F = r->df1 = r->df2 = r->p = r->eta2 = r->ss_between = r->ss_within = NAN;
	r->note = NULL;
	for (size_t i = 0; i < n; i++)
		if (!isnan(x[i]) && g[i] < k) {
			cnt[g[i]]++;
			sum[g[i]] += x[i];
			total += x[i];
			used++;
		}
	for (size_t j = 0; j < k; j++)
		if (cnt[j]) {
			groups++;
			sum[j] /= (long double)cnt[j];  /* from here on: the first-pass mean */
		}
	r->groups = groups;
	r->n = used;
	if (groups < 2) {
		r->note = "the analysis of variance needs at least 2 groups";
		goto out;
	}
	/* means with R's correcting second pass */
	total /= (long double)used;
	for (size_t i = 0; i < n; i++)
		if (!isnan(x[i]) && g[i] < k)
			t2 += x[i] - total;
	total += t2 / (long double)used;
	{
		long double *corr = xcalloc(k + 1, sizeof *corr);
		for (size_t i = 0; i < n; i++)
			if (!isnan(x[i]) && g[i] < k)
				corr[g[i]] += x[i] - sum[g[i]];
		for (size_t j = 0; j < k; j++)
			if (cnt[j])
				mean[j] = (double)(sum[j] + corr[j] / (long double)cnt[j]);
		free(corr);
	}
	for (size_t i = 0; i < n; i++)
		if (!isnan(x[i]) && g[i] < k) {
			long double d = x[i] - mean[g[i]];
			ssw += d * d;
		}
	for (size_t j = 0; j < k; j++)
		if (cnt[j]) {
			long double d = mean[j] - total;
			ssb += (long double)cnt[j] * d * d;
		}
	r->ss_between = (double)ssb;
	r->ss_within = (double)ssw;
	r->df1 = (double)(groups - 1);
	r->df2 = (double)(used - groups);
	if (ssb + ssw > 0)
		r->eta2 = (double)(ssb / (ssb + ssw));
	else
		r->note = "every value is the same: nothing to explain";
	if (used == groups) {
		r->note = "every group has one value: no variance within groups, F is undefined";
		r->df2 = 0;
	} else if (ssw == 0) {
		if (!r->note)
			r->note = "no variance within the groups: F is undefined (R prints Inf)";
	} else {
		r->F = (double)((ssb / (long double)r->df1) / (ssw / (long double)r->df2));
		r->p = gsl_cdf_fdist_Q(r->F, r->df1, r->df2);
	}
out:
	free(mean);
	free(sum);
	free(cnt);
}
