/* framework.h — the store's part for frameworks and their elements. As
 * everywhere in the store: every call takes the organisation and touches
 * nothing outside it; lists are allocated in the arena; ST_NOTFOUND for an id
 * of another organisation. Dates are "YYYY-MM-DD" and times "HH:MM", local to
 * Europe/Amsterdam. */
#ifndef LG_STORE_FRAMEWORK_H
#define LG_STORE_FRAMEWORK_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/framework.h"

MUST_CHECK int store_framework_add(struct store *s, long long org, const struct framework *f, long long *id);
MUST_CHECK int store_framework_list(struct store *s, struct arena *a, long long org, struct framework **out, size_t *n);
MUST_CHECK int store_framework_get(struct store *s, struct arena *a, long long org, long long id, struct framework *out);
MUST_CHECK int store_framework_by_key(struct store *s, struct arena *a, long long org, const char *key, struct framework *out);
/* parent_id 0 for a top element */
MUST_CHECK int store_element_add(struct store *s, long long org, const struct framework_element *e, long long *id);
/* The organisation's elements that have synonyms: id, framework, name and synonyms only. */
MUST_CHECK int store_element_synonyms(struct store *s, struct arena *a, long long org, struct framework_element **out,
				      size_t *n);
MUST_CHECK int store_element_update(struct store *s, long long org, const struct framework_element *e);
/* In tree order (a parent before its children, siblings by position). */
MUST_CHECK int store_element_list(struct store *s, struct arena *a, long long org, long long framework_id,
		       struct framework_element **out, size_t *n);

#endif
