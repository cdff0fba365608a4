/* tokens.c — the signed-in user's API tokens: the list (never a secret),
 * making one (its secret shown on that answer only) and revoking one. */
#include "web.h"
#include "domain/api_token.h"
#include "domain/schedule.h"
#include "html/html.h"

#include <stdlib.h>
#include <time.h>

static const char *day_of(struct web *w, long long t)
{
	char d[11];
	date_today(t, d);
	return date_label(w->a, d);
}

static void tokens_page(struct web *w, const char *new_token, long long new_expires, const struct errors *e,
			const char *label, const char *days, int status)
{
	struct api_token *t;
	size_t n;
	if (api_token_list(&w->ctx, w->who.account_id, &t, &n)) {
		web_error(w, 500, _("Your API tokens could not be read. Try again later."));
		return;
	}
	long long now = (long long)time(NULL);
	page_begin(w, _("Your API tokens"));
	page_done_message(w);
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
			"<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		     _("Your tokens"), _("Label"), _("Made"), _("Works until"), _("Revoke"));
		for (size_t i = 0; i < n; i++) {
			const char *label_i = *t[i].label ? t[i].label : _("(no label)");
			html(w->out, "<tr><td>%s</td><td>%s</td><td>%s%s</td><td>", label_i, day_of(w, t[i].created_at),
			     day_of(w, t[i].expires_at), t[i].expires_at <= now ? _(" (expired)") : "");
			html(w->out, "<form method=\"post\" action=\"/tokens/%lld/revoke\" class=\"inline\">", t[i].id);
			form_csrf(w);
			html(w->out, "<button type=\"submit\" class=\"secondary\" aria-label=\"%s\">%s</button></form></td></tr>",
			     arena_printf(w->a, _("Revoke the token %s"), label_i), _("Revoke"));
		}
		html(w->out, "</tbody></table>\n");
	} else {
		html(w->out, "<p>%s</p>\n", _("You have no API tokens."));
	}
	html(w->out, "<h2>%s</h2>\n", _("Make an API token"));
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/tokens\">");
	form_csrf(w);
	form_input(w, "label", _("Label (what the token is for, such as the name of the script)"), "text", label, e, NULL);
	form_input(w, "days", arena_printf(w->a, _("Works for this many days (1 to %d)"), API_TOKEN_DAYS_MAX), "number",
		   days, e, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Make token"));
	page_end(w);
	w->r->status = status;
}

void page_tokens(struct web *w)
{
	tokens_page(w, NULL, 0, NULL, "", arena_printf(w->a, "%d", API_TOKEN_DAYS), 200);
}

void page_token_create(struct web *w)
{
	const char *label = web_field(w, "label"), *days_text = web_field(w, "days");
	/* out of range or not a number: -1, which the domain refuses with its message */
	long long days = web_field_int(w, "days", 0, 100000, -1);
	struct errors e = { 0 };
	char token[SECRET_HEX];
	long long expires = 0;
	int d = api_token_create(&w->ctx, w->who.account_id, label, days, (long long)time(NULL), token, &e, NULL, &expires);
	if (d == D_INVALID) {
		tokens_page(w, NULL, 0, &e, label, days_text, 422);
		return;
	}
	if (d) {
		web_error(w, 500, _("The API token could not be made. Try again later."));
		return;
	}
	/* shown once, on this answer; only its hash is kept */
	tokens_page(w, token, expires, NULL, "", arena_printf(w->a, "%d", API_TOKEN_DAYS), 200);
}

void page_token_revoke(struct web *w)
{
	struct api_token *t;
	size_t n;
	if (api_token_list(&w->ctx, w->who.account_id, &t, &n)) {
		web_error(w, 500, _("The API token could not be revoked. Try again later."));
		return;
	}
	const struct api_token *mine = NULL;
	for (size_t i = 0; i < n && !mine; i++)
		if (t[i].id == w->id[0])
			mine = &t[i];
	if (!mine) {
		web_not_found(w);
		return;
	}
	const char *label = *mine->label ? mine->label : _("without a label");
	if (!web_confirm(w, arena_printf(w->a, _("Are you sure you want to revoke the API token %s? Whatever uses it stops working at once. This cannot be undone."), label),
			 _("Yes, revoke"), "/tokens"))
		return;
	int d = api_token_revoke(&w->ctx, w->who.account_id, w->id[0]);
	if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d)
		web_error(w, 500, _("The API token could not be revoked. Try again later."));
	else
		web_redirect(w, "/tokens?done=token-revoked");
}
