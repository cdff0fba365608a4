/* level_reports.c — the accounting of a group, batch, programme or the
 * organisation for a period: the page (with the charts the other pages
 * draw), its PDF and its JSON, all from level_report_read. */
#include "web.h"
#include "html/chart.h"
#include "html/html.h"
#include "domain/level_report.h"
#include "formats/table.h"

#include <string.h>

static const char *const paths[LEVELS] = { "groups", "batches", "programmes", "organisations" };

/* The period of the query; false after answering 400 (the page with the
 * form and its message, or JSON for the API). */
static bool period_of(struct web *w, enum report_level level, bool api, struct report_period *p, struct errors *e)
{
	if (!report_period_parse(&w->ctx, web_arg(w, "from"), web_arg(w, "to"), p, e))
		return true;
	if (api) {
		web_json_error(w, 400, e->items[0].message);
		return false;
	}
	(void)level;
	return false;
}

/* Reads the report; false after answering 404 or 500. */
static bool read_report(struct web *w, enum report_level level, const struct report_period *p, struct level_report *r,
			bool api)
{
	int d = level_report_read(&w->ctx, level, w->id[0], p, r);
	if (!d)
		return true;
	if (d == D_NOTFOUND) {
		if (api)
			web_json_error(w, 404, _("Not found."));
		else
			web_not_found(w);
	} else if (api) {
		web_json_error(w, 500, _("The report could not be made. Try again later."));
	} else {
		web_error(w, 500, _("The report could not be made. Try again later."));
	}
	return false;
}

static const char *query(struct web *w, const struct report_period *p)
{
	if (!*p->from && !*p->to)
		return "";
	return arena_printf(w->a, "?from=%s&to=%s", url_encode(w->a, p->from), url_encode(w->a, p->to));
}

static void period_form(struct web *w, enum report_level level, const char *from, const char *to, const struct errors *e)
{
	form_errors(w, e);
	html(w->out, "<form method=\"get\" action=\"/%s/%lld/accounting\" class=\"period\"><fieldset><legend>%s</legend>",
	     paths[level], w->id[0], _("Period"));
	form_input(w, "from", _("From (YYYY-MM-DD, empty: from the start)"), "date", from, e, NULL);
	form_input(w, "to", _("Up to and including (YYYY-MM-DD, empty: up to today)"), "date", to, e, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></fieldset></form>\n", _("Show this period"));
}

static void table_html(struct web *w, const struct report_table *t, size_t k)
{
	html(w->out, "<div class=\"table-wrap\"><table id=\"t-%zu\" tabindex=\"0\"><caption>%s</caption><thead><tr>", k, t->caption);
	for (size_t c = 0; c < t->cols; c++)
		html(w->out, "<th scope=\"col\">%s</th>", t->cells[c]);
	html(w->out, "</tr></thead><tbody>");
	bool *figures = arena_alloc(w->a, (t->cols + 1) * sizeof(*figures));
	for (size_t c = 1; c < t->cols; c++) {
		figures[c] = true;
		for (size_t r = 1; r < t->rows; r++)
			figures[c] = figures[c] && table_is_figure(t->cells[r * t->cols + c]);
	}
	for (size_t r = 1; r < t->rows; r++) {
		html(w->out, "<tr><th scope=\"row\">%s</th>", t->cells[r * t->cols]);
		for (size_t c = 1; c < t->cols; c++) {
			if (figures[c])
				html(w->out, "<td class=\"num\">%s</td>", t->cells[r * t->cols + c]);
			else
				html(w->out, "<td>%s</td>", t->cells[r * t->cols + c]);
		}
		html(w->out, "</tr>");
	}
	html(w->out, "</tbody></table></div>\n");
}

static void chart_html(struct web *w, const struct report_chart *ch, size_t k)
{
	struct chart_cell *cells = arena_alloc(w->a, ch->nlabels * sizeof(*cells));
	for (size_t i = 0; i < ch->nlabels; i++)
		cells[i] = (struct chart_cell){ ch->mean[i], ch->sd[i], (size_t)ch->n[i], false };
	struct chart_series s = { "", cells };
	chart_means(w->out, w->a, ch->title, ch->label_header, ch->labels, ch->nlabels, &s, 1, ch->scale_min, ch->scale_max,
		    NULL, arena_printf(w->a, "c-%zu", k));
}

static void parts_html(struct web *w, const struct level_report *r)
{
	struct report_part *parts;
	size_t n;
	level_report_parts(&w->ctx, r, &parts, &n);
	for (size_t i = 0; i < n; i++) {
		const struct report_part *x = &parts[i];
		if (x->heading)
			html(w->out, x->depth == 2 ? "<h2>%s</h2>\n" : "<h3>%s</h3>\n", x->heading);
		if (x->text)
			html(w->out, "<p>%s</p>\n", x->text);
		if (x->link)
			html(w->out, "<p><a href=\"%s\">%s</a></p>\n", x->link, x->link_text);
		if (x->nbullets) {
			html(w->out, "<ul>");
			for (size_t k = 0; k < x->nbullets; k++)
				html(w->out, "<li>%s</li>", x->bullets[k]);
			html(w->out, "</ul>\n");
		}
		if (x->chart.nlabels)
			chart_html(w, &x->chart, i);  /* the chart holds the same numbers as its table */
		else if (x->table.rows)
			table_html(w, &x->table, i);
	}
}

static void report_page(struct web *w, enum report_level level)
{
	struct errors e = { 0 };
	struct report_period p;
	const char *from = web_arg(w, "from"), *to = web_arg(w, "to");
	if (!period_of(w, level, false, &p, &e)) {
		/* the page again with the dates as typed and what to do; nothing else */
		w->r->status = 400;
		page_begin(w, _("Accounting"));
		period_form(w, level, from ? from : "", to ? to : "", &e);
		page_end(w);
		return;
	}
	struct level_report r;
	if (!read_report(w, level, &p, &r, false))
		return;
	page_begin(w, level_report_title(&w->ctx, &r));
	html(w->out, "<p class=\"lead\">%s</p>\n",
	     _("This page accounts for what happened in the period: who took part and who stopped, the meetings and attendance, the choices made and the questionnaires, in counts only. Choose a period, read the figures, and download the PDF to keep or send on."));
	if (*r.context)
		html(w->out, "<p>%s</p>\n", r.context);
	html(w->out, "<p>%s: <strong>%s</strong></p>\n", _("Period"), level_report_period_label(&w->ctx, &p));
	html(w->out, "<p><a href=\"/%s/%lld/accounting.pdf%s\">%s</a></p>\n", paths[level], w->id[0], query(w, &p),
	     _("Download this accounting as PDF"));
	period_form(w, level, p.from, p.to, &e);
	parts_html(w, &r);
	page_end(w);
}

static void report_pdf(struct web *w, enum report_level level, bool api)
{
	struct errors e = { 0 };
	struct report_period p;
	if (!period_of(w, level, api, &p, &e)) {
		if (!api)
			web_error(w, 400, e.items[0].message);
		return;
	}
	struct level_report r;
	if (!read_report(w, level, &p, &r, api))
		return;
	buf_reset(w->out);
	if (level_report_pdf(&w->ctx, &r, w->out)) {
		web_error(w, 500, _("The PDF could not be made. Try again later."));
		return;
	}
	w->r->response_type = "application/pdf";
	response_header(w->r, "Content-Disposition",
			arena_printf(w->a, "attachment; filename=\"verantwoording-%s-%lld.pdf\"", report_level_id(level), w->id[0]));
}

static void report_json(struct web *w, enum report_level level)
{
	struct errors e = { 0 };
	struct report_period p;
	if (!period_of(w, level, true, &p, &e))
		return;
	struct level_report r;
	if (!read_report(w, level, &p, &r, true))
		return;
	web_json(w, 200, level_report_json(&w->ctx, &r));
}

void page_group_accounting(struct web *w) { report_page(w, LEVEL_GROUP); }
void page_batch_accounting(struct web *w) { report_page(w, LEVEL_BATCH); }
void page_programme_accounting(struct web *w) { report_page(w, LEVEL_PROGRAMME); }
void page_organisation_accounting(struct web *w) { report_page(w, LEVEL_ORGANISATION); }
void page_group_accounting_pdf(struct web *w) { report_pdf(w, LEVEL_GROUP, false); }
void page_batch_accounting_pdf(struct web *w) { report_pdf(w, LEVEL_BATCH, false); }
void page_programme_accounting_pdf(struct web *w) { report_pdf(w, LEVEL_PROGRAMME, false); }
void page_organisation_accounting_pdf(struct web *w) { report_pdf(w, LEVEL_ORGANISATION, false); }
void api_group_accounting(struct web *w) { report_json(w, LEVEL_GROUP); }
void api_batch_accounting(struct web *w) { report_json(w, LEVEL_BATCH); }
void api_programme_accounting(struct web *w) { report_json(w, LEVEL_PROGRAMME); }
void api_organisation_accounting(struct web *w) { report_json(w, LEVEL_ORGANISATION); }
void api_programme_accounting_pdf(struct web *w) { report_pdf(w, LEVEL_PROGRAMME, true); }
