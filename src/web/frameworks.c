/* frameworks.c — the organisation's frameworks (VLOW, the leadership
 * compass, ...): a list and each framework's elements as a tree, with the
 * place in the seed they come from. The coach changes an element's name,
 * kind and description, and adds elements of the organisation's own. */
#include "web.h"
#include "domain/framework.h"
#include "html/html.h"

#include <stdlib.h>
#include <string.h>

void page_frameworks(struct web *w)
{
	struct framework *f;
	size_t n;
	if (framework_list(&w->ctx, &f, &n)) {
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

/* The elements as a table, each linked to its page for the coach. */
static void elements_table(struct web *w, const struct framework_view *v, bool coach)
{
	const struct framework_element *e = v->elements;
	html(w->out, "<table tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	     _("Element"), _("Kind"), _("Description"));
	for (size_t i = 0; i < v->nelements; i++) {
		html(w->out, "<tr><td class=\"d%d\"><strong>%s</strong> ", e[i].depth > 8 ? 8 : e[i].depth, e[i].code);
		if (coach)
			html(w->out, "<a href=\"/frameworks/%lld/elements/%lld\">%s</a>", v->f.id, e[i].id, e[i].name);
		else
			html(w->out, "%s", e[i].name);
		if (e[i].synonyms && *e[i].synonyms)
			html(w->out, "<br><span class=\"synonyms\">%s</span>",
			     arena_printf(w->a, _("Also called: %s"), e[i].synonyms));
		html(w->out, "</td><td>%s</td><td>%s<br><span class=\"muted\">%s</span></td></tr>", e[i].kind, e[i].description,
		     *e[i].source ? source_label(w, e[i].source) : _("added by your organisation"));
	}
	html(w->out, "</tbody></table>\n");
}

/* The coach's form for a new element, under any element or at the top. */
static void element_add_form(struct web *w, const struct framework_view *v, const struct errors *err)
{
	const struct framework_element *e = v->elements;
	html(w->out, "<h2 id=\"add\">%s</h2>", _("Add an element"));
	form_errors(w, err);
	html(w->out, "<form method=\"post\" action=\"/frameworks/%lld/elements\">", v->f.id);
	form_csrf(w);
	form_input(w, "code", _("Code"), "text", err ? web_field(w, "code") : "", err, NULL);
	form_input(w, "name", _("Name"), "text", err ? web_field(w, "name") : "", err, NULL);
	form_input(w, "kind", _("Kind"), "text", err ? web_field(w, "kind") : "", err, NULL);
	html(w->out, "<p class=\"field\"><label for=\"f-parent\">%s</label><select id=\"f-parent\" name=\"parent\"><option value=\"0\">%s</option>",
	     _("Under"), _("(top level)"));
	for (size_t i = 0; i < v->nelements; i++)
		html(w->out, "<option value=\"%lld\">%s %s</option>", e[i].id, e[i].code, e[i].name);
	html(w->out, "</select></p>");
	form_textarea(w, "description", _("Description"), err ? web_field(w, "description") : "", err, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Add element"));
}

static void framework_page(struct web *w, const struct errors *err, int status)
{
	struct framework_view v;
	int d = framework_open(&w->ctx, w->id[0], &v);
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (d) {
		web_error(w, 500, _("The framework could not be read. Try again later."));
		return;
	}
	page_begin(w, v.f.name);
	page_done_message(w);
	html(w->out, "<p><a href=\"/frameworks\">%s</a></p>", _("Back to frameworks"));
	if (*v.f.description)
		html(w->out, "<p>%s</p>", v.f.description);
	html(w->out, "<p class=\"muted\">%s</p>", source_label(w, v.f.source));
	bool coach = actor_has(&w->who, ROLES_PROGRAMME_WRITE);
	elements_table(w, &v, coach);
	if (coach)
		element_add_form(w, &v, err);
	page_end(w);
	w->r->status = status;
}

void page_framework(struct web *w)
{
	framework_page(w, NULL, 200);
}

void page_framework_element_add(struct web *w)
{
	struct framework_element e = { 0 };
	e.framework_id = w->id[0];
	e.parent_id = *web_field(w, "parent") ? web_field_id(w, "parent") : 0;  /* 0: at the top */
	e.code = (char *)web_field(w, "code");
	e.name = (char *)web_field(w, "name");
	e.kind = (char *)web_field(w, "kind");
	e.description = (char *)web_field(w, "description");
	struct errors err = { 0 };
	int d = D_INVALID;
	if (e.parent_id < 0)
		errors_add(&w->ctx, &err, "parent", "%s", _("Choose where the element goes from the list."));
	else
		d = framework_element_save(&w->ctx, &e, &err, NULL);
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/frameworks/%lld?done=design-saved", w->id[0]));
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_INVALID)
		framework_page(w, &err, 422);
	else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

static void element_page(struct web *w, const struct errors *err, int status)
{
	struct framework f;
	struct framework_element element, *el = &element;
	int d = framework_element_open(&w->ctx, w->id[0], w->id[1], &f, &element);
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (d) {
		web_error(w, 500, _("The framework could not be read. Try again later."));
		return;
	}
	page_begin(w, arena_printf(w->a, "%s %s", el->code, el->name));
	html(w->out, "<p><a href=\"/frameworks/%lld\">%s</a></p>", f.id, arena_printf(w->a, _("Back to %s"), f.name));
	html(w->out, "<p class=\"muted\">%s</p>", *el->source ? source_label(w, el->source) : _("added by your organisation"));
	form_errors(w, err);
	html(w->out, "<form method=\"post\" action=\"/frameworks/%lld/elements/%lld\">", f.id, el->id);
	form_csrf(w);
	form_input(w, "name", _("Name"), "text", err ? web_field(w, "name") : el->name, err, NULL);
	form_input(w, "kind", _("Kind"), "text", err ? web_field(w, "kind") : el->kind, err, NULL);
	form_input(w, "synonyms", _("Other names (synonyms, separated by commas)"), "text",
		   err ? web_field(w, "synonyms") : el->synonyms, err, NULL);
	form_textarea(w, "description", _("Description"), err ? web_field(w, "description") : el->description, err, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Save"));
	page_end(w);
	w->r->status = status;
}

void page_framework_element(struct web *w)
{
	element_page(w, NULL, 200);
}

void page_framework_element_save(struct web *w)
{
	struct framework_element e = { 0 };
	e.id = w->id[1];
	e.framework_id = w->id[0];
	e.name = (char *)web_field(w, "name");
	e.kind = (char *)web_field(w, "kind");
	e.description = (char *)web_field(w, "description");
	e.synonyms = (char *)web_field(w, "synonyms");
	struct errors err = { 0 };
	int d = framework_element_save(&w->ctx, &e, &err, NULL);
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/frameworks/%lld?done=design-saved", w->id[0]));
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_INVALID)
		element_page(w, &err, 422);
	else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

void awareness_questions(struct web *w)
{
	struct framework_element *q;
	size_t n;
	if (framework_awareness_questions(&w->ctx, &q, &n) || !n)
		return;
	html(w->out, "<section class=\"reflect\" aria-labelledby=\"reflect\"><h2 id=\"reflect\">%s</h2><p>%s</p><ul>",
	     _("Reflecting on growth"), _("The questions of the four kinds of awareness:"));
	for (size_t i = 0; i < n; i++)
		html(w->out, "<li><strong>%s</strong> <span class=\"muted\">%s</span></li>", q[i].name,
		     *q[i].source ? source_label(w, q[i].source) : _("added by your organisation"));
	html(w->out, "</ul></section>\n");
}
