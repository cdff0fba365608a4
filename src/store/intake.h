/* intake.h — the store's part for the intake, the learning question and the
 * closing talk. As everywhere in the store: every call takes the organisation
 * and touches nothing outside it; lists are allocated in the arena;
 * ST_NOTFOUND for an id of another organisation. Dates are "YYYY-MM-DD" and
 * times "HH:MM", local to Europe/Amsterdam. */
#ifndef LG_STORE_INTAKE_H
#define LG_STORE_INTAKE_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/intake.h"

/* ST_NOTFOUND when the enrolment has no intake yet */
MUST_CHECK int store_intake_get(struct store *s, struct arena *a, long long org, long long enrolment_id, struct intake *out);
/* Adds or replaces the intake of the enrolment. */
MUST_CHECK int store_intake_put(struct store *s, long long org, const struct intake *in);
MUST_CHECK int store_question_add(struct store *s, long long org, long long person_id, long long group_id, const char *text,
		       long long now, long long *id);
/* Every version, newest first. */
MUST_CHECK int store_question_list(struct store *s, struct arena *a, long long org, long long person_id, long long group_id,
			struct learning_question **out, size_t *n);

/* ST_NOTFOUND when not offered yet */
MUST_CHECK int store_closing_get(struct store *s, struct arena *a, long long org, long long enrolment_id, struct closing_talk *out);
MUST_CHECK int store_closing_put(struct store *s, long long org, const struct closing_talk *t);
/* Of the enrolments of a group: offered, held, declined. */
MUST_CHECK int store_closing_counts(struct store *s, long long org, long long group_id, long long *offered, long long *held,
			 long long *declined);

#endif
