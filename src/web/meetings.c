/* meetings.c — one meeting of a group: when and where, its script, the
 * menu choice (refused with the rule it breaks), attendance. Coach and the
 * group's facilitator change it; mentor and participants read it. */
#include "web.h"
#include "domain/group.h"
#include "domain/meeting.h"
#include "domain/schedule.h"
#include "html/html.h"
#include "store/design.h"
#include "store/group.h"
#include "store/meeting.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

struct meeting_view {
	struct meeting m;
	struct learning_group g;
	enum group_relation rel;
};

/* Opens the meeting with its group; 404 for those who may not see it. */
static bool open_meeting(struct web *w, struct meeting_view *v)
{
	int d = meeting_open(&w->ctx, w->id[0], &v->m, &v->g, &v->rel);
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return false;
	}
	if (d) {
		web_error(w, 500, _("The meeting could not be read. Try again later."));
		return false;
	}
	return true;
}

static bool contains(const char *ids, long long id)
{
	const char *p = ids;
	while (p && *p) {
		char *end;
		if (strtoll(p, &end, 10) == id)
			return true;
		p = *end ? end + 1 : end;
	}
	return false;
}

static void choice_section(struct web *w, const struct meeting_view *v, const struct enrolment *en, size_t nen,
			   const struct errors *e)
{
	long long org = w->who.organisation_id;
	const struct meeting *m = &v->m;
	html(w->out, "<h2 id=\"choice\">%s</h2>", _("Choice from the menu card"));
	if (!strcmp(m->choice, "menu"))
		html(w->out, "<p>%s: <strong>%s%s%s</strong></p>", _("Chosen from the card"), m->topic_name,
		     m->option_name ? ": " : "", m->option_name ? m->option_name : "");
	else if (!strcmp(m->choice, "free"))
		html(w->out, "<p>%s: <strong>%s</strong></p>", _("Free choice"), m->free_topic);
	else
		html(w->out, "<p>%s</p>", _("Not chosen yet."));
	if (*m->justification)
		html(w->out, "<p>%s: %s</p>", _("Justification"), m->justification);
	if (*m->preparers) {
		html(w->out, "<p>%s: ", _("Prepared by"));
		bool first = true;
		for (size_t i = 0; i < nen; i++)
			if (contains(m->preparers, en[i].person_id)) {
				html(w->out, "%s%s", first ? "" : ", ", en[i].person_name);
				first = false;
			}
		html(w->out, "</p>");
	}
	if (!group_may_run(v->rel))
		return;
	struct menu_topic *t;
	struct menu_option *o;
	size_t nt, no;
	if (store_menu_topic_list(w->st, w->a, org, v->g.programme_id, &t, &nt) ||
	    store_menu_option_list(w->st, w->a, org, v->g.programme_id, &o, &no))
		return;
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/meetings/%lld/choice\">", m->id);
	form_csrf(w);
	/* one list: "t:ID" for a topic, "o:ID" for an option of it, "free" */
	const char *cur = e ? web_field(w, "pick")
			    : !strcmp(m->choice, "free") ? "free"
			    : m->option_id ? arena_printf(w->a, "o:%lld", m->option_id)
			    : m->topic_id ? arena_printf(w->a, "t:%lld", m->topic_id) : "";
	const char *err = e ? errors_get(e, "topic") ? errors_get(e, "topic") : errors_get(e, "choice") : NULL;
	html(w->out, "<p class=\"field%s\"><label for=\"f-pick\">%s</label>", err ? " invalid" : "", _("Topic"));
	if (err)
		html(w->out, "<span class=\"field-error\" id=\"e-pick\">%s</span>", err);
	html(w->out, err ? "<select id=\"f-pick\" name=\"pick\" aria-invalid=\"true\" aria-describedby=\"e-pick\">"
			 : "<select id=\"f-pick\" name=\"pick\">");
	html(w->out, "<option value=\"\">%s</option>", _("(choose)"));
	for (size_t i = 0; i < nt; i++) {
		const char *tv = arena_printf(w->a, "t:%lld", t[i].id);
		html(w->out, "<optgroup label=\"%s\"><option value=\"%s\"%s>%s</option>", t[i].name, tv,
		     !strcmp(cur, tv) ? " selected" : "", t[i].name);
		for (size_t k = 0; k < no; k++)
			if (o[k].topic_id == t[i].id) {
				const char *ov = arena_printf(w->a, "o:%lld", o[k].id);
				html(w->out, "<option value=\"%s\"%s>%s: %s</option>", ov, !strcmp(cur, ov) ? " selected" : "",
				     t[i].name, o[k].name);
			}
		html(w->out, "</optgroup>");
	}
	html(w->out, "<option value=\"free\"%s>%s</option></select></p>", !strcmp(cur, "free") ? " selected" : "",
	     _("Free choice (describe it below)"));
	form_input(w, "free_topic", _("Free choice"), "text", e ? web_field(w, "free_topic") : m->free_topic, e, NULL);
	form_textarea(w, "justification", _("Justification from the group's learning need"),
		      e ? web_field(w, "justification") : m->justification, e, NULL);
	const char *perr = e ? errors_get(e, "preparers") : NULL;
	html(w->out, perr ? "<fieldset id=\"f-preparers\" class=\"invalid\"><legend>%s</legend>" : "<fieldset id=\"f-preparers\"><legend>%s</legend>",
	     _("Participants who prepare this meeting with the facilitator"));
	if (perr)
		html(w->out, "<p class=\"field-error\">%s</p>", perr);
	for (size_t i = 0; i < nen; i++) {
		if (!strcmp(en[i].status, "stopped"))
			continue;
		bool on = false;
		if (e) {
			for (size_t k = 0; k < w->r->form.n; k++)
				on |= !strcmp(w->r->form.items[k].key, "preparers") &&
				      web_value_id(w->r->form.items[k].value) == en[i].person_id;
		} else {
			on = contains(m->preparers, en[i].person_id);
		}
		html(w->out, "<p><input type=\"checkbox\" id=\"p-%lld\" name=\"preparers\" value=\"%lld\"%s> "
			"<label for=\"p-%lld\" class=\"inline\">%s</label></p>",
		     en[i].person_id, en[i].person_id, on ? " checked" : "", en[i].person_id, en[i].person_name);
	}
	html(w->out, "</fieldset><p><button type=\"submit\">%s</button></p></form>\n", _("Save choice"));
}

static void meeting_page(struct web *w, const char *form, const struct errors *e, int status)
{
	struct meeting_view v;
	if (!open_meeting(w, &v))
		return;
	long long org = w->who.organisation_id;
	const struct meeting *m = &v.m;
	struct enrolment *en;
	struct attendance *at;
	struct script_part *sp;
	size_t nen, nat, nsp;
	if (store_enrolment_list(w->st, w->a, org, v.g.id, &en, &nen) ||
	    store_attendance_list(w->st, w->a, org, v.g.id, &at, &nat) ||
	    store_script_part_list(w->st, w->a, org, v.g.programme_id, &sp, &nsp)) {
		web_error(w, 500, _("The meeting could not be read. Try again later."));
		return;
	}
	page_begin(w, arena_printf(w->a, _("Meeting %d: %s"), m->number, m->theme));
	page_done_message(w);
	html(w->out, "<p><a href=\"/groups/%lld\">%s</a></p>", v.g.id, arena_printf(w->a, _("Back to %s"), v.g.name));
	if (m->cancelled)
		html(w->out, "<p class=\"warn\">%s</p>", _("This meeting has been cancelled."));
	html(w->out, "<dl><dt>%s</dt><dd>%s%s</dd><dt>%s</dt><dd>%s–%s</dd><dt>%s</dt><dd>%s</dd></dl>", _("Date"),
	     date_label(w->a, m->starts_on),
	     strcmp(m->ends_on, m->starts_on) ? arena_printf(w->a, " – %s", date_label(w->a, m->ends_on)) : "", _("Time"),
	     m->start_time, m->end_time, _("Venue"), *m->venue ? m->venue : "—");

	if (v.rel != REL_OWNER)
		html(w->out, "<p><a href=\"/meetings/%lld/report\">%s</a></p>", m->id, _("Report of this meeting"));

	/* the script, for those who prepare and lead the meeting */
	if (v.rel != REL_PARTICIPANT) {
		bool any = false;
		for (size_t i = 0; i < nsp; i++) {
			if (sp[i].programme_meeting_id != m->programme_meeting_id)
				continue;
			if (!any)
				html(w->out, "<h2>%s</h2><ol>", _("Script"));
			any = true;
			html(w->out, "<li><strong>%s</strong>%s", sp[i].title,
			     sp[i].minutes ? arena_printf(w->a, " (%s)", arena_printf(w->a, _("%d min."), sp[i].minutes)) : "");
			if (*sp[i].learning_goal)
				html(w->out, "<br>%s: %s", _("Learning goal"), sp[i].learning_goal);
			if (*sp[i].material)
				html(w->out, "<br>%s: %s", _("Material"), sp[i].material);
			if (*sp[i].led_by)
				html(w->out, "<br>%s: %s", _("Led by"), sp[i].led_by);
			html(w->out, "</li>");
		}
		if (any)
			html(w->out, "</ol>\n");
	}
	if (m->from_menu)
		choice_section(w, &v, en, nen, form && !strcmp(form, "choice") ? e : NULL);

	if (group_may_run(v.rel)) {
		const struct errors *ae = form && !strcmp(form, "attendance") ? e : NULL;
		html(w->out, "<h2 id=\"attendance\">%s</h2><p class=\"muted\">%s</p>", _("Attendance"),
		     _("Taking part is voluntary and never a sanction; attendance is recorded to follow the group."));
		form_errors(w, ae);
		html(w->out, "<form method=\"post\" action=\"/meetings/%lld/attendance\">", m->id);
		form_csrf(w);
		static const char *const st[] = { "", "present", "excused", "absent" };
		for (size_t i = 0; i < nen; i++) {
			const char *cur = "";
			for (size_t k = 0; k < nat; k++)
				if (at[k].meeting_id == m->id && at[k].person_id == en[i].person_id)
					cur = at[k].status;
			html(w->out, "<fieldset class=\"attendance\"><legend>%s</legend>", en[i].person_name);
			for (int k = 0; k < 4; k++)
				html(w->out, "<input type=\"radio\" id=\"a-%lld-%d\" name=\"p%lld\" value=\"%s\"%s> "
					"<label for=\"a-%lld-%d\" class=\"inline\">%s</label> ",
				     en[i].person_id, k, en[i].person_id, st[k], !strcmp(cur, st[k]) ? " checked" : "",
				     en[i].person_id, k, k ? attendance_label(st[k]) : _("not recorded"));
			html(w->out, "</fieldset>");
		}
		html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Save attendance"));

		const struct errors *ce = form && !strcmp(form, "change") ? e : NULL;
		html(w->out, "<h2 id=\"change\">%s</h2>", _("Move or cancel"));
		form_errors(w, ce);
		html(w->out, "<form method=\"post\" action=\"/meetings/%lld\">", m->id);
		form_csrf(w);
		form_input(w, "date", _("Date"), "date", ce ? web_field(w, "date") : m->starts_on, ce, NULL);
		form_input(w, "start", _("Start"), "time", ce ? web_field(w, "start") : m->start_time, ce, NULL);
		form_input(w, "end", _("End"), "time", ce ? web_field(w, "end") : m->end_time, ce, NULL);
		form_input(w, "venue", _("Venue"), "text", ce ? web_field(w, "venue") : m->venue, ce, NULL);
		html(w->out, "<p><input type=\"checkbox\" id=\"f-cancelled\" name=\"cancelled\" value=\"1\"%s> "
			"<label for=\"f-cancelled\" class=\"inline\">%s</label></p><p><button type=\"submit\">%s</button></p></form>\n",
		     m->cancelled ? " checked" : "", _("Cancelled"), _("Save"));
	} else if (v.rel == REL_PARTICIPANT || v.rel == REL_MENTOR) {
		for (size_t k = 0; k < nat; k++)
			if (at[k].meeting_id == m->id && at[k].person_id == w->who.person_id)
				html(w->out, "<p>%s: %s</p>", _("Your attendance"), attendance_label(at[k].status));
	}
	page_end(w);
	w->r->status = status;
}

void page_meeting(struct web *w)
{
	meeting_page(w, NULL, NULL, 200);
}

static bool open_to_run(struct web *w, struct meeting_view *v)
{
	if (!open_meeting(w, v))
		return false;
	if (!group_may_run(v->rel)) {
		web_error(w, 403, _("Only the coach and the group's facilitator change a meeting."));
		return false;
	}
	return true;
}

static void after(struct web *w, int d, const char *done, const char *form, const struct errors *e)
{
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/meetings/%lld?done=%s", w->id[0], done));
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_INVALID)
		meeting_page(w, form, e, 422);
	else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

void page_meeting_change(struct web *w)
{
	struct meeting_view v;
	if (!open_to_run(w, &v))
		return;
	struct errors e = { 0 };
	struct meeting_when when = { web_field(w, "date"), web_field(w, "start"), web_field(w, "end"), web_field(w, "venue") };
	int d = meeting_change(&w->ctx, v.m.id, &when, *web_field(w, "cancelled") != '\0', (long long)time(NULL), &e);
	after(w, d, "meeting-changed", "change", &e);
}

void page_meeting_choice(struct web *w)
{
	struct meeting_view v;
	if (!open_to_run(w, &v))
		return;
	struct errors e = { 0 };
	const char *pick = web_field(w, "pick");
	struct meeting_choice ch = { 0 };
	ch.free = !strcmp(pick, "free");
	if (!strncmp(pick, "o:", 2)) {
		ch.option_id = web_value_id(pick + 2);
		struct menu_option *o;
		size_t no;
		if (!store_menu_option_list(w->st, w->a, w->who.organisation_id, v.g.programme_id, &o, &no))
			for (size_t i = 0; i < no; i++)
				if (o[i].id == ch.option_id)
					ch.topic_id = o[i].topic_id;
	} else if (!strncmp(pick, "t:", 2)) {
		ch.topic_id = web_value_id(pick + 2);
	}
	ch.free_topic = web_field(w, "free_topic");
	ch.justification = web_field(w, "justification");
	const struct kvlist *f = &w->r->form;
	long long *prep = arena_alloc(w->a, (f->n + 1) * sizeof(*prep));
	for (size_t i = 0; i < f->n; i++)
		if (!strcmp(f->items[i].key, "preparers"))
			prep[ch.npreparers++] = web_value_id(f->items[i].value);
	ch.preparers = prep;
	int d = meeting_choose(&w->ctx, v.m.id, &ch, (long long)time(NULL), &e);
	after(w, d, "choice-saved", "choice", &e);
}

void page_meeting_attendance(struct web *w)
{
	struct meeting_view v;
	if (!open_to_run(w, &v))
		return;
	struct enrolment *en;
	size_t nen;
	if (store_enrolment_list(w->st, w->a, w->who.organisation_id, v.g.id, &en, &nen)) {
		web_error(w, 500, _("The change could not be saved. Try again later."));
		return;
	}
	struct errors e = { 0 };
	int d = D_OK;
	long long now = (long long)time(NULL);
	if (store_begin(w->st)) {
		web_error(w, 500, _("The change could not be saved. Try again later."));
		return;
	}
	for (size_t i = 0; i < nen && d == D_OK; i++) {
		const char *status = web_field(w, arena_printf(w->a, "p%lld", en[i].person_id));
		d = attendance_record(&w->ctx, v.m.id, en[i].person_id, status, now, &e);
	}
	if (d != D_OK)
		store_rollback(w->st);
	else if (store_commit(w->st))
		d = D_ERROR;
	after(w, d, "attendance-saved", "attendance", &e);
}
