/* selection.c — choosing facilitators and mentors for a programme: the
 * competency profile (criteria with weights), the candidates, their scores
 * and the ranking. The coach changes it; the owner, who chooses "in
 * consultation with the selectors" (seed 000 §7.2), reads along. */
#include "web.h"
#include "domain/selection.h"
#include "html/html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *role_of(struct web *w)
{
	const char *r = web_arg(w, "role");
	if (!r || !*r)
		r = web_field(w, "role");
	return selection_role_valid(r) ? r : "facilitator";
}

/* 4.25 as the interface language writes it */
static const char *decimal(struct web *w, double v)
{
	char *s = arena_printf(w->a, "%.2f", v);
	if (w->lang == LANG_NL)
		for (char *p = s; *p; p++)
			if (*p == '.')
				*p = ',';
	return s;
}

/* One candidate's row: the scores (a form for the coach) and the weighted mean. */
static void ranking_row(struct web *w, const struct selection_view *v, const struct selection_rank *rank)
{
	const struct selection_candidate *cand = rank->candidate;
	html(w->out, "<tr><td>%s</td><th scope=\"row\">%s (%s)</th>",
	     rank->rank ? arena_printf(w->a, "%d", rank->rank) : "—", cand->name, cand->employee_id);
	for (size_t j = 0; j < v->ncriteria; j++) {
		const struct selection_criterion *c = &v->criteria[j];
		int s = selection_score_in(v, cand->id, c->id);
		if (!v->may_change) {
			html(w->out, "<td>%s</td>", s ? arena_printf(w->a, "%d", s) : "—");
			continue;
		}
		const char *id = arena_printf(w->a, "s-%lld-%lld", cand->id, c->id);
		html(w->out, "<td><label class=\"visually-hidden\" for=\"%s\">%s</label><select id=\"%s\" name=\"%s\">"
			"<option value=\"\">—</option>",
		     id, arena_printf(w->a, _("Score of %s on %s"), cand->name, c->name), id, id);
		for (int o = 1; o <= 5; o++)
			html(w->out, s == o ? "<option selected>%d</option>" : "<option>%d</option>", o);
		html(w->out, "</select></td>");
	}
	html(w->out, "<td>%s</td></tr>",
	     rank->scored ? arena_printf(w->a, _("%s (%d of %zu scored)"), decimal(w, rank->score), rank->scored, v->ncriteria)
			  : _("not scored"));
}

/* The ranking, with the scores as a form for the coach. */
static void ranking_section(struct web *w, const struct selection_view *v, const struct errors *e)
{
	html(w->out, "<h2 id=\"ranking\">%s</h2>", _("Candidates, best first"));
	if (!v->ncandidates || !v->ncriteria) {
		html(w->out, "<p>%s</p>", !v->ncriteria ? _("Add the criteria of the competency profile first.") : _("No candidates yet."));
		return;
	}
	if (v->may_change) {
		form_errors(w, e);
		html(w->out, "<form method=\"post\" action=\"/programmes/%lld/selection/scores\">", v->p.id);
		form_csrf(w);
		html(w->out, "<input type=\"hidden\" name=\"role\" value=\"%s\">", v->role);
	}
	html(w->out, "<table tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>", _("Rank"), _("Candidate"));
	for (size_t j = 0; j < v->ncriteria; j++)
		html(w->out, "<th scope=\"col\">%s (%s)</th>", v->criteria[j].name,
		     arena_printf(w->a, _("weight %d"), v->criteria[j].weight));
	html(w->out, "<th scope=\"col\">%s</th></tr></thead><tbody>", _("Weighted score"));
	for (size_t i = 0; i < v->ncandidates; i++)
		ranking_row(w, v, &v->rank[i]);
	html(w->out, "</tbody></table>\n");
	if (v->may_change)
		html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Save scores"));
}

/* The competency profile, and for the coach the forms to add a criterion
 * and a candidate. */
static void profile_section(struct web *w, const struct selection_view *v, const char *form, const struct errors *e)
{
	html(w->out, "<h2 id=\"profile\">%s</h2>", _("Competency profile"));
	if (v->ncriteria) {
		html(w->out, "<ul>");
		for (size_t j = 0; j < v->ncriteria; j++)
			html(w->out, "<li>%s — %s</li>", v->criteria[j].name, arena_printf(w->a, _("weight %d"), v->criteria[j].weight));
		html(w->out, "</ul>");
	}
	if (!v->may_change)
		return;
	const struct errors *ce = form && !strcmp(form, "criterion") ? e : NULL;
	form_errors(w, ce);
	html(w->out, "<form method=\"post\" action=\"/programmes/%lld/selection/criteria\">", v->p.id);
	form_csrf(w);
	html(w->out, "<input type=\"hidden\" name=\"role\" value=\"%s\">", v->role);
	form_input(w, "criterion", _("Criterion"), "text", ce ? web_field(w, "criterion") : "", ce, NULL);
	form_input(w, "weight", _("Weight (1 to 10)"), "number", ce ? web_field(w, "weight") : "1", ce, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Add criterion"));

	const struct errors *ke = form && !strcmp(form, "candidate") ? e : NULL;
	html(w->out, "<h2 id=\"candidates\">%s</h2>", _("Add a candidate"));
	form_errors(w, ke);
	html(w->out, "<form method=\"post\" action=\"/programmes/%lld/selection/candidates\">", v->p.id);
	form_csrf(w);
	html(w->out, "<input type=\"hidden\" name=\"role\" value=\"%s\">", v->role);
	form_input(w, "employee_id", _("Employee number"), "text", ke ? web_field(w, "employee_id") : "", ke, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Add candidate"));
}

static void selection_page(struct web *w, const char *form, const struct errors *e, int status)
{
	struct selection_view v;
	int d = selection_open(&w->ctx, w->id[0], role_of(w), &v);
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (d) {
		web_error(w, 500, _("The selection could not be read. Try again later."));
		return;
	}
	bool fac = !strcmp(v.role, "facilitator");
	page_begin(w, arena_printf(w->a, fac ? _("Selecting facilitators: %s") : _("Selecting mentors: %s"), v.p.name));
	page_done_message(w);
	html(w->out, "<p><a href=\"/programmes/%lld\">%s</a> · ", v.p.id, _("Back to the programme"));
	html(w->out, fac ? "<a href=\"/programmes/%lld/selection?role=mentor\">%s</a></p>"
			 : "<a href=\"/programmes/%lld/selection?role=facilitator\">%s</a></p>",
	     v.p.id, fac ? _("Selecting mentors") : _("Selecting facilitators"));
	html(w->out, "<p>%s</p>", _("Candidates are scored from 1 to 5 on each criterion of the competency profile. The ranking is the mean of the scores, weighted by the criteria; a criterion without a score does not count, and the number scored is shown beside it."));
	ranking_section(w, &v, form && !strcmp(form, "scores") ? e : NULL);
	profile_section(w, &v, form, e);
	page_end(w);
	w->r->status = status;
}

void page_selection(struct web *w)
{
	selection_page(w, NULL, NULL, 200);
}

static void after(struct web *w, int d, const char *form, const struct errors *e)
{
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/programmes/%lld/selection?role=%s&done=selection-saved", w->id[0], role_of(w)));
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_INVALID)
		selection_page(w, form, e, 422);
	else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

void page_selection_criterion(struct web *w)
{
	struct errors e = { 0 };
	int d = selection_criterion_add(&w->ctx, w->id[0], role_of(w), web_field(w, "criterion"), web_field(w, "weight"), &e, NULL);
	after(w, d, "criterion", &e);
}

void page_selection_candidate(struct web *w)
{
	struct errors e = { 0 };
	int d = selection_candidate_add(&w->ctx, w->id[0], role_of(w), web_field(w, "employee_id"), &e, NULL);
	after(w, d, "candidate", &e);
}

/* The score the form gives ("s-<candidate>-<criterion>"), "" when none. */
static const char *form_score(void *arg, long long candidate_id, long long criterion_id)
{
	struct web *w = arg;
	return web_field(w, arena_printf(w->a, "s-%lld-%lld", candidate_id, criterion_id));
}

void page_selection_scores(struct web *w)
{
	struct errors e = { 0 };
	after(w, selection_scores_save(&w->ctx, w->id[0], role_of(w), form_score, w, &e), "scores", &e);
}
