/* org.c — organisations in SQLite. */
#include "internal.h"

static void read_org(struct arena *a, sqlite3_stmt *st, struct organisation *o)
{
	o->id = sqlite3_column_int64(st, 0);
	o->slug = col_text0(a, st, 1);
	o->name = col_text0(a, st, 2);
	o->created_at = col_text0(a, st, 3);
	o->benchmark = sqlite3_column_int(st, 4);
}

int store_org_add(struct store *s, const char *slug, const char *name, long long *id)
{
	sqlite3_stmt *st = stmt(s, "INSERT INTO organisation(slug, name) VALUES (?, ?)");
	bind_text(st, 1, slug);
	bind_text(st, 2, name);
	int r = exec_stmt(s, st);
	if (!r && id)
		*id = sqlite3_last_insert_rowid(s->db);
	return r;
}

int store_org_list(struct store *s, struct arena *a, struct organisation **out, size_t *n)
{
	sqlite3_stmt *st = stmt(s, "SELECT id, slug, name, created_at, benchmark FROM organisation ORDER BY slug");
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		read_org(a, st, ROW_PUSH(a, *out, *n, cap));
	sqlite3_reset(st);
	return map_rc(s, rc);
}

int store_org_get(struct store *s, struct arena *a, long long id, struct organisation *out)
{
	sqlite3_stmt *st = stmt(s, "SELECT id, slug, name, created_at, benchmark FROM organisation WHERE id = ?");
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_org(a, st, out);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_org_by_slug(struct store *s, struct arena *a, const char *slug, struct organisation *out)
{
	sqlite3_stmt *st = stmt(s, "SELECT id, slug, name, created_at, benchmark FROM organisation WHERE slug = ?");
	bind_text(st, 1, slug);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_org(a, st, out);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : rc == SQLITE_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_org_set_benchmark(struct store *s, long long id, bool on)
{
	sqlite3_stmt *st = stmt(s, "UPDATE organisation SET benchmark = ? WHERE id = ?");
	sqlite3_bind_int(st, 1, on);
	sqlite3_bind_int64(st, 2, id);
	int r = exec_stmt(s, st);
	return !r && sqlite3_changes(s->db) == 0 ? ST_NOTFOUND : r;
}
