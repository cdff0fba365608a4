/* session_action.h — the follow-up actions of a session with a case
 * (issue 17): made by the session's leader in the session, each with an
 * owner among the session's members, a due date and a status; shown to the
 * owner (start page, calendar feed, API, command line) and reviewed at the
 * start of the group's next session ("what became of it": done, or
 * carried on with a new date, the reviewing session recorded). An action's
 * text is as confidential as the case: the session's members read it; the
 * coach and the owner of the organisation see counts only. Pages, API and
 * command line call these. */
#ifndef LG_DOMAIN_SESSION_ACTION_H
#define LG_DOMAIN_SESSION_ACTION_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/session_action.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#define ACTION_TEXT_MAX 500

/* An open action whose due date is before today. */
bool session_action_overdue(const struct session_action *x, const char *today);

/* A session's actions for its leader and members: those made in it and,
 * for the leader only, the still-open actions of the group's earlier
 * sessions, to be reviewed first. D_NOTFOUND for anyone else. A read of
 * actions by someone other than their writer is audited. */
struct session_actions {
	struct session_action *made;
	size_t nmade;
	struct session_action *earlier;
	size_t nearlier;
};
MUST_CHECK int session_action_for_session(struct ctx *c, long long session_id, struct session_actions *out);

/* A new action of the session (its leader only): text 1..ACTION_TEXT_MAX,
 * an owner who is a member of the session or its leader, a real due date
 * not before the session was held. */
MUST_CHECK int session_action_add(struct ctx *c, long long session_id, long long owner, const char *text,
				  const char *due_on, struct errors *e, long long *id);

/* Changes an action: status "done", "dropped", or "open" with a new due
 * date (carried on, not before today). Allowed to its owner and to the
 * leader of its session; and with review_session_id to the leader of a
 * later session of the same group, which records that session as the one
 * that reviewed it. D_NOTFOUND for anyone else. */
MUST_CHECK int session_action_update(struct ctx *c, long long id, const char *status, const char *due_on,
				     long long review_session_id, struct errors *e);

/* The acting person's own actions, open first by due date, then done and
 * dropped ones. */
MUST_CHECK int session_action_mine(struct ctx *c, struct session_action **out, size_t *n);

/* The counts of a group's actions, for whoever may see the group. */
MUST_CHECK int session_action_counts(struct ctx *c, long long group_id, struct session_action_counts *out);

/* Actions as the API and the command line give them:
 * {"actions":[{"id","text","status","due_on","overdue","owner",
 *   "session":{"id","held_on","group"}}]}, overdue decided on `today`. */
json_t *session_action_list_json(const struct session_action *x, size_t n, const char *today);

#endif
