/* model/plan.h — the domain's records of the development plan: goals and
 * talks with the manager. The domain hands them to pages and the command
 * line; the store fills them (it implements the domain's storage, so it knows
 * these types; pages never see the store). Strings are allocated in the
 * reader's arena. */
#ifndef LG_DOMAIN_MODEL_PLAN_H
#define LG_DOMAIN_MODEL_PLAN_H

#include <stddef.h>

/* A framework element a goal refers to, with the names a reader reads. */
struct goal_element {
	long long id;                /* 0: an old code that names no element (name is the code) */
	char *name, *code, *framework;
};

struct development_goal {
	long long id, person_id, group_id;
	char *text, *measure, *due_on;
	char *elements;              /* older goals: codes typed ("C2, A1"); "" once chosen from the list */
	long long updated_at;
	char *learning_form;         /* key of the catalogue form it is learned by, "" for none */
	long long *element_ids;      /* to save: the elements chosen from the list */
	size_t nelement_ids;
	struct goal_element *named;  /* read: the elements with their names, in the order chosen */
	size_t nnamed;
};

struct manager_talk {
	long long id, person_id, group_id;
	char *held_on, *agreements;
};

#endif
