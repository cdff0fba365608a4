/* survey_compare.c — scale scores, breakdowns with their tests, two waves
 * compared, the responses per week and the benchmark (survey_compare.h). */
#include "survey_compare.h"
#include "schedule.h"
#include "core/i18n.h"
#include "store/response.h"
#include "store/group.h"
#include "store/instrument.h"
#include "store/store.h"

#include <assert.h>
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

static enum plan_kind plan_kind_of(int by)
{
	return by == COMPARE_UNIT ? PLAN_UNIT : by == COMPARE_BATCH ? PLAN_BATCH : PLAN_GROUP;
}

/* Whether unit above is an ancestor of unit x. */
static bool unit_above(const struct unit *u, size_t nu, long long above, long long x)
{
	for (int depth = 0; x && depth < 64; depth++) {
		long long parent = 0;
		for (size_t i = 0; i < nu; i++)
			if (u[i].id == x)
				parent = u[i].parent_id;
		if (parent == above)
			return true;
		x = parent;
	}
	return false;
}

/* A unit kept for the people of the units below it that are too small to
 * be kept apart ("in D, not in a team shown apart") says so. */
static void name_rest_units(struct ctx *c, struct compare_row *rows, size_t n)
{
	struct unit *u;
	size_t nu;
	if (store_unit_list(c->st, c->a, c->who->organisation_id, false, &u, &nu))
		return;
	for (size_t k = 0; k < n; k++)
		for (size_t j = 0; rows[k].id && j < n; j++)
			if (j != k && rows[j].id && unit_above(u, nu, rows[k].id, rows[j].id)) {
				rows[k].name = arena_printf(c->a, _("%s (other)"), rows[k].name);
				break;
			}
}

int wave_compare(struct ctx *c, const struct wave *w, const struct instrument_version *v, enum compare_by by,
		 struct wave_comparison *out)
{
	memset(out, 0, sizeof(*out));
	struct wave_plan p;
	if (wave_plan(c, w, v, &p))
		return D_ERROR;
	out->dims = p.dims;
	out->ndims = p.ndims;
	if (!p.shown) {
		out->why_hidden = p.why_hidden;
		return D_OK;
	}
	out->shown = true;
	for (int k = 0; k < COMPARE_BY_N; k++)
		out->why_not[k] = plan_breakdown_reason(c, &p, plan_find(&p, plan_kind_of(k), 0));
	const struct plan_breakdown *pb = plan_find(&p, plan_kind_of(by), 0);
	assert(pb);
	const struct disclosure *dc = &pb->d;
	const struct scores *s = &p.s;
	/* the parts, named after a response of each */
	size_t nrows = dc->nparts;
	struct compare_row *rows = arena_alloc(c->a, (nrows + 1) * sizeof(*rows));
	for (size_t r = s->n; r-- > 0;) {
		struct compare_row *x = &rows[dc->part_of[r]];
		const char *name;
		x->id = part_of(c, by, s, r, &name);
		x->name = name;
	}
	for (size_t k = 0; k < nrows; k++) {
		rows[k].n = dc->parts[k].n;
		rows[k].shown = dc->parts[k].state == PART_SHOWN;
		rows[k].why_hidden = plan_part_reason(c, &p, pb, k);
	}
	if (by == COMPARE_UNIT)
		name_rest_units(c, rows, nrows);
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
	size_t *part = arena_alloc(c->a, (s->n + 1) * sizeof(*part));
	for (size_t r = 0; r < s->n; r++)
		part[r] = moved[dc->part_of[r]];
	rows = sorted;
	out->rows = rows;
	out->nrows = nrows;
	out->hidden = nrows - dc->shown;
	/* the shown parts numbered 0.. for the tests, in name order */
	size_t *index = arena_alloc(c->a, (nrows + 1) * sizeof(*index)), nshown = 0;
	for (size_t k = 0; k < nrows; k++) {
		index[k] = rows[k].shown ? nshown++ : (size_t)-1;
		if (rows[k].shown)
			rows[k].cells = arena_alloc(c->a, (out->ndims + 1) * sizeof(struct compare_cell));
	}
	if (nshown >= 2)
		out->tests = arena_alloc(c->a, (out->ndims + 1) * sizeof(*out->tests));
	double *x = arena_alloc(c->a, (s->n + 1) * sizeof(*x));
	double *y = arena_alloc(c->a, (s->n + 1) * sizeof(*y));
	size_t *g = arena_alloc(c->a, (s->n + 1) * sizeof(*g));
	for (size_t d = 0; d < out->ndims; d++) {
		for (size_t k = 0; k < nrows; k++) {
			if (!rows[k].shown)
				continue;
			size_t m = 0;
			for (size_t r = 0; r < s->n; r++)
				if (part[r] == k)
					x[m++] = s->x[r * out->ndims + d];
			stats_describe(x, m, &rows[k].cells[d].d);
		}
		if (!out->tests)
			continue;
		struct compare_test *t = &out->tests[d];
		size_t m = 0, na = 0, nb = 0;
		for (size_t r = 0; r < s->n; r++) {
			size_t i = index[part[r]];
			if (i == (size_t)-1)
				continue;
			x[m] = s->x[r * out->ndims + d];
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

/* Parts of a breakdown shown with their figures. */
static size_t parts_shown(const struct wave_comparison *c)
{
	return c->shown && c->nrows >= c->hidden ? c->nrows - c->hidden : 0;
}

int wave_compare_opening(struct ctx *c, const struct wave *w, const struct instrument_version *v, enum compare_by *by,
			 struct wave_comparison *out)
{
	assert(by && out);
	*by = COMPARE_GROUP;
	int r = wave_compare(c, w, v, COMPARE_GROUP, out);
	if (r || parts_shown(out) >= 2)
		return r;
	/* the first offered breakdown that sets two parts side by side, else
	 * the group's */
	struct wave_comparison first = *out;
	const char *why_not[COMPARE_BY_N];
	memcpy(why_not, out->why_not, sizeof why_not);
	for (int k = COMPARE_GROUP + 1; k < COMPARE_BY_N; k++) {
		if (why_not[k])
			continue;
		if ((r = wave_compare(c, w, v, (enum compare_by)k, out)))
			return r;
		if (parts_shown(out) >= 2) {
			*by = (enum compare_by)k;
			return D_OK;
		}
	}
	*out = first;
	return D_OK;
}

static const struct dimension *dim_named(const struct dimension *d, size_t n, const char *name, size_t *at)
{
	for (size_t k = 0; k < n; k++)
		if (!strcmp(d[k].name, name)) {
			*at = k;
			return &d[k];
		}
	return NULL;
}

/* How many responses of a plan's pairs breakdown answered the other wave. */
static long long pairs_in(const struct plan_breakdown *b, bool *shown)
{
	*shown = false;
	for (size_t k = 0; b && k < b->d.nparts; k++)
		if (b->d.parts[k].label == 1) {
			*shown = b->d.parts[k].state == PART_SHOWN;
			return b->d.parts[k].n;
		}
	return 0;
}

int wave_pair(struct ctx *c, const struct wave *a, const struct instrument_version *va, const struct wave *b,
	      const struct instrument_version *vb, struct wave_pairing *out)
{
	memset(out, 0, sizeof(*out));
	struct wave_plan pa, pb;
	if (wave_plan(c, a, va, &pa) || wave_plan(c, b, vb, &pb))
		return D_ERROR;
	if (!pa.shown || !pb.shown) {
		out->why_hidden = pa.shown ? pb.why_hidden : pa.why_hidden;
		return D_OK;
	}
	out->shown = true;
	const struct scores *sa = &pa.s, *sb = &pb.s;
	if (a->anonymous || b->anonymous) {
		out->why_unpaired = _("An anonymous wave does not know who answered, so its answers cannot be paired with another wave's: the two waves are compared as independent groups.");
	} else {
		bool shown_a, shown_b;
		long long both = pairs_in(plan_find(&pa, PLAN_PAIRED, b->id), &shown_a);
		(void)pairs_in(plan_find(&pb, PLAN_PAIRED, a->id), &shown_b);
		out->npairs = (size_t)both;
		out->paired = shown_a && shown_b;
		if (!out->paired)
			out->why_unpaired = arena_printf(c->a, _("Answers are paired when at least %d people answered both waves, and those who answered only one of them are none or at least %d too, also beside the other breakdowns of the two waves. %lld answered both, %lld only the first wave and %lld only the second, so the two waves are compared as independent groups."),
							 SURVEY_MIN_RESPONSES, SURVEY_MIN_RESPONSES, both,
							 (long long)sa->n - both, (long long)sb->n - both);
	}
	/* the same person's responses, when paired */
	size_t *match = arena_alloc(c->a, (sa->n + 1) * sizeof(*match));
	for (size_t i = 0; i < sa->n; i++) {
		match[i] = (size_t)-1;
		for (size_t j = 0; out->paired && sa->person_id[i] && j < sb->n; j++)
			if (sb->person_id[j] == sa->person_id[i]) {
				match[i] = j;
				break;
			}
	}
	size_t nda = pa.ndims, ndb = pb.ndims;
	out->dims = arena_alloc(c->a, (nda + 1) * sizeof(*out->dims));
	double *x = arena_alloc(c->a, (sa->n + sb->n + 1) * sizeof(*x));
	double *y = arena_alloc(c->a, (sa->n + sb->n + 1) * sizeof(*y));
	for (size_t k = 0; k < nda; k++) {
		size_t kb;
		if (!dim_named(pb.dims, ndb, pa.dims[k].name, &kb))
			continue;
		struct pair_dim *p = &out->dims[out->ndims++];
		p->name = pa.dims[k].name;
		for (size_t i = 0; i < sa->n; i++)
			x[i] = sa->x[i * nda + k];
		for (size_t j = 0; j < sb->n; j++)
			y[j] = sb->x[j * ndb + kb];
		stats_describe(x, sa->n, &p->a);
		stats_describe(y, sb->n, &p->b);
		/* after minus before: a positive difference is a rise */
		stats_welch(y, sb->n, x, sa->n, &p->welch);
		p->d = stats_cohen_d(y, sb->n, x, sa->n, &p->d_note);
		if (out->paired) {
			size_t m = 0;
			for (size_t i = 0; i < sa->n; i++)
				if (match[i] != (size_t)-1) {
					x[m] = sa->x[i * nda + k];
					y[m++] = sb->x[match[i] * ndb + kb];
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
	struct week_count *weeks;
	if (store_response_weeks(c->st, c->a, c->who->organisation_id, w->id, &weeks, &out->nweeks) ||
	    wave_accounting(c, w, &acc))
		return D_ERROR;
	out->weeks = arena_alloc(c->a, (out->nweeks + 1) * sizeof(*out->weeks));
	for (size_t i = 0; i < out->nweeks; i++)
		out->weeks[i] = (struct wave_week){ weeks[i].week, weeks[i].n };
	long long total = 0;
	for (size_t i = 0; i < out->nweeks; i++)
		total += out->weeks[i].n;
	out->invited = acc.invited;
	if ((out->why_hidden = wave_hidden_reason(c, w, total))) {
		out->nweeks = 0;
		return D_OK;
	}
	out->shown = true;
	return D_OK;
}

bool wave_comparable(const struct wave *w, const struct wave *other)
{
	assert(w && other);
	return other->id != w->id && other->instrument_id == w->instrument_id && !other->subject_id && !w->subject_id;
}

int wave_open_comparable(struct ctx *c, const struct wave *w, long long with, struct wave *other,
			 struct instrument_version *ov)
{
	int r = wave_open(c, with, other, ov);
	if (r == D_NOTFOUND || (r == D_OK && !wave_comparable(w, other)))
		return D_INVALID;
	return r ? D_ERROR : D_OK;
}
