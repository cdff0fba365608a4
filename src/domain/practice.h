/* practice.h — the register of practice examples (C9): the 18 examples of
 * seed 004's appendix, searchable by learning form, theme and organisation.
 * Pure: the built-in examples are data in the binary, the search reads
 * nothing else. */
#ifndef LG_DOMAIN_PRACTICE_H
#define LG_DOMAIN_PRACTICE_H

#include "core/arena.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

struct practice_example {
	int number;
	const char *organisation;   /* toegepast bij */
	const char *learning;       /* the informal learning */
	const char *context;        /* "" where the seed's cell is empty */
	const char *forms;          /* comma-separated catalogue keys (leergang's reading) */
	const char *themes;         /* comma-separated, Dutch (leergang's reading) */
	bool in_development;        /* marked * in the seed */
	const char *source;         /* "seed 004, r. N-M" */
};

extern const struct practice_example builtin_practice_examples[];
extern const size_t builtin_npractice_examples;

/* What to look for; NULL or "" leaves a criterion out. form is a catalogue
 * key matched exactly; theme and organisation are found anywhere in the
 * themes or the organisation, ignoring case (of ASCII letters). */
struct practice_query {
	const char *form, *theme, *organisation;
};

/* The examples that meet every criterion given, in register order, as
 * pointers into the register (the array in the arena). */
void practice_search(struct arena *a, const struct practice_query *q, const struct practice_example ***out, size_t *n);

/* {"examples":[{number, organisation, learning, context, forms:[...],
 * themes:[...], in_development, source, forms_source:"leergang"}]} */
json_t *practice_json(const struct practice_example *const *e, size_t n);

#endif
