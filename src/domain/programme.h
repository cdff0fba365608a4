/* programme.h — programmes (C2): made from a built-in template (LiVe!,
 * Amsterdam) as a copy the coordinator then edits, its framework copied
 * into the organisation on first use (framework.h); read as a list with
 * their counts and one at a time with its batches, groups and meetings. */
#ifndef LG_DOMAIN_PROGRAMME_H
#define LG_DOMAIN_PROGRAMME_H

#include "core/compiler.h"
#include "ctx.h"
#include "framework.h"
#include "menu.h"
#include "domain/model/design.h"
#include "domain/model/framework.h"
#include "domain/model/group.h"

#define PROGRAMME_NAME_MAX 120
#define PROGRAMME_TEXT_MAX 4000

/* A programme of the organisation; D_NOTFOUND for another's. */
MUST_CHECK int programme_get(struct ctx *c, long long id, struct programme *out);

/* A programme in the list, with the counts of its participants. */
struct programme_item {
	struct programme p;
	struct enrolment_counts counts;
};
/* The organisation's programmes by name. */
MUST_CHECK int programme_list(struct ctx *c, struct programme_item **out, size_t *n);

#define PROGRAMME_CASCADE_MAX 16

/* What the programme's page and API show of it at once: the programme and
 * its participant counts, its batches with their groups (each with its
 * batch_id), its meetings by number, and the cascade warnings
 * (see schedule.h). */
struct programme_overview {
	struct programme p;
	struct enrolment_counts counts;
	struct batch *batches;
	size_t nbatches;
	struct learning_group *groups;
	size_t ngroups;
	struct programme_meeting *meetings;
	size_t nmeetings;
	char *cascade[PROGRAMME_CASCADE_MAX];
	size_t ncascade;
};
MUST_CHECK int programme_overview(struct ctx *c, long long id, struct programme_overview *out);

/* A batch of one of the organisation's programmes. */
MUST_CHECK int batch_get(struct ctx *c, long long id, struct batch *out);
/* A new group in batch_id with, when either is not 0, its mentor and
 * facilitator proposed as its pair (see group_staff): the group and its
 * pair are made together or not at all. */
MUST_CHECK int batch_group_add(struct ctx *c, long long batch_id, const char *name, long long mentor_id,
		    long long facilitator_id, struct errors *e, long long *id);

/* A new programme copied from template `key` (live, amsterdam). */
MUST_CHECK int programme_from_template(struct ctx *c, const char *key, const char *name, struct errors *e, long long *id);
/* Saves the editable fields of p (name, target group, ambition, design
 * elements, group bounds, cascade meeting, menu rules, follow-up, mentor
 * profile), after checking them, in one transaction. p->version is the
 * version the change was made on (what the editor read; 0: whatever is
 * stored, for the command line and the demo): D_CONFLICT, and nothing
 * saved, when someone saved another change since. On D_OK p->version is
 * the new version. */
MUST_CHECK int programme_update(struct ctx *c, struct programme *p, struct errors *e);

struct menu_rules programme_menu_rules(const struct programme *p);
/* The number of the programme's meetings that are chosen from the menu. */
int programme_menu_slots(const struct programme_meeting *m, size_t n);

#endif
