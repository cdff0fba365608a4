/* design.c — the coach edits a programme's design after copying it from a
 * template: a meeting's theme and script (draaiboek) with its parts and
 * their framework tags, new meetings, and the menu card's topics and
 * options. Pages: /programmes/{id}/design/{id} and /programmes/{id}/menu. */
#include "web.h"
#include "domain/design.h"
#include "domain/programme.h"
#include "html/html.h"

#include <stdlib.h>
#include <string.h>

static bool deleting(struct web *w)
{
	return !strcmp(web_field(w, "action"), "delete");
}

/* ---- a meeting and its script ---- */

static void part_form(struct web *w, long long prog, long long mid, const struct script_part *p, const struct errors *e)
{
	bool mine = e && (p ? web_field_id(w, "part_id") == p->id : web_field_id(w, "part_id") == 0);
	const struct errors *pe = mine ? e : NULL;
#define V(f, stored) (pe ? web_field(w, f) : (stored))
	const char *sfx = p ? arena_printf(w->a, "-%lld", p->id) : "-new";
	html(w->out, "<form method=\"post\" action=\"/programmes/%lld/design/%lld/parts\" class=\"part\">", prog, mid);
	form_csrf(w);
	html(w->out, "<input type=\"hidden\" name=\"part_id\" value=\"%lld\">", p ? p->id : 0LL);
	form_errors(w, pe);
	/* ids made unique per part: several forms on one page */
	struct { const char *name, *label, *value; bool area; } f[] = {
		{ "title", _("Title"), V("title", p ? p->title : ""), false },
		{ "learning_goal", _("Learning goal"), V("learning_goal", p ? p->learning_goal : ""), true },
		{ "minutes", _("Minutes"), V("minutes", p && p->minutes ? arena_printf(w->a, "%d", p->minutes) : ""), false },
		{ "material", _("Material"), V("material", p ? p->material : ""), true },
		{ "led_by", _("Led by"), V("led_by", p ? p->led_by : ""), false },
		{ "tags", _("Framework elements (codes, separated by commas)"), V("tags", p ? p->elements : ""), false },
	};
	for (size_t i = 0; i < sizeof(f) / sizeof(*f); i++) {
		const char *err = pe ? errors_get(pe, f[i].name) : NULL;
		html(w->out, "<p class=\"field%s\"><label for=\"f-%s%s\">%s</label>", err ? " invalid" : "", f[i].name, sfx, f[i].label);
		if (err)
			html(w->out, "<span class=\"field-error\" id=\"e-%s%s\">%s</span>", f[i].name, sfx, err);
		if (f[i].area)
			html(w->out, "<textarea id=\"f-%s%s\" name=\"%s\" rows=\"2\">%s</textarea></p>", f[i].name, sfx, f[i].name, f[i].value);
		else
			html(w->out, "<input id=\"f-%s%s\" name=\"%s\" type=\"text\" value=\"%s\"></p>", f[i].name, sfx, f[i].name, f[i].value);
	}
#undef V
	if (p)
		html(w->out, "<p><button type=\"submit\">%s</button> <button type=\"submit\" name=\"action\" value=\"delete\" class=\"danger\">%s</button></p></form>\n",
		     _("Save part"), _("Remove part"));
	else
		html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Add part"));
}

/* The meeting's own fields: theme, description, length, from the menu. */
static void meeting_form(struct web *w, const struct design_meeting *v, const struct errors *me)
{
	const struct programme_meeting *m = &v->m;
	form_errors(w, me);
	html(w->out, "<form method=\"post\" action=\"/programmes/%lld/design/%lld\">", v->p.id, m->id);
	form_csrf(w);
	form_input(w, "theme", _("Theme"), "text", me ? web_field(w, "theme") : m->theme, me, NULL);
	form_textarea(w, "description", _("Description"), me ? web_field(w, "description") : m->description, me, NULL);
	int days = me ? (int)web_field_int(w, "days", 1, 2, 0) : m->days;
	html(w->out, "<fieldset><legend>%s</legend>", _("Length"));
	html(w->out, days == 2 ? "<p><input type=\"radio\" id=\"f-days1\" name=\"days\" value=\"1\"> <label class=\"inline\" for=\"f-days1\">%s</label> "
				 "<input type=\"radio\" id=\"f-days2\" name=\"days\" value=\"2\" checked> <label class=\"inline\" for=\"f-days2\">%s</label></p>"
			       : "<p><input type=\"radio\" id=\"f-days1\" name=\"days\" value=\"1\" checked> <label class=\"inline\" for=\"f-days1\">%s</label> "
				 "<input type=\"radio\" id=\"f-days2\" name=\"days\" value=\"2\"> <label class=\"inline\" for=\"f-days2\">%s</label></p>",
	     _("one day"), _("two days"));
	html(w->out, "</fieldset>");
	bool menu = me ? *web_field(w, "from_menu") != '\0' : m->from_menu;
	html(w->out, menu ? "<p><input type=\"checkbox\" id=\"f-from_menu\" name=\"from_menu\" value=\"1\" checked> <label class=\"inline\" for=\"f-from_menu\">%s</label></p>"
			  : "<p><input type=\"checkbox\" id=\"f-from_menu\" name=\"from_menu\" value=\"1\"> <label class=\"inline\" for=\"f-from_menu\">%s</label></p>",
	     _("The group chooses this meeting from the menu card"));
	html(w->out, "<p><button type=\"submit\">%s</button> <button type=\"submit\" name=\"action\" value=\"delete\" class=\"danger\">%s</button></p></form>\n",
	     _("Save meeting"), _("Remove meeting"));
}

static void design_meeting_page(struct web *w, const char *form, const struct errors *e, int status)
{
	struct design_meeting v;
	int d = design_meeting_open(&w->ctx, w->id[0], w->id[1], &v);
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (d) {
		web_error(w, 500, _("The programme could not be read. Try again later."));
		return;
	}
	page_begin(w, arena_printf(w->a, _("Meeting %d: %s"), v.m.number, v.m.theme));
	page_done_message(w);
	html(w->out, "<p><a href=\"/programmes/%lld#meetings\">%s</a></p>", v.p.id, arena_printf(w->a, _("Back to %s"), v.p.name));
	meeting_form(w, &v, form && !strcmp(form, "meeting") ? e : NULL);
	html(w->out, "<h2 id=\"script\">%s</h2>", _("Script"));
	const struct errors *pe = form && !strcmp(form, "part") ? e : NULL;
	for (size_t i = 0; i < v.nparts; i++) {
		html(w->out, "<h3>%s</h3>", arena_printf(w->a, _("Part %d"), (int)i + 1));
		part_form(w, v.p.id, v.m.id, &v.parts[i], pe);
	}
	html(w->out, "<h3>%s</h3>", _("A new part"));
	part_form(w, v.p.id, v.m.id, NULL, pe);
	page_end(w);
	w->r->status = status;
}

void page_design_meeting(struct web *w)
{
	design_meeting_page(w, NULL, NULL, 200);
}

static void after_meeting(struct web *w, int d, const char *form, const struct errors *e, long long mid)
{
	if (d == D_OK)
		web_redirect(w, mid ? arena_printf(w->a, "/programmes/%lld/design/%lld?done=design-saved", w->id[0], mid)
				    : arena_printf(w->a, "/programmes/%lld?done=design-saved#meetings", w->id[0]));
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_INVALID)
		design_meeting_page(w, form, e, 422);
	else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

void page_design_meeting_save(struct web *w)
{
	struct design_meeting v;
	int r = design_meeting_open(&w->ctx, w->id[0], w->id[1], &v);
	if (r) {
		after_meeting(w, r, "meeting", NULL, 0);
		return;
	}
	struct programme_meeting m = v.m;
	struct errors e = { 0 };
	if (deleting(w)) {
		if (!web_confirm_delete(w, arena_printf(w->a, _("meeting %d “%s” from the design of %s"), m.number, m.theme, v.p.name),
					arena_printf(w->a, "/programmes/%lld/design/%lld", v.p.id, m.id)))
			return;
		int d = design_meeting_delete(&w->ctx, m.id, &e);
		after_meeting(w, d, "meeting", &e, d == D_OK ? 0 : m.id);
		return;
	}
	m.theme = (char *)web_field(w, "theme");
	m.description = (char *)web_field(w, "description");
	m.days = (int)web_field_int(w, "days", 1, 2, 0);  /* 0: the domain says one or two days */
	m.from_menu = *web_field(w, "from_menu") != '\0';
	after_meeting(w, design_meeting_save(&w->ctx, &m, &e, NULL), "meeting", &e, m.id);
}

void page_design_part_save(struct web *w)
{
	struct design_meeting v;
	long long part = *web_field(w, "part_id") ? web_field_id(w, "part_id") : 0;
	int d = part < 0 ? D_NOTFOUND : design_meeting_open(&w->ctx, w->id[0], w->id[1], &v);
	if (d) {
		after_meeting(w, d, "part", NULL, 0);
		return;
	}
	const struct programme_meeting m = v.m;
	struct errors e = { 0 };
	if (part && deleting(w)) {
		const struct script_part *sp = NULL;
		for (size_t i = 0; i < v.nparts && !sp; i++)
			if (v.parts[i].id == part)
				sp = &v.parts[i];
		if (!sp) {
			web_not_found(w);
			return;
		}
		if (!web_confirm_delete(w, arena_printf(w->a, _("the part “%s” from the script of meeting %d"), sp->title, m.number),
					arena_printf(w->a, "/programmes/%lld/design/%lld", v.p.id, m.id)))
			return;
		d = design_part_delete(&w->ctx, m.id, part);
	} else {
		struct script_part p = { 0 };
		p.id = part;
		p.programme_meeting_id = m.id;
		p.title = (char *)web_field(w, "title");
		p.learning_goal = (char *)web_field(w, "learning_goal");
		p.material = (char *)web_field(w, "material");
		p.led_by = (char *)web_field(w, "led_by");  /* the domain keeps or gives the place */
		d = design_part_save(&w->ctx, &p, web_field(w, "minutes"), web_field(w, "tags"), &e, NULL);
	}
	after_meeting(w, d, "part", &e, m.id);
}

void page_design_meeting_add(struct web *w)
{
	struct programme p;
	int r = programme_get(&w->ctx, w->id[0], &p);
	if (r == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (r) {
		web_error(w, 500, _("The change could not be saved. Try again later."));
		return;
	}
	struct programme_meeting m = { 0 };
	m.programme_id = p.id;
	m.theme = (char *)web_field(w, "theme");
	m.description = "";
	m.days = 1;
	m.from_menu = *web_field(w, "from_menu") != '\0';
	struct errors e = { 0 };
	long long id;
	int d = design_meeting_save(&w->ctx, &m, &e, &id);
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/programmes/%lld/design/%lld?done=design-saved", p.id, id));
	else if (d == D_INVALID)
		web_error(w, 422, e.items[0].message);
	else
		web_error(w, d == D_NOTFOUND ? 404 : 500, _("The change could not be saved. Try again later."));
}

/* ---- the menu card ---- */

/* The options of topic t, each a form of its own, and the form for a new
 * one under it. */
static void topic_options(struct web *w, const struct programme_design *d, const struct menu_topic *t, const char *form,
			  long long which, const struct errors *e)
{
	const struct menu_option *o = d->options;
	html(w->out, "<h3>%s</h3><ul>", _("Options"));
	for (size_t k = 0; k < d->noptions; k++) {
		if (o[k].topic_id != t->id)
			continue;
		const struct errors *oe = form && !strcmp(form, "option") && which == o[k].id ? e : NULL;
		html(w->out, "<li>");
		form_errors(w, oe);
		html(w->out, "<form method=\"post\" action=\"/programmes/%lld/menu/options/%lld\">", d->p.id, o[k].id);
		form_csrf(w);
		html(w->out, "<label for=\"o-%lld\" class=\"inline\">%s</label> <input id=\"o-%lld\" name=\"option_name\" type=\"text\" value=\"%s\"> "
			"<button type=\"submit\" class=\"secondary\">%s</button> <button type=\"submit\" name=\"action\" value=\"delete\" class=\"danger\">%s</button></form></li>",
		     o[k].id, _("Option"), o[k].id, oe ? web_field(w, "option_name") : o[k].name, _("Save"), _("Remove"));
	}
	html(w->out, "</ul><form method=\"post\" action=\"/programmes/%lld/menu/options\">", d->p.id);
	form_csrf(w);
	const struct errors *ne = form && !strcmp(form, "new-option") && which == t->id ? e : NULL;
	form_errors(w, ne);
	html(w->out, "<input type=\"hidden\" name=\"topic_id\" value=\"%lld\"><p class=\"field\"><label for=\"no-%lld\">%s</label>"
		"<input id=\"no-%lld\" name=\"option_name\" type=\"text\" value=\"\"> <button type=\"submit\">%s</button></p></form>\n",
	     t->id, t->id, arena_printf(w->a, _("New option under %s"), t->name), t->id, _("Add option"));
}

/* A topic of the card: its name and description, then its options. */
static void topic_section(struct web *w, const struct programme_design *d, const struct menu_topic *t, const char *form,
			  long long which, const struct errors *e)
{
	const struct errors *te = form && !strcmp(form, "topic") && which == t->id ? e : NULL;
	html(w->out, "<h2>%s</h2>", t->name);
	form_errors(w, te);
	html(w->out, "<form method=\"post\" action=\"/programmes/%lld/menu/topics/%lld\">", d->p.id, t->id);
	form_csrf(w);
	html(w->out, "<p class=\"field\"><label for=\"t-%lld\">%s</label><input id=\"t-%lld\" name=\"topic_name\" type=\"text\" value=\"%s\"></p>"
		"<p class=\"field\"><label for=\"td-%lld\">%s</label><textarea id=\"td-%lld\" name=\"topic_description\" rows=\"2\">%s</textarea></p>"
		"<p><button type=\"submit\">%s</button> <button type=\"submit\" name=\"action\" value=\"delete\" class=\"danger\">%s</button></p></form>",
	     t->id, _("Topic"), t->id, te ? web_field(w, "topic_name") : t->name, t->id, _("Description"), t->id,
	     te ? web_field(w, "topic_description") : t->description, _("Save topic"), _("Remove topic"));
	topic_options(w, d, t, form, which, e);
}

static void menu_page(struct web *w, const char *form, long long which, const struct errors *e, int status)
{
	struct programme_design d;
	int r = design_get(&w->ctx, w->id[0], &d);
	if (r == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (r) {
		web_error(w, 500, _("The programme could not be read. Try again later."));
		return;
	}
	page_begin(w, arena_printf(w->a, _("Menu card: %s"), d.p.name));
	page_done_message(w);
	html(w->out, "<p><a href=\"/programmes/%lld#menu\">%s</a></p>", d.p.id, arena_printf(w->a, _("Back to %s"), d.p.name));
	for (size_t i = 0; i < d.ntopics; i++)
		topic_section(w, &d, &d.topics[i], form, which, e);
	html(w->out, "<h2>%s</h2>", _("A new topic"));
	const struct errors *ne = form && !strcmp(form, "topic") && which == 0 ? e : NULL;
	form_errors(w, ne);
	html(w->out, "<form method=\"post\" action=\"/programmes/%lld/menu/topics\">", d.p.id);
	form_csrf(w);
	html(w->out, "<p class=\"field\"><label for=\"t-new\">%s</label><input id=\"t-new\" name=\"topic_name\" type=\"text\" value=\"%s\"></p>"
		"<p><button type=\"submit\">%s</button></p></form>\n",
	     _("Topic"), ne ? web_field(w, "topic_name") : "", _("Add topic"));
	page_end(w);
	w->r->status = status;
}

void page_menu(struct web *w)
{
	menu_page(w, NULL, 0, NULL, 200);
}

static void after_menu(struct web *w, int d, const char *form, long long which, const struct errors *e)
{
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/programmes/%lld/menu?done=design-saved", w->id[0]));
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_INVALID)
		menu_page(w, form, which, e, 422);
	else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

/* The question before removing the topic or option w->id[1] of the card
 * of programme w->id[0]: true to go on; false after asking, or after
 * answering 404 for one not on this card. */
static bool confirm_menu(struct web *w, const char *kind)
{
	struct programme_design d;
	int r = design_get(&w->ctx, w->id[0], &d);
	const char *what = NULL;
	for (size_t i = 0; !r && !strcmp(kind, "topic") && i < d.ntopics && !what; i++)
		if (d.topics[i].id == w->id[1])
			what = arena_printf(w->a, _("the topic “%s” and its options from the menu card"), d.topics[i].name);
	for (size_t i = 0; !r && !strcmp(kind, "option") && i < d.noptions && !what; i++)
		if (d.options[i].id == w->id[1])
			what = arena_printf(w->a, _("the option “%s” from the menu card"), d.options[i].name);
	if (r && r != D_NOTFOUND) {
		web_error(w, 500, _("The change could not be saved. Try again later."));
		return false;
	}
	if (!what) {
		web_not_found(w);
		return false;
	}
	return web_confirm_delete(w, what, arena_printf(w->a, "/programmes/%lld/menu", w->id[0]));
}

void page_menu_topic_add(struct web *w)
{
	struct errors e = { 0 };
	struct menu_topic t = { 0, 0, (char *)web_field(w, "topic_name"), "" };
	after_menu(w, design_topic_save(&w->ctx, w->id[0], &t, &e, NULL), "topic", 0, &e);
}

void page_menu_topic_save(struct web *w)
{
	struct errors e = { 0 };
	if (deleting(w)) {
		if (!confirm_menu(w, "topic"))
			return;
		after_menu(w, design_topic_delete(&w->ctx, w->id[0], w->id[1], &e), "topic", w->id[1], &e);
		return;
	}
	/* the domain keeps the topic's place */
	struct menu_topic t = { w->id[1], 0, (char *)web_field(w, "topic_name"), (char *)web_field(w, "topic_description") };
	after_menu(w, design_topic_save(&w->ctx, w->id[0], &t, &e, NULL), "topic", w->id[1], &e);
}

void page_menu_option_add(struct web *w)
{
	struct errors e = { 0 };
	long long topic = web_field_id(w, "topic_id");
	struct menu_option o = { 0, topic, 0, (char *)web_field(w, "option_name"), "" };
	int d = design_option_save(&w->ctx, w->id[0], &o, &e, NULL);
	/* a topic not on this card: there is no form on the page to show it at */
	if (d == D_INVALID && errors_get(&e, "topic_id")) {
		web_error(w, 422, errors_get(&e, "topic_id"));
		return;
	}
	after_menu(w, d, "new-option", topic, &e);
}

void page_menu_option_save(struct web *w)
{
	struct errors e = { 0 };
	if (deleting(w)) {
		if (!confirm_menu(w, "option"))
			return;
		after_menu(w, design_option_delete(&w->ctx, w->id[0], w->id[1], &e), "option", w->id[1], &e);
		return;
	}
	/* the domain keeps the option's topic, place and description */
	struct menu_option o = { w->id[1], 0, 0, (char *)web_field(w, "option_name"), NULL };
	after_menu(w, design_option_save(&w->ctx, w->id[0], &o, &e, NULL), "option", w->id[1], &e);
}
