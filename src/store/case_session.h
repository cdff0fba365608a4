/* case_session.h — the store's part for a group's sessions with a case.
 * Every call takes the organisation and touches nothing outside it; lists
 * are allocated in the arena; ST_NOTFOUND for an id of another
 * organisation. */
#ifndef LG_STORE_CASE_SESSION_H
#define LG_STORE_CASE_SESSION_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/case_session.h"

MUST_CHECK int store_case_session_add(struct store *s, long long org, const struct case_session *x, long long *id);
MUST_CHECK int store_case_session_get(struct store *s, struct arena *a, long long org, long long id,
				      struct case_session *out);
/* The group's sessions, newest first. */
MUST_CHECK int store_case_session_list(struct store *s, struct arena *a, long long org, long long group_id,
				       struct case_session **out, size_t *n);
MUST_CHECK int store_case_session_counts(struct store *s, long long org, long long group_id,
					 struct case_session_counts *out);
/* The same for a peer group's sessions. */
MUST_CHECK int store_case_session_list_peer(struct store *s, struct arena *a, long long org, long long peer_group_id,
					    struct case_session **out, size_t *n);
MUST_CHECK int store_case_session_counts_peer(struct store *s, long long org, long long peer_group_id,
					      struct case_session_counts *out);
/* The step and when it began. */
MUST_CHECK int store_case_session_set_step(struct store *s, long long org, long long id, int step, long long since);
MUST_CHECK int store_case_session_set_outcome(struct store *s, long long org, long long id, const char *summary,
					      const char *sharpened);
/* Replaces the summariser and readers (person ids, 0 for none). */
MUST_CHECK int store_case_session_set_roles(struct store *s, long long org, long long id, long long summariser,
					    const long long readers[2]);
MUST_CHECK int store_case_session_roles(struct store *s, struct arena *a, long long org, long long id,
					struct case_session_role **out, size_t *n);
/* The note of step n; an empty text removes it. */
MUST_CHECK int store_case_session_set_note(struct store *s, long long org, long long id, int n, const char *text);
MUST_CHECK int store_case_session_notes(struct store *s, struct arena *a, long long org, long long id,
					struct case_session_note **out, size_t *n);
/* ST_INVALID when the person has `most` answers in the session already. */
/* The session's state (ST_NOTFOUND for a session of another organisation). */
MUST_CHECK int store_case_session_state(struct store *s, long long org, long long id, struct case_session_state *out);
MUST_CHECK int store_case_session_answer_add(struct store *s, long long org, long long id, long long person_id,
					     const char *text, long long at, int most, long long *answer_id);
MUST_CHECK int store_case_session_answers(struct store *s, struct arena *a, long long org, long long id,
					  struct case_session_answer **out, size_t *n);
/* ST_NOTFOUND when the answer is not of the session. */
MUST_CHECK int store_case_session_select(struct store *s, long long org, long long id, long long answer_id,
					 bool selected);

#endif
