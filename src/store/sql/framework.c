/* framework.c — frameworks (VLOW, the leadership compass, ...) and their
 * element trees in SQLite. */
#include "internal.h"
#include "store/framework.h"

#include <string.h>

#define FRAMEWORK_COLS "f.id, f.organisation_id, f.key, f.name, f.description, f.source"

static void read_framework(struct arena *a, struct query *st, struct framework *f)
{
	f->id = q_int64(st, 0);
	f->organisation_id = q_int64(st, 1);
	f->key = col_text0(a, st, 2);
	f->name = col_text0(a, st, 3);
	f->description = col_text0(a, st, 4);
	f->source = col_text0(a, st, 5);
}

int store_framework_add(struct store *s, long long org, const struct framework *f, long long *id)
{
	struct query *st = stmt(s, "INSERT INTO framework(organisation_id, key, name, description, source)"
				" VALUES (?, ?, ?, ?, ?)");
	q_bind_int64(st, 1, org);
	bind_text(st, 2, f->key);
	bind_text(st, 3, f->name);
	bind_text(st, 4, f->description ? f->description : "");
	bind_text(st, 5, f->source ? f->source : "");
	return inserted(s, exec_stmt(s, st), id);
}

int store_framework_list(struct store *s, struct arena *a, long long org, struct framework **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " FRAMEWORK_COLS ", (SELECT count(*) FROM framework_element e"
				" WHERE e.framework_id = f.id) FROM framework f WHERE f.organisation_id = ? ORDER BY f.name, f.id");
	q_bind_int64(st, 1, org);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct framework *f = ROW_PUSH(a, *out, *n, cap);
		read_framework(a, st, f);
		f->elements = q_int64(st, 6);
	}
	q_reset(st);
	return map_rc(s, rc);
}

static int get_one(struct store *s, struct arena *a, struct query *st, struct framework *out)
{
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_framework(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_framework_get(struct store *s, struct arena *a, long long org, long long id, struct framework *out)
{
	struct query *st = stmt(s, "SELECT " FRAMEWORK_COLS " FROM framework f WHERE f.organisation_id = ? AND f.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	return get_one(s, a, st, out);
}

int store_framework_by_key(struct store *s, struct arena *a, long long org, const char *key, struct framework *out)
{
	struct query *st = stmt(s, "SELECT " FRAMEWORK_COLS " FROM framework f WHERE f.organisation_id = ? AND f.key = ?");
	q_bind_int64(st, 1, org);
	bind_text(st, 2, key);
	return get_one(s, a, st, out);
}

int store_element_add(struct store *s, long long org, const struct framework_element *e, long long *id)
{
	/* framework and parent must be of the organisation, the parent of the framework */
	struct query *st = stmt(s,
		"INSERT INTO framework_element(organisation_id, framework_id, parent_id, position, code, kind, name,"
		" description, source, synonyms) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10"
		" WHERE EXISTS (SELECT 1 FROM framework WHERE id = ?2 AND organisation_id = ?1)"
		" AND (?3 IS NULL OR EXISTS (SELECT 1 FROM framework_element WHERE id = ?3 AND framework_id = ?2))");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, e->framework_id);
	bind_ref(st, 3, e->parent_id);
	q_bind_int(st, 4, e->position);
	bind_text(st, 5, e->code);
	bind_text(st, 6, e->kind);
	bind_text(st, 7, e->name);
	bind_text(st, 8, e->description ? e->description : "");
	bind_text(st, 9, e->source ? e->source : "");
	bind_text(st, 10, e->synonyms ? e->synonyms : "");
	return inserted(s, exec_stmt(s, st), id);
}

int store_element_update(struct store *s, long long org, const struct framework_element *e)
{
	struct query *st = stmt(s, "UPDATE framework_element SET name = ?3, description = ?4, kind = ?5, synonyms = ?6"
				" WHERE id = ?2 AND organisation_id = ?1");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, e->id);
	bind_text(st, 3, e->name);
	bind_text(st, 4, e->description ? e->description : "");
	bind_text(st, 5, e->kind);
	bind_text(st, 6, e->synonyms ? e->synonyms : "");
	return changed(s, exec_stmt(s, st));
}

int store_element_list(struct store *s, struct arena *a, long long org, long long framework_id,
		       struct framework_element **out, size_t *n)
{
	/* zero-padded keys keep siblings in position order within the path */
	struct query *st = stmt(s,
		"WITH RECURSIVE t(id, depth, k) AS ("
		" SELECT id, 0, substr('00000000' || CAST(position AS TEXT), length(CAST(position AS TEXT)) + 1) FROM framework_element"
		"  WHERE framework_id = ?2 AND organisation_id = ?1 AND parent_id IS NULL"
		" UNION ALL"
		" SELECT e.id, t.depth + 1, t.k || '.' || substr('00000000' || CAST(e.position AS TEXT), length(CAST(e.position AS TEXT)) + 1) FROM framework_element e JOIN t ON e.parent_id = t.id"
		") SELECT e.id, e.framework_id, coalesce(e.parent_id, 0), e.position, t.depth, e.code, e.kind, e.name,"
		" e.description, e.source, e.synonyms FROM t JOIN framework_element e ON e.id = t.id ORDER BY t.k");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, framework_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct framework_element *e = ROW_PUSH(a, *out, *n, cap);
		e->id = q_int64(st, 0);
		e->framework_id = q_int64(st, 1);
		e->parent_id = q_int64(st, 2);
		e->position = q_int(st, 3);
		e->depth = q_int(st, 4);
		e->code = col_text0(a, st, 5);
		e->kind = col_text0(a, st, 6);
		e->name = col_text0(a, st, 7);
		e->description = col_text0(a, st, 8);
		e->source = col_text0(a, st, 9);
		e->synonyms = col_text0(a, st, 10);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_element_synonyms(struct store *s, struct arena *a, long long org, struct framework_element **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT id, framework_id, name, synonyms FROM framework_element"
				" WHERE organisation_id = ?1 AND synonyms <> '' ORDER BY id");
	q_bind_int64(st, 1, org);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct framework_element *e = ROW_PUSH(a, *out, *n, cap);
		memset(e, 0, sizeof(*e));
		e->id = q_int64(st, 0);
		e->framework_id = q_int64(st, 1);
		e->name = col_text0(a, st, 2);
		e->synonyms = col_text0(a, st, 3);
	}
	q_reset(st);
	return map_rc(s, rc);
}
