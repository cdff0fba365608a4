/* model/peer_group.h — the domain's records of peer groups (intervision
 * groups, teams, learning circles in rounds), their people and the
 * presentations that close a circle. The store fills them; strings are
 * allocated in the reader's arena. */
#ifndef LG_DOMAIN_MODEL_PEER_GROUP_H
#define LG_DOMAIN_MODEL_PEER_GROUP_H

#include <stdbool.h>
#include <stddef.h>

struct peer_group {
	long long id;
	char *kind;          /* intervision, team, circle */
	char *name;          /* for a circle its round: "LC1" */
	char *period;        /* for a circle: "vj 2015"; else "" */
	bool active;
	long long members, facilitators;   /* counts, filled by lists */
};

struct peer_member {
	long long person_id;
	char *role;          /* member, facilitator */
	char *name;
	char *since, *until; /* YYYY-MM-DD or "" */
};

struct presentation {
	long long id, peer_group_id;
	char *kind;          /* pecha_kucha, other */
	char *audience;      /* management, executive, team, department */
	char *held_on, *title;
	char *group_name;    /* "" when it closes no circle */
	long long *presenters;   /* person ids */
	char **presenter_names;
	size_t npresenters;
};

#endif
