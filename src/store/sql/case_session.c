/* case_session.c — a group's sessions with a case in SQLite: the session,
 * its roles, the leader's notes per step and the members' answers. */
#include "internal.h"
#include "store/case_session.h"

#define SESSION_COLS "x.id, x.group_id, x.method_id, coalesce(x.case_person_id, 0), x.step, x.held_on, x.case_title," \
	" x.case_question, x.case_context, x.summary, x.sharpened, m.name, coalesce(p.name, ''), x.step_since," \
	" coalesce(x.peer_group_id, 0), coalesce(x.leader_id, 0)"
#define SESSION_FROM " FROM case_session x JOIN session_method m ON m.id = x.method_id" \
	" LEFT JOIN person p ON p.id = x.case_person_id"

static void read_session(struct arena *a, struct query *st, struct case_session *x)
{
	x->id = q_int64(st, 0);
	x->group_id = q_int64(st, 1);
	x->method_id = q_int64(st, 2);
	x->case_person_id = q_int64(st, 3);
	x->step = q_int(st, 4);
	x->held_on = col_text0(a, st, 5);
	x->case_title = col_text0(a, st, 6);
	x->case_question = col_text0(a, st, 7);
	x->case_context = col_text0(a, st, 8);
	x->summary = col_text0(a, st, 9);
	x->sharpened = col_text0(a, st, 10);
	x->method_name = col_text0(a, st, 11);
	x->case_person_name = col_text0(a, st, 12);
	x->step_since = q_int64(st, 13);
	x->peer_group_id = q_int64(st, 14);
	x->leader_id = q_int64(st, 15);
}

int store_case_session_add(struct store *s, long long org, const struct case_session *x, long long *id)
{
	/* the group (a learning group or a peer group), the method, the case
	 * owner and the leader must be of the organisation */
	struct query *st = stmt(s,
		"INSERT INTO case_session(organisation_id, group_id, method_id, held_on, case_person_id, case_title,"
		" case_question, case_context, step_since, peer_group_id, leader_id)"
		" SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11"
		" WHERE (EXISTS (SELECT 1 FROM learning_group WHERE id = ?2 AND organisation_id = ?1)"
		" OR EXISTS (SELECT 1 FROM peer_group WHERE id = ?10 AND organisation_id = ?1))"
		" AND (?11 IS NULL OR EXISTS (SELECT 1 FROM person WHERE id = ?11 AND organisation_id = ?1))"
		" AND EXISTS (SELECT 1 FROM session_method WHERE id = ?3 AND organisation_id = ?1)"
		" AND (?5 IS NULL OR EXISTS (SELECT 1 FROM person WHERE id = ?5 AND organisation_id = ?1))");
	q_bind_int64(st, 1, org);
	bind_ref(st, 2, x->group_id);
	q_bind_int64(st, 3, x->method_id);
	bind_text(st, 4, x->held_on);
	bind_ref(st, 5, x->case_person_id);
	bind_text(st, 6, x->case_title ? x->case_title : "");
	bind_text(st, 7, x->case_question ? x->case_question : "");
	bind_text(st, 8, x->case_context ? x->case_context : "");
	q_bind_int64(st, 9, x->step_since);
	bind_ref(st, 10, x->peer_group_id);
	bind_ref(st, 11, x->leader_id);
	return inserted(s, exec_stmt(s, st), id);
}

int store_case_session_get(struct store *s, struct arena *a, long long org, long long id, struct case_session *out)
{
	struct query *st = stmt(s, "SELECT " SESSION_COLS SESSION_FROM " WHERE x.organisation_id = ? AND x.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_session(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

/* The sessions of one learning group or one peer group (sql: with the
 * organisation as ?1 and the group as ?2), newest first. */
static int list_of(struct store *s, struct arena *a, struct query *st, long long org, long long group,
		   struct case_session **out, size_t *n)
{
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, group);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_session(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

/* Sessions, cases and answers of one group (as list_of). */
static int counts_of(struct store *s, struct query *st, long long org, long long group, struct case_session_counts *out)
{
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, group);
	int rc = q_step(st);
	if (rc == Q_ROW) {
		out->sessions = q_int64(st, 0);
		out->cases = q_int64(st, 1);
		out->answers = q_int64(st, 2);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_case_session_list(struct store *s, struct arena *a, long long org, long long group_id,
			    struct case_session **out, size_t *n)
{
	return list_of(s, a, stmt(s, "SELECT " SESSION_COLS SESSION_FROM " WHERE x.organisation_id = ?1 AND x.group_id = ?2"
				  " ORDER BY x.held_on DESC, x.id DESC"), org, group_id, out, n);
}

int store_case_session_counts(struct store *s, long long org, long long group_id, struct case_session_counts *out)
{
	return counts_of(s, stmt(s, "SELECT count(*), count(NULLIF(x.case_title, '')),"
				 " (SELECT count(*) FROM case_session_answer y JOIN case_session z ON z.id = y.session_id"
				 "  WHERE z.organisation_id = ?1 AND z.group_id = ?2)"
				 " FROM case_session x WHERE x.organisation_id = ?1 AND x.group_id = ?2"), org, group_id, out);
}

int store_case_session_list_peer(struct store *s, struct arena *a, long long org, long long peer_group_id,
				 struct case_session **out, size_t *n)
{
	return list_of(s, a, stmt(s, "SELECT " SESSION_COLS SESSION_FROM " WHERE x.organisation_id = ?1"
				  " AND x.peer_group_id = ?2 ORDER BY x.held_on DESC, x.id DESC"), org, peer_group_id, out, n);
}

int store_case_session_counts_peer(struct store *s, long long org, long long peer_group_id,
				   struct case_session_counts *out)
{
	return counts_of(s, stmt(s, "SELECT count(*), count(NULLIF(x.case_title, '')),"
				 " (SELECT count(*) FROM case_session_answer y JOIN case_session z ON z.id = y.session_id"
				 "  WHERE z.organisation_id = ?1 AND z.peer_group_id = ?2)"
				 " FROM case_session x WHERE x.organisation_id = ?1 AND x.peer_group_id = ?2"), org, peer_group_id, out);
}

int store_case_session_set_step(struct store *s, long long org, long long id, int step, long long since)
{
	struct query *st = stmt(s, "UPDATE case_session SET step = ?3, step_since = ?4 WHERE organisation_id = ?1 AND id = ?2");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	q_bind_int(st, 3, step);
	q_bind_int64(st, 4, since);
	return changed(s, exec_stmt(s, st));
}

int store_case_session_set_outcome(struct store *s, long long org, long long id, const char *summary,
				   const char *sharpened)
{
	struct query *st = stmt(s, "UPDATE case_session SET summary = ?3, sharpened = ?4"
				" WHERE organisation_id = ?1 AND id = ?2");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	bind_text(st, 3, summary);
	bind_text(st, 4, sharpened);
	return changed(s, exec_stmt(s, st));
}

static int add_role(struct store *s, long long org, long long id, const char *role, long long person)
{
	if (!person)
		return ST_OK;
	struct query *st = stmt(s, "INSERT INTO case_session_role(session_id, organisation_id, role, person_id)"
				" SELECT ?2, ?1, ?3, ?4 WHERE EXISTS (SELECT 1 FROM case_session WHERE id = ?2"
				" AND organisation_id = ?1) AND EXISTS (SELECT 1 FROM person WHERE id = ?4 AND organisation_id = ?1)"
				" ON CONFLICT DO NOTHING");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	bind_text(st, 3, role);
	q_bind_int64(st, 4, person);
	return exec_stmt(s, st);
}

int store_case_session_set_roles(struct store *s, long long org, long long id, long long summariser,
				 const long long readers[2])
{
	struct query *st = stmt(s, "DELETE FROM case_session_role WHERE organisation_id = ? AND session_id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int r = exec_stmt(s, st);
	if (!r)
		r = add_role(s, org, id, "summariser", summariser);
	for (int i = 0; i < 2 && !r; i++)
		r = add_role(s, org, id, "reader", readers[i]);
	return r;
}

int store_case_session_roles(struct store *s, struct arena *a, long long org, long long id,
			     struct case_session_role **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT r.person_id, r.role, p.name FROM case_session_role r"
				" JOIN person p ON p.id = r.person_id WHERE r.organisation_id = ? AND r.session_id = ?"
				" ORDER BY r.role DESC, p.name");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct case_session_role *r = ROW_PUSH(a, *out, *n, cap);
		r->person_id = q_int64(st, 0);
		r->role = col_text0(a, st, 1);
		r->person_name = col_text0(a, st, 2);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_case_session_set_note(struct store *s, long long org, long long id, int n, const char *text)
{
	struct query *st;
	if (!text || !*text) {
		st = stmt(s, "DELETE FROM case_session_note WHERE organisation_id = ? AND session_id = ? AND n = ?");
		q_bind_int64(st, 1, org);
		q_bind_int64(st, 2, id);
		q_bind_int(st, 3, n);
		return exec_stmt(s, st);
	}
	st = stmt(s, "INSERT INTO case_session_note(session_id, organisation_id, n, text) SELECT ?2, ?1, ?3, ?4"
		  " WHERE EXISTS (SELECT 1 FROM case_session WHERE id = ?2 AND organisation_id = ?1)"
		  " ON CONFLICT (session_id, n) DO UPDATE SET text = excluded.text");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	q_bind_int(st, 3, n);
	bind_text(st, 4, text);
	return inserted(s, exec_stmt(s, st), NULL);
}

int store_case_session_notes(struct store *s, struct arena *a, long long org, long long id,
			     struct case_session_note **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT n, text FROM case_session_note WHERE organisation_id = ? AND session_id = ?"
				" ORDER BY n");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct case_session_note *x = ROW_PUSH(a, *out, *n, cap);
		x->n = q_int(st, 0);
		x->text = col_text0(a, st, 1);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_case_session_answer_add(struct store *s, long long org, long long id, long long person_id,
				  const char *text, long long at, int most, long long *answer_id)
{
	/* the count and the insert in one statement: two requests at once
	 * cannot both pass the limit */
	struct query *st = stmt(s, "INSERT INTO case_session_answer(session_id, organisation_id, person_id, text, written_at)"
				" SELECT ?2, ?1, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM case_session WHERE id = ?2"
				" AND organisation_id = ?1) AND EXISTS (SELECT 1 FROM person WHERE id = ?3 AND organisation_id = ?1)"
				" AND (SELECT count(*) FROM case_session_answer WHERE session_id = ?2 AND person_id = ?3) < ?6");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	q_bind_int64(st, 3, person_id);
	bind_text(st, 4, text);
	q_bind_int64(st, 5, at);
	q_bind_int(st, 6, most);
	return inserted(s, exec_stmt(s, st), answer_id);
}

int store_case_session_answers(struct store *s, struct arena *a, long long org, long long id,
			       struct case_session_answer **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT y.id, y.person_id, y.selected, y.text, p.name FROM case_session_answer y"
				" JOIN person p ON p.id = y.person_id WHERE y.organisation_id = ? AND y.session_id = ?"
				" ORDER BY y.id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct case_session_answer *x = ROW_PUSH(a, *out, *n, cap);
		x->id = q_int64(st, 0);
		x->person_id = q_int64(st, 1);
		x->selected = q_int(st, 2) != 0;
		x->text = col_text0(a, st, 3);
		x->person_name = col_text0(a, st, 4);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_case_session_select(struct store *s, long long org, long long id, long long answer_id, bool selected)
{
	struct query *st = stmt(s, "UPDATE case_session_answer SET selected = ?4"
				" WHERE organisation_id = ?1 AND session_id = ?2 AND id = ?3");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	q_bind_int64(st, 3, answer_id);
	q_bind_int(st, 4, selected ? 1 : 0);
	return changed(s, exec_stmt(s, st));
}

int store_case_session_state(struct store *s, long long org, long long id, struct case_session_state *out)
{
	struct query *st = stmt(s, "SELECT x.step, x.step_since,"
				" (SELECT count(*) FROM case_session_answer a WHERE a.session_id = x.id),"
				" (SELECT count(*) FROM case_session_answer a WHERE a.session_id = x.id AND a.selected = 1),"
				" (SELECT count(*) FROM case_session_role r WHERE r.session_id = x.id),"
				" length(x.summary), length(x.sharpened)"
				" FROM case_session x WHERE x.organisation_id = ? AND x.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		*out = (struct case_session_state){ q_int(st, 0), q_int64(st, 1),
						    q_int64(st, 2), q_int64(st, 3),
						    q_int64(st, 4), q_int64(st, 5),
						    q_int64(st, 6) };
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}
