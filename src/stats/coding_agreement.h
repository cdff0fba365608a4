/* coding_agreement.h — agreement between two coders who coded the same
 * texts, per code, with characters (code points) as the units, as NVivo's
 * coding comparison counts them: for each code and each character of each
 * chosen source, coder A did (1) or did not (0) code it with that code, and
 * likewise coder B. Per code the 2 x 2 table of characters gives Cohen's
 * kappa (kappa.h, as psych::cohen.kappa computes it), Krippendorff's alpha
 * (two coders, nominal), and the percentage agreement.
 *
 * "Without the uncoded text" leaves out the characters that neither coder
 * coded with any code at all, so that a mostly uncoded text does not
 * inflate agreement; "with" counts every character of the chosen sources.
 * Selections of one coder with the same code that overlap count a
 * character once. Pure: spans in, counts and numbers out; the counts come
 * from sweeping the sorted span boundaries, never from an array per
 * character, so a long interview with many codes stays fast. */
#ifndef LG_STATS_CODING_AGREEMENT_H
#define LG_STATS_CODING_AGREEMENT_H

#include "core/arena.h"
#include "stats/kappa.h"

#include <stdbool.h>
#include <stddef.h>

/* One selection: characters [start, end) of source `source` coded with
 * `code` by coder 0 (A) or 1 (B). */
struct agree_span {
	size_t source;
	size_t code;
	size_t start, end;
	int coder;
};

struct agree_code_result {
	/* characters: coded by A only, by B only, by both, by neither */
	size_t a_only, b_only, both, neither;
	struct kappa_est kappa;   /* Cohen's kappa, unweighted; rows A, columns B, 0 = not coded;
				   * when a coder coded none or all of the counted characters
				   * with the code, kappa and its SE are 0 exactly (psych prints
				   * the rounding error of terms that cancel) */
	struct kappa_alpha alpha; /* Krippendorff's alpha: units = characters, values = 2 x units */
	double agreement;         /* (both + neither) / units x 100; NAN without units */
	const char *note;         /* why kappa or alpha is undefined, in the words of this comparison */
};

/* Krippendorff's alpha (nominal, two coders, no missing codes) from the
 * 2 x 2 table alone. With N = a_only + b_only + both + neither units, the
 * coincidences are o_00 = 2 neither, o_11 = 2 both, o_01 = o_10 = a_only +
 * b_only; n_0 = 2 neither + a_only + b_only, n_1 = 2 both + a_only + b_only,
 * n = 2N, and so
 *   alpha = 1 - (2N - 1)(a_only + b_only) / (n_0 n_1),
 * which is kappa_krippendorff() on the N expanded units (proved in
 * tests/unit/test_coding_agreement.c). Undefined (NAN + note) without
 * units, or with every value in one category (n_0 n_1 = 0). */
void agree_alpha(size_t a_only, size_t b_only, size_t both, size_t neither, struct kappa_alpha *r);

/* The per-code agreement. source_chars[s] is the length of source s in
 * code points; `chosen` (NULL: every source) says which sources count:
 * spans in the others are ignored. out has ncodes results. Returns 0, or
 * -1 with *bad the index of the first span that does not fit (source >=
 * nsources, code >= ncodes, coder not 0 or 1, start > end or end beyond
 * its source), and then out is untouched. An empty span (start == end)
 * codes nothing. *units (when not NULL) receives the characters counted,
 * the same for every code. */
int coding_agreement(struct arena *a, const size_t *source_chars, size_t nsources, const bool *chosen,
		     const struct agree_span *spans, size_t nspans, size_t ncodes, bool with_uncoded,
		     struct agree_code_result *out, size_t *units, size_t *bad);

#endif
