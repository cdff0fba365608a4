/* plan.h — the store's part for the development plan. As everywhere in the
 * store: every call takes the organisation and touches nothing outside it;
 * lists are allocated in the arena; ST_NOTFOUND for an id of another
 * organisation. Dates are "YYYY-MM-DD" and times "HH:MM", local to
 * Europe/Amsterdam. */
#ifndef LG_STORE_PLAN_H
#define LG_STORE_PLAN_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/plan.h"

/* "" when there is no plan yet */
MUST_CHECK int store_plan_assignment(struct store *s, struct arena *a, long long org, long long person_id, long long group_id,
			  char **out);
/* Writes the assignment; only for a person enrolled in the group. */
MUST_CHECK int store_plan_put(struct store *s, long long org, long long person_id, long long group_id, const char *assignment,
		   long long now);
MUST_CHECK int store_goal_add(struct store *s, long long org, const struct development_goal *g, long long *id);
/* Only the person's own goal changes. */
MUST_CHECK int store_goal_update(struct store *s, long long org, const struct development_goal *g);
MUST_CHECK int store_goal_delete(struct store *s, long long org, long long person_id, long long id);
MUST_CHECK int store_goal_list(struct store *s, struct arena *a, long long org, long long person_id, long long group_id,
		    struct development_goal **out, size_t *n);
/* Replaces the goal's framework elements by ids (in that order); each
 * must be an element of the organisation (else ST_INVALID). Call inside
 * a transaction, after the goal was checked to be the person's. */
MUST_CHECK int store_goal_elements_set(struct store *s, long long org, long long goal_id, const long long *ids, size_t n);
/* The elements of the person's goals in the group with their names and
 * framework, by goal and in the order chosen: goal_ids[i] is the goal of
 * out[i]. */
MUST_CHECK int store_goal_element_list(struct store *s, struct arena *a, long long org, long long person_id, long long group_id,
				       long long **goal_ids, struct goal_element **out, size_t *n);
MUST_CHECK int store_talk_add(struct store *s, long long org, const struct manager_talk *t, long long now, long long *id);
MUST_CHECK int store_talk_list(struct store *s, struct arena *a, long long org, long long person_id, long long group_id,
		    struct manager_talk **out, size_t *n);

#endif
