/* referrals.c — how a person came to take part: the section "Hoe kwam deze
 * persoon erbij?" of a person's page for the coach and the administrator
 * (the referrals, where the person encouraged others, the form to record
 * one, removal after a question), and the participant's own page
 * /me/referral ("Hoe bent u erbij gekomen?"), which never shows where
 * someone else named them. The rules are in domain/referral.c. */
#include "web.h"
#include "domain/referral.h"
#include "domain/model/people.h"
#include "domain/schedule.h"
#include "html/html.h"

#include <string.h>

static void fail(struct web *w, int d)
{
	if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_FORBIDDEN)
		web_error(w, 403, _("You may not record how this person came to take part."));
	else
		web_error(w, 500, _("The referral could not be read or saved. Try again later."));
}

/* The referrals as a table, each with its remove button (back: where the
 * question's "No, go back" leads). */
static void referral_table(struct web *w, const struct referral *r, size_t n, bool removable)
{
	if (!n) {
		html(w->out, "<p>%s</p>", _("Nothing recorded yet."));
		return;
	}
	html(w->out, "<table tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		     "<th scope=\"col\">%s</th>",
	     _("Date"), _("How"), _("Who or what"));
	if (removable)
		html(w->out, "<th scope=\"col\">%s</th>", _("Remove"));
	html(w->out, "</tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		html(w->out, "<tr><td>%s</td><td>%s</td><td>", date_label(w->a, r[i].noted_on), referral_kind_label(r[i].kind));
		if (r[i].presentation_id && referral_may_manage(&w->ctx))
			html(w->out, "<a href=\"/presentations/%lld\">%s</a>", r[i].presentation_id, referral_source(w->a, &r[i]));
		else if (r[i].by_person_id && referral_may_manage(&w->ctx))
			html(w->out, "<a href=\"/people/%lld\">%s</a>", r[i].by_person_id, referral_source(w->a, &r[i]));
		else
			html(w->out, "%s", referral_source(w->a, &r[i]));
		html(w->out, "</td>");
		if (removable) {
			html(w->out, "<td><form method=\"post\" action=\"/referrals/%lld/remove\" class=\"inline\">", r[i].id);
			form_csrf(w);
			html(w->out, "<button type=\"submit\" class=\"secondary\" aria-label=\"%s\">%s</button></form></td>",
			     arena_printf(w->a, _("Remove: %s"), referral_source(w->a, &r[i])), _("Remove"));
		}
		html(w->out, "</tr>");
	}
	html(w->out, "</tbody></table>");
}

/* A <select> of fixed choices with its label and error. */
static void choice(struct web *w, const char *name, const char *label, const char *const *values,
		   const char *(*text)(const char *), const char *chosen, const struct errors *e)
{
	const char *err = e ? errors_get(e, name) : NULL;
	html(w->out, "<p class=\"field%s\"><label for=\"f-%s\">%s</label>", err ? " invalid" : "", name, label);
	if (err)
		html(w->out, "<span class=\"field-error\" id=\"e-%s\">%s</span>", name, err);
	html(w->out, "<select id=\"f-%s\" name=\"%s\"%s>", name, name,
	     err ? arena_printf(w->a, " aria-invalid=\"true\" aria-describedby=\"e-%s\"", name) : "");
	for (size_t i = 0; values[i]; i++)
		html(w->out, !strcmp(chosen, values[i]) ? "<option value=\"%s\" selected>%s</option>" : "<option value=\"%s\">%s</option>",
		     values[i], text(values[i]));
	html(w->out, "</select></p>");
}

static const char *role_text(const char *role)
{
	return *role ? referral_role_label(role) : _("(not said)");
}

static const char *const KINDS[] = { "person", "presentation", "own", NULL };

/* The person themselves is not offered as who encouraged them. */
static bool is_self(const void *arg, long long id)
{
	return *(const long long *)arg == id;
}

/* An id of the form, 0 when the form has no such field (the participant's
 * form has no people list), -1 for a value that is no id. */
static long long opt_id(struct web *w, const char *name)
{
	return *web_field(w, name) ? web_field_id(w, name) : 0;
}

/* The form. pp: the people found (NULL: a name only, the participant's
 * form); person: the one it is about (not offered as who encouraged). */
static void referral_form(struct web *w, const char *action, const struct person_pick *pp, long long person,
			  const struct errors *e)
{
	struct presentation *p = NULL;
	size_t np = 0;
	if (referral_presentations(&w->ctx, &p, &np))
		np = 0;
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"%s\">", action);
	form_csrf(w);
	choice(w, "kind", _("How"), KINDS, referral_kind_label, e ? web_field(w, "kind") : "person", e);
	html(w->out, "<fieldset><legend>%s</legend>", _("Encouraged by someone: who, and in which role"));
	if (pp) {
		long long chosen = e ? web_field_id(w, "by_person") : 0;
		const char **names = person_pick_names(w, &chosen, 1);
		struct person_pick_field f = { "by_person", _("Someone on the people list"), NULL, _("(nobody)"), &chosen,
					       names, chosen > 0 ? 1 : 0, is_self, &person };
		person_pick_select(w, pp, &f, e);
	}
	form_input(w, "by_name", pp ? _("Or the name of someone outside the list (an alderman, an adviser)")
				    : _("Name or description (your manager, a colleague, the alderman)"),
		   "text", e ? web_field(w, "by_name") : "", e, NULL);
	choice(w, "by_role", _("Role"), REFERRAL_ROLES, role_text, e ? web_field(w, "by_role") : "", e);
	html(w->out, "</fieldset>");
	const char *err = e ? errors_get(e, "presentation") : NULL;
	long long chosen = e ? web_field_id(w, "presentation") : 0;
	html(w->out, "<p class=\"field%s\"><label for=\"f-presentation\">%s</label>", err ? " invalid" : "",
	     _("Through a presentation: which one"));
	if (err)
		html(w->out, "<span class=\"field-error\" id=\"e-presentation\">%s</span>", err);
	html(w->out, "<select id=\"f-presentation\" name=\"presentation\"%s><option value=\"0\">%s</option>",
	     err ? " aria-invalid=\"true\" aria-describedby=\"e-presentation\"" : "", _("(none)"));
	for (size_t i = 0; i < np; i++)
		html(w->out, chosen == p[i].id ? "<option value=\"%lld\" selected>%s (%s)</option>" : "<option value=\"%lld\">%s (%s)</option>",
		     p[i].id, p[i].title, date_label(w->a, p[i].held_on));
	html(w->out, "</select></p>");
	form_input(w, "noted_on", _("Date (YYYY-MM-DD; empty: today)"), "text", e ? web_field(w, "noted_on") : "", e, NULL);
	html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Record"));
}

/* ---- on the person's page ---- */

void person_referrals_section(struct web *w, long long person, const struct errors *e)
{
	if (!referral_may_manage(&w->ctx))
		return;
	struct referral *r, *given;
	size_t n, ng;
	if (referral_list(&w->ctx, person, &r, &n) || referral_list_given(&w->ctx, person, &given, &ng)) {
		html(w->out, "<p class=\"notice\">%s</p>", _("The referrals could not be read. Try again later."));
		return;
	}
	html(w->out, "<h2 id=\"referral\">%s</h2><p>%s</p>", _("How did this person come to take part?"),
	     _("Record who or what encouraged this person to take part. More than one may apply: often a manager and a "
	       "colleague both play a part."));
	referral_table(w, r, n, true);
	if (ng) {
		html(w->out, "<h3>%s</h3><ul>", _("This person encouraged"));
		for (size_t i = 0; i < ng; i++)
			html(w->out, "<li><a href=\"/people/%lld\">%s</a> <span class=\"muted\">(%s)</span></li>", given[i].person_id,
			     given[i].person_name, date_label(w->a, given[i].noted_on));
		html(w->out, "</ul>");
	}
	html(w->out, "<h3 id=\"referral-new\">%s</h3><p>%s</p>", _("Record how this person came to take part"),
	     _("Choose how, then fill in only what belongs with it: a person from the list or a name, a presentation, or "
	       "nothing for own initiative."));
	struct person_pick pp;
	if (!person_pick_find(w, &pp))
		return;
	person_pick_search_form(w, arena_printf(w->a, "/people/%lld#referral-new", person), &pp, NULL);
	referral_form(w, arena_printf(w->a, "/people/%lld/referrals", person), &pp, person, e);
}

void page_person_referral_add(struct web *w)
{
	struct errors e = { 0 };
	long long id;
	long long by = opt_id(w, "by_person"), pres = opt_id(w, "presentation");
	int d = referral_add(&w->ctx, w->id[0], web_field(w, "kind"), by, web_field(w, "by_name"), web_field(w, "by_role"),
			     pres, web_field(w, "noted_on"), &e, &id);
	if (d == D_INVALID)
		page_person_again(w, &e, 422);
	else if (d)
		fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/people/%lld?done=referral-saved#referral", w->id[0]));
}

/* One referral away, after the question: the coach and the administrator,
 * or the participant their own. */
void page_referral_remove(struct web *w)
{
	struct referral r;
	int d = referral_get(&w->ctx, w->id[0], &r);
	if (d) {
		fail(w, d);
		return;
	}
	bool manage = referral_may_manage(&w->ctx);
	const char *back = manage ? arena_printf(w->a, "/people/%lld#referral", r.person_id) : "/me/referral";
	if (!web_confirm_delete(w, arena_printf(w->a, "“%s: %s”", referral_kind_label(r.kind), referral_source(w->a, &r)),
				back))
		return;
	d = referral_remove(&w->ctx, r.id);
	if (d)
		fail(w, d);
	else
		web_redirect(w, manage ? arena_printf(w->a, "/people/%lld?done=referral-removed#referral", r.person_id)
				       : "/me/referral?done=referral-removed");
}

/* ---- the participant's own ---- */

static void my_page(struct web *w, const struct errors *e, int status)
{
	struct referral *r;
	size_t n;
	int d = referral_list(&w->ctx, w->who.person_id, &r, &n);
	if (d) {
		fail(w, d);
		return;
	}
	page_begin(w, _("How did you come to take part?"));
	page_done_message(w);
	html(w->out, "<p>%s</p>",
	     _("Tell us what made you take part: someone who encouraged you (your manager, a colleague), a presentation you "
	       "attended, or your own initiative. More than one may apply. The coordinator of the programme reads this; it "
	       "helps to see how the programme spreads through the organisation."));
	referral_table(w, r, n, true);
	html(w->out, "<h2 id=\"new\">%s</h2>", _("Add how you came to take part"));
	referral_form(w, "/me/referral", NULL, w->who.person_id, e);
	page_end(w);
	w->r->status = status;
}

void page_my_referral(struct web *w)
{
	my_page(w, NULL, 200);
}

void page_my_referral_add(struct web *w)
{
	struct errors e = { 0 };
	long long id;
	int d = referral_add(&w->ctx, w->who.person_id, web_field(w, "kind"), opt_id(w, "by_person"),
			     web_field(w, "by_name"), web_field(w, "by_role"), opt_id(w, "presentation"),
			     web_field(w, "noted_on"), &e, &id);
	if (d == D_INVALID)
		my_page(w, &e, 422);
	else if (d)
		fail(w, d);
	else
		web_redirect(w, "/me/referral?done=referral-saved");
}
