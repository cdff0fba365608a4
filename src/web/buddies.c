/* buddies.c — lone participants with buddy suggestions (/spread/lone),
 * recording a buddy pair and ending one (after a confirm page), and the
 * same in the API. Who stands alone and who is suggested is decided in
 * domain/buddy.c; the coach records and ends pairs, the researcher reads. */
#include "web.h"
#include "domain/buddy.h"
#include "domain/schedule.h"
#include "html/html.h"

#include <string.h>

static void fail(struct web *w, int d)
{
	if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_FORBIDDEN)
		web_error(w, 403, _("You may not record or end buddy pairs."));
	else
		web_error(w, 500, _("The buddy pairs could not be read or saved. Try again later."));
}

static void pair_form(struct web *w, long long person, long long buddy, const char *label)
{
	html(w->out, "<form method=\"post\" action=\"/buddies\" class=\"inline\"><input type=\"hidden\" name=\"person\" "
		     "value=\"%lld\"><input type=\"hidden\" name=\"buddy\" value=\"%lld\">", person, buddy);
	form_csrf(w);
	html(w->out, "<button type=\"submit\" class=\"secondary\" aria-label=\"%s\">%s</button></form>", label,
	     _("Pair as buddies"));
}

static void end_form(struct web *w, const struct buddy_pair *p)
{
	html(w->out, " <form method=\"post\" action=\"/buddies/%lld/end\" class=\"inline\">", p->id);
	form_csrf(w);
	html(w->out, "<button type=\"submit\" class=\"secondary\" aria-label=\"%s\">%s</button></form>",
	     arena_printf(w->a, _("End the pair of %s and %s"), p->person_name, p->buddy_name), _("End"));
}

static void lone_page(struct web *w, const struct errors *e, int status)
{
	struct lone_view v;
	int d = lone_participants(&w->ctx, &v);
	if (d) {
		fail(w, d);
		return;
	}
	page_begin(w, _("Lone participants and buddies"));
	page_done_message(w);
	form_errors(w, e);
	html(w->out, "<p><a href=\"/spread\">%s</a></p>", _("Spread of participants"));
	html(w->out, "<p>%s</p><p class=\"muted\">%s</p>",
	     _("Someone stands alone when they are the only participant, past or present, in their team, or when nobody "
	       "they encouraged and nobody who encouraged them is known. The study advises them a buddy in their direct "
	       "work environment."),
	     _("Leergang's own rule for suggestions (the study gives none): other people who took part, in the same team "
	       "first, then in the same department; never someone who is already their buddy."));
	html(w->out, "<h2 id=\"lone\">%s</h2>", _("Who stands alone"));
	if (!v.n)
		html(w->out, "<p>%s</p>", _("Nobody stands alone."));
	else
		html(w->out, "<table tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		     _("Participant"), _("Department and team"), _("Why alone"), _("Buddy"), _("Suggested buddies"));
	for (size_t i = 0; i < v.n; i++) {
		const struct lone_participant *l = &v.lone[i];
		html(w->out, "<tr class=\"lone\" data-person=\"%lld\"><th scope=\"row\">%s</th><td>%s%s%s</td><td>", l->person_id,
		     l->name, *l->department ? l->department : _("no department"), *l->team ? " / " : "", l->team);
		if (l->only_in_team)
			html(w->out, "%s", _("the only participant in their team"));
		if (l->only_in_team && l->unlinked)
			html(w->out, "; ");
		if (l->unlinked)
			html(w->out, "%s", _("nobody they encouraged or who encouraged them"));
		html(w->out, "</td><td>");
		if (!l->nopen)
			html(w->out, "%s", _("no buddy yet"));
		for (size_t k = 0; k < l->nopen; k++) {
			const struct buddy_pair *p = &l->open[k];
			html(w->out, "<p class=\"buddy\">%s %s", _("Has a buddy:"),
			     p->person_id == l->person_id ? p->buddy_name : p->person_name);
			html(w->out, " <span class=\"muted\">(%s %s)</span>", _("since"), date_label(w->a, p->started_on));
			if (v.may_pair)
				end_form(w, p);
			html(w->out, "</p>");
		}
		html(w->out, "</td><td>");
		if (!l->nsuggestions)
			html(w->out, "%s", _("nobody nearby"));
		else
			html(w->out, "<ul class=\"suggestions\">");
		for (size_t k = 0; k < l->nsuggestions; k++) {
			const struct buddy_suggestion *s = &l->suggestions[k];
			html(w->out, "<li data-reason=\"%s\">%s <span class=\"reason\">(%s)</span> ", s->reason, s->name,
			     buddy_reason_label(s->reason));
			if (v.may_pair)
				pair_form(w, l->person_id, s->person_id,
					  arena_printf(w->a, _("Pair %s with %s as buddies"), l->name, s->name));
			html(w->out, "</li>");
		}
		if (l->nsuggestions)
			html(w->out, "</ul>");
		html(w->out, "</td></tr>");
	}
	if (v.n)
		html(w->out, "</tbody></table>");
	html(w->out, "<h2 id=\"pairs\">%s</h2>", _("Buddy pairs"));
	if (!v.npairs)
		html(w->out, "<p>%s</p>", _("No buddy pairs yet."));
	else
		html(w->out, "<table tabindex=\"0\" id=\"pair-history\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		     _("Participant"), _("Buddy"), _("Reason"), _("Started"), _("Ended"));
	for (size_t i = 0; i < v.npairs; i++) {
		const struct buddy_pair *p = &v.pairs[i];
		html(w->out, "<tr data-pair=\"%lld\"><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>", p->id, p->person_name,
		     p->buddy_name, buddy_reason_label(p->reason), date_label(w->a, p->started_on));
		if (*p->ended_on)
			html(w->out, "%s", date_label(w->a, p->ended_on));
		else {
			html(w->out, "%s", _("open"));
			if (v.may_pair)
				end_form(w, p);
		}
		html(w->out, "</td></tr>");
	}
	if (v.npairs)
		html(w->out, "</tbody></table>");
	page_end(w);
	w->r->status = status;
}

void page_spread_lone(struct web *w)
{
	lone_page(w, NULL, 200);
}

void page_buddy_add(struct web *w)
{
	struct errors e = { 0 };
	long long id;
	int d = buddy_pair_add(&w->ctx, web_field_id(w, "person"), web_field_id(w, "buddy"), &e, &id);
	if (d == D_INVALID)
		lone_page(w, &e, 422);
	else if (d)
		fail(w, d);
	else
		web_redirect(w, "/spread/lone?done=buddy-paired#pairs");
}

void page_buddy_end(struct web *w)
{
	struct buddy_pair p;
	int d = buddy_pair_get(&w->ctx, w->id[0], &p);
	if (d) {
		fail(w, d);
		return;
	}
	if (!web_confirm(w, arena_printf(w->a, _("Are you sure you want to end the buddy pair of %s and %s? It stays in the history."),
					 p.person_name, p.buddy_name),
			 _("Yes, end the pair"), "/spread/lone"))
		return;
	struct errors e = { 0 };
	d = buddy_pair_end(&w->ctx, w->id[0], &e);
	if (d == D_INVALID)
		lone_page(w, &e, 422);
	else if (d)
		fail(w, d);
	else
		web_redirect(w, "/spread/lone?done=buddy-ended#pairs");
}

/* ---- API ---- */

void api_lone_participants(struct web *w)
{
	struct lone_view v;
	int d = lone_participants(&w->ctx, &v);
	if (d)
		api_answer(w, d, NULL, 0);
	else
		web_json(w, 200, lone_view_json(&v));
}

void api_buddy_add(struct web *w)
{
	struct api_in in;
	if (!api_in_open(&in, w))
		return;
	long long person = api_in_int(&in, "person_id", 0), buddy = api_in_int(&in, "buddy_id", 0);
	if (!api_in_ok(&in))
		return;
	long long id = 0;
	int d = buddy_pair_add(&w->ctx, person, buddy, &in.e, &id);
	api_in_answer(&in, d, id);
}

void api_buddy_end(struct web *w)
{
	struct errors e = { 0 };
	api_answer(w, buddy_pair_end(&w->ctx, w->id[0], &e), &e, 0);
}
