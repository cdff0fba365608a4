/* session_action.h — the store's part for the follow-up actions of a
 * session with a case. Every call takes the organisation and touches
 * nothing outside it; lists are allocated in the arena; ST_NOTFOUND for an
 * id of another organisation. */
#ifndef LG_STORE_SESSION_ACTION_H
#define LG_STORE_SESSION_ACTION_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/session_action.h"

MUST_CHECK int store_session_action_add(struct store *s, long long org, const struct session_action *x, long long *id);
MUST_CHECK int store_session_action_get(struct store *s, struct arena *a, long long org, long long id,
					struct session_action *out);
/* The actions made in one session, in the order they were made. */
MUST_CHECK int store_session_action_of_session(struct store *s, struct arena *a, long long org, long long session_id,
					       struct session_action **out, size_t *n);
/* The still-open actions of the sessions of the same group held before
 * session_id: what its leader reviews at its start. The one place that
 * decides which sessions are "the same group's". */
MUST_CHECK int store_case_session_earlier_open_actions(struct store *s, struct arena *a, long long org,
						       long long session_id, struct session_action **out, size_t *n);
/* A person's own actions, open first, by due date. */
MUST_CHECK int store_session_action_of_person(struct store *s, struct arena *a, long long org, long long person_id,
					      struct session_action **out, size_t *n);
/* Sets status, due date and done time; carried raises the count of
 * carries by one; reviewed_in (0: leave as it is) records the session
 * that reviewed it. */
MUST_CHECK int store_session_action_set(struct store *s, long long org, long long id, const char *status,
					const char *due_on, long long done_at, bool carried, long long reviewed_in);
MUST_CHECK int store_session_action_counts(struct store *s, long long org, long long group_id,
					   struct session_action_counts *out);
/* Every organisation's open actions due on or before `day` whose owner
 * was not yet reminded on `day`, each with the address of the owner's
 * active account (owners without one are left out). */
struct session_action_due {
	struct session_action x;
	long long organisation_id;
	char *email;   /* the owner's account's address */
};
MUST_CHECK int store_session_action_due(struct store *s, struct arena *a, const char *day,
					struct session_action_due **out, size_t *n);
/* Records that the owner was reminded on `day`; ST_NOTFOUND when that was
 * already done (another run got there first). */
MUST_CHECK int store_session_action_reminded(struct store *s, long long org, long long id, const char *day);
/* Undoes that record when the reminder could not be sent: reminded_on
 * goes back from `day` to `was`, so that the next run tries again. */
MUST_CHECK int store_session_action_unremind(struct store *s, long long org, long long id, const char *day,
					     const char *was);

#endif
