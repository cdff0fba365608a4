/* survey_compare.c — scale scores, breakdowns with their tests, two waves
 * compared, the responses per week and the benchmark (survey_compare.h). */
#include "survey_compare.h"
#include "schedule.h"
#include "core/i18n.h"
#include "store/programme.h"
#include "store/response.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static bool scored(const struct instrument_item *it)
{
	return !strcmp(it->kind, "likert") || !strcmp(it->kind, "bipolar");
}

static void points(const struct instrument_item *it, int *min, int *max)
{
	*min = *max = 0;
	for (size_t k = 0; k < it->noptions; k++) {
		if (!k || it->options[k].value < *min)
			*min = it->options[k].value;
		if (!k || it->options[k].value > *max)
			*max = it->options[k].value;
	}
}

size_t survey_dimensions(struct arena *a, const struct instrument_version *v, struct dimension **out)
{
	struct dimension *d = arena_alloc(a, (v->nitems + 1) * sizeof(*d));
	size_t n = 0;
	bool any_scale = false;
	for (size_t i = 0; i < v->nitems; i++)
		if (scored(&v->items[i]) && v->items[i].scale && *v->items[i].scale)
			any_scale = true;
	for (size_t i = 0; i < v->nitems; i++) {
		const struct instrument_item *it = &v->items[i];
		if (!scored(it) || (any_scale && !(it->scale && *it->scale)))
			continue;
		struct dimension *x = NULL;
		for (size_t k = 0; any_scale && k < n && !x; k++)
			if (!strcmp(d[k].name, it->scale))
				x = &d[k];
		if (!x) {
			x = &d[n++];
			x->scale = any_scale;
			x->name = any_scale ? it->scale : arena_printf(a, "%s) %s", it->code, it->text);
			x->items = arena_alloc(a, (v->nitems + 1) * sizeof(*x->items));
			points(it, &x->min, &x->max);
		}
		x->items[x->nitems++] = i;
	}
	*out = d;
	return n;
}

struct by_size {
	long long n;
	size_t at;
};

static int smallest_first(const void *a, const void *b)
{
	const struct by_size *x = a, *y = b;
	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

size_t survey_guard(const long long *n, bool *shown, size_t k)
{
	struct by_size *order = malloc((k + 1) * sizeof(*order));
	if (!order)
		abort();
	size_t hidden = 0;
	long long hidden_n = 0;
	for (size_t i = 0; i < k; i++) {
		order[i] = (struct by_size){ n[i], i };
		shown[i] = n[i] >= SURVEY_MIN_RESPONSES;
		if (!shown[i]) {
			hidden++;
			hidden_n += n[i];
		}
	}
	qsort(order, k, sizeof(*order), smallest_first);
	/* the total minus the shown parts must not give a part away */
	for (size_t i = 0; i < k && hidden && hidden_n < SURVEY_MIN_RESPONSES; i++)
		if (shown[order[i].at]) {
			shown[order[i].at] = false;
			hidden++;
			hidden_n += order[i].n;
		}
	free(order);
	return hidden;
}

/* ---- scale scores ---- */

static long long count_responses(const struct answer_row *rows, size_t n)
{
	long long k = 0;
	for (size_t i = 0; i < n; i++)
		if (!i || rows[i].response_id != rows[i - 1].response_id)
			k++;
	return k;
}

static int scores_from(struct ctx *c, const struct instrument_version *v, const struct dimension *dims, size_t ndims,
		       const struct answer_row *rows, size_t nrows, struct scores *out)
{
	memset(out, 0, sizeof(*out));
	size_t nr = (size_t)count_responses(rows, nrows);
	out->ndims = ndims;
	out->response_id = arena_alloc(c->a, (nr + 1) * sizeof(long long));
	out->group_id = arena_alloc(c->a, (nr + 1) * sizeof(long long));
	out->unit_id = arena_alloc(c->a, (nr + 1) * sizeof(long long));
	out->person_id = arena_alloc(c->a, (nr + 1) * sizeof(long long));
	out->x = arena_alloc(c->a, (nr * ndims + 1) * sizeof(double));
	/* the dimension of each item of the version, by its index */
	long long *dim_of = arena_alloc(c->a, (v->nitems + 1) * sizeof(*dim_of));
	for (size_t i = 0; i < v->nitems; i++)
		dim_of[i] = -1;
	for (size_t k = 0; k < ndims; k++)
		for (size_t j = 0; j < dims[k].nitems; j++)
			dim_of[dims[k].items[j]] = (long long)k;
	double *sum = arena_alloc(c->a, (ndims + 1) * sizeof(*sum));
	size_t *cnt = arena_alloc(c->a, (ndims + 1) * sizeof(*cnt));
	size_t r = 0;
	for (size_t i = 0; i < nrows;) {
		size_t end = i;
		while (end < nrows && rows[end].response_id == rows[i].response_id)
			end++;
		memset(sum, 0, ndims * sizeof(*sum));
		memset(cnt, 0, ndims * sizeof(*cnt));
		for (size_t j = i; j < end; j++) {
			if (!rows[j].has_value)
				continue;
			for (size_t t = 0; t < v->nitems; t++) {
				if (v->items[t].id != rows[j].item_id || dim_of[t] < 0)
					continue;
				double x = (double)rows[j].value;
				if (v->items[t].reversed) {
					int min, max;
					points(&v->items[t], &min, &max);
					x = min + max - x;
				}
				sum[dim_of[t]] += x;
				cnt[dim_of[t]]++;
				break;
			}
		}
		out->response_id[r] = rows[i].response_id;
		out->group_id[r] = rows[i].group_id;
		out->unit_id[r] = rows[i].unit_id;
		out->person_id[r] = rows[i].person_id;
		for (size_t k = 0; k < ndims; k++)
			out->x[r * ndims + k] = cnt[k] ? sum[k] / (double)cnt[k] : NAN;
		r++;
		i = end;
	}
	out->n = r;
	return D_OK;
}

int wave_scores(struct ctx *c, const struct wave *w, const struct instrument_version *v, const struct dimension *dims,
		size_t ndims, struct scores *out)
{
	struct answer_row *rows;
	size_t nrows;
	if (store_answers(c->st, c->a, c->who->organisation_id, w->id, &rows, &nrows))
		return D_ERROR;
	return scores_from(c, v, dims, ndims, rows, nrows, out);
}

/* ---- a wave by group, batch or unit ---- */

int compare_by_parse(const char *s)
{
	if (!s)
		return -1;
	if (!strcmp(s, "group"))
		return COMPARE_GROUP;
	if (!strcmp(s, "batch"))
		return COMPARE_BATCH;
	if (!strcmp(s, "unit"))
		return COMPARE_UNIT;
	return -1;
}

static int by_row_name(const void *a, const void *b, void *rows)
{
	const struct compare_row *r = rows;
	return strcmp(r[*(const size_t *)a].name, r[*(const size_t *)b].name);
}

/* The part a response belongs to, and its name. */
static long long part_of(struct ctx *c, enum compare_by by, const struct scores *s, size_t r, const char **name)
{
	long long org = c->who->organisation_id;
	*name = by == COMPARE_UNIT ? _("(no unit)") : by == COMPARE_BATCH ? _("(no batch)") : _("(no group)");
	if (by == COMPARE_UNIT) {
		struct unit u;
		if (s->unit_id[r] && !store_unit_get(c->st, c->a, org, s->unit_id[r], &u))
			*name = u.name;
		return s->unit_id[r];
	}
	struct learning_group g;
	if (!s->group_id[r] || store_group_get(c->st, c->a, org, s->group_id[r], &g))
		return 0;
	if (by == COMPARE_BATCH) {
		*name = arena_printf(c->a, "%s · %s", g.programme_name, g.batch_name);
		return g.batch_id;
	}
	*name = arena_printf(c->a, "%s · %s", g.batch_name, g.name);
	return g.id;
}

int wave_compare(struct ctx *c, const struct wave *w, const struct instrument_version *v, enum compare_by by,
		 struct wave_comparison *out)
{
	memset(out, 0, sizeof(*out));
	out->ndims = survey_dimensions(c->a, v, &out->dims);
	struct scores s;
	if (wave_scores(c, w, v, out->dims, out->ndims, &s))
		return D_ERROR;
	if ((out->why_hidden = wave_hidden_reason(c, w, (long long)s.n, (long long)time(NULL))))
		return D_OK;
	out->shown = true;
	/* the parts, each response counted once */
	size_t *part = arena_alloc(c->a, (s.n + 1) * sizeof(*part));
	struct compare_row *rows = arena_alloc(c->a, (s.n + 1) * sizeof(*rows));
	size_t nrows = 0;
	for (size_t r = 0; r < s.n; r++) {
		const char *name;
		long long id = part_of(c, by, &s, r, &name);
		size_t k = 0;
		while (k < nrows && rows[k].id != id)
			k++;
		if (k == nrows)
			rows[nrows++] = (struct compare_row){ id, name, 0, false, NULL };
		rows[k].n++;
		part[r] = k;
	}
	/* in name order: part[] follows the rows to their new places */
	size_t *order = arena_alloc(c->a, (nrows + 1) * sizeof(*order));
	for (size_t k = 0; k < nrows; k++)
		order[k] = k;
	qsort_r(order, nrows, sizeof(*order), by_row_name, rows);
	struct compare_row *sorted = arena_alloc(c->a, (nrows + 1) * sizeof(*sorted));
	size_t *moved = arena_alloc(c->a, (nrows + 1) * sizeof(*moved));
	for (size_t k = 0; k < nrows; k++) {
		sorted[k] = rows[order[k]];
		moved[order[k]] = k;
	}
	for (size_t r = 0; r < s.n; r++)
		part[r] = moved[part[r]];
	rows = sorted;
	out->rows = rows;
	out->nrows = nrows;

	long long *n = arena_alloc(c->a, (nrows + 1) * sizeof(*n));
	bool *shown = arena_alloc(c->a, (nrows + 1) * sizeof(*shown));
	for (size_t k = 0; k < nrows; k++)
		n[k] = rows[k].n;
	out->hidden = survey_guard(n, shown, nrows);
	/* the shown parts numbered 0.. for the tests, in name order */
	size_t *index = arena_alloc(c->a, (nrows + 1) * sizeof(*index)), nshown = 0;
	for (size_t k = 0; k < nrows; k++) {
		rows[k].shown = shown[k];
		index[k] = shown[k] ? nshown++ : (size_t)-1;
		if (shown[k])
			rows[k].cells = arena_alloc(c->a, (out->ndims + 1) * sizeof(struct compare_cell));
	}
	if (nshown >= 2)
		out->tests = arena_alloc(c->a, (out->ndims + 1) * sizeof(*out->tests));
	double *x = arena_alloc(c->a, (s.n + 1) * sizeof(*x));
	double *y = arena_alloc(c->a, (s.n + 1) * sizeof(*y));
	size_t *g = arena_alloc(c->a, (s.n + 1) * sizeof(*g));
	for (size_t d = 0; d < out->ndims; d++) {
		for (size_t k = 0; k < nrows; k++) {
			if (!shown[k])
				continue;
			size_t m = 0;
			for (size_t r = 0; r < s.n; r++)
				if (part[r] == k)
					x[m++] = s.x[r * out->ndims + d];
			stats_describe(x, m, &rows[k].cells[d].d);
		}
		if (!out->tests)
			continue;
		struct compare_test *t = &out->tests[d];
		size_t m = 0, na = 0, nb = 0;
		for (size_t r = 0; r < s.n; r++) {
			size_t i = index[part[r]];
			if (i == (size_t)-1)
				continue;
			x[m] = s.x[r * out->ndims + d];
			g[m++] = i;
		}
		stats_anova(x, g, m, nshown, &t->anova);
		if (nshown != 2)
			continue;
		/* the first shown part (in name order) against the second */
		t->two = true;
		double *first = arena_alloc(c->a, (m + 1) * sizeof(*first));
		for (size_t i = 0; i < m; i++) {
			if (g[i] == 0)
				first[na++] = x[i];
			else
				y[nb++] = x[i];
		}
		stats_welch(first, na, y, nb, &t->welch);
		stats_student(first, na, y, nb, &t->student);
		t->d = stats_cohen_d(first, na, y, nb, &t->d_note);
	}
	return D_OK;
}

/* ---- two waves ---- */

static const struct dimension *dim_named(const struct dimension *d, size_t n, const char *name, size_t *at)
{
	for (size_t k = 0; k < n; k++)
		if (!strcmp(d[k].name, name)) {
			*at = k;
			return &d[k];
		}
	return NULL;
}

int wave_pair(struct ctx *c, const struct wave *a, const struct instrument_version *va, const struct wave *b,
	      const struct instrument_version *vb, struct wave_pairing *out)
{
	memset(out, 0, sizeof(*out));
	struct dimension *da, *db;
	size_t nda = survey_dimensions(c->a, va, &da), ndb = survey_dimensions(c->a, vb, &db);
	struct scores sa, sb;
	if (wave_scores(c, a, va, da, nda, &sa) || wave_scores(c, b, vb, db, ndb, &sb))
		return D_ERROR;
	long long now = (long long)time(NULL);
	if ((out->why_hidden = wave_hidden_reason(c, a, (long long)sa.n, now)) ||
	    (out->why_hidden = wave_hidden_reason(c, b, (long long)sb.n, now)))
		return D_OK;
	out->shown = true;
	/* the people who answered both, when the waves know who answered */
	size_t *match = arena_alloc(c->a, (sa.n + 1) * sizeof(*match));
	if (a->anonymous || b->anonymous) {
		out->why_unpaired = _("An anonymous wave does not know who answered, so its answers cannot be paired with another wave's: the two waves are compared as independent groups.");
	} else {
		for (size_t i = 0; i < sa.n; i++) {
			match[i] = (size_t)-1;
			for (size_t j = 0; sa.person_id[i] && j < sb.n; j++)
				if (sb.person_id[j] == sa.person_id[i]) {
					match[i] = j;
					out->npairs++;
					break;
				}
		}
		if (out->npairs >= SURVEY_MIN_RESPONSES)
			out->paired = true;
		else
			out->why_unpaired = arena_printf(c->a, _("Answers are paired from %d people who answered both waves; there are %zu, so the two waves are compared as independent groups."),
							 SURVEY_MIN_RESPONSES, out->npairs);
	}
	out->dims = arena_alloc(c->a, (nda + 1) * sizeof(*out->dims));
	double *x = arena_alloc(c->a, (sa.n + sb.n + 1) * sizeof(*x));
	double *y = arena_alloc(c->a, (sa.n + sb.n + 1) * sizeof(*y));
	for (size_t k = 0; k < nda; k++) {
		size_t kb;
		if (!dim_named(db, ndb, da[k].name, &kb))
			continue;
		struct pair_dim *p = &out->dims[out->ndims++];
		p->name = da[k].name;
		for (size_t i = 0; i < sa.n; i++)
			x[i] = sa.x[i * nda + k];
		for (size_t j = 0; j < sb.n; j++)
			y[j] = sb.x[j * ndb + kb];
		stats_describe(x, sa.n, &p->a);
		stats_describe(y, sb.n, &p->b);
		/* after minus before: a positive difference is a rise */
		stats_welch(y, sb.n, x, sa.n, &p->welch);
		p->d = stats_cohen_d(y, sb.n, x, sa.n, &p->d_note);
		if (out->paired) {
			size_t m = 0;
			for (size_t i = 0; i < sa.n; i++)
				if (match[i] != (size_t)-1) {
					x[m] = sa.x[i * nda + k];
					y[m++] = sb.x[match[i] * ndb + kb];
				}
			stats_paired(x, y, m, &p->paired);
		}
	}
	return D_OK;
}

/* ---- the responses per week ---- */

int wave_timeline(struct ctx *c, const struct wave *w, struct wave_timeline *out)
{
	memset(out, 0, sizeof(*out));
	struct accounting acc;
	if (store_response_weeks(c->st, c->a, c->who->organisation_id, w->id, &out->weeks, &out->nweeks) ||
	    wave_accounting(c, w, &acc))
		return D_ERROR;
	long long total = 0;
	for (size_t i = 0; i < out->nweeks; i++)
		total += out->weeks[i].n;
	out->invited = acc.invited;
	if ((out->why_hidden = wave_hidden_reason(c, w, total, (long long)time(NULL)))) {
		out->nweeks = 0;
		return D_OK;
	}
	out->shown = true;
	return D_OK;
}

/* ---- the benchmark ---- */

int wave_benchmark(struct ctx *c, const struct wave *w, const struct instrument_version *v, struct wave_benchmark *out)
{
	memset(out, 0, sizeof(*out));
	long long org = c->who->organisation_id;
	struct organisation o;
	struct instrument in;
	if (store_org_get(c->st, c->a, org, &o) || store_instrument_get(c->st, c->a, org, w->instrument_id, &in))
		return D_ERROR;
	if (!o.benchmark) {
		out->why_hidden = _("Your organisation does not take part in the benchmark: only organisations that share their results see those of others.");
		return D_OK;
	}
	if (!*in.key || w->subject_id) {
		out->why_hidden = _("A benchmark compares the built-in questionnaires only, and not 360° feedback rounds.");
		return D_OK;
	}
	struct dimension *dims;
	size_t nd = survey_dimensions(c->a, v, &dims);
	struct scores s;
	if (wave_scores(c, w, v, dims, nd, &s))
		return D_ERROR;
	if ((out->why_hidden = wave_hidden_reason(c, w, (long long)s.n, (long long)time(NULL))))
		return D_OK;
	char today[11];
	date_today((long long)time(NULL), today);
	struct benchmark_row *rows;
	size_t nrows;
	if (store_benchmark(c->st, c->a, org, in.key, today, &rows, &nrows))
		return D_ERROR;
	out->dims = arena_alloc(c->a, (nd + 1) * sizeof(*out->dims));
	double *x = arena_alloc(c->a, (s.n + 1) * sizeof(*x));
	for (size_t k = 0; k < nd; k++) {
		if (!dims[k].scale)
			continue;
		struct benchmark_dim *b = &out->dims[out->ndims++];
		b->name = dims[k].name;
		for (size_t r = 0; r < s.n; r++)
			x[r] = s.x[r * nd + k];
		stats_describe(x, s.n, &b->own);
		long double sum = 0, sumsq = 0;
		for (size_t i = 0; i < nrows; i++)
			if (!strcmp(rows[i].scale, b->name) && rows[i].n >= SURVEY_MIN_RESPONSES) {
				b->orgs++;
				b->n += rows[i].n;
				sum += rows[i].sum;
				sumsq += rows[i].sumsq;
			}
		if (b->orgs < SURVEY_MIN_ORGS || b->n < 2)
			continue;
		b->shown = true;
		out->shown = true;
		b->mean = (double)(sum / b->n);
		long double ss = sumsq - sum * sum / b->n;
		b->sd = ss > 0 ? sqrt((double)(ss / (b->n - 1))) : 0;
	}
	if (!out->shown)
		out->why_hidden = arena_printf(c->a, _("A benchmark is shown from %d other organisations with at least %d responses each; there are not that many yet."),
					       SURVEY_MIN_ORGS, SURVEY_MIN_RESPONSES);
	return D_OK;
}
