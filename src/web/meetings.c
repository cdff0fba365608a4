/* meetings.c — one meeting of a group: when and where, its script, the
 * menu choice (refused with the rule it breaks), attendance. Coach and the
 * group's facilitator change it; mentor and participants read it. */
#include "web.h"
#include "domain/group.h"
#include "domain/meeting.h"
#include "domain/schedule.h"
#include "html/html.h"

#include <string.h>
#include <time.h>

static bool read_failed(struct web *w, int d)
{
	if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d)
		web_error(w, 500, _("The meeting could not be read. Try again later."));
	return d != D_OK;
}

/* What was chosen from the card, and who prepares the meeting. */
static void choice_summary(struct web *w, const struct meeting_view *v)
{
	const struct meeting *m = &v->m;
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
		for (size_t i = 0; i < v->nenrolments; i++)
			if (meeting_prepared_by(m, v->enrolments[i].person_id)) {
				html(w->out, "%s%s", first ? "" : ", ", v->enrolments[i].person_name);
				first = false;
			}
		html(w->out, "</p>");
	}
}

/* One list of the card: "t:ID" for a topic, "o:ID" for an option of it, "free". */
static void pick_select(struct web *w, const struct meeting_view *v, const struct errors *e)
{
	const struct meeting *m = &v->m;
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
	for (size_t i = 0; i < v->ntopics; i++) {
		const struct menu_topic *t = &v->topics[i];
		const char *tv = arena_printf(w->a, "t:%lld", t->id);
		html(w->out, "<optgroup label=\"%s\"><option value=\"%s\"%s>%s</option>", t->name, tv,
		     !strcmp(cur, tv) ? " selected" : "", t->name);
		for (size_t k = 0; k < v->noptions; k++)
			if (v->options[k].topic_id == t->id) {
				const char *ov = arena_printf(w->a, "o:%lld", v->options[k].id);
				html(w->out, "<option value=\"%s\"%s>%s: %s</option>", ov, !strcmp(cur, ov) ? " selected" : "",
				     t->name, v->options[k].name);
			}
		html(w->out, "</optgroup>");
	}
	html(w->out, "<option value=\"free\"%s>%s</option></select></p>", !strcmp(cur, "free") ? " selected" : "",
	     _("Free choice (describe it below)"));
}

/* The participants who may prepare the meeting, as checkboxes. */
static void preparers_fieldset(struct web *w, const struct meeting_view *v, const struct errors *e)
{
	const char *perr = e ? errors_get(e, "preparers") : NULL;
	html(w->out, perr ? "<fieldset id=\"f-preparers\" class=\"invalid\"><legend>%s</legend>" : "<fieldset id=\"f-preparers\"><legend>%s</legend>",
	     _("Participants who prepare this meeting with the facilitator"));
	if (perr)
		html(w->out, "<p class=\"field-error\">%s</p>", perr);
	for (size_t i = 0; i < v->nenrolments; i++) {
		const struct enrolment *en = &v->enrolments[i];
		if (!strcmp(en->status, "stopped"))
			continue;
		bool on = false;
		if (e) {
			for (size_t k = 0; k < w->r->form.n; k++)
				on |= !strcmp(w->r->form.items[k].key, "preparers") &&
				      web_value_id(w->r->form.items[k].value) == en->person_id;
		} else {
			on = meeting_prepared_by(&v->m, en->person_id);
		}
		html(w->out, "<p><input type=\"checkbox\" id=\"p-%lld\" name=\"preparers\" value=\"%lld\"%s> "
			"<label for=\"p-%lld\" class=\"inline\">%s</label></p>",
		     en->person_id, en->person_id, on ? " checked" : "", en->person_id, en->person_name);
	}
	html(w->out, "</fieldset>");
}

static void choice_section(struct web *w, const struct meeting_view *v, const struct errors *e)
{
	const struct meeting *m = &v->m;
	html(w->out, "<h2 id=\"choice\">%s</h2>", _("Choice from the menu card"));
	choice_summary(w, v);
	if (!v->may_run)
		return;
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/meetings/%lld/choice\">", m->id);
	form_csrf(w);
	pick_select(w, v, e);
	form_input(w, "free_topic", _("Free choice"), "text", e ? web_field(w, "free_topic") : m->free_topic, e, NULL);
	form_textarea(w, "justification", _("Justification from the group's learning need"),
		      e ? web_field(w, "justification") : m->justification, e, NULL);
	preparers_fieldset(w, v, e);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Save choice"));
}

/* When and where, and the link to the report. */
static void facts_section(struct web *w, const struct meeting_view *v)
{
	const struct meeting *m = &v->m;
	html(w->out, "<p><a href=\"/groups/%lld\">%s</a></p>", v->g.id, arena_printf(w->a, _("Back to %s"), v->g.name));
	if (m->cancelled)
		html(w->out, "<p class=\"warn\">%s</p>", _("This meeting has been cancelled."));
	html(w->out, "<dl><dt>%s</dt><dd>%s%s</dd><dt>%s</dt><dd>%s–%s</dd><dt>%s</dt><dd>%s</dd></dl>", _("Date"),
	     date_label(w->a, m->starts_on),
	     strcmp(m->ends_on, m->starts_on) ? arena_printf(w->a, " – %s", date_label(w->a, m->ends_on)) : "", _("Time"),
	     m->start_time, m->end_time, _("Venue"), *m->venue ? m->venue : "—");
	if (v->may_read_report)
		html(w->out, "<p><a href=\"/meetings/%lld/report\">%s</a></p>", m->id, _("Report of this meeting"));
}

/* The script, for those who prepare and lead the meeting (the domain hands
 * a participant none). */
static void script_section(struct web *w, const struct meeting_view *v)
{
	if (!v->nscript)
		return;
	html(w->out, "<h2>%s</h2><ol>", _("Script"));
	for (size_t i = 0; i < v->nscript; i++) {
		const struct script_part *sp = &v->script[i];
		html(w->out, "<li><strong>%s</strong>%s", sp->title,
		     sp->minutes ? arena_printf(w->a, " (%s)", arena_printf(w->a, _("%d min."), sp->minutes)) : "");
		if (*sp->learning_goal)
			html(w->out, "<br>%s: %s", _("Learning goal"), sp->learning_goal);
		if (*sp->material)
			html(w->out, "<br>%s: %s", _("Material"), sp->material);
		if (*sp->led_by)
			html(w->out, "<br>%s: %s", _("Led by"), sp->led_by);
		html(w->out, "</li>");
	}
	html(w->out, "</ol>\n");
}

static const char *status_of(const struct meeting_view *v, long long person_id)
{
	const char *cur = "";
	for (size_t k = 0; k < v->nattendance; k++)
		if (v->attendance[k].person_id == person_id)
			cur = v->attendance[k].status;
	return cur;
}

static void attendance_section(struct web *w, const struct meeting_view *v, const struct errors *e)
{
	html(w->out, "<h2 id=\"attendance\">%s</h2><p class=\"muted\">%s</p>", _("Attendance"),
	     _("Taking part is voluntary and never a sanction; attendance is recorded to follow the group."));
	form_errors(w, e);
	/* nothing recorded yet: everyone present, then the exceptions */
	bool fresh = !v->nattendance && !e;
	if (fresh && v->nenrolments)
		html(w->out, "<p class=\"hint\">%s</p>",
		     _("Everyone is set to present: mark only who was excused or absent, then save."));
	html(w->out, "<form method=\"post\" action=\"/meetings/%lld/attendance\">", v->m.id);
	form_csrf(w);
	static const char *const st[] = { "", "present", "excused", "absent" };
	for (size_t i = 0; i < v->nenrolments; i++) {
		const struct enrolment *en = &v->enrolments[i];
		const char *cur = fresh ? "present" : status_of(v, en->person_id);
		html(w->out, "<fieldset class=\"attendance\"><legend>%s</legend>", en->person_name);
		for (int k = 0; k < 4; k++)
			html(w->out, "<input type=\"radio\" id=\"a-%lld-%d\" name=\"p%lld\" value=\"%s\"%s> "
				"<label for=\"a-%lld-%d\" class=\"inline\">%s</label> ",
			     en->person_id, k, en->person_id, st[k], !strcmp(cur, st[k]) ? " checked" : "",
			     en->person_id, k, k ? attendance_label(st[k]) : _("not recorded"));
		html(w->out, "</fieldset>");
	}
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Save attendance"));
}

static void change_section(struct web *w, const struct meeting *m, const struct errors *e)
{
	html(w->out, "<h2 id=\"change\">%s</h2>", _("Move or cancel"));
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/meetings/%lld\">", m->id);
	form_csrf(w);
	form_input(w, "date", _("Date"), "date", e ? web_field(w, "date") : m->starts_on, e, NULL);
	form_input(w, "start", _("Start"), "time", e ? web_field(w, "start") : m->start_time, e, NULL);
	form_input(w, "end", _("End"), "time", e ? web_field(w, "end") : m->end_time, e, NULL);
	form_input(w, "venue", _("Venue"), "text", e ? web_field(w, "venue") : m->venue, e, NULL);
	html(w->out, "<p><input type=\"checkbox\" id=\"f-cancelled\" name=\"cancelled\" value=\"1\"%s> "
		"<label for=\"f-cancelled\" class=\"inline\">%s</label></p><p><button type=\"submit\">%s</button></p></form>\n",
	     m->cancelled ? " checked" : "", _("Cancelled"), _("Save"));
}

/* The errors of form `name`, when they are the ones being shown. */
static const struct errors *errors_of(const char *form, const struct errors *e, const char *name)
{
	return form && !strcmp(form, name) ? e : NULL;
}

static void meeting_page(struct web *w, const char *form, const struct errors *e, int status)
{
	struct meeting_view v;
	if (read_failed(w, meeting_view_open(&w->ctx, w->id[0], &v)))
		return;
	page_begin(w, arena_printf(w->a, _("Meeting %d: %s"), v.m.number, meeting_title(w->a, &v.m)));
	page_done_message(w);
	facts_section(w, &v);
	script_section(w, &v);
	if (v.m.from_menu)
		choice_section(w, &v, errors_of(form, e, "choice"));
	if (v.may_run) {
		attendance_section(w, &v, errors_of(form, e, "attendance"));
		change_section(w, &v.m, errors_of(form, e, "change"));
	} else {
		/* the domain hands a participant or mentor their own record only */
		for (size_t k = 0; k < v.nattendance; k++)
			html(w->out, "<p>%s: %s</p>", _("Your attendance"), attendance_label(v.attendance[k].status));
	}
	page_end(w);
	w->r->status = status;
}

void page_meeting(struct web *w)
{
	meeting_page(w, NULL, NULL, 200);
}

static bool open_to_run(struct web *w, struct meeting *m, struct learning_group *g)
{
	int d = meeting_open_to_run(&w->ctx, w->id[0], m, g);
	if (d == D_FORBIDDEN) {
		web_error(w, 403, _("Only the coach and the group's facilitator change a meeting."));
		return false;
	}
	return !read_failed(w, d);
}

static void after(struct web *w, int d, const char *done, const char *form, const struct errors *e)
{
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/meetings/%lld?done=%s", w->id[0], done));
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_FORBIDDEN)
		web_error(w, 403, _("Only the coach and the group's facilitator change a meeting."));
	else if (d == D_INVALID)
		meeting_page(w, form, e, 422);
	else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

void page_meeting_change(struct web *w)
{
	struct meeting m;
	struct learning_group g;
	if (!open_to_run(w, &m, &g))
		return;
	struct errors e = { 0 };
	struct meeting_when when = { web_field(w, "date"), web_field(w, "start"), web_field(w, "end"), web_field(w, "venue") };
	int d = meeting_change(&w->ctx, m.id, &when, *web_field(w, "cancelled") != '\0', (long long)time(NULL), &e);
	after(w, d, "meeting-changed", "change", &e);
}

void page_meeting_choice(struct web *w)
{
	struct meeting m;
	struct learning_group g;
	if (!open_to_run(w, &m, &g))
		return;
	struct errors e = { 0 };
	const char *pick = web_field(w, "pick");
	struct meeting_choice ch = { 0 };
	ch.free = !strcmp(pick, "free");
	if (!strncmp(pick, "o:", 2)) {
		ch.option_id = web_value_id(pick + 2);
		ch.topic_id = menu_option_topic(&w->ctx, g.programme_id, ch.option_id);
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
	int d = meeting_choose(&w->ctx, m.id, &ch, (long long)time(NULL), &e);
	after(w, d, "choice-saved", "choice", &e);
}

/* The status the form gives person_id ("p<id>"), "" when none. */
static const char *form_status(void *arg, long long person_id)
{
	struct web *w = arg;
	return web_field(w, arena_printf(w->a, "p%lld", person_id));
}

void page_meeting_attendance(struct web *w)
{
	struct errors e = { 0 };
	int d = meeting_attendance_save(&w->ctx, w->id[0], form_status, w, (long long)time(NULL), &e);
	after(w, d, "attendance-saved", "attendance", &e);
}
