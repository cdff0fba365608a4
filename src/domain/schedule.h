/* schedule.h — dates and times of meetings (local to Europe/Amsterdam, as
 * "YYYY-MM-DD" and "HH:MM") and the cascade rule of batches: the next batch
 * may start when the previous one reaches meeting N. Pure functions. */
#ifndef LG_DOMAIN_SCHEDULE_H
#define LG_DOMAIN_SCHEDULE_H

#include "ctx.h"

#include <stdbool.h>
#include <stddef.h>

bool date_valid(const char *d);    /* a real calendar date, years 1900-2999 */
bool time_valid(const char *t);    /* 00:00 .. 23:59 */
/* d plus n days into out (d must be valid). */
void date_add_days(const char *d, int n, char out[11]);
/* d plus n months into out (d must be valid); a day the month lacks
 * becomes its last day (31 March minus one month: 28 or 29 February). */
void date_add_months(const char *d, int n, char out[11]);
/* The Monday of the week of d (d must be valid). */
void date_monday(const char *d, char out[11]);
/* The local date of the moment `now` (seconds since the epoch). */
void date_today(long long now, char out[11]);
/* "10 februari 2026" in the interface language (d must be valid). */
const char *date_label(struct arena *a, const char *d);

/* One batch as the cascade sees it. */
struct cascade_batch {
	int number;
	const char *name;
	const char *first_date;     /* its earliest meeting, or NULL before any is planned */
	const char *reached_on;     /* when every group has held meeting N (the latest of
	                             * their dates), or NULL when a group has no date for it */
};

/* Checks each batch after the first against the one before it; adds one
 * message per problem (in batch order) to out. Returns the number added. */
size_t cascade_check(struct ctx *c, int meeting, const struct cascade_batch *b, size_t n, char **out, size_t max);

#endif
