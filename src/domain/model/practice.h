/* model/practice.h — a practice example of the register (C9): one of the
 * 18 of seed 004 that leergang carries (id 0), or one the organisation
 * added. */
#ifndef LG_DOMAIN_MODEL_PRACTICE_H
#define LG_DOMAIN_MODEL_PRACTICE_H

#include <stdbool.h>

struct practice_example {
	int number;                 /* the seed's number; 0 for the organisation's own */
	const char *organisation;   /* toegepast bij */
	const char *learning;       /* the informal learning */
	const char *context;        /* "" where there is none */
	const char *forms;          /* comma-separated catalogue keys */
	const char *themes;         /* comma-separated, Dutch */
	bool in_development;        /* marked * in the seed */
	const char *source;         /* "seed 004, r. N-M", or "organisatie" */
	long long id;               /* the organisation's own: its row; 0 for the seed's */
	const char *title;          /* a shared case's title; NULL or "" for the others */
	bool shared;                /* shared by a participant from a session (origin 'participant') */
};

#endif
