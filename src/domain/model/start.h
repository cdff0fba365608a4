/* model/start.h — the rows of a start page: what someone has to do now,
 * one row per thing, found by the store in one pass per role. */
#ifndef LG_DOMAIN_MODEL_START_H
#define LG_DOMAIN_MODEL_START_H

enum start_kind {
	/* a participant (the fields used) */
	START_QUESTION = 1,   /* no learning question in a group yet (ref: group, group_name) */
	START_PLAN,           /* no goal in the development plan yet (ref: group, group_name) */
	START_LOGBOOK,        /* nothing in the logbook for a week (date: the last entry, or "") */
	START_QUESTIONNAIRE,  /* invited and not answered, open today (id: invitation, ref: wave, name, date: closes) */
	START_PREPARE,        /* a meeting one prepares (id: meeting, number, group_name, date) */
	START_GOAL_DUE,       /* a goal of the plan due within two weeks (ref: group, name: the goal, date) */
	/* a facilitator or mentor */
	START_ATTENDANCE,     /* a past meeting without attendance (id: meeting, number, group_name, date) */
	START_REPORT,         /* a past meeting whose report is not published (id: meeting, number, group_name, date) */
	START_CONTRIBUTIONS,  /* contributions not placed in the report (id: meeting, number, group_name, count) */
	START_INTAKE,         /* an intake not held (id: enrolment, name: the participant, group_name) */
	/* a coach */
	START_STAFFING,       /* a group without mentor or facilitator (number 1), or whose pair is to be
	                       * confirmed now its first meeting was held (number 2) (id: group, group_name) */
	START_REPORTS_LATE,   /* meetings over two weeks ago without a published report (id: group, group_name, count) */
	/* a coach or researcher */
	START_RESPONSE_LOW,   /* a wave closing within a week, under half answered (id: wave, name, date, count of total) */
	/* an administrator */
	START_NO_ACCOUNT,     /* active people with an e-mail address and no account (count) */
	/* a coach */
	START_GROUP_SIZE,     /* a group not yet done with fewer or more participants than its programme
	                       * asks (id: group, group_name, count; number: the least, total: the most) */
	/* anyone in a session */
	START_ACTION_DUE,     /* an open follow-up action of one's own due within two weeks or overdue
	                       * (id: action, ref: session, name: its text, group_name, date: due) */
	/* a researcher */
	START_MEMBER_CHECK,   /* an open member check of a project one is a member of, with answers
	                       * (id: check, ref: project, name: its title, group_name: the project,
	                       * count: answered, total: contacts), the latest answered first */
};

struct start_row {
	enum start_kind kind;
	long long id, ref;
	int number;
	long long count, total;
	char *name, *group_name, *date;
};

/* What the store is asked for: the parts that apply to the actor, and the
 * dates the rules are decided at. */
enum {
	START_PART_PARTICIPANT = 1u << 0,
	START_PART_STAFF = 1u << 1,
	START_PART_COACH = 1u << 2,
	START_PART_WAVES = 1u << 3,
	START_PART_ADMIN = 1u << 4,
	START_PART_RESEARCH = 1u << 5,
};

struct start_dates {
	const char *today;
	const char *week_ago;     /* a logbook entry since then counts */
	const char *due_by;       /* goals due up to then */
	const char *late_before;  /* a report of a meeting before then is late */
	const char *soon;         /* waves closing up to then */
	const char *recent;       /* attendance and reports asked of meetings since then */
};

#endif
