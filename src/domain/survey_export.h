/* survey_export.h — the data of a wave as a table for the exports (CSV,
 * XLSX, SPSS .sav) of the coach and the researcher (SPEC C7, C11).
 *
 * One row per response; the columns, by name:
 *   respondent  in an anonymous wave a number 1..N given in this export
 *               only, after sorting the responses by an HMAC-SHA256 of
 *               their (random) id under the wave's key: it cannot be tied
 *               back to anything, and the next export may number
 *               differently. In a wave that is not anonymous a pseudonym,
 *               "R" and 12 hex digits of an HMAC-SHA256 of the invitation's
 *               id under the wave's key (link_key), with a message of its
 *               own so it is never (part of) the link's token: the same in
 *               every export of the wave, not traceable to a person or link
 *               without the key, which stays in the database. Rows are in
 *               the order of this key, never in the order of submission.
 *   week        the Monday of the week of handing in; not in an anonymous
 *               wave, whose responses keep no time at all (only a count
 *               per week, store/response.h).
 *   <code>      per item by its code: the point or option value for Likert,
 *               bipolar and single choice; for a multiple choice one 0/1
 *               column per option, <code>_<value>; the text of an open
 *               answer. Empty is missing.
 * Never a name, e-mail address, token, invitation id or response id, nor a
 * group or unit (breakdowns are the pages' business, from 5). */
#ifndef LG_DOMAIN_SURVEY_EXPORT_H
#define LG_DOMAIN_SURVEY_EXPORT_H

#include "core/compiler.h"
#include "survey.h"
#include "formats/table.h"
#include "domain/model/instrument.h"

struct wave_export {
	bool shown;                  /* false when wave_hidden_reason() says why: then the table is empty */
	const char *why_hidden;
	long long responses;         /* counted as the wave page counts them */
	struct data_table table;     /* in the ctx's arena, with words in the current language */
};

/* The wave's data as a table; D_OK (also when not shown) or D_ERROR. The
 * wave and version are the caller's, read in the actor's organisation. */
MUST_CHECK int wave_export(struct ctx *c, const struct wave *w, const struct instrument_version *v, struct wave_export *out);

/* A file name for an export: the wave's name in lower-case letters, digits
 * and dashes ("eindevaluatie-live-2025"), then ext (".csv"). */
const char *wave_export_filename(struct arena *a, const struct wave *w, const char *ext);

#endif
