/* two_wave.h — the store's part for two-wave studies: the study, its
 * members per group. Every call takes the organisation; lists come from
 * the arena; ST_NOTFOUND for an id of another organisation. */
#ifndef LG_STORE_TWO_WAVE_H
#define LG_STORE_TWO_WAVE_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/two_wave.h"

MUST_CHECK int store_study_add(struct store *s, long long org, const struct study *x, long long account, long long *id);
MUST_CHECK int store_study_member_add(struct store *s, long long org, long long study, long long person, enum study_arm arm);
MUST_CHECK int store_study_get(struct store *s, struct arena *a, long long org, long long id, struct study *out);
MUST_CHECK int store_study_list(struct store *s, struct arena *a, long long org, struct study **out, size_t *n);
/* The study a wave belongs to (ST_NOTFOUND: none), for the respondent's page. */
MUST_CHECK int store_study_of_wave(struct store *s, long long org, long long wave_id, long long *study);
MUST_CHECK int store_study_members(struct store *s, struct arena *a, long long org, long long study, struct study_member **out,
				   size_t *n);

#endif
