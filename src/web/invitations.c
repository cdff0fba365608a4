/* invitations.c — invitation links of the accounts page: inviting an
 * account again, the links as CSV when the server sends no mail, and
 * inviting every person of a unit or learning group without an account
 * (a preview with its counts, then one confirmation). */
#include "web.h"
#include "domain/invitation.h"
#include "domain/password_reset.h"
#include "domain/unit.h"
#include "formats/csv.h"
#include "html/html.h"

#include <string.h>

void web_invite_via(struct web *w, struct invite_via *via)
{
	via->mail = password_reset_by_mail(w->public_url);
	via->base_url = via->mail ? w->public_url : web_base_url(w);
}

void web_invite_link_page(struct web *w, const struct invite_link *il)
{
	page_begin(w, _("Invitation made"));
	html(w->out, "<p>%s</p>\n",
	     arena_printf(w->a, _("This server sends no e-mail. Hand this link to %s (%s) yourself, and to nobody else: it "
				  "works once, for seven days, and whoever holds it chooses the password of the account."),
			  il->account.display_name, il->account.email));
	html(w->out, "<p class=\"field\"><label for=\"invite-link\">%s</label><input id=\"invite-link\" type=\"text\" "
		     "readonly size=\"80\" value=\"%s\"></p>\n",
	     _("Link to set one's own password"), il->link);
	html(w->out, "<p><a href=\"/accounts\">%s</a></p>\n", _("Back to the accounts"));
	page_end(w);
}

void page_account_invite(struct web *w)
{
	struct invite_via via;
	web_invite_via(w, &via);
	struct invite_link il;
	int d = invitation_resend(&w->ctx, w->id[0], &via, &il);
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (d == D_CONFLICT) {
		web_error(w, 409, _("This account is switched off or has set its password already: it needs no invitation."));
		return;
	}
	if (d) {
		web_error(w, 500, _("The invitation could not be made. Try again later."));
		return;
	}
	if (via.mail)
		web_redirect(w, "/accounts?done=invited-again");
	else
		web_invite_link_page(w, &il);
}

static void row(struct buf *b, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_addch(b, ';');
		csv_field(b, cells[i], ';');
	}
	csv_end_row(b);
}

/* The links as a CSV download, for a mail merge. */
static void links_csv(struct web *w, const struct invite_link *il, size_t n)
{
	buf_reset(w->out);
	buf_adds(w->out, CSV_BOM);
	row(w->out, (const char *const[]){ _("Name"), _("E-mail address"), _("Link") }, 3);
	for (size_t i = 0; i < n; i++)
		row(w->out, (const char *const[]){ il[i].account.display_name, il[i].account.email, il[i].link }, 3);
	w->r->response_type = "text/csv; charset=utf-8";
	response_header(w->r, "Content-Disposition", "attachment; filename=\"invitations.csv\"");
	response_header(w->r, "Cache-Control", "no-store");
}

void page_invitations_csv(struct web *w)
{
	/* the links go in the file, never by mail: this is what the page
	 * offers when the server sends none */
	struct invite_via via = { web_base_url(w), false };
	if (password_reset_by_mail(w->public_url))
		via.base_url = w->public_url;
	struct invite_link *il;
	size_t n;
	if (invitation_links_all(&w->ctx, &via, &il, &n)) {
		web_error(w, 500, _("The invitation links could not be made. Try again later."));
		return;
	}
	links_csv(w, il, n);
}

/* The choice of a unit or a learning group. */
static void scope_forms(struct web *w, long long unit_id, long long group_id)
{
	struct unit_tree t;
	struct learning_group *g;
	size_t ng;
	if (invitation_scopes(&w->ctx, &t, &g, &ng)) {
		html(w->out, "<p class=\"error\">%s</p>", _("The units and groups could not be read. Try again later."));
		return;
	}
	html(w->out, "<form method=\"get\" action=\"/accounts/bulk\"><p class=\"field\"><label for=\"f-unit\">%s</label>"
		     "<select id=\"f-unit\" name=\"unit\">",
	     _("A unit, with every unit below it"));
	for (size_t i = 0; i < t.n; i++)
		html(w->out, "<option value=\"%lld\"%s>%s</option>", t.units[i].id, t.units[i].id == unit_id ? " selected" : "",
		     t.paths[i]);
	html(w->out, "</select> <button type=\"submit\">%s</button></p></form>\n", _("Show who"));
	html(w->out, "<form method=\"get\" action=\"/accounts/bulk\"><p class=\"field\"><label for=\"f-group\">%s</label>"
		     "<select id=\"f-group\" name=\"group\">",
	     _("A learning group"));
	for (size_t i = 0; i < ng; i++)
		html(w->out, "<option value=\"%lld\"%s>%s</option>", g[i].id, g[i].id == group_id ? " selected" : "",
		     arena_printf(w->a, "%s — %s — %s", g[i].programme_name ? g[i].programme_name : "",
				  g[i].batch_name ? g[i].batch_name : "", g[i].name));
	html(w->out, "</select> <button type=\"submit\">%s</button></p></form>\n", _("Show who"));
}

static void role_options(struct web *w)
{
	html(w->out, "<p class=\"field\"><label for=\"f-role\">%s</label><select id=\"f-role\" name=\"role\">", _("Role"));
	for (int r = 0; r < ROLE_COUNT; r++)
		html(w->out, "<option value=\"%s\"%s>%s</option>", role_id(r), r == ROLE_PARTICIPANT ? " selected" : "",
		     role_label(r));
	html(w->out, "</select></p>");
}

/* The preview: how many would be invited, who, and the confirmation. */
static void preview(struct web *w, long long unit_id, long long group_id, const struct invite_preview *p)
{
	html(w->out, "<h2>%s</h2><p role=\"status\">%s, %s</p>", _("Preview"),
	     arena_printf(w->a, ngettext("%zu person without an account", "%zu people without an account", (unsigned long)p->n),
			  p->n),
	     arena_printf(w->a, ngettext("%lld without an e-mail address", "%lld without an e-mail address",
					 (unsigned long)p->no_email),
			  p->no_email));
	if (p->no_email)
		html(w->out, "<p class=\"muted\">%s</p>",
		     _("People without an e-mail address get no account; fill in their address on the people page or through an import first."));
	if (!p->n) {
		html(w->out, "<p>%s</p>", _("There is nobody to invite here."));
		return;
	}
	html(w->out, "<ul class=\"columns\">");
	for (size_t i = 0; i < p->n; i++)
		html(w->out, "<li>%s (%s)</li>", p->people[i].name, p->people[i].email);
	html(w->out, "</ul>\n<form method=\"post\" action=\"/accounts/bulk\">");
	form_csrf(w);
	html(w->out, "<input type=\"hidden\" name=\"unit\" value=\"%lld\"><input type=\"hidden\" name=\"group\" value=\"%lld\">"
		     "<input type=\"hidden\" name=\"expected\" value=\"%zu\">",
	     unit_id, group_id, p->n);
	role_options(w);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n",
	     arena_printf(w->a, ngettext("Invite this %zu person", "Invite these %zu people", (unsigned long)p->n), p->n));
}

void page_accounts_bulk(struct web *w)
{
	long long unit_id = web_arg_int(w, "unit", 0), group_id = unit_id ? 0 : web_arg_int(w, "group", 0);
	struct invite_preview p;
	int d = unit_id || group_id ? invitation_bulk_preview(&w->ctx, unit_id, group_id, &p) : D_OK;
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (d) {
		web_error(w, 500, _("The people could not be read. Try again later."));
		return;
	}
	page_begin(w, _("Invite many at once"));
	html(w->out, "<p>%s</p>", password_reset_by_mail(w->public_url)
		     ? _("Everyone of the unit or group who has an e-mail address and no account gets one, with an e-mail to set their own password. First you see who; nothing happens until you confirm.")
		     : _("Everyone of the unit or group who has an e-mail address and no account gets one. This server sends no e-mail: you get their links as a CSV file, to send yourself. First you see who; nothing happens until you confirm."));
	scope_forms(w, unit_id, group_id);
	if (unit_id || group_id)
		preview(w, unit_id, group_id, &p);
	html(w->out, "<p><a href=\"/accounts\">%s</a></p>\n", _("Back to the accounts"));
	page_end(w);
}

void page_accounts_bulk_post(struct web *w)
{
	long long unit_id = web_field_id(w, "unit"), group_id = web_field_id(w, "group");
	long long expected = web_field_int(w, "expected", 0, WEB_ID_MAX, -1);
	if (unit_id < 0 || group_id < 0 || expected < 0 || (!unit_id && !group_id)) {
		web_error(w, 422, _("Choose a unit or a learning group first, and look at who would be invited."));
		return;
	}
	struct invite_via via;
	web_invite_via(w, &via);
	struct errors e = { 0 };
	struct invite_link *il;
	size_t n;
	int d = invitation_bulk(&w->ctx, unit_id, unit_id ? 0 : group_id, role_parse(web_field(w, "role")),
				(size_t)expected, &via, &e, &il, &n);
	const char *back = unit_id ? arena_printf(w->a, "/accounts/bulk?unit=%lld", unit_id)
				   : arena_printf(w->a, "/accounts/bulk?group=%lld", group_id);
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (d == D_CONFLICT || d == D_INVALID) {
		page_begin(w, _("Nobody was invited"));
		html(w->out, "<div class=\"error\" role=\"alert\"><p>%s</p></div><p><a href=\"%s\">%s</a></p>\n",
		     d == D_CONFLICT ? _("The people without an account changed since the preview. Nobody was invited: look at the preview again.")
				     : (errors_get(&e, "role") ? errors_get(&e, "role") : errors_get(&e, "")),
		     back, _("Back to the preview"));
		page_end(w);
		w->r->status = d == D_CONFLICT ? 409 : 422;
		return;
	}
	if (d) {
		web_error(w, 500, _("Nobody was invited because of a fault in leergang. Try again later."));
		return;
	}
	if (via.mail)
		web_redirect(w, "/accounts?done=bulk-invited");
	else
		links_csv(w, il, n);
}
