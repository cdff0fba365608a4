/* calendar.c — a person's calendar links (make, revoke), the feed behind
 * such a link (public, the secret is the access), and a group's meetings
 * as a download. */
#include "web.h"
#include "domain/calendar.h"
#include "domain/group.h"
#include "html/html.h"
#include "store/calendar.h"
#include "store/group.h"
#include "store/meeting.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static void send_ics(struct web *w, const char *filename)
{
	w->r->response_type = "text/calendar; charset=utf-8";
	response_header(w->r, "Content-Disposition", arena_printf(w->a, "inline; filename=\"%s\"", filename));
}

static void calendar_page(struct web *w, const char *new_token, long long new_group)
{
	struct calendar_feed *f;
	size_t n;
	struct learning_group *g = NULL;
	size_t ng = 0;
	if (store_feed_list(w->st, w->a, w->who.organisation_id, w->who.account_id, &f, &n) ||
	    (w->who.person_id &&
	     store_group_list_for_person(w->st, w->a, w->who.organisation_id, w->who.person_id, &g, &ng))) {
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
	if (n) {
		html(w->out, "<h2>%s</h2><table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
		     _("Your links"), _("Holds"), _("Made"), _("Revoke"));
		for (size_t i = 0; i < n; i++) {
			const char *what = _("all your meetings");
			for (size_t k = 0; k < ng; k++)
				if (g[k].id == f[i].group_id)
					what = arena_printf(w->a, _("the meetings of %s"), g[k].name);
			char made[32];
			time_t t = (time_t)f[i].created_at;
			struct tm tm;
			gmtime_r(&t, &tm);
			strftime(made, sizeof(made), "%Y-%m-%d", &tm);
			html(w->out, "<tr><td>%s</td><td>%s</td><td><form method=\"post\" action=\"/calendar/%lld/revoke\" class=\"inline\">",
			     what, made, f[i].id);
			form_csrf(w);
			html(w->out, "<button type=\"submit\" class=\"secondary\" aria-label=\"%s\">%s</button></form></td></tr>",
			     arena_printf(w->a, _("Revoke the link for %s"), what), _("Revoke"));
		}
		html(w->out, "</tbody></table>\n");
	}
	html(w->out, "<h2>%s</h2><form method=\"post\" action=\"/calendar\">", _("Make a calendar link"));
	form_csrf(w);
	html(w->out, "<p class=\"field\"><label for=\"f-group\">%s</label><select id=\"f-group\" name=\"group\">"
		"<option value=\"0\">%s</option>", _("Meetings of"), _("all my groups"));
	for (size_t k = 0; k < ng; k++)
		html(w->out, "<option value=\"%lld\">%s</option>", g[k].id, g[k].name);
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
	if (group) {
		struct learning_group g;
		enum group_relation rel;
		int r = group_open(&w->ctx, group, &g, &rel);
		if (r == D_NOTFOUND) {
			web_not_found(w);
			return;
		}
		if (r) {
			web_error(w, 500, _("Your calendar link could not be made. Try again later."));
			return;
		}
	}
	char token[SECRET_HEX];
	if (calendar_feed_create(&w->ctx, group, (long long)time(NULL), token)) {
		web_error(w, 500, _("Your calendar link could not be made. Try again later."));
		return;
	}
	/* shown once, on this answer, never stored in clear */
	calendar_page(w, token, group);
}

void page_calendar_revoke(struct web *w)
{
	int r = store_feed_revoke(w->st, w->who.organisation_id, w->who.account_id, w->id[0], (long long)time(NULL));
	if (r == ST_NOTFOUND)
		web_not_found(w);
	else if (r)
		web_error(w, 500, _("The link could not be revoked. Try again later."));
	else
		web_redirect(w, "/calendar?done=feed-revoked");
}

/* The group's meetings as seen by the actor (who must be in the group). */
static int group_calendar(struct web *w, struct ctx *c, long long group_id, struct buf *out)
{
	struct learning_group g;
	enum group_relation rel;
	int r = group_open(c, group_id, &g, &rel);
	if (r)
		return r;
	struct meeting *m;
	size_t n;
	if (store_meeting_list(c->st, c->a, c->who->organisation_id, g.id, &m, &n))
		return D_ERROR;
	(void)w;
	return calendar_write(c, arena_printf(c->a, "leergang: %s", g.name), m, n, (long long)time(NULL), out);
}

void page_group_ics(struct web *w)
{
	buf_reset(w->out);
	int r = group_calendar(w, &w->ctx, w->id[0], w->out);
	if (r == D_NOTFOUND) {
		web_not_found(w);
		return;
	}
	if (r) {
		web_error(w, 500, _("The calendar could not be made. Try again later."));
		return;
	}
	send_ics(w, "bijeenkomsten.ics");
}

void page_calendar_feed(struct web *w)
{
	struct actor who;
	long long group = 0;
	if (calendar_feed_open(w->st, w->a, web_arg(w, "token"), &who, &group)) {
		web_error(w, 404, _("This calendar link does not exist or has been revoked."));
		return;
	}
	struct ctx c = { w->st, w->a, &who, 0 };
	buf_reset(w->out);
	int r = group ? group_calendar(w, &c, group, w->out) : calendar_for_person(&c, (long long)time(NULL), w->out);
	if (r == D_NOTFOUND) {
		/* the owner of the link left the group */
		buf_reset(w->out);
		r = calendar_write(&c, "leergang", NULL, 0, (long long)time(NULL), w->out);
	}
	if (r) {
		web_error(w, 500, _("The calendar could not be made. Try again later."));
		return;
	}
	send_ics(w, "leergang.ics");
}
