/* session_action.c — the rules of follow-up actions: who makes, reads,
 * reviews and closes them, and what a valid action is. */
#include "session_action.h"
#include "audit.h"
#include "case_session.h"
#include "group.h"
#include "privacy.h"
#include "schedule.h"
#include "store_rc.h"
#include "validate.h"
#include "core/i18n.h"
#include "store/session_action.h"
#include "store/store.h"

#include <assert.h>
#include <string.h>

bool session_action_overdue(const struct session_action *x, const char *today)
{
	return !strcmp(x->status, "open") && strcmp(x->due_on, today) < 0;
}

static bool member_of(const struct session_member *m, size_t n, long long person_id)
{
	for (size_t i = 0; i < n && person_id; i++)
		if (m[i].person_id == person_id)
			return true;
	return false;
}

/* One audit line per action read by someone other than its writer (the
 * leader of the session it was made in). */
static int log_reads(struct ctx *c, const struct session_action *x, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (x[i].leader_person_id && privacy_log_read(c, "session_action", x[i].id, x[i].leader_person_id))
			return D_ERROR;
	return D_OK;
}

int session_action_for_session(struct ctx *c, long long session_id, struct session_actions *out)
{
	assert(out);
	memset(out, 0, sizeof(*out));
	struct case_session s;
	struct session_member *mem;
	size_t nm;
	bool leader;
	int r = case_session_place(c, session_id, &s, &mem, &nm, &leader);
	if (r)
		return r;
	long long org = c->who->organisation_id;
	r = d_from_store(store_session_action_of_session(c->st, c->a, org, session_id, &out->made, &out->nmade));
	if (!r && leader)
		r = d_from_store(store_case_session_earlier_open_actions(c->st, c->a, org, session_id, &out->earlier,
									 &out->nearlier));
	if (!r)
		r = log_reads(c, out->made, out->nmade);
	if (!r)
		r = log_reads(c, out->earlier, out->nearlier);
	return r;
}

/* A due date: a real date, not before `from`. */
static void check_due(struct ctx *c, struct errors *e, const char *due_on, const char *from, const char *too_early)
{
	if (!due_on || !date_valid(due_on))
		errors_add(c, e, "due_on", "%s", _("Give the due date as a date, for example 2027-03-01."));
	else if (strcmp(due_on, from) < 0)
		errors_add(c, e, "due_on", "%s", too_early);
}

/* The session and its members for its leader; D_FORBIDDEN for a member,
 * D_NOTFOUND for anyone else. */
static int place_as_leader(struct ctx *c, long long id, struct case_session *s, struct session_member **mem, size_t *nm)
{
	bool leader;
	int r = case_session_place(c, id, s, mem, nm, &leader);
	return r ? r : leader ? D_OK : D_FORBIDDEN;
}

int session_action_add(struct ctx *c, long long session_id, long long owner, const char *text, const char *due_on,
		       struct errors *e, long long *id)
{
	struct case_session s;
	struct session_member *mem;
	size_t nm;
	int r = place_as_leader(c, session_id, &s, &mem, &nm);
	if (r)
		return r;
	check_long_text(c, e, "text", _("Action"), text, 1, ACTION_TEXT_MAX);
	if (owner <= 0 || !(member_of(mem, nm, owner) || owner == c->who->person_id))
		errors_add(c, e, "owner", "%s", _("Choose a member of the session as the owner of the action."));
	check_due(c, e, due_on, s.held_on, _("The due date cannot be before the session."));
	if (e->n)
		return D_INVALID;
	struct session_action x = { 0 };
	x.session_id = session_id;
	x.person_id = owner;
	x.text = (char *)text;
	x.due_on = (char *)due_on;
	x.created_at = ctx_now(c);
	if (store_session_action_add(c->st, c->who->organisation_id, &x, id))
		return D_ERROR;
	/* the due date only: the text is for the session's members */
	audit(c, "session_action.add", "case_session", session_id, "%s", due_on);
	return D_OK;
}

/* May the actor review x in session review_id: its leader, and x one of
 * the open actions of the group's earlier sessions. */
static int may_review(struct ctx *c, long long review_id, const struct session_action *x)
{
	struct case_session s;
	struct session_member *mem;
	size_t nm;
	int r = place_as_leader(c, review_id, &s, &mem, &nm);
	if (r)
		return r;
	struct session_action *open;
	size_t n;
	if (store_case_session_earlier_open_actions(c->st, c->a, c->who->organisation_id, review_id, &open, &n))
		return D_ERROR;
	for (size_t i = 0; i < n; i++)
		if (open[i].id == x->id)
			return D_OK;
	return D_NOTFOUND;
}

/* The owner and the leader of the action's session may change it; anyone
 * else gets D_NOTFOUND, as for an action that does not exist (the other
 * members read it on the session's page, where it has no forms). */
static int may_change(struct ctx *c, const struct session_action *x)
{
	long long me = c->who->person_id;
	return me && (me == x->person_id || me == x->leader_person_id) ? D_OK : D_NOTFOUND;
}

int session_action_update(struct ctx *c, long long id, const char *status, const char *due_on,
			  long long review_session_id, struct errors *e)
{
	struct session_action x;
	long long org = c->who->organisation_id;
	int r = d_from_store(store_session_action_get(c->st, c->a, org, id, &x));
	if (!r)
		r = review_session_id > 0 ? may_review(c, review_session_id, &x) : may_change(c, &x);
	if (r)
		return r;
	status = status ? status : "";
	char today[11];
	date_today(ctx_now(c), today);
	bool carry = !strcmp(status, "open");
	if (carry)
		check_due(c, e, due_on, today, _("Choose a new due date from today on."));
	else if (strcmp(status, "done") && strcmp(status, "dropped"))
		errors_add(c, e, "status", "%s", _("Choose done, dropped, or carry on with a new date."));
	if (e->n)
		return D_INVALID;
	if (store_begin(c->st))
		return D_ERROR;
	if (store_session_action_set(c->st, org, id, status, carry ? due_on : x.due_on,
				     carry ? 0 : ctx_now(c), carry, review_session_id > 0 ? review_session_id : 0)) {
		store_rollback(c->st);
		return D_ERROR;
	}
	audit(c, carry ? "session_action.carry" : !strcmp(status, "done") ? "session_action.done" : "session_action.drop",
	      "session_action", id, "%s", review_session_id > 0 ? "reviewed in the next session" : status);
	return store_commit(c->st) ? D_ERROR : D_OK;
}

int session_action_mine(struct ctx *c, struct session_action **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!c->who->person_id)
		return D_OK;
	return d_from_store(store_session_action_of_person(c->st, c->a, c->who->organisation_id, c->who->person_id, out, n));
}

int session_action_counts(struct ctx *c, long long group_id, struct session_action_counts *out)
{
	assert(out);
	memset(out, 0, sizeof(*out));
	struct learning_group g;
	enum group_relation rel;
	int r = group_open(c, group_id, &g, &rel);
	return r ? r : d_from_store(store_session_action_counts(c->st, c->who->organisation_id, group_id, out));
}
