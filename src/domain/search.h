/* search.h — full-text search over everything the user may read: meeting
 * reports, contributions, learning stories, their own logbook (and the
 * entries shared with them), development plans and learning questions,
 * and the cases and follow-up actions of the sessions they belong to.
 * Dutch word forms are found through the stemming tokenizer of the store
 * (vergaderingen finds vergadering). Every result passes the same rule of
 * domain/privacy.c as the page it links to, is anonymised for the coach
 * reading along, and is audited as a read. */
#ifndef LG_DOMAIN_SEARCH_H
#define LG_DOMAIN_SEARCH_H

#include "core/compiler.h"
#include "ctx.h"

#include <stdbool.h>

#define SEARCH_QUERY_MAX 200
#define SEARCH_PAGE 20       /* results on one page */
#define SEARCH_PAGES_MAX 10  /* pages one can leaf through */

struct search_result {
	const char *kind;       /* glossary name: report, contribution, learning_story, logbook,
	                         * development_plan, learning_question, case_session,
	                         * session_action */
	long long id;           /* of the text in its kind */
	const char *title;
	const char *snippet;    /* plain text; matches between \x01 and \x02 */
	const char *href;       /* the page that shows it */
};

/* The FTS5 query for what the user typed: its words, each quoted, all
 * required; a word ending in * is a prefix. NULL when there is no word. */
const char *search_query(struct arena *a, const char *typed);

/* Page page (1 to SEARCH_PAGES_MAX; others are brought within) of the
 * results the actor may read, at most SEARCH_PAGE, each with its snippet
 * and recorded as read; *more when a next page has results. D_INVALID with
 * a message for a query that is too long or has no words. */
MUST_CHECK int search_run(struct ctx *c, const char *typed, long long page, struct search_result **out, size_t *n,
			  bool *more, struct errors *e);

#endif
