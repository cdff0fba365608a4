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
	if (!strcmp(kind, "case_session"))
		return _("Case of a session");
	if (!strcmp(kind, "session_action"))
		return _("Follow-up action");
	return kind;
}

/* Links to the previous and next page of results. */
static void search_pager(struct web *w, const char *q, long long page, bool more)
{
	if (page <= 1 && !more)
		return;
	const char *enc = url_encode(w->a, q);
	html(w->out, "<nav class=\"pager\" aria-label=\"%s\">", _("Pages"));
	if (page > 1)
		html(w->out, "<a href=\"/search?q=%s&amp;page=%lld\" rel=\"prev\">%s</a>", enc, page - 1, _("Previous page"));
	html(w->out, "<span>%s</span>", arena_printf(w->a, _("Page %lld"), page));
	if (more)
		html(w->out, "<a href=\"/search?q=%s&amp;page=%lld\" rel=\"next\">%s</a>", enc, page + 1, _("Next page"));
	html(w->out, "</nav>\n");
}

void page_search(struct web *w)
{
	const char *q = web_arg(w, "q");
	if (!q)
		q = "";
	long long page = web_arg_clamped(w, "page", 1, 1, SEARCH_PAGES_MAX);
	struct errors e = { 0 };
	struct search_result *res = NULL;
	size_t n = 0;
	bool more = false;
	int d = *q ? search_run(&w->ctx, q, page, &res, &n, &more, &e) : D_OK;
	if (d == D_ERROR) {
		web_error(w, 500, _("The search failed. Try again later."));
		return;
	}
	page_begin(w, _("Search"));
	html(w->out, "<form method=\"get\" action=\"/search\" role=\"search\">");
	form_errors(w, d == D_INVALID ? &e : NULL);
	form_input(w, "q", _("Search for"), "search", q, d == D_INVALID ? &e : NULL, NULL);
	html(w->out, "<p class=\"hint\">%s</p><p><button type=\"submit\">%s</button></p></form>\n",
	     _("Searches reports, learning stories, your logbook and plans, the cases and actions of your sessions, and whatever has been shared with you. Word forms count: \"vergadering\" also finds \"vergaderingen\". End a word with * to search for its beginning."),
	     _("Search"));
	if (*q && d == D_OK) {
		if (!n)
			html(w->out, "<h2>%s</h2><p>%s</p>", _("No results"),
			     page > 1 ? _("No more results. Go back to the previous page, or search with other words.")
				      : _("Nothing found that you may read. Try other or fewer words."));
		else if (page == 1 && !more)
			html(w->out, "<h2>%s</h2>", arena_printf(w->a, ngettext("%zu result", "%zu results", n), n));
		else
			html(w->out, "<h2>%s</h2>", arena_printf(w->a, _("Results %lld to %lld"),
								 (page - 1) * SEARCH_PAGE + 1, (page - 1) * SEARCH_PAGE + (long long)n));
		if (n && page == 1)
			html(w->out, "<ol class=\"results\">");
		else if (n)
			html(w->out, "<ol class=\"results\" start=\"%lld\">", (page - 1) * SEARCH_PAGE + 1);
		for (size_t i = 0; i < n; i++) {
			html(w->out, "<li><p><a href=\"%s\">%s</a> <span class=\"muted\">%s</span></p><p class=\"snippet\">",
			     res[i].href, res[i].title, kind_label(res[i].kind));
			html_snippet(w->out, res[i].snippet);
			html(w->out, "</p></li>");
		}
		if (n)
			html(w->out, "</ol>");
		search_pager(w, q, page, more && page < SEARCH_PAGES_MAX);
		if (more && page == SEARCH_PAGES_MAX)
			html(w->out, "<p>%s</p>", arena_printf(w->a, _("Only the first %d results are shown: add a word to find what you look for."),
								SEARCH_PAGE * SEARCH_PAGES_MAX));
	}
	page_end(w);
	if (d == D_INVALID)
		w->r->status = 422;
}
