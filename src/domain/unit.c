/* unit.c — rules of the organisation tree: names unique among siblings, no
 * '/' in a name (it separates a path), no unit under itself, removal only
 * when empty. Every change is audited. */
#include "unit.h"
#include "audit.h"
#include "role.h"
#include "store_rc.h"
#include "validate.h"
#include "core/i18n.h"
#include "store/store.h"

#include <assert.h>
#include <string.h>

static bool check_name(struct ctx *c, struct errors *e, const char *name)
{
	if (!check_line(c, e, "name", _("Name"), name, 1, UNIT_NAME_MAX))
		return false;
	if (strchr(name, '/')) {
		errors_add(c, e, "name", _("A unit name may not contain '/': that character separates the levels of a path."));
		return false;
	}
	return true;
}

static int from_store(struct ctx *c, struct errors *e, int r, const char *name)
{
	switch (r) {
	case ST_OK: return D_OK;
	case ST_NOTFOUND: return D_NOTFOUND;
	case ST_CONFLICT:
		errors_add(c, e, "name", _("There is already a unit called \"%s\" at this place; choose another name."), name);
		return D_INVALID;
	case ST_INVALID:
		errors_add(c, e, "parent_id", _("The chosen parent unit does not exist; choose one from the list."));
		return D_INVALID;
	default: return D_ERROR;
	}
}

int unit_create(struct ctx *c, long long parent_id, const char *name, struct errors *e, long long *id)
{
	if (!check_name(c, e, name))
		return D_INVALID;
	long long nid = 0;
	int r = from_store(c, e, store_unit_add(c->st, c->who->organisation_id, parent_id, name, &nid), name);
	if (r)
		return r;
	if (id)
		*id = nid;
	audit(c, "unit.create", "unit", nid, "%s", name);
	return D_OK;
}

int unit_rename(struct ctx *c, long long id, const char *name, struct errors *e)
{
	if (!check_name(c, e, name))
		return D_INVALID;
	int r = from_store(c, e, store_unit_rename(c->st, c->who->organisation_id, id, name), name);
	if (!r)
		audit(c, "unit.rename", "unit", id, "%s", name);
	return r;
}

int unit_move(struct ctx *c, long long id, long long parent_id, struct errors *e)
{
	struct unit u;
	int r = store_unit_get(c->st, c->a, c->who->organisation_id, id, &u);
	if (r)
		return d_from_store(r);
	if (parent_id) {
		long long *up;
		size_t n;
		r = store_unit_ancestors(c->st, c->a, c->who->organisation_id, parent_id, &up, &n);
		if (r == ST_NOTFOUND) {
			errors_add(c, e, "parent_id", _("The chosen parent unit does not exist; choose one from the list."));
			return D_INVALID;
		}
		if (r)
			return D_ERROR;
		for (size_t i = 0; i < n; i++)
			if (up[i] == id) {
				errors_add(c, e, "parent_id", _("A unit cannot be moved under itself or under one of its own sub-units."));
				return D_INVALID;
			}
	}
	r = from_store(c, e, store_unit_move(c->st, c->who->organisation_id, id, parent_id), u.name);
	if (!r)
		audit(c, "unit.move", "unit", id, "parent %lld", parent_id);
	return r;
}

int unit_remove(struct ctx *c, long long id, struct errors *e)
{
	int r = store_unit_delete(c->st, c->who->organisation_id, id);
	if (r == ST_CONFLICT) {
		errors_add(c, e, "", _("This unit still has sub-units or people. Move or remove them first, then remove the unit."));
		return D_CONFLICT;
	}
	if (r)
		return d_from_store(r);
	audit(c, "unit.remove", "unit", id, "%s", "");
	return D_OK;
}

int unit_set_manager(struct ctx *c, long long id, long long person_id, struct errors *e)
{
	int r = store_unit_set_manager(c->st, c->who->organisation_id, id, person_id);
	if (r == ST_NOTFOUND) {
		if (person_id && store_unit_get(c->st, c->a, c->who->organisation_id, id, &(struct unit){0}) == ST_OK) {
			errors_add(c, e, "manager_id", _("That person is not in this organisation; choose someone from the list."));
			return D_INVALID;
		}
		return D_NOTFOUND;
	}
	if (r)
		return D_ERROR;
	audit(c, "unit.manager", "unit", id, "person %lld", person_id);
	return D_OK;
}

int unit_update(struct ctx *c, long long id, const char *name, long long parent_id, const char *manager_employee_id,
		struct errors *e)
{
	long long org = c->who->organisation_id, manager = 0;
	struct unit u;
	int r = store_unit_get(c->st, c->a, org, id, &u);
	if (r)
		return d_from_store(r);
	if (parent_id < 0)
		errors_add(c, e, "parent_id", "%s", _("Choose the parent unit from the list."));
	if (manager_employee_id && *manager_employee_id) {
		struct person p;
		r = store_person_by_employee_id(c->st, c->a, org, manager_employee_id, &p);
		if (r == ST_OK)
			manager = p.id;
		else if (r == ST_NOTFOUND)
			errors_add(c, e, "manager", _("No one in your organisation has employee number %s; check the number."),
				   manager_employee_id);
		else
			return D_ERROR;
	}
	if (e->n)
		return D_INVALID;
	if (store_begin(c->st))
		return D_ERROR;
	int d = D_OK;
	if (strcmp(name, u.name))
		d = unit_rename(c, id, name, e);
	if (!d && parent_id != u.parent_id)
		d = unit_move(c, id, parent_id, e);
	if (!d && manager != u.manager_person_id)
		d = unit_set_manager(c, id, manager, e);
	if (d || store_commit(c->st)) {
		store_rollback(c->st);
		return d ? d : D_ERROR;
	}
	return D_OK;
}

int unit_tree_load(struct ctx *c, bool counts, struct unit_tree *t)
{
	if (store_unit_list(c->st, c->a, c->who->organisation_id, counts, &t->units, &t->n))
		return D_ERROR;
	t->paths = arena_alloc(c->a, (t->n + 1) * sizeof(char *));
	/* tree order: a parent's path is known before its children's */
	for (size_t i = 0; i < t->n; i++) {
		const char *pp = t->units[i].parent_id ? unit_tree_path(t, t->units[i].parent_id) : NULL;
		t->paths[i] = pp ? arena_printf(c->a, "%s/%s", pp, t->units[i].name) : t->units[i].name;
	}
	return D_OK;
}

const char *unit_tree_path(const struct unit_tree *t, long long id)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->units[i].id == id)
			return t->paths[i] ? t->paths[i] : t->units[i].name;
	return NULL;
}

bool unit_may_change(struct ctx *c)
{
	return actor_has(c->who, ROLE_BIT(ROLE_ADMINISTRATOR));
}

int unit_open(struct ctx *c, long long id, struct unit_view *v)
{
	assert(v);
	memset(v, 0, sizeof(*v));
	long long org = c->who->organisation_id;
	int r = store_unit_get(c->st, c->a, org, id, &v->u);
	if (r)
		return d_from_store(r);
	int d = unit_tree_load(c, true, &v->tree);
	if (d)
		return d;
	v->may_change = unit_may_change(c);
	v->manager_employee_id = "";
	struct person m = { 0 };
	if (v->u.manager_person_id && !store_person_get(c->st, c->a, org, v->u.manager_person_id, &m) && m.employee_id)
		v->manager_employee_id = m.employee_id;
	return D_OK;
}

int unit_ensure_path(struct ctx *c, const char *path, bool create, long long *id)
{
	char *copy = arena_strdup(c->a, path), *save = NULL;
	long long parent = 0;
	for (char *seg = strtok_r(copy, "/", &save); seg; seg = strtok_r(NULL, "/", &save)) {
		while (*seg == ' ')
			seg++;
		size_t len = strlen(seg);
		while (len && seg[len - 1] == ' ')
			seg[--len] = '\0';
		if (!len)
			continue;
		long long uid;
		int r = store_unit_find(c->st, c->who->organisation_id, parent, seg, &uid);
		if (r == ST_NOTFOUND) {
			if (!create)
				return D_NOTFOUND;
			if (store_unit_add(c->st, c->who->organisation_id, parent, seg, &uid))
				return D_ERROR;
			audit(c, "unit.create", "unit", uid, "%s", seg);
		} else if (r) {
			return D_ERROR;
		}
		parent = uid;
	}
	*id = parent;
	return D_OK;
}
