/* password_reset.c — "forgot your password?": asking for a link (the same
 * answer whether or not an account has the address), and the page of the
 * link, which sets the new password and signs its owner in. */
#include "web.h"
#include "domain/password_reset.h"
#include "domain/validate.h"
#include "html/html.h"

#include <time.h>

static void no_mail_page(struct web *w)
{
	page_begin(w, _("Forgot your password?"));
	html(w->out, "<p>%s</p>\n<p><a href=\"/login\">%s</a></p>\n",
	     _("This server does not send e-mail. Ask the administrator of leergang in your organisation for a link to "
	       "set a new password: they can make one for you, which works once, for one hour."),
	     _("Back to logging in"));
	page_end(w);
}

static void forgot_form(struct web *w, const char *email, const char *message, int status)
{
	page_begin(w, _("Forgot your password?"));
	if (message)
		html(w->out, "<div class=\"error\" role=\"alert\"><p>%s</p></div>\n", message);
	html(w->out, "<p>%s</p>\n", _("Fill in the e-mail address of your account. We send it a link to set a new "
				      "password; the link works once, for one hour."));
	html(w->out, "<form method=\"post\" action=\"/password/forgot\">");
	form_csrf(w);
	form_input(w, "email", _("E-mail address"), "email", email, NULL, "username");
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Send me a link"));
	html(w->out, "<p><a href=\"/login\">%s</a></p>\n", _("Back to logging in"));
	page_end(w);
	w->r->status = status;
}

void page_password_forgot(struct web *w)
{
	if (!password_reset_by_mail(w->public_url))
		no_mail_page(w);
	else
		forgot_form(w, "", NULL, 200);
}

void page_password_forgot_post(struct web *w)
{
	if (!password_reset_by_mail(w->public_url)) {
		no_mail_page(w);
		return;
	}
	const char *email = web_field(w, "email");
	if (!*email) {
		forgot_form(w, email, _("Fill in your e-mail address."), 422);
		return;
	}
	if (!email_plausible(email)) {
		forgot_form(w, email, _("That is not an e-mail address; check what you typed."), 422);
		return;
	}
	struct login_wait wait;
	switch (password_reset_request(w->st, w->a, email, w->r->peer, w->public_url, web_now_ms(), &wait)) {
	case RESET_ASKED:
		break;
	case RESET_WAIT: {
		long long step = (wait.step_ms + 999) / 1000;
		forgot_form(w, email, arena_printf(w->a, ngettext("Links have been asked for too often from your network. "
								  "Wait at most %lld second and try again.",
								  "Links have been asked for too often from your network. "
								  "Wait at most %lld seconds and try again.", (unsigned long)step),
						   step), 429);
		web_login_wait(w, &wait);
		return;
	}
	default:
		web_error(w, 500, _("Asking for a link failed because of a fault in leergang. Try again later."));
		return;
	}
	/* not a word about the address typed: the page is the same for
	 * every address, with an account or without */
	page_begin(w, _("Forgot your password?"));
	html(w->out, "<p class=\"done\" role=\"status\">%s</p>\n<p>%s</p>\n<p><a href=\"/login\">%s</a></p>\n",
	     _("If an account has the address you typed, a link to set a new password is on its way to it. "
	       "The link works once, for one hour."),
	     _("No e-mail after a few minutes? Look in your spam folder, check the address, or ask the administrator "
	       "of leergang in your organisation."),
	     _("Back to logging in"));
	page_end(w);
}

static void link_gone(struct web *w)
{
	page_begin(w, _("This link does not work"));
	html(w->out, "<p>%s</p>\n<p><a href=\"/password/forgot\">%s</a></p>\n",
	     _("The link has been used already, it has expired (a link for a new password works for one hour, an "
	       "invitation for seven days), it was replaced by a newer one, or it is not complete. Ask for a new one; "
	       "for an invitation, ask the administrator of leergang in your organisation."),
	     _("Ask for a new link"));
	page_end(w);
	/* gone: the link worked once, or never did; which it was is not said */
	w->r->status = 410;
}

static void reset_form(struct web *w, const char *token, const char *email, bool invite, const struct errors *e,
		       int status)
{
	page_begin(w, invite ? _("Welcome to leergang: choose your password") : _("Set a new password"));
	form_errors(w, e);
	if (invite)
		html(w->out, "<p>%s</p>\n", arena_printf(w->a, _("You have been invited to leergang with the address %s. "
								  "Choose your own password; once it is set, you are "
								  "logged in, and from then on you sign in with your "
								  "e-mail address and this password."), email));
	else
		html(w->out, "<p>%s</p>\n", arena_printf(w->a, _("A new password for the account %s. When it is set, you are "
								  "logged in, and every other session and every API token of "
								  "the account ends."), email));
	html(w->out, "<form method=\"post\" action=\"/password/reset\">");
	form_csrf(w);
	html(w->out, "<input type=\"hidden\" name=\"token\" value=\"%s\">", token);
	form_input(w, "password", arena_printf(w->a, _("New password (at least %d characters)"), PASSWORD_MIN),
		   "password", "", e, "new-password");
	form_input(w, "repeat", _("New password again"), "password", "", e, "new-password");
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Set the new password"));
	page_end(w);
	w->r->status = status;
}

void page_password_reset(struct web *w)
{
	const char *token = web_arg(w, "token"), *email;
	bool invite = false;
	if (password_link_open(w->st, w->a, token, (long long)time(NULL), &email, &invite)) {
		link_gone(w);
		return;
	}
	reset_form(w, token, email, invite, NULL, 200);
}

void page_password_reset_post(struct web *w)
{
	const char *token = web_field(w, "token"), *email;
	struct errors e = { 0 };
	long long account = 0;
	bool invite = false;
	if (password_link_open(w->st, w->a, token, (long long)time(NULL), &email, &invite)) {
		link_gone(w);
		return;
	}
	int d = password_reset_finish(w->st, w->a, token, web_field(w, "password"), web_field(w, "repeat"), web_now_ms(),
				      &e, &account);
	if (d == D_NOTFOUND) {
		link_gone(w);
		return;
	}
	if (d == D_INVALID || d == D_BUSY) {
		if (password_link_open(w->st, w->a, token, (long long)time(NULL), &email, &invite))
			link_gone(w);
		else {
			if (d == D_BUSY)
				response_header(w->r, "Retry-After", WEB_RETRY_AFTER);
			reset_form(w, token, email, invite, &e, d == D_BUSY ? 503 : 422);
		}
		return;
	}
	if (d) {
		web_error(w, 500, _("The password could not be saved. Try again later."));
		return;
	}
	/* the session of the reset link ended with all the others */
	w->session = NULL;
	w->csrf = NULL;
	if (web_session_start(w, account))
		return;
	web_redirect(w, invite ? "/?done=invitation-accepted" : "/?done=password-reset");
}
