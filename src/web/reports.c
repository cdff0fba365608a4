/* reports.c — the report of a meeting (the facilitator writes and
 * publishes, the mentor adds a reflection, participants who were present
 * contribute) and the group's learning story (the facilitator bundles it;
 * the group reads it as a page, a PDF and Markdown). What a reader sees is
 * decided in domain/privacy.c: the coach reads along without names, the
 * owner reads none of it. */
#include "web.h"
#include "domain/export_audit.h"
#include "domain/group.h"
#include "domain/meeting.h"
#include "domain/report.h"
#include "domain/schedule.h"
#include "html/html.h"

#include <string.h>
#include <time.h>

struct report_page {
	struct meeting m;
	struct learning_group g;
	enum group_relation rel;
};

static bool open_meeting(struct web *w, struct report_page *p)
{
	int d = meeting_open(&w->ctx, w->id[0], &p->m, &p->g, &p->rel);
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

static bool blank(const char *s)
{
	for (; s && *s; s++)
		if (!strchr(" \t\r\n", *s))
			return false;
	return true;
}

static const char *markdown_hint(void)
{
	return _("Markdown: *italic*, **bold**, a line starting with - for a list, > for a quote.");
}

/* The texts of a report, each under its heading. */
static void report_texts(struct web *w, const struct meeting_report *r)
{
	struct report_field f[REPORT_FIELDS];
	report_fields(r, f);
	for (int i = 0; i < REPORT_FIELDS; i++) {
		if (blank(f[i].text))
			continue;
		html(w->out, "<h3>%s</h3><div class=\"md\">", f[i].label);
		html_markdown(w->out, f[i].text);
		html(w->out, "</div>");
	}
}

static void contributions_placed(struct web *w, const struct report_view *v)
{
	bool any = false;
	for (size_t i = 0; i < v->ncontribs; i++) {
		const struct contribution *x = &v->contribs[i];
		if (!x->placed)
			continue;
		if (!any)
			html(w->out, "<h3>%s</h3>", _("Contributions of participants"));
		any = true;
		html(w->out, "<blockquote class=\"contribution\"><div class=\"md\">");
		html_markdown(w->out, x->text);
		html(w->out, "</div><p class=\"muted\">— %s</p></blockquote>",
		     *x->person_name ? x->person_name : _("a participant"));
	}
}

/* The facilitator's preview, the form of the texts and the mentor's reflection. */
static void report_form(struct web *w, const struct report_page_view *p, const struct errors *re)
{
	const struct report_view *v = &p->v;
	if (v->exists) {
		html(w->out, "<details class=\"preview\"><summary>%s</summary>", _("Preview: the report as the group reads it"));
		report_texts(w, &v->r);
		contributions_placed(w, v);
		html(w->out, "</details>");
	}
	html(w->out, "<h2 id=\"write\">%s</h2>", v->exists ? _("The report") : _("Write the report"));
	form_errors(w, re);
	html(w->out, "<form method=\"post\" action=\"/meetings/%lld/report\">", p->m.id);
	form_csrf(w);
#define V(f, stored) (re ? web_field(w, f) : v->exists ? (stored) : "")
	form_textarea(w, "agenda", _("Agenda"), V("agenda", v->r.agenda), re, markdown_hint());
	form_textarea(w, "themes", _("Themes discussed"), V("themes", v->r.themes), re, NULL);
	form_textarea(w, "learning_moments", _("Learning moments the group named"),
		      V("learning_moments", v->r.learning_moments), re, NULL);
	form_textarea(w, "facilitator_reflection", _("Reflection of the facilitator"),
		      V("facilitator_reflection", v->r.facilitator_reflection), re, NULL);
#undef V
	bool published = v->exists && !strcmp(v->r.status, "published");
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n",
	     published ? _("Save; the group reads the new version") : _("Save as draft"));
	if (v->exists && !blank(v->r.mentor_reflection)) {
		html(w->out, "<h3>%s</h3><div class=\"md\">", _("Reflection of the mentor"));
		html_markdown(w->out, v->r.mentor_reflection);
		html(w->out, "</div>");
	}
}

/* Publishing or taking back to draft. */
static void publish_form(struct web *w, const struct report_page_view *p, const struct errors *pe)
{
	form_errors(w, pe);   /* also when publishing before there is a report */
	if (!p->v.exists)
		return;
	bool pub = !strcmp(p->v.r.status, "published");
	html(w->out, "<form method=\"post\" action=\"/meetings/%lld/report/publish\">", p->m.id);
	form_csrf(w);
	html(w->out, "<input type=\"hidden\" name=\"publish\" value=\"%s\">", pub ? "0" : "1");
	html(w->out, pub ? "<p><button type=\"submit\" class=\"secondary\">%s</button></p></form>\n"
		       : "<p><button type=\"submit\">%s</button></p></form>\n",
	     pub ? _("Take back to draft") : _("Publish to the group"));
}

/* Every contribution, to place in the report or take out. */
static void contributions_to_place(struct web *w, const struct report_view *v)
{
	html(w->out, "<h2 id=\"contributions\">%s</h2>", _("Contributions of participants"));
	if (!v->ncontribs)
		html(w->out, "<p>%s</p>", _("No participant has added a contribution yet."));
	for (size_t i = 0; i < v->ncontribs; i++) {
		const struct contribution *x = &v->contribs[i];
		html(w->out, "<blockquote class=\"contribution\"><div class=\"md\">");
		html_markdown(w->out, x->text);
		html(w->out, "</div><p class=\"muted\">— %s · %s</p>", x->person_name,
		     x->placed ? _("placed in the report") : _("not placed"));
		html(w->out, "<form method=\"post\" action=\"/contributions/%lld/place\">", x->id);
		form_csrf(w);
		html(w->out, "<input type=\"hidden\" name=\"placed\" value=\"%s\">", x->placed ? "0" : "1");
		html(w->out, "<button type=\"submit\">%s</button></form></blockquote>",
		     x->placed ? _("Take out of the report") : _("Place in the report"));
	}
}

/* The mentor's reflection, once the facilitator has begun the report. */
static void reflection_form(struct web *w, const struct report_page_view *p, const struct errors *me)
{
	if (!p->v.exists) {
		html(w->out, "<p>%s</p>", _("The facilitator has not begun the report of this meeting yet; add your reflection when it has."));
		return;
	}
	html(w->out, "<h2 id=\"reflection\">%s</h2>", _("Your reflection as mentor"));
	form_errors(w, me);
	html(w->out, "<form method=\"post\" action=\"/meetings/%lld/report\">", p->m.id);
	form_csrf(w);
	form_textarea(w, "mentor_reflection", _("Reflection of the mentor"),
		      me ? web_field(w, "mentor_reflection") : p->v.r.mentor_reflection, me, markdown_hint());
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Save"));
}

/* A participant's own contribution, for those who were present. */
static void contribution_form(struct web *w, const struct report_page_view *p, const struct errors *ce)
{
	html(w->out, "<h2 id=\"contribution\">%s</h2>", _("Your contribution"));
	if (!p->was_present) {
		html(w->out, "<p>%s</p>", _("Only participants who were present at the meeting add a contribution to its report."));
		return;
	}
	html(w->out, "<p>%s</p>", _("Voluntary: what you want to add to the report of this meeting. The facilitator reads it and may place it in the report, which the group then reads with your name."));
	if (p->mine)
		html(w->out, "<p class=\"status\">%s</p>",
		     p->mine->placed ? _("The facilitator has placed your contribution in the report.")
				     : _("Not placed in the report (yet)."));
	form_errors(w, ce);
	html(w->out, "<form method=\"post\" action=\"/meetings/%lld/contribution\">", p->m.id);
	form_csrf(w);
	form_textarea(w, "text", _("Your contribution"), ce ? web_field(w, "text") : p->mine ? p->mine->text : "", ce,
		      _("Leave it empty and save to remove your contribution."));
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Save contribution"));
}

/* The errors of a form when it is the one that was posted, else NULL. */
static const struct errors *errors_of(const char *form, const struct errors *e, const char *name)
{
	return form && !strcmp(form, name) ? e : NULL;
}

static void report_page(struct web *w, const char *form, const struct errors *e, int status)
{
	struct report_page_view p;
	int d = report_page_read(&w->ctx, w->id[0], &p);
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (d) {
		web_error(w, 500, _("The report could not be read. Try again later."));
		return;
	}
	page_begin(w, arena_printf(w->a, _("Report of meeting %d: %s"), p.m.number, meeting_title(w->a, &p.m)));
	page_done_message(w);
	html(w->out, "<p><a href=\"/meetings/%lld\">%s</a> · <a href=\"/groups/%lld/story\">%s</a></p>", p.m.id,
	     _("Back to the meeting"), p.g.id, _("The group's learning story"));
	html(w->out, "<p>%s · %s</p>", p.g.name, date_label(w->a, p.m.starts_on));
	if (p.v.exists)
		html(w->out, "<p class=\"status\">%s: <strong>%s</strong></p>", _("Status"), report_status_label(p.v.r.status));
	if (p.v.level == PRIVACY_ANONYMISED)
		html(w->out, "<p class=\"note\">%s</p>",
		     _("You read along as organisation coach: participants' names are replaced and contributions are shown without their writer."));
	if (p.writes) {
		report_form(w, &p, errors_of(form, e, "report"));
		publish_form(w, &p, errors_of(form, e, "publish"));
		contributions_to_place(w, &p.v);
		consent_report_section(w, p.m.id, p.g.id, p.v.r.id, p.v.exists && !strcmp(p.v.r.status, "published"));
	} else if (p.v.exists && p.v.level == PRIVACY_ANONYMISED) {
		report_texts(w, &p.v.r);
		contributions_placed(w, &p.v);
		consent_report_section(w, p.m.id, p.g.id, p.v.r.id, !strcmp(p.v.r.status, "published"));
	} else if (p.v.exists) {
		report_texts(w, &p.v.r);
		contributions_placed(w, &p.v);
	} else {
		html(w->out, "<p>%s</p>", _("The report of this meeting has not been published yet."));
	}
	if (p.reflects)
		reflection_form(w, &p, errors_of(form, e, "report"));
	if (p.contribution_section)
		contribution_form(w, &p, errors_of(form, e, "contribution"));
	page_end(w);
	w->r->status = status;
}

void page_report(struct web *w)
{
	report_page(w, NULL, NULL, 200);
}

static void after(struct web *w, int d, const char *done, const char *form, const struct errors *e)
{
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/meetings/%lld/report?done=%s", w->id[0], done));
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_FORBIDDEN)
		web_error(w, 403, _("Only the group's facilitator writes the report; the mentor adds a reflection."));
	else if (d == D_INVALID)
		report_page(w, form, e, 422);
	else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

void page_report_save(struct web *w)
{
	struct report_page p;
	if (!open_meeting(w, &p))
		return;
	struct errors e = { 0 };
	struct report_texts t = {
		.agenda = web_field(w, "agenda"),
		.themes = web_field(w, "themes"),
		.learning_moments = web_field(w, "learning_moments"),
		.facilitator_reflection = web_field(w, "facilitator_reflection"),
		.mentor_reflection = web_field(w, "mentor_reflection"),
	};
	bool published = report_is_published(&w->ctx, p.m.id);
	int d = report_save(&w->ctx, p.m.id, &t, (long long)time(NULL), &e, NULL);
	after(w, d, published ? "report-updated" : "report-saved", "report", &e);
}

void page_report_publish(struct web *w)
{
	struct report_page p;
	if (!open_meeting(w, &p))
		return;
	struct errors e = { 0 };
	bool publish = !strcmp(web_field(w, "publish"), "1");
	int d = report_publish(&w->ctx, p.m.id, publish, (long long)time(NULL), &e);
	after(w, d, publish ? "report-published" : "report-draft", "publish", &e);
}

void page_contribution_save(struct web *w)
{
	struct report_page p;
	if (!open_meeting(w, &p))
		return;
	struct errors e = { 0 };
	int d = contribution_save(&w->ctx, p.m.id, web_field(w, "text"), (long long)time(NULL), &e);
	after(w, d, "contribution-saved", "contribution", &e);
}

void page_contribution_place(struct web *w)
{
	long long meeting_id;
	if (contribution_meeting(&w->ctx, w->id[0], &meeting_id)) {
		web_not_found(w);
		return;
	}
	int d = contribution_place(&w->ctx, w->id[0], !strcmp(web_field(w, "placed"), "1"), (long long)time(NULL));
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/meetings/%lld/report?done=contribution-placed#contributions", meeting_id));
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_FORBIDDEN)
		web_error(w, 403, _("Only the group's facilitator places contributions in the report."));
	else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

/* ---- the learning story ---- */

/* For a participant or coach before the story is bundled: what it will be,
 * who bundles it and when, instead of a page that does not exist. */
static void story_waiting(struct web *w, const struct story_view *v)
{
	page_begin(w, arena_printf(w->a, _("Learning story of %s"), v->g.name));
	html(w->out, "<p><a href=\"/groups/%lld\">%s</a></p>", v->g.id, arena_printf(w->a, _("Back to %s"), v->g.name));
	html(w->out, "<p class=\"status\">%s: <strong>%s</strong></p>", _("Status"), _("not bundled yet"));
	html(w->out, "<p>%s</p>",
	     _("The learning story is not bundled yet. On or after the group's last meeting, the group's facilitator bundles the published meeting reports, with an opening and a closing text, into the learning story; this page shows it from then on."));
	if (!blank(v->g.facilitator_name))
		html(w->out, "<p>%s</p>", arena_printf(w->a, _("The facilitator of this group is %s."), v->g.facilitator_name));
	else
		html(w->out, "<p>%s</p>", _("This group has no facilitator yet; the organisation coach appoints one on the group's page."));
	if (v->last_date)
		html(w->out, "<p>%s</p>", arena_printf(w->a, _("The group's last meeting is on %s."), date_label(w->a, v->last_date)));
	page_end(w);
}

static void story_page(struct web *w, const struct errors *e, int status)
{
	struct story_view v;
	int d = story_open(&w->ctx, w->id[0], &v);
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (d) {
		web_error(w, 500, _("The learning story could not be read. Try again later."));
		return;
	}
	if (v.waiting) {
		story_waiting(w, &v);
		return;
	}
	bool bundled = !strcmp(v.s.status, "bundled");
	page_begin(w, arena_printf(w->a, _("Learning story of %s"), v.g.name));
	page_done_message(w);
	html(w->out, "<p><a href=\"/groups/%lld\">%s</a></p>", v.g.id, arena_printf(w->a, _("Back to %s"), v.g.name));
	html(w->out, "<p>%s", v.g.programme_name);
	if (v.first_date)
		html(w->out, " · %s – %s", date_label(w->a, v.first_date), date_label(w->a, v.last_date));
	html(w->out, "</p><p class=\"status\">%s: <strong>%s</strong></p>", _("Status"),
	     bundled ? report_status_label("bundled") : _("not bundled yet"));
	if (v.level == PRIVACY_ANONYMISED)
		html(w->out, "<p class=\"note\">%s</p>",
		     _("You read along as organisation coach: participants' names are replaced and contributions are shown without their writer."));
	if (v.downloadable)
		html(w->out, "<p><a href=\"/groups/%lld/story.pdf\">%s</a> · <a href=\"/groups/%lld/story.md\">%s</a></p>",
		     v.g.id, _("Download as PDF"), v.g.id, _("Download as Markdown"));

	if (v.writes) {
		html(w->out, "<h2 id=\"bundle\">%s</h2><p>%s</p>", _("Opening and closing"),
		     _("On or after the last meeting you bundle the published reports, with an opening and a closing text, into the group's learning story. You can still change the texts afterwards."));
		form_errors(w, e);
		html(w->out, "<form method=\"post\" action=\"/groups/%lld/story\">", v.g.id);
		form_csrf(w);
		form_textarea(w, "opening", _("Opening"), e ? web_field(w, "opening") : v.s.opening, e, markdown_hint());
		form_textarea(w, "closing", _("Closing"), e ? web_field(w, "closing") : v.s.closing, e, NULL);
		html(w->out, "<p><button type=\"submit\" name=\"bundle\" value=\"0\">%s</button> ",
		     bundled ? _("Save; the group reads the new version") : _("Save as draft"));
		if (!bundled)
			html(w->out, "<button type=\"submit\" name=\"bundle\" value=\"1\">%s</button>",
			     _("Bundle and give to the group"));
		html(w->out, "</p></form>\n<h2>%s</h2>", _("Preview"));
	}
	html(w->out, "<article class=\"story\">");
	if (!blank(v.s.opening)) {
		html(w->out, "<div class=\"md\">");
		html_markdown(w->out, v.s.opening);
		html(w->out, "</div>");
	}
	if (!v.n)
		html(w->out, "<p>%s</p>", _("No report has been published yet."));
	for (size_t i = 0; i < v.n; i++) {
		const struct report_view *rv = &v.reports[i];
		html(w->out, "<section><h2>%s</h2><p class=\"muted\">%s</p>", report_title(&w->ctx, &rv->r),
		     date_label(w->a, rv->r.starts_on));
		report_texts(w, &rv->r);
		contributions_placed(w, rv);
		html(w->out, "</section>");
	}
	if (!blank(v.s.closing)) {
		html(w->out, "<section><h2>%s</h2><div class=\"md\">", _("In closing"));
		html_markdown(w->out, v.s.closing);
		html(w->out, "</div></section>");
	}
	html(w->out, "</article>");
	consent_story_section(w, v.g.id, v.s.id, v.exists && bundled);
	page_end(w);
	w->r->status = status;
}

void page_story(struct web *w)
{
	story_page(w, NULL, 200);
}

void page_story_save(struct web *w)
{
	struct errors e = { 0 };
	bool bundle = !strcmp(web_field(w, "bundle"), "1");
	int d = story_save(&w->ctx, w->id[0], web_field(w, "opening"), web_field(w, "closing"), bundle,
			   (long long)time(NULL), &e);
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/groups/%lld/story?done=%s", w->id[0], bundle ? "story-bundled" : "story-saved"));
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_FORBIDDEN)
		web_error(w, 403, _("Only the group's facilitator bundles the learning story."));
	else if (d == D_INVALID)
		story_page(w, &e, 422);
	else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

/* The file name: "leerverhaal-" and the group's name in letters, digits and dashes. */
static const char *story_filename(struct web *w, const struct story_view *v, const char *ext)
{
	struct buf b = BUF_INIT;
	buf_adds(&b, _("learning-story"));
	buf_addch(&b, '-');
	for (const char *p = v->g.name; *p; p++) {
		char ch = *p;
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
			buf_addch(&b, ch);
		else if (ch >= 'A' && ch <= 'Z')
			buf_addch(&b, (char)(ch - 'A' + 'a'));
		else if (b.len && b.ptr[b.len - 1] != '-')
			buf_addch(&b, '-');
	}
	buf_adds(&b, ext);
	char *s = arena_strdup(w->a, b.ptr);
	buf_release(&b);
	return s;
}

static bool story_for_download(struct web *w, struct story_view *v)
{
	int d = story_open_file(&w->ctx, w->id[0], v);
	if (d == D_NOTFOUND) {
		web_not_found(w);
		return false;
	}
	if (d) {
		web_error(w, 500, _("The learning story could not be read. Try again later."));
		return false;
	}
	return true;
}

void page_story_pdf(struct web *w)
{
	struct story_view v;
	if (!story_for_download(w, &v))
		return;
	buf_reset(w->out);
	if (story_pdf(&w->ctx, &v, w->out)) {
		web_error(w, 500, _("The PDF could not be made. Try again later."));
		return;
	}
	export_record(&w->ctx, EXPORT_STORY, "group", v.g.id, "pdf", v.n);
	w->r->response_type = "application/pdf";
	response_header(w->r, "Content-Disposition",
			arena_printf(w->a, "attachment; filename=\"%s\"", story_filename(w, &v, ".pdf")));
}

void page_story_md(struct web *w)
{
	struct story_view v;
	if (!story_for_download(w, &v))
		return;
	buf_reset(w->out);
	story_markdown(&w->ctx, &v, w->out);
	export_record(&w->ctx, EXPORT_STORY, "group", v.g.id, "md", v.n);
	w->r->response_type = "text/markdown; charset=utf-8";
	response_header(w->r, "Content-Disposition",
			arena_printf(w->a, "attachment; filename=\"%s\"", story_filename(w, &v, ".md")));
}
