/* plan.c — development plans (POP) in SQLite: the assignment, the goals
 * and the talks with the manager, each only for a person enrolled in the
 * group and scoped to the organisation. */
#include "internal.h"
#include "store/plan.h"

#define ENROLLED \
	" EXISTS (SELECT 1 FROM enrolment WHERE person_id = ?2 AND group_id = ?3 AND organisation_id = ?1)"

int store_plan_assignment(struct store *s, struct arena *a, long long org, long long person_id, long long group_id,
			  char **out)
{
	struct query *st = stmt(s, "SELECT assignment FROM development_plan WHERE organisation_id = ? AND person_id = ?"
				" AND group_id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, person_id);
	q_bind_int64(st, 3, group_id);
	int rc = q_step(st);
	*out = rc == Q_ROW ? col_text0(a, st, 0) : "";
	q_reset(st);
	return map_rc(s, rc);
}

int store_plan_put(struct store *s, long long org, long long person_id, long long group_id, const char *assignment,
		   long long now)
{
	struct query *st = stmt(s,
		"INSERT INTO development_plan(organisation_id, person_id, group_id, assignment, updated_at)"
		" SELECT ?1, ?2, ?3, ?4, ?5 WHERE" ENROLLED
		" ON CONFLICT (person_id, group_id) DO UPDATE SET assignment = excluded.assignment,"
		" updated_at = excluded.updated_at");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, person_id);
	q_bind_int64(st, 3, group_id);
	bind_text(st, 4, assignment ? assignment : "");
	q_bind_int64(st, 5, now);
	return inserted(s, exec_stmt(s, st), NULL);
}

static void bind_goal(struct query *st, long long org, const struct development_goal *g)
{
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, g->person_id);
	q_bind_int64(st, 3, g->group_id);
	bind_text(st, 4, g->text);
	bind_text(st, 5, g->measure ? g->measure : "");
	bind_text(st, 6, g->due_on ? g->due_on : "");
	bind_text(st, 7, g->elements ? g->elements : "");
	q_bind_int64(st, 8, g->updated_at);
	bind_text(st, 10, g->learning_form ? g->learning_form : "");
}

int store_goal_add(struct store *s, long long org, const struct development_goal *g, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO development_goal(organisation_id, person_id, group_id, text, measure, due_on, elements, updated_at,"
		" learning_form) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?10 WHERE" ENROLLED);
	bind_goal(st, org, g);
	return inserted(s, exec_stmt(s, st), id);
}

int store_goal_update(struct store *s, long long org, const struct development_goal *g)
{
	struct query *st = stmt(s, "UPDATE development_goal SET text = ?4, measure = ?5, due_on = ?6, elements = ?7,"
				" updated_at = ?8, learning_form = ?10 WHERE id = ?9 AND person_id = ?2 AND group_id = ?3 AND organisation_id = ?1");
	bind_goal(st, org, g);
	q_bind_int64(st, 9, g->id);
	return changed(s, exec_stmt(s, st));
}

int store_goal_delete(struct store *s, long long org, long long person_id, long long id)
{
	struct query *st = stmt(s, "DELETE FROM development_goal WHERE id = ? AND person_id = ? AND organisation_id = ?");
	q_bind_int64(st, 1, id);
	q_bind_int64(st, 2, person_id);
	q_bind_int64(st, 3, org);
	return changed(s, exec_stmt(s, st));
}

int store_goal_list(struct store *s, struct arena *a, long long org, long long person_id, long long group_id,
		    struct development_goal **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT id, person_id, group_id, text, measure, due_on, elements, updated_at,"
				" learning_form FROM development_goal WHERE organisation_id = ? AND person_id = ? AND group_id = ? ORDER BY id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, person_id);
	q_bind_int64(st, 3, group_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct development_goal *g = ROW_PUSH(a, *out, *n, cap);
		g->id = q_int64(st, 0);
		g->person_id = q_int64(st, 1);
		g->group_id = q_int64(st, 2);
		g->text = col_text0(a, st, 3);
		g->measure = col_text0(a, st, 4);
		g->due_on = col_text0(a, st, 5);
		g->elements = col_text0(a, st, 6);
		g->updated_at = q_int64(st, 7);
		g->learning_form = col_text0(a, st, 8);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_goal_elements_set(struct store *s, long long org, long long goal_id, const long long *ids, size_t n)
{
	struct query *st = stmt(s, "DELETE FROM development_goal_element WHERE goal_id = ? AND organisation_id = ?");
	q_bind_int64(st, 1, goal_id);
	q_bind_int64(st, 2, org);
	int r = exec_stmt(s, st);
	for (size_t i = 0; i < n && !r; i++) {
		st = stmt(s, "INSERT INTO development_goal_element(goal_id, element_id, organisation_id, position)"
			     " SELECT ?1, id, ?2, ?3 FROM framework_element WHERE id = ?4 AND organisation_id = ?2"
			     " ON CONFLICT DO NOTHING");
		q_bind_int64(st, 1, goal_id);
		q_bind_int64(st, 2, org);
		q_bind_int64(st, 3, (long long)i + 1);
		q_bind_int64(st, 4, ids[i]);
		r = exec_stmt(s, st);
		if (!r && q_changes(s) == 0) {
			/* another organisation's element, or one given twice */
			bool twice = false;
			for (size_t k = 0; k < i; k++)
				twice |= ids[k] == ids[i];
			r = twice ? ST_OK : ST_INVALID;
		}
	}
	return r;
}

int store_goal_element_list(struct store *s, struct arena *a, long long org, long long person_id, long long group_id,
			    long long **goal_ids, struct goal_element **out, size_t *n)
{
	struct query *st = stmt(s,
		"SELECT x.goal_id, e.id, e.name, e.code, f.name FROM development_goal d"
		" JOIN development_goal_element x ON x.goal_id = d.id AND x.organisation_id = d.organisation_id"
		" JOIN framework_element e ON e.id = x.element_id"
		" JOIN framework f ON f.id = e.framework_id"
		" WHERE d.organisation_id = ? AND d.person_id = ? AND d.group_id = ? ORDER BY x.goal_id, x.position");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, person_id);
	q_bind_int64(st, 3, group_id);
	size_t cap = 0, gcap = 0, gn = 0;
	int rc;
	*out = NULL;
	*goal_ids = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		*ROW_PUSH(a, *goal_ids, gn, gcap) = q_int64(st, 0);
		struct goal_element *x = ROW_PUSH(a, *out, *n, cap);
		x->id = q_int64(st, 1);
		x->name = col_text0(a, st, 2);
		x->code = col_text0(a, st, 3);
		x->framework = col_text0(a, st, 4);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_talk_add(struct store *s, long long org, const struct manager_talk *t, long long now, long long *id)
{
	struct query *st = stmt(s, "INSERT INTO manager_talk(organisation_id, person_id, group_id, held_on, agreements, updated_at)"
				" SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE" ENROLLED);
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, t->person_id);
	q_bind_int64(st, 3, t->group_id);
	bind_text(st, 4, t->held_on);
	bind_text(st, 5, t->agreements ? t->agreements : "");
	q_bind_int64(st, 6, now);
	return inserted(s, exec_stmt(s, st), id);
}

int store_talk_list(struct store *s, struct arena *a, long long org, long long person_id, long long group_id,
		    struct manager_talk **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT id, person_id, group_id, held_on, agreements FROM manager_talk"
				" WHERE organisation_id = ? AND person_id = ? AND group_id = ? ORDER BY held_on, id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, person_id);
	q_bind_int64(st, 3, group_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct manager_talk *t = ROW_PUSH(a, *out, *n, cap);
		t->id = q_int64(st, 0);
		t->person_id = q_int64(st, 1);
		t->group_id = q_int64(st, 2);
		t->held_on = col_text0(a, st, 3);
		t->agreements = col_text0(a, st, 4);
	}
	q_reset(st);
	return map_rc(s, rc);
}
