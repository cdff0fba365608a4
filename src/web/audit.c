/* audit.c — the audit log, page by page, with its filters (administrator):
 * who, which kind of action, from and up to which day, as GET arguments
 * that the page links keep. */
#include "web.h"
#include "domain/audit.h"
#include "html/html.h"

#include <string.h>

#define AUDIT_PAGE 50
#define AUDIT_PAGES_MAX 1000000   /* a page number beyond it is the last page */

static const char *const filter_names[] = { "who", "action", "from", "to" };

/* "&who=...&action=..." of the filters given (URL-encoded), for the page links. */
static const char *filter_query(struct web *w)
{
	const char *q = "";
	for (size_t i = 0; i < sizeof(filter_names) / sizeof(filter_names[0]); i++) {
		const char *v = web_arg(w, filter_names[i]);
		if (v && *v)
			q = arena_printf(w->a, "%s&%s=%s", q, filter_names[i], url_encode(w->a, v));
	}
	return q;
}

static const char *arg(struct web *w, const char *name)
{
	const char *v = web_arg(w, name);
	return v ? v : "";
}

static void filter_form(struct web *w, const struct errors *e)
{
	html(w->out, "<form method=\"get\" action=\"/audit\" class=\"filters\"><fieldset><legend>%s</legend>", _("Filter"));
	form_input(w, "who", _("Who (part of a name or e-mail address)"), "search", arg(w, "who"), e, NULL);
	const char *err = errors_get(e, "action"), *chosen = arg(w, "action");
	html(w->out, "<p class=\"field%s\"><label for=\"f-action\">%s</label>", err ? " invalid" : "", _("Kind of action"));
	if (err)
		html(w->out, "<span class=\"field-error\" id=\"e-action\">%s</span>", err);
	html(w->out, "<select id=\"f-action\" name=\"action\"%s><option value=\"\">%s</option>",
	     err ? " aria-invalid=\"true\" aria-describedby=\"e-action\"" : "", _("every kind"));
	for (size_t i = 0; i < audit_action_count(); i++) {
		const char *code = audit_action_code(i);
		html(w->out, "<option value=\"%s\"%s>%s</option>", code, strcmp(code, chosen) ? "" : " selected",
		     audit_action_label(code));
	}
	html(w->out, "</select></p>");
	form_input(w, "from", _("From (date)"), "date", arg(w, "from"), e, NULL);
	form_input(w, "to", _("Up to and including (date)"), "date", arg(w, "to"), e, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button> <a href=\"/audit\">%s</a></p></fieldset></form>\n",
	     _("Show"), _("Every line"));
}

void page_audit(struct web *w)
{
	long long page = web_arg_clamped(w, "page", 1, 1, AUDIT_PAGES_MAX);
	struct audit_query q = { web_arg(w, "who"), web_arg(w, "action"), web_arg(w, "from"), web_arg(w, "to") };
	struct errors err = { 0 };
	struct audit_entry *e;
	size_t n;
	long long total;
	int r = audit_search(&w->ctx, &q, &err, (page - 1) * AUDIT_PAGE, AUDIT_PAGE, &e, &n, &total);
	if (!r && !n && page > 1 && total > 0) {   /* past the end: the last page */
		page = (total + AUDIT_PAGE - 1) / AUDIT_PAGE;
		err.n = 0;
		r = audit_search(&w->ctx, &q, &err, (page - 1) * AUDIT_PAGE, AUDIT_PAGE, &e, &n, &total);
	}
	if (r) {
		web_error(w, 500, _("The audit log could not be read. Try again later."));
		return;
	}
	page_begin(w, _("Audit log"));
	html(w->out, "<p>%s</p>", _("Every change, every log-in and every read of someone's private text by someone else, newest first."));
	form_errors(w, &err);
	filter_form(w, &err);
	const char *fq = filter_query(w);
	bool filtered = *fq != '\0';
	html(w->out, "<p role=\"status\">%s</p>",
	     arena_printf(w->a, filtered ? ngettext("%lld line matches the filter.", "%lld lines match the filter.", (unsigned long)total)
					 : ngettext("%lld line.", "%lld lines.", (unsigned long)total),
			  total));
	html(w->out, "<table tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		"<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	     _("When"), _("Who"), _("Action"), _("Object"), _("Details"));
	for (size_t i = 0; i < n; i++) {
		const char *label = audit_action_label(e[i].action);
		html(w->out, "<tr><td><time datetime=\"%s\">%s</time></td><td>%s</td><td>", e[i].at, audit_when(w->a, e[i].at),
		     e[i].actor);
		if (strcmp(label, e[i].action))  /* the words, and the action as recorded */
			html(w->out, "%s <span class=\"muted\">(%s)</span>", label, e[i].action);
		else
			html(w->out, "%s", e[i].action);
		html(w->out, "</td><td>%s %lld</td><td>%s</td></tr>", e[i].object_kind, e[i].object_id, e[i].detail);
	}
	html(w->out, "</tbody></table>\n");
	long long pages = (total + AUDIT_PAGE - 1) / AUDIT_PAGE;
	if (pages > 1) {
		html(w->out, "<nav class=\"pager\" aria-label=\"%s\">", _("Pages"));
		if (page > 1)
			html(w->out, "<a href=\"/audit?page=%lld%s\" rel=\"prev\">%s</a>", page - 1, fq, _("Newer"));
		html(w->out, "<span>%s</span>", arena_printf(w->a, _("Page %lld of %lld"), page, pages));
		if (page < pages)
			html(w->out, "<a href=\"/audit?page=%lld%s\" rel=\"next\">%s</a>", page + 1, fq, _("Older"));
		html(w->out, "</nav>\n");
	}
	page_end(w);
	if (err.n)
		w->r->status = 422;
}
