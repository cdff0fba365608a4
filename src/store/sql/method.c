/* method.c — session methods and their steps in SQLite. */
#include "internal.h"
#include "store/method.h"

#define METHOD_COLS "m.id, m.organisation_id, m.key, m.name, m.description, m.source"

static void read_method(struct arena *a, struct query *st, struct method *m)
{
	m->id = q_int64(st, 0);
	m->organisation_id = q_int64(st, 1);
	m->key = col_text0(a, st, 2);
	m->name = col_text0(a, st, 3);
	m->description = col_text0(a, st, 4);
	m->source = col_text0(a, st, 5);
	m->steps = NULL;
	m->nsteps = 0;
}

int store_method_add(struct store *s, long long org, const struct method *m, long long *id)
{
	struct query *st = stmt(s, "INSERT INTO session_method(organisation_id, key, name, description, source)"
				" VALUES (?, ?, ?, ?, ?)");
	q_bind_int64(st, 1, org);
	bind_text(st, 2, m->key);
	bind_text(st, 3, m->name);
	bind_text(st, 4, m->description ? m->description : "");
	bind_text(st, 5, m->source ? m->source : "");
	return inserted(s, exec_stmt(s, st), id);
}

int store_method_by_key(struct store *s, struct arena *a, long long org, const char *key, struct method *out)
{
	struct query *st = stmt(s, "SELECT " METHOD_COLS " FROM session_method m WHERE m.organisation_id = ? AND m.key = ?");
	q_bind_int64(st, 1, org);
	bind_text(st, 2, key);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_method(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_method_list(struct store *s, struct arena *a, long long org, struct method **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " METHOD_COLS " FROM session_method m WHERE m.organisation_id = ?"
				" ORDER BY m.name, m.id");
	q_bind_int64(st, 1, org);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_method(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

int store_method_step_add(struct store *s, long long org, const struct method_step *p, long long *id)
{
	/* the method must be of the organisation */
	struct query *st = stmt(s,
		"INSERT INTO session_method_step(organisation_id, method_id, n, name, who, instruction, minutes, source)"
		" SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8"
		" WHERE EXISTS (SELECT 1 FROM session_method WHERE id = ?2 AND organisation_id = ?1)");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, p->method_id);
	q_bind_int(st, 3, p->n);
	bind_text(st, 4, p->name);
	bind_text(st, 5, p->who ? p->who : "");
	bind_text(st, 6, p->instruction ? p->instruction : "");
	q_bind_int(st, 7, p->minutes);
	bind_text(st, 8, p->source ? p->source : "");
	return inserted(s, exec_stmt(s, st), id);
}

int store_method_steps(struct store *s, struct arena *a, long long org, long long method_id,
		       struct method_step **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT id, method_id, n, minutes, name, who, instruction, source"
				" FROM session_method_step WHERE organisation_id = ? AND method_id = ? ORDER BY n");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, method_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct method_step *p = ROW_PUSH(a, *out, *n, cap);
		p->id = q_int64(st, 0);
		p->method_id = q_int64(st, 1);
		p->n = q_int(st, 2);
		p->minutes = q_int(st, 3);
		p->name = col_text0(a, st, 4);
		p->who = col_text0(a, st, 5);
		p->instruction = col_text0(a, st, 6);
		p->source = col_text0(a, st, 7);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_method_step_update(struct store *s, long long org, const struct method_step *p)
{
	struct query *st = stmt(s, "UPDATE session_method_step SET name = ?3, who = ?4, instruction = ?5, minutes = ?6,"
				" source = ?7 WHERE organisation_id = ?1 AND id = ?2");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, p->id);
	bind_text(st, 3, p->name);
	bind_text(st, 4, p->who ? p->who : "");
	bind_text(st, 5, p->instruction ? p->instruction : "");
	q_bind_int(st, 6, p->minutes);
	bind_text(st, 7, p->source ? p->source : "");
	return changed(s, exec_stmt(s, st));
}

int store_method_step_method(struct store *s, long long org, long long step_id, long long *method_id)
{
	struct query *st = stmt(s, "SELECT method_id FROM session_method_step WHERE organisation_id = ? AND id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, step_id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		*method_id = q_int64(st, 0);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_method_get(struct store *s, struct arena *a, long long org, long long id, struct method *out)
{
	struct query *st = stmt(s, "SELECT " METHOD_COLS " FROM session_method m WHERE m.organisation_id = ? AND m.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_method(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_method_sessions(struct store *s, long long org, long long method_id, long long *n)
{
	struct query *st = stmt(s, "SELECT count(*) FROM case_session WHERE organisation_id = ? AND method_id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, method_id);
	int rc = q_step(st);
	*n = rc == Q_ROW ? q_int64(st, 0) : 0;
	q_reset(st);
	return map_rc(s, rc);
}

int store_method_name_taken(struct store *s, long long org, const char *name, bool *taken)
{
	struct query *st = stmt(s, "SELECT EXISTS (SELECT 1 FROM session_method WHERE organisation_id = ?"
				" AND lower(name) = lower(?))");
	q_bind_int64(st, 1, org);
	bind_text(st, 2, name);
	int rc = q_step(st);
	*taken = rc == Q_ROW && q_int(st, 0);
	q_reset(st);
	return map_rc(s, rc);
}

int store_method_step_remove_last(struct store *s, long long org, long long method_id)
{
	struct query *st = stmt(s, "DELETE FROM session_method_step WHERE organisation_id = ?1 AND method_id = ?2"
				" AND n = (SELECT max(n) FROM session_method_step WHERE organisation_id = ?1 AND method_id = ?2)");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, method_id);
	return changed(s, exec_stmt(s, st));
}

int store_method_remove(struct store *s, long long org, long long method_id)
{
	struct query *st = stmt(s, "DELETE FROM session_method WHERE organisation_id = ? AND id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, method_id);
	return changed(s, exec_stmt(s, st));
}
