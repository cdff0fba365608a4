/* people.c — the people of the organisation: a list with search, unit
 * filter and paging, a CSV export of the same selection, and a person page. */
#include "web.h"
#include "domain/export_audit.h"
#include "formats/csv.h"
#include "domain/people_io.h"
#include "domain/person.h"
#include "domain/unit.h"
#include "html/html.h"

#include <string.h>

#define PAGE_SIZE 50
#define PAGES_MAX 1000000   /* a page number beyond it is the last page */

static void read_filter(struct web *w, struct person_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->query = web_arg(w, "q");
	f->unit_id = web_arg_int(w, "unit", 0);
	f->include_inactive = web_arg(w, "inactive") != NULL;
}

/* The query string of the current filter, for paging links. */
static const char *filter_query(struct web *w, const struct person_filter *f)
{
	return arena_printf(w->a, "q=%s&unit=%lld%s", url_encode(w->a, f->query ? f->query : ""), f->unit_id,
			    f->include_inactive ? "&inactive=1" : "");
}

/* The search form: words, unit, and whether to include the inactive. */
static void filter_form(struct web *w, const struct person_filter *f, const struct unit_tree *t)
{
	html(w->out, "<form method=\"get\" action=\"/people\" role=\"search\" class=\"filters\">"
		"<p class=\"field\"><label for=\"f-q\">%s</label><input id=\"f-q\" name=\"q\" type=\"search\" value=\"%s\"></p>"
		"<p class=\"field\"><label for=\"f-unit\">%s</label><select id=\"f-unit\" name=\"unit\"><option value=\"0\">%s</option>",
	     _("Search by name, e-mail, employee number or unit"), f->query ? f->query : "", _("Unit (with its sub-units)"),
	     _("All units"));
	for (size_t i = 0; i < t->n; i++)
		html(w->out, "<option value=\"%lld\"%s>%s</option>", t->units[i].id,
		     t->units[i].id == f->unit_id ? " selected" : "", t->paths[i]);
	html(w->out, "</select></p><p><input type=\"checkbox\" id=\"f-inactive\" name=\"inactive\" value=\"1\"%s> "
		"<label for=\"f-inactive\" class=\"inline\">%s</label></p>"
		"<p><button type=\"submit\">%s</button></p></form>\n",
	     f->include_inactive ? " checked" : "", _("Also people who are no longer active"), _("Search"));
}

/* Links to the previous and next page of the list. */
static void pager(struct web *w, const struct person_filter *f, long long page, long long pages)
{
	if (pages <= 1)
		return;
	html(w->out, "<nav class=\"pager\" aria-label=\"%s\">", _("Pages"));
	if (page > 1)
		html(w->out, "<a href=\"/people?%s&amp;page=%lld\" rel=\"prev\">%s</a>", filter_query(w, f), page - 1,
		     _("Previous page"));
	html(w->out, "<span>%s</span>", arena_printf(w->a, _("Page %lld of %lld"), page, pages));
	if (page < pages)
		html(w->out, "<a href=\"/people?%s&amp;page=%lld\" rel=\"next\">%s</a>", filter_query(w, f), page + 1,
		     _("Next page"));
	html(w->out, "</nav>\n");
}

void page_people(struct web *w)
{
	struct person_filter f;
	read_filter(w, &f);
	long long page = web_arg_clamped(w, "page", 1, 1, PAGES_MAX);
	f.limit = PAGE_SIZE;
	f.offset = (page - 1) * PAGE_SIZE;
	struct person *people;
	size_t n;
	long long total;
	struct unit_tree t;
	int r = unit_tree_load(&w->ctx, false, &t) || person_list(&w->ctx, &f, &people, &n, &total);
	if (!r && !n && page > 1 && total > 0) {   /* past the end: the last page */
		page = (total + PAGE_SIZE - 1) / PAGE_SIZE;
		f.offset = (page - 1) * PAGE_SIZE;
		r = person_list(&w->ctx, &f, &people, &n, &total);
	}
	if (r) {
		web_error(w, 500, _("The people could not be read. Try again later."));
		return;
	}
	page_begin(w, _("People"));
	filter_form(w, &f, &t);
	long long pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
	html(w->out, "<p role=\"status\">%s <a href=\"/people.csv?%s\">%s</a></p>\n",
	     arena_printf(w->a, ngettext("%lld person found.", "%lld people found.", (unsigned long)total), total), filter_query(w, &f), _("Download as CSV"));
	if (n) {
		html(w->out, "<table tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			"<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		     _("Name"), _("Employee number"), _("Unit"), _("Manager"), _("Job level"));
		for (size_t i = 0; i < n; i++) {
			const struct person *p = &people[i];
			html(w->out, "<tr><td><a href=\"/people/%lld\">%s</a>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
			     p->id, p->name, p->active ? "" : _(" (inactive)"), p->employee_id,
			     p->unit_id ? unit_tree_path(&t, p->unit_id) : "—", p->manager_name ? p->manager_name : "—",
			     p->job_level);
		}
		html(w->out, "</tbody></table>\n");
	}
	pager(w, &f, page, pages);
	page_end(w);
}

void page_people_csv(struct web *w)
{
	struct person_filter f;
	read_filter(w, &f);
	struct person *people;
	size_t n;
	long long total;
	struct unit_tree t;
	if (unit_tree_load(&w->ctx, false, &t) || person_list(&w->ctx, &f, &people, &n, &total)) {
		web_error(w, 500, _("The people could not be read. Try again later."));
		return;
	}
	buf_reset(w->out);
	buf_adds(w->out, CSV_BOM);  /* so that Excel reads UTF-8 */
	people_csv(w->out, people, n, &t);
	export_record(&w->ctx, EXPORT_PEOPLE, "organisation", w->ctx.who->organisation_id, "csv", n);
	w->r->response_type = "text/csv; charset=utf-8";
	response_header(w->r, "Content-Disposition", "attachment; filename=\"mensen.csv\"");
}

void page_person(struct web *w)
{
	page_person_again(w, NULL, 200);
}

void page_person_again(struct web *w, const struct errors *e, int status)
{
	struct person p;
	int r = person_get(&w->ctx, w->id[0], &p);
	if (r == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	struct unit_tree t;
	struct person *reports;
	size_t nreports;
	if (r || unit_tree_load(&w->ctx, false, &t) ||
	    person_reports(&w->ctx, p.id, &reports, &nreports)) {
		web_error(w, 500, _("The person could not be read. Try again later."));
		return;
	}
	page_begin(w, p.name);
	page_done_message(w);
	html(w->out, "<p><a href=\"/people\">%s</a></p><dl>", _("Back to people"));
	html(w->out, "<dt>%s</dt><dd>%s</dd>", _("Employee number"), p.employee_id);
	html(w->out, "<dt>%s</dt><dd>%s</dd>", _("E-mail"), *p.email ? p.email : "—");
	if (p.unit_id)
		html(w->out, "<dt>%s</dt><dd><a href=\"/units/%lld\">%s</a></dd>", _("Unit"), p.unit_id,
		     unit_tree_path(&t, p.unit_id));
	else
		html(w->out, "<dt>%s</dt><dd>—</dd>", _("Unit"));
	if (p.manager_id)
		html(w->out, "<dt>%s</dt><dd><a href=\"/people/%lld\">%s</a></dd>", _("Manager"), p.manager_id, p.manager_name);
	else
		html(w->out, "<dt>%s</dt><dd>—</dd>", _("Manager"));
	html(w->out, "<dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd></dl>\n", _("Job level"), *p.job_level ? p.job_level : "—",
	     _("Status"), p.active ? _("active") : _("no longer active"));
	if (nreports) {
		html(w->out, "<h2>%s</h2><ul>", _("Reports to this person"));
		for (size_t i = 0; i < nreports; i++)
			html(w->out, "<li><a href=\"/people/%lld\">%s</a></li>", reports[i].id, reports[i].name);
		html(w->out, "</ul>\n");
	}
	person_referrals_section(w, p.id, e);
	if (actor_has(w->ctx.who, ROLE_BIT(ROLE_ADMINISTRATOR))) {
		/* on a written request (AVG): the inzage, and erasure */
		html(w->out, "<h2>%s</h2><p>%s</p><ul>", _("Data of this person on request"),
		     _("For a written request of this person: everything leergang holds about them, or their erasure."));
		html(w->out, "<li><a href=\"/people/%lld/data.pdf\">%s</a></li><li><a href=\"/people/%lld/data.json\">%s</a></li></ul>",
		     p.id, _("Download the inzage (PDF)"), p.id, _("Download the inzage (JSON)"));
		html(w->out, "<form method=\"post\" action=\"/people/%lld/erase\">", p.id);
		form_csrf(w);
		html(w->out, "<button type=\"submit\" class=\"danger\">%s</button></form>\n", _("Erase person"));
	}
	page_end(w);
	w->r->status = status;
}
