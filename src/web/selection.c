/* selection.c — choosing facilitators and mentors for a programme: the
 * competency profile (criteria with weights), the candidates, their scores
 * and the ranking. The coach changes it; the owner, who chooses "in
 * consultation with the selectors" (seed 000 §7.2), reads along. */
#include "web.h"
#include "domain/selection.h"
#include "html/html.h"
#include "store/design.h"
#include "store/selection.h"
#include "store/store.h"

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

static void selection_page(struct web *w, const char *form, const struct errors *e, int status)
{
	long long org = w->who.organisation_id;
	struct programme p;
	int r = store_programme_get(w->st, w->a, org, w->id[0], &p);
	if (r == ST_NOTFOUND) {
		web_not_found(w);
		return;
	}
	const char *role = role_of(w);
	struct selection_criterion *c;
	struct selection_candidate *k;
	struct selection_score *s;
	size_t nc, nk, ns;
	if (r || store_criterion_list(w->st, w->a, org, p.id, role, &c, &nc) ||
	    store_candidate_list(w->st, w->a, org, p.id, role, &k, &nk) ||
	    store_score_list(w->st, w->a, org, p.id, role, &s, &ns)) {
		web_error(w, 500, _("The selection could not be read. Try again later."));
		return;
	}
	bool coach = actor_has(&w->who, ROLES_PROGRAMME_WRITE);
	bool fac = !strcmp(role, "facilitator");
	page_begin(w, arena_printf(w->a, fac ? _("Selecting facilitators: %s") : _("Selecting mentors: %s"), p.name));
	page_done_message(w);
	html(w->out, "<p><a href=\"/programmes/%lld\">%s</a> · ", p.id, _("Back to the programme"));
	html(w->out, fac ? "<a href=\"/programmes/%lld/selection?role=mentor\">%s</a></p>"
			 : "<a href=\"/programmes/%lld/selection?role=facilitator\">%s</a></p>",
	     p.id, fac ? _("Selecting mentors") : _("Selecting facilitators"));
	html(w->out, "<p>%s</p>", _("Candidates are scored from 1 to 5 on each criterion of the competency profile. The ranking is the mean of the scores, weighted by the criteria; a criterion without a score does not count, and the number scored is shown beside it."));

	/* the ranking, with the scores as a form for the coach */
	struct selection_rank *rank = arena_alloc(w->a, (nk + 1) * sizeof(*rank));
	selection_rank(c, nc, k, nk, s, ns, rank);
	html(w->out, "<h2 id=\"ranking\">%s</h2>", _("Candidates, best first"));
	if (!nk || !nc)
		html(w->out, "<p>%s</p>", !nc ? _("Add the criteria of the competency profile first.") : _("No candidates yet."));
	else {
		if (coach) {
			form_errors(w, form && !strcmp(form, "scores") ? e : NULL);
			html(w->out, "<form method=\"post\" action=\"/programmes/%lld/selection/scores\">", p.id);
			form_csrf(w);
			html(w->out, "<input type=\"hidden\" name=\"role\" value=\"%s\">", role);
		}
		html(w->out, "<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>", _("Rank"), _("Candidate"));
		for (size_t j = 0; j < nc; j++)
			html(w->out, "<th scope=\"col\">%s (%s)</th>", c[j].name, arena_printf(w->a, _("weight %d"), c[j].weight));
		html(w->out, "<th scope=\"col\">%s</th></tr></thead><tbody>", _("Weighted score"));
		for (size_t i = 0; i < nk; i++) {
			const struct selection_candidate *cand = rank[i].candidate;
			html(w->out, "<tr><td>%s</td><th scope=\"row\">%s (%s)</th>",
			     rank[i].rank ? arena_printf(w->a, "%d", rank[i].rank) : "—", cand->name, cand->employee_id);
			for (size_t j = 0; j < nc; j++) {
				int v = 0;
				for (size_t x = 0; x < ns; x++)
					if (s[x].candidate_id == cand->id && s[x].criterion_id == c[j].id)
						v = s[x].score;
				if (!coach) {
					html(w->out, "<td>%s</td>", v ? arena_printf(w->a, "%d", v) : "—");
					continue;
				}
				const char *id = arena_printf(w->a, "s-%lld-%lld", cand->id, c[j].id);
				html(w->out, "<td><label class=\"visually-hidden\" for=\"%s\">%s</label><select id=\"%s\" name=\"%s\">"
					"<option value=\"\">—</option>",
				     id, arena_printf(w->a, _("Score of %s on %s"), cand->name, c[j].name), id, id);
				for (int o = 1; o <= 5; o++)
					html(w->out, v == o ? "<option selected>%d</option>" : "<option>%d</option>", o);
				html(w->out, "</select></td>");
			}
			html(w->out, "<td>%s</td></tr>",
			     rank[i].scored ? arena_printf(w->a, _("%s (%d of %zu scored)"), decimal(w, rank[i].score), rank[i].scored, nc)
					    : _("not scored"));
		}
		html(w->out, "</tbody></table>\n");
		if (coach)
			html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Save scores"));
	}

	html(w->out, "<h2 id=\"profile\">%s</h2>", _("Competency profile"));
	if (nc) {
		html(w->out, "<ul>");
		for (size_t j = 0; j < nc; j++)
			html(w->out, "<li>%s — %s</li>", c[j].name, arena_printf(w->a, _("weight %d"), c[j].weight));
		html(w->out, "</ul>");
	}
	if (coach) {
		const struct errors *ce = form && !strcmp(form, "criterion") ? e : NULL;
		form_errors(w, ce);
		html(w->out, "<form method=\"post\" action=\"/programmes/%lld/selection/criteria\">", p.id);
		form_csrf(w);
		html(w->out, "<input type=\"hidden\" name=\"role\" value=\"%s\">", role);
		form_input(w, "criterion", _("Criterion"), "text", ce ? web_field(w, "criterion") : "", ce, NULL);
		form_input(w, "weight", _("Weight (1 to 10)"), "number", ce ? web_field(w, "weight") : "1", ce, NULL);
		html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Add criterion"));

		const struct errors *ke = form && !strcmp(form, "candidate") ? e : NULL;
		html(w->out, "<h2 id=\"candidates\">%s</h2>", _("Add a candidate"));
		form_errors(w, ke);
		html(w->out, "<form method=\"post\" action=\"/programmes/%lld/selection/candidates\">", p.id);
		form_csrf(w);
		html(w->out, "<input type=\"hidden\" name=\"role\" value=\"%s\">", role);
		form_input(w, "employee_id", _("Employee number"), "text", ke ? web_field(w, "employee_id") : "", ke, NULL);
		html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Add candidate"));
	}
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
	int d = selection_criterion_add(&w->ctx, w->id[0], role_of(w), web_field(w, "criterion"), web_field(w, "weight"), &e);
	after(w, d, "criterion", &e);
}

void page_selection_candidate(struct web *w)
{
	struct errors e = { 0 };
	int d = selection_candidate_add(&w->ctx, w->id[0], role_of(w), web_field(w, "employee_id"), &e);
	after(w, d, "candidate", &e);
}

void page_selection_scores(struct web *w)
{
	long long org = w->who.organisation_id;
	const char *role = role_of(w);
	struct selection_criterion *c;
	struct selection_candidate *k;
	size_t nc, nk;
	struct errors e = { 0 };
	int d = D_OK;
	struct programme p;
	int r = store_programme_get(w->st, w->a, org, w->id[0], &p);
	if (r) {
		after(w, r == ST_NOTFOUND ? D_NOTFOUND : D_ERROR, "scores", &e);
		return;
	}
	if (store_criterion_list(w->st, w->a, org, w->id[0], role, &c, &nc) ||
	    store_candidate_list(w->st, w->a, org, w->id[0], role, &k, &nk) || store_begin(w->st)) {
		after(w, D_ERROR, "scores", &e);
		return;
	}
	for (size_t i = 0; i < nk && d == D_OK; i++)
		for (size_t j = 0; j < nc && d == D_OK; j++)
			d = selection_score(&w->ctx, w->id[0], k[i].id, c[j].id,
					    web_field(w, arena_printf(w->a, "s-%lld-%lld", k[i].id, c[j].id)), &e);
	if (d != D_OK)
		store_rollback(w->st);
	else if (store_commit(w->st))
		d = D_ERROR;
	after(w, d, "scores", &e);
}
