/* reverse.h — the store's part for reverse mentoring. As everywhere in the
 * store: every call takes the organisation and touches nothing outside it;
 * lists are allocated in the arena; ST_NOTFOUND for an id of another
 * organisation. Dates are "YYYY-MM-DD" and times "HH:MM", local to
 * Europe/Amsterdam. */
#ifndef LG_STORE_REVERSE_H
#define LG_STORE_REVERSE_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/reverse.h"

MUST_CHECK int store_reverse_add(struct store *s, long long org, const struct reverse_pair *p, long long now, long long *id);
MUST_CHECK int store_reverse_step(struct store *s, long long org, long long id, int step, long long now);
MUST_CHECK int store_reverse_get(struct store *s, struct arena *a, long long org, long long id, struct reverse_pair *out);
/* person_id 0: every pair of the organisation; else the pairs the person is in. */
MUST_CHECK int store_reverse_list(struct store *s, struct arena *a, long long org, long long person_id, struct reverse_pair **out,
		       size_t *n);

#endif
