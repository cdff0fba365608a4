/* plan.c — the participant's development plan in a group: goals with the
 * SMART check's hints beside them (never blocking), the development
 * assignment at work, the talks with the manager. The facilitator and
 * mentor read it on the participant's intake page. */
#include "web.h"
#include "domain/catalogue.h"
#include "domain/plan.h"
#include "html/html.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* One goal with its SMART hints, read-only. */
static void goal_view(struct web *w, const struct development_goal *g)
{
	html(w->out, "<p><strong>%s</strong></p>", g->text);
	if (*g->measure)
		html(w->out, "<p>%s: %s</p>", _("How it shows"), g->measure);
	if (*g->due_on)
		html(w->out, "<p>%s: %s</p>", _("By"), g->due_on);
	struct learning_form lf;
	if (*g->learning_form && !catalogue_form(&w->ctx, g->learning_form, &lf))
		html(w->out, "<p class=\"learning-form\">%s: %s</p>", _("Learned by"), lf.name);
	if (g->nnamed) {
		html(w->out, "<p>%s</p><ul class=\"elements\">", _("Framework elements"));
		for (size_t k = 0; k < g->nnamed; k++) {
			const struct goal_element *x = &g->named[k];
			if (*x->framework)
				html(w->out, "<li>%s <span class=\"muted\">(%s)</span></li>", x->name, x->framework);
			else
				html(w->out, "<li>%s</li>", x->name);
		}
		html(w->out, "</ul>");
	}
	const char *hints[SMART_COUNT];
	int n = smart_check(&w->ctx, g->text, g->measure, g->due_on, web_today(w), hints);
	if (!n) {
		html(w->out, "<p class=\"done\">%s</p>", _("SMART: every criterion looks met. Is it realistic for you? Only you can say."));
		return;
	}
	html(w->out, "<div class=\"warn\"><p>%s</p><ul>", _("Tips to make the goal SMART (you can save it as it is):"));
	for (int k = 0; k < SMART_COUNT; k++)
		if (hints[k])
			html(w->out, "<li><strong>%s</strong>: %s</li>", smart_name(k), hints[k]);
	html(w->out, "</ul></div>");
}

void plan_section(struct web *w, const struct plan *p)
{
	html(w->out, "<h2 id=\"plan\">%s</h2>", _("Development plan"));
	if (!*p->assignment && !p->ngoals && !p->ntalks) {
		html(w->out, "<p>%s</p>", _("No development plan yet."));
		return;
	}
	for (size_t i = 0; i < p->ngoals; i++) {
		html(w->out, "<h3>%s</h3>", arena_printf(w->a, _("Goal %zu"), i + 1));
		goal_view(w, &p->goals[i]);
	}
	if (*p->assignment)
		html(w->out, "<h3>%s</h3><p>%s</p>", _("Development assignment"), p->assignment);
	if (p->ntalks) {
		html(w->out, "<h3>%s</h3><ul>", _("Talks with the manager"));
		for (size_t i = 0; i < p->ntalks; i++)
			html(w->out, "<li>%s: %s</li>", p->talks[i].held_on, *p->talks[i].agreements ? p->talks[i].agreements : "—");
		html(w->out, "</ul>");
	}
}

/* Whether id is among the goal's elements: those posted when the form
 * comes back refused, else those the goal has. */
static bool element_chosen(const long long *posted, size_t nposted, const struct development_goal *goal, long long id)
{
	for (size_t k = 0; k < nposted; k++)
		if (posted[k] == id)
			return true;
	for (size_t k = 0; !posted && goal && k < goal->nnamed; k++)
		if (goal->named[k].id == id)
			return true;
	return false;
}

/* The framework elements of a goal, chosen by name from a list grouped by
 * framework. */
static void elements_select(struct web *w, const char *sfx, const struct development_goal *goal, const struct errors *ge)
{
	struct framework_view *v;
	size_t nv;
	if (plan_element_choices(&w->ctx, w->id[0], &v, &nv) || !nv)
		return;
	long long *posted = NULL;
	size_t nposted = 0;
	if (ge)
		(void)web_field_ids(w, "element_id", &posted, &nposted);
	const char *err = ge ? errors_get(ge, "elements") : NULL;
	const char *id = arena_printf(w->a, "g%s-elements", sfx);
	html(w->out, "<p class=\"field%s\"><label for=\"%s\">%s</label><span class=\"hint\" id=\"%s-h\">%s</span>",
	     err ? " invalid" : "", id, _("Framework elements this goal is about"), id,
	     _("None, one or more: Ctrl or Shift with the mouse, or the arrow keys and space."));
	if (err)
		html(w->out, "<span class=\"field-error\" id=\"%s-e\">%s</span>", id, err);
	html(w->out, "<select id=\"%s\" name=\"element_id\" multiple size=\"8\" aria-describedby=\"%s-h%s\"%s>", id, id,
	     err ? arena_printf(w->a, " %s-e", id) : "", err ? " aria-invalid=\"true\"" : "");
	for (size_t k = 0; k < nv; k++) {
		html(w->out, "<optgroup label=\"%s\">", v[k].f.name);
		const char *parent[4] = { 0 };  /* the names above, by depth */
		for (size_t j = 0; j < v[k].nelements; j++) {
			const struct framework_element *x = &v[k].elements[j];
			int d = x->depth < 0 ? 0 : x->depth > 3 ? 3 : x->depth;
			parent[d] = x->name;
			const char *label = d && parent[d - 1] ? arena_printf(w->a, "%s: %s", parent[d - 1], x->name) : x->name;
			html(w->out, "<option value=\"%lld\"%s>%s</option>", x->id,
			     element_chosen(posted, nposted, goal, x->id) ? " selected" : "", label);
		}
		html(w->out, "</optgroup>");
	}
	html(w->out, "</select></p>");
}

/* The learning form by which the goal will be learned, from the catalogue. */
static void learning_form_select(struct web *w, const char *sfx, const struct development_goal *goal,
				 const struct errors *ge)
{
	struct learning_form *f;
	size_t n;
	if (catalogue_list(&w->ctx, &f, &n))
		return;
	const char *err = ge ? errors_get(ge, "learning_form") : NULL;
	const char *chosen = ge ? web_field(w, "learning_form") : goal ? goal->learning_form : "";
	html(w->out, "<p class=\"field%s\"><label for=\"g%s-learning_form\">%s</label>", err ? " invalid" : "", sfx,
	     _("Learning form by which you will learn it"));
	if (err)
		html(w->out, "<span class=\"field-error\">%s</span>", err);
	html(w->out, "<select id=\"g%s-learning_form\" name=\"learning_form\"><option value=\"\">%s</option>", sfx,
	     _("(not chosen yet)"));
	for (size_t i = 0; i < n; i++)
		html(w->out, "<option value=\"%s\"%s>%s</option>", f[i].key, !strcmp(chosen, f[i].key) ? " selected" : "",
		     f[i].name);
	html(w->out, "</select> <a href=\"/catalogue/match\">%s</a></p>", _("Which learning form fits?"));
}

/* The form of one goal (goal NULL: a new one), each field with its error. */
static void goal_form(struct web *w, long long group_id, const struct development_goal *goal, const struct errors *ge)
{
	long long gid = goal ? goal->id : 0;
	form_errors(w, ge);
	html(w->out, "<form method=\"post\" action=\"/groups/%lld/plan/goals\"><input type=\"hidden\" name=\"goal_id\" value=\"%lld\">",
	     group_id, gid);
	form_csrf(w);
	const char *sfx = arena_printf(w->a, "%lld", gid);
	struct { const char *name, *label, *value, *type; } f[] = {
		{ "text", _("Goal"), ge ? web_field(w, "text") : goal ? goal->text : "", "area" },
		{ "measure", _("How it shows (how you or others notice you reached it)"), ge ? web_field(w, "measure") : goal ? goal->measure : "", "area" },
		{ "due_on", _("By"), ge ? web_field(w, "due_on") : goal ? goal->due_on : "", "date" },
	};
	for (size_t k = 0; k < sizeof(f) / sizeof(*f); k++) {
		const char *err = ge ? errors_get(ge, f[k].name) : NULL;
		html(w->out, "<p class=\"field%s\"><label for=\"g%s-%s\">%s</label>", err ? " invalid" : "", sfx, f[k].name, f[k].label);
		if (err)
			html(w->out, "<span class=\"field-error\">%s</span>", err);
		if (!strcmp(f[k].type, "area"))
			html(w->out, "<textarea id=\"g%s-%s\" name=\"%s\" rows=\"2\">%s</textarea></p>", sfx, f[k].name, f[k].name, f[k].value);
		else
			html(w->out, !strcmp(f[k].type, "date") ? "<input id=\"g%s-%s\" name=\"%s\" type=\"date\" value=\"%s\"></p>"
								 : "<input id=\"g%s-%s\" name=\"%s\" type=\"text\" value=\"%s\"></p>",
			     sfx, f[k].name, f[k].name, f[k].value);
	}
	elements_select(w, sfx, goal, ge);
	learning_form_select(w, sfx, goal, ge);
	if (goal)
		html(w->out, "<p><button type=\"submit\">%s</button> <button type=\"submit\" name=\"action\" value=\"delete\" class=\"danger\">%s</button></p></form>\n",
		     _("Save goal"), _("Remove goal"));
	else
		html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Add goal"));
}

static void assignment_section(struct web *w, long long group_id, const struct plan *p, const struct errors *e)
{
	html(w->out, "<h2 id=\"assignment\">%s</h2>", _("Development assignment at work"));
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/groups/%lld/plan/assignment\">", group_id);
	form_csrf(w);
	form_textarea(w, "assignment", _("What you will do at work to learn it"), e ? web_field(w, "assignment") : p->assignment, e, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Save assignment"));
}

static void talks_section(struct web *w, long long group_id, const struct plan *p, const struct errors *e)
{
	html(w->out, "<h2 id=\"talks\">%s</h2>", _("Talks with your manager"));
	if (p->ntalks) {
		html(w->out, "<ul>");
		for (size_t i = 0; i < p->ntalks; i++)
			html(w->out, "<li>%s: %s</li>", p->talks[i].held_on, *p->talks[i].agreements ? p->talks[i].agreements : "—");
		html(w->out, "</ul>");
	}
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/groups/%lld/plan/talks\">", group_id);
	form_csrf(w);
	form_input(w, "talk_on", _("Date of the talk"), "date", e ? web_field(w, "talk_on") : "", e, NULL);
	form_textarea(w, "agreements", _("Agreements"), e ? web_field(w, "agreements") : "", e, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Add talk"));
}

static void plan_page(struct web *w, const char *form, long long which, const struct errors *e, int status)
{
	struct plan p;
	struct learning_group g;
	int d = plan_own(&w->ctx, w->id[0], &g, &p);
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (d) {
		web_error(w, 500, _("The group could not be read. Try again later."));
		return;
	}
	page_begin(w, _("My development plan"));
	page_done_message(w);
	html(w->out, "<p><a href=\"/groups/%lld\">%s</a></p><p>%s</p>", g.id, arena_printf(w->a, _("Back to %s"), g.name),
	     _("Your goals, your assignment at work and your talks with your manager. Each goal gets tips to make it SMART; they help, they never stop you from saving. Your facilitator and mentor read your plan."));
	for (size_t i = 0; i <= p.ngoals; i++) {
		const struct development_goal *goal = i < p.ngoals ? &p.goals[i] : NULL;
		long long gid = goal ? goal->id : 0;
		html(w->out, "<h2>%s</h2>", goal ? arena_printf(w->a, _("Goal %zu"), i + 1) : _("A new goal"));
		if (goal)
			goal_view(w, goal);
		goal_form(w, g.id, goal, form && !strcmp(form, "goal") && which == gid ? e : NULL);
	}
	assignment_section(w, g.id, &p, form && !strcmp(form, "assignment") ? e : NULL);
	awareness_questions(w);
	talks_section(w, g.id, &p, form && !strcmp(form, "talk") ? e : NULL);
	page_end(w);
	w->r->status = status;
}

void page_plan(struct web *w)
{
	plan_page(w, NULL, 0, NULL, 200);
}

static void after(struct web *w, int d, const char *form, long long which, const struct errors *e)
{
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/groups/%lld/plan?done=plan-saved", w->id[0]));
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_INVALID)
		plan_page(w, form, which, e, 422);
	else
		web_error(w, 500, _("The plan could not be saved. Try again later."));
}

void page_plan_goal(struct web *w)
{
	struct errors e = { 0 };
	long long gid = web_field_id(w, "goal_id");
	if (gid > 0 && !strcmp(web_field(w, "action"), "delete")) {
		struct learning_group g;
		struct plan p;
		int d = plan_own(&w->ctx, w->id[0], &g, &p);
		const struct development_goal *goal = NULL;
		for (size_t i = 0; !d && i < p.ngoals && !goal; i++)
			if (p.goals[i].id == gid)
				goal = &p.goals[i];
		if (!d && !goal)
			d = D_NOTFOUND;
		if (d) {
			after(w, d, "goal", gid, &e);
			return;
		}
		if (!web_confirm_delete(w, arena_printf(w->a, _("the goal “%s” of your development plan"), goal->text),
					arena_printf(w->a, "/groups/%lld/plan", w->id[0])))
			return;
		after(w, plan_goal_delete(&w->ctx, gid), "goal", gid, &e);
		return;
	}
	struct development_goal g = { 0 };
	g.id = gid > 0 ? gid : 0;
	g.text = (char *)web_field(w, "text");
	g.measure = (char *)web_field(w, "measure");
	g.due_on = (char *)web_field(w, "due_on");
	g.elements = (char *)web_field(w, "elements");  /* codes, from a script or an older form */
	g.learning_form = (char *)web_field(w, "learning_form");
	if (!web_field_ids(w, "element_id", &g.element_ids, &g.nelement_ids)) {
		errors_add(&w->ctx, &e, "elements", "%s", _("Choose the framework elements from the list."));
		after(w, D_INVALID, "goal", g.id, &e);
		return;
	}
	after(w, plan_goal_save(&w->ctx, w->id[0], &g, (long long)time(NULL), &e, NULL), "goal", g.id, &e);
}

void page_plan_assignment(struct web *w)
{
	struct errors e = { 0 };
	after(w, plan_assignment_save(&w->ctx, w->id[0], web_field(w, "assignment"), (long long)time(NULL), &e), "assignment",
	      0, &e);
}

void page_plan_talk(struct web *w)
{
	struct errors e = { 0 };
	after(w, plan_talk_add(&w->ctx, w->id[0], web_field(w, "talk_on"), web_field(w, "agreements"), (long long)time(NULL), &e, NULL),
	      "talk", 0, &e);
}
