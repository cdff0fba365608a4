/* intake.c — intakes, learning questions and closing talks in SQLite. Reading rules are
 * in domain/privacy.c; here everything is scoped to the organisation, and
 * a learning question only to a group its writer is enrolled in. */
#include "internal.h"
#include "store/intake.h"

int store_intake_get(struct store *s, struct arena *a, long long org, long long enrolment_id, struct intake *out)
{
	struct query *st = stmt(s, "SELECT id, enrolment_id, coalesce(recorded_by, 0), held_on, expectations, updated_at"
				" FROM intake WHERE organisation_id = ? AND enrolment_id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, enrolment_id);
	int rc = q_step(st);
	if (rc == Q_ROW) {
		out->id = q_int64(st, 0);
		out->enrolment_id = q_int64(st, 1);
		out->recorded_by = q_int64(st, 2);
		out->held_on = col_text0(a, st, 3);
		out->expectations = col_text0(a, st, 4);
		out->updated_at = q_int64(st, 5);
	}
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_intake_put(struct store *s, long long org, const struct intake *in)
{
	struct query *st = stmt(s,
		"INSERT INTO intake(organisation_id, enrolment_id, held_on, expectations, recorded_by, updated_at)"
		" SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE EXISTS (SELECT 1 FROM enrolment WHERE id = ?2 AND organisation_id = ?1)"
		" AND (?5 IS NULL OR EXISTS (SELECT 1 FROM person WHERE id = ?5 AND organisation_id = ?1))"
		" ON CONFLICT (enrolment_id) DO UPDATE SET held_on = excluded.held_on, expectations = excluded.expectations,"
		" recorded_by = excluded.recorded_by, updated_at = excluded.updated_at");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, in->enrolment_id);
	bind_text(st, 3, in->held_on);
	bind_text(st, 4, in->expectations ? in->expectations : "");
	bind_ref(st, 5, in->recorded_by);
	q_bind_int64(st, 6, in->updated_at);
	return inserted(s, exec_stmt(s, st), NULL);
}

int store_question_add(struct store *s, long long org, long long person_id, long long group_id, const char *text,
		       long long now, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO learning_question(organisation_id, person_id, group_id, text, written_at)"
		" SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM enrolment WHERE group_id = ?3 AND person_id = ?2"
		" AND organisation_id = ?1)");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, person_id);
	q_bind_int64(st, 3, group_id);
	bind_text(st, 4, text);
	q_bind_int64(st, 5, now);
	return inserted(s, exec_stmt(s, st), id);
}

int store_question_list(struct store *s, struct arena *a, long long org, long long person_id, long long group_id,
			struct learning_question **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT id, person_id, group_id, text, written_at FROM learning_question"
				" WHERE organisation_id = ? AND person_id = ? AND group_id = ? ORDER BY id DESC");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, person_id);
	q_bind_int64(st, 3, group_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct learning_question *q = ROW_PUSH(a, *out, *n, cap);
		q->id = q_int64(st, 0);
		q->person_id = q_int64(st, 1);
		q->group_id = q_int64(st, 2);
		q->text = col_text0(a, st, 3);
		q->written_at = q_int64(st, 4);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_closing_get(struct store *s, struct arena *a, long long org, long long enrolment_id, struct closing_talk *out)
{
	struct query *st = stmt(s, "SELECT id, enrolment_id, offered_on, outcome, held_on, learning_yield, next_steps,"
				" updated_at FROM closing_talk WHERE organisation_id = ? AND enrolment_id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, enrolment_id);
	int rc = q_step(st);
	if (rc == Q_ROW) {
		out->id = q_int64(st, 0);
		out->enrolment_id = q_int64(st, 1);
		out->offered_on = col_text0(a, st, 2);
		out->outcome = col_text0(a, st, 3);
		out->held_on = col_text0(a, st, 4);
		out->learning_yield = col_text0(a, st, 5);
		out->next_steps = col_text0(a, st, 6);
		out->updated_at = q_int64(st, 7);
	}
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_closing_put(struct store *s, long long org, const struct closing_talk *t)
{
	struct query *st = stmt(s,
		"INSERT INTO closing_talk(organisation_id, enrolment_id, offered_on, outcome, held_on, learning_yield,"
		" next_steps, updated_at) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8"
		" WHERE EXISTS (SELECT 1 FROM enrolment WHERE id = ?2 AND organisation_id = ?1)"
		" ON CONFLICT (enrolment_id) DO UPDATE SET offered_on = excluded.offered_on, outcome = excluded.outcome,"
		" held_on = excluded.held_on, learning_yield = excluded.learning_yield, next_steps = excluded.next_steps,"
		" updated_at = excluded.updated_at");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, t->enrolment_id);
	bind_text(st, 3, t->offered_on ? t->offered_on : "");
	bind_text(st, 4, t->outcome ? t->outcome : "open");
	bind_text(st, 5, t->held_on ? t->held_on : "");
	bind_text(st, 6, t->learning_yield ? t->learning_yield : "");
	bind_text(st, 7, t->next_steps ? t->next_steps : "");
	q_bind_int64(st, 8, t->updated_at);
	return inserted(s, exec_stmt(s, st), NULL);
}

int store_closing_counts(struct store *s, long long org, long long group_id, long long *offered, long long *held,
			 long long *declined)
{
	struct query *st = stmt(s, "SELECT count(*), coalesce(sum(CASE WHEN c.outcome = 'held' THEN 1 ELSE 0 END), 0),"
				" coalesce(sum(CASE WHEN c.outcome = 'declined' THEN 1 ELSE 0 END), 0)"
				" FROM closing_talk c JOIN enrolment e ON e.id = c.enrolment_id"
				" WHERE c.organisation_id = ? AND e.group_id = ? AND c.offered_on <> ''");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, group_id);
	int rc = q_step(st);
	if (rc == Q_ROW) {
		*offered = q_int64(st, 0);
		*held = q_int64(st, 1);
		*declined = q_int64(st, 2);
	}
	q_reset(st);
	return map_rc(s, rc);
}
