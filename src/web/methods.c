/* methods.c — the organisation's session methods in the API, in the form
 * the command line gives (`leergang method list --format json`). Methods
 * hold no personal data: every account of the organisation reads them. */
#include "web.h"
#include "domain/method.h"
#include "html/html.h"

#include <string.h>

/* The organisation's methods with their steps; the coach changes a step in
 * place. err and bad: the errors of the step bad, whose form shows them. */
static void methods_page(struct web *w, const struct errors *err, long long bad, int status)
{
	struct method *m;
	size_t n;
	if (method_list(&w->ctx, &m, &n)) {
		web_error(w, 500, _("The session methods could not be read. Try again later."));
		return;
	}
	bool edit = actor_has(&w->who, ROLE_BIT(ROLE_COACH));
	page_begin(w, _("Session methods"));
	page_done_message(w);
	html(w->out, "<p>%s</p>", _("The ways a group discusses a case, step by step. Where a text comes from a source, "
				   "the source is named; \"leergang\" marks what leergang wrote itself."));
	for (size_t i = 0; i < n; i++) {
		html(w->out, "<h2 id=\"%s\">%s</h2><p>%s <span class=\"muted\">(%s: %s)</span></p><ol>", m[i].key, m[i].name,
		     m[i].description, _("Source"), m[i].source);
		for (size_t k = 0; k < m[i].nsteps; k++) {
			const struct method_step *s = &m[i].steps[k];
			html(w->out, "<li><strong>%s</strong> — %s <span class=\"muted\">(%s; %s; %s)</span>", s->name,
			     s->instruction, s->who, arena_printf(w->a, _("%d min."), s->minutes), s->source);
			if (edit) {
				const struct errors *e = bad == s->id ? err : NULL;
				html(w->out, "<details%s><summary>%s</summary>", e ? " open" : "", _("Change this step"));
				form_errors(w, e);
				html(w->out, "<form method=\"post\" action=\"/method-steps/%lld\">", s->id);
				form_csrf(w);
				form_input(w, "name", _("Name"), "text", e ? web_field(w, "name") : s->name, e, NULL);
				form_input(w, "who", _("Who"), "text", e ? web_field(w, "who") : s->who, e, NULL);
				form_textarea(w, "instruction", _("Instruction"), e ? web_field(w, "instruction") : s->instruction, e, NULL);
				form_input(w, "minutes", _("Minutes"), "number",
					   e ? web_field(w, "minutes") : arena_printf(w->a, "%d", s->minutes), e, NULL);
				html(w->out, "<p><button type=\"submit\">%s</button></p></form></details>", _("Save step"));
			}
			html(w->out, "</li>");
		}
		html(w->out, "</ol>");
	}
	page_end(w);
	w->r->status = status;
}

void page_methods(struct web *w)
{
	methods_page(w, NULL, 0, 200);
}

void page_method_step_save(struct web *w)
{
	struct method_step s = { 0 };
	s.id = w->id[0];
	s.name = (char *)web_field(w, "name");
	s.who = (char *)web_field(w, "who");
	s.instruction = (char *)web_field(w, "instruction");
	s.minutes = (int)web_field_int(w, "minutes", 0, METHOD_MINUTES_MAX, -1);
	struct errors err = { 0 };
	int d = method_step_save(&w->ctx, &s, &err);
	if (d == D_INVALID)
		methods_page(w, &err, s.id, 422);
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d)
		web_error(w, 500, _("The step could not be saved. Try again later."));
	else
		web_redirect(w, "/methods?done=method-step-saved");
}

void api_methods(struct web *w)
{
	struct method *m;
	size_t n;
	if (method_list(&w->ctx, &m, &n)) {
		web_json_error(w, 500, _("The session methods could not be read. Try again later."));
		return;
	}
	web_json(w, 200, method_list_json(m, n));
}
