/* wave_page.c — the page of one wave: its response accounting and
 * timeline, the links and mail sections, the results per question (Likert
 * chart, item table, open answers), the scale scores, the table per group
 * and, for a 360° round, its report with the radar. */
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

bool web_open_wave(struct web *w, struct wave *wv, struct instrument_version *v)
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
	html(w->out, "<table class=\"breakdown\" tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">N</th>", _("Group"));
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
				html(w->out, "<td>%s</td>", web_number(w, g->means[j], 1));
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
	html(w->out, "<table class=\"three60\" tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		"<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	     _("Dimension"), _("Self"), _("Categories (raters)"), _("Others together (raters)"), _("Gap self − others"));
	for (size_t i = 0; i < n; i++) {
		const struct s360_cell *x = &cells[i];
		html(w->out, "<tr><th scope=\"row\">%s</th><td>%s</td><td>", x->dimension, web_number(w, x->self, 1));
		for (size_t k = 0; k < x->ncats; k++) {
			if (k)
				html(w->out, "<br>");
			html(w->out, "%s: %s (%zu)", rater_role_label(x->cats[k].role),
			     x->cats[k].suppressed ? _("not shown") : web_number(w, x->cats[k].mean, 1), x->cats[k].n);
		}
		html(w->out, "</td><td>%s (%zu)</td><td>%s</td></tr>", x->suppressed ? _("not shown") : web_number(w, x->others_mean, 1),
		     x->others_n, x->suppressed ? "—" : web_number(w, x->gap, 1));
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
	date_monday(web_today(w), now);
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

/* Who was asked and who answered: a programme's accounting (seed 000
 * §9.1: registered, stopped, completed), then asked, responded, the rate. */
static void accounting_section(struct web *w, const struct wave *wv, const struct accounting *acc)
{
	html(w->out, "<h2>%s</h2><table class=\"accounting\" tabindex=\"0\"><tbody>", _("Response"));
	if (!wv->subject_id && strcmp(wv->population, "units")) {
		html(w->out, "<tr><th scope=\"row\">%s</th><td>%lld</td></tr>", _("Registered"), acc->registered);
		html(w->out, "<tr><th scope=\"row\">%s</th><td>%lld</td></tr>", _("Stopped"), acc->stopped);
		html(w->out, "<tr><th scope=\"row\">%s</th><td>%lld</td></tr>", _("Completed the programme"), acc->completed);
		if (acc->active)
			html(w->out, "<tr><th scope=\"row\">%s</th><td>%lld</td></tr>", _("Still active"), acc->active);
	}
	html(w->out, "<tr><th scope=\"row\">%s</th><td>%lld</td></tr>", _("Asked (not stopped)"), acc->invited);
	html(w->out, "<tr><th scope=\"row\">%s</th><td>%lld</td></tr>", _("Responded"), acc->responded);
	html(w->out, "<tr><th scope=\"row\">%s</th><td>%lld</td></tr>", _("Not responded"), acc->not_responded);
	html(w->out, "<tr><th scope=\"row\">%s</th><td>%s</td></tr></tbody></table>\n", _("Response rate"),
	     acc->rate < 0 ? "—" : arena_printf(w->a, "%s%%", web_number(w, acc->rate * 100, 1)));
}

/* While the wave is open and some have not answered: the reminder button. */
static void reminder_form(struct web *w, const struct wave *wv, const struct accounting *acc, const char *day)
{
	if (!acc->not_responded || wave_phase(wv, day) != WAVE_OPEN)
		return;
	html(w->out, "<form method=\"post\" action=\"/waves/%lld/reminders\">", wv->id);
	form_csrf(w);
	html(w->out, "<p><button type=\"submit\" class=\"secondary\">%s</button> <span class=\"muted\">%s</span></p></form>",
	     _("Remind those who have not answered"),
	     wave_mail_configured() ? _("Each gets a reminder by e-mail and is counted as reminded.")
				    : _("You get their links as CSV for the mail merge; each is counted as reminded."));
}

static bool scaled(const struct instrument_item *it)
{
	return !strcmp(it->kind, "likert") || !strcmp(it->kind, "bipolar");
}

/* The Likert items of the first item's length, as diverging bars. Items
 * whose points are labelled otherwise (a bipolar item's own poles) share
 * the legend only by their values; the item table gives each item's poles. */
static void likert_chart(struct web *w, const struct wave *wv, const struct wave_results *res)
{
	const struct instrument_item *first = NULL;
	for (size_t i = 0; i < res->nitems && !first; i++)
		if (scaled(res->items[i].item))
			first = res->items[i].item;
	if (!first || first->noptions < 2 || first->noptions > CHART_POINTS_MAX)
		return;
	const char **labels = arena_alloc(w->a, (first->noptions + 1) * sizeof(*labels));
	for (size_t k = 0; k < first->noptions; k++)
		labels[k] = first->options[k].label;
	bool same = true;
	for (size_t i = 0; i < res->nitems; i++) {
		const struct instrument_item *it = res->items[i].item;
		if (it->noptions != first->noptions || !scaled(it))
			continue;
		for (size_t k = 0; k < it->noptions; k++)
			if (strcmp(it->options[k].label, first->options[k].label) ||
			    it->options[k].value != first->options[k].value)
				same = false;
	}
	if (!same)
		for (size_t k = 0; k < first->noptions; k++)
			labels[k] = "";   /* the legend says 1, 2, ...: the poles are in the table */
	struct chart_likert_row *rows = arena_alloc(w->a, (res->nitems + 1) * sizeof(*rows));
	size_t nr = 0;
	for (size_t i = 0; i < res->nitems; i++) {
		const struct item_result *r = &res->items[i];
		if (r->item->noptions != first->noptions || !scaled(r->item))
			continue;
		rows[nr].label = r->item->code;
		for (size_t k = 0; k < first->noptions; k++)
			rows[nr].counts[k] = r->counts[k];
		nr++;
	}
	chart_likert(w->out, w->a, _("The answers per question"), rows, nr, (int)first->noptions, labels,
		     arena_printf(w->a, "items-%lld", wv->id));
}

/* Per closed question: N, mean, SD and the distribution (the chart's table). */
static void item_table(struct web *w, const struct wave *wv, const struct wave_results *res)
{
	html(w->out, "<table class=\"items\" tabindex=\"0\" id=\"items-%lld\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>"
		"<th scope=\"col\">N</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	     wv->id, arena_printf(w->a, ngettext("%lld response", "%lld responses", (unsigned long)res->responses), res->responses),
	     _("Question"), _("Mean"), _("SD"), _("Distribution"));
	for (size_t i = 0; i < res->nitems; i++) {
		const struct item_result *r = &res->items[i];
		if (!strcmp(r->item->kind, "open"))
			continue;
		html(w->out, "<tr><th scope=\"row\">%s) %s", r->item->code, r->item->text);
		const struct item_option *o = r->item->options;
		if (!strcmp(r->item->kind, "bipolar") && r->item->noptions >= 2)
			html(w->out, " <span class=\"muted\">(%d = %s · %d = %s)</span>", o[0].value, o[0].label,
			     o[r->item->noptions - 1].value, o[r->item->noptions - 1].label);
		html(w->out, "</th><td>%zu</td><td>%s</td><td>%s</td><td>", r->n, web_number(w, r->mean, 1),
		     web_number(w, r->sd, 1));
		for (size_t k = 0; k < r->item->noptions; k++)
			html(w->out, "%s%d: %zu", k ? " · " : "", r->item->options[k].value, r->counts[k]);
		/* apart from the points, and outside N, mean and SD; said when
		 * someone chose it */
		if (r->dont_know)
			html(w->out, " · %s: %zu", _("don't know / n/a"), r->dont_know);
		html(w->out, "</td></tr>");
	}
	html(w->out, "</tbody></table>\n");
}

/* The answers to the open questions, sorted so that equal answers are
 * together: each once, with how often. */
static void open_answers(struct web *w, const struct wave_results *res)
{
	for (size_t i = 0; i < res->nitems; i++) {
		const struct item_result *r = &res->items[i];
		if (strcmp(r->item->kind, "open"))
			continue;
		html(w->out, "<h3>%s) %s</h3>", r->item->code, r->item->text);
		if (!r->ntexts) {
			html(w->out, "<p>%s</p>", _("No answers."));
			continue;
		}
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

/* The results of a questionnaire, once they may be shown (wave_results
 * decides): exports, the chart, the item table, scale scores, the table
 * per group, the way to compare, the open answers. */
static void results_section(struct web *w, const struct wave *wv, const struct instrument_version *v,
			    const struct wave_results *res)
{
	html(w->out, "<h2>%s</h2>", _("Results per question"));
	if (!res->shown) {
		html(w->out, "<p class=\"note\">%s</p>", res->why_hidden);
		return;
	}
	html(w->out, "<p>%s <a href=\"/waves/%lld/export.csv\">%s</a> · <a href=\"/waves/%lld/export.xlsx\">%s</a> · "
		"<a href=\"/waves/%lld/export.sav\">%s</a></p>",
	     _("The data per respondent, without names or links:"), wv->id, _("CSV for Excel"), wv->id,
	     _("Excel workbook"), wv->id, _("SPSS file"));
	likert_chart(w, wv, res);
	item_table(w, wv, res);
	scale_means(w, wv, v);
	breakdown_section(w, wv, v);
	html(w->out, "<p><a href=\"/waves/%lld/compare\">%s</a></p>", wv->id,
	     _("Compare: scale scores by group, batch or unit, with another wave, and with other organisations"));
	open_answers(w, res);
}

void page_wave(struct web *w)
{
	struct wave wv;
	struct instrument_version v;
	if (!web_open_wave(w, &wv, &v))
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
	/* as the respondents read it at the top of their page */
	if (wv.purpose && *wv.purpose)
		html(w->out, "<p class=\"purpose\"><strong>%s</strong> %s</p>", _("Why this questionnaire:"), wv.purpose);
	accounting_section(w, &wv, &acc);
	if (!wv.subject_id)
		timeline(w, &wv);
	const char *day = web_today(w);
	links_section(w, &wv);
	mail_section(w, &wv, day);
	reminder_form(w, &wv, &acc, day);
	if (wv.subject_id)
		wave_report_360(w, &wv, &v, false);
	else
		results_section(w, &wv, &v, &res);
	page_end(w);
}
