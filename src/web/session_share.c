/* session_share.c — the case owner shares an anonymised version of their
 * case as a practice example, from the session after it (page and API).
 * The form starts from the case's title and question only, for the owner
 * to rewrite in their own words; who may and the check for names are in
 * domain/practice_share.c. */
#include "web.h"
#include "domain/catalogue.h"
#include "domain/practice_share.h"
#include "html/html.h"

#include <string.h>

static void fail(struct web *w, int d)
{
	if (d == D_NOTFOUND)
		web_not_found(w);
	else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

/* The selected forms of a form post, comma-separated. */
static const char *posted_forms(struct web *w)
{
	struct buf forms = BUF_INIT;
	const struct kvlist *form = &w->r->form;
	for (size_t i = 0; i < form->n; i++)
		if (!strcmp(form->items[i].key, "forms") && *form->items[i].value)
			buf_addf(&forms, "%s%s", forms.len ? "," : "", form->items[i].value);
	const char *s = arena_strdup(w->a, forms.ptr ? forms.ptr : "");
	buf_release(&forms);
	return s;
}

static void share_page(struct web *w, const struct errors *err, int status)
{
	const char *title, *question;
	int d = practice_share_suggestion(&w->ctx, w->id[0], &title, &question);
	struct learning_form *f;
	size_t nf;
	if (!d && catalogue_list(&w->ctx, &f, &nf))
		d = D_ERROR;
	if (d) {
		fail(w, d);
		return;
	}
	page_begin(w, _("Share your case as a practice example"));
	html(w->out, "<p><a href=\"/sessions/%lld\">%s</a></p>", w->id[0], _("Back to the session"));
	html(w->out, "<p>%s</p>", _("Others in your organisation will find the example in the practice examples, without your name and without a link to the session. The case itself stays confidential. Write it anew in your own words, without names of people."));
	form_errors(w, err);
	html(w->out, "<form method=\"post\" action=\"/sessions/%lld/share\">", w->id[0]);
	form_csrf(w);
	form_input(w, "title", _("Title"), "text", err ? web_field(w, "title") : title, err,
		   _("A suggestion: the title of your case. Change it where it says too much."));
	form_textarea(w, "text", _("The example in your own words"), err ? web_field(w, "text") : question, err,
		      _("A suggestion: the question of your case. Rewrite it: what was the situation, what did you learn?"));
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
	msg = err ? errors_get(err, "confirm") : NULL;
	if (msg)
		html(w->out, "<p class=\"field-error\" id=\"e-confirm\">%s</p>", msg);
	html(w->out, "<p><input type=\"checkbox\" id=\"f-confirm\" name=\"confirm\" value=\"1\"> "
		     "<label class=\"inline\" for=\"f-confirm\">%s</label></p>",
	     _("The text is in my own words and names no one."));
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Share as a practice example"));
	page_end(w);
	w->r->status = status;
}

void page_session_share_form(struct web *w)
{
	share_page(w, NULL, 200);
}

void page_session_share(struct web *w)
{
	struct practice_share in = { web_field(w, "title"), web_field(w, "text"), posted_forms(w), web_field(w, "themes"),
				     !strcmp(web_field(w, "confirm"), "1") };
	struct errors err = { 0 };
	int d = practice_share(&w->ctx, w->id[0], &in, &err, NULL);
	if (d == D_OK)
		web_redirect(w, "/catalogue/examples?done=example-shared");
	else if (d == D_INVALID)
		share_page(w, &err, 422);
	else
		fail(w, d);
}

/* {"title","text","forms":[keys],"themes","confirm":true} */
void api_session_share(struct web *w)
{
	struct api_in b;
	if (!api_in_open(&b, w))
		return;
	struct practice_share in = { 0 };
	in.title = api_in_str(&b, "title", "");
	in.text = api_in_str(&b, "text", "");
	in.themes = api_in_str(&b, "themes", "");
	in.confirmed = api_in_bool(&b, "confirm", false);
	if (!api_in_ok(&b))
		return;
	struct buf forms = BUF_INIT;
	json_t *arr = json_object_get(b.j, "forms"), *v;
	size_t i;
	json_array_foreach(arr, i, v)
		if (json_is_string(v) && *json_string_value(v))
			buf_addf(&forms, "%s%s", forms.len ? "," : "", json_string_value(v));
	in.forms = arena_strdup(w->a, forms.ptr ? forms.ptr : "");
	buf_release(&forms);
	long long id = 0;
	/* the result first: in one call's arguments the id could be read before it is set */
	int d = practice_share(&w->ctx, w->id[0], &in, &b.e, &id);
	api_in_answer(&b, d, id);
}
