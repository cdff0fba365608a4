/* unit.c — the unit tree of an organisation in SQLite. */
#include "internal.h"

/* the manager's name by a look-up per unit, not a join: PostgreSQL cannot
 * estimate the rows of the recursive tree and joined it to every person
 * of every organisation (a hash of 50,000 people, 17 ms, for 44 units) */
#define UNIT_COLS_BASE \
	"u.id, u.organisation_id, coalesce(u.parent_id, 0), coalesce(u.manager_person_id, 0), u.name, " \
	"(SELECT p.name FROM person p WHERE p.id = u.manager_person_id), "
#define UNIT_COLS UNIT_COLS_BASE \
	"(SELECT count(*) FROM person x WHERE x.unit_id = u.id), " \
	"(SELECT count(*) FROM unit c WHERE c.parent_id = u.id)"
/* without the counts, which cost more than the tree itself */
#define UNIT_COLS_LEAN UNIT_COLS_BASE "0, 0"

static void read_unit(struct arena *a, struct query *st, struct unit *u)
{
	u->id = q_int64(st, 0);
	u->organisation_id = q_int64(st, 1);
	u->parent_id = q_int64(st, 2);
	u->manager_person_id = q_int64(st, 3);
	u->name = col_text0(a, st, 4);
	u->manager_name = col_text(a, st, 5);
	u->people = q_int64(st, 6);
	u->children = q_int64(st, 7);
}

/* sep: the character 1 (SQLite's char(1), PostgreSQL's chr(1)); by: the
 * keys compared byte by byte (SQLite's own way; PostgreSQL's collation
 * "C") */
#define UNIT_TREE(cols, sep, by) \
	"WITH RECURSIVE t(id, depth, k) AS (" \
	" SELECT id, 0, name || " sep " FROM unit WHERE organisation_id = ?1 AND parent_id IS NULL" \
	" UNION ALL" \
	" SELECT u.id, t.depth + 1, t.k || u.name || " sep " FROM unit u JOIN t ON u.parent_id = t.id" \
	") SELECT " cols ", t.depth FROM t JOIN unit u ON u.id = t.id ORDER BY t.k" by
#define UNIT_TREE_SQL(cols) UNIT_TREE(cols, "char(1)", ""), UNIT_TREE(cols, "chr(1)", " COLLATE \"C\"")

int store_unit_list(struct store *s, struct arena *a, long long org, bool counts, struct unit **out, size_t *n)
{
	/* the character 1 sorts below every printable character, so a
	 * parent's key is a prefix that sorts before its children's keys. */
	struct read_version v;
	bool cacheable = read_version(s, &v) == 0;
	if (cacheable && cache_units_get(s, a, org, counts, &v, out, n))
		return ST_OK;
	struct query *st = counts ? stmt_for(s, UNIT_TREE_SQL(UNIT_COLS)) : stmt_for(s, UNIT_TREE_SQL(UNIT_COLS_LEAN));
	q_bind_int64(st, 1, org);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct unit *u = ROW_PUSH(a, *out, *n, cap);
		read_unit(a, st, u);
		u->depth = q_int(st, 8);
	}
	q_reset(st);
	if (rc == Q_DONE && cacheable)
		cache_units_put(s, org, counts, &v, *out, *n);
	return map_rc(s, rc);
}

int store_unit_get(struct store *s, struct arena *a, long long org, long long id, struct unit *out)
{
	struct query *st = stmt(s, "SELECT " UNIT_COLS " FROM unit u"
				" WHERE u.organisation_id = ? AND u.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_unit(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_unit_find(struct store *s, long long org, long long parent_id, const char *name, long long *id)
{
	struct query *st = stmt(s, "SELECT id FROM unit WHERE organisation_id = ? AND coalesce(parent_id, 0) = ? AND name = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, parent_id);
	bind_text(st, 3, name);
	int rc = q_step(st);
	if (rc == Q_ROW)
		*id = q_int64(st, 0);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_unit_add(struct store *s, long long org, long long parent_id, const char *name, long long *id)
{
	/* the parent must belong to the same organisation */
	struct query *st = stmt(s, "INSERT INTO unit(organisation_id, parent_id, name) SELECT ?1, ?2, ?3"
				" WHERE ?2 IS NULL OR EXISTS (SELECT 1 FROM unit WHERE id = ?2 AND organisation_id = ?1)");
	q_bind_int64(st, 1, org);
	bind_ref(st, 2, parent_id);
	bind_text(st, 3, name);
	int r = exec_stmt(s, st);
	if (r)
		return r;
	if (q_changes(s) == 0)
		return ST_INVALID;
	if (id)
		*id = q_last_id(s);
	return ST_OK;
}

int store_unit_rename(struct store *s, long long org, long long id, const char *name)
{
	struct query *st = stmt(s, "UPDATE unit SET name = ? WHERE organisation_id = ? AND id = ?");
	bind_text(st, 1, name);
	q_bind_int64(st, 2, org);
	q_bind_int64(st, 3, id);
	return changed(s, exec_stmt(s, st));
}

int store_unit_move(struct store *s, long long org, long long id, long long parent_id)
{
	struct query *st = stmt(s, "UPDATE unit SET parent_id = ?3 WHERE organisation_id = ?1 AND id = ?2"
				" AND (?3 IS NULL OR EXISTS (SELECT 1 FROM unit WHERE id = ?3 AND organisation_id = ?1))");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	bind_ref(st, 3, parent_id);
	return changed(s, exec_stmt(s, st));
}

int store_unit_set_manager(struct store *s, long long org, long long id, long long person_id)
{
	struct query *st = stmt(s, "UPDATE unit SET manager_person_id = ?3 WHERE organisation_id = ?1 AND id = ?2"
				" AND (?3 IS NULL OR EXISTS (SELECT 1 FROM person WHERE id = ?3 AND organisation_id = ?1))");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	bind_ref(st, 3, person_id);
	return changed(s, exec_stmt(s, st));
}

int store_unit_delete(struct store *s, long long org, long long id)
{
	struct query *st = stmt(s, "SELECT (SELECT count(*) FROM unit WHERE parent_id = ?2)"
				" + (SELECT count(*) FROM person WHERE unit_id = ?2)"
				" FROM unit WHERE organisation_id = ?1 AND id = ?2");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	long long used = rc == Q_ROW ? q_int64(st, 0) : 0;
	q_reset(st);
	if (rc == Q_DONE)
		return ST_NOTFOUND;
	if (rc != Q_ROW)
		return map_rc(s, rc);
	if (used)
		return ST_CONFLICT;
	st = stmt(s, "DELETE FROM unit WHERE organisation_id = ? AND id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	return changed(s, exec_stmt(s, st));
}

int store_unit_ancestors(struct store *s, struct arena *a, long long org, long long id, long long **out, size_t *n)
{
	struct query *st = stmt(s,
		"WITH RECURSIVE up(id, parent_id, lvl) AS ("
		" SELECT id, parent_id, 0 FROM unit WHERE organisation_id = ?1 AND id = ?2"
		" UNION ALL SELECT u.id, u.parent_id, up.lvl + 1 FROM unit u JOIN up ON u.id = up.parent_id"
		" WHERE up.lvl < 1000"
		") SELECT id FROM up ORDER BY lvl DESC");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		*ROW_PUSH(a, *out, *n, cap) = q_int64(st, 0);
	q_reset(st);
	if (rc != Q_DONE)
		return map_rc(s, rc);
	return *n ? ST_OK : ST_NOTFOUND;
}
