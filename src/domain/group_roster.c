/* group_roster.c — a group's people and meetings for the JSON API, with
 * what the actor may not see left out before it leaves the domain. */
#include "group_roster.h"
#include "store/group.h"
#include "store/meeting.h"
#include "store/store.h"
#include "store_rc.h"

#include <assert.h>

int group_roster(struct ctx *c, long long group_id, struct group_roster *out)
{
	assert(out);
	long long org = c->who->organisation_id;
	*out = (struct group_roster){ 0 };
	int d = group_open(c, group_id, &out->g, &out->rel);
	if (d)
		return d;
	int r = store_enrolment_list(c->st, c->a, org, out->g.id, &out->enrolments, &out->nenrolments);
	if (!r)
		r = store_meeting_list(c->st, c->a, org, out->g.id, &out->meetings, &out->nmeetings);
	if (r)
		return d_from_store(r);
	out->show_status = out->rel != REL_PARTICIPANT;
	out->show_stops = group_may_see_attendance(out->rel);
	for (size_t i = 0; i < out->nenrolments; i++) {
		struct enrolment *en = &out->enrolments[i];
		if (!out->show_status)
			en->status = NULL;
		if (!out->show_stops) {
			en->id = 0;
			en->stop_reason = NULL;
			en->stopped_on = NULL;
			en->registered_on = NULL;
			en->completed_on = NULL;
		}
	}
	return D_OK;
}
