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

MUST_CHECK int plan_goal_save(struct ctx *c, long long group_id, const struct development_goal *g, long long now,
		   struct errors *e, long long *id);
MUST_CHECK int plan_goal_delete(struct ctx *c, long long id);
/* The framework elements of the group's programme named by codes ("C1, c3"
 * or "C1 C3"), written back as the framework writes them ("C1, C3") in
 * *out; an unknown code is an error on field "elements" that lists the
 * codes there are. */
bool plan_elements_check(struct ctx *c, long long group_id, const char *codes, struct errors *e, char **out);
/* "C1 (Name), C3 (Name)" for the codes of a goal, or the codes as they are. */
const char *plan_elements_label(struct ctx *c, long long group_id, const char *codes);
MUST_CHECK int plan_assignment_save(struct ctx *c, long long group_id, const char *assignment, long long now, struct errors *e);
MUST_CHECK int plan_talk_add(struct ctx *c, long long group_id, const char *held_on, const char *agreements, long long now,
		  struct errors *e);

struct plan {
	char *assignment;
	struct development_goal *goals;
	size_t ngoals;
	struct manager_talk *talks;
	size_t ntalks;
};
/* The plan of person in group, for them and their facilitator and mentor
 * (D_NOTFOUND otherwise); a read by another is audited. */
MUST_CHECK int plan_read(struct ctx *c, long long person_id, long long group_id, struct plan *out);
/* The actor's own plan in a group they are enrolled in, with the group:
 * only a participant of the group has a plan in it (D_NOTFOUND for anyone
 * else, and for an account without a person). */
MUST_CHECK int plan_own(struct ctx *c, long long group_id, struct learning_group *g, struct plan *out);

#endif
