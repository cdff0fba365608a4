/* session_actions.c — follow-up actions on pages: on the leader's screen
 * of a session the review of the group's earlier open actions ("what
 * became of it") and the form that makes new ones; the session's own
 * actions for its members; "My actions" on the start page; the forms that
 * mark an action done or carry it on. The rules are in
 * domain/session_action.c. */
#include "web.h"
#include "domain/case_session.h"
#include "domain/schedule.h"
#include "domain/session_action.h"
#include "html/html.h"

#include <string.h>

static const char *status_label(const char *status)
{
	return !strcmp(status, "done") ? _("done") : !strcmp(status, "dropped") ? _("dropped") : _("open");
}

/* "done" and "carry on" for one open action; review: the session that
 * reviews it (0: the owner or leader on their own page); back: where to
 * return to. */
static void action_forms(struct web *w, const struct session_action *x, long long review, const char *back)
{
	html(w->out, "<form method=\"post\" action=\"/actions/%lld\" class=\"inline action-form\">", x->id);
	form_csrf(w);
	if (review)
		html(w->out, "<input type=\"hidden\" name=\"review\" value=\"%lld\">", review);
	html(w->out, "<input type=\"hidden\" name=\"back\" value=\"%s\">", back);
	html(w->out, "<button type=\"submit\" name=\"status\" value=\"done\">%s</button> "
		     "<label for=\"f-due-%lld\">%s</label> <input id=\"f-due-%lld\" name=\"due_on\" type=\"date\" value=\"\"> "
		     "<button type=\"submit\" name=\"status\" value=\"open\">%s</button></form>",
	     _("Done"), x->id, _("New due date"), x->id, _("Carry on"));
}

/* The action's text, owner (not on the owner's own list) and due date,
 * marked when overdue or no longer open. */
static void action_line(struct web *w, const struct session_action *x, const char *today, bool owner)
{
	const char *due = arena_printf(w->a, _("due %s"), date_label(w->a, x->due_on));
	html(w->out, "<span class=\"action-text\">%s</span> <span class=\"muted\">(%s)</span>", x->text,
	     owner ? arena_printf(w->a, "%s · %s", x->person_name, due) : due);
	if (session_action_overdue(x, today))
		html(w->out, " <strong class=\"tag\">%s</strong>", _("overdue"));
	else if (strcmp(x->status, "open"))
		html(w->out, " <strong class=\"tag\">%s</strong>", status_label(x->status));
}

void session_actions_review(struct web *w, long long session_id, const struct session_actions *a)
{
	if (!a->nearlier)
		return;
	const char *today = web_today(w);
	const char *back = arena_printf(w->a, "/sessions/%lld#review", session_id);
	html(w->out, "<section class=\"review\" id=\"review\"><h2>%s</h2><p>%s</p><ul class=\"actions\">",
	     _("What became of it"), _("The open actions of the group's earlier sessions: done, or carried on with a new date."));
	for (size_t i = 0; i < a->nearlier; i++) {
		const struct session_action *x = &a->earlier[i];
		html(w->out, "<li>");
		action_line(w, x, today, true);
		html(w->out, " <span class=\"muted\">%s</span>",
		     arena_printf(w->a, _("from the session of %s"), date_label(w->a, x->held_on)));
		action_forms(w, x, session_id, back);
		html(w->out, "</li>");
	}
	html(w->out, "</ul></section>");
}

void session_actions_block(struct web *w, const struct session_view *v, const struct session_actions *a,
			   const struct errors *err)
{
	const char *today = web_today(w);
	html(w->out, "<section id=\"actions\"><h2>%s</h2>", _("Follow-up actions"));
	if (!a->nmade)
		html(w->out, "<p>%s</p>", _("No actions yet."));
	else
		html(w->out, "<ul class=\"actions\">");
	for (size_t i = 0; i < a->nmade; i++) {
		html(w->out, "<li>");
		action_line(w, &a->made[i], today, true);
		html(w->out, "</li>");
	}
	if (a->nmade)
		html(w->out, "</ul>");
	if (v->leader && v->s.step > 1) {
		html(w->out, "<h3>%s</h3>", _("New action"));
		if (err && (errors_get(err, "text") || errors_get(err, "owner") || errors_get(err, "due_on")))
			form_errors(w, err);
		html(w->out, "<form method=\"post\" action=\"/sessions/%lld/actions\">", v->s.id);
		form_csrf(w);
		form_textarea(w, "text", _("Action"), err ? web_field(w, "text") : "", err, _("What will be done, in one sentence."));
		long long chosen = err ? web_field_id(w, "owner") : 0;
		html(w->out, "<p class=\"field\"><label for=\"f-owner\">%s</label><select id=\"f-owner\" name=\"owner\">", _("Owner"));
		for (size_t i = 0; i < v->nmembers; i++)
			html(w->out, v->members[i].person_id == chosen ? "<option value=\"%lld\" selected>%s</option>"
								       : "<option value=\"%lld\">%s</option>",
			     v->members[i].person_id, v->members[i].name);
		html(w->out, "</select></p>");
		form_input(w, "due_on", _("Due date"), "date", err ? web_field(w, "due_on") : "", err, NULL);
		html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Add action"));
	}
	html(w->out, "</section>");
}

void my_actions_list(struct web *w)
{
	struct session_action *x;
	size_t n;
	if (session_action_mine(&w->ctx, &x, &n) || !n)
		return;
	const char *today = web_today(w);
	html(w->out, "<h2 id=\"actions\">%s</h2><ul class=\"tasks actions\">", _("My actions"));
	for (size_t i = 0; i < n; i++) {
		if (strcmp(x[i].status, "open"))
			continue;
		bool late = session_action_overdue(&x[i], today);
		html(w->out, late ? "<li class=\"late\">" : "<li>");
		action_line(w, &x[i], today, false);
		html(w->out, " <a href=\"/sessions/%lld\">%s</a>", x[i].session_id,
		     arena_printf(w->a, _("Session of %s (%s)"), date_label(w->a, x[i].held_on), x[i].group_name));
		action_forms(w, &x[i], 0, "/#actions");
		html(w->out, "</li>");
	}
	html(w->out, "</ul>\n");
}

void page_session_action_add(struct web *w)
{
	struct errors err = { 0 };
	long long id;
	int d = session_action_add(&w->ctx, w->id[0], web_field_id(w, "owner"), web_field(w, "text"),
				   web_field(w, "due_on"), &err, &id);
	if (d == D_INVALID)
		page_session_again(w, &err, 422);
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_FORBIDDEN)
		web_error(w, 403, _("Only the leader of the session can do this."));
	else if (d)
		web_error(w, 500, _("The session could not be read or saved. Try again later."));
	else
		web_redirect(w, arena_printf(w->a, "/sessions/%lld#actions", w->id[0]));
}

/* Back to a page of leergang's own: a path, never another site. */
static const char *safe_back(struct web *w)
{
	const char *b = web_field(w, "back");
	return b[0] == '/' && b[1] != '/' && b[1] != '\\' && !strpbrk(b, "\r\n") ? b : "/";
}

void page_action_update(struct web *w)
{
	struct errors err = { 0 };
	long long review = web_field_id(w, "review");
	int d = session_action_update(&w->ctx, w->id[0], web_field(w, "status"), web_field(w, "due_on"),
				      review > 0 ? review : 0, &err);
	if (d == D_INVALID) {
		page_begin(w, _("Follow-up action"));
		form_errors(w, &err);
		html(w->out, "<p><a href=\"%s\">%s</a></p>", safe_back(w), _("Back"));
		page_end(w);
		w->r->status = 422;
	} else if (d == D_NOTFOUND) {
		web_not_found(w);
	} else if (d == D_FORBIDDEN) {
		web_error(w, 403, _("Only the owner of the action or the leader of the session can do this."));
	} else if (d) {
		web_error(w, 500, _("The session could not be read or saved. Try again later."));
	} else {
		web_redirect(w, safe_back(w));
	}
}
