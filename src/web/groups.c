/* groups.c — learning groups: "my groups", the group page (staffing,
 * participants and their status, meetings, attendance), and the forms of
 * the coach (staffing, enrolment, status) and of the coach and facilitator
 * (planning meetings). What each person sees is decided by domain/group.h:
 * an owner sees names and status only, a participant their own group. */
#include "web.h"
#include "domain/group.h"
#include "domain/group_view.h"
#include "domain/report.h"
#include "domain/meeting.h"
#include "domain/person.h"
#include "domain/schedule.h"
#include "html/html.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A list of meetings to come (the groups page and the start page). */
void next_meetings_list(struct web *w, const struct meeting *m, size_t n)
{
	html(w->out, "<h2>%s</h2>", _("Your next meetings"));
	if (!n)
		html(w->out, "<p>%s</p>", _("No meetings planned."));
	else
		html(w->out, "<ul>");
	for (size_t i = 0; i < n; i++)
		html(w->out, "<li><a href=\"/meetings/%lld\">%s</a>: %s, %s, %s–%s%s%s</li>", m[i].id,
		     arena_printf(w->a, _("Meeting %d"), m[i].number), m[i].group_name, date_label(w->a, m[i].starts_on),
		     m[i].start_time, m[i].end_time, *m[i].venue ? ", " : "", m[i].venue);
	if (n)
		html(w->out, "</ul>");
	html(w->out, "<p><a href=\"/calendar\">%s</a></p>\n", _("Your meetings in your own calendar"));
}

/* What is next, for everyone with meetings. */
static void next_meetings(struct web *w)
{
	struct meeting *m;
	size_t n;
	if (!w->who.person_id || group_next_meetings(&w->ctx, 5, &m, &n))
		return;
	next_meetings_list(w, m, n);
}

/* The text a column of the list of groups sorts by. */
static const char *group_sort_key(struct web *w, const void *row, size_t col)
{
	(void)w;
	const struct learning_group *g = row;
	const char *k[] = { g->name, g->programme_name, g->batch_name, g->mentor_name, g->facilitator_name };
	return col < ARRAY_SIZE(k) && k[col] ? k[col] : "";
}

void page_groups(struct web *w)
{
	struct learning_group *g;
	size_t n;
	bool all;
	if (group_list_visible(&w->ctx, &g, &n, &all)) {
		web_error(w, 500, _("The groups could not be read. Try again later."));
		return;
	}
	page_begin(w, all ? _("Groups") : _("My groups"));
	if (!n)
		html(w->out, "<p>%s</p>", all ? _("There are no groups yet.") : _("You are not in a group yet."));
	else {
		const struct sort_column cols[] = { { "group", _("Group") }, { "programme", _("Programme") },
						    { "batch", _("Batch") }, { "mentor", _("Mentor") },
						    { "facilitator", _("Facilitator") } };
		struct sort_choice c = sort_choice(w, cols, ARRAY_SIZE(cols));
		sort_rows(w, g, n, sizeof(*g), group_sort_key, c);
		html(w->out, "<table tabindex=\"0\">");
		sort_head(w, "/groups", cols, ARRAY_SIZE(cols), c);
		html(w->out, "<tbody>");
		for (size_t i = 0; i < n; i++)
			html(w->out, "<tr><td><a href=\"/groups/%lld\">%s</a></td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
			     g[i].id, g[i].name, g[i].programme_name, g[i].batch_name,
			     g[i].mentor_name ? g[i].mentor_name : "—", g[i].facilitator_name ? g[i].facilitator_name : "—");
		html(w->out, "</tbody></table>\n");
	}
	next_meetings(w);
	page_end(w);
}

static const char *const statuses[] = { "registered", "active", "completed", "stopped" };

/* A single picker of the staffing form: the group's current one kept
 * (or, after a refused form, the one posted). */
static void staff_select(struct web *w, const struct person_pick *pp, const char *name, const char *label, long long current,
			 const char *current_name, const struct errors *e)
{
	long long id = e ? web_field_id(w, name) : current;
	const char *text = e ? person_pick_names(w, &id, 1)[0] : current_name;
	struct person_pick_field f = { name, label, NULL, _("(nobody)"), &id, &text, 1, NULL, NULL };
	person_pick_select(w, pp, &f, e);
}

static void staff_form(struct web *w, const struct learning_group *g, const struct person_pick *pp, const struct errors *e)
{
	html(w->out, "<h2 id=\"staff\">%s</h2>", _("Mentor and facilitator"));
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/groups/%lld/staff\">", g->id);
	form_csrf(w);
	staff_select(w, pp, "mentor_id", _("Mentor"), g->mentor_id, g->mentor_name, e);
	staff_select(w, pp, "facilitator_id", _("Facilitator"), g->facilitator_id, g->facilitator_name, e);
	const char *ps = e ? web_field(w, "pair_status") : g->pair_status;
	static const char *const pair[] = { "none", "proposed", "confirmed", "changed" };
	html(w->out, "<p class=\"field\"><label for=\"f-pair_status\">%s</label><select id=\"f-pair_status\" name=\"pair_status\">",
	     _("The pair"));
	for (int i = 0; i < 4; i++)
		html(w->out, "<option value=\"%s\"%s>%s</option>", pair[i], !strcmp(ps, pair[i]) ? " selected" : "",
		     pair_status_label(pair[i]));
	html(w->out, "</select></p><p><button type=\"submit\">%s</button></p></form>\n", _("Save"));
}

/* Whether the person is in the group already: enrolled, its mentor or its
 * facilitator (then not offered for enrolment). */
static bool in_group(const struct group_view *v, long long person_id)
{
	bool in = person_id == v->g.mentor_id || person_id == v->g.facilitator_id;
	for (size_t k = 0; k < v->nen && !in; k++)
		in = v->en[k].person_id == person_id;
	return in;
}

static bool in_group_skip(const void *v, long long person_id)
{
	return in_group(v, person_id);
}

static void enrol_form(struct web *w, const struct group_view *v, const struct person_pick *pp, const struct errors *e)
{
	const struct learning_group *g = &v->g;
	html(w->out, "<h2 id=\"enrol\">%s</h2>", _("Enrol participants"));
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/groups/%lld/enrolments\">", g->id);
	form_csrf(w);
	struct person_pick_field f = { "people", _("People"), _("Choose one or more (Ctrl or Shift with the mouse, or the arrow keys)."),
				       NULL, NULL, NULL, 0, in_group_skip, v };
	person_pick_select(w, pp, &f, e);
	form_input(w, "registered_on", _("Registered on"), "date", e ? web_field(w, "registered_on") : web_today(w), e, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Enrol"));
}

static void plan_form(struct web *w, const struct group_view *v, const struct errors *e)
{
	html(w->out, "<h2 id=\"plan\">%s</h2>", _("Plan a meeting"));
	if (!v->nunplanned) {
		html(w->out, "<p>%s</p>\n", _("Every meeting of the programme is planned for this group. Move a meeting on its own page."));
		return;
	}
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/groups/%lld/meetings\">", v->g.id);
	form_csrf(w);
	long long chosen = e ? web_field_id(w, "number") : -1;
	html(w->out, "<p class=\"field\"><label for=\"f-number\">%s</label><select id=\"f-number\" name=\"number\">", _("Meeting"));
	for (size_t i = 0; i < v->nunplanned; i++) {
		const struct programme_meeting *pm = &v->unplanned[i];
		html(w->out, "<option value=\"%d\"%s>%d. %s</option>", pm->number, pm->number == chosen ? " selected" : "",
		     pm->number, pm->theme);
	}
	html(w->out, "</select></p>");
	form_input(w, "date", _("Date"), "date", e ? web_field(w, "date") : "", e, NULL);
	form_input(w, "start", _("Start"), "time", e ? web_field(w, "start") : "09:00", e, NULL);
	form_input(w, "end", _("End"), "time", e ? web_field(w, "end") : "17:00", e, NULL);
	form_input(w, "venue", _("Venue"), "text", e ? web_field(w, "venue") : "", e, NULL);
	form_input(w, "repeat", _("How many meetings (this one and the next ones in order)"), "number",
		   e ? web_field(w, "repeat") : "1", e, NULL);
	form_input(w, "every", _("Days from one meeting to the next"), "number", e ? web_field(w, "every") : "14", e, NULL);
	html(w->out, "<p class=\"muted\">%s</p><p><button type=\"submit\">%s</button></p></form>\n",
	     _("A two-day meeting ends on the next day at the end time. Several meetings are planned all or none: each at the same time and venue."),
	     _("Plan"));
}

/* The errors of a form when it is the one that was posted, else NULL. */
static const struct errors *errors_of(const char *form, const struct errors *e, const char *name)
{
	return form && !strcmp(form, name) ? e : NULL;
}

/* Title line, the link to the programme, the staffing and the size. */
static void group_heading(struct web *w, const struct group_view *v)
{
	const struct learning_group *g = &v->g;
	html(w->out, "<p>%s</p>", arena_printf(w->a, _("%s, %s"), g->programme_name, g->batch_name));
	if (v->programme_link)
		html(w->out, "<p><a href=\"/programmes/%lld\">%s</a> · <a href=\"/groups/%lld/accounting\">%s</a></p>",
		     g->programme_id, _("To the programme"), g->id, _("Accounting of this group"));
	html(w->out, "<dl><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd></dl>", _("Mentor"),
	     g->mentor_name ? g->mentor_name : "—", _("Facilitator"), g->facilitator_name ? g->facilitator_name : "—",
	     _("The pair"), pair_status_label(g->pair_status));
	if (v->size_warning)
		html(w->out, "<p class=\"warn\">%s</p>", v->size_warning);
}

/* The words of the participants' table, looked up once per page rather
 * than once per row. */
struct row_words {
	const char *status[4];  /* the labels of statuses[] */
	const char *reason, *intake, *today;
};

static void row_words(struct web *w, struct row_words *t)
{
	for (int k = 0; k < 4; k++)
		t->status[k] = enrolment_status_label(statuses[k]);
	t->reason = _("reason (when stopping)");
	t->intake = _("Intake");
	t->today = web_today(w);
}

static const char *status_word(const struct row_words *t, const char *status)
{
	for (int k = 0; k < 4; k++)
		if (!strcmp(status, statuses[k]))
			return t->status[k];
	return enrolment_status_label(status);
}

/* One change for every ticked participant (the boxes in the table name
 * this form): "all active" after the first meeting, "all completed" at the
 * end. */
static void bulk_status_form(struct web *w, const struct group_view *v, const char *chosen, const struct row_words *t)
{
	html(w->out, "<form method=\"post\" action=\"/groups/%lld/statuses\" id=\"bulk-status\" class=\"bulk\">", v->g.id);
	form_csrf(w);
	html(w->out, "<fieldset><legend>%s</legend><p class=\"hint\">%s</p>", _("Change the status of the ticked participants"),
	     _("Tick the participants in the table, choose the new status and save. Nothing changes when one of them cannot make the change."));
	html(w->out, "<p class=\"field\"><label for=\"f-bulk-status\">%s</label> <select id=\"f-bulk-status\" name=\"status\">",
	     _("New status"));
	for (int k = 0; k < 4; k++)
		html(w->out, "<option value=\"%s\"%s>%s</option>", statuses[k], !strcmp(statuses[k], chosen) ? " selected" : "",
		     t->status[k]);
	html(w->out, "</select></p><p class=\"field\"><label for=\"f-bulk-kind\">%s</label> <select id=\"f-bulk-kind\" name=\"kind\">"
		"<option value=\"\"></option>", _("Why (when stopping)"));
	for (int k = 0; k < STOP_KINDS; k++)
		html(w->out, "<option value=\"%s\">%s</option>", stop_kind_id(k), stop_kind_label(k));
	html(w->out, "</select></p><p class=\"field\"><label for=\"f-bulk-date\">%s</label> <input id=\"f-bulk-date\" name=\"date\""
		" type=\"date\" value=\"%s\"></p><p class=\"field\"><label for=\"f-bulk-reason\">%s</label> <input id=\"f-bulk-reason\""
		" name=\"reason\" type=\"text\" value=\"\"></p><p><button type=\"submit\">%s</button></p></fieldset></form>\n",
	     _("On (when completing or stopping)"), t->today, t->reason, _("Change the ticked"));
}

static void participant_row(struct web *w, const struct group_view *v, const struct enrolment *en,
			    const struct row_words *t)
{
	bool stopped = !strcmp(en->status, "stopped");
	html(w->out, stopped ? "<tr class=\"status-stopped\">" : "<tr>");
	if (v->may_change_status)  /* the box belongs to the form below the table */
		html(w->out, "<td><input type=\"checkbox\" form=\"bulk-status\" name=\"enrolment\" value=\"%lld\" id=\"pick-%lld\""
			" aria-label=\"%s\"></td>", en->id, en->id, arena_printf(w->a, _("Tick %s"), en->person_name));
	html(w->out, "<td>%s</td>", en->person_name);
	if (v->show_status) {
		html(w->out, "<td>%s", status_word(t, en->status));
		if (stopped && en->stop_reason)
			html(w->out, " (%s, %s: %s)", date_label(w->a, en->stopped_on), stop_kind_label(stop_kind_of(en->stop_kind)),
			     en->stop_reason);
		html(w->out, "</td>");
	}
	if (v->holds_intake)
		html(w->out, "<td><a href=\"/enrolments/%lld/intake\" aria-label=\"%s\">%s</a></td>", en->id,
		     arena_printf(w->a, _("Intake and learning question of %s"), en->person_name), t->intake);
	if (v->may_staff)
		html(w->out, "<td><a href=\"/people/%lld#referral\" aria-label=\"%s\">%s</a></td>", en->person_id,
		     arena_printf(w->a, _("How did %s come to take part?"), en->person_name), _("Record"));
	html(w->out, "</tr>");
}

/* Participants: names and status; the reason of a stop only for those who run the group. */
static void participants_section(struct web *w, const struct group_view *v, const struct errors *e)
{
	html(w->out, "<h2 id=\"participants\">%s</h2>", _("Participants"));
	if (!v->nen) {
		html(w->out, "<p>%s</p>", _("Nobody is enrolled yet."));
		return;
	}
	html(w->out, "<table tabindex=\"0\"><thead><tr>");
	if (v->may_change_status)
		html(w->out, "<th scope=\"col\">%s</th>", _("Tick"));
	html(w->out, "<th scope=\"col\">%s</th>", _("Name"));
	if (v->show_status)
		html(w->out, "<th scope=\"col\">%s</th>", _("Status"));
	if (v->holds_intake)
		html(w->out, "<th scope=\"col\">%s</th>", _("Intake and learning question"));
	if (v->may_staff)  /* after enrolling: how each came to take part (referrals.c) */
		html(w->out, "<th scope=\"col\">%s</th>", _("How they came to take part"));
	html(w->out, "</tr></thead><tbody>");
	struct row_words t;
	row_words(w, &t);
	for (size_t i = 0; i < v->nen; i++)
		participant_row(w, v, &v->en[i], &t);
	html(w->out, "</tbody></table>\n");
	if (v->may_change_status) {
		form_errors(w, e);
		bulk_status_form(w, v, e ? web_field(w, "status") : "", &t);
	}
}

static void meeting_row(struct web *w, const struct group_view *v, size_t i)
{
	const struct meeting *m = &v->m[i];
	const char *theme = meeting_title(w->a, m);
	html(w->out, "<tr><td>%d</td><td><a href=\"/meetings/%lld\">%s</a>", m->number, m->id, theme);
	html(w->out, "%s</td><td>%s%s</td><td>%s–%s</td><td>%s</td>", m->cancelled ? _(" (cancelled)") : "",
	     date_label(w->a, m->starts_on),
	     strcmp(m->ends_on, m->starts_on) ? arena_printf(w->a, " – %s", date_label(w->a, m->ends_on)) : "",
	     m->start_time, m->end_time, m->venue);
	if (v->report_status) {
		if (v->report_status[i])
			html(w->out, "<td><a href=\"/meetings/%lld/report\">%s</a></td>", m->id, report_status_label(v->report_status[i]));
		else
			html(w->out, "<td>—</td>");
	}
	html(w->out, "</tr>");
}

/* Meetings, with the status of each report (not its text) for those who may read reports. */
static void meetings_section(struct web *w, const struct group_view *v)
{
	html(w->out, "<h2 id=\"meetings\">%s</h2>", _("Meetings"));
	if (!v->nm)
		html(w->out, "<p>%s</p>", _("No meetings planned yet."));
	else {
		html(w->out, "<table tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			"<th scope=\"col\">%s</th><th scope=\"col\">%s</th>",
		     _("No."), _("Theme"), _("Date"), _("Time"), _("Venue"));
		if (v->report_status)
			html(w->out, "<th scope=\"col\">%s</th>", _("Report"));
		html(w->out, "</tr></thead><tbody>");
		for (size_t i = 0; i < v->nm; i++)
			meeting_row(w, v, i);
		html(w->out, "</tbody></table>\n");
		if (v->report_status)
			html(w->out, "<p><a href=\"/groups/%lld/story\">%s</a></p>\n", v->g.id, _("The group's learning story"));
	}
	html(w->out, "<p><a href=\"/groups/%lld/calendar.ics\">%s</a> · <a href=\"/calendar\">%s</a></p>\n", v->g.id,
	     _("Download the meetings (.ics)"), _("Subscribe in your calendar"));
	html(w->out, "<p><a href=\"/groups/%lld/sessions\">%s</a></p>\n", v->g.id, _("Sessions with a case"));
}

/* Attendance: the whole group for those who run or accompany it, else one's own. */
static void attendance_section(struct web *w, const struct group_view *v)
{
	if (!v->attendance || !v->nm || !v->nen)
		return;
	html(w->out, "<h2 id=\"attendance\">%s</h2><p class=\"muted\">%s</p>", _("Attendance"),
	     _("Taking part is voluntary and never a sanction; attendance is recorded to follow the group."));
	html(w->out, "<table tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th>", _("Name"));
	for (size_t i = 0; i < v->nm; i++)
		html(w->out, "<th scope=\"col\">%d</th>", v->m[i].number);
	html(w->out, "<th scope=\"col\">%s</th></tr></thead><tbody>", _("Present, of the meetings recorded"));
	/* the cells' words looked up once, not once per cell */
	static const char *const kinds[] = { "present", "excused", "absent", "" };
	const char *words[4];
	for (int j = 0; j < 4; j++)
		words[j] = attendance_label(kinds[j]);
	for (size_t k = 0; k < v->nattendance; k++) {
		const struct group_attendance_row *row = &v->attendance[k];
		html(w->out, "<tr><th scope=\"row\">%s</th>", row->en->person_name);
		for (size_t i = 0; i < v->nm; i++) {
			int j = 0;
			while (j < 3 && strcmp(row->status[i], kinds[j]))
				j++;
			html(w->out, "<td>%s</td>", words[j]);
		}
		html(w->out, "<td>%s</td></tr>", arena_printf(w->a, _("%d of %d"), row->present, row->recorded));
	}
	html(w->out, "</tbody></table>\n");
}

/* A participant's own part: the learning question, the plan, the intake. */
static void own_section(struct web *w, const struct group_view *v)
{
	if (!v->own_enrolment_id)
		return;
	question_section(w, v->g.id, NULL);
	html(w->out, "<p><a href=\"/groups/%lld/plan\">%s</a> · <a href=\"/enrolments/%lld/intake\">%s</a></p>\n", v->g.id,
	     _("My development plan"), v->own_enrolment_id, _("Your intake and closing talk"));
}

/* The coach's search for people, with the staffing and enrolment forms
 * that offer the people found (at most PERSON_PICK_MAX). */
static void people_forms(struct web *w, const struct group_view *v, const char *form, const struct errors *e)
{
	struct person_pick pp;
	if (!person_pick_find(w, &pp))
		return;
	/* a count above an empty list must say why it is empty */
	long long inside = 0, total = pp.total;
	for (size_t i = 0; i < pp.n; i++)
		inside += in_group(v, pp.people[i].id);
	const char *found = person_pick_found(w, &pp);
	if (total <= (long long)pp.n && inside && inside == total)
		found = arena_printf(w->a, ngettext("%lld person found, already in this group.",
						    "%lld people found, all already in this group.", (unsigned long)total), total);
	else if (total <= (long long)pp.n && inside)
		found = arena_printf(w->a, "%s %s", found,
				     arena_printf(w->a, ngettext("%lld of them is already in this group.",
								 "%lld of them are already in this group.", (unsigned long)inside),
						  inside));
	html(w->out, "<h2 id=\"find\">%s</h2>", _("People for this group"));
	person_pick_search_form(w, arena_printf(w->a, "/groups/%lld#find", v->g.id), &pp, found);
	staff_form(w, &v->g, &pp, errors_of(form, e, "staff"));
	enrol_form(w, v, &pp, errors_of(form, e, "enrol"));
}

static void group_page(struct web *w, const char *form, const struct errors *e, int status)
{
	struct group_view v;
	int d = group_view(&w->ctx, w->id[0], &v);
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (d) {
		web_error(w, 500, _("The group could not be read. Try again later."));
		return;
	}
	page_begin(w, v.g.name);
	page_done_message(w);
	group_heading(w, &v);
	const struct page_section sections[] = {
		{ "participants", _("Participants"), true },
		{ "meetings", _("Meetings"), true },
		{ "attendance", _("Attendance"), v.attendance && v.nm && v.nen },
		{ "question", _("My learning question"), v.own_enrolment_id },
		{ "find", _("People for this group"), v.may_staff },
		{ "staff", _("Mentor and facilitator"), v.may_staff },
		{ "enrol", _("Enrol participants"), v.may_staff },
		{ "plan", _("Plan a meeting"), v.may_plan },
	};
	page_sections(w, sections, ARRAY_SIZE(sections));
	participants_section(w, &v, errors_of(form, e, "status"));
	meetings_section(w, &v);
	attendance_section(w, &v);
	own_section(w, &v);
	if (v.closing_offered)
		html(w->out, "<p>%s</p>\n", arena_printf(w->a, _("Closing talks: %lld offered, %lld held, %lld declined."),
							 v.closing_offered, v.closing_held, v.closing_declined));
	logbook_group_section(w, v.g.id);
	if (v.may_staff)
		people_forms(w, &v, form, e);
	if (v.may_plan)
		plan_form(w, &v, errors_of(form, e, "plan"));
	page_end(w);
	w->r->status = status;
}

void page_group(struct web *w)
{
	group_page(w, NULL, NULL, 200);
}

/* The group, for a form: 404 when it may not be seen, 403 when it may be
 * seen but not changed this way. */
static bool open_for(struct web *w, bool (*may)(enum group_relation))
{
	struct learning_group g;
	enum group_relation rel;
	int r = group_open(&w->ctx, w->id[0], &g, &rel);
	if (r == D_NOTFOUND) {
		web_not_found(w);
		return false;
	}
	if (r) {
		web_error(w, 500, _("The group could not be read. Try again later."));
		return false;
	}
	if (!may(rel)) {
		web_error(w, 403, _("You cannot change this group."));
		return false;
	}
	return true;
}

static void after(struct web *w, int d, const char *done, const char *form, const struct errors *e)
{
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/groups/%lld?done=%s", w->id[0], done));
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_INVALID)
		group_page(w, form, e, 422);
	else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

void page_group_staff(struct web *w)
{
	if (!open_for(w, group_may_staff))
		return;
	struct errors e = { 0 };
	long long mentor = web_field_id(w, "mentor_id"), facilitator = web_field_id(w, "facilitator_id");
	int d;
	if (mentor < 0 || facilitator < 0) {
		errors_add(&w->ctx, &e, mentor < 0 ? "mentor_id" : "facilitator_id", "%s",
			   _("Choose a person of your organisation from the list."));
		d = D_INVALID;
	} else {
		d = group_staff(&w->ctx, w->id[0], mentor, facilitator, web_field(w, "pair_status"), &e);
	}
	after(w, d, "staff-saved", "staff", &e);
}

void page_group_enrol(struct web *w)
{
	if (!open_for(w, group_may_staff))
		return;
	struct errors e = { 0 };
	long long *people;
	size_t n;
	int d;
	if (!web_field_ids(w, "people", &people, &n)) {
		errors_add(&w->ctx, &e, "people", "%s", _("Choose a person of your organisation from the list."));
		d = D_INVALID;
	} else {
		d = group_enrol(&w->ctx, w->id[0], people, n, web_field(w, "registered_on"), &e);
	}
	after(w, d, "enrolled", "enrol", &e);
}

/* One participant's status: the form of many with one ticked. */
void page_enrolment_status(struct web *w)
{
	long long group_id, id = w->id[0];
	int d = enrolment_group(&w->ctx, id, &group_id);
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (d) {
		web_error(w, 500, _("The change could not be saved. Try again later."));
		return;
	}
	struct errors e = { 0 };
	d = enrolment_set_status_many(&w->ctx, group_id, &id, 1, web_field(w, "status"), web_field(w, "date"),
				      web_field(w, "kind"), web_field(w, "reason"), &e);
	w->id[0] = group_id;
	after(w, d, "status-changed", "status", &e);
}

void page_group_statuses(struct web *w)
{
	if (!open_for(w, group_may_staff))
		return;
	struct errors e = { 0 };
	const struct kvlist *form = &w->r->form;
	long long *ids = arena_alloc(w->a, (form->n + 1) * sizeof(*ids));
	size_t n = 0;
	int d = D_OK;
	for (size_t i = 0; i < form->n; i++) {
		if (strcmp(form->items[i].key, "enrolment"))
			continue;
		if ((ids[n++] = web_value_id(form->items[i].value)) <= 0)
			d = D_INVALID;
	}
	if (d)
		errors_add(&w->ctx, &e, "enrolment", "%s", _("Tick participants of this group only."));
	else
		d = enrolment_set_status_many(&w->ctx, w->id[0], ids, n, web_field(w, "status"), web_field(w, "date"),
					      web_field(w, "kind"), web_field(w, "reason"), &e);
	after(w, d, "statuses-changed", "status", &e);
}

void page_group_plan(struct web *w)
{
	if (!open_for(w, group_may_run))
		return;
	struct errors e = { 0 };
	long long number = web_field_id(w, "number");
	struct meeting_when when = { web_field(w, "date"), web_field(w, "start"), web_field(w, "end"), web_field(w, "venue") };
	int d;
	if (number <= 0 || number > 1000) {
		errors_add(&w->ctx, &e, "number", "%s", _("Choose the meeting from the list."));
		d = D_INVALID;
	} else {
		/* absent (an older form, the API's callers): one meeting */
		int repeat = *web_field(w, "repeat") ? (int)web_field_int(w, "repeat", 1, MEETING_SERIES_MAX, 0) : 1;
		int every = *web_field(w, "every") ? (int)web_field_int(w, "every", 1, MEETING_EVERY_MAX, 0) : 14;
		long long ids[MEETING_SERIES_MAX];
		d = meeting_plan_series(&w->ctx, w->id[0], (int)number, repeat, every, &when, (long long)time(NULL), &e, ids);
	}
	after(w, d, "meeting-planned", "plan", &e);
}
