/* statements.c — the privacy statement (/privacy) and the accessibility
 * statement (/accessibility): public pages, linked from the foot of every
 * page and from the sign-in page. The privacy statement's periods and
 * thresholds come from the domain (statement.h), which reads the
 * constants the code applies; the accessibility statement follows the
 * Dutch government's model (toegankelijkheidsverklaring.nl). */
#include "web.h"
#include "domain/schedule.h"
#include "domain/statement.h"
#include "html/html.h"

/* The date of the accessibility statement, and of the check it reports:
 * change it when the statement is checked again. */
#define ACCESSIBILITY_STATEMENT_DATE "2026-12-06"

/* Who to ask: the organisation's administrator (leergang keeps no other
 * contact of an organisation). */
static const char *ask_whom(struct web *w, const struct privacy_facts *f)
{
	return f->organisation ? arena_printf(w->a, _("the administrator of leergang at %s"), f->organisation)
			       : _("the administrator of leergang in your organisation");
}

static const struct {
	const char *what, *holds, *readers;
} kinds[] = {
	{ N_("Your account"),
	  N_("Your e-mail address, your name, your roles, when you signed in, and your password as a hash: leergang never keeps the password itself."),
	  N_("You, and the administrator (never your password).") },
	{ N_("People"),
	  N_("Name, employee number, e-mail address, unit, manager and job level, from your organisation's HR file."),
	  N_("The administrator and the organisation coach.") },
	{ N_("Enrolments and attendance"),
	  N_("In which group you take part, your status (for example stopped, with the reason) and whether you were at a meeting."),
	  N_("You, the facilitator and mentor of your group, and the organisation coach. The programme owner sees numbers only.") },
	{ N_("Meeting reports and the learning story"),
	  N_("What the group discussed and learned, the reflections of facilitator and mentor, and your own contributions if you write them."),
	  N_("Your group, its facilitator and mentor. The organisation coach reads along without names. The programme owner and the administrator never read them.") },
	{ N_("Learning question, intake, development plan and closing talk"),
	  N_("What you want to learn, your goals and agreements, and what you learned in your own words."),
	  N_("You, and the facilitator and mentor of your group. Nobody else.") },
	{ N_("Logbook"),
	  N_("Your notes: what gave you energy, what cost energy, and your own words."),
	  N_("Only you. If you share a note, also the facilitator, or your group, as you choose.") },
	{ N_("Questionnaire answers, anonymous"),
	  N_("Your answers, without your name, without a link to your invitation and without the exact time."),
	  N_("Nobody can see your own answers. The coordinator and the researcher see results of groups only (see below).") },
	{ N_("Questionnaire answers on name"),
	  N_("Your answers, for example in 360° feedback or a questionnaire before and after a programme."),
	  N_("The organisation coach (the coordinator) and the researcher. Research exports carry a pseudonym instead of your name.") },
	{ N_("Texts in research projects"),
	  N_("Only if you (or your group, for a report or learning story) agreed: a copy of the text in a research project, with the researchers' codes and notes. Withdraw your consent and the copy is removed; remove the text and the copy goes too."),
	  N_("The researchers of that project. What they export carries a pseudonym instead of your name; the key behind the pseudonyms is kept by the installation, so someone with the database can work them out, not someone with an export.") },
	{ N_("Audit log"),
	  N_("Who changed what and when, every sign-in, and every time someone else read your personal text."),
	  N_("The administrator.") },
};

/* The retention periods: the reader's organisation's, or for a visitor
 * leergang's defaults and that each organisation sets its own. */
static void retention_section(struct web *w, const struct privacy_facts *f)
{
	const struct retention *p = &f->retention;
	html(w->out, "<h2 id=\"retention\">%s</h2>", _("Retention periods"));
	if (!f->organisation)
		html(w->out, "<p>%s</p>", _("Each organisation sets its own periods. Below are leergang's defaults, which apply until an organisation sets others; sign in to see those of your organisation."));
	else if (p->is_default)
		html(w->out, "<p>%s</p>", arena_printf(w->a, _("%s has not set periods of its own: leergang's defaults apply."), f->organisation));
	else
		html(w->out, "<p>%s</p>", arena_printf(w->a, _("These are the periods %s has set."), f->organisation));
	html(w->out, "<p>%s</p><ul>", _("A group has finished on the day of its last meeting (a cancelled meeting does not count). Every night leergang removes what has passed its period:"));
	html(w->out, "<li>%s</li>", arena_printf(w->a, ngettext(
		"%d month after your group finished: your learning question, what you expected at the intake, what you said in the closing talk, your development plan with its goals and the talks with your manager, and your contributions to meeting reports that were not placed in the learning story the group received.",
		"%d months after your group finished: your learning question, what you expected at the intake, what you said in the closing talk, your development plan with its goals and the talks with your manager, and your contributions to meeting reports that were not placed in the learning story the group received.",
		(unsigned long)p->texts_months), p->texts_months));
	html(w->out, "<li>%s</li>", arena_printf(w->a, ngettext(
		"%d month after the last group you took part in finished: your whole logbook.",
		"%d months after the last group you took part in finished: your whole logbook.",
		(unsigned long)p->logbook_months), p->logbook_months));
	html(w->out, "<li>%s</li></ul>", arena_printf(w->a, ngettext(
		"%d month after a questionnaire on name closed: your open answers, and your name with your other answers, which stay only as numbers in the results.",
		"%d months after a questionnaire on name closed: your open answers, and your name with your other answers, which stay only as numbers in the results.",
		(unsigned long)p->answers_months), p->answers_months));
	html(w->out, "<p>%s</p>", _("What stays: the meeting reports and the learning story (the group's own documents), that you took part and were present (the numbers of the reports count these), anonymous answers (they carry no name) and the audit log. Your account and your name stay as long as your organisation uses them; ask the administrator to remove them."));
}

void page_privacy(struct web *w)
{
	struct privacy_facts f;
	if (privacy_facts(&w->ctx, w->signed_in, &f)) {
		web_error(w, 500, _("The privacy statement could not be read. Try again later."));
		return;
	}
	page_begin(w, _("Privacy statement"));
	html(w->out, "<p>%s</p>", _("This statement says which data leergang keeps about you, how long, and who can read it."));
	html(w->out, "<p>%s</p>",
	     f.organisation ? arena_printf(w->a, _("%s uses leergang for its leadership and learning programmes. %s is responsible for your data in leergang."),
					   f.organisation, f.organisation)
			    : _("Your organisation uses leergang for its leadership and learning programmes. Your organisation is responsible for your data in leergang. Sign in to see the name of your organisation here."));

	html(w->out, "<h2>%s</h2><table tabindex=\"0\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	     _("What leergang keeps, and who reads it"), _("What"), _("What it holds"), _("Who can read it"));
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		html(w->out, "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td></tr>", _(kinds[i].what), _(kinds[i].holds),
		     _(kinds[i].readers));
	html(w->out, "</tbody></table>");

	html(w->out, "<h2>%s</h2><ul>", _("Results only for groups"));
	html(w->out, "<li>%s</li>",
	     arena_printf(w->a, _("leergang shows the results of a questionnaire only for a group of at least %d people who answered, and the open answers too. It also hides a figure that, together with another figure, would show the answers of fewer people."),
			  f.min_respondents));
	html(w->out, "<li>%s</li>",
	     arena_printf(w->a, _("In 360° feedback, a group of raters with fewer than %d people is added to \"others\"; if \"others\" are fewer than %d, their ratings are not shown. The rating of your manager is not anonymous."),
			  f.min_raters, f.min_raters));
	html(w->out, "<li>%s</li>",
	     arena_printf(w->a, _("A comparison with other organisations (the benchmark) shows only averages of at least %d organisations, never the results of one other organisation."),
			  f.min_organisations));
	if (f.organisation)
		html(w->out, "<li>%s</li>",
		     arena_printf(w->a, f.benchmark ? _("%s takes part in the benchmark: its results count in the averages that other organisations see.")
						    : _("%s does not take part in the benchmark: its results stay inside the organisation."),
				  f.organisation));
	html(w->out, "</ul>");

	html(w->out, "<h2>%s</h2><ul>", _("How long leergang keeps it"));
	html(w->out, "<li>%s</li>", arena_printf(w->a, ngettext("You stay signed in for at most %lld hour.", "You stay signed in for at most %lld hours.",
								 (unsigned long)f.session_hours), f.session_hours));
	html(w->out, "<li>%s</li>", arena_printf(w->a, ngettext("A link to set a new password works for %lld hour, and once.",
								 "A link to set a new password works for %lld hours, and once.",
								 (unsigned long)f.reset_hours), f.reset_hours));
	html(w->out, "<li>%s</li>", arena_printf(w->a, ngettext("An invitation link works for %lld day, and once.", "An invitation link works for %lld days, and once.",
								 (unsigned long)f.invite_days), f.invite_days));
	html(w->out, "<li>%s</li>", arena_printf(w->a, ngettext("An uploaded import file is removed after the import, or after %lld hour.",
								 "An uploaded import file is removed after the import, or after %lld hours.",
								 (unsigned long)f.upload_hours), f.upload_hours));
	html(w->out, "<li>%s</li>", arena_printf(w->a, _("An API token works for %lld days, or as long as its maker chooses up to %lld days."),
						 f.token_days, f.token_days_max));
	html(w->out, "<li>%s</li>", arena_printf(w->a, ngettext("A sign-in through your organisation must be finished within %lld minute.",
								 "A sign-in through your organisation must be finished within %lld minutes.",
								 (unsigned long)f.signin_minutes), f.signin_minutes));
	html(w->out, "</ul>");
	retention_section(w, &f);

	html(w->out, "<h2>%s</h2><p>%s</p><p>%s</p>", _("Your rights"),
	     _("You may ask which data leergang holds about you, and ask to correct or remove it (AVG, the General Data Protection Regulation). Some data must stay for a while, for example in the audit log."),
	     arena_printf(w->a, _("For questions, or to use your rights, ask %s."), ask_whom(w, &f)));
	page_end(w);
}

void page_accessibility(struct web *w)
{
	struct privacy_facts f;
	if (privacy_facts(&w->ctx, w->signed_in, &f)) {
		web_error(w, 500, _("The accessibility statement could not be read. Try again later."));
		return;
	}
	const char *date = date_label(w->a, ACCESSIBILITY_STATEMENT_DATE);
	page_begin(w, _("Accessibility statement"));
	html(w->out, "<p>%s</p>",
	     _("Everyone should be able to use leergang: also with a screen reader, with the keyboard only, with a large font or on a phone. This statement says how far leergang is there."));

	html(w->out, "<h2>%s</h2><p>%s</p><p>%s</p>", _("Status"),
	     arena_printf(w->a, _("This statement is about leergang version %s, the web pages of this installation."), LG_VERSION),
	     _("leergang partly meets the requirements: WCAG 2.1 at level AA, as asked by the European standard EN 301 549. Below we say what does not meet them yet (status B: partly meets the requirements)."));

	html(w->out, "<h2>%s</h2><ul>", _("How we checked it"));
	html(w->out, "<li>%s</li>", _("Every page is tested in a real browser (Chromium) with axe-core on the rules of WCAG 2.1 A and AA, each time leergang is changed. A test fails when a page breaks a rule."));
	html(w->out, "<li>%s</li>", _("The pages work without JavaScript, and the search fields for people work with the keyboard only; these are tested too."));
	html(w->out, "<li>%s</li>", _("An automatic check finds only part of the problems. No independent expert has examined leergang yet, and it has not yet been tested with users who have a disability."));
	html(w->out, "</ul>");

	html(w->out, "<h2>%s</h2><ul>", _("What does not work well yet"));
	html(w->out, "<li>%s</li>", _("Charts: each chart has a title, a short text that says how to read it, and a table with the same numbers. The text does not say what the chart shows (for example which group scores higher); read the table for that."));
	html(w->out, "<li>%s</li>", _("The learning story as a PDF file is not a tagged PDF: a screen reader reads it poorly. Read the learning story on its web page, or download it as a text file (Markdown)."));
	html(w->out, "<li>%s</li>", _("Exports (CSV, Excel, SPSS) are data files: how accessible they are depends on the program you open them with."));
	html(w->out, "</ul>");

	html(w->out, "<h2>%s</h2><p>%s</p><p>%s</p>", _("Report a problem"),
	     arena_printf(w->a, _("Is something on a page hard to use or to read? Tell %s: which page, what you wanted to do, and what went wrong. Then you get an answer, and help to do it another way in the meantime."),
			  ask_whom(w, &f)),
	     _("Did you not get an answer, or are you not satisfied with it? Then you may go to the ombudsman who handles complaints about your organisation, for example the Nationale ombudsman."));

	html(w->out, "<h2>%s</h2><p>%s</p>", _("Date"),
	     arena_printf(w->a, _("This statement was made on %s and checked on %s."), date, date));
	page_end(w);
}
