/* kappa.c — Cohen's kappa with psych::cohen.kappa's standard error and
 * confidence interval, the categories and confusion table it starts from,
 * and Krippendorff's alpha for nominal codes. Definitions in kappa.h. */
#include "kappa.h"
#include "stats.h"
#include "core/die.h"

#include <assert.h>
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- categories --------------------------------------------------------- */

struct catkey {
	const char *s;
	double x;    /* its number, when every value is one */
	size_t i;    /* first index in v */
};

static int by_bytes(const void *pa, const void *pb)
{
	const struct catkey *a = pa, *b = pb;
	return strcmp(a->s, b->s);
}

static int by_number(const void *pa, const void *pb)
{
	const struct catkey *a = pa, *b = pb;
	if (a->x != b->x)
		return a->x < b->x ? -1 : 1;
	return strcmp(a->s, b->s);
}

/* The index in sorted[0..k) (by bytes) of s, or KAPPA_MISSING. */
static size_t find(const struct catkey *sorted, size_t k, const char *s)
{
	struct catkey key = { s, 0, 0 };
	const struct catkey *f = bsearch(&key, sorted, k, sizeof *sorted, by_bytes);
	return f ? (size_t)(f - sorted) : KAPPA_MISSING;
}

int kappa_categories(struct arena *a, const char *const *v, size_t n, const char *const *given, size_t ngiven,
		     const char ***cats, size_t *k, size_t *codes, size_t *bad)
{
	assert(a && cats && k && codes && (!n || v));
	struct catkey *key;
	size_t m = 0;
	if (given) {
		key = arena_alloc(a, (ngiven + 1) * sizeof *key);
		for (size_t j = 0; j < ngiven; j++)
			key[m++] = (struct catkey){ given[j], 0, j };
	} else {
		key = arena_alloc(a, (n + 1) * sizeof *key);
		int numeric = 1;
		for (size_t i = 0; i < n; i++) {
			if (!*v[i])
				continue;
			double x;
			if (stats_number(v[i], &x) != 0 || !isfinite(x))
				numeric = 0;
			key[m++] = (struct catkey){ v[i], numeric ? x : 0, i };
		}
		qsort(key, m, sizeof *key, by_bytes);
		size_t u = 0;
		for (size_t i = 0; i < m; i++)
			if (u == 0 || strcmp(key[i].s, key[u - 1].s))
				key[u++] = key[i];
		m = u;
		if (numeric)
			qsort(key, m, sizeof *key, by_number);
		for (size_t j = 0; j < m; j++)
			key[j].i = j;  /* now: the category's place in the order */
	}
	const char **names = arena_alloc(a, (m + 1) * sizeof *names);
	for (size_t j = 0; j < m; j++)
		names[key[j].i] = key[j].s;
	/* looked up by bytes; .i says where each one is in the order */
	qsort(key, m, sizeof *key, by_bytes);
	for (size_t i = 0; i < n; i++) {
		if (!*v[i]) {
			codes[i] = KAPPA_MISSING;
			continue;
		}
		size_t f = find(key, m, v[i]);
		if (f == KAPPA_MISSING) {
			*bad = i;
			return -1;
		}
		codes[i] = key[f].i;
	}
	*cats = names;
	*k = m;
	return 0;
}

/* ---- Cohen's kappa ------------------------------------------------------ */

size_t kappa_table(const size_t *c1, const size_t *c2, size_t n, size_t k, size_t *table)
{
	size_t used = 0;
	for (size_t i = 0; i < n; i++) {
		if (c1[i] == KAPPA_MISSING || c2[i] == KAPPA_MISSING)
			continue;
		assert(c1[i] < k && c2[i] < k);
		table[c1[i] * k + c2[i]]++;
		used++;
	}
	return used;
}

#define ONE_CATEGORY "every unit coded by both is in one and the same category: kappa is undefined (0/0)"

static void undefined(struct kappa_est *r, const char *note)
{
	r->kappa = r->var = r->se = r->lower = r->upper = NAN;
	r->note = note;
}

/* psych: kappa -/+ qnorm(alpha / 2) * sqrt(var), then bounds beyond 1 set to 1 */
static void interval(struct kappa_est *r, double var, int perfect)
{
	if (perfect)  /* po = 1 makes the bracket (1 - pc)^2 - (1 - pc)^2: 0, not its rounding */
		var = 0;
	if (isnan(var) || var < 0)
		var = 0;
	r->var = var;
	r->se = sqrt(var);
	double z = gsl_cdf_ugaussian_Pinv(0.025);
	r->lower = fmax(-1, fmin(1, r->kappa + z * r->se));
	r->upper = fmax(-1, fmin(1, r->kappa - z * r->se));
}

static double weight(enum kappa_weights w, size_t i, size_t j, size_t k)
{
	double d = fabs((double)i - (double)j), top = (double)(k - 1);
	if (w == KAPPA_LINEAR)
		return 1 - d / top;
	if (w == KAPPA_QUADRATIC)
		return 1 - d * d / (top * top);
	return i == j;
}

void kappa_cohen(const size_t *table, size_t k, enum kappa_weights w, struct kappa_est *r)
{
	assert(r && (!k || table));
	size_t tot = 0;
	for (size_t i = 0; i < k * k; i++)
		tot += table[i];
	r->note = NULL;
	r->po = r->pc = NAN;
	if (tot == 0)
		return undefined(r, "no unit was coded by both raters: kappa is undefined");
	double n = (double)tot;
	double *x = xcalloc(k * k, sizeof *x), *rs = xcalloc(k, sizeof *rs), *cs = xcalloc(k, sizeof *cs);
	for (size_t i = 0; i < k; i++)
		for (size_t j = 0; j < k; j++) {
			x[i * k + j] = (double)table[i * k + j] / n;
			rs[i] += x[i * k + j];
			cs[j] += x[i * k + j];
		}
	int perfect = 1;  /* every unit on the diagonal */
	for (size_t i = 0; i < k; i++)
		for (size_t j = 0; j < k; j++)
			if (i != j && table[i * k + j])
				perfect = 0;
	if (k < 2) {
		r->po = r->pc = 1;
		undefined(r, "every code is in one category: kappa is undefined (0/0)");
		goto out;
	}
	if (w == KAPPA_UNWEIGHTED) {
		double po = 0, pc = 0;
		for (size_t i = 0; i < k; i++) {
			po += x[i * k + i];
			pc += rs[i] * cs[i];
		}
		r->po = po;
		r->pc = pc;
		if (pc == 1) {
			undefined(r, ONE_CATEGORY);
			goto out;
		}
		r->kappa = (po - pc) / (1 - pc);
		double a = 0, b = 0, d = 0;
		for (size_t i = 0; i < k; i++) {
			double t = (1 - pc) - (rs[i] + cs[i]) * (1 - po);
			a += x[i * k + i] * t * t;
			d += x[i * k + i] * (cs[i] + rs[i]) * (cs[i] + rs[i]);
			for (size_t j = 0; j < k; j++)
				b += x[i * k + j] * (cs[i] + rs[j]) * (cs[i] + rs[j]);
		}
		double c = po * pc - 2 * pc + po;
		interval(r, (a + (1 - po) * (1 - po) * (b - d) - c * c) / (n * pow(1 - pc, 4)), perfect);
		goto out;
	}
	double wpo = 0, wpc = 0;
	double *colw = xcalloc(k, sizeof *colw), *roww = xcalloc(k, sizeof *roww);
	for (size_t i = 0; i < k; i++)
		for (size_t j = 0; j < k; j++) {
			double wij = weight(w, i, j, k);
			wpo += wij * x[i * k + j];
			wpc += wij * rs[i] * cs[j];
			colw[j] += wij * cs[i];
			roww[i] += wij * rs[i];
		}
	r->po = wpo;
	r->pc = wpc;
	if (wpc == 1) {
		undefined(r, ONE_CATEGORY);
		goto outw;
	}
	r->kappa = (wpo - wpc) / (1 - wpc);
	double a = 0;
	for (size_t i = 0; i < k; i++)
		for (size_t j = 0; j < k; j++) {
			double t = weight(w, i, j, k) * (1 - wpc) - (colw[i] + roww[j]) * (1 - wpo);
			a += x[i * k + j] * t * t;
		}
	double c = wpo * wpc - 2 * wpc + wpo;
	interval(r, (a - c * c) / (n * pow(1 - wpc, 4)), perfect);
outw:
	free(colw);
	free(roww);
out:
	free(x);
	free(rs);
	free(cs);
}

/* ---- Krippendorff's alpha ----------------------------------------------- */

void kappa_krippendorff(const size_t *codes, size_t n, size_t m, size_t k, struct kappa_alpha *r)
{
	assert(r && (!n || !m || codes));
	r->units = r->values = 0;
	r->alpha = NAN;
	r->note = NULL;
	double *o = xcalloc(k * k + 1, sizeof *o);
	size_t *cnt = xcalloc(k + 1, sizeof *cnt), *seen = xcalloc(m + 1, sizeof *seen);
	for (size_t u = 0; u < n; u++) {
		size_t mu = 0, ns = 0;  /* codes in the unit; distinct categories among them, in seen */
		for (size_t j = 0; j < m; j++) {
			size_t c = codes[u * m + j];
			if (c == KAPPA_MISSING)
				continue;
			assert(c < k);
			if (cnt[c]++ == 0)
				seen[ns++] = c;
			mu++;
		}
		if (mu >= 2) {
			r->units++;
			r->values += mu;
			for (size_t a = 0; a < ns; a++)
				for (size_t b = 0; b < ns; b++) {
					size_t c = seen[a], d = seen[b];
					o[c * k + d] += (double)(cnt[c] * (c == d ? cnt[c] - 1 : cnt[d])) / (double)(mu - 1);
				}
		}
		for (size_t a = 0; a < ns; a++)
			cnt[seen[a]] = 0;
	}
	if (r->units == 0) {
		r->note = "no unit was coded by two raters or more: alpha is undefined";
		goto out;
	}
	/* n_c = sum_d o_cd: the pairable values in category c */
	double nn = (double)r->values, disagree = 0, expect = nn * nn;
	for (size_t c = 0; c < k; c++) {
		double nc = 0;
		for (size_t d = 0; d < k; d++) {
			nc += o[c * k + d];
			if (c != d)
				disagree += o[c * k + d];
		}
		expect -= nc * nc;
	}
	if (expect <= 0.5) {  /* a sum of whole numbers: 0, give or take rounding */
		r->note = "every pairable code is in one category: alpha is undefined (no expected disagreement)";
		goto out;
	}
	r->alpha = 1 - (nn - 1) * disagree / expect;
out:
	free(o);
	free(cnt);
	free(seen);
}
