/* group_roster.h — a group's people and meetings as the JSON API hands
 * them out, cut here to what the actor may see: a participant sees the
 * others' names but not their status; only who may see attendance sees
 * enrolment ids and why and when someone stopped. */
#ifndef LG_DOMAIN_GROUP_ROSTER_H
#define LG_DOMAIN_GROUP_ROSTER_H

#include "core/compiler.h"
#include "ctx.h"
#include "group.h"
#include "domain/model/meeting.h"
#include "domain/model/group.h"

struct group_roster {
	struct learning_group g;
	enum group_relation rel;
	bool show_status;            /* each enrolment's status is filled */
	bool show_stops;             /* ids, stop reasons and dates are filled */
	struct enrolment *enrolments;  /* hidden fields are NULL (id 0) */
	size_t nenrolments;
	struct meeting *meetings;    /* by number */
	size_t nmeetings;
};

/* D_NOTFOUND as group_open (a group the actor may not see is not found). */
MUST_CHECK int group_roster(struct ctx *c, long long group_id, struct group_roster *out);

#endif
