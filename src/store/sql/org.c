/* org.c — organisations in SQLite. */
#include "internal.h"

static void read_org(struct arena *a, struct query *st, struct organisation *o)
{
	o->id = q_int64(st, 0);
	o->slug = col_text0(a, st, 1);
	o->name = col_text0(a, st, 2);
	o->created_at = col_text0(a, st, 3);
	o->benchmark = q_int(st, 4);
}

int store_org_add(struct store *s, const char *slug, const char *name, long long *id)
{
	struct query *st = stmt(s, "INSERT INTO organisation(slug, name) VALUES (?, ?)");
	bind_text(st, 1, slug);
	bind_text(st, 2, name);
	int r = exec_stmt(s, st);
	if (!r && id)
		*id = q_last_id(s);
	return r;
}

int store_org_list(struct store *s, struct arena *a, struct organisation **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT id, slug, name, created_at, benchmark FROM organisation ORDER BY slug");
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_org(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

int store_org_get(struct store *s, struct arena *a, long long id, struct organisation *out)
{
	struct query *st = stmt(s, "SELECT id, slug, name, created_at, benchmark FROM organisation WHERE id = ?");
	q_bind_int64(st, 1, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_org(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_org_by_slug(struct store *s, struct arena *a, const char *slug, struct organisation *out)
{
	struct query *st = stmt(s, "SELECT id, slug, name, created_at, benchmark FROM organisation WHERE slug = ?");
	bind_text(st, 1, slug);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_org(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_org_set_benchmark(struct store *s, long long id, bool on)
{
	struct query *st = stmt(s, "UPDATE organisation SET benchmark = ? WHERE id = ?");
	q_bind_int(st, 1, on);
	q_bind_int64(st, 2, id);
	int r = exec_stmt(s, st);
	return !r && q_changes(s) == 0 ? ST_NOTFOUND : r;
}
