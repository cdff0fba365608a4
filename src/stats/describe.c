/* describe.c — one variable: count, mean, standard deviation, the
 * distribution over the points of a scale, reversal, and the scale score of
 * each respondent. The sums follow R's summary.c and cov.c (long double,
 * and for the mean a second pass that corrects the rounding of the first),
 * so the digits agree with R's mean() and sd(). */
#include "stats.h"

#include <assert.h>
#include <math.h>

size_t stats_count(const double *x, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += !isnan(x[i]);
	return c;
}

double stats_mean(const double *x, size_t n)
{
	size_t m = stats_count(x, n);
	if (m == 0)
		return NAN;
	long double s = 0;
	for (size_t i = 0; i < n; i++)
		if (!isnan(x[i]))
			s += x[i];
	s /= (long double)m;
	if (isfinite((double)s)) {
		long double t = 0;
		for (size_t i = 0; i < n; i++)
			if (!isnan(x[i]))
				t += x[i] - s;
		s += t / (long double)m;
	}
	return (double)s;
}

double stats_var(const double *x, size_t n)
{
	size_t m = stats_count(x, n);
	if (m < 2)
		return NAN;
	double mean = stats_mean(x, n);
	long double ss = 0;
	for (size_t i = 0; i < n; i++)
		if (!isnan(x[i]))
			ss += (x[i] - mean) * (x[i] - mean);
	return (double)(ss / (long double)(m - 1));
}

double stats_sd(const double *x, size_t n)
{
	return sqrt(stats_var(x, n));
}

void stats_describe(const double *x, size_t n, struct stats_desc *d)
{
	d->n = stats_count(x, n);
	d->mean = stats_mean(x, n);
	d->sd = stats_sd(x, n);
}

size_t stats_counts(const double *x, size_t n, int min, int max, size_t *counts)
{
	assert(min <= max && counts && (!n || x));
	for (int v = min; v <= max; v++)
		counts[v - min] = 0;
	for (size_t i = 0; i < n; i++) {
		if (isnan(x[i]))
			continue;
		if (x[i] != floor(x[i]) || x[i] < min || x[i] > max)
			return i;
		counts[(int)x[i] - min]++;
	}
	return n;
}

void stats_reverse(double *x, size_t n, int min, int max)
{
	assert(min <= max && (!n || x));
	for (size_t i = 0; i < n; i++)
		if (!isnan(x[i]))
			x[i] = (double)min + (double)max - x[i];
}

void stats_scale_scores(const double *const *x, size_t k, size_t n, double *score)
{
	assert(score && (!k || x));
	for (size_t i = 0; i < n; i++) {
		/* rowMeans: a long double sum over the answered items, no second pass */
		long double s = 0;
		size_t m = 0;
		for (size_t j = 0; j < k; j++)
			if (!isnan(x[j][i])) {
				s += x[j][i];
				m++;
			}
		score[i] = m ? (double)(s / (long double)m) : NAN;
	}
}
