/* statement.h — the facts behind the privacy statement (/privacy): how
 * long leergang keeps what, and the thresholds below which it shows no
 * results, read from the constants that the code itself applies, and the
 * organisation of the reader when one is signed in. The statement never
 * states a number of its own. */
#ifndef LG_DOMAIN_STATEMENT_H
#define LG_DOMAIN_STATEMENT_H

#include "core/compiler.h"
#include "ctx.h"
#include "retention.h"

struct privacy_facts {
	const char *organisation;     /* the reader's organisation, NULL for a visitor */
	bool benchmark;               /* that organisation shares in the benchmark */
	int min_respondents;          /* questionnaire results and open answers */
	int min_raters;               /* a 360° rater category */
	int min_organisations;        /* the benchmark */
	long long session_hours;      /* a signed-in session */
	long long reset_hours;        /* a link to set a new password */
	long long invite_days;        /* an invitation link */
	long long upload_hours;       /* an uploaded import file */
	long long token_days, token_days_max;   /* an API token */
	long long signin_minutes;     /* a sign-in begun at the organisation's identity provider */
	struct retention retention;   /* the reader's organisation's periods; a visitor: leergang's defaults */
};

/* The facts for the reader (c->who may be no one: account_id 0). D_OK,
 * or D_ERROR when the organisation of a signed-in reader cannot be read. */
MUST_CHECK int privacy_facts(struct ctx *c, bool signed_in, struct privacy_facts *out);

#endif
