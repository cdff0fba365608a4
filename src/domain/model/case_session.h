/* model/case_session.h — the domain's records of a group's sessions with a
 * case: the session with its method, step and case, its roles, the
 * leader's notes per step and the members' answers. The store fills them;
 * strings are allocated in the reader's arena. */
#ifndef LG_DOMAIN_MODEL_CASE_SESSION_H
#define LG_DOMAIN_MODEL_CASE_SESSION_H

#include <stdbool.h>
#include <stddef.h>

struct case_session {
	long long id, group_id, method_id, case_person_id;
	long long peer_group_id; /* a peer group's session: group_id 0 */
	long long leader_id;     /* who leads a peer group's session (its starter), or 0 */
	long long step_since;    /* when the current step began (unix time) */
	int step;
	char *held_on, *case_title, *case_question, *case_context, *summary, *sharpened;
	char *method_name, *case_person_name;   /* filled by reads */
};

struct case_session_role {
	long long person_id;
	char *role;          /* summariser, reader */
	char *person_name;
};

struct case_session_note {
	int n;
	char *text;
};

struct case_session_answer {
	long long id, person_id;
	bool selected;
	char *text, *person_name;
};

/* What changes in a session as it runs, without its texts: the pages
 * ask for it every few seconds to know when to show the change. */
struct case_session_state {
	int step;
	long long step_since, answers, selected, roles, summary_len, sharpened_len;
};

/* What the coach and the owner see of a group's sessions: counts only. */
struct case_session_counts {
	long long sessions, cases, answers;
};

#endif
