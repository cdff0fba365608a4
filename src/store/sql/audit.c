/* audit.c — the audit log in SQLite: append and page through. */
#include "internal.h"

int store_audit_add(struct store *s, long long org, long long actor_id, const char *actor, const char *action,
		    const char *object_kind, long long object_id, const char *detail)
{
	struct query *st = stmt(s, "INSERT INTO audit_log(organisation_id, actor_id, actor, action, object_kind,"
				" object_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)");
	bind_ref(st, 1, org);
	bind_ref(st, 2, actor_id);
	bind_text(st, 3, actor ? actor : "");
	bind_text(st, 4, action);
	bind_text(st, 5, object_kind ? object_kind : "");
	q_bind_int64(st, 6, object_id);
	bind_text(st, 7, detail ? detail : "");
	return exec_stmt(s, st);
}

/* Two shapes of one query, both fixed text, newest first by time (and by
 * id within a second): with an action the index on (organisation, action,
 * at) gives the order and the date range, without one the index on
 * (organisation, at) does (migration 0019); a page stops after its lines.
 * The person filter is "?4 = '' OR ...". */
#define AUDIT_WHO " AND (?4 = '' OR instr(lower(actor), lower(?4)) > 0 OR actor_id IN (SELECT id FROM account" \
	" WHERE organisation_id = ?1 AND instr(lower(display_name), lower(?4)) > 0))"
#define AUDIT_COLS "SELECT id, coalesce(organisation_id, 0), coalesce(actor_id, 0), object_id, at, actor, action, object_kind, detail"

static const char *const audit_count_sql[2] = {
	"SELECT count(*) FROM audit_log WHERE organisation_id = ?1 AND at >= ?2 AND at < ?3" AUDIT_WHO,
	"SELECT count(*) FROM audit_log WHERE organisation_id = ?1 AND action = ?5 AND at >= ?2 AND at < ?3" AUDIT_WHO,
};
static const char *const audit_list_sql[2] = {
	AUDIT_COLS " FROM audit_log WHERE organisation_id = ?1 AND at >= ?2 AND at < ?3" AUDIT_WHO
		" ORDER BY at DESC, id DESC LIMIT ?6 OFFSET ?7",
	AUDIT_COLS " FROM audit_log WHERE organisation_id = ?1 AND action = ?5 AND at >= ?2 AND at < ?3" AUDIT_WHO
		" ORDER BY at DESC, id DESC LIMIT ?6 OFFSET ?7",
};

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

static void audit_bind(struct query *st, long long org, const struct audit_filter *f)
{
	q_bind_int64(st, 1, org);
	/* "" sorts before every time, "~" after every time */
	bind_text(st, 2, f && f->from_at && *f->from_at ? f->from_at : "");
	bind_text(st, 3, f && f->to_at && *f->to_at ? f->to_at : "~");
	bind_text(st, 4, or_empty(f ? f->who : NULL));
	if (f && f->action && *f->action)
		bind_text(st, 5, f->action);
}

int store_audit_find(struct store *s, struct arena *a, long long org, const struct audit_filter *f,
		     long long offset, long long limit, struct audit_entry **out, size_t *n, long long *total)
{
	int k = f && f->action && *f->action;
	struct query *st = stmt(s, audit_count_sql[k]);
	audit_bind(st, org, f);
	int rc = q_step(st);
	*total = rc == Q_ROW ? q_int64(st, 0) : 0;
	q_reset(st);
	if (rc != Q_ROW)
		return map_rc(s, rc);
	st = stmt(s, audit_list_sql[k]);
	audit_bind(st, org, f);
	q_bind_int64(st, 6, limit > 0 ? limit : 50);
	q_bind_int64(st, 7, offset > 0 ? offset : 0);
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct audit_entry *e = ROW_PUSH(a, *out, *n, cap);
		e->id = q_int64(st, 0);
		e->organisation_id = q_int64(st, 1);
		e->actor_id = q_int64(st, 2);
		e->object_id = q_int64(st, 3);
		e->at = col_text0(a, st, 4);
		e->actor = col_text0(a, st, 5);
		e->action = col_text0(a, st, 6);
		e->object_kind = col_text0(a, st, 7);
		e->detail = col_text0(a, st, 8);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_audit_list(struct store *s, struct arena *a, long long org, long long offset, long long limit,
		     struct audit_entry **out, size_t *n, long long *total)
{
	return store_audit_find(s, a, org, NULL, offset, limit, out, n, total);
}
