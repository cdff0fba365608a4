/* practice_share.h — a case shared as a practice example (issue 17): after
 * the session (at its last step), the case owner alone may offer an
 * anonymised version of their case to the organisation's register, written
 * anew in their own words. Refused when the text holds the name of a member
 * of the session or of any person of the organisation. The example is
 * marked as shared by a participant and keeps no link to the session. */
#ifndef LG_DOMAIN_PRACTICE_SHARE_H
#define LG_DOMAIN_PRACTICE_SHARE_H

#include "core/compiler.h"
#include "ctx.h"

struct practice_share {
	const char *title;     /* 1-200 characters */
	const char *text;      /* what happened and what was learned: 1-2000 */
	const char *forms;     /* at least one catalogue key, comma-separated */
	const char *themes;    /* one line, 1-200 */
	bool confirmed;        /* the owner confirms: own words, no names */
};

/* The suggestion for the form: the case's title and question, nothing
 * else (not the context, not what was said). D_NOTFOUND for anyone but the
 * case owner (the other members too). */
MUST_CHECK int practice_share_suggestion(struct ctx *c, long long session_id, const char **title,
					 const char **question);
/* Whether the actor may share the session's case now: the case owner, at
 * the session's last step. */
bool practice_share_allowed(struct ctx *c, long long session_id);
/* Adds the example. D_NOTFOUND as above; D_INVALID with a
 * Dutch message per mistake (and nothing saved) when a field is wrong, the
 * session is not over, the suggestion was not changed or a name was found. */
MUST_CHECK int practice_share(struct ctx *c, long long session_id, const struct practice_share *in, struct errors *e,
			      long long *id);

#endif
