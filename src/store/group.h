/* group.h — the store's part for batches, learning groups and enrolment. As
 * everywhere in the store: every call takes the organisation and touches
 * nothing outside it; lists are allocated in the arena; ST_NOTFOUND for an id
 * of another organisation. Dates are "YYYY-MM-DD" and times "HH:MM", local to
 * Europe/Amsterdam. */
#ifndef LG_STORE_GROUP_H
#define LG_STORE_GROUP_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/group.h"

MUST_CHECK int store_batch_add(struct store *s, long long org, long long programme_id, const char *name, long long *id);
MUST_CHECK int store_batch_list(struct store *s, struct arena *a, long long org, long long programme_id, struct batch **out,
		     size_t *n);
MUST_CHECK int store_batch_get(struct store *s, struct arena *a, long long org, long long id, struct batch *out);
MUST_CHECK int store_group_add(struct store *s, long long org, long long batch_id, const char *name, long long *id);
MUST_CHECK int store_group_update(struct store *s, long long org, const struct learning_group *g);
MUST_CHECK int store_group_get(struct store *s, struct arena *a, long long org, long long id, struct learning_group *out);
/* programme_id or batch_id may be 0 (all); ordered by programme, batch, name. */
MUST_CHECK int store_group_list(struct store *s, struct arena *a, long long org, long long programme_id, long long batch_id,
		     struct learning_group **out, size_t *n);
/* The groups a person takes part in as participant, mentor or facilitator. */
MUST_CHECK int store_group_list_for_person(struct store *s, struct arena *a, long long org, long long person_id,
				struct learning_group **out, size_t *n);
MUST_CHECK int store_enrolment_add(struct store *s, long long org, long long group_id, long long person_id, const char *on,
			long long *id);
MUST_CHECK int store_enrolment_update(struct store *s, long long org, const struct enrolment *e);
MUST_CHECK int store_enrolment_get(struct store *s, struct arena *a, long long org, long long id, struct enrolment *out);
MUST_CHECK int store_enrolment_list(struct store *s, struct arena *a, long long org, long long group_id,
			 struct enrolment **out, size_t *n);
/* The group of the programme in which the person is enrolled (not stopped), or 0. */
MUST_CHECK int store_enrolment_in_programme(struct store *s, long long org, long long programme_id, long long person_id,
				 long long *group_id);
MUST_CHECK int store_programme_counts(struct store *s, long long org, long long programme_id, struct enrolment_counts *out);

#endif
