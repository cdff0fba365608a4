/* accounts.c — accounts and roles of the organisation (administrator). */
#include "web.h"
#include "domain/account.h"
#include "domain/audit.h"
#include "html/html.h"
#include "store/store.h"

#include <string.h>

static void role_select(struct web *w, const char *id, const char *selected)
{
	html(w->out, "<select id=\"%s\" name=\"role\">", id);
	for (int r = 0; r < ROLE_COUNT; r++)
		html(w->out, "<option value=\"%s\"%s>%s</option>", role_id(r),
		     selected && !strcmp(selected, role_id(r)) ? " selected" : "", role_label(r));
	html(w->out, "</select>");
}

static void accounts_page(struct web *w, const struct errors *e, int status)
{
	struct account *acc;
	size_t n;
	if (store_account_list(w->st, w->a, w->who.organisation_id, &acc, &n)) {
		web_error(w, 500, _("The accounts could not be read. Try again later."));
		return;
	}
	page_begin(w, _("Accounts and roles"));
	page_done_message(w);
	html(w->out, "<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		"<th scope=\"col\">%s</th></tr></thead><tbody>",
	     _("Name"), _("E-mail address"), _("Roles"), _("Give a role"));
	for (size_t i = 0; i < n; i++) {
		struct role_grant *g;
		size_t ng;
		if (store_grant_list(w->st, w->a, acc[i].id, &g, &ng))
			ng = 0;
		html(w->out, "<tr><td>");
		if (acc[i].person_id)
			html(w->out, "<a href=\"/people/%lld\">%s</a>", acc[i].person_id, acc[i].display_name);
		else
			html(w->out, "%s", acc[i].display_name);
		html(w->out, "%s</td><td>%s</td><td><ul>", acc[i].active ? "" : _(" (blocked)"), acc[i].email);
		for (size_t k = 0; k < ng; k++) {
			int r = role_parse(g[k].role);
			html(w->out, "<li>%s", r >= 0 ? role_label(r) : g[k].role);
			if (strcmp(g[k].scope_kind, "organisation"))
				html(w->out, " (%s %lld)", g[k].scope_kind, g[k].scope_id);
			html(w->out, " <form method=\"post\" action=\"/accounts/%lld/roles/%lld/delete\" class=\"inline\">",
			     acc[i].id, g[k].id);
			form_csrf(w);
			html(w->out, "<button type=\"submit\" class=\"secondary\" aria-label=\"%s\">%s</button></form></li>",
			     arena_printf(w->a, _("Take the role %s away from %s"), r >= 0 ? role_label(r) : g[k].role,
					  acc[i].display_name),
			     _("take away"));
		}
		html(w->out, "</ul></td><td><form method=\"post\" action=\"/accounts/%lld/roles\">", acc[i].id);
		form_csrf(w);
		const char *sel = arena_printf(w->a, "role-%lld", acc[i].id);
		html(w->out, "<label for=\"%s\" class=\"muted\">%s</label>", sel,
		     arena_printf(w->a, _("Role for %s"), acc[i].display_name));
		role_select(w, sel, NULL);
		html(w->out, " <button type=\"submit\">%s</button></form></td></tr>", _("Give"));
	}
	html(w->out, "</tbody></table>\n<h2 id=\"new\">%s</h2>", _("New account"));
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/accounts\">");
	form_csrf(w);
	bool again = e && e->n;
	form_input(w, "display_name", _("Name"), "text", again ? web_field(w, "display_name") : "", e, "off");
	form_input(w, "email", _("E-mail address"), "email", again ? web_field(w, "email") : "", e, "off");
	form_input(w, "employee_id", _("Employee number of the person (optional)"), "text",
		   again ? web_field(w, "employee_id") : "", e, "off");
	form_input(w, "password", arena_printf(w->a, _("First password (at least %d characters)"), PASSWORD_MIN),
		   "password", "", e, "new-password");
	html(w->out, "<p class=\"field\"><label for=\"f-role\">%s</label>", _("Role"));
	role_select(w, "f-role", again ? web_field(w, "role") : "participant");
	html(w->out, "</p><p><button type=\"submit\">%s</button></p></form>\n", _("Create account"));
	page_end(w);
	w->r->status = status;
}

void page_accounts(struct web *w)
{
	accounts_page(w, NULL, 200);
}

void page_account_create(struct web *w)
{
	struct errors e = { 0 };
	const char *employee = web_field(w, "employee_id");
	long long person_id = 0;
	if (*employee) {
		struct person p;
		if (store_person_by_employee_id(w->st, w->a, w->who.organisation_id, employee, &p) == ST_OK)
			person_id = p.id;
		else
			errors_add(&w->ctx, &e, "employee_id", _("No one in your organisation has employee number %s; check the number or leave it empty."), employee);
	}
	if (!e.n) {
		int d = account_create(&w->ctx, web_field(w, "email"), web_field(w, "display_name"), person_id,
				       web_field(w, "password"), role_parse(web_field(w, "role")), &e, NULL);
		if (d == D_OK) {
			web_redirect(w, "/accounts?done=account-created");
			return;
		}
		if (d == D_BUSY) {
			response_header(w->r, "Retry-After", WEB_RETRY_AFTER);
			accounts_page(w, &e, 503);
			return;
		}
		if (d != D_INVALID) {
			web_error(w, 500, _("The account could not be saved. Try again later."));
			return;
		}
	}
	accounts_page(w, &e, 422);
}

void page_account_role_add(struct web *w)
{
	struct account acc;
	if (store_account_get(w->st, w->a, w->who.organisation_id, w->id[0], &acc)) {
		web_not_found(w);
		return;
	}
	int r = role_parse(web_field(w, "role"));
	if (r < 0) {
		web_error(w, 422, _("Choose one of the roles in the list."));
		return;
	}
	int st = store_grant_add(w->st, acc.id, w->who.organisation_id, role_id(r), "organisation", 0);
	if (st && st != ST_CONFLICT) {
		web_error(w, 500, _("The role could not be given. Try again later."));
		return;
	}
	if (!st)
		audit(&w->ctx, "role.grant", "account", acc.id, "%s", role_id(r));
	web_redirect(w, "/accounts?done=role-added");
}

void page_account_role_remove(struct web *w)
{
	struct account acc;
	if (store_account_get(w->st, w->a, w->who.organisation_id, w->id[0], &acc)) {
		web_not_found(w);
		return;
	}
	struct role_grant *g;
	size_t ng;
	if (store_grant_list(w->st, w->a, acc.id, &g, &ng)) {
		web_error(w, 500, _("The role could not be taken away. Try again later."));
		return;
	}
	for (size_t k = 0; k < ng; k++) {
		if (g[k].id != w->id[1] || g[k].organisation_id != w->who.organisation_id)
			continue;
		if (acc.id == w->who.account_id && !strcmp(g[k].role, "administrator")) {
			web_error(w, 409, _("You cannot take the administrator role away from yourself; ask another administrator."));
			return;
		}
		if (store_grant_remove(w->st, w->who.organisation_id, g[k].id)) {
			web_error(w, 500, _("The role could not be taken away. Try again later."));
			return;
		}
		audit(&w->ctx, "role.revoke", "account", acc.id, "%s", g[k].role);
		web_redirect(w, "/accounts?done=role-removed");
		return;
	}
	web_not_found(w);
}
