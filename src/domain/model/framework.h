/* model/framework.h — the domain's records of leadership frameworks and their
 * elements. The domain hands them to pages and the command line; the store
 * fills them (it implements the domain's storage, so it knows these types;
 * pages never see the store). Strings are allocated in the reader's arena. */
#ifndef LG_DOMAIN_MODEL_FRAMEWORK_H
#define LG_DOMAIN_MODEL_FRAMEWORK_H

struct framework {
	long long id, organisation_id;
	char *key, *name, *description, *source;
	long long elements;          /* count, filled by lists */
};

struct framework_element {
	long long id, framework_id, parent_id;
	int position, depth;
	char *code, *kind, *name, *description, *source;
	char *synonyms;      /* other names of the element, comma-separated; searched as the name */
};

#endif
