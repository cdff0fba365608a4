/* reverse.c — reverse mentoring pairs in SQLite. */
#include "internal.h"
#include "store/reverse.h"

#define PAIR_COLS "r.id, r.senior_id, r.junior_id, s.name, j.name, r.question, r.started_on, r.step"
#define PAIR_FROM " FROM reverse_pair r JOIN person s ON s.id = r.senior_id JOIN person j ON j.id = r.junior_id"

static void read_pair(struct arena *a, struct query *st, struct reverse_pair *p)
{
	p->id = q_int64(st, 0);
	p->senior_id = q_int64(st, 1);
	p->junior_id = q_int64(st, 2);
	p->senior_name = col_text0(a, st, 3);
	p->junior_name = col_text0(a, st, 4);
	p->question = col_text0(a, st, 5);
	p->started_on = col_text0(a, st, 6);
	p->step = q_int(st, 7);
}

int store_reverse_add(struct store *s, long long org, const struct reverse_pair *p, long long now, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO reverse_pair(organisation_id, senior_id, junior_id, question, step, started_on, updated_at)"
		" SELECT ?1, ?2, ?3, ?4, 1, ?5, ?6"
		" WHERE EXISTS (SELECT 1 FROM person WHERE id = ?2 AND organisation_id = ?1)"
		" AND EXISTS (SELECT 1 FROM person WHERE id = ?3 AND organisation_id = ?1)");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, p->senior_id);
	q_bind_int64(st, 3, p->junior_id);
	bind_text(st, 4, p->question ? p->question : "");
	bind_text(st, 5, p->started_on);
	q_bind_int64(st, 6, now);
	return inserted(s, exec_stmt(s, st), id);
}

int store_reverse_step(struct store *s, long long org, long long id, int step, long long now)
{
	struct query *st = stmt(s, "UPDATE reverse_pair SET step = ?, updated_at = ? WHERE id = ? AND organisation_id = ?");
	q_bind_int(st, 1, step);
	q_bind_int64(st, 2, now);
	q_bind_int64(st, 3, id);
	q_bind_int64(st, 4, org);
	return changed(s, exec_stmt(s, st));
}

int store_reverse_get(struct store *s, struct arena *a, long long org, long long id, struct reverse_pair *out)
{
	struct query *st = stmt(s, "SELECT " PAIR_COLS PAIR_FROM " WHERE r.organisation_id = ? AND r.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_pair(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_reverse_list(struct store *s, struct arena *a, long long org, long long person_id, struct reverse_pair **out,
		       size_t *n)
{
	struct query *st = stmt(s, "SELECT " PAIR_COLS PAIR_FROM " WHERE r.organisation_id = ?1"
				" AND (?2 IS NULL OR r.senior_id = ?2 OR r.junior_id = ?2) ORDER BY s.name, r.id");
	q_bind_int64(st, 1, org);
	bind_ref(st, 2, person_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_pair(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}
