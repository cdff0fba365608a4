/* research_source.c — a research project's sources: the form for an
 * interview or observation notes, and one source with its coding. Coding
 * works without JavaScript: the text is cut into sentences, each with a
 * checkbox; the researcher ticks one or more sentences in a row, chooses
 * codes and writes a memo, and each run of ticked sentences becomes one
 * passage. On request the text is shown with names replaced by pseudonyms
 * (read only: positions differ there). Also a code's quotes and the
 * analysis page (counts by kind, group, period or source, and which codes
 * occur together). */
#include "web.h"
#include "domain/model/instrument.h"
#include "domain/model/people.h"
#include "domain/research.h"
#include "domain/research_analysis.h"
#include "domain/research_consent.h"
#include "domain/research_pseudonym.h"
#include "domain/schedule.h"
#include "html/html.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---- a new source -------------------------------------------------------------- */

static bool in_project(const struct research_view *v, const char *kind, long long ref)
{
	for (size_t i = 0; i < v->nsources; i++)
		if (v->sources[i].ref_id == ref && !strcmp(v->sources[i].kind, kind))
			return true;
	return false;
}

/* The organisation's texts whose writers (or groups) consented, to take as sources. */
static void taken_texts(struct web *w, const struct research_view *v)
{
	struct consented_text *t;
	size_t n;
	html(w->out, "<h2 id=\"texts\">%s</h2><p>%s</p>", _("A text of the organisation"),
	     _("Published meeting reports and learning stories whose group agreed, and logbook entries and cases whose "
	       "writer agreed, to their use for research. Other texts are not listed: ask the writer or the group."));
	if (consented_texts(&w->ctx, &t, &n)) {
		html(w->out, "<p>%s</p>", _("The texts could not be read. Try again later."));
		return;
	}
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		if (in_project(v, t[i].kind, t[i].id))
			continue;
		if (!shown++)
			html(w->out, "<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
				     "<th scope=\"col\">%s</th><th scope=\"col\"><span class=\"visually-hidden\">%s</span></th>"
				     "</tr></thead><tbody>",
			     _("Text"), _("Kind"), _("Date"), _("Actions"));
		html(w->out, "<tr><td>%s</td><td>%s</td><td>%s</td><td><form method=\"post\" "
			     "action=\"/research/%lld/sources/take\" class=\"inline\"><input type=\"hidden\" name=\"kind\" "
			     "value=\"%s\"><input type=\"hidden\" name=\"ref\" value=\"%lld\">",
		     t[i].title, research_kind_label(t[i].kind), t[i].date && *t[i].date ? date_label(w->a, t[i].date) : "",
		     v->p.id, t[i].kind, t[i].id);
		form_csrf(w);
		html(w->out, "<button type=\"submit\" class=\"secondary\" aria-label=\"%s\">%s</button></form></td></tr>",
		     arena_printf(w->a, _("Add %s as a source"), t[i].title), _("Add"));
	}
	if (shown)
		html(w->out, "</tbody></table>");
	else
		html(w->out, "<p>%s</p>", _("There is no text with consent that the project does not have yet."));
	struct wave *waves;
	size_t nw;
	if (research_answer_waves(&w->ctx, &waves, &nw) || !nw)
		return;
	html(w->out, "<h2 id=\"answers\">%s</h2><p>%s</p><ul>", _("Open answers of a questionnaire"),
	     _("The open answers of a closed wave, without anything about who gave them; only a wave with enough "
	       "responses for its results to be shown."));
	for (size_t i = 0; i < nw; i++) {
		if (in_project(v, "answers", waves[i].id))
			continue;
		html(w->out, "<li>%s (%s) <form method=\"post\" action=\"/research/%lld/sources/take\" class=\"inline\">"
			     "<input type=\"hidden\" name=\"kind\" value=\"answers\"><input type=\"hidden\" name=\"ref\" "
			     "value=\"%lld\">",
		     waves[i].name, date_label(w->a, waves[i].closes_on), v->p.id, waves[i].id);
		form_csrf(w);
		html(w->out, "<button type=\"submit\" class=\"secondary\" aria-label=\"%s\">%s</button></form></li>",
		     arena_printf(w->a, _("Add the open answers of %s as a source"), waves[i].name), _("Add"));
	}
	html(w->out, "</ul>");
}

static void new_source_page(struct web *w, const struct errors *e, int status)
{
	struct research_view v;
	int d = research_project_open(&w->ctx, w->id[0], &v);
	struct unit *units = NULL;
	size_t nunits = 0;
	if (!d)
		d = research_units(&w->ctx, &units, &nunits);
	if (d) {
		research_fail(w, d);
		return;
	}
	page_begin(w, _("Add a source"));
	html(w->out, "<p><a href=\"/research/%lld\">%s</a></p>", v.p.id, v.p.name);
	html(w->out, "<p>%s</p>", _("Paste the transcript of an interview or your observation notes. Names stay in the "
				  "text here; every export replaces the names of the organisation's people by "
				  "pseudonyms."));
	html(w->out, "<form method=\"post\" action=\"/research/%lld/sources\" enctype=\"multipart/form-data\">", v.p.id);
	form_csrf(w);
	form_errors(w, e);
	research_kind_radios(w, _("Kind of text"), RESEARCH_OWN_KINDS, research_kind_label);
	form_input(w, "name", _("Name"), "text", web_field(w, "name"), e, NULL);
	form_input(w, "held_on", _("Date held (YYYY-MM-DD)"), "date", web_field(w, "held_on"), e, NULL);
	form_input(w, "place", _("Place where it was held"), "text", web_field(w, "place"), e, NULL);
	research_unit_select(w, units, nunits, _("Team"), _("(none)"));
	form_textarea(w, "text", _("Text"), web_field(w, "text"), e,
		      _("Plain text; a new line starts a paragraph. At most 2 MB."));
	const char *ferr = e ? errors_get(e, "file") : NULL;
	html(w->out, "<p class=\"field%s\"><label for=\"f-file\">%s</label><span class=\"hint\" id=\"h-file\">%s</span>",
	     ferr ? " invalid" : "", _("Or upload the text"), _("A .txt (UTF-8), .docx or .odt file: leergang keeps its text, "
								 "without layout."));
	if (ferr)
		html(w->out, "<span class=\"field-error\" id=\"e-file\">%s</span>", ferr);
	html(w->out, "<input id=\"f-file\" name=\"file\" type=\"file\" accept=\".txt,.docx,.odt\" "
		     "aria-describedby=\"h-file%s\"%s></p>", ferr ? " e-file" : "", ferr ? " aria-invalid=\"true\"" : "");
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Add the source"));
	taken_texts(w, &v);
	page_end(w);
	w->r->status = status;
}

void page_research_source_new(struct web *w)
{
	new_source_page(w, NULL, 200);
}

void page_research_source_add(struct web *w)
{
	struct errors e = { 0 };
	long long id, unit = web_field_id(w, "unit");
	const char *text = web_field(w, "text");
	const struct part *file = NULL;
	for (size_t i = 0; i < w->r->files.n; i++)
		if (!strcmp(w->r->files.items[i].name, "file") && w->r->files.items[i].len)
			file = &w->r->files.items[i];
	int d = D_OK;
	if (file && *text) {
		errors_add(&w->ctx, &e, "file", "%s", _("Paste the text or upload a file, not both."));
		d = D_INVALID;
	} else if (file) {
		char *t;
		d = research_upload_text(&w->ctx, file->filename, file->data, file->len, &e, &t);
		text = t;
	}
	if (!d)
		d = research_source_add_text(&w->ctx, w->id[0], web_field(w, "kind"), web_field(w, "name"),
					     web_field(w, "held_on"), web_field(w, "place"), unit < 0 ? -1 : unit, text, &e,
					     &id);
	if (d == D_INVALID)
		new_source_page(w, &e, 422);
	else if (d)
		research_fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/research/%lld/sources/%lld?done=research-source", w->id[0], id));
}

void page_research_source_take(struct web *w)
{
	struct errors e = { 0 };
	long long id, ref = web_field_id(w, "ref");
	int d = research_source_take(&w->ctx, w->id[0], web_field(w, "kind"), ref < 0 ? 0 : ref, &e, &id);
	if (d == D_INVALID)
		new_source_page(w, &e, 422);
	else if (d)
		research_fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/research/%lld/sources/%lld?done=research-source", w->id[0], id));
}

/* ---- one source ---------------------------------------------------------------- */

/* The codes on the passages that cover [start, end), as "a, b". */
static const char *codes_on(struct web *w, const struct research_view *v, const struct research_source_view *s,
			    long long start, long long end)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < s->nsels; i++) {
		if (s->sels[i].start >= end)
			break;   /* the passages come by start */
		if (s->sels[i].end <= start)
			continue;
		for (size_t k = 0; k < s->sels[i].ncodings; k++) {
			const struct research_code *c = research_code_find(v, s->sels[i].codings[k].code_id);
			if (c && !strstr(b.ptr ? b.ptr : "", c->name))
				buf_addf(&b, "%s%s", b.len ? ", " : "", c->name);
		}
	}
	char *out = arena_strndup(w->a, b.ptr ? b.ptr : "", b.len);
	buf_release(&b);
	return out;
}

static void passages_table(struct web *w, const struct research_view *v, const struct research_source_view *s)
{
	html(w->out, "<h2 id=\"passages\">%s</h2>", _("Coded passages"));
	if (!s->nsels) {
		html(w->out, "<p>%s</p>", _("Nothing coded yet in this source."));
		return;
	}
	html(w->out, "<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		     "<th scope=\"col\">%s</th><th scope=\"col\"><span class=\"visually-hidden\">%s</span></th></tr></thead><tbody>",
	     _("Passage"), _("Codes"), _("Coder"), _("Memo"), _("Actions"));
	struct research_text text;
	research_text_index(w->a, s->s.body, &text);
	for (size_t i = 0; i < s->nsels; i++) {
		const struct research_selection *x = &s->sels[i];
		const char *coder = "";
		for (size_t u = 0; u < v->ncoders; u++)
			if (v->coders[u].id == x->coder_id)
				coder = v->coders[u].name;
		struct buf names = BUF_INIT;
		for (size_t k = 0; k < x->ncodings; k++) {
			const struct research_code *c = research_code_find(v, x->codings[k].code_id);
			buf_addf(&names, "%s%s", k ? ", " : "", c ? c->name : "?");
		}
		html(w->out, "<tr><td>%s</td><td>%s</td><td>%s</td><td class=\"pre\">%s</td><td>",
		     research_cut(w->a, &text, x->start, x->end), arena_strndup(w->a, names.ptr ? names.ptr : "", names.len),
		     coder, x->memo);
		buf_release(&names);
		html(w->out, "<form method=\"post\" action=\"/research/%lld/passages/%lld/remove\" class=\"inline\">", v->p.id,
		     x->id);
		form_csrf(w);
		html(w->out, "<button type=\"submit\" class=\"secondary\">%s</button></form></td></tr>", _("Remove"));
	}
	html(w->out, "</tbody></table>");
}

static void coding_form(struct web *w, const struct research_view *v, const struct research_source_view *s,
			const struct errors *e)
{
	struct research_segment *seg;
	size_t nseg;
	research_segments(w->a, s->s.body, &seg, &nseg);
	html(w->out, "<h2 id=\"code\">%s</h2><p>%s</p>", _("Code passages"),
	     _("Tick one or more sentences in a row, choose the codes below and save: each run of ticked sentences "
	       "becomes one passage. Sentences already coded show their codes."));
	html(w->out, "<form method=\"post\" action=\"/research/%lld/sources/%lld/passages\">", v->p.id, s->s.id);
	form_csrf(w);
	form_errors(w, e);
	/* with JavaScript: the text itself, to select a passage in (research_js.c) */
	w->research_script = true;
	html(w->out, "<input type=\"hidden\" name=\"start\" value=\"\"><input type=\"hidden\" name=\"end\" value=\"\">"
		     "<p id=\"selection-status\" class=\"hint\" role=\"status\" tabindex=\"-1\" hidden data-chosen=\"%s\" "
		     "data-none=\"%s\">%s</p><div id=\"source-text\" class=\"pre source-text\" hidden>%s</div>",
	     _("Chosen:"), _("Select a passage of the text first."), _("Select a passage of the text with the mouse or with "
									 "shift and the arrow keys."),
	     s->s.body);
	html(w->out, "<fieldset class=\"segments\"><legend>%s</legend><div>", _("Sentences of the text"));
	for (size_t i = 0; i < nseg; i++) {
		const char *on = codes_on(w, v, s, seg[i].start, seg[i].end);
		if (seg[i].paragraph_start && i)
			html(w->out, "</div><div>");
		html(w->out, "<label class=\"segment%s\"><input type=\"checkbox\" name=\"segment\" value=\"%lld-%lld\"> %s",
		     *on ? " coded" : "", seg[i].start, seg[i].end, seg[i].text);
		if (*on)
			html(w->out, " <span class=\"muted\">[%s]</span>", on);
		html(w->out, "</label> ");
	}
	html(w->out, "</div></fieldset><fieldset><legend>%s</legend>", _("Codes"));
	if (!v->ncodes)
		html(w->out, "<p>%s <a href=\"/research/%lld#codes\">%s</a></p>", _("The code book is empty."), v->p.id,
		     _("Add codes first."));
	for (size_t i = 0; i < v->ncodes; i++) {
		if (!v->codes[i].codable)
			html(w->out, "<p class=\"muted depth-%d\">%s</p>", v->codes[i].depth < 6 ? v->codes[i].depth : 6,
			     v->codes[i].name);
		else
			html(w->out, "<label class=\"block depth-%d\"><input type=\"checkbox\" name=\"code\" "
				     "value=\"%lld\"> %s</label>", v->codes[i].depth < 6 ? v->codes[i].depth : 6, v->codes[i].id,
			     v->codes[i].name);
	}
	html(w->out, "</fieldset>");
	form_textarea(w, "memo", _("Memo (optional)"), "", e, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Save the coding"));
}

static void source_page(struct web *w, const struct errors *e, int status)
{
	struct research_view v;
	struct research_source_view s;
	int d = research_project_open(&w->ctx, w->id[0], &v);
	if (!d)
		d = research_source_open(&w->ctx, w->id[0], w->id[1], &s);
	if (d) {
		research_fail(w, d);
		return;
	}
	bool pseudo = web_arg_int(w, "pseudo", 0) == 1;
	page_begin(w, s.s.name);
	page_done_message(w);
	html(w->out, "<p><a href=\"/research/%lld\">%s</a></p><dl><dt>%s</dt><dd>%s</dd>", v.p.id, v.p.name, _("Kind"),
	     research_kind_label(s.s.kind));
	if (*s.s.held_on)
		html(w->out, "<dt>%s</dt><dd>%s</dd>", _("Date"), date_label(w->a, s.s.held_on));
	if (*s.s.place)
		html(w->out, "<dt>%s</dt><dd>%s</dd>", _("Place where it was held"), s.s.place);
	if (*s.s.unit_name || *s.s.group_name)
		html(w->out, "<dt>%s</dt><dd>%s</dd>", _("Team or group"), *s.s.group_name ? s.s.group_name : s.s.unit_name);
	html(w->out, "</dl>");
	if (pseudo) {
		struct research_pseudo *ps;
		struct research_shift *sh;
		size_t nsh;
		if (research_pseudo_make(&w->ctx, v.p.id, &ps)) {
			research_fail(w, D_ERROR);
			return;
		}
		html(w->out, "<p><a href=\"/research/%lld/sources/%lld\">%s</a></p><h2>%s</h2><div class=\"pre source-text\">%s</div>",
		     v.p.id, s.s.id, _("Show the text with names, to code it"), _("The text with pseudonyms"),
		     research_pseudo_apply(w->a, ps, s.s.body, &sh, &nsh));
	} else {
		html(w->out, "<p><a href=\"/research/%lld/sources/%lld?pseudo=1\">%s</a></p>", v.p.id, s.s.id,
		     _("Show the text with pseudonyms instead of names"));
		coding_form(w, &v, &s, e);
		passages_table(w, &v, &s);
	}
	html(w->out, "<h2 id=\"memos\">%s</h2>", _("Memos on this source"));
	research_memos(w, &v, "source", s.s.id);
	html(w->out, "<form method=\"post\" action=\"/research/%lld/memos\"><input type=\"hidden\" name=\"target\" "
		     "value=\"source\"><input type=\"hidden\" name=\"target_id\" value=\"%lld\">", v.p.id, s.s.id);
	form_csrf(w);
	form_textarea(w, "text", _("New memo on this source"), "", NULL, NULL);
	html(w->out, "<p><button type=\"submit\" class=\"secondary\">%s</button></p></form>", _("Save the memo"));
	page_end(w);
	w->r->status = status;
}

void page_research_source(struct web *w)
{
	source_page(w, NULL, 200);
}

static int cmp_range(const void *x, const void *y)
{
	const long long *a = x, *b = y;
	return a[0] < b[0] ? -1 : a[0] > b[0];
}

void page_research_passage_add(struct web *w)
{
	struct errors e = { 0 };
	struct research_source_view s;
	int d = research_source_open(&w->ctx, w->id[0], w->id[1], &s);
	if (d) {
		research_fail(w, d);
		return;
	}
	/* the ticked sentences, as pairs start-end, joined into runs: a run
	 * goes on while the next sentence starts where white space after the
	 * previous one ends */
	/* a passage selected in the text (with JavaScript): its code points */
	const char *fs = web_field(w, "start"), *fe = web_field(w, "end");
	if (*fs || *fe) {
		long long *codes;
		size_t ncodes;
		long long id, a = web_field_int(w, "start", 0, LLONG_MAX, -1), b = web_field_int(w, "end", 0, LLONG_MAX, -1);
		if (!web_field_ids(w, "code", &codes, &ncodes))
			ncodes = 0;
		d = research_passage_add(&w->ctx, w->id[0], w->id[1], a, b, codes, ncodes, web_field(w, "memo"), &e, &id);
		if (d == D_INVALID)
			source_page(w, &e, 422);
		else if (d)
			research_fail(w, d);
		else
			web_redirect(w, arena_printf(w->a, "/research/%lld/sources/%lld?done=research-passage#passages",
						     w->id[0], w->id[1]));
		return;
	}
	struct research_segment *seg;
	size_t nseg, n = 0;
	research_segments(w->a, s.s.body, &seg, &nseg);
	long long *r = arena_alloc(w->a, (nseg + 1) * 2 * sizeof(*r));
	bool bad = false;
	for (size_t i = 0; i < w->r->form.n; i++) {
		if (strcmp(w->r->form.items[i].key, "segment"))
			continue;
		long long a, b;
		char tail;
		if (sscanf(w->r->form.items[i].value, "%lld-%lld%c", &a, &b, &tail) != 2) {
			bad = true;
			continue;
		}
		size_t k = 0;
		while (k < nseg && !(seg[k].start == a && seg[k].end == b))
			k++;
		if (k == nseg || n == nseg) {
			bad = true;
			continue;
		}
		r[2 * n] = (long long)k;
		r[2 * n + 1] = 0;
		n++;
	}
	long long *codes;
	size_t ncodes;
	if (!web_field_ids(w, "code", &codes, &ncodes))
		bad = true;
	if (bad || !n) {
		errors_add(&w->ctx, &e, "segment", "%s", _("Tick one or more sentences of the text."));
		source_page(w, &e, 422);
		return;
	}
	qsort(r, n, 2 * sizeof(*r), cmp_range);
	const char *memo = web_field(w, "memo");
	long long id;
	for (size_t i = 0; i < n && !d;) {
		size_t j = i;
		while (j + 1 < n && r[2 * (j + 1)] == r[2 * j] + 1)
			j++;
		d = research_passage_add(&w->ctx, w->id[0], w->id[1], seg[r[2 * i]].start, seg[r[2 * j]].end, codes, ncodes,
					 memo, &e, &id);
		i = j + 1;
	}
	if (d == D_INVALID)
		source_page(w, &e, 422);
	else if (d)
		research_fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/research/%lld/sources/%lld?done=research-passage#passages", w->id[0],
					     w->id[1]));
}

void page_research_passage_remove(struct web *w)
{
	struct research_view v;
	int d = research_project_open(&w->ctx, w->id[0], &v);
	if (d) {
		research_fail(w, d);
		return;
	}
	if (!web_confirm_delete(w, _("this coded passage (the text stays)"), arena_printf(w->a, "/research/%lld", v.p.id)))
		return;
	d = research_passage_remove(&w->ctx, w->id[0], 0, w->id[1], NULL);
	if (d)
		research_fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/research/%lld?done=research-passage-removed#sources", w->id[0]));
}
