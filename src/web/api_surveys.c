/* api_surveys.c — waves through the API, for the coach and the
 * researcher: the list, and one wave with its response accounting, the
 * results per item and per group under the same rules as the page (from 5
 * responses, once closed, parts hidden as the wave's plan decides).
 *
 * No mean or SD is more precise than the page that shows it: those of
 * items, groups and 360° categories with 1 decimal (the wave page), scale
 * scores, their SDs and the paired change with 2 (the compare page).
 * Counts are exact, as on the page, and the test statistics (t, F, df, p,
 * effect sizes) are given in full, for a researcher to use. Precision is
 * not what protects anyone: the rule of domain/disclosure.h assumes an
 * insider knows every offered part's exact sum (mean times n) and even
 * which rows of the export make it up, and shows nothing whose cross table
 * with the other offered parts has a cell of fewer than 5 people; so a
 * more precise figure of an offered part tells nothing about a person that
 * the rule has not already allowed. The rounding only keeps the API from
 * handing out more than the page does. */
#include "web.h"
#include "domain/survey.h"
#include "domain/survey_compare.h"
#include "domain/schedule.h"
#include "stats/three60.h"

#include <math.h>
#include <string.h>
#include <time.h>

/* v rounded to the page's decimals (FULL: as it is); null when not defined */
static json_t *number(double v, int decimals)
{
	if (isnan(v) || isinf(v))
		return json_null();
	if (decimals < 0)
		return json_real(v);
	double f = pow(10, decimals);
	return json_real(round(v * f) / f);
}

#define ITEM 1    /* item and group means, 360° scores: the wave page */
#define SCORE 2   /* scale scores, their SD, the paired change */
#define FULL (-1)  /* test statistics */
#define PVAL FULL
#define DF FULL

void api_waves(struct web *w)
{
	struct wave *wv;
	size_t n;
	if (wave_list(&w->ctx, &wv, &n)) {
		web_json_error(w, 500, _("The questionnaires could not be read. Try again later."));
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:I, s:s, s:s, s:i, s:s, s:s, s:b, s:I, s:I}", "id", (json_int_t)wv[i].id,
						   "name", wv[i].name, "instrument", wv[i].instrument_name, "version",
						   wv[i].version, "opens_on", wv[i].opens_on, "closes_on", wv[i].closes_on,
						   "anonymous", wv[i].anonymous, "asked", (json_int_t)wv[i].invited, "responded",
						   (json_int_t)wv[i].responded));
	web_json(w, 200, json_pack("{s:o}", "waves", a));
}

/* A 360° round's report per dimension, as the page shows it: null until
 * the round has closed. */
static json_t *report_360(struct web *w, const struct wave *wv, const struct instrument_version *v)
{
	struct s360_cell *cells;
	size_t n;
	if (wave_phase_now(&w->ctx, wv) != WAVE_CLOSED || wave_360(&w->ctx, wv, v, &cells, &n))
		return json_null();
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct s360_cell *x = &cells[i];
		json_t *cats = json_array();
		for (size_t k = 0; k < x->ncats; k++) {
			json_t *c = json_pack("{s:s, s:I, s:b}", "category", x->cats[k].role, "raters", (json_int_t)x->cats[k].n,
					      "suppressed", x->cats[k].suppressed != 0);
			if (!x->cats[k].suppressed)
				json_object_set_new(c, "mean", number(x->cats[k].mean, ITEM));
			json_array_append_new(cats, c);
		}
		json_t *d = json_pack("{s:s, s:o, s:o, s:I, s:b}", "dimension", x->dimension, "self", number(x->self, ITEM),
				      "categories", cats, "others_n", (json_int_t)x->others_n, "suppressed", x->suppressed != 0);
		if (!x->suppressed) {
			json_object_set_new(d, "others_mean", number(x->others_mean, ITEM));
			json_object_set_new(d, "gap", number(x->gap, ITEM));
		}
		json_array_append_new(a, d);
	}
	return a;
}

void api_wave(struct web *w)
{
	struct wave wv;
	struct instrument_version v;
	int d = wave_open(&w->ctx, w->id[0], &wv, &v);
	if (d == D_NOTFOUND) {
		api_answer(w, D_NOTFOUND, NULL, 0);
		return;
	}
	struct accounting acc;
	struct wave_results res;
	struct wave_breakdown b;
	if (d || wave_accounting(&w->ctx, &wv, &acc) ||
	    wave_results(&w->ctx, &wv, &v, &res) || wave_breakdown(&w->ctx, &wv, &v, &b)) {
		web_json_error(w, 500, _("The questionnaires could not be read. Try again later."));
		return;
	}
	json_t *accounting = json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:o}", "registered", (json_int_t)acc.registered,
				       "stopped", (json_int_t)acc.stopped, "completed", (json_int_t)acc.completed, "active",
				       (json_int_t)acc.active, "asked", (json_int_t)acc.invited, "responded",
				       (json_int_t)acc.responded, "not_responded", (json_int_t)acc.not_responded,
				       "response_rate", acc.rate < 0 ? json_null() : json_real(acc.rate));
	json_t *j = json_pack("{s:I, s:s, s:s, s:i, s:s, s:s, s:b, s:o, s:I}", "id", (json_int_t)wv.id, "name", wv.name,
			      "instrument", wv.instrument_name, "version", wv.version, "opens_on", wv.opens_on, "closes_on",
			      wv.closes_on, "anonymous", wv.anonymous, "accounting", accounting, "responses",
			      (json_int_t)res.responses);
	json_object_set_new(j, "purpose", wv.purpose && *wv.purpose ? json_string(wv.purpose) : json_null());
	if (wv.subject_id)
		json_object_set_new(j, "report_360", report_360(w, &wv, &v));
	if (!res.shown) {
		json_object_set_new(j, "results", json_null());
		json_object_set_new(j, "results_hidden", json_string(res.why_hidden));
		web_json(w, 200, j);
		return;
	}
	json_t *items = json_array();
	for (size_t i = 0; i < res.nitems; i++) {
		const struct item_result *ir = &res.items[i];
		json_t *ji = json_pack("{s:s, s:s, s:s, s:I}", "code", ir->item->code, "text", ir->item->text, "kind",
				       ir->item->kind, "n", (json_int_t)ir->n);
		if (!strcmp(ir->item->kind, "open")) {
			json_t *t = json_array();
			for (size_t k = 0; k < ir->ntexts; k++)
				json_array_append_new(t, json_string(ir->texts[k]));
			json_object_set_new(ji, "answers", t);
		} else {
			json_object_set_new(ji, "mean", number(ir->mean, ITEM));
			json_object_set_new(ji, "sd", number(ir->sd, ITEM));
			json_t *counts = json_array();
			for (size_t k = 0; k < ir->item->noptions; k++)
				json_array_append_new(counts, json_pack("{s:i, s:I}", "value", ir->item->options[k].value, "n",
									(json_int_t)ir->counts[k]));
			json_object_set_new(ji, "counts", counts);
		}
		json_array_append_new(items, ji);
	}
	json_object_set_new(j, "results", items);
	json_t *groups = json_array();
	for (size_t k = 0; b.shown && k < b.nrows; k++) {
		const struct breakdown_row *g = &b.rows[k];
		json_t *jg = json_pack("{s:s, s:b}", "group", g->name, "shown", g->shown);
		if (!g->shown)
			json_object_set_new(jg, "why_hidden", json_string(g->why_hidden));
		if (g->shown) {
			json_object_set_new(jg, "n", json_integer(g->n));
			json_t *means = json_object();
			for (size_t i = 0; i < v.nitems; i++)
				if (!strcmp(v.items[i].kind, "likert") || !strcmp(v.items[i].kind, "bipolar"))
					json_object_set_new(means, v.items[i].code, number(g->means[i], ITEM));
			json_object_set_new(jg, "means", means);
		}
		json_array_append_new(groups, jg);
	}
	json_object_set_new(j, "groups", groups);
	if (b.why_not)
		json_object_set_new(j, "groups_why_not_shown", json_string(b.why_not));
	web_json(w, 200, j);
}

static json_t *desc(const struct stats_desc *d)
{
	return json_pack("{s:I, s:o, s:o}", "n", (json_int_t)d->n, "mean", number(d->mean, SCORE), "sd", number(d->sd, SCORE));
}

static json_t *ttest(const struct stats_ttest *t)
{
	return json_pack("{s:o, s:o, s:o}", "t", number(t->t, FULL), "df", number(t->df, DF), "p", number(t->p, PVAL));
}

/* GET /api/v1/waves/{id}/compare?by=group|batch|unit[&with=WAVE]: what the
 * compare page shows, under the same rules; without `by`, the first
 * breakdown offered for the wave (as the page opens on). */
/* The parts of one breakdown with their scale scores, and the tests
 * between the shown parts per dimension. */
static json_t *comparison_json(const struct wave_comparison *c, const char *by_name, int by)
{
	json_t *dims = json_array();
	for (size_t d = 0; d < c->ndims; d++)
		json_array_append_new(dims, json_string(c->dims[d].name));
	json_t *rows = json_array();
	for (size_t k = 0; c->shown && k < c->nrows; k++) {
		const struct compare_row *x = &c->rows[k];
		json_t *cells = json_array();
		for (size_t d = 0; x->shown && d < c->ndims; d++)
			json_array_append_new(cells, desc(&x->cells[d].d));
		json_t *row = json_pack("{s:s, s:b, s:o, s:o}", "name", x->name, "shown", x->shown,
					"n", x->shown ? json_integer(x->n) : json_null(),
					"scores", x->shown ? cells : (json_decref(cells), json_null()));
		if (!x->shown)
			json_object_set_new(row, "why_hidden", json_string(x->why_hidden));
		json_array_append_new(rows, row);
	}
	json_t *tests = json_array();
	for (size_t d = 0; c->tests && d < c->ndims; d++) {
		const struct compare_test *t = &c->tests[d];
		json_t *x = json_pack("{s:s, s:{s:o, s:o, s:o, s:o, s:o}}", "dimension", c->dims[d].name, "anova", "F",
				      number(t->anova.F, FULL), "df1", number(t->anova.df1, DF), "df2", number(t->anova.df2, DF), "p",
				      number(t->anova.p, PVAL), "eta2", number(t->anova.eta2, PVAL));
		if (t->two) {
			json_object_set_new(x, "welch", ttest(&t->welch));
			json_object_set_new(x, "student", ttest(&t->student));
			json_object_set_new(x, "cohen_d", number(t->d, FULL));
		}
		json_array_append_new(tests, x);
	}
	json_t *j = json_pack("{s:s, s:o, s:b, s:o}", "by", by_name, "dimensions", dims, "shown", c->shown, "parts", rows);
	if (!c->shown)
		json_object_set_new(j, "why_hidden", json_string(c->why_hidden));
	else if (c->why_not[by])
		json_object_set_new(j, "why_not_shown", json_string(c->why_not[by]));
	json_object_set_new(j, "hidden_parts", json_integer((json_int_t)c->hidden));
	json_object_set_new(j, "tests", tests);
	return j;
}

/* Two waves, the earlier first: per dimension before and after, Welch,
 * Cohen's d and, when they pair, the paired t-test. */
static json_t *pairing_json(const struct wave_pairing *p, long long before, long long after)
{
	json_t *pd = json_array();
	for (size_t k = 0; p->shown && k < p->ndims; k++) {
		const struct pair_dim *x = &p->dims[k];
		json_t *o = json_pack("{s:s, s:o, s:o, s:o, s:o}", "dimension", x->name, "before", desc(&x->a), "after",
				      desc(&x->b), "welch", ttest(&x->welch), "cohen_d", number(x->d, FULL));
		if (p->paired)
			json_object_set_new(o, "paired", json_pack("{s:o, s:o, s:o, s:o, s:o}", "t", number(x->paired.t, FULL),
								   "df", number(x->paired.df, DF), "p", number(x->paired.p, PVAL),
								   "mean_diff", number(x->paired.mean_diff, SCORE), "dz",
								   number(x->paired.dz, FULL)));
		json_array_append_new(pd, o);
	}
	json_t *po = json_pack("{s:I, s:I, s:b, s:b, s:I, s:o}", "before", (json_int_t)before, "after", (json_int_t)after,
			       "shown", p->shown, "paired", p->paired, "pairs", (json_int_t)p->npairs, "dimensions", pd);
	if (p->why_hidden)
		json_object_set_new(po, "why_hidden", json_string(p->why_hidden));
	if (p->why_unpaired)
		json_object_set_new(po, "why_unpaired", json_string(p->why_unpaired));
	return po;
}

/* This wave beside the other organisations, pooled (wave_benchmark). */
static json_t *benchmark_json(const struct wave_benchmark *b)
{
	json_t *bd = json_array();
	for (size_t k = 0; b->shown && k < b->ndims; k++) {
		const struct benchmark_dim *x = &b->dims[k];
		json_t *o = json_pack("{s:s, s:o, s:b}", "dimension", x->name, "own", desc(&x->own), "shown", x->shown);
		if (x->shown) {
			json_object_set_new(o, "organisations", json_integer((json_int_t)x->orgs));
			json_object_set_new(o, "n", json_integer(x->n));
			json_object_set_new(o, "mean", number(x->mean, SCORE));
			json_object_set_new(o, "sd", number(x->sd, SCORE));
		}
		json_array_append_new(bd, o);
	}
	json_t *bo = json_pack("{s:b, s:o}", "shown", b->shown, "dimensions", bd);
	if (b->why_hidden)
		json_object_set_new(bo, "why_hidden", json_string(b->why_hidden));
	return bo;
}

void api_wave_compare(struct web *w)
{
	struct wave wv, other;
	struct instrument_version v, ov;
	int r = wave_open(&w->ctx, w->id[0], &wv, &v);
	if (r == D_NOTFOUND || (!r && wv.subject_id)) {
		api_answer(w, D_NOTFOUND, NULL, 0);
		return;
	}
	const char *bys = web_arg(w, "by");
	bool asked = bys && *bys;
	int by = asked ? compare_by_parse(bys) : COMPARE_GROUP;
	long long with;
	if (!web_arg_checked(w, "with", 0, 0, WEB_ID_MAX, &with))
		return;
	if (by < 0) {
		web_json_error(w, 400, _("Compare by group, batch or unit."));
		return;
	}
	int ro = with ? wave_open_comparable(&w->ctx, &wv, with, &other, &ov) : D_OK;
	if (ro == D_INVALID) {
		web_json_error(w, 400, _("Compare with another wave of the same questionnaire."));
		return;
	}
	struct wave_comparison c;
	struct wave_benchmark b;
	struct wave_pairing p;
	bool first = with && wave_before(&wv, &other);
	enum compare_by opening = COMPARE_GROUP;
	if (r || ro ||
	    (asked ? wave_compare(&w->ctx, &wv, &v, (enum compare_by)by, &c) : wave_compare_opening(&w->ctx, &wv, &v, &opening, &c)) ||
	    wave_benchmark(&w->ctx, &wv, &v, &b) ||
	    (with && wave_pair(&w->ctx, first ? &wv : &other, first ? &v : &ov, first ? &other : &wv, first ? &ov : &v, &p))) {
		web_json_error(w, 500, _("The questionnaires could not be read. Try again later."));
		return;
	}
	static const char *const names[] = { "group", "batch", "unit" };
	if (!asked)
		by = (int)opening;
	json_t *j = comparison_json(&c, names[by], by);
	if (with)
		json_object_set_new(j, "waves", pairing_json(&p, first ? wv.id : other.id, first ? other.id : wv.id));
	json_object_set_new(j, "benchmark", benchmark_json(&b));
	web_json(w, 200, j);
}
