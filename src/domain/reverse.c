/* reverse.c — reverse mentoring pairs and the nine steps of seed 001. */
#include "reverse.h"
#include "audit.h"
#include "role.h"
#include "schedule.h"
#include "validate.h"
#include "core/i18n.h"
#include "store/reverse.h"
#include "store/store.h"

#include <string.h>

/* seed 001, r. 3431-3584: "Fase 1: Het decor bouwen" (r. 3431), "Fase 2:
 * Aan de slag" (r. 3474), "Fase 3: Reflectie" (r. 3574); the step names are
 * the seed's own opening words, shortened where it goes on */
const struct reverse_step reverse_steps[9] = {
	{ 1, 1, "Het decor bouwen", "Een vraag of vraagstuk kiezen als focuspunt", "seed 001, r. 3432-3437" },
	{ 2, 1, "Het decor bouwen", "Een match zoeken die klikt op persoonlijk niveau", "seed 001, r. 3440-3447" },
	{ 3, 1, "Het decor bouwen", "Een inspirerende setting kiezen", "seed 001, r. 3449-3454" },
	{ 4, 1, "Het decor bouwen", "Afspraken maken", "seed 001, r. 3456-3460" },
	{ 5, 2, "Aan de slag", "Open jezelf", "seed 001, r. 3475-3478" },
	{ 6, 2, "Aan de slag", "Draag de rollen bewust aan elkaar over", "seed 001, r. 3506-3512" },
	{ 7, 2, "Aan de slag", "Wees persistent in doorvragen, en wees ontvangend voor de vragen", "seed 001, r. 3529-3536" },
	{ 8, 2, "Aan de slag", "Durf diep en persoonlijk te gaan", "seed 001, r. 3556-3561" },
	{ 9, 3, "Reflectie", "Een uitgebreide reflectiesessie", "seed 001, r. 3575-3584" },
};

static bool is_coach(struct ctx *c)
{
	return actor_has(c->who, ROLE_BIT(ROLE_COACH));
}

int reverse_pair_add(struct ctx *c, long long senior_id, long long junior_id, const char *question,
		     const char *started_on, long long now, struct errors *e, long long *id)
{
	if (!is_coach(c))
		return D_FORBIDDEN;
	if (senior_id <= 0)
		errors_add(c, e, "senior_id", "%s", _("Choose the senior leader from the list."));
	if (junior_id <= 0)
		errors_add(c, e, "junior_id", "%s", _("Choose the junior colleague from the list."));
	else if (junior_id == senior_id)
		errors_add(c, e, "junior_id", "%s", _("A pair is two people: choose someone else as the junior colleague."));
	if (!date_valid(started_on))
		errors_add(c, e, "started_on", "%s", _("Give the date as YYYY-MM-DD, such as 2026-09-01."));
	check_line(c, e, "question", _("Question"), question ? question : "", 0, 500);
	if (e->n)
		return D_INVALID;
	struct reverse_pair p = { 0, senior_id, junior_id, NULL, NULL, (char *)question, (char *)started_on, 1 };
	long long pid;
	int r = store_reverse_add(c->st, c->who->organisation_id, &p, now, &pid);
	if (r == ST_INVALID) {
		errors_add(c, e, "senior_id", "%s", _("Choose people of your organisation from the list."));
		return D_INVALID;
	}
	if (r)
		return D_ERROR;
	audit(c, "reverse.add", "reverse_pair", pid, "senior %lld, junior %lld", senior_id, junior_id);
	if (id)
		*id = pid;
	return D_OK;
}

int reverse_pair_step(struct ctx *c, long long id, int step, long long now, struct errors *e)
{
	struct reverse_pair p;
	if (store_reverse_get(c->st, c->a, c->who->organisation_id, id, &p))
		return D_NOTFOUND;
	long long me = c->who->person_id;
	if (!is_coach(c) && !(me && (me == p.senior_id || me == p.junior_id)))
		return D_NOTFOUND;
	if (step < 1 || step > 9) {
		errors_add(c, e, "step", "%s", _("Choose one of the nine steps."));
		return D_INVALID;
	}
	if (store_reverse_step(c->st, c->who->organisation_id, id, step, now))
		return D_ERROR;
	audit(c, "reverse.step", "reverse_pair", id, "%d", step);
	return D_OK;
}

int reverse_pairs(struct ctx *c, struct reverse_pair **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!is_coach(c) && !c->who->person_id)
		return D_OK;
	return store_reverse_list(c->st, c->a, c->who->organisation_id, is_coach(c) ? 0 : c->who->person_id, out, n)
		       ? D_ERROR
		       : D_OK;
}
