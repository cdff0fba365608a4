/* plan.h — the development plan (POP): goals checked against SMART with a
 * hint per missing criterion (the check helps, it never blocks), the
 * development assignment at work, and the talks with the manager. The
 * plan is the participant's: they write it; their facilitator and mentor
 * read it (domain/privacy.c), each read audited. */
#ifndef LG_DOMAIN_PLAN_H
#define LG_DOMAIN_PLAN_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/plan.h"
#include "domain/model/group.h"
#include "domain/framework.h"

#define PLAN_TEXT_MAX 4000

enum smart { SMART_SPECIFIC, SMART_MEASURABLE, SMART_ACCEPTABLE, SMART_REALISTIC, SMART_TIMED, SMART_COUNT };

/* The SMART check of a goal as of `today`: hints[k] is NULL when criterion
 * k looks met, else a hint in the interface language. How each criterion is
 * judged is leergang's own (the seeds ask for SMART goals but give no
 * test), kept simple and explainable:
 *   S: the goal says what, in at least six words;
 *   M: "how will I notice" is filled in, or the goal holds a number;
 *   A: written as one's own goal, in the first person (ik, mijn, me, mij);
 *   R: a question for the writer, never checked: always a hint-free pass;
 *   T: a date by when, not in the past.
 * Returns the number of hints. */
MUST_CHECK int smart_check(struct ctx *c, const char *text, const char *measure, const char *due_on, const char *today,
		const char *hints[SMART_COUNT]);
const char *smart_name(enum smart k);

/* Saves a goal of the actor's own plan with the elements chosen by id
 * (g->element_ids; each one of plan_element_choices, else D_INVALID with a
 * message under "elements" and nothing saved) or, from a script or an
 * older form, by the codes of the programme's framework in g->elements
 * ("C2, A1"). Either way the elements are written as the list's, never as
 * typed text. */
MUST_CHECK int plan_goal_save(struct ctx *c, long long group_id, const struct development_goal *g, long long now,
		   struct errors *e, long long *id);
MUST_CHECK int plan_goal_delete(struct ctx *c, long long id);
/* What a goal's framework elements are chosen from: every framework of the
 * organisation, the group's programme's own first, each with its elements
 * in tree order (question cards left out: they are prompts, not something
 * to develop). */
MUST_CHECK int plan_element_choices(struct ctx *c, long long group_id, struct framework_view **out, size_t *n);
#define PLAN_GOAL_ELEMENTS_MAX 20
MUST_CHECK int plan_assignment_save(struct ctx *c, long long group_id, const char *assignment, long long now, struct errors *e);
/* *id (when id is not NULL): the talk's number. */
MUST_CHECK int plan_talk_add(struct ctx *c, long long group_id, const char *held_on, const char *agreements, long long now,
		  struct errors *e, long long *id);

struct plan {
	char *assignment;
	struct development_goal *goals;
	size_t ngoals;
	struct manager_talk *talks;
	size_t ntalks;
};
/* The plan of person in group, for them and their facilitator and mentor
 * (D_NOTFOUND otherwise); a read by another is audited. Each goal's
 * elements come with their names (named); an older goal's codes too, as
 * far as its programme's framework still has them. */
MUST_CHECK int plan_read(struct ctx *c, long long person_id, long long group_id, struct plan *out);
/* The actor's own plan in a group they are enrolled in, with the group:
 * only a participant of the group has a plan in it (D_NOTFOUND for anyone
 * else, and for an account without a person). */
MUST_CHECK int plan_own(struct ctx *c, long long group_id, struct learning_group *g, struct plan *out);

#endif
