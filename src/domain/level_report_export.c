/* level_report_export.c — the accounting of a level as a PDF (the learning
 * story's typesetting: cover, sections, tables, the charts the pages draw,
 * the rules that applied, a footer) and as JSON for the API and the
 * command line. Both are made from what level_report_read returned. */
#include "level_report.h"
#include "survey.h"
#include "schedule.h"
#include "core/i18n.h"
#include "formats/markdown.h"
#include "formats/pdf.h"
#include "html/chart.h"

#include <jansson.h>
#include <math.h>
#include <string.h>

/* The SVG of the means chart as the pages draw it (chart.c writes it
 * with its namespace, so it is a document of its own); NULL when it has
 * none. */
static const char *chart_svg(struct ctx *c, const struct report_chart *ch)
{
	struct chart_cell *cells = arena_alloc(c->a, ch->nlabels * sizeof(*cells));
	for (size_t i = 0; i < ch->nlabels; i++)
		cells[i] = (struct chart_cell){ ch->mean[i], ch->sd[i], (size_t)ch->n[i], false };
	struct chart_series s = { "", cells };
	struct buf b = BUF_INIT;
	chart_means(&b, c->a, ch->title, ch->label_header, ch->labels, ch->nlabels, &s, 1, ch->scale_min, ch->scale_max,
		    NULL, "pdf-chart");
	const char *svg = b.ptr ? strstr(b.ptr, "<svg") : NULL;
	const char *end = svg ? strstr(svg, "</svg>") : NULL;
	const char *out = NULL;
	if (svg && end && strstr(svg, "xmlns=") && strstr(svg, "xmlns=") < end)
		out = arena_printf(c->a, "%.*s", (int)(end + 6 - svg), svg);
	buf_release(&b);
	return out;
}

int level_report_pdf(struct ctx *c, const struct level_report *r, struct buf *out)
{
	struct report_part *parts;
	size_t n;
	level_report_parts(c, r, &parts, &n);
	struct pdf_section *sec = arena_alloc(c->a, (n + 1) * sizeof(*sec));
	for (size_t i = 0; i < n; i++) {
		const struct report_part *x = &parts[i];
		struct buf b = BUF_INIT;
		if (x->depth == 3 && x->heading) {
			buf_adds(&b, "### ");
			md_escape(&b, x->heading);
			buf_adds(&b, "\n\n");
		}
		if (x->text) {
			md_escape(&b, x->text);
			buf_adds(&b, "\n\n");
		}
		for (size_t k = 0; k < x->nbullets; k++) {
			buf_adds(&b, "- ");
			md_escape(&b, x->bullets[k]);
			buf_adds(&b, "\n");
		}
		struct pdf_table *t = NULL;
		if (x->table.rows) {
			t = arena_alloc(c->a, sizeof(*t));
			*t = (struct pdf_table){ x->table.cells, x->table.cols, x->table.rows };
		}
		sec[i] = (struct pdf_section){
			.heading = x->depth == 2 ? x->heading : NULL,
			.markdown = b.len ? arena_strdup(c->a, b.ptr) : NULL,
			.svg = x->chart.nlabels ? chart_svg(c, &x->chart) : NULL,
			.table = t,
		};
		buf_release(&b);
	}
	const char *title = level_report_title(c, r);
	const char *period = arena_printf(c->a, _("Period: %s"), level_report_period_label(c, &r->period));
	const char *made = arena_printf(c->a, _("Made on %s"), date_label(c->a, r->today));
	/* the cover carries the accounting in brief, so that page 1 says it */
	const struct enrolment_flow *f = &r->flow;
	const char *cover[6] = { 0 };
	size_t nc = 0;
	if (*r->context)
		cover[nc++] = r->context;
	cover[nc++] = period;
	cover[nc++] = arena_printf(c->a, _("%lld registered in %lld groups: %lld completed, %lld stopped, %lld still taking part."),
				   f->registered, r->groups, f->completed, f->stopped, f->in_progress);
	if (f->stopped)
		cover[nc++] = arena_printf(c->a, _("Stopped: %lld for illness, %lld for work circumstances, %lld decided with their manager, %lld other or not recorded."),
					   f->stopped_by[STOP_ILLNESS], f->stopped_by[STOP_WORK], f->stopped_by[STOP_MANAGER],
					   f->stopped_by[STOP_OTHER]);
	if (r->nwaves) {
		const struct report_wave *w = &r->waves[r->nwaves - 1];  /* the latest */
		cover[nc++] = arena_printf(c->a, _("%s: %lld of %lld answered, %lld did not."), w->name, w->acc.responded,
					   w->acc.invited, w->acc.not_responded);
	}
	if (nc < 6)
		cover[nc++] = made;
	struct pdf_doc d = {
		.title = _("Accounting"),
		.subtitle = r->name,
		.cover_lines = { cover[0], cover[1], cover[2], cover[3], cover[4], cover[5] },
		.footer = arena_printf(c->a, "%s · %s", title, level_report_period_label(c, &r->period)),
		.page_word = _("page"),
		.sections = sec,
		.n_sections = n,
	};
	return pdf_render(out, &d) ? D_ERROR : D_OK;
}

/* ---- JSON ---- */

/* A mean or SD as precise as the pages show it (survey_shown). */
static json_t *shown(double v)
{
	return isfinite(v) ? json_real(survey_shown(v)) : json_null();
}

static json_t *flow_json(const struct enrolment_flow *f)
{
	json_t *kinds = json_object();
	for (int k = 0; k < STOP_KINDS; k++)
		json_object_set_new(kinds, stop_kind_id(k), json_integer(f->stopped_by[k]));
	return json_pack("{s:I, s:I, s:I, s:I, s:o}", "registered", (json_int_t)f->registered, "in_progress",
			 (json_int_t)f->in_progress, "completed", (json_int_t)f->completed, "stopped", (json_int_t)f->stopped,
			 "stopped_by_kind", kinds);
}

static json_t *wave_json(const struct report_wave *w)
{
	const struct accounting *k = &w->acc;
	json_t *j = json_pack("{s:I, s:s, s:s, s:s, s:s, s:b}", "id", (json_int_t)w->id, "name", w->name, "instrument",
			      w->instrument, "opens_on", w->opens_on, "closes_on", w->closes_on, "shown", w->shown);
	json_object_set_new(j, "accounting",
			    json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:o}", "registered", (json_int_t)k->registered,
				      "stopped", (json_int_t)k->stopped, "completed", (json_int_t)k->completed, "invited",
				      (json_int_t)k->invited, "responded", (json_int_t)k->responded, "not_responded",
				      (json_int_t)k->not_responded, "rate", k->rate < 0 ? json_null() : json_real(k->rate)));
	if (!w->shown) {
		json_object_set_new(j, "why_hidden", json_string(w->why_hidden ? w->why_hidden : ""));
		return j;
	}
	json_t *items = json_array();
	for (size_t i = 0; i < w->nitems; i++)
		json_array_append_new(items, json_pack("{s:s, s:s, s:I, s:o, s:o}", "code", w->items[i].code, "text",
						       w->items[i].text, "n", (json_int_t)w->items[i].n, "mean",
						       shown(w->items[i].mean), "sd", shown(w->items[i].sd)));
	json_object_set_new(j, "items", items);
	if (w->compared) {
		json_t *parts = json_array();
		for (size_t i = 0; i < w->nparts; i++)
			json_array_append_new(parts, json_pack("{s:s, s:I, s:o}", "name", w->parts[i].name, "n",
							       (json_int_t)w->parts[i].n, "mean", shown(w->parts[i].mean)));
		json_t *readings = json_array();
		for (size_t i = 0; i < w->nreadings; i++)
			json_array_append_new(readings, json_string(w->readings[i]));
		json_t *cj = json_pack("{s:s, s:s, s:o, s:I, s:o}", "by", w->compare_by, "dimension", w->dimension,
					      "parts", parts, "parts_left_out", (json_int_t)w->parts_hidden, "readings",
					      readings);
		json_object_set_new(j, "comparison", cj);
	}
	return j;
}

json_t *level_report_json(struct ctx *c, const struct level_report *r)
{
	json_t *j = json_pack("{s:s, s:I, s:s, s:s, s:{s:s?, s:s?}, s:o}", "level", report_level_id(r->level), "id",
			      (json_int_t)r->id, "name", r->name, "context", r->context, "period", "from",
			      *r->period.from ? r->period.from : NULL, "to", *r->period.to ? r->period.to : NULL,
			      "enrolment", flow_json(&r->flow));
	json_object_set_new(j, "groups", json_integer(r->groups));
	json_object_set_new(j, "meetings", json_pack("{s:I, s:I, s:I}", "planned", (json_int_t)r->meetings_planned, "held",
						     (json_int_t)r->meetings_held, "cancelled", (json_int_t)r->meetings_cancelled));
	json_t *per = json_array();
	for (size_t i = 0; i < r->nnumbers; i++) {
		const struct meeting_number_row *m = &r->numbers[i];
		json_array_append_new(per, json_pack("{s:i, s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "number", m->number,
						     "theme", m->theme, "planned", (json_int_t)m->planned, "held",
						     (json_int_t)m->held, "cancelled", (json_int_t)m->cancelled, "recorded",
						     (json_int_t)m->recorded, "present", (json_int_t)m->present, "excused",
						     (json_int_t)m->excused, "absent", (json_int_t)m->absent));
	}
	json_object_set_new(j, "attendance_per_meeting", per);
	json_object_set_new(j, "attendance_bands",
			    json_pack("{s:I, s:I, s:I, s:I}", "80_or_more", (json_int_t)r->band[BAND_HIGH], "50_to_80",
				      (json_int_t)r->band[BAND_MIDDLE], "below_50", (json_int_t)r->band[BAND_LOW],
				      "not_recorded", (json_int_t)r->unbanded));
	json_t *topics = json_array();
	for (size_t i = 0; i < r->ntopics; i++)
		json_array_append_new(topics, json_pack("{s:s, s:I}", "topic", r->topics[i].topic, "n", (json_int_t)r->topics[i].n));
	json_object_set_new(j, "menu", json_pack("{s:I, s:I, s:o}", "from_card", (json_int_t)r->menu_choices, "free",
						 (json_int_t)r->free_choices, "topics", topics));
	json_object_set_new(j, "reports", json_pack("{s:I, s:I}", "written", (json_int_t)r->reports_written, "published",
						    (json_int_t)r->reports_published));
	json_t *waves = json_array();
	for (size_t i = 0; i < r->nwaves; i++)
		json_array_append_new(waves, wave_json(&r->waves[i]));
	json_object_set_new(j, "waves", waves);
	if (r->level >= LEVEL_PROGRAMME) {
		json_t *trend = json_array();
		for (size_t i = 0; i < r->ntrend; i++) {
			const struct trend_row *t = &r->trend[i];
			json_array_append_new(trend, json_pack("{s:I, s:s, s:o, s:I, s:I, s:I, s:I}", "id", (json_int_t)t->id,
							       "name", t->name, "enrolment", flow_json(&t->flow),
							       "meetings_planned", (json_int_t)t->meetings_planned,
							       "meetings_held", (json_int_t)t->meetings_held,
							       "attendance_recorded", (json_int_t)t->recorded,
							       "attendance_present", (json_int_t)t->present));
		}
		json_object_set_new(j, "trend", trend);
	}
	json_t *rules = json_array();
	for (size_t i = 0; i < r->nrules; i++)
		json_array_append_new(rules, json_string(r->rules[i]));
	if (r->impact_read)
		json_object_set_new(j, "impact", impact_map_json(c, &r->impact));
	json_object_set_new(j, "rules", rules);
	return j;
}
