/* login.c — log-in, log-out, password change and the language switch. */
#include "web.h"
#include "domain/account.h"
#include "domain/audit.h"
#include "html/html.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static void login_form(struct web *w, const char *email, const char *message, int status)
{
	const char *next = safe_next(web_arg(w, "next") ? web_arg(w, "next") : web_field(w, "next"));
	page_begin(w, _("Log in"));
	if (message)
		html(w->out, "<div class=\"error\" role=\"alert\"><p>%s</p></div>\n", message);
	html(w->out, "<form method=\"post\" action=\"/login\">");
	form_csrf(w);
	html(w->out, "<input type=\"hidden\" name=\"next\" value=\"%s\">", next);
	form_input(w, "email", _("E-mail address"), "email", email, NULL, "username");
	form_input(w, "password", _("Password"), "password", "", NULL, "current-password");
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Log in"));
	page_end(w);
	w->r->status = status;
}

/* The answer when the password gate had no room: 503 with Retry-After and
 * the form as it was; nothing was checked or counted. */
static void login_busy(struct web *w, const char *email)
{
	response_header(w->r, "Retry-After", WEB_RETRY_AFTER);
	login_form(w, email, _("Many people are signing in right now. Wait a few seconds and log in again."), 503);
}

void page_login(struct web *w)
{
	if (w->signed_in) {
		web_redirect(w, "/");
		return;
	}
	login_form(w, "", NULL, 200);
}

void page_login_post(struct web *w)
{
	const char *email = web_field(w, "email"), *pw = web_field(w, "password");
	long long now = (long long)time(NULL), account = 0, until = 0;
	if (!*email || !*pw) {
		login_form(w, email, _("Fill in your e-mail address and your password."), 422);
		return;
	}
	switch (account_login(w->st, w->a, email, pw, now, &account, &until)) {
	case LOGIN_OK:
		break;
	case LOGIN_LOCKED: {
		long long minutes = (until - now + 59) / 60;
		login_form(w, email, arena_printf(w->a, _("This account is locked for %lld minutes after %d failed log-ins. "
							  "Wait and try again, or ask the administrator to set a new password."),
						    minutes, LOGIN_MAX_FAILURES), 429);
		return;
	}
	case LOGIN_BUSY:
		login_busy(w, email);
		return;
	case LOGIN_BAD:
		login_form(w, email, _("The e-mail address or the password is not right. "
				       "After 5 failed attempts the account is locked for 15 minutes."), 422);
		return;
	default:
		web_error(w, 500, _("Logging in failed because of a fault in leergang. Try again later."));
		return;
	}
	char token[SECRET_HEX], csrf[SECRET_HEX];
	if (session_start(w->st, account, now, token, csrf)) {
		web_error(w, 500, _("Logging in failed because of a fault in leergang. Try again later."));
		return;
	}
	struct account acc;
	if (store_account_by_id(w->st, w->a, account, &acc) == ST_OK)
		store_audit_add(w->st, acc.organisation_id, acc.id, acc.email, "login", "account", acc.id, "");
	web_set_session_cookie(w, token);
	web_redirect(w, safe_next(web_field(w, "next")));
}

void page_logout(struct web *w)
{
	if (w->session)
		session_end(w->st, w->session);
	web_set_session_cookie(w, NULL);
	web_redirect(w, "/login");
}

void page_language(struct web *w)
{
	int l = lang_parse(web_arg(w, "lang"));
	if (l >= 0)
		web_set_language_cookie(w, (enum lang)l);
	web_redirect(w, safe_next(web_arg(w, "next")));
}

static void password_form(struct web *w, const struct errors *e, int status)
{
	page_begin(w, _("Change password"));
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/password\">");
	form_csrf(w);
	form_input(w, "current", _("Current password"), "password", "", e, "current-password");
	form_input(w, "password", arena_printf(w->a, _("New password (at least %d characters)"), PASSWORD_MIN),
		   "password", "", e, "new-password");
	form_input(w, "repeat", _("New password again"), "password", "", e, "new-password");
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Change password"));
	page_end(w);
	w->r->status = status;
}

void page_password(struct web *w)
{
	password_form(w, NULL, 200);
}

void page_password_post(struct web *w)
{
	struct errors e = { 0 };
	const char *cur = web_field(w, "current"), *pw = web_field(w, "password"), *rep = web_field(w, "repeat");
	long long now = (long long)time(NULL), id = 0, until = 0;
	enum login_result lr = account_login(w->st, w->a, w->who.email, cur, now, &id, &until);
	if (lr == LOGIN_LOCKED) {
		/* too many wrong current passwords: end this session too */
		session_end(w->st, w->session);
		web_set_session_cookie(w, NULL);
		web_redirect(w, "/login");
		return;
	}
	if (lr == LOGIN_BUSY) {
		errors_add(&w->ctx, &e, "current", _("leergang is very busy checking passwords right now. Nothing was "
						     "changed: try again in a few seconds."));
		response_header(w->r, "Retry-After", WEB_RETRY_AFTER);
		password_form(w, &e, 503);
		return;
	}
	if (lr != LOGIN_OK)
		errors_add(&w->ctx, &e, "current", _("The current password is not right."));
	if (strcmp(pw, rep))
		errors_add(&w->ctx, &e, "repeat", _("The two new passwords differ; type them again."));
	if (!e.n) {
		int d = account_set_password(&w->ctx, w->who.account_id, pw, &e);
		if (d == D_OK) {
			session_end_others(w->st, w->who.account_id, w->session);
			web_redirect(w, "/?done=password-changed");
			return;
		}
		if (d == D_BUSY) {
			response_header(w->r, "Retry-After", WEB_RETRY_AFTER);
			password_form(w, &e, 503);
			return;
		}
		if (d != D_INVALID) {
			web_error(w, 500, _("The password could not be saved. Try again later."));
			return;
		}
	}
	password_form(w, &e, 422);
}

void page_healthz(struct web *w)
{
	if (store_ping(w->st) == ST_OK)
		web_json(w, 200, json_pack("{s:s}", "status", "ok"));
	else
		web_json(w, 503, json_pack("{s:s}", "status", "database unreachable"));
}
