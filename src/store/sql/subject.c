/* subject.c — the queries behind inzage and erasure (store/subject.h): one
 * list of every table with a link to a person and what it gives of them,
 * and one list of the steps that erase a person. Each query binds ?1 the
 * organisation and ?2 the person. A new table with a link to a person
 * belongs in both lists (tests/http/rights.test.mjs finds such tables in the
 * schema and fails until the inzage names them). */
#include "internal.h"
#include "store/subject.h"
#include "core/i18n.h"   /* N_: the steps are named on the erasure's confirm page */

#include <string.h>

/* The person's accounts, as a subquery. */
#define ACCOUNTS "(SELECT id FROM account WHERE organisation_id = ?1 AND person_id = ?2)"
#define ENROLMENTS "(SELECT id FROM enrolment WHERE organisation_id = ?1 AND person_id = ?2)"

static const struct source {
	const char *section, *table, *covered_by, *sql;
} sources[] = {
	{ "person", "person", NULL,
	  "SELECT p.employee_id, p.name, p.email, p.job_level, p.active, u.name AS unit, m.name AS manager "
	  "FROM person p LEFT JOIN unit u ON u.id = p.unit_id LEFT JOIN person m ON m.id = p.manager_id "
	  "WHERE p.organisation_id = ?1 AND p.id = ?2" },
	{ "person_search", "person_suffix", "person", NULL },
	{ "units_managed", "unit", NULL,
	  "SELECT name FROM unit WHERE organisation_id = ?1 AND manager_person_id = ?2 ORDER BY name" },
	{ "accounts", "account", NULL,
	  "SELECT email, display_name, active, created_at FROM account "
	  "WHERE organisation_id = ?1 AND person_id = ?2 ORDER BY id" },
	{ "roles", "role_grant", NULL,
	  "SELECT a.email AS account, g.role, g.scope_kind, g.scope_id FROM role_grant g "
	  "JOIN account a ON a.id = g.account_id WHERE g.account_id IN " ACCOUNTS " ORDER BY g.id" },
	{ "sessions", "session", NULL,
	  "SELECT datetime(created_at, 'unixepoch') AS created, datetime(expires_at, 'unixepoch') AS expires "
	  "FROM session WHERE account_id IN " ACCOUNTS " ORDER BY created_at" },
	{ "api_tokens", "api_token", NULL,
	  "SELECT label, created_at, datetime(expires_at, 'unixepoch') AS expires FROM api_token "
	  "WHERE account_id IN " ACCOUNTS " ORDER BY id" },
	{ "api_requests_kept", "idempotency_key", NULL,
	  "SELECT key, datetime(created_at, 'unixepoch') AS created, status FROM idempotency_key "
	  "WHERE account_id IN " ACCOUNTS " ORDER BY created_at" },
	{ "calendar_feeds", "calendar_feed", NULL,
	  "SELECT datetime(created_at, 'unixepoch') AS created, datetime(revoked_at, 'unixepoch') AS revoked "
	  "FROM calendar_feed WHERE account_id IN " ACCOUNTS " ORDER BY id" },
	{ "password_links", "password_reset", NULL,
	  "SELECT kind, datetime(created_at, 'unixepoch') AS created, datetime(expires_at, 'unixepoch') AS expires "
	  "FROM password_reset WHERE account_id IN " ACCOUNTS " ORDER BY created_at" },
	{ "uploads", "import_upload", NULL,
	  "SELECT filename, datetime(created_at, 'unixepoch') AS created FROM import_upload "
	  "WHERE account_id IN " ACCOUNTS " ORDER BY id" },
	{ "actions", "audit_log", NULL,
	  "SELECT at, action, object_kind, object_id FROM audit_log "
	  "WHERE organisation_id = ?1 AND actor_id IN " ACCOUNTS " ORDER BY id" },
	{ "read_by", "audit_log", NULL,
	  "SELECT at, action, object_kind, object_id, actor AS reader FROM audit_log "
	  "WHERE organisation_id = ?1 AND action LIKE '%.read' AND detail = 'writer person ' || ?2 ORDER BY id" },
	{ "enrolments", "enrolment", NULL,
	  "SELECT e.id, pr.name AS programme, b.name AS batch, g.name AS \"group\", e.status, e.registered_on, "
	  "e.stopped_on, e.stop_reason, e.completed_on FROM enrolment e JOIN learning_group g ON g.id = e.group_id "
	  "JOIN batch b ON b.id = g.batch_id JOIN programme pr ON pr.id = b.programme_id "
	  "WHERE e.organisation_id = ?1 AND e.person_id = ?2 ORDER BY e.id" },
	{ "enrolment_history", "audit_log", NULL,
	  "SELECT at, object_id AS enrolment, detail AS change FROM audit_log "
	  "WHERE organisation_id = ?1 AND action = 'enrolment.status' AND object_kind = 'enrolment' "
	  "AND object_id IN " ENROLMENTS " ORDER BY id" },
	{ "group_staff", "learning_group", NULL,
	  "SELECT g.name AS \"group\", CASE WHEN g.mentor_id = ?2 THEN 'mentor' ELSE 'facilitator' END AS role "
	  "FROM learning_group g WHERE g.organisation_id = ?1 AND (g.mentor_id = ?2 OR g.facilitator_id = ?2) "
	  "ORDER BY g.id" },
	{ "attendance", "attendance", NULL,
	  "SELECT m.starts_on AS date, pm.theme, a.status FROM attendance a JOIN meeting m ON m.id = a.meeting_id "
	  "JOIN programme_meeting pm ON pm.id = m.programme_meeting_id "
	  "WHERE a.organisation_id = ?1 AND a.person_id = ?2 ORDER BY m.starts_on" },
	{ "meetings_prepared", "meeting_preparer", NULL,
	  "SELECT m.starts_on AS date, pm.theme FROM meeting_preparer x JOIN meeting m ON m.id = x.meeting_id "
	  "JOIN programme_meeting pm ON pm.id = m.programme_meeting_id "
	  "WHERE x.organisation_id = ?1 AND x.person_id = ?2 ORDER BY m.starts_on" },
	{ "selection", "selection_candidate", NULL,
	  "SELECT pr.name AS programme, c.role, c.note FROM selection_candidate c "
	  "JOIN programme pr ON pr.id = c.programme_id WHERE c.organisation_id = ?1 AND c.person_id = ?2" },
	{ "logbook", "logbook_entry", NULL,
	  "SELECT entry_date, energy_gave, energy_cost, body, tags, shared_with FROM logbook_entry "
	  "WHERE organisation_id = ?1 AND person_id = ?2 ORDER BY entry_date, id" },
	{ "intake", "intake", NULL,
	  /* an intake the person recorded for someone else gives only its date */
	  "SELECT held_on, CASE WHEN enrolment_id IN " ENROLMENTS " THEN 'own' ELSE 'recorded' END AS kind, "
	  "CASE WHEN enrolment_id IN " ENROLMENTS " THEN expectations END AS expectations FROM intake "
	  "WHERE organisation_id = ?1 AND (enrolment_id IN " ENROLMENTS " OR recorded_by = ?2) ORDER BY id" },
	{ "learning_questions", "learning_question", NULL,
	  "SELECT text, datetime(written_at, 'unixepoch') AS written FROM learning_question "
	  "WHERE organisation_id = ?1 AND person_id = ?2 ORDER BY id" },
	{ "closing_talks", "closing_talk", NULL,
	  "SELECT offered_on, outcome, held_on, learning_yield, next_steps FROM closing_talk "
	  "WHERE organisation_id = ?1 AND enrolment_id IN " ENROLMENTS " ORDER BY id" },
	{ "development_plan", "development_plan", NULL,
	  "SELECT assignment, datetime(updated_at, 'unixepoch') AS updated FROM development_plan "
	  "WHERE organisation_id = ?1 AND person_id = ?2" },
	{ "development_goals", "development_goal", NULL,
	  "SELECT text, measure, due_on, learning_form FROM development_goal WHERE organisation_id = ?1 AND person_id = ?2 ORDER BY id" },
	{ "manager_talks", "manager_talk", NULL,
	  "SELECT held_on, agreements FROM manager_talk WHERE organisation_id = ?1 AND person_id = ?2 ORDER BY held_on" },
	{ "reverse_mentoring", "reverse_pair", NULL,
	  "SELECT CASE WHEN senior_id = ?2 THEN 'senior' ELSE 'junior' END AS role, question, step, started_on "
	  "FROM reverse_pair WHERE organisation_id = ?1 AND (senior_id = ?2 OR junior_id = ?2) ORDER BY id" },
	{ "cases_brought", "case_session", NULL,
	  "SELECT held_on, case_title, case_question, case_context FROM case_session "
	  "WHERE organisation_id = ?1 AND case_person_id = ?2 ORDER BY held_on, id" },
	{ "session_roles", "case_session_role", NULL,
	  "SELECT x.held_on, r.role FROM case_session_role r JOIN case_session x ON x.id = r.session_id "
	  "WHERE r.organisation_id = ?1 AND r.person_id = ?2 ORDER BY x.held_on, x.id" },
	{ "session_answers", "case_session_answer", NULL,
	  "SELECT x.held_on, y.text, y.selected, datetime(y.written_at, 'unixepoch') AS written FROM case_session_answer y "
	  "JOIN case_session x ON x.id = y.session_id WHERE y.organisation_id = ?1 AND y.person_id = ?2 ORDER BY y.id" },
	{ "session_actions", "session_action", NULL,
	  "SELECT x.held_on, a.text, a.due_on, a.status FROM session_action a JOIN case_session x ON x.id = a.session_id "
	  "WHERE a.organisation_id = ?1 AND a.person_id = ?2 ORDER BY a.id" },
	{ "peer_groups", "peer_group_member", NULL,
	  "SELECT g.kind, g.name, g.period, m.role, m.since, m.until FROM peer_group_member m "
	  "JOIN peer_group g ON g.id = m.peer_group_id WHERE m.organisation_id = ?1 AND m.person_id = ?2 ORDER BY g.id" },
	{ "buddy_pairs", "buddy_pair", NULL,
	  "SELECT CASE WHEN b.person_id = ?2 THEN 'participant' ELSE 'buddy' END AS role, "
	  "CASE WHEN b.person_id = ?2 THEN q.name ELSE p.name END AS other, b.reason, b.started_on, b.ended_on "
	  "FROM buddy_pair b JOIN person p ON p.id = b.person_id JOIN person q ON q.id = b.buddy_id "
	  "WHERE b.organisation_id = ?1 AND (b.person_id = ?2 OR b.buddy_id = ?2) ORDER BY b.id" },
	{ "sessions_led", "case_session", NULL,
	  "SELECT x.held_on, g.name AS peer_group FROM case_session x JOIN peer_group g ON g.id = x.peer_group_id "
	  "WHERE x.organisation_id = ?1 AND x.leader_id = ?2 ORDER BY x.held_on, x.id" },
	{ "presentations", "presentation_presenter", NULL,
	  "SELECT p.held_on, p.title, p.kind, p.audience FROM presentation_presenter pp "
	  "JOIN presentation p ON p.id = pp.presentation_id WHERE pp.organisation_id = ?1 AND pp.person_id = ?2 "
	  "ORDER BY p.held_on, p.id" },
	{ "referrals", "referral", NULL,
	  /* how the person came to take part, with who or what encouraged them */
	  "SELECT r.noted_on, r.kind, coalesce(b.name, r.by_name) AS encouraged_by, r.by_role, x.title AS presentation "
	  "FROM referral r LEFT JOIN person b ON b.id = r.by_person_id LEFT JOIN presentation x ON x.id = r.presentation_id "
	  "WHERE r.organisation_id = ?1 AND r.person_id = ?2 ORDER BY r.noted_on, r.id" },
	{ "named_as_encourager", "referral", NULL,
	  /* where someone named the person as who encouraged them: the date and
	   * the role, not who named them (that is the other person's) */
	  "SELECT noted_on, by_role FROM referral WHERE organisation_id = ?1 AND by_person_id = ?2 ORDER BY noted_on, id" },
	{ "presentations_attended", "presentation_attendee", NULL,
	  "SELECT p.held_on, p.title, p.kind, p.audience FROM presentation_attendee t "
	  "JOIN presentation p ON p.id = t.presentation_id WHERE t.organisation_id = ?1 AND t.person_id = ?2 "
	  "ORDER BY p.held_on, p.id" },
	{ "reports_written", "meeting_report", NULL,
	  "SELECT m.starts_on AS date, pm.theme, r.status, r.agenda, r.themes, r.learning_moments, "
	  "r.facilitator_reflection, r.mentor_reflection FROM meeting_report r JOIN meeting m ON m.id = r.meeting_id "
	  "JOIN programme_meeting pm ON pm.id = m.programme_meeting_id "
	  "WHERE r.organisation_id = ?1 AND r.written_by = ?2 ORDER BY m.starts_on" },
	{ "contributions", "contribution", NULL,
	  "SELECT m.starts_on AS date, pm.theme, c.text, c.placed FROM contribution c JOIN meeting m ON m.id = c.meeting_id "
	  "JOIN programme_meeting pm ON pm.id = m.programme_meeting_id "
	  "WHERE c.organisation_id = ?1 AND c.person_id = ?2 ORDER BY m.starts_on" },
	{ "search_index", "search_doc", "the texts above", NULL },
	{ "invitations", "invitation", NULL,
	  "SELECT w.name AS wave, w.opens_on, w.closes_on, w.anonymous, i.rater_role, i.responded "
	  "FROM invitation i JOIN wave w ON w.id = i.wave_id WHERE i.organisation_id = ?1 AND i.person_id = ?2 "
	  "ORDER BY w.opens_on, w.id" },
	{ "named_answers", "answer", NULL,
	  /* answers given on name only: an anonymous response keeps no link */
	  "SELECT w.name AS wave, it.code, it.text AS question, a.value, a.text, a.dont_know FROM answer a "
	  "JOIN response r ON r.id = a.response_id JOIN invitation i ON i.id = r.invitation_id "
	  "JOIN wave w ON w.id = r.wave_id JOIN instrument_item it ON it.id = a.item_id "
	  "WHERE r.organisation_id = ?1 AND i.person_id = ?2 AND w.anonymous = 0 ORDER BY w.id, it.position" },
	{ "feedback_rounds", "wave", NULL,
	  /* 360° rounds about the person: how many answered, per role; the
	   * answers themselves are the raters' (their report is the round's) */
	  "SELECT w.name AS round, w.opens_on, w.closes_on, "
	  "(SELECT count(*) FROM response r WHERE r.wave_id = w.id) AS responses FROM wave w "
	  "WHERE w.organisation_id = ?1 AND w.subject_id = ?2 ORDER BY w.opens_on" },
	{ "waves_made", "wave", NULL,
	  "SELECT name, opens_on, closes_on FROM wave WHERE organisation_id = ?1 AND created_by IN " ACCOUNTS
	  " ORDER BY id" },
	{ "research_consents_for_reports", "meeting_report", NULL,
	  /* the group's consent to research use, recorded by the person */
	  "SELECT m.starts_on AS date, g.name AS \"group\", r.research_consent AS consent, "
	  "datetime(r.research_consent_at, 'unixepoch') AS recorded FROM meeting_report r "
	  "JOIN meeting m ON m.id = r.meeting_id JOIN learning_group g ON g.id = r.group_id "
	  "WHERE r.organisation_id = ?1 AND r.research_consent_by = ?2 ORDER BY m.starts_on" },
	{ "research_consents_for_stories", "learning_story", NULL,
	  "SELECT g.name AS \"group\", s.research_consent AS consent, "
	  "datetime(s.research_consent_at, 'unixepoch') AS recorded FROM learning_story s "
	  "JOIN learning_group g ON g.id = s.group_id WHERE s.organisation_id = ?1 AND s.research_consent_by = ?2" },
	{ "research_texts_used", "research_source", NULL,
	  /* the person's own texts (consented) copied into research projects */
	  "SELECT p.name AS project, s.kind, s.name, s.held_on FROM research_source s "
	  "JOIN research_project p ON p.id = s.project_id WHERE s.organisation_id = ?1 AND ("
	  "(s.kind = 'logbook' AND s.ref_id IN (SELECT id FROM logbook_entry WHERE organisation_id = ?1 AND person_id = ?2)) "
	  "OR (s.kind = 'case' AND s.ref_id IN (SELECT id FROM case_session WHERE organisation_id = ?1 "
	  "AND case_person_id = ?2))) ORDER BY s.id" },
	{ "research_projects_made", "research_project", NULL,
	  "SELECT name, purpose, datetime(created_at, 'unixepoch') AS created FROM research_project "
	  "WHERE organisation_id = ?1 AND created_by IN " ACCOUNTS " ORDER BY id" },
	{ "research_coder", "research_coder", NULL,
	  "SELECT p.name AS project, k.name AS coder, "
	  "(SELECT count(*) FROM research_selection x WHERE x.coder_id = k.id) AS passages_coded "
	  "FROM research_coder k JOIN research_project p ON p.id = k.project_id "
	  "WHERE k.organisation_id = ?1 AND k.account_id IN " ACCOUNTS " ORDER BY k.id" },
	{ "research_sources_added", "research_source", NULL,
	  "SELECT p.name AS project, s.kind, s.name, s.held_on FROM research_source s "
	  "JOIN research_project p ON p.id = s.project_id WHERE s.organisation_id = ?1 AND s.added_by IN " ACCOUNTS
	  " ORDER BY s.id" },
	{ "fieldwork_recorded", "research_fieldwork", NULL,
	  "SELECT p.name AS project, f.kind, f.held_on, f.minutes FROM research_fieldwork f "
	  "JOIN research_project p ON p.id = f.project_id WHERE f.organisation_id = ?1 AND f.created_by IN " ACCOUNTS
	  " ORDER BY f.id" },
	{ "member_check_answers", "member_check_contact", NULL,
	  "SELECT m.title, m.held_on, k.name, k.affiliation, k.email, k.recognised, k.recognised_note, k.not_fitting, "
	  "k.answered_at FROM member_check_contact k JOIN member_check m ON m.id = k.check_id "
	  "WHERE k.organisation_id = ?1 AND k.person_id = ?2 ORDER BY k.id" },
	{ "member_checks_made", "member_check", NULL,
	  "SELECT title, held_on FROM member_check WHERE organisation_id = ?1 AND created_by IN " ACCOUNTS " ORDER BY id" },
	{ "feedback_released", "feedback_release", NULL,
	  "SELECT phase, shared, deliverable, released_at FROM feedback_release WHERE organisation_id = ?1 "
	  "AND released_by IN " ACCOUNTS " ORDER BY id" },
	/* two-wave studies the person is in (their answers: named_answers) */
	{ "studies", "study_member", NULL,
	  "SELECT s.name AS study, m.arm AS study_group FROM study_member m JOIN study s ON s.id = m.study_id "
	  "WHERE m.organisation_id = ?1 AND m.person_id = ?2 ORDER BY s.id" },
	{ "studies_made", "study", NULL,
	  "SELECT name, datetime(created_at, 'unixepoch') AS created FROM study WHERE organisation_id = ?1 AND created_by IN "
	  ACCOUNTS " ORDER BY id" },
};

int store_subject_rows(struct store *s, struct arena *a, long long org, long long person,
		       struct subject_rows **out, size_t *n)
{
	size_t ns = sizeof(sources) / sizeof(sources[0]);
	struct subject_rows *r = arena_alloc(a, ns * sizeof(*r));
	for (size_t i = 0; i < ns; i++) {
		r[i].section = sources[i].section;
		r[i].table = sources[i].table;
		r[i].covered_by = sources[i].covered_by;
		if (!sources[i].sql)
			continue;
		struct query *st = stmt(s, sources[i].sql);
		if (!st)
			return ST_ERROR;
		q_bind_int64(st, 1, org);
		q_bind_int64(st, 2, person);
		size_t nc = (size_t)q_column_count(st);
		r[i].ncols = nc;
		r[i].cols = arena_alloc(a, nc * sizeof(char *));
		for (size_t c = 0; c < nc; c++)
			r[i].cols[c] = arena_strdup(a, q_column_name(st, (int)c));
		size_t cap = 0, rows = 0;
		char **cells = NULL;
		bool *num = NULL;
		int rc;
		while ((rc = q_step(st)) == Q_ROW) {
			if (rows == cap) {
				size_t ncap = cap ? cap * 2 : 8;
				cells = arena_grow(a, cells, cap * nc, ncap * nc, sizeof(*cells));
				num = arena_grow(a, num, cap * nc, ncap * nc, sizeof(*num));
				cap = ncap;
			}
			for (size_t c = 0; c < nc; c++) {
				num[rows * nc + c] = q_is_numeric(st, (int)c);
				cells[rows * nc + c] = col_text(a, st, (int)c);
			}
			rows++;
		}
		q_reset(st);
		if (rc != Q_DONE)
			return map_rc(s, rc);
		r[i].nrows = rows;
		r[i].cells = cells;
		r[i].numeric = num;
	}
	*out = r;
	*n = ns;
	return ST_OK;
}

/* The steps of an erasure, in order; ?3 is the note, ?4 the tombstone's
 * name. Texts go; rows that reports count (enrolments, attendance,
 * preparers, responses) stay and point at the tombstone. */
static const struct step {
	const char *what, *sql;
} steps[] = {
	{ N_("research_source: the copies of the person's case and of the reports and stories with their reflections "
	     "deleted from research projects"),
	  "DELETE FROM research_source WHERE organisation_id = ?1 AND ("
	  "(kind = 'case' AND ref_id IN (SELECT id FROM case_session WHERE organisation_id = ?1 AND case_person_id = ?2)) "
	  "OR (kind = 'report' AND ref_id IN (SELECT r.id FROM meeting_report r JOIN learning_group g ON g.id = r.group_id "
	  "WHERE r.organisation_id = ?1 AND ((g.facilitator_id = ?2 AND r.facilitator_reflection <> '') "
	  "OR (g.mentor_id = ?2 AND r.mentor_reflection <> '')))) "
	  "OR (kind = 'story' AND ref_id IN (SELECT s.id FROM learning_story s JOIN learning_group g ON g.id = s.group_id "
	  "WHERE s.organisation_id = ?1 AND (g.facilitator_id = ?2 OR g.mentor_id = ?2))))" },
	{ N_("logbook_entry: deleted"), "DELETE FROM logbook_entry WHERE organisation_id = ?1 AND person_id = ?2" },
	{ N_("learning_question: deleted"), "DELETE FROM learning_question WHERE organisation_id = ?1 AND person_id = ?2" },
	{ N_("development_goal: deleted"), "DELETE FROM development_goal WHERE organisation_id = ?1 AND person_id = ?2" },
	{ N_("development_plan: deleted"), "DELETE FROM development_plan WHERE organisation_id = ?1 AND person_id = ?2" },
	{ N_("manager_talk: deleted"), "DELETE FROM manager_talk WHERE organisation_id = ?1 AND person_id = ?2" },
	{ N_("selection_candidate: deleted"),
	  "DELETE FROM selection_candidate WHERE organisation_id = ?1 AND person_id = ?2" },
	{ N_("intake: text emptied, the talk kept"),
	  "UPDATE intake SET expectations = '' WHERE organisation_id = ?1 AND enrolment_id IN " ENROLMENTS },
	{ N_("closing_talk: texts emptied, the talk kept"),
	  "UPDATE closing_talk SET learning_yield = '', next_steps = '' WHERE organisation_id = ?1 "
	  "AND enrolment_id IN " ENROLMENTS },
	{ N_("contribution: text replaced by the note"), "UPDATE contribution SET text = ?3 WHERE organisation_id = ?1 AND person_id = ?2" },
	{ N_("meeting_report: the facilitator's reflection replaced by the note"),
	  "UPDATE meeting_report SET facilitator_reflection = ?3 WHERE organisation_id = ?1 AND facilitator_reflection <> '' "
	  "AND group_id IN (SELECT id FROM learning_group WHERE organisation_id = ?1 AND facilitator_id = ?2)" },
	{ N_("meeting_report: the mentor's reflection replaced by the note"),
	  "UPDATE meeting_report SET mentor_reflection = ?3 WHERE organisation_id = ?1 AND mentor_reflection <> '' "
	  "AND group_id IN (SELECT id FROM learning_group WHERE organisation_id = ?1 AND mentor_id = ?2)" },
	{ N_("case_session_answer: deleted"),
	  "DELETE FROM case_session_answer WHERE organisation_id = ?1 AND person_id = ?2" },
	{ N_("session_action: the person's follow-up actions deleted"),
	  "DELETE FROM session_action WHERE organisation_id = ?1 AND person_id = ?2" },
	{ N_("case_session_role: deleted"), "DELETE FROM case_session_role WHERE organisation_id = ?1 AND person_id = ?2" },
	{ N_("case_session: the case's texts emptied and its owner unlinked, the session kept"),
	  "UPDATE case_session SET case_title = '', case_question = '', case_context = '', case_person_id = NULL "
	  "WHERE organisation_id = ?1 AND case_person_id = ?2" },
	{ N_("case_session_note: the leader's notes deleted"),
	  "DELETE FROM case_session_note WHERE organisation_id = ?1 AND session_id IN (SELECT x.id FROM case_session x "
	  "LEFT JOIN learning_group g ON g.id = x.group_id WHERE x.organisation_id = ?1 "
	  "AND (g.facilitator_id = ?2 OR x.leader_id = ?2))" },
	{ N_("case_session: unlinked from the person who led it, the session kept"),
	  "UPDATE case_session SET leader_id = NULL WHERE organisation_id = ?1 AND leader_id = ?2" },
	{ N_("peer_group_member: the person's places in peer groups deleted"),
	  "DELETE FROM peer_group_member WHERE organisation_id = ?1 AND person_id = ?2" },
	{ N_("presentation_presenter: the person removed from the presenters, the presentation kept"),
	  "DELETE FROM presentation_presenter WHERE organisation_id = ?1 AND person_id = ?2" },
	{ N_("buddy_pair: the person's buddy pairs deleted, as participant and as buddy"),
	  "DELETE FROM buddy_pair WHERE organisation_id = ?1 AND (person_id = ?2 OR buddy_id = ?2)" },
	{ N_("referral: the name of someone outside the list replaced by the note, the referral kept as a count"),
	  "UPDATE referral SET by_name = ?3 WHERE organisation_id = ?1 AND person_id = ?2 AND by_name <> ''" },
	{ N_("reverse_pair: question emptied, the pair kept"),
	  "UPDATE reverse_pair SET question = '' WHERE organisation_id = ?1 AND (senior_id = ?2 OR junior_id = ?2)" },
	{ N_("answer: open answers given on name deleted"),
	  "DELETE FROM answer WHERE text IS NOT NULL AND response_id IN (SELECT r.id FROM response r "
	  "JOIN invitation i ON i.id = r.invitation_id JOIN wave w ON w.id = r.wave_id "
	  "WHERE r.organisation_id = ?1 AND i.person_id = ?2 AND w.anonymous = 0)" },
	{ N_("draft: deleted"), "DELETE FROM draft WHERE invitation_id IN "
	  "(SELECT id FROM invitation WHERE organisation_id = ?1 AND person_id = ?2)" },
	{ N_("invitation: name and address removed, the count kept"),
	  "UPDATE invitation SET person_id = NULL, email = '', discarded_draft = NULL "
	  "WHERE organisation_id = ?1 AND person_id = ?2" },
	{ N_("member_check_contact: the person's answers to member checks deleted"),
	  "DELETE FROM member_check_contact WHERE organisation_id = ?1 AND person_id = ?2" },
	{ N_("member_check: maker unlinked"),
	  "UPDATE member_check SET created_by = NULL WHERE organisation_id = ?1 AND created_by IN " ACCOUNTS },
	{ N_("feedback_release: releaser unlinked and their name replaced"),
	  "UPDATE feedback_release SET released_by = NULL, released_by_name = ?4 WHERE organisation_id = ?1 "
	  "AND released_by IN " ACCOUNTS },
	{ N_("meeting_report: who recorded the group's consent unlinked, the consent kept"),
	  "UPDATE meeting_report SET research_consent_by = NULL WHERE organisation_id = ?1 AND research_consent_by = ?2" },
	{ N_("learning_story: who recorded the group's consent unlinked, the consent kept"),
	  "UPDATE learning_story SET research_consent_by = NULL WHERE organisation_id = ?1 AND research_consent_by = ?2" },
	{ N_("research_coder: the person's name as a coder replaced by the tombstone, the coding kept"),
	  "UPDATE research_coder SET name = ?4 WHERE organisation_id = ?1 AND account_id IN " ACCOUNTS },
	{ N_("research_project: maker unlinked"),
	  "UPDATE research_project SET created_by = NULL WHERE organisation_id = ?1 AND created_by IN " ACCOUNTS },
	{ N_("research_source: who added it unlinked"),
	  "UPDATE research_source SET added_by = NULL WHERE organisation_id = ?1 AND added_by IN " ACCOUNTS },
	{ N_("research_fieldwork: who recorded it unlinked"),
	  "UPDATE research_fieldwork SET created_by = NULL WHERE organisation_id = ?1 AND created_by IN " ACCOUNTS },
	{ N_("wave: maker unlinked"), "UPDATE wave SET created_by = NULL WHERE organisation_id = ?1 AND created_by IN " ACCOUNTS },
	{ N_("audit_log: the person's accounts replaced by the tombstone"),
	  "UPDATE audit_log SET actor = ?4 WHERE organisation_id = ?1 AND (actor_id IN " ACCOUNTS
	  " OR actor IN (SELECT email FROM account WHERE organisation_id = ?1 AND person_id = ?2))" },
	{ N_("audit_log: name, e-mail and number removed from details"),
	  "UPDATE audit_log SET detail = replace(CASE WHEN p.email = '' THEN replace(detail, p.name, ?4) "
	  "ELSE replace(replace(detail, p.name, ?4), p.email, ?4) END, p.employee_id, ?4) "
	  "FROM (SELECT name, email, employee_id FROM person WHERE organisation_id = ?1 AND id = ?2) p "
	  "WHERE audit_log.organisation_id = ?1 AND (instr(detail, p.name) > 0 "
	  "OR (p.email <> '' AND instr(detail, p.email) > 0) OR instr(detail, p.employee_id) > 0)" },
	{ N_("audit_log: the person's account addresses removed from details"),
	  "UPDATE audit_log SET detail = replace(detail, a.email, ?4) "
	  "FROM (SELECT email FROM account WHERE organisation_id = ?1 AND person_id = ?2) a "
	  "WHERE audit_log.organisation_id = ?1 AND instr(lower(detail), lower(a.email)) > 0" },
	{ N_("account: deleted, with its roles, sessions, tokens, feeds and links"),
	  "DELETE FROM account WHERE organisation_id = ?1 AND person_id = ?2" },
	{ N_("person: others' manager unlinked"), "UPDATE person SET manager_id = NULL WHERE organisation_id = ?1 AND manager_id = ?2" },
	{ N_("person: name, e-mail, number, unit and job level removed (tombstone)"),
	  "UPDATE person SET name = ?4, email = '', employee_id = 'erased-' || id, unit_id = NULL, manager_id = NULL, "
	  "job_level = '', active = 0 WHERE organisation_id = ?1 AND id = ?2" },
	{ N_("search index: merged"), NULL },  /* search_merge() */
};

int store_subject_erase(struct store *s, struct arena *a, long long org, long long person, const char *note,
			const char *tombstone_name, struct subject_step **out, size_t *n)
{
	size_t ns = sizeof(steps) / sizeof(steps[0]);
	struct subject_step *r = arena_alloc(a, ns * sizeof(*r));
	for (size_t i = 0; i < ns; i++) {
		r[i].what = steps[i].what;
		r[i].rows = 0;
		if (!steps[i].sql) {
			int rc = search_merge(s);
			if (rc)
				return rc;
			continue;
		}
		struct query *st = stmt(s, steps[i].sql);
		int np = q_param_count(st);
		if (np >= 1) q_bind_int64(st, 1, org);
		if (np >= 2) q_bind_int64(st, 2, person);
		if (np >= 3) bind_text(st, 3, note);
		if (np >= 4) bind_text(st, 4, tombstone_name);
		int rc = exec_stmt(s, st);
		if (rc)
			return rc;
		r[i].rows = q_changes(s);
	}
	*out = r;
	*n = ns;
	return ST_OK;
}

int store_scrub_files(struct store *s, struct buf *err)
{
	if (s->kind == DB_POSTGRESQL)  /* the server's own files: VACUUM marks the space free */
		return exec_sql(s, "VACUUM", err);
	char *msg = NULL;
	if (sqlite3_exec(s->db, "VACUUM", NULL, NULL, &msg) != SQLITE_OK) {
		buf_addf(err, "VACUUM: %s", msg ? msg : "?");
		sqlite3_free(msg);
		return ST_ERROR;
	}
	int log = 0, done = 0;
	int rc = sqlite3_wal_checkpoint_v2(s->db, "main", SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
	if (rc != SQLITE_OK) {
		buf_addf(err, "checkpoint: %s", sqlite3_errmsg(s->db));
		return ST_BUSY;
	}
	return ST_OK;
}
