/* group_view.h — a learning group, and the list of groups, as the acting
 * person may see them: the one place that decides, from the reader's
 * relation to the group (domain/group.h), which parts of it they read.
 * The pages and the API only render what they are handed; what a reader
 * may not see is left NULL or 0 here.
 *
 * Per relation (weakest first):
 *   - owner: names and status of the participants, the meetings; no
 *     attendance, no reports, no stop reasons, no closing talks.
 *   - participant: names (no status), the meetings and the status of the
 *     published reports, their own attendance only, their own place.
 *   - mentor: status with the reason of a stop, every report's status
 *     (drafts too), everyone's attendance, closing-talk counts, the intakes.
 *   - facilitator: as the mentor, and the group's size warning and the
 *     planning of meetings.
 *   - coach: status with reasons and the form to change it, the published
 *     reports' status, everyone's attendance, closing-talk counts, the size
 *     warning, staffing, enrolment and planning. */
#ifndef LG_DOMAIN_GROUP_VIEW_H
#define LG_DOMAIN_GROUP_VIEW_H

#include "core/compiler.h"
#include "ctx.h"
#include "group.h"
#include "meeting.h"
#include "report.h"
#include "domain/model/design.h"
#include "domain/model/group.h"
#include "domain/model/meeting.h"
#include "domain/model/report.h"

/* One participant's row of the attendance table. */
struct group_attendance_row {
	const struct enrolment *en;
	const char **status;      /* per meeting of the view: present, excused, absent, or "" */
	int present, recorded;
};

struct group_view {
	struct learning_group g;
	enum group_relation rel;

	/* what the reader may do or follow */
	bool programme_link;      /* to the programme's page */
	bool show_status;         /* the participants' status column */
	bool may_change_status;   /* a form per participant */
	bool holds_intake;        /* a link to each participant's intake */
	bool may_staff;           /* staffing and enrolment */
	bool may_plan;            /* planning the group's meetings */
	const char *size_warning; /* NULL when within bounds or not the reader's concern */

	/* participants, by name; stopped_on and stop_reason NULL for whom may not read them */
	struct enrolment *en;
	size_t nen;
	long long own_enrolment_id;  /* the reader's own place (a participant), else 0 */

	/* meetings by number, and per meeting the status of its report
	 * ("draft", "published") or NULL: report_status is NULL as a whole
	 * for a reader who reads no reports */
	struct meeting *m;
	size_t nm;
	const char **report_status;

	/* attendance: NULL for a reader who may see none; one's own row for a participant */
	struct group_attendance_row *attendance;
	size_t nattendance;

	/* closing talks of the group's participants; 0 for whom may not count them */
	long long closing_offered, closing_held, closing_declined;

	/* meetings of the programme not yet planned for the group (may_plan only) */
	struct programme_meeting *unplanned;
	size_t nunplanned;
};

/* The group as the actor may see it; D_NOTFOUND when the group is not in the
 * organisation or the actor may not see it (as group_open). */
MUST_CHECK int group_view(struct ctx *c, long long group_id, struct group_view *out);

/* The groups the actor sees in the list: every group of the organisation
 * for the coach and the owner (*all true), else the groups they take part
 * in (as participant, mentor or facilitator). */
MUST_CHECK int group_list_visible(struct ctx *c, struct learning_group **out, size_t *n, bool *all);

/* The actor's meetings (any role) that have not ended before today, by date,
 * at most max. */
MUST_CHECK int group_next_meetings(struct ctx *c, size_t max, struct meeting **out, size_t *n);

/* One's own part in each of one's groups, for the export of one's own data. */
struct own_group {
	struct learning_group g;
	const char *role;              /* "participant", "facilitator" or "mentor" */
	const struct enrolment *en;    /* one's place when a participant, else NULL */
	struct contribution *contribs; /* one's own contributions to its reports, placed or not */
	size_t ncontribs;
};
MUST_CHECK int group_list_own(struct ctx *c, struct own_group **out, size_t *n);

#endif
