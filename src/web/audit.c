/* audit.c — the audit log, page by page (administrator). */
#include "web.h"
#include "domain/audit.h"
#include "html/html.h"

#include <string.h>

#define AUDIT_PAGE 50
#define AUDIT_PAGES_MAX 1000000   /* a page number beyond it is the last page */

void page_audit(struct web *w)
{
	long long page = web_arg_clamped(w, "page", 1, 1, AUDIT_PAGES_MAX);
	struct audit_entry *e;
	size_t n;
	long long total;
	int r = audit_page(&w->ctx, (page - 1) * AUDIT_PAGE, AUDIT_PAGE, &e, &n, &total);
	if (!r && !n && page > 1 && total > 0) {   /* past the end: the last page */
		page = (total + AUDIT_PAGE - 1) / AUDIT_PAGE;
		r = audit_page(&w->ctx, (page - 1) * AUDIT_PAGE, AUDIT_PAGE, &e, &n, &total);
	}
	if (r) {
		web_error(w, 500, _("The audit log could not be read. Try again later."));
		return;
	}
	page_begin(w, _("Audit log"));
	html(w->out, "<p>%s</p>", _("Every change, every log-in and every read of someone's private text by someone else, newest first."));
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
			html(w->out, "<a href=\"/audit?page=%lld\" rel=\"prev\">%s</a>", page - 1, _("Newer"));
		html(w->out, "<span>%s</span>", arena_printf(w->a, _("Page %lld of %lld"), page, pages));
		if (page < pages)
			html(w->out, "<a href=\"/audit?page=%lld\" rel=\"next\">%s</a>", page + 1, _("Older"));
		html(w->out, "</nav>\n");
	}
	page_end(w);
}
