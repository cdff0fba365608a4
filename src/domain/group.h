/* group.h — batches, learning groups, their staffing and enrolment (C3),
 * and what a person may see and do in a group: the one place that decides
 * it for pages, API and command line alike. */
#ifndef LG_DOMAIN_GROUP_H
#define LG_DOMAIN_GROUP_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/design.h"
#include "domain/model/group.h"

#define GROUP_NAME_MAX 80
#define STOP_REASON_MAX 500

/* How the acting person relates to a group, weakest first. */
enum group_relation {
	REL_NONE,
	REL_OWNER,         /* counts, names and status only */
	REL_PARTICIPANT,   /* enrolled (not stopped) */
	REL_MENTOR,
	REL_FACILITATOR,
	REL_COACH,         /* the organisation coach: designs, staffs, schedules */
};

enum group_relation group_relation(struct ctx *c, const struct learning_group *g);
/* The same, from the group's enrolments (en, n) the caller has read already. */
enum group_relation group_relation_in(struct ctx *c, const struct learning_group *g, const struct enrolment *en,
				      size_t n);
/* Reads the group and the actor's relation to it; D_NOTFOUND when the
 * group is not in the organisation or the actor may not see it (the same
 * answer, so that ids of other groups cannot be probed). */
MUST_CHECK int group_open(struct ctx *c, long long id, struct learning_group *g, enum group_relation *rel);
/* May the relation staff the group, enrol people and change their status? */
bool group_may_staff(enum group_relation r);
/* May the relation change the schedule, menu choices and attendance? */
bool group_may_run(enum group_relation r);
/* May it see other participants' attendance? */
bool group_may_see_attendance(enum group_relation r);

/* The name a batch gets when none is given: "Lichting N", N one more
 * than the batches the programme has. */
const char *batch_next_name(struct arena *a, size_t existing);
MUST_CHECK int batch_create(struct ctx *c, long long programme_id, const char *name, struct errors *e, long long *id);
MUST_CHECK int group_create(struct ctx *c, long long batch_id, const char *name, struct errors *e, long long *id);
/* Sets mentor, facilitator (person ids, 0 for none) and the pair's status
 * (none, proposed, confirmed, changed). */
MUST_CHECK int group_staff(struct ctx *c, long long group_id, long long mentor_id, long long facilitator_id,
		const char *pair_status, struct errors *e);
/* Enrols people (all or none) on date `on`; a person who is in another
 * group of the same programme (and has not stopped) is refused by name. */
MUST_CHECK int group_enrol(struct ctx *c, long long group_id, const long long *people, size_t n, const char *on,
		struct errors *e);
/* The group of an enrolment of the organisation. */
MUST_CHECK int enrolment_group(struct ctx *c, long long enrolment_id, long long *group_id);
/* Why a participant stopped, as reports count it (seed 000 §9.1): chosen
 * when stopping, kept beside the free note, which only those who run the
 * group read. A stop recorded before kinds existed counts as STOP_OTHER. */
enum stop_kind { STOP_ILLNESS, STOP_WORK, STOP_MANAGER, STOP_OTHER, STOP_KINDS };
/* "illness", "work", "manager", "other": as stored and in the API. */
const char *stop_kind_id(enum stop_kind k);
/* In the interface language: "ziekte", "werkomstandigheden"... */
const char *stop_kind_label(enum stop_kind k);
/* The kind of a stored value; "" and anything unknown: STOP_OTHER. */
enum stop_kind stop_kind_of(const char *stored);
/* The kind named by s (its id); -1 when s names none. */
int stop_kind_parse(const char *s);

/* registered -> active -> completed, or stopped (with a kind, a note and
 * a date) from registered or active; a stop can be undone back to active.
 * kind is read only when stopping. */
MUST_CHECK int enrolment_set_status(struct ctx *c, long long enrolment_id, const char *status, const char *on,
			 const char *kind, const char *reason, struct errors *e);
/* The same change for several participants of one group at once, all or
 * none: an enrolment of another group is refused, and a change one of them
 * cannot make is reported with their name. */
MUST_CHECK int enrolment_set_status_many(struct ctx *c, long long group_id, const long long *enrolments, size_t n,
			 const char *status, const char *on, const char *kind, const char *reason, struct errors *e);
/* A sentence when the group's size (registered + active + completed) is
 * outside the programme's bounds, else NULL. */
const char *group_size_warning(struct ctx *c, const struct learning_group *g, const struct programme *p);

const char *enrolment_status_label(const char *status);
const char *pair_status_label(const char *status);

#endif
