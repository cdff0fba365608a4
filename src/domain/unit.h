/* unit.h — the organisation tree (C1): units in any depth, each with a
 * manager. Paths such as "Operatiën/Team Noord" name a unit from the root. */
#ifndef LG_DOMAIN_UNIT_H
#define LG_DOMAIN_UNIT_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/people.h"

#define UNIT_NAME_MAX 120

MUST_CHECK int unit_create(struct ctx *c, long long parent_id, const char *name, struct errors *e, long long *id);
MUST_CHECK int unit_rename(struct ctx *c, long long id, const char *name, struct errors *e);
/* parent_id 0 moves the unit to the top; refuses moving under itself. */
MUST_CHECK int unit_move(struct ctx *c, long long id, long long parent_id, struct errors *e);
MUST_CHECK int unit_remove(struct ctx *c, long long id, struct errors *e);
MUST_CHECK int unit_set_manager(struct ctx *c, long long id, long long person_id, struct errors *e);
/* The unit page's form as one change, all or nothing: a new name, parent
 * (-1: not a unit chosen from the list) and manager by employee number
 * ("" for none). D_NOTFOUND for an unknown unit, D_INVALID with the
 * problems in e. */
MUST_CHECK int unit_update(struct ctx *c, long long id, const char *name, long long parent_id, const char *manager_employee_id,
		struct errors *e);

/* All units in tree order, with path[i] "A/B/C" for units[i]; with counts,
 * each unit's people and sub-units are counted too. */
struct unit_tree {
	struct unit *units;
	char **paths;
	size_t n;
};
MUST_CHECK int unit_tree_load(struct ctx *c, bool counts, struct unit_tree *t);
const char *unit_tree_path(const struct unit_tree *t, long long id);

/* May the actor change the organisation tree? (the administrator) */
bool unit_may_change(struct ctx *c);
/* A unit's page: the unit, the whole tree (for its place and the parent
 * list) and its manager's employee number ("" for none). */
struct unit_view {
	struct unit u;
	struct unit_tree tree;
	const char *manager_employee_id;
	bool may_change;
};
MUST_CHECK int unit_open(struct ctx *c, long long id, struct unit_view *v);
/* Finds or (when create) makes the unit at path; "" gives 0. */
MUST_CHECK int unit_ensure_path(struct ctx *c, const char *path, bool create, long long *id);

#endif
