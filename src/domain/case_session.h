/* case_session.h — sessions with a case (issue 17) of a learning group or
 * of a peer group (domain/peer_group.h: intervision, team, circle). Of a
 * learning group: the
 * group's facilitator leads a session with one of the organisation's
 * methods through its steps; the group's participants are its members and
 * one of them brings the case. A case and everything said about it is for
 * the session's members only: the coach, the owner and the mentor see
 * counts; every read of a text by someone other than its writer is in the
 * audit log ("case_session.read"). Pages, API and command line call these. */
#ifndef LG_DOMAIN_CASE_SESSION_H
#define LG_DOMAIN_CASE_SESSION_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/case_session.h"
#include "domain/model/group.h"
#include "domain/model/method.h"

#define CASE_TITLE_MAX 200
#define CASE_TEXT_MAX 4000
#define SESSION_ANSWER_MAX 1000
#define SESSION_ANSWERS_MAX 20   /* answers of one person in one session: a flood stops here */
#define SESSION_TIMER_HOURS 12   /* a step's timer is shown this long after the step began */

struct session_member {
	long long person_id;
	char *name;
};

/* A session as its members see it. */
struct session_view {
	struct case_session s;
	struct method m;                     /* with its steps */
	const struct method_step *current;   /* the step the session is at */
	char step_ends[6];                   /* "HH:MM" the step's minutes end, or "" (none, or the
	                                      * step began SESSION_TIMER_HOURS ago or more) */
	bool leader;                         /* the acting person leads it */
	long long leader_person_id;
	struct session_member *members;      /* the group's participants (not stopped) */
	size_t nmembers;
	struct case_session_role *roles;
	size_t nroles;
	struct case_session_note *notes;
	size_t nnotes;
	struct case_session_answer *answers;
	size_t nanswers;
};

/* The session for its leader or a member; D_NOTFOUND for anyone else and
 * for a session of another organisation. Records the read of every text of
 * another writer in the audit log. */
MUST_CHECK int case_session_open(struct ctx *c, long long id, struct session_view *v);

/* The session's state for its leader and members (D_NOTFOUND for anyone
 * else): no text in it, so it is not a read of anyone's words and is not
 * audited; the pages ask for it to follow the session as it runs. */
MUST_CHECK int case_session_state(struct ctx *c, long long id, struct case_session_state *out);

/* The session's place for the actor without reading its texts: the
 * session (its case fields included), the group's members and whether the
 * actor leads it; D_NOTFOUND unless the actor leads it or is a member. */
MUST_CHECK int case_session_place(struct ctx *c, long long id, struct case_session *s, struct session_member **members,
				  size_t *nmembers, bool *leader);

/* A group's sessions: the list (for the group's facilitator and
 * participants) or the counts alone (coach, owner, mentor: *list NULL).
 * D_NOTFOUND when the actor has no place in the group. may_lead: the actor
 * is the group's facilitator and may start a session. */
struct session_overview {
	struct case_session *list;
	size_t n;
	struct case_session_counts counts;
	bool may_lead;
	struct session_member *members;
	size_t nmembers;
	struct method *methods;
	size_t nmethods;
};
MUST_CHECK int case_session_overview(struct ctx *c, long long group_id, struct session_overview *o);

/* Starts a session of the group with the method (its key) and the case a
 * member brings (case_person_id a participant of the group, or 0 when the
 * case is not there yet). The group's facilitator only. */
MUST_CHECK int case_session_start(struct ctx *c, long long group_id, const char *method_key, long long case_person_id,
				  const char *title, const char *question, const char *context, struct errors *e,
				  long long *id);
/* Starts a session of a peer group: whoever may start one there leads it
 * (domain/peer_group.h: peer_rule_may_start); the case is brought by a
 * member. D_NOTFOUND for someone without a place in the group. */
MUST_CHECK int case_session_start_peer(struct ctx *c, long long peer_group_id, const char *method_key,
				       long long case_person_id, const char *title, const char *question,
				       const char *context, struct errors *e, long long *id);
/* Takes the session to step `to` (one back or one on from where it is, or
 * any step of the method): a second click on "next" that arrives after the
 * first asks for the same step and changes nothing. The leader only. */
MUST_CHECK int case_session_move(struct ctx *c, long long id, int to, struct errors *e);
MUST_CHECK int case_session_note(struct ctx *c, long long id, int n, const char *text, struct errors *e);
/* The summariser and the two who read out, members other than the case
 * owner (0 for none); at_random: chosen by leergang among them instead. */
MUST_CHECK int case_session_roles(struct ctx *c, long long id, long long summariser, const long long readers[2],
				  bool at_random, struct errors *e);
/* A member's one-minute answer (the leader's too). */
MUST_CHECK int case_session_answer(struct ctx *c, long long id, const char *text, struct errors *e);
/* The leader selects an answer as an idea to work out, or takes it back. */
MUST_CHECK int case_session_select(struct ctx *c, long long id, long long answer_id, bool selected);
/* The summary and the sharpened idea, kept with the session. */
MUST_CHECK int case_session_outcome(struct ctx *c, long long id, const char *summary, const char *sharpened,
				    struct errors *e);

#endif
