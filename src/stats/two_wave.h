/* two_wave.h — the numbers of a two-wave study (domain/two_wave.h): per
 * group the paired change from wave 1 to wave 2 with its 95% confidence
 * interval and Cohen's d_z, and the difference between two groups in
 * change (Welch's t-test on the change scores, its 95% interval, Hedges'
 * g). Pure functions over arrays of double in which NAN marks a missing
 * value, as in stats.h; tests/stats/two_wave.R says which R call each
 * number answers to. */
#ifndef LG_STATS_TWO_WAVE_H
#define LG_STATS_TWO_WAVE_H

#include <stddef.h>

/* One group's change, t.test(w2, w1, paired = TRUE) over the people with
 * both values (complete.cases):
 *   mean, sd    of the differences w2 - w1 (positive: higher in wave 2)
 *   t, df, p    as stats_paired
 *   lo, hi      p$conf.int: mean -/+ qt(0.975, df) * sd / sqrt(n)
 *   dz          mean / sd (Cohen's d_z)
 * Undefined (NAN + note) as stats_paired: fewer than 2 pairs, or every
 * difference the same. */
struct stats_change {
	size_t n;
	double mean, sd, t, df, p, lo, hi, dz;
	const char *note;
};
void stats_change(const double *w1, const double *w2, size_t n, struct stats_change *r);

/* The change scores x (intervention) and y (comparison) compared,
 * t.test(x, y) (Welch, var.equal = FALSE):
 *   diff        mean(x) - mean(y)
 *   t, df, p    as stats_welch
 *   lo, hi      the 95% interval of diff: diff -/+ qt(0.975, df) * se
 *   g           Hedges' g: Cohen's d with the pooled SD (stats_cohen_d)
 *               times J = 1 - 3 / (4 (nx + ny) - 9), the small-sample
 *               correction of Hedges (1981), as effsize::cohen.d(...,
 *               hedges.correction = TRUE) does (Hedges & Olkin 1985)
 * NANs are skipped. Undefined (NAN + note): fewer than 2 values in a
 * group, no variance within the groups. */
struct stats_change_diff {
	size_t nx, ny;
	double diff, t, df, p, lo, hi, g;
	const char *note;
};
void stats_change_diff(const double *x, size_t nx, const double *y, size_t ny, struct stats_change_diff *r);

#endif
