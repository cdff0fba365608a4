/* builtin_methods.h — the session methods leergang brings along (issue 17):
 * the ways a group discusses a case, step by step. Copied into every
 * organisation, where they can be edited. `source` names the seed and its
 * lines ("r." = regel), or BUILTIN_OWN where leergang chose. Texts Dutch. */
#ifndef LG_DOMAIN_BUILTIN_METHODS_H
#define LG_DOMAIN_BUILTIN_METHODS_H

#include <stddef.h>

struct builtin_method_step {
	const char *name;         /* a short label for the step */
	const char *who;          /* who does what in it */
	const char *instruction;  /* what happens; the seed's words where it gives them */
	int minutes;              /* default time */
	const char *source;
};

struct builtin_method {
	const char *key;          /* actieleren, leercirkel, incidentmethode, balintmethode */
	const char *name, *description, *source;
	const struct builtin_method_step *steps;
	size_t nsteps;
};

extern const struct builtin_method builtin_methods[];
extern const size_t builtin_nmethods;

#endif
