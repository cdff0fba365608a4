/* login.c — log-in (with growing delays after failures), log-out,
 * password change and the language switch. */
#include "web.h"
#include "domain/account.h"
#include "domain/health.h"
#include "domain/oidc.h"
#include "html/html.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static void login_form(struct web *w, const char *email, const char *message, int status)
{
	const char *next = safe_next(web_arg(w, "next") ? web_arg(w, "next") : web_field(w, "next"));
	page_begin(w, _("Log in"));
	if (!message && web_arg(w, "via") && !strcmp(web_arg(w, "via"), "none"))
		message = _("That organisation has no sign-in through its own identity provider in leergang. "
			    "Log in with your e-mail address and password, or ask the administrator.");
	if (message)
		html(w->out, "<div class=\"error\" role=\"alert\"><p>%s</p></div>\n", message);
	html(w->out, "<form method=\"post\" action=\"/login\">");
	form_csrf(w);
	html(w->out, "<input type=\"hidden\" name=\"next\" value=\"%s\">", next);
	form_input(w, "email", _("E-mail address"), "email", email, NULL, "username");
	form_input(w, "password", _("Password"), "password", "", NULL, "current-password");
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Log in"));
	html(w->out, "<p><a href=\"/password/forgot\">%s</a></p>\n", _("Forgot your password?"));
	/* the organisations that sign in through their own identity provider */
	struct oidc_provider *p;
	size_t n = 0;
	if (oidc_providers(w->st, w->a, &p, &n) == D_OK && n) {
		html(w->out, "<h2>%s</h2>\n<ul class=\"sign-in-providers\">", _("Or log in through your organisation"));
		for (size_t i = 0; i < n; i++)
			html(w->out, "<li><a class=\"button\" href=\"/login/oidc/%s?next=%s\">%s</a></li>", p[i].org_slug,
			     url_encode(w->a, next), arena_printf(w->a, _("Log in through %s"), p[i].org_name));
		html(w->out, "</ul>\n");
	}
	html(w->out, "<p><a href=\"/privacy\">%s</a></p>\n", _("Privacy statement: what leergang keeps about you, and who reads it"));
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

void web_login_wait(struct web *w, const struct login_wait *wait)
{
	long long left = (wait->wait_ms + 999) / 1000;
	response_header(w->r, "Retry-After", arena_printf(w->a, "%lld", left > 0 ? left : 1));
	w->r->status = 429;
}

int web_session_start(struct web *w, long long account_id)
{
	bool allowed = true;
	const char *org = NULL;
	if (oidc_password_allowed(w->st, w->a, account_id, &allowed, &org) != D_OK) {
		web_error(w, 500, _("Logging in failed because of a fault in leergang. Try again later."));
		return -1;
	}
	if (!allowed) {
		/* said only to whoever knew the password: it tells nobody else
		 * that the account exists */
		login_form(w, "", arena_printf(w->a, _("%s has turned off passwords in leergang: log in through "
						       "%s with the button below."), org, org), 403);
		return -1;
	}
	return web_session_start_oidc(w, account_id);
}

int web_session_start_oidc(struct web *w, long long account_id)
{
	char token[SECRET_HEX], csrf[SECRET_HEX];
	if (account_sign_in(w->st, w->a, account_id, (long long)time(NULL), token, csrf) != D_OK) {
		web_error(w, 500, _("Logging in failed because of a fault in leergang. Try again later."));
		return -1;
	}
	web_set_session_cookie(w, token);
	return 0;
}

/* The message of a sign-in that must wait: the whole delay, not the time
 * left, so that it reads the same whenever one asks. */
static const char *wait_message(struct web *w, const struct login_wait *wait)
{
	long long step = (wait->step_ms + 999) / 1000;
	return arena_printf(w->a, ngettext("Too many failed log-ins with this e-mail address or from your network. "
					   "Wait at most %lld second and try again, or set a new password through "
					   "\"Forgot your password?\".",
					   "Too many failed log-ins with this e-mail address or from your network. "
					   "Wait at most %lld seconds and try again, or set a new password through "
					   "\"Forgot your password?\".", (unsigned long)step), step);
}

void page_login_post(struct web *w)
{
	const char *email = web_field(w, "email"), *pw = web_field(w, "password");
	long long account = 0;
	struct login_wait wait;
	if (!*email || !*pw) {
		login_form(w, email, _("Fill in your e-mail address and your password."), 422);
		return;
	}
	switch (account_login(w->st, w->a, email, pw, w->r->peer, web_now_ms(), &account, &wait)) {
	case LOGIN_OK:
		break;
	case LOGIN_WAIT:
		login_form(w, email, wait_message(w, &wait), 429);
		web_login_wait(w, &wait);
		return;
	case LOGIN_BUSY:
		login_busy(w, email);
		return;
	case LOGIN_BAD:
		login_form(w, email, _("The e-mail address or the password is not right. "
				       "After several failed attempts you wait a little longer each time."), 422);
		return;
	default:
		web_error(w, 500, _("Logging in failed because of a fault in leergang. Try again later."));
		return;
	}
	if (web_session_start(w, account))
		return;
	web_redirect(w, safe_next(web_field(w, "next")));
}

void page_logout(struct web *w)
{
	/* a session that could not be ended would stay valid behind the
	 * cleared cookie: say so, so that the user tries again */
	if (w->session && session_end(w->st, w->session)) {
		web_error(w, 500, _("The change could not be saved. Try again later."));
		return;
	}
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
	html(w->out, "<p>%s <a href=\"/tokens\">%s</a></p>\n",
	     _("A new password also ends your API tokens."), _("Your API tokens"));
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
	long long id = 0;
	struct login_wait wait;
	/* the current password is checked as a log-in is, with its delays:
	 * a session left open is no way to guess it faster. Left empty, it is
	 * no try at all, and not counted. */
	enum login_result lr = *cur ? account_login(w->st, w->a, w->who.email, cur, w->r->peer, web_now_ms(), &id, &wait)
				    : LOGIN_BAD;
	if (!*cur)
		errors_add(&w->ctx, &e, "current", "%s", _("Fill in your current password."));
	else if (lr == LOGIN_WAIT)
		errors_add(&w->ctx, &e, "current", "%s", wait_message(w, &wait));
	else if (lr == LOGIN_ERROR) {
		web_error(w, 500, _("The password could not be saved. Try again later."));
		return;
	} else if (lr == LOGIN_BUSY) {
		errors_add(&w->ctx, &e, "current", _("leergang is very busy checking passwords right now. Nothing was "
						     "changed: try again in a few seconds."));
		response_header(w->r, "Retry-After", WEB_RETRY_AFTER);
		password_form(w, &e, 503);
		return;
	} else if (lr != LOGIN_OK)
		errors_add(&w->ctx, &e, "current", "%s", _("The current password is not right."));
	if (strcmp(pw, rep))
		errors_add(&w->ctx, &e, "repeat", _("The two new passwords differ; type them again."));
	if (!e.n) {
		int d = account_set_password(&w->ctx, w->who.account_id, pw, &e);
		if (d == D_OK) {
			if (session_end_others(w->st, w->who.account_id, w->session)) {
				web_error(w, 500, _("The change could not be saved. Try again later."));
				return;
			}
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
	password_form(w, &e, lr == LOGIN_WAIT ? 429 : 422);
	if (lr == LOGIN_WAIT)
		web_login_wait(w, &wait);
}

void page_healthz(struct web *w)
{
	if (health_check(w->st) == D_OK)
		web_json(w, 200, json_pack("{s:s}", "status", "ok"));
	else
		web_json(w, 503, json_pack("{s:s}", "status", "database unreachable"));
}
