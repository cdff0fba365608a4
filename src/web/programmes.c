/* programmes.c — programmes: the list, a new one from a template, the
 * design page (the coach edits, the owner reads), batches and groups with
 * their counts, and the cascade warnings. */
#include "web.h"
#include "domain/builtin.h"
#include "domain/design.h"
#include "domain/group.h"
#include "domain/programme.h"
#include "html/html.h"

#include <stdlib.h>
#include <string.h>

static bool can_design(struct web *w)
{
	return actor_has(&w->who, ROLES_PROGRAMME_WRITE);
}

static const char *shape_label(const char *shape)
{
	return !strcmp(shape, "modules") ? _("modules") : _("meeting series");
}

static void counts_cells(struct web *w, const struct enrolment_counts *c)
{
	html(w->out, "<td>%lld</td><td>%lld</td><td>%lld</td><td>%lld</td>", c->registered, c->active, c->completed,
	     c->stopped);
}

static void counts_heads(struct web *w)
{
	html(w->out, "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>",
	     _("Registered"), _("Active"), _("Completed"), _("Stopped"));
}

static void template_select(struct web *w, const char *selected)
{
	html(w->out, "<p class=\"field\"><label for=\"f-template\">%s</label><select id=\"f-template\" name=\"template\">",
	     _("Template"));
	for (size_t i = 0; i < builtin_ntemplates; i++)
		html(w->out, "<option value=\"%s\"%s>%s</option>", builtin_templates[i].key,
		     selected && !strcmp(selected, builtin_templates[i].key) ? " selected" : "", builtin_templates[i].name);
	html(w->out, "</select></p>");
}

static void programmes_table(struct web *w, const struct programme_item *p, size_t n)
{
	if (!n) {
		html(w->out, "<p>%s</p>", _("There are no programmes yet."));
		return;
	}
	html(w->out, "<table tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>", _("Programme"), _("Shape"));
	counts_heads(w);
	html(w->out, "</tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		html(w->out, "<tr><td><a href=\"/programmes/%lld\">%s</a></td><td>%s</td>", p[i].p.id, p[i].p.name,
		     shape_label(p[i].p.shape));
		counts_cells(w, &p[i].counts);
		html(w->out, "</tr>");
	}
	html(w->out, "</tbody></table>\n");
}

static void new_programme_form(struct web *w, const struct errors *e)
{
	html(w->out, "<h2>%s</h2><p>%s</p>", _("New programme"),
	     _("A new programme is a copy of a template: LiVe! (a series of meetings with a menu card) or the Amsterdam module programme. You then adapt the copy."));
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/programmes\">");
	form_csrf(w);
	template_select(w, e ? web_field(w, "template") : NULL);
	form_input(w, "name", _("Name"), "text", e ? web_field(w, "name") : "", e, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Make programme"));
}

static void programmes_page(struct web *w, const struct errors *e, int status)
{
	struct programme_item *p;
	size_t n;
	if (programme_list(&w->ctx, &p, &n)) {
		web_error(w, 500, _("The programmes could not be read. Try again later."));
		return;
	}
	page_begin(w, _("Programmes"));
	page_done_message(w);
	programmes_table(w, p, n);
	if (can_design(w))
		new_programme_form(w, e);
	page_end(w);
	w->r->status = status;
}

void page_programmes(struct web *w)
{
	programmes_page(w, NULL, 200);
}

void page_programme_create(struct web *w)
{
	struct errors e = { 0 };
	long long id;
	int d = programme_from_template(&w->ctx, web_field(w, "template"), web_field(w, "name"), &e, &id);
	if (d == D_OK) {
		web_redirect(w, arena_printf(w->a, "/programmes/%lld?done=programme-created", id));
		return;
	}
	if (d != D_INVALID) {
		web_error(w, 500, _("The programme could not be made. Try again later."));
		return;
	}
	programmes_page(w, &e, 422);
}

static void number_input(struct web *w, const char *name, const char *label, int value, const struct errors *e)
{
	form_input(w, name, label, "number", e ? web_field(w, name) : arena_printf(w->a, "%d", value), e, NULL);
}

static void design_form(struct web *w, const struct programme *p, const struct errors *e)
{
	/* on an error the user's input is shown again, else the stored design */
	const char *name = e ? web_field(w, "name") : p->name;
#define V(field, stored) (e ? web_field(w, field) : (stored))
	html(w->out, "<h2 id=\"design\">%s</h2>", _("Design"));
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/programmes/%lld\">", p->id);
	form_csrf(w);
	/* the version the editor read: saved only on that one (programme_update) */
	html(w->out, "<input type=\"hidden\" name=\"version\" value=\"%s\">",
	     e ? web_field(w, "version") : arena_printf(w->a, "%lld", p->version));
	form_input(w, "name", _("Name"), "text", name, e, NULL);
	form_textarea(w, "target_group", _("Target group"), V("target_group", p->target_group), e, NULL);
	form_textarea(w, "ambition", _("Ambition"), V("ambition", p->ambition), e, NULL);
	static const char *const kind_label[DESIGN_KINDS] = { N_("Programme"), N_("Guidance"), N_("Reporting") };
	static const char *const rf[DESIGN_KINDS] = { "rationale_programme", "rationale_guidance", "rationale_reporting" };
	static const char *const gf[DESIGN_KINDS] = { "goal_programme", "goal_guidance", "goal_reporting" };
	for (int k = 0; k < DESIGN_KINDS; k++) {
		html(w->out, "<fieldset><legend>%s: %s</legend>", _("Design element"), _(kind_label[k]));
		form_textarea(w, rf[k], _("Change rationale"), V(rf[k], p->rationale[k]), e, NULL);
		form_textarea(w, gf[k], _("Learning goal"), V(gf[k], p->goal[k]), e, NULL);
		html(w->out, "</fieldset>");
	}
	html(w->out, "<fieldset><legend>%s</legend>", _("Groups and batches"));
	number_input(w, "group_min", _("Smallest group"), p->group_min, e);
	number_input(w, "group_max", _("Largest group"), p->group_max, e);
	number_input(w, "cascade_meeting", _("Next batch starts at meeting (0: no rule)"), p->cascade_meeting, e);
	html(w->out, "</fieldset>");
	if (!strcmp(p->shape, "meeting_series")) {
		html(w->out, "<fieldset><legend>%s</legend>", _("Rules of the menu card"));
		number_input(w, "menu_min", _("At least this many meetings from the menu card"), p->menu_min, e);
		number_input(w, "menu_max_free", _("At most this many free choices"), p->menu_max_free, e);
		number_input(w, "menu_preparers", _("Participants who prepare a chosen meeting"), p->menu_preparers, e);
		bool justify = e ? *web_field(w, "menu_justify") != '\0' : p->menu_justify;
		html(w->out, "<p><input type=\"checkbox\" id=\"f-menu_justify\" name=\"menu_justify\" value=\"1\"%s> "
			"<label for=\"f-menu_justify\" class=\"inline\">%s</label></p></fieldset>",
		     justify ? " checked" : "", _("Every choice is justified from the group's learning need"));
	}
	html(w->out, "<fieldset><legend>%s</legend>", _("Follow-up and staffing"));
	number_input(w, "followup_meetings", _("Follow-up meetings a year after the end"), p->followup_meetings, e);
	form_textarea(w, "followup", _("Follow-up offer"), V("followup", p->followup), e, NULL);
	form_textarea(w, "mentor_profile", _("Mentor search profile"), V("mentor_profile", p->mentor_profile), e,
		      _("What kind of senior leader the groups need as mentor."));
	html(w->out, "</fieldset><p><button type=\"submit\">%s</button></p></form>\n", _("Save design"));
#undef V
}

/* A stored text, or a dash when it is empty. */
static const char *or_dash(const char *s)
{
	return s && *s ? s : "—";
}

/* The design to read, with a link to change it for those who may. */
static void design_read(struct web *w, const struct programme *p)
{
	static const char *const kind_label[DESIGN_KINDS] = { N_("Programme"), N_("Guidance"), N_("Reporting") };
	html(w->out, "<h2 id=\"design\">%s</h2>", _("Design"));
	if (can_design(w))
		html(w->out, "<p><a href=\"/programmes/%lld/edit\">%s</a></p>", p->id, _("Change the design"));
	html(w->out, "<dl class=\"summary\"><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd>", _("Target group"),
	     or_dash(p->target_group), _("Ambition"), or_dash(p->ambition));
	for (int k = 0; k < DESIGN_KINDS; k++)
		html(w->out, "<dt>%s: %s</dt><dd>%s: %s<br>%s: %s</dd>", _("Design element"), _(kind_label[k]),
		     _("Change rationale"), or_dash(p->rationale[k]), _("Learning goal"), or_dash(p->goal[k]));
	html(w->out, "<dt>%s</dt><dd>%s</dd>", _("Groups and batches"),
	     arena_printf(w->a, _("Groups of %d to %d participants."), p->group_min, p->group_max));
	if (p->cascade_meeting)
		html(w->out, "<dd>%s</dd>", arena_printf(w->a, _("The next batch starts at meeting %d."), p->cascade_meeting));
	if (!strcmp(p->shape, "meeting_series"))
		html(w->out, "<dt>%s</dt><dd>%s</dd>", _("Rules of the menu card"),
		     arena_printf(w->a, _("At least %d meetings from the menu card, at most %d free choices, %d participants prepare a chosen meeting%s."),
				  p->menu_min, p->menu_max_free, p->menu_preparers,
				  p->menu_justify ? _("; every choice is justified from the group's learning need") : ""));
	html(w->out, "<dt>%s</dt><dd>%s</dd><dd>%s</dd><dt>%s</dt><dd>%s</dd></dl>\n", _("Follow-up and staffing"),
	     arena_printf(w->a, ngettext("%d follow-up meeting a year after the end.", "%d follow-up meetings a year after the end.",
					 (unsigned long)p->followup_meetings), p->followup_meetings),
	     or_dash(p->followup), _("Mentor search profile"), or_dash(p->mentor_profile));
}

/* The parts of meeting mid's script as a list that opens, or the
 * meeting's description when it has no script. */
static void script_cell(struct web *w, const struct programme_design *d, const struct programme_meeting *m)
{
	const struct script_part *sp = d->parts;
	size_t parts = 0;
	for (size_t k = 0; k < d->nparts; k++)
		parts += sp[k].programme_meeting_id == m->id;
	if (!parts) {
		html(w->out, "%s", *m->description ? m->description : "—");
		return;
	}
	html(w->out, "<details><summary>%s</summary><ol>",
	     arena_printf(w->a, ngettext("%zu part", "%zu parts", (unsigned long)parts), parts));
	for (size_t k = 0; k < d->nparts; k++) {
		if (sp[k].programme_meeting_id != m->id)
			continue;
		html(w->out, "<li><strong>%s</strong>", sp[k].title);
		if (sp[k].minutes)
			html(w->out, " (%s)", arena_printf(w->a, _("%d min."), sp[k].minutes));
		if (*sp[k].learning_goal)
			html(w->out, "<br>%s: %s", _("Learning goal"), sp[k].learning_goal);
		if (*sp[k].material)
			html(w->out, "<br>%s: %s", _("Material"), sp[k].material);
		if (*sp[k].led_by)
			html(w->out, "<br>%s: %s", _("Led by"), sp[k].led_by);
		if (*sp[k].elements)
			html(w->out, "<br>%s: %s", _("Framework"), sp[k].elements);
		html(w->out, "</li>");
	}
	html(w->out, "</ol></details>");
}

/* The meetings with their scripts; the coach opens each and adds one. */
static void meetings_section(struct web *w, const struct programme_design *d, bool edit)
{
	const struct programme *p = &d->p;
	const struct programme_meeting *m = d->meetings;
	html(w->out, "<h2 id=\"meetings\">%s</h2>", !strcmp(p->shape, "modules") ? _("Modules and their steps") : _("Meetings"));
	html(w->out, "<table tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	     _("No."), _("Theme"), _("Script"));
	for (size_t i = 0; i < d->nmeetings; i++) {
		if (edit)
			html(w->out, "<tr><td>%d</td><td><a href=\"/programmes/%lld/design/%lld\">%s</a>%s%s</td><td>", m[i].number,
			     p->id, m[i].id, m[i].theme, m[i].days == 2 ? _(" (two days)") : "",
			     m[i].from_menu ? _(" (from the menu card)") : "");
		else
			html(w->out, "<tr><td>%d</td><td>%s%s%s</td><td>", m[i].number, m[i].theme,
			     m[i].days == 2 ? _(" (two days)") : "", m[i].from_menu ? _(" (from the menu card)") : "");
		script_cell(w, d, &m[i]);
		html(w->out, "</td></tr>");
	}
	html(w->out, "</tbody></table>\n");
	if (edit) {
		html(w->out, "<form method=\"post\" action=\"/programmes/%lld/design\">", p->id);
		form_csrf(w);
		html(w->out, "<p class=\"field\"><label for=\"f-new-theme\">%s</label><input id=\"f-new-theme\" name=\"theme\" type=\"text\" value=\"\"> "
			"<button type=\"submit\" class=\"secondary\">%s</button></p></form>\n",
		     _("Theme of a new meeting at the end"), _("Add meeting"));
	}
}

/* The menu card's rules, topics and options, when it has any or the
 * coach may make one. */
static void menu_section(struct web *w, const struct programme_design *d, bool edit)
{
	const struct programme *p = &d->p;
	const struct menu_topic *t = d->topics;
	const struct menu_option *o = d->options;
	if (!d->ntopics && !(edit && !strcmp(p->shape, "meeting_series")))
		return;
	html(w->out, "<h2 id=\"menu\">%s</h2><p>%s</p><ul>", _("Menu card"),
	     arena_printf(w->a, _("At least %d meetings from the card, at most %d free choices; %d participants prepare each chosen meeting with the facilitator."),
			  p->menu_min, p->menu_max_free, p->menu_preparers));
	for (size_t i = 0; i < d->ntopics; i++) {
		html(w->out, "<li><strong>%s</strong>", t[i].name);
		if (*t[i].description)
			html(w->out, " — %s", t[i].description);
		bool any = false;
		for (size_t k = 0; k < d->noptions; k++)
			if (o[k].topic_id == t[i].id) {
				if (!any)
					html(w->out, "<ul>");
				html(w->out, "<li>%s</li>", o[k].name);
				any = true;
			}
		html(w->out, any ? "</ul></li>" : "</li>");
	}
	html(w->out, "</ul>\n");
	if (edit)
		html(w->out, "<p><a href=\"/programmes/%lld/menu\">%s</a></p>\n", p->id, _("Change the menu card"));
}

/* One batch: its groups with staff and counts, the batch's total, and the
 * coach's form for a new group in it. */
static void batch_table(struct web *w, const struct programme_overview *v, const struct batch *b)
{
	const struct learning_group *g = v->groups;
	html(w->out, "<h3>%s</h3><p><a href=\"/batches/%lld/accounting\">%s</a></p>"
		"<table tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>",
	     b->name, b->id, arena_printf(w->a, _("Accounting of %s"), b->name), _("Group"), _("Mentor"), _("Facilitator"));
	counts_heads(w);
	html(w->out, "</tr></thead><tbody>");
	for (size_t k = 0; k < v->ngroups; k++) {
		if (g[k].batch_id != b->id)
			continue;
		html(w->out, "<tr><td><a href=\"/groups/%lld\">%s</a></td><td>%s</td><td>%s</td>", g[k].id, g[k].name,
		     g[k].mentor_name ? g[k].mentor_name : "—", g[k].facilitator_name ? g[k].facilitator_name : "—");
		counts_cells(w, &g[k].counts);
		html(w->out, "</tr>");
	}
	html(w->out, "<tr><th scope=\"row\" colspan=\"3\">%s</th>", _("Total of the batch"));
	counts_cells(w, &b->counts);
	html(w->out, "</tr></tbody></table>\n");
	if (can_design(w)) {
		html(w->out, "<form method=\"post\" action=\"/batches/%lld/groups\" class=\"add-group\">", b->id);
		form_csrf(w);
		const char *id = arena_printf(w->a, "group-name-%lld", b->id);
		html(w->out, "<p class=\"field\"><label for=\"%s\">%s</label><input id=\"%s\" name=\"name\" type=\"text\" value=\"\">"
			" <button type=\"submit\">%s</button></p></form>\n",
		     id, arena_printf(w->a, _("New group in %s"), b->name), id, _("Add group"));
	}
}

static void batches_section(struct web *w, const struct programme_overview *v, const struct errors *e)
{
	html(w->out, "<h2 id=\"batches\">%s</h2>", _("Batches and groups"));
	for (size_t i = 0; i < v->ncascade; i++)
		html(w->out, "<p class=\"warn\">%s</p>", v->cascade[i]);
	if (!v->nbatches)
		html(w->out, "<p>%s</p>", _("No batches yet."));
	for (size_t i = 0; i < v->nbatches; i++)
		batch_table(w, v, &v->batches[i]);
	if (can_design(w)) {
		form_errors(w, e);
		html(w->out, "<form method=\"post\" action=\"/programmes/%lld/batches\">", v->p.id);
		form_csrf(w);
		form_input(w, "batch_name", _("Name of the new batch"), "text",
			   e ? web_field(w, "batch_name") : batch_next_name(w->a, v->nbatches), e, NULL);
		html(w->out, "<p><button type=\"submit\" class=\"secondary\">%s</button></p></form>\n", _("Add a batch"));
	}
}

/* The shape, framework and counts of the whole programme, and the way to
 * selecting its staff. */
static void programme_head(struct web *w, const struct programme_overview *v)
{
	const struct programme *p = &v->p;
	html(w->out, "<p><a href=\"/programmes\">%s</a></p><p>%s", _("Back to programmes"),
	     arena_printf(w->a, _("A programme of %s"), shape_label(p->shape)));
	if (p->framework_name)
		html(w->out, "; %s <a href=\"/frameworks/%lld\">%s</a>", _("framework"), p->framework_id, p->framework_name);
	html(w->out, ".</p><table tabindex=\"0\"><caption>%s</caption><thead><tr>", _("Participants of the whole programme"));
	counts_heads(w);
	html(w->out, "</tr></thead><tbody><tr>");
	counts_cells(w, &v->counts);
	html(w->out, "</tr></tbody></table>\n");
	html(w->out, "<p><a href=\"/programmes/%lld/impact\">%s</a> · <a href=\"/programmes/%lld/selection\">%s</a> · "
		"<a href=\"/programmes/%lld/selection?role=mentor\">%s</a></p>",
	     p->id, _("Impact map"), p->id, _("Selecting facilitators against the competency profile"), p->id,
	     _("Selecting mentors"));
}

static void programme_page(struct web *w, const struct errors *batch_errors, int status)
{
	struct programme_overview v;
	struct programme_design d;
	int r = programme_overview(&w->ctx, w->id[0], &v);
	if (!r)
		r = design_get(&w->ctx, w->id[0], &d);
	if (r == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (r) {
		web_error(w, 500, _("The programme could not be read. Try again later."));
		return;
	}
	page_begin(w, v.p.name);
	page_done_message(w);
	programme_head(w, &v);
	html(w->out, "<p class=\"lead\"><a href=\"/programmes/%lld/accounting\">%s</a></p>", v.p.id,
	     _("Progress and outcomes: the accounting of this programme, with its PDF"));
	const struct page_section sections[] = {
		{ "batches", _("Batches and groups"), true },
		{ "design", _("Design"), true },
		{ "meetings", !strcmp(v.p.shape, "modules") ? _("Modules and their steps") : _("Meetings"), true },
		{ "menu", _("Menu card"), d.ntopics || (can_design(w) && !strcmp(v.p.shape, "meeting_series")) },
	};
	page_sections(w, sections, ARRAY_SIZE(sections));
	batches_section(w, &v, batch_errors);
	design_read(w, &v.p);
	meetings_section(w, &d, can_design(w));
	menu_section(w, &d, can_design(w));
	page_end(w);
	w->r->status = status;
}

void page_programme(struct web *w)
{
	programme_page(w, NULL, 200);
}

/* -1 (refused by the domain with its message) unless a number of the form */
static int int_field(struct web *w, const char *name)
{
	return (int)web_field_int(w, name, -999, 999, -1);
}

/* The design's form on a page of its own: reading and changing apart.
 * stale: the editor's change was made on an older version (someone else
 * saved in between); the form shows what is stored now. */
static void design_edit_page(struct web *w, const struct programme *p, const struct errors *e, bool stale, int status)
{
	page_begin(w, arena_printf(w->a, _("Change the design: %s"), p->name));
	html(w->out, "<p><a href=\"/programmes/%lld#design\">%s</a></p>", p->id, _("Back to the programme"));
	if (stale)
		html(w->out, "<div class=\"error\" role=\"alert\"><p>%s</p></div>\n",
		     _("Someone else changed this design after you opened it, so your changes were not saved. Below is the "
		       "design as it is now: make your changes again and save."));
	design_form(w, p, e);
	page_end(w);
	w->r->status = status;
}

/* The programme of the address, or false when the page has answered (404, 500). */
static bool programme_of_page(struct web *w, struct programme *p)
{
	int r = programme_get(&w->ctx, w->id[0], p);
	if (r == D_NOTFOUND)
		web_not_found(w);
	else if (r)
		web_error(w, 500, _("The programme could not be read. Try again later."));
	return !r;
}

void page_programme_edit(struct web *w)
{
	struct programme p;
	if (!programme_of_page(w, &p))
		return;
	design_edit_page(w, &p, NULL, false, 200);
}

void page_programme_update(struct web *w)
{
	struct programme p;
	if (!programme_of_page(w, &p))
		return;
	p.name = (char *)web_field(w, "name");
	p.target_group = (char *)web_field(w, "target_group");
	p.ambition = (char *)web_field(w, "ambition");
	static const char *const rf[DESIGN_KINDS] = { "rationale_programme", "rationale_guidance", "rationale_reporting" };
	static const char *const gf[DESIGN_KINDS] = { "goal_programme", "goal_guidance", "goal_reporting" };
	for (int k = 0; k < DESIGN_KINDS; k++) {
		p.rationale[k] = (char *)web_field(w, rf[k]);
		p.goal[k] = (char *)web_field(w, gf[k]);
	}
	p.group_min = int_field(w, "group_min");
	p.group_max = int_field(w, "group_max");
	p.cascade_meeting = int_field(w, "cascade_meeting");
	if (!strcmp(p.shape, "meeting_series")) {
		p.menu_min = int_field(w, "menu_min");
		p.menu_max_free = int_field(w, "menu_max_free");
		p.menu_preparers = int_field(w, "menu_preparers");
		p.menu_justify = *web_field(w, "menu_justify") != '\0';
	}
	p.followup_meetings = int_field(w, "followup_meetings");
	p.followup = (char *)web_field(w, "followup");
	p.mentor_profile = (char *)web_field(w, "mentor_profile");
	/* a form without the field (an older page) saves on whatever is stored */
	p.version = web_field_int(w, "version", 1, WEB_ID_MAX, 0);
	struct errors e = { 0 };
	int d = programme_update(&w->ctx, &p, &e);
	if (d == D_OK) {
		web_redirect(w, arena_printf(w->a, "/programmes/%lld?done=programme-updated#design", p.id));
		return;
	}
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (d == D_CONFLICT) {
		if (programme_of_page(w, &p))
			design_edit_page(w, &p, NULL, true, 409);
		return;
	}
	if (d != D_INVALID) {
		web_error(w, 500, _("The design could not be saved. Try again later."));
		return;
	}
	design_edit_page(w, &p, &e, false, 422);
}

void page_batch_create(struct web *w)
{
	struct errors e = { 0 };
	long long id;
	int d = batch_create(&w->ctx, w->id[0], web_field(w, "batch_name"), &e, &id);
	if (d == D_OK) {
		web_redirect(w, arena_printf(w->a, "/programmes/%lld?done=batch-created#batches", w->id[0]));
		return;
	}
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (d != D_INVALID) {
		web_error(w, 500, _("The batch could not be added. Try again later."));
		return;
	}
	programme_page(w, &e, 422);
}

void page_group_create(struct web *w)
{
	struct errors e = { 0 };
	long long id;
	struct batch b;
	int r = batch_get(&w->ctx, w->id[0], &b);
	if (r == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	int d = r ? D_ERROR : group_create(&w->ctx, b.id, web_field(w, "name"), &e, &id);
	if (d == D_OK) {
		web_redirect(w, arena_printf(w->a, "/groups/%lld?done=group-created", id));
		return;
	}
	if (d != D_INVALID) {
		web_error(w, 500, _("The group could not be added. Try again later."));
		return;
	}
	w->id[0] = b.programme_id;
	programme_page(w, &e, 422);
}
