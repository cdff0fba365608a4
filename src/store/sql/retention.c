/* retention.c — the queries behind retention periods (store/retention.h).
 * Each removal binds ?1 the organisation, ?2 the last finishing day for
 * texts, ?3 for logbooks and ?4 the last closing day of a wave whose named
 * answers go. A group's finishing day is the view group_finish (0023). */
#include "internal.h"
#include "store/retention.h"

int store_retention_get(struct store *s, long long org, int *texts, int *logbook, int *answers,
			long long *updated_at)
{
	struct query *st = stmt(s, "SELECT texts_months, logbook_months, answers_months, updated_at FROM retention "
				   "WHERE organisation_id = ?1");
	if (!st)
		return ST_ERROR;
	q_bind_int64(st, 1, org);
	int rc = q_step(st);
	if (rc == Q_ROW) {
		*texts = q_int(st, 0);
		*logbook = q_int(st, 1);
		*answers = q_int(st, 2);
		*updated_at = q_int64(st, 3);
	}
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_retention_set(struct store *s, long long org, int texts, int logbook, int answers, long long now)
{
	struct query *st = stmt(s, "INSERT INTO retention(organisation_id, texts_months, logbook_months, answers_months, "
				   "updated_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(organisation_id) DO UPDATE SET "
				   "texts_months = ?2, logbook_months = ?3, answers_months = ?4, updated_at = ?5");
	if (!st)
		return ST_ERROR;
	q_bind_int64(st, 1, org);
	q_bind_int(st, 2, texts);
	q_bind_int(st, 3, logbook);
	q_bind_int(st, 4, answers);
	q_bind_int64(st, 5, now);
	return exec_stmt(s, st);
}

/* The groups of ?1 whose texts' period has passed. */
#define TEXT_GROUPS "(SELECT group_id FROM group_finish WHERE organisation_id = ?1 AND finished_on <= ?2)"
#define TEXT_ENROLMENTS "(SELECT id FROM enrolment WHERE organisation_id = ?1 AND group_id IN " TEXT_GROUPS ")"
/* Named waves of ?1 closed on or before ?4. */
#define NAMED_WAVES "(SELECT id FROM wave WHERE organisation_id = ?1 AND anonymous = 0 AND closes_on <= ?4)"

static const struct step {
	const char *what, *sql;
} steps[] = {
	{ "learning_question", "DELETE FROM learning_question WHERE organisation_id = ?1 AND group_id IN " TEXT_GROUPS },
	{ "intake", "UPDATE intake SET expectations = '' WHERE organisation_id = ?1 AND expectations <> '' "
		    "AND enrolment_id IN " TEXT_ENROLMENTS },
	{ "closing_talk", "UPDATE closing_talk SET learning_yield = '', next_steps = '' WHERE organisation_id = ?1 "
			  "AND (learning_yield <> '' OR next_steps <> '') AND enrolment_id IN " TEXT_ENROLMENTS },
	{ "development_plan", "DELETE FROM development_plan WHERE organisation_id = ?1 AND group_id IN " TEXT_GROUPS },
	{ "development_goal", "DELETE FROM development_goal WHERE organisation_id = ?1 AND group_id IN " TEXT_GROUPS },
	{ "manager_talk", "DELETE FROM manager_talk WHERE organisation_id = ?1 AND group_id IN " TEXT_GROUPS },
	/* a contribution placed in a learning story the group received stays:
	 * the story is the group's document */
	{ "contribution", "DELETE FROM contribution WHERE organisation_id = ?1 AND group_id IN " TEXT_GROUPS
			  " AND NOT (placed = 1 AND group_id IN (SELECT group_id FROM learning_story "
			  "WHERE organisation_id = ?1 AND status = 'bundled'))" },
	/* a writer's whole logbook, once every group they were enrolled in has
	 * finished, the last on or before ?3 */
	{ "logbook_entry", "DELETE FROM logbook_entry WHERE organisation_id = ?1 AND person_id IN "
			   "(SELECT e.person_id FROM enrolment e LEFT JOIN group_finish f ON f.group_id = e.group_id "
			   "AND f.organisation_id = ?1 "
			   "WHERE e.organisation_id = ?1 GROUP BY e.person_id "
			   "HAVING count(f.finished_on) = count(*) AND max(f.finished_on) <= ?3)" },
	{ "answer", "DELETE FROM answer WHERE text IS NOT NULL AND response_id IN (SELECT r.id FROM response r "
		    "JOIN invitation i ON i.id = r.invitation_id WHERE r.organisation_id = ?1 AND i.person_id IS NOT NULL "
		    "AND r.wave_id IN " NAMED_WAVES ")" },
	{ "draft", "DELETE FROM draft WHERE invitation_id IN (SELECT id FROM invitation WHERE organisation_id = ?1 "
		   "AND person_id IS NOT NULL AND wave_id IN " NAMED_WAVES ")" },
	{ "invitation", "UPDATE invitation SET person_id = NULL, email = '', discarded_draft = NULL "
			"WHERE organisation_id = ?1 AND person_id IS NOT NULL AND wave_id IN " NAMED_WAVES },
};

int store_retention_remove(struct store *s, struct arena *a, long long org, const struct retention_cutoff *cut,
			   struct subject_step **out, size_t *n)
{
	size_t ns = sizeof(steps) / sizeof(steps[0]);
	struct subject_step *r = arena_alloc(a, ns * sizeof(*r));
	long long total = 0;
	for (size_t i = 0; i < ns; i++) {
		struct query *st = stmt(s, steps[i].sql);
		if (!st)
			return ST_ERROR;
		int np = q_param_count(st);
		q_bind_int64(st, 1, org);
		if (np >= 2) bind_text(st, 2, cut->texts_until);
		if (np >= 3) bind_text(st, 3, cut->logbook_until);
		if (np >= 4) bind_text(st, 4, cut->answers_until);
		int rc = exec_stmt(s, st);
		if (rc)
			return rc;
		r[i].what = steps[i].what;
		r[i].rows = q_changes(s);
		total += r[i].rows;
	}
	if (total) {
		int rc = search_merge(s);
		if (rc)
			return rc;
	}
	*out = r;
	*n = ns;
	return ST_OK;
}
