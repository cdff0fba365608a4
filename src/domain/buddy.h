/* buddy.h — lone participants and their buddies (seed 002 §8: "een maatje
 * in de directe werkomgeving"). Who stands alone: the only participant,
 * past or present, in their team; or someone with no referral link to a
 * person (nobody they encouraged, nobody who encouraged them). Buddy
 * suggestions (leergang's own rule, the seed gives none beyond the direct
 * work environment): other people who took part, in the same team first,
 * then in the same department, never someone already their open buddy.
 * A pair is recorded and ended, never deleted. The coach and the
 * researcher see them; the coach records and ends pairs. */
#ifndef LG_DOMAIN_BUDDY_H
#define LG_DOMAIN_BUDDY_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/spread.h"

#include <jansson.h>
#include <stdbool.h>

#define BUDDY_SUGGESTIONS_MAX 5

struct buddy_suggestion {
	long long person_id;
	const char *name;
	const char *reason;        /* team, department */
};

struct lone_participant {
	long long person_id;
	const char *name, *department, *team;   /* "" when none */
	bool only_in_team;         /* the only participant, past or present, of their team */
	bool unlinked;             /* nobody they encouraged, nobody who encouraged them */
	struct buddy_pair *open;   /* their open pairs, either side */
	size_t nopen;
	struct buddy_suggestion *suggestions;
	size_t nsuggestions;
};

struct lone_view {
	struct lone_participant *lone;
	size_t n;
	struct buddy_pair *pairs;  /* every pair, open ones first */
	size_t npairs;
	bool may_pair;
};

/* Who sees lone participants and pairs: the coach and the researcher. */
bool buddy_may_read(const struct ctx *c);
/* Who records and ends pairs: the coach. */
bool buddy_may_manage(const struct ctx *c);
const char *buddy_reason_label(const char *reason);

MUST_CHECK int lone_participants(struct ctx *c, struct lone_view *v);
/* Records an open pair of two people of the organisation, today, with the
 * reason the unit tree gives (team, department, other). D_NOTFOUND for a
 * person not of the organisation; D_INVALID for the same person twice or
 * a pair of the two that is open already. */
MUST_CHECK int buddy_pair_add(struct ctx *c, long long person, long long buddy, struct errors *e, long long *id);
/* Ends an open pair today; it stays in the history. D_INVALID when it has
 * ended already. */
MUST_CHECK int buddy_pair_end(struct ctx *c, long long id, struct errors *e);
MUST_CHECK int buddy_pair_get(struct ctx *c, long long id, struct buddy_pair *out);

/* {"id","person_id","person","buddy_id","buddy","reason","started_on","ended_on"} */
json_t *buddy_pair_json(const struct buddy_pair *p);
/* {"lone":[{"person_id","name","department","team","only_in_team","unlinked",
 *   "open_pairs":[pair],"suggestions":[{"person_id","name","reason"}]}],"pairs":[pair]} */
json_t *lone_view_json(const struct lone_view *v);

#endif
