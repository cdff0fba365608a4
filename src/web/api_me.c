/* api_me.c — GET /api/v1/me: everything a person wrote or that was
 * recorded about them in their trajectory (their groups, learning questions
 * with every version, intakes, development plans, contributions to reports,
 * logbook), as JSON, so that a participant can
 * take their data with them. Only their own: it goes through the same
 * domain calls, and so the same privacy rules, as the pages. */
#include "web.h"
#include "domain/intake.h"
#include "domain/logbook.h"
#include "domain/plan.h"
#include "store/report.h"
#include "store/group.h"

#include <string.h>

void api_me(struct web *w)
{
	long long org = w->who.organisation_id, me = w->who.person_id;
	json_t *groups = json_array(), *logbook = json_array();
	struct learning_group *g = NULL;
	size_t ng = 0;
	if (me && store_group_list_for_person(w->st, w->a, org, me, &g, &ng)) {
		web_json_error(w, 500, _("Your data could not be read. Try again later."));
		return;
	}
	for (size_t i = 0; i < ng; i++) {
		json_t *jg = json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)g[i].id, "name", g[i].name, "programme",
				       g[i].programme_name, "batch", g[i].batch_name);
		struct enrolment *en;
		size_t nen;
		if (!store_enrolment_list(w->st, w->a, org, g[i].id, &en, &nen))
			for (size_t k = 0; k < nen; k++) {
				if (en[k].person_id != me)
					continue;
				json_object_set_new(jg, "role", json_string("participant"));
				json_object_set_new(jg, "status", json_string(en[k].status));
				struct closing_talk t;
				json_object_set_new(jg, "closing_talk",
						    closing_read(&w->ctx, en[k].id, &t) == D_OK
							    ? json_pack("{s:s, s:s, s:s, s:s, s:s}", "offered_on", t.offered_on, "outcome",
									t.outcome, "held_on", t.held_on, "learning_yield",
									t.learning_yield, "next_steps", t.next_steps)
							    : json_null());
				struct intake in;
				json_object_set_new(jg, "intake",
						    intake_read(&w->ctx, en[k].id, &in) == D_OK
							    ? json_pack("{s:s, s:s}", "held_on", in.held_on, "expectations", in.expectations)
							    : json_null());
			}
		if (!json_object_get(jg, "role"))
			json_object_set_new(jg, "role", json_string(g[i].facilitator_id == me ? "facilitator" : "mentor"));
		struct learning_question *q;
		size_t nq;
		json_t *jq = json_array();
		if (question_history(&w->ctx, me, g[i].id, &q, &nq) == D_OK)
			for (size_t k = 0; k < nq; k++)
				json_array_append_new(jq, json_pack("{s:s, s:I}", "text", q[k].text, "written_at", (json_int_t)q[k].written_at));
		json_object_set_new(jg, "learning_questions", jq);
		struct plan pl;
		if (plan_read(&w->ctx, me, g[i].id, &pl) == D_OK) {
			json_t *goals = json_array(), *talks = json_array();
			for (size_t k = 0; k < pl.ngoals; k++)
				json_array_append_new(goals, json_pack("{s:s, s:s, s:s, s:s}", "text", pl.goals[k].text, "measure",
								       pl.goals[k].measure, "due_on", pl.goals[k].due_on,
								       "elements", pl.goals[k].elements));
			for (size_t k = 0; k < pl.ntalks; k++)
				json_array_append_new(talks, json_pack("{s:s, s:s}", "held_on", pl.talks[k].held_on, "agreements",
								       pl.talks[k].agreements));
			json_object_set_new(jg, "development_plan", json_pack("{s:s, s:o, s:o}", "assignment", pl.assignment,
									      "goals", goals, "manager_talks", talks));
		}
		/* their contributions to the group's reports, placed or not */
		struct contribution *x;
		size_t nx;
		json_t *jx = json_array();
		if (!store_contribution_list(w->st, w->a, org, g[i].id, 0, &x, &nx))
			for (size_t k = 0; k < nx; k++)
				if (x[k].person_id == me)
					json_array_append_new(jx, json_pack("{s:I, s:s, s:b}", "meeting_id", (json_int_t)x[k].meeting_id,
									    "text", x[k].text, "placed", x[k].placed));
		json_object_set_new(jg, "contributions", jx);
		json_array_append_new(groups, jg);
	}
	struct logbook_entry *e;
	size_t ne;
	if (logbook_own(&w->ctx, &e, &ne) == D_OK)
		for (size_t i = 0; i < ne; i++)
			json_array_append_new(logbook, json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:o}", "id", (json_int_t)e[i].id,
								 "date", e[i].entry_date, "energy_gave", e[i].energy_gave,
								 "energy_cost", e[i].energy_cost, "notes", e[i].body, "tags",
								 e[i].tags, "shared_with", e[i].shared_with, "group_id",
								 e[i].group_id ? json_integer(e[i].group_id) : json_null()));
	web_json(w, 200, json_pack("{s:s, s:s, s:o, s:o}", "email", w->who.email, "name",
				   w->who.display_name ? w->who.display_name : "", "groups", groups, "logbook", logbook));
}
