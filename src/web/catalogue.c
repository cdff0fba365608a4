/* catalogue.c — the learning-forms catalogue: the list of the fourteen
 * forms with their values, marked where they are leergang's judgement
 * rather than the seed's; the matcher (a GET form that works without
 * JavaScript, the forms ranked with why); the coach's page to change a
 * form; the register of practice examples searched by form, theme and
 * organisation; and the JSON twins under /api/v1/catalogue. */
#include "web.h"
#include "domain/catalogue.h"
#include "domain/practice.h"
#include "core/buf.h"
#include "html/html.h"

#include <string.h>
#include <time.h>

static const char *ttt_label(int v)
{
	return v == 70 ? _("70 — learning by working") : v == 20 ? _("20 — coaching and feedback")
								  : _("10 — formal training and courses");
}

/* Who decided the values of the form: leergang, or the organisation. */
static const char *source_mark(struct web *w, const struct learning_form *f)
{
	if (!strcmp(f->source, BUILTIN_OWN))
		return arena_printf(w->a, _("Values: leergang's judgement (the seed names the form, %s, but gives no values)"),
				    f->name_source);
	return arena_printf(w->a, _("Values: chosen by your organisation (the seed names the form, %s)"), f->name_source);
}

void page_catalogue(struct web *w)
{
	struct learning_form *f;
	size_t n;
	if (catalogue_list(&w->ctx, &f, &n)) {
		web_error(w, 500, _("The catalogue could not be read. Try again later."));
		return;
	}
	bool coach = actor_has(&w->who, ROLES_PROGRAMME_WRITE);
	page_begin(w, _("Learning forms"));
	page_done_message(w);
	html(w->out, "<p>%s</p>", _("The fourteen learning forms of the VNG guide ‘Naar lerend werken in gemeentelijke organisaties’. The guide names the forms, but not their place in 70/20/10, their aim or whether one learns alone or with others: those values are leergang's judgement, marked as such, and the coach can change them."));
	html(w->out, "<p><a href=\"/catalogue/match\">%s</a> · <a href=\"/catalogue/examples\">%s</a></p>",
	     _("Find the learning forms that fit a learning question"), _("Practice examples"));
	html(w->out, "<table tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	     _("Learning form"), _("70/20/10"), _("Aim"), _("Social"), _("Suits best"));
	for (size_t i = 0; i < n; i++) {
		html(w->out, "<tr><td>");
		if (coach)
			html(w->out, "<a href=\"/catalogue/form?key=%s\">%s</a>", url_encode(w->a, f[i].key), f[i].name);
		else
			html(w->out, "<strong>%s</strong>", f[i].name);
		if (*f[i].description)
			html(w->out, "<br>%s", f[i].description);
		html(w->out, "<br><span class=\"muted\" data-source=\"%s\">%s</span></td>", f[i].source, source_mark(w, &f[i]));
		html(w->out, "<td>%s</td><td>%s</td><td>%s</td><td>%s; %s; %s</td></tr>", ttt_label(f[i].seventy_twenty_ten),
		     catalogue_answer_label(CQ_WHAT, f[i].aim), f[i].social ? _("yes, with others") : _("no, on one's own"),
		     catalogue_answer_label(CQ_WHO, f[i].level), catalogue_answer_label(CQ_WHERE, f[i].setting),
		     catalogue_answer_label(CQ_HOW, f[i].preference));
	}
	html(w->out, "</tbody></table>\n");
	page_end(w);
}

static void answer_select(struct web *w, enum catalogue_question q, const char *name, const char *label,
			  const char *value, const struct errors *e)
{
	const char *msg = e ? errors_get(e, name) : NULL;
	html(w->out, "<p class=\"field\"><label for=\"f-%s\">%s</label>", name, label);
	if (msg)
		html(w->out, "<span class=\"field-error\" id=\"e-%s\">%s</span>", name, msg);
	html(w->out, "<select id=\"f-%s\" name=\"%s\"", name, name);
	if (msg)
		html(w->out, " aria-invalid=\"true\" aria-describedby=\"e-%s\"", name);
	html(w->out, ">");
	for (const char *const *a = catalogue_answers[q]; *a; a++)
		html(w->out, "<option value=\"%s\"%s>%s</option>", *a, value && !strcmp(value, *a) ? " selected" : "",
		     catalogue_answer_label(q, *a));
	html(w->out, "</select></p>");
}

void page_catalogue_match(struct web *w)
{
	const char *q[CQ_COUNT];
	bool asked = false;
	for (int i = 0; i < CQ_COUNT; i++) {
		q[i] = web_arg(w, catalogue_question_key[i]);
		asked |= q[i] != NULL;
	}
	struct errors err = { 0 };
	struct catalogue_match *m = NULL;
	size_t n = 0;
	int d = asked ? catalogue_match(&w->ctx, q, &err, &m, &n) : D_OK;
	if (d && d != D_INVALID) {
		web_error(w, 500, _("The catalogue could not be read. Try again later."));
		return;
	}
	page_begin(w, _("Which learning form fits?"));
	html(w->out, "<p><a href=\"/catalogue\">%s</a></p>", _("Back to the learning forms"));
	html(w->out, "<p>%s</p>", _("Choosing a learning intervention is looking for a match between what must be learned, who must or wants to learn it, where it must be learned and how best to set it up, as the VNG guide puts it. Answer the four questions: the forms are ranked by how well they fit, each with why."));
	form_errors(w, d == D_INVALID ? &err : NULL);
	html(w->out, "<form method=\"get\" action=\"/catalogue/match\">");
	for (int i = 0; i < CQ_COUNT; i++)
		answer_select(w, (enum catalogue_question)i, catalogue_question_key[i],
			      catalogue_question_label((enum catalogue_question)i), q[i], d == D_INVALID ? &err : NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Find learning forms"));
	if (asked && d == D_OK) {
		html(w->out, "<h2 id=\"results\">%s</h2><ol class=\"matches\">", _("Learning forms, best fit first"));
		for (size_t i = 0; i < n; i++)
			html(w->out, "<li data-key=\"%s\"><strong>%s</strong> — %s %d<br>%s</li>", m[i].form->key, m[i].form->name,
			     _("score"), m[i].score, m[i].why);
		html(w->out, "</ol>\n<p class=\"muted\">%s</p>", _("The values behind the ranking are leergang's judgement unless your organisation changed them: see the list of learning forms."));
	}
	page_end(w);
	if (d == D_INVALID)
		w->r->status = 422;
}

static void form_page(struct web *w, const struct learning_form *f, const struct errors *err, int status)
{
	page_begin(w, f->name);
	html(w->out, "<p><a href=\"/catalogue\">%s</a></p>", _("Back to the learning forms"));
	html(w->out, "<p class=\"muted\">%s</p>", source_mark(w, f));
	form_errors(w, err);
	html(w->out, "<form method=\"post\" action=\"/catalogue/form\">");
	form_csrf(w);
	html(w->out, "<input type=\"hidden\" name=\"key\" value=\"%s\">", f->key);
	form_input(w, "name", _("Name"), "text", f->name, err, NULL);
	form_textarea(w, "description", _("Description"), f->description, err, NULL);
	html(w->out, "<p class=\"field\"><label for=\"f-ttt\">%s</label><select id=\"f-ttt\" name=\"seventy_twenty_ten\">",
	     _("Place in 70/20/10"));
	static const int ttt[] = { 70, 20, 10 };
	for (size_t i = 0; i < 3; i++)
		html(w->out, "<option value=\"%d\"%s>%s</option>", ttt[i], f->seventy_twenty_ten == ttt[i] ? " selected" : "",
		     ttt_label(ttt[i]));
	html(w->out, "</select></p>");
	answer_select(w, CQ_WHAT, "aim", _("Aim"), f->aim, err);
	html(w->out, "<p class=\"field\"><label for=\"f-social\">%s</label><select id=\"f-social\" name=\"social\">"
		     "<option value=\"1\"%s>%s</option><option value=\"0\"%s>%s</option></select></p>",
	     _("Social"), f->social ? " selected" : "", _("yes, with others"), f->social ? "" : " selected",
	     _("no, on one's own"));
	answer_select(w, CQ_WHO, "level", _("Suits the goal of"), f->level, err);
	answer_select(w, CQ_WHERE, "setting", _("Place of learning"), f->setting, err);
	answer_select(w, CQ_HOW, "preference", _("Learning preference"), f->preference, err);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Save"));
	page_end(w);
	w->r->status = status;
}

void page_catalogue_form(struct web *w)
{
	const char *key = web_arg(w, "key");
	if (!key || !*key) {   /* no form asked: the list to choose from */
		web_redirect(w, "/catalogue");
		return;
	}
	struct learning_form f;
	int d = catalogue_form(&w->ctx, key, &f);
	if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d)
		web_error(w, 500, _("The catalogue could not be read. Try again later."));
	else
		form_page(w, &f, NULL, 200);
}

void page_catalogue_form_save(struct web *w)
{
	const char *key = web_field(w, "key");
	if (!*key) {
		web_error(w, 400, _("Choose the learning form to change from the list of learning forms."));
		return;
	}
	struct learning_form f;
	int d = catalogue_form(&w->ctx, key, &f);
	if (d) {
		if (d == D_NOTFOUND)
			web_not_found(w);
		else
			web_error(w, 500, _("The catalogue could not be read. Try again later."));
		return;
	}
	struct learning_form nf = f;
	nf.name = (char *)web_field(w, "name");
	nf.description = (char *)web_field(w, "description");
	nf.seventy_twenty_ten = (int)web_field_int(w, "seventy_twenty_ten", 0, 100, -1);
	nf.aim = (char *)web_field(w, "aim");
	nf.level = (char *)web_field(w, "level");
	nf.setting = (char *)web_field(w, "setting");
	nf.preference = (char *)web_field(w, "preference");
	const char *social = web_field(w, "social");
	nf.social = !strcmp(social, "1");
	struct errors err = { 0 };
	if (strcmp(social, "1") && strcmp(social, "0")) {
		errors_add(&w->ctx, &err, "social", _("%s: choose one of the answers given."), _("Social"));
		d = D_INVALID;
	} else {
		d = catalogue_form_save(&w->ctx, &nf, &err);
	}
	if (d == D_OK)
		web_redirect(w, "/catalogue?done=catalogue-saved");
	else if (d == D_INVALID)
		form_page(w, &nf, &err, 422);
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

void api_catalogue(struct web *w)
{
	struct learning_form *f;
	size_t n;
	if (catalogue_list(&w->ctx, &f, &n)) {
		web_json_error(w, 500, _("The catalogue could not be read. Try again later."));
		return;
	}
	web_json(w, 200, catalogue_forms_json(f, n));
}

void api_catalogue_match(struct web *w)
{
	const char *q[CQ_COUNT];
	for (int i = 0; i < CQ_COUNT; i++)
		q[i] = web_arg(w, catalogue_question_key[i]);
	struct errors err = { 0 };
	struct catalogue_match *m;
	size_t n;
	int d = catalogue_match(&w->ctx, q, &err, &m, &n);
	if (d == D_OK)
		web_json(w, 200, catalogue_matches_json(m, n));
	else
		api_answer(w, d, &err, 0);
}

/* The names of the comma-separated form keys, as links that search by form. */
static void form_names(struct web *w, const char *keys, const struct learning_form *f, size_t nf)
{
	bool first = true;
	char **key;
	size_t nkey = practice_list(w->a, keys, &key);
	for (size_t k = 0; k < nkey; k++)
		for (size_t i = 0; i < nf; i++)
			if (!strcmp(f[i].key, key[k])) {
				html(w->out, "%s<a href=\"/catalogue/examples?form=%s\">%s</a>", first ? "" : ", ",
				     url_encode(w->a, f[i].key), f[i].name);
				first = false;
			}
}

static void practice_query_of(struct web *w, struct practice_query *q)
{
	q->form = web_arg(w, "form");
	q->theme = web_arg(w, "theme");
	q->organisation = web_arg(w, "organisation");
}

/* The coach's form for an example of the organisation's own. */
static void example_add_form(struct web *w, const struct learning_form *f, size_t nf, const struct errors *err)
{
	html(w->out, "<h2 id=\"add\">%s</h2>", _("Add an example of your organisation"));
	form_errors(w, err);
	html(w->out, "<form method=\"post\" action=\"/catalogue/examples\">");
	form_csrf(w);
	form_input(w, "applied_at", _("Applied at"), "text", err ? web_field(w, "applied_at") : "", err, NULL);
	form_textarea(w, "learning", _("Informal learning"), err ? web_field(w, "learning") : "", err, NULL);
	form_textarea(w, "context", _("Context"), err ? web_field(w, "context") : "", err, NULL);
	const char *msg = err ? errors_get(err, "forms") : NULL;
	html(w->out, "<p class=\"field\"><label for=\"f-forms\">%s</label>", _("Learning forms used"));
	if (msg)
		html(w->out, "<span class=\"field-error\" id=\"e-forms\">%s</span>", msg);
	html(w->out, "<select id=\"f-forms\" name=\"forms\" multiple size=\"6\"%s>",
	     msg ? " aria-invalid=\"true\" aria-describedby=\"e-forms\"" : "");
	for (size_t i = 0; i < nf; i++)
		html(w->out, "<option value=\"%s\">%s</option>", f[i].key, f[i].name);
	html(w->out, "</select></p>");
	form_input(w, "themes", _("Themes (separated by commas)"), "text", err ? web_field(w, "themes") : "", err, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Add example"));
}

static void examples_page(struct web *w, const struct errors *err, int status)
{
	struct learning_form *f;
	size_t nf;
	struct practice_query q;
	practice_query_of(w, &q);
	const struct practice_example **e;
	size_t n;
	if (catalogue_list(&w->ctx, &f, &nf) || practice_find(&w->ctx, &q, &e, &n)) {
		web_error(w, 500, _("The catalogue could not be read. Try again later."));
		return;
	}
	page_begin(w, _("Practice examples"));
	page_done_message(w);
	html(w->out, "<p><a href=\"/catalogue\">%s</a></p>", _("Back to the learning forms"));
	html(w->out, "<p>%s</p>", _("The eighteen examples of informal learning at municipalities from the VNG guide, in its words, shortened. Which learning forms an example uses and its themes are leergang's reading of the text."));
	html(w->out, "<form method=\"get\" action=\"/catalogue/examples\"><p class=\"field\"><label for=\"f-form\">%s</label>"
		     "<select id=\"f-form\" name=\"form\"><option value=\"\">%s</option>", _("Learning form"), _("(any)"));
	for (size_t i = 0; i < nf; i++)
		html(w->out, "<option value=\"%s\"%s>%s</option>", f[i].key, q.form && !strcmp(q.form, f[i].key) ? " selected" : "",
		     f[i].name);
	html(w->out, "</select></p>");
	form_input(w, "theme", _("Theme"), "search", q.theme ? q.theme : "", NULL, NULL);
	form_input(w, "organisation", _("Organisation"), "search", q.organisation ? q.organisation : "", NULL, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>\n", _("Search"));
	html(w->out, "<p role=\"status\">%s</p>", arena_printf(w->a, ngettext("%zu example found.", "%zu examples found.", (unsigned long)n), n));
	for (size_t i = 0; i < n; i++) {
		if (e[i]->shared)
			html(w->out, "<article class=\"example\" data-own=\"%lld\" data-shared=\"1\"><h2>%s <span class=\"muted\">(%s)</span></h2><p>%s</p>",
			     e[i]->id, e[i]->title, _("a case shared by a participant"), e[i]->learning);
		else if (e[i]->id)
			html(w->out, "<article class=\"example\" data-own=\"%lld\"><h2>%s <span class=\"muted\">(%s)</span></h2><p>%s</p>",
			     e[i]->id, e[i]->organisation, _("an example of your organisation"), e[i]->learning);
		else
			html(w->out, "<article class=\"example\" data-number=\"%d\"><h2>%d. %s%s</h2><p>%s</p>", e[i]->number,
			     e[i]->number, e[i]->organisation, e[i]->in_development ? _(" (still in development)") : "",
			     e[i]->learning);
		if (*e[i]->context)
			html(w->out, "<p><strong>%s</strong> %s</p>", _("Context:"), e[i]->context);
		html(w->out, "<p class=\"muted\">%s ", e[i]->id ? _("Learning forms:") : _("Learning forms (leergang's reading):"));
		form_names(w, e[i]->forms, f, nf);
		html(w->out, "; %s %s; %s</p></article>\n", _("themes:"), e[i]->themes,
		     e[i]->shared ? _("shared by a participant, anonymised, in their own words")
				  : e[i]->id ? _("added by your organisation") : e[i]->source);
	}
	if (actor_has(&w->who, ROLES_PROGRAMME_WRITE))
		example_add_form(w, f, nf, err);
	page_end(w);
	w->r->status = status;
}

void page_catalogue_examples(struct web *w)
{
	examples_page(w, NULL, 200);
}

void page_catalogue_example_add(struct web *w)
{
	struct buf forms = BUF_INIT;
	const struct kvlist *form = &w->r->form;
	for (size_t i = 0; i < form->n; i++)
		if (!strcmp(form->items[i].key, "forms") && *form->items[i].value)
			buf_addf(&forms, "%s%s", forms.len ? "," : "", form->items[i].value);
	struct practice_example e = { 0 };
	e.organisation = web_field(w, "applied_at");
	e.learning = web_field(w, "learning");
	e.context = web_field(w, "context");
	e.forms = arena_strdup(w->a, forms.ptr);
	e.themes = web_field(w, "themes");
	buf_release(&forms);
	struct errors err = { 0 };
	int d = practice_add(&w->ctx, &e, (long long)time(NULL), &err, NULL);
	if (d == D_OK)
		web_redirect(w, "/catalogue/examples?done=example-added");
	else if (d == D_INVALID)
		examples_page(w, &err, 422);
	else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

void api_catalogue_examples(struct web *w)
{
	struct practice_query q;
	practice_query_of(w, &q);
	const struct practice_example **e;
	size_t n;
	if (practice_find(&w->ctx, &q, &e, &n))
		web_json_error(w, 500, _("The catalogue could not be read. Try again later."));
	else
		web_json(w, 200, practice_json(e, n));
}
