/* retention.c — the administrator's page of the organisation's retention
 * periods (/settings/retention): how many months personal texts, logbooks
 * and named answers are kept after a programme finished. The rules and
 * the daily removal: domain/retention.c. */
#include "web.h"
#include "domain/retention.h"
#include "html/html.h"

static void retention_form(struct web *w, const struct retention *p, const struct errors *e, bool again)
{
	page_begin(w, _("Retention periods"));
	page_done_message(w);
	html(w->out, "<p>%s</p>", _("How long leergang keeps personal data after a programme finished. A group has finished on the day of its last meeting (a cancelled meeting does not count). Every night leergang removes what has passed its period, and records how much in the audit log."));
	html(w->out, "<p>%s</p>",
	     p->is_default ? _("Your organisation has not set periods of its own: leergang's defaults apply. leergang chose them itself; no law prescribes them.")
			   : _("These are the periods your organisation set."));
	form_errors(w, e);
	html(w->out, "<form method=\"post\" action=\"/settings/retention\">");
	form_csrf(w);
	struct {
		const char *name, *label, *hint;
		int value;
	} f[] = {
		{ "texts_months", _("Personal texts, in months after the group finished"),
		  _("Learning questions, intake expectations, closing-talk texts, development plans with their goals, talks with the manager, and contributions to meeting reports not placed in a learning story the group received."),
		  p->texts_months },
		{ "logbook_months", _("Logbooks, in months after the writer's last group finished"),
		  _("The writer's whole logbook, once every group they took part in has finished."), p->logbook_months },
		{ "answers_months", _("Answers on name, in months after the questionnaire closed"),
		  _("Open answers are removed and the other answers lose the name; anonymous answers carry no name anyway."),
		  p->answers_months },
	};
	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		form_input(w, f[i].name, f[i].label, "number",
			   again ? web_field(w, f[i].name) : arena_printf(w->a, "%d", f[i].value), e, "off");
		html(w->out, "<p class=\"hint\">%s</p>", f[i].hint);
	}
	html(w->out, "<p>%s</p>", arena_printf(w->a, _("Each period is a whole number of months from %d to %d."),
						RETENTION_MONTHS_MIN, RETENTION_MONTHS_MAX));
	html(w->out, "<p class=\"actions\"><button type=\"submit\">%s</button></p></form>\n", _("Save"));
	html(w->out, "<p><a href=\"/privacy#retention\">%s</a></p>\n", _("How the privacy statement explains these periods"));
	page_end(w);
}

void page_retention_settings(struct web *w)
{
	struct retention p;
	if (retention_get(&w->ctx, &p)) {
		web_error(w, 500, _("This page cannot be shown because of a fault in leergang. Try again later."));
		return;
	}
	struct errors e = { 0 };
	retention_form(w, &p, &e, false);
}

void page_retention_settings_post(struct web *w)
{
	struct errors e = { 0 };
	int d = retention_set(&w->ctx, web_field(w, "texts_months"), web_field(w, "logbook_months"),
			      web_field(w, "answers_months"), &e);
	if (d == D_OK) {
		web_redirect(w, "/settings/retention?done=retention-saved");
		return;
	}
	struct retention p;
	if (d != D_INVALID || retention_get(&w->ctx, &p)) {
		web_error(w, 500, _("The periods could not be saved because of a fault in leergang. Nothing has changed; try again later."));
		return;
	}
	retention_form(w, &p, &e, true);
	w->r->status = 422;
}
