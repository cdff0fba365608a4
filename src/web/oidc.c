/* oidc.c — sign-in through the organisation's identity provider: the start
 * (GET /login/oidc/{slug}) that sends the browser there, the callback (GET
 * /login/oidc/callback) that signs in or says in plain words why not, and
 * the administrator's read-only view of the settings (GET /oidc). The
 * protocol is in domain/oidc.c. */
#include "web.h"
#include "domain/account.h"
#include "domain/oidc.h"
#include "html/html.h"

#include <string.h>
#include <time.h>

/* The cookie that ties a sign-in under way to this browser: random, only
 * its hash is stored with the state. SameSite=Lax: the provider sends the
 * browser back with a top-level GET, which carries it. */
#define BROWSER_COOKIE "lg_oidc"

static bool hex_secret(const char *s)
{
	return s && strlen(s) == SECRET_HEX - 1 && strspn(s, "0123456789abcdef") == SECRET_HEX - 1;
}

static const char *browser_secret(struct web *w, bool make)
{
	const char *v = request_cookie(w->r, BROWSER_COOKIE);
	if (hex_secret(v) || !make)
		return hex_secret(v) ? v : NULL;
	char *tok = arena_alloc(w->a, SECRET_HEX);
	secret_random(tok);
	response_header(w->r, "Set-Cookie",
			arena_printf(w->a, BROWSER_COOKIE "=%s; Path=/login/oidc; HttpOnly; SameSite=Lax; Max-Age=%d%s", tok,
				     OIDC_LOGIN_SECONDS, w->secure_cookies ? "; Secure" : ""));
	return tok;
}

/* The exact address the provider sends the browser back to. */
static const char *redirect_uri(struct web *w)
{
	return arena_printf(w->a, "%s/login/oidc/callback", web_base_url(w));
}

/* A refusal: what happened and what to do, a way back to the log-in page,
 * and no session. */
static void refusal(struct web *w, int status, const char *message)
{
	page_begin(w, _("Logging in did not succeed"));
	html(w->out, "<div class=\"error\" role=\"alert\"><p>%s</p></div>\n", message);
	html(w->out, "<p><a href=\"/login\">%s</a></p>\n", _("Back to logging in"));
	page_end(w);
	w->r->status = status;
}

void page_oidc_start(struct web *w)
{
	if (w->signed_in) {
		web_redirect(w, "/");
		return;
	}
	const char *slug = w->r->path + strlen("/login/oidc/");
	const char *url = NULL;
	const char *next = safe_next(web_arg(w, "next"));
	switch (oidc_login_start(w->st, w->a, slug, browser_secret(w, true), redirect_uri(w), next,
				 (long long)time(NULL), &url)) {
	case D_OK:
		web_redirect(w, url);
		return;
	case D_NOTFOUND:
		/* the log-in form, which says so: an old bookmark still leads somewhere */
		web_redirect(w, arena_printf(w->a, "/login?via=none&next=%s", url_encode(w->a, next)));
		return;
	default:
		refusal(w, 502, _("The identity provider of your organisation cannot be reached right now. "
				  "Try again in a few minutes; if it keeps failing, tell the administrator."));
	}
}

void page_oidc_callback(struct web *w)
{
	struct oidc_callback cb = { web_arg(w, "state"), web_arg(w, "code"), web_arg(w, "iss"), web_arg(w, "error") };
	long long account = 0;
	const char *next = "/", *org = NULL;
	enum oidc_result r = oidc_login_finish(w->st, w->a, &cb, browser_secret(w, false), (long long)time(NULL),
					       &account, &next, &org);
	const char *via = org ? org : _("your organisation");
	switch (r) {
	case OIDC_OK:
		if (web_session_start_oidc(w, account) == 0)
			web_redirect(w, safe_next(next));
		return;
	case OIDC_STATE:
		refusal(w, 400, _("This sign-in was not started in this browser, was already used or took too long. "
				  "Start logging in again from the log-in page."));
		return;
	case OIDC_DENIED:
		refusal(w, 403, arena_printf(w->a, _("%s did not sign you in. Start logging in again from the log-in page."), via));
		return;
	case OIDC_ISSUER:
		refusal(w, 400, arena_printf(w->a, _("The answer did not come from the identity provider of %s. "
						     "You are not logged in; start again from the log-in page."), via));
		return;
	case OIDC_NONCE:
		refusal(w, 400, arena_printf(w->a, _("The proof of sign-in from %s does not belong to this sign-in. "
						     "You are not logged in; start again from the log-in page."), via));
		return;
	case OIDC_EXPIRED:
		refusal(w, 400, arena_printf(w->a, _("The proof of sign-in from %s has expired. Start logging in again "
						     "from the log-in page; if it keeps failing, check the clock of your "
						     "computer or tell the administrator."), via));
		return;
	case OIDC_INVALID:
		refusal(w, 400, arena_printf(w->a, _("The proof of sign-in from %s could not be verified (its signature "
						     "or sender is not right). You are not logged in; tell the "
						     "administrator if this keeps happening."), via));
		return;
	case OIDC_UNKNOWN_USER:
		refusal(w, 403, arena_printf(w->a, _("There is no account for you in leergang; ask the administrator "
						     "of %s to make one. Nothing has been created."), via));
		return;
	case OIDC_PROVIDER:
		refusal(w, 502, arena_printf(w->a, _("The identity provider of %s cannot be reached or gave no usable "
						     "answer. You are not logged in; try again in a few minutes, and if it "
						     "keeps failing, tell the administrator."), via));
		return;
	case OIDC_ERROR:
		break;
	}
	web_error(w, 500, _("Logging in failed because of a fault in leergang. Try again later."));
}

void page_oidc_settings(struct web *w)
{
	struct oidc_provider p;
	int d = oidc_provider_get(&w->ctx, &p);
	if (d && d != D_NOTFOUND) {
		web_error(w, 500, _("This page cannot be shown because of a fault in leergang. Try again later."));
		return;
	}
	page_begin(w, _("Sign-in through your organisation"));
	if (d == D_NOTFOUND) {
		html(w->out, "<p>%s</p>\n", _("This organisation signs in with e-mail address and password only."));
	} else {
		html(w->out, "<dl class=\"summary\">\n");
		html(w->out, "<dt>%s</dt><dd>%s</dd>\n", _("Identity provider (issuer)"), p.issuer);
		html(w->out, "<dt>%s</dt><dd>%s</dd>\n", _("Client id"), p.client_id);
		html(w->out, "<dt>%s</dt><dd>%s</dd>\n", _("Client secret"), _("set (never shown)"));
		html(w->out, "<dt>%s</dt><dd>%s</dd>\n", _("Accounts found by"),
		     !strcmp(p.claim, "email") ? _("e-mail address (claim email)")
					       : arena_printf(w->a, _("employee number (claim %s)"), p.employee_claim));
		html(w->out, "<dt>%s</dt><dd>%s</dd>\n", _("Passwords"),
		     p.passwords_off ? _("off: accounts sign in through the identity provider only")
				     : _("on: accounts may also log in with a password"));
		html(w->out, "<dt>%s</dt><dd><code>%s</code></dd>\n", _("Redirect URI to register with the provider"),
		     redirect_uri(w));
		html(w->out, "</dl>\n");
	}
	html(w->out, "<p>%s <code>leergang oidc set</code>.</p>\n",
	     _("The administrator of the server changes these settings on the command line:"));
	page_end(w);
}
