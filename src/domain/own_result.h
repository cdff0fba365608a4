/* own_result.h — "respondent ziet eigen uitkomst": a questionnaire may
 * show whoever hands in a wave of it that is not anonymous (and not a 360°
 * round) their own scale scores, the mean of their answered items per
 * scale, reversed items turned. The QuickScan does from the start (seed
 * 003 §4: participants received the results of their personal QuickScan);
 * the coordinator or researcher sets it per questionnaire.
 *
 * The result is worked out from the answers of the hand-in itself and
 * shown once, on the page that answers it: it is not kept or shown again
 * through the link, so whoever else holds the link (the coordinator with
 * the links as CSV) cannot read it, as they cannot read a draft. Never
 * anyone else's scores. */
#ifndef LG_DOMAIN_OWN_RESULT_H
#define LG_DOMAIN_OWN_RESULT_H

#include "core/compiler.h"
#include "ctx.h"
#include "survey.h"

/* Whether the instrument of org shows respondents their own result. */
bool own_result_on(struct store *st, long long org, long long instrument_id);
MUST_CHECK int own_result_set(struct ctx *c, long long instrument_id, bool on);

/* Whether the respondent who just handed in r sees their own result. */
bool own_result_offered(struct store *st, const struct respondent *r);

struct own_score {
	const char *scale;
	size_t answered, items;      /* items of the scale answered, of all */
	double score;                /* NAN when none answered */
	int min, max;                /* the points of its first item */
};
/* The scale scores of the answers given (the fields of the hand-in), in
 * the order the scales first appear in the version. */
size_t own_result_scores(struct arena *a, const struct instrument_version *v, const struct respond_field *f, size_t n,
			 struct own_score **out);

#endif
