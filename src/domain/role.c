/* role.c — names of the roles in the code, the API and the interface. */
#include "role.h"
#include "core/i18n.h"

#include <strings.h>

static const struct {
	const char *id, *label, *dutch;
} roles[ROLE_COUNT] = {
	[ROLE_ADMINISTRATOR] = { "administrator", N_("administrator"), "beheerder" },
	[ROLE_OWNER] = { "owner", N_("programme owner"), "opdrachtgever" },
	[ROLE_COACH] = { "coach", N_("organisation coach"), "organisatiecoach" },
	[ROLE_FACILITATOR] = { "facilitator", N_("facilitator"), "leergroepbegeleider" },
	[ROLE_MENTOR] = { "mentor", N_("mentor"), "mentor" },
	[ROLE_PARTICIPANT] = { "participant", N_("participant"), "deelnemer" },
	[ROLE_MANAGER] = { "manager", N_("manager"), "leidinggevende" },
	[ROLE_RATER] = { "rater", N_("rater"), "beoordelaar" },
	[ROLE_RESEARCHER] = { "researcher", N_("researcher"), "onderzoeker" },
};

const char *role_id(enum role r)
{
	return (unsigned)r < ROLE_COUNT ? roles[r].id : "?";
}

const char *role_label(enum role r)
{
	return (unsigned)r < ROLE_COUNT ? _(roles[r].label) : "?";
}

int role_parse(const char *s)
{
	if (!s)
		return -1;
	for (int r = 0; r < ROLE_COUNT; r++)
		if (!strcasecmp(s, roles[r].id) || !strcasecmp(s, roles[r].dutch))
			return r;
	/* the coordinator designs and staffs programmes: the coach's role */
	if (!strcasecmp(s, "coordinator") || !strcasecmp(s, "programmacoordinator") ||
	    !strcasecmp(s, "programmacoördinator") || !strcasecmp(s, "ontwerper"))
		return ROLE_COACH;
	return -1;
}
