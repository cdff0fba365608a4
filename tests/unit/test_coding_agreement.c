/* test_coding_agreement.c — the per-code agreement of two coders of
 * src/stats/coding_agreement.c: the boundary sweep against a count
 * character by character on random spans, the closed formula for
 * Krippendorff's alpha against kappa_krippendorff() on the expanded units,
 * numbers worked by hand, and the edge cases. The comparison with R
 * (psych::cohen.kappa) is in tests/stats/agreement.test.mjs. */
#include "test.h"
#include "core/arena.h"
#include "core/die.h"
#include "stats/coding_agreement.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

static void near(const char *file, int line, const char *expr, double got, double want)
{
	double d = fabs(got - want);
	if (d == 0 || d <= 1e-12 * fmax(fabs(got), fabs(want)))
		test_pass();
	else
		test_fail(file, line, "%s == %.17g, expected %.17g", expr, got, want);
}
#define NEAR(a, b) near(__FILE__, __LINE__, #a, (a), (b))

/* xorshift64*, fixed seeds: the same spans on every run */
static uint64_t rnd_state;
static size_t rnd(size_t n)
{
	rnd_state ^= rnd_state >> 12;
	rnd_state ^= rnd_state << 25;
	rnd_state ^= rnd_state >> 27;
	return n ? (size_t)((rnd_state * 2685821657736338717ULL) >> 33) % n : 0;
}

/* The counts character by character: what the sweep must equal. */
static void brute(const size_t *chars, size_t ns, const bool *chosen, const struct agree_span *sp, size_t nsp,
		  size_t nc, bool with_uncoded, struct agree_code_result *out)
{
	for (size_t c = 0; c < nc; c++)
		out[c] = (struct agree_code_result){ 0 };
	for (size_t s = 0; s < ns; s++) {
		if (chosen && !chosen[s])
			continue;
		for (size_t x = 0; x < chars[s]; x++) {
			int any = 0;
			for (size_t i = 0; i < nsp; i++)
				if (sp[i].source == s && sp[i].start <= x && x < sp[i].end)
					any = 1;
			if (!any && !with_uncoded)
				continue;
			for (size_t c = 0; c < nc; c++) {
				int by[2] = { 0, 0 };
				for (size_t i = 0; i < nsp; i++)
					if (sp[i].source == s && sp[i].code == c && sp[i].start <= x && x < sp[i].end)
						by[sp[i].coder] = 1;
				if (by[0] && by[1])
					out[c].both++;
				else if (by[0])
					out[c].a_only++;
				else if (by[1])
					out[c].b_only++;
				else
					out[c].neither++;
			}
		}
	}
}

TEST(agreement_sweep_equals_count_per_character)
{
	rnd_state = 19190019;
	size_t differ = 0, runs = 0, nonzero = 0;
	for (int trial = 0; trial < 400; trial++) {
		struct arena a = ARENA_INIT;
		size_t ns = 1 + rnd(4), nc = 1 + rnd(5), nsp = rnd(40);
		size_t chars[4];
		bool chosen[4];
		for (size_t s = 0; s < ns; s++) {
			chars[s] = rnd(5) == 0 ? 0 : rnd(300);
			chosen[s] = rnd(4) != 0;
		}
		struct agree_span sp[40];
		for (size_t i = 0; i < nsp; i++) {
			size_t s = rnd(ns), x = rnd(chars[s] + 1), y = rnd(chars[s] + 1);
			/* short selections that overlap, long ones, empty ones */
			if (rnd(3) == 0 && x + 5 <= chars[s])
				y = x + rnd(6);
			sp[i] = (struct agree_span){ s, rnd(nc), x < y ? x : y, x < y ? y : x, (int)rnd(2) };
		}
		for (int with = 0; with < 2; with++)
			for (int sub = 0; sub < 2; sub++) {
				struct agree_code_result got[5], want[5];
				size_t bad = 99;
				if (coding_agreement(&a, chars, ns, sub ? chosen : NULL, sp, nsp, nc, with, got, NULL, &bad)) {
					differ++;
					continue;
				}
				brute(chars, ns, sub ? chosen : NULL, sp, nsp, nc, with, want);
				for (size_t c = 0; c < nc; c++) {
					runs++;
					nonzero += got[c].both > 0 && got[c].a_only > 0 && got[c].b_only > 0;
					if (got[c].a_only != want[c].a_only || got[c].b_only != want[c].b_only ||
					    got[c].both != want[c].both || got[c].neither != want[c].neither) {
						if (differ++ < 5)
							test_fail(__FILE__, __LINE__,
								  "trial %d code %zu: sweep %zu/%zu/%zu/%zu, per character %zu/%zu/%zu/%zu",
								  trial, c, got[c].a_only, got[c].b_only, got[c].both,
								  got[c].neither, want[c].a_only, want[c].b_only, want[c].both,
								  want[c].neither);
					}
				}
			}
		arena_free(&a);
	}
	CHECK_INT(differ, 0);
	CHECK(runs > 2000);
	CHECK(nonzero > 300); /* the random spans really overlap between coders */
}

/* alpha from the table equals kappa_krippendorff on the units it stands for */
static double expanded_alpha(size_t a_only, size_t b_only, size_t both, size_t neither, struct kappa_alpha *k)
{
	size_t n = a_only + b_only + both + neither, u = 0;
	size_t *codes = xcalloc(2 * n + 1, sizeof *codes);
	for (size_t i = 0; i < a_only; i++, u++)
		codes[2 * u] = 1;
	for (size_t i = 0; i < b_only; i++, u++)
		codes[2 * u + 1] = 1;
	for (size_t i = 0; i < both; i++, u++)
		codes[2 * u] = codes[2 * u + 1] = 1;
	kappa_krippendorff(codes, n, 2, 2, k);
	free(codes);
	return k->alpha;
}

TEST(agreement_alpha_formula_equals_krippendorff_on_expanded_units)
{
	rnd_state = 2011;
	size_t compared = 0;
	for (int trial = 0; trial < 300; trial++) {
		size_t t[4];
		for (int i = 0; i < 4; i++)
			t[i] = rnd(4) == 0 ? 0 : rnd(trial < 150 ? 12 : 400);
		struct kappa_alpha f, k;
		agree_alpha(t[0], t[1], t[2], t[3], &f);
		expanded_alpha(t[0], t[1], t[2], t[3], &k);
		CHECK_INT(f.units, k.units);
		CHECK_INT(f.values, k.values);
		if (isnan(k.alpha)) {
			CHECK(isnan(f.alpha) && f.note != NULL);
			continue;
		}
		NEAR(f.alpha, k.alpha);
		compared++;
	}
	CHECK(compared > 200);
	/* by hand: 4 2 / 1 3 (tests/stats/kappa.R) is alpha 14/33 */
	struct kappa_alpha h;
	agree_alpha(1, 2, 3, 4, &h);
	NEAR(h.alpha, 14.0 / 33.0);
}

TEST(agreement_by_hand)
{
	/* one source of 100 characters; code 0: A [0,20), B [10,30); code 1: A [50,60)
	 * code 0 with the uncoded text: both 10, A only 10, B only 10, neither 70;
	 * po = 0.8, pc = 0.2 * 0.2 + 0.8 * 0.8 = 0.68, kappa = 0.12 / 0.32 = 0.375;
	 * alpha = 1 - 199 * 20 / (160 * 40) = 0.378125.
	 * Without it: 40 characters coded with any code ([0,30) and [50,60)),
	 * neither 10: po = 0.5, pc = 0.5^2 + 0.5^2 = 0.5, kappa 0;
	 * alpha = 1 - 79 * 20 / (40 * 40) = 0.0125. */
	struct arena a = ARENA_INIT;
	size_t chars[] = { 100 }, bad;
	struct agree_span sp[] = { { 0, 0, 0, 20, 0 }, { 0, 0, 10, 30, 1 }, { 0, 1, 50, 60, 0 } };
	struct agree_code_result r[2];
	CHECK_INT(coding_agreement(&a, chars, 1, NULL, sp, 3, 2, true, r, NULL, &bad), 0);
	CHECK_INT(r[0].a_only, 10);
	CHECK_INT(r[0].b_only, 10);
	CHECK_INT(r[0].both, 10);
	CHECK_INT(r[0].neither, 70);
	NEAR(r[0].kappa.kappa, 0.375);
	NEAR(r[0].alpha.alpha, 0.378125);
	NEAR(r[0].agreement, 80);
	CHECK(r[0].note == NULL);
	CHECK_INT(r[1].a_only, 10);
	CHECK_INT(r[1].neither, 90);
	NEAR(r[1].kappa.kappa, 0); /* B never used it: agreement no better than chance */
	size_t units = 0;
	CHECK_INT(coding_agreement(&a, chars, 1, NULL, sp, 3, 2, false, r, &units, &bad), 0);
	CHECK_INT(units, 40);
	CHECK_INT(r[0].neither, 10);
	NEAR(r[0].kappa.kappa, 0);
	NEAR(r[0].alpha.alpha, 0.0125);
	NEAR(r[0].agreement, 50);
	CHECK_INT(r[1].a_only + r[1].neither, 40);
	arena_free(&a);
}

TEST(agreement_overlapping_selections_count_once)
{
	struct arena a = ARENA_INIT;
	size_t chars[] = { 50 }, bad;
	/* A: [0,10) and [5,15) and [5,15) again; B: [0,15) in two touching pieces */
	struct agree_span sp[] = { { 0, 0, 0, 10, 0 }, { 0, 0, 5, 15, 0 }, { 0, 0, 5, 15, 0 },
				   { 0, 0, 0, 7, 1 },  { 0, 0, 7, 15, 1 } };
	struct agree_code_result r[1];
	CHECK_INT(coding_agreement(&a, chars, 1, NULL, sp, 5, 1, true, r, NULL, &bad), 0);
	CHECK_INT(r[0].both, 15);
	CHECK_INT(r[0].a_only + r[0].b_only, 0);
	CHECK_INT(r[0].neither, 35);
	NEAR(r[0].kappa.kappa, 1); /* identical coders */
	NEAR(r[0].kappa.se, 0);
	NEAR(r[0].alpha.alpha, 1);
	NEAR(r[0].agreement, 100);
	arena_free(&a);
}

TEST(agreement_edge_cases_say_why)
{
	struct arena a = ARENA_INIT;
	size_t chars[] = { 30, 20 }, bad;
	struct agree_code_result r[3];
	/* no spans at all */
	CHECK_INT(coding_agreement(&a, chars, 2, NULL, NULL, 0, 3, true, r, NULL, &bad), 0);
	CHECK_INT(r[2].neither, 50);
	CHECK(isnan(r[2].kappa.kappa) && isnan(r[2].alpha.alpha) && r[2].note);
	NEAR(r[2].agreement, 100);
	CHECK_INT(coding_agreement(&a, chars, 2, NULL, NULL, 0, 3, false, r, NULL, &bad), 0);
	CHECK_INT(r[0].neither, 0);
	CHECK(isnan(r[0].kappa.kappa) && isnan(r[0].alpha.alpha) && isnan(r[0].agreement) && r[0].note);
	/* one coder only: B coded nothing */
	struct agree_span one[] = { { 0, 0, 0, 10, 0 }, { 1, 1, 5, 20, 0 } };
	CHECK_INT(coding_agreement(&a, chars, 2, NULL, one, 2, 3, true, r, NULL, &bad), 0);
	CHECK_INT(r[0].a_only, 10);
	CHECK_INT(r[0].b_only + r[0].both, 0);
	CHECK(r[0].kappa.kappa == 0 && r[0].kappa.se == 0); /* exactly: the variance's terms cancel */
	CHECK(r[0].note == NULL);
	/* A coded every counted character, B a third of them: kappa 0, SE 0 exactly */
	struct agree_span every[] = { { 0, 0, 0, 30, 0 }, { 0, 0, 0, 10, 1 } };
	CHECK_INT(coding_agreement(&a, chars, 1, NULL, every, 2, 1, false, r, NULL, &bad), 0);
	CHECK_INT(r[0].a_only, 20);
	CHECK_INT(r[0].neither, 0);
	CHECK(r[0].kappa.kappa == 0 && r[0].kappa.se == 0 && r[0].kappa.lower == 0 && r[0].kappa.upper == 0);
	CHECK(!isnan(r[0].alpha.alpha) && r[0].note == NULL);
	CHECK_INT(coding_agreement(&a, chars, 2, NULL, one, 2, 3, true, r, NULL, &bad), 0);
	/* a code nobody used: NAN with a note that says so */
	CHECK(isnan(r[2].kappa.kappa) && isnan(r[2].alpha.alpha));
	CHECK(r[2].note && strstr(r[2].note, "neither coder used this code"));
	/* without the uncoded text, one coder only: every counted character is A's alone */
	CHECK_INT(coding_agreement(&a, chars, 2, NULL, one, 2, 2, false, r, NULL, &bad), 0);
	CHECK_INT(r[0].a_only + r[0].neither, 25);
	/* a chosen subset: the second source only */
	const bool second[] = { false, true };
	CHECK_INT(coding_agreement(&a, chars, 2, second, one, 2, 2, true, r, NULL, &bad), 0);
	CHECK_INT(r[0].a_only, 0);
	CHECK_INT(r[0].neither, 20);
	CHECK_INT(r[1].a_only, 15);
	/* both coded every counted character */
	struct agree_span all[] = { { 0, 0, 0, 30, 0 }, { 0, 0, 0, 30, 1 } };
	CHECK_INT(coding_agreement(&a, chars, 1, NULL, all, 2, 1, false, r, NULL, &bad), 0);
	CHECK_INT(r[0].both, 30);
	CHECK(isnan(r[0].kappa.kappa) && isnan(r[0].alpha.alpha) && r[0].note);
	arena_free(&a);
}

TEST(agreement_refuses_spans_that_do_not_fit)
{
	struct arena a = ARENA_INIT;
	size_t chars[] = { 10 }, bad = 0;
	struct agree_code_result r[1] = { { .both = 77 } };
	const struct agree_span cases[] = {
		{ 1, 0, 0, 5, 0 },  /* no such source */
		{ 0, 1, 0, 5, 0 },  /* no such code */
		{ 0, 0, 0, 5, 2 },  /* a third coder */
		{ 0, 0, 6, 5, 0 },  /* start after end */
		{ 0, 0, 5, 11, 1 }, /* beyond the source */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct agree_span sp[2] = { { 0, 0, 0, 10, 0 }, cases[i] };
		bad = 0;
		CHECK_INT(coding_agreement(&a, chars, 1, NULL, sp, 2, 1, true, r, NULL, &bad), -1);
		CHECK_INT(bad, 1);
		CHECK_INT(r[0].both, 77); /* untouched */
	}
	arena_free(&a);
}

TEST(agreement_long_interview_many_codes)
{
	/* a 1 MB interview, 60 codes, 40,000 selections: the sweep's totals
	 * hold together (the speed is measured in tests/stats/agreement.test.mjs) */
	rnd_state = 1000000;
	struct arena a = ARENA_INIT;
	size_t chars[] = { 1000000, 3 }, nsp = 40000, bad;
	struct agree_span *sp = arena_alloc(&a, nsp * sizeof *sp);
	for (size_t i = 0; i < nsp; i++) {
		size_t x = rnd(chars[0] - 2000);
		sp[i] = (struct agree_span){ 0, rnd(60), x, x + 1 + rnd(2000), (int)rnd(2) };
	}
	struct agree_code_result r[60];
	CHECK_INT(coding_agreement(&a, chars, 2, NULL, sp, nsp, 60, true, r, NULL, &bad), 0);
	size_t ok = 0;
	for (size_t c = 0; c < 60; c++)
		ok += r[c].a_only + r[c].b_only + r[c].both + r[c].neither == 1000003 && !isnan(r[c].kappa.kappa);
	CHECK_INT(ok, 60);
	arena_free(&a);
}
