/* search.c — the search page: what the user typed, the results they may
 * read with a highlighted snippet, each linking to its page. */
#include "web.h"
#include "domain/search.h"
#include "html/html.h"

#include <string.h>

static const char *kind_label(const char *kind)
{
	if (!strcmp(kind, "report"))
		return _("Meeting report");
	if (!strcmp(kind, "contribution"))
		return _("Contribution");
	if (!strcmp(kind, "learning_story"))
		return _("Learning story");
	if (!strcmp(kind, "logbook"))
		return _("Logbook");
	if (!strcmp(kind, "development_plan"))
		return _("Development plan");
	if (!strcmp(kind, "learning_question"))
		return _("Learning question");
	return kind;
}

void page_search(struct web *w)
{
	const char *q = web_arg(w, "q");
	if (!q)
		q = "";
	struct errors e = { 0 };
	struct search_result *res = NULL;
	size_t n = 0;
	int d = *q ? search_run(&w->ctx, q, &res, &n, &e) : D_OK;
	if (d == D_ERROR) {
		web_error(w, 500, _("The search failed. Try again later."));
		return;
	}
	page_begin(w, _("Search"));
	html(w->out, "<form method=\"get\" action=\"/search\" role=\"search\">");
	form_errors(w, d == D_INVALID ? &e : NULL);
	form_input(w, "q", _("Search for"), "search", q, d == D_INVALID ? &e : NULL, NULL);
	html(w->out, "<p class=\"hint\">%s</p><p><button type=\"submit\">%s</button></p></form>\n",
	     _("Searches reports, learning stories, your logbook and plans, and whatever has been shared with you. Word forms count: \"vergadering\" also finds \"vergaderingen\". End a word with * to search for its beginning."),
	     _("Search"));
	if (*q && d == D_OK) {
		html(w->out, "<h2>%s</h2>", arena_printf(w->a, ngettext("%zu result", "%zu results", n), n));
		if (!n)
			html(w->out, "<p>%s</p>", _("Nothing found that you may read. Try other or fewer words."));
		else
			html(w->out, "<ol class=\"results\">");
		for (size_t i = 0; i < n; i++) {
			html(w->out, "<li><p><a href=\"%s\">%s</a> <span class=\"muted\">%s</span></p><p class=\"snippet\">",
			     res[i].href, res[i].title, kind_label(res[i].kind));
			html_snippet(w->out, res[i].snippet);
			html(w->out, "</p></li>");
		}
		if (n)
			html(w->out, "</ol>");
	}
	page_end(w);
	if (d == D_INVALID)
		w->r->status = 422;
}
