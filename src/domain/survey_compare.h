/* survey_compare.h — what the statistics of a questionnaire compare (SPEC
 * C7, seed 003): scale scores per dimension; a wave's respondents by
 * group, batch or unit (one-way ANOVA with eta squared, and with two
 * groups Welch's and Student's t with Cohen's d); two waves of the same
 * questionnaire (the paired t with dz over the people who answered both,
 * when neither wave is anonymous; Welch's t otherwise); the responses per
 * week; and the benchmark against other organisations (aggregates over at
 * least SURVEY_MIN_ORGS of them).
 *
 * What is offered is decided for all breakdowns of a wave together
 * (wave_plan, disclosure.h): a part with fewer than SURVEY_MIN_RESPONSES
 * responses is hidden, with so many more that the hidden ones cannot be
 * worked out by subtraction, and so many more that no figure offered
 * beside another (per group and per unit, the people who answered two
 * waves) isolates fewer than that; the tests are computed over the shown
 * parts only. The numbers come from stats/. */
#ifndef LG_DOMAIN_SURVEY_COMPARE_H
#define LG_DOMAIN_SURVEY_COMPARE_H

#include "core/compiler.h"
#include "survey.h"
#include "stats/stats.h"
#include "domain/model/instrument.h"

/* A benchmark needs this many other organisations, each with at least
 * SURVEY_MIN_RESPONSES responses on a dimension. */
#define SURVEY_MIN_ORGS 5

/* The dimensions of a version: one per scale (the Likert and bipolar items
 * that name it, in the order first met); an instrument whose Likert items
 * name no scale has one dimension per such item, named by its code and
 * text. items are indexes into v->items. */
struct dimension {
	const char *name;
	bool scale;                  /* a named scale, not a single item */
	size_t *items;
	size_t nitems;
	int min, max;                /* the points of its first item */
};
size_t survey_dimensions(struct arena *a, const struct instrument_version *v, struct dimension **out);

/* Scale scores: for each response of the wave and each dimension the mean
 * of its answered items, reversed items turned (NAN when none answered). */
struct scores {
	size_t n, ndims;
	long long *response_id, *group_id, *unit_id, *person_id;
	double *x;                   /* n * ndims, response-major */
};
MUST_CHECK int wave_scores(struct ctx *c, const struct wave *w, const struct instrument_version *v, const struct dimension *dims,
		size_t ndims, struct scores *out);

enum compare_by { COMPARE_GROUP, COMPARE_BATCH, COMPARE_UNIT };
#define COMPARE_BY_N 3
/* "group", "batch", "unit" (and NULL or anything else: -1) */
int compare_by_parse(const char *s);

/* ---- which breakdowns of a wave are offered ----
 *
 * A wave's breakdowns, decided together (disclosure_decide): by group, by
 * batch and by unit (the unit first in a wave to units), then for every
 * other closed wave of the same questionnaire that knows who answered,
 * in the order they closed, who answered there too (the pairs of two
 * waves compared). The pairs of two waves are shown when both waves' plans
 * show them. */
enum plan_kind { PLAN_GROUP, PLAN_BATCH, PLAN_UNIT, PLAN_PAIRED };
struct plan_breakdown {
	enum plan_kind kind;
	const struct wave *with;     /* PLAN_PAIRED: the other wave; the part labelled 1 answered it too */
	struct disclosure d;
};
struct wave_plan {
	bool shown;                  /* the wave's results are (wave_hidden_reason) */
	const char *why_hidden;
	struct dimension *dims;
	size_t ndims;
	struct scores s;             /* the responses; d.part_of follows their order */
	struct plan_breakdown *b;
	size_t nb;
};
MUST_CHECK int wave_plan(struct ctx *c, const struct wave *w, const struct instrument_version *v, struct wave_plan *out);
/* The breakdown of that kind (PLAN_PAIRED: with the wave with_id), or NULL. */
const struct plan_breakdown *plan_find(const struct wave_plan *p, enum plan_kind kind, long long with_id);
/* Why a part is not shown, in a sentence; NULL when it is. */
const char *plan_part_reason(struct ctx *c, const struct wave_plan *p, const struct plan_breakdown *b, size_t part);
/* Why a breakdown is not offered (no part shown), or NULL when it is. */
const char *plan_breakdown_reason(struct ctx *c, const struct wave_plan *p, const struct plan_breakdown *b);

struct compare_cell {
	struct stats_desc d;
};
struct compare_row {
	long long id;                /* group, batch or unit; 0 for none */
	const char *name;
	long long n;                 /* responses */
	bool shown;
	const char *why_hidden;      /* when not shown */
	struct compare_cell *cells;  /* per dimension; NULL when hidden */
};
struct compare_test {
	struct stats_anova anova;
	bool two;                    /* exactly two shown parts: the t-tests */
	struct stats_ttest welch, student;
	double d;
	const char *d_note;
};
struct wave_comparison {
	bool shown;                  /* the wave's results are */
	const char *why_hidden;
	const char *why_not[COMPARE_BY_N];  /* why a breakdown is not offered, per compare_by; NULL when it is */
	struct dimension *dims;
	size_t ndims;
	struct compare_row *rows;    /* by name */
	size_t nrows, hidden;
	struct compare_test *tests;  /* per dimension, over the shown rows; NULL with fewer than 2 */
};
MUST_CHECK int wave_compare(struct ctx *c, const struct wave *w, const struct instrument_version *v, enum compare_by by,
		 struct wave_comparison *out);
/* The breakdown a comparison opens on when none is asked: the first of
 * group, batch and unit that is offered for this wave and shows at least
 * two parts (group when none does), so that the page and the API open on
 * something to show. */
MUST_CHECK int wave_compare_opening(struct ctx *c, const struct wave *w, const struct instrument_version *v,
		 enum compare_by *by, struct wave_comparison *out);

/* Whether other may be set beside w: another wave of the same
 * questionnaire, neither a 360° round. The one rule that the compare page,
 * its list of waves, the API and the pairing of waves all ask. */
bool wave_comparable(const struct wave *w, const struct wave *other);
/* The wave with id `with` to set beside w, with its version: D_INVALID
 * when there is none of this organisation or it is not comparable
 * (wave_comparable), D_ERROR when it could not be read. */
MUST_CHECK int wave_open_comparable(struct ctx *c, const struct wave *w, long long with, struct wave *other,
			 struct instrument_version *ov);

/* Two waves of the same questionnaire, a before b. Paired when neither is
 * anonymous and both waves' plans show who answered both (from
 * SURVEY_MIN_RESPONSES pairs, and those who answered one of them only
 * none or as many); otherwise the two as independent samples. Dimensions
 * are matched by name. */
struct pair_dim {
	const char *name;
	struct stats_desc a, b;
	struct stats_paired paired;  /* when paired */
	struct stats_ttest welch;    /* always */
	double d;
	const char *d_note;
};
struct wave_pairing {
	bool shown, paired;
	const char *why_hidden, *why_unpaired;
	size_t npairs;
	struct pair_dim *dims;
	size_t ndims;
};
MUST_CHECK int wave_pair(struct ctx *c, const struct wave *a, const struct instrument_version *va, const struct wave *b,
	      const struct instrument_version *vb, struct wave_pairing *out);

/* The responses per week (store_response_weeks), shown as the results
 * are (wave_hidden_reason). */
struct wave_week {
	const char *week;            /* its Monday, YYYY-MM-DD */
	long long n;
};
struct wave_timeline {
	bool shown;
	const char *why_hidden;
	struct wave_week *weeks;
	size_t nweeks;
	long long invited;
};
MUST_CHECK int wave_timeline(struct ctx *c, const struct wave *w, struct wave_timeline *out);

/* The benchmark of a wave of a built-in questionnaire: per dimension that
 * is a scale, this wave's scores beside those of the other organisations
 * that take part, pooled over the organisations with at least
 * SURVEY_MIN_RESPONSES scores there, shown when there are at least
 * SURVEY_MIN_ORGS such organisations. Only an organisation that takes
 * part itself sees a benchmark. The pool is an edition of their closed
 * waves that changes only when more than SURVEY_MIN_ORGS organisations'
 * results change at once (survey_benchmark.c), so that two benchmarks seen
 * apart in time do not give one organisation away. Nothing identifies
 * another organisation: only the number of organisations, the number of
 * scores, the pooled mean and SD. */
struct benchmark_dim {
	const char *name;
	struct stats_desc own;
	bool shown;
	size_t orgs;
	long long n;
	double mean, sd;
};
struct wave_benchmark {
	bool shown;
	const char *why_hidden;
	struct benchmark_dim *dims;
	size_t ndims;
};
MUST_CHECK int wave_benchmark(struct ctx *c, const struct wave *w, const struct instrument_version *v, struct wave_benchmark *out);

#endif
