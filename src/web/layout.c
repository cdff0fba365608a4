/* layout.c — the frame of every page (header with navigation by role,
 * language switch, log-out), form pieces, error pages and the style sheet.
 * Pages work without JavaScript; there is none. */
#include "web.h"
#include "domain/peer_group.h"
#include "html/html.h"
#include "core/compiler.h"

#include <string.h>

static const struct nav_item {
	const char *href, *label;
	unsigned roles;
} nav[] = {
	{ "/", N_("Home"), ACCESS_SIGNED_IN },
	{ "/units", N_("Organisation"), ROLES_UNITS_READ },
	{ "/people", N_("People"), ROLES_PEOPLE_READ },
	{ "/programmes", N_("Programmes"), ROLES_PROGRAMME_READ },
	{ "/frameworks", N_("Frameworks"), ROLES_PROGRAMME_READ },
	{ "/groups", N_("My groups"), ROLES_GROUP_MEMBER },
	/* and for anyone in a peer group (domain/peer_group.h: peer_group_any) */
	{ "/peer-groups", N_("Peer groups"), ROLES_PEER_MANAGE },
	{ "/network", N_("Recruitment network"), ROLES_SPREAD },
	{ "/spread", N_("Spread"), ROLES_SPREAD },
	{ "/logbook", N_("My logbook"), ROLE_BIT(ROLE_PARTICIPANT) },
	{ "/search", N_("Search"), ROLES_GROUP_TEXT },
	{ "/questionnaires", N_("Questionnaires"), ROLES_SURVEY },
	{ "/research", N_("Research"), ROLES_RESEARCH },
	{ "/accounts", N_("Accounts and roles"), ROLES_ADMIN },
	{ "/import", N_("Import"), ROLES_ADMIN },
	{ "/exports", N_("Exports"), ROLES_EXPORTS },
	{ "/audit", N_("Audit log"), ROLES_ADMIN },
};

static bool nav_current(struct web *w, const char *href)
{
	const char *p = w->r->path;
	size_t n = strlen(href);
	if (!strcmp(href, "/"))
		return !strcmp(p, "/");
	return !strncmp(p, href, n) && (p[n] == '\0' || p[n] == '/' || p[n] == '.');
}

void page_begin(struct web *w, const char *title)
{
	struct buf *b = w->out;
	enum lang other = w->lang == LANG_NL ? LANG_EN : LANG_NL;
	buf_reset(b);
	html(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		"<title>%s — leergang</title>\n<link rel=\"stylesheet\" href=\"/static/leergang.css\">\n"
		"</head>\n<body>\n<a class=\"skip\" href=\"#main\">%s</a>\n<header class=\"top\">\n"
		"<p class=\"brand\"><a href=\"/\">leergang</a>",
	     lang_code(w->lang), title, _("Skip to content"));
	if (w->signed_in)
		html(b, " <span class=\"org\">%s</span>", w->org_name ? w->org_name : "");
	html(b, "</p>\n");
	if (w->signed_in) {
		html(b, "<nav aria-label=\"%s\"><ul>", _("Main menu"));
		for (size_t i = 0; i < ARRAY_SIZE(nav); i++) {
			if (!(nav[i].roles & ACCESS_SIGNED_IN) && !(nav[i].roles & w->who.roles) &&
			    !(!strcmp(nav[i].href, "/peer-groups") && peer_group_any(&w->ctx)))
				continue;
			if (nav_current(w, nav[i].href))
				html(b, "<li><a href=\"%s\" aria-current=\"page\">%s</a></li>", nav[i].href, _(nav[i].label));
			else
				html(b, "<li><a href=\"%s\">%s</a></li>", nav[i].href, _(nav[i].label));
		}
		html(b, "</ul></nav>\n");
	}
	html(b, "<div class=\"user\">");
	/* where to come back after switching: this page with its query (a
	 * survey link carries its token there), without a done message */
	struct buf hb = BUF_INIT;
	buf_adds(&hb, w->r->path);
	for (size_t i = 0, k = 0; i < w->r->query.n; i++) {
		if (!strcmp(w->r->query.items[i].key, "done"))
			continue;
		buf_addf(&hb, "%c%s=%s", k++ ? '&' : '?', url_encode(w->a, w->r->query.items[i].key),
			 url_encode(w->a, w->r->query.items[i].value));
	}
	const char *here = arena_strdup(w->a, hb.ptr);
	buf_release(&hb);
	/* TRANSLATORS: the link that switches the interface to the other language, in that language */
	html(b, "<a href=\"/language?lang=%s&amp;next=%s\" lang=\"%s\">%s</a>", lang_code(other),
	     url_encode(w->a, here), lang_code(other), other == LANG_EN ? "English" : "Nederlands");
	if (w->signed_in) {
		html(b, " <a href=\"/password\">%s</a> <span class=\"who\">%s</span>"
			" <form method=\"post\" action=\"/logout\" class=\"inline\">",
		     _("Password"), w->who.display_name);
		form_csrf(w);
		html(b, "<button type=\"submit\">%s</button></form>", _("Log out"));
	}
	html(b, "</div>\n</header>\n<main id=\"main\">\n<h1>%s</h1>\n", title);
}

void page_end(struct web *w)
{
	html(w->out, "</main>\n<footer><p>leergang %s · <a href=\"/privacy\">%s</a> · <a href=\"/accessibility\">%s</a></p></footer>\n",
	     LG_VERSION, _("Privacy statement"), _("Accessibility statement"));
	/* the script only on pages with a people picker (a respondent's page
	 * has none): without it the page works the same, by its own search */
	if (w->picker_script)
		html(w->out, "<script src=\"/static/picker.js\"></script>\n");
	if (w->session_script)
		html(w->out, "<script src=\"/static/session.js\"></script>\n");
	if (w->research_script)
		html(w->out, "<script src=\"/static/research.js\"></script>\n");
	html(w->out, "</body>\n</html>\n");
}

void form_csrf(struct web *w)
{
	const char *tok = w->csrf ? w->csrf : web_prelogin_token(w);
	html(w->out, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">", tok);
}

/* The id of a field's element: kind ("f" the field, "e" its error, "h"
 * its hint), the page's form prefix (w->form_id) and the field's name, so
 * that a page with a form per row has each id once. */
static const char *field_id(struct web *w, const char *kind, const char *name)
{
	return arena_printf(w->a, "%s-%s%s", kind, w->form_id ? w->form_id : "", name);
}

void form_errors(struct web *w, const struct errors *e)
{
	if (!e || !e->n)
		return;
	html(w->out, "<div class=\"error\" role=\"alert\"><p>%s</p><ul>",
	     e->n == 1 ? _("Please correct this:") : _("Please correct these points:"));
	for (size_t i = 0; i < e->n; i++) {
		if (e->items[i].field[0])
			html(w->out, "<li><a href=\"#%s\">%s</a></li>", field_id(w, "f", e->items[i].field), e->items[i].message);
		else
			html(w->out, "<li>%s</li>", e->items[i].message);
	}
	html(w->out, "</ul></div>\n");
}

void form_input(struct web *w, const char *name, const char *label, const char *type, const char *value,
		const struct errors *e, const char *autocomplete)
{
	const char *err = e ? errors_get(e, name) : NULL;
	const char *id = field_id(w, "f", name), *eid = field_id(w, "e", name);
	html(w->out, "<p class=\"field%s\"><label for=\"%s\">%s</label>", err ? " invalid" : "", id, label);
	if (err)
		html(w->out, "<span class=\"field-error\" id=\"%s\">%s</span>", eid, err);
	html(w->out, "<input id=\"%s\" name=\"%s\" type=\"%s\" value=\"%s\" autocomplete=\"%s\"", id, name, type,
	     value ? value : "", autocomplete ? autocomplete : "off");
	if (err)
		html(w->out, " aria-invalid=\"true\" aria-describedby=\"%s\"", eid);
	html(w->out, "></p>\n");
}

void form_textarea(struct web *w, const char *name, const char *label, const char *value, const struct errors *e,
		   const char *hint)
{
	const char *err = e ? errors_get(e, name) : NULL;
	const char *id = field_id(w, "f", name), *eid = field_id(w, "e", name), *hid = field_id(w, "h", name);
	html(w->out, "<p class=\"field%s\"><label for=\"%s\">%s</label>", err ? " invalid" : "", id, label);
	if (hint)
		html(w->out, "<span class=\"hint\" id=\"%s\">%s</span>", hid, hint);
	if (err)
		html(w->out, "<span class=\"field-error\" id=\"%s\">%s</span>", eid, err);
	html(w->out, "<textarea id=\"%s\" name=\"%s\" rows=\"4\"", id, name);
	if (err || hint)
		html(w->out, " aria-describedby=\"%s%s%s\"", err ? eid : "", err && hint ? " " : "", hint ? hid : "");
	if (err)
		html(w->out, " aria-invalid=\"true\"");
	html(w->out, ">%s</textarea></p>\n", value ? value : "");
}

static const struct {
	const char *code, *message;
} done_messages[] = {
	{ "unit-created", N_("The unit has been added.") },
	{ "peer-group-active", N_("The group is active again.") },
	{ "peer-group-inactive", N_("The group is no longer active. Its people can still read its sessions.") },
	{ "peer-member-saved", N_("The person has been added to the group, or their role changed.") },
	{ "peer-member-removed", N_("The person is no longer in the group. The sessions they took part in stay.") },
	{ "presentation-saved", N_("The presentation has been recorded.") },
	{ "method-copied", N_("The method of your own has been made. Change its steps below.") },
	{ "method-step-added", N_("The step has been added.") },
	{ "method-step-removed", N_("The last step has been removed.") },
	{ "method-removed", N_("The method has been removed.") },
	{ "method-step-saved", N_("The step has been saved. Sessions started from now on follow it.") },
	{ "retention-saved", N_("The retention periods have been saved. The next nightly run applies them.") },
	{ "person-erased", N_("The person has been erased: what had to stay is kept without name, e-mail or employee number.") },
	{ "wave-closed", N_("The wave has been closed: its links answer no more, and its results are shown from 5 responses.") },
	{ "unit-updated", N_("The unit has been changed.") },
	{ "unit-deleted", N_("The unit has been removed.") },
	{ "account-created", N_("The account has been created.") },
	{ "invited", N_("The invitation is on its way: the account can sign in once its owner has set a password through the link.") },
	{ "invited-again", N_("The invitation has been sent again; the link of the earlier one no longer works.") },
	{ "bulk-invited", N_("The invitations are on their way.") },
	{ "account-deactivated", N_("The account has been switched off: it cannot sign in, and its sessions, API tokens and links have ended.") },
	{ "account-reactivated", N_("The account has been switched on again.") },
	{ "invitation-accepted", N_("Your password has been set and you are logged in. Welcome to leergang.") },
	{ "sessions-ended", N_("Every session of the account has ended.") },
	{ "role-added", N_("The role has been given.") },
	{ "role-removed", N_("The role has been taken away.") },
	{ "password-changed", N_("Your password has been changed. Other sessions have been logged out and your API tokens no longer work.") },
	{ "password-reset", N_("Your new password has been set and you are logged in. Every other session has been logged out and your API tokens no longer work.") },
	{ "token-revoked", N_("The API token has been revoked; it no longer works.") },
	{ "imported", N_("The import is done.") },
	{ "programme-created", N_("The programme has been made from the template. Check its design below.") },
	{ "programme-updated", N_("The design has been saved.") },
	{ "impact-saved", N_("The impact map has been saved.") },
	{ "impact-removed", N_("The outcome has been removed from the impact map.") },
	{ "batch-created", N_("The batch has been added.") },
	{ "group-created", N_("The group has been added.") },
	{ "staff-saved", N_("The mentor and facilitator have been saved.") },
	{ "enrolled", N_("The participants have been enrolled. Next: record how each came to take part, with the link in their row.") },
	{ "referral-saved", N_("It has been recorded how this person came to take part. Add another if more than one applies.") },
	{ "referral-removed", N_("The referral has been removed.") },
	{ "attendee-saved", N_("The person has been added to who was there.") },
	{ "research-created", N_("The research project has been started. Add sources and codes next.") },
	{ "research-member", N_("The researcher is now a member of the project.") },
	{ "research-code", N_("The code has been added to the code book.") },
	{ "research-code-removed", N_("The code has been removed, with the codes under it and their codings.") },
	{ "research-framework", N_("The framework's elements are in the code book.") },
	{ "research-memo", N_("The memo has been saved.") },
	{ "research-term", N_("The word will be replaced in exports.") },
	{ "research-source", N_("The source has been added. Tick sentences to code them.") },
	{ "research-passage", N_("The coding has been saved.") },
	{ "research-passage-removed", N_("The coded passage has been removed.") },
	{ "research-saved", N_("The name and purpose of the project have been saved.") },
	{ "research-removed", N_("The research project has been removed.") },
	{ "research-code-saved", N_("The code has been saved.") },
	{ "research-memo-removed", N_("The memo has been removed.") },
	{ "research-term-removed", N_("The word is no longer replaced in exports.") },
	{ "fieldwork-saved", N_("The fieldwork has been recorded.") },
	{ "fieldwork-removed", N_("The entry has been removed from the fieldwork register.") },
	{ "attendee-removed", N_("The person has been removed from who was there.") },
	{ "status-changed", N_("The status has been changed.") },
	{ "statuses-changed", N_("The statuses have been changed.") },
	{ "meeting-planned", N_("The meeting has been planned.") },
	{ "meeting-changed", N_("The meeting has been changed; calendars get the new version.") },
	{ "choice-saved", N_("The choice has been saved.") },
	{ "attendance-saved", N_("The attendance has been saved.") },
	{ "selection-saved", N_("The selection has been saved.") },
	{ "design-saved", N_("The design has been saved.") },
	{ "example-added", N_("The example has been added to the register.") },
	{ "example-shared", N_("Your case has been shared as a practice example, without your name.") },
	{ "catalogue-saved", N_("The learning form has been saved: its values are now marked as your organisation's own.") },
	{ "logbook-saved", N_("Your entry has been saved.") },
	{ "question-saved", N_("Your learning question has been saved.") },
	{ "intake-saved", N_("The intake has been saved.") },
	{ "closing-saved", N_("The closing talk has been saved.") },
	{ "plan-saved", N_("Your development plan has been saved.") },
	{ "pair-saved", N_("The pair has been saved.") },
	{ "buddy-paired", N_("The buddy pair has been recorded; it is in the list of pairs below.") },
	{ "buddy-ended", N_("The buddy pair has been ended; it stays in the history below.") },
	{ "logbook-shared", N_("Who may read the entry has been saved.") },
	{ "consent-saved", N_("The consent for research has been saved.") },
	{ "logbook-removed", N_("The entry has been removed.") },
	{ "report-saved", N_("The report has been saved as a draft.") },
	{ "report-updated", N_("The report has been saved; the group reads the new version.") },
	{ "report-published", N_("The report has been published to the group.") },
	{ "report-draft", N_("The report is a draft again; the group no longer reads it.") },
	{ "contribution-saved", N_("Your contribution has been saved.") },
	{ "contribution-placed", N_("The contribution has been changed in the report.") },
	{ "story-saved", N_("The learning story has been saved.") },
	{ "story-bundled", N_("The learning story has been bundled and given to the group.") },
	{ "instrument-added", N_("The questionnaire has been added to the organisation.") },
	{ "wave-created", N_("The wave has been started; download the personal links for the mail merge below.") },
	{ "version-made", N_("The new version has been saved; new waves get it, waves already sent keep theirs.") },
	{ "feed-created", N_("Your calendar link has been made. Add it to your calendar program as a subscription.") },
	{ "feed-revoked", N_("The calendar link has been revoked; it no longer works.") },
};

void page_sections(struct web *w, const struct page_section *s, size_t n)
{
	size_t shown = 0;
	for (size_t i = 0; i < n; i++)
		shown += s[i].shown;
	if (shown < 3)
		return;
	html(w->out, "<nav class=\"sections\" aria-label=\"%s\"><p>%s</p><ul>", _("On this page"), _("On this page"));
	for (size_t i = 0; i < n; i++)
		if (s[i].shown)
			html(w->out, "<li><a href=\"#%s\">%s</a></li>", s[i].id, s[i].label);
	html(w->out, "</ul></nav>\n");
}

void page_done_message(struct web *w)
{
	const char *code = web_arg(w, "done");
	if (!code)
		return;
	for (size_t i = 0; i < ARRAY_SIZE(done_messages); i++)
		if (!strcmp(code, done_messages[i].code))
			html(w->out, "<p class=\"done\" role=\"status\">%s</p>\n", _(done_messages[i].message));
}

static const char *status_title(int status)
{
	switch (status) {
	case 400: return _("The request could not be read");
	case 401: return _("Log in first");
	case 403: return _("No access");
	case 404: return _("Page not found");
	case 405: return _("Action not possible here");
	case 413: return _("The upload is too large");
	case 422: return _("Check your input");
	case 431: return _("The request has too many or too long headers");
	case 501: return _("The request cannot be handled");
	case 503: return _("leergang is not available right now");
	default: return _("Something went wrong");
	}
}

/* Whether the request came in on an API route: a handler that serves a
 * page and its API twin alike (a download) then answers errors in JSON. */
static bool on_api_route(const struct web *w)
{
	return w->route && w->route->kind == ROUTE_API;
}

void web_error(struct web *w, int status, const char *message)
{
	if (on_api_route(w)) {
		web_json_error(w, status, message);
		return;
	}
	page_begin(w, status_title(status));
	html(w->out, "<p>%s</p>\n<p><a href=\"/\">%s</a></p>\n", message, _("Go to the home page"));
	page_end(w);
	w->r->status = status;
	w->r->response_type = NULL;
}

void web_not_found(struct web *w)
{
	if (on_api_route(w))
		web_json_error(w, 404, _("There is nothing with this number that you may see."));
	else
		web_error(w, 404, _("There is nothing at this address, or it is not in your organisation. Check the link."));
}

/* Answers of the server itself (413, 431, 400, 501, 503) in the browser's language. */
void web_error_page(struct request *r, void *app, int status)
{
	struct web w = { 0 };
	w.r = r;
	w.a = r->a;
	w.out = &r->out;
	const char *accept = request_header(r, "Accept-Language");
	w.lang = accept ? lang_from_accept(accept) : LANG_NL;
	i18n_use(w.lang);
	const char *msg = status == 413 ? _("The file or form is larger than leergang accepts (10 MB). Split the file and try again.")
		: status == 431 ? _("Your browser sent more or longer headers than leergang accepts. Remove cookies for this site and try again.")
		: status == 503 ? _("The database cannot be reached. Try again in a minute; if this goes on, tell the administrator.")
		: status == 501 ? _("The request was sent with a transfer coding that leergang does not support. Send it without one, or chunked.")
		: r->bad_framing ? _("The request gave the length of its content twice or in two ways (Content-Length and Transfer-Encoding). "
				     "Send it with one length.")
		: _("The address or the form contains characters that are not allowed (for example invalid UTF-8). Check what you typed.");
	if (!strncmp(r->path ? r->path : "", "/api/", 5)) {
		web_json_error(&w, status, msg);
		return;
	}
	web_error(&w, status, msg);
}

void page_static_css(struct web *w)
{
	static const char css[] =
		":root{--ink:#1b1b1b;--muted:#4a4a4a;--line:#c8c8c8;--accent:#154273;--bg:#fff;--soft:#f3f5f8;"
		"--err:#a4000f;--ok:#1d6b2a}\n"
		"*{box-sizing:border-box}\n"
		"body{margin:0;font:1rem/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--ink);background:var(--bg)}\n"
		"a{color:var(--accent)}\na:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #e17000;outline-offset:2px}\n"
		".skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:9}\n"
		"header.top{display:flex;flex-wrap:wrap;align-items:center;gap:1rem;padding:.6rem 1.2rem;background:var(--accent);color:#fff}\n"
		"header.top a{color:#fff}\n.brand{margin:0;font-weight:700}.brand .org{font-weight:400;margin-left:.6rem}\n"
		"nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.2rem 1rem;margin:0;padding:0}\n"
		"nav a[aria-current]{font-weight:700;text-decoration-thickness:3px}\n"
		"nav.sections{margin:1rem 0;padding:.5rem .8rem;border-left:4px solid var(--line);background:var(--soft)}\n"
		"nav.sections p{margin:0 0 .2rem;font-weight:600}\n"
		".user{margin-left:auto;display:flex;gap:.8rem;align-items:center;flex-wrap:wrap}\n"
		".user button{background:none;border:1px solid #fff;color:#fff;padding:.2rem .6rem;border-radius:3px;cursor:pointer;font:inherit}\n"
		"main{max-width:72rem;margin:0 auto;padding:1rem 1.2rem 3rem}\nfooter{color:var(--muted);padding:1rem 1.2rem;border-top:1px solid var(--line)}\n"
		"table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
		"th{background:var(--soft)}\n"
		"form.inline{display:inline}\nlabel{display:block;font-weight:600}\nlabel.inline{display:inline;font-weight:400;margin-right:.8rem}\n"
		"fieldset.attendance{margin:.3rem 0;padding:.3rem .8rem}fieldset.attendance legend{font-weight:600}\n"
		"input,select,textarea{font:inherit;padding:.35rem .5rem;border:1px solid #6b6b6b;border-radius:3px;max-width:100%}\n"
		"[hidden]{display:none!important}\n"  /* the attribute wins over the display of buttons below */
		"button,.button{font:inherit;background:var(--accent);color:#fff;border:0;padding:.45rem 1rem;border-radius:3px;cursor:pointer;text-decoration:none;display:inline-block}\n"
		"button.secondary{background:#fff;color:var(--accent);border:1px solid var(--accent)}\n"
		"button.danger{background:var(--err)}\n"
		".field{margin:.8rem 0}.field.invalid input{border:2px solid var(--err)}\n"
		".field-error{display:block;color:var(--err);font-weight:600}\n"
		"blockquote.question,blockquote.contribution,.md blockquote{border-left:4px solid var(--accent);margin:.6rem 0;"
		"padding:.4rem 1rem;background:var(--soft)}\n"
		"details.preview{border:1px solid #ccc;padding:.4rem 1rem}\n"
		"figure.chart{margin:1rem 0;max-width:760px}figure.chart svg{width:100%;height:auto}\n"
		"figure.network{max-width:1000px}\n"
		"summary>h2{display:inline-block;margin:.5rem 0}summary{cursor:pointer}\n"
		"figure.chart figcaption{font-weight:600;margin:0 0 .3rem}\n"
		"table.chart-data td.hidden{color:var(--muted);font-style:italic;"
		"background:repeating-linear-gradient(45deg,#fff 0 6px,#ececec 6px 9px)}\n"
		"table.chart-data tfoot td{color:var(--muted)}\n"
		"article.story section{border-top:1px solid #ddd;margin-top:1.5rem}\n"
		/* what people type may be one long word: it wraps, the page never scrolls sideways */
		".open-answers li,.md{overflow-wrap:anywhere}td{overflow-wrap:break-word}\n"
		/* a table with a column per circle is wider than the page: it scrolls inside itself */
		"table.spread{display:block;overflow-x:auto;max-width:100%}\n"
		/* on a phone a wide table scrolls inside itself, never the page */
		"@media (max-width:40rem){table{display:block;overflow-x:auto;max-width:100%}main{padding:1rem .6rem 3rem}}\n"
		/* printed (a list, results): the content only, no menus, forms or buttons */
		"@media print{header.top,nav,footer,form,button,.skip,.user{display:none!important}"
		"main{max-width:none;padding:0}table{display:table!important;page-break-inside:auto}tr{page-break-inside:avoid}"
		"figure.chart{page-break-inside:avoid}a{color:inherit;text-decoration:none}body{font-size:11pt}}\n"
		/* research: a code's place in its tree, its colour, the sentences to tick */
		".depth-1{margin-left:1.5em}.depth-2{margin-left:3em}.depth-3{margin-left:4.5em}.depth-4{margin-left:6em}"
		".depth-5{margin-left:7.5em}.depth-6{margin-left:9em}th.depth-1{margin:0;padding-left:1.5em}"
		"th.depth-2{margin:0;padding-left:3em}th.depth-3{margin:0;padding-left:4.5em}th.depth-4{margin:0;padding-left:6em}"
		"th.depth-5{margin:0;padding-left:7.5em}th.depth-6{margin:0;padding-left:9em}\n"
		"label.block{display:block}.swatch{vertical-align:middle;border:1px solid #555}\n"
		".segments div{margin:0 0 .8rem}.segments label{display:inline;line-height:1.8;font-weight:400}"
		".segments label.coded{background:#eef6ee;border-bottom:2px solid #2c7a2c}\n"
		".visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}\n"
		".hint{display:block;color:var(--muted)}\ntextarea{width:100%;max-width:48rem}\n"
		".field.invalid textarea,.field.invalid select{border:2px solid var(--err)}\n"
		".warn{border-left:5px solid #b35900;background:#fff6ea;padding:.6rem 1rem;margin:1rem 0}\n"
		".status-stopped{color:var(--muted)}\n"
		".error{border-left:5px solid var(--err);background:#fdf0f1;padding:.6rem 1rem;margin:1rem 0}\n"
		".done{border-left:5px solid var(--ok);background:#eef7ef;padding:.6rem 1rem}\n"
		".pre{white-space:pre-wrap}\n.step .instruction{font-size:1.25rem}\n"
		".projector{font-size:1.8rem;line-height:1.4}.projector h2{font-size:2.4rem}\n"
		".muted{color:var(--muted)}\n.tree{list-style:none;padding-left:1.2rem}.tree>li{margin:.2rem 0}\n"
		".cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem;padding:0;list-style:none}\n"
		".cards li{border:1px solid var(--line);border-radius:4px;padding:1rem;background:var(--soft)}\n"
		".pager{display:flex;gap:1rem;align-items:center}\n"
		".picker{display:block;margin:.2rem 0}.picker-list{list-style:none;margin:0 0 .4rem;padding:0;border:1px solid var(--line);"
		"max-width:40rem}.picker-list li{padding:.3rem .6rem;cursor:pointer}"
		".picker-list li[aria-selected=true]{background:var(--soft);outline:2px solid var(--focus,#1a4d8f)}\n"
		".tasks{list-style:none;padding:0}.tasks li{border-left:5px solid var(--line);padding:.5rem 1rem;margin:.4rem 0;"
		"background:var(--soft)}.tasks li.late{border-left-color:var(--err)}\n"
		".tag{font-size:.85em;color:var(--err);text-transform:uppercase;letter-spacing:.03em}\n"
		"fieldset{border:1px solid var(--line);margin:1rem 0;padding:.6rem 1rem}\n"
		"details{margin:.6rem 0}\n"
		/* the respondent's page: its parts, the purpose as typed, "weet niet" set apart */
		"fieldset.part{border:0;border-top:3px solid var(--accent);padding:.4rem 0;margin:1.5rem 0}"
		"fieldset.part>legend h2{margin:.4rem 0}.part-of{display:block;font-size:.95rem;font-weight:400;color:var(--muted)}"
		".purpose{white-space:pre-line}.point.dont-know{margin-left:1rem}\n"
		".d1{padding-left:1.8rem}.d2{padding-left:3.2rem}.d3{padding-left:4.6rem}.d4{padding-left:6rem}"
		".d5{padding-left:7.4rem}.d6{padding-left:8.8rem}.d7{padding-left:10.2rem}.d8{padding-left:11.6rem}\n";
	w->r->response_type = "text/css; charset=utf-8";
	response_header(w->r, "Cache-Control", "public, max-age=3600");
	buf_add(w->out, css, sizeof(css) - 1);
}
