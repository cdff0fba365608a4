/* audit.c — the audit log in SQLite: append and page through. */
#include "internal.h"

int store_audit_add(struct store *s, long long org, long long actor_id, const char *actor, const char *action,
		    const char *object_kind, long long object_id, const char *detail)
{
	sqlite3_stmt *st = stmt(s, "INSERT INTO audit_log(organisation_id, actor_id, actor, action, object_kind,"
				" object_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)");
	bind_ref(st, 1, org);
	bind_ref(st, 2, actor_id);
	bind_text(st, 3, actor ? actor : "");
	bind_text(st, 4, action);
	bind_text(st, 5, object_kind ? object_kind : "");
	sqlite3_bind_int64(st, 6, object_id);
	bind_text(st, 7, detail ? detail : "");
	return exec_stmt(s, st);
}

int store_audit_list(struct store *s, struct arena *a, long long org, long long offset, long long limit,
		     struct audit_entry **out, size_t *n, long long *total)
{
	sqlite3_stmt *st = stmt(s, "SELECT count(*) FROM audit_log WHERE organisation_id = ?");
	sqlite3_bind_int64(st, 1, org);
	int rc = sqlite3_step(st);
	*total = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	st = stmt(s, "SELECT id, ifnull(organisation_id, 0), ifnull(actor_id, 0), object_id, at, actor, action,"
		  " object_kind, detail FROM audit_log WHERE organisation_id = ? ORDER BY id DESC LIMIT ? OFFSET ?");
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int64(st, 2, limit > 0 ? limit : 50);
	sqlite3_bind_int64(st, 3, offset > 0 ? offset : 0);
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct audit_entry *e = ROW_PUSH(a, *out, *n, cap);
		e->id = sqlite3_column_int64(st, 0);
		e->organisation_id = sqlite3_column_int64(st, 1);
		e->actor_id = sqlite3_column_int64(st, 2);
		e->object_id = sqlite3_column_int64(st, 3);
		e->at = col_text0(a, st, 4);
		e->actor = col_text0(a, st, 5);
		e->action = col_text0(a, st, 6);
		e->object_kind = col_text0(a, st, 7);
		e->detail = col_text0(a, st, 8);
	}
	sqlite3_reset(st);
	return map_rc(s, rc);
}
