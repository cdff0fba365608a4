/* account_state.c — switching an account off (after a confirmation) and
 * on again, and ending its sessions (administrator). */
#include "web.h"
#include "domain/account_admin.h"
#include "html/html.h"

void page_account_deactivate_confirm(struct web *w)
{
	struct account acc;
	int d = account_admin_get(&w->ctx, w->id[0], &acc);
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (d) {
		web_error(w, 500, _("The account could not be read. Try again later."));
		return;
	}
	page_begin(w, _("Switch an account off"));
	if (acc.id == w->ctx.who->account_id) {
		html(w->out, "<p>%s</p>", _("You cannot switch off your own account; ask another administrator."));
	} else if (!acc.active) {
		html(w->out, "<p>%s</p>", arena_printf(w->a, _("The account of %s is switched off already."), acc.display_name));
	} else {
		html(w->out, "<p>%s</p><p>%s</p>",
		     arena_printf(w->a, _("Switch off the account of %s (%s)?"), acc.display_name, acc.email),
		     _("The account can no longer sign in. Every session of it ends at once, and so do its API tokens and its links to set a password. Its data stays; you can switch it on again later."));
		html(w->out, "<form method=\"post\" action=\"/accounts/%lld/deactivate\">", acc.id);
		form_csrf(w);
		html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Yes, switch the account off"));
	}
	html(w->out, "<p><a href=\"/accounts\">%s</a></p>\n", _("Back to the accounts"));
	page_end(w);
}

void page_account_deactivate(struct web *w)
{
	struct errors e = { 0 };
	int d = account_deactivate(&w->ctx, w->id[0], &e);
	if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_CONFLICT)
		web_error(w, 409, errors_get(&e, ""));
	else if (d)
		web_error(w, 500, _("The account could not be switched off. Try again later."));
	else
		web_redirect(w, "/accounts?done=account-deactivated");
}

void page_account_reactivate(struct web *w)
{
	int d = account_reactivate(&w->ctx, w->id[0]);
	if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d)
		web_error(w, 500, _("The account could not be switched on. Try again later."));
	else
		web_redirect(w, "/accounts?done=account-reactivated");
}

void page_account_sessions_end(struct web *w)
{
	struct account acc;
	int d = account_admin_get(&w->ctx, w->id[0], &acc);
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (d) {
		web_error(w, 500, _("The sessions could not be ended. Try again later."));
		return;
	}
	/* one's own: the domain's refusal below, not a question first */
	if (acc.id != w->ctx.who->account_id &&
	    !web_confirm(w, arena_printf(w->a, _("Are you sure you want to end every session of %s (%s)? They are logged out at once."),
					 acc.display_name, acc.email),
			 _("Yes, end the sessions"), "/accounts"))
		return;
	d = account_end_sessions(&w->ctx, w->id[0]);
	if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_CONFLICT)
		web_error(w, 409, _("To end your own sessions, log out."));
	else if (d)
		web_error(w, 500, _("The sessions could not be ended. Try again later."));
	else
		web_redirect(w, "/accounts?done=sessions-ended");
}
