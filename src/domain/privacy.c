/* privacy.c — the read rules of personal texts. A text's reader is found
 * through the group's own rows (its staffing and enrolment), as for every
 * other question of who belongs where (domain/group.c). */
#include "privacy.h"
#include "audit.h"

#include <string.h>

/* The actor's place in the group, by person, whatever their roles: a coach
 * who is not the facilitator does not read what was shared with the
 * facilitator. */
static bool in_group(struct ctx *c, long long group_id, bool facilitator_only)
{
	long long me = c->who->person_id;
	struct learning_group g;
	if (!me || !group_id || store_group_get(c->st, c->a, c->who->organisation_id, group_id, &g))
		return false;
	if (g.facilitator_id == me)
		return true;
	if (facilitator_only)
		return false;
	if (g.mentor_id == me)
		return true;
	struct enrolment *en;
	size_t n;
	if (store_enrolment_list(c->st, c->a, c->who->organisation_id, group_id, &en, &n))
		return false;
	for (size_t i = 0; i < n; i++)
		if (en[i].person_id == me && strcmp(en[i].status, "stopped"))
			return true;
	return false;
}

bool privacy_may_read_logbook(struct ctx *c, const struct logbook_entry *e)
{
	if (c->who->person_id && e->person_id == c->who->person_id)
		return true;
	if (!strcmp(e->shared_with, "facilitator"))
		return in_group(c, e->group_id, true);
	if (!strcmp(e->shared_with, "group"))
		return in_group(c, e->group_id, false);
	return false;
}

void privacy_log_read(struct ctx *c, const char *kind, long long id, long long writer_person_id)
{
	if (c->who->person_id && c->who->person_id == writer_person_id)
		return;
	audit(c, arena_printf(c->a, "%s.read", kind), kind, id, "writer person %lld", writer_person_id);
}

bool privacy_holds_intake(struct ctx *c, long long group_id)
{
	long long me = c->who->person_id;
	struct learning_group g;
	if (!me || store_group_get(c->st, c->a, c->who->organisation_id, group_id, &g))
		return false;
	return g.facilitator_id == me || g.mentor_id == me;
}

bool privacy_may_read_trajectory(struct ctx *c, long long person_id, long long group_id)
{
	if (c->who->person_id && c->who->person_id == person_id)
		return true;
	return privacy_holds_intake(c, group_id);
}
