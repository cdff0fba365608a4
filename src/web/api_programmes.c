/* api_programmes.c — the JSON API of programmes, groups and meetings: the
 * same domain calls and the same answers to who may see what as the pages
 * (a group one may not see is 404). Bodies are JSON objects, read by the
 * shared reader of api_common.c: a field of the wrong type is refused
 * under its name before anything changes. */
#include "web.h"
#include "domain/schedule.h"
#include "domain/group.h"
#include "domain/group_roster.h"
#include "domain/meeting.h"
#include "domain/programme.h"

#include <string.h>
#include <time.h>

/* Enrolment counts by status as a JSON object. */
static json_t *counts_json(const struct enrolment_counts *c)
{
	return json_pack("{s:I, s:I, s:I, s:I}", "registered", (json_int_t)c->registered, "active",
			 (json_int_t)c->active, "completed", (json_int_t)c->completed, "stopped", (json_int_t)c->stopped);
}

void api_programmes(struct web *w)
{
	struct programme_item *it;
	size_t n;
	if (programme_list(&w->ctx, &it, &n)) {
		web_json_error(w, 500, _("The programmes could not be read. Try again later."));
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct programme *p = &it[i].p;
		json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:s, s:o}", "id", (json_int_t)p->id, "name", p->name,
						     "shape", p->shape, "template", p->template_key, "counts",
						     counts_json(&it[i].counts)));
	}
	web_json(w, 200, json_pack("{s:o}", "programmes", arr));
}

void api_programme_create(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *template = api_in_str(&in, "template", ""), *name = api_in_str(&in, "name", "");
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = programme_from_template(&w->ctx, template, name, &in.e, &id);
	api_in_answer(&in, d, id);
}

/* The batches of the overview, each with its groups. */
static json_t *batches_json(const struct programme_overview *v)
{
	const struct learning_group *g = v->groups;
	json_t *batches = json_array();
	for (size_t i = 0; i < v->nbatches; i++) {
		const struct batch *b = &v->batches[i];
		json_t *groups = json_array();
		for (size_t k = 0; k < v->ngroups; k++)
			if (g[k].batch_id == b->id)
				json_array_append_new(groups, json_pack("{s:I, s:s, s:o, s:o, s:s, s:o}", "id", (json_int_t)g[k].id,
									"name", g[k].name, "mentor_id",
									g[k].mentor_id ? json_integer(g[k].mentor_id) : json_null(),
									"facilitator_id",
									g[k].facilitator_id ? json_integer(g[k].facilitator_id) : json_null(),
									"pair_status", g[k].pair_status, "counts",
									counts_json(&g[k].counts)));
		json_array_append_new(batches, json_pack("{s:I, s:i, s:s, s:o, s:o}", "id", (json_int_t)b->id, "number",
							 b->number, "name", b->name, "counts", counts_json(&b->counts),
							 "groups", groups));
	}
	return batches;
}

void api_programme(struct web *w)
{
	struct programme_overview v;
	int d = programme_overview(&w->ctx, w->id[0], &v);
	if (d == D_NOTFOUND) {
		api_answer(w, D_NOTFOUND, NULL, 0);
		return;
	}
	if (d) {
		web_json_error(w, 500, _("The programme could not be read. Try again later."));
		return;
	}
	const struct programme *p = &v.p;
	const struct programme_meeting *m = v.meetings;
	json_t *meetings = json_array();
	for (size_t i = 0; i < v.nmeetings; i++)
		json_array_append_new(meetings, json_pack("{s:i, s:s, s:i, s:b, s:s}", "number", m[i].number, "theme",
							  m[i].theme, "days", m[i].days, "from_menu", m[i].from_menu, "step",
							  m[i].step));
	web_etag(w, p->version);  /* what PATCH takes in If-Match */
	json_t *cascade = json_array();
	for (size_t i = 0; i < v.ncascade; i++)
		json_array_append_new(cascade, json_string(v.cascade[i]));
	web_json(w, 200, json_pack("{s:I, s:s, s:s, s:s, s:o, s:{s:i, s:i, s:i, s:b}, s:i, s:o, s:o, s:o}", "id",
				   (json_int_t)p->id, "name", p->name, "shape", p->shape, "template", p->template_key, "counts",
				   counts_json(&v.counts), "menu_rules", "min_menu", p->menu_min, "max_free", p->menu_max_free,
				   "preparers", p->menu_preparers, "justification", p->menu_justify, "cascade_meeting",
				   p->cascade_meeting, "cascade_warnings", cascade, "meetings", meetings, "batches",
				   batches_json(&v)));
}

void api_batch_create(struct web *w)
{
	struct programme p;
	int r = programme_get(&w->ctx, w->id[0], &p);
	if (r) {
		api_answer(w, r, NULL, 0);
		return;
	}
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *name = api_in_str(&in, "name", "");
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = batch_create(&w->ctx, w->id[0], name, &in.e, &id);
	api_in_answer(&in, d, id);
}

void api_group_create(struct web *w)
{
	struct batch b;
	int r = batch_get(&w->ctx, w->id[0], &b);
	if (r) {
		api_answer(w, r, NULL, 0);
		return;
	}
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *name = api_in_str(&in, "name", "");
	long long mentor = api_in_count(&in, "mentor_id", 0), facilitator = api_in_count(&in, "facilitator_id", 0);
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = batch_group_add(&w->ctx, b.id, name, mentor, facilitator, &in.e, &id);
	api_in_answer(&in, d, id);
}

/* The group's participants, with what the roster lets this actor see. */
static json_t *people_json(const struct group_roster *v)
{
	json_t *people = json_array();
	for (size_t i = 0; i < v->nenrolments; i++) {
		const struct enrolment *en = &v->enrolments[i];
		json_t *p = json_pack("{s:I, s:s}", "person_id", (json_int_t)en->person_id, "name", en->person_name);
		if (v->show_status)
			json_object_set_new(p, "status", json_string(en->status));
		if (v->show_stops) {
			json_object_set_new(p, "enrolment_id", json_integer(en->id));
			json_object_set_new(p, "stop_reason", json_string(en->stop_reason));
			json_object_set_new(p, "stopped_on", json_string(en->stopped_on));
		}
		json_array_append_new(people, p);
	}
	return people;
}

void api_group(struct web *w)
{
	struct group_roster v;
	int r = group_roster(&w->ctx, w->id[0], &v);
	if (r == D_NOTFOUND || r == D_FORBIDDEN) {
		api_answer(w, r, NULL, 0);
		return;
	}
	if (r) {
		web_json_error(w, 500, _("The group could not be read. Try again later."));
		return;
	}
	const struct learning_group *g = &v.g;
	const struct meeting *m = v.meetings;
	json_t *meetings = json_array();
	for (size_t i = 0; i < v.nmeetings; i++)
		json_array_append_new(meetings, json_pack("{s:I, s:i, s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:s, s:i}", "id",
							  (json_int_t)m[i].id, "number", m[i].number, "theme", m[i].theme,
							  "starts_on", m[i].starts_on, "start_time", m[i].start_time, "ends_on",
							  m[i].ends_on, "end_time", m[i].end_time, "venue", m[i].venue,
							  "cancelled", m[i].cancelled, "choice", m[i].choice, "sequence",
							  m[i].sequence));
	web_json(w, 200, json_pack("{s:I, s:s, s:s, s:s, s:o, s:o, s:s, s:o, s:o}", "id", (json_int_t)g->id, "name", g->name,
				   "programme", g->programme_name, "batch", g->batch_name, "mentor",
				   g->mentor_name ? json_string(g->mentor_name) : json_null(), "facilitator",
				   g->facilitator_name ? json_string(g->facilitator_name) : json_null(), "pair_status",
				   g->pair_status, "participants", people_json(&v), "meetings", meetings));
}

/* The group of the path, when the actor may do `may` in it; else answered. */
static bool group_for(struct web *w, long long id, bool (*may)(enum group_relation))
{
	struct learning_group g;
	enum group_relation rel;
	int r = group_open(&w->ctx, id, &g, &rel);
	if (r) {
		api_answer(w, r, NULL, 0);
		return false;
	}
	if (!may(rel)) {
		web_json_error(w, 403, _("You cannot change this group."));
		return false;
	}
	return true;
}

static bool coach(enum group_relation r)
{
	return r == REL_COACH;
}

void api_group_enrol(struct web *w)
{
	if (!group_for(w, w->id[0], coach))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	json_t *arr = json_object_get(in.j, "people");
	size_t n = json_is_array(arr) ? json_array_size(arr) : 0;
	long long *people = arena_alloc(w->a, (n + 1) * sizeof(*people));
	for (size_t i = 0; i < n; i++)
		people[i] = json_is_integer(json_array_get(arr, i)) ? (long long)json_integer_value(json_array_get(arr, i)) : 0;
	const char *date = api_in_str(&in, "date", "");
	if (!api_in_ok(&in))
		return;
	if (!*date) {
		time_t t = time(NULL);
		struct tm tm;
		localtime_r(&t, &tm);
		char *d = arena_alloc(w->a, 11);
		strftime(d, 11, "%Y-%m-%d", &tm);
		date = d;
	}
	api_in_answer(&in, group_enrol(&w->ctx, w->id[0], people, n, date, &in.e), 0);
}

/* A participant's status {status, on, kind, note}: the same domain call
 * as the group page's form, for the group's coach. on: today when left out. */
void api_enrolment_status(struct web *w)
{
	long long group_id;
	int d = enrolment_group(&w->ctx, w->id[0], &group_id);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	if (!group_for(w, group_id, coach))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *on = api_in_str(&in, "on", ""), *status = api_in_str(&in, "status", "");
	const char *kind = api_in_str(&in, "kind", ""), *note = api_in_str(&in, "note", "");
	if (!api_in_ok(&in))
		return;
	if (!*on) {
		char *today = arena_alloc(w->a, 11);
		date_today(ctx_now(&w->ctx), today);
		on = today;
	}
	long long id = w->id[0];
	d = enrolment_set_status_many(&w->ctx, group_id, &id, 1, status, on, kind, note, &in.e);
	api_in_answer(&in, d, 0);
}

void api_group_plan(struct web *w)
{
	if (!group_for(w, w->id[0], group_may_run))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	struct meeting_when when = { api_in_str(&in, "date", ""), api_in_str(&in, "start", ""), api_in_str(&in, "end", ""),
				     api_in_str(&in, "venue", "") };
	long long n = api_in_int(&in, "number", 0), id = 0;
	if (!api_in_ok(&in))
		return;
	int d;
	if (n <= 0 || n > 1000) {
		errors_add(&w->ctx, &in.e, "number", "%s", _("Choose the meeting from the list."));
		d = D_INVALID;
	} else {
		d = meeting_plan(&w->ctx, w->id[0], (int)n, &when, (long long)time(NULL), &in.e, &id);
	}
	api_in_answer(&in, d, id);
}

/* The meeting of the path and its group, when the actor may run the group. */
static bool meeting_for(struct web *w, struct meeting *m)
{
	struct learning_group g;
	enum group_relation rel;
	int d = meeting_open(&w->ctx, w->id[0], m, &g, &rel);
	if (d) {
		api_answer(w, d, NULL, 0);
		return false;
	}
	if (!group_may_run(rel)) {
		web_json_error(w, 403, _("You cannot change this group."));
		return false;
	}
	return true;
}

void api_meeting_attendance(struct web *w)
{
	struct meeting m;
	if (!meeting_for(w, &m))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	long long person = api_in_int(&in, "person_id", 0);
	const char *status = api_in_str(&in, "status", "");
	if (!api_in_ok(&in))
		return;
	api_in_answer(&in, attendance_record(&w->ctx, m.id, person, status, (long long)time(NULL), &in.e), 0);
}

void api_meeting_choice(struct web *w)
{
	struct meeting m;
	if (!meeting_for(w, &m))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	struct meeting_choice ch = { 0 };
	ch.free = json_is_true(json_object_get(in.j, "free"));
	ch.topic_id = api_in_count(&in, "topic_id", 0);
	ch.option_id = api_in_count(&in, "option_id", 0);
	ch.free_topic = api_in_str(&in, "free_topic", "");
	ch.justification = api_in_str(&in, "justification", "");
	if (!api_in_ok(&in))
		return;
	json_t *arr = json_object_get(in.j, "preparers");
	size_t n = json_is_array(arr) ? json_array_size(arr) : 0;
	long long *prep = arena_alloc(w->a, (n + 1) * sizeof(*prep));
	for (size_t i = 0; i < n; i++)
		prep[i] = json_is_integer(json_array_get(arr, i)) ? (long long)json_integer_value(json_array_get(arr, i)) : 0;
	ch.preparers = prep;
	ch.npreparers = n;
	api_in_answer(&in, meeting_choose(&w->ctx, m.id, &ch, (long long)time(NULL), &in.e), 0);
}
