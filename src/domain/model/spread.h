/* model/spread.h — the domain's records of how participation spreads
 * through an organisation (issue 18): the columns of the spread table
 * (circles, batches or learning groups) with who took part in each, and
 * buddy pairs for lone participants. The store fills them; strings are
 * allocated in the reader's arena. */
#ifndef LG_DOMAIN_MODEL_SPREAD_H
#define LG_DOMAIN_MODEL_SPREAD_H

/* what the columns of a spread table are */
enum spread_by { SPREAD_BY_CIRCLE, SPREAD_BY_BATCH, SPREAD_BY_GROUP };

/* A column as the store reads it: a circle ("LC1", "vj 2015"), a batch
 * (its name, its programme's) or a learning group (its name, its batch's). */
struct spread_source {
	long long id;
	char *name, *period;
	char *first_on;      /* the earliest date of a place in it (since, registered_on), or "" */
};

/* One place of a person in a column (or, for the list of all
 * participants, column 0). */
struct spread_place {
	long long column_id, person_id, unit_id;   /* unit_id 0: none */
	char *name;
};

struct buddy_pair {
	long long id, person_id, buddy_id;
	char *person_name, *buddy_name;
	char *reason;        /* team, department, other */
	char *started_on, *ended_on;   /* ended_on "" while open */
};

#endif
