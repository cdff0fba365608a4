/* start.h — the store's part for the start page: what one person has to do
 * now, for the parts that apply to them. As everywhere in the store: every
 * call takes the organisation and touches nothing outside it. */
#ifndef LG_STORE_START_H
#define LG_STORE_START_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/start.h"

#include <stddef.h>

/* The rows of each part in parts (START_PART_*) for person_id (0: none of
 * the person's own parts) and account_id (the research part: the projects
 * it is a member of), in the order of the parts, each part by date. */
MUST_CHECK int store_start(struct store *s, struct arena *a, long long org, long long person_id, long long account_id,
			   unsigned parts, const struct start_dates *d, struct start_row **out, size_t *n);

#endif
