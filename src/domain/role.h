/* role.h — the roles of SPEC.md. A role is held in an organisation, either
 * for the whole organisation or for one programme or group of it. */
#ifndef LG_DOMAIN_ROLE_H
#define LG_DOMAIN_ROLE_H

enum role {
	ROLE_ADMINISTRATOR,
	ROLE_OWNER,
	ROLE_COACH,
	ROLE_FACILITATOR,
	ROLE_MENTOR,
	ROLE_PARTICIPANT,
	ROLE_MANAGER,
	ROLE_RATER,
	ROLE_RESEARCHER,
	ROLE_COUNT
};

#define ROLE_BIT(r) (1u << (r))
#define ROLES_ALL ((1u << ROLE_COUNT) - 1)

/* The identifier, as stored and used in the API: "administrator", "coach"... */
const char *role_id(enum role r);
/* The name in the interface language: "beheerder", "organisatiecoach"... */
const char *role_label(enum role r);
/* Accepts the identifier or the Dutch word; -1 when unknown. */
int role_parse(const char *s);

#endif
