/* practice.h — the register of practice examples (C9): the 18 examples of
 * seed 004's appendix, which leergang carries, and those the organisation
 * adds, searchable by learning form, theme and organisation. */
#ifndef LG_DOMAIN_PRACTICE_H
#define LG_DOMAIN_PRACTICE_H

#include "core/arena.h"
#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/practice.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>


extern const struct practice_example builtin_practice_examples[];
extern const size_t builtin_npractice_examples;

/* What to look for; NULL or "" leaves a criterion out. form is a catalogue
 * key matched exactly; theme and organisation are found anywhere in the
 * themes or the organisation, ignoring case (of ASCII letters). */
struct practice_query {
	const char *form, *theme, *organisation;
};

/* Of the n examples all, those that meet every criterion given, in order,
 * as pointers into all (the array in the arena). Pure. */
void practice_search(struct arena *a, const struct practice_example *all, size_t n, const struct practice_query *q,
		     const struct practice_example ***out, size_t *nout);
/* The same over the seed's 18 followed by the organisation's own. */
MUST_CHECK int practice_find(struct ctx *c, const struct practice_query *q, const struct practice_example ***out,
			     size_t *n);
/* The coach adds an example of the organisation's own: where (1-200
 * characters), what was learned (1-2000), context (up to 2000), forms (keys
 * of the catalogue, comma-separated), themes (one line). Refused with a
 * Dutch message per mistake and nothing saved. */
#define PRACTICE_TEXT_MAX 2000
MUST_CHECK int practice_add(struct ctx *c, const struct practice_example *e, long long now, struct errors *errs,
			    long long *id);

/* {"examples":[{number, organisation, learning, context, forms:[...],
 * themes:[...], in_development, source, forms_source}]}: forms_source is
 * "leergang" for the seed's (leergang's reading), "organisatie" for the
 * organisation's own; title (a shared case's) and origin ("seed",
 * "organisation", or "participant" for a case shared after a session). */
/* The items of one of an example's comma-separated lists (its learning
 * forms' keys, its themes), in order; an empty list gives none. The one
 * reading of those lists. */
size_t practice_list(struct arena *a, const char *list, char ***out);
json_t *practice_json(const struct practice_example *const *e, size_t n);

#endif
