/* retention.h — the store's side of retention periods (AVG, issue 16): an
 * organisation's periods, and the removal of the personal texts, logbooks
 * and named answers whose period has passed. The rules (what "finished"
 * means, which texts each period covers) are in domain/retention.c; the
 * queries that carry them out are listed once, in sqlite/retention.c. */
#ifndef LG_STORE_RETENTION_H
#define LG_STORE_RETENTION_H

#include "store/store.h"
#include "store/subject.h"

/* An organisation's periods in months; ST_NOTFOUND when it set none. */
MUST_CHECK int store_retention_get(struct store *s, long long org, int *texts, int *logbook, int *answers,
				   long long *updated_at);
MUST_CHECK int store_retention_set(struct store *s, long long org, int texts, int logbook, int answers,
				   long long now);

/* The last day of each period's removal: a text of a group that finished
 * on or before texts_until goes, and so on ("YYYY-MM-DD"). */
struct retention_cutoff {
	const char *texts_until, *logbook_until, *answers_until;
};

/* Removes in org, inside the caller's transaction, what the cutoffs let
 * go; fills one step per kind with the rows it touched (what: the table).
 * When anything went, the search index is merged so that no old segment
 * keeps the removed words. */
MUST_CHECK int store_retention_remove(struct store *s, struct arena *a, long long org,
				      const struct retention_cutoff *cut, struct subject_step **out, size_t *n);

#endif
