/* api_admin.c — the administrator's pages in the API: the organisation
 * tree (units.c), accounts and their roles (accounts.c, invitations.c,
 * account_state.c), erasing a person (rights.c), the retention periods
 * (retention.c); and the catalogue's forms and practice examples
 * (catalogue.c) and one's own calendar links (calendar.c). Each route goes
 * through the domain call of its page; what the page asks to confirm
 * (erasing, switching an account off) the API asks as "confirm": true in
 * the body. A field of the wrong type is refused under its name (422), in
 * the shared words of api_common.c. */
#include "web.h"
#include "core/die.h"
#include "domain/account_admin.h"
#include "domain/calendar.h"
#include "domain/catalogue.h"
#include "domain/erasure.h"
#include "domain/invitation.h"
#include "domain/password_reset.h"
#include "domain/person.h"
#include "domain/practice.h"
#include "domain/retention.h"
#include "domain/role.h"
#include "domain/unit.h"

#include <string.h>
#include <time.h>

/* ---- reading the body: absent leaves the value as it is ---- */

/* A text field; null is "". */
static void take_str(struct web *w, json_t *j, const char *key, const char **out, struct errors *e)
{
	json_t *v = json_object_get(j, key);
	if (!v)
		return;
	if (json_is_null(v))
		*out = "";
	else if (json_is_string(v))
		*out = json_string_value(v);
	else
		errors_add(&w->ctx, e, key, _("Give %s as a text."), key);
}

/* A whole number; null is 0 where null_ok (an id that may be none). */
static void take_int(struct web *w, json_t *j, const char *key, bool null_ok, long long *out, struct errors *e)
{
	json_t *v = json_object_get(j, key);
	if (!v)
		return;
	if (null_ok && json_is_null(v))
		*out = 0;
	else if (!json_is_integer(v))
		errors_add(&w->ctx, e, key, _("Give %s as a whole number."), key);
	else if (json_integer_value(v) < 0)
		errors_add(&w->ctx, e, key, "%s", _("Send this field as a whole number, 0 or more."));
	else
		*out = (long long)json_integer_value(v);
}

static void take_bool(struct web *w, json_t *j, const char *key, bool *out, struct errors *e)
{
	json_t *v = json_object_get(j, key);
	if (!v)
		return;
	if (json_is_boolean(v))
		*out = json_is_true(v);
	else
		errors_add(&w->ctx, e, key, _("Give %s as true or false."), key);
}

/* Whether the body says "confirm": true; if not, answered 422. */
static bool confirmed(struct web *w, json_t *j, const char *why)
{
	if (json_is_true(json_object_get(j, "confirm")))
		return true;
	web_json_error_field(w, 422, why, "confirm");
	return false;
}

/* api_answer, with a refusal of the state of things (D_CONFLICT) as 409
 * and its message. */
static void answer(struct web *w, int d, const struct errors *e, long long id)
{
	if (d == D_CONFLICT)
		web_json_error(w, 409, e && e->n ? e->items[0].message : _("This cannot be done now."));
	else
		api_answer(w, d, e, id);
}

/* ---- units ---- */

/* POST /api/v1/units {"name", "parent_id"}: 201 {"id"}. */
void api_unit_create(struct web *w)
{
	json_t *j = api_body(w);
	if (!j)
		return;
	struct errors e = { 0 };
	const char *name = "";
	long long parent = 0, id = 0;
	take_str(w, j, "name", &name, &e);
	if (json_object_get(j, "parent_id") && api_id(j, "parent_id") < 0)
		errors_add(&w->ctx, &e, "parent_id", "%s", _("Choose the parent unit from the list."));
	else
		parent = api_id(j, "parent_id");
	int d = e.n ? D_INVALID : unit_create(&w->ctx, parent, name, &e, &id);
	api_answer(w, d, &e, id);
	json_decref(j);
}

/* The unit as GET /api/v1/units/{id} gives it, after a change. */
static void unit_answer(struct web *w, long long id)
{
	struct unit_tree t;
	if (unit_tree_load(&w->ctx, true, &t)) {
		web_json_error(w, 500, _("The organisation could not be read."));
		return;
	}
	for (size_t i = 0; i < t.n; i++)
		if (t.units[i].id == id) {
			web_json(w, 200, api_unit_json(&t.units[i], t.paths[i]));
			return;
		}
	api_answer(w, D_NOTFOUND, NULL, 0);
}

/* POST /api/v1/units/{id}: the unit page's form, each field optional
 * (name, parent_id, the manager as "manager" (employee number) or as
 * "manager_id"; null or "" for none), all or nothing: unit_update. */
void api_unit_update(struct web *w)
{
	struct unit_view v;
	int d = unit_open(&w->ctx, w->id[0], &v);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	json_t *j = api_body(w);
	if (!j)
		return;
	struct errors e = { 0 };
	const char *name = v.u.name, *manager = v.manager_employee_id ? v.manager_employee_id : "";
	long long parent = v.u.parent_id;
	take_str(w, j, "name", &name, &e);
	if (json_object_get(j, "parent_id")) {
		parent = api_id(j, "parent_id");
		if (parent < 0)
			errors_add(&w->ctx, &e, "parent_id", "%s", _("Choose the parent unit from the list."));
	}
	take_str(w, j, "manager", &manager, &e);
	json_t *mid = json_object_get(j, "manager_id");
	if (mid && json_object_get(j, "manager")) {
		errors_add(&w->ctx, &e, "manager_id", "%s", _("Give the manager as manager or as manager_id, not both."));
	} else if (mid && api_id(j, "manager_id") != 0) {  /* null or 0: none */
		struct person p;
		long long pid = api_id(j, "manager_id");
		int r = pid > 0 ? person_get(&w->ctx, pid, &p) : D_NOTFOUND;
		if (r == D_OK)
			manager = p.employee_id;
		else if (r == D_NOTFOUND)
			errors_add(&w->ctx, &e, "manager_id", "%s", _("That person is not in this organisation; choose someone from the list."));
		else
			d = r;
	} else if (mid) {
		manager = "";
	}
	if (!d)
		d = e.n ? D_INVALID : unit_update(&w->ctx, v.u.id, name, parent, manager, &e);
	json_decref(j);
	if (d)
		api_answer(w, d, &e, 0);
	else
		unit_answer(w, v.u.id);
}

/* DELETE /api/v1/units/{id}: an empty unit only (409 otherwise). */
void api_unit_delete(struct web *w)
{
	struct errors e = { 0 };
	answer(w, unit_remove(&w->ctx, w->id[0], &e), &e, 0);
}

/* ---- erasing a person ---- */

/* POST /api/v1/people/{id}/erase {"confirm": true} erases; {"dry_run":
 * true} only says what would go, as the page's question does. */
void api_person_erase(struct web *w)
{
	struct person p;
	int d = person_get(&w->ctx, w->id[0], &p);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	json_t *j = api_body(w);
	if (!j)
		return;
	bool dry = json_is_true(json_object_get(j, "dry_run"));
	if (!dry && !confirmed(w, j, _("Erasing cannot be undone: send \"confirm\": true to erase, or \"dry_run\": true to see what would go."))) {
		json_decref(j);
		return;
	}
	json_decref(j);
	struct subject_step *s;
	size_t n;
	struct buf err = BUF_INIT;
	d = erasure_run(&w->ctx, p.id, dry, &s, &n, &err);
	if (d == D_BUSY)  /* erased; the scrub of the files is said to the operator */
		warn("erasure of person %lld: the database file is not yet rewritten: %s", p.id, err.ptr);
	buf_release(&err);
	if (d && d != D_BUSY) {
		web_json_error(w, 500, _("The person could not be erased because of a fault in leergang. Nothing has changed; try again later."));
		return;
	}
	json_t *steps = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(steps, json_pack("{s:s, s:I}", "what", s[i].what, "rows", (json_int_t)s[i].rows));
	web_json(w, 200, json_pack("{s:b, s:o}", "erased", !dry, "steps", steps));
}

/* ---- accounts and roles ---- */

static json_t *account_json(const struct account_roles *ar)
{
	const struct account *a = &ar->account;
	json_t *roles = json_array();
	for (size_t k = 0; k < ar->ngrants; k++) {
		const struct role_grant *g = &ar->grants[k];
		json_array_append_new(roles, json_pack("{s:I, s:s, s:s, s:o}", "id", (json_int_t)g->id, "role", g->role, "scope_kind",
						       g->scope_kind, "scope_id",
						       strcmp(g->scope_kind, "organisation") ? json_integer(g->scope_id) : json_null()));
	}
	return json_pack("{s:I, s:s, s:s, s:o, s:b, s:b, s:o, s:o}", "id", (json_int_t)a->id, "email", a->email, "name",
			 a->display_name ? a->display_name : "", "person_id",
			 a->person_id ? json_integer(a->person_id) : json_null(), "active", a->active != 0, "invitation_pending",
			 invitation_pending(a), "invited_at", a->invited_at ? json_integer(a->invited_at) : json_null(), "roles",
			 roles);
}

/* GET /api/v1/accounts: every account with its roles (the grant ids for
 * taking one away). */
void api_accounts(struct web *w)
{
	struct account_roles *ar;
	size_t n;
	int d = account_list_roles(&w->ctx, &ar, &n);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, account_json(&ar[i]));
	web_json(w, 200, json_pack("{s:o}", "accounts", a));
}

static json_t *invitation_json(const struct invite_link *il)
{
	return json_pack("{s:I, s:s, s:s, s:o}", "id", (json_int_t)il->account.id, "email", il->account.email, "name",
			 il->account.display_name ? il->account.display_name : "", "link",
			 il->link ? json_string(il->link) : json_null());
}

static json_t *invitations_json(const struct invite_link *il, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, invitation_json(&il[i]));
	return json_pack("{s:o}", "invitations", a);
}

/* POST /api/v1/accounts: the accounts page's invitation. The person is
 * person_id or employee_id; a person by another name than display_name is
 * linked only with "link_anyway": true, as on the page. 201 with the
 * account's id and its link (null when it went by e-mail). */
void api_account_create(struct web *w)
{
	json_t *j = api_body(w);
	if (!j)
		return;
	struct errors e = { 0 };
	const char *email = "", *name = "", *employee = "", *role = "";
	bool anyway = false;
	long long person = 0;
	take_str(w, j, "email", &email, &e);
	take_str(w, j, "display_name", &name, &e);
	take_str(w, j, "employee_id", &employee, &e);
	take_str(w, j, "role", &role, &e);
	take_bool(w, j, "link_anyway", &anyway, &e);
	take_int(w, j, "person_id", true, &person, &e);
	int d = D_OK;
	if (person && !e.n) {
		struct person p;
		int r = person_get(&w->ctx, person, &p);
		if (r == D_OK)
			employee = p.employee_id;
		else if (r == D_NOTFOUND)
			errors_add(&w->ctx, &e, "person_id", "%s", _("Choose a person of your organisation from the list."));
		else
			d = r;
	}
	const char *other = !e.n && !d && !anyway ? account_person_name_differs(&w->ctx, employee, name) : NULL;
	if (other)
		errors_add(&w->ctx, &e, "link_anyway",
			   _("Employee number %s is %s, not %s. Check the number, or confirm below that this account is theirs."),
			   employee, other, name);
	struct invite_link il;
	if (!d && !e.n) {
		struct invite_via via;
		web_invite_via(w, &via);
		d = invitation_create(&w->ctx, email, name, employee, role_parse(role), &via, &e, &il);
		if (d == D_INVALID && person)
			for (size_t i = 0; i < e.n; i++)
				if (!strcmp(e.items[i].field, "employee_id"))
					e.items[i].field = "person_id";
	} else if (!d) {
		d = D_INVALID;
	}
	if (d)
		api_answer(w, d, &e, 0);
	else
		web_json(w, 201, invitation_json(&il));
	json_decref(j);  /* the answer may hold what was sent */
}

/* The id of the account's organisation-wide grant of role, or 0. */
static long long grant_of(struct web *w, long long account_id, int role)
{
	struct account_roles *ar;
	size_t n;
	if (role < 0 || account_list_roles(&w->ctx, &ar, &n))
		return 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; ar[i].account.id == account_id && k < ar[i].ngrants; k++)
			if (!strcmp(ar[i].grants[k].role, role_id(role)) && !strcmp(ar[i].grants[k].scope_kind, "organisation"))
				return ar[i].grants[k].id;
	return 0;
}

/* POST /api/v1/accounts/{id}/roles {"role"}: 201 with the grant's id, or
 * 200 with it when the account held the role already. */
void api_account_role_add(struct web *w)
{
	json_t *j = api_body(w);
	if (!j)
		return;
	struct errors e = { 0 };
	const char *name = "";
	take_str(w, j, "role", &name, &e);
	int role = role_parse(name);
	json_decref(j);
	long long held = grant_of(w, w->id[0], role);
	int d = e.n ? D_INVALID : account_role_give(&w->ctx, w->id[0], role, &e);
	long long id = d ? 0 : grant_of(w, w->id[0], role);
	if (d)
		api_answer(w, d, &e, 0);
	else if (!id)
		web_json_error(w, 500, _("The role could not be given. Try again later."));
	else
		web_json(w, held ? 200 : 201, json_pack("{s:I}", "id", (json_int_t)id));
}

/* DELETE /api/v1/accounts/{id}/roles/{id}: the grant of GET /api/v1/accounts. */
void api_account_role_remove(struct web *w)
{
	struct errors e = { 0 };
	answer(w, account_role_take(&w->ctx, w->id[0], w->id[1], &e), &e, 0);
}

/* POST /api/v1/accounts/{id}/invite: a new link, the old ones stop. */
void api_account_invite(struct web *w)
{
	struct invite_via via;
	web_invite_via(w, &via);
	struct invite_link il;
	int d = invitation_resend(&w->ctx, w->id[0], &via, &il);
	if (d == D_CONFLICT)
		web_json_error(w, 409, _("This account is switched off or has set its password already: it needs no invitation."));
	else if (d)
		api_answer(w, d, NULL, 0);
	else
		web_json(w, 200, invitation_json(&il));
}

/* POST /api/v1/accounts/invitations: new links for every invitation
 * waiting, as the page's CSV; never by mail. */
void api_invitations(struct web *w)
{
	struct invite_via via = { web_base_url(w), false };
	if (password_reset_by_mail(w->public_url))
		via.base_url = w->public_url;
	struct invite_link *il;
	size_t n;
	int d = invitation_links_all(&w->ctx, &via, &il, &n);
	if (d)
		api_answer(w, d, NULL, 0);
	else
		web_json(w, 200, invitations_json(il, n));
}

/* POST /api/v1/accounts/bulk {"unit_id" or "group_id", "role",
 * "expected"}: everyone of the unit (with the units below it) or the
 * group with an address and no account; expected is the count the
 * caller saw (409 when it changed), left out for whoever it is now. */
void api_accounts_bulk(struct web *w)
{
	json_t *j = api_body(w);
	if (!j)
		return;
	struct errors e = { 0 };
	long long unit = 0, group = 0, expected = -1;
	const char *role = "";
	take_int(w, j, "unit_id", true, &unit, &e);
	take_int(w, j, "group_id", true, &group, &e);
	if (!json_is_null(json_object_get(j, "expected")))  /* null: as left out */
		take_int(w, j, "expected", false, &expected, &e);
	take_str(w, j, "role", &role, &e);
	int r = role_parse(role);
	json_decref(j);
	if (!e.n && !unit && !group)
		errors_add(&w->ctx, &e, "unit_id", "%s", _("Choose a unit or a learning group first, and look at who would be invited."));
	if (!e.n && unit && group)
		errors_add(&w->ctx, &e, "group_id", "%s", _("Choose a unit or a learning group, not both."));
	if (e.n) {
		api_answer(w, D_INVALID, &e, 0);
		return;
	}
	int d = D_OK;
	if (expected < 0) {
		struct invite_preview p;
		d = invitation_bulk_preview(&w->ctx, unit, group, &p);
		expected = (long long)p.n;
	}
	struct invite_via via;
	web_invite_via(w, &via);
	struct invite_link *il;
	size_t n;
	if (!d)
		d = invitation_bulk(&w->ctx, unit, group, r, (size_t)expected, &via, &e, &il, &n);
	if (d == D_CONFLICT)
		web_json_error(w, 409, _("The people without an account changed since the preview. Nobody was invited: look at the preview again."));
	else if (d)
		api_answer(w, d, &e, 0);
	else
		web_json(w, 201, invitations_json(il, n));
}

/* POST /api/v1/accounts/{id}/deactivate {"confirm": true} */
void api_account_deactivate(struct web *w)
{
	struct account acc;
	int d = account_admin_get(&w->ctx, w->id[0], &acc);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	json_t *j = api_body(w);
	if (!j)
		return;
	bool yes = confirmed(w, j, _("Switching an account off ends its sessions, tokens and links at once: send \"confirm\": true to do it."));
	json_decref(j);
	if (!yes)
		return;
	struct errors e = { 0 };
	answer(w, account_deactivate(&w->ctx, acc.id, &e), &e, 0);
}

void api_account_reactivate(struct web *w)
{
	api_answer(w, account_reactivate(&w->ctx, w->id[0]), NULL, 0);
}

/* DELETE /api/v1/accounts/{id}/sessions: another's only (409 for one's own). */
void api_account_sessions_end(struct web *w)
{
	int d = account_end_sessions(&w->ctx, w->id[0]);
	if (d == D_CONFLICT)
		web_json_error(w, 409, _("To end your own sessions, log out."));
	else
		api_answer(w, d, NULL, 0);
}

/* ---- retention periods ---- */

static void retention_answer(struct web *w)
{
	struct retention p;
	if (retention_get(&w->ctx, &p)) {
		web_json_error(w, 500, _("The periods could not be read. Try again later."));
		return;
	}
	web_json(w, 200, json_pack("{s:i, s:i, s:i, s:b, s:o}", "texts_months", p.texts_months, "logbook_months",
				   p.logbook_months, "answers_months", p.answers_months, "is_default", p.is_default,
				   "updated_at", p.updated_at ? json_integer(p.updated_at) : json_null()));
}

void api_retention(struct web *w)
{
	retention_answer(w);
}

/* POST /api/v1/settings/retention: each period in whole months; one left
 * out keeps its value. */
void api_retention_set(struct web *w)
{
	struct retention p;
	if (retention_get(&w->ctx, &p)) {
		web_json_error(w, 500, _("The periods could not be read. Try again later."));
		return;
	}
	json_t *j = api_body(w);
	if (!j)
		return;
	struct errors e = { 0 };
	const char *key[3] = { "texts_months", "logbook_months", "answers_months" };
	int cur[3] = { p.texts_months, p.logbook_months, p.answers_months };
	const char *text[3];
	for (int i = 0; i < 3; i++) {
		json_t *v = json_object_get(j, key[i]);
		if (!v)
			text[i] = arena_printf(w->a, "%d", cur[i]);
		else if (json_is_integer(v))
			text[i] = arena_printf(w->a, "%lld", (long long)json_integer_value(v));
		else {  /* the domain's own message for what is no number of months */
			text[i] = json_is_string(v) ? arena_strdup(w->a, json_string_value(v)) : "x";
		}
	}
	json_decref(j);
	int d = retention_set(&w->ctx, text[0], text[1], text[2], &e);
	if (d)
		api_answer(w, d, &e, 0);
	else
		retention_answer(w);
}

/* ---- the catalogue ---- */

/* A list field as the domain's comma-separated text: an array of strings,
 * or one string. */
static const char *list_field(struct web *w, json_t *j, const char *key, struct errors *e)
{
	json_t *v = json_object_get(j, key);
	if (!v || json_is_null(v))
		return "";
	if (json_is_string(v))
		return json_string_value(v);
	struct buf b = BUF_INIT;
	size_t i;
	json_t *x;
	bool ok = json_is_array(v);
	json_array_foreach(v, i, x) {
		if (!json_is_string(x)) {
			ok = false;
			break;
		}
		buf_addf(&b, "%s%s", b.len ? "," : "", json_string_value(x));
	}
	const char *out = arena_strdup(w->a, b.ptr ? b.ptr : "");
	buf_release(&b);
	if (!ok)
		errors_add(&w->ctx, e, key, "%s", _("Send this field as a list of texts (JSON strings)."));
	return out;
}

/* POST /api/v1/catalogue/examples: an example of the organisation's own. */
void api_catalogue_example_add(struct web *w)
{
	json_t *j = api_body(w);
	if (!j)
		return;
	struct errors e = { 0 };
	struct practice_example x = { .organisation = "", .learning = "", .context = "" };
	take_str(w, j, "applied_at", &x.organisation, &e);
	take_str(w, j, "learning", &x.learning, &e);
	take_str(w, j, "context", &x.context, &e);
	x.forms = list_field(w, j, "forms", &e);
	x.themes = list_field(w, j, "themes", &e);
	long long id = 0;
	int d = e.n ? D_INVALID : practice_add(&w->ctx, &x, (long long)time(NULL), &e, &id);
	json_decref(j);
	api_answer(w, d, &e, id);
}

/* POST /api/v1/catalogue/form {"key", ...}: the values of one learning
 * form, by the names GET /api/v1/catalogue gives them (who, where, how);
 * a value left out stays. */
void api_catalogue_form_save(struct web *w)
{
	json_t *j = api_body(w);
	if (!j)
		return;
	struct errors e = { 0 };
	const char *key = "";
	take_str(w, j, "key", &key, &e);
	if (!e.n && !*key)
		errors_add(&w->ctx, &e, "key", "%s", _("Choose the learning form to change from the list of learning forms."));
	struct learning_form f;
	int d = e.n ? D_INVALID : catalogue_form(&w->ctx, key, &f);
	if (d) {
		json_decref(j);
		api_answer(w, d, &e, 0);
		return;
	}
	const char *name = f.name, *description = f.description, *aim = f.aim, *level = f.level, *setting = f.setting,
		   *preference = f.preference;
	long long ttt = f.seventy_twenty_ten;
	bool social = f.social;
	take_str(w, j, "name", &name, &e);
	take_str(w, j, "description", &description, &e);
	take_int(w, j, "seventy_twenty_ten", false, &ttt, &e);
	take_str(w, j, "aim", &aim, &e);
	take_bool(w, j, "social", &social, &e);
	take_str(w, j, "who", &level, &e);
	take_str(w, j, "where", &setting, &e);
	take_str(w, j, "how", &preference, &e);
	f.name = (char *)name;
	f.description = (char *)description;
	f.aim = (char *)aim;
	f.level = (char *)level;
	f.setting = (char *)setting;
	f.preference = (char *)preference;
	f.seventy_twenty_ten = ttt > 100 ? -1 : (int)ttt;
	f.social = social;
	d = e.n ? D_INVALID : catalogue_form_save(&w->ctx, &f, &e);
	json_decref(j);
	api_answer(w, d, &e, 0);
}

/* ---- calendar links ---- */

/* POST /api/v1/calendar {"group_id"}: a new link of one's own, for one
 * group or (0 or null) all one's groups; its address is given only now. */
void api_calendar_create(struct web *w)
{
	json_t *j = api_body(w);
	if (!j)
		return;
	struct errors e = { 0 };
	long long group = 0;
	take_int(w, j, "group_id", true, &group, &e);
	json_decref(j);
	if (e.n) {
		api_answer(w, D_INVALID, &e, 0);
		return;
	}
	char token[SECRET_HEX];
	int d = calendar_feed_create(&w->ctx, group, (long long)time(NULL), token);
	struct calendar_links cl;
	if (!d)
		d = calendar_links(&w->ctx, &cl);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	long long id = 0;  /* the newest link of one's own is this one */
	for (size_t i = 0; i < cl.n; i++)
		if (cl.links[i].id > id)
			id = cl.links[i].id;
	web_json(w, 201, json_pack("{s:I, s:o, s:s}", "id", (json_int_t)id, "group_id",
				   group ? json_integer(group) : json_null(), "url",
				   arena_printf(w->a, "%s/calendar.ics?token=%s", web_base_url(w), token)));
}

/* GET /api/v1/calendar: one's links (never their addresses) and the groups
 * one may make a link of. */
void api_calendar(struct web *w)
{
	struct calendar_links cl;
	int d = calendar_links(&w->ctx, &cl);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	json_t *links = json_array(), *groups = json_array();
	for (size_t i = 0; i < cl.n; i++)
		json_array_append_new(links, json_pack("{s:I, s:o, s:o, s:I}", "id", (json_int_t)cl.links[i].id, "group_id",
						       cl.links[i].group_id ? json_integer(cl.links[i].group_id) : json_null(),
						       "group", cl.links[i].group_name ? json_string(cl.links[i].group_name) : json_null(),
						       "created_at", (json_int_t)cl.links[i].created_at));
	for (size_t i = 0; i < cl.ngroups; i++)
		json_array_append_new(groups, json_pack("{s:I, s:s}", "id", (json_int_t)cl.groups[i].id, "name", cl.groups[i].name));
	web_json(w, 200, json_pack("{s:o, s:o}", "links", links, "groups", groups));
}

void api_calendar_revoke(struct web *w)
{
	api_answer(w, calendar_feed_revoke(&w->ctx, w->id[0], (long long)time(NULL)), NULL, 0);
}
