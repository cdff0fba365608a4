/* research_pseudonym.h — names in a research project's texts replaced by
 * stable pseudonyms (SPEC: research exports are pseudonymised; the key
 * stays in the installation).
 *
 * What is replaced, as whole words, the longest first where two overlap:
 * - the full name of every person of the organisation (active or not) by
 *   "[P-…]", their pseudonym (domain/pseudonym.h): the same person gets the
 *   same one in every export of every project, wave and source;
 * - a first name alone, when exactly one person of the organisation has it,
 *   by the same pseudonym; a first name that several people share by
 *   "[naam]" (it cannot say who, and must not suggest it);
 * - the project's own terms (places, people outside the people list) by
 *   what the researcher chose.
 * A single word is matched as written (a capital where the name has one),
 * so "Roos" the name is replaced and "roos" the flower is not; a person's
 * full name in any case too ("JAN DE JONG" in a heading), as
 * domain/privacy.h does for coaches.
 *
 * Replacing changes lengths, so a passage's positions are carried over by
 * research_pseudo_pos: a boundary inside a replaced name moves to the edge
 * of its replacement, so a passage never cuts a pseudonym in two. */
#ifndef LG_DOMAIN_RESEARCH_PSEUDONYM_H
#define LG_DOMAIN_RESEARCH_PSEUDONYM_H

#include "core/compiler.h"
#include "ctx.h"

#include <stdbool.h>
#include <stddef.h>

struct research_pseudo;

/* One replacement made in a text: code points [start, end) of the
 * original became len code points. */
struct research_shift {
	long long start, end, len;
};

/* The replacements of the project (persons of the organisation and the
 * project's terms); D_ERROR when the store fails. */
MUST_CHECK int research_pseudo_make(struct ctx *c, long long project, struct research_pseudo **out);

/* text with the replacements made; the shifts made, in order. */
char *research_pseudo_apply(struct arena *a, const struct research_pseudo *p, const char *text,
			    struct research_shift **shifts, size_t *nshifts);

/* Position pos (code points) of the original text in the replaced one; a
 * position inside a replaced name goes to the start of its replacement
 * (is_end false) or to its end (is_end true). */
long long research_pseudo_pos(const struct research_shift *s, size_t n, long long pos, bool is_end);

/* The person's pseudonym ("P-" and 10 hex digits) for exports of the
 * organisation. */
MUST_CHECK int research_pseudonym_of(struct ctx *c, long long person, char out[13]);

#endif
