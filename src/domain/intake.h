/* intake.h — the individual intake (seed 000 §7.1.2) and the participant's
 * learning question: held by the facilitator and mentor with each
 * participant before the group starts; the learning question is written by
 * the participant, in their own words, never approved or graded, and can be
 * revised with every earlier version kept. Reads by others than the writer
 * are audited (domain/privacy.c). */
#ifndef LG_DOMAIN_INTAKE_H
#define LG_DOMAIN_INTAKE_H

#include "core/compiler.h"
#include "ctx.h"
#include "plan.h"
#include "domain/model/intake.h"
#include "domain/model/group.h"

#define QUESTION_MAX 2000
#define EXPECTATIONS_MAX 4000

/* A new version of the actor's learning question in a group of theirs;
 * *id (when id is not NULL) the version's number. */
MUST_CHECK int question_write(struct ctx *c, long long group_id, const char *text, long long now, struct errors *e,
			      long long *id);
/* Every version, newest first, for the participant and their facilitator and mentor. */
MUST_CHECK int question_history(struct ctx *c, long long person_id, long long group_id, struct learning_question **out,
		     size_t *n);
/* The facilitator or mentor records the intake of an enrolment. */
MUST_CHECK int intake_save(struct ctx *c, long long enrolment_id, const char *held_on, const char *expectations, long long now,
		struct errors *e);
/* The intake of an enrolment (D_NOTFOUND when not held yet or not to be read). */
MUST_CHECK int intake_read(struct ctx *c, long long enrolment_id, struct intake *out);

/* The closing talk (seed 000 §7.1.5): offered at the last meeting, never
 * required. The facilitator or mentor records the offer and whether it was
 * held or declined (outcome: open, held, declined); the participant writes
 * the learning yield and next steps, in their own words. */
MUST_CHECK int closing_record(struct ctx *c, long long enrolment_id, const char *offered_on, const char *outcome,
		   const char *held_on, long long now, struct errors *e);
MUST_CHECK int closing_write(struct ctx *c, long long enrolment_id, const char *learning_yield, const char *next_steps,
		  long long now, struct errors *e);
/* D_NOTFOUND when not offered yet or not to be read; reads by others audited. */
MUST_CHECK int closing_read(struct ctx *c, long long enrolment_id, struct closing_talk *out);

/* The intake page of an enrolment, read at once in the order a reader
 * meets it (each read by another than the writer audited): for the
 * participant and the group's facilitator and mentor, D_NOTFOUND for
 * everyone else (as for an enrolment that does not exist). */
struct intake_view {
	struct enrolment en;
	bool mine;                        /* the actor is the participant */
	bool holds_intake;                /* the actor is the group's facilitator or mentor */
	struct intake intake;
	bool held;                        /* the intake has been recorded */
	struct learning_question *questions;  /* newest first */
	size_t nquestions;
	struct plan plan;
	struct closing_talk talk;
	bool offered;                     /* the closing talk has been offered */
};
MUST_CHECK int intake_open(struct ctx *c, long long enrolment_id, struct intake_view *v);

#endif
