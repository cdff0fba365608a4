/* accounts.c — accounts and roles of the organisation (administrator):
 * the list with each account's state (invited, switched off), roles and
 * buttons, and the invitation of one new account. The invitation links,
 * bulk invitations and switching accounts off are in invitations.c and
 * account_state.c. */
#include "web.h"
#include "domain/account.h"
#include "domain/account_admin.h"
#include "domain/invitation.h"
#include "domain/password_reset.h"
#include "domain/person.h"
#include "domain/schedule.h"
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

/* An inline form with one button that posts to action. */
static void button_form(struct web *w, const char *action, const char *label, const char *aria)
{
	html(w->out, " <form method=\"post\" action=\"%s\" class=\"inline\">", action);
	form_csrf(w);
	html(w->out, "<button type=\"submit\" class=\"secondary\" aria-label=\"%s\">%s</button></form>", aria, label);
}

/* What state the account is in, and the buttons that change it. */
static void state_cell(struct web *w, const struct account *acc, bool by_mail)
{
	html(w->out, "<td>");
	if (!acc->active) {
		html(w->out, "<p>%s</p>", _("switched off"));
		button_form(w, arena_printf(w->a, "/accounts/%lld/reactivate", acc->id), _("switch on"),
			    arena_printf(w->a, _("Switch the account of %s on again"), acc->display_name));
	} else {
		if (invitation_pending(acc)) {
			char d[11];
			date_today(acc->invited_at, d);
			html(w->out, "<p>%s</p>",
			     acc->invited_at ? arena_printf(w->a, _("invited on %s, not signed in yet"),
							    date_label(w->a, arena_strdup(w->a, d)))
					     : _("no password yet"));
			button_form(w, arena_printf(w->a, "/accounts/%lld/invite", acc->id),
				    by_mail ? _("send the invitation again") : _("make a new link"),
				    arena_printf(w->a, by_mail ? _("Send the invitation to %s again") : _("Make a new invitation link for %s"),
						 acc->display_name));
		} else {
			html(w->out, "<p>%s</p>", _("active"));
		}
		html(w->out, "<a href=\"/accounts/%lld/tokens\" aria-label=\"%s\">%s</a> ", acc->id,
		     arena_printf(w->a, _("API tokens of %s"), acc->display_name), _("API tokens"));
		if (acc->id != w->ctx.who->account_id) {
			button_form(w, arena_printf(w->a, "/accounts/%lld/sessions/delete", acc->id), _("end sessions"),
				    arena_printf(w->a, _("End every session of %s"), acc->display_name));
			html(w->out, " <a href=\"/accounts/%lld/deactivate\" aria-label=\"%s\">%s</a>", acc->id,
			     arena_printf(w->a, _("Switch the account of %s off"), acc->display_name), _("switch off"));
		}
	}
	html(w->out, "</td>");
}

/* One account: its name, address, state, roles (each with its "take
 * away" form) and the form that gives one more. */
static void account_row(struct web *w, const struct account_roles *ar, bool by_mail)
{
	const struct account *acc = &ar->account;
	html(w->out, "<tr><td>");
	if (acc->person_id)
		html(w->out, "<a href=\"/people/%lld\">%s</a>", acc->person_id, acc->display_name);
	else
		html(w->out, "%s", acc->display_name);
	html(w->out, "</td><td>%s</td>", acc->email);
	state_cell(w, acc, by_mail);
	html(w->out, "<td><ul>");
	for (size_t k = 0; k < ar->ngrants; k++) {
		const struct role_grant *g = &ar->grants[k];
		int r = role_parse(g->role);
		html(w->out, "<li>%s", r >= 0 ? role_label(r) : g->role);
		if (strcmp(g->scope_kind, "organisation"))
			html(w->out, " (%s %lld)", g->scope_kind, g->scope_id);
		button_form(w, arena_printf(w->a, "/accounts/%lld/roles/%lld/delete", acc->id, g->id), _("take away"),
			    arena_printf(w->a, _("Take the role %s away from %s"), r >= 0 ? role_label(r) : g->role,
					 acc->display_name));
		html(w->out, "</li>");
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
static void new_account_form(struct web *w, const struct errors *e, bool by_mail)
{
	struct person_pick pp;
	if (!person_pick_find(w, &pp))
		return;
	html(w->out, "<h2 id=\"new\">%s</h2>", _("Invite someone"));
	html(w->out, "<p>%s</p>", by_mail ? _("leergang sends an e-mail with a link to set one's own password. The link works once, for seven days; until then the account cannot sign in.")
					   : _("This server sends no e-mail. After inviting you get a link to set one's own password, to hand to that person yourself. The link works once, for seven days; until then the account cannot sign in."));
	person_pick_search_form(w, "/accounts#new", &pp, NULL);
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/accounts\">");
	form_csrf(w);
	bool again = e && e->n;
	form_input(w, "display_name", _("Name (may stay empty when a person is chosen)"), "text",
		   again ? web_field(w, "display_name") : "", e, "off");
	form_input(w, "email", _("E-mail address"), "email", again ? web_field(w, "email") : "", e, "off");
	long long person = again ? web_field_id(w, "person_id") : 0;
	struct person_pick_field f = { "person_id", _("The person in the register (optional)"),
				       _("Find them with the search above; the account signs in as this person."), _("(nobody)"), &person,
				       person_pick_names(w, &person, 1), 1, NULL, NULL };
	person_pick_select(w, &pp, &f, e);
	if (e && errors_get(e, "link_anyway"))  /* the person has another name: linked only when confirmed */
		html(w->out, "<p class=\"field invalid\"><input type=\"checkbox\" id=\"f-link_anyway\" name=\"link_anyway\" value=\"1\"> "
			"<label class=\"inline\" for=\"f-link_anyway\">%s</label></p>", _("Link the account to this person all the same"));
	html(w->out, "<p class=\"field\"><label for=\"f-role\">%s</label>", _("Role"));
	role_select(w, "f-role", again ? web_field(w, "role") : "participant");
	html(w->out, "</p><p><button type=\"submit\">%s</button></p></form>\n", _("Invite"));
	html(w->out, "<p><a href=\"/accounts/bulk\">%s</a> · <a href=\"/oidc\">%s</a></p>\n",
	     _("Invite everyone of a unit or learning group without an account"),
	     _("Sign-in through your organisation's own identity provider (OpenID Connect)"));
}

/* Without mail: what the page offers instead. */
static void no_mail_section(struct web *w, size_t pending)
{
	html(w->out, "<div class=\"notice\" role=\"note\"><p>%s</p>",
	     _("This server sends no e-mail, so invitations do not go out by themselves: hand every invited person their link yourself."));
	if (pending) {
		html(w->out, "<form method=\"post\" action=\"/accounts/invitations.csv\">");
		form_csrf(w);
		html(w->out, "<p><button type=\"submit\">%s</button></p></form>",
		     arena_printf(w->a, ngettext("New links for the %zu invitation waiting, as CSV", "New links for the %zu invitations waiting, as CSV",
						 (unsigned long)pending), pending));
		html(w->out, "<p class=\"muted\">%s</p>",
		     _("Every download makes new links: the links of an earlier download stop working. Whoever holds a link can choose the password of that account; hand the file only to whoever sends the links, and delete it afterwards."));
	}
	html(w->out, "</div>\n");
}

static void accounts_page(struct web *w, const struct errors *e, int status)
{
	struct account_roles *acc;
	size_t n;
	if (account_list_roles(&w->ctx, &acc, &n)) {
		web_error(w, 500, _("The accounts could not be read. Try again later."));
		return;
	}
	bool by_mail = password_reset_by_mail(w->public_url);
	size_t pending = 0;
	for (size_t i = 0; i < n; i++)
		pending += invitation_pending(&acc[i].account);
	page_begin(w, _("Accounts and roles"));
	page_done_message(w);
	if (!by_mail)
		no_mail_section(w, pending);
	html(w->out, "<table tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		"<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	     _("Name"), _("E-mail address"), _("State"), _("Roles"), _("Give a role"));
	for (size_t i = 0; i < n; i++)
		account_row(w, &acc[i], by_mail);
	html(w->out, "</tbody></table>\n");
	new_account_form(w, e, by_mail);
	page_end(w);
	w->r->status = status;
}

void page_accounts(struct web *w)
{
	accounts_page(w, NULL, 200);
}

/* The employee number of the person chosen in the picker (person_id), or
 * the one typed by a script or an older form (employee_id); NULL with an
 * error when the chosen id is no person of the organisation. */
static const char *chosen_employee(struct web *w, struct errors *e)
{
	long long id = web_field_id(w, "person_id");
	if (!*web_field(w, "person_id") || id == 0)
		return web_field(w, "employee_id");
	struct person p;
	if (id < 0 || person_get(&w->ctx, id, &p) != D_OK) {
		errors_add(&w->ctx, e, "person_id", "%s", _("Choose a person of your organisation from the list."));
		return NULL;
	}
	return p.employee_id;
}

void page_account_create(struct web *w)
{
	struct errors e = { 0 };
	const char *employee = chosen_employee(w, &e);
	if (!employee) {
		accounts_page(w, &e, 422);
		return;
	}
	/* a mistyped number or a slip in the list would link the account to
	 * someone else without a word */
	const char *other = strcmp(web_field(w, "link_anyway"), "1")
				    ? account_person_name_differs(&w->ctx, employee, web_field(w, "display_name"))
				    : NULL;
	if (other) {
		errors_add(&w->ctx, &e, "link_anyway",
			   _("Employee number %s is %s, not %s. Check the number, or confirm below that this account is theirs."),
			   employee, other, web_field(w, "display_name"));
		accounts_page(w, &e, 422);
		return;
	}
	struct invite_via via;
	web_invite_via(w, &via);
	struct invite_link il;
	int d = invitation_create(&w->ctx, web_field(w, "email"), web_field(w, "display_name"), employee,
				  role_parse(web_field(w, "role")), &via, &e, &il);
	if (d == D_INVALID) {
		for (size_t i = 0; i < e.n; i++)  /* the number came from the picker */
			if (!strcmp(e.items[i].field, "employee_id"))
				e.items[i].field = "person_id";
		accounts_page(w, &e, 422);
		return;
	}
	if (d) {
		web_error(w, 500, _("The account could not be saved. Try again later."));
		return;
	}
	if (via.mail)
		web_redirect(w, "/accounts?done=invited");
	else
		web_invite_link_page(w, &il);
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

/* "the role coach of Anna": the grant of the account, to ask about; NULL
 * (after answering) when the account or its grant is not there. */
static const char *grant_named(struct web *w, long long account_id, long long grant_id)
{
	struct account_roles *ar;
	size_t n;
	if (account_list_roles(&w->ctx, &ar, &n)) {
		web_error(w, 500, _("The role could not be taken away. Try again later."));
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		if (ar[i].account.id != account_id)
			continue;
		for (size_t k = 0; k < ar[i].ngrants; k++) {
			if (ar[i].grants[k].id != grant_id)
				continue;
			int r = role_parse(ar[i].grants[k].role);
			return arena_printf(w->a, _("the role %s of %s"), r >= 0 ? role_label(r) : ar[i].grants[k].role,
					    ar[i].account.display_name);
		}
	}
	web_not_found(w);
	return NULL;
}

void page_account_role_remove(struct web *w)
{
	const char *what = grant_named(w, w->id[0], w->id[1]);
	if (!what || !web_confirm(w, arena_printf(w->a, _("Are you sure you want to take away %s?"), what), _("Yes, take it away"),
				  "/accounts"))
		return;
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
