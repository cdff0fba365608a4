/* tokens.c — API tokens on pages: the signed-in user's own (/tokens), and
 * for the administrator those of each account of the organisation
 * (/accounts/{id}/tokens): the list with each token's scope (never a
 * secret), making one with its scope and days (its secret shown on that
 * answer only) and revoking one. */
#include "web.h"
#include "domain/account_admin.h"
#include "domain/api_token.h"
#include "domain/schedule.h"
#include "html/html.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *day_of(struct web *w, long long t)
{
	char d[11];
	date_today(t, d);
	return date_label(w->a, d);
}

/* Whose tokens a page manages: the signed-in user's own (/tokens), or,
 * for an administrator, one account's of the organisation
 * (/accounts/{id}/tokens). */
struct token_owner {
	long long account_id;
	const char *base;   /* the page's address */
	const char *name;   /* the account's name; NULL for one's own */
};

static void scope_select(struct web *w, const char *chosen, const struct errors *e)
{
	const char *err = e ? errors_get(e, "scope") : NULL;
	html(w->out, "<p class=\"field%s\"><label for=\"f-scope\">%s</label>", err ? " invalid" : "",
	     _("What the token may be used for"));
	if (err)
		html(w->out, "<span class=\"field-error\" id=\"e-scope\">%s</span>", err);
	html(w->out, "<select id=\"f-scope\" name=\"scope\"%s>", err ? " aria-invalid=\"true\" aria-describedby=\"e-scope\"" : "");
	for (int s = 0; s < TOKEN_SCOPES; s++) {
		const char *name = api_token_scope_name(s);
		html(w->out, "<option value=\"%s\"%s>%s</option>", name,
		     (chosen && *chosen ? !strcmp(chosen, name) : s == TOKEN_SCOPE_ALL) ? " selected" : "",
		     api_token_scope_label(s));
	}
	html(w->out, "</select></p>\n");
}

static const char *scope_label_of(const char *name)
{
	int s = api_token_scope_parse(name);
	return s < 0 ? name : api_token_scope_label(s);
}

static void tokens_page(struct web *w, const struct token_owner *o, const char *new_token, long long new_expires,
			const struct errors *e, const char *label, const char *days, const char *scope, int status)
{
	struct api_token *t;
	size_t n;
	if (api_token_list(&w->ctx, o->account_id, &t, &n)) {
		web_error(w, 500, _("Your API tokens could not be read. Try again later."));
		return;
	}
	long long now = (long long)time(NULL);
	page_begin(w, o->name ? arena_printf(w->a, _("API tokens of %s"), o->name) : _("Your API tokens"));
	page_done_message(w);
	if (o->name)
		html(w->out, "<p><a href=\"/accounts\">%s</a></p><p>%s</p>\n", _("Back to the accounts"),
		     _("As administrator you make and revoke API tokens for the accounts of your organisation, for a "
		       "link with another system such as the nightly HR sync. A token works as this account, with at "
		       "most its roles, and only for what its scope allows; every use is in the audit log."));
	else
		html(w->out, "<p>%s</p>\n", _("With an API token a script or another program uses leergang's JSON API (/api/v1/) "
					      "as you, with the same access as your account: it sends the token in the header "
					      "Authorization: Bearer followed by the token. Keep a token as secret as a password. "
					      "It stops working when it expires, when you revoke it here, or when your password "
					      "changes."));
	if (new_token)
		html(w->out, "<div class=\"done\" role=\"status\"><p>%s</p><p><label for=\"f-token\">%s</label>"
			"<input id=\"f-token\" type=\"text\" readonly size=\"70\" value=\"%s\"></p><p>%s</p></div>\n",
		     _("Your new API token (shown only now: copy it into your script):"), _("API token"), new_token,
		     arena_printf(w->a, _("It works until %s."), day_of(w, new_expires)));
	if (n) {
		html(w->out, "<h2>%s</h2><table tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			"<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		     o->name ? _("Tokens") : _("Your tokens"), _("Label"), _("Scope"), _("Made"), _("Works until"),
		     _("Revoke"));
		for (size_t i = 0; i < n; i++) {
			const char *label_i = *t[i].label ? t[i].label : _("(no label)");
			html(w->out, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s%s</td><td>", label_i,
			     scope_label_of(t[i].scope), day_of(w, t[i].created_at), day_of(w, t[i].expires_at),
			     t[i].expires_at <= now ? _(" (expired)") : "");
			html(w->out, "<form method=\"post\" action=\"%s/%lld/revoke\" class=\"inline\">", o->base, t[i].id);
			form_csrf(w);
			html(w->out, "<button type=\"submit\" class=\"secondary\" aria-label=\"%s\">%s</button></form></td></tr>",
			     arena_printf(w->a, _("Revoke the token %s"), label_i), _("Revoke"));
		}
		html(w->out, "</tbody></table>\n");
	} else {
		html(w->out, "<p>%s</p>\n", o->name ? _("This account has no API tokens.") : _("You have no API tokens."));
	}
	html(w->out, "<h2>%s</h2>\n", _("Make an API token"));
	bool may = false;
	if (api_token_may_make(&w->ctx, o->account_id, &may) == D_OK && !may) {
		html(w->out, "<p>%s</p>\n",
		     _("You make no tokens for this account: it holds roles other than administrator, and a token would "
		       "read what those roles read. Its holder makes their own token on the page API tokens; you can "
		       "revoke its tokens here."));
		page_end(w);
		w->r->status = status;
		return;
	}
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"%s\">", o->base);
	form_csrf(w);
	form_input(w, "label", _("Label (what the token is for, such as the name of the script)"), "text", label, e, NULL);
	scope_select(w, scope, e);
	form_input(w, "days", arena_printf(w->a, _("Works for this many days (1 to %d)"), API_TOKEN_DAYS_MAX), "number",
		   days, e, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Make token"));
	page_end(w);
	w->r->status = status;
}

static const char *default_days(struct web *w)
{
	return arena_printf(w->a, "%d", API_TOKEN_DAYS);
}

static void token_create(struct web *w, const struct token_owner *o)
{
	const char *label = web_field(w, "label"), *days_text = web_field(w, "days"), *scope = web_field(w, "scope");
	/* out of range or not a number: -1, which the domain refuses with its message */
	long long days = web_field_int(w, "days", 0, 100000, -1);
	struct errors e = { 0 };
	char token[SECRET_HEX];
	long long expires = 0;
	int d = api_token_create(&w->ctx, o->account_id, label, days, scope, (long long)time(NULL), token, &e, NULL,
				 &expires);
	if (d == D_INVALID) {
		tokens_page(w, o, NULL, 0, &e, label, days_text, scope, 422);
		return;
	}
	if (d == D_NOTFOUND || d == D_FORBIDDEN) {
		web_not_found(w);
		return;
	}
	if (d) {
		web_error(w, 500, _("The API token could not be made. Try again later."));
		return;
	}
	/* shown once, on this answer; only its hash is kept */
	tokens_page(w, o, token, expires, NULL, "", default_days(w), "", 200);
}

static void token_revoke(struct web *w, const struct token_owner *o, long long token_id)
{
	struct api_token *t;
	size_t n;
	if (api_token_list(&w->ctx, o->account_id, &t, &n)) {
		web_error(w, 500, _("The API token could not be revoked. Try again later."));
		return;
	}
	const struct api_token *mine = NULL;
	for (size_t i = 0; i < n && !mine; i++)
		if (t[i].id == token_id)
			mine = &t[i];
	if (!mine) {
		web_not_found(w);
		return;
	}
	const char *label = *mine->label ? mine->label : _("without a label");
	if (!web_confirm(w, arena_printf(w->a, _("Are you sure you want to revoke the API token %s? Whatever uses it stops working at once. This cannot be undone."), label),
			 _("Yes, revoke"), o->base))
		return;
	int d = api_token_revoke(&w->ctx, o->account_id, token_id);
	if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d)
		web_error(w, 500, _("The API token could not be revoked. Try again later."));
	else
		web_redirect(w, arena_printf(w->a, "%s?done=token-revoked", o->base));
}

static struct token_owner own(struct web *w)
{
	return (struct token_owner){ w->who.account_id, "/tokens", NULL };
}

void page_tokens(struct web *w)
{
	struct token_owner o = own(w);
	tokens_page(w, &o, NULL, 0, NULL, "", default_days(w), "", 200);
}

void page_token_create(struct web *w)
{
	struct token_owner o = own(w);
	token_create(w, &o);
}

void page_token_revoke(struct web *w)
{
	struct token_owner o = own(w);
	token_revoke(w, &o, w->id[0]);
}

/* The account of /accounts/{id}/tokens, for the administrator; false
 * after answering (404 for none of the organisation). */
static bool account_owner(struct web *w, struct token_owner *o)
{
	struct account acc;
	int d = account_admin_get(&w->ctx, w->id[0], &acc);
	if (d == D_NOTFOUND || d == D_FORBIDDEN) {
		web_not_found(w);
		return false;
	}
	if (d) {
		web_error(w, 500, _("The account could not be read. Try again later."));
		return false;
	}
	*o = (struct token_owner){ acc.id, arena_printf(w->a, "/accounts/%lld/tokens", acc.id),
				   *acc.display_name ? acc.display_name : acc.email };
	return true;
}

void page_account_tokens(struct web *w)
{
	struct token_owner o;
	if (account_owner(w, &o))
		tokens_page(w, &o, NULL, 0, NULL, "", default_days(w), "", 200);
}

void page_account_token_create(struct web *w)
{
	struct token_owner o;
	if (account_owner(w, &o))
		token_create(w, &o);
}

void page_account_token_revoke(struct web *w)
{
	struct token_owner o;
	if (account_owner(w, &o))
		token_revoke(w, &o, w->id[1]);
}
