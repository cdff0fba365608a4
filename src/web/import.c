/* import.c — importing people from an HR export: upload, preview with a
 * report per line and a column mapping, confirm. Nothing changes until the
 * confirmation, and then everything or nothing. */
#include "web.h"
#include "core/die.h"
#include "domain/people_io.h"
#include "domain/upload.h"
#include "html/html.h"

#include <string.h>

static void columns_help(struct web *w)
{
	html(w->out, "<p>%s</p><ul>", _("A CSV file as Excel saves it (separated by ';' or ','), with a header row. leergang recognises these columns, in any order:"));
	html(w->out, "<li><code>employee_id</code> / <code>personeelsnummer</code> — %s</li>", _("required; a person is recognised by it"));
	html(w->out, "<li><code>name</code> / <code>naam</code> — %s</li>", _("required"));
	html(w->out, "<li><code>email</code> / <code>e-mail</code></li>");
	html(w->out, "<li><code>unit</code> / <code>afdeling</code> — %s</li>", _("a path such as Operations/Team North; missing units are created"));
	html(w->out, "<li><code>manager_employee_id</code> / <code>leidinggevende</code> — %s</li>", _("the employee number of the manager"));
	html(w->out, "<li><code>job_level</code> / <code>functieniveau</code></li>");
	html(w->out, "<li><code>active</code> / <code>actief</code> — %s</li></ul>", _("1 or 0; empty means active"));
	html(w->out, "<p>%s</p>", _("Importing the same file again changes nothing; an updated file updates people by employee number."));
}

void page_import(struct web *w)
{
	page_begin(w, _("Import people"));
	page_done_message(w);
	columns_help(w);
	html(w->out, "<form method=\"post\" action=\"/import\" enctype=\"multipart/form-data\">");
	form_csrf(w);
	html(w->out, "<p class=\"field\"><label for=\"f-file\">%s</label><input id=\"f-file\" name=\"file\" type=\"file\" "
		"accept=\".csv,text/csv\" required></p><p><button type=\"submit\">%s</button></p></form>\n",
	     _("CSV file"), _("Check the file"));
	page_end(w);
}

static void read_map(struct web *w, int map[IMPORT_FIELDS])
{
	for (int f = 0; f < IMPORT_FIELDS; f++) {
		/* a column number of the file, or -1 for none */
		map[f] = (int)web_field_int(w, arena_printf(w->a, "map_%s", import_field_id(f)), -1, 199, -1);
	}
}

static void mapping_form(struct web *w, const struct import_report *rep, long long upload)
{
	html(w->out, "<details%s><summary>%s</summary><form method=\"post\" action=\"/import\">",
	     rep->map[IF_EMPLOYEE_ID] < 0 || rep->map[IF_NAME] < 0 ? " open" : "", _("Columns of the file"));
	form_csrf(w);
	html(w->out, "<input type=\"hidden\" name=\"upload\" value=\"%lld\"><input type=\"hidden\" name=\"action\" value=\"preview\">",
	     upload);
	for (int f = 0; f < IMPORT_FIELDS; f++) {
		const char *id = import_field_id(f);
		html(w->out, "<p class=\"field\"><label for=\"m-%s\">%s</label><select id=\"m-%s\" name=\"map_%s\">"
			"<option value=\"-1\">%s</option>", id, import_field_label(f), id, id, _("(not in the file)"));
		for (size_t k = 0; k < rep->ncols; k++)
			html(w->out, "<option value=\"%zu\"%s>%s</option>", k, rep->map[f] == (int)k ? " selected" : "",
			     rep->headers[k]);
		html(w->out, "</select></p>");
	}
	html(w->out, "<p><button type=\"submit\" class=\"secondary\">%s</button></p></form></details>\n",
	     _("Check again with these columns"));
}

/* The first rows as leergang reads them, before anything is imported. */
#define CHANGES_SHOWN 100

/* A change's fields ("name, unit", domain ids) in the words of the page. */
static const char *change_fields(struct web *w, const char *fields)
{
	static const struct { const char *id; enum import_field f; } ids[] = {
		{ "name", IF_NAME }, { "email", IF_EMAIL }, { "unit", IF_UNIT }, { "manager", IF_MANAGER },
		{ "job_level", IF_JOB_LEVEL }, { "active", IF_ACTIVE },
	};
	struct buf b = BUF_INIT;
	for (const char *p = fields; *p;) {
		size_t n = strcspn(p, ",");
		for (size_t k = 0; k < sizeof(ids) / sizeof(ids[0]); k++)
			if (strlen(ids[k].id) == n && !strncmp(p, ids[k].id, n))
				buf_addf(&b, "%s%s", b.len ? ", " : "", import_field_label(ids[k].f));
		p += n;
		p += strspn(p, ", ");
	}
	const char *out = arena_strdup(w->a, b.ptr ? b.ptr : "");
	buf_release(&b);
	return out;
}

/* Who is new or changed, line by line (the first CHANGES_SHOWN). */
static void changes_table(struct web *w, const struct import_report *rep, bool applied)
{
	if (!rep->nchanges)
		return;
	html(w->out, "<table tabindex=\"0\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		"<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	     applied ? _("What changed, per person") : _("What would change, per person"), _("Line"), _("Employee number"),
	     _("Name"), _("Kind of change"), _("Fields"));
	for (size_t i = 0; i < rep->nchanges && i < CHANGES_SHOWN; i++) {
		const struct import_change *x = &rep->changes[i];
		const char *what = !strcmp(x->change, "created") ? _("new") : !strcmp(x->change, "updated") ? _("changed")
				   : _("marked inactive");
		html(w->out, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
		     x->line ? arena_printf(w->a, "%zu", x->line) : "—", x->employee_id, x->name, what,
		     change_fields(w, x->fields));
	}
	html(w->out, "</tbody></table>\n");
	if (rep->nchanges > CHANGES_SHOWN)
		html(w->out, "<p>%s</p>", arena_printf(w->a, ngettext("And %zu more person.", "And %zu more people.",
								      rep->nchanges - CHANGES_SHOWN),
							 rep->nchanges - CHANGES_SHOWN));
}

static void preview_table(struct web *w, const struct import_report *rep)
{
	if (!rep->npreview)
		return;
	html(w->out, "<table class=\"preview\" tabindex=\"0\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>",
	     rep->rows > rep->npreview
		     ? arena_printf(w->a, _("The first %zu of %zu rows, as they will be read"), rep->npreview, rep->rows)
		     : _("The rows, as they will be read"),
	     _("Line"));
	for (int f = 0; f < IMPORT_FIELDS; f++)
		if (rep->map[f] >= 0)
			html(w->out, "<th scope=\"col\">%s</th>", import_field_label(f));
	html(w->out, "</tr></thead><tbody>");
	for (size_t i = 0; i < rep->npreview; i++) {
		html(w->out, "<tr><td>%s</td>", arena_printf(w->a, "%zu", rep->preview[i].line));
		for (int f = 0; f < IMPORT_FIELDS; f++)
			if (rep->map[f] >= 0)
				html(w->out, "<td>%s</td>", rep->preview[i].v[f]);
		html(w->out, "</tr>");
	}
	html(w->out, "</tbody></table>\n");
}

static void report_page(struct web *w, const char *filename, const struct import_report *rep, long long upload,
			int d, bool applied)
{
	page_begin(w, applied && d == D_OK ? _("Import done") : _("Check of the import"));
	html(w->out, "<p>%s</p>", arena_printf(w->a, ngettext("File: %s, %zu row of people.", "File: %s, %zu rows of people.", rep->rows),
					      filename, rep->rows));
	if (rep->converted)
		html(w->out, "<p>%s</p>", _("The file was saved as Windows-1252 (ANSI); leergang has converted it to UTF-8. Check the names with accents below."));
	if (d == D_INVALID) {
		html(w->out, "<div class=\"error\" role=\"alert\"><p>%s</p></div>",
		     arena_printf(w->a, ngettext("Nothing has been imported: %zu problem must be solved first. Correct the file and upload it again.",
						 "Nothing has been imported: %zu problems must be solved first. Correct the file and upload it again.",
						 rep->nissues), rep->nissues));
		html(w->out, "<table tabindex=\"0\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			"<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		     _("Problems per line"), _("Line"), _("Column"), _("What is wrong"), _("What to do"));
		for (size_t i = 0; i < rep->nissues; i++) {
			const struct import_issue *is = &rep->issues[i];
			html(w->out, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
			     is->line ? arena_printf(w->a, "%zu", is->line) : "—", is->header, is->problem, is->fix);
		}
		html(w->out, "</tbody></table>\n");
	} else if (d == D_OK) {
		const char *verb = applied ? _("Done") : _("If you confirm");
		html(w->out, "<p role=\"status\">%s: %s</p>", verb,
		     arena_printf(w->a, "%s, %s, %s, %s.",
				  arena_printf(w->a, ngettext("%zu new person", "%zu new people", rep->created), rep->created),
				  arena_printf(w->a, _("%zu changed"), rep->updated),
				  arena_printf(w->a, _("%zu unchanged"), rep->unchanged),
				  arena_printf(w->a, ngettext("%zu new unit", "%zu new units", rep->units_created), rep->units_created)));
		changes_table(w, rep, applied);
		if (!applied)
			preview_table(w, rep);
	}
	if (!applied && rep->ncols)
		mapping_form(w, rep, upload);
	if (!applied && d == D_OK) {
		html(w->out, "<form method=\"post\" action=\"/import\">");
		form_csrf(w);
		html(w->out, "<input type=\"hidden\" name=\"upload\" value=\"%lld\"><input type=\"hidden\" name=\"action\" value=\"confirm\">",
		     upload);
		for (int f = 0; f < IMPORT_FIELDS; f++)
			html(w->out, "<input type=\"hidden\" name=\"map_%s\" value=\"%d\">", import_field_id(f), rep->map[f]);
		html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Import now"));
	}
	html(w->out, "<p><a href=\"/import\">%s</a></p>", applied ? _("Import another file") : _("Upload another file"));
	page_end(w);
	w->r->status = d == D_INVALID ? 422 : 200;
}

/* The file of the request: a new one (kept until the confirmation), or the
 * one kept under the form's "upload". False after answering. */
static bool import_file(struct web *w, const struct part *file, struct upload *up)
{
	if (!file) {
		if (upload_open(&w->ctx, web_field_id(w, "upload"), up)) {
			web_error(w, 410, _("This upload is no longer available (it is kept for a day, and removed after an import). Upload the file again."));
			return false;
		}
		return true;
	}
	if (!file->len) {
		web_error(w, 422, _("The chosen file is empty. Choose the CSV file with the people."));
		return false;
	}
	*up = (struct upload){ 0, file->filename, file->data, file->len };
	if (upload_keep(&w->ctx, file->filename, file->data, file->len, &up->id)) {
		web_error(w, 500, _("The file could not be kept. Try again later."));
		return false;
	}
	return true;
}

void page_import_post(struct web *w)
{
	const struct part *file = NULL;
	for (size_t i = 0; i < w->r->files.n; i++)
		if (!strcmp(w->r->files.items[i].name, "file"))
			file = &w->r->files.items[i];
	struct upload up;
	if (!import_file(w, file, &up))
		return;
	bool confirm = !file && !strcmp(web_field(w, "action"), "confirm");
	int map[IMPORT_FIELDS];
	read_map(w, map);
	struct import_report rep;
	int d = people_import(&w->ctx, up.data, up.len, file ? NULL : map, confirm, &rep);
	if (d == D_ERROR) {
		web_error(w, 500, _("The import failed because of a fault in leergang; nothing has changed. Try again later."));
		return;
	}
	/* imported: the file is no longer needed (or kept, it goes after its day) */
	if (confirm && d == D_OK && upload_done(&w->ctx, up.id))
		warn("import: upload %lld was not removed; it goes after its day", up.id);
	report_page(w, up.filename, &rep, up.id, d, confirm);
}
