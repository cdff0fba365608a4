/* upload.c — import files between preview and confirmation. */
#include "internal.h"

#include <string.h>

int store_upload_add(struct store *s, long long org, long long account_id, const char *filename,
		     const char *data, size_t len, long long now, long long *id)
{
	struct query *st = stmt(s, "INSERT INTO import_upload (organisation_id, account_id, filename, data, created_at)"
				   " VALUES (?, ?, ?, ?, ?)");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, account_id);
	bind_text(st, 3, filename ? filename : "");
	q_bind_blob(st, 4, data, len);
	q_bind_int64(st, 5, now);
	int rc = exec_stmt(s, st);
	if (rc == ST_OK)
		*id = q_last_id(s);
	return rc;
}

int store_upload_get(struct store *s, struct arena *a, long long org, long long account_id, long long id,
		     char **filename, char **data, size_t *len)
{
	struct query *st = stmt(s, "SELECT filename, data FROM import_upload"
				   " WHERE organisation_id = ? AND account_id = ? AND id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, account_id);
	q_bind_int64(st, 3, id);
	int rc = q_step(st);
	if (rc == Q_ROW) {
		*filename = col_text0(a, st, 0);
		size_t n = (size_t)q_bytes(st, 1);
		*data = arena_alloc(a, n + 1);
		if (n)
			memcpy(*data, q_blob(st, 1), n);
		*len = n;
	}
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_upload_delete(struct store *s, long long org, long long id)
{
	struct query *st = stmt(s, "DELETE FROM import_upload WHERE organisation_id = ? AND id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	return exec_stmt(s, st);
}

int store_upload_expire(struct store *s, long long before)
{
	struct query *st = stmt(s, "DELETE FROM import_upload WHERE created_at < ?");
	q_bind_int64(st, 1, before);
	return exec_stmt(s, st);
}
