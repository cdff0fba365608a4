/* calendar.h — the store's part for calendar feeds. As everywhere in the
 * store: every call takes the organisation and touches nothing outside it;
 * lists are allocated in the arena; ST_NOTFOUND for an id of another
 * organisation. Dates are "YYYY-MM-DD" and times "HH:MM", local to
 * Europe/Amsterdam. */
#ifndef LG_STORE_CALENDAR_H
#define LG_STORE_CALENDAR_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/calendar.h"

MUST_CHECK int store_feed_add(struct store *s, long long org, long long account_id, long long group_id,
		   const unsigned char hash[HASH_LEN], long long now, long long *id);
/* Active feeds only. */
MUST_CHECK int store_feed_by_hash(struct store *s, const unsigned char hash[HASH_LEN], struct calendar_feed *out);
MUST_CHECK int store_feed_list(struct store *s, struct arena *a, long long org, long long account_id,
		    struct calendar_feed **out, size_t *n);
MUST_CHECK int store_feed_revoke(struct store *s, long long org, long long account_id, long long id, long long now);

#endif
