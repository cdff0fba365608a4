/* programme.h — the store's part for frameworks, programmes and their
 * design, batches, groups, enrolment, meetings, attendance and calendar
 * feeds. As everywhere in the store: every call takes the organisation and
 * touches nothing outside it; lists are allocated in the arena; ST_NOTFOUND
 * for an id of another organisation. Dates are "YYYY-MM-DD" and times
 * "HH:MM", local to Europe/Amsterdam. */
#ifndef LG_STORE_PROGRAMME_H
#define LG_STORE_PROGRAMME_H

#include "store.h"

/* ---- frameworks ---- */

struct framework {
	long long id, organisation_id;
	char *key, *name, *description, *source;
	long long elements;          /* count, filled by lists */
};

struct framework_element {
	long long id, framework_id, parent_id;
	int position, depth;
	char *code, *kind, *name, *description, *source;
};

int store_framework_add(struct store *s, long long org, const struct framework *f, long long *id);
int store_framework_list(struct store *s, struct arena *a, long long org, struct framework **out, size_t *n);
int store_framework_get(struct store *s, struct arena *a, long long org, long long id, struct framework *out);
int store_framework_by_key(struct store *s, struct arena *a, long long org, const char *key, struct framework *out);
/* parent_id 0 for a top element */
int store_element_add(struct store *s, long long org, const struct framework_element *e, long long *id);
int store_element_update(struct store *s, long long org, const struct framework_element *e);
/* In tree order (a parent before its children, siblings by position). */
int store_element_list(struct store *s, struct arena *a, long long org, long long framework_id,
		       struct framework_element **out, size_t *n);

/* ---- programmes and their design ---- */

enum design_kind { DESIGN_KIND_PROGRAMME, DESIGN_KIND_GUIDANCE, DESIGN_KIND_REPORTING, DESIGN_KINDS };

struct programme {
	long long id, organisation_id, framework_id;
	char *name, *shape, *template_key, *target_group, *ambition, *followup, *mentor_profile;
	char *framework_name;        /* filled by reads */
	int group_min, group_max, cascade_meeting;
	int menu_min, menu_max_free, menu_preparers, menu_justify;
	int followup_meetings;
	char *rationale[DESIGN_KINDS], *goal[DESIGN_KINDS];
};

struct programme_module {
	long long id;
	int number;
	char *name, *business_task;
};

struct programme_meeting {
	long long id, programme_id, module_id;
	int number, days, from_menu;
	char *step, *theme, *description;
	int module_number;           /* filled by reads; 0 without a module */
};

struct script_part {
	long long id, programme_meeting_id;
	int position, minutes;
	char *title, *learning_goal, *material, *led_by;
	char *elements;              /* element codes, comma-separated, filled by reads */
};

struct menu_topic {
	long long id;
	int position;
	char *name, *description;
};

struct menu_option {
	long long id, topic_id;
	int position;
	char *name, *description;
};

int store_programme_add(struct store *s, long long org, const struct programme *p, long long *id);
int store_programme_update(struct store *s, long long org, const struct programme *p);
int store_programme_get(struct store *s, struct arena *a, long long org, long long id, struct programme *out);
int store_programme_list(struct store *s, struct arena *a, long long org, struct programme **out, size_t *n);
int store_module_add(struct store *s, long long org, long long programme_id, const struct programme_module *m,
		     long long *id);
int store_module_list(struct store *s, struct arena *a, long long org, long long programme_id,
		      struct programme_module **out, size_t *n);
int store_programme_meeting_add(struct store *s, long long org, const struct programme_meeting *m, long long *id);
int store_programme_meeting_update(struct store *s, long long org, const struct programme_meeting *m);
int store_programme_meeting_list(struct store *s, struct arena *a, long long org, long long programme_id,
				 struct programme_meeting **out, size_t *n);
int store_programme_meeting_get(struct store *s, struct arena *a, long long org, long long id,
				struct programme_meeting *out);
/* Removes it when no group has planned it (ST_CONFLICT otherwise). */
int store_programme_meeting_delete(struct store *s, long long org, long long id);
int store_script_part_add(struct store *s, long long org, const struct script_part *p, long long *id);
int store_script_part_update(struct store *s, long long org, const struct script_part *p);
int store_script_part_delete(struct store *s, long long org, long long id);
/* Removes every tag of the part. */
int store_script_part_untag(struct store *s, long long org, long long part_id);
int store_script_part_tag(struct store *s, long long org, long long part_id, long long element_id);
/* All parts of the programme, ordered by meeting number and position. */
int store_script_part_list(struct store *s, struct arena *a, long long org, long long programme_id,
			   struct script_part **out, size_t *n);
int store_menu_topic_add(struct store *s, long long org, long long programme_id, const struct menu_topic *t,
			 long long *id);
int store_menu_option_add(struct store *s, long long org, const struct menu_option *o, long long *id);
int store_menu_topic_update(struct store *s, long long org, const struct menu_topic *t);
int store_menu_option_update(struct store *s, long long org, const struct menu_option *o);
/* Removes it unless a meeting chose it (ST_CONFLICT then). */
int store_menu_topic_delete(struct store *s, long long org, long long id);
int store_menu_option_delete(struct store *s, long long org, long long id);
int store_menu_topic_list(struct store *s, struct arena *a, long long org, long long programme_id,
			  struct menu_topic **out, size_t *n);
/* All options of the programme's topics, by topic position and position. */
int store_menu_option_list(struct store *s, struct arena *a, long long org, long long programme_id,
			   struct menu_option **out, size_t *n);

/* ---- batches, groups, enrolment ---- */

/* Counts of enrolments by status. */
struct enrolment_counts {
	long long registered, active, completed, stopped;
};

struct batch {
	long long id, programme_id;
	int number;
	char *name;
	long long groups;            /* filled by lists */
	struct enrolment_counts counts;
};

struct learning_group {
	long long id, batch_id, programme_id, mentor_id, facilitator_id;
	int batch_number;
	char *name, *pair_status;
	char *batch_name, *programme_name, *mentor_name, *facilitator_name;  /* filled by reads */
	struct enrolment_counts counts;
};

struct enrolment {
	long long id, group_id, person_id;
	char *status, *registered_on, *stopped_on, *stop_reason, *completed_on;
	char *person_name, *employee_id;     /* filled by reads */
};

int store_batch_add(struct store *s, long long org, long long programme_id, const char *name, long long *id);
int store_batch_list(struct store *s, struct arena *a, long long org, long long programme_id, struct batch **out,
		     size_t *n);
int store_batch_get(struct store *s, struct arena *a, long long org, long long id, struct batch *out);
int store_group_add(struct store *s, long long org, long long batch_id, const char *name, long long *id);
int store_group_update(struct store *s, long long org, const struct learning_group *g);
int store_group_get(struct store *s, struct arena *a, long long org, long long id, struct learning_group *out);
/* programme_id or batch_id may be 0 (all); ordered by programme, batch, name. */
int store_group_list(struct store *s, struct arena *a, long long org, long long programme_id, long long batch_id,
		     struct learning_group **out, size_t *n);
/* The groups a person takes part in as participant, mentor or facilitator. */
int store_group_list_for_person(struct store *s, struct arena *a, long long org, long long person_id,
				struct learning_group **out, size_t *n);
int store_enrolment_add(struct store *s, long long org, long long group_id, long long person_id, const char *on,
			long long *id);
int store_enrolment_update(struct store *s, long long org, const struct enrolment *e);
int store_enrolment_get(struct store *s, struct arena *a, long long org, long long id, struct enrolment *out);
int store_enrolment_list(struct store *s, struct arena *a, long long org, long long group_id,
			 struct enrolment **out, size_t *n);
/* The group of the programme in which the person is enrolled (not stopped), or 0. */
int store_enrolment_in_programme(struct store *s, long long org, long long programme_id, long long person_id,
				 long long *group_id);
int store_programme_counts(struct store *s, long long org, long long programme_id, struct enrolment_counts *out);

/* ---- meetings and attendance ---- */

struct meeting {
	long long id, group_id, programme_meeting_id, topic_id, option_id;
	char *starts_on, *start_time, *ends_on, *end_time, *venue;
	int cancelled, sequence;
	long long updated_at;
	char *choice, *free_topic, *justification;
	/* filled by reads */
	int number, days, from_menu;
	char *theme, *topic_name, *option_name, *group_name, *programme_name;
	long long batch_id;
	int batch_number;
	char *preparers;             /* person ids, comma-separated, or "" */
};

int store_meeting_add(struct store *s, long long org, const struct meeting *m, long long *id);
/* Writes date, times, venue, cancelled, choice fields, sequence and updated_at. */
int store_meeting_update(struct store *s, long long org, const struct meeting *m);
int store_meeting_get(struct store *s, struct arena *a, long long org, long long id, struct meeting *out);
/* A group's meetings by number. */
int store_meeting_list(struct store *s, struct arena *a, long long org, long long group_id, struct meeting **out,
		       size_t *n);
/* The meetings of every group of a programme, by batch, group and number. */
int store_meeting_list_programme(struct store *s, struct arena *a, long long org, long long programme_id,
				 struct meeting **out, size_t *n);
/* The meetings of the groups a person takes part in (any role), by date. */
int store_meeting_list_for_person(struct store *s, struct arena *a, long long org, long long person_id,
				  struct meeting **out, size_t *n);
int store_meeting_set_preparers(struct store *s, long long org, long long meeting_id, const long long *people,
				size_t n);

struct attendance {
	long long meeting_id, person_id;
	char *status;                /* present, excused, absent */
};

int store_attendance_set(struct store *s, long long org, long long meeting_id, long long person_id,
			 const char *status, long long now);
int store_attendance_clear(struct store *s, long long org, long long meeting_id, long long person_id);
/* For a group: every record of its meetings. */
int store_attendance_list(struct store *s, struct arena *a, long long org, long long group_id,
			  struct attendance **out, size_t *n);

/* ---- selection of facilitators and mentors ---- */

struct selection_criterion {
	long long id;
	int position, weight;        /* weight 1..10 */
	char *name;
};

struct selection_candidate {
	long long id, person_id;
	char *name, *employee_id, *note;
};

struct selection_score {
	long long candidate_id, criterion_id;
	int score;                   /* 1..5 */
};

/* role: "facilitator" or "mentor" */
int store_criterion_add(struct store *s, long long org, long long programme_id, const char *role, const char *name,
			int weight, long long *id);
int store_criterion_delete(struct store *s, long long org, long long programme_id, long long id);
int store_criterion_list(struct store *s, struct arena *a, long long org, long long programme_id, const char *role,
			 struct selection_criterion **out, size_t *n);
int store_candidate_add(struct store *s, long long org, long long programme_id, const char *role, long long person_id,
			const char *note, long long *id);
int store_candidate_list(struct store *s, struct arena *a, long long org, long long programme_id, const char *role,
			 struct selection_candidate **out, size_t *n);
/* score 0 removes the score */
int store_score_set(struct store *s, long long org, long long programme_id, long long candidate_id,
		    long long criterion_id, int score);
int store_score_list(struct store *s, struct arena *a, long long org, long long programme_id, const char *role,
		     struct selection_score **out, size_t *n);

/* ---- logbook ---- */

struct logbook_entry {
	long long id, person_id, group_id;
	char *entry_date, *energy_gave, *energy_cost, *body, *tags, *shared_with;
	long long created_at, updated_at;
	char *writer_name;           /* filled by reads */
};

int store_logbook_add(struct store *s, long long org, const struct logbook_entry *e, long long *id);
/* Writes the texts, date and sharing; only the writer's (person_id) entry changes. */
int store_logbook_update(struct store *s, long long org, const struct logbook_entry *e);
int store_logbook_delete(struct store *s, long long org, long long person_id, long long id);
int store_logbook_get(struct store *s, struct arena *a, long long org, long long id, struct logbook_entry *out);
/* A person's own entries, newest first. */
int store_logbook_list_person(struct store *s, struct arena *a, long long org, long long person_id,
			      struct logbook_entry **out, size_t *n);
/* The entries shared in a group (with its facilitator or the whole group), newest first. */
int store_logbook_list_group(struct store *s, struct arena *a, long long org, long long group_id,
			     struct logbook_entry **out, size_t *n);

/* ---- intake and learning question ---- */

struct intake {
	long long id, enrolment_id, recorded_by;
	char *held_on, *expectations;
	long long updated_at;
};

struct learning_question {
	long long id, person_id, group_id;
	char *text;
	long long written_at;
};

/* ST_NOTFOUND when the enrolment has no intake yet */
int store_intake_get(struct store *s, struct arena *a, long long org, long long enrolment_id, struct intake *out);
/* Adds or replaces the intake of the enrolment. */
int store_intake_put(struct store *s, long long org, const struct intake *in);
int store_question_add(struct store *s, long long org, long long person_id, long long group_id, const char *text,
		       long long now, long long *id);
/* Every version, newest first. */
int store_question_list(struct store *s, struct arena *a, long long org, long long person_id, long long group_id,
			struct learning_question **out, size_t *n);

struct closing_talk {
	long long id, enrolment_id;
	char *offered_on, *outcome, *held_on, *learning_yield, *next_steps;
	long long updated_at;
};

/* ST_NOTFOUND when not offered yet */
int store_closing_get(struct store *s, struct arena *a, long long org, long long enrolment_id, struct closing_talk *out);
int store_closing_put(struct store *s, long long org, const struct closing_talk *t);
/* Of the enrolments of a group: offered, held, declined. */
int store_closing_counts(struct store *s, long long org, long long group_id, long long *offered, long long *held,
			 long long *declined);

/* ---- development plan ---- */

struct development_goal {
	long long id, person_id, group_id;
	char *text, *measure, *due_on, *elements;
	long long updated_at;
};

struct manager_talk {
	long long id, person_id, group_id;
	char *held_on, *agreements;
};

/* "" when there is no plan yet */
int store_plan_assignment(struct store *s, struct arena *a, long long org, long long person_id, long long group_id,
			  char **out);
/* Writes the assignment; only for a person enrolled in the group. */
int store_plan_put(struct store *s, long long org, long long person_id, long long group_id, const char *assignment,
		   long long now);
int store_goal_add(struct store *s, long long org, const struct development_goal *g, long long *id);
/* Only the person's own goal changes. */
int store_goal_update(struct store *s, long long org, const struct development_goal *g);
int store_goal_delete(struct store *s, long long org, long long person_id, long long id);
int store_goal_list(struct store *s, struct arena *a, long long org, long long person_id, long long group_id,
		    struct development_goal **out, size_t *n);
int store_talk_add(struct store *s, long long org, const struct manager_talk *t, long long now, long long *id);
int store_talk_list(struct store *s, struct arena *a, long long org, long long person_id, long long group_id,
		    struct manager_talk **out, size_t *n);

/* ---- reverse mentoring ---- */

struct reverse_pair {
	long long id, senior_id, junior_id;
	char *senior_name, *junior_name, *question, *started_on;
	int step;
};

int store_reverse_add(struct store *s, long long org, const struct reverse_pair *p, long long now, long long *id);
int store_reverse_step(struct store *s, long long org, long long id, int step, long long now);
int store_reverse_get(struct store *s, struct arena *a, long long org, long long id, struct reverse_pair *out);
/* person_id 0: every pair of the organisation; else the pairs the person is in. */
int store_reverse_list(struct store *s, struct arena *a, long long org, long long person_id, struct reverse_pair **out,
		       size_t *n);

/* ---- calendar feeds ---- */

struct calendar_feed {
	long long id, account_id, group_id, organisation_id;
	long long created_at;
};

int store_feed_add(struct store *s, long long org, long long account_id, long long group_id,
		   const unsigned char hash[HASH_LEN], long long now, long long *id);
/* Active feeds only. */
int store_feed_by_hash(struct store *s, const unsigned char hash[HASH_LEN], struct calendar_feed *out);
int store_feed_list(struct store *s, struct arena *a, long long org, long long account_id,
		    struct calendar_feed **out, size_t *n);
int store_feed_revoke(struct store *s, long long org, long long account_id, long long id, long long now);

#endif
