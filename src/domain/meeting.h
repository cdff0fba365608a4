/* meeting.h — planning a group's meetings, choosing menu meetings under the
 * menu card's rules, attendance, and the cascade check of a programme. The
 * caller has checked the actor's relation to the group (group_open,
 * group_may_run). Every change raises the meeting's sequence, so calendar
 * programs update their copy. */
#ifndef LG_DOMAIN_MEETING_H
#define LG_DOMAIN_MEETING_H

#include "core/compiler.h"
#include "ctx.h"
#include "menu.h"

#define VENUE_MAX 200
#define FREE_TOPIC_MAX 200
#define JUSTIFICATION_MAX 2000

#include "group.h"
#include "domain/model/group.h"
#include "domain/model/meeting.h"
#include "domain/model/design.h"

/* Reads a meeting with its group and the actor's relation to the group:
 * D_NOTFOUND when it is not in the organisation or the actor may not see
 * the group (the same answer, so ids cannot be probed), D_ERROR when the
 * store fails. The one check of every meeting page and API route. */
MUST_CHECK int meeting_open(struct ctx *c, long long id, struct meeting *m, struct learning_group *g, enum group_relation *rel);
/* meeting_open for a change: D_FORBIDDEN when the actor sees the meeting
 * but may not run its group (only the coach and the group's facilitator
 * move it, choose from the menu and record attendance). */
MUST_CHECK int meeting_open_to_run(struct ctx *c, long long id, struct meeting *m, struct learning_group *g);

/* Everything the meeting page shows, read at once and cut to what the
 * actor may see. */
struct meeting_view {
	struct meeting m;
	struct learning_group g;
	enum group_relation rel;
	bool may_run;                    /* moves it, chooses, records attendance */
	bool may_read_report;            /* everyone who sees the meeting but the owner */
	struct enrolment *enrolments;    /* the group's places, for the preparers and the attendance */
	size_t nenrolments;
	struct attendance *attendance;   /* this meeting's: every record for who runs the group, */
	size_t nattendance;              /* the actor's own for a participant or mentor, else none */
	struct script_part *script;      /* this meeting's parts; none for a participant */
	size_t nscript;
	struct menu_topic *topics;       /* the programme's menu card, for who runs a menu meeting */
	size_t ntopics;
	struct menu_option *options;
	size_t noptions;
};
/* D_NOTFOUND as meeting_open, D_ERROR when the store fails. */
MUST_CHECK int meeting_view_open(struct ctx *c, long long id, struct meeting_view *v);
/* Whether the person is one of the participants who prepare the meeting. */
bool meeting_prepared_by(const struct meeting *m, long long person_id);
/* The topic of an option of the programme's menu card; 0 when the card has
 * no such option (meeting_choose then refuses the choice). */
long long menu_option_topic(struct ctx *c, long long programme_id, long long option_id);

/* The years a meeting can be planned in: a date outside them is a typing
 * error (1900, 2206), refused with a message. */
#define MEETING_YEAR_MIN 2000
#define MEETING_YEAR_MAX 2100

struct meeting_when {
	const char *date, *start, *end;   /* "2026-02-10", "09:00", "17:00" */
	const char *venue;
};

/* Plans meeting `number` of the group's programme; a two-day meeting ends
 * on the next day. */
MUST_CHECK int meeting_plan(struct ctx *c, long long group_id, int number, const struct meeting_when *w, long long now,
		 struct errors *e, long long *id);
#define MEETING_SERIES_MAX 100  /* meetings planned in one series */
#define MEETING_EVERY_MAX 366   /* days from one meeting of a series to the next */
/* A series: meetings number .. number + repeat - 1 (repeat 1 to
 * MEETING_SERIES_MAX, every 1 to MEETING_EVERY_MAX days, else D_INVALID
 * with a message), the first on w->date
 * and each next one `every` days later, all or none (one transaction);
 * ids[0 .. repeat) the new meetings. The problems of the first meeting
 * that cannot be planned are in e, and nothing is planned then. */
MUST_CHECK int meeting_plan_series(struct ctx *c, long long group_id, int number, int repeat, int every,
				   const struct meeting_when *w, long long now, struct errors *e, long long *ids);
/* Moves a meeting, changes its venue, or cancels it (cancel) / plans it again. */
MUST_CHECK int meeting_change(struct ctx *c, long long meeting_id, const struct meeting_when *w, bool cancel, long long now,
		   struct errors *e);

struct meeting_choice {
	bool free;
	long long topic_id, option_id;       /* for a menu choice; option may be 0 */
	const char *free_topic;
	const char *justification;
	const long long *preparers;          /* person ids */
	size_t npreparers;
};
/* Records the choice for a menu meeting, refused with a message per rule
 * it would break. */
MUST_CHECK int meeting_choose(struct ctx *c, long long meeting_id, const struct meeting_choice *ch, long long now,
		   struct errors *e);

/* status: present, excused, absent; "" clears the record. Only for people
 * enrolled in the meeting's group. */
MUST_CHECK int attendance_record(struct ctx *c, long long meeting_id, long long person_id, const char *status, long long now,
		      struct errors *e);
const char *attendance_label(const char *status);
/* What a meeting is about, as its title: the free topic chosen, or the
 * topic and option chosen from the menu card, else the programme's theme
 * ("Keuze uit de menukaart" only until something is chosen). */
const char *meeting_title(struct arena *a, const struct meeting *m);
/* The attendance of the whole group at a meeting, all or nothing in one
 * transaction: status_of(arg, person_id) gives each enrolled person's
 * status as attendance_record takes it ("" or NULL clears it). D_NOTFOUND
 * or D_FORBIDDEN as meeting_open_to_run; D_ERROR when the commit fails. */
MUST_CHECK int meeting_attendance_save(struct ctx *c, long long meeting_id,
			    const char *(*status_of)(void *arg, long long person_id), void *arg, long long now,
			    struct errors *e);

/* The cascade messages of a programme (see schedule.h), at most max. */
MUST_CHECK int programme_cascade(struct ctx *c, long long programme_id, char **out, size_t max, size_t *n);

#endif
