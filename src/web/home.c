/* home.c — the start page: first what the signed-in person has to do now
 * (domain/start.h), each thing a link to where it is done, then their next
 * meetings, then everything they can do in leergang, by role. */
#include "web.h"
#include "html/html.h"
#include "domain/model/meeting.h"
#include "domain/programme.h"
#include "domain/start.h"
#include "domain/survey.h"

static void card(struct web *w, const char *href, const char *title, const char *text)
{
	html(w->out, "<li><h3><a href=\"%s\">%s</a></h3><p>%s</p></li>", href, title, text);
}

static void todo_list(struct web *w, const struct start_page *p)
{
	html(w->out, "<h2 id=\"todo\">%s</h2>", _("What to do now"));
	if (!p->ntodo) {
		html(w->out, "<p class=\"done\">%s</p>\n", _("There is nothing you need to do right now."));
		return;
	}
	html(w->out, "<ul class=\"tasks\">");
	for (size_t i = 0; i < p->ntodo; i++) {
		const struct start_item *t = &p->todo[i];
		html(w->out, t->late ? "<li class=\"late\">" : "<li>");
		html(w->out, "<a href=\"%s\">%s</a>", t->href, t->text);
		if (t->late)
			html(w->out, " <strong class=\"tag\">%s</strong>", _("overdue"));
		if (t->detail)
			html(w->out, " <span class=\"muted\">%s</span>", t->detail);
		html(w->out, "</li>");
	}
	html(w->out, "</ul>\n");
	if (p->left_out)
		html(w->out, "<p>%s</p>\n",
		     arena_printf(w->a, ngettext("And %zu more of the same kind: you find it on the pages of your groups.",
						 "And %zu more of the same kinds: you find them on the pages of your groups.", p->left_out),
				  p->left_out));
}

/* For the owner: the progress of the organisation's programmes, in counts
 * only (what the privacy rules allow an owner). */
static void programmes_progress(struct web *w)
{
	struct programme_item *p;
	size_t n;
	if (programme_list(&w->ctx, &p, &n) || !n)
		return;
	html(w->out, "<h2 id=\"outcomes\">%s</h2><p>%s</p><ul>", _("How the programmes are doing"),
	     _("Each programme's progress in counts; its accounting shows the outcomes (attendance, the final evaluation) and can be downloaded as PDF to send on."));
	for (size_t i = 0; i < n; i++) {
		const struct enrolment_counts *k = &p[i].counts;
		long long all = k->registered + k->active + k->completed + k->stopped;
		html(w->out, "<li><a href=\"/programmes/%lld\">%s</a>: %s <a href=\"/programmes/%lld/accounting\">%s</a>"
			" · <a href=\"/programmes/%lld/accounting.pdf\">%s</a></li>", p[i].p.id, p[i].p.name,
		     arena_printf(w->a, ngettext("%lld participant: %lld registered, %lld active, %lld completed, %lld stopped.",
						 "%lld participants: %lld registered, %lld active, %lld completed, %lld stopped.",
						 (unsigned long)all),
				  all, k->registered, k->active, k->completed, k->stopped),
		     p[i].p.id, arena_printf(w->a, _("Outcomes of %s"), p[i].p.name), p[i].p.id,
		     arena_printf(w->a, _("PDF of %s"), p[i].p.name));
	}
	html(w->out, "</ul><p><a href=\"/organisations/%lld/accounting\">%s</a></p>\n", w->who.organisation_id,
	     _("Accounting of the whole organisation"));
}

void page_home(struct web *w)
{
	struct start_page p;
	if (start_page_read(&w->ctx, &p)) {
		web_error(w, 500, _("The start page could not be read. Try again later."));
		return;
	}
	page_begin(w, arena_printf(w->a, _("Welcome, %s"), w->who.display_name));
	page_done_message(w);
	todo_list(w, &p);
	my_actions_list(w);
	my_peer_groups_list(w);
	if (actor_has(&w->who, ROLE_BIT(ROLE_OWNER)))
		programmes_progress(w);
	if (w->who.person_id && actor_has(&w->who, ROLES_GROUP_MEMBER))
		next_meetings_list(w, p.next, p.nnext);
	html(w->out, "<h2>%s</h2>", _("Everything you can do"));
	html(w->out, "<p>%s ", _("Your roles:"));
	int first = 1;
	for (int r = 0; r < ROLE_COUNT; r++) {
		if (!(w->who.roles & ROLE_BIT(r)))
			continue;
		html(w->out, "%s<strong>%s</strong>", first ? "" : ", ", role_label(r));
		first = 0;
	}
	if (first)
		html(w->out, "%s", _("none yet; ask the administrator of your organisation."));
	html(w->out, "</p>\n<ul class=\"cards\">");
	unsigned roles = w->who.roles;
	if (roles & ROLE_BIT(ROLE_COACH))
		card(w, "/programmes", _("Programmes"), _("Design programmes from a template, add batches and groups, staff and enrol them, plan the meetings."));
	else if (roles & ROLE_BIT(ROLE_OWNER))
		card(w, "/programmes", _("Programmes"), _("How your programmes are doing: batches, groups and participants, registered, active, completed and stopped."));
	if (roles & ROLES_ACCOUNTING)
		card(w, arena_printf(w->a, "/organisations/%lld/accounting", w->who.organisation_id), _("Accounting"),
		     _("Enrolment, attendance, meetings and questionnaires of a period, per group, batch, programme or the whole organisation, with a PDF."));
	if (roles & (ROLE_BIT(ROLE_FACILITATOR) | ROLE_BIT(ROLE_MENTOR) | ROLE_BIT(ROLE_PARTICIPANT)))
		card(w, "/groups", _("My groups"), _("Your learning groups and what is next: meetings, menu choices, attendance."));
	if (roles & ROLE_BIT(ROLE_PARTICIPANT))
		card(w, "/logbook", _("My logbook"), _("Every day in a few lines: what gave you energy, what cost you energy. Yours alone, unless you share an entry."));
	if ((roles & ROLE_BIT(ROLE_PARTICIPANT)) && w->who.person_id)
		card(w, "/me/referral", _("How did you come to take part?"), _("Who or what encouraged you to take part: a manager, a colleague, a presentation, or your own initiative."));
	if (w->who.person_id) {
		/* a card only for whom a 360° round is about */
		struct wave *wv;
		size_t n;
		if (!wave_list(&w->ctx, &wv, &n))
			for (size_t i = 0; i < n; i++)
				if (wv[i].subject_id == w->who.person_id) {
					card(w, "/feedback", _("My 360° feedback"), _("How others see your leadership beside how you see it yourself, once a round has closed."));
					break;
				}
	}
	if (roles & ROLES_SURVEY) {
		card(w, "/questionnaires", _("Questionnaires"),
		     _("Questionnaires and their rounds: invite people, remind them, and read the results once enough have answered."));
		card(w, "/studies", _("Two-wave studies"),
		     _("A group that takes part beside one that does not, measured twice: what changed, and whether it changed more."));
	}
	if (roles & ROLES_RESEARCH)
		card(w, "/research", _("Research"),
		     _("Code interviews, observation notes and texts whose writers agreed; check findings with those involved; names become pseudonyms in every export."));
	card(w, "/reverse-mentoring", _("Reverse mentoring"), _("A senior leader learns from a junior colleague, in three phases and nine steps."));
	card(w, "/catalogue", _("Learning forms"), _("The fourteen learning forms and which one fits a learning question: what, who, where and how."));
	if (roles & ROLES_GROUP_MEMBER)
		card(w, "/calendar", _("Your calendar"), _("Your meetings in Outlook, Google Calendar or Apple Calendar, kept up to date."));
	if (roles & ROLES_PROGRAMME_READ)
		card(w, "/frameworks", _("Frameworks"), _("VLOW, the leadership compass and the other models that programmes use."));
	if (roles & ROLES_UNITS_READ)
		card(w, "/units", _("Organisation"), _("The departments and teams of your organisation, with their managers."));
	if (roles & ROLES_PEOPLE_READ)
		card(w, "/people", _("People"), _("Search the people of your organisation by name, number or unit."));
	if (roles & ROLES_ADMIN) {
		card(w, "/accounts", _("Accounts and roles"), _("Who can log in, and with which roles."));
		card(w, "/import", _("Import people"), _("Read people and units from an HR export (CSV), with a check before anything changes."));
		card(w, "/audit", _("Audit log"), _("Who changed what, and when."));
		card(w, "/settings/retention", _("Retention periods"),
		     _("How long personal texts, logbooks and answers on name are kept after a programme finished."));
	}
	if (w->ctx.who->person_id)
		html(w->out, "<li><h3><a href=\"/me/data.pdf\">%s</a></h3><p>%s <a href=\"/me/data.json\">%s</a></p></li>",
		     _("My data"), _("Everything leergang holds about you, as a readable PDF."), _("The same as JSON, for a computer."));
	card(w, "/password", _("Change password"), _("Choose a new password; your other sessions are then logged out."));
	html(w->out, "</ul>\n");
	page_end(w);
}
