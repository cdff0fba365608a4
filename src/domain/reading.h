/* reading.h — results in plain words: one sentence an HR adviser
 * understands beside a test statistic, from the effect size and p by
 * stated rules. The rules are leergang's own, after Cohen's conventions
 * (Statistical power analysis for the behavioral sciences, 1988):
 *   the size of a difference of two means by |d|: below 0.2 negligible,
 *     below 0.5 small, below 0.8 medium, from 0.8 large;
 *   the size of differences between several parts by eta squared: below
 *     0.01 negligible, below 0.06 small, below 0.14 medium, from 0.14 large;
 *   chance by p: below 0.05 "probably not chance", otherwise "may be
 *     chance"; no word on chance when p is undefined.
 * The words and the sentences are in the interface language. */
#ifndef LG_DOMAIN_READING_H
#define LG_DOMAIN_READING_H

#include "core/arena.h"

enum reading_size { READING_NEGLIGIBLE, READING_SMALL, READING_MEDIUM, READING_LARGE };

enum reading_size reading_size_d(double d);
enum reading_size reading_size_eta2(double eta2);

/* "B scores 0.6 higher on 'X' on average than A; that difference is large
 * and probably not chance." diff is mean B minus mean A; d its effect size
 * (the sign is not used); p of the test. NULL when diff or d is undefined. */
const char *reading_two(struct arena *a, const char *name_b, const char *name_a, const char *dimension, double diff,
			double d, double p);
/* "The parts differ little on 'X' ...": for several parts, by eta squared. */
const char *reading_several(struct arena *a, const char *dimension, double eta2, double p);

#endif
