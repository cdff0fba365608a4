/* two_wave.c — the paired change per group and the difference in change
 * between two groups, with their 95% intervals (GSL's t quantile, R's qt),
 * on top of stats_paired and stats_welch (ttest.c). */
#include "two_wave.h"
#include "stats.h"

#include <assert.h>
#include <gsl/gsl_cdf.h>
#include <math.h>

/* qt(0.975, df) */
static double t975(double df)
{
	return gsl_cdf_tdist_Pinv(0.975, df);
}

void stats_change(const double *w1, const double *w2, size_t n, struct stats_change *r)
{
	assert(r);
	struct stats_paired p;
	stats_paired(w1, w2, n, &p);
	r->n = p.n;
	r->mean = p.mean_diff;
	r->sd = p.sd_diff;
	r->t = p.t;
	r->df = p.df;
	r->p = p.p;
	r->dz = p.dz;
	r->note = p.note;
	r->lo = r->hi = NAN;
	if (!isnan(p.t)) {
		double h = t975(p.df) * p.sd_diff / sqrt((double)p.n);
		r->lo = p.mean_diff - h;
		r->hi = p.mean_diff + h;
	}
}

void stats_change_diff(const double *x, size_t nx, const double *y, size_t ny, struct stats_change_diff *r)
{
	assert(r);
	struct stats_ttest w;
	stats_welch(x, nx, y, ny, &w);
	r->nx = w.nx;
	r->ny = w.ny;
	r->diff = w.nx && w.ny ? stats_mean(x, nx) - stats_mean(y, ny) : NAN;
	r->t = w.t;
	r->df = w.df;
	r->p = w.p;
	r->note = w.note;
	r->lo = r->hi = r->g = NAN;
	if (isnan(w.t))
		return;
	double se = sqrt(stats_var(x, nx) / (double)w.nx + stats_var(y, ny) / (double)w.ny);
	double h = t975(w.df) * se;
	r->lo = r->diff - h;
	r->hi = r->diff + h;
	double d = stats_cohen_d(x, nx, y, ny, NULL);
	double N = (double)(w.nx + w.ny);
	r->g = isnan(d) ? NAN : d * (1 - 3 / (4 * N - 9));
}
