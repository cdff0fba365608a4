/* research_analysis.h — what a research project's coding shows: how often
 * each code was used, broken down by source kind, group, batch, period (the year
 * the text was held) or source; the quotes of a code with their source;
 * and which codes occur together (overlapping passages in one source, as
 * ATLAS.ti's code co-occurrence counts them). For members of the project
 * (research.h). */
#ifndef LG_DOMAIN_RESEARCH_ANALYSIS_H
#define LG_DOMAIN_RESEARCH_ANALYSIS_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/research.h"
#include "stats/coding_agreement.h"

struct research_counts {
	struct research_view v;      /* the project; codes in tree order */
	const char **cols;           /* the breakdown's columns ("" for none given: "(geen)") */
	size_t ncols;
	long long *cells;            /* passages of code i in column j: cells[i * ncols + j] */
	long long *passages;         /* per code: passages coded with it */
	long long *sources;          /* per code: sources with at least one */
	/* together[i * ncodes + j]: overlapping pairs of passages, one coded
	 * with code i and one with code j (a passage coded with both counts
	 * once), in the order of v.codes; the diagonal holds each code's
	 * passages */
	long long *together;
};
/* by: "kind", "group", "batch", "period", "source" or "" (no breakdown); D_INVALID
 * for another. One read of the project and its passages. */
MUST_CHECK int research_counts(struct ctx *c, long long project, const char *by, struct research_counts *out);

struct research_quote {
	const struct research_source *source;   /* from the project's list */
	char *text;                  /* the passage (names replaced when asked) */
	char *coder, *memo;
	long long start, end;
};
/* The passages coded with code (in source order), their text with names
 * replaced when pseudonymise. */
MUST_CHECK int research_quotes(struct ctx *c, long long project, long long code, bool pseudonymise,
			       struct research_view *v, struct research_quote **out, size_t *n);



/* A text cut into sentences for coding without a mouse selection: each
 * segment is code points [start, end) of the text, without the white space
 * around it; a paragraph (a line) ends a segment, and so does '.', '?' or
 * '!' followed by white space. */
struct research_segment {
	long long start, end;
	bool paragraph_start;   /* the first segment of its line */
	char *text;
};
void research_segments(struct arena *a, const char *text, struct research_segment **out, size_t *n);

/* How well two coders of the project agree, per codable code, over the
 * chosen sources (sources[0..nsources), or every source when nsources is
 * 0), with characters as units and with or without the text neither coded
 * (stats/coding_agreement.h). */
struct research_agreement {
	struct research_view v;
	const struct research_code **codes;   /* the codable codes, in tree order */
	size_t ncodes;
	struct agree_code_result *results;    /* one per code */
	size_t units;                         /* characters counted */
	size_t chosen;                        /* sources counted */
};
MUST_CHECK int research_agreement(struct ctx *c, long long project, long long coder_a, long long coder_b,
				  const long long *sources, size_t nsources, bool with_uncoded,
				  struct errors *e, struct research_agreement *out);

/* A text with the byte offset of each of its code points, for cutting
 * many passages out of it: research_cut is then O(length of the passage),
 * where counting from the start each time made a page with thousands of
 * passages in a long interview quadratic. */
struct research_text {
	const char *s;
	size_t *at;        /* at[i]: the byte of code point i; at[n]: the end */
	size_t n;          /* code points */
};
void research_text_index(struct arena *a, const char *s, struct research_text *out);
/* The text of code points [start, end) (clamped to the text). */
char *research_cut(struct arena *a, const struct research_text *t, long long start, long long end);

#endif
