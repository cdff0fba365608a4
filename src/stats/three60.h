/* three60.h — 360° feedback: per subject (the person rated) and dimension,
 * the self rating against the others' ratings, with the privacy rules of
 * the specification (rater categories below 3 merged, "others" below 3
 * not shown). Pure: ratings in, cells out; the arena holds the result.
 *
 * Definitions
 *   - A rating is (subject, rater role, rater id, dimension, score); a
 *     score of NAN is an unanswered dimension and is ignored. Roles are
 *     compared exactly: the caller trims and lower-cases them. "self" is
 *     the subject's own rating, "manager" the subject's manager; any other
 *     role ("staff", "peer", ...) is a category of raters.
 *   - self = the mean of the subject's self ratings on the dimension
 *     (usually one); NAN when there is none.
 *   - A rater is (subject, rater id); every rater other than self needs an
 *     id, and one id has one role per subject. A rater's score on a
 *     dimension is the mean of their ratings there (usually one), so a
 *     rater counts once however many rows they gave.
 *   - others = every rater who is not self, manager included:
 *     others_n raters, others_mean = the mean of their scores,
 *     gap = self - others_mean.
 *   - Categories: "manager" is always shown with its mean (the manager's
 *     rating is never anonymous); every other role with at least 3 raters
 *     is shown by its name; the roles with fewer than 3 raters are merged
 *     into one category "others", shown only when it holds at least 3.
 *   - others_mean (and gap) is suppressed when others_n < 3, and also when
 *     the merged category holds 1 or 2 raters: every other category is
 *     shown, so others_mean would give away the mean of those 1 or 2
 *     raters by subtraction (e.g. a manager and 2 staff: the manager's
 *     rating and the mean of all 3 give the 2 staff members' mean, and
 *     each of them then knows the other's score). This is stricter than
 *     "others below 3 is not shown" on purpose.
 * Order: subjects as they first occur in the input, dimensions of a
 * subject as they first occur; categories: manager, then the named roles
 * as they first occur, then the merged "others". */
#ifndef LG_STATS_THREE60_H
#define LG_STATS_THREE60_H

#include "core/arena.h"

#include <stddef.h>

#define S360_MIN_RATERS 3

struct s360_rating {
	const char *subject, *role, *rater, *dimension;
	double score;   /* NAN: not answered */
};

struct s360_category {
	const char *role;   /* "manager", a role with >= 3 raters, or "others" */
	size_t n;           /* raters */
	double mean;        /* NAN when suppressed */
	int suppressed;
};

struct s360_cell {
	const char *subject, *dimension;
	size_t self_n;          /* self ratings */
	double self;            /* NAN without one */
	size_t others_n;        /* raters other than self */
	int suppressed;         /* others_mean and gap not shown */
	double others_mean;     /* NAN when suppressed */
	double gap;             /* self - others_mean; NAN when either is */
	const char *note;       /* why others_mean or gap is missing, or NULL */
	struct s360_category *cats;
	size_t ncats;
};

/* Computes the cells of ratings r[0..n). Returns 0, or -1 with *bad the
 * index of the first rating in error and *why a sentence (an empty subject,
 * role or dimension; a rater without an id; an id with two roles). */
int stats_360(struct arena *a, const struct s360_rating *r, size_t n,
	      struct s360_cell **cells, size_t *ncells, size_t *bad, const char **why);

#endif
