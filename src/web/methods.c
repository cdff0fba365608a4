/* methods.c — the organisation's session methods in the API, in the form
 * the command line gives (`leergang method list --format json`). Methods
 * hold no personal data: every account of the organisation reads them. */
#include "web.h"
#include "domain/method.h"
#include "html/html.h"

#include <limits.h>
#include <string.h>

/* The fields of a step, empty or re-shown after an error. */
static void step_fields(struct web *w, const struct method_step *s, const struct errors *e)
{
	form_input(w, "name", _("Name"), "text", e ? web_field(w, "name") : s ? s->name : "", e, NULL);
	form_input(w, "who", _("Who"), "text", e ? web_field(w, "who") : s ? s->who : "", e, NULL);
	form_textarea(w, "instruction", _("Instruction"), e ? web_field(w, "instruction") : s ? s->instruction : "", e,
		      NULL);
	form_input(w, "minutes", _("Minutes"), "number",
		   e ? web_field(w, "minutes") : arena_printf(w->a, "%d", s ? s->minutes : 5), e, NULL);
}

/* What the coach may do with a whole method of the organisation's own:
 * add a step after the last, remove the last, remove the method; a
 * built-in method, and one that sessions use, keeps its steps. err: the
 * errors of the method `bad`. */
static void method_forms(struct web *w, const struct method *m, const struct errors *err, long long bad)
{
	long long used = 0;
	if (method_sessions(&w->ctx, m->id, &used))
		return;
	const struct errors *e = bad == m->id ? err : NULL;
	if (strcmp(m->source, METHOD_SOURCE_OWN)) {
		form_errors(w, e);
		return;   /* a built-in method keeps its steps: the copy form below */
	}
	if (used) {
		form_errors(w, e);
		html(w->out, "<p class=\"muted\">%s</p>",
		     arena_printf(w->a, ngettext("In use in %lld session: the texts of its steps can be changed, its steps "
						 "stay. Make a method of your own from it to add or remove steps.",
						 "In use in %lld sessions: the texts of its steps can be changed, its steps "
						 "stay. Make a method of your own from it to add or remove steps.",
						 (unsigned long)used),
				  used));
		return;
	}
	html(w->out, "<details%s><summary>%s</summary>", e ? " open" : "", _("Add a step after the last"));
	w->form_id = arena_printf(w->a, "m%lld-", m->id);
	form_errors(w, e);
	w->form_id = NULL;
	html(w->out, "<form method=\"post\" action=\"/methods/%lld/steps\">", m->id);
	form_csrf(w);
	w->form_id = arena_printf(w->a, "m%lld-", m->id);
	step_fields(w, NULL, e);
	w->form_id = NULL;
	html(w->out, "<p><button type=\"submit\">%s</button></p></form></details>", _("Add step"));
	if (m->nsteps > 1) {
		html(w->out, "<form method=\"post\" action=\"/methods/%lld/last-step/remove\" class=\"inline\">", m->id);
		form_csrf(w);
		html(w->out, "<button type=\"submit\" class=\"secondary\">%s</button></form>",
		     arena_printf(w->a, _("Remove step %zu"), m->nsteps));
	}
	if (!strcmp(m->source, METHOD_SOURCE_OWN)) {
		html(w->out, "<form method=\"post\" action=\"/methods/%lld/remove\" class=\"inline\">", m->id);
		form_csrf(w);
		html(w->out, "<button type=\"submit\" class=\"secondary\">%s</button></form>", _("Remove this method"));
	}
}

/* The form that makes a method of the organisation's own from another. */
static void copy_form(struct web *w, const struct method *m, size_t n, const struct errors *e)
{
	html(w->out, "<h2 id=\"own\">%s</h2><p>%s</p>", _("A method of your own"),
	     _("Start from a method below, give it a name, then change, add or remove its steps. The method you start "
	       "from stays as it is."));
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/methods\"><p class=\"field\"><label for=\"f-from\">%s</label>"
		     "<select id=\"f-from\" name=\"from\">", _("Start from"));
	long long from = e ? web_field_int(w, "from", 1, LLONG_MAX, 0) : 0;
	for (size_t i = 0; i < n; i++)
		html(w->out, "<option value=\"%lld\"%s>%s</option>", m[i].id, m[i].id == from ? " selected" : "",
		     m[i].name);
	html(w->out, "</select></p>");
	form_csrf(w);
	form_input(w, "name", _("Name"), "text", e ? web_field(w, "name") : "", e, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Make the method"));
}

/* The organisation's methods with their steps; the coach changes a step in
 * place, adds and removes steps and makes methods of the organisation's
 * own. err and bad: the errors of the step or method bad (copy: the copy
 * form), whose form shows them. */
enum bad_kind { BAD_NONE, BAD_STEP, BAD_METHOD, BAD_COPY };

static void methods_page(struct web *w, const struct errors *err, enum bad_kind kind, long long bad, int status)
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
		const char *source = strcmp(m[i].source, METHOD_SOURCE_OWN) ? m[i].source : _("your organisation's own");
		html(w->out, "<h2 id=\"%s\">%s</h2><p>%s <span class=\"muted\">(%s: %s)</span></p><ol>", m[i].key, m[i].name,
		     m[i].description, _("Source"), source);
		for (size_t k = 0; k < m[i].nsteps; k++) {
			const struct method_step *s = &m[i].steps[k];
			const char *step_source = strcmp(s->source, METHOD_SOURCE_OWN) ? s->source : _("your organisation's own");
			html(w->out, "<li><strong>%s</strong> — %s <span class=\"muted\">(%s; %s; %s)</span>", s->name,
			     s->instruction, s->who, arena_printf(w->a, _("%d min."), s->minutes), step_source);
			if (edit) {
				const struct errors *e = kind == BAD_STEP && bad == s->id ? err : NULL;
				html(w->out, "<details%s><summary>%s</summary>", e ? " open" : "", _("Change this step"));
				w->form_id = arena_printf(w->a, "s%lld-", s->id);
				form_errors(w, e);
				html(w->out, "<form method=\"post\" action=\"/method-steps/%lld\">", s->id);
				form_csrf(w);
				step_fields(w, s, e);
				w->form_id = NULL;
				html(w->out, "<p><button type=\"submit\">%s</button></p></form></details>", _("Save step"));
			}
			html(w->out, "</li>");
		}
		html(w->out, "</ol>");
		if (edit)
			method_forms(w, &m[i], kind == BAD_METHOD ? err : NULL, bad);
	}
	if (edit && n)
		copy_form(w, m, n, kind == BAD_COPY ? err : NULL);
	page_end(w);
	w->r->status = status;
}

void page_methods(struct web *w)
{
	methods_page(w, NULL, BAD_NONE, 0, 200);
}

/* A step as the form gives it. */
static struct method_step step_from_form(struct web *w)
{
	struct method_step s = { 0 };
	s.name = (char *)web_field(w, "name");
	s.who = (char *)web_field(w, "who");
	s.instruction = (char *)web_field(w, "instruction");
	s.minutes = (int)web_field_int(w, "minutes", 0, METHOD_MINUTES_MAX, -1);
	return s;
}

/* The answer to a change of a method: the page again with the errors
 * (422), 404, 500 with message, or back to the methods with done. */
static void method_answer(struct web *w, int d, const struct errors *err, enum bad_kind kind, long long bad,
			  const char *failed, const char *done)
{
	if (d == D_INVALID)
		methods_page(w, err, kind, bad, 422);
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d)
		web_error(w, 500, failed);
	else
		web_redirect(w, done);
}

void page_method_copy(struct web *w)
{
	struct errors err = { 0 };
	long long id = 0;
	int d = method_copy(&w->ctx, web_field_int(w, "from", 1, LLONG_MAX, 0), web_field(w, "name"), &err, &id);
	struct method m;
	if (!d && method_get(&w->ctx, id, &m) == D_OK) {
		web_redirect(w, arena_printf(w->a, "/methods?done=method-copied#%s", m.key));
		return;
	}
	method_answer(w, d, &err, BAD_COPY, 0, _("The method could not be made. Try again later."),
		      "/methods?done=method-copied");
}

void page_method_step_append(struct web *w)
{
	struct method_step s = step_from_form(w);
	struct errors err = { 0 };
	int d = method_step_append(&w->ctx, w->id[0], &s, &err);
	method_answer(w, d, &err, BAD_METHOD, w->id[0], _("The step could not be added. Try again later."),
		      "/methods?done=method-step-added");
}

void page_method_step_remove_last(struct web *w)
{
	struct errors err = { 0 };
	int d = method_step_remove_last(&w->ctx, w->id[0], &err);
	method_answer(w, d, &err, BAD_METHOD, w->id[0], _("The step could not be removed. Try again later."),
		      "/methods?done=method-step-removed");
}

void page_method_remove(struct web *w)
{
	struct method m;
	int d = method_get(&w->ctx, w->id[0], &m);
	if (d) {
		method_answer(w, d, NULL, BAD_METHOD, w->id[0], _("The method could not be removed. Try again later."), "");
		return;
	}
	if (!web_confirm_delete(w, m.name, "/methods"))
		return;
	struct errors err = { 0 };
	d = method_remove(&w->ctx, w->id[0], &err);
	method_answer(w, d, &err, BAD_METHOD, w->id[0], _("The method could not be removed. Try again later."),
		      "/methods?done=method-removed");
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
		methods_page(w, &err, BAD_STEP, s.id, 422);
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

/* The API twins of the coach's changes, under the same domain rules; a
 * field of the wrong type is refused under its name before anything
 * changes (the shared reader of api_common.c). */
void api_method_copy(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	long long id = 0, from = api_in_int(&in, "from", 0);
	const char *name = api_in_str(&in, "name", "");
	if (!api_in_ok(&in))
		return;
	int d = method_copy(&w->ctx, from > 0 ? from : 0, name, &in.e, &id);
	api_in_answer(&in, d, id);
}

void api_method_step_append(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	struct method_step s = { 0 };
	s.name = (char *)api_in_str(&in, "name", "");
	s.who = (char *)api_in_str(&in, "who", "");
	s.instruction = (char *)api_in_str(&in, "instruction", "");
	long long minutes = api_in_int(&in, "minutes", 0);
	if (!api_in_ok(&in))
		return;
	s.minutes = minutes < 0 || minutes > METHOD_MINUTES_MAX ? -1 : (int)minutes;
	api_in_answer(&in, method_step_append(&w->ctx, w->id[0], &s, &in.e), 0);
}

void api_method_step_remove_last(struct web *w)
{
	struct errors e = { 0 };
	api_answer(w, method_step_remove_last(&w->ctx, w->id[0], &e), &e, 0);
}

void api_method_remove(struct web *w)
{
	struct errors e = { 0 };
	api_answer(w, method_remove(&w->ctx, w->id[0], &e), &e, 0);
}
