/* api_peer_groups.c — peer groups and presentations in the API, under the
 * rules of their pages (domain/peer_group.c): the list the actor sees, a
 * group with its people (and sessions for its people, counts for the coach
 * and the owner), creating groups, setting people, presentations. */
#include "web.h"
#include "domain/peer_group.h"

void api_peer_groups(struct web *w)
{
	struct peer_group *g;
	size_t n;
	int d = peer_group_list(&w->ctx, &g, &n);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, peer_group_json(&g[i]));
	web_json(w, 200, json_pack("{s:o}", "peer_groups", a));
}

void api_peer_group(struct web *w)
{
	struct peer_view v;
	int d = peer_group_open(&w->ctx, w->id[0], &v);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	json_t *o = peer_group_json(&v.g);
	json_object_set_new(o, "counts", json_pack("{s:I, s:I, s:I}", "sessions", (json_int_t)v.counts.sessions, "cases",
						   (json_int_t)v.counts.cases, "answers", (json_int_t)v.counts.answers));
	if (v.belongs || v.may_manage) {
		json_t *m = json_array();
		for (size_t i = 0; i < v.nmembers; i++)
			json_array_append_new(m, json_pack("{s:I, s:s, s:s, s:s, s:s}", "person_id",
							   (json_int_t)v.members[i].person_id, "name", v.members[i].name,
							   "role", v.members[i].role, "since", v.members[i].since, "until",
							   v.members[i].until));
		json_object_set_new(o, "people", m);
	}
	if (v.sessions) {
		json_t *s = json_array();
		for (size_t i = 0; i < v.nsessions; i++)
			json_array_append_new(s, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)v.sessions[i].id, "held_on",
							   v.sessions[i].held_on, "method", v.sessions[i].method_name));
		json_object_set_new(o, "sessions", s);
	}
	json_object_set_new(o, "may_start", json_boolean(v.may_start));
	json_object_set_new(o, "presentations", presentation_list_json(v.presentations, v.npresentations));
	web_json(w, 200, o);
}

void api_peer_group_create(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *kind = api_in_str(&in, "kind", ""), *name = api_in_str(&in, "name", "");
	const char *period = api_in_str(&in, "period", "");
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = peer_group_create(&w->ctx, kind, name, period, &in.e, &id);
	api_in_answer(&in, d, id);
}

void api_peer_group_member(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	long long person = api_in_int(&in, "person_id", 0);
	const char *role = api_in_str(&in, "role", "");
	const char *since = api_in_str(&in, "since", ""), *until = api_in_str(&in, "until", "");
	if (api_in_ok(&in))
		api_in_answer(&in, peer_group_member_set(&w->ctx, w->id[0], person, *role ? role : "member", since, until, &in.e),
			      0);
}

void api_peer_group_member_remove(struct web *w)
{
	json_t *j = api_body(w);
	if (!j)
		return;
	long long person = api_int(j, "person_id");
	struct errors e = { 0 };
	api_answer(w, peer_group_member_remove(&w->ctx, w->id[0], person > 0 ? person : 0, &e), &e, 0);
	json_decref(j);
}

void api_peer_group_active(struct web *w)
{
	json_t *j = api_body(w);
	if (!j)
		return;
	json_t *a = json_object_get(j, "active");
	struct errors e = { 0 };
	api_answer(w, peer_group_set_active(&w->ctx, w->id[0], json_is_boolean(a) ? json_is_true(a) : -1, &e), &e, 0);
	json_decref(j);
}

void api_presentations(struct web *w)
{
	struct presentation *p;
	size_t n;
	int d = presentation_list(&w->ctx, &p, &n);
	if (d)
		api_answer(w, d, NULL, 0);
	else
		web_json(w, 200, json_pack("{s:o}", "presentations", presentation_list_json(p, n)));
}

void api_presentation_create(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *kind = api_in_str(&in, "kind", ""), *audience = api_in_str(&in, "audience", "");
	const char *held_on = api_in_str(&in, "held_on", ""), *title = api_in_str(&in, "title", "");
	long long group = api_in_int(&in, "group_id", 0);
	if (!api_in_ok(&in))
		return;
	size_t n;
	long long *ids = api_ids(w, in.j, "presenters", &n), id = 0;
	int d = presentation_add(&w->ctx, kind, audience, held_on, title, group, ids, n, &in.e, &id);
	api_in_answer(&in, d, id);
}
