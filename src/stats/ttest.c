/* ttest.c — Welch's and Student's t-test, Cohen's d and the paired t-test,
 * following R's t.test.default line by line (the same pooling, the same
 * "essentially constant" threshold), with GSL's t distribution for p. */
#include "stats.h"
#include "core/die.h"

#include <assert.h>
#include <float.h>
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>

static double two_sided_p(double t, double df)
{
	return 2 * gsl_cdf_tdist_Q(fabs(t), df);
}

/* mean and var of the non-missing values of x */
struct moments {
	size_t n;
	double mean, var;
};

static struct moments moments(const double *x, size_t n)
{
	struct moments m = { stats_count(x, n), stats_mean(x, n), stats_var(x, n) };
	return m;
}

/* R: if (stderr < 10 * .Machine$double.eps * max(abs(mx), abs(my))) stop(...) */
static int essentially_constant(double stderr_, double mx, double my)
{
	return stderr_ == 0 || stderr_ < 10 * DBL_EPSILON * fmax(fabs(mx), fabs(my));
}

static void undefined(struct stats_ttest *r, const char *note)
{
	r->t = r->df = r->p = NAN;
	r->note = note;
}

void stats_welch(const double *x, size_t nx, const double *y, size_t ny, struct stats_ttest *r)
{
	assert(r && (!nx || x) && (!ny || y));
	struct moments a = moments(x, nx), b = moments(y, ny);
	r->nx = a.n;
	r->ny = b.n;
	r->note = NULL;
	if (a.n < 2 || b.n < 2)
		return undefined(r, "Welch's t needs at least 2 values in each group");
	double sx = sqrt(a.var / (double)a.n), sy = sqrt(b.var / (double)b.n);
	double se = sqrt(sx * sx + sy * sy);
	if (essentially_constant(se, a.mean, b.mean))
		return undefined(r, "no variance within the groups: t is undefined");
	r->df = pow(se, 4) / (pow(sx, 4) / (double)(a.n - 1) + pow(sy, 4) / (double)(b.n - 1));
	r->t = (a.mean - b.mean) / se;
	r->p = two_sided_p(r->t, r->df);
}

/* The pooled variance of Student's t, as t.test pools it. */
static double pooled_var(struct moments a, struct moments b)
{
	double v = 0;
	if (a.n > 1)
		v += (double)(a.n - 1) * a.var;
	if (b.n > 1)
		v += (double)(b.n - 1) * b.var;
	return v / (double)(a.n + b.n - 2);
}

void stats_student(const double *x, size_t nx, const double *y, size_t ny, struct stats_ttest *r)
{
	assert(r && (!nx || x) && (!ny || y));
	struct moments a = moments(x, nx), b = moments(y, ny);
	r->nx = a.n;
	r->ny = b.n;
	r->note = NULL;
	if (a.n < 1 || b.n < 1 || a.n + b.n < 3)
		return undefined(r, "Student's t needs a value in each group and at least 3 in all");
	double se = sqrt(pooled_var(a, b) * (1 / (double)a.n + 1 / (double)b.n));
	if (essentially_constant(se, a.mean, b.mean))
		return undefined(r, "no variance within the groups: t is undefined");
	r->df = (double)(a.n + b.n - 2);
	r->t = (a.mean - b.mean) / se;
	r->p = two_sided_p(r->t, r->df);
}

double stats_cohen_d(const double *x, size_t nx, const double *y, size_t ny, const char **note)
{
	struct moments a = moments(x, nx), b = moments(y, ny);
	const char *why = NULL;
	double d = NAN;
	if (a.n < 1 || b.n < 1 || a.n + b.n < 3)
		why = "Cohen's d needs a value in each group and at least 3 in all";
	else {
		double s = sqrt(pooled_var(a, b));
		if (s == 0)
			why = "no variance within the groups: Cohen's d is undefined";
		else
			d = (a.mean - b.mean) / s;
	}
	if (note)
		*note = why;
	return d;
}

void stats_paired(const double *pre, const double *post, size_t n, struct stats_paired *r)
{
	assert(r && (!n || (pre && post)));
	double *d = xcalloc(n + 1, sizeof *d);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (!isnan(pre[i]) && !isnan(post[i]))
			d[m++] = post[i] - pre[i];
	r->n = m;
	r->mean_diff = stats_mean(d, m);
	r->sd_diff = stats_sd(d, m);
	r->t = r->df = r->p = r->dz = NAN;
	r->note = NULL;
	if (m < 2)
		r->note = "the paired t-test needs at least 2 people with both values";
	else {
		double se = sqrt(stats_var(d, m) / (double)m);
		if (essentially_constant(se, r->mean_diff, 0))
			r->note = "every difference is the same: t and dz are undefined";
		else {
			r->df = (double)(m - 1);
			r->t = r->mean_diff / se;
			r->p = two_sided_p(r->t, r->df);
			r->dz = r->mean_diff / r->sd_diff;
		}
	}
	free(d);
}
