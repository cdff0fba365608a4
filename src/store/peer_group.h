/* peer_group.h — the store's part for peer groups (intervision groups,
 * teams, learning circles), their people and presentations. Every call
 * takes the organisation and touches nothing outside it; lists are
 * allocated in the arena; ST_NOTFOUND for an id of another organisation. */
#ifndef LG_STORE_PEER_GROUP_H
#define LG_STORE_PEER_GROUP_H

#include "core/compiler.h"

#include <stdbool.h>
#include "store/store.h"
#include "domain/model/peer_group.h"

/* ST_CONFLICT when the organisation has a group of that kind, period and name. */
MUST_CHECK int store_peer_group_add(struct store *s, long long org, const struct peer_group *g, long long at,
				    long long *id);
MUST_CHECK int store_peer_group_get(struct store *s, struct arena *a, long long org, long long id,
				    struct peer_group *out);
/* The organisation's groups (person 0), or those the person belongs to;
 * by period (newest first), kind and name, with their counts. */
MUST_CHECK int store_peer_group_list(struct store *s, struct arena *a, long long org, long long person,
				     struct peer_group **out, size_t *n);
MUST_CHECK int store_peer_group_members(struct store *s, struct arena *a, long long org, long long id,
					struct peer_member **out, size_t *n);
/* Adds the person or changes their role and dates; ST_INVALID for a
 * person of another organisation. */
MUST_CHECK int store_peer_group_member_set(struct store *s, long long org, long long id, long long person,
					   const char *role, const char *since, const char *until);
MUST_CHECK int store_peer_group_member_remove(struct store *s, long long org, long long id, long long person);
/* Whether the person has a place in any group of the organisation. */
MUST_CHECK int store_peer_group_any(struct store *s, long long org, long long person, bool *any);
/* Marks a group of the organisation active or not (ST_NOTFOUND otherwise). */
MUST_CHECK int store_peer_group_set_active(struct store *s, long long org, long long id, bool active);

/* A presentation with its presenters (in a transaction of the caller's). */
MUST_CHECK int store_presentation_add(struct store *s, long long org, const struct presentation *p, long long *id);
/* The organisation's presentations (group 0) or those closing the group, newest first. */
MUST_CHECK int store_presentation_list(struct store *s, struct arena *a, long long org, long long group,
				       struct presentation **out, size_t *n);
/* One presentation of the organisation with its presenters. */
MUST_CHECK int store_presentation_get(struct store *s, struct arena *a, long long org, long long id,
				      struct presentation *out);

#endif
