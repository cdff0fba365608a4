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
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	long long id = 0;
	const char *name = api_in_str(&in, "name", "");
	long long parent = api_id(in.j, "parent_id");  /* the page's words for what is no unit */
	if (parent < 0)
		errors_add(&w->ctx, &in.e, "parent_id", "%s", _("Choose the parent unit from the list."));
	if (!api_in_ok(&in))
		return;
	int d = unit_create(&w->ctx, parent, name, &in.e, &id);  /* before id is read */
	api_in_answer(&in, d, id);
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
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	json_t *j = in.j;
	struct errors *e = &in.e;
	const char *name = api_in_str(&in, "name", v.u.name);
	long long parent = v.u.parent_id;
	if (json_object_get(j, "parent_id")) {
		parent = api_id(j, "parent_id");  /* the page's words for what is no unit */
		if (parent < 0)
			errors_add(&w->ctx, e, "parent_id", "%s", _("Choose the parent unit from the list."));
	}
	const char *manager = api_in_clear(&in, "manager", v.manager_employee_id ? v.manager_employee_id : "");
	json_t *mid = json_object_get(j, "manager_id");
	if (mid && json_object_get(j, "manager")) {
		errors_add(&w->ctx, e, "manager_id", "%s", _("Give the manager as manager or as manager_id, not both."));
	} else if (mid && api_id(j, "manager_id") != 0) {  /* null or 0: none */
		struct person p;
		long long pid = api_id(j, "manager_id");
		int r = pid > 0 ? person_get(&w->ctx, pid, &p) : D_NOTFOUND;
		if (r == D_OK)
			manager = p.employee_id;
		else if (r == D_NOTFOUND)
			errors_add(&w->ctx, e, "manager_id", "%s", _("That person is not in this organisation; choose someone from the list."));
		else
			d = r;
	} else if (mid) {
		manager = "";
	}
	if (!d)
		d = e->n ? D_INVALID : unit_update(&w->ctx, v.u.id, name, parent, manager, e);
	if (d) {
		api_in_answer(&in, d, 0);
		return;
	}
	json_decref(in.j);
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
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	json_t *j = in.j;
	bool dry = api_in_bool(&in, "dry_run", false);
	if (!api_in_ok(&in))
		return;
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
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	struct errors e = { 0 };
	const char *email = api_in_str(&in, "email", ""), *name = api_in_str(&in, "display_name", "");
	const char *employee = api_in_str(&in, "employee_id", ""), *role = api_in_str(&in, "role", "");
	bool anyway = api_in_bool(&in, "link_anyway", false);
	long long person = api_in_count(&in, "person_id", 0);  /* null or 0: none */
	if (!api_in_ok(&in))
		return;
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
			api_errors_rename(&e, "employee_id", "person_id");
	} else if (!d) {
		d = D_INVALID;
	}
	if (d)
		api_answer(w, d, &e, 0);
	else
		web_json(w, 201, invitation_json(&il));
	json_decref(in.j);  /* the answer may hold what was sent */
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
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	int role = role_parse(api_in_str(&in, "role", ""));
	if (!api_in_ok(&in))
		return;
	json_decref(in.j);
	struct errors e = { 0 };
	long long held = grant_of(w, w->id[0], role);
	int d = account_role_give(&w->ctx, w->id[0], role, &e);
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
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	long long unit = api_in_count(&in, "unit_id", 0), group = api_in_count(&in, "group_id", 0);  /* null or 0: none */
	long long expected = api_in_count(&in, "expected", -1);  /* null: as left out */
	int r = role_parse(api_in_str(&in, "role", ""));
	json_decref(in.j);
	struct errors e = in.e;
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
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	json_t *j = in.j;
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
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	json_t *j = in.j;
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
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	struct practice_example x = { 0 };
	x.organisation = api_in_str(&in, "applied_at", "");
	x.learning = api_in_str(&in, "learning", "");
	x.context = api_in_str(&in, "context", "");
	x.forms = list_field(w, in.j, "forms", &in.e);
	x.themes = list_field(w, in.j, "themes", &in.e);
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = practice_add(&w->ctx, &x, (long long)time(NULL), &in.e, &id);  /* before id is read */
	api_in_answer(&in, d, id);
}

/* POST /api/v1/catalogue/form {"key", ...}: the values of one learning
 * form, by the names GET /api/v1/catalogue gives them (who, where, how);
 * a value left out stays. */
void api_catalogue_form_save(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	const char *key = api_in_str(&in, "key", "");
	if (!in.e.n && !*key)
		errors_add(&w->ctx, &in.e, "key", "%s", _("Choose the learning form to change from the list of learning forms."));
	if (!api_in_ok(&in))
		return;
	struct learning_form f;
	int d = catalogue_form(&w->ctx, key, &f);
	if (d) {
		api_in_answer(&in, d, 0);
		return;
	}
	const char *name = api_in_str(&in, "name", f.name);
	const char *description = api_in_str(&in, "description", f.description);
	long long ttt = api_in_count(&in, "seventy_twenty_ten", f.seventy_twenty_ten);
	const char *aim = api_in_str(&in, "aim", f.aim);
	bool social = api_in_bool(&in, "social", f.social);
	const char *level = api_in_str(&in, "who", f.level);
	const char *setting = api_in_str(&in, "where", f.setting);
	const char *preference = api_in_str(&in, "how", f.preference);
	if (!api_in_ok(&in))
		return;
	f.name = (char *)name;
	f.description = (char *)description;
	f.aim = (char *)aim;
	f.level = (char *)level;
	f.setting = (char *)setting;
	f.preference = (char *)preference;
	f.seventy_twenty_ten = ttt > 100 ? -1 : (int)ttt;
	f.social = social;
	api_in_answer(&in, catalogue_form_save(&w->ctx, &f, &in.e), 0);
}

/* ---- calendar links ---- */

/* POST /api/v1/calendar {"group_id"}: a new link of one's own, for one
 * group or (0 or null) all one's groups; its address is given only now. */
void api_calendar_create(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	long long group = api_in_count(&in, "group_id", 0);  /* null or 0: all one's groups */
	if (!api_in_ok(&in))
		return;
	json_decref(in.j);
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
