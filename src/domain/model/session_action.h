/* model/session_action.h — the domain's record of a follow-up action of a
 * session with a case: its owner, due date and status, with the session
 * and group it came from. The store fills it in the reader's arena. */
#ifndef LG_DOMAIN_MODEL_SESSION_ACTION_H
#define LG_DOMAIN_MODEL_SESSION_ACTION_H

struct session_action {
	long long id, session_id, person_id;
	long long group_id, peer_group_id;      /* the session's learning group or peer group (one is 0) */
	long long leader_person_id;             /* who leads the session: the group's facilitator, or
	                                         * the peer group's member who started it */
	long long reviewed_in_session_id;       /* 0: not reviewed in a later session */
	long long created_at, done_at;
	int carried;                            /* times carried on with a new date */
	char *text, *due_on, *status;           /* status: open, done, dropped */
	char *person_name, *held_on, *group_name, *reminded_on;
};

/* What the coach and the owner see of a group's actions: counts only. */
struct session_action_counts {
	long long open, done;
};

#endif
