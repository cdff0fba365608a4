/* presentation_page.c — one presentation (a pecha kucha before the
 * management team, a talk at a department meeting): its presenters, who
 * was there (added and removed through a person picker) and how many
 * people came to take part through it. For the coach and the
 * administrator; the rules are in domain/referral.c. */
#include "web.h"
#include "domain/peer_group.h"
#include "domain/referral.h"
#include "domain/model/people.h"
#include "domain/schedule.h"
#include "html/html.h"

static void fail(struct web *w, int d)
{
	if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_FORBIDDEN)
		web_error(w, 403, _("You may not change who attended this presentation."));
	else
		web_error(w, 500, _("The presentation could not be read or saved. Try again later."));
}

static bool listed(const void *arg, long long id)
{
	const struct presentation_view *v = arg;
	for (size_t i = 0; i < v->nattendees; i++)
		if (v->attendees[i].person_id == id)
			return true;
	return false;
}

static void presentation_page(struct web *w, const struct errors *e, int status)
{
	struct presentation_view v;
	int d = presentation_open(&w->ctx, w->id[0], &v);
	if (d) {
		fail(w, d);
		return;
	}
	page_begin(w, v.p.title);
	page_done_message(w);
	html(w->out, "<p><a href=\"/presentations\">%s</a></p>", _("All presentations"));
	html(w->out, "<dl><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd>", _("Date"),
	     date_label(w->a, v.p.held_on), _("Kind"), presentation_kind_label(v.p.kind), _("Audience"),
	     presentation_audience_label(v.p.audience));
	if (v.p.peer_group_id)
		html(w->out, "<dt>%s</dt><dd><a href=\"/peer-groups/%lld\">%s</a></dd>", _("The group it closes"),
		     v.p.peer_group_id, v.p.group_name);
	html(w->out, "<dt>%s</dt><dd>", _("Presenters"));
	for (size_t k = 0; k < v.p.npresenters; k++)
		html(w->out, "%s<a href=\"/people/%lld\">%s</a>", k ? ", " : "", v.p.presenters[k], v.p.presenter_names[k]);
	html(w->out, "</dd><dt>%s</dt><dd>%lld</dd></dl>", _("People who came to take part through it"), v.joined);
	html(w->out, "<h2 id=\"attendees\">%s</h2>", _("Who was there"));
	form_errors(w, e);
	if (!v.nattendees)
		html(w->out, "<p>%s</p>", _("Nobody recorded yet. Add the people who were there below, when you know them."));
	else
		html(w->out, "<ul>");
	for (size_t i = 0; i < v.nattendees; i++) {
		html(w->out, "<li><a href=\"/people/%lld\">%s</a> <form method=\"post\" action=\"/presentations/%lld/attendees/remove\""
			     " class=\"inline\"><input type=\"hidden\" name=\"person\" value=\"%lld\">",
		     v.attendees[i].person_id, v.attendees[i].name, v.p.id, v.attendees[i].person_id);
		form_csrf(w);
		html(w->out, "<button type=\"submit\" class=\"secondary\" aria-label=\"%s\">%s</button></form></li>",
		     arena_printf(w->a, _("Remove %s from who was there"), v.attendees[i].name), _("Remove"));
	}
	if (v.nattendees)
		html(w->out, "</ul>");
	html(w->out, "<h3 id=\"add\">%s</h3>", _("Add someone who was there"));
	struct person_pick pp;
	if (person_pick_find(w, &pp)) {
		person_pick_search_form(w, arena_printf(w->a, "/presentations/%lld#add", v.p.id), &pp, NULL);
		html(w->out, "<form method=\"post\" action=\"/presentations/%lld/attendees\">", v.p.id);
		form_csrf(w);
		struct person_pick_field f = { "person", _("Person"), NULL, _("(nobody)"), NULL, NULL, 0, listed, &v };
		person_pick_select(w, &pp, &f, e);
		html(w->out, "<p><button type=\"submit\">%s</button></p></form>", _("Add"));
	}
	html(w->out, "<p class=\"muted\">%s</p>",
	     _("Who came to take part through this presentation is recorded on each person's page, under "
	       "'How did this person come to take part?'."));
	page_end(w);
	w->r->status = status;
}

void page_presentation(struct web *w)
{
	presentation_page(w, NULL, 200);
}

void page_presentation_attendee_add(struct web *w)
{
	struct errors e = { 0 };
	long long person = web_field_id(w, "person");
	int d = presentation_attendee_add(&w->ctx, w->id[0], person < 0 ? 0 : person, &e);
	if (d == D_INVALID)
		presentation_page(w, &e, 422);
	else if (d)
		fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/presentations/%lld?done=attendee-saved#attendees", w->id[0]));
}

void page_presentation_attendee_remove(struct web *w)
{
	struct presentation_view v;
	int d = presentation_open(&w->ctx, w->id[0], &v);
	if (d) {
		fail(w, d);
		return;
	}
	long long person = web_field_id(w, "person");
	const char *name = NULL;
	for (size_t i = 0; i < v.nattendees; i++)
		if (v.attendees[i].person_id == person)
			name = v.attendees[i].name;
	if (!name) {
		struct errors e = { 0 };
		errors_add(&w->ctx, &e, "person", "%s", _("Choose a person who attended."));
		presentation_page(w, &e, 422);
		return;
	}
	if (!web_confirm_delete(w, arena_printf(w->a, _("%s from who was there"), name),
				arena_printf(w->a, "/presentations/%lld#attendees", v.p.id)))
		return;
	struct errors e = { 0 };
	d = presentation_attendee_remove(&w->ctx, v.p.id, person, &e);
	if (d == D_INVALID)
		presentation_page(w, &e, 422);
	else if (d)
		fail(w, d);
	else
		web_redirect(w, arena_printf(w->a, "/presentations/%lld?done=attendee-removed#attendees", v.p.id));
}
