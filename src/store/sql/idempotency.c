/* idempotency.c — idempotency keys in SQL (store/idempotency.h). */
#include "internal.h"
#include "store/idempotency.h"

#include <string.h>

int store_idempotency_take(struct store *s, struct arena *a, long long account_id, const char *key,
			   const unsigned char hash[HASH_LEN], long long now, long long expired, long long abandoned,
			   struct idempotent_answer *out)
{
	struct query *st = stmt(s, "DELETE FROM idempotency_key WHERE account_id = ?1 AND key = ?2"
				" AND (created_at < ?3 OR (status = 0 AND created_at < ?4))");
	q_bind_int64(st, 1, account_id);
	bind_text(st, 2, key);
	q_bind_int64(st, 3, expired);
	q_bind_int64(st, 4, abandoned);
	int r = exec_stmt(s, st);
	if (r)
		return r;
	st = stmt(s, "INSERT INTO idempotency_key(account_id, key, request_hash, created_at) VALUES (?1, ?2, ?3, ?4)"
		  " ON CONFLICT (account_id, key) DO NOTHING");
	q_bind_int64(st, 1, account_id);
	bind_text(st, 2, key);
	q_bind_blob(st, 3, hash, HASH_LEN);
	q_bind_int64(st, 4, now);
	r = exec_stmt(s, st);
	if (r)
		return r;
	if (q_changes(s) == 1)
		return ST_OK;
	st = stmt(s, "SELECT request_hash, created_at, status, content_type, body FROM idempotency_key"
		  " WHERE account_id = ?1 AND key = ?2");
	q_bind_int64(st, 1, account_id);
	bind_text(st, 2, key);
	int rc = q_step(st);
	if (rc == Q_ROW) {
		memset(out, 0, sizeof(*out));
		const void *h = q_blob(st, 0);
		if (h && q_bytes(st, 0) == HASH_LEN)
			memcpy(out->hash, h, HASH_LEN);
		out->created_at = q_int64(st, 1);
		out->status = q_int(st, 2);
		out->content_type = col_text0(a, st, 3);
		const void *b = q_blob(st, 4);
		size_t n = b ? (size_t)q_bytes(st, 4) : 0;
		out->body = arena_alloc(a, n + 1);
		if (n)
			memcpy(out->body, b, n);
		out->body[n] = '\0';
		out->len = n;
	}
	q_reset(st);
	/* gone in between (its request failed and let it go): take it again */
	if (rc == Q_DONE)
		return store_idempotency_take(s, a, account_id, key, hash, now, expired, abandoned, out);
	return rc == Q_ROW ? ST_CONFLICT : map_rc(s, rc);
}

int store_idempotency_keep(struct store *s, long long account_id, const char *key, int status, const char *content_type,
			   const void *body, size_t len)
{
	struct query *st = stmt(s, "UPDATE idempotency_key SET status = ?3, content_type = ?4, body = ?5"
				" WHERE account_id = ?1 AND key = ?2 AND status = 0");
	q_bind_int64(st, 1, account_id);
	bind_text(st, 2, key);
	q_bind_int(st, 3, status);
	bind_text(st, 4, content_type ? content_type : "");
	q_bind_blob(st, 5, body ? body : "", len);
	return changed(s, exec_stmt(s, st));
}

int store_idempotency_drop(struct store *s, long long account_id, const char *key)
{
	struct query *st = stmt(s, "DELETE FROM idempotency_key WHERE account_id = ?1 AND key = ?2 AND status = 0");
	q_bind_int64(st, 1, account_id);
	bind_text(st, 2, key);
	return exec_stmt(s, st);
}

int store_idempotency_forget(struct store *s, long long before, long long *n)
{
	struct query *st = stmt(s, "DELETE FROM idempotency_key WHERE created_at < ?1");
	q_bind_int64(st, 1, before);
	int r = exec_stmt(s, st);
	if (!r && n)
		*n = q_changes(s);
	return r;
}
