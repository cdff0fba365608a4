/* model/method.h — the domain's records of session methods and their steps
 * (the ways a group discusses a case). The store fills them; strings are
 * allocated in the reader's arena. */
#ifndef LG_DOMAIN_MODEL_METHOD_H
#define LG_DOMAIN_MODEL_METHOD_H

#include <stddef.h>

struct method_step {
	long long id, method_id;
	int n, minutes;
	char *name, *who, *instruction, *source;
};

struct method {
	long long id, organisation_id;
	char *key, *name, *description, *source;
	struct method_step *steps;   /* filled by method_list() */
	size_t nsteps;
};

#endif
