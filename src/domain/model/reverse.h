/* model/reverse.h — the domain's records of reverse-mentoring pairs. The
 * domain hands them to pages and the command line; the store fills them (it
 * implements the domain's storage, so it knows these types; pages never see
 * the store). Strings are allocated in the reader's arena. */
#ifndef LG_DOMAIN_MODEL_REVERSE_H
#define LG_DOMAIN_MODEL_REVERSE_H

struct reverse_pair {
	long long id, senior_id, junior_id;
	char *senior_name, *junior_name, *question, *started_on;
	int step;
};

#endif
