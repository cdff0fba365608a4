/* two_wave.c — two-wave studies (domain/two_wave.h): GET /studies (the
 * list and the form of a new study), POST /studies, GET /studies/{id}
 * (the design, the respondents under their pseudonyms, the analysis with a
 * sentence in plain words above the table), and the API twin GET
 * /api/v1/studies/{id}/analysis. For the researcher and the coordinator
 * (ROLES_SURVEY); a study of another organisation is not found. */
#include "web.h"
#include "domain/reading.h"
#include "domain/schedule.h"
#include "domain/export_audit.h"
#include "domain/two_wave.h"
#include "formats/table.h"
#include "html/html.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *arm_name(enum study_arm a)
{
	return a == ARM_INTERVENTION ? _("Intervention group") : _("Comparison group");
}

static const char *p_text(struct web *w, double p)
{
	if (isnan(p))
		return "—";
	if (p < 0.001)
		return arena_printf(w->a, "< %s", web_number(w, 0.001, 3));
	return web_number(w, p, 3);
}

static const char *signed_num(struct web *w, double v)
{
	const char *s = web_number(w, v, 2);
	return !isnan(v) && v > 0 ? arena_printf(w->a, "+%s", s) : s;
}

/* ---- the form ---- */

static void people_fields(struct web *w, const char *arm, const char *label, const struct person_pick *pp,
			  const struct population_choices *pc, const struct errors *e)
{
	const char *err = e ? errors_get(e, arm) : NULL;
	html(w->out, "<fieldset id=\"f-%s\"><legend>%s</legend>", arm, label);
	if (err)
		html(w->out, "<p class=\"field-error\" id=\"e-%s\">%s</p>", arm, err);
	if (pp) {
		const char *name = arena_printf(w->a, "%s_ids", arm);
		long long *ids = NULL;
		size_t n = 0;
		if (e && !web_field_ids(w, name, &ids, &n))
			n = 0;
		struct person_pick_field f = { name, _("People from the list"),
					       _("Choose one or more (Ctrl or Shift with the mouse, or the arrow keys)."), NULL, ids,
					       person_pick_names(w, ids, n), n, NULL, NULL };
		person_pick_select(w, pp, &f, e);
	}
	const char *nums = arena_printf(w->a, "%s_numbers", arm);
	form_textarea(w, nums, _("Employee numbers"), e ? web_field(w, nums) : "", e,
		      _("One per line, or separated by commas."));
	const char *unit = arena_printf(w->a, "%s_unit", arm);
	const char *cur = e ? web_field(w, unit) : "";
	html(w->out, "<p class=\"field\"><label for=\"f-%s\">%s</label><select id=\"f-%s\" name=\"%s\"><option value=\"\">%s</option>",
	     unit, _("Everyone working in a unit (units below included)"), unit, unit, _("(none)"));
	for (size_t i = 0; i < pc->nunits; i++) {
		const char *v = strchr(pc->units[i].value, ':');
		v = v ? v + 1 : pc->units[i].value;
		html(w->out, "<option value=\"%s\"%s>%s</option>", v, !strcmp(cur, v) ? " selected" : "", pc->units[i].name);
	}
	html(w->out, "</select></p></fieldset>\n");
}

static void study_form(struct web *w, const struct errors *e)
{
	struct instrument *in;
	size_t nin;
	struct population_choices pc;
	if (instrument_list(&w->ctx, &in, &nin) || wave_populations(&w->ctx, &pc))
		return;
	html(w->out, "<h2 id=\"new\">%s</h2>", _("Start a two-wave study"));
	html(w->out, "<p>%s</p>",
	     _("A study measures the same people twice with the same questionnaire, 9 to 10 months apart (\"na 9 à 10 maanden\", as the Leiden Leadership Centre's design says), with an intervention between the two measurements for part of them. The source says \"a part of the team leaders\"; it does not say how they are chosen or prescribe a comparison group: how you assign people is yours to decide, and leergang records what you write about it."));
	if (!nin) {
		html(w->out, "<p>%s</p>", _("Add a questionnaire first."));
		return;
	}
	bool pickers = actor_has(&w->who, ROLES_PEOPLE_READ);
	struct person_pick pp;
	if (pickers && !person_pick_find(w, &pp))
		return;
	if (pickers)
		person_pick_search_form(w, "/studies#new", &pp, NULL);
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/studies\">");
	form_csrf(w);
	form_input(w, "name", _("Name of the study"), "text", e ? web_field(w, "name") : "", e, NULL);
	const char *cur = e ? web_field(w, "instrument_id") : "";
	html(w->out, "<p class=\"field\"><label for=\"f-instrument_id\">%s</label><select id=\"f-instrument_id\" name=\"instrument_id\">",
	     _("Questionnaire"));
	for (size_t i = 0; i < nin; i++) {
		const char *v = arena_printf(w->a, "%lld", in[i].id);
		html(w->out, "<option value=\"%s\"%s>%s</option>", v, !strcmp(cur, v) ? " selected" : "", in[i].name);
	}
	html(w->out, "</select></p>");
	people_fields(w, "intervention", _("Intervention group"), pickers ? &pp : NULL, &pc, e);
	people_fields(w, "comparison", _("Comparison group"), pickers ? &pp : NULL, &pc, e);
	form_textarea(w, "assignment", _("How the people were assigned to the groups"), e ? web_field(w, "assignment") : "", e,
		      _("For example: by lot, by choice of the department, the teams that applied. The source does not prescribe it."));
	form_input(w, "wave1_opens", _("Measurement 1 opens on"), "date", e ? web_field(w, "wave1_opens") : web_today(w), e, NULL);
	form_input(w, "wave1_closes", _("Measurement 1 closes on"), "date", e ? web_field(w, "wave1_closes") : "", e, NULL);
	form_input(w, "wave2_opens", _("Measurement 2 opens on (9 to 10 months after measurement 1)"), "date",
		   e ? web_field(w, "wave2_opens") : "", e, NULL);
	form_input(w, "wave2_closes", _("Measurement 2 closes on"), "date", e ? web_field(w, "wave2_closes") : "", e, NULL);
	bool over = e && *web_field(w, "override");
	html(w->out, "<p><input type=\"checkbox\" id=\"f-override\" name=\"override\" value=\"1\"%s> "
		"<label for=\"f-override\" class=\"inline\">%s</label></p>", over ? " checked" : "",
	     _("Other than 9–10 months between the measurements (recorded with the study)"));
	form_textarea(w, "override_reason", _("Why other than 9–10 months"), e ? web_field(w, "override_reason") : "", e, NULL);
	form_textarea(w, "intervention", _("The intervention between the measurements"), e ? web_field(w, "intervention") : "", e,
		      _("What happens to the intervention group; it may still be agreed with the partners (the source: \"het design van deze interventie wordt nog afgestemd\")."));
	form_input(w, "intervention_from", _("Intervention from (optional)"), "date", e ? web_field(w, "intervention_from") : "", e, NULL);
	form_input(w, "intervention_to", _("Intervention until (optional)"), "date", e ? web_field(w, "intervention_to") : "", e, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Start the study"));
}

static void studies_page(struct web *w, const struct errors *e, int status)
{
	struct study *s;
	size_t n;
	if (two_wave_list(&w->ctx, &s, &n)) {
		web_error(w, 500, _("The studies could not be read. Try again later."));
		return;
	}
	page_begin(w, _("Two-wave studies"));
	html(w->out, "<p><a href=\"/questionnaires\">%s</a></p>", _("Questionnaires"));
	if (!n)
		html(w->out, "<p>%s</p>", _("No studies yet."));
	else {
		html(w->out, "<table><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			"<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		     _("Two-wave studies"), _("Name"), _("Questionnaire"), _("Measurement 1"), _("Measurement 2"), _("People"));
		for (size_t i = 0; i < n; i++)
			html(w->out, "<tr><td><a href=\"/studies/%lld\">%s</a></td><td>%s</td><td>%s</td><td>%s</td><td>%lld + %lld</td></tr>",
			     s[i].id, s[i].name, s[i].instrument_name, date_label(w->a, s[i].wave1_opens),
			     date_label(w->a, s[i].wave2_opens), s[i].nintervention, s[i].ncomparison);
		html(w->out, "</tbody></table>\n");
	}
	study_form(w, e);
	page_end(w);
	if (status != 200)
		w->r->status = status;
}

void page_studies(struct web *w)
{
	studies_page(w, NULL, 200);
}

static void posted_people(struct web *w, const char *arm, struct study_people *p, struct errors *e)
{
	long long *ids = NULL;
	size_t n = 0;
	if (!web_field_ids(w, arena_printf(w->a, "%s_ids", arm), &ids, &n))
		errors_add(&w->ctx, e, arm, "%s", _("Choose a person of your organisation from the list."));
	p->ids = ids;
	p->n = n;
	p->numbers = web_field(w, arena_printf(w->a, "%s_numbers", arm));
	const char *unit = web_field(w, arena_printf(w->a, "%s_unit", arm));
	p->unit = *unit ? web_value_id(unit) : 0;
	if (p->unit < 0)
		errors_add(&w->ctx, e, arm, "%s", _("Choose a unit from the list."));
}

void page_study_create(struct web *w)
{
	struct errors e = { 0 };
	struct study_new s = {
		.name = web_field(w, "name"),
		.instrument_id = web_field_id(w, "instrument_id"),
		.assignment = web_field(w, "assignment"),
		.wave1_opens = web_field(w, "wave1_opens"),
		.wave1_closes = web_field(w, "wave1_closes"),
		.wave2_opens = web_field(w, "wave2_opens"),
		.wave2_closes = web_field(w, "wave2_closes"),
		.override_interval = *web_field(w, "override") != '\0',
		.override_reason = web_field(w, "override_reason"),
		.intervention_text = web_field(w, "intervention"),
		.intervention_from = web_field(w, "intervention_from"),
		.intervention_to = web_field(w, "intervention_to"),
	};
	posted_people(w, "intervention", &s.arm[ARM_INTERVENTION], &e);
	posted_people(w, "comparison", &s.arm[ARM_COMPARISON], &e);
	long long id = 0;
	int d = e.n ? D_INVALID : two_wave_create(&w->ctx, &s, (long long)time(NULL), &e, &id);
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/studies/%lld?done=study-created", id));
	else if (d == D_INVALID)
		studies_page(w, &e, 422);
	else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

/* ---- one study ---- */

static bool study_of_path(struct web *w, struct study *s)
{
	int d = two_wave_get(&w->ctx, w->id[0], s);
	if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d)
		web_error(w, 500, _("The study could not be read. Try again later."));
	return d == D_OK;
}

static void design_section(struct web *w, const struct study *s)
{
	html(w->out, "<dl class=\"facts\"><dt>%s</dt><dd>%s</dd>", _("Questionnaire"), s->instrument_name);
	html(w->out, "<dt>%s</dt><dd><a href=\"/waves/%lld\">%s – %s</a></dd>", _("Measurement 1"), s->wave1_id,
	     date_label(w->a, s->wave1_opens), date_label(w->a, s->wave1_closes));
	html(w->out, "<dt>%s</dt><dd><a href=\"/waves/%lld\">%s – %s</a></dd>", _("Measurement 2"), s->wave2_id,
	     date_label(w->a, s->wave2_opens), date_label(w->a, s->wave2_closes));
	if (s->interval_override)
		html(w->out, "<dt>%s</dt><dd>%s</dd>", _("Other than 9–10 months apart, because"), s->override_reason);
	html(w->out, "<dt>%s</dt><dd>%lld</dd><dt>%s</dt><dd>%lld</dd>", _("Intervention group"), s->nintervention,
	     _("Comparison group"), s->ncomparison);
	html(w->out, "<dt>%s</dt><dd>%s</dd>", _("How the people were assigned"),
	     *s->assignment ? s->assignment : _("Not recorded. The source does not prescribe how people are assigned."));
	html(w->out, "<dt>%s</dt><dd>%s", _("The intervention"), *s->intervention ? s->intervention : _("Not described yet."));
	if (*s->intervention_from || *s->intervention_to)
		html(w->out, " (%s – %s)", *s->intervention_from ? date_label(w->a, s->intervention_from) : "…",
		     *s->intervention_to ? date_label(w->a, s->intervention_to) : "…");
	html(w->out, "</dd></dl>\n");
}

static void respondents_section(struct web *w, const struct study *s)
{
	struct study_respondent *r;
	size_t n;
	if (two_wave_respondents(&w->ctx, s, &r, &n) || !n)
		return;
	html(w->out, "<h2 id=\"respondents\">%s</h2><p>%s</p>", _("Pairs under their pseudonyms"),
	     _("Each respondent keeps one pseudonym in both measurements, made with a key that stays in leergang; answers pair by it. Listed are those who answered both measurements; the others are only counted, since a pseudonym beside a missing answer could be traced back to a name. The names are not shown here or in any export of the study."));
	html(w->out, "<table><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	     _("Pairs under their pseudonyms"), _("Pseudonym"), _("Group"));
	for (size_t i = 0; i < n; i++)
		html(w->out, "<tr><td>%s</td><td>%s</td></tr>", r[i].pseudonym, arm_name(r[i].arm));
	html(w->out, "</tbody></table>\n");
}

static const char *size_word(enum reading_size s)
{
	return s == READING_LARGE ? _("large") : s == READING_MEDIUM ? _("medium") : s == READING_SMALL ? _("small") : _("negligible");
}

/* The sentence above the table: the change of both groups and what the
 * difference means, by the rules of domain/reading.h. */
static const char *plain(struct web *w, const struct two_wave_dim *d)
{
	const struct two_wave_numbers *t = &d->t;
	if (isnan(t->d.diff))
		return NULL;
	const char *chance = isnan(t->d.p) ? "" : t->d.p < 0.05 ? _(", probably not chance") : _(", may be chance");
	return arena_printf(w->a,
		_("On \"%s\" the intervention group changed by %s on average between the two measurements, the comparison group by %s. The intervention group's change differs from the comparison group's by %s: a %s difference%s."),
		d->name, signed_num(w, t->x.mean), signed_num(w, t->y.mean), signed_num(w, t->d.diff),
		size_word(reading_size_d(t->d.g)), chance);
}

static void change_row(struct web *w, const char *label, const struct stats_change *c)
{
	html(w->out, "<tr><th scope=\"row\">%s</th><td>%zu</td><td>%s</td><td>%s</td><td>%s – %s</td><td>t(%s) = %s, p %s%s</td><td>d<sub>z</sub> = %s</td></tr>",
	     label, c->n, signed_num(w, c->mean), web_number(w, c->sd, 2), web_number(w, c->lo, 2), web_number(w, c->hi, 2),
	     web_number(w, c->df, 0), web_number(w, c->t, 2), isnan(c->p) || c->p < 0.001 ? "" : "= ", p_text(w, c->p),
	     web_number(w, c->dz, 2));
}

static void analysis_section(struct web *w, const struct study *s)
{
	struct two_wave_analysis a;
	html(w->out, "<h2 id=\"analysis\">%s</h2>", _("Analysis"));
	if (two_wave_analyse(&w->ctx, s, &a)) {
		html(w->out, "<p>%s</p>", _("The analysis could not be made. Try again later."));
		return;
	}
	html(w->out, "<p>%s</p>",
	     arena_printf(w->a, _("People who answered both measurements: %zu of %zu in the intervention group, %zu of %zu in the comparison group. Only they count."),
			  a.pairs[ARM_INTERVENTION], a.members[ARM_INTERVENTION], a.pairs[ARM_COMPARISON],
			  a.members[ARM_COMPARISON]));
	if (!a.shown) {
		html(w->out, "<p class=\"note\" id=\"why-hidden\">%s</p>", a.why_hidden);
		return;
	}
	html(w->out, "<ul class=\"readings\">");
	for (size_t k = 0; k < a.ndims; k++) {
		const char *p = a.dims[k].shown ? plain(w, &a.dims[k]) : NULL;
		if (p)
			html(w->out, "<li>%s</li>", p);
	}
	html(w->out, "</ul><p><a href=\"/studies/%lld/data.csv\">%s</a></p>", s->id,
	     _("The data under pseudonyms (CSV): a row per person, their group and score per scale in each measurement"));
	html(w->out, "<p class=\"note\">%s</p>",
	     _("How these sentences are made: the size of the difference in change by Hedges' g, negligible below 0.2, small below 0.5, medium below 0.8 and large from 0.8; \"probably not chance\" when Welch's test gives p below 0.05. Change is measurement 2 minus measurement 1: positive is higher the second time."));
	for (size_t k = 0; k < a.ndims; k++) {
		const struct two_wave_dim *d = &a.dims[k];
		html(w->out, "<h3>%s</h3>", d->name);
		if (!d->shown) {
			html(w->out, "<p class=\"note\">%s</p>",
			     arena_printf(w->a, _("Not shown: a group has fewer than %d people with answers on this scale in both measurements."),
					  TWO_WAVE_MIN_PAIRS));
			continue;
		}
		html(w->out, "<table><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">n</th>"
			"<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			"<th scope=\"col\">%s</th></tr></thead><tbody>",
		     arena_printf(w->a, _("Change on \"%s\" per group"), d->name), _("Group"), _("Mean change"), _("SD"),
		     _("95% interval"), _("Paired t-test"), _("Effect size"));
		change_row(w, _("Intervention group"), &d->t.x);
		change_row(w, _("Comparison group"), &d->t.y);
		const struct stats_change_diff *x = &d->t.d;
		html(w->out, "<tr><th scope=\"row\">%s</th><td>%zu + %zu</td><td>%s</td><td>—</td><td>%s – %s</td><td>Welch t(%s) = %s, p %s%s</td><td>g = %s</td></tr>",
		     _("Difference in change"), x->nx, x->ny, signed_num(w, x->diff), web_number(w, x->lo, 2), web_number(w, x->hi, 2),
		     web_number(w, x->df, 1), web_number(w, x->t, 2), isnan(x->p) || x->p < 0.001 ? "" : "= ", p_text(w, x->p),
		     web_number(w, x->g, 2));
		html(w->out, "</tbody></table>\n");
	}
}

void page_study(struct web *w)
{
	struct study s;
	if (!study_of_path(w, &s))
		return;
	page_begin(w, s.name);
	const char *done = web_arg(w, "done");
	if (done && !strcmp(done, "study-created"))
		html(w->out, "<p class=\"done\" role=\"status\">%s</p>",
		     _("The study has been started with its two measurements; send the personal links of each measurement from its wave page."));
	html(w->out, "<p><a href=\"/studies\">%s</a> · <a href=\"/api/v1/studies/%lld/analysis\">%s</a></p>", _("Two-wave studies"),
	     s.id, _("The analysis as JSON"));
	design_section(w, &s);
	analysis_section(w, &s);
	respondents_section(w, &s);
	page_end(w);
}

/* GET /studies/{id}/data.csv: the pseudonymous data, when the analysis is shown */
/* The study's data, one row per person; on the API's route too, with its
 * refusals as JSON. */
void page_study_csv(struct web *w)
{
	struct study s;
	bool api = w->route && w->route->kind == ROUTE_API;
	if (api) {
		int d = two_wave_get(&w->ctx, w->id[0], &s);
		if (d) {
			api_answer(w, d == D_NOTFOUND ? D_NOTFOUND : D_ERROR, NULL, 0);
			return;
		}
	} else if (!study_of_path(w, &s)) {
		return;
	}
	struct data_table t;
	const char *why = NULL;
	if (two_wave_table(&w->ctx, &s, &t, &why)) {
		if (api)
			web_json_error(w, 500, _("The study could not be read. Try again later."));
		else
			web_error(w, 500, _("The study could not be read. Try again later."));
		return;
	}
	if (why) {
		if (api)
			web_json_error(w, 409, why);
		else
			web_error(w, 409, why);
		return;
	}
	buf_reset(w->out);
	table_csv(&t, w->out);
	export_record(&w->ctx, EXPORT_WAVE_DATA, "study", s.id, "csv", t.nrows);
	w->r->response_type = "text/csv; charset=utf-8";
	response_header(w->r, "Content-Disposition", arena_printf(w->a, "attachment; filename=\"onderzoek-%lld.csv\"", s.id));
}

void api_study_analysis(struct web *w)
{
	struct study s;
	struct two_wave_analysis a;
	int d = two_wave_get(&w->ctx, w->id[0], &s);
	if (d == D_NOTFOUND) {
		web_json_error(w, 404, _("There is no such study."));
		return;
	}
	if (d || two_wave_analyse(&w->ctx, &s, &a)) {
		web_json_error(w, 500, _("The study could not be read. Try again later."));
		return;
	}
	web_json(w, 200, two_wave_analysis_json(&s, &a));
}
