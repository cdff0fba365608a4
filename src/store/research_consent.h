/* research_consent.h — the store's part of research consent (migration
 * 0033): setting and reading the consent of a logbook entry, a case, a
 * meeting report and a learning story, and the list of texts that carry
 * it. Every call is scoped to the organisation; who may change what is
 * decided in domain/research_consent.c, but the rows a change may touch
 * are narrowed here as well (the writer's entry, the owner's case, a
 * published report, a bundled story). */
#ifndef LG_STORE_RESEARCH_CONSENT_H
#define LG_STORE_RESEARCH_CONSENT_H

#include "core/compiler.h"
#include "store/store.h"

#include <stdbool.h>

struct store_consent {
	bool given;
	long long at;        /* unix time it was given; 0 while not */
	long long by;        /* who recorded a group's consent; 0 for none */
	char *by_name;       /* their name, "" for none */
};

/* kind: "logbook", "case", "report" or "story"; ST_NOTFOUND for another
 * kind or a row not of the organisation. */
MUST_CHECK int store_consent_get(struct store *s, struct arena *a, long long org, const char *kind, long long id,
				 struct store_consent *out);
/* The writer's own entry only (ST_NOTFOUND otherwise). */
MUST_CHECK int store_consent_logbook_set(struct store *s, long long org, long long person_id, long long id, bool given,
					 long long now);
/* The case owner's own case only (ST_NOTFOUND otherwise). */
MUST_CHECK int store_consent_case_set(struct store *s, long long org, long long person_id, long long id, bool given,
				      long long now);
/* A published report only (ST_NOTFOUND otherwise); by: who recorded it. */
MUST_CHECK int store_consent_report_set(struct store *s, long long org, long long id, bool given, long long now,
					long long by);
/* A bundled story only (ST_NOTFOUND otherwise). */
MUST_CHECK int store_consent_story_set(struct store *s, long long org, long long id, bool given, long long now,
				       long long by);

/* A text that carries consent: its kind ("report", "story", "logbook",
 * "case") and id. */
struct store_consent_row {
	const char *kind;
	long long id;
};
/* The organisation's texts with consent: reports only published, stories
 * only bundled, cases only with an owner; by kind, then id. */
MUST_CHECK int store_consent_list(struct store *s, struct arena *a, long long org, struct store_consent_row **out,
				  size_t *n);

#endif
