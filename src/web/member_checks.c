/* member_checks.c — a research project's member checks
 * (/research/{id}/member-checks): the list with a new check, and one check
 * with its findings, its contacts with their attributed answers (and who
 * has not answered), new contacts and renewed links (shown to copy when
 * the server sends no mail), the outcome recorded afterwards, closing,
 * and the answers as CSV. The rules are in domain/member_check.c. */
#include "web.h"
#include "domain/member_check.h"
#include "domain/password_reset.h"
#include "domain/research.h"
#include "domain/schedule.h"
#include "html/html.h"

#include <string.h>

static void via_of(struct web *w, struct member_check_via *via)
{
	via->mail = password_reset_by_mail(w->public_url);
	via->base_url = via->mail ? w->public_url : web_base_url(w);
}

static const char *day_of(struct web *w, long long t)
{
	char day[11];
	date_today(t, day);
	return date_label(w->a, arena_strdup(w->a, day));
}

/* ---- the list ---- */

static void list_page(struct web *w, const struct errors *e, int status)
{
	struct research_view v;
	struct member_check *m = NULL;
	size_t n = 0;
	int d = research_project_open(&w->ctx, w->id[0], &v);
	if (!d)
		d = member_checks(&w->ctx, w->id[0], &m, &n);
	if (d) {
		research_fail(w, d);
		return;
	}
	page_begin(w, arena_printf(w->a, _("Member checks: %s"), v.p.name));
	html(w->out, "<p><a href=\"/research/%lld\">%s</a></p>", v.p.id, _("Back to the project"));
	html(w->out, "<p>%s</p>",
	     _("In a member check you put findings to the study's contact persons, inside or outside the organisation. "
	       "They answer through a personal link, without an account, whether they recognise the findings and which "
	       "they cannot place in their practice. Their answers carry their names."));
	if (n) {
		html(w->out, "<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			     "</tr></thead><tbody>", _("Member check"), _("Date"), _("Answered"));
		for (size_t i = 0; i < n; i++)
			html(w->out, "<tr><td><a href=\"/research/%lld/member-checks/%lld\">%s</a></td><td>%s</td>"
				     "<td>%lld / %lld</td></tr>", v.p.id, m[i].id, m[i].title, date_label(w->a, m[i].held_on),
			     m[i].answered, m[i].contacts);
		html(w->out, "</tbody></table>");
	} else {
		html(w->out, "<p>%s</p>", _("This project has no member checks yet."));
	}
	html(w->out, "<h2 id=\"new\">%s</h2><form method=\"post\" action=\"/research/%lld/member-checks\">",
	     _("New member check"), v.p.id);
	form_csrf(w);
	form_errors(w, e);
	form_input(w, "title", _("Title"), "text", web_field(w, "title"), e, "off");
	form_textarea(w, "findings", _("Findings"), web_field(w, "findings"), e,
		      _("The findings you put to the contact persons (Markdown). They read them on their page."));
	form_input(w, "held_on", _("Date"), "date", web_field(w, "held_on"), e, "off");
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Make member check"));
	page_end(w);
	w->r->status = status;
}

void page_member_checks(struct web *w)
{
	list_page(w, NULL, 200);
}

void page_member_check_create(struct web *w)
{
	struct errors e = { 0 };
	long long id;
	int d = member_check_create(&w->ctx, w->id[0], web_field(w, "title"), web_field(w, "findings"),
				    web_field(w, "held_on"), &e, &id);
	if (d == D_INVALID)
		list_page(w, &e, 422);
	else if (d)
		research_fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/research/%lld/member-checks/%lld", w->id[0], id));
}

/* ---- one check ---- */

static void answers_table(struct web *w, const struct member_check_view *v)
{
	html(w->out, "<h2 id=\"answers\">%s</h2>", _("Contacts and their answers"));
	if (!v->ncontacts) {
		html(w->out, "<p>%s</p>", _("No contact persons yet."));
		return;
	}
	html(w->out, "<table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	     _("Contact"), _("Recognises the findings"), _("Explanation"), _("Findings that do not fit their practice"),
	     _("Link"));
	for (size_t i = 0; i < v->ncontacts; i++) {
		const struct member_check_contact *k = &v->contacts[i];
		html(w->out, "<tr><td>%s", k->name);
		if (*k->affiliation)
			html(w->out, " (%s)", k->affiliation);
		if (k->person_id)
			html(w->out, " <span class=\"muted\">%s</span>", _("people list"));
		html(w->out, "</td>");
		if (k->answered_at)
			html(w->out, "<td>%s</td><td class=\"pre\">%s</td><td class=\"pre\">%s</td>",
			     member_check_recognised_label(k->recognised), k->recognised_note, k->not_fitting);
		else
			html(w->out, "<td colspan=\"3\" class=\"muted\">%s</td>", _("Has not answered yet"));
		html(w->out, "<td>%s", arena_printf(w->a, _("until %s"), day_of(w, k->expires_at)));
		if (!v->m.closed_at) {
			html(w->out, "<form method=\"post\" action=\"/research/%lld/member-checks/%lld/renew\">",
			     v->m.project_id, v->m.id);
			form_csrf(w);
			html(w->out, "<input type=\"hidden\" name=\"contact\" value=\"%lld\"><button type=\"submit\" "
				     "class=\"secondary\">%s</button></form>", k->id, _("New link"));
		}
		html(w->out, "</td></tr>");
	}
	html(w->out, "</tbody></table><p><a href=\"/research/%lld/member-checks/%lld/answers.csv\">%s</a></p>",
	     v->m.project_id, v->m.id, _("Download the answers (CSV, with names)"));
}

static void check_page(struct web *w, const struct errors *e, const char *link, const char *link_name, int status)
{
	struct member_check_view v;
	int d = member_check_open(&w->ctx, w->id[0], w->id[1], &v);
	if (d) {
		research_fail(w, d);
		return;
	}
	page_begin(w, v.m.title);
	const char *done = web_arg(w, "done") ? web_arg(w, "done") : "";
	if (!strcmp(done, "mailed"))
		html(w->out, "<p class=\"done\" role=\"status\">%s</p>", _("The link has been sent by e-mail."));
	else if (!strcmp(done, "outcome"))
		html(w->out, "<p class=\"done\" role=\"status\">%s</p>", _("The outcome has been saved."));
	else if (!strcmp(done, "closed"))
		html(w->out, "<p class=\"done\" role=\"status\">%s</p>", _("The member check has been closed."));
	if (link)
		html(w->out, "<div class=\"note\" role=\"status\"><p>%s</p><p><code>%s</code></p></div>",
		     arena_printf(w->a, _("The personal link of %s: copy it now and hand it over. It is not shown again; "
					  "a new link stops this one."), link_name),
		     link);
	html(w->out, "<p><a href=\"/research/%lld/member-checks\">%s</a></p>", v.m.project_id, _("All member checks"));
	html(w->out, "<p>%s</p>", date_label(w->a, v.m.held_on));
	if (v.m.closed_at)
		html(w->out, "<p class=\"warn\">%s</p>",
		     arena_printf(w->a, _("Closed on %s: answers can no longer change."), day_of(w, v.m.closed_at)));
	html(w->out, "<h2>%s</h2><div class=\"markdown\">", _("Findings"));
	html_markdown(w->out, v.m.findings);
	html(w->out, "</div>");
	answers_table(w, &v);
	const struct errors *ce = e && (errors_get(e, "name") || errors_get(e, "email") || errors_get(e, "employee_id") ||
					errors_get(e, "affiliation")) ? e : NULL;
	if (!v.m.closed_at) {
		html(w->out, "<h2 id=\"contact\">%s</h2><form method=\"post\" action=\"/research/%lld/member-checks/%lld/contacts\">",
		     _("Add a contact person"), v.m.project_id, v.m.id);
		form_csrf(w);
		form_errors(w, ce);
		form_input(w, "employee_id", _("Employee number (someone in the people list)"), "text",
			   ce ? web_field(w, "employee_id") : "", ce, "off");
		html(w->out, "<p class=\"muted\">%s</p>", _("Or someone outside the organisation:"));
		form_input(w, "name", _("Name"), "text", ce ? web_field(w, "name") : "", ce, "off");
		form_input(w, "affiliation", _("Organisation"), "text", ce ? web_field(w, "affiliation") : "", ce, "off");
		form_input(w, "email", _("E-mail address"), "email", ce ? web_field(w, "email") : "", ce, "off");
		html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Add and make a personal link"));
	}
	const struct errors *oe = e && !ce ? e : NULL;
	html(w->out, "<h2 id=\"outcome\">%s</h2><p>%s</p>", _("After talking it through"),
	     _("leergang's addition: the member check's own questions are the two the contacts answer. Here you record "
	       "what you discussed together with them afterwards."));
	html(w->out, "<form method=\"post\" action=\"/research/%lld/member-checks/%lld/outcome\">", v.m.project_id, v.m.id);
	form_csrf(w);
	form_errors(w, oe);
	form_textarea(w, "implications", _("Implications for practice, discussed together"),
		      oe ? web_field(w, "implications") : v.m.implications, oe, NULL);
	html(w->out, "<fieldset><legend>%s</legend>", _("Is more research needed?"));
	const char *more = oe ? web_field(w, "more_research") : v.m.more_research;
	for (size_t i = 0; MEMBER_CHECK_MORE[i]; i++)
		html(w->out, "<span class=\"point\"><input type=\"radio\" id=\"more-%s\" name=\"more_research\" value=\"%s\"%s> "
			     "<label for=\"more-%s\" class=\"inline\">%s</label></span> ",
		     MEMBER_CHECK_MORE[i], MEMBER_CHECK_MORE[i], !strcmp(more, MEMBER_CHECK_MORE[i]) ? " checked" : "",
		     MEMBER_CHECK_MORE[i], member_check_more_label(MEMBER_CHECK_MORE[i]));
	html(w->out, "</fieldset>");
	form_textarea(w, "more_research_note", _("Note"), oe ? web_field(w, "more_research_note") : v.m.more_research_note,
		      oe, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Save"));
	if (!v.m.closed_at) {
		html(w->out, "<form method=\"post\" action=\"/research/%lld/member-checks/%lld/close\">", v.m.project_id,
		     v.m.id);
		form_csrf(w);
		html(w->out, "<p><button type=\"submit\" name=\"close\" value=\"1\" class=\"secondary\">%s</button></p></form>",
		     _("Close: answers can no longer change"));
	}
	page_end(w);
	w->r->status = status;
}

void page_member_check(struct web *w)
{
	check_page(w, NULL, NULL, NULL, 200);
}

void page_member_check_contact_add(struct web *w)
{
	struct errors e = { 0 };
	struct member_check_via via;
	via_of(w, &via);
	const char *link;
	int d = member_check_contact_add(&w->ctx, w->id[0], w->id[1], web_field(w, "employee_id"), web_field(w, "name"),
					 web_field(w, "affiliation"), web_field(w, "email"), &via, &e, &link);
	if (d == D_INVALID)
		check_page(w, &e, NULL, NULL, 422);
	else if (d)
		research_fail(w, d);
	else if (link)   /* shown once, never in an address */
		check_page(w, NULL, link, *web_field(w, "employee_id") ? web_field(w, "employee_id") : web_field(w, "name"),
			   200);
	else
		web_redirect(w, arena_printf(w->a, "/research/%lld/member-checks/%lld?done=mailed", w->id[0], w->id[1]));
}

void page_member_check_renew(struct web *w)
{
	struct member_check_via via;
	via_of(w, &via);
	const char *link;
	long long contact = web_field_id(w, "contact");
	int d = contact > 0 ? member_check_contact_renew(&w->ctx, w->id[0], w->id[1], contact, &via, &link) : D_INVALID;
	if (d == D_INVALID) {
		struct errors e = { 0 };
		errors_add(&w->ctx, &e, "", "%s", _("Choose a contact person."));
		check_page(w, &e, NULL, NULL, 422);
	} else if (d) {
		research_fail(w, d);
	} else if (link) {
		check_page(w, NULL, link, _("the contact person"), 200);
	} else {
		web_redirect(w, arena_printf(w->a, "/research/%lld/member-checks/%lld?done=mailed", w->id[0], w->id[1]));
	}
}

void page_member_check_outcome(struct web *w)
{
	struct errors e = { 0 };
	int d = member_check_outcome(&w->ctx, w->id[0], w->id[1], web_field(w, "implications"),
				     web_field(w, "more_research"), web_field(w, "more_research_note"), &e);
	if (d == D_INVALID)
		check_page(w, &e, NULL, NULL, 422);
	else if (d)
		research_fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/research/%lld/member-checks/%lld?done=outcome#outcome", w->id[0],
					     w->id[1]));
}

void page_member_check_close(struct web *w)
{
	int d = member_check_close(&w->ctx, w->id[0], w->id[1]);
	if (d && d != D_CONFLICT)
		research_fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/research/%lld/member-checks/%lld?done=closed", w->id[0], w->id[1]));
}

void page_member_check_csv(struct web *w)
{
	struct buf csv = BUF_INIT;
	int d = member_check_csv(&w->ctx, w->id[0], w->id[1], &csv);
	if (d) {
		buf_release(&csv);
		research_fail(w, d);
		return;
	}
	buf_reset(w->out);
	buf_add(w->out, csv.ptr, csv.len);
	buf_release(&csv);
	w->r->response_type = "text/csv; charset=utf-8";
	response_header(w->r, "Content-Disposition",
			arena_printf(w->a, "attachment; filename=\"member-check-%lld.csv\"", w->id[1]));
}
