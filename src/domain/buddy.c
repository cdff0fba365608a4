/* buddy.c — lone participants, buddy suggestions from the unit tree, and
 * recording and ending buddy pairs. */
#include "buddy.h"
#include "audit.h"
#include "role.h"
#include "schedule.h"
#include "spread_table.h"
#include "store_rc.h"
#include "core/i18n.h"
#include "store/spread.h"
#include "store/store.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

bool buddy_may_read(const struct ctx *c)
{
	return actor_has(c->who, ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_RESEARCHER));
}

bool buddy_may_manage(const struct ctx *c)
{
	return actor_has(c->who, ROLE_BIT(ROLE_COACH));
}

const char *buddy_reason_label(const char *reason)
{
	if (!strcmp(reason, "team"))
		return _("same team");
	if (!strcmp(reason, "department"))
		return _("same department");
	return _("chosen otherwise");
}

static const char *unit_name(const struct unit *u, size_t n, long long id)
{
	for (size_t i = 0; id && i < n; i++)
		if (u[i].id == id)
			return u[i].name;
	return "";
}

static bool linked(const long long *v, size_t n, long long id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid] == id)
			return true;
		if (v[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static bool open_pair(const struct buddy_pair *p, size_t n, long long a, long long b)
{
	for (size_t i = 0; i < n; i++)
		if (!*p[i].ended_on && ((p[i].person_id == a && p[i].buddy_id == b) ||
					(p[i].person_id == b && p[i].buddy_id == a)))
			return true;
	return false;
}

int lone_participants(struct ctx *c, struct lone_view *v)
{
	assert(v);
	memset(v, 0, sizeof(*v));
	if (!buddy_may_read(c))
		return D_FORBIDDEN;
	long long org = c->who->organisation_id;
	struct unit *u;
	size_t nu, np, nl;
	struct spread_place *p;
	long long *links;
	int r = d_from_store(store_unit_list(c->st, c->a, org, false, &u, &nu));
	if (!r)
		r = d_from_store(store_spread_participants(c->st, c->a, org, &p, &np));
	if (!r)
		r = d_from_store(store_referral_linked(c->st, c->a, org, &links, &nl));
	if (!r)
		r = d_from_store(store_buddy_list(c->st, c->a, org, &v->pairs, &v->npairs));
	if (r)
		return r;
	v->may_pair = buddy_may_manage(c);
	long long *dept = arena_alloc(c->a, (np + 1) * sizeof(*dept)), *row = arena_alloc(c->a, (np + 1) * sizeof(*row));
	for (size_t i = 0; i < np; i++)
		spread_locate(u, nu, p[i].unit_id, &dept[i], &row[i]);
	v->lone = arena_alloc(c->a, (np + 1) * sizeof(*v->lone));
	for (size_t i = 0; i < np; i++) {
		size_t same_row = 0;
		for (size_t k = 0; k < np; k++)
			same_row += row[k] == row[i] && dept[k] == dept[i];
		bool only = row[i] && same_row == 1, unlinked = !linked(links, nl, p[i].person_id);
		if (!only && !unlinked)
			continue;
		struct lone_participant *l = &v->lone[v->n++];
		*l = (struct lone_participant){ .person_id = p[i].person_id, .name = p[i].name,
						.department = unit_name(u, nu, dept[i]),
						.team = row[i] != dept[i] ? unit_name(u, nu, row[i]) : "",
						.only_in_team = only, .unlinked = unlinked };
		l->open = arena_alloc(c->a, (v->npairs + 1) * sizeof(*l->open));
		for (size_t k = 0; k < v->npairs; k++)
			if (!*v->pairs[k].ended_on &&
			    (v->pairs[k].person_id == l->person_id || v->pairs[k].buddy_id == l->person_id))
				l->open[l->nopen++] = v->pairs[k];
		l->suggestions = arena_alloc(c->a, (BUDDY_SUGGESTIONS_MAX + 1) * sizeof(*l->suggestions));
		/* the same team first, then the same department; by name within each */
		for (int pass = 0; pass < 2; pass++)
			for (size_t k = 0; k < np && l->nsuggestions < BUDDY_SUGGESTIONS_MAX; k++) {
				if (k == i || !dept[i] || dept[k] != dept[i] ||
				    open_pair(v->pairs, v->npairs, p[i].person_id, p[k].person_id))
					continue;
				bool team = row[k] == row[i];
				if (team != (pass == 0))
					continue;
				l->suggestions[l->nsuggestions++] = (struct buddy_suggestion){
					p[k].person_id, p[k].name, team ? "team" : "department" };
			}
	}
	return D_OK;
}

int buddy_pair_get(struct ctx *c, long long id, struct buddy_pair *out)
{
	if (!buddy_may_read(c))
		return D_FORBIDDEN;
	return d_from_store(store_buddy_get(c->st, c->a, c->who->organisation_id, id, out));
}

int buddy_pair_add(struct ctx *c, long long person, long long buddy, struct errors *e, long long *id)
{
	if (!buddy_may_manage(c))
		return D_FORBIDDEN;
	long long org = c->who->organisation_id;
	if (person <= 0 || buddy <= 0) {
		errors_add(c, e, person <= 0 ? "person" : "buddy", "%s",
			   _("Choose a participant and a buddy of the organisation."));
		return D_INVALID;
	}
	struct person a, b;
	int r = d_from_store(store_person_get(c->st, c->a, org, person, &a));
	if (!r)
		r = d_from_store(store_person_get(c->st, c->a, org, buddy, &b));
	if (r)
		return r;   /* someone of another organisation is not found, whatever else the form says */
	if (person == buddy) {
		errors_add(c, e, "buddy", "%s", _("Choose someone else than the participant as their buddy."));
		return D_INVALID;
	}
	struct unit *u;
	size_t nu;
	if (store_unit_list(c->st, c->a, org, false, &u, &nu))
		return D_ERROR;
	long long da, ra, db, rb;
	spread_locate(u, nu, a.unit_id, &da, &ra);
	spread_locate(u, nu, b.unit_id, &db, &rb);
	char today[11];
	date_today(ctx_now(c), today);
	struct buddy_pair pair = { .person_id = person, .buddy_id = buddy, .started_on = today,
				   .reason = (char *)(da && ra == rb ? "team" : da && da == db ? "department" : "other") };
	r = store_buddy_add(c->st, org, &pair, c->who->account_id, id);
	if (r == ST_CONFLICT) {
		errors_add(c, e, "buddy", "%s", _("These two are buddies already: end their pair first."));
		return D_INVALID;
	}
	if (r)
		return d_from_store(r);
	audit(c, "buddy.add", "buddy_pair", *id, "person %lld, buddy %lld: %s", person, buddy, pair.reason);
	return D_OK;
}

int buddy_pair_end(struct ctx *c, long long id, struct errors *e)
{
	if (!buddy_may_manage(c))
		return D_FORBIDDEN;
	struct buddy_pair p;
	int r = d_from_store(store_buddy_get(c->st, c->a, c->who->organisation_id, id, &p));
	if (r)
		return r;
	if (*p.ended_on) {
		errors_add(c, e, "", "%s", _("This pair has ended already."));
		return D_INVALID;
	}
	char today[11];
	date_today(ctx_now(c), today);
	r = store_buddy_end(c->st, c->who->organisation_id, id, today);
	if (r == ST_NOTFOUND) {
		errors_add(c, e, "", "%s", _("This pair has ended already."));
		return D_INVALID;
	}
	if (r)
		return D_ERROR;
	audit(c, "buddy.end", "buddy_pair", id, "person %lld, buddy %lld", p.person_id, p.buddy_id);
	return D_OK;
}

json_t *buddy_pair_json(const struct buddy_pair *p)
{
	return json_pack("{s:I, s:I, s:s, s:I, s:s, s:s, s:s, s:s}", "id", (json_int_t)p->id, "person_id",
			 (json_int_t)p->person_id, "person", p->person_name, "buddy_id", (json_int_t)p->buddy_id, "buddy",
			 p->buddy_name, "reason", p->reason, "started_on", p->started_on, "ended_on", p->ended_on);
}

json_t *lone_view_json(const struct lone_view *v)
{
	json_t *lone = json_array(), *pairs = json_array();
	for (size_t i = 0; i < v->n; i++) {
		const struct lone_participant *l = &v->lone[i];
		json_t *open = json_array(), *sugg = json_array();
		for (size_t k = 0; k < l->nopen; k++)
			json_array_append_new(open, buddy_pair_json(&l->open[k]));
		for (size_t k = 0; k < l->nsuggestions; k++)
			json_array_append_new(sugg, json_pack("{s:I, s:s, s:s}", "person_id",
							      (json_int_t)l->suggestions[k].person_id, "name",
							      l->suggestions[k].name, "reason", l->suggestions[k].reason));
		json_array_append_new(lone, json_pack("{s:I, s:s, s:s, s:s, s:b, s:b, s:o, s:o}", "person_id",
						      (json_int_t)l->person_id, "name", l->name, "department",
						      l->department, "team", l->team, "only_in_team", l->only_in_team,
						      "unlinked", l->unlinked, "open_pairs", open, "suggestions", sugg));
	}
	for (size_t i = 0; i < v->npairs; i++)
		json_array_append_new(pairs, buddy_pair_json(&v->pairs[i]));
	return json_pack("{s:o, s:o}", "lone", lone, "pairs", pairs);
}
