/* selection.c — the competency profile of a programme's facilitators (and
 * mentors): criteria with weights, candidates, and their scores. */
#include "internal.h"
#include "store/selection.h"

int store_criterion_add(struct store *s, long long org, long long programme_id, const char *role, const char *name,
			int weight, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO selection_criterion(organisation_id, programme_id, role, position, name, weight)"
		" SELECT ?1, ?2, ?3, coalesce((SELECT max(position) FROM selection_criterion WHERE programme_id = ?2"
		"  AND role = ?3), 0) + 1, ?4, ?5"
		" WHERE EXISTS (SELECT 1 FROM programme WHERE id = ?2 AND organisation_id = ?1)");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, programme_id);
	bind_text(st, 3, role);
	bind_text(st, 4, name);
	q_bind_int(st, 5, weight);
	return inserted(s, exec_stmt(s, st), id);
}

int store_criterion_delete(struct store *s, long long org, long long programme_id, long long id)
{
	struct query *st = stmt(s, "DELETE FROM selection_criterion WHERE id = ? AND programme_id = ? AND organisation_id = ?");
	q_bind_int64(st, 1, id);
	q_bind_int64(st, 2, programme_id);
	q_bind_int64(st, 3, org);
	return changed(s, exec_stmt(s, st));
}

int store_criterion_list(struct store *s, struct arena *a, long long org, long long programme_id, const char *role,
			 struct selection_criterion **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT id, position, weight, name FROM selection_criterion"
				" WHERE organisation_id = ? AND programme_id = ? AND role = ? ORDER BY position, id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, programme_id);
	bind_text(st, 3, role);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct selection_criterion *c = ROW_PUSH(a, *out, *n, cap);
		c->id = q_int64(st, 0);
		c->position = q_int(st, 1);
		c->weight = q_int(st, 2);
		c->name = col_text0(a, st, 3);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_candidate_add(struct store *s, long long org, long long programme_id, const char *role, long long person_id,
			const char *note, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO selection_candidate(organisation_id, programme_id, role, person_id, note)"
		" SELECT ?1, ?2, ?3, ?4, ?5"
		" WHERE EXISTS (SELECT 1 FROM programme WHERE id = ?2 AND organisation_id = ?1)"
		" AND EXISTS (SELECT 1 FROM person WHERE id = ?4 AND organisation_id = ?1)");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, programme_id);
	bind_text(st, 3, role);
	q_bind_int64(st, 4, person_id);
	bind_text(st, 5, note ? note : "");
	return inserted(s, exec_stmt(s, st), id);
}

int store_candidate_list(struct store *s, struct arena *a, long long org, long long programme_id, const char *role,
			 struct selection_candidate **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT c.id, c.person_id, p.name, p.employee_id, c.note FROM selection_candidate c"
				" JOIN person p ON p.id = c.person_id WHERE c.organisation_id = ? AND c.programme_id = ?"
				" AND c.role = ? ORDER BY p.name, c.id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, programme_id);
	bind_text(st, 3, role);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct selection_candidate *c = ROW_PUSH(a, *out, *n, cap);
		c->id = q_int64(st, 0);
		c->person_id = q_int64(st, 1);
		c->name = col_text0(a, st, 2);
		c->employee_id = col_text0(a, st, 3);
		c->note = col_text0(a, st, 4);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_score_set(struct store *s, long long org, long long programme_id, long long candidate_id,
		    long long criterion_id, int score)
{
	if (score == 0) {
		struct query *st = stmt(s, "DELETE FROM selection_score WHERE candidate_id = ? AND criterion_id = ?"
					" AND organisation_id = ?");
		q_bind_int64(st, 1, candidate_id);
		q_bind_int64(st, 2, criterion_id);
		q_bind_int64(st, 3, org);
		return exec_stmt(s, st);
	}
	/* candidate and criterion of the same programme and role, of the organisation */
	struct query *st = stmt(s,
		"INSERT INTO selection_score(candidate_id, criterion_id, organisation_id, score) SELECT ?2, ?3, ?1, ?4"
		" WHERE EXISTS (SELECT 1 FROM selection_candidate c JOIN selection_criterion k"
		"  ON k.programme_id = c.programme_id AND k.role = c.role"
		"  WHERE c.id = ?2 AND k.id = ?3 AND c.organisation_id = ?1 AND c.programme_id = ?5)"
		" ON CONFLICT (candidate_id, criterion_id) DO UPDATE SET score = excluded.score");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, candidate_id);
	q_bind_int64(st, 3, criterion_id);
	q_bind_int(st, 4, score);
	q_bind_int64(st, 5, programme_id);
	return inserted(s, exec_stmt(s, st), NULL);
}

int store_score_list(struct store *s, struct arena *a, long long org, long long programme_id, const char *role,
		     struct selection_score **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT x.candidate_id, x.criterion_id, x.score FROM selection_score x"
				" JOIN selection_candidate c ON c.id = x.candidate_id"
				" WHERE x.organisation_id = ? AND c.programme_id = ? AND c.role = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, programme_id);
	bind_text(st, 3, role);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct selection_score *x = ROW_PUSH(a, *out, *n, cap);
		x->candidate_id = q_int64(st, 0);
		x->criterion_id = q_int64(st, 1);
		x->score = q_int(st, 2);
	}
	q_reset(st);
	return map_rc(s, rc);
}
