/* api_me.c — GET /api/v1/me: everything a person wrote or that was
 * recorded about them in their trajectory (their groups, learning questions
 * with every version, intakes, development plans, contributions to reports,
 * logbook), as JSON, so that a participant can
 * take their data with them. Only their own: it goes through the same
 * domain calls, and so the same privacy rules, as the pages. */
#include "web.h"
#include "domain/group_view.h"
#include "domain/intake.h"
#include "domain/logbook.h"
#include "domain/plan.h"

#include <string.h>

/* One's place in the group: status, closing talk and intake. */
static void place_json(struct web *w, json_t *jg, const struct enrolment *en)
{
	json_object_set_new(jg, "status", json_string(en->status));
	struct closing_talk t;
	json_object_set_new(jg, "closing_talk",
			    closing_read(&w->ctx, en->id, &t) == D_OK
				    ? json_pack("{s:s, s:s, s:s, s:s, s:s}", "offered_on", t.offered_on, "outcome", t.outcome,
						"held_on", t.held_on, "learning_yield", t.learning_yield, "next_steps", t.next_steps)
				    : json_null());
	struct intake in;
	json_object_set_new(jg, "intake",
			    intake_read(&w->ctx, en->id, &in) == D_OK
				    ? json_pack("{s:s, s:s}", "held_on", in.held_on, "expectations", in.expectations)
				    : json_null());
}

static json_t *questions_json(struct web *w, long long group_id)
{
	struct learning_question *q;
	size_t nq;
	json_t *jq = json_array();
	if (question_history(&w->ctx, w->who.person_id, group_id, &q, &nq) == D_OK)
		for (size_t k = 0; k < nq; k++)
			json_array_append_new(jq, json_pack("{s:s, s:I}", "text", q[k].text, "written_at", (json_int_t)q[k].written_at));
	return jq;
}

static void plan_json(struct web *w, json_t *jg, long long group_id)
{
	struct plan pl;
	if (plan_read(&w->ctx, w->who.person_id, group_id, &pl) != D_OK)
		return;
	json_t *goals = json_array(), *talks = json_array();
	for (size_t k = 0; k < pl.ngoals; k++) {
		const struct development_goal *g = &pl.goals[k];
		json_t *el = json_array();
		for (size_t i = 0; i < g->nnamed; i++)
			json_array_append_new(el, json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)g->named[i].id, "name",
							    g->named[i].name, "code", g->named[i].code, "framework",
							    g->named[i].framework));
		json_array_append_new(goals, json_pack("{s:s, s:s, s:s, s:o, s:s}", "text", g->text, "measure", g->measure,
						       "due_on", g->due_on, "framework_elements", el, "learning_form",
						       g->learning_form));
	}
	for (size_t k = 0; k < pl.ntalks; k++)
		json_array_append_new(talks, json_pack("{s:s, s:s}", "held_on", pl.talks[k].held_on, "agreements",
						       pl.talks[k].agreements));
	json_object_set_new(jg, "development_plan",
			    json_pack("{s:s, s:o, s:o}", "assignment", pl.assignment, "goals", goals, "manager_talks", talks));
}

static json_t *group_json(struct web *w, const struct own_group *o)
{
	json_t *jg = json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)o->g.id, "name", o->g.name, "programme",
			       o->g.programme_name, "batch", o->g.batch_name);
	json_object_set_new(jg, "role", json_string(o->role));
	if (o->en)
		place_json(w, jg, o->en);
	json_object_set_new(jg, "learning_questions", questions_json(w, o->g.id));
	plan_json(w, jg, o->g.id);
	/* their contributions to the group's reports, placed or not */
	json_t *jx = json_array();
	for (size_t k = 0; k < o->ncontribs; k++)
		json_array_append_new(jx, json_pack("{s:I, s:s, s:b}", "meeting_id", (json_int_t)o->contribs[k].meeting_id,
						    "text", o->contribs[k].text, "placed", o->contribs[k].placed));
	json_object_set_new(jg, "contributions", jx);
	return jg;
}

static json_t *logbook_json(struct web *w)
{
	json_t *logbook = json_array();
	struct logbook_entry *e;
	size_t ne;
	if (logbook_own(&w->ctx, &e, &ne) == D_OK)
		for (size_t i = 0; i < ne; i++)
			json_array_append_new(logbook, json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:o}", "id", (json_int_t)e[i].id,
								 "date", e[i].entry_date, "energy_gave", e[i].energy_gave,
								 "energy_cost", e[i].energy_cost, "notes", e[i].body, "tags",
								 e[i].tags, "shared_with", e[i].shared_with, "group_id",
								 e[i].group_id ? json_integer(e[i].group_id) : json_null()));
	return logbook;
}

void api_me(struct web *w)
{
	struct own_group *g;
	size_t ng;
	if (group_list_own(&w->ctx, &g, &ng)) {
		web_json_error(w, 500, _("Your data could not be read. Try again later."));
		return;
	}
	json_t *groups = json_array();
	for (size_t i = 0; i < ng; i++)
		json_array_append_new(groups, group_json(w, &g[i]));
	web_json(w, 200, json_pack("{s:s, s:s, s:o, s:o}", "email", w->who.email, "name",
				   w->who.display_name ? w->who.display_name : "", "groups", groups, "logbook", logbook_json(w)));
}
