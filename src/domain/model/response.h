/* model/response.h — the domain's records of responses of a wave as counted
 * and compared: rows, weeks, benchmark editions. The domain hands them to
 * pages and the command line; the store fills them (it implements the
 * domain's storage, so it knows these types; pages never see the store).
 * Strings are allocated in the reader's arena. */
#ifndef LG_DOMAIN_MODEL_RESPONSE_H
#define LG_DOMAIN_MODEL_RESPONSE_H

#include <stdbool.h>
#include <stddef.h>

struct response_row {
	long long id;
	long long invitation_id;     /* 0 in an anonymous wave (and when the invitation is gone) */
	char *week;                  /* the Monday, "YYYY-MM-DD"; "" in an anonymous wave */
};

/* The responses of a wave per week handed in (its Monday), in week order:
 * counted apart from the responses, so also for an anonymous wave. */
struct week_count {
	char *week;
	long long n;
};

/* The editions made so far for key, oldest first, each with its waves in
 * id order. */
struct benchmark_edition {
	long long id, made_at;
	long long *waves;
	size_t nwaves;
};

/* Per scale and organisation over the waves given: the number of responses
 * that scored on the scale, and the sum and sum of squares of their scale
 * scores (the mean of the answered Likert and bipolar items of the scale,
 * reversed items turned), in (scale, organisation) order. */
struct benchmark_row {
	char *scale;
	long long org;               /* to pool per organisation; never shown */
	long long n;
	double sum, sumsq;
};

#endif
