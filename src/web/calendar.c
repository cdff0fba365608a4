/* calendar.c — a person's calendar links (make, revoke), the feed behind
 * such a link (public, the secret is the access), and a group's meetings
 * as a download. */
#include "web.h"
#include "domain/export_audit.h"
#include "domain/calendar.h"
#include "html/html.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static void send_ics(struct web *w, const char *filename)
{
	w->r->response_type = "text/calendar; charset=utf-8";
	response_header(w->r, "Content-Disposition", arena_printf(w->a, "inline; filename=\"%s\"", filename));
}

/* The table of the actor's links, each with a form to revoke it. */
static void links_table(struct web *w, const struct calendar_links *v)
{
	html(w->out, "<h2>%s</h2><table tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	     _("Your links"), _("Holds"), _("Made"), _("Revoke"));
	for (size_t i = 0; i < v->n; i++) {
		const struct calendar_link *l = &v->links[i];
		const char *what = l->group_name ? arena_printf(w->a, _("the meetings of %s"), l->group_name)
						 : _("all your meetings");
		char made[32];
		time_t t = (time_t)l->created_at;
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(made, sizeof(made), "%Y-%m-%d", &tm);
		html(w->out, "<tr><td>%s</td><td>%s</td><td><form method=\"post\" action=\"/calendar/%lld/revoke\" class=\"inline\">",
		     what, made, l->id);
		form_csrf(w);
		html(w->out, "<button type=\"submit\" class=\"secondary\" aria-label=\"%s\">%s</button></form></td></tr>",
		     arena_printf(w->a, _("Revoke the link for %s"), what), _("Revoke"));
	}
	html(w->out, "</tbody></table>\n");
}

static void calendar_page(struct web *w, const char *new_token, long long new_group)
{
	struct calendar_links v;
	if (calendar_links(&w->ctx, &v)) {
		web_error(w, 500, _("Your calendar links could not be read. Try again later."));
		return;
	}
	page_begin(w, _("Your calendar"));
	page_done_message(w);
	html(w->out, "<p>%s</p>", _("With a calendar link your meetings appear in Outlook, Google Calendar or Apple Calendar, and stay up to date: add the link there as a subscription (\"subscribe to calendar\" or \"from internet\"). Whoever has the link sees your meetings, so keep it to yourself; you can revoke it here."));
	if (new_token) {
		const char *url = arena_printf(w->a, "%s/calendar.ics?token=%s", web_base_url(w), new_token);
		html(w->out, "<div class=\"done\" role=\"status\"><p>%s</p><p><label for=\"f-url\">%s</label>"
			"<input id=\"f-url\" type=\"text\" readonly size=\"70\" value=\"%s\"></p><p>%s</p></div>",
		     _("Your new calendar link (shown only now):"), _("Calendar link"), url,
		     new_group ? _("It holds the meetings of one group.") : _("It holds the meetings of all your groups."));
	}
	if (v.n)
		links_table(w, &v);
	html(w->out, "<h2>%s</h2><form method=\"post\" action=\"/calendar\">", _("Make a calendar link"));
	form_csrf(w);
	html(w->out, "<p class=\"field\"><label for=\"f-group\">%s</label><select id=\"f-group\" name=\"group\">"
		"<option value=\"0\">%s</option>", _("Meetings of"), _("all my groups"));
	for (size_t k = 0; k < v.ngroups; k++)
		html(w->out, "<option value=\"%lld\">%s</option>", v.groups[k].id, v.groups[k].name);
	html(w->out, "</select></p><p><button type=\"submit\">%s</button></p></form>\n", _("Make link"));
	page_end(w);
}

void page_calendar(struct web *w)
{
	calendar_page(w, NULL, 0);
}

void page_calendar_create(struct web *w)
{
	/* 0 (or nothing): every group of one's own */
	long long group = *web_field(w, "group") ? web_field_id(w, "group") : 0;
	if (group < 0) {
		web_error(w, 422, _("Choose from the list."));
		return;
	}
	char token[SECRET_HEX];
	int r = calendar_feed_create(&w->ctx, group, (long long)time(NULL), token);
	if (r == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (r) {
		web_error(w, 500, _("Your calendar link could not be made. Try again later."));
		return;
	}
	/* shown once, on this answer, never stored in clear */
	calendar_page(w, token, group);
}

void page_calendar_revoke(struct web *w)
{
	struct calendar_links cl;
	if (calendar_links(&w->ctx, &cl)) {
		web_error(w, 500, _("The link could not be revoked. Try again later."));
		return;
	}
	const struct calendar_link *l = NULL;
	for (size_t i = 0; i < cl.n && !l; i++)
		if (cl.links[i].id == w->id[0])
			l = &cl.links[i];
	if (!l) {
		web_not_found(w);
		return;
	}
	const char *what = l->group_name ? arena_printf(w->a, _("the calendar link for %s"), l->group_name)
					 : _("the calendar link for all your meetings");
	if (!web_confirm(w, arena_printf(w->a, _("Are you sure you want to revoke %s? Calendars that use it stop getting your meetings. This cannot be undone."), what),
			 _("Yes, revoke"), "/calendar"))
		return;
	int r = calendar_feed_revoke(&w->ctx, w->id[0], (long long)time(NULL));
	if (r == D_NOTFOUND)
		web_not_found(w);
	else if (r)
		web_error(w, 500, _("The link could not be revoked. Try again later."));
	else
		web_redirect(w, "/calendar?done=feed-revoked");
}

void page_group_ics(struct web *w)
{
	buf_reset(w->out);
	int r = calendar_for_group(&w->ctx, w->id[0], (long long)time(NULL), w->out);
	if (r == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (r) {
		web_error(w, 500, _("The calendar could not be made. Try again later."));
		return;
	}
	export_record(&w->ctx, EXPORT_CALENDAR, "group", w->id[0], "ics", 0);
	send_ics(w, "bijeenkomsten.ics");
}

/* Public: the secret in the link is the access. */
void page_calendar_feed(struct web *w)
{
	buf_reset(w->out);
	int r = calendar_feed(&w->ctx, web_arg(w, "token"), w->out);
	if (r == D_NOTFOUND) {
		web_error(w, 404, _("This calendar link does not exist or has been revoked."));
		return;
	}
	if (r) {
		web_error(w, 500, _("The calendar could not be made. Try again later."));
		return;
	}
	send_ics(w, "leergang.ics");
}
