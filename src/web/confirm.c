/* confirm.c — the question before a destructive action of a page: a
 * delete, a removal, a revocation. A handler calls web_confirm_* at its
 * start, after it has found the thing (so that nobody is asked about what
 * they may not reach: they get the handler's 404 as before); without
 * confirm=1 in the form the page asks, posting the same form again to the
 * same address with confirm=1, and the handler returns having changed
 * nothing. The API is not asked: an API client confirms by calling. */
#include "web.h"
#include "html/html.h"

#include <string.h>

bool web_confirmed(struct web *w)
{
	return !strcmp(web_field(w, "confirm"), "1");
}

bool web_confirm(struct web *w, const char *question, const char *yes, const char *back)
{
	return web_confirm_detail(w, question, NULL, yes, back);
}

bool web_confirm_detail(struct web *w, const char *question, const char *detail, const char *yes, const char *back)
{
	if (web_confirmed(w))
		return true;
	page_begin(w, _("Are you sure?"));
	html(w->out, "<p>%s</p>\n", question);
	if (detail)
		html_raw(w->out, detail);
	html(w->out, "<form method=\"post\" action=\"%s\">", w->r->path);
	form_csrf(w);
	/* every field as posted (the button's action=delete, the part's id...),
	 * except the token, which is the session's own above, and the answer */
	const struct kvlist *f = &w->r->form;
	for (size_t i = 0; i < f->n; i++) {
		const char *k = f->items[i].key;
		if (!strcmp(k, "csrf") || !strcmp(k, "confirm"))
			continue;
		html(w->out, "<input type=\"hidden\" name=\"%s\" value=\"%s\">", k, f->items[i].value);
	}
	html(w->out, "<input type=\"hidden\" name=\"confirm\" value=\"1\">"
		"<p class=\"actions\"><button type=\"submit\" class=\"danger\">%s</button> <a href=\"%s\">%s</a></p></form>\n",
	     yes, safe_next(back), _("No, go back"));
	page_end(w);
	return false;
}

bool web_confirm_delete(struct web *w, const char *what, const char *back)
{
	/* TRANSLATORS: %s names the thing: "the unit “Team Noord”" */
	return web_confirm(w, arena_printf(w->a, _("Are you sure you want to remove %s? This cannot be undone."), what), _("Yes, remove"), back);
}
