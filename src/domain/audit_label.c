/* audit_label.c — the audit log in words: what each recorded action means
 * (audit.h: audit_action_label) and when it happened on the server's clock
 * (audit_when). */
#include "audit.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "schedule.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static const struct { const char *action, *label; } labels[] = {
	{ "login", N_("Signed in") },
	{ "login.failed", N_("Sign-in failed") },
	{ "account.create", N_("Account made") },
	{ "account.deactivate", N_("Account switched off") },
	{ "account.reactivate", N_("Account switched on again") },
	{ "account.invite", N_("Invitation sent") },
	{ "account.invite.again", N_("Invitation sent again") },
	{ "account.invite.bulk", N_("Invitations sent to a unit or group") },
	{ "account.invite.links", N_("Invitation links downloaded") },
	{ "account.password", N_("Password changed") },
	{ "account.password.reset", N_("Password set with a link") },
	{ "account.sessions.end", N_("Sessions ended") },
	{ "password.reset.link", N_("Password link made") },
	{ "password.reset.mail", N_("Password link mailed") },
	{ "role.grant", N_("Role given") },
	{ "role.revoke", N_("Role taken away") },
	{ "token.create", N_("API token made") },
	{ "token.revoke", N_("API token revoked") },
	{ "token.use", N_("API token used") },
	{ "oidc.set", N_("Sign-in through the organisation set") },
	{ "organisation.create", N_("Organisation made") },
	{ "unit.create", N_("Unit added") },
	{ "unit.rename", N_("Unit renamed") },
	{ "unit.move", N_("Unit moved") },
	{ "unit.remove", N_("Unit removed") },
	{ "unit.manager", N_("Manager of a unit set") },
	{ "person.create", N_("Person added") },
	{ "person.update", N_("Person changed") },
	{ "import.people", N_("People imported") },
	{ "people.export", N_("People list exported") },
	{ "framework.install", N_("Framework installed") },
	{ "method.install", N_("Session method installed") },
	{ "method.step", N_("Step of a session method changed") },
	{ "case_session.start", N_("Session with a case started") },
	{ "case_session.step", N_("Session moved to another step") },
	{ "case_session.roles", N_("Roles in a session chosen") },
	{ "case_session.read", N_("Session with a case read by someone other than the writer") },
	{ "session_action.add", N_("Follow-up action made in a session") },
	{ "session_action.done", N_("Follow-up action done") },
	{ "session_action.carry", N_("Follow-up action carried on with a new date") },
	{ "session_action.drop", N_("Follow-up action dropped") },
	{ "session_action.read", N_("Follow-up action read by someone other than the writer") },
	{ "session_action.remind", N_("Reminder of a follow-up action mailed") },
	{ "peer_group.create", N_("Peer group made") },
	{ "peer_group.member", N_("People of a peer group changed") },
	{ "peer_group.active", N_("Peer group marked active or inactive") },
	{ "presentation.add", N_("Presentation recorded") },
	{ "buddy.add", N_("Buddy pair recorded") },
	{ "buddy.end", N_("Buddy pair ended") },
	{ "spread.export", N_("Spread table downloaded") },
	{ "framework.element.add", N_("Framework element added") },
	{ "programme.create", N_("Programme made") },
	{ "programme.update", N_("Programme changed") },
	{ "impact.add", N_("Outcome added to an impact map") },
	{ "impact.update", N_("Outcome of an impact map changed") },
	{ "impact.remove", N_("Outcome removed from an impact map") },
	{ "impact.replace", N_("Impact map replaced as a whole") },
	{ "design.meeting", N_("Meeting of the design changed") },
	{ "design.meeting.add", N_("Meeting added to the design") },
	{ "design.meeting.remove", N_("Meeting removed from the design") },
	{ "design.part.add", N_("Part added to a script") },
	{ "design.part.remove", N_("Part removed from a script") },
	{ "design.topic.add", N_("Topic added to the menu card") },
	{ "design.topic.remove", N_("Topic removed from the menu card") },
	{ "design.option.add", N_("Option added to the menu card") },
	{ "design.option.remove", N_("Option removed from the menu card") },
	{ "batch.create", N_("Batch added") },
	{ "group.create", N_("Learning group added") },
	{ "group.staff", N_("Mentor and facilitator set") },
	{ "enrolment.create", N_("Participant enrolled") },
	{ "enrolment.status", N_("Status of a participant changed") },
	{ "selection.candidate", N_("Candidate added to a selection") },
	{ "selection.criterion", N_("Selection criterion set") },
	{ "meeting.plan", N_("Meeting planned") },
	{ "meeting.change", N_("Meeting moved or cancelled") },
	{ "meeting.choose", N_("Menu choice made") },
	{ "intake.save", N_("Intake recorded") },
	{ "closing_talk.record", N_("Closing talk recorded") },
	{ "closing_talk.write", N_("Closing talk written") },
	{ "learning_question.write", N_("Learning question written") },
	{ "plan.goal", N_("Goal of a development plan saved") },
	{ "logbook.share", N_("Logbook entry shared") },
	{ "research.consent.give", N_("Consent for research given") },
	{ "research.consent.withdraw", N_("Consent for research withdrawn") },
	{ "report.create", N_("Report written") },
	{ "report.reflect", N_("Mentor's reflection written") },
	{ "report.unpublish", N_("Report taken back to draft") },
	{ "contribution.create", N_("Contribution written") },
	{ "contribution.delete", N_("Contribution removed") },
	{ "contribution.unplace", N_("Contribution taken out of the report") },
	{ "learning_story.update", N_("Learning story changed") },
	{ "learning_story.export", N_("Learning story downloaded") },
	{ "calendar.export", N_("Group calendar downloaded") },
	{ "network.export", N_("Recruitment network downloaded") },
	{ "research.export", N_("Research project exported") },
	{ "research.import", N_("Research project imported") },
	{ "research.create", N_("Research project created") },
	{ "research.update", N_("Research project changed") },
	{ "research.remove", N_("Research project removed") },
	{ "research.member", N_("Member added to a research project") },
	{ "research.source", N_("Source added to a research project") },
	{ "research.source_remove", N_("Source removed from a research project") },
	{ "research.code", N_("Code added") },
	{ "research.code_update", N_("Code changed") },
	{ "research.code_remove", N_("Code removed") },
	{ "research.codes_framework", N_("Codes made from a framework") },
	{ "research.memo", N_("Memo added to a research project") },
	{ "research.memo_remove", N_("Memo removed from a research project") },
	{ "research.term", N_("Word replaced in a research project's exports") },
	{ "research.term_remove", N_("Word no longer replaced in a research project's exports") },
	{ "research.partner", N_("Partner added to a research project") },
	{ "research.partner_data", N_("Data of a research partner recorded") },
	{ "research.feedback_release", N_("Feedback phase released to a partner") },
	{ "member_check.create", N_("Member check made") },
	{ "member_check.contact", N_("Contact added to a member check") },
	{ "member_check.renew", N_("Link of a member check renewed") },
	{ "member_check.outcome", N_("Outcome of a member check recorded") },
	{ "member_check.close", N_("Member check closed") },
	{ "member_check.export", N_("Answers of a member check downloaded") },
	{ "read.research_source", N_("Personal text read in a research project") },
	{ "reverse.add", N_("Reverse mentoring pair made") },
	{ "reverse.step", N_("Step of a reverse mentoring pair") },
	{ "instrument.install", N_("Questionnaire installed") },
	{ "instrument.import", N_("Questionnaire imported") },
	{ "instrument.version", N_("New version of a questionnaire") },
	{ "wave.create", N_("Questionnaire round made") },
	{ "wave.mail", N_("Invitations to a questionnaire mailed") },
	{ "wave.remind", N_("Reminders sent") },
	{ "wave.links", N_("Questionnaire links downloaded") },
	{ "wave.close", N_("Questionnaire round closed") },
	{ "wave.export", N_("Answers exported") },
	{ "response.submit", N_("Questionnaire handed in") },
	{ "report.read", N_("Report read by someone else") },
	{ "contribution.read", N_("Contribution read by someone else") },
	{ "learning_story.read", N_("Learning story read by someone else") },
	{ "logbook.read", N_("Logbook entry read by someone else") },
	{ "development_plan.read", N_("Development plan read by someone else") },
	{ "learning_question.read", N_("Learning question read by someone else") },
	{ "intake.read", N_("Intake read by someone else") },
	{ "closing_talk.read", N_("Closing talk read by someone else") },
};

size_t audit_action_count(void)
{
	return sizeof(labels) / sizeof(labels[0]);
}

const char *audit_action_code(size_t i)
{
	return i < audit_action_count() ? labels[i].action : NULL;
}

const char *audit_action_label(const char *action)
{
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (!strcmp(labels[i].action, action))
			return _(labels[i].label);
	return action;
}

const char *audit_when(struct arena *a, const char *at)
{
	struct tm tm = { 0 };
	const char *end = at ? strptime(at, "%Y-%m-%dT%H:%M:%S", &tm) : NULL;
	if (!end)
		return at ? at : "";
	time_t t = timegm(&tm);
	struct tm local;
	if (!localtime_r(&t, &local))
		return at;
	char day[11], clock[9];
	strftime(day, sizeof(day), "%Y-%m-%d", &local);
	strftime(clock, sizeof(clock), "%H:%M:%S", &local);
	return arena_printf(a, "%s, %s", date_label(a, day), clock);
}
