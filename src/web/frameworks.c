/* frameworks.c — the organisation's frameworks (VLOW, the leadership
 * compass, ...): a list and each framework's elements as a tree, with the
 * place in the seed they come from. (Editing them follows.) */
#include "web.h"
#include "domain/programme.h"
#include "html/html.h"

#include <string.h>

void page_frameworks(struct web *w)
{
	/* a new organisation gets the built-in frameworks on first look */
	if (actor_has(&w->who, ROLES_PROGRAMME_WRITE) && framework_install_all(&w->ctx)) {
		web_error(w, 500, _("The frameworks could not be read. Try again later."));
		return;
	}
	struct framework *f;
	size_t n;
	if (store_framework_list(w->st, w->a, w->who.organisation_id, &f, &n)) {
		web_error(w, 500, _("The frameworks could not be read. Try again later."));
		return;
	}
	page_begin(w, _("Frameworks"));
	html(w->out, "<p>%s</p>", _("Reference models that programmes use for their vocabulary: meeting parts and learning goals are tagged with their elements."));
	if (!n)
		html(w->out, "<p>%s</p>", _("There are no frameworks yet."));
	else {
		html(w->out, "<ul>");
		for (size_t i = 0; i < n; i++)
			html(w->out, "<li><a href=\"/frameworks/%lld\">%s</a> (%s)</li>", f[i].id, f[i].name,
			     arena_printf(w->a, ngettext("%lld element", "%lld elements", (unsigned long)f[i].elements), f[i].elements));
		html(w->out, "</ul>\n");
	}
	page_end(w);
}

static const char *source_label(struct web *w, const char *source)
{
	if (!strcmp(source, "leergang"))
		return _("leergang's own choice (the source says nothing about this)");
	return arena_printf(w->a, _("source: %s"), source);
}

void page_framework(struct web *w)
{
	struct framework f;
	int r = store_framework_get(w->st, w->a, w->who.organisation_id, w->id[0], &f);
	if (r == ST_NOTFOUND) {
		web_not_found(w);
		return;
	}
	struct framework_element *e;
	size_t n;
	if (r || store_element_list(w->st, w->a, w->who.organisation_id, f.id, &e, &n)) {
		web_error(w, 500, _("The framework could not be read. Try again later."));
		return;
	}
	page_begin(w, f.name);
	html(w->out, "<p><a href=\"/frameworks\">%s</a></p>", _("Back to frameworks"));
	if (*f.description)
		html(w->out, "<p>%s</p>", f.description);
	html(w->out, "<p class=\"muted\">%s</p>", source_label(w, f.source));
	html(w->out, "<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	     _("Element"), _("Kind"), _("Description"));
	for (size_t i = 0; i < n; i++)
		html(w->out, "<tr><td class=\"d%d\"><strong>%s</strong> %s</td><td>%s</td><td>%s<br><span class=\"muted\">%s</span></td></tr>",
		     e[i].depth > 8 ? 8 : e[i].depth, e[i].code, e[i].name, e[i].kind, e[i].description,
		     source_label(w, e[i].source));
	html(w->out, "</tbody></table>\n");
	page_end(w);
}
