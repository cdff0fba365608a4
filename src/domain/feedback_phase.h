/* feedback_phase.h — four-phase feedback to the partners of a research
 * project (seed 003 §6, SPEC C8): per partner, in order, 1 first analysis
 * (descriptive results of the partner's own organisation), 2 extended
 * analysis (first relations), 3 complete analysis (the report over all
 * partners), 4 the closing meeting. A release records when, by whom and
 * what was shared; it happens only when the phase's precondition holds,
 * and once.
 *
 * Each precondition is ONE function below, free of the store so that a
 * test can hold it to its rule; feedback_release() asks them and nothing
 * else. Who: as research.h (a member of the project, or the command
 * line); anyone else finds nothing (D_NOTFOUND). */
#ifndef LG_DOMAIN_FEEDBACK_PHASE_H
#define LG_DOMAIN_FEEDBACK_PHASE_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/member_check.h"

#include <stddef.h>

#define FEEDBACK_TEXT_MAX 20000

/* The phase's name and what it holds (1..4), in the interface language. */
const char *feedback_phase_name(int phase);
const char *feedback_phase_about(int phase);

/* NULL when the phase may be released for partner p (of the project's
 * partners all[0..n)), else a sentence saying what is missing. */
const char *feedback_phase1_missing(struct arena *a, const struct research_partner *p);
const char *feedback_phase2_missing(struct arena *a, const struct research_partner *p);
const char *feedback_phase3_missing(struct arena *a, const struct research_partner *all, size_t n,
				    const struct research_partner *p);
const char *feedback_phase4_missing(struct arena *a, const struct research_partner *p);
/* The one of the four for phase, after "released already" and a phase
 * outside 1..4. */
const char *feedback_phase_missing(struct arena *a, const struct research_partner *all, size_t n,
				   const struct research_partner *p, int phase);

/* The project's partners by name, each with its releases. */
MUST_CHECK int feedback_partners(struct ctx *c, long long project, struct research_partner **out, size_t *n);
MUST_CHECK int feedback_partner_add(struct ctx *c, long long project, const char *name, const char *contact,
				    struct errors *e, long long *id);
/* Records (a date YYYY-MM-DD) or clears ("") what: "data_in" (the first
 * data are in), "collected" or "analysed" (all the partner's data). */
MUST_CHECK int feedback_partner_mark(struct ctx *c, long long project, long long partner, const char *what,
				     const char *on, struct errors *e);
/* Releases the phase for the partner with what was shared (required) and
 * the deliverable's name (optional). D_INVALID with the reason under
 * "phase" and nothing changed when the precondition does not hold or the
 * phase was released already. */
MUST_CHECK int feedback_release(struct ctx *c, long long project, long long partner, int phase, const char *shared,
				const char *deliverable, struct errors *e);

#endif
