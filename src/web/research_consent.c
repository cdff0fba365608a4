/* research_consent.c — the consent forms for research (issue 19) on a
 * logbook entry (its writer), a case session (the case owner), a published
 * report and a bundled learning story (the group's facilitator or the
 * coach records the group's consent), and their API twins. The rules are
 * in domain/research_consent.c. */
#include "web.h"
#include "domain/research_consent.h"
#include "domain/schedule.h"
#include "html/html.h"

#include <string.h>

/* "on 4 March 2026" as a date label of a unix time. */
static const char *day_of(struct web *w, long long at)
{
	char d[11];
	date_today(at, d);
	return date_label(w->a, d);
}

/* The form: a checkbox with its label, what it means, and the state. */
static void consent_form(struct web *w, const char *action, const char *label, const char *meaning,
			 const struct research_consent *rc, bool group)
{
	html(w->out, "<section class=\"consent\"><h2 id=\"research\">%s</h2><p>%s</p>", _("Research"), meaning);
	if (rc->given && group && *rc->by_name)
		html(w->out, "<p class=\"status\">%s</p>",
		     arena_printf(w->a, _("Consent recorded on %s by %s."), day_of(w, rc->at), rc->by_name));
	else if (rc->given)
		html(w->out, "<p class=\"status\">%s</p>", arena_printf(w->a, _("Consent given on %s."), day_of(w, rc->at)));
	else
		html(w->out, "<p class=\"status\">%s</p>", _("No consent given."));
	html(w->out, "<form method=\"post\" action=\"%s\">", action);
	form_csrf(w);
	html(w->out, rc->given ? "<p class=\"field\"><input type=\"checkbox\" id=\"f-consent\" name=\"consent\" value=\"1\" checked> "
			       : "<p class=\"field\"><input type=\"checkbox\" id=\"f-consent\" name=\"consent\" value=\"1\"> ");
	html(w->out, "<label for=\"f-consent\">%s</label></p><p><button type=\"submit\">%s</button></p></form></section>\n", label,
	     _("Save consent"));
}

void consent_logbook_section(struct web *w, long long entry_id)
{
	struct research_consent rc;
	if (consent_state(&w->ctx, "logbook", entry_id, &rc))
		return;
	consent_form(w, arena_printf(w->a, "/logbook/%lld/consent", entry_id), _("May be used for research"),
		     _("With your consent, researchers of your organisation may take this entry as a source for research, pseudonymised: names of people and places are replaced. Nobody else reads it that way. You can withdraw your consent at any time; withdrawing removes the entry from research projects."),
		     &rc, false);
}

void consent_case_section(struct web *w, long long session_id)
{
	struct research_consent rc;
	if (consent_state(&w->ctx, "case", session_id, &rc))
		return;
	consent_form(w, arena_printf(w->a, "/sessions/%lld/consent", session_id), _("My case may be used for research"),
		     _("With your consent, researchers of your organisation may take your case (its title, question and context) as a source for research, pseudonymised: names of people and places are replaced. Nobody else reads it that way. You can withdraw your consent at any time; withdrawing removes the case from research projects."),
		     &rc, false);
}

static const char *group_meaning(void)
{
	return _("Record here that the group agreed that researchers of the organisation may take this text as a source for research, pseudonymised: names of people and places are replaced. Contributions of participants are not part of it. Withdrawing removes the text from research projects.");
}

void consent_report_section(struct web *w, long long meeting_id, long long group_id, long long report_id, bool published)
{
	struct research_consent rc;
	if (!published || !consent_records_group(&w->ctx, group_id) || consent_state(&w->ctx, "report", report_id, &rc))
		return;
	consent_form(w, arena_printf(w->a, "/meetings/%lld/report/consent", meeting_id),
		     _("The group consents to use for research"), group_meaning(), &rc, true);
}

void consent_story_section(struct web *w, long long group_id, long long story_id, bool bundled)
{
	struct research_consent rc;
	if (!bundled || !consent_records_group(&w->ctx, group_id) || consent_state(&w->ctx, "story", story_id, &rc))
		return;
	consent_form(w, arena_printf(w->a, "/groups/%lld/story/consent", group_id),
		     _("The group consents to use for research"), group_meaning(), &rc, true);
}

/* ---- the forms' POSTs ---- */

static bool checked(struct web *w)
{
	return !strcmp(web_field(w, "consent"), "1");
}

static void after(struct web *w, int d, const struct errors *e, const char *back)
{
	if (d == D_OK)
		web_redirect(w, arena_printf(w->a, "%s?done=consent-saved#research", back));
	else if (d == D_NOTFOUND)
		web_not_found(w);
	else if (d == D_INVALID)
		web_error(w, 422, e->n ? e->items[0].message : _("Check your input."));
	else
		web_error(w, 500, _("The change could not be saved. Try again later."));
}

void page_logbook_consent(struct web *w)
{
	struct errors e = { 0 };
	after(w, consent_logbook(&w->ctx, w->id[0], checked(w)), &e, arena_printf(w->a, "/logbook/%lld", w->id[0]));
}

void page_session_consent(struct web *w)
{
	struct errors e = { 0 };
	after(w, consent_case(&w->ctx, w->id[0], checked(w)), &e, arena_printf(w->a, "/sessions/%lld", w->id[0]));
}

void page_report_consent(struct web *w)
{
	struct errors e = { 0 };
	after(w, consent_report(&w->ctx, w->id[0], checked(w), &e), &e,
	      arena_printf(w->a, "/meetings/%lld/report", w->id[0]));
}

void page_story_consent(struct web *w)
{
	struct errors e = { 0 };
	after(w, consent_story(&w->ctx, w->id[0], checked(w), &e), &e, arena_printf(w->a, "/groups/%lld/story", w->id[0]));
}

/* ---- the API: {"consent": true} or {"consent": false} ---- */

enum consent_kind { K_LOGBOOK, K_CASE, K_REPORT, K_STORY };

static void api_consent(struct web *w, enum consent_kind k)
{
	json_t *j = api_body(w);
	if (!j)
		return;
	json_t *v = json_object_get(j, "consent");
	struct errors e = { 0 };
	int d;
	static const char *const kinds[] = { "logbook", "case", "report", "story" };
	if (!json_is_boolean(v)) {
		/* who may not change it learns nothing of the input */
		d = consent_may(&w->ctx, kinds[k], w->id[0]);
		if (d == D_OK) {
			errors_add(&w->ctx, &e, "consent", "%s", _("Send \"consent\": true or false."));
			d = D_INVALID;
		}
	} else {
		bool given = json_is_true(v);
		d = k == K_LOGBOOK ? consent_logbook(&w->ctx, w->id[0], given)
		  : k == K_CASE	   ? consent_case(&w->ctx, w->id[0], given)
		  : k == K_REPORT  ? consent_report(&w->ctx, w->id[0], given, &e)
				   : consent_story(&w->ctx, w->id[0], given, &e);
	}
	json_decref(j);
	api_answer(w, d, &e, 0);
}

void api_logbook_consent(struct web *w)
{
	api_consent(w, K_LOGBOOK);
}

void api_session_consent(struct web *w)
{
	api_consent(w, K_CASE);
}

void api_report_consent(struct web *w)
{
	api_consent(w, K_REPORT);
}

void api_story_consent(struct web *w)
{
	api_consent(w, K_STORY);
}
