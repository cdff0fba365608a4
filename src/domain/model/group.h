/* model/group.h — the domain's records of batches, learning groups and
 * enrolments, with counts by status. The domain hands them to pages and the
 * command line; the store fills them (it implements the domain's storage, so
 * it knows these types; pages never see the store). Strings are allocated in
 * the reader's arena. */
#ifndef LG_DOMAIN_MODEL_GROUP_H
#define LG_DOMAIN_MODEL_GROUP_H

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
	char *stop_kind;                     /* illness, work, manager, other; "" when not recorded */
	char *person_name, *employee_id;     /* filled by reads */
};

#endif
