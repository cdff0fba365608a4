/* spread.h — the store's part of the spread table, lone participants and
 * buddy pairs: the columns and places of an organisation by circle, batch
 * or learning group, who is linked by a referral, and the buddy pairs.
 * Every call takes the organisation and touches nothing outside it; lists
 * are allocated in the arena. */
#ifndef LG_STORE_SPREAD_H
#define LG_STORE_SPREAD_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/spread.h"

#include <stddef.h>

/* The organisation's circles, batches or learning groups. */
MUST_CHECK int store_spread_columns(struct store *s, struct arena *a, long long org, enum spread_by by,
				    struct spread_source **out, size_t *n);
/* Every place of a participant in those columns: circle members (not
 * facilitators), enrolments of any status. */
MUST_CHECK int store_spread_places(struct store *s, struct arena *a, long long org, enum spread_by by,
				   struct spread_place **out, size_t *n);
/* Everyone who took part, past or present, in a circle or a learning
 * group, once each (column_id 0), by name. */
MUST_CHECK int store_spread_participants(struct store *s, struct arena *a, long long org, struct spread_place **out,
					 size_t *n);
/* The people with a referral link to a person on the people list: who was
 * encouraged by someone, and who encouraged someone; ascending. */
MUST_CHECK int store_referral_linked(struct store *s, struct arena *a, long long org, long long **out, size_t *n);

/* A new open pair; ST_CONFLICT when the two have one open already. */
MUST_CHECK int store_buddy_add(struct store *s, long long org, const struct buddy_pair *p, long long recorded_by,
			       long long *id);
MUST_CHECK int store_buddy_get(struct store *s, struct arena *a, long long org, long long id, struct buddy_pair *out);
/* Ends an open pair on the day; ST_NOTFOUND when it is not open. */
MUST_CHECK int store_buddy_end(struct store *s, long long org, long long id, const char *on);
/* The organisation's pairs, open ones first, then by start, newest first. */
MUST_CHECK int store_buddy_list(struct store *s, struct arena *a, long long org, struct buddy_pair **out, size_t *n);

#endif
