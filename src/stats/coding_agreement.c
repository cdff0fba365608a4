/* coding_agreement.c — per-code agreement of two coders over the characters
 * of their sources, counted by sweeping sorted span boundaries. Definitions
 * in coding_agreement.h. */
#include "coding_agreement.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>

/* A span boundary: +1 where a selection starts, -1 where it ends. */
struct edge {
	size_t source, code, pos;
	int coder, delta;
};

static int cmp_size(size_t a, size_t b)
{
	return a < b ? -1 : a > b;
}

static int by_code(const void *pa, const void *pb)
{
	const struct edge *a = pa, *b = pb;
	int c = cmp_size(a->source, b->source);
	if (!c)
		c = cmp_size(a->code, b->code);
	return c ? c : cmp_size(a->pos, b->pos);
}

static int by_source(const void *pa, const void *pb)
{
	const struct edge *a = pa, *b = pb;
	int c = cmp_size(a->source, b->source);
	return c ? c : cmp_size(a->pos, b->pos);
}

void agree_alpha(size_t a_only, size_t b_only, size_t both, size_t neither, struct kappa_alpha *r)
{
	assert(r);
	double off = (double)a_only + (double)b_only, units = off + (double)both + (double)neither;
	r->units = a_only + b_only + both + neither;
	r->values = 2 * r->units;
	r->alpha = NAN;
	r->note = NULL;
	if (r->units == 0) {
		r->note = "no unit was coded by two raters or more: alpha is undefined";
		return;
	}
	double n0 = 2 * (double)neither + off, n1 = 2 * (double)both + off;
	if (n0 == 0 || n1 == 0) {
		r->note = "every pairable code is in one category: alpha is undefined (no expected disagreement)";
		return;
	}
	r->alpha = 1 - (2 * units - 1) * off / (n0 * n1);
}

/* The agreement of one code from its four counts. */
static void finish(struct agree_code_result *r)
{
	size_t units = r->a_only + r->b_only + r->both + r->neither;
	/* rows A, columns B; category 0 = not coded with this code, 1 = coded */
	const size_t table[4] = { r->neither, r->b_only, r->a_only, r->both };
	kappa_cohen(table, 2, KAPPA_UNWEIGHTED, &r->kappa);
	agree_alpha(r->a_only, r->b_only, r->both, r->neither, &r->alpha);
	r->agreement = units ? 100.0 * (double)(r->both + r->neither) / (double)units : NAN;
	bool a_all_or_none = r->b_only + r->neither == 0 || r->a_only + r->both == 0;
	bool b_all_or_none = r->a_only + r->neither == 0 || r->b_only + r->both == 0;
	if (!isnan(r->kappa.kappa) && (a_all_or_none || b_all_or_none)) {
		/* a coder coded every counted character or none (a margin is 0):
		 * pc = po, kappa 0, and with p, q the shares of the two cells
		 * used the variance's terms are p^3 q^2 + q^3 p^2 - p^2 q^2 =
		 * p^2 q^2 (p + q - 1) = 0 exactly, not the rounding error of its
		 * terms (as at perfect agreement in kappa.c) */
		r->kappa.kappa = r->kappa.var = r->kappa.se = r->kappa.lower = r->kappa.upper = 0;
	}
	r->note = NULL;
	if (units == 0)
		r->note = "no character counts: kappa and alpha are undefined";
	else if (r->a_only + r->b_only + r->both == 0)
		r->note = "neither coder used this code: kappa and alpha are undefined";
	else if (r->a_only + r->b_only + r->neither == 0)
		r->note = "both coders coded every counted character with this code: kappa and alpha are undefined";
	else if (isnan(r->kappa.kappa) || isnan(r->alpha.alpha))
		r->note = r->kappa.note ? r->kappa.note : r->alpha.note;
}

int coding_agreement(struct arena *a, const size_t *source_chars, size_t nsources, const bool *chosen,
		     const struct agree_span *spans, size_t nspans, size_t ncodes, bool with_uncoded,
		     struct agree_code_result *out, size_t *units_out, size_t *bad)
{
	assert(a && (!nsources || source_chars) && (!nspans || spans) && (!ncodes || out) && bad);
	for (size_t i = 0; i < nspans; i++) {
		const struct agree_span *s = &spans[i];
		if (s->source >= nsources || s->code >= ncodes || (s->coder != 0 && s->coder != 1) ||
		    s->start > s->end || s->end > source_chars[s->source]) {
			*bad = i;
			return -1;
		}
	}
	struct edge *e = arena_alloc(a, (2 * nspans + 1) * sizeof *e);
	size_t ne = 0;
	for (size_t i = 0; i < nspans; i++) {
		const struct agree_span *s = &spans[i];
		if (s->start == s->end || (chosen && !chosen[s->source]))
			continue;
		e[ne++] = (struct edge){ s->source, s->code, s->start, s->coder, +1 };
		e[ne++] = (struct edge){ s->source, s->code, s->end, s->coder, -1 };
	}
	for (size_t c = 0; c < ncodes; c++)
		out[c] = (struct agree_code_result){ 0 };

	/* per source and code: between two boundaries every character is
	 * coded alike; how many selections of A and of B cover it decides */
	qsort(e, ne, sizeof *e, by_code);
	for (size_t i = 0; i < ne;) {
		size_t j = i, cover[2] = { 0, 0 }, prev = e[i].pos;
		struct agree_code_result *r = &out[e[i].code];
		for (; j < ne && e[j].source == e[i].source && e[j].code == e[i].code; j++) {
			size_t len = e[j].pos - prev;
			if (cover[0] && cover[1])
				r->both += len;
			else if (cover[0])
				r->a_only += len;
			else if (cover[1])
				r->b_only += len;
			prev = e[j].pos;
			if (e[j].delta > 0)
				cover[e[j].coder]++;
			else
				cover[e[j].coder]--;
		}
		assert(!cover[0] && !cover[1]);
		i = j;
	}

	/* the characters that count: every one of the chosen sources, or
	 * without the uncoded text those any coder coded with any code */
	size_t units = 0;
	if (with_uncoded) {
		for (size_t s = 0; s < nsources; s++)
			if (!chosen || chosen[s])
				units += source_chars[s];
	} else {
		qsort(e, ne, sizeof *e, by_source);
		for (size_t i = 0; i < ne;) {
			size_t j = i, cover = 0, prev = e[i].pos;
			for (; j < ne && e[j].source == e[i].source; j++) {
				if (cover)
					units += e[j].pos - prev;
				prev = e[j].pos;
				if (e[j].delta > 0)
					cover++;
				else
					cover--;
			}
			i = j;
		}
	}
	for (size_t c = 0; c < ncodes; c++) {
		struct agree_code_result *r = &out[c];
		assert(r->a_only + r->b_only + r->both <= units);
		r->neither = units - r->a_only - r->b_only - r->both;
		finish(r);
	}
	if (units_out)
		*units_out = units;
	return 0;
}
