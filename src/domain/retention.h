/* retention.h — how long an organisation keeps personal texts, logbooks
 * and named answers after its programmes finished (AVG, issue 16), and the
 * removal of what has passed its period, run daily by the server
 * (retention_job) and by `leergang retention run`.
 *
 * A group finishes on the last day of its last meeting that was not
 * cancelled; a group with a meeting still ahead, or without meetings, has
 * not finished. The three periods, in whole months, from 1 to 240:
 * - texts: after the group finished, its participants' learning questions,
 *   intake expectations, closing-talk texts, development plans with their
 *   goals and manager talks, and contributions to meeting reports that
 *   were not placed in a learning story the group received, are removed
 *   (an intake or closing talk keeps its date and outcome, without text);
 * - logbook: after the last group the writer was enrolled in finished
 *   (every one of them has), the writer's whole logbook is removed;
 * - answers: after a questionnaire wave on name (not anonymous) closed,
 *   its open answers are removed and the invitations lose the name and
 *   address, so the figures stay for the reports but no answer is linked
 *   to a person any more. Anonymous answers hold no link to begin with.
 * Meeting reports and bundled learning stories are the group's documents
 * and stay; the audit log stays. */
#ifndef LG_DOMAIN_RETENTION_H
#define LG_DOMAIN_RETENTION_H

#include "core/compiler.h"
#include "ctx.h"
#include "model/subject.h"

#define RETENTION_MONTHS_MIN 1
#define RETENTION_MONTHS_MAX 240   /* twenty years */

struct retention {
	int texts_months, logbook_months, answers_months;
	bool is_default;        /* the organisation set none: leergang's defaults */
	long long updated_at;   /* 0 for the defaults */
};

/* leergang's own defaults (no law or seed gives them). */
const struct retention *retention_defaults(void);
/* The periods of c's organisation (anyone signed in to it may know them:
 * the privacy statement shows them). */
MUST_CHECK int retention_get(struct ctx *c, struct retention *out);
/* Sets the periods of c's organisation from form text (administrator
 * only). Each must be a whole number of months from 1 to 240; a bad one
 * gets a message under its field (texts_months, logbook_months,
 * answers_months) and nothing changes. The change is audited. */
MUST_CHECK int retention_set(struct ctx *c, const char *texts, const char *logbook, const char *answers,
			     struct errors *e);

/* What one run removed (or, in a dry run, would remove). */
struct retention_result {
	struct retention periods;
	char today[11];          /* the day the run decided at (ctx_now) */
	struct subject_step *steps;  /* one per kind, what = the table */
	size_t n;
	long long total;
};

/* Removes in c's organisation what has passed its period at ctx_now(c)
 * (administrator only), in one transaction, with an audit record of the
 * counts per kind (never a text). With dry_run nothing changes. After a
 * removal the database files are scrubbed as after an erasure; only then,
 * since that rewrites the whole file. D_BUSY: the removal stands but the
 * scrub could not finish (err says why); running again finishes it. */
MUST_CHECK int retention_apply(struct ctx *c, bool dry_run, struct retention_result *out, struct buf *err);
/* Rewrites the database files after a removal whose scrub was busy
 * (store_scrub_files); non-zero while a reader still keeps it from
 * finishing. */
MUST_CHECK int retention_scrub(struct store *st, struct buf *err);
/* "learning_question 3, intake 2" (kinds with rows only), or "nothing". */
const char *retention_counts(struct arena *a, const struct retention_result *r);

#endif
