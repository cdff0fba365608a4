/* api_design.c — the JSON API of a programme's design, as the coach's pages
 * change it: meetings and their script parts, the menu card's topics and
 * options, impact outcomes one by one, the selection of facilitators and
 * mentors, framework elements, a group's staff and its participants'
 * statuses, a planned meeting's date and place, and a method's step. Each
 * route goes through the same domain call as its page; a PATCH changes the
 * fields it is sent and keeps the others as stored. */
#include "web.h"
#include "domain/design.h"
#include "domain/framework.h"
#include "domain/group.h"
#include "domain/impact.h"
#include "domain/meeting.h"
#include "domain/method.h"
#include "domain/programme.h"
#include "domain/schedule.h"
#include "domain/selection.h"

#include <stdio.h>
#include <time.h>

static const char *int_text(struct web *w, long long v)
{
	return arena_printf(w->a, "%lld", v);
}

/* ---- the design: meetings, their scripts, the menu card ---- */

/* Whether the path's programme is the organisation's; else answered 404
 * before its body is read, whatever the body holds. */
static bool programme_here(struct web *w)
{
	struct programme p;
	int r = programme_get(&w->ctx, w->id[0], &p);
	if (r)
		api_answer(w, r, NULL, 0);
	return !r;
}

static json_t *part_json(const struct script_part *p)
{
	return json_pack("{s:I, s:i, s:s, s:s, s:o, s:s, s:s, s:s}", "id", (json_int_t)p->id, "position", p->position,
			 "title", p->title, "learning_goal", p->learning_goal, "minutes",
			 p->minutes ? json_integer(p->minutes) : json_null(), "material", p->material, "led_by", p->led_by,
			 "tags", p->elements ? p->elements : "");
}

void api_design(struct web *w)
{
	struct programme_design d;
	int r = design_get(&w->ctx, w->id[0], &d);
	if (r) {
		api_answer(w, r == D_NOTFOUND ? D_NOTFOUND : D_ERROR, NULL, 0);
		return;
	}
	json_t *meetings = json_array();
	for (size_t i = 0; i < d.nmeetings; i++) {
		const struct programme_meeting *m = &d.meetings[i];
		json_t *parts = json_array();
		for (size_t k = 0; k < d.nparts; k++)
			if (d.parts[k].programme_meeting_id == m->id)
				json_array_append_new(parts, part_json(&d.parts[k]));
		json_array_append_new(meetings, json_pack("{s:I, s:i, s:s, s:s, s:i, s:b, s:s, s:o}", "id", (json_int_t)m->id,
							  "number", m->number, "theme", m->theme, "description",
							  m->description ? m->description : "", "days", m->days, "from_menu",
							  m->from_menu, "step", m->step ? m->step : "", "parts", parts));
	}
	json_t *topics = json_array();
	for (size_t i = 0; i < d.ntopics; i++) {
		const struct menu_topic *t = &d.topics[i];
		json_t *options = json_array();
		for (size_t k = 0; k < d.noptions; k++)
			if (d.options[k].topic_id == t->id)
				json_array_append_new(options, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)d.options[k].id,
									 "name", d.options[k].name, "description",
									 d.options[k].description ? d.options[k].description : ""));
		json_array_append_new(topics, json_pack("{s:I, s:s, s:s, s:o}", "id", (json_int_t)t->id, "name", t->name,
							"description", t->description ? t->description : "", "options", options));
	}
	web_json(w, 200, json_pack("{s:I, s:s, s:o, s:o}", "id", (json_int_t)d.p.id, "name", d.p.name, "meetings", meetings,
				   "topics", topics));
}

void api_design_meeting_add(struct web *w)
{
	if (!programme_here(w))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	struct programme_meeting m = { 0 };
	m.programme_id = w->id[0];
	m.theme = (char *)api_in_str(&in, "theme", "");
	m.description = (char *)api_in_str(&in, "description", "");
	m.days = (int)api_in_int(&in, "days", 1);
	m.from_menu = api_in_bool(&in, "from_menu", false);
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = design_meeting_save(&w->ctx, &m, &in.e, &id);
	api_in_answer(&in, d, id);
}

/* The path's meeting of the programme's design with its script; else
 * answered (404 for one of another programme) before the body is read. */
static bool meeting_here(struct web *w, struct design_meeting *v)
{
	int r = design_meeting_open(&w->ctx, w->id[0], w->id[1], v);
	if (r)
		api_answer(w, r, NULL, 0);
	return !r;
}

void api_design_meeting_save(struct web *w)
{
	struct design_meeting v;
	if (!meeting_here(w, &v))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	struct programme_meeting m = v.m;
	m.theme = (char *)api_in_str(&in, "theme", m.theme);
	m.description = (char *)api_in_str(&in, "description", m.description);
	long long days = api_in_int(&in, "days", m.days);
	m.days = days == 1 || days == 2 ? (int)days : 0;  /* 0: the domain says one or two days */
	m.from_menu = api_in_bool(&in, "from_menu", m.from_menu);
	if (!api_in_ok(&in))
		return;
	api_in_answer(&in, design_meeting_save(&w->ctx, &m, &in.e, NULL), 0);
}

void api_design_meeting_delete(struct web *w)
{
	struct design_meeting v;
	struct errors e = { 0 };
	int r = design_meeting_open(&w->ctx, w->id[0], w->id[1], &v);
	api_answer(w, r ? r : design_meeting_delete(&w->ctx, v.m.id, &e), &e, 0);
}

/* {part_id} left out or 0: a new part at the end of the script (201);
 * else that part changed (fields left out kept), or with "remove": true
 * taken out of the script. */
void api_design_part_save(struct web *w)
{
	struct design_meeting v;
	if (!meeting_here(w, &v))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	long long part = api_in_id(&in, "part_id", 0);
	bool remove = api_in_bool(&in, "remove", false);
	if (!api_in_ok(&in))
		return;
	const struct script_part *sp = NULL;
	for (size_t i = 0; part && i < v.nparts && !sp; i++)
		if (v.parts[i].id == part)
			sp = &v.parts[i];
	if (part && !sp) {
		api_in_answer(&in, D_NOTFOUND, 0);
		return;
	}
	if (remove) {
		if (!sp)
			errors_add(&w->ctx, &in.e, "part_id", "%s", _("Say which part to remove."));
		api_in_answer(&in, sp ? design_part_delete(&w->ctx, v.m.id, part) : D_INVALID, 0);
		return;
	}
	struct script_part p = { 0 };
	p.id = part;
	p.programme_meeting_id = v.m.id;
	p.title = (char *)api_in_str(&in, "title", sp ? sp->title : "");
	p.learning_goal = (char *)api_in_str(&in, "learning_goal", sp ? sp->learning_goal : "");
	p.material = (char *)api_in_str(&in, "material", sp ? sp->material : "");
	p.led_by = (char *)api_in_str(&in, "led_by", sp ? sp->led_by : "");
	const char *tags = api_in_str(&in, "tags", sp && sp->elements ? sp->elements : "");
	const char *minutes = sp && sp->minutes ? int_text(w, sp->minutes) : "";
	json_t *mv = json_object_get(in.j, "minutes");
	if (json_is_null(mv))
		minutes = "";
	else if (mv)
		minutes = json_is_integer(mv) ? int_text(w, (long long)json_integer_value(mv)) : api_in_str(&in, "minutes", minutes);
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = design_part_save(&w->ctx, &p, minutes, tags, &in.e, &id);
	api_in_answer(&in, d, part ? 0 : id);
}

void api_menu_topic_add(struct web *w)
{
	if (!programme_here(w))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	struct menu_topic t = { 0 };
	t.name = (char *)api_in_str(&in, "name", "");
	t.description = (char *)api_in_str(&in, "description", "");
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = design_topic_save(&w->ctx, w->id[0], &t, &in.e, &id);
	api_in_answer(&in, d, id);
}

/* The card of the path's programme, with topic or option w->id[1] in it;
 * else answered (404 for one not on this card). */
static bool card_with(struct web *w, struct programme_design *d, const struct menu_topic **t, const struct menu_option **o)
{
	int r = design_get(&w->ctx, w->id[0], d);
	if (r) {
		api_answer(w, r == D_NOTFOUND ? D_NOTFOUND : D_ERROR, NULL, 0);
		return false;
	}
	for (size_t i = 0; t && i < d->ntopics; i++)
		if (d->topics[i].id == w->id[1])
			*t = &d->topics[i];
	for (size_t i = 0; o && i < d->noptions; i++)
		if (d->options[i].id == w->id[1])
			*o = &d->options[i];
	if ((t && !*t) || (o && !*o)) {
		api_answer(w, D_NOTFOUND, NULL, 0);
		return false;
	}
	return true;
}

void api_menu_topic_save(struct web *w)
{
	struct programme_design d;
	const struct menu_topic *old = NULL;
	if (!card_with(w, &d, &old, NULL))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	/* the domain keeps the topic's place */
	struct menu_topic t = { .id = old->id };
	t.name = (char *)api_in_str(&in, "name", old->name);
	t.description = (char *)api_in_str(&in, "description", old->description ? old->description : "");
	if (!api_in_ok(&in))
		return;
	api_in_answer(&in, design_topic_save(&w->ctx, w->id[0], &t, &in.e, NULL), 0);
}

void api_menu_topic_delete(struct web *w)
{
	struct errors e = { 0 };
	api_answer(w, design_topic_delete(&w->ctx, w->id[0], w->id[1], &e), &e, 0);
}

void api_menu_option_add(struct web *w)
{
	if (!programme_here(w))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	struct menu_option o = { 0 };
	o.topic_id = api_in_id(&in, "topic_id", 0);
	o.name = (char *)api_in_str(&in, "name", "");
	o.description = (char *)api_in_str(&in, "description", "");
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = design_option_save(&w->ctx, w->id[0], &o, &in.e, &id);
	api_in_answer(&in, d, id);
}

void api_menu_option_save(struct web *w)
{
	struct programme_design d;
	const struct menu_option *old = NULL;
	if (!card_with(w, &d, NULL, &old))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	/* the domain keeps the option's topic and place; its description when NULL */
	struct menu_option o = { .id = old->id };
	o.name = (char *)api_in_str(&in, "name", old->name);
	o.description = (char *)api_in_str(&in, "description", NULL);
	if (!api_in_ok(&in))
		return;
	api_in_answer(&in, design_option_save(&w->ctx, w->id[0], &o, &in.e, NULL), 0);
}

void api_menu_option_delete(struct web *w)
{
	struct errors e = { 0 };
	api_answer(w, design_option_delete(&w->ctx, w->id[0], w->id[1], &e), &e, 0);
}

/* ---- the impact map, one outcome at a time ---- */

void api_impact_update(struct web *w)
{
	struct impact_map m;
	int r = impact_map_get(&w->ctx, w->id[0], &m);
	const struct impact_entry *old = NULL;
	for (size_t i = 0; !r && i < m.n && !old; i++)
		if (m.entries[i].o.id == w->id[1])
			old = &m.entries[i];
	if (r || !old) {
		api_answer(w, r ? r : D_NOTFOUND, NULL, 0);
		return;
	}
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *level = api_in_str(&in, "level", old->o.level);
	const char *text = api_in_str(&in, "text", old->o.text);
	json_t *ev = json_object_get(in.j, "evidence");
	const char *ref = json_is_null(ev) ? "" : api_in_str(&in, "evidence", old->ev.ref ? old->ev.ref : "");
	if (!api_in_ok(&in))
		return;
	api_in_answer(&in, impact_outcome_update(&w->ctx, w->id[0], w->id[1], level, text, ref, &in.e), 0);
}

void api_impact_delete(struct web *w)
{
	struct impact_outcome o;
	int d = impact_outcome_get(&w->ctx, w->id[0], w->id[1], &o);
	api_answer(w, d ? d : impact_outcome_delete(&w->ctx, w->id[0], w->id[1]), NULL, 0);
}

/* ---- the selection of facilitators and mentors ---- */

/* The role of the query or body: facilitator when left out. */
static const char *selection_role(struct api_in *in, const char *given)
{
	const char *role = given && *given ? given : in ? api_in_str(in, "role", "facilitator") : "facilitator";
	if (!*role)
		role = "facilitator";
	if (!selection_role_valid(role) && in)
		errors_add(&in->w->ctx, &in->e, "role", "%s", _("Choose facilitator or mentor as the role."));
	return role;
}

void api_selection(struct web *w)
{
	const char *role = selection_role(NULL, web_arg(w, "role"));
	if (!selection_role_valid(role)) {
		web_json_error_field(w, 400, _("Choose facilitator or mentor as the role."), "role");
		return;
	}
	struct selection_view v;
	int r = selection_open(&w->ctx, w->id[0], role, &v);
	if (r) {
		api_answer(w, r, NULL, 0);
		return;
	}
	json_t *criteria = json_array(), *ranking = json_array(), *scores = json_array();
	for (size_t i = 0; i < v.ncriteria; i++)
		json_array_append_new(criteria, json_pack("{s:I, s:s, s:i}", "id", (json_int_t)v.criteria[i].id, "name",
							  v.criteria[i].name, "weight", v.criteria[i].weight));
	for (size_t i = 0; i < v.ncandidates; i++) {
		const struct selection_rank *k = &v.rank[i];
		json_array_append_new(ranking, json_pack("{s:I, s:I, s:s, s:s, s:o, s:i, s:o}", "id",
							 (json_int_t)k->candidate->id, "person_id",
							 (json_int_t)k->candidate->person_id, "name", k->candidate->name,
							 "employee_id", k->candidate->employee_id ? k->candidate->employee_id : "",
							 "score", k->scored ? json_real(k->score) : json_null(), "scored", k->scored,
							 "rank", k->rank ? json_integer(k->rank) : json_null()));
	}
	for (size_t i = 0; i < v.nscores; i++)
		json_array_append_new(scores, json_pack("{s:I, s:I, s:i}", "candidate_id", (json_int_t)v.scores[i].candidate_id,
							"criterion_id", (json_int_t)v.scores[i].criterion_id, "score",
							v.scores[i].score));
	web_json(w, 200, json_pack("{s:s, s:b, s:o, s:o, s:o}", "role", v.role, "may_change", v.may_change, "criteria",
				   criteria, "candidates", ranking, "scores", scores));
}

void api_selection_criterion(struct web *w)
{
	if (!programme_here(w))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *role = selection_role(&in, NULL);
	const char *name = api_in_str(&in, "name", "");
	long long weight = api_in_int(&in, "weight", 0);
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = selection_criterion_add(&w->ctx, w->id[0], role, name, weight ? int_text(w, weight) : "", &in.e, &id);
	api_in_answer(&in, d, id);
}

void api_selection_candidate(struct web *w)
{
	if (!programme_here(w))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *role = selection_role(&in, NULL);
	const char *employee = api_in_str(&in, "employee_id", "");
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = selection_candidate_add(&w->ctx, w->id[0], role, employee, &in.e, &id);
	api_in_answer(&in, d, id);
}

/* The scores sent, over the view's: a pair not sent keeps its score. */
struct sent_scores {
	struct web *w;
	const struct selection_view *v;
	json_t *list;
};

static const char *sent_score(void *arg, long long candidate_id, long long criterion_id)
{
	struct sent_scores *s = arg;
	size_t i;
	json_t *o;
	json_array_foreach(s->list, i, o) {
		if (api_int(o, "candidate_id") != candidate_id || api_int(o, "criterion_id") != criterion_id)
			continue;
		json_t *sc = json_object_get(o, "score");
		return json_is_integer(sc) ? int_text(s->w, (long long)json_integer_value(sc)) : "";
	}
	int kept = selection_score_in(s->v, candidate_id, criterion_id);
	return kept ? int_text(s->w, kept) : "";
}

static bool in_view(const struct selection_view *v, long long candidate_id, long long criterion_id)
{
	bool k = false, c = false;
	for (size_t i = 0; i < v->ncandidates; i++)
		k |= v->candidates[i].id == candidate_id;
	for (size_t i = 0; i < v->ncriteria; i++)
		c |= v->criteria[i].id == criterion_id;
	return k && c;
}

void api_selection_scores(struct web *w)
{
	if (!programme_here(w))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *role = selection_role(&in, NULL);
	if (!api_in_ok(&in))
		return;
	struct selection_view v;
	int r = selection_open(&w->ctx, w->id[0], role, &v);
	if (r) {
		api_in_answer(&in, r, 0);
		return;
	}
	json_t *list = json_object_get(in.j, "scores");
	size_t i;
	json_t *o;
	if (!json_is_array(list))
		errors_add(&w->ctx, &in.e, "scores", "%s", _("Send the scores as a list under \"scores\"."));
	else
		json_array_foreach(list, i, o) {
			json_t *sc = json_object_get(o, "score");
			if (!json_is_object(o) || !in_view(&v, api_int(o, "candidate_id"), api_int(o, "criterion_id"))) {
				errors_add(&w->ctx, &in.e, "scores", "%s",
					   _("Score candidates on criteria of this selection only."));
				break;
			}
			if (!json_is_null(sc) && !(json_is_integer(sc) && json_integer_value(sc) >= 1 && json_integer_value(sc) <= 5)) {
				errors_add(&w->ctx, &in.e, "scores", "%s", _("Give scores from 1 to 5, or leave them empty."));
				break;
			}
		}
	if (!api_in_ok(&in))
		return;
	struct sent_scores s = { w, &v, list };
	api_in_answer(&in, selection_scores_save(&w->ctx, w->id[0], role, sent_score, &s, &in.e), 0);
}

/* ---- frameworks and their elements ---- */

void api_frameworks(struct web *w)
{
	struct framework *f;
	size_t n;
	if (framework_list(&w->ctx, &f, &n)) {
		web_json_error(w, 500, _("The frameworks could not be read. Try again later."));
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:s, s:s, s:I}", "id", (json_int_t)f[i].id, "key",
						     f[i].key ? f[i].key : "", "name", f[i].name, "description",
						     f[i].description ? f[i].description : "", "source", f[i].source ? f[i].source : "",
						     "elements", (json_int_t)f[i].elements));
	web_json(w, 200, json_pack("{s:o}", "frameworks", arr));
}

static json_t *element_json(const struct framework_element *e)
{
	return json_pack("{s:I, s:o, s:s, s:s, s:s, s:s, s:s, s:s, s:i}", "id", (json_int_t)e->id, "parent_id",
			 e->parent_id ? json_integer(e->parent_id) : json_null(), "code", e->code, "name", e->name, "kind",
			 e->kind ? e->kind : "", "description", e->description ? e->description : "", "source",
			 e->source ? e->source : "", "synonyms", e->synonyms ? e->synonyms : "", "depth", e->depth);
}

void api_framework(struct web *w)
{
	struct framework_view v;
	int r = framework_open(&w->ctx, w->id[0], &v);
	if (r) {
		api_answer(w, r, NULL, 0);
		return;
	}
	json_t *elements = json_array();
	for (size_t i = 0; i < v.nelements; i++)
		json_array_append_new(elements, element_json(&v.elements[i]));
	web_json(w, 200, json_pack("{s:I, s:s, s:s, s:s, s:s, s:o}", "id", (json_int_t)v.f.id, "key", v.f.key ? v.f.key : "",
				   "name", v.f.name, "description", v.f.description ? v.f.description : "", "source",
				   v.f.source ? v.f.source : "", "elements", elements));
}

void api_framework_element_add(struct web *w)
{
	struct framework_view v;
	int r = framework_open(&w->ctx, w->id[0], &v);
	if (r) {
		api_answer(w, r, NULL, 0);
		return;
	}
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	struct framework_element e = { 0 };
	e.framework_id = v.f.id;
	e.parent_id = api_in_id(&in, "parent_id", 0);  /* 0: at the top */
	e.code = (char *)api_in_str(&in, "code", "");
	e.name = (char *)api_in_str(&in, "name", "");
	e.kind = (char *)api_in_str(&in, "kind", "");
	e.description = (char *)api_in_str(&in, "description", "");
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = framework_element_save(&w->ctx, &e, &in.e, &id);
	api_in_answer(&in, d, id);
}

void api_framework_element_save(struct web *w)
{
	struct framework f;
	struct framework_element old;
	int r = framework_element_open(&w->ctx, w->id[0], w->id[1], &f, &old);
	if (r) {
		api_answer(w, r, NULL, 0);
		return;
	}
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	struct framework_element e = { 0 };
	e.id = old.id;
	e.framework_id = f.id;
	e.name = (char *)api_in_str(&in, "name", old.name);
	e.kind = (char *)api_in_str(&in, "kind", old.kind ? old.kind : "");
	e.description = (char *)api_in_str(&in, "description", old.description ? old.description : "");
	e.synonyms = (char *)api_in_str(&in, "synonyms", old.synonyms ? old.synonyms : "");
	if (!api_in_ok(&in))
		return;
	api_in_answer(&in, framework_element_save(&w->ctx, &e, &in.e, NULL), 0);
}

/* ---- a group's staff and its participants' statuses ---- */

/* The group of the path, when the actor may staff it; else answered. */
static bool group_to_staff(struct web *w, struct learning_group *g)
{
	enum group_relation rel;
	int r = group_open(&w->ctx, w->id[0], g, &rel);
	if (r) {
		api_answer(w, r, NULL, 0);
		return false;
	}
	if (!group_may_staff(rel)) {
		web_json_error(w, 403, _("You cannot change this group."));
		return false;
	}
	return true;
}

void api_group_staff(struct web *w)
{
	struct learning_group g;
	if (!group_to_staff(w, &g))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	long long mentor = api_in_id(&in, "mentor_id", g.mentor_id), facilitator = api_in_id(&in, "facilitator_id", g.facilitator_id);
	const char *pair = api_in_str(&in, "pair_status", g.pair_status ? g.pair_status : "none");
	if (!api_in_ok(&in))
		return;
	api_in_answer(&in, group_staff(&w->ctx, g.id, mentor, facilitator, pair, &in.e), 0);
}

void api_group_statuses(struct web *w)
{
	struct learning_group g;
	if (!group_to_staff(w, &g))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	size_t n;
	long long *ids = api_ids(w, in.j, "enrolments", &n);
	for (size_t i = 0; i < n && !in.e.n; i++)
		if (ids[i] <= 0)
			errors_add(&w->ctx, &in.e, "enrolments", "%s", _("Tick participants of this group only."));
	if (!json_is_array(json_object_get(in.j, "enrolments")))
		errors_add(&w->ctx, &in.e, "enrolments", "%s", _("Send the enrolments as a list under \"enrolments\"."));
	const char *status = api_in_str(&in, "status", "");
	const char *on = api_in_str(&in, "on", "");
	const char *kind = api_in_str(&in, "kind", "");
	const char *note = api_in_str(&in, "note", "");
	if (!api_in_ok(&in))
		return;
	if (!*on) {
		char *today = arena_alloc(w->a, 11);
		date_today(ctx_now(&w->ctx), today);
		on = today;
	}
	api_in_answer(&in, enrolment_set_status_many(&w->ctx, g.id, ids, n, status, on, kind, note, &in.e), 0);
}

/* ---- a planned meeting's date, time and place ---- */

void api_meeting_change(struct web *w)
{
	struct meeting m;
	struct learning_group g;
	int r = meeting_open_to_run(&w->ctx, w->id[0], &m, &g);
	if (r == D_FORBIDDEN) {
		web_json_error(w, 403, _("Only the coach and the group's facilitator change a meeting."));
		return;
	}
	if (r) {
		api_answer(w, r, NULL, 0);
		return;
	}
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	struct meeting_when when;
	when.date = api_in_str(&in, "date", m.starts_on);
	when.start = api_in_str(&in, "start", m.start_time);
	when.end = api_in_str(&in, "end", m.end_time);
	when.venue = api_in_str(&in, "venue", m.venue ? m.venue : "");
	bool cancel = api_in_bool(&in, "cancelled", m.cancelled);
	if (!api_in_ok(&in))
		return;
	api_in_answer(&in, meeting_change(&w->ctx, m.id, &when, cancel, (long long)time(NULL), &in.e), 0);
}

/* ---- a step of a session method ---- */

void api_method_step_save(struct web *w)
{
	struct method *ms;
	size_t n;
	if (method_list(&w->ctx, &ms, &n)) {
		web_json_error(w, 500, _("The session methods could not be read. Try again later."));
		return;
	}
	const struct method_step *old = NULL;
	for (size_t i = 0; i < n && !old; i++)
		for (size_t k = 0; k < ms[i].nsteps && !old; k++)
			if (ms[i].steps[k].id == w->id[0])
				old = &ms[i].steps[k];
	if (!old) {
		api_answer(w, D_NOTFOUND, NULL, 0);
		return;
	}
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	struct method_step s = { 0 };
	s.id = old->id;
	s.name = (char *)api_in_str(&in, "name", old->name);
	s.who = (char *)api_in_str(&in, "who", old->who);
	s.instruction = (char *)api_in_str(&in, "instruction", old->instruction);
	long long minutes = api_in_int(&in, "minutes", old->minutes);
	s.minutes = minutes < 0 || minutes > METHOD_MINUTES_MAX ? -1 : (int)minutes;
	if (!api_in_ok(&in))
		return;
	api_in_answer(&in, method_step_save(&w->ctx, &s, &in.e), 0);
}
