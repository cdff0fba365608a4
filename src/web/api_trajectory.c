/* api_trajectory.c — a participant's trajectory through the API: the
 * learning question, the development plan, the intake and the closing
 * talk, the logbook, and the facilitator's hand in the report and the
 * learning story. Each route makes the domain call of its page, so the
 * privacy rules are the pages' own: a participant writes in their own
 * trajectory only, the facilitator and mentor of the group record the
 * intake, and an id one may not reach is answered 404 as one that does
 * not exist. */
#include "web.h"
#include "domain/intake.h"
#include "domain/logbook.h"
#include "domain/meeting.h"
#include "domain/group.h"
#include "domain/plan.h"
#include "domain/report.h"
#include "domain/schedule.h"

#include <string.h>
#include <time.h>

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* Answers a write refused or done; D_FORBIDDEN is answered as D_NOTFOUND
 * where the page does so (another group's facilitator: as if it did not
 * exist). */
static void answer_hidden(struct api_in *in, int d)
{
	api_in_answer(in, d == D_FORBIDDEN ? D_NOTFOUND : d, 0);
}

/* ---- the learning question ---- */

void api_question_write(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *question = api_in_str(&in, "question", "");
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = question_write(&w->ctx, w->id[0], question, (long long)time(NULL), &in.e, &id);
	api_in_answer(&in, d, id);
}

/* ---- the development plan ---- */

static json_t *goal_json(const struct development_goal *g)
{
	json_t *el = json_array();
	for (size_t k = 0; k < g->nnamed; k++) {
		const struct goal_element *x = &g->named[k];
		json_array_append_new(el, json_pack("{s:o, s:s, s:s, s:s}", "id", x->id ? json_integer(x->id) : json_null(),
						    "name", or_empty(x->name), "code", or_empty(x->code),
						    "framework", or_empty(x->framework)));
	}
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:o}", "id", (json_int_t)g->id, "text", or_empty(g->text), "measure",
			 or_empty(g->measure), "due_on", or_empty(g->due_on), "learning_form",
			 or_empty(g->learning_form), "elements", el);
}

static json_t *plan_json(long long group_id, const struct plan *p)
{
	json_t *goals = json_array(), *talks = json_array();
	for (size_t i = 0; i < p->ngoals; i++)
		json_array_append_new(goals, goal_json(&p->goals[i]));
	for (size_t i = 0; i < p->ntalks; i++)
		json_array_append_new(talks, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)p->talks[i].id, "held_on",
						       or_empty(p->talks[i].held_on), "agreements",
						       or_empty(p->talks[i].agreements)));
	return json_pack("{s:I, s:s, s:o, s:o}", "group_id", (json_int_t)group_id, "assignment", or_empty(p->assignment),
			 "goals", goals, "talks", talks);
}

void api_plan(struct web *w)
{
	struct learning_group g;
	struct plan p;
	int d = plan_own(&w->ctx, w->id[0], &g, &p);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	web_json(w, 200, plan_json(g.id, &p));
}

/* The actor's own plan in the group of the path, or answered 404: the
 * page's check, before the body is read. */
static bool plan_mine(struct web *w, struct plan *p)
{
	struct learning_group g;
	int d = plan_own(&w->ctx, w->id[0], &g, p);
	if (d)
		api_answer(w, d, NULL, 0);
	return !d;
}

/* The goal's framework elements by number: a list of whole numbers, else
 * the page's message under "elements". */
static void element_ids(struct web *w, json_t *j, struct development_goal *g, struct errors *e)
{
	json_t *v = json_object_get(j, "element_ids");
	if (!v || json_is_null(v))
		return;
	size_t n;
	long long *ids = api_ids(w, j, "element_ids", &n);
	bool ok = json_is_array(v) && n <= PLAN_GOAL_ELEMENTS_MAX;
	for (size_t i = 0; ok && i < n; i++)
		ok = ids[i] > 0;
	if (!ok) {
		errors_add(&w->ctx, e, "elements", "%s", _("Choose the framework elements from the list."));
		return;
	}
	g->element_ids = ids;
	g->nelement_ids = n;
}

void api_plan_goal(struct web *w)
{
	struct plan p;
	if (!plan_mine(w, &p))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	struct development_goal g = { 0 };
	long long gid = api_id(in.j, "goal_id");
	if (gid < 0)
		errors_add(&w->ctx, &in.e, "goal_id", "%s", _("Send the number of one of your goals, or leave it out for a new one."));
	g.id = gid;
	g.text = (char *)api_in_str(&in, "text", "");
	g.measure = (char *)api_in_str(&in, "measure", "");
	g.due_on = (char *)api_in_str(&in, "due_on", "");
	g.elements = (char *)api_in_str(&in, "elements", "");
	g.learning_form = (char *)api_in_str(&in, "learning_form", "");
	element_ids(w, in.j, &g, &in.e);
	if (!api_in_ok(&in))
		return;
	bool found = !gid;
	for (size_t i = 0; !found && i < p.ngoals; i++)
		found = p.goals[i].id == gid;
	long long id = 0;
	int d = found ? plan_goal_save(&w->ctx, w->id[0], &g, (long long)time(NULL), &in.e, &id) : D_NOTFOUND;
	api_in_answer(&in, d, gid ? 0 : id);  /* a new goal: 201 with its number; a change: 200 */
}

void api_plan_goal_remove(struct web *w)
{
	struct plan p;
	if (!plan_mine(w, &p))
		return;
	json_t *j = api_body(w);
	if (!j)
		return;
	long long gid = api_id(j, "goal_id");
	struct errors e = { 0 };
	int d = D_NOTFOUND;
	if (gid <= 0) {
		errors_add(&w->ctx, &e, "goal_id", "%s", _("Send the number of the goal to remove."));
		d = D_INVALID;
	}
	for (size_t i = 0; gid > 0 && i < p.ngoals; i++)
		if (p.goals[i].id == gid)
			d = plan_goal_delete(&w->ctx, gid);
	api_answer(w, d, &e, 0);
	json_decref(j);
}

void api_plan_assignment(struct web *w)
{
	struct plan p;
	if (!plan_mine(w, &p))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *assignment = api_in_str(&in, "assignment", "");
	if (api_in_ok(&in))
		api_in_answer(&in, plan_assignment_save(&w->ctx, w->id[0], assignment, (long long)time(NULL), &in.e), 0);
}

void api_plan_talk(struct web *w)
{
	struct plan p;
	if (!plan_mine(w, &p))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *on = api_in_str(&in, "talk_on", ""), *agreements = api_in_str(&in, "agreements", "");
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = plan_talk_add(&w->ctx, w->id[0], on, agreements, (long long)time(NULL), &in.e, &id);
	api_in_answer(&in, d, id);
}

/* ---- the intake and the closing talk ---- */

/* The intake page's content: the learning question with its versions,
 * the intake, the plan and the closing talk, for the participant and the
 * group's facilitator and mentor (each read by another audited). */
void api_intake(struct web *w)
{
	struct intake_view v;
	int d = intake_open(&w->ctx, w->id[0], &v);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	json_t *q = json_array();
	for (size_t i = 0; i < v.nquestions; i++)
		json_array_append_new(q, json_pack("{s:I, s:s, s:I}", "id", (json_int_t)v.questions[i].id, "text",
						   or_empty(v.questions[i].text), "written_at", (json_int_t)v.questions[i].written_at));
	json_t *in = v.held ? json_pack("{s:s, s:s}", "held_on", or_empty(v.intake.held_on), "expectations",
					or_empty(v.intake.expectations))
			    : json_null();
	const struct closing_talk *t = &v.talk;
	json_t *closing = v.offered ? json_pack("{s:s, s:s, s:s, s:s, s:s}", "offered_on", or_empty(t->offered_on), "outcome",
						or_empty(t->outcome), "held_on", or_empty(t->held_on), "learning_yield",
						or_empty(t->learning_yield), "next_steps", or_empty(t->next_steps))
				    : json_null();
	web_json(w, 200, json_pack("{s:I, s:I, s:s, s:b, s:o, s:o, s:o, s:o}", "enrolment_id", (json_int_t)v.en.id, "group_id",
				   (json_int_t)v.en.group_id, "participant", or_empty(v.en.person_name), "mine", v.mine,
				   "questions", q, "intake", in, "plan", plan_json(v.en.group_id, &v.plan), "closing", closing));
}

void api_intake_save(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *held_on = api_in_str(&in, "held_on", ""), *expectations = api_in_str(&in, "expectations", "");
	if (api_in_ok(&in))
		answer_hidden(&in, intake_save(&w->ctx, w->id[0], held_on, expectations, (long long)time(NULL), &in.e));
}

void api_closing_record(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *offered_on = api_in_str(&in, "offered_on", ""), *outcome = api_in_str(&in, "outcome", "");
	const char *held_on = api_in_str(&in, "talk_held_on", "");
	if (api_in_ok(&in))
		answer_hidden(&in, closing_record(&w->ctx, w->id[0], offered_on, outcome, held_on, (long long)time(NULL), &in.e));
}

void api_closing_words(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *yield = api_in_str(&in, "learning_yield", ""), *next = api_in_str(&in, "next_steps", "");
	if (api_in_ok(&in))
		answer_hidden(&in, closing_write(&w->ctx, w->id[0], yield, next, (long long)time(NULL), &in.e));
}

/* ---- the report and the learning story ---- */

void api_contribution_place(struct web *w)
{
	long long meeting_id;
	if (contribution_meeting(&w->ctx, w->id[0], &meeting_id)) {
		api_answer(w, D_NOTFOUND, NULL, 0);
		return;
	}
	json_t *j = api_body(w);
	if (!j)
		return;
	struct errors e = { 0 };
	int d;
	if (json_is_boolean(json_object_get(j, "placed"))) {
		d = contribution_place(&w->ctx, w->id[0], json_is_true(json_object_get(j, "placed")), (long long)time(NULL));
	} else {
		/* who may not place it learns nothing of the input: as
		 * contribution_place, 404 without sight of the group, 403 with */
		struct meeting m;
		struct learning_group g;
		enum group_relation rel;
		d = meeting_open(&w->ctx, meeting_id, &m, &g, &rel);
		if (!d && !(w->who.person_id && g.facilitator_id == w->who.person_id))
			d = D_FORBIDDEN;
		if (!d) {
			errors_add(&w->ctx, &e, "placed", "%s", _("Send \"placed\": true or false."));
			d = D_INVALID;
		}
	}
	if (d == D_FORBIDDEN)
		web_json_error(w, 403, _("Only the group's facilitator places contributions in the report."));
	else
		api_answer(w, d, &e, 0);
	json_decref(j);
}

void api_story_save(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	bool bundle = api_in_bool(&in, "bundle", false);
	const char *opening = api_in_str(&in, "opening", ""), *closing = api_in_str(&in, "closing", "");
	if (!api_in_ok(&in))
		return;
	int d = story_save(&w->ctx, w->id[0], opening, closing, bundle, (long long)time(NULL), &in.e);
	if (d == D_FORBIDDEN) {
		web_json_error(w, 403, _("Only the group's facilitator bundles the learning story."));
		json_decref(in.j);
	} else {
		api_in_answer(&in, d, 0);
	}
}

/* ---- the logbook ---- */

/* The entry of the body (entry_date `date` when left out: today for a new
 * entry, as the page's form fills it in, the entry's own for a change),
 * with the page's question for a date that lies ahead: "date_ahead": true
 * confirms it. False with the problems noted in `in`. */
static bool entry_of(struct api_in *in, const char *date, struct logbook_entry *x)
{
	bool sure = api_in_bool(in, "date_ahead", false);
	x->entry_date = (char *)api_in_str(in, "entry_date", date);
	x->energy_gave = (char *)api_in_str(in, "energy_gave", "");
	x->energy_cost = (char *)api_in_str(in, "energy_cost", "");
	x->body = (char *)api_in_str(in, "body", "");
	x->tags = (char *)api_in_str(in, "tags", "");
	if (in->e.n)
		return false;
	if (!sure && logbook_date_ahead(x->entry_date, (long long)time(NULL))) {
		errors_add(&in->w->ctx, &in->e, "date_ahead", _("%s is in the future. Check the date, or confirm that you mean it."),
			   date_label(in->w->a, x->entry_date));
		return false;
	}
	return true;
}

/* An entry the actor may read: their own, or one shared with them (that
 * read audited); 404 otherwise, as for one that does not exist. */
void api_logbook_entry(struct web *w)
{
	struct logbook_view v;
	int d = logbook_open(&w->ctx, w->id[0], &v);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	const struct logbook_entry *x = &v.e;
	web_json(w, 200, json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:b, s:s}", "id", (json_int_t)x->id,
				   "entry_date", or_empty(x->entry_date), "energy_gave", or_empty(x->energy_gave),
				   "energy_cost", or_empty(x->energy_cost), "body", or_empty(x->body), "tags", or_empty(x->tags),
				   "shared_with", or_empty(x->shared_with), "group_id",
				   x->group_id ? json_integer(x->group_id) : json_null(), "mine", v.mine, "writer",
				   or_empty(x->writer_name)));
}

void api_logbook_add(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	struct logbook_entry x = { 0 };
	long long id = 0;
	int d = entry_of(&in, web_today(w), &x) ? logbook_save(&w->ctx, &x, (long long)time(NULL), &in.e, &id) : D_INVALID;
	api_in_answer(&in, d, id);
}

/* The entry of the path when it is one of the actor's own; if not,
 * answered 404 (another reader is not told more, and no read of theirs is
 * recorded for the question). */
static const struct logbook_entry *entry_mine(struct web *w)
{
	struct logbook_entry *own;
	size_t n;
	int d = logbook_own(&w->ctx, &own, &n);
	for (size_t i = 0; !d && i < n; i++)
		if (own[i].id == w->id[0])
			return &own[i];
	api_answer(w, d ? d : D_NOTFOUND, NULL, 0);
	return NULL;
}

void api_logbook_update(struct web *w)
{
	const struct logbook_entry *old = entry_mine(w);
	if (!old)
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	struct logbook_entry x = { 0 };
	x.id = w->id[0];
	int d = entry_of(&in, old->entry_date, &x) ? logbook_save(&w->ctx, &x, (long long)time(NULL), &in.e, NULL) : D_INVALID;
	api_in_answer(&in, d, 0);
}

void api_logbook_remove(struct web *w)
{
	if (!entry_mine(w))
		return;
	json_t *j = api_body(w);
	if (!j)
		return;
	struct errors e = { 0 };
	/* the page asks "are you sure?"; a script says so in the request */
	if (!json_is_true(json_object_get(j, "confirm")))
		errors_add(&w->ctx, &e, "confirm", "%s", _("Send \"confirm\": true to remove the entry; this cannot be undone."));
	api_answer(w, e.n ? D_INVALID : logbook_delete(&w->ctx, w->id[0]), &e, 0);
	json_decref(j);
}

void api_logbook_share(struct web *w)
{
	if (!entry_mine(w))
		return;
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *shared_with = api_in_str(&in, "shared_with", "");
	if (api_in_ok(&in))
		api_in_answer(&in, logbook_share(&w->ctx, w->id[0], shared_with, api_id(in.j, "group_id"), (long long)time(NULL), &in.e), 0);
}
