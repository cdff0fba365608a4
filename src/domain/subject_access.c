/* subject_access.c — inzage: the person's data from every table that links
 * to them (store/subject.h lists them), as JSON (a section per kind, plus
 * "sources": which section covers which table) and as a PDF whose sections
 * are the same, with Dutch headings. */
#include "subject_access.h"
#include "audit.h"
#include "group.h"
#include "logbook.h"
#include "meeting.h"
#include "report.h"
#include "role.h"
#include "survey.h"
#include "stats/three60.h"
#include "store_rc.h"
#include "core/i18n.h"
#include "formats/markdown.h"
#include "formats/pdf.h"
#include "store/store.h"
#include "store/subject.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

int subject_find(struct ctx *c, const char *employee_id, struct errors *e, struct person *out)
{
	size_t len = employee_id ? strlen(employee_id) : 0;
	if (!len || len > SUBJECT_EMPLOYEE_MAX) {
		errors_add(c, e, "employee", _("Give an employee number of 1 to %d characters."), SUBJECT_EMPLOYEE_MAX);
		return D_INVALID;
	}
	int r = store_person_by_employee_id(c->st, c->a, c->who->organisation_id, employee_id, out);
	if (r == ST_NOTFOUND) {
		errors_add(c, e, "employee", _("Nobody in this organisation has employee number %s; check the number."),
			   employee_id);
		return D_NOTFOUND;
	}
	return r ? D_ERROR : D_OK;
}

bool subject_may_export(const struct ctx *c, long long person_id)
{
	return (c->who->person_id && c->who->person_id == person_id) ||
	       actor_has(c->who, ROLE_BIT(ROLE_ADMINISTRATOR));
}

/* The heading of a section in the document, in the interface language. */
static const struct {
	const char *section, *title;
} titles[] = {
	{ "person", N_("Your details") },
	{ "units_managed", N_("Units you manage") },
	{ "accounts", N_("Accounts") },
	{ "roles", N_("Roles") },
	{ "sessions", N_("Sign-ins (sessions)") },
	{ "api_tokens", N_("API tokens") },
	{ "api_requests_kept", N_("API requests kept for a day, so that a repeat is answered without doing it twice") },
	{ "calendar_feeds", N_("Calendar feeds") },
	{ "password_links", N_("Password links") },
	{ "uploads", N_("Uploaded files") },
	{ "actions", N_("What you did (audit log)") },
	{ "read_by", N_("Who read your personal texts") },
	{ "enrolments", N_("Enrolments") },
	{ "enrolment_history", N_("Enrolment history") },
	{ "group_staff", N_("Groups you guide") },
	{ "attendance", N_("Attendance") },
	{ "meetings_prepared", N_("Meetings you prepared") },
	{ "selection", N_("Selection as mentor or facilitator") },
	{ "logbook", N_("Logbook") },
	{ "intake", N_("Intake") },
	{ "learning_questions", N_("Learning question and its versions") },
	{ "closing_talks", N_("Closing talk") },
	{ "development_plan", N_("Development plan") },
	{ "development_goals", N_("Development goals") },
	{ "manager_talks", N_("Talks with your manager") },
	{ "reverse_mentoring", N_("Reverse mentoring") },
	{ "cases_brought", N_("Cases you brought to a session") },
	{ "session_roles", N_("Your roles in sessions") },
	{ "session_answers", N_("Your answers in sessions") },
	{ "session_actions", N_("Your follow-up actions from sessions") },
	{ "peer_groups", N_("Intervision groups, teams and circles you are in") },
	{ "sessions_led", N_("Sessions of a peer group you led") },
	{ "presentations", N_("Presentations you gave") },
	{ "reports_written", N_("Meeting reports you wrote") },
	{ "contributions", N_("Your contributions to the learning story") },
	{ "invitations", N_("Invitations to questionnaires") },
	{ "named_answers", N_("Your answers given on name") },
	{ "feedback_rounds", N_("360-degree feedback rounds about you") },
	{ "feedback_reports", N_("360-degree feedback about you, per dimension") },
	{ "waves_made", N_("Questionnaire waves you made") },
	{ "research_consents_for_reports", N_("Groups' consent to research use of a report, recorded by you") },
	{ "research_consents_for_stories", N_("Groups' consent to research use of a learning story, recorded by you") },
	{ "research_texts_used", N_("Your texts used in research projects (with your consent)") },
	{ "research_projects_made", N_("Research projects you started") },
	{ "research_coder", N_("Research projects you code in") },
	{ "research_sources_added", N_("Sources you added to research projects") },
	{ "fieldwork_recorded", N_("Fieldwork you recorded") },
	{ "member_check_answers", N_("Your answers to member checks of research projects") },
	{ "member_checks_made", N_("Member checks you made") },
	{ "feedback_released", N_("Feedback phases you released to research partners") },
	{ "studies", N_("Two-wave studies you are in") },
	{ "studies_made", N_("Two-wave studies you started") },
};

static const char *section_title(const char *section)
{
	for (size_t i = 0; i < sizeof(titles) / sizeof(titles[0]); i++)
		if (!strcmp(titles[i].section, section))
			return _(titles[i].title);
	return section;
}

static const char *not_included(void)
{
	return _("Answers given anonymously are not in this document: leergang keeps no link between an anonymous "
		 "answer and the person who gave it, so they cannot be found, by design. The only other people named "
		 "here are your manager and the accounts that read your personal texts.");
}

static json_t *cell_json(const struct subject_rows *s, size_t r, size_t c)
{
	const char *v = s->cells[r * s->ncols + c];
	if (!v)
		return json_null();
	if (s->numeric[r * s->ncols + c] && !strchr(v, '.'))
		return json_integer(strtoll(v, NULL, 10));
	return json_string(v);
}

static int export_json(struct ctx *c, const struct subject_rows *s, size_t n, struct buf *out)
{
	json_t *root = json_object(), *sections = json_object(), *sources = json_object();
	for (size_t i = 0; i < n; i++) {
		json_t *list = json_object_get(sources, s[i].table);
		if (!list)
			json_object_set_new(sources, s[i].table, list = json_array());
		json_array_append_new(list, json_string(s[i].covered_by ? s[i].covered_by : s[i].section));
		if (s[i].covered_by)
			continue;
		json_t *rows = json_array();
		for (size_t r = 0; r < s[i].nrows; r++) {
			json_t *row = json_object();
			for (size_t k = 0; k < s[i].ncols; k++)
				json_object_set_new(row, s[i].cols[k], cell_json(&s[i], r, k));
			json_array_append_new(rows, row);
		}
		json_object_set_new(sections, s[i].section, rows);
	}
	json_object_set_new(root, "made_at", json_integer(ctx_now(c)));
	json_object_set_new(root, "not_included", json_string(not_included()));
	json_object_set_new(root, "sections", sections);
	json_object_set_new(root, "sources", sources);
	char *text = json_dumps(root, JSON_INDENT(1) | JSON_ENSURE_ASCII | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (!text)
		return D_ERROR;
	buf_adds(out, text);
	buf_adds(out, "\n");
	free(text);
	return D_OK;
}

/* The name of a field in the readable document (the JSON keeps the
 * column's own name); a field not listed shows its column name. */
static const struct {
	const char *column, *label;
} fields[] = {
	{ "account", N_("Account") }, { "action", N_("Action") }, { "active", N_("Active") },
	{ "agenda", N_("Agenda") }, { "agreements", N_("Agreements") }, { "anonymous", N_("Anonymous") },
	{ "assignment", N_("Assignment") }, { "at", N_("When") }, { "batch", N_("Batch") },
	{ "body", N_("Text") }, { "change", N_("Change") }, { "closes_on", N_("Closes on") },
	{ "code", N_("Code") }, { "completed_on", N_("Completed on") }, { "created", N_("Made") },
	{ "created_at", N_("Made") }, { "categories", N_("Per rater category (raters)") }, { "date", N_("Date") }, { "dimension", N_("Dimension") }, { "display_name", N_("Name shown") },
	{ "dont_know", N_("Don't know") }, { "due_on", N_("Due on") }, { "email", N_("E-mail address") },
	{ "employee_id", N_("Employee number") }, { "energy_cost", N_("What cost energy") },
	{ "energy_gave", N_("What gave energy") }, { "enrolment", N_("Enrolment") },
	{ "entry_date", N_("Date") }, { "expectations", N_("Expectations") }, { "expires", N_("Expires") }, { "gap", N_("Gap self − others") },
	{ "facilitator_reflection", N_("Facilitator's reflection") }, { "filename", N_("File") },
	{ "group", N_("Learning group") }, { "held_on", N_("Held on") }, { "id", N_("Reference") },
	{ "job_level", N_("Job level") }, { "kind", N_("Kind") }, { "label", N_("Name") },
	{ "learning_form", N_("Learning form") }, { "learning_moments", N_("Learning moments") }, { "learning_yield", N_("What it yielded") },
	{ "manager", N_("Manager") }, { "measure", N_("How it is measured") },
	{ "mentor_reflection", N_("Mentor's reflection") }, { "name", N_("Name") },
	{ "next_steps", N_("Next steps") }, { "note", N_("Note") }, { "object_id", N_("Object number") },
	{ "object_kind", N_("Object") }, { "offered_on", N_("Offered on") }, { "opens_on", N_("Opens on") },
	{ "others", N_("Others together") }, { "outcome", N_("Outcome") }, { "placed", N_("Placed in the learning story") },
	{ "programme", N_("Programme") }, { "question", N_("Question") }, { "rater_role", N_("As rater") },
	{ "reader", N_("Read by") }, { "registered_on", N_("Registered on") }, { "responded", N_("Answered") },
	{ "responses", N_("Responses") }, { "revoked", N_("Revoked") }, { "role", N_("Role") },
	{ "round", N_("Round") }, { "scope_id", N_("Scope number") }, { "scope_kind", N_("Scope") }, { "self", N_("Self") },
	{ "shared_with", N_("Shared with") }, { "started_on", N_("Started on") }, { "status", N_("Status") },
	{ "step", N_("Step") }, { "stop_reason", N_("Reason for stopping") }, { "stopped_on", N_("Stopped on") },
	{ "tags", N_("Tags") }, { "text", N_("Text") }, { "theme", N_("Theme") }, { "themes", N_("Themes") },
	{ "unit", N_("Unit") }, { "updated", N_("Changed") }, { "value", N_("Answer") }, { "wave", N_("Questionnaire") },
	{ "written", N_("Written") },
};

static const char *field_label(const char *column)
{
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (!strcmp(fields[i].column, column))
			return _(fields[i].label);
	return column;
}

/* A value in words where the column holds a code: yes/no for 0 and 1, a
 * status or a role in the interface language; any other value as it is. */
static const char *shown_value(const char *section, const char *column, const char *v)
{
	if (!strcmp(column, "status"))
		return !strcmp(section, "enrolments")	    ? enrolment_status_label(v)
		       : !strcmp(section, "attendance")	    ? attendance_label(v)
		       : !strcmp(section, "reports_written") ? report_status_label(v)
							    : v;
	if (!strcmp(column, "shared_with"))
		return logbook_sharing_label(v);
	if (!strcmp(column, "rater_role") && *v)
		return rater_role_label(v);
	if (!strcmp(column, "role") && !strcmp(section, "roles") && role_parse(v) >= 0)
		return role_label((enum role)role_parse(v));
	static const char *const flags[] = { "active", "anonymous", "dont_know", "placed", "responded" };
	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (!strcmp(flags[i], column) && (!strcmp(v, "0") || !strcmp(v, "1")))
			return *v == '1' ? _("yes") : _("no");
	return v;
}

/* One section as Markdown: a list item per row, "field: value" each, the
 * values escaped (a stored text is shown as written, not as markup). */
static const char *section_markdown(struct ctx *c, const struct subject_rows *s)
{
	struct buf b = BUF_INIT;
	if (!s->nrows)
		md_escape(&b, _("Nothing."));
	for (size_t r = 0; r < s->nrows; r++) {
		buf_adds(&b, "- ");
		for (size_t k = 0; k < s->ncols; k++) {
			const char *v = s->cells[r * s->ncols + k];
			if (!v || !*v)
				continue;
			buf_adds(&b, "**");
			md_escape(&b, field_label(s->cols[k]));
			buf_adds(&b, "**: ");
			md_escape(&b, shown_value(s->section, s->cols[k], v));
			buf_adds(&b, k + 1 < s->ncols ? "  \n  " : "");
		}
		buf_adds(&b, "\n");
	}
	const char *md = arena_strdup(c->a, b.ptr ? b.ptr : "");
	buf_release(&b);
	return md;
}

static int export_pdf(struct ctx *c, const struct person *p, const struct subject_rows *s, size_t n,
		      struct buf *out)
{
	struct pdf_section *sec = arena_alloc(c->a, (n + 1) * sizeof(*sec));
	size_t k = 0;
	sec[k++] = (struct pdf_section){ .heading = _("What is not in this document"), .markdown = not_included() };
	for (size_t i = 0; i < n; i++)
		if (!s[i].covered_by)
			sec[k++] = (struct pdf_section){ .heading = section_title(s[i].section),
							 .markdown = section_markdown(c, &s[i]) };
	struct pdf_doc d = {
		.title = _("Your data in leergang"),
		.subtitle = p->name,
		.cover_lines = { p->employee_id, NULL },
		.footer = _("Inzage"),
		.page_word = _("page"),
		.sections = sec,
		.n_sections = k,
	};
	return pdf_render(out, &d) ? D_ERROR : D_OK;
}

/* A mean for the document, or "not shown" where the 360° rules hide it. */
static const char *mean_cell(struct ctx *c, double v, bool hidden)
{
	return hidden || isnan(v) ? _("not shown") : i18n_number(c->a, i18n_current(), v, 1);
}

/* The 360° reports about the person, as the person reads them on their
 * own page (/feedback): per closed round and dimension their own score,
 * each rater category and the others together, under the same rules
 * (wave_360: categories below 3 raters merged, the others hidden when they
 * would give a rater away). A round still open has no report yet. */
static int feedback_reports(struct ctx *c, long long person_id, struct subject_rows *out)
{
	static const char *cols[] = { "round", "dimension", "self", "categories", "others", "gap" };
	*out = (struct subject_rows){ .section = "feedback_reports", .table = "response", .ncols = 6, .cols = cols };
	struct wave *all;
	size_t nw, cap = 0;
	if (wave_list(c, &all, &nw))
		return D_ERROR;
	for (size_t i = 0; i < nw; i++) {
		if (all[i].subject_id != person_id || wave_phase_now(c, &all[i]) != WAVE_CLOSED)
			continue;
		struct wave w;
		struct instrument_version v;
		struct s360_cell *cells;
		size_t n;
		if (wave_open(c, all[i].id, &w, &v) || wave_360(c, &w, &v, &cells, &n))
			return D_ERROR;
		for (size_t k = 0; k < n; k++) {
			const struct s360_cell *x = &cells[k];
			struct buf cats = BUF_INIT;
			for (size_t j = 0; j < x->ncats; j++)
				buf_addf(&cats, "%s%s: %s (%zu)", j ? "; " : "", rater_role_label(x->cats[j].role),
					   mean_cell(c, x->cats[j].mean, x->cats[j].suppressed), x->cats[j].n);
			const char *row[] = { w.name, x->dimension, mean_cell(c, x->self, false),
					      arena_strdup(c->a, cats.ptr ? cats.ptr : ""),
					      mean_cell(c, x->others_mean, x->suppressed), mean_cell(c, x->gap, x->suppressed) };
			buf_release(&cats);
			if (out->nrows == cap) {
				size_t more = cap ? cap * 2 : 16;
				out->cells = arena_grow(c->a, out->cells, cap * 6, more * 6, sizeof(*out->cells));
				out->numeric = arena_grow(c->a, out->numeric, cap * 6, more * 6, sizeof(*out->numeric));
				cap = more;
			}
			for (size_t k2 = 0; k2 < 6; k2++)
				out->cells[out->nrows * 6 + k2] = (char *)row[k2];
			out->nrows++;
		}
	}
	return D_OK;
}

int subject_export(struct ctx *c, long long person_id, enum subject_format f, struct buf *out)
{
	struct person p;
	int r = store_person_get(c->st, c->a, c->who->organisation_id, person_id, &p);
	if (r)
		return r == ST_NOTFOUND ? D_NOTFOUND : D_ERROR;
	if (!subject_may_export(c, person_id))
		return D_FORBIDDEN;
	struct subject_rows *s;
	size_t n;
	if (store_read_begin(c->st))
		return D_ERROR;
	r = store_subject_rows(c->st, c->a, c->who->organisation_id, person_id, &s, &n);
	store_read_end(c->st);
	if (r)
		return D_ERROR;
	/* the 360° reports after the rounds about the person (in place of the
	 * raw "feedback_rounds" rows' figures, which say only who answered) */
	struct subject_rows *all = arena_alloc(c->a, (n + 2) * sizeof(*all));
	memcpy(all, s, n * sizeof(*s));
	if (feedback_reports(c, person_id, &all[n]))
		return D_ERROR;
	s = all;
	n++;
	r = f == SUBJECT_PDF ? export_pdf(c, &p, s, n, out) : export_json(c, s, n, out);
	if (!r)
		audit(c, "person.export", "person", person_id, "%s", f == SUBJECT_PDF ? "pdf" : "json");
	return r;
}
