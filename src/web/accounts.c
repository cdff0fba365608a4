/* accounts.c — accounts and roles of the organisation (administrator). */
#include "web.h"
#include "domain/account.h"
#include "domain/account_admin.h"
#include "html/html.h"

#include <string.h>

static void role_select(struct web *w, const char *id, const char *selected)
{
	html(w->out, "<select id=\"%s\" name=\"role\">", id);
	for (int r = 0; r < ROLE_COUNT; r++)
		html(w->out, "<option value=\"%s\"%s>%s</option>", role_id(r),
		     selected && !strcmp(selected, role_id(r)) ? " selected" : "", role_label(r));
	html(w->out, "</select>");
}

/* One account: its name, address, roles (each with its "take away"
 * form) and the form that gives one more. */
static void account_row(struct web *w, const struct account_roles *ar)
{
	const struct account *acc = &ar->account;
	html(w->out, "<tr><td>");
	if (acc->person_id)
		html(w->out, "<a href=\"/people/%lld\">%s</a>", acc->person_id, acc->display_name);
	else
		html(w->out, "%s", acc->display_name);
	html(w->out, "%s</td><td>%s</td><td><ul>", acc->active ? "" : _(" (blocked)"), acc->email);
	for (size_t k = 0; k < ar->ngrants; k++) {
		const struct role_grant *g = &ar->grants[k];
		int r = role_parse(g->role);
		html(w->out, "<li>%s", r >= 0 ? role_label(r) : g->role);
		if (strcmp(g->scope_kind, "organisation"))
			html(w->out, " (%s %lld)", g->scope_kind, g->scope_id);
		html(w->out, " <form method=\"post\" action=\"/accounts/%lld/roles/%lld/delete\" class=\"inline\">",
		     acc->id, g->id);
		form_csrf(w);
		html(w->out, "<button type=\"submit\" class=\"secondary\" aria-label=\"%s\">%s</button></form></li>",
		     arena_printf(w->a, _("Take the role %s away from %s"), r >= 0 ? role_label(r) : g->role,
				  acc->display_name),
		     _("take away"));
	}
	html(w->out, "</ul></td><td><form method=\"post\" action=\"/accounts/%lld/roles\">", acc->id);
	form_csrf(w);
	const char *sel = arena_printf(w->a, "role-%lld", acc->id);
	html(w->out, "<label for=\"%s\" class=\"muted\">%s</label>", sel,
	     arena_printf(w->a, _("Role for %s"), acc->display_name));
	role_select(w, sel, NULL);
	html(w->out, " <button type=\"submit\">%s</button></form></td></tr>", _("Give"));
}

/* The form of a new account, with what was typed when it comes back. */
static void new_account_form(struct web *w, const struct errors *e)
{
	html(w->out, "<h2 id=\"new\">%s</h2>", _("New account"));
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/accounts\">");
	form_csrf(w);
	bool again = e && e->n;
	form_input(w, "display_name", _("Name"), "text", again ? web_field(w, "display_name") : "", e, "off");
	form_input(w, "email", _("E-mail address"), "email", again ? web_field(w, "email") : "", e, "off");
	form_input(w, "employee_id", _("Employee number of the person (optional)"), "text",
		   again ? web_field(w, "employee_id") : "", e, "off");
	if (e && errors_get(e, "link_anyway"))  /* the person has another name: linked only when confirmed */
		html(w->out, "<p class=\"field invalid\"><input type=\"checkbox\" id=\"f-link_anyway\" name=\"link_anyway\" value=\"1\"> "
			"<label class=\"inline\" for=\"f-link_anyway\">%s</label></p>", _("Link the account to this person all the same"));
	form_input(w, "password", arena_printf(w->a, _("First password (at least %d characters)"), PASSWORD_MIN),
		   "password", "", e, "new-password");
	html(w->out, "<p class=\"field\"><label for=\"f-role\">%s</label>", _("Role"));
	role_select(w, "f-role", again ? web_field(w, "role") : "participant");
	html(w->out, "</p><p><button type=\"submit\">%s</button></p></form>\n", _("Create account"));
}

static void accounts_page(struct web *w, const struct errors *e, int status)
{
	struct account_roles *acc;
	size_t n;
	if (account_list_roles(&w->ctx, &acc, &n)) {
		web_error(w, 500, _("The accounts could not be read. Try again later."));
		return;
	}
	page_begin(w, _("Accounts and roles"));
	page_done_message(w);
	html(w->out, "<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		"<th scope=\"col\">%s</th></tr></thead><tbody>",
	     _("Name"), _("E-mail address"), _("Roles"), _("Give a role"));
	for (size_t i = 0; i < n; i++)
		account_row(w, &acc[i]);
	html(w->out, "</tbody></table>\n");
	new_account_form(w, e);
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
	/* a mistyped number would link the account to someone else without a word */
	const char *other = strcmp(web_field(w, "link_anyway"), "1")
				    ? account_person_name_differs(&w->ctx, web_field(w, "employee_id"), web_field(w, "display_name"))
				    : NULL;
	if (other) {
		errors_add(&w->ctx, &e, "link_anyway",
			   _("Employee number %s is %s, not %s. Check the number, or confirm below that this account is theirs."),
			   web_field(w, "employee_id"), other, web_field(w, "display_name"));
		accounts_page(w, &e, 422);
		return;
	}
	int d = account_create_for_employee(&w->ctx, web_field(w, "email"), web_field(w, "display_name"),
					    web_field(w, "employee_id"), web_field(w, "password"),
					    role_parse(web_field(w, "role")), &e, NULL);
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
	accounts_page(w, &e, 422);
}

void page_account_role_add(struct web *w)
{
	struct errors e = { 0 };
	int d = account_role_give(&w->ctx, w->id[0], role_parse(web_field(w, "role")), &e);
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (d == D_INVALID) {
		web_error(w, 422, errors_get(&e, "role"));
		return;
	}
	if (d) {
		web_error(w, 500, _("The role could not be given. Try again later."));
		return;
	}
	web_redirect(w, "/accounts?done=role-added");
}

void page_account_role_remove(struct web *w)
{
	struct errors e = { 0 };
	int d = account_role_take(&w->ctx, w->id[0], w->id[1], &e);
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (d == D_CONFLICT) {
		web_error(w, 409, errors_get(&e, ""));
		return;
	}
	if (d) {
		web_error(w, 500, _("The role could not be taken away. Try again later."));
		return;
	}
	web_redirect(w, "/accounts?done=role-removed");
}
