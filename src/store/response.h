/* response.h — the submitted responses of a wave as rows of their own, for
 * the data exports (domain/survey_export.c): what store_answers() does not
 * say, the week each was handed in and its invitation, in a wave that is
 * not anonymous. An anonymous response has neither an invitation nor a
 * time (migrations 0009, 0014): its week is only counted, per wave. */
#ifndef LG_STORE_RESPONSE_H
#define LG_STORE_RESPONSE_H

#include "core/compiler.h"
#include "store.h"
#include "domain/model/response.h"

/* Every submitted response of a wave of org, in id order (callers that
 * show them put them in an order of their own). */
MUST_CHECK int store_responses(struct store *s, struct arena *a, long long org, long long wave_id, struct response_row **out,
		    size_t *n);

/* The people who answered a wave that is not anonymous, in id order
 * (none in an anonymous wave: its responses keep no invitation). */
MUST_CHECK int store_respondents(struct store *s, struct arena *a, long long org, long long wave_id, long long **out, size_t *n);

MUST_CHECK int store_response_weeks(struct store *s, struct arena *a, long long org, long long wave_id, struct week_count **out,
			 size_t *n);

/* The benchmark (domain/survey_compare.c). The queries of the store that
 * read across organisations: they return wave ids and, per organisation,
 * sums only; the domain leaves out the asking organisation's own and never
 * shows an organisation's id or name.
 *
 * The waves a benchmark may pool now: the closed waves (closes_on < today,
 * or closed by hand) of the built-in questionnaire `key`, 360° rounds left
 * out, in the organisations that take part (organisation.benchmark), in id
 * order. */
MUST_CHECK int store_benchmark_candidates(struct store *s, struct arena *a, const char *key, const char *today, long long **waves,
			       size_t *n);
MUST_CHECK int store_benchmark_editions(struct store *s, struct arena *a, const char *key, struct benchmark_edition **out,
			     size_t *n);
MUST_CHECK int store_benchmark_edition_add(struct store *s, const char *key, long long now, const long long *waves, size_t n,
				long long *id);
MUST_CHECK int store_benchmark_sums(struct store *s, struct arena *a, const long long *waves, size_t nwaves,
			 struct benchmark_row **out, size_t *n);

#endif
