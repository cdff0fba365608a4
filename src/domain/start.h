/* start.h — the start page: what the signed-in person has to do now, each
 * thing with the page where it is done, and their next meetings. What is
 * listed follows from the person's roles and is decided here, once, for the
 * page and the API alike:
 *   a participant: a learning question or development plan not yet written,
 *     a logbook without an entry for a week, questionnaires open to them,
 *     meetings they prepare, goals due within two weeks;
 *   a facilitator: attendance and reports of meetings of the last
 *     START_RECENT_DAYS, contributions to place; with the mentor: intakes
 *     to hold;
 *   a coach: groups not yet done with fewer or more participants than
 *     their programme asks, groups whose pair is not confirmed, groups with reports more
 *     than two weeks late (of meetings of the last START_RECENT_DAYS); with the researcher: questionnaires closing
 *     within a week with fewer than half answered;
 *   an administrator: people with an e-mail address and no account.
 * The periods (a week, two weeks) are leergang's own choice, not a seed's. */
#ifndef LG_DOMAIN_START_H
#define LG_DOMAIN_START_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/meeting.h"
#include "domain/model/start.h"

#include <stdbool.h>
#include <stddef.h>

#define START_PER_KIND 5      /* things of one kind listed; the rest counted */
#define START_LOGBOOK_DAYS 7
#define START_DUE_DAYS 14
#define START_LATE_DAYS 14    /* a report this long after its meeting is late (coach) */
#define START_OVERDUE_DAYS 7  /* attendance and report this long after the meeting are marked late */
#define START_SOON_DAYS 7     /* questionnaires closing within this are watched */
#define START_RECENT_DAYS 60  /* attendance and reports asked of meetings this recent */

struct start_item {
	enum start_kind kind;
	const char *text;    /* what to do, one sentence in the interface language */
	const char *detail;  /* when, or how many; or NULL */
	const char *href;    /* the page where it is done */
	bool late;
};

struct start_page {
	struct start_item *todo;
	size_t ntodo;
	size_t left_out;       /* things beyond START_PER_KIND of their kind */
	struct meeting *next;  /* the person's next meetings */
	size_t nnext;
};

MUST_CHECK int start_page_read(struct ctx *c, struct start_page *out);

#endif
