/* referral.h — how a person of the organisation came to take part (seed
 * 002 §7: "stimulans vanuit afdelingshoofd en teamleiders of directe
 * 'besmetting' door een collega... Vaak spelen beide een rol"): encouraged
 * by someone (on the people list or outside it, in a role), by a
 * presentation they attended, or of their own accord; several may apply.
 * And who attended a presentation. The coach and the administrator record
 * them for anyone of the organisation; a participant records and reads
 * their own, and never sees where someone else named them. */
#ifndef LG_DOMAIN_REFERRAL_H
#define LG_DOMAIN_REFERRAL_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/peer_group.h"
#include "domain/model/referral.h"

#include <jansson.h>
#include <stdbool.h>

#define REFERRAL_NAME_MAX 100

/* Whether the actor records and reads referrals of anyone of the
 * organisation (the coach and the administrator). */
bool referral_may_manage(const struct ctx *c);
/* Whether the actor records and reads their own (a participant with a person). */
bool referral_may_own(const struct ctx *c);
const char *referral_kind_label(const char *kind);
/* "" gives "" */
const char *referral_role_label(const char *role);
/* The roles in the order of a form, NULL-ended ("" first: not said). */
extern const char *const REFERRAL_ROLES[];
/* One line that says who or what: "Anja (teamleider)", "pecha kucha
 * 'Wat wij leerden' (2015-06-01)", "eigen initiatief". */
const char *referral_source(struct arena *a, const struct referral *r);

/* How a person of the organisation came to take part: kind "person"
 * (by_person: someone on the people list, or by_name: someone outside it,
 * "wethouder"; exactly one of the two; by_role "" or manager|
 * head_of_department|team_leader|colleague|top|outside), "presentation"
 * (presentation: one of the organisation's), or "own" (own initiative).
 * noted_on YYYY-MM-DD ("" = today). The coach and the administrator for
 * anyone of the organisation, a participant for themselves. */
MUST_CHECK int referral_add(struct ctx *c, long long person, const char *kind, long long by_person,
			    const char *by_name, const char *by_role, long long presentation,
			    const char *noted_on, struct errors *e, long long *id);
/* The person's referrals (how they came in): the coach and the
 * administrator for anyone, a participant for themselves only. */
MUST_CHECK int referral_list(struct ctx *c, long long person, struct referral **out, size_t *n);
/* Where the person encouraged someone: the coach and the administrator only. */
MUST_CHECK int referral_list_given(struct ctx *c, long long person, struct referral **out, size_t *n);
/* Every referral of the organisation: the coach and the administrator. */
MUST_CHECK int referral_list_all(struct ctx *c, struct referral **out, size_t *n);
/* One referral: D_NOTFOUND for one the actor may not reach (another
 * organisation's, or for a participant someone else's). */
MUST_CHECK int referral_get(struct ctx *c, long long id, struct referral *out);
/* Removes one: the coach and the administrator, or the participant their own. */
MUST_CHECK int referral_remove(struct ctx *c, long long id);

/* The organisation's presentations to choose from in a referral's form,
 * newest first: for whoever may record a referral. */
MUST_CHECK int referral_presentations(struct ctx *c, struct presentation **out, size_t *n);

/* ---- who attended a presentation ---- */

struct presentation_view {
	struct presentation p;
	struct presentation_attendee *attendees;
	size_t nattendees;
	long long joined;          /* people who came in through it */
};
/* The coach and the administrator; D_NOTFOUND for another organisation's. */
MUST_CHECK int presentation_open(struct ctx *c, long long id, struct presentation_view *v);
/* Records that the person (of the organisation) was there; adding twice is no error. */
MUST_CHECK int presentation_attendee_add(struct ctx *c, long long presentation, long long person,
					 struct errors *e);
/* D_INVALID with a message when the person was not listed. */
MUST_CHECK int presentation_attendee_remove(struct ctx *c, long long presentation, long long person,
					    struct errors *e);

/* {"id","person_id","person","kind","by_person_id","by_person","by_name",
 *  "by_role","presentation_id","presentation","noted_on"} */
json_t *referral_json(const struct referral *r);
/* [{"person_id","name","employee_id"}] */
json_t *presentation_attendees_json(const struct presentation_attendee *t, size_t n);

#endif
