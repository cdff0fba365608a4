/* instrument_import.c — importing a LimeSurvey survey structure (.lss) as
 * a questionnaire, for the coach and the researcher: upload, a preview of
 * the sections and items with the report of what is not carried over or
 * changed (a dry run: nothing is stored but the uploaded file, for a day),
 * then "Import". A file that cannot be imported gets a sentence that says
 * what to do, status 422, and changes nothing. */
#include "web.h"
#include "core/die.h"
#include "domain/answer_rule.h"
#include "domain/instrument_import.h"
#include "domain/upload.h"
#include "html/html.h"

#include <string.h>

static void upload_form(struct web *w)
{
	html(w->out, "<form method=\"post\" action=\"/instruments/import\" enctype=\"multipart/form-data\">");
	form_csrf(w);
	html(w->out, "<p class=\"field\"><label for=\"f-file\">%s</label><input id=\"f-file\" name=\"file\" type=\"file\" "
		"accept=\".lss,.xml,application/xml,text/xml\" required></p><p><button type=\"submit\">%s</button></p></form>\n",
	     _("LimeSurvey survey structure (.lss)"), _("Check the file"));
}

static void form_page(struct web *w, const char *error, int status)
{
	page_begin(w, _("Import a LimeSurvey questionnaire"));
	html(w->out, "<p><a href=\"/questionnaires\">%s</a></p>", _("Back to the questionnaires"));
	if (error)
		html(w->out, "<div class=\"error\" role=\"alert\"><p>%s</p></div>\n", error);
	html(w->out, "<p>%s</p>", _("In LimeSurvey, open the survey and choose Export → Survey structure (.lss). Upload that file here: leergang first shows what it will import and what not, and imports only when you confirm."));
	html(w->out, "<p>%s</p>", _("Each question group becomes a section. Lists, arrays, multiple choice, yes/no and free text questions are carried over; dates, numbers, ranking, file uploads and equations are not yet, and conditions neither: every question is always shown, except those LimeSurvey hides, which are left out. The report names everything that is not carried over."));
	upload_form(w);
	page_end(w);
	w->r->status = status;
}

void page_instrument_import(struct web *w)
{
	form_page(w, NULL, 200);
}

static void notes_table(struct web *w, const struct instrument_import *imp, enum import_note_kind kind,
			const char *heading, const char *what)
{
	size_t n = 0;
	for (size_t i = 0; i < imp->nnotes; i++)
		n += imp->notes[i].kind == kind;
	if (!n)
		return;
	/* a code can be used twice in a file: the section and the text say which question it is */
	html(w->out, "<table class=\"report\" tabindex=\"0\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>"
		"<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	     heading, _("Section"), _("Question"), _("Text"), what);
	for (size_t i = 0; i < imp->nnotes; i++) {
		const struct import_note *x = &imp->notes[i];
		if (x->kind == kind)
			html(w->out, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>", *x->section ? x->section : "—",
			     *x->code ? x->code : "—", *x->question ? x->question : "—", x->text);
	}
	html(w->out, "</tbody></table>\n");
}

/* The report: about the file, what was left out, what was changed. */
static void report(struct web *w, const struct instrument_import *imp)
{
	html(w->out, "<h2 id=\"report\">%s</h2>", _("Report"));
	html(w->out, "<ul class=\"report-general\">");
	for (size_t i = 0; i < imp->nnotes; i++)
		if (imp->notes[i].kind == NOTE_GENERAL)
			html(w->out, "<li>%s</li>", imp->notes[i].text);
	html(w->out, "</ul>\n");
	notes_table(w, imp, NOTE_DROPPED, _("Not carried over"), _("Why"));
	notes_table(w, imp, NOTE_CHANGED, _("Carried over with a change"), _("What changed"));
}

/* The sections and items as they will be (or were) stored. */
static void preview(struct web *w, const struct instrument_import *imp)
{
	const struct instrument_version *v = &imp->version;
	html(w->out, "<h2 id=\"items\">%s</h2>", _("The questionnaire"));
	for (long long s = -1; s < (long long)v->nsections; s++) {
		bool any = false;
		for (size_t i = 0; i < v->nitems; i++) {
			const struct instrument_item *it = &v->items[i];
			if (it->section_id != s)
				continue;
			if (!any) {
				if (s >= 0) {
					html(w->out, "<h3>%s</h3>", v->sections[s].title);
					if (*v->sections[s].intro)
						html_paragraphs(w->out, v->sections[s].intro, "intro");
				}
				html(w->out, "<ol class=\"items\">");
			}
			any = true;
			html(w->out, "<li><strong>%s)</strong> ", it->code);
			html_lines(w->out, it->text);
			html(w->out, " <span class=\"muted\">(%s%s)</span>", import_kind_label(it->kind),
			     it->required ? arena_printf(w->a, ", %s", _("required")) : "");
			const char *rule = answer_rule_hint(w->a, it);
			if (rule)
				html(w->out, "<br><span class=\"muted answer-rule\">%s</span>", rule);
			if (it->noptions) {
				html(w->out, "<br><span class=\"muted\">");
				for (size_t k = 0; k < it->noptions; k++)
					html(w->out, "%s%d%s%s", k ? " · " : "", it->options[k].value,
					     *it->options[k].label ? " = " : "", it->options[k].label);
				html(w->out, "</span>");
			}
			html(w->out, "</li>");
		}
		if (any)
			html(w->out, "</ol>\n");
		else if (s >= 0) {
			html(w->out, "<h3>%s</h3>", v->sections[s].title);
			if (*v->sections[s].intro)
				html_paragraphs(w->out, v->sections[s].intro, "intro");
		}
	}
}

static void summary(struct web *w, const struct instrument_import *imp)
{
	const struct lss_survey *s = &imp->survey;
	html(w->out, "<p>%s", arena_printf(w->a, _("File: %s."), imp->filename));
	if (s->sid || *s->title)
		html(w->out, " %s", arena_printf(w->a, _("LimeSurvey survey %lld: “%s”."), s->sid, s->title));
	if (*s->language)
		html(w->out, " %s", arena_printf(w->a, _("Language: %s."), s->language));
	html(w->out, "</p>");
	html(w->out, "<p role=\"status\" id=\"counts\">%s</p>", instrument_import_counts(w->a, imp));
}

/* A file that cannot be imported: why, the report when there is one, the form again. */
static void refused(struct web *w, const struct instrument_import *imp)
{
	page_begin(w, _("Import a LimeSurvey questionnaire"));
	html(w->out, "<p><a href=\"/questionnaires\">%s</a></p>", _("Back to the questionnaires"));
	html(w->out, "<div class=\"error\" role=\"alert\"><p>%s</p><p>%s</p></div>\n", imp->error,
	     _("Nothing has been imported."));
	if (imp->nnotes)
		report(w, imp);
	upload_form(w);
	page_end(w);
	w->r->status = 422;
}

/* The page after a check or an import: the summary, the confirmation
 * form while nothing is imported yet, the report and the preview. */
static void result_page(struct web *w, const struct instrument_import *imp, long long upload, bool confirmed,
			long long id)
{
	page_begin(w, confirmed ? _("Import done") : _("Check of the import"));
	html(w->out, "<p><a href=\"/questionnaires\">%s</a></p>", _("Back to the questionnaires"));
	if (confirmed)
		html(w->out, "<p class=\"done\" role=\"status\">%s <a href=\"/instruments/%lld\">%s</a></p>",
		     _("The questionnaire has been imported:"), id, imp->instrument.name);
	summary(w, imp);
	if (!confirmed) {
		html(w->out, "<p>%s</p>", _("Nothing has been imported yet. Check the report and the questions below, then import."));
		html(w->out, "<form method=\"post\" action=\"/instruments/import\">");
		form_csrf(w);
		html(w->out, "<input type=\"hidden\" name=\"upload\" value=\"%lld\"><input type=\"hidden\" name=\"action\" value=\"confirm\">"
			"<p><button type=\"submit\">%s</button></p></form>\n", upload, _("Import the questionnaire"));
	}
	report(w, imp);
	preview(w, imp);
	html(w->out, "<p><a href=\"/instruments/import\">%s</a></p>", confirmed ? _("Import another file") : _("Upload another file"));
	page_end(w);
}

static void import_failed(struct web *w)
{
	web_error(w, 500, _("The import failed because of a fault in leergang; nothing has changed. Try again later."));
}

void page_instrument_import_post(struct web *w)
{
	const struct part *file = NULL;
	for (size_t i = 0; i < w->r->files.n; i++)
		if (!strcmp(w->r->files.items[i].name, "file"))
			file = &w->r->files.items[i];
	struct upload up = { 0 };
	bool confirm = false;
	if (file) {
		up = (struct upload){ 0, file->filename, file->data, file->len };
	} else if (*web_field(w, "upload")) {
		if (upload_open(&w->ctx, web_field_id(w, "upload"), &up)) {
			web_error(w, 410, _("This upload is no longer available (it is kept for a day, and removed after an import). Upload the file again."));
			return;
		}
		confirm = !strcmp(web_field(w, "action"), "confirm");
	} else {
		form_page(w, _("Choose the .lss file that LimeSurvey exported, then check it."), 422);
		return;
	}
	struct instrument_import imp;
	int d = instrument_import_read(&w->ctx, up.filename, up.data, up.len, &imp);
	if (d == D_INVALID) {
		refused(w, &imp);
		return;
	}
	if (d) {
		import_failed(w);
		return;
	}
	long long id = 0;
	if (confirm) {
		if (instrument_import_save(&w->ctx, &imp, ctx_now(&w->ctx), &id)) {
			import_failed(w);
			return;
		}
		/* imported: the file is no longer needed (or kept, it goes after its day) */
		if (upload_done(&w->ctx, up.id))
			warn("import: upload %lld was not removed; it goes after its day", up.id);
	} else if (file && upload_keep(&w->ctx, imp.filename, up.data, up.len, &up.id)) {
		web_error(w, 500, _("The file could not be kept. Try again later."));
		return;
	}
	result_page(w, &imp, up.id, confirm, id);
}
