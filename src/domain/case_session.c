/* case_session.c — a learning group's sessions with a case: who leads,
 * who is a member, the steps walked back and forth, roles, notes, answers,
 * and the audit of every read of another's text. */
#include "case_session.h"
#include "audit.h"
#include "group.h"
#include "method.h"
#include "peer_group.h"
#include "privacy.h"
#include "schedule.h"
#include "store_rc.h"
#include "validate.h"
#include "core/i18n.h"
#include "store/case_session.h"
#include "store/group.h"
#include "store/peer_group.h"
#include "store/store.h"

#include <assert.h>
#include <sodium.h>
#include <string.h>
#include <time.h>

/* The group's participants who have not stopped. */
static int members_of(struct ctx *c, long long group_id, struct session_member **out, size_t *n)
{
	struct enrolment *e;
	size_t ne;
	int r = store_enrolment_list(c->st, c->a, c->who->organisation_id, group_id, &e, &ne);
	if (r)
		return d_from_store(r);
	*out = arena_alloc(c->a, (ne + 1) * sizeof(**out));
	*n = 0;
	for (size_t i = 0; i < ne; i++)
		if (strcmp(e[i].status, "stopped"))
			(*out)[(*n)++] = (struct session_member){ e[i].person_id, e[i].person_name };
	return D_OK;
}

static bool is_member(const struct session_member *m, size_t n, long long person_id)
{
	for (size_t i = 0; i < n && person_id; i++)
		if (m[i].person_id == person_id)
			return true;
	return false;
}

static int find_method(struct ctx *c, long long id, const char *key, struct method *out)
{
	struct method *all;
	size_t n;
	int r = method_list(c, &all, &n);
	if (r)
		return r;
	for (size_t i = 0; i < n; i++)
		if ((key && !strcmp(all[i].key, key)) || (!key && all[i].id == id)) {
			*out = all[i];
			return D_OK;
		}
	return D_NOTFOUND;
}

/* A peer group's people as the session's members (its members; its
 * facilitators lead) and whether the actor leads the session: the rule of
 * domain/peer_group.c. */
static int peer_people(struct ctx *c, const struct case_session *s, struct session_member **out, size_t *n,
		       bool *leader, bool *belongs)
{
	struct peer_member *pm;
	size_t np;
	int r = store_peer_group_members(c->st, c->a, c->who->organisation_id, s->peer_group_id, &pm, &np);
	if (r)
		return d_from_store(r);
	*out = arena_alloc(c->a, (np + 1) * sizeof(**out));
	*n = 0;
	for (size_t i = 0; i < np; i++)
		if (!strcmp(pm[i].role, "member"))
			(*out)[(*n)++] = (struct session_member){ pm[i].person_id, pm[i].name };
	*leader = peer_rule_leads(pm, np, c->who->person_id, s->leader_id);
	*belongs = peer_rule_belongs(pm, np, c->who->person_id);
	return D_OK;
}

/* The session, its group and whether the actor leads it or is a member;
 * D_NOTFOUND for anyone else (the same answer as for an id that does not
 * exist, so that sessions of other groups cannot be probed). A session
 * belongs to a learning group (its facilitator leads, its participants are
 * the members) or to a peer group (peer_people). g is zeroed for the
 * latter; *leader_person is who leads it. */
static int reach(struct ctx *c, long long id, struct case_session *s, struct learning_group *g,
		 struct session_member **members, size_t *nmembers, bool *leader, long long *leader_person)
{
	long long org = c->who->organisation_id, me = c->who->person_id;
	int r = d_from_store(store_case_session_get(c->st, c->a, org, id, s));
	if (r)
		return r;
	memset(g, 0, sizeof(*g));
	if (s->peer_group_id) {
		bool belongs;
		if ((r = peer_people(c, s, members, nmembers, leader, &belongs)))
			return r;
		*leader_person = s->leader_id;
		return *leader || belongs ? D_OK : D_NOTFOUND;
	}
	r = d_from_store(store_group_get(c->st, c->a, org, s->group_id, g));
	if (!r)
		r = members_of(c, s->group_id, members, nmembers);
	if (r)
		return r;
	*leader = me && g->facilitator_id == me;
	*leader_person = g->facilitator_id;
	return *leader || is_member(*members, *nmembers, me) ? D_OK : D_NOTFOUND;
}

int case_session_state(struct ctx *c, long long id, struct case_session_state *out)
{
	struct case_session s;
	struct learning_group g;
	struct session_member *mem;
	size_t nm;
	bool leader;
	long long leader_person;
	int r = reach(c, id, &s, &g, &mem, &nm, &leader, &leader_person);
	return r ? r : d_from_store(store_case_session_state(c->st, c->who->organisation_id, id, out));
}

int case_session_place(struct ctx *c, long long id, struct case_session *s, struct session_member **members,
		       size_t *nmembers, bool *leader)
{
	struct learning_group g;
	long long leader_person;
	return reach(c, id, s, &g, members, nmembers, leader, &leader_person);
}

/* The session for its leader alone (D_FORBIDDEN for a member), with the
 * group's members and, when m is given, the session's method. */
struct lead {
	struct case_session s;
	struct learning_group g;
	struct session_member *mem;
	size_t nm;
	struct method m;
	long long leader_person;
};

static int reach_leader(struct ctx *c, long long id, struct lead *l, bool with_method)
{
	bool leader;
	int r = reach(c, id, &l->s, &l->g, &l->mem, &l->nm, &leader, &l->leader_person);
	if (!r && !leader)
		r = D_FORBIDDEN;
	if (!r && with_method)
		r = find_method(c, l->s.method_id, NULL, &l->m);
	return r;
}

/* One audit line per writer other than the reader whose text is read. */
static int log_reads(struct ctx *c, const struct session_view *v)
{
	size_t cap = v->nanswers + 2, n = 0;
	long long *seen = arena_alloc(c->a, cap * sizeof(*seen));
	seen[n++] = v->s.case_person_id;
	if (v->nnotes || *v->s.summary || *v->s.sharpened)
		seen[n++] = v->leader_person_id;
	for (size_t i = 0; i < v->nanswers; i++) {
		bool dup = false;
		for (size_t k = 0; k < n && !dup; k++)
			dup = seen[k] == v->answers[i].person_id;
		if (!dup)
			seen[n++] = v->answers[i].person_id;
	}
	/* one commit for the page's audit lines, not one per writer: the
	 * leader's screen of 30 members was 31 commits (bench/session) */
	if (store_begin(c->st))
		return D_ERROR;
	for (size_t i = 0; i < n; i++) {
		bool dup = false;
		for (size_t k = 0; k < i && !dup; k++)
			dup = seen[k] == seen[i];
		if (seen[i] && !dup && privacy_log_read(c, "case_session", v->s.id, seen[i])) {
			store_rollback(c->st);
			return D_ERROR;
		}
	}
	return store_commit(c->st) ? D_ERROR : D_OK;
}

int case_session_open(struct ctx *c, long long id, struct session_view *v)
{
	assert(v);
	memset(v, 0, sizeof(*v));
	long long org = c->who->organisation_id;
	struct learning_group g;
	int r = reach(c, id, &v->s, &g, &v->members, &v->nmembers, &v->leader, &v->leader_person_id);
	if (!r)
		r = find_method(c, v->s.method_id, NULL, &v->m);
	if (r)
		return r;
	v->current = v->s.step <= (int)v->m.nsteps ? &v->m.steps[v->s.step - 1] : NULL;
	if (v->current && v->current->minutes > 0 && v->s.step_since > 0 &&
	    ctx_now(c) - v->s.step_since < SESSION_TIMER_HOURS * 3600LL) {
		/* the step's timer without JavaScript: the time it ends (not for
		 * a step left standing since an earlier day) */
		time_t end = (time_t)(v->s.step_since + 60LL * v->current->minutes);
		struct tm tm;
		localtime_r(&end, &tm);
		strftime(v->step_ends, sizeof(v->step_ends), "%H:%M", &tm);
	}
	r = store_case_session_roles(c->st, c->a, org, id, &v->roles, &v->nroles);
	if (!r)
		r = store_case_session_notes(c->st, c->a, org, id, &v->notes, &v->nnotes);
	if (!r)
		r = store_case_session_answers(c->st, c->a, org, id, &v->answers, &v->nanswers);
	if (r)
		return d_from_store(r);
	return log_reads(c, v);
}

int case_session_overview(struct ctx *c, long long group_id, struct session_overview *o)
{
	assert(o);
	memset(o, 0, sizeof(*o));
	long long org = c->who->organisation_id;
	struct learning_group g;
	enum group_relation rel;
	int r = group_open(c, group_id, &g, &rel);
	if (!r)
		r = d_from_store(store_case_session_counts(c->st, org, group_id, &o->counts));
	if (r)
		return r;
	long long me = c->who->person_id;
	o->may_lead = me && g.facilitator_id == me;
	if (!o->may_lead && rel != REL_PARTICIPANT)
		return D_OK;  /* counts only */
	r = d_from_store(store_case_session_list(c->st, c->a, org, group_id, &o->list, &o->n));
	if (!r && o->may_lead)
		r = members_of(c, group_id, &o->members, &o->nmembers);
	if (!r && o->may_lead)
		r = method_list(c, &o->methods, &o->nmethods);
	return r;
}

/* What a start checks and stores for either kind of group: s carries the
 * group (learning or peer) and the leader; mem the session's members. */
static int start_with(struct ctx *c, struct case_session *s, const struct session_member *mem, size_t nm,
		      const char *method_key, long long case_person_id, const char *title, const char *question,
		      const char *context, struct errors *e, long long *id)
{
	struct method m = { 0 };
	int r = find_method(c, 0, method_key ? method_key : "", &m);
	if (r == D_NOTFOUND)
		errors_add(c, e, "method", "%s", _("Choose one of the methods."));
	else if (r)
		return r;
	if (case_person_id && !is_member(mem, nm, case_person_id))
		errors_add(c, e, "case_person", "%s", _("The case is brought by a participant of the group."));
	check_line(c, e, "case_title", _("Title of the case"), title, 0, CASE_TITLE_MAX);
	check_long_text(c, e, "case_question", _("Question"), question, 0, CASE_TEXT_MAX);
	check_long_text(c, e, "case_context", _("Context"), context, 0, CASE_TEXT_MAX);
	if (e->n)
		return D_INVALID;
	char today[11];
	date_today(ctx_now(c), today);
	s->method_id = m.id;
	s->held_on = today;
	s->step_since = ctx_now(c);
	s->case_person_id = case_person_id;
	s->case_title = (char *)title;
	s->case_question = (char *)question;
	s->case_context = (char *)context;
	if (store_case_session_add(c->st, c->who->organisation_id, s, id))
		return D_ERROR;
	/* the method's key only: the case is for the session's members */
	audit(c, "case_session.start", "case_session", *id, "%s", m.key);
	return D_OK;
}

int case_session_start(struct ctx *c, long long group_id, const char *method_key, long long case_person_id,
		       const char *title, const char *question, const char *context, struct errors *e, long long *id)
{
	struct learning_group g;
	enum group_relation rel;
	int r = group_open(c, group_id, &g, &rel);
	if (r)
		return r;
	if (!c->who->person_id || g.facilitator_id != c->who->person_id)
		return D_FORBIDDEN;
	struct session_member *mem;
	size_t nm;
	if ((r = members_of(c, group_id, &mem, &nm)))
		return r;
	struct case_session s = { .group_id = group_id };
	return start_with(c, &s, mem, nm, method_key, case_person_id, title, question, context, e, id);
}

int case_session_start_peer(struct ctx *c, long long peer_group_id, const char *method_key, long long case_person_id,
			    const char *title, const char *question, const char *context, struct errors *e,
			    long long *id)
{
	struct peer_view v;
	int r = peer_group_open(c, peer_group_id, &v);
	if (r)
		return r;
	if (!v.may_start)
		return v.belongs ? D_FORBIDDEN : D_NOTFOUND;
	struct case_session s = { .peer_group_id = peer_group_id, .leader_id = c->who->person_id };
	struct session_member *mem;
	size_t nm;
	bool leader, belongs;
	if ((r = peer_people(c, &s, &mem, &nm, &leader, &belongs)))
		return r;
	return start_with(c, &s, mem, nm, method_key, case_person_id, title, question, context, e, id);
}

int case_session_move(struct ctx *c, long long id, int to, struct errors *e)
{
	struct lead l;
	int r = reach_leader(c, id, &l, true);
	if (r)
		return r;
	if (to < 1 || to > (int)l.m.nsteps) {
		errors_add(c, e, "to", _("Choose a step from 1 to %zu."), l.m.nsteps);
		return D_INVALID;
	}
	if (to == l.s.step)
		return D_OK;
	if (store_case_session_set_step(c->st, c->who->organisation_id, id, to, ctx_now(c)))
		return D_ERROR;
	audit(c, "case_session.step", "case_session", id, "%d -> %d", l.s.step, to);
	return D_OK;
}

int case_session_note(struct ctx *c, long long id, int n, const char *text, struct errors *e)
{
	struct lead l;
	int r = reach_leader(c, id, &l, true);
	if (r)
		return r;
	if (n < 1 || n > (int)l.m.nsteps)
		errors_add(c, e, "n", _("Choose a step from 1 to %zu."), l.m.nsteps);
	check_long_text(c, e, "note", _("Notes"), text, 0, CASE_TEXT_MAX);
	if (e->n)
		return D_INVALID;
	return store_case_session_set_note(c->st, c->who->organisation_id, id, n, text) ? D_ERROR : D_OK;
}

int case_session_roles(struct ctx *c, long long id, long long summariser, const long long readers[2], bool at_random,
		       struct errors *e)
{
	struct lead l;
	int r = reach_leader(c, id, &l, false);
	if (r)
		return r;
	long long pick[3] = { summariser, readers[0], readers[1] };
	if (at_random) {
		/* the members other than the case owner, shuffled; the first three */
		long long *pool = arena_alloc(c->a, (l.nm + 1) * sizeof(*pool));
		size_t np = 0;
		for (size_t i = 0; i < l.nm; i++)
			if (l.mem[i].person_id != l.s.case_person_id)
				pool[np++] = l.mem[i].person_id;
		for (size_t i = np; i > 1; i--) {
			size_t k = randombytes_uniform((uint32_t)i);
			long long t = pool[i - 1];
			pool[i - 1] = pool[k];
			pool[k] = t;
		}
		for (size_t i = 0; i < 3; i++)
			pick[i] = i < np ? pool[i] : 0;
	} else {
		for (size_t i = 0; i < 3; i++)
			if (pick[i] && (!is_member(l.mem, l.nm, pick[i]) || pick[i] == l.s.case_person_id))
				errors_add(c, e, i ? "reader" : "summariser", "%s",
					   _("Choose a participant of the group other than the case owner."));
		if (pick[1] && pick[1] == pick[2])
			errors_add(c, e, "reader", "%s", _("Choose two different people to read out."));
		if (e->n)
			return D_INVALID;
	}
	if (store_begin(c->st))
		return D_ERROR;
	if (store_case_session_set_roles(c->st, c->who->organisation_id, id, pick[0], pick + 1)) {
		store_rollback(c->st);
		return D_ERROR;
	}
	audit(c, "case_session.roles", "case_session", id, "%s", at_random ? "at random" : "chosen");
	return store_commit(c->st) ? D_ERROR : D_OK;
}

int case_session_answer(struct ctx *c, long long id, const char *text, struct errors *e)
{
	struct lead l;
	bool leader;
	int r = reach(c, id, &l.s, &l.g, &l.mem, &l.nm, &leader, &l.leader_person);
	if (r)
		return r;
	if (!check_long_text(c, e, "answer", _("Your answer"), text, 1, SESSION_ANSWER_MAX))
		return D_INVALID;
	long long aid;
	r = store_case_session_answer_add(c->st, c->who->organisation_id, id, c->who->person_id, text, ctx_now(c),
					  SESSION_ANSWERS_MAX, &aid);
	if (r == ST_INVALID) {
		errors_add(c, e, "answer", _("You have given %d answers in this session, the most one person can give."),
			   SESSION_ANSWERS_MAX);
		return D_INVALID;
	}
	return r ? D_ERROR : D_OK;
}

int case_session_select(struct ctx *c, long long id, long long answer_id, bool selected)
{
	struct lead l;
	int r = reach_leader(c, id, &l, false);
	if (r)
		return r;
	return d_from_store(store_case_session_select(c->st, c->who->organisation_id, id, answer_id, selected));
}

int case_session_outcome(struct ctx *c, long long id, const char *summary, const char *sharpened, struct errors *e)
{
	struct lead l;
	int r = reach_leader(c, id, &l, false);
	if (r)
		return r;
	check_long_text(c, e, "summary", _("Summary"), summary, 0, CASE_TEXT_MAX);
	check_long_text(c, e, "sharpened", _("The sharpened idea"), sharpened, 0, CASE_TEXT_MAX);
	if (e->n)
		return D_INVALID;
	return store_case_session_set_outcome(c->st, c->who->organisation_id, id, summary ? summary : "",
					      sharpened ? sharpened : "") ? D_ERROR : D_OK;
}
