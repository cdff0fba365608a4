/* practice.h — the store's part for the organisation's own practice
 * examples. Every call takes the organisation and touches nothing outside
 * it; lists in the arena, oldest first. */
#ifndef LG_STORE_PRACTICE_H
#define LG_STORE_PRACTICE_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/practice.h"

MUST_CHECK int store_practice_add(struct store *s, long long org, const struct practice_example *e, long long now,
				  long long *id);
MUST_CHECK int store_practice_list(struct store *s, struct arena *a, long long org, struct practice_example **out,
				   size_t *n);
/* Whether the full name of any person of the organisation occurs in text
 * (ASCII letters compared without case). */
MUST_CHECK int store_practice_name_in(struct store *s, long long org, const char *text, bool *found);

#endif
