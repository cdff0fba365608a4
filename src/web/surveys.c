/* surveys.c — questionnaires for the coach and the researcher: the
 * instruments (built-in ones installed on first use), the waves with their
 * response accounting and item table, the personal links as CSV for a mail
 * merge or, when the server has a mail server, sent by e-mail; and the
 * page where a respondent answers through their link, with or without an
 * account, without JavaScript. */
#include "web.h"
#include "domain/audit.h"
#include "domain/schedule.h"
#include "domain/survey.h"
#include "domain/survey_compare.h"
#include "domain/wave_mail.h"
#include "formats/csv.h"
#include "html/chart.h"
#include "stats/three60.h"
#include "html/html.h"
#include "core/compiler.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static const char *today(struct web *w)
{
	char *d = arena_alloc(w->a, 11);
	date_today((long long)time(NULL), d);
	return d;
}

/* "3,14" as the Dutch write it (one decimal, as seed 000 §9.1 prints) */
static const char *num1(struct web *w, double v)
{
	return web_number(w, v, 1);
}

/* One optgroup of the population choices. */
static void choices(struct web *w, const char *label, const struct population_choice *c, size_t n, const char *pop)
{
	html(w->out, "<optgroup label=\"%s\">", label);
	for (size_t i = 0; i < n; i++)
		html(w->out, "<option value=\"%s\"%s>%s</option>", c[i].value, !strcmp(pop, c[i].value) ? " selected" : "",
		     c[i].name);
	html(w->out, "</optgroup>");
}

static void wave_form(struct web *w, const struct errors *e)
{
	struct instrument *in;
	size_t nin;
	struct population_choices pc;
	if (instrument_list(&w->ctx, &in, &nin) || wave_populations(&w->ctx, &pc))
		return;
	html(w->out, "<h2 id=\"new-wave\">%s</h2>", _("Start a wave"));
	if (!nin) {
		html(w->out, "<p>%s</p>", _("Add a questionnaire first."));
		return;
	}
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/waves\">");
	form_csrf(w);
	const char *cur = e ? web_field(w, "instrument_id") : "";
	html(w->out, "<p class=\"field\"><label for=\"f-instrument_id\">%s</label><select id=\"f-instrument_id\" name=\"instrument_id\">",
	     _("Questionnaire"));
	for (size_t i = 0; i < nin; i++) {
		const char *v = arena_printf(w->a, "%lld", in[i].id);
		html(w->out, "<option value=\"%s\"%s>%s</option>", v, !strcmp(cur, v) ? " selected" : "", in[i].name);
	}
	html(w->out, "</select></p>");
	form_input(w, "name", _("Name of the wave"), "text", e ? web_field(w, "name") : "", e, NULL);
	const char *pop = e ? web_field(w, "population") : "";
	const char *perr = e ? errors_get(e, "population") : NULL;
	html(w->out, "<p class=\"field%s\"><label for=\"f-population\">%s</label>", perr ? " invalid" : "", _("Send to"));
	if (perr)
		html(w->out, "<span class=\"field-error\" id=\"e-population\">%s</span>", perr);
	html(w->out, perr ? "<select id=\"f-population\" name=\"population\" aria-invalid=\"true\" aria-describedby=\"e-population\">"
			  : "<select id=\"f-population\" name=\"population\">");
	html(w->out, "<option value=\"\">%s</option>", _("(choose)"));
	choices(w, _("Programmes: every group"), pc.programmes, pc.nprogrammes, pop);
	choices(w, _("Batches: every group"), pc.batches, pc.nbatches, pop);
	choices(w, _("Groups"), pc.groups, pc.ngroups, pop);
	choices(w, _("Units: everyone working there, units below included"), pc.units, pc.nunits, pop);
	html(w->out, "</select></p>");
	form_input(w, "opens_on", _("Opens on"), "date", e ? web_field(w, "opens_on") : today(w), e, NULL);
	form_input(w, "closes_on", _("Closes on"), "date", e ? web_field(w, "closes_on") : "", e, NULL);
	bool anon = e ? *web_field(w, "anonymous") != '\0' : true;
	html(w->out, "<p><input type=\"checkbox\" id=\"f-anonymous\" name=\"anonymous\" value=\"1\"%s> "
		"<label for=\"f-anonymous\" class=\"inline\">%s</label></p>", anon ? " checked" : "",
	     _("Anonymous: responses keep no link to the person, not even in the database"));
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Start the wave"));
}

/* The 360° form's own ids for the fields that the wave form on the same
 * page has too (an id is once on a page, or a label names the wrong field):
 * "name" is the field f-name360. Its errors are filed under the id's name
 * (ids_360), so that the error summary links to them. */
static const char *const ids_360[][2] = {
	{ "instrument_id", "instrument360" }, { "name", "name360" }, { "opens_on", "opens_on360" }, { "closes_on", "closes_on360" },
};

static void ids_360_errors(struct errors *e)
{
	for (size_t i = 0; i < e->n; i++)
		for (size_t k = 0; k < ARRAY_SIZE(ids_360); k++)
			if (!strcmp(e->items[i].field, ids_360[k][0]))
				e->items[i].field = ids_360[k][1];
}

/* form_input with the id of ids_360 */
static void input_360(struct web *w, const char *name, const char *id, const char *label, const char *type,
		      const char *value, const struct errors *e)
{
	const char *err = e ? errors_get(e, id) : NULL;
	html(w->out, "<p class=\"field%s\"><label for=\"f-%s\">%s</label>", err ? " invalid" : "", id, label);
	if (err)
		html(w->out, "<span class=\"field-error\" id=\"e-%s\">%s</span>", id, err);
	html(w->out, "<input id=\"f-%s\" name=\"%s\" type=\"%s\" value=\"%s\" autocomplete=\"off\"", id, name, type, value);
	if (err)
		html(w->out, " aria-invalid=\"true\" aria-describedby=\"e-%s\"", id);
	html(w->out, "></p>\n");
}

static void form_360(struct web *w, const struct errors *e)
{
	struct instrument *in;
	size_t nin;
	if (instrument_list(&w->ctx, &in, &nin) || !nin)
		return;
	html(w->out, "<h2 id=\"new-360\">%s</h2><p>%s</p>", _("Start a 360° feedback round"),
	     _("The person asking for feedback rates themself; the raters are invited by category. Their own manager is shown apart, never anonymously; every other category only from 3 raters, otherwise merged into \"others\", which is shown from 3."));
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/waves/360\">");
	form_csrf(w);
	html(w->out, "<input type=\"hidden\" name=\"form\" value=\"360\">");
	const char *cur = e ? web_field(w, "instrument_id") : "";
	html(w->out, "<p class=\"field\"><label for=\"f-instrument360\">%s</label><select id=\"f-instrument360\" name=\"instrument_id\">",
	     _("Questionnaire"));
	for (size_t i = 0; i < nin; i++) {
		const char *v = arena_printf(w->a, "%lld", in[i].id);
		bool pick = e ? !strcmp(cur, v) : !strcmp(in[i].key, "leadership-scan-360");
		html(w->out, "<option value=\"%s\"%s>%s</option>", v, pick ? " selected" : "", in[i].name);
	}
	html(w->out, "</select></p>");
	input_360(w, "name", "name360", _("Name of the wave"), "text", e ? web_field(w, "name") : "", e);
	form_input(w, "subject", _("Employee number of the person asking for feedback"), "text",
		   e ? web_field(w, "subject") : "", e, NULL);
	form_textarea(w, "raters", _("Raters, one per line: employee number (or e-mail address) and category"), e ? web_field(w, "raters") : "", e,
		      _("Categories: manager, peer, staff, other. For example: P0012 manager. A rater from outside the organisation by e-mail address, for example: j.jansen@example.nl other"));
	input_360(w, "opens_on", "opens_on360", _("Opens on"), "date", e ? web_field(w, "opens_on") : today(w), e);
	input_360(w, "closes_on", "closes_on360", _("Closes on"), "date", e ? web_field(w, "closes_on") : "", e);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Start the 360° feedback round"));
}

static void surveys_page(struct web *w, const struct errors *e, int status)
{
	struct instrument *in;
	struct wave *wv;
	size_t nin, nw;
	if (instrument_list(&w->ctx, &in, &nin) || wave_list(&w->ctx, &wv, &nw)) {
		web_error(w, 500, _("The questionnaires could not be read. Try again later."));
		return;
	}
	page_begin(w, _("Questionnaires"));
	page_done_message(w);
	html(w->out, "<h2>%s</h2>", _("Waves"));
	if (!nw)
		html(w->out, "<p>%s</p>", _("No waves yet."));
	else {
		html(w->out, "<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			"<th scope=\"col\">%s</th></tr></thead><tbody>", _("Wave"), _("Questionnaire"), _("Open"), _("Responded"));
		for (size_t i = 0; i < nw; i++)
			html(w->out, "<tr><td><a href=\"/waves/%lld\">%s</a></td><td>%s</td><td>%s – %s</td><td>%s</td></tr>",
			     wv[i].id, wv[i].name, wv[i].instrument_name, date_label(w->a, wv[i].opens_on),
			     date_label(w->a, wv[i].closes_on),
			     arena_printf(w->a, _("%lld of %lld"), wv[i].responded, wv[i].invited));
		html(w->out, "</tbody></table>\n");
	}
	wave_form(w, e && !strcmp(web_field(w, "form"), "360") ? NULL : e);
	form_360(w, e && !strcmp(web_field(w, "form"), "360") ? e : NULL);
	html(w->out, "<h2>%s</h2>", _("Questionnaires"));
	if (nin) {
		html(w->out, "<ul>");
		for (size_t i = 0; i < nin; i++)
			html(w->out, "<li><a href=\"/instruments/%lld\">%s</a> <span class=\"muted\">(%s)</span></li>", in[i].id,
			     in[i].name, arena_printf(w->a, _("version %d"), in[i].versions));
		html(w->out, "</ul>");
	}
	const struct builtin_instrument_info *b;
	size_t nb = survey_builtins(&b);
	for (size_t k = 0; k < nb; k++) {
		bool have = false;
		for (size_t i = 0; i < nin; i++)
			have |= !strcmp(in[i].key, b[k].key);
		if (have)
			continue;
		html(w->out, "<form method=\"post\" action=\"/instruments\">");
		form_csrf(w);
		html(w->out, "<input type=\"hidden\" name=\"key\" value=\"%s\"><p>%s <span class=\"muted\">%s</span> "
			"<button type=\"submit\" class=\"secondary\">%s</button></p></form>", b[k].key, b[k].name, b[k].source,
		     _("Add to the organisation"));
	}
	html(w->out, "<p><a href=\"/instruments/import\">%s</a></p>\n", _("Import a LimeSurvey questionnaire"));
	page_end(w);
	w->r->status = status;
}

void page_surveys(struct web *w)
{
	surveys_page(w, NULL, 200);
}

void page_instrument_install(struct web *w)
{
	long long id;
	int d = instrument_install(&w->ctx, web_field(w, "key"), (long long)time(NULL), &id);
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/instruments/%lld?done=instrument-added", id));
	else if (d == D_NOTFOUND)
		web_error(w, 422, _("There is no built-in questionnaire with that name."));
	else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

void page_wave_create(struct web *w)
{
	struct errors e = { 0 };
	const char *pop = web_field(w, "population");
	const char *colon = strchr(pop, ':');
	struct wave_new n = {
		.instrument_id = web_field_id(w, "instrument_id"),
		.name = web_field(w, "name"),
		.population = colon ? arena_strndup(w->a, pop, (size_t)(colon - pop)) : "",
		.population_id = colon ? web_value_id(colon + 1) : 0,
		.opens_on = web_field(w, "opens_on"),
		.closes_on = web_field(w, "closes_on"),
		.anonymous = *web_field(w, "anonymous") != '\0',
	};
	long long id;
	int d = wave_create(&w->ctx, &n, (long long)time(NULL), &e, &id);
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/waves/%lld?done=wave-created", id));
	else if (d == D_INVALID)
		surveys_page(w, &e, 422);
	else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

void page_wave360_create(struct web *w)
{
	struct errors e = { 0 };
	struct rater *raters;
	size_t n;
	long long id = 0;
	int d = raters_parse(&w->ctx, web_field(w, "raters"), &raters, &n, &e);
	if (!d)
		d = wave_create_360(&w->ctx, web_field_id(w, "instrument_id"), web_field(w, "name"),
				    person_by_employee_id(&w->ctx, web_field(w, "subject")), raters, n,
				    web_field(w, "opens_on"), web_field(w, "closes_on"), (long long)time(NULL), &e, &id);
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/waves/%lld?done=wave-created", id));
	else if (d == D_INVALID) {
		ids_360_errors(&e);
		surveys_page(w, &e, 422);
	} else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

static bool open_wave(struct web *w, struct wave *wv, struct instrument_version *v)
{
	int d = wave_open(&w->ctx, w->id[0], wv, v);
	if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d)
		web_error(w, 500, _("The questionnaires could not be read. Try again later."));
	return d == D_OK;
}

/* The means per group, the small groups hidden (wave_breakdown). */
static void breakdown_section(struct web *w, const struct wave *wv, const struct instrument_version *v)
{
	struct wave_breakdown b;
	if (wave_breakdown(&w->ctx, wv, v, &b) || !b.shown || b.nrows < 2)
		return;
	html(w->out, "<h2 id=\"per-group\">%s</h2>", _("Per group"));
	if (b.why_not) {
		html(w->out, "<p class=\"note\">%s</p>", b.why_not);
		return;
	}
	if (b.hidden)
		html(w->out, "<p class=\"note\">%s</p>",
		     arena_printf(w->a, _("Groups with fewer than %d responses are hidden, and where needed more, so that neither the total nor another breakdown gives them away."),
				  SURVEY_MIN_RESPONSES));
	html(w->out, "<table class=\"breakdown\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">N</th>", _("Group"));
	size_t cols = 1;   /* N and a column per scale question: what "hidden" spans */
	for (size_t j = 0; j < v->nitems; j++)
		if (!strcmp(v->items[j].kind, "likert") || !strcmp(v->items[j].kind, "bipolar")) {
			html(w->out, "<th scope=\"col\">%s</th>", v->items[j].code);
			cols++;
		}
	html(w->out, "</tr></thead><tbody>");
	for (size_t k = 0; k < b.nrows; k++) {
		const struct breakdown_row *g = &b.rows[k];
		html(w->out, "<tr><th scope=\"row\">%s</th>", g->name);
		if (!g->shown) {
			html(w->out, "<td colspan=\"%zu\">%s: %s</td></tr>", cols, _("hidden"), g->why_hidden);
			continue;
		}
		html(w->out, "<td>%lld</td>", g->n);
		for (size_t j = 0; j < v->nitems; j++)
			if (!strcmp(v->items[j].kind, "likert") || !strcmp(v->items[j].kind, "bipolar"))
				html(w->out, "<td>%s</td>", num1(w, g->means[j]));
		html(w->out, "</tr>");
	}
	html(w->out, "</tbody></table>\n");
}

/* Self, the own manager and the others together per dimension, as a
 * radar; what the table does not show is not drawn either. */
static void radar(struct web *w, const struct wave *wv, const struct instrument_version *v, const struct s360_cell *x,
		  size_t n)
{
	if (n < 3 || !v->nitems || !v->items[0].noptions)
		return;
	const char **dims = arena_alloc(w->a, (n + 1) * sizeof(*dims));
	struct chart_cell *self = arena_alloc(w->a, (n + 1) * sizeof(*self)), *boss = arena_alloc(w->a, (n + 1) * sizeof(*boss)),
			  *others = arena_alloc(w->a, (n + 1) * sizeof(*others));
	bool any_boss = false;
	for (size_t i = 0; i < n; i++) {
		dims[i] = x[i].dimension;
		self[i] = (struct chart_cell){ x[i].self, NAN, x[i].self_n, false };
		boss[i] = (struct chart_cell){ NAN, NAN, 0, false };
		for (size_t k = 0; k < x[i].ncats; k++)
			if (!strcmp(x[i].cats[k].role, "manager")) {
				boss[i] = (struct chart_cell){ x[i].cats[k].mean, NAN, x[i].cats[k].n, x[i].cats[k].suppressed != 0 };
				any_boss = true;
			}
		others[i] = (struct chart_cell){ x[i].others_mean, NAN, x[i].others_n, x[i].suppressed != 0 };
	}
	struct chart_series series[3];
	size_t ns = 0;
	series[ns++] = (struct chart_series){ _("Self"), self };
	if (any_boss)
		series[ns++] = (struct chart_series){ rater_role_label("manager"), boss };
	series[ns++] = (struct chart_series){ _("Others together"), others };
	int min = v->items[0].options[0].value, max = v->items[0].options[v->items[0].noptions - 1].value;
	chart_radar(w->out, w->a, _("Self and others per dimension"), dims, n, series, ns, min, max,
		    _("The others together are not shown where that would give away the scores of fewer than 3 raters."),
		    arena_printf(w->a, "radar-%lld", wv->id));
}

/* The 360° report: per dimension self, the manager, the categories shown,
 * the others together and the gap; once the round has closed. */
void wave_report_360(struct web *w, const struct wave *wv, const struct instrument_version *v, bool nested)
{
	if (nested)
		html(w->out, "<h3 id=\"report-360-%lld\">%s</h3>", wv->id, _("Self and others per dimension"));
	else
		html(w->out, "<h2 id=\"report-360\">%s</h2>", _("Self and others per dimension"));
	if (wave_phase_now(&w->ctx, wv) != WAVE_CLOSED) {
		html(w->out, "<p class=\"note\">%s</p>",
		     arena_printf(w->a, _("The report is shown once the round has closed, after %s: while it is open, comparing it before and after someone answered would show that person's scores."),
				  date_label(w->a, wv->closes_on)));
		return;
	}
	struct s360_cell *cells;
	size_t n;
	if (wave_360(&w->ctx, wv, v, &cells, &n)) {
		web_error(w, 500, _("The questionnaires could not be read. Try again later."));
		return;
	}
	if (!n) {
		html(w->out, "<p>%s</p>", _("No answers."));
		return;
	}
	html(w->out, "<p class=\"note\">%s</p>",
	     _("The own manager is shown apart: that rating is never anonymous. Every other category is shown from 3 raters; smaller ones are merged into \"others (merged)\", shown from 3. The others together and the gap are left out when they would give away the scores of fewer than 3 raters."));
	html(w->out, "<table class=\"three60\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		"<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	     _("Dimension"), _("Self"), _("Categories (raters)"), _("Others together (raters)"), _("Gap self − others"));
	for (size_t i = 0; i < n; i++) {
		const struct s360_cell *x = &cells[i];
		html(w->out, "<tr><th scope=\"row\">%s</th><td>%s</td><td>", x->dimension, num1(w, x->self));
		for (size_t k = 0; k < x->ncats; k++) {
			if (k)
				html(w->out, "<br>");
			html(w->out, "%s: %s (%zu)", rater_role_label(x->cats[k].role),
			     x->cats[k].suppressed ? _("not shown") : num1(w, x->cats[k].mean), x->cats[k].n);
		}
		html(w->out, "</td><td>%s (%zu)</td><td>%s</td></tr>", x->suppressed ? _("not shown") : num1(w, x->others_mean),
		     x->others_n, x->suppressed ? "—" : num1(w, x->gap));
	}
	html(w->out, "</tbody></table>\n");
	radar(w, wv, v, cells, n);
}

/* The scale scores of a questionnaire with scales (dimensions): mean and
 * SD of each, as a chart with its table. */
static void scale_means(struct web *w, const struct wave *wv, const struct instrument_version *v)
{
	struct dimension *dims;
	size_t nd = survey_dimensions(w->a, v, &dims);
	struct scores sc;
	if (!nd || !dims[0].scale || wave_scores(&w->ctx, wv, v, dims, nd, &sc))
		return;
	const char **labels = arena_alloc(w->a, (nd + 1) * sizeof(*labels));
	struct chart_cell *cells = arena_alloc(w->a, (nd + 1) * sizeof(*cells));
	double *x = arena_alloc(w->a, (sc.n + 1) * sizeof(*x));
	for (size_t d = 0; d < nd; d++) {
		for (size_t r = 0; r < sc.n; r++)
			x[r] = sc.x[r * nd + d];
		struct stats_desc desc;
		stats_describe(x, sc.n, &desc);
		labels[d] = dims[d].name;
		cells[d] = (struct chart_cell){ desc.mean, desc.sd, desc.n, false };
	}
	chart_means(w->out, w->a, _("Scale scores: mean with SD"), _("Dimension"), labels, nd,
		    (struct chart_series[]){ { wv->name, cells } }, 1, dims[0].min, dims[0].max, NULL,
		    arena_printf(w->a, "scales-%lld", wv->id));
}

/* The response week by week, from the week it opens to the week it closes
 * (a response keeps only its week), once results may be shown. */
static void timeline(struct web *w, const struct wave *wv)
{
	struct wave_timeline t;
	if (wave_timeline(&w->ctx, wv, &t) || !t.shown)
		return;
	char first[11], last[11], now[11], day[11];
	date_monday(wv->opens_on, first);
	date_monday(wv->closes_on, last);
	date_monday(today(w), now);
	size_t cap = 1;
	for (snprintf(day, sizeof(day), "%s", first); strcmp(day, last) < 0 && cap < 60; date_add_days(day, 7, day))
		cap++;
	struct chart_period *p = arena_alloc(w->a, (cap + 1) * sizeof(*p));
	size_t n = 0;
	snprintf(day, sizeof(day), "%s", first);
	for (size_t i = 0; i < cap; i++, date_add_days(day, 7, day)) {
		size_t count = 0;
		for (size_t k = 0; k < t.nweeks; k++)
			if (!strcmp(t.weeks[k].week, day))
				count = (size_t)t.weeks[k].n;
		p[n++] = (struct chart_period){ arena_printf(w->a, _("week of %s"), date_label(w->a, day)), count,
						strcmp(day, now) > 0 };
	}
	chart_timeline(w->out, w->a, _("Response over time"), p, n, CHART_WEEKS, (size_t)t.invited,
		       date_label(w->a, wv->opens_on), date_label(w->a, wv->closes_on),
		       arena_printf(w->a, "timeline-%lld", wv->id));
}

/* What a round of e-mail did, shown after the redirect of page_wave_send
 * and page_wave_reminders: numbers only, taken from the query. */
static void mail_result(struct web *w)
{
	const char *kind = web_arg(w, "mailed");
	if (!kind || (strcmp(kind, "invitations") && strcmp(kind, "reminders")))
		return;
	bool reminders = !strcmp(kind, "reminders");
	long long sent = web_arg_int(w, "sent", 0), failed = web_arg_int(w, "failed", 0),
		  none = web_arg_int(w, "noaddress", 0);
	if (!sent && !failed && !none) {
		html(w->out, "<p class=\"done\" role=\"status\">%s</p>\n", _("There was nobody to send to."));
		return;
	}
	html(w->out, failed ? "<div class=\"error\" role=\"alert\">" : "<div class=\"done\" role=\"status\">");
	html(w->out, "<p>%s</p>",
	     arena_printf(w->a, reminders ? ngettext("%lld reminder sent by e-mail.", "%lld reminders sent by e-mail.",
						     (unsigned long)sent)
					  : ngettext("%lld invitation sent by e-mail.", "%lld invitations sent by e-mail.",
						     (unsigned long)sent), sent));
	if (failed) {
		html(w->out, "<p>");
		if (web_arg_int(w, "unreachable", 0) == 1)
			html(w->out, "%s ", _("The mail server could not be reached."));
		html(w->out, "%s", arena_printf(w->a, ngettext("%lld message could not be sent.", "%lld messages could not be sent.",
							       (unsigned long)failed), failed));
		if (!reminders)
			html(w->out, " %s", _("Send the invitations again later: only those who have not had one get it."));
		html(w->out, "</p>");
	}
	if (none)
		html(w->out, "<p>%s</p>",
		     arena_printf(w->a, ngettext("%lld person has no usable e-mail address: give them the link from the CSV.",
						 "%lld people have no usable e-mail address: give them the link from the CSV.",
						 (unsigned long)none), none));
	html(w->out, "</div>\n");
}

/* How the personal links reach people, and what the CSV of them allows;
 * and closing the wave by hand while it is open. */
static void links_section(struct web *w, const struct wave *wv)
{
	if (wave_mail_configured())
		html(w->out, "<p>%s <a href=\"/waves/%lld/links.csv\">%s</a></p>",
		     _("The personal links go by e-mail from leergang, so that nobody but its respondent holds one. Only for the people without a usable e-mail address:"),
		     wv->id, _("their links as CSV"));
	else
		html(w->out, "<p><a href=\"/waves/%lld/links.csv\">%s</a></p>", wv->id,
		     _("The personal links as CSV, for a mail merge"));
	html(w->out, "<p class=\"muted\">%s</p>",
	     _("Whoever holds a link can answer in that person's name (though never read or hand in answers they saved in their own browser). Hand the file only to whoever sends the mail, and delete it afterwards."));
	if (wave_phase_now(&w->ctx, wv) == WAVE_CLOSED)
		return;
	html(w->out, "<form method=\"post\" action=\"/waves/%lld/close\">", wv->id);
	form_csrf(w);
	html(w->out, "<p><button type=\"submit\" class=\"secondary\">%s</button> <span class=\"muted\">%s</span></p></form>",
	     _("Close the wave now"),
	     arena_printf(w->a, _("Instead of after %s: the links answer no more, and the results can be shown."),
			  date_label(w->a, wv->closes_on)));
}

/* How far the invitations by e-mail are, and the form that sends them to
 * those who have not had one; or that this server sends no e-mail. */
static void mail_section(struct web *w, const struct wave *wv, const char *day)
{
	if (!wave_mail_configured()) {
		html(w->out, "<p class=\"muted\">%s</p>", _("Sending e-mail is not set up on this server; use the links as CSV for a mail merge."));
		return;
	}
	struct mail_progress m;
	if (wave_mail_progress(&w->ctx, wv, &m))
		return;
	long long waiting = m.waiting;
	html(w->out, "<p id=\"mail\">%s</p>", arena_printf(w->a, _("Invitations sent by e-mail: %lld of %lld."), m.mailed, m.asked));
	if (!waiting || wave_phase(wv, day) == WAVE_CLOSED)
		return;
	html(w->out, "<form method=\"post\" action=\"/waves/%lld/send\">", wv->id);
	form_csrf(w);
	html(w->out, "<p><button type=\"submit\">%s</button> <span class=\"muted\">%s</span></p></form>",
	     _("Send the invitations by e-mail"),
	     arena_printf(w->a, ngettext("%lld person has not had an invitation by e-mail yet.",
					 "%lld people have not had an invitation by e-mail yet.", (unsigned long)waiting), waiting));
}

void page_wave(struct web *w)
{
	struct wave wv;
	struct instrument_version v;
	if (!open_wave(w, &wv, &v))
		return;
	struct accounting acc;
	struct wave_results res;
	if (wave_accounting(&w->ctx, &wv, &acc) || wave_results(&w->ctx, &wv, &v, &res)) {
		web_error(w, 500, _("The questionnaires could not be read. Try again later."));
		return;
	}
	page_begin(w, wv.name);
	page_done_message(w);
	mail_result(w);
	html(w->out, "<p><a href=\"/questionnaires\">%s</a></p>", _("Back to the questionnaires"));
	html(w->out, "<p>%s · %s · %s – %s · %s</p>", wv.instrument_name, arena_printf(w->a, _("version %d"), wv.version),
	     date_label(w->a, wv.opens_on), date_label(w->a, wv.closes_on),
	     wv.anonymous ? _("anonymous") : _("not anonymous"));

	if (wv.subject_id)
		html(w->out, "<p>%s: <strong>%s</strong></p>", _("360° feedback about"), wv.subject_name);
	html(w->out, "<h2>%s</h2><table class=\"accounting\"><tbody>", _("Response"));
	if (!wv.subject_id && strcmp(wv.population, "units")) {   /* a programme's accounting (seed 000 §9.1) */
		html(w->out, "<tr><th scope=\"row\">%s</th><td>%lld</td></tr>", _("Registered"), acc.registered);
		html(w->out, "<tr><th scope=\"row\">%s</th><td>%lld</td></tr>", _("Stopped"), acc.stopped);
		html(w->out, "<tr><th scope=\"row\">%s</th><td>%lld</td></tr>", _("Completed the programme"), acc.completed);
		if (acc.active)
			html(w->out, "<tr><th scope=\"row\">%s</th><td>%lld</td></tr>", _("Still active"), acc.active);
	}
	html(w->out, "<tr><th scope=\"row\">%s</th><td>%lld</td></tr>", _("Asked (not stopped)"), acc.invited);
	html(w->out, "<tr><th scope=\"row\">%s</th><td>%lld</td></tr>", _("Responded"), acc.responded);
	html(w->out, "<tr><th scope=\"row\">%s</th><td>%lld</td></tr>", _("Not responded"), acc.not_responded);
	html(w->out, "<tr><th scope=\"row\">%s</th><td>%s</td></tr></tbody></table>\n", _("Response rate"),
	     acc.rate < 0 ? "—" : arena_printf(w->a, "%s%%", num1(w, acc.rate * 100)));
	if (!wv.subject_id)
		timeline(w, &wv);
	const char *day = today(w);
	links_section(w, &wv);
	mail_section(w, &wv, day);
	if (acc.not_responded && wave_phase(&wv, day) == WAVE_OPEN) {
		html(w->out, "<form method=\"post\" action=\"/waves/%lld/reminders\">", wv.id);
		form_csrf(w);
		html(w->out, "<p><button type=\"submit\" class=\"secondary\">%s</button> <span class=\"muted\">%s</span></p></form>",
		     _("Remind those who have not answered"),
		     wave_mail_configured() ? _("Each gets a reminder by e-mail and is counted as reminded.")
					    : _("You get their links as CSV for the mail merge; each is counted as reminded."));
	}

	if (wv.subject_id) {
		wave_report_360(w, &wv, &v, false);
		page_end(w);
		return;
	}
	html(w->out, "<h2>%s</h2>", _("Results per question"));
	if (!res.shown) {
		html(w->out, "<p class=\"note\">%s</p>", res.why_hidden);
		page_end(w);
		return;
	}
	html(w->out, "<p>%s <a href=\"/waves/%lld/export.csv\">%s</a> · <a href=\"/waves/%lld/export.xlsx\">%s</a> · "
		"<a href=\"/waves/%lld/export.sav\">%s</a></p>",
	     _("The data per respondent, without names or links:"), wv.id, _("CSV for Excel"), wv.id,
	     _("Excel workbook"), wv.id, _("SPSS file"));
	/* the Likert items of the first item's length, as diverging bars */
	const struct instrument_item *first = NULL;
	for (size_t i = 0; i < res.nitems && !first; i++)
		if (!strcmp(res.items[i].item->kind, "likert") || !strcmp(res.items[i].item->kind, "bipolar"))
			first = res.items[i].item;
	if (first && first->noptions >= 2 && first->noptions <= CHART_POINTS_MAX) {
		struct chart_likert_row *rows = arena_alloc(w->a, (res.nitems + 1) * sizeof(*rows));
		const char **labels = arena_alloc(w->a, (first->noptions + 1) * sizeof(*labels));
		for (size_t k = 0; k < first->noptions; k++)
			labels[k] = first->options[k].label;
		/* items whose points are labelled otherwise (a bipolar item's own
		 * poles) share the legend only by their values; the table below
		 * gives each item's poles */
		bool same = true;
		for (size_t i = 0; i < res.nitems; i++) {
			const struct instrument_item *it = res.items[i].item;
			if (it->noptions != first->noptions || (strcmp(it->kind, "likert") && strcmp(it->kind, "bipolar")))
				continue;
			for (size_t k = 0; k < it->noptions; k++)
				if (strcmp(it->options[k].label, first->options[k].label) ||
				    it->options[k].value != first->options[k].value)
					same = false;
		}
		if (!same)
			for (size_t k = 0; k < first->noptions; k++)
				labels[k] = "";   /* the legend says 1, 2, ...: the poles are in the table */
		size_t nr = 0;
		for (size_t i = 0; i < res.nitems; i++) {
			const struct item_result *r = &res.items[i];
			if (r->item->noptions != first->noptions || (strcmp(r->item->kind, "likert") && strcmp(r->item->kind, "bipolar")))
				continue;
			rows[nr].label = r->item->code;
			for (size_t k = 0; k < first->noptions; k++)
				rows[nr].counts[k] = r->counts[k];
			nr++;
		}
		chart_likert(w->out, w->a, _("The answers per question"), rows, nr, (int)first->noptions, labels,
			     arena_printf(w->a, "items-%lld", wv.id));
	}
	html(w->out, "<table class=\"items\" id=\"items-%lld\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>"
		"<th scope=\"col\">N</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	     wv.id, arena_printf(w->a, ngettext("%lld response", "%lld responses", (unsigned long)res.responses), res.responses),
	     _("Question"), _("Mean"), _("SD"), _("Distribution"));
	for (size_t i = 0; i < res.nitems; i++) {
		const struct item_result *r = &res.items[i];
		if (!strcmp(r->item->kind, "open"))
			continue;
		html(w->out, "<tr><th scope=\"row\">%s) %s", r->item->code, r->item->text);
		const struct item_option *o = r->item->options;
		if (!strcmp(r->item->kind, "bipolar") && r->item->noptions >= 2)
			html(w->out, " <span class=\"muted\">(%d = %s · %d = %s)</span>", o[0].value, o[0].label,
			     o[r->item->noptions - 1].value, o[r->item->noptions - 1].label);
		html(w->out, "</th><td>%zu</td><td>%s</td><td>%s</td><td>", r->n, num1(w, r->mean), num1(w, r->sd));
		for (size_t k = 0; k < r->item->noptions; k++)
			html(w->out, "%s%d: %zu", k ? " · " : "", r->item->options[k].value, r->counts[k]);
		html(w->out, "</td></tr>");
	}
	html(w->out, "</tbody></table>\n");
	scale_means(w, &wv, &v);
	breakdown_section(w, &wv, &v);
	html(w->out, "<p><a href=\"/waves/%lld/compare\">%s</a></p>", wv.id,
	     _("Compare: scale scores by group, batch or unit, with another wave, and with other organisations"));
	for (size_t i = 0; i < res.nitems; i++) {
		const struct item_result *r = &res.items[i];
		if (strcmp(r->item->kind, "open"))
			continue;
		html(w->out, "<h3>%s) %s</h3>", r->item->code, r->item->text);
		if (!r->ntexts)
			html(w->out, "<p>%s</p>", _("No answers."));
		else {
			/* sorted, so equal answers are together: each once, with how often */
			html(w->out, "<ul class=\"open-answers\">");
			for (size_t k = 0; k < r->ntexts;) {
				size_t same = 1;
				while (k + same < r->ntexts && !strcmp(r->texts[k + same], r->texts[k]))
					same++;
				if (same > 1)
					html(w->out, "<li>%s <span class=\"muted\">(%zu×)</span></li>", r->texts[k], same);
				else
					html(w->out, "<li>%s</li>", r->texts[k]);
				k += same;
			}
			html(w->out, "</ul>");
		}
	}
	page_end(w);
}

/* One CSV row as Dutch Excel reads it (';'). */
static void row(struct buf *b, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_addch(b, ';');
		csv_field(b, cells[i], ';');
	}
	csv_end_row(b);
}

void page_wave_links(struct web *w)
{
	struct wave wv;
	struct instrument_version v;
	if (!open_wave(w, &wv, &v))
		return;
	struct wave_link *links;
	size_t n;
	if (wave_links(&w->ctx, &wv, web_base_url(w), false, &links, &n)) {
		web_error(w, 500, _("The questionnaires could not be read. Try again later."));
		return;
	}
	buf_reset(w->out);
	buf_adds(w->out, CSV_BOM);
	row(w->out, (const char *const[]){ _("Name"), _("E-mail address"), _("Link"), _("Responded") }, 4);
	for (size_t i = 0; i < n; i++)
		row(w->out, (const char *const[]){ links[i].inv->person_name, links[i].inv->email, links[i].link,
						    links[i].inv->responded ? _("yes") : _("no") }, 4);
	audit(&w->ctx, "wave.links", "wave", wv.id, "%zu links as CSV", n);
	w->r->response_type = "text/csv; charset=utf-8";
	response_header(w->r, "Content-Disposition", "attachment; filename=\"links.csv\"");
}

/* Closing a wave now: its links answer no more, its results can be shown. */
void page_wave_close(struct web *w)
{
	struct wave wv;
	struct instrument_version v;
	if (!open_wave(w, &wv, &v))
		return;
	int d = wave_close(&w->ctx, &wv);
	if (d == D_CONFLICT)
		web_error(w, 422, _("This wave has closed already."));
	else if (d)
		web_error(w, 500, _("The change could not be saved. Try again later."));
	else
		web_redirect(w, arena_printf(w->a, "/waves/%lld?done=wave-closed", wv.id));
}

/* After a round of e-mail: back to the wave page with what it did. */
static void mail_answer(struct web *w, const struct wave *wv, const char *kind, int d, const struct errors *e,
			const struct mail_tally *t)
{
	if (d == D_INVALID)
		web_error(w, 422, e->items[0].message);
	else if (d)
		web_error(w, 500, _("The change could not be saved. Try again later."));
	else
		web_redirect(w, arena_printf(w->a, "/waves/%lld?mailed=%s&sent=%lld&failed=%lld&noaddress=%lld&unreachable=%d",
					     wv->id, kind, t->sent, t->failed, t->no_address, t->unreachable));
}

/* The invitations by e-mail to those asked who have not had one. */
void page_wave_send(struct web *w)
{
	struct wave wv;
	struct instrument_version v;
	if (!open_wave(w, &wv, &v))
		return;
	struct errors e = { 0 };
	struct mail_tally t;
	int d = wave_mail_invitations(&w->ctx, &wv, web_base_url(w), w->org_name, (long long)time(NULL), &e, &t);
	mail_answer(w, &wv, "invitations", d, &e, &t);
}

/* A reminder round: by e-mail when the server sends mail, else the links
 * of those asked who have not answered yet as CSV for the mail merge; each
 * counted as reminded. Only while the wave is open. Who answered is known
 * from the invitation (for the accounting); what they answered is not, in
 * an anonymous wave. */
void page_wave_reminders(struct web *w)
{
	struct wave wv;
	struct instrument_version v;
	if (!open_wave(w, &wv, &v))
		return;
	struct errors e = { 0 };
	if (wave_mail_configured()) {   /* by e-mail; otherwise the CSV below */
		struct mail_tally t;
		int d = wave_mail_reminders(&w->ctx, &wv, web_base_url(w), w->org_name, (long long)time(NULL), &e, &t);
		mail_answer(w, &wv, "reminders", d, &e, &t);
		return;
	}
	struct wave_link *links;
	size_t n;
	int d = wave_remind_by_links(&w->ctx, &wv, web_base_url(w), &links, &n, &e);
	if (d == D_INVALID) {
		web_error(w, 422, e.items[0].message);
		return;
	}
	if (d) {
		web_error(w, 500, _("The change could not be saved. Try again later."));
		return;
	}
	buf_reset(w->out);
	buf_adds(w->out, CSV_BOM);
	row(w->out, (const char *const[]){ _("Name"), _("E-mail address"), _("Link"), _("Reminders") }, 4);
	for (size_t i = 0; i < n; i++) {
		const struct invitation *x = links[i].inv;
		row(w->out, (const char *const[]){ x->person_name, x->email, links[i].link,
						    arena_printf(w->a, "%d", x->reminders + 1) }, 4);
	}
	w->r->response_type = "text/csv; charset=utf-8";
	response_header(w->r, "Content-Disposition", "attachment; filename=\"herinneringen.csv\"");
}
