/* peer_group.h — intervision groups, teams and learning circles (issue
 * 17): groups of people that are not a programme's learning group. The
 * coordinator (the coach's role) and the administrator create them and set
 * their members and facilitators; members see their group and its
 * sessions; the coach and the owner see counts only. Who leads is decided
 * here, once, for pages, API and command line (peer_rule_*). Learning
 * circles run in rounds ("LC1", period "vj 2015") and end with a
 * presentation (the pecha kucha before management). */
#ifndef LG_DOMAIN_PEER_GROUP_H
#define LG_DOMAIN_PEER_GROUP_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/case_session.h"
#include "domain/model/method.h"
#include "domain/model/peer_group.h"

#include <jansson.h>

#define PEER_NAME_MAX 100
#define PEER_PERIOD_MAX 40
#define PRESENTATION_TITLE_MAX 200

/* ---- the rule of who is who (pure: a unit test calls these) ---- */

/* Whether the person belongs to the group (as member or facilitator). */
bool peer_rule_belongs(const struct peer_member *m, size_t n, long long person);
/* Whether the group has a facilitator. */
bool peer_rule_has_facilitator(const struct peer_member *m, size_t n);
/* Whether the person may start a session of the group and lead it: its
 * facilitators, or in a group without one any member. */
bool peer_rule_may_start(const struct peer_member *m, size_t n, long long person);
/* Whether the person leads a session of the group started by `starter`:
 * a facilitator of the group, or in a group without one the member who
 * started it. */
bool peer_rule_leads(const struct peer_member *m, size_t n, long long person, long long starter);

/* ---- groups ---- */

/* The coordinator's and the administrator's right to create groups, set
 * their people and record presentations. */
bool peer_group_may_manage(const struct ctx *c);
const char *peer_kind_label(const char *kind);
const char *presentation_audience_label(const char *audience);
const char *presentation_kind_label(const char *kind);

/* kind intervision|team|circle; a circle needs its period. */
MUST_CHECK int peer_group_create(struct ctx *c, const char *kind, const char *name, const char *period,
				 struct errors *e, long long *id);
/* Adds the person (of the organisation) to the group or changes their role
 * (member|facilitator) and dates (YYYY-MM-DD or empty). */
MUST_CHECK int peer_group_member_set(struct ctx *c, long long id, long long person, const char *role,
				     const char *since, const char *until, struct errors *e);
/* Takes the person out of the group (D_INVALID with a message when they
 * are not in it). */
MUST_CHECK int peer_group_member_remove(struct ctx *c, long long id, long long person, struct errors *e);
/* Marks the group active (1) or not (0; anything else is D_INVALID with
 * a message): an inactive group keeps its people and sessions for them
 * to read, and no new session starts in it. The coordinator and the
 * administrator. */
MUST_CHECK int peer_group_set_active(struct ctx *c, long long id, int active, struct errors *e);

/* The groups the actor sees: all for the coordinator, the administrator
 * and the owner, else those the actor belongs to. */
MUST_CHECK int peer_group_list(struct ctx *c, struct peer_group **out, size_t *n);

/* Whether the acting person has a place in any peer group (one cheap
 * query: the navigation asks it on every page). */
bool peer_group_any(struct ctx *c);

/* A group as the actor sees it: D_NOTFOUND for someone without a place. */
struct peer_view {
	struct peer_group g;
	struct peer_member *members;       /* members and facilitators */
	size_t nmembers;
	bool belongs, may_start, may_manage;
	struct case_session *sessions;     /* for its people only; NULL for counts only */
	size_t nsessions;
	struct case_session_counts counts;
	struct method *methods;            /* when may_start */
	size_t nmethods;
	struct presentation *presentations;
	size_t npresentations;
};
MUST_CHECK int peer_group_open(struct ctx *c, long long id, struct peer_view *v);

/* ---- presentations ---- */

/* kind pecha_kucha|other, audience management|executive|team|department, date,
 * title, the circle it closes (0: none), presenters (people of the
 * organisation, at least one). The coordinator and the administrator. */
MUST_CHECK int presentation_add(struct ctx *c, const char *kind, const char *audience, const char *held_on,
				const char *title, long long group, const long long *presenters, size_t npresenters,
				struct errors *e, long long *id);
MUST_CHECK int presentation_list(struct ctx *c, struct presentation **out, size_t *n);

/* ---- as the API and the command line give them ---- */

/* {"id","kind","name","period","active","members","facilitators"} */
json_t *peer_group_json(const struct peer_group *g);
/* [{"id","kind","audience","held_on","title","group_id",
 *   "presenters":[{"person_id","name"}]}] */
json_t *presentation_list_json(const struct presentation *p, size_t n);

#endif
