/* model/plan.h — the domain's records of the development plan: goals and
 * talks with the manager. The domain hands them to pages and the command
 * line; the store fills them (it implements the domain's storage, so it knows
 * these types; pages never see the store). Strings are allocated in the
 * reader's arena. */
#ifndef LG_DOMAIN_MODEL_PLAN_H
#define LG_DOMAIN_MODEL_PLAN_H

struct development_goal {
	long long id, person_id, group_id;
	char *text, *measure, *due_on, *elements;
	long long updated_at;
};

struct manager_talk {
	long long id, person_id, group_id;
	char *held_on, *agreements;
};

#endif
