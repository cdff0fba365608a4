/* units.c — the organisation tree: list, add, rename, move, manager,
 * remove when empty. Changes need the administrator role. */
#include "web.h"
#include "domain/unit.h"
#include "html/html.h"

#include <stdlib.h>
#include <string.h>

/* A <select> of units as parents; skips id and everything under it. */
static void parent_select(struct web *w, const struct unit_tree *t, const char *name, long long selected,
			  long long skip)
{
	html(w->out, "<select id=\"f-%s\" name=\"%s\"><option value=\"0\">%s</option>", name, name,
	     _("(top level)"));
	int skip_depth = -1;
	for (size_t i = 0; i < t->n; i++) {
		const struct unit *u = &t->units[i];
		if (skip_depth >= 0 && u->depth > skip_depth)
			continue;
		skip_depth = -1;
		if (u->id == skip) {
			skip_depth = u->depth;
			continue;
		}
		html(w->out, "<option value=\"%lld\"%s>%s</option>", u->id, u->id == selected ? " selected" : "",
		     t->paths[i]);
	}
	html(w->out, "</select>");
}

static void units_page(struct web *w, const struct errors *e, const char *name, long long parent, int status)
{
	struct unit_tree t;
	if (unit_tree_load(&w->ctx, true, &t)) {
		web_error(w, 500, _("The organisation could not be read. Try again later."));
		return;
	}
	page_begin(w, _("Organisation"));
	page_done_message(w);
	if (!t.n)
		html(w->out, "<p>%s</p>", _("There are no units yet. Add the first department below, or import people with their units."));
	else {
		html(w->out, "<table tabindex=\"0\"><caption class=\"muted\">%s</caption><thead><tr><th scope=\"col\">%s</th>"
			"<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		     _("Departments and teams, each under its parent"), _("Unit"), _("Manager"), _("People"));
		for (size_t i = 0; i < t.n; i++) {
			const struct unit *u = &t.units[i];
			html(w->out, "<tr><td class=\"d%d\"><a href=\"/units/%lld\">%s</a></td><td>%s</td>"
				"<td><a href=\"/people?unit=%lld\" aria-label=\"%s\">%lld</a></td></tr>",
			     u->depth > 8 ? 8 : u->depth, u->id, u->name, u->manager_name ? u->manager_name : "—", u->id,
			     arena_printf(w->a, ngettext("%lld person in %s", "%lld people in %s", (unsigned long)u->people), u->people, u->name), u->people);
		}
		html(w->out, "</tbody></table>\n");
	}
	if (unit_may_change(&w->ctx)) {
		html(w->out, "<h2>%s</h2>", _("Add a unit"));
		form_errors(w, e);
		html(w->out, "<form method=\"post\" action=\"/units\">");
		form_csrf(w);
		form_input(w, "name", _("Name"), "text", name, e, NULL);
		html(w->out, "<p class=\"field\"><label for=\"f-parent_id\">%s</label>", _("Under"));
		parent_select(w, &t, "parent_id", parent, 0);
		html(w->out, "</p><p><button type=\"submit\">%s</button></p></form>\n", _("Add unit"));
	}
	page_end(w);
	w->r->status = status;
}

void page_units(struct web *w)
{
	units_page(w, NULL, "", web_arg_int(w, "parent", 0), 200);
}

void page_unit_create(struct web *w)
{
	struct errors e = { 0 };
	long long parent = web_field_id(w, "parent_id"), id;
	const char *name = web_field(w, "name");
	if (parent < 0) {
		errors_add(&w->ctx, &e, "parent_id", _("Choose the parent unit from the list."));
	} else {
		int d = unit_create(&w->ctx, parent, name, &e, &id);
		if (d == D_OK) {
			web_redirect(w, "/units?done=unit-created");
			return;
		}
		if (d != D_INVALID) {
			web_error(w, 500, _("The unit could not be saved. Try again later."));
			return;
		}
	}
	units_page(w, &e, name, parent > 0 ? parent : 0, 422);
}

/* The administrator's forms: change, and remove when empty. */
static void unit_change_section(struct web *w, const struct unit_view *v, const struct errors *e)
{
	const struct unit *u = &v->u;
	form_errors(w, e);
	const char *name = e && e->n ? web_field(w, "name") : u->name;
	html(w->out, "<h2>%s</h2><form method=\"post\" action=\"/units/%lld\">", _("Change"), u->id);
	form_csrf(w);
	form_input(w, "name", _("Name"), "text", name, e, NULL);
	html(w->out, "<p class=\"field\"><label for=\"f-parent_id\">%s</label>", _("Under"));
	parent_select(w, &v->tree, "parent_id", u->parent_id, u->id);
	html(w->out, "</p>");
	form_input(w, "manager", _("Manager (employee number; empty for none)"), "text",
		   e && e->n ? web_field(w, "manager") : v->manager_employee_id, e, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Save changes"));
	html(w->out, "<h2>%s</h2>", _("Remove"));
	if (u->people || u->children)
		html(w->out, "<p>%s</p>", _("This unit can be removed once it has no people and no sub-units."));
	else {
		html(w->out, "<form method=\"post\" action=\"/units/%lld/delete\">", u->id);
		form_csrf(w);
		html(w->out, "<p><button type=\"submit\" class=\"danger\">%s</button></p></form>\n", _("Remove this unit"));
	}
}

static void unit_page(struct web *w, const struct errors *e, int status)
{
	struct unit_view v;
	int d = unit_open(&w->ctx, w->id[0], &v);
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (d) {
		web_error(w, 500, _("The organisation could not be read. Try again later."));
		return;
	}
	const struct unit *u = &v.u;
	page_begin(w, u->name);
	page_done_message(w);
	html(w->out, "<p><a href=\"/units\">%s</a></p>", _("Back to the organisation"));
	html(w->out, "<dl><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd><a href=\"/people?unit=%lld\">%lld</a></dd>"
		"<dt>%s</dt><dd>%lld</dd></dl>",
	     _("Place"), unit_tree_path(&v.tree, u->id), _("Manager"), u->manager_name ? u->manager_name : "—",
	     _("People directly in this unit"), u->id, u->people, _("Sub-units"), u->children);
	if (v.may_change)
		unit_change_section(w, &v, e);
	page_end(w);
	w->r->status = status;
}

void page_unit(struct web *w)
{
	unit_page(w, NULL, 200);
}

void page_unit_update(struct web *w)
{
	struct errors e = { 0 };
	int d = unit_update(&w->ctx, w->id[0], web_field(w, "name"), web_field_id(w, "parent_id"), web_field(w, "manager"),
			    &e);
	if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_INVALID)
		unit_page(w, &e, 422);
	else if (d)
		web_error(w, 500, _("The unit could not be saved. Try again later."));
	else
		web_redirect(w, arena_printf(w->a, "/units/%lld?done=unit-updated", w->id[0]));
}

void page_unit_delete(struct web *w)
{
	struct unit_view v;
	int d = unit_open(&w->ctx, w->id[0], &v);
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (d) {
		web_error(w, 500, _("The unit could not be removed. Try again later."));
		return;
	}
	if (!web_confirm_delete(w, arena_printf(w->a, _("the unit %s"), v.u.name), arena_printf(w->a, "/units/%lld", v.u.id)))
		return;
	struct errors e = { 0 };
	d = unit_remove(&w->ctx, w->id[0], &e);
	if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_CONFLICT)
		web_error(w, 409, e.items[0].message);
	else if (d)
		web_error(w, 500, _("The unit could not be removed. Try again later."));
	else
		web_redirect(w, "/units?done=unit-deleted");
}
