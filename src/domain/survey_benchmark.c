/* survey_benchmark.c — a wave beside the other organisations that take
 * part in the benchmark (survey_compare.h, wave_benchmark), pooled from an
 * edition: a frozen set of their closed waves (migration 0014).
 *
 * Why editions. A benchmark pools the other organisations' scores, never
 * fewer than SURVEY_MIN_ORGS of them. But seen today and again after one
 * more organisation's wave has closed, the two pools differ by that one
 * organisation's results: its mean and SD on every scale, which it shared
 * only as one of at least five. So the pool changes only in steps in which
 * more than SURVEY_MIN_ORGS organisations' results change at once (more
 * than, because the organisation looking is left out of its own pool),
 * against every edition shown before. An organisation that stops taking
 * part is left out at once: until such a step is possible nothing is
 * shown, as the pool without it beside the one with it would give it away. */
#include "survey_compare.h"
#include "schedule.h"
#include "core/i18n.h"
#include "store/response.h"
#include "store/instrument.h"
#include "store/store.h"

#include <math.h>
#include <string.h>

/* An organisation's scores on a scale count in a pool from this many. */
static bool counted(const struct benchmark_row *r)
{
	return r->n >= SURVEY_MIN_RESPONSES;
}

static const struct benchmark_row *find(const struct benchmark_row *rows, size_t n, const char *scale, long long org)
{
	for (size_t i = 0; i < n; i++)
		if (rows[i].org == org && !strcmp(rows[i].scale, scale) && counted(&rows[i]))
			return &rows[i];
	return NULL;
}

/* The organisations counted on a scale. */
static size_t orgs_on(const struct benchmark_row *rows, size_t n, const char *scale)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += !strcmp(rows[i].scale, scale) && counted(&rows[i]);
	return k;
}

/* How many organisations' counted scores on a scale differ between a and b. */
static size_t changed_on(const struct benchmark_row *a, size_t na, const struct benchmark_row *b, size_t nb,
			 const char *scale)
{
	size_t k = 0;
	for (size_t i = 0; i < na; i++) {
		if (strcmp(a[i].scale, scale) || !counted(&a[i]))
			continue;
		const struct benchmark_row *x = find(b, nb, scale, a[i].org);
		k += !x || x->n != a[i].n || x->sum != a[i].sum || x->sumsq != a[i].sumsq;
	}
	for (size_t i = 0; i < nb; i++)
		if (!strcmp(b[i].scale, scale) && counted(&b[i]) && !find(a, na, scale, b[i].org))
			k++;
	return k;
}

/* Whether the pool of waves c may follow every edition before: on each
 * scale an edition could show, none or more than SURVEY_MIN_ORGS
 * organisations changed. */
static int may_follow(struct ctx *c, const struct benchmark_edition *eds, size_t neds, const struct benchmark_row *now,
		      size_t nnow, bool *ok)
{
	*ok = true;
	for (size_t e = 0; e < neds && *ok; e++) {
		struct benchmark_row *rows;
		size_t nrows;
		if (store_benchmark_sums(c->st, c->a, eds[e].waves, eds[e].nwaves, &rows, &nrows))
			return D_ERROR;
		for (size_t i = 0; i < nrows && *ok; i++) {
			if (orgs_on(rows, nrows, rows[i].scale) < SURVEY_MIN_ORGS)
				continue;
			size_t k = changed_on(rows, nrows, now, nnow, rows[i].scale);
			*ok = k == 0 || k > SURVEY_MIN_ORGS;
		}
	}
	return D_OK;
}

static bool same_waves(const long long *a, size_t na, const long long *b, size_t nb)
{
	return na == nb && (!na || !memcmp(a, b, na * sizeof(*a)));
}

/* Whether every wave of a (sorted) is in b (sorted). */
static bool within(const long long *a, size_t na, const long long *b, size_t nb)
{
	size_t j = 0;
	for (size_t i = 0; i < na; i++) {
		while (j < nb && b[j] < a[i])
			j++;
		if (j == nb || b[j] != a[i])
			return false;
	}
	return true;
}

/* The waves of the edition to pool from, or none (*why says why). */
static int edition_for(struct ctx *c, const char *key, const char *today, const long long **waves, size_t *nwaves,
		       const char **why)
{
	long long *cand;
	size_t ncand;
	struct benchmark_edition *eds;
	size_t neds;
	*waves = NULL;
	*nwaves = 0;
	*why = NULL;
	if (store_benchmark_candidates(c->st, c->a, key, today, &cand, &ncand) ||
	    store_benchmark_editions(c->st, c->a, key, &eds, &neds))
		return D_ERROR;
	const struct benchmark_edition *last = neds ? &eds[neds - 1] : NULL;
	if (last && same_waves(last->waves, last->nwaves, cand, ncand)) {
		*waves = last->waves;
		*nwaves = last->nwaves;
		return D_OK;
	}
	struct benchmark_row *now;
	size_t nnow;
	bool ok, shows = false;
	if (store_benchmark_sums(c->st, c->a, cand, ncand, &now, &nnow) || may_follow(c, eds, neds, now, nnow, &ok))
		return D_ERROR;
	for (size_t i = 0; i < nnow && !shows; i++)
		shows = orgs_on(now, nnow, now[i].scale) >= SURVEY_MIN_ORGS;
	if (ok && shows) {
		long long id;
		if (store_benchmark_edition_add(c->st, key, ctx_now(c), cand, ncand, &id))
			return D_ERROR;
		*waves = cand;
		*nwaves = ncand;
		return D_OK;
	}
	if (last && within(last->waves, last->nwaves, cand, ncand)) {
		/* the newly closed waves wait for the next edition */
		*waves = last->waves;
		*nwaves = last->nwaves;
		return D_OK;
	}
	if (last)
		*why = arena_printf(c->a, _("The benchmark is being renewed: an organisation stopped taking part, and until more than %d organisations have new results, the benchmark without it beside the one before would give its results away."),
				    SURVEY_MIN_ORGS);
	return D_OK;
}

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
	if ((out->why_hidden = wave_hidden_reason(c, w, (long long)s.n)))
		return D_OK;
	char today[11];
	date_today(ctx_now(c), today);
	const long long *waves;
	size_t nwaves;
	struct benchmark_row *rows = NULL;
	size_t nrows = 0;
	if (edition_for(c, in.key, today, &waves, &nwaves, &out->why_hidden) ||
	    (nwaves && store_benchmark_sums(c->st, c->a, waves, nwaves, &rows, &nrows)))
		return D_ERROR;
	if (out->why_hidden)
		return D_OK;
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
		/* the other organisations, each from SURVEY_MIN_RESPONSES scores */
		long double sum = 0, sumsq = 0;
		for (size_t i = 0; i < nrows; i++)
			if (rows[i].org != org && !strcmp(rows[i].scale, b->name) && counted(&rows[i])) {
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
