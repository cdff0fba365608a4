/* reverse.h — reverse mentoring (seed 001, "Praktische handleiding"): a
 * senior leader as mentee and a junior colleague as mentor go through three
 * phases and nine steps. The organisation coach pairs them; the two of
 * them see their pair and mark the step they are at. */
#ifndef LG_DOMAIN_REVERSE_H
#define LG_DOMAIN_REVERSE_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/reverse.h"

struct reverse_step {
	int number, phase;
	const char *phase_name, *name, *source;
};
/* The nine steps in order; their names as the seed gives them (Dutch). */
extern const struct reverse_step reverse_steps[9];

MUST_CHECK int reverse_pair_add(struct ctx *c, long long senior_id, long long junior_id, const char *question,
		     const char *started_on, long long now, struct errors *e, long long *id);
/* The coach or one of the two; step 1..9. */
MUST_CHECK int reverse_pair_step(struct ctx *c, long long id, int step, long long now, struct errors *e);
/* The coach: every pair; anyone else: their own. */
MUST_CHECK int reverse_pairs(struct ctx *c, struct reverse_pair **out, size_t *n);

#endif
