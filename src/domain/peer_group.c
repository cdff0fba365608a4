/* peer_group.c — intervision groups, teams and learning circles: the rule
 * of who belongs and who leads, creating groups and setting their people,
 * what each actor sees of a group, and the presentations that close a
 * circle. */
#include "peer_group.h"
#include "spread_table.h"
#include "audit.h"
#include "method.h"
#include "role.h"
#include "schedule.h"
#include "store_rc.h"
#include "validate.h"
#include "core/i18n.h"
#include "store/case_session.h"
#include "store/peer_group.h"
#include "store/store.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* ---- the rule ---- */

bool peer_rule_belongs(const struct peer_member *m, size_t n, long long person)
{
	for (size_t i = 0; i < n && person; i++)
		if (m[i].person_id == person)
			return true;
	return false;
}

bool peer_rule_has_facilitator(const struct peer_member *m, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(m[i].role, "facilitator"))
			return true;
	return false;
}

static bool is_facilitator(const struct peer_member *m, size_t n, long long person)
{
	for (size_t i = 0; i < n && person; i++)
		if (m[i].person_id == person && !strcmp(m[i].role, "facilitator"))
			return true;
	return false;
}

bool peer_rule_may_start(const struct peer_member *m, size_t n, long long person)
{
	if (peer_rule_has_facilitator(m, n))
		return is_facilitator(m, n, person);
	return peer_rule_belongs(m, n, person);
}

bool peer_rule_leads(const struct peer_member *m, size_t n, long long person, long long starter)
{
	if (peer_rule_has_facilitator(m, n))
		return is_facilitator(m, n, person);
	return person && person == starter && peer_rule_belongs(m, n, person);
}

/* ---- labels ---- */

bool peer_group_may_manage(const struct ctx *c)
{
	return actor_has(c->who, ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_ADMINISTRATOR));
}

/* Who sees every group's counts: the managers and the programme owner. */
static bool sees_counts(const struct ctx *c)
{
	return actor_has(c->who, ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_ADMINISTRATOR) | ROLE_BIT(ROLE_OWNER));
}

const char *peer_kind_label(const char *kind)
{
	if (!strcmp(kind, "intervision"))
		return _("intervision group");
	if (!strcmp(kind, "team"))
		return _("team");
	return _("learning circle");
}

const char *presentation_audience_label(const char *audience)
{
	if (!strcmp(audience, "management"))
		return _("management team");
	if (!strcmp(audience, "executive"))
		return _("executive board");
	if (!strcmp(audience, "department"))
		return _("department meeting");
	return _("team meeting");
}

const char *presentation_kind_label(const char *kind)
{
	return !strcmp(kind, "pecha_kucha") ? _("pecha kucha") : _("other presentation");
}

static const char *const KINDS[] = { "intervision", "team", "circle", NULL };
static const char *const ROLES[] = { "member", "facilitator", NULL };
static const char *const AUDIENCES[] = { "management", "executive", "team", "department", NULL };
static const char *const PKINDS[] = { "pecha_kucha", "other", NULL };

/* ---- groups ---- */

int peer_group_create(struct ctx *c, const char *kind, const char *name, const char *period, struct errors *e,
		      long long *id)
{
	if (!peer_group_may_manage(c))
		return D_FORBIDDEN;
	if (!value_one_of(kind, KINDS))
		errors_add(c, e, "kind", "%s", _("Choose intervision group, team or learning circle."));
	check_line(c, e, "name", _("Name"), name, 1, PEER_NAME_MAX);
	bool circle = kind && !strcmp(kind, "circle");
	check_line(c, e, "period", _("Period"), period, circle ? 1 : 0, PEER_PERIOD_MAX);
	if (e->n)
		return D_INVALID;
	struct peer_group g = { .kind = (char *)kind, .name = (char *)name, .period = (char *)(period ? period : "") };
	int r = store_peer_group_add(c->st, c->who->organisation_id, &g, ctx_now(c), id);
	if (r == ST_CONFLICT) {
		errors_add(c, e, "name", "%s", _("There is a group of this kind with this name and period already."));
		return D_INVALID;
	}
	if (r)
		return D_ERROR;
	audit(c, "peer_group.create", "peer_group", *id, "%s %s", kind, name);
	return D_OK;
}

int peer_group_member_set(struct ctx *c, long long id, long long person, const char *role, const char *since,
			  const char *until, struct errors *e)
{
	if (!peer_group_may_manage(c))
		return D_FORBIDDEN;
	struct peer_group g;
	int r = d_from_store(store_peer_group_get(c->st, c->a, c->who->organisation_id, id, &g));
	if (r)
		return r;
	since = since ? since : "";
	until = until ? until : "";
	if (person <= 0)
		errors_add(c, e, "person", "%s", _("Choose a person of the organisation."));
	if (!value_one_of(role, ROLES))
		errors_add(c, e, "role", "%s", _("Choose member or facilitator."));
	if (*since && !date_valid(since))
		errors_add(c, e, "since", "%s", _("Enter the date as YYYY-MM-DD."));
	if (*until && !date_valid(until))
		errors_add(c, e, "until", "%s", _("Enter the date as YYYY-MM-DD."));
	if (!e->n && *since && *until && strcmp(since, until) > 0)
		errors_add(c, e, "until", "%s", _("The end date comes after the start date."));
	if (e->n)
		return D_INVALID;
	r = store_peer_group_member_set(c->st, c->who->organisation_id, id, person, role, since, until);
	if (r == ST_INVALID) {
		errors_add(c, e, "person", "%s", _("Choose a person of the organisation."));
		return D_INVALID;
	}
	if (r)
		return D_ERROR;
	audit(c, "peer_group.member", "peer_group", id, "person %lld: %s", person, role);
	return D_OK;
}

int peer_group_member_remove(struct ctx *c, long long id, long long person, struct errors *e)
{
	if (!peer_group_may_manage(c))
		return D_FORBIDDEN;
	struct peer_group g;
	int r = d_from_store(store_peer_group_get(c->st, c->a, c->who->organisation_id, id, &g));
	if (r)
		return r;
	r = person > 0 ? store_peer_group_member_remove(c->st, c->who->organisation_id, id, person) : ST_NOTFOUND;
	if (r == ST_NOTFOUND) {
		errors_add(c, e, "person", "%s", _("Choose a person of the group."));
		return D_INVALID;
	}
	if (r)
		return D_ERROR;
	audit(c, "peer_group.member", "peer_group", id, "person %lld: removed", person);
	return D_OK;
}

int peer_group_set_active(struct ctx *c, long long id, int active, struct errors *e)
{
	if (!peer_group_may_manage(c))
		return D_FORBIDDEN;
	struct peer_group g;
	int r = d_from_store(store_peer_group_get(c->st, c->a, c->who->organisation_id, id, &g));
	if (r)
		return r;   /* another organisation's group is not found, whatever the form says */
	if (active != 0 && active != 1) {
		errors_add(c, e, "active", "%s", _("Choose active or not active."));
		return D_INVALID;
	}
	r = d_from_store(store_peer_group_set_active(c->st, c->who->organisation_id, id, active == 1));
	if (!r)
		audit(c, "peer_group.active", "peer_group", id, "%s", active ? "active" : "inactive");
	return r;
}

/* Newest period first by when it starts ("zo-nj 2018" before "wi-vj
 * 2018" before "zo-nj 2017", which text order does not give), then kind,
 * then the name in natural order (LC3 before LC11). */
static int listed_cmp(const void *x, const void *y)
{
	const struct peer_group *a = x, *b = y;
	char sa[11], sb[11];
	spread_period_start(a->period, sa);
	spread_period_start(b->period, sb);
	int r = strcmp(sb, sa);
	if (!r)
		r = strcmp(b->period, a->period);
	if (!r)
		r = strcmp(a->kind, b->kind);
	if (!r)
		r = spread_name_cmp(a->name, b->name);
	return r ? r : (a->id > b->id) - (a->id < b->id);
}

int peer_group_list(struct ctx *c, struct peer_group **out, size_t *n)
{
	long long me = sees_counts(c) ? 0 : c->who->person_id;
	if (!sees_counts(c) && !me) {
		*out = NULL;
		*n = 0;
		return D_OK;
	}
	int r = d_from_store(store_peer_group_list(c->st, c->a, c->who->organisation_id, me, out, n));
	if (!r && *n > 1)
		qsort(*out, *n, sizeof **out, listed_cmp);
	return r;
}

bool peer_group_any(struct ctx *c)
{
	bool any = false;
	return c->who->person_id && !store_peer_group_any(c->st, c->who->organisation_id, c->who->person_id, &any) &&
	       any;
}

int peer_group_open(struct ctx *c, long long id, struct peer_view *v)
{
	assert(v);
	memset(v, 0, sizeof(*v));
	long long org = c->who->organisation_id, me = c->who->person_id;
	int r = d_from_store(store_peer_group_get(c->st, c->a, org, id, &v->g));
	if (!r)
		r = d_from_store(store_peer_group_members(c->st, c->a, org, id, &v->members, &v->nmembers));
	if (r)
		return r;
	v->belongs = peer_rule_belongs(v->members, v->nmembers, me);
	if (!v->belongs && !sees_counts(c))
		return D_NOTFOUND;
	v->may_manage = peer_group_may_manage(c);
	v->may_start = v->g.active && peer_rule_may_start(v->members, v->nmembers, me);
	r = d_from_store(store_case_session_counts_peer(c->st, org, id, &v->counts));
	if (!r && v->belongs)
		r = d_from_store(store_case_session_list_peer(c->st, c->a, org, id, &v->sessions, &v->nsessions));
	if (!r && v->may_start)
		r = method_list(c, &v->methods, &v->nmethods);
	if (!r)
		r = d_from_store(store_presentation_list(c->st, c->a, org, id, &v->presentations, &v->npresentations));
	return r;
}

/* ---- presentations ---- */

int presentation_add(struct ctx *c, const char *kind, const char *audience, const char *held_on, const char *title,
		     long long group, const long long *presenters, size_t npresenters, struct errors *e, long long *id)
{
	if (!peer_group_may_manage(c))
		return D_FORBIDDEN;
	if (!value_one_of(kind, PKINDS))
		errors_add(c, e, "kind", "%s", _("Choose pecha kucha or another presentation."));
	if (!value_one_of(audience, AUDIENCES))
		errors_add(c, e, "audience", "%s",
			   _("Choose the audience: management team, executive board, team meeting or department meeting."));
	if (!held_on || !date_valid(held_on))
		errors_add(c, e, "held_on", "%s", _("Enter the date as YYYY-MM-DD."));
	check_line(c, e, "title", _("Title"), title, 1, PRESENTATION_TITLE_MAX);
	/* each person once; none that is not a person */
	long long *who = arena_alloc(c->a, (npresenters + 1) * sizeof(*who));
	size_t nw = 0;
	bool bad = false;
	for (size_t i = 0; i < npresenters; i++) {
		bool dup = false;
		for (size_t k = 0; k < nw && !dup; k++)
			dup = who[k] == presenters[i];
		if (presenters[i] <= 0)
			bad = true;
		else if (!dup)
			who[nw++] = presenters[i];
	}
	if (bad || !nw)
		errors_add(c, e, "presenters", "%s", _("Choose at least one presenter of the organisation."));
	struct peer_group g;
	if (group > 0) {
		int r = store_peer_group_get(c->st, c->a, c->who->organisation_id, group, &g);
		if (r == ST_NOTFOUND)
			errors_add(c, e, "group", "%s", _("Choose a group of the organisation."));
		else if (r)
			return D_ERROR;
	} else if (group < 0)
		errors_add(c, e, "group", "%s", _("Choose a group of the organisation."));
	if (e->n)
		return D_INVALID;
	struct presentation p = { .kind = (char *)kind, .audience = (char *)audience, .held_on = (char *)held_on,
				  .title = (char *)title, .peer_group_id = group, .presenters = who, .npresenters = nw };
	if (store_begin(c->st))
		return D_ERROR;
	int r = store_presentation_add(c->st, c->who->organisation_id, &p, id);
	if (r) {
		store_rollback(c->st);
		if (r != ST_INVALID)
			return D_ERROR;
		errors_add(c, e, "presenters", "%s", _("Choose at least one presenter of the organisation."));
		return D_INVALID;
	}
	audit(c, "presentation.add", "presentation", *id, "%s %s %s", kind, audience, held_on);
	return store_commit(c->st) ? D_ERROR : D_OK;
}

int presentation_list(struct ctx *c, struct presentation **out, size_t *n)
{
	if (!sees_counts(c)) {
		*out = NULL;
		*n = 0;
		return D_FORBIDDEN;
	}
	return d_from_store(store_presentation_list(c->st, c->a, c->who->organisation_id, 0, out, n));
}
