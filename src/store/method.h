/* method.h — the store's part for session methods and their steps. Every
 * call takes the organisation and touches nothing outside it; lists are
 * allocated in the arena. */
#ifndef LG_STORE_METHOD_H
#define LG_STORE_METHOD_H

#include "core/compiler.h"

#include <stdbool.h>
#include "store/store.h"
#include "domain/model/method.h"

MUST_CHECK int store_method_add(struct store *s, long long org, const struct method *m, long long *id);
/* ST_NOTFOUND when the organisation has no method with key */
MUST_CHECK int store_method_by_key(struct store *s, struct arena *a, long long org, const char *key, struct method *out);
/* By name, then id; steps not filled. */
MUST_CHECK int store_method_list(struct store *s, struct arena *a, long long org, struct method **out, size_t *n);
MUST_CHECK int store_method_step_add(struct store *s, long long org, const struct method_step *st, long long *id);
/* The method a step of the organisation belongs to; ST_NOTFOUND otherwise. */
MUST_CHECK int store_method_step_method(struct store *s, long long org, long long step_id, long long *method_id);
/* Changes name, who, instruction, minutes and source of a step of the organisation. */
MUST_CHECK int store_method_step_update(struct store *s, long long org, const struct method_step *p);
/* In the order of n. */
MUST_CHECK int store_method_steps(struct store *s, struct arena *a, long long org, long long method_id,
				  struct method_step **out, size_t *n);

/* One of the organisation's methods (steps not filled); ST_NOTFOUND otherwise. */
MUST_CHECK int store_method_get(struct store *s, struct arena *a, long long org, long long id, struct method *out);
/* How many sessions of the organisation use the method. */
MUST_CHECK int store_method_sessions(struct store *s, long long org, long long method_id, long long *n);
/* Whether another method of the organisation has this name (any case). */
MUST_CHECK int store_method_name_taken(struct store *s, long long org, const char *name, bool *taken);
/* Removes the method's step with the highest n. */
MUST_CHECK int store_method_step_remove_last(struct store *s, long long org, long long method_id);
/* Removes a method of the organisation with its steps. */
MUST_CHECK int store_method_remove(struct store *s, long long org, long long method_id);

#endif
