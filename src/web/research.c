/* research.c — the researcher's projects: the list with a new project and
 * an import from another tool (.qdpx, .qdc); one project with its members,
 * sources, code book, memos and the words replaced in exports; and its
 * downloads (.qdpx, .qdc, always pseudonymised). The rules are in
 * domain/research*.c; a source and its coding are in research_source.c. */
#include "web.h"
#include "domain/framework.h"
#include "domain/model/people.h"
#include "domain/research.h"
#include "domain/research_refi.h"
#include "domain/schedule.h"
#include "formats/refi.h"
#include "core/utf8.h"
#include "html/html.h"

#include <string.h>

void research_fail(struct web *w, int d)
{
	/* the downloads serve page and API alike: web_error answers the API in JSON */
	if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_FORBIDDEN)
		web_error(w, 403, _("Only researchers work on research projects."));
	else
		web_error(w, 500, _("The research project could not be read or saved. Try again later."));
}

void research_unit_select(struct web *w, const struct unit *units, size_t n, const char *label, const char *none)
{
	long long chosen = web_field_id(w, "unit");
	html(w->out, "<p class=\"field\"><label for=\"f-unit\">%s</label><select id=\"f-unit\" name=\"unit\">"
		     "<option value=\"0\">%s</option>", label, none);
	for (size_t i = 0; i < n; i++) {
		html(w->out, "<option value=\"%lld\"%s>", units[i].id, units[i].id == chosen ? " selected" : "");
		for (int k = 0; k < units[i].depth; k++)
			html(w->out, "— ");
		html(w->out, "%s</option>", units[i].name);
	}
	html(w->out, "</select></p>");
}

void research_kind_radios(struct web *w, const char *legend, const char *const *kinds, const char *(*label)(const char *))
{
	const char *kind = web_field(w, "kind");
	html(w->out, "<fieldset><legend>%s</legend>", legend);
	for (size_t i = 0; kinds[i]; i++)
		html(w->out, "<label><input type=\"radio\" name=\"kind\" value=\"%s\"%s> %s</label> ", kinds[i],
		     !strcmp(kind, kinds[i]) || (!*kind && !i) ? " checked" : "", label(kinds[i]));
	html(w->out, "</fieldset>");
}

/* ---- the list ---------------------------------------------------------------- */

static void list_page(struct web *w, const struct errors *e, int status)
{
	struct research_project *p;
	size_t n;
	int d = research_projects(&w->ctx, &p, &n);
	if (d) {
		research_fail(w, d);
		return;
	}
	page_begin(w, _("Research projects"));
	page_done_message(w);
	html(w->out, "<p>%s</p>",
	     _("In a research project you code texts: interviews and observation notes you add, and reports, learning "
	       "stories and logbook entries whose writers agreed to their use for research. Exports replace people's "
	       "names by pseudonyms."));
	if (!n)
		html(w->out, "<p>%s</p>", _("You have no research project yet. Start one below, or import one from ATLAS.ti, "
					  "NVivo, MAXQDA or QualCoder."));
	else {
		html(w->out, "<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			     "<th scope=\"col\">%s</th></tr></thead><tbody>",
		     _("Project"), _("Sources"), _("Codes"), _("Coded passages"));
		for (size_t i = 0; i < n; i++)
			html(w->out, "<tr><td><a href=\"/research/%lld\">%s</a></td><td>%lld</td><td>%lld</td><td>%lld</td></tr>",
			     p[i].id, p[i].name, p[i].sources, p[i].codes, p[i].selections);
		html(w->out, "</tbody></table>");
	}
	html(w->out, "<h2 id=\"new\">%s</h2><form method=\"post\" action=\"/research\">", _("New research project"));
	form_csrf(w);
	form_errors(w, e);
	form_input(w, "name", _("Name"), "text", web_field(w, "name"), e, NULL);
	form_textarea(w, "purpose", _("Purpose"), web_field(w, "purpose"), e,
		      _("What you want to find out, and for whom: members see it on the project page."));
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Start the project"));
	html(w->out, "<h2 id=\"import\">%s</h2><form method=\"post\" action=\"/research/import\" "
		     "enctype=\"multipart/form-data\">", _("Import from another tool"));
	form_csrf(w);
	html(w->out, "<p class=\"field\"><label for=\"f-file\">%s</label><span class=\"hint\" id=\"h-file\">%s</span>"
		     "<input id=\"f-file\" name=\"file\" type=\"file\" accept=\".qdpx,.qdc,.qde\" aria-describedby=\"h-file\" "
		     "required></p><p><button type=\"submit\">%s</button></p></form>",
	     _("REFI-QDA file (.qdpx project or .qdc code book)"),
	     _("Texts, codes, coded passages and notes are carried over; pictures, audio, video and PDF are not. You "
	       "see what was left out afterwards."),
	     _("Import"));
	page_end(w);
	w->r->status = status;
}

void page_research_list(struct web *w)
{
	list_page(w, NULL, 200);
}

void page_research_create(struct web *w)
{
	struct errors e = { 0 };
	long long id;
	int d = research_project_create(&w->ctx, web_field(w, "name"), web_field(w, "purpose"), &e, &id);
	if (d == D_INVALID)
		list_page(w, &e, 422);
	else if (d)
		research_fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/research/%lld?done=research-created", id));
}

void page_research_import(struct web *w)
{
	const struct part *file = NULL;
	for (size_t i = 0; i < w->r->files.n; i++)
		if (!strcmp(w->r->files.items[i].name, "file"))
			file = &w->r->files.items[i];
	struct errors e = { 0 };
	struct refi_project p;
	const char *why = file && file->len ? refi_read_mem(w->a, file->data, file->len, &p) : "no file";
	if (why) {
		errors_add(&w->ctx, &e, "file", "%s",
			   file && file->len ? _("This file is not a REFI-QDA project or code book leergang can read. "
						 "Export it again from your tool as .qdpx or .qdc.")
					     : _("Choose a .qdpx or .qdc file."));
		list_page(w, &e, 422);
		return;
	}
	struct research_import_result res;
	int d = research_import(&w->ctx, &p, NULL, NULL, 0, &e, &res);
	if (d == D_INVALID) {
		list_page(w, &e, 422);
		return;
	}
	if (d) {
		research_fail(w, d);
		return;
	}
	page_begin(w, _("Imported"));
	html(w->out, "<p role=\"status\">%s</p><ul>", _("The project has been imported."));
	html(w->out, "<li>%s</li>", arena_printf(w->a, ngettext("%zu source", "%zu sources", (unsigned long)res.sources), res.sources));
	html(w->out, "<li>%s</li>", arena_printf(w->a, ngettext("%zu code", "%zu codes", (unsigned long)res.codes), res.codes));
	html(w->out, "<li>%s</li>",
	     arena_printf(w->a, ngettext("%zu coded passage", "%zu coded passages", (unsigned long)res.selections), res.selections));
	html(w->out, "<li>%s</li></ul>", arena_printf(w->a, ngettext("%zu note", "%zu notes", (unsigned long)res.notes), res.notes));
	if (res.nskips) {
		html(w->out, "<h2>%s</h2><table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			     "<th scope=\"col\">%s</th></tr></thead><tbody>",
		     _("Not carried over, or read with a remark"), _("What"), _("Number"), _("Why"));
		for (size_t i = 0; i < res.nskips; i++)
			html(w->out, "<tr><td>%s</td><td>%zu</td><td>%s</td></tr>", res.skips[i].what, res.skips[i].count,
			     res.skips[i].reason);
		html(w->out, "</tbody></table>");
	}
	html(w->out, "<p><a href=\"/research/%lld\">%s</a></p>", res.project, _("Go to the project"));
	page_end(w);
}

/* ---- one project ------------------------------------------------------------- */

static void code_options(struct web *w, const struct research_view *v, bool codable_only)
{
	for (size_t i = 0; i < v->ncodes; i++) {
		if (codable_only && !v->codes[i].codable)
			continue;
		html(w->out, "<option value=\"%lld\">", v->codes[i].id);
		for (int k = 0; k < v->codes[i].depth; k++)
			html(w->out, "— ");
		html(w->out, "%s</option>", v->codes[i].name);
	}
}

static void code_book(struct web *w, const struct research_view *v, const struct errors *e)
{
	html(w->out, "<h2 id=\"codes\">%s</h2>", _("Code book"));
	if (!v->ncodes)
		html(w->out, "<p>%s</p>", _("No codes yet. Add codes of your own, or take the elements of a framework (VLOW, "
					  "the leadership compass, the kinds of awareness) as codes."));
	else
		html(w->out, "<ul class=\"code-tree\">");
	for (size_t i = 0; i < v->ncodes; i++) {
		const struct research_code *k = &v->codes[i];
		html(w->out, "<li class=\"depth-%d\">", k->depth < 6 ? k->depth : 6);
		if (*k->color)
			html(w->out, "<svg class=\"swatch\" width=\"12\" height=\"12\" aria-hidden=\"true\" focusable=\"false\">"
				     "<rect width=\"12\" height=\"12\" fill=\"%s\"/></svg> ", k->color);
		html(w->out, "<a href=\"/research/%lld/codes/%lld\">%s</a>", v->p.id, k->id, k->name);
		if (*k->description)
			html(w->out, " <span class=\"muted\">%s</span>", k->description);
		html(w->out, " <form method=\"post\" action=\"/research/%lld/codes/%lld/remove\" class=\"inline\">", v->p.id,
		     k->id);
		form_csrf(w);
		html(w->out, "<button type=\"submit\" class=\"secondary\" aria-label=\"%s\">%s</button></form></li>",
		     arena_printf(w->a, _("Remove code %s"), k->name), _("Remove"));
	}
	if (v->ncodes)
		html(w->out, "</ul>");
	html(w->out, "<h3>%s</h3><form method=\"post\" action=\"/research/%lld/codes\">", _("Add a code"), v->p.id);
	form_csrf(w);
	form_errors(w, e);
	form_input(w, "name", _("Name"), "text", e ? web_field(w, "name") : "", e, NULL);
	html(w->out, "<p class=\"field\"><label for=\"f-parent\">%s</label><select id=\"f-parent\" name=\"parent\">"
		     "<option value=\"0\">%s</option>", _("Under"), _("(at the top)"));
	code_options(w, v, false);
	html(w->out, "</select></p>");
	form_input(w, "color", _("Colour (#RRGGBB, optional)"), "text", e ? web_field(w, "color") : "", e, NULL);
	form_textarea(w, "description", _("Description"), e ? web_field(w, "description") : "", e,
		      _("When to use the code: other coders read it, and it goes along in the export."));
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Add the code"));
	struct framework *f;
	size_t nf;
	if (!framework_list(&w->ctx, &f, &nf) && nf) {
		html(w->out, "<h3>%s</h3><form method=\"post\" action=\"/research/%lld/codes/framework\">"
			     "<p class=\"field\"><label for=\"f-framework\">%s</label><select id=\"f-framework\" "
			     "name=\"framework\">",
		     _("Codes from a framework"), v->p.id, _("Framework"));
		for (size_t i = 0; i < nf; i++)
			html(w->out, "<option value=\"%lld\">%s</option>", f[i].id, f[i].name);
		html(w->out, "</select></p>");
		form_csrf(w);
		html(w->out, "<p><button type=\"submit\" class=\"secondary\">%s</button></p></form>",
		     _("Take its elements as codes"));
	}
}

static void sources_list(struct web *w, const struct research_view *v)
{
	html(w->out, "<h2 id=\"sources\">%s</h2>", _("Sources"));
	if (!v->nsources)
		html(w->out, "<p>%s</p>", _("No sources yet. Add an interview or observation notes, or a text of the "
					  "organisation whose writers agreed to its use for research."));
	else {
		html(w->out, "<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		     _("Source"), _("Kind"), _("Date"), _("Team or group"), _("Coded passages"));
		for (size_t i = 0; i < v->nsources; i++) {
			const struct research_source *s = &v->sources[i];
			html(w->out, "<tr><td><a href=\"/research/%lld/sources/%lld\">%s</a></td><td>%s</td><td>%s</td>"
				     "<td>%s</td><td>%lld</td></tr>",
			     v->p.id, s->id, s->name, research_kind_label(s->kind), *s->held_on ? date_label(w->a, s->held_on) : "",
			     *s->group_name ? s->group_name : s->unit_name, s->selections);
		}
		html(w->out, "</tbody></table>");
	}
	html(w->out, "<p><a class=\"button\" href=\"/research/%lld/sources/new\">%s</a></p>", v->p.id, _("Add a source"));
}

void research_memos(struct web *w, const struct research_view *v, const char *target, long long target_id)
{
	for (size_t i = 0; i < v->nmemos; i++) {
		const struct research_memo *m = &v->memos[i];
		if (strcmp(m->target, target) || m->target_id != target_id)
			continue;
		html(w->out, "<div class=\"memo\" id=\"memo-%lld\"><blockquote class=\"memo pre\">%s</blockquote>"
			     "<form method=\"post\" action=\"/research/%lld/memos/%lld/remove\" class=\"inline\">",
		     m->id, m->text, v->p.id, m->id);
		form_csrf(w);
		html(w->out, "<button type=\"submit\" class=\"secondary\">%s</button></form></div>", _("Remove memo"));
	}
}

static void memos_and_terms(struct web *w, const struct research_view *v, const struct errors *e)
{
	html(w->out, "<h2 id=\"memos\">%s</h2>", _("Memos"));
	research_memos(w, v, "project", v->p.id);
	html(w->out, "<form method=\"post\" action=\"/research/%lld/memos\"><input type=\"hidden\" name=\"target\" "
		     "value=\"project\"><input type=\"hidden\" name=\"target_id\" value=\"%lld\">", v->p.id, v->p.id);
	form_csrf(w);
	form_textarea(w, "text", _("New memo on the project"), "", e, NULL);
	html(w->out, "<p><button type=\"submit\" class=\"secondary\">%s</button></p></form>", _("Save the memo"));
	html(w->out, "<h2 id=\"terms\">%s</h2><p>%s</p>", _("Replaced in exports"),
	     _("The names of the organisation's people are always replaced by their pseudonym. Add places and people "
	       "outside the people list that should not appear either."));
	if (v->nterms) {
		html(w->out, "<ul>");
		for (size_t i = 0; i < v->nterms; i++) {
			html(w->out, "<li>%s → %s <form method=\"post\" action=\"/research/%lld/terms/%lld/remove\" "
				     "class=\"inline\">",
			     v->terms[i].term, v->terms[i].replacement, v->p.id, v->terms[i].id);
			form_csrf(w);
			html(w->out, "<button type=\"submit\" class=\"secondary\" aria-label=\"%s\">%s</button></form></li>",
			     arena_printf(w->a, _("Stop replacing %s"), v->terms[i].term), _("Stop replacing"));
		}
		html(w->out, "</ul>");
	}
	html(w->out, "<form method=\"post\" action=\"/research/%lld/terms\">", v->p.id);
	form_csrf(w);
	form_input(w, "term", _("Word or name"), "text", "", e, NULL);
	form_input(w, "replacement", _("Replace with"), "text", "", e, NULL);
	html(w->out, "<p><button type=\"submit\" class=\"secondary\">%s</button></p></form>", _("Add"));
}

/* The project's name and purpose, and its removal: at the end of its page. */
static void project_settings(struct web *w, const struct research_view *v, const struct errors *e)
{
	html(w->out, "<h2 id=\"edit\">%s</h2><form method=\"post\" action=\"/research/%lld\">", _("Name and purpose"),
	     v->p.id);
	form_csrf(w);
	form_errors(w, e);
	form_input(w, "name", _("Name of the project"), "text", e ? web_field(w, "name") : v->p.name, e, NULL);
	form_textarea(w, "purpose", _("Purpose"), e ? web_field(w, "purpose") : v->p.purpose, e,
		      _("What you want to find out, and for whom: members see it on the project page."));
	html(w->out, "<p><button type=\"submit\" class=\"secondary\">%s</button></p></form>", _("Save name and purpose"));
	html(w->out, "<h2 id=\"remove\">%s</h2><p>%s</p><form method=\"post\" action=\"/research/%lld/remove\">",
	     _("Remove the project"),
	     _("Removes the project for all its members: its sources, codes, coded passages, memos and everything else "
	       "of the project. The texts of the organisation it copied stay where they are."),
	     v->p.id);
	form_csrf(w);
	html(w->out, "<p><button type=\"submit\" class=\"danger\">%s</button></p></form>", _("Remove the project"));
}

static void project_page_for(struct web *w, const struct errors *e, int status, bool edit)
{
	struct research_view v;
	int d = research_project_open(&w->ctx, w->id[0], &v);
	if (d) {
		research_fail(w, d);
		return;
	}
	page_begin(w, v.p.name);
	page_done_message(w);
	html(w->out, "<p><a href=\"/research\">%s</a></p>", _("All research projects"));
	if (*v.p.purpose)
		html(w->out, "<p class=\"pre\">%s</p>", v.p.purpose);
	html(w->out, "<p>%s</p>",
	     v.nsources && v.ncodes
		     ? _("Open a source to mark passages and code them; the analysis shows counts, quotes and which codes "
			 "occur together.")
		     : _("Next: add sources and codes, then open a source to code its passages."));
	html(w->out, "<ul class=\"actions\"><li><a href=\"/research/%lld/analysis\">%s</a></li>"
		     "<li><a href=\"/research/%lld/agreement\">%s</a></li>"
		     "<li><a href=\"/research/%lld/fieldwork\">%s</a></li>"
		     "<li><a href=\"/research/%lld/export.qdpx\">%s</a></li>"
		     "<li><a href=\"/research/%lld/codebook.qdc\">%s</a></li></ul>",
	     v.p.id, _("Analysis: counts, co-occurrence"), v.p.id, _("Agreement between two coders"), v.p.id, _("Fieldwork register"), v.p.id, _("Download for ATLAS.ti, NVivo, MAXQDA (.qdpx, "
									  "with pseudonyms)"),
	     v.p.id, _("Download the code book (.qdc)"));
	html(w->out, "<ul class=\"actions\"><li><a href=\"/research/%lld/member-checks\">%s</a></li><li><a href=\"/research/%lld/feedback\">%s</a></li></ul>", v.p.id, _("Member checks"), v.p.id, _("Feedback to partners (four phases)"));
	sources_list(w, &v);
	/* the errors of the name and purpose are that form's only */
	const struct errors *settings = edit ? e : NULL;
	if (edit)
		e = NULL;
	code_book(w, &v, e && errors_get(e, "name") && !errors_get(e, "term") ? e : NULL);
	html(w->out, "<h2 id=\"members\">%s</h2><ul>", _("Members"));
	for (size_t i = 0; i < v.ncoders; i++)
		html(w->out, "<li>%s%s</li>", v.coders[i].name,
		     v.coders[i].account_id ? "" : _(" (from an imported project)"));
	html(w->out, "</ul><form method=\"post\" action=\"/research/%lld/members\">", v.p.id);
	form_csrf(w);
	form_input(w, "email", _("E-mail address of a researcher of the organisation"), "email", "",
		   e && errors_get(e, "email") ? e : NULL, "off");
	html(w->out, "<p><button type=\"submit\" class=\"secondary\">%s</button></p></form>", _("Add as member"));
	memos_and_terms(w, &v, e && (errors_get(e, "term") || errors_get(e, "replacement") || errors_get(e, "text")) ? e
														  : NULL);
	project_settings(w, &v, settings);
	page_end(w);
	w->r->status = status;
}

static void project_page(struct web *w, const struct errors *e, int status)
{
	project_page_for(w, e, status, false);
}

void page_research(struct web *w)
{
	project_page(w, NULL, 200);
}

static void after(struct web *w, int d, struct errors *e, const char *done)
{
	if (d == D_INVALID)
		project_page(w, e, 422);
	else if (d)
		research_fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/research/%lld?done=%s", w->id[0], done));
}

void page_research_member_add(struct web *w)
{
	struct errors e = { 0 };
	after(w, research_member_add(&w->ctx, w->id[0], web_field(w, "email"), &e), &e, "research-member#members");
}

void page_research_code_add(struct web *w)
{
	struct errors e = { 0 };
	long long id, parent = web_field_id(w, "parent");
	int d = research_code_add(&w->ctx, w->id[0], parent < 0 ? -1 : parent, web_field(w, "name"), web_field(w, "color"),
				  web_field(w, "description"), &e, &id);
	after(w, d, &e, "research-code#codes");
}

void page_research_codes_framework(struct web *w)
{
	struct errors e = { 0 };
	long long added;
	int d = research_codes_from_framework(&w->ctx, w->id[0], web_field_id(w, "framework"), &e, &added);
	if (d == D_INVALID)
		errors_add(&w->ctx, &e, "name", "%s", e.n ? e.items[0].message : "");
	after(w, d, &e, "research-framework#codes");
}

void page_research_code_remove(struct web *w)
{
	struct research_view v;
	int d = research_project_open(&w->ctx, w->id[0], &v);
	const struct research_code *k = d ? NULL : research_code_find(&v, w->id[1]);
	if (!d && !k)
		d = D_NOTFOUND;
	if (d) {
		research_fail(w, d);
		return;
	}
	if (!web_confirm_delete(w, arena_printf(w->a, _("the code %s, the codes under it and their codings"), k->name),
				arena_printf(w->a, "/research/%lld#codes", v.p.id)))
		return;
	after(w, research_code_remove(&w->ctx, w->id[0], w->id[1]), NULL, "research-code-removed#codes");
}

void page_research_memo_add(struct web *w)
{
	struct errors e = { 0 };
	long long id;
	const char *target = web_field(w, "target");
	long long on = web_field_id(w, "target_id");
	int d = research_memo_add(&w->ctx, w->id[0], target, on, web_field(w, "text"), &e, &id);
	/* back to where the memo was written */
	if (!d && !strcmp(target, "code"))
		web_redirect(w, arena_printf(w->a, "/research/%lld/codes/%lld?done=research-memo", w->id[0], on));
	else if (!d && !strcmp(target, "source"))
		web_redirect(w, arena_printf(w->a, "/research/%lld/sources/%lld?done=research-memo#memos", w->id[0], on));
	else
		after(w, d, &e, "research-memo#memos");
}

void page_research_term_add(struct web *w)
{
	struct errors e = { 0 };
	long long id;
	int d = research_term_add(&w->ctx, w->id[0], web_field(w, "term"), web_field(w, "replacement"), &e, &id);
	after(w, d, &e, "research-term#terms");
}

void page_research_update(struct web *w)
{
	struct errors e = { 0 };
	int d = research_project_update(&w->ctx, w->id[0], web_field(w, "name"), web_field(w, "purpose"), &e);
	if (d == D_INVALID)
		project_page_for(w, &e, 422, true);
	else if (d)
		research_fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/research/%lld?done=research-saved", w->id[0]));
}

/* What the removal of the project takes along, and who else loses it. */
static const char *removal_detail(struct web *w, const struct research_view *v)
{
	struct buf b = BUF_INIT;
	html(&b, "<ul><li>%s</li><li>%s</li><li>%s</li><li>%s</li></ul>",
	     arena_printf(w->a, ngettext("%lld source", "%lld sources", (unsigned long)v->p.sources), v->p.sources),
	     arena_printf(w->a, ngettext("%lld code", "%lld codes", (unsigned long)v->p.codes), v->p.codes),
	     arena_printf(w->a, ngettext("%lld coded passage", "%lld coded passages", (unsigned long)v->p.selections),
			  v->p.selections),
	     arena_printf(w->a, ngettext("%zu memo", "%zu memos", (unsigned long)v->nmemos), v->nmemos));
	size_t others = 0;
	for (size_t i = 0; i < v->ncoders; i++)
		others += v->coders[i].account_id && v->coders[i].id != v->my_coder;
	if (others) {
		html(&b, "<p>%s</p><ul>", _("The other members lose the project too:"));
		for (size_t i = 0; i < v->ncoders; i++)
			if (v->coders[i].account_id && v->coders[i].id != v->my_coder)
				html(&b, "<li>%s</li>", v->coders[i].name);
		html(&b, "</ul>");
	}
	html(&b, "<p>%s</p>", _("The texts of the organisation that were copied into the project (reports, learning "
				"stories, logbook entries, cases) stay where they are."));
	const char *out = arena_strdup(w->a, b.ptr ? b.ptr : "");
	buf_release(&b);
	return out;
}

void page_research_remove(struct web *w)
{
	struct research_view v;
	int d = research_project_open(&w->ctx, w->id[0], &v);
	if (d) {
		research_fail(w, d);
		return;
	}
	if (!web_confirm_detail(w,
				arena_printf(w->a, _("Are you sure you want to remove the research project %s with "
						     "everything in it? This cannot be undone."),
					     v.p.name),
				removal_detail(w, &v), _("Yes, remove the project"),
				arena_printf(w->a, "/research/%lld#remove", v.p.id)))
		return;
	d = research_project_remove(&w->ctx, w->id[0]);
	if (d)
		research_fail(w, d);
	else
		web_redirect(w, "/research?done=research-removed");
}

/* Where a memo is shown: the project's, a code's or a source's page. */
static const char *memo_page(struct web *w, const struct research_memo *m)
{
	if (!strcmp(m->target, "code"))
		return arena_printf(w->a, "/research/%lld/codes/%lld", w->id[0], m->target_id);
	if (!strcmp(m->target, "source"))
		return arena_printf(w->a, "/research/%lld/sources/%lld", w->id[0], m->target_id);
	return arena_printf(w->a, "/research/%lld", w->id[0]);
}

void page_research_memo_remove(struct web *w)
{
	struct research_view v;
	int d = research_project_open(&w->ctx, w->id[0], &v);
	const struct research_memo *m = NULL;
	for (size_t i = 0; !d && i < v.nmemos; i++)
		if (v.memos[i].id == w->id[1])
			m = &v.memos[i];
	if (!d && !m)
		d = D_NOTFOUND;
	if (d) {
		research_fail(w, d);
		return;
	}
	const char *back = memo_page(w, m);
	size_t cut = utf8_cut(m->text, 80);
	const char *excerpt = m->text[cut] ? arena_printf(w->a, "%.*s…", (int)cut, m->text) : m->text;
	if (!web_confirm_delete(w, arena_printf(w->a, _("the memo “%s”"), excerpt), arena_printf(w->a, "%s#memos", back)))
		return;
	d = research_memo_remove(&w->ctx, w->id[0], w->id[1]);
	if (d)
		research_fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "%s?done=research-memo-removed#memos", back));
}

void page_research_term_remove(struct web *w)
{
	after(w, research_term_remove(&w->ctx, w->id[0], w->id[1]), NULL, "research-term-removed#terms");
}

/* ---- downloads --------------------------------------------------------------- */

static void download(struct web *w, bool codebook)
{
	struct refi_project p;
	int d = research_export(&w->ctx, w->id[0], codebook ? "qdc" : "qdpx", &p);
	if (d) {
		research_fail(w, d);
		return;
	}
	buf_reset(w->out);
	if (codebook && !p.ncodes) {
		if (w->route && w->route->kind == ROUTE_API)
			web_json_error(w, 422, _("The project has no codes yet: a code book needs one at least."));
		else
			web_error(w, 422, _("The project has no codes yet: a code book needs one at least."));
		return;
	}
	if (codebook ? !refi_write_qdc(&p, w->out) : refi_write_qdpx_mem(&p, w->out) != NULL) {
		research_fail(w, D_ERROR);
		return;
	}
	w->r->response_type = codebook ? "application/xml; charset=utf-8" : "application/zip";
	response_header(w->r, "Content-Disposition",
			arena_printf(w->a, "attachment; filename=\"onderzoek-%lld-pseudoniem.%s\"", w->id[0],
				     codebook ? "qdc" : "qdpx"));
}

void page_research_qdpx(struct web *w)
{
	download(w, false);
}

void page_research_qdc(struct web *w)
{
	download(w, true);
}
