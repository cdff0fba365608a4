/* account_admin.c — accounts and their roles, for the administrator. */
#include "account_admin.h"
#include "account.h"
#include "audit.h"
#include "role.h"
#include "store_rc.h"
#include "core/i18n.h"
#include "store/invitation.h"
#include "store/signin.h"
#include "store/store.h"

#include <assert.h>
#include <ctype.h>
#include <string.h>

static bool is_admin(const struct ctx *c)
{
	return actor_has(c->who, ROLE_BIT(ROLE_ADMINISTRATOR));
}

/* The account of the organisation, for the administrator. */
static int admin_account(struct ctx *c, long long account_id, struct account *acc)
{
	if (!is_admin(c))
		return D_FORBIDDEN;
	int d = d_from_store(store_account_get(c->st, c->a, c->who->organisation_id, account_id, acc));
	return d == D_NOTFOUND ? D_NOTFOUND : d ? D_ERROR : D_OK;
}

int account_list_roles(struct ctx *c, struct account_roles **out, size_t *n)
{
	assert(out && n);
	*out = NULL;
	*n = 0;
	if (!is_admin(c))
		return D_FORBIDDEN;
	struct account *acc;
	size_t nacc;
	if (store_account_list(c->st, c->a, c->who->organisation_id, &acc, &nacc))
		return D_ERROR;
	struct account_roles *list = arena_alloc(c->a, (nacc + 1) * sizeof(*list));
	for (size_t i = 0; i < nacc; i++) {
		list[i].account = acc[i];
		if (store_grant_list(c->st, c->a, acc[i].id, &list[i].grants, &list[i].ngrants))
			return D_ERROR;
	}
	*out = list;
	*n = nacc;
	return D_OK;
}

int account_create_for_employee(struct ctx *c, const char *email, const char *display_name, const char *employee_id,
				const char *password, int role, struct errors *e, long long *id)
{
	assert(e && employee_id);
	if (!is_admin(c))
		return D_FORBIDDEN;
	struct person p;
	int d = account_person_by_employee(c, employee_id, e, &p);
	if (d)
		return d;
	return account_create(c, email, display_name, p.id, password, role, e, id);
}

int account_person_by_employee(struct ctx *c, const char *employee_id, struct errors *e, struct person *out)
{
	assert(out);
	memset(out, 0, sizeof(*out));
	if (!employee_id || !*employee_id)
		return D_OK;
	int d = d_from_store(store_person_by_employee_id(c->st, c->a, c->who->organisation_id, employee_id, out));
	if (d == D_NOTFOUND) {
		errors_add(c, e, "employee_id", _("No one in your organisation has employee number %s; check the number or leave it empty."),
			   employee_id);
		return D_INVALID;
	}
	return d ? D_ERROR : D_OK;
}

/* a and b the same name: letters compared without case, runs of spaces as one */
static bool same_name(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ' && (a[1] == ' ' || a[1] == '\0'))
			a++;
		while (*b == ' ' && (b[1] == ' ' || b[1] == '\0'))
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		unsigned char x = (unsigned char)*a++, y = (unsigned char)*b++;
		if (x < 0x80 && y < 0x80 ? tolower(x) != tolower(y) : x != y)
			return false;
	}
}

const char *account_person_name_differs(struct ctx *c, const char *employee_id, const char *display_name)
{
	if (!is_admin(c) || !employee_id || !*employee_id || !display_name)
		return NULL;
	while (*display_name == ' ')
		display_name++;
	struct person p;
	if (!*display_name || store_person_by_employee_id(c->st, c->a, c->who->organisation_id, employee_id, &p))
		return NULL;
	return same_name(display_name, p.name) ? NULL : p.name;
}

int account_role_give(struct ctx *c, long long account_id, int role, struct errors *e)
{
	assert(e);
	struct account acc;
	int d = admin_account(c, account_id, &acc);
	if (d)
		return d;
	if (role < 0 || role >= ROLE_COUNT) {
		errors_add(c, e, "role", "%s", _("Choose one of the roles in the list."));
		return D_INVALID;
	}
	if (store_begin(c->st))
		return D_ERROR;
	d = d_from_store(store_grant_add(c->st, acc.id, c->who->organisation_id, role_id(role), "organisation", 0));
	if (d == D_CONFLICT) {   /* held already: nothing to change, nothing to log */
		store_rollback(c->st);
		return D_OK;
	}
	if (d || audit(c, "role.grant", "account", acc.id, "%s", role_id(role)) || store_commit(c->st)) {
		store_rollback(c->st);
		return D_ERROR;
	}
	return D_OK;
}

int account_role_take(struct ctx *c, long long account_id, long long grant_id, struct errors *e)
{
	assert(e);
	struct account acc;
	int d = admin_account(c, account_id, &acc);
	if (d)
		return d;
	struct role_grant *g;
	size_t ng;
	if (store_grant_list(c->st, c->a, acc.id, &g, &ng))
		return D_ERROR;
	for (size_t k = 0; k < ng; k++) {
		if (g[k].id != grant_id || g[k].organisation_id != c->who->organisation_id)
			continue;
		if (acc.id == c->who->account_id && !strcmp(g[k].role, role_id(ROLE_ADMINISTRATOR))) {
			errors_add(c, e, "", "%s", _("You cannot take the administrator role away from yourself; ask another administrator."));
			return D_CONFLICT;
		}
		if (store_begin(c->st))
			return D_ERROR;
		if (store_grant_remove(c->st, c->who->organisation_id, g[k].id) ||
		    audit(c, "role.revoke", "account", acc.id, "%s", g[k].role) || store_commit(c->st)) {
			store_rollback(c->st);
			return D_ERROR;
		}
		return D_OK;
	}
	return D_NOTFOUND;
}

int account_admin_get(struct ctx *c, long long account_id, struct account *out)
{
	return admin_account(c, account_id, out);
}

int account_deactivate(struct ctx *c, long long account_id, struct errors *e)
{
	assert(e);
	struct account acc;
	int d = admin_account(c, account_id, &acc);
	if (d)
		return d;
	if (acc.id == c->who->account_id) {
		errors_add(c, e, "", "%s", _("You cannot switch off your own account; ask another administrator."));
		return D_CONFLICT;
	}
	if (!acc.active)
		return D_OK;
	if (store_begin(c->st))
		return D_ERROR;
	if (store_account_set_active(c->st, c->who->organisation_id, acc.id, false) ||
	    store_session_delete_account(c->st, acc.id, NULL) || store_token_delete_account(c->st, acc.id) ||
	    store_reset_delete_account(c->st, acc.id) || audit(c, "account.deactivate", "account", acc.id, "%s", acc.email) ||
	    store_commit(c->st)) {
		store_rollback(c->st);
		return D_ERROR;
	}
	return D_OK;
}

int account_reactivate(struct ctx *c, long long account_id)
{
	struct account acc;
	int d = admin_account(c, account_id, &acc);
	if (d || acc.active)
		return d;
	if (store_begin(c->st))
		return D_ERROR;
	if (store_account_set_active(c->st, c->who->organisation_id, acc.id, true) ||
	    audit(c, "account.reactivate", "account", acc.id, "%s", acc.email) || store_commit(c->st)) {
		store_rollback(c->st);
		return D_ERROR;
	}
	return D_OK;
}

int account_end_sessions(struct ctx *c, long long account_id)
{
	struct account acc;
	int d = admin_account(c, account_id, &acc);
	if (d)
		return d;
	/* one's own: that is logging out, with its own button */
	if (acc.id == c->who->account_id)
		return D_CONFLICT;
	if (store_begin(c->st))
		return D_ERROR;
	if (store_session_delete_account(c->st, acc.id, NULL) ||
	    audit(c, "account.sessions.end", "account", acc.id, "%s", acc.email) || store_commit(c->st)) {
		store_rollback(c->st);
		return D_ERROR;
	}
	return D_OK;
}
