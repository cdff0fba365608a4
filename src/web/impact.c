/* impact.c — the impact map of a programme: read on its page
 * (/programmes/{id}/impact, the coach and the owner), changed on its own
 * page (.../impact/edit, the coach), and the same in the API. The evidence
 * beside each outcome comes as figures from domain/impact.h, which has
 * already left out what the reader may not see. */
#include "web.h"
#include "domain/impact.h"
#include "domain/programme.h"
#include "html/html.h"

#include <string.h>

/* The map of the address, or false when the page has answered. */
static bool map_of_page(struct web *w, struct impact_map *m)
{
	int r = impact_map_get(&w->ctx, w->id[0], m);
	if (r == D_NOTFOUND)
		web_not_found(w);
	else if (r == D_FORBIDDEN)
		web_error(w, 403, _("Your role does not give access to this page."));
	else if (r)
		web_error(w, 500, _("The impact map could not be read. Try again later."));
	return !r;
}

static void map_intro(struct web *w)
{
	html(w->out, "<p>%s</p><p class=\"hint\">%s</p>\n",
	     _("The impact map describes which work behaviour we want to see after the learning activity, which indicators of successful work behaviour belong to it, and to which operational and strategic goals it contributes (the ABD's impact map, after Brinkerhoff and Kessels & Smit)."),
	     _("Linking an outcome to evidence in leergang (a questionnaire, attendance, published reports) is leergang's own addition. Figures are shown under the same rules as on the pages they come from."));
}

void page_impact(struct web *w)
{
	struct impact_map m;
	if (!map_of_page(w, &m))
		return;
	page_begin(w, arena_printf(w->a, _("Impact map: %s"), m.programme_name));
	page_done_message(w);
	html(w->out, "<p><a href=\"/programmes/%lld\">%s</a>", m.programme_id, _("Back to the programme"));
	if (m.may_edit)
		html(w->out, " · <a href=\"/programmes/%lld/impact/edit\">%s</a>", m.programme_id, _("Change the impact map"));
	html(w->out, "</p>\n");
	map_intro(w);
	for (int l = 0; l < IMPACT_LEVELS; l++) {
		html(w->out, "<h2 id=\"level-%s\">%s</h2>", impact_levels[l].key, _(impact_levels[l].name));
		size_t k = 0;
		for (size_t i = 0; i < m.n; i++) {
			const struct impact_entry *e = &m.entries[i];
			if (strcmp(e->o.level, impact_levels[l].key))
				continue;
			if (!k++)
				html(w->out, "<table tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
					"<th scope=\"col\">%s</th></tr></thead><tbody>", _("Outcome"), _("Evidence"), _("Figures"));
			html(w->out, "<tr><td>%s</td><td>%s", e->o.text, impact_evidence_kind_label(e->ev.kind));
			if (e->ev.label)
				html(w->out, ": %s", e->ev.label);
			html(w->out, "</td><td>%s</td></tr>", impact_evidence_figures(&w->ctx, &e->ev));
		}
		if (k)
			html(w->out, "</tbody></table>\n");
		else
			html(w->out, "<p>%s</p>\n", _("Nothing on this level yet."));
	}
	page_end(w);
}

/* The fields of one outcome: level, text, evidence. sfx keeps the ids apart. */
static void outcome_fields(struct web *w, const char *sfx, const char *level, const char *text, const char *ref,
			   const struct impact_choice *ch, size_t nch, const struct errors *e)
{
	html(w->out, "<p class=\"field\"><label for=\"level-%s\">%s</label><select id=\"level-%s\" name=\"level\">", sfx,
	     _("Level"), sfx);
	for (int l = 0; l < IMPACT_LEVELS; l++)
		html(w->out, "<option value=\"%s\"%s>%s</option>", impact_levels[l].key,
		     !strcmp(level, impact_levels[l].key) ? " selected" : "", _(impact_levels[l].name));
	html(w->out, "</select></p>");
	const char *err = e ? errors_get(e, "text") : NULL;
	html(w->out, "<p class=\"field\"><label for=\"text-%s\">%s</label><input id=\"text-%s\" name=\"text\" type=\"text\" value=\"%s\"%s>",
	     sfx, _("Outcome"), sfx, text, err ? " aria-invalid=\"true\"" : "");
	if (err)
		html(w->out, "<span class=\"error\">%s</span>", err);
	html(w->out, "</p>");
	err = e ? errors_get(e, "evidence") : NULL;
	if (!err && e)
		err = errors_get(e, "level");
	html(w->out, "<p class=\"field\"><label for=\"evidence-%s\">%s</label><select id=\"evidence-%s\" name=\"evidence\">"
		"<option value=\"\">%s</option>", sfx, _("Evidence"), sfx, _("No evidence linked"));
	bool found = !*ref;
	for (size_t i = 0; i < nch; i++) {
		bool sel = !strcmp(ref, ch[i].ref);
		found |= sel;
		html(w->out, "<option value=\"%s\"%s>%s</option>", ch[i].ref, sel ? " selected" : "", ch[i].label);
	}
	if (!found)
		html(w->out, "<option value=\"%s\" selected>%s</option>", ref, _("(no longer available)"));
	html(w->out, "</select>");
	if (err)
		html(w->out, "<span class=\"error\">%s</span>", err);
	html(w->out, "</p>");
}

/* The edit page; `bad` is the outcome (0: the new one) whose form e belongs to. */
static void edit_page(struct web *w, long long bad, const struct errors *e, int status)
{
	struct impact_map m;
	if (!map_of_page(w, &m))
		return;
	struct impact_choice *ch;
	size_t nch;
	if (impact_choices(&w->ctx, m.programme_id, &ch, &nch)) {
		web_error(w, 500, _("The impact map could not be read. Try again later."));
		return;
	}
	page_begin(w, arena_printf(w->a, _("Change the impact map: %s"), m.programme_name));
	page_done_message(w);
	html(w->out, "<p><a href=\"/programmes/%lld/impact\">%s</a></p>\n", m.programme_id, _("Back to the impact map"));
	map_intro(w);
	for (size_t i = 0; i < m.n; i++) {
		const struct impact_outcome *o = &m.entries[i].o;
		bool mine = e && bad == o->id;
		if (mine)
			form_errors(w, e);
		html(w->out, "<form method=\"post\" action=\"/programmes/%lld/impact/%lld\"><fieldset><legend>%s</legend>",
		     m.programme_id, o->id, arena_printf(w->a, _("Outcome %zu"), i + 1));
		form_csrf(w);
		outcome_fields(w, arena_printf(w->a, "%lld", o->id), mine ? web_field(w, "level") : o->level,
			       mine ? web_field(w, "text") : o->text, mine ? web_field(w, "evidence") : m.entries[i].ev.ref,
			       ch, nch, mine ? e : NULL);
		html(w->out, "<p><button type=\"submit\">%s</button> <button type=\"submit\" class=\"secondary\" "
			"formaction=\"/programmes/%lld/impact/%lld/delete\">%s</button></p></fieldset></form>\n",
		     _("Save"), m.programme_id, o->id, _("Remove"));
	}
	html(w->out, "<h2 id=\"add\">%s</h2>", _("Add an outcome"));
	if (e && !bad)
		form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/programmes/%lld/impact\">", m.programme_id);
	form_csrf(w);
	outcome_fields(w, "new", e && !bad ? web_field(w, "level") : "behaviour", e && !bad ? web_field(w, "text") : "",
		       e && !bad ? web_field(w, "evidence") : "", ch, nch, e && !bad ? e : NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Add outcome"));
	page_end(w);
	w->r->status = status;
}

void page_impact_edit(struct web *w)
{
	edit_page(w, 0, NULL, 200);
}

/* The answer to a change: back to the map, or the form again with its errors. */
static void after_change(struct web *w, int d, long long bad, const struct errors *e, const char *done)
{
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/programmes/%lld/impact/edit?done=%s", w->id[0], done));
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_FORBIDDEN)
		web_error(w, 403, _("Your role does not give access to this page."));
	else if (d == D_INVALID)
		edit_page(w, bad, e, 422);
	else
		web_error(w, 500, _("The impact map could not be saved. Try again later."));
}

void page_impact_add(struct web *w)
{
	struct errors e = { 0 };
	int d = impact_outcome_add(&w->ctx, w->id[0], web_field(w, "level"), web_field(w, "text"),
				   web_field(w, "evidence"), &e, NULL);
	after_change(w, d, 0, &e, "impact-saved");
}

void page_impact_update(struct web *w)
{
	struct errors e = { 0 };
	int d = impact_outcome_update(&w->ctx, w->id[0], w->id[1], web_field(w, "level"), web_field(w, "text"),
				      web_field(w, "evidence"), &e);
	after_change(w, d, w->id[1], &e, "impact-saved");
}

void page_impact_delete(struct web *w)
{
	struct impact_outcome o;
	int d = impact_outcome_get(&w->ctx, w->id[0], w->id[1], &o);
	if (d) {
		after_change(w, d, 0, NULL, "");
		return;
	}
	if (!web_confirm_delete(w, arena_printf(w->a, _("the outcome \"%s\""), o.text),
				arena_printf(w->a, "/programmes/%lld/impact/edit", w->id[0])))
		return;
	d = impact_outcome_delete(&w->ctx, w->id[0], w->id[1]);
	after_change(w, d, 0, NULL, "impact-removed");
}

/* API: the map with its evidence figures (the same as the page). */
void api_impact(struct web *w)
{
	struct impact_map m;
	int r = impact_map_get(&w->ctx, w->id[0], &m);
	if (r == D_NOTFOUND) {
		web_json_error(w, 404, _("There is nothing with this number that you may see."));
		return;
	}
	if (r == D_FORBIDDEN) {
		web_json_error(w, 403, _("Your role does not give access to this."));
		return;
	}
	if (r) {
		web_json_error(w, 500, _("The impact map could not be read. Try again later."));
		return;
	}
	web_json(w, 200, impact_map_json(&w->ctx, &m));
}

/* API: the whole map replaced by {"outcomes": [{"level", "text", "evidence"}]}. */
void api_impact_replace(struct web *w)
{
	/* another organisation's programme is not found, whatever the body */
	struct programme p;
	int r = programme_get(&w->ctx, w->id[0], &p);
	if (r) {
		api_answer(w, r, NULL, 0);
		return;
	}
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	json_t *list = json_object_get(in.j, "outcomes");
	int d;
	if (!json_is_array(list)) {
		errors_add(&w->ctx, &in.e, "outcomes", "%s", _("Send the outcomes as a list under \"outcomes\"."));
		d = D_INVALID;
	} else {
		/* an outcome's text of the wrong type: refused under its field
		 * (outcomes[i].text, as the domain names them) before the map
		 * is replaced */
		size_t n = json_array_size(list);
		struct impact_input *items = arena_alloc(w->a, (n + 1) * sizeof(*items));
		for (size_t i = 0; i < n; i++) {
			json_t *o = json_array_get(list, i);
			items[i] = (struct impact_input){
				api_item_str(&in, o, "level", arena_printf(w->a, "outcomes[%zu].level", i), ""),
				api_item_str(&in, o, "text", arena_printf(w->a, "outcomes[%zu].text", i), ""),
				api_item_str(&in, o, "evidence", arena_printf(w->a, "outcomes[%zu].evidence", i), "") };
		}
		if (!api_in_ok(&in))
			return;
		d = impact_map_replace(&w->ctx, w->id[0], items, n, &in.e);
	}
	api_in_answer(&in, d, 0);
}
