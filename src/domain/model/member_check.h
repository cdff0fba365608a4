/* model/member_check.h — the domain's records of a research project's
 * member checks (with their contacts and attributed answers) and of its
 * partners with the four feedback phases. The store fills them; strings
 * are allocated in the reader's arena. */
#ifndef LG_DOMAIN_MODEL_MEMBER_CHECK_H
#define LG_DOMAIN_MODEL_MEMBER_CHECK_H

#define FEEDBACK_PHASES 4

struct member_check {
	long long id, project_id;
	char *title, *findings, *held_on;
	char *implications, *more_research, *more_research_note;   /* more_research: "", yes, no, unknown */
	long long closed_at;      /* 0: open */
	long long created_at;
	long long contacts, answered;   /* counts, in lists */
};

struct member_check_contact {
	long long id, check_id, person_id;   /* person_id 0: outside the organisation */
	char *name, *affiliation, *email;
	long long expires_at;
	char *recognised;          /* "" (no answer yet), yes, partly, no */
	char *recognised_note, *not_fitting;
	long long answered_at;     /* 0: not answered */
};

struct feedback_release {
	long long id, partner_id;
	int phase;                 /* 1..4 */
	char *shared, *deliverable, *released_by_name;
	long long released_at;     /* 0: not released */
};

struct research_partner {
	long long id, project_id;
	char *name, *contact;
	char *data_in_on, *collected_on, *analysed_on;   /* YYYY-MM-DD or "" */
	struct feedback_release phase[FEEDBACK_PHASES];  /* phase[k] is phase k + 1 */
};

#endif
