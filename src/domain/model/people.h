/* model/people.h — the domain's records of organisations, units, people,
 * accounts, role grants and audit entries. The domain hands them to pages and
 * the command line; the store fills them (it implements the domain's storage,
 * so it knows these types; pages never see the store). Strings are allocated
 * in the reader's arena. */
#ifndef LG_DOMAIN_MODEL_PEOPLE_H
#define LG_DOMAIN_MODEL_PEOPLE_H

/* bytes of the hash under which a secret (session, link, token) is kept */
#define HASH_LEN 32

struct organisation {
	long long id;
	char *slug, *name, *created_at;
	int benchmark;            /* takes part in questionnaire benchmarks */
};

struct unit {
	long long id, organisation_id, parent_id, manager_person_id;
	char *name;
	char *manager_name;  /* of manager_person_id, or NULL */
	long long people;    /* people directly in this unit */
	long long children;  /* direct sub-units */
	int depth;           /* 0 for a top-level unit */
};

struct person {
	long long id, organisation_id, unit_id, manager_id;
	char *employee_id, *name, *email, *job_level;
	int active;
	char *unit_name;            /* filled by reads */
	char *manager_name;         /* filled by reads */
	char *manager_employee_id;  /* filled by reads */
};

struct person_filter {
	const char *query;    /* matches name, e-mail or employee id; NULL for all */
	long long unit_id;    /* 0 for all; else this unit and every unit below it */
	int include_inactive;
	long long offset, limit;
	/* only id, name and employee_id are read (a list to choose from),
	 * from the index alone; the other texts are "" and numbers 0 */
	int names_only;
};

struct account {
	long long id, organisation_id, person_id;
	char *email, *display_name, *password_hash;
	int active;
	long long invited_at;   /* unix seconds of the last invitation; 0 for none */
};

struct role_grant {
	long long id, account_id, organisation_id, scope_id;
	char *role, *scope_kind;
};

struct audit_entry {
	long long id, organisation_id, actor_id, object_id;
	char *at, *actor, *action, *object_kind, *detail;
};

/* Which lines of the audit log to read; "" (or NULL) is no filter. who:
 * part of the actor's e-mail address or account name (any case); action:
 * one recorded action exactly; from_at/to_at: times as stored
 * ("YYYY-MM-DDTHH:MM:SSZ"), from inclusive, to exclusive. */
struct audit_filter {
	const char *who, *action, *from_at, *to_at;
};

#endif
