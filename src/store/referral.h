/* referral.h — the store's part for referrals (how a person came to take
 * part) and presentation attendees. Every call takes the organisation and
 * touches nothing outside it; lists are allocated in the arena;
 * ST_NOTFOUND for an id of another organisation. */
#ifndef LG_STORE_REFERRAL_H
#define LG_STORE_REFERRAL_H

#include "core/compiler.h"

#include <stdbool.h>
#include "store/store.h"
#include "domain/model/referral.h"
#include "domain/model/peer_group.h"

/* ST_INVALID when the person, the person who encouraged or the
 * presentation is not of the organisation. */
MUST_CHECK int store_referral_add(struct store *s, long long org, const struct referral *r, long long recorded_by,
				  long long *id);
/* Whether the person has a referral of this kind and source already (a
 * name outside the list compared without regard to case). */
MUST_CHECK int store_referral_exists(struct store *s, long long org, const struct referral *r, bool *exists);
MUST_CHECK int store_referral_get(struct store *s, struct arena *a, long long org, long long id, struct referral *out);
/* The referrals of the person (person > 0), those where `by` encouraged
 * someone (by > 0), or all of the organisation (both 0); by date. */
MUST_CHECK int store_referral_list(struct store *s, struct arena *a, long long org, long long person, long long by,
				   struct referral **out, size_t *n);
MUST_CHECK int store_referral_remove(struct store *s, long long org, long long id);

/* Adds the attendee (nothing when they are listed already). */
MUST_CHECK int store_presentation_attendee_add(struct store *s, long long org, long long presentation, long long person);
/* ST_NOTFOUND when the person was not listed. */
MUST_CHECK int store_presentation_attendee_remove(struct store *s, long long org, long long presentation,
						  long long person);
MUST_CHECK int store_presentation_attendees(struct store *s, struct arena *a, long long org, long long presentation,
					    struct presentation_attendee **out, size_t *n);
/* How many people came in through the presentation (referrals naming it). */
MUST_CHECK int store_presentation_joined(struct store *s, long long org, long long presentation, long long *n);

#endif
