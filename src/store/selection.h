/* selection.h — the store's part for the selection of facilitators and
 * mentors. As everywhere in the store: every call takes the organisation and
 * touches nothing outside it; lists are allocated in the arena; ST_NOTFOUND
 * for an id of another organisation. Dates are "YYYY-MM-DD" and times
 * "HH:MM", local to Europe/Amsterdam. */
#ifndef LG_STORE_SELECTION_H
#define LG_STORE_SELECTION_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/selection.h"

/* role: "facilitator" or "mentor" */
MUST_CHECK int store_criterion_add(struct store *s, long long org, long long programme_id, const char *role, const char *name,
			int weight, long long *id);
MUST_CHECK int store_criterion_delete(struct store *s, long long org, long long programme_id, long long id);
MUST_CHECK int store_criterion_list(struct store *s, struct arena *a, long long org, long long programme_id, const char *role,
			 struct selection_criterion **out, size_t *n);
MUST_CHECK int store_candidate_add(struct store *s, long long org, long long programme_id, const char *role, long long person_id,
			const char *note, long long *id);
MUST_CHECK int store_candidate_list(struct store *s, struct arena *a, long long org, long long programme_id, const char *role,
			 struct selection_candidate **out, size_t *n);
/* score 0 removes the score */
MUST_CHECK int store_score_set(struct store *s, long long org, long long programme_id, long long candidate_id,
		    long long criterion_id, int score);
MUST_CHECK int store_score_list(struct store *s, struct arena *a, long long org, long long programme_id, const char *role,
		     struct selection_score **out, size_t *n);

#endif
