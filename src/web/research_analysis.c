/* research_analysis.c — what a research project's coding shows: counts per
 * code (by kind of source, group, period or source), which codes occur
 * together, and one code's quotes with their source (names replaced on
 * request). The numbers come from domain/research_analysis.c. */
#include "web.h"
#include "domain/research.h"
#include "domain/research_analysis.h"
#include "domain/schedule.h"
#include "html/html.h"

#include <string.h>

static const struct {
	const char *key, *label;
} BY[] = {
	{ "", N_("no breakdown") }, { "kind", N_("kind of source") }, { "group", N_("group or team") },
	{ "batch", N_("batch") },
	{ "period", N_("year") }, { "source", N_("source") },
};

static void code_cell(struct web *w, long long project, const struct research_code *k)
{
	html(w->out, "<th scope=\"row\" class=\"depth-%d\"><a href=\"/research/%lld/codes/%lld\">%s</a></th>",
	     k->depth < 6 ? k->depth : 6, project, k->id, k->name);
}

void page_research_analysis(struct web *w)
{
	const char *by = web_arg(w, "by");
	by = by ? by : "";
	struct research_counts t;
	int d = research_counts(&w->ctx, w->id[0], by, &t);
	if (d == D_INVALID) {
		web_error(w, 422, _("Choose a breakdown from the list."));
		return;
	}
	if (d) {
		research_fail(w, d);
		return;
	}
	const struct research_view *v = &t.v;
	page_begin(w, arena_printf(w->a, _("Analysis of %s"), v->p.name));
	html(w->out, "<p><a href=\"/research/%lld\">%s</a></p>", v->p.id, v->p.name);
	if (!v->ncodes) {
		html(w->out, "<p>%s</p>", _("The code book is empty: add codes and code passages first."));
		page_end(w);
		return;
	}
	html(w->out, "<form method=\"get\" action=\"/research/%lld/analysis\"><p class=\"field\"><label for=\"f-by\">%s"
		     "</label><select id=\"f-by\" name=\"by\">", v->p.id, _("Break the counts down by"));
	for (size_t i = 0; i < sizeof(BY) / sizeof(BY[0]); i++)
		html(w->out, "<option value=\"%s\"%s>%s</option>", BY[i].key, !strcmp(by, BY[i].key) ? " selected" : "",
		     _(BY[i].label));
	html(w->out, "</select> <button type=\"submit\" class=\"secondary\">%s</button></p></form>", _("Show"));
	long long most = -1;
	const struct research_code *top = NULL;
	for (size_t i = 0; i < v->ncodes; i++)
		if (t.passages[i] > most) {
			most = t.passages[i];
			top = &v->codes[i];
		}
	if (top && most > 0)
		html(w->out, "<p>%s</p>",
		     arena_printf(w->a, ngettext("The code used most is '%s': %lld passage.",
						 "The code used most is '%s': %lld passages.", (unsigned long)most),
				  top->name, most));
	html(w->out, "<h2 id=\"counts\">%s</h2><div class=\"table-scroll\" tabindex=\"0\"><table><caption>%s</caption>"
		     "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>",
	     _("Counts per code"), _("Coded passages per code; a passage with two codes counts for each."), _("Code"),
	     _("Passages"), _("Sources"));
	for (size_t j = 0; *by && j < t.ncols; j++)
		html(w->out, "<th scope=\"col\">%s</th>", t.cols[j]);
	html(w->out, "</tr></thead><tbody>");
	for (size_t i = 0; i < v->ncodes; i++) {
		html(w->out, "<tr>");
		code_cell(w, v->p.id, &v->codes[i]);
		html(w->out, "<td>%lld</td><td>%lld</td>", t.passages[i], t.sources[i]);
		for (size_t j = 0; *by && j < t.ncols; j++)
			html(w->out, "<td>%lld</td>", t.cells[i * t.ncols + j]);
		html(w->out, "</tr>");
	}
	html(w->out, "</tbody></table></div>");
	const struct research_view *cv = v;
	const long long *co = t.together;
	html(w->out, "<h2 id=\"cooccurrence\">%s</h2><p>%s</p>", _("Codes that occur together"),
	     _("How often passages with the one code overlap passages with the other in the same source (or one passage "
	       "carries both). The diagonal holds each code's passages."));
	html(w->out, "<div class=\"table-scroll\" tabindex=\"0\"><table><thead><tr><th scope=\"col\">%s</th>", _("Code"));
	for (size_t j = 0; j < cv->ncodes; j++)
		html(w->out, "<th scope=\"col\">%s</th>", cv->codes[j].name);
	html(w->out, "</tr></thead><tbody>");
	for (size_t i = 0; i < cv->ncodes; i++) {
		html(w->out, "<tr>");
		code_cell(w, cv->p.id, &cv->codes[i]);
		for (size_t j = 0; j < cv->ncodes; j++)
			html(w->out, "<td>%lld</td>", co[i * cv->ncodes + j]);
		html(w->out, "</tr>");
	}
	html(w->out, "</tbody></table></div>");
	page_end(w);
}

static void code_page(struct web *w, const struct errors *e, int status)
{
	bool pseudo = web_arg_int(w, "pseudo", 0) == 1;
	struct research_view v;
	struct research_quote *q;
	size_t n;
	int d = research_quotes(&w->ctx, w->id[0], w->id[1], pseudo, &v, &q, &n);
	if (d) {
		research_fail(w, d);
		return;
	}
	const struct research_code *k = research_code_find(&v, w->id[1]);
	page_begin(w, arena_printf(w->a, _("Code: %s"), k->name));
	page_done_message(w);
	html(w->out, "<p><a href=\"/research/%lld#codes\">%s</a></p>", v.p.id, v.p.name);
	if (*k->description)
		html(w->out, "<p class=\"pre\">%s</p>", k->description);
	html(w->out, "<p>%s</p>", arena_printf(w->a, ngettext("%zu quote.", "%zu quotes.", (unsigned long)n), n));
	html(w->out, "<p><a href=\"/research/%lld/codes/%lld%s\">%s</a></p>", v.p.id, k->id, pseudo ? "" : "?pseudo=1",
	     pseudo ? _("Show the quotes with names") : _("Show the quotes with pseudonyms instead of names"));
	for (size_t i = 0; i < n; i++) {
		html(w->out, "<figure class=\"quote\"><blockquote class=\"pre\">%s</blockquote><figcaption>", q[i].text);
		if (q[i].source)
			html(w->out, "<a href=\"/research/%lld/sources/%lld\">%s</a> (%s%s%s)", v.p.id, q[i].source->id,
			     q[i].source->name, research_kind_label(q[i].source->kind), *q[i].source->held_on ? ", " : "",
			     *q[i].source->held_on ? date_label(w->a, q[i].source->held_on) : "");
		if (*q[i].coder)
			html(w->out, " — %s", arena_printf(w->a, _("coded by %s"), q[i].coder));
		if (*q[i].memo)
			html(w->out, "<br><span class=\"muted pre\">%s</span>", q[i].memo);
		html(w->out, "</figcaption></figure>");
	}
	/* a memo on the code */
	html(w->out, "<h2 id=\"memos\">%s</h2>", _("Memos on this code"));
	research_memos(w, &v, "code", k->id);
	html(w->out, "<form method=\"post\" action=\"/research/%lld/memos\"><input type=\"hidden\" name=\"target\" "
		     "value=\"code\"><input type=\"hidden\" name=\"target_id\" value=\"%lld\">", v.p.id, k->id);
	form_csrf(w);
	form_textarea(w, "text", _("New memo on this code"), "", NULL, NULL);
	html(w->out, "<p><button type=\"submit\" class=\"secondary\">%s</button></p></form>", _("Save the memo"));
	/* the code itself: its name, colour and description */
	html(w->out, "<h2 id=\"edit\">%s</h2><form method=\"post\" action=\"/research/%lld/codes/%lld\">",
	     _("Change the code"), v.p.id, k->id);
	form_csrf(w);
	form_errors(w, e);
	form_input(w, "name", _("Name"), "text", e ? web_field(w, "name") : k->name, e, NULL);
	form_input(w, "color", _("Colour (#RRGGBB, optional)"), "text", e ? web_field(w, "color") : k->color, e, NULL);
	form_textarea(w, "description", _("Description"), e ? web_field(w, "description") : k->description, e,
		      _("When to use the code: other coders read it, and it goes along in the export."));
	html(w->out, "<p><button type=\"submit\" class=\"secondary\">%s</button></p></form>", _("Save the code"));
	page_end(w);
	w->r->status = status;
}

void page_research_code(struct web *w)
{
	code_page(w, NULL, 200);
}

void page_research_code_update(struct web *w)
{
	struct errors e = { 0 };
	int d = research_code_update(&w->ctx, w->id[0], w->id[1], web_field(w, "name"), web_field(w, "color"),
				     web_field(w, "description"), &e);
	if (d == D_INVALID)
		code_page(w, &e, 422);
	else if (d)
		research_fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/research/%lld/codes/%lld?done=research-code-saved", w->id[0], w->id[1]));
}

/* A plain reading of kappa for the page: leergang's own wording after the
 * bands of Landis & Koch (1977), which many qualitative researchers quote. */
static const char *kappa_words(double k)
{
	if (k != k)
		return _("cannot be computed");
	if (k < 0.21)
		return _("slight or none");
	if (k < 0.41)
		return _("fair");
	if (k < 0.61)
		return _("moderate");
	if (k < 0.81)
		return _("substantial");
	return _("almost perfect");
}

static void coder_select(struct web *w, const struct research_view *v, const char *name, const char *label,
			 long long chosen)
{
	html(w->out, "<p class=\"field\"><label for=\"f-%s\">%s</label><select id=\"f-%s\" name=\"%s\">", name, label,
	     name, name);
	for (size_t i = 0; i < v->ncoders; i++)
		html(w->out, "<option value=\"%lld\"%s>%s</option>", v->coders[i].id,
		     v->coders[i].id == chosen ? " selected" : "", v->coders[i].name);
	html(w->out, "</select></p>");
}

void page_research_agreement(struct web *w)
{
	struct research_view v;
	int d = research_project_open(&w->ctx, w->id[0], &v);
	if (d) {
		research_fail(w, d);
		return;
	}
	long long a = web_arg_int(w, "coder_a", v.ncoders ? v.coders[0].id : 0);
	long long b = web_arg_int(w, "coder_b", v.ncoders > 1 ? v.coders[1].id : 0);
	const char *uncoded = web_arg(w, "uncoded");
	bool with_uncoded = !uncoded || strcmp(uncoded, "without");
	long long *src = arena_alloc(w->a, (w->r->query.n + 1) * sizeof(*src));
	size_t nsrc = 0;
	for (size_t i = 0; i < w->r->query.n; i++)
		if (!strcmp(w->r->query.items[i].key, "source"))
			src[nsrc++] = web_value_id(w->r->query.items[i].value);
	page_begin(w, arena_printf(w->a, _("Agreement between coders: %s"), v.p.name));
	html(w->out, "<p><a href=\"/research/%lld\">%s</a></p><p>%s</p>", v.p.id, v.p.name,
	     _("When two researchers code the same sources, this shows per code how far they agree, character by "
	       "character: Cohen's kappa (as R's psych package computes it) and Krippendorff's alpha beside it."));
	if (v.ncoders < 2) {
		html(w->out, "<p>%s</p>", _("The project has one coder. Add a second researcher as member; once both have "
					  "coded the same sources, their agreement shows here."));
		page_end(w);
		return;
	}
	html(w->out, "<form method=\"get\" action=\"/research/%lld/agreement\">", v.p.id);
	coder_select(w, &v, "coder_a", _("Coder A"), a);
	coder_select(w, &v, "coder_b", _("Coder B"), b);
	html(w->out, "<fieldset><legend>%s</legend>", _("Sources (none ticked: all)"));
	for (size_t i = 0; i < v.nsources; i++) {
		bool on = false;
		for (size_t k = 0; k < nsrc; k++)
			on |= src[k] == v.sources[i].id;
		html(w->out, "<label class=\"block\"><input type=\"checkbox\" name=\"source\" value=\"%lld\"%s> %s</label>",
		     v.sources[i].id, on ? " checked" : "", v.sources[i].name);
	}
	html(w->out, "</fieldset><fieldset><legend>%s</legend><label><input type=\"radio\" name=\"uncoded\" value=\"with\"%s> %s"
		     "</label> <label><input type=\"radio\" name=\"uncoded\" value=\"without\"%s> %s</label></fieldset>",
	     _("Text that neither coded"), with_uncoded ? " checked" : "", _("count it (as NVivo does)"),
	     with_uncoded ? "" : " checked", _("leave it out (only text at least one of them coded)"));
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Compare"));
	struct errors e = { 0 };
	struct research_agreement r;
	d = research_agreement(&w->ctx, v.p.id, a, b, src, nsrc, with_uncoded, &e, &r);
	if (d == D_INVALID) {
		form_errors(w, &e);
		page_end(w);
		w->r->status = 422;
		return;
	}
	if (d) {
		research_fail(w, d);
		return;
	}
	html(w->out, "<h2 id=\"result\">%s</h2><p>%s</p>", _("Agreement per code"),
	     arena_printf(w->a, _("%zu characters of %zu sources counted."), r.units, r.chosen));
	html(w->out, "<div class=\"table-scroll\" tabindex=\"0\"><table><thead><tr><th scope=\"col\">%s</th>"
		     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		     "</tr></thead><tbody>",
	     _("Code"), _("A only"), _("B only"), _("Both"), _("Agreement (percent)"), _("Kappa"), _("95 percent interval"),
	     _("Alpha"), _("Reading"));
	for (size_t i = 0; i < r.ncodes; i++) {
		const struct agree_code_result *x = &r.results[i];
		html(w->out, "<tr><th scope=\"row\">%s</th><td>%zu</td><td>%zu</td><td>%zu</td><td>%s</td><td>%s</td>"
			     "<td>%s</td><td>%s</td><td>%s</td></tr>",
		     r.codes[i]->name, x->a_only, x->b_only, x->both, x->agreement == x->agreement ? web_number(w, x->agreement, 1) : "–",
		     x->kappa.kappa == x->kappa.kappa ? web_number(w, x->kappa.kappa, 3) : "–",
		     x->kappa.kappa == x->kappa.kappa
			     ? arena_printf(w->a, "%s – %s", web_number(w, x->kappa.lower, 3), web_number(w, x->kappa.upper, 3))
			     : "–",
		     x->alpha.alpha == x->alpha.alpha ? web_number(w, x->alpha.alpha, 3) : "–",
		     kappa_words(x->kappa.kappa));
	}
	html(w->out, "</tbody></table></div><p class=\"muted\">%s</p>",
	     _("The reading of kappa (slight, fair, moderate, substantial, almost perfect) follows the bands of Landis and "
	       "Koch (1977); it is leergang's aid, not a rule. Download the codings with the .qdpx export to check them in "
	       "another tool."));
	page_end(w);
}
