/* survey_compare.c — GET /waves/{id}/compare: a wave's scale scores
 * compared by group, batch or unit (?by=), with another wave of the same
 * questionnaire (?with=), and with the other organisations that take part
 * in the benchmark. The numbers come from domain/survey_compare.c; this
 * page only lays them out, each table with its test beside it. */
#include "web.h"
#include "domain/reading.h"
#include "domain/schedule.h"
#include "domain/survey_compare.h"
#include "html/chart.h"
#include "html/html.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *p_value(struct web *w, double p)
{
	if (isnan(p))
		return "—";
	if (p < 0.001)
		return arena_printf(w->a, "< %s", web_number(w, 0.001, 3));
	return web_number(w, p, 3);
}

/* "M (SD)" with n, or the note that nothing is shown */
static void cell(struct web *w, const struct stats_desc *d)
{
	if (!d->n) {
		html(w->out, "<td>—</td>");
		return;
	}
	html(w->out, "<td>%s <span class=\"muted\">(%s; %zu)</span></td>", web_number(w, d->mean, 2),
	     web_number(w, d->sd, 2), d->n);
}

static const char *by_word(int by)
{
	return by == COMPARE_UNIT ? _("unit") : by == COMPARE_BATCH ? _("batch") : _("group");
}

static const char *by_label(int by)
{
	return by == COMPARE_UNIT ? _("Unit") : by == COMPARE_BATCH ? _("Batch") : _("Group");
}

/* The same in plain words (domain/reading.h), with the rules they follow. */
static void readings_begin(struct web *w)
{
	html(w->out, "<h3>%s</h3><ul class=\"readings\">", _("In plain words"));
}

static void readings_end(struct web *w)
{
	html(w->out, "</ul><p class=\"note\">%s</p>\n",
	     _("How these sentences are made: a difference of two means is negligible below d = 0.2, small below 0.5, medium below 0.8 and large from 0.8; differences between several parts likewise by eta squared (0.01, 0.06, 0.14); \"probably not chance\" when p is below 0.05."));
}

static void plain_readings(struct web *w, const struct wave_comparison *cmp)
{
	const struct compare_row *first = NULL, *second = NULL;
	for (size_t k = 0; k < cmp->nrows && !second; k++)
		if (cmp->rows[k].shown)
			*(first ? &second : &first) = &cmp->rows[k];
	readings_begin(w);
	for (size_t d = 0; d < cmp->ndims; d++) {
		const struct compare_test *t = &cmp->tests[d];
		const char *s = t->two && first && second
					? reading_two(w->a, first->name, second->name, cmp->dims[d].name,
						      first->cells[d].d.mean - second->cells[d].d.mean, t->d, t->welch.p)
					: reading_several(w->a, cmp->dims[d].name, t->anova.eta2, t->anova.p);
		if (s)
			html(w->out, "<li>%s</li>", s);
	}
	readings_end(w);
}

static void test_line(struct web *w, const struct compare_test *t)
{
	const struct stats_anova *a = &t->anova;
	html(w->out, "<td>F(%s; %s) = %s, p %s%s, η² = %s", web_number(w, a->df1, 0), web_number(w, a->df2, 0),
	     web_number(w, a->F, 2), isnan(a->p) || a->p < 0.001 ? "" : "= ", p_value(w, a->p), web_number(w, a->eta2, 3));
	html(w->out, "</td>");
	if (!t->two)
		return;
	html(w->out, "<td>t(%s) = %s, p %s%s</td>", web_number(w, t->welch.df, 1), web_number(w, t->welch.t, 2),
	     isnan(t->welch.p) || t->welch.p < 0.001 ? "" : "= ", p_value(w, t->welch.p));
	html(w->out, "<td>t(%s) = %s, p %s%s</td>", web_number(w, t->student.df, 0), web_number(w, t->student.t, 2),
	     isnan(t->student.p) || t->student.p < 0.001 ? "" : "= ", p_value(w, t->student.p));
	html(w->out, "<td>%s</td>", web_number(w, t->d, 2));
}

/* The parts × dimensions as a heat map, the hidden parts hatched. */
static void heatmap(struct web *w, const struct wave *wv, const struct wave_comparison *cmp, int by)
{
	if (!cmp->ndims || !cmp->nrows)
		return;
	const char **cols = arena_alloc(w->a, (cmp->ndims + 1) * sizeof(*cols));
	for (size_t d = 0; d < cmp->ndims; d++)
		cols[d] = cmp->dims[d].scale ? cmp->dims[d].name : arena_strndup(w->a, cmp->dims[d].name, strcspn(cmp->dims[d].name, ")"));
	struct chart_heat_row *rows = arena_alloc(w->a, (cmp->nrows + 1) * sizeof(*rows));
	for (size_t k = 0; k < cmp->nrows; k++) {
		const struct compare_row *r = &cmp->rows[k];
		struct chart_cell *cells = arena_alloc(w->a, (cmp->ndims + 1) * sizeof(*cells));
		for (size_t d = 0; d < cmp->ndims; d++)
			cells[d] = r->shown ? (struct chart_cell){ r->cells[d].d.mean, r->cells[d].d.sd, r->cells[d].d.n, false }
					    : (struct chart_cell){ NAN, NAN, 0, true };
		rows[k] = (struct chart_heat_row){ r->name, r->shown ? (size_t)r->n : 0, !r->shown, cells };
	}
	chart_heatmap(w->out, w->a, _("Scale scores as a heat map"), by_label(by), cols, cmp->ndims, rows, cmp->nrows,
		      cmp->dims[0].min, cmp->dims[0].max,
		      arena_printf(w->a, _("Parts with fewer than %d responses are hidden, and where needed more, so that neither the total nor another breakdown of this wave gives them away."),
				   SURVEY_MIN_RESPONSES),
		      arena_printf(w->a, "heat-%lld", wv->id));
}

static void by_section(struct web *w, const struct wave *wv, const struct wave_comparison *c, int by)
{
	const struct wave_comparison cmp = *c;
	html(w->out, "<h2 id=\"by\">%s</h2>", arena_printf(w->a, _("Per %s"), by_word(by)));
	if (!cmp.shown) {
		html(w->out, "<p class=\"note\">%s</p>", cmp.why_hidden);
		return;
	}
	if (cmp.why_not[by]) {
		html(w->out, "<p class=\"note\" id=\"why-not\">%s</p>", cmp.why_not[by]);
		/* what is shown instead */
		static const char *const keys[] = { "group", "batch", "unit" };
		bool any = false;
		for (int k = 0; k < COMPARE_BY_N; k++) {
			if (k == by || cmp.why_not[k])
				continue;
			if (any)
				html(w->out, " · ");
			else
				html(w->out, "<p>%s: ", _("Shown instead"));
			html(w->out, "<a href=\"/waves/%lld/compare?by=%s#by\">%s</a>", wv->id, keys[k],
			     arena_printf(w->a, _("Per %s"), by_word(k)));
			any = true;
		}
		if (any)
			html(w->out, "</p>");
		return;
	}
	html(w->out, "<p class=\"note\">%s</p>",
	     arena_printf(w->a, _("Scale score: the mean of the answered questions of the dimension, reversed questions turned. Parts with fewer than %d responses are hidden, and where needed more, so that neither the total nor another breakdown of this wave gives them away; the tests use the shown parts only."),
			  SURVEY_MIN_RESPONSES));
	html(w->out, "<table class=\"compare\" tabindex=\"0\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">N</th>",
	     _("Mean (SD; N) per dimension"), by_label(by));
	for (size_t d = 0; d < cmp.ndims; d++)
		html(w->out, "<th scope=\"col\">%s</th>", cmp.dims[d].name);
	html(w->out, "</tr></thead><tbody>");
	for (size_t k = 0; k < cmp.nrows; k++) {
		const struct compare_row *r = &cmp.rows[k];
		html(w->out, "<tr><th scope=\"row\">%s</th>", r->name);
		if (!r->shown) {
			html(w->out, "<td colspan=\"%zu\">%s: %s</td></tr>", cmp.ndims + 1, _("hidden"), r->why_hidden);
			continue;
		}
		html(w->out, "<td>%lld</td>", r->n);
		for (size_t d = 0; d < cmp.ndims; d++)
			cell(w, &r->cells[d].d);
		html(w->out, "</tr>");
	}
	html(w->out, "</tbody></table>\n");
	heatmap(w, wv, &cmp, by);
	if (!cmp.tests) {
		html(w->out, "<p class=\"note\">%s</p>", _("A comparison needs at least two shown parts."));
		return;
	}
	bool two = cmp.tests[0].two;
	html(w->out, "<table class=\"tests\" tabindex=\"0\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>"
		"<th scope=\"col\">%s</th>", _("Differences between the shown parts"), _("Dimension"),
	     _("One-way ANOVA"));
	if (two)
		html(w->out, "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>", _("Welch's t"),
		     _("Student's t"), _("Cohen's d"));
	html(w->out, "</tr></thead><tbody>");
	for (size_t d = 0; d < cmp.ndims; d++) {
		html(w->out, "<tr><th scope=\"row\">%s</th>", cmp.dims[d].name);
		test_line(w, &cmp.tests[d]);
		html(w->out, "</tr>");
	}
	html(w->out, "</tbody></table>\n");
	if (two)
		html(w->out, "<p class=\"note\">%s</p>", _("The t-tests and d compare the first shown part with the second: a positive value means the first scores higher."));
	plain_readings(w, &cmp);
}

static void pair_section(struct web *w, const struct wave *a, const struct instrument_version *va, const struct wave *b,
			 const struct instrument_version *vb)
{
	struct wave_pairing p;
	if (wave_pair(&w->ctx, a, va, b, vb, &p)) {
		web_error(w, 500, _("The questionnaires could not be read. Try again later."));
		return;
	}
	html(w->out, "<h2 id=\"waves\">%s</h2>", arena_printf(w->a, _("%s and %s"), a->name, b->name));
	if (!p.shown) {
		html(w->out, "<p class=\"note\">%s</p>", p.why_hidden);
		return;
	}
	if (p.paired)
		html(w->out, "<p>%s</p>", arena_printf(w->a, ngettext("Paired: %zu person answered both waves.",
								      "Paired: %zu people answered both waves.",
								      (unsigned long)p.npairs), p.npairs));
	else
		html(w->out, "<p class=\"note\">%s</p>", p.why_unpaired);
	html(w->out, "<table class=\"waves\" tabindex=\"0\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>"
		"<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>",
	     _("Mean (SD; N) per dimension, and the change"), _("Dimension"), a->name, b->name,
	     p.paired ? _("Paired t (change in the same people)") : _("Welch's t"));
	html(w->out, "<th scope=\"col\">%s</th></tr></thead><tbody>", p.paired ? "dz" : _("Cohen's d"));
	for (size_t k = 0; k < p.ndims; k++) {
		const struct pair_dim *x = &p.dims[k];
		html(w->out, "<tr><th scope=\"row\">%s</th>", x->name);
		cell(w, &x->a);
		cell(w, &x->b);
		if (p.paired)
			html(w->out, "<td>%s %s: t(%s) = %s, p %s%s</td><td>%s</td></tr>", _("change"),
			     web_number(w, x->paired.mean_diff, 2), web_number(w, x->paired.df, 0), web_number(w, x->paired.t, 2),
			     isnan(x->paired.p) || x->paired.p < 0.001 ? "" : "= ", p_value(w, x->paired.p),
			     web_number(w, x->paired.dz, 2));
		else
			html(w->out, "<td>t(%s) = %s, p %s%s</td><td>%s</td></tr>", web_number(w, x->welch.df, 1),
			     web_number(w, x->welch.t, 2), isnan(x->welch.p) || x->welch.p < 0.001 ? "" : "= ",
			     p_value(w, x->welch.p), web_number(w, x->d, 2));
	}
	html(w->out, "</tbody></table>\n<p class=\"note\">%s</p>",
	     _("The change is the later wave minus the earlier one: a positive value is a rise."));
	readings_begin(w);
	for (size_t k = 0; k < p.ndims; k++) {
		const struct pair_dim *x = &p.dims[k];
		const char *s = p.paired ? reading_two(w->a, b->name, a->name, x->name, x->paired.mean_diff, x->paired.dz, x->paired.p)
					 : reading_two(w->a, b->name, a->name, x->name, x->b.mean - x->a.mean, x->d, x->welch.p);
		if (s)
			html(w->out, "<li>%s</li>", s);
	}
	readings_end(w);
	if (!p.ndims)
		return;
	const char **labels = arena_alloc(w->a, (p.ndims + 1) * sizeof(*labels));
	struct chart_cell *ca = arena_alloc(w->a, (p.ndims + 1) * sizeof(*ca)), *cb = arena_alloc(w->a, (p.ndims + 1) * sizeof(*cb));
	for (size_t k = 0; k < p.ndims; k++) {
		labels[k] = p.dims[k].name;
		ca[k] = (struct chart_cell){ p.dims[k].a.mean, p.dims[k].a.sd, p.dims[k].a.n, false };
		cb[k] = (struct chart_cell){ p.dims[k].b.mean, p.dims[k].b.sd, p.dims[k].b.n, false };
	}
	struct dimension *dims;
	survey_dimensions(w->a, va, &dims);
	chart_means(w->out, w->a, _("Means with SD in both waves"), _("Dimension"), labels, p.ndims,
		    (struct chart_series[]){ { a->name, ca }, { b->name, cb } }, 2, dims[0].min, dims[0].max, NULL,
		    arena_printf(w->a, "waves-%lld-%lld", a->id, b->id));
}

static void benchmark_section(struct web *w, const struct wave *wv, const struct instrument_version *v)
{
	struct wave_benchmark b;
	if (wave_benchmark(&w->ctx, wv, v, &b)) {
		web_error(w, 500, _("The questionnaires could not be read. Try again later."));
		return;
	}
	html(w->out, "<h2 id=\"benchmark\">%s</h2>", _("Benchmark with other organisations"));
	if (!b.shown) {
		html(w->out, "<p class=\"note\">%s</p>", b.why_hidden);
		return;
	}
	html(w->out, "<p class=\"note\">%s</p>",
	     arena_printf(w->a, _("Other organisations that take part, with closed waves of the same built-in questionnaire: only their scores pooled, from %d organisations with at least %d responses each. No organisation can be picked out."),
			  SURVEY_MIN_ORGS, SURVEY_MIN_RESPONSES));
	html(w->out, "<table class=\"benchmark\" tabindex=\"0\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		"<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	     _("Scale scores: this wave and the benchmark"), _("Dimension"), _("This wave: mean (SD; N)"),
	     _("Benchmark: mean (SD; N)"), _("Organisations"));
	for (size_t k = 0; k < b.ndims; k++) {
		const struct benchmark_dim *x = &b.dims[k];
		html(w->out, "<tr><th scope=\"row\">%s</th>", x->name);
		cell(w, &x->own);
		if (x->shown)
			html(w->out, "<td>%s <span class=\"muted\">(%s; %lld)</span></td><td>%zu</td></tr>",
			     web_number(w, x->mean, 2), web_number(w, x->sd, 2), x->n, x->orgs);
		else
			html(w->out, "<td colspan=\"2\">%s</td></tr>", _("not shown: too few organisations"));
	}
	html(w->out, "</tbody></table>\n");
}

void page_wave_compare(struct web *w)
{
	struct wave wv;
	struct instrument_version v;
	int r = wave_open(&w->ctx, w->id[0], &wv, &v);
	if (r == D_NOTFOUND || (!r && wv.subject_id)) {
		web_not_found(w);   /* a 360° round has its own report */
		return;
	}
	struct wave *all;
	size_t nall;
	if (r || wave_list(&w->ctx, &all, &nall)) {
		web_error(w, 500, _("The questionnaires could not be read. Try again later."));
		return;
	}
	const char *bys = web_arg(w, "by");
	bool asked = bys && *bys;
	int by = asked ? compare_by_parse(bys) : COMPARE_GROUP;
	if (by < 0) {
		web_error(w, 400, _("Compare by group, batch or unit."));
		return;
	}
	long long with = web_arg_int(w, "with", 0);
	struct wave other;
	struct instrument_version ov;
	if (with) {
		r = wave_open_comparable(&w->ctx, &wv, with, &other, &ov);
		if (r == D_INVALID) {
			web_error(w, 400, _("Compare with another wave of the same questionnaire."));
			return;
		}
		if (r) {
			web_error(w, 500, _("The questionnaires could not be read. Try again later."));
			return;
		}
	}
	struct wave_comparison cmp;
	enum compare_by opening;
	if (asked ? wave_compare(&w->ctx, &wv, &v, (enum compare_by)by, &cmp)
		  : wave_compare_opening(&w->ctx, &wv, &v, &opening, &cmp)) {
		web_error(w, 500, _("The questionnaires could not be read. Try again later."));
		return;
	}
	if (!asked)
		by = (int)opening;
	page_begin(w, arena_printf(w->a, _("Compare: %s"), wv.name));
	html(w->out, "<p><a href=\"/waves/%lld\">%s</a></p>", wv.id, _("Back to the wave"));
	html(w->out, "<form method=\"get\" action=\"/waves/%lld/compare\" class=\"inline-form\">", wv.id);
	html(w->out, "<p class=\"field\"><label for=\"f-by\">%s</label><select id=\"f-by\" name=\"by\">", _("Compare by"));
	static const char *const keys[] = { "group", "batch", "unit" };
	for (int k = 0; k < COMPARE_BY_N; k++)
		html(w->out, "<option value=\"%s\"%s>%s%s</option>", keys[k], k == by ? " selected" : "", by_label(k),
		     cmp.why_not[k] ? _(" (not shown for this wave)") : "");
	html(w->out, "</select></p><p class=\"field\"><label for=\"f-with\">%s</label><select id=\"f-with\" name=\"with\">"
		"<option value=\"\">%s</option>", _("And with the wave"), _("(none)"));
	for (size_t i = 0; i < nall; i++) {
		if (!wave_comparable(&wv, &all[i]))
			continue;
		html(w->out, "<option value=\"%lld\"%s>%s (%s)</option>", all[i].id, all[i].id == with ? " selected" : "",
		     all[i].name, date_label(w->a, all[i].closes_on));
	}
	html(w->out, "</select></p><p><button type=\"submit\">%s</button></p></form>\n", _("Show"));
	by_section(w, &wv, &cmp, by);
	if (with) {
		/* the earlier wave first */
		bool first = wave_before(&wv, &other);
		pair_section(w, first ? &wv : &other, first ? &v : &ov, first ? &other : &wv, first ? &ov : &v);
	}
	benchmark_section(w, &wv, &v);
	page_end(w);
}
