/* research_consent.h — consent to use a text for research (issue 19), and
 * the one query that says which texts a researcher may take as sources.
 *
 * A logbook entry is private to its writer: only the writer gives or
 * withdraws consent for it, per entry (not the facilitator, the coach or an
 * administrator). A case is its owner's (case_session.case_person_id): only
 * the owner consents for its title, question and context. For a published
 * meeting report and a bundled learning story, the group's facilitator or
 * the organisation coach records that the group consented, or withdraws
 * it; a draft cannot carry consent. Each change is audited. */
#ifndef LG_DOMAIN_RESEARCH_CONSENT_H
#define LG_DOMAIN_RESEARCH_CONSENT_H

#include "core/compiler.h"
#include "ctx.h"

#include <stdbool.h>
#include <stddef.h>

/* The state of one text's consent. */
struct research_consent {
	bool given;
	long long at;          /* unix time it was given; 0 while not */
	const char *by_name;   /* who recorded a group's consent; "" for none */
};

/* The writer of the entry, for their own entry only (D_NOTFOUND for anyone
 * else, as for an entry that does not exist). */
MUST_CHECK int consent_logbook(struct ctx *c, long long entry_id, bool given);
/* The case owner, for the case of their session only (D_NOTFOUND otherwise). */
MUST_CHECK int consent_case(struct ctx *c, long long session_id, bool given);
/* The group's facilitator or the coach, for the report of the meeting:
 * D_NOTFOUND for anyone else, D_INVALID (with a message) while the report
 * is not published. */
MUST_CHECK int consent_report(struct ctx *c, long long meeting_id, bool given, struct errors *e);
/* The same for the group's learning story, which must be bundled. */
MUST_CHECK int consent_story(struct ctx *c, long long group_id, bool given, struct errors *e);
/* Whether the actor may change the consent at all, before the input is
 * looked at (a wrong input then is D_INVALID only for them): kind
 * "logbook" (id an entry), "case" (a session), "report" (a meeting) or
 * "story" (a group); D_OK or D_NOTFOUND, as the calls above. */
MUST_CHECK int consent_may(struct ctx *c, const char *kind, long long id);
/* Whether the facilitator or the coach may record the group's consent for
 * texts of group_id (the pages show the form to them alone). */
bool consent_records_group(struct ctx *c, long long group_id);

/* The consent of a text the caller has already opened under the read rules
 * (kind "logbook", "case", "report", "story" and the row's id); a text
 * without consent reads as not given. */
MUST_CHECK int consent_state(struct ctx *c, const char *kind, long long id, struct research_consent *out);

struct consented_text {
	const char *kind;        /* "report", "story", "logbook", "case" */
	long long id;            /* the row's id in its own table */
	long long group_id;      /* 0 when none */
	long long writer_id;     /* person who wrote it; 0 for a group's text */
	char *title;             /* e.g. "Verslag bijeenkomst 3 - Groep A, 2025-03-04" */
	char *date;              /* YYYY-MM-DD */
	char *text;              /* the plain text (Markdown made plain, as search does: md_plain) */
};
/* Texts of the organisation a researcher may take as sources: consented
 * ones only (and reports only published, stories only bundled), to choose
 * from: without their text (NULL). A list reads no one's words but a
 * case's title (its owner's), and logs that read alone. A researcher of
 * the organisation only (D_FORBIDDEN otherwise). */
MUST_CHECK int consented_texts(struct ctx *c, struct consented_text **out, size_t *n);
/* One of them; D_NOTFOUND for one without consent, a draft, another
 * organisation's, or an unknown kind. Logs the read (SPEC: every read of
 * a personal text by someone other than its writer is logged). */
MUST_CHECK int consented_text_get(struct ctx *c, const char *kind, long long id, struct consented_text *out);

#endif
