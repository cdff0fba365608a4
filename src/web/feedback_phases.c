/* feedback_phases.c — four-phase feedback to the partners of a research
 * project (/research/{id}/feedback): the partners with their data dates
 * and, per partner, the four phases in order, each released with what was
 * shared. The rules (which phase may be released when) are in
 * domain/feedback_phase.c; this page shows them and their refusals. */
#include "web.h"
#include "domain/feedback_phase.h"
#include "domain/research.h"
#include "domain/schedule.h"
#include "html/html.h"

#include <string.h>
#include <time.h>

static const char *when(struct web *w, long long t)
{
	char day[11];
	date_today(t, day);
	return date_label(w->a, arena_strdup(w->a, day));
}

static void date_form(struct web *w, long long project, const struct research_partner *p, const char *what,
		      const char *label, const char *value)
{
	html(w->out, "<form method=\"post\" action=\"/research/%lld/feedback/partners/%lld/data\" class=\"inline\">",
	     project, p->id);
	form_csrf(w);
	html(w->out, "<input type=\"hidden\" name=\"what\" value=\"%s\"><label for=\"on-%lld-%s\">%s</label> "
		     "<input type=\"date\" id=\"on-%lld-%s\" name=\"on\" value=\"%s\"> "
		     "<button type=\"submit\" class=\"secondary\">%s</button></form>",
	     what, p->id, what, label, p->id, what, value, _("Record"));
}

static void partner_section(struct web *w, long long project, const struct research_partner *all, size_t n,
			    const struct research_partner *p, const struct errors *e, long long err_partner)
{
	html(w->out, "<section id=\"partner-%lld\"><h2>%s</h2>", p->id, p->name);
	if (*p->contact)
		html(w->out, "<p>%s: %s</p>", _("Contact person"), p->contact);
	date_form(w, project, p, "data_in", _("First data in on"), p->data_in_on);
	date_form(w, project, p, "collected", _("All data collected on"), p->collected_on);
	date_form(w, project, p, "analysed", _("All data analysed on"), p->analysed_on);
	html(w->out, "<ol class=\"phases\">");
	for (int k = 1; k <= FEEDBACK_PHASES; k++) {
		const struct feedback_release *r = &p->phase[k - 1];
		html(w->out, "<li><h3>%s</h3><p class=\"muted\">%s</p>", feedback_phase_name(k), feedback_phase_about(k));
		if (r->released_at) {
			html(w->out, "<p class=\"done\">%s</p><p class=\"pre\">%s</p>",
			     arena_printf(w->a, _("Released on %s by %s."), when(w, r->released_at), r->released_by_name),
			     r->shared);
			if (*r->deliverable)
				html(w->out, "<p>%s: %s</p>", _("Deliverable"), r->deliverable);
			html(w->out, "</li>");
			continue;
		}
		const char *why = feedback_phase_missing(w->a, all, n, p, k);
		if (why)
			html(w->out, "<p class=\"warn\">%s</p>", why);
		html(w->out, "<form method=\"post\" action=\"/research/%lld/feedback/partners/%lld/release\">", project, p->id);
		form_csrf(w);
		const struct errors *fe = e && err_partner == p->id && web_field_int(w, "phase", 1, 4, 0) == k ? e : NULL;
		html(w->out, "<input type=\"hidden\" name=\"phase\" value=\"%d\">", k);
		/* ids of their own: a form per phase and partner */
		const char *sh_err = fe ? errors_get(fe, "shared") : NULL, *dl_err = fe ? errors_get(fe, "deliverable") : NULL;
		html(w->out, "<p class=\"field%s\"><label for=\"shared-%lld-%d\">%s</label>", sh_err ? " invalid" : "", p->id, k,
		     _("What was shared"));
		if (sh_err)
			html(w->out, "<span class=\"field-error\">%s</span>", sh_err);
		html(w->out, "<textarea id=\"shared-%lld-%d\" name=\"shared\" rows=\"3\">%s</textarea></p>", p->id, k,
		     fe ? web_field(w, "shared") : "");
		html(w->out, "<p class=\"field%s\"><label for=\"deliverable-%lld-%d\">%s</label>", dl_err ? " invalid" : "",
		     p->id, k, _("Deliverable (optional)"));
		if (dl_err)
			html(w->out, "<span class=\"field-error\">%s</span>", dl_err);
		html(w->out, "<input type=\"text\" id=\"deliverable-%lld-%d\" name=\"deliverable\" value=\"%s\"></p>", p->id,
		     k, fe ? web_field(w, "deliverable") : "");
		html(w->out, "<p><button type=\"submit\">%s</button></p></form></li>", _("Release this phase"));
	}
	html(w->out, "</ol></section>");
}

static void feedback_page(struct web *w, const struct errors *e, long long err_partner, int status)
{
	struct research_view v;
	struct research_partner *p = NULL;
	size_t n = 0;
	int d = research_project_open(&w->ctx, w->id[0], &v);
	if (!d)
		d = feedback_partners(&w->ctx, w->id[0], &p, &n);
	if (d) {
		research_fail(w, d);
		return;
	}
	page_begin(w, arena_printf(w->a, _("Feedback to partners: %s"), v.p.name));
	const char *done = web_arg(w, "done") ? web_arg(w, "done") : "";
	if (!strcmp(done, "released"))
		html(w->out, "<p class=\"done\" role=\"status\">%s</p>", _("The phase has been released."));
	else if (!strcmp(done, "recorded"))
		html(w->out, "<p class=\"done\" role=\"status\">%s</p>", _("The date has been recorded."));
	else if (!strcmp(done, "partner"))
		html(w->out, "<p class=\"done\" role=\"status\">%s</p>", _("The partner has been added."));
	html(w->out, "<p><a href=\"/research/%lld\">%s</a></p>", v.p.id, _("Back to the project"));
	html(w->out, "<p>%s</p>",
	     _("Each partner gets four moments of feedback, in order. The first analysis can be released as soon as the "
	       "partner's first data are in; the complete analysis only when the data of every partner have been "
	       "collected and analysed."));
	/* a refused release or date: what is missing, at the top */
	form_errors(w, e && !errors_get(e, "name") && !errors_get(e, "contact") ? e : NULL);
	for (size_t i = 0; i < n; i++)
		partner_section(w, v.p.id, p, n, &p[i], e, err_partner);
	if (!n)
		html(w->out, "<p>%s</p>", _("This project has no partners yet."));
	html(w->out, "<h2 id=\"new-partner\">%s</h2><form method=\"post\" action=\"/research/%lld/feedback/partners\">",
	     _("Add a partner"), v.p.id);
	form_csrf(w);
	const struct errors *pe = e && (errors_get(e, "name") || errors_get(e, "contact")) ? e : NULL;
	form_errors(w, pe);
	form_input(w, "name", _("Partner organisation"), "text", pe ? web_field(w, "name") : "", pe, "off");
	form_input(w, "contact", _("Contact person"), "text", pe ? web_field(w, "contact") : "", pe, "off");
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Add partner"));
	page_end(w);
	w->r->status = status;
}

void page_feedback_phases(struct web *w)
{
	feedback_page(w, NULL, 0, 200);
}

static void after(struct web *w, int d, struct errors *e, long long partner, const char *done)
{
	if (d == D_INVALID)
		feedback_page(w, e, partner, 422);
	else if (d)
		research_fail(w, d);
	else
		web_redirect(w, partner ? arena_printf(w->a, "/research/%lld/feedback?done=%s#partner-%lld", w->id[0], done,
						       partner)
					: arena_printf(w->a, "/research/%lld/feedback?done=%s", w->id[0], done));
}

void page_feedback_partner_add(struct web *w)
{
	struct errors e = { 0 };
	long long id = 0;
	int d = feedback_partner_add(&w->ctx, w->id[0], web_field(w, "name"), web_field(w, "contact"), &e, &id);
	after(w, d, &e, d ? 0 : id, "partner");
}

void page_feedback_partner_mark(struct web *w)
{
	struct errors e = { 0 };
	int d = feedback_partner_mark(&w->ctx, w->id[0], w->id[1], web_field(w, "what"), web_field(w, "on"), &e);
	after(w, d, &e, d == D_INVALID ? 0 : w->id[1], "recorded");
}

void page_feedback_release(struct web *w)
{
	struct errors e = { 0 };
	int phase = (int)web_field_int(w, "phase", 1, 4, 0);
	int d = feedback_release(&w->ctx, w->id[0], w->id[1], phase, web_field(w, "shared"), web_field(w, "deliverable"),
				 &e);
	if (d == D_CONFLICT) {   /* released in between by someone else */
		errors_add(&w->ctx, &e, "phase", "%s", _("This phase has been released for this partner already."));
		d = D_INVALID;
	}
	after(w, d, &e, w->id[1], "released");
}
