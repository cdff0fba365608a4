/* peer_groups.c — intervision groups, teams and learning circles: the list
 * by period with counts, a new group, a group's page (its people, its
 * sessions for its people or their counts for the coach and the owner,
 * starting a session, setting its people) and the presentations that close
 * a circle. What may be seen and done is decided in domain/peer_group.c. */
#include "web.h"
#include "domain/peer_group.h"
#include "domain/case_session.h"
#include "domain/model/people.h"
#include "domain/schedule.h"
#include "html/html.h"

#include <string.h>

static void fail(struct web *w, int d)
{
	if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_FORBIDDEN)
		web_error(w, 403, _("You may not do this in this group."));
	else
		web_error(w, 500, _("The group could not be read or saved. Try again later."));
}

static void presentations_table(struct web *w, const struct presentation *p, size_t n)
{
	if (!n) {
		html(w->out, "<p>%s</p>", _("No presentations yet."));
		return;
	}
	html(w->out, "<table tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		     "</tr></thead><tbody>",
	     _("Date"), _("Title"), _("Kind"), _("Audience"), _("Group"), _("Presenters"));
	for (size_t i = 0; i < n; i++) {
		html(w->out, "<tr><td>%s</td>", date_label(w->a, p[i].held_on));
		/* its page (attendees, who came in through it) for those who record them */
		if (peer_group_may_manage(&w->ctx))
			html(w->out, "<td><a href=\"/presentations/%lld\">%s</a></td>", p[i].id, p[i].title);
		else
			html(w->out, "<td>%s</td>", p[i].title);
		html(w->out, "<td>%s</td><td>%s</td><td>%s</td><td>", presentation_kind_label(p[i].kind),
		     presentation_audience_label(p[i].audience), *p[i].group_name ? p[i].group_name : "—");
		for (size_t k = 0; k < p[i].npresenters; k++)
			html(w->out, "%s%s", k ? ", " : "", p[i].presenter_names[k]);
		html(w->out, "</td></tr>");
	}
	html(w->out, "</tbody></table>");
}

/* ---- the list ---- */

void page_peer_groups(struct web *w)
{
	struct peer_group *g;
	size_t n;
	if (peer_group_list(&w->ctx, &g, &n)) {
		fail(w, D_ERROR);
		return;
	}
	page_begin(w, _("Intervision groups, teams and learning circles"));
	page_done_message(w);
	html(w->out, "<p>%s</p>",
	     _("Groups that discuss cases outside a programme's learning groups. In an intervision group or a team "
	       "without a facilitator every member can start a session and leads it; a learning circle runs in a period "
	       "and its facilitators lead. Choose a group to see its sessions or to start one."));
	if (peer_group_may_manage(&w->ctx))
		html(w->out, "<p><a href=\"/peer-groups/new\">%s</a> · <a href=\"/presentations\">%s</a></p>",
		     _("New group"), _("Presentations"));
	if (!n)
		html(w->out, "<p>%s</p>", _("No groups yet."));
	const char *period = NULL;
	for (size_t i = 0; i < n; i++) {
		if (!period || strcmp(period, g[i].period)) {
			if (period)
				html(w->out, "</tbody></table>");
			period = g[i].period;
			html(w->out, "<h2>%s</h2><table tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
				     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
			     *period ? period : _("Without a period"), _("Group"), _("Kind"), _("Members"), _("Facilitators"));
		}
		html(w->out, "<tr><td><a href=\"/peer-groups/%lld\">%s</a>%s</td><td>%s</td><td>%lld</td><td>%lld</td></tr>",
		     g[i].id, g[i].name, g[i].active ? "" : arena_printf(w->a, " (%s)", _("no longer active")),
		     peer_kind_label(g[i].kind), g[i].members, g[i].facilitators);
	}
	if (period)
		html(w->out, "</tbody></table>");
	page_end(w);
}

static void new_page(struct web *w, const struct errors *e, int status)
{
	page_begin(w, _("New group"));
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/peer-groups\">");
	form_csrf(w);
	const char *kind = e ? web_field(w, "kind") : "intervision";
	static const char *const kinds[] = { "intervision", "team", "circle" };
	html(w->out, "<p class=\"field\"><label for=\"f-kind\">%s</label><select id=\"f-kind\" name=\"kind\">", _("Kind"));
	for (size_t i = 0; i < 3; i++)
		html(w->out, !strcmp(kind, kinds[i]) ? "<option value=\"%s\" selected>%s</option>" : "<option value=\"%s\">%s</option>",
		     kinds[i], peer_kind_label(kinds[i]));
	html(w->out, "</select></p>");
	form_input(w, "name", _("Name"), "text", e ? web_field(w, "name") : "", e, NULL);
	form_input(w, "period", _("Period"), "text", e ? web_field(w, "period") : "", e, NULL);
	html(w->out, "<p class=\"muted\">%s</p><p><button type=\"submit\">%s</button></p></form>",
	     _("A learning circle has a round as its name (LC1) and a period (vj 2015)."), _("Make the group"));
	page_end(w);
	w->r->status = status;
}

void page_peer_group_new(struct web *w)
{
	new_page(w, NULL, 200);
}

void page_peer_group_create(struct web *w)
{
	struct errors e = { 0 };
	long long id;
	int d = peer_group_create(&w->ctx, web_field(w, "kind"), web_field(w, "name"), web_field(w, "period"), &e, &id);
	if (d == D_INVALID)
		new_page(w, &e, 422);
	else if (d)
		fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/peer-groups/%lld", id));
}

/* ---- one group ---- */

static void group_page(struct web *w, const struct errors *e, int status)
{
	struct peer_view v;
	int d = peer_group_open(&w->ctx, w->id[0], &v);
	if (d) {
		fail(w, d);
		return;
	}
	page_begin(w, *v.g.period ? arena_printf(w->a, "%s (%s)", v.g.name, v.g.period) : v.g.name);
	page_done_message(w);
	html(w->out, "<p><a href=\"/peer-groups\">%s</a> · %s</p>", _("All groups"), peer_kind_label(v.g.kind));
	if (!v.g.active)
		html(w->out, "<p class=\"notice\">%s</p>",
		     _("This group is no longer active: its sessions can still be read by its people, and no new session "
		       "starts in it."));
	html(w->out, "<p>%s</p>", _("A case and everything said about it is for the members of the session only."));
	html(w->out, "<dl class=\"counts\"><dt>%s</dt><dd>%lld</dd><dt>%s</dt><dd>%lld</dd><dt>%s</dt><dd>%lld</dd>"
		     "<dt>%s</dt><dd>%lld</dd></dl>",
	     _("Members"), v.g.members, _("Sessions held"), v.counts.sessions, _("Cases"), v.counts.cases,
	     _("Answers given"), v.counts.answers);
	if (v.belongs || v.may_manage) {
		html(w->out, "<h2>%s</h2><ul>", _("People"));
		for (size_t i = 0; i < v.nmembers; i++) {
			html(w->out, "<li>%s <span class=\"muted\">(%s)</span>", v.members[i].name,
			     !strcmp(v.members[i].role, "facilitator") ? _("facilitator") : _("member"));
			if (v.may_manage && strcmp(v.members[i].role, "facilitator"))  /* how they came in: referrals.c */
				html(w->out, " <a href=\"/people/%lld#referral\" aria-label=\"%s\">%s</a>", v.members[i].person_id,
				     arena_printf(w->a, _("How did %s come to take part?"), v.members[i].name),
				     _("How they came to take part"));
			if (v.may_manage) {
				html(w->out, " <form method=\"post\" action=\"/peer-groups/%lld/members/remove\" class=\"inline\">"
					     "<input type=\"hidden\" name=\"person\" value=\"%lld\">", v.g.id, v.members[i].person_id);
				form_csrf(w);
				html(w->out, "<button type=\"submit\" class=\"secondary\" aria-label=\"%s\">%s</button></form>",
				     arena_printf(w->a, _("Remove %s from the group"), v.members[i].name), _("Remove"));
			}
			html(w->out, "</li>");
		}
		html(w->out, "</ul>");
	}
	if (v.sessions) {
		html(w->out, "<h2>%s</h2>", _("Sessions"));
		if (!v.nsessions)
			html(w->out, "<p>%s</p>", _("No sessions yet."));
		html(w->out, "<ul>");
		for (size_t i = 0; i < v.nsessions; i++)
			html(w->out, "<li><a href=\"/sessions/%lld\">%s — %s</a> <span class=\"muted\">(%s)</span></li>",
			     v.sessions[i].id, date_label(w->a, v.sessions[i].held_on),
			     *v.sessions[i].case_title ? v.sessions[i].case_title : _("no case yet"), v.sessions[i].method_name);
		html(w->out, "</ul>");
	}
	if (v.may_start) {
		html(w->out, "<h2 id=\"new\">%s</h2>", _("Start a session"));
		form_errors(w, e && errors_get(e, "person") == NULL && errors_get(e, "role") == NULL &&
				       errors_get(e, "active") == NULL ? e : NULL);
		html(w->out, "<form method=\"post\" action=\"/peer-groups/%lld/sessions\">", v.g.id);
		form_csrf(w);
		html(w->out, "<p class=\"field\"><label for=\"f-method\">%s</label><select id=\"f-method\" name=\"method\">",
		     _("Method"));
		for (size_t i = 0; i < v.nmethods; i++)
			html(w->out, !strcmp(v.methods[i].key, !strcmp(v.g.kind, "circle") ? "leercirkel" : "incidentmethode")
				     ? "<option value=\"%s\" selected>%s</option>" : "<option value=\"%s\">%s</option>",
			     v.methods[i].key, v.methods[i].name);
		html(w->out, "</select></p><p class=\"field\"><label for=\"f-case_person\">%s</label>"
			     "<select id=\"f-case_person\" name=\"case_person\"><option value=\"0\">%s</option>",
		     _("Case owner"), _("(nobody)"));
		for (size_t i = 0; i < v.nmembers; i++)
			if (!strcmp(v.members[i].role, "member"))
				html(w->out, "<option value=\"%lld\">%s</option>", v.members[i].person_id, v.members[i].name);
		html(w->out, "</select></p>");
		form_input(w, "case_title", _("Title of the case"), "text", e ? web_field(w, "case_title") : "", e, NULL);
		form_textarea(w, "case_question", _("Question"), e ? web_field(w, "case_question") : "", e,
			      _("The reflection question of the case owner."));
		form_textarea(w, "case_context", _("Context"), e ? web_field(w, "case_context") : "", e, NULL);
		html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Start the session"));
	}
	if (!strcmp(v.g.kind, "circle") || v.npresentations) {
		html(w->out, "<h2>%s</h2>", _("Presentations"));
		presentations_table(w, v.presentations, v.npresentations);
	}
	if (v.may_manage) {
		form_errors(w, e && errors_get(e, "active") ? e : NULL);
		html(w->out, "<form method=\"post\" action=\"/peer-groups/%lld/active\"><input type=\"hidden\" "
			     "name=\"active\" value=\"%d\">", v.g.id, v.g.active ? 0 : 1);
		form_csrf(w);
		html(w->out, "<p><button type=\"submit\" class=\"secondary\">%s</button></p></form>",
		     v.g.active ? _("Mark the group as no longer active") : _("Make the group active again"));
	}
	if (v.may_manage) {
		html(w->out, "<h2 id=\"people\">%s</h2>", _("Add a person or change their role"));
		form_errors(w, e && (errors_get(e, "person") || errors_get(e, "role") || errors_get(e, "since") ||
				     errors_get(e, "until")) ? e : NULL);
		struct person_pick pp;
		if (!person_pick_find(w, &pp)) {
			page_end(w);
			return;
		}
		person_pick_search_form(w, arena_printf(w->a, "/peer-groups/%lld#people", v.g.id), &pp, NULL);
		html(w->out, "<form method=\"post\" action=\"/peer-groups/%lld/members\">", v.g.id);
		form_csrf(w);
		struct person_pick_field f = { "person", _("Person"), NULL, _("(nobody)"), NULL, NULL, 0, NULL, NULL };
		person_pick_select(w, &pp, &f, e);
		const char *role = e ? web_field(w, "role") : "member";
		html(w->out, "<p class=\"field\"><label for=\"f-role\">%s</label><select id=\"f-role\" name=\"role\">"
			     "<option value=\"member\"%s>%s</option><option value=\"facilitator\"%s>%s</option></select></p>",
		     _("Role"), strcmp(role, "facilitator") ? " selected" : "", _("member"),
		     strcmp(role, "facilitator") ? "" : " selected", _("facilitator"));
		form_input(w, "since", _("From (YYYY-MM-DD)"), "text", e ? web_field(w, "since") : "", e, NULL);
		form_input(w, "until", _("Until (YYYY-MM-DD)"), "text", e ? web_field(w, "until") : "", e, NULL);
		html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Save"));
	}
	page_end(w);
	w->r->status = status;
}

void page_peer_group(struct web *w)
{
	group_page(w, NULL, 200);
}

void page_peer_group_member(struct web *w)
{
	struct errors e = { 0 };
	long long person = web_field_id(w, "person");
	int d = peer_group_member_set(&w->ctx, w->id[0], person < 0 ? -1 : person, web_field(w, "role"),
				      web_field(w, "since"), web_field(w, "until"), &e);
	if (d == D_INVALID)
		group_page(w, &e, 422);
	else if (d)
		fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/peer-groups/%lld?done=peer-member-saved#people", w->id[0]));
}

void page_peer_group_active(struct web *w)
{
	long long active = web_field_int(w, "active", 0, 1, -1);
	struct errors e = { 0 };
	int d = peer_group_set_active(&w->ctx, w->id[0], (int)active, &e);
	if (d == D_INVALID)
		group_page(w, &e, 422);
	else if (d)
		fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/peer-groups/%lld?done=%s", w->id[0],
					     active ? "peer-group-active" : "peer-group-inactive"));
}

/* A person out of the group, after the question; their sessions and what
 * they said in them stay with the sessions. */
void page_peer_group_member_remove(struct web *w)
{
	struct peer_view v;
	int d = peer_group_open(&w->ctx, w->id[0], &v);
	if (d) {
		fail(w, d);
		return;
	}
	long long person = web_field_id(w, "person");
	const char *name = NULL;
	for (size_t i = 0; i < v.nmembers; i++)
		if (v.members[i].person_id == person)
			name = v.members[i].name;
	if (!v.may_manage) {
		fail(w, D_FORBIDDEN);
		return;
	}
	if (!name) {
		struct errors e = { 0 };
		errors_add(&w->ctx, &e, "person", "%s", _("Choose a person of the group."));
		group_page(w, &e, 422);
		return;
	}
	if (!web_confirm_delete(w, arena_printf(w->a, _("%s from %s"), name, v.g.name),
				arena_printf(w->a, "/peer-groups/%lld", v.g.id)))
		return;
	struct errors e = { 0 };
	d = peer_group_member_remove(&w->ctx, v.g.id, person, &e);
	if (d == D_INVALID)
		group_page(w, &e, 422);
	else if (d)
		fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/peer-groups/%lld?done=peer-member-removed#people", v.g.id));
}

void page_peer_group_session_start(struct web *w)
{
	struct errors e = { 0 };
	long long id, owner = web_field_id(w, "case_person");
	int d = case_session_start_peer(&w->ctx, w->id[0], web_field(w, "method"), owner < 0 ? -1 : owner,
					web_field(w, "case_title"), web_field(w, "case_question"),
					web_field(w, "case_context"), &e, &id);
	if (d == D_INVALID)
		group_page(w, &e, 422);
	else if (d)
		fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/sessions/%lld", id));
}

/* ---- presentations ---- */

static void presentations_page(struct web *w, const struct errors *e, int status)
{
	struct presentation *p;
	size_t n;
	int d = presentation_list(&w->ctx, &p, &n);
	if (d) {
		fail(w, d);
		return;
	}
	page_begin(w, _("Presentations"));
	page_done_message(w);
	html(w->out, "<p><a href=\"/peer-groups\">%s</a></p>", _("All groups"));
	presentations_table(w, p, n);
	if (peer_group_may_manage(&w->ctx)) {
		struct peer_group *g;
		size_t ng;
		if (peer_group_list(&w->ctx, &g, &ng)) {
			page_end(w);
			return;
		}
		html(w->out, "<h2 id=\"new\">%s</h2>", _("Record a presentation"));
		form_errors(w, e);
		struct person_pick pp;
		if (!person_pick_find(w, &pp)) {
			page_end(w);
			return;
		}
		person_pick_search_form(w, "/presentations#new", &pp, NULL);
		html(w->out, "<form method=\"post\" action=\"/presentations\">");
		form_csrf(w);
		html(w->out, "<p class=\"field\"><label for=\"f-kind\">%s</label><select id=\"f-kind\" name=\"kind\">"
			     "<option value=\"pecha_kucha\">%s</option><option value=\"other\">%s</option></select></p>",
		     _("Kind"), presentation_kind_label("pecha_kucha"), presentation_kind_label("other"));
		html(w->out, "<p class=\"field\"><label for=\"f-audience\">%s</label><select id=\"f-audience\" name=\"audience\">"
			     "<option value=\"management\">%s</option><option value=\"executive\">%s</option>"
			     "<option value=\"team\">%s</option><option value=\"department\">%s</option></select></p>",
		     _("Audience"), presentation_audience_label("management"), presentation_audience_label("executive"),
		     presentation_audience_label("team"), presentation_audience_label("department"));
		form_input(w, "held_on", _("Date (YYYY-MM-DD)"), "text", e ? web_field(w, "held_on") : "", e, NULL);
		form_input(w, "title", _("Title"), "text", e ? web_field(w, "title") : "", e, NULL);
		html(w->out, "<p class=\"field\"><label for=\"f-group\">%s</label><select id=\"f-group\" name=\"group\">"
			     "<option value=\"0\">%s</option>", _("The group it closes"), _("(none)"));
		for (size_t i = 0; i < ng; i++)
			html(w->out, "<option value=\"%lld\">%s %s</option>", g[i].id, g[i].name, g[i].period);
		html(w->out, "</select></p>");
		struct person_pick_field f = { "presenters", _("Presenters"), NULL, NULL, NULL, NULL, 0, NULL, NULL };
		person_pick_select(w, &pp, &f, e);
		html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Record"));
	}
	page_end(w);
	w->r->status = status;
}

void page_presentations(struct web *w)
{
	presentations_page(w, NULL, 200);
}

void page_presentation_create(struct web *w)
{
	struct errors e = { 0 };
	long long *ids = NULL, id, group = web_field_id(w, "group");
	size_t n = 0;
	if (!web_field_ids(w, "presenters", &ids, &n)) {
		ids = NULL;
		n = 0;
		errors_add(&w->ctx, &e, "presenters", "%s", _("Choose at least one presenter of the organisation."));
	}
	int d = e.n ? D_INVALID
		    : presentation_add(&w->ctx, web_field(w, "kind"), web_field(w, "audience"), web_field(w, "held_on"),
				       web_field(w, "title"), group, ids, n, &e, &id);
	if (d == D_INVALID)
		presentations_page(w, &e, 422);
	else if (d)
		fail(w, d);
	else {
		long long back = group > 0 ? group : 0;
		web_redirect(w, back ? arena_printf(w->a, "/peer-groups/%lld?done=presentation-saved", back) : "/presentations?done=presentation-saved");
	}
}

/* The start page's list of the person's own peer groups (intervision
 * groups, teams, circles), each with a link and, where they may, the way
 * to start a session. Nothing for someone in none. */
void my_peer_groups_list(struct web *w)
{
	if (!w->who.person_id)
		return;
	struct peer_group *g;
	size_t n, shown = 0;
	if (peer_group_list(&w->ctx, &g, &n))
		return;
	for (size_t i = 0; i < n && shown < 10; i++) {
		struct peer_view v;
		if (peer_group_open(&w->ctx, g[i].id, &v) || !v.belongs)
			continue;
		if (!shown++)
			html(w->out, "<h2>%s</h2><ul>", _("My peer groups"));
		html(w->out, "<li><a href=\"/peer-groups/%lld\">%s</a> <span class=\"muted\">(%s)</span>", g[i].id, g[i].name,
		     peer_kind_label(g[i].kind));
		if (v.may_start)
			html(w->out, " · <a href=\"/peer-groups/%lld#new\">%s</a>", g[i].id, _("Start a session"));
		html(w->out, "</li>");
	}
	if (shown)
		html(w->out, "</ul>\n");
}
