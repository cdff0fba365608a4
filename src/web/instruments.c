/* instruments.c — one questionnaire: its newest version as the respondent
 * will read it, and the form that makes a new version of it (changed
 * texts, dimensions, reversed and required questions, questions removed
 * and added). Waves keep the version they were sent with. */
#include "web.h"
#include "domain/answer_rule.h"
#include "domain/own_result.h"
#include "domain/survey.h"
#include "domain/instrument_edit.h"
#include "html/html.h"

#include <stdlib.h>
#include <time.h>
#include <string.h>

static const char *kind_label(const char *kind)
{
	if (!strcmp(kind, "likert"))
		return _("scale question");
	if (!strcmp(kind, "bipolar"))
		return _("bipolar scale");
	if (!strcmp(kind, "single"))
		return _("single choice");
	if (!strcmp(kind, "multiple"))
		return _("multiple choice");
	return _("open question");
}

static void checkbox(struct web *w, const char *name, const char *label, bool on)
{
	html(w->out, "<p><input type=\"checkbox\" id=\"f-%s\" name=\"%s\" value=\"1\"%s> <label for=\"f-%s\" class=\"inline\">%s</label></p>",
	     name, name, on ? " checked" : "", name, label);
}

#define NEW_ITEMS 3

/* The form of a new version; e (after a refused try) re-shows what was sent. */
static void version_form(struct web *w, const struct instrument *in, const struct instrument_version *v,
			 const struct errors *e)
{
	html(w->out, "<details%s><summary><h2 id=\"new-version\">%s</h2></summary>", e ? " open" : "",
	     _("Make a new version"));
	html(w->out, "<p>%s</p>",
	     _("Waves already sent keep their version, so answers given are never rewritten; new waves get the new version. A question's code is its variable name in the exports."));
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/instruments/%lld/versions\" id=\"f-items\">", in->id);
	form_csrf(w);
	for (size_t i = 0; i < v->nitems; i++) {
		const struct instrument_item *it = &v->items[i];
		bool scored = !strcmp(it->kind, "likert") || !strcmp(it->kind, "bipolar");
		const char *id = arena_printf(w->a, "%lld", it->id);
		const char *tn = arena_printf(w->a, "text-%s", id), *sn = arena_printf(w->a, "scale-%s", id);
		const char *rn = arena_printf(w->a, "rev-%s", id), *qn = arena_printf(w->a, "req-%s", id);
		const char *dn = arena_printf(w->a, "del-%s", id);
		html(w->out, "<fieldset class=\"item-edit\"><legend>%s) %s</legend>", it->code, kind_label(it->kind));
		form_textarea(w, tn, _("Text"), e ? web_field(w, tn) : it->text, e, NULL);
		if (scored) {
			form_input(w, sn, _("Dimension (empty: none)"), "text", e ? web_field(w, sn) : it->scale, e, NULL);
			checkbox(w, rn, _("Reversed: a high answer means a low score"), e ? *web_field(w, rn) != '\0' : it->reversed);
			const char *kn = arena_printf(w->a, "dk-%s", id);
			checkbox(w, kn, _("Offers \"don't know / not applicable\" (left out of the means)"),
				 e ? *web_field(w, kn) != '\0' : it->allows_dont_know);
		}
		checkbox(w, qn, _("Required"), e ? *web_field(w, qn) != '\0' : it->required);
		checkbox(w, dn, _("Leave out of the new version"), e && *web_field(w, dn));
		html(w->out, "</fieldset>");
	}
	for (int k = 1; k <= NEW_ITEMS; k++) {
		const char *cn = arena_printf(w->a, "code-%d", k), *kn = arena_printf(w->a, "kind-%d", k);
		const char *tn = arena_printf(w->a, "new-%d", k), *sn = arena_printf(w->a, "scale-new-%d", k);
		html(w->out, "<fieldset class=\"item-edit\"><legend>%s</legend>",
		     arena_printf(w->a, _("New question %d (leave empty for none)"), k));
		form_input(w, cn, _("Code"), "text", e ? web_field(w, cn) : "", e, NULL);
		const char *kind = e ? web_field(w, kn) : "likert";
		const char *kerr = e ? errors_get(e, kn) : NULL;
		html(w->out, "<p class=\"field%s\"><label for=\"f-%s\">%s</label>", kerr ? " invalid" : "", kn, _("Kind"));
		if (kerr)
			html(w->out, "<span class=\"field-error\" id=\"e-%s\">%s</span>", kn, kerr);
		html(w->out, "<select id=\"f-%s\" name=\"%s\"><option value=\"likert\"%s>%s</option><option value=\"open\"%s>%s</option></select></p>",
		     kn, kn, !strcmp(kind, "likert") ? " selected" : "", _("scale question"),
		     !strcmp(kind, "open") ? " selected" : "", _("open question"));
		form_textarea(w, tn, _("Text"), e ? web_field(w, tn) : "", e, NULL);
		form_input(w, sn, _("Dimension (empty: none)"), "text", e ? web_field(w, sn) : "", e, NULL);
		html(w->out, "</fieldset>");
	}
	form_input(w, "note", _("What changed"), "text", e ? web_field(w, "note") : "", e, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form></details>\n", _("Save as a new version"));
}

/* The questionnaire of the path and its newest version, or the error page. */
static bool load(struct web *w, struct instrument *in, struct instrument_version *v)
{
	int d = instrument_open(&w->ctx, w->id[0], in, v);
	if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d)
		web_error(w, 500, _("The questionnaires could not be read. Try again later."));
	return d == D_OK;
}

static void instrument_page(struct web *w, const struct errors *e, int status)
{
	struct instrument in;
	struct instrument_version v;
	if (!load(w, &in, &v))
		return;
	page_begin(w, in.name);
	page_done_message(w);
	html(w->out, "<p><a href=\"/questionnaires\">%s</a></p><p>%s · %s</p>", _("Back to the questionnaires"),
	     arena_printf(w->a, _("version %d"), v.version), in.source);
	if (*v.note && !strchr(v.note, '\n')) {
		html(w->out, "<p>%s: %s</p>", _("What changed"), v.note);
	} else if (*v.note) {
		/* an import's report: a line per note */
		html(w->out, "<div class=\"version-note\"><p>%s:</p>", _("What changed"));
		html_paragraphs(w->out, v.note, NULL);
		html(w->out, "</div>");
	}
	for (size_t s = 0; s <= v.nsections; s++) {
		long long sid = s < v.nsections ? v.sections[s].id : 0;
		if (s < v.nsections) {
			html(w->out, "<h2>%s</h2>", v.sections[s].title);
			if (*v.sections[s].intro)
				html_paragraphs(w->out, v.sections[s].intro, "intro");
		}
		bool any = false;
		for (size_t i = 0; i < v.nitems; i++) {
			const struct instrument_item *it = &v.items[i];
			if (it->section_id != sid)
				continue;
			if (!any)
				html(w->out, "<ol class=\"items\">");
			any = true;
			html(w->out, "<li><strong>%s)</strong> ", it->code);
			html_lines(w->out, it->text);
			if (it->noptions) {
				html(w->out, "<br><span class=\"muted\">");
				for (size_t k = 0; k < it->noptions; k++)
					html(w->out, "%s%d%s%s", k ? " · " : "", it->options[k].value, *it->options[k].label ? " = " : "",
					     it->options[k].label);
				html(w->out, "</span>");
			}
			if (*it->scale)
				html(w->out, " <span class=\"muted\">(%s: %s)</span>", _("dimension"), it->scale);
			if (it->reversed)
				html(w->out, " <span class=\"muted\">(%s)</span>", _("reversed"));
			const char *rule = answer_rule_hint(w->a, it);
			if (rule)
				html(w->out, "<br><span class=\"muted answer-rule\">%s</span>", rule);
			html(w->out, "</li>");
		}
		if (any)
			html(w->out, "</ol>");
	}
	version_form(w, &in, &v, e);
	/* "respondent ziet eigen uitkomst" (domain/own_result.h) */
	bool own = own_result_on(w->st, w->who.organisation_id, in.id);
	html(w->out, "<h2>%s</h2><form method=\"post\" action=\"/instruments/%lld/own-result\" id=\"own-result\">", _("Own result for respondents"), in.id);
	form_csrf(w);
	html(w->out, "<p>%s <input type=\"hidden\" name=\"on\" value=\"%s\"><button type=\"submit\" class=\"secondary\">%s</button></p></form>\n",
	     own ? _("Respondents see their own result (their score per scale) after handing in a wave that is not anonymous.")
		 : _("Respondents do not see their own result after handing in."),
	     own ? "0" : "1", own ? _("Stop showing respondents their own result") : _("Show respondents their own result"));
	page_end(w);
	w->r->status = status;
}

void page_instrument(struct web *w)
{
	instrument_page(w, NULL, 200);
}

void page_instrument_own_result(struct web *w)
{
	int d = own_result_set(&w->ctx, w->id[0], !strcmp(web_field(w, "on"), "1"));
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/instruments/%lld#own-result", w->id[0]));
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

void page_instrument_version(struct web *w)
{
	struct instrument in;
	struct instrument_version v;
	if (!load(w, &in, &v))
		return;
	struct item_edit *ed = arena_alloc(w->a, (v.nitems + 1) * sizeof(*ed));
	for (size_t i = 0; i < v.nitems; i++) {
		long long id = v.items[i].id;
		ed[i] = (struct item_edit){ id, web_field(w, arena_printf(w->a, "text-%lld", id)),
					    web_field(w, arena_printf(w->a, "scale-%lld", id)),
					    *web_field(w, arena_printf(w->a, "rev-%lld", id)) != '\0',
					    *web_field(w, arena_printf(w->a, "req-%lld", id)) != '\0',
					    *web_field(w, arena_printf(w->a, "del-%lld", id)) != '\0',
					    *web_field(w, arena_printf(w->a, "dk-%lld", id)) != '\0' };
	}
	struct item_new add[NEW_ITEMS];
	for (int k = 0; k < NEW_ITEMS; k++)
		add[k] = (struct item_new){ web_field(w, arena_printf(w->a, "code-%d", k + 1)),
					    web_field(w, arena_printf(w->a, "kind-%d", k + 1)),
					    web_field(w, arena_printf(w->a, "new-%d", k + 1)),
					    web_field(w, arena_printf(w->a, "scale-new-%d", k + 1)) };
	struct errors e = { 0 };
	int version;
	int d = instrument_new_version(&w->ctx, in.id, ed, v.nitems, add, NEW_ITEMS, web_field(w, "note"),
				       (long long)time(NULL), &e, &version);
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "/instruments/%lld?done=version-made", in.id));
	else if (d == D_INVALID)
		instrument_page(w, &e, 422);
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}
