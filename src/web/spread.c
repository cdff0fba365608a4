/* spread.c — the spread table page (/spread) as seed 002's Table 1 draws
 * it: participants per department and team per circle, batch or learning
 * group, team leaders marked, row and column totals, a plain-Dutch reading
 * beside it (where participation clusters, who has nobody yet), and the
 * downloads as CSV and XLSX. The coach and the researcher see teams and
 * the names in a cell; the owner sees counts per department only
 * (domain/spread_table.c decides). */
#include "web.h"
#include "domain/spread_table.h"
#include "formats/xlsx.h"
#include "html/html.h"
#include "core/die.h"

#include <string.h>

/* The table asked in the query; false after answering (the form again
 * with its problems for the page, 422 for a download, 500). */
static int read_table(struct web *w, struct spread_table *t, struct errors *e)
{
	int d = spread_table(&w->ctx, web_arg(w, "by"), web_arg(w, "from"), web_arg(w, "to"), e, t);
	if (d == D_FORBIDDEN)
		web_error(w, 403, _("You may not read the spread of participants."));
	else if (d && d != D_INVALID)
		web_error(w, 500, _("The spread of participants could not be read. Try again later."));
	return d;
}

static const char *query_of(struct web *w, const struct spread_table *t)
{
	return arena_printf(w->a, "by=%s&from=%s&to=%s", spread_by_id(t->by), url_encode(w->a, t->from),
			    url_encode(w->a, t->to));
}

static void choice_form(struct web *w, const struct errors *e)
{
	static const char *const bys[] = { "circle", "batch", "group" };
	const char *labels[] = { _("by learning circle"), _("by batch"), _("by learning group") };
	const char *by = web_arg(w, "by") ? web_arg(w, "by") : "circle";
	form_errors(w, e);
	html(w->out, "<form method=\"get\" action=\"/spread\" class=\"choice\"><p class=\"field\"><label for=\"f-by\">%s</label>"
		     "<select id=\"f-by\" name=\"by\">", _("Columns"));
	for (size_t i = 0; i < 3; i++)
		html(w->out, !strcmp(by, bys[i]) ? "<option value=\"%s\" selected>%s</option>" : "<option value=\"%s\">%s</option>",
		     bys[i], labels[i]);
	html(w->out, "</select></p>");
	bool period = spread_sees_names(&w->ctx);  /* the owner's counts are over all periods (spread_table.c) */
	if (period) {
		form_input(w, "from", _("Starting from (YYYY-MM-DD)"), "text", web_arg(w, "from") ? web_arg(w, "from") : "",
			   e, NULL);
		form_input(w, "to", _("Starting until (YYYY-MM-DD)"), "text", web_arg(w, "to") ? web_arg(w, "to") : "", e,
			   NULL);
	}
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Show"));
	if (period)
		html(w->out, "<p class=\"muted\">%s</p>",
		     _("A column is in when it starts within the period: a learning circle at the season of its period (vj "
		       "2015 is 1 March 2015; wi 1 January, zo 1 June, nj 1 September), else at its members' first date; a "
		       "batch or a learning group at its first enrolment. Without a period every column is in."));
}

static void cell(struct web *w, long long n, const struct spread_cell_names *names)
{
	html(w->out, "<td>%lld", n);
	if (names && names->n) {
		html(w->out, "<ul class=\"cell-names\">");
		for (size_t i = 0; i < names->n; i++) {
			html(w->out, "<li>%s", names->v[i].name);
			if (names->v[i].team_leader)
				html(w->out, " <abbr title=\"%s\">tl</abbr>", _("team leader"));
			html(w->out, "</li>");
		}
		html(w->out, "</ul>");
	}
	html(w->out, "</td>");
}

static void full_table(struct web *w, const struct spread_table *t)
{
	html(w->out, "<table tabindex=\"0\" class=\"spread\" id=\"spread\"><caption>%s</caption><thead><tr>"
		     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">n</th>"
		     "<th scope=\"col\"><abbr title=\"%s\">tl</abbr></th>",
	     _("Participants per department and team"), _("Department"), _("Team"), _("of them team leaders"));
	for (size_t i = 0; i < t->ncolumns; i++)
		html(w->out, "<th scope=\"col\">%s<br><span class=\"muted\">%s</span></th>", t->columns[i].key,
		     t->columns[i].period);
	html(w->out, "</tr></thead><tbody>");
	long long tl = 0;
	for (size_t d = 0; d < t->ndepartments; d++) {
		const struct spread_department *dp = &t->departments[d];
		tl += dp->team_leaders;
		for (size_t k = 0; k < dp->nteams; k++) {
			const struct spread_row *row = &dp->teams[k];
			html(w->out, "<tr class=\"team\"><td>%s</td><th scope=\"row\">%s%s</th><td>%lld</td><td>%lld</td>",
			     dp->name, row->name, row->clusters ? arena_printf(w->a, " (%s)", _("cluster")) : "", row->n,
			     row->team_leaders);
			for (size_t i = 0; i < t->ncolumns; i++)
				cell(w, row->cells[i], row->names ? &row->names[i] : NULL);
			html(w->out, "</tr>");
		}
		html(w->out, "<tr class=\"subtotal\"><td>%s</td><th scope=\"row\">%s</th><td>%lld</td><td>%lld</td>", dp->name,
		     dp->clusters ? arena_printf(w->a, "%s (%s)", _("Department total"), _("cluster")) : _("Department total"),
		     dp->n, dp->team_leaders);
		for (size_t i = 0; i < t->ncolumns; i++)
			html(w->out, "<td>%lld</td>", dp->cells[i]);
		html(w->out, "</tr>");
	}
	html(w->out, "</tbody><tfoot><tr class=\"total\"><td></td><th scope=\"row\">%s</th><td>%lld</td><td>%lld</td>",
	     _("Total"), t->total, tl);
	for (size_t i = 0; i < t->ncolumns; i++)
		html(w->out, "<td>%lld</td>", t->columns[i].total);
	html(w->out, "</tr></tfoot></table>\n<p class=\"muted\">%s</p>",
	     _("n: the number of people in the row, each counted once however many columns they are in; tl: how many of "
	       "them are team leaders (the manager of their team). A cell counts the people of the row in that column; "
	       "the total counts every person once."));
}

static void department_table(struct web *w, const struct spread_table *t)
{
	html(w->out, "<table tabindex=\"0\" class=\"spread\" id=\"spread\"><caption>%s</caption><thead><tr>"
		     "<th scope=\"col\">%s</th><th scope=\"col\">n</th></tr></thead><tbody>",
	     _("Participants per department"), _("Department"));
	for (size_t d = 0; d < t->ndepartments; d++)
		html(w->out, "<tr><th scope=\"row\">%s</th><td>%lld</td></tr>", t->departments[d].name, t->departments[d].n);
	html(w->out, "</tbody><tfoot><tr class=\"total\"><th scope=\"row\">%s</th><td>%lld</td></tr></tfoot></table>\n",
	     _("Total"), t->total);
}

/* "A, B and C" of the names chosen */
static void name_list(struct web *w, const char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		html(w->out, "%s%s", i == 0 ? "" : i + 1 == n ? _(" and ") : ", ", v[i]);
}

static void reading(struct web *w, const struct spread_table *t)
{
	size_t nd = t->ndepartments, nt = 0;
	for (size_t d = 0; d < nd; d++)
		nt += t->departments[d].nteams;
	const char **cd = arena_alloc(w->a, (nd + 1) * sizeof(char *)), **ed = arena_alloc(w->a, (nd + 1) * sizeof(char *));
	const char **ct = arena_alloc(w->a, (nt + 1) * sizeof(char *)), **et = arena_alloc(w->a, (nt + 1) * sizeof(char *));
	size_t ncd = 0, ned = 0, nct = 0, net = 0;
	for (size_t d = 0; d < nd; d++) {
		const struct spread_department *dp = &t->departments[d];
		if (dp->clusters)
			cd[ncd++] = dp->name;
		if (!dp->n)
			ed[ned++] = dp->name;
		for (size_t k = 0; k < dp->nteams; k++) {
			if (dp->teams[k].clusters)
				ct[nct++] = arena_printf(w->a, "%s (%s)", dp->teams[k].name, dp->name);
			if (!dp->teams[k].n && !dp->teams[k].direct)
				et[net++] = arena_printf(w->a, "%s (%s)", dp->teams[k].name, dp->name);
		}
	}
	html(w->out, "<section class=\"reading\" aria-labelledby=\"reading\"><h2 id=\"reading\">%s</h2><p>", _("Reading"));
	html(w->out, "%s", arena_printf(w->a, ngettext("%lld person took part", "%lld people took part", (unsigned long)t->total),
					t->total));
	html(w->out, " %s", arena_printf(w->a, ngettext("in %zu column.", "in %zu columns.", (unsigned long)t->ncolumns),
					 t->ncolumns));
	html(w->out, "</p><p>");
	if (ncd || nct) {
		html(w->out, "%s ", _("Participation clusters in"));
		name_list(w, cd, ncd);
		if (ncd && nct)
			html(w->out, "%s", _("; within them in "));
		name_list(w, ct, nct);
		html(w->out, ".");
	} else {
		html(w->out, "%s", _("Participation does not cluster anywhere."));
	}
	html(w->out, "</p><p class=\"muted\">%s</p>",
	     t->teams_shown ? _("Leergang's rule: a department clusters when it has more participants than the mean of the "
				"departments; a team when it has at least 3 and at least twice the mean of all teams.")
			    : _("Leergang's rule: a department clusters when it has more participants than the mean of the "
				"departments."));
	html(w->out, "<p>");
	if (ned) {
		html(w->out, "%s ", _("Nobody took part yet from the departments"));
		name_list(w, ed, ned);
		html(w->out, ". ");
	}
	if (net) {
		html(w->out, "%s ", _("Nobody took part yet from the teams"));
		name_list(w, et, net);
		html(w->out, ".");
	}
	if (!ned && !net)
		html(w->out, "%s", t->teams_shown ? _("Every department and team has at least one participant.")
						    : _("Every department has at least one participant."));
	html(w->out, "</p></section>\n");
}

void page_spread(struct web *w)
{
	struct errors e = { 0 };
	struct spread_table t;
	int d = read_table(w, &t, &e);
	if (d && d != D_INVALID)
		return;
	page_begin(w, _("Spread of participants"));
	page_done_message(w);
	html(w->out, "<p>%s</p>",
	     _("How participation spreads through the organisation: the people who took part per department and team, "
	       "per learning circle, batch or learning group (Table 1 of the study of the learning circles)."));
	if (spread_sees_names(&w->ctx))
		html(w->out, "<p><a href=\"/spread/lone\">%s</a></p>", _("Lone participants and buddies"));
	choice_form(w, d ? &e : NULL);
	if (!d) {
		if (t.teams_shown)
			full_table(w, &t);
		else
			department_table(w, &t);
		reading(w, &t);
		const char *q = query_of(w, &t);
		html(w->out, "<p>%s <a href=\"/spread.csv?%s\" download>CSV</a> · <a href=\"/spread.xlsx?%s\" download>XLSX</a></p>",
		     _("Download:"), q, q);
	}
	page_end(w);
	if (d)
		w->r->status = 422;
}

static bool download_table(struct web *w, struct spread_table *t)
{
	struct errors e = { 0 };
	int d = read_table(w, t, &e);
	if (d == D_INVALID)
		web_error(w, 422, e.items[0].message);
	return !d;
}

void page_spread_csv(struct web *w)
{
	struct spread_table t;
	if (!download_table(w, &t))
		return;
	struct data_table x;
	spread_table_data(w->a, &t, &x);
	buf_reset(w->out);
	table_csv(&x, w->out);
	spread_export_record(&w->ctx, &t, "csv", x.nrows);
	w->r->response_type = "text/csv; charset=utf-8";
	response_header(w->r, "Content-Disposition", "attachment; filename=\"spreiding.csv\"");
}

void page_spread_xlsx(struct web *w)
{
	struct spread_table t;
	if (!download_table(w, &t))
		return;
	struct data_table x;
	spread_table_data(w->a, &t, &x);
	struct buf err = BUF_INIT;
	buf_reset(w->out);
	if (xlsx_write(&x, w->out, &err)) {
		warn("spread: %s", err.ptr);
		buf_release(&err);
		buf_reset(w->out);
		web_error(w, 500, _("The file could not be made. Try again later."));
		return;
	}
	buf_release(&err);
	spread_export_record(&w->ctx, &t, "xlsx", x.nrows);
	w->r->response_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	response_header(w->r, "Content-Disposition", "attachment; filename=\"spreiding.xlsx\"");
}

void api_spread(struct web *w)
{
	struct errors e = { 0 };
	struct spread_table t;
	int d = spread_table(&w->ctx, web_arg(w, "by"), web_arg(w, "from"), web_arg(w, "to"), &e, &t);
	if (d)
		api_answer(w, d, &e, 0);
	else
		web_json(w, 200, spread_table_json(&t));
}
