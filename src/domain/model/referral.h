/* model/referral.h — the domain's records of how a person came to take
 * part (a referral: by someone, by a presentation, or of their own accord)
 * and of who attended a presentation. The store fills them; strings are
 * allocated in the reader's arena. */
#ifndef LG_DOMAIN_MODEL_REFERRAL_H
#define LG_DOMAIN_MODEL_REFERRAL_H

#include <stddef.h>

struct referral {
	long long id;
	long long person_id;          /* who came to take part */
	char *person_name;
	char *kind;                   /* person, presentation, own */
	long long by_person_id;       /* 0: none (someone outside the list, or another kind) */
	char *by_person_name;         /* "" without by_person_id */
	char *by_name;                /* someone outside the people list, or "" */
	char *by_role;                /* "", manager, head_of_department, team_leader, colleague, top, outside */
	long long presentation_id;    /* 0 unless kind presentation */
	char *presentation_title;     /* "" unless kind presentation */
	char *presentation_held_on;
	char *noted_on;               /* YYYY-MM-DD */
};

struct presentation_attendee {
	long long person_id;
	char *name;
	char *employee_id;
};

#endif
