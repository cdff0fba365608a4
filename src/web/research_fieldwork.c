/* research_fieldwork.c — a research project's fieldwork register: the
 * totals per team and half year (hours observed, interviews), every entry
 * with the source it produced, the form for a new one, and the register as
 * a CSV with names replaced by pseudonyms; the API twins. The rules are in
 * domain/research_fieldwork.c. */
#include "web.h"
#include "domain/model/people.h"
#include "domain/research.h"
#include "domain/research_fieldwork.h"
#include "domain/schedule.h"
#include "html/html.h"

#include <string.h>

static const char *hours(struct web *w, long long minutes)
{
	return web_number(w, (double)minutes / 60.0, 1);
}

static void totals_table(struct web *w, long long project)
{
	struct research_fieldwork_total *t, all;
	size_t n;
	if (research_fieldwork_totals(&w->ctx, project, &t, &n, &all) || !n)
		return;
	html(w->out, "<h2 id=\"totals\">%s</h2><p>%s</p>", _("Per team and half year"),
	     arena_printf(w->a, _("In all %s hours of observation and shadowing, and %lld interviews."),
			  hours(w, all.minutes), all.interviews));
	html(w->out, "<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		     "<th scope=\"col\">%s</th></tr></thead><tbody>",
	     _("Team"), _("Half year"), _("Hours observed"), _("Interviews"));
	for (size_t i = 0; i < n; i++)
		html(w->out, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%lld</td></tr>", t[i].team, t[i].period,
		     hours(w, t[i].minutes), t[i].interviews);
	html(w->out, "</tbody></table>");
}

static void fieldwork_page(struct web *w, const struct errors *e, int status)
{
	struct research_view v;
	struct research_fieldwork *f;
	size_t nf, nunits;
	struct unit *units;
	int d = research_project_open(&w->ctx, w->id[0], &v);
	if (!d)
		d = research_fieldwork_list(&w->ctx, v.p.id, &f, &nf);
	if (!d)
		d = research_units(&w->ctx, &units, &nunits);
	if (d) {
		research_fail(w, d);
		return;
	}
	page_begin(w, arena_printf(w->a, _("Fieldwork register: %s"), v.p.name));
	page_done_message(w);
	html(w->out, "<p><a href=\"/research/%lld\">%s</a></p><p>%s</p>", v.p.id, v.p.name,
	     _("Record each observation, shadowing day and interview: the hours and interviews per team follow, and the "
	       "register downloads with names replaced by pseudonyms."));
	totals_table(w, v.p.id);
	html(w->out, "<h2 id=\"entries\">%s</h2>", _("Entries"));
	if (!nf)
		html(w->out, "<p>%s</p>", _("Nothing recorded yet."));
	else {
		html(w->out, "<p><a href=\"/research/%lld/fieldwork.csv\">%s</a></p>", v.p.id,
		     _("Download the register (CSV, with pseudonyms)"));
		html(w->out, "<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			     "<th scope=\"col\"><span class=\"visually-hidden\">%s</span></th></tr></thead><tbody>",
		     _("Date"), _("Kind"), _("Hours"), _("Team"), _("Who"), _("Source"), _("Actions"));
		for (size_t i = 0; i < nf; i++) {
			html(w->out, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>",
			     date_label(w->a, f[i].held_on), research_fieldwork_label(f[i].kind), hours(w, f[i].minutes),
			     *f[i].unit_name ? f[i].unit_name : f[i].team, f[i].who);
			if (f[i].source_id)
				html(w->out, "<a href=\"/research/%lld/sources/%lld\">%s</a>", v.p.id, f[i].source_id,
				     f[i].source_name);
			html(w->out, "</td><td><form method=\"post\" action=\"/research/%lld/fieldwork/%lld/remove\" "
				     "class=\"inline\">", v.p.id, f[i].id);
			form_csrf(w);
			html(w->out, "<button type=\"submit\" class=\"secondary\">%s</button></form></td></tr>", _("Remove"));
		}
		html(w->out, "</tbody></table>");
	}
	html(w->out, "<h2 id=\"new\">%s</h2><form method=\"post\" action=\"/research/%lld/fieldwork\">",
	     _("Record fieldwork"), v.p.id);
	form_csrf(w);
	form_errors(w, e);
	research_kind_radios(w, _("What"), RESEARCH_FIELDWORK_KINDS, research_fieldwork_label);
	form_input(w, "held_on", _("Date (YYYY-MM-DD)"), "date", web_field(w, "held_on"), e, NULL);
	form_input(w, "minutes", _("Minutes"), "number", web_field(w, "minutes"), e, NULL);
	research_unit_select(w, units, nunits, _("Team of the organisation"), _("(none, or outside it)"));
	form_input(w, "team", _("Team outside the organisation"), "text", web_field(w, "team"), e, NULL);
	form_input(w, "who", _("Who was observed or interviewed"), "text", web_field(w, "who"), e, NULL);
	long long source = web_field_id(w, "source");
	html(w->out, "<p class=\"field\"><label for=\"f-source\">%s</label><select id=\"f-source\" name=\"source\">"
		     "<option value=\"0\">%s</option>", _("Source it produced"), _("(none)"));
	for (size_t i = 0; i < v.nsources; i++)
		html(w->out, "<option value=\"%lld\"%s>%s</option>", v.sources[i].id,
		     v.sources[i].id == source ? " selected" : "", v.sources[i].name);
	html(w->out, "</select></p>");
	form_textarea(w, "note", _("Note"), web_field(w, "note"), e, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Record"));
	page_end(w);
	w->r->status = status;
}

void page_research_fieldwork(struct web *w)
{
	fieldwork_page(w, NULL, 200);
}

void page_research_fieldwork_add(struct web *w)
{
	struct errors e = { 0 };
	long long id, unit = web_field_id(w, "unit"), source = web_field_id(w, "source");
	int d = research_fieldwork_add(&w->ctx, w->id[0], web_field(w, "kind"), web_field(w, "held_on"),
				       web_field_int(w, "minutes", 0, 24 * 60, -1), unit, web_field(w, "team"),
				       web_field(w, "who"), source, web_field(w, "note"), &e, &id);
	if (d == D_INVALID)
		fieldwork_page(w, &e, 422);
	else if (d)
		research_fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/research/%lld/fieldwork?done=fieldwork-saved#entries", w->id[0]));
}

void page_research_fieldwork_remove(struct web *w)
{
	int d = research_member_of(&w->ctx, w->id[0]);
	if (d) {
		research_fail(w, d);
		return;
	}
	if (!web_confirm_delete(w, _("this entry of the fieldwork register"),
				arena_printf(w->a, "/research/%lld/fieldwork#entries", w->id[0])))
		return;
	d = research_fieldwork_remove(&w->ctx, w->id[0], w->id[1]);
	if (d)
		research_fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/research/%lld/fieldwork?done=fieldwork-removed#entries", w->id[0]));
}

void page_research_fieldwork_csv(struct web *w)
{
	struct data_table t;
	int d = research_fieldwork_table(&w->ctx, w->id[0], &t);
	if (d) {
		research_fail(w, d);
		return;
	}
	buf_reset(w->out);
	table_csv(&t, w->out);
	w->r->response_type = "text/csv; charset=utf-8";
	response_header(w->r, "Content-Disposition",
			arena_printf(w->a, "attachment; filename=\"veldwerk-%lld-pseudoniem.csv\"", w->id[0]));
}

/* ---- API ------------------------------------------------------------------------ */

void api_research_fieldwork(struct web *w)
{
	struct research_fieldwork *f;
	struct research_fieldwork_total *t, all;
	size_t nf, nt;
	int d = research_fieldwork_list(&w->ctx, w->id[0], &f, &nf);
	if (!d)
		d = research_fieldwork_totals(&w->ctx, w->id[0], &t, &nt, &all);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	json_t *entries = json_array(), *totals = json_array();
	for (size_t i = 0; i < nf; i++)
		json_array_append_new(entries, json_pack("{s:I, s:s, s:s, s:I, s:s, s:s, s:o, s:s}", "id", (json_int_t)f[i].id,
							 "kind", f[i].kind, "held_on", f[i].held_on, "minutes",
							 (json_int_t)f[i].minutes, "team",
							 *f[i].unit_name ? f[i].unit_name : f[i].team, "who", f[i].who,
							 "source_id", f[i].source_id ? json_integer(f[i].source_id) : json_null(),
							 "note", f[i].note));
	for (size_t i = 0; i < nt; i++)
		json_array_append_new(totals, json_pack("{s:s, s:s, s:I, s:I, s:I}", "team", t[i].team, "period", t[i].period,
							"minutes", (json_int_t)t[i].minutes, "observations",
							(json_int_t)t[i].observations, "interviews", (json_int_t)t[i].interviews));
	web_json(w, 200, json_pack("{s:o, s:o, s:I, s:I}", "entries", entries, "totals", totals, "minutes",
				   (json_int_t)all.minutes, "interviews", (json_int_t)all.interviews));
}

/* {"kind","held_on","minutes","unit_id","team","who","source_id","note"}:
 * a text of the wrong type is refused under its name before anything is
 * made; minutes and the ids that are no whole number go to the domain
 * (as -1), which refuses them in its own words. */
void api_research_fieldwork_add(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	json_t *m = json_object_get(in.j, "minutes");
	const char *kind = api_in_str(&in, "kind", ""), *held_on = api_in_str(&in, "held_on", "");
	const char *team = api_in_str(&in, "team", ""), *who = api_in_str(&in, "who", ""), *note = api_in_str(&in, "note", "");
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = research_fieldwork_add(&w->ctx, w->id[0], kind, held_on, json_is_integer(m) ? (long long)json_integer_value(m) : -1,
				       api_id(in.j, "unit_id"), team, who, api_id(in.j, "source_id"), note, &in.e, &id);
	api_in_answer(&in, d, id);
}

/* An entry of the register removed (the page asks first). */
void api_research_fieldwork_remove(struct web *w)
{
	int d = research_member_of(&w->ctx, w->id[0]);
	if (!d)
		d = research_fieldwork_remove(&w->ctx, w->id[0], w->id[1]);
	api_answer(w, d, NULL, 0);
}
