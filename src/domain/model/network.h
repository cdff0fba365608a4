/* model/network.h — the rows the recruitment network is built from (issue
 * 18): the referrals of an organisation, the people and presentations that
 * appear in them, and who presented what. The store fills them in the
 * reader's arena; domain/referral_network.c turns them into a graph. */
#ifndef LG_DOMAIN_MODEL_NETWORK_H
#define LG_DOMAIN_MODEL_NETWORK_H

#include <stdbool.h>
#include <stddef.h>

/* A person of the organisation who joined, encouraged or presented. */
struct net_person_row {
	long long id;
	char *name, *employee_id, *email;
	char *department;    /* the top-level unit's name, "" without a unit */
	char *team;          /* the unit directly below it, "" when none */
	char *circles;       /* the learning circles they were in, "LC1;LC2" */
	char *periods;       /* those circles' periods, "vj 2015;nj 2016" */
	bool team_leader;    /* manages their own unit */
};

struct net_referral_row {
	long long person_id;     /* who joined */
	char *kind;              /* person|presentation|own */
	long long by_person_id;  /* 0 when by_name or not a person */
	char *by_name, *by_role;
	long long presentation_id;
	char *noted_on;
};

struct net_presentation_row {
	long long id;
	char *kind, *title, *held_on;
};

struct net_presenter_row {
	long long presentation_id, person_id;
};

struct net_rows {
	struct net_person_row *people;             /* by id */
	size_t npeople;
	struct net_referral_row *referrals;        /* by person, then id */
	size_t nreferrals;
	struct net_presentation_row *presentations; /* by id: those in a referral */
	size_t npresentations;
	struct net_presenter_row *presenters;      /* of those presentations */
	size_t npresenters;
};

#endif
