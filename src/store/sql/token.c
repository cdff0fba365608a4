/* token.c — API tokens and password-reset links in SQLite, both kept as
 * the hash of their secret only. */
#include "internal.h"
#include "store/signin.h"

static int link_add(struct store *s, const unsigned char hash[HASH_LEN], long long account_id, const char *kind,
		    long long now, long long expires_at)
{
	struct query *st = stmt(s, "INSERT INTO password_reset(token_hash, account_id, created_at, expires_at, kind)"
				" VALUES (?, ?, ?, ?, ?)");
	q_bind_blob(st, 1, hash, HASH_LEN);
	q_bind_int64(st, 2, account_id);
	q_bind_int64(st, 3, now);
	q_bind_int64(st, 4, expires_at);
	bind_text(st, 5, kind);
	int r = exec_stmt(s, st);
	if (r)
		return r;
	/* links that no longer work go on the write path */
	st = stmt(s, "DELETE FROM password_reset WHERE expires_at <= ?");
	q_bind_int64(st, 1, now);
	exec_stmt(s, st);
	return ST_OK;
}

int store_reset_add(struct store *s, const unsigned char hash[HASH_LEN], long long account_id, long long now,
		    long long expires_at)
{
	return link_add(s, hash, account_id, "reset", now, expires_at);
}

int store_invite_add(struct store *s, const unsigned char hash[HASH_LEN], long long account_id, long long now,
		     long long expires_at)
{
	return link_add(s, hash, account_id, "invite", now, expires_at);
}

int store_reset_get(struct store *s, const unsigned char hash[HASH_LEN], long long now, long long *account_id,
		    bool *invite)
{
	struct query *st = stmt(s, "SELECT account_id, kind = 'invite' FROM password_reset WHERE token_hash = ? AND expires_at > ?");
	q_bind_blob(st, 1, hash, HASH_LEN);
	q_bind_int64(st, 2, now);
	int rc = q_step(st);
	if (rc == Q_ROW) {
		*account_id = q_int64(st, 0);
		if (invite)
			*invite = q_int(st, 1);
	}
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_reset_take(struct store *s, const unsigned char hash[HASH_LEN], long long now, long long *account_id)
{
	struct query *st = stmt(s, "DELETE FROM password_reset WHERE token_hash = ? AND expires_at > ? RETURNING account_id");
	q_bind_blob(st, 1, hash, HASH_LEN);
	q_bind_int64(st, 2, now);
	int rc = q_step(st);
	bool found = rc == Q_ROW;
	if (found)
		*account_id = q_int64(st, 0);
	while (rc == Q_ROW)
		rc = q_step(st);
	q_reset(st);
	if (rc != Q_DONE)
		return map_rc(s, rc);
	return found ? ST_OK : ST_NOTFOUND;
}

int store_reset_latest(struct store *s, long long account_id, long long now, long long *created_at)
{
	struct query *st = stmt(s, "SELECT coalesce(max(created_at), 0) FROM password_reset WHERE account_id = ? AND expires_at > ?");
	q_bind_int64(st, 1, account_id);
	q_bind_int64(st, 2, now);
	int rc = q_step(st);
	if (rc == Q_ROW)
		*created_at = q_int64(st, 0);
	q_reset(st);
	return map_rc(s, rc);
}

int store_reset_delete_account(struct store *s, long long account_id)
{
	struct query *st = stmt(s, "DELETE FROM password_reset WHERE account_id = ?");
	q_bind_int64(st, 1, account_id);
	return exec_stmt(s, st);
}

int store_token_add(struct store *s, long long account_id, const unsigned char hash[HASH_LEN], const char *label,
		    const char *scope, long long now, long long expires_at, long long *id)
{
	/* created_at: the time as text, 2026-12-07T12:00:00Z */
#define TOKEN_ADD(at) "INSERT INTO api_token(account_id, token_hash, label, created_at, expires_at, scope)" \
		" VALUES (?1, ?2, ?3, " at ", ?5, ?6)"
	struct query *st = stmt_for(s, TOKEN_ADD("strftime('%Y-%m-%dT%H:%M:%SZ', ?4, 'unixepoch')"),
				    TOKEN_ADD("to_char(to_timestamp(?4) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"));
#undef TOKEN_ADD
	q_bind_int64(st, 1, account_id);
	q_bind_blob(st, 2, hash, HASH_LEN);
	bind_text(st, 3, label ? label : "");
	q_bind_int64(st, 4, now);
	q_bind_int64(st, 5, expires_at);
	bind_text(st, 6, scope);
	int r = exec_stmt(s, st);
	if (!r && id)
		*id = q_last_id(s);
	return r;
}

int store_token_find(struct store *s, struct arena *a, const unsigned char hash[HASH_LEN], long long now,
		     struct api_token *out)
{
	struct query *st = stmt(s, "SELECT id, account_id, expires_at, scope FROM api_token WHERE token_hash = ? AND expires_at > ?");
	q_bind_blob(st, 1, hash, HASH_LEN);
	q_bind_int64(st, 2, now);
	int rc = q_step(st);
	if (rc == Q_ROW) {
		*out = (struct api_token){ .id = q_int64(st, 0), .account_id = q_int64(st, 1), .expires_at = q_int64(st, 2),
					   .label = "", .scope = col_text0(a, st, 3) };
	}
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_token_list(struct store *s, struct arena *a, long long account_id, struct api_token **out, size_t *n)
{
#define TOKEN_LIST(created) "SELECT id, account_id, coalesce(" created ", 0)," \
		" expires_at, label, scope FROM api_token WHERE account_id = ? ORDER BY id DESC"
	struct query *st = stmt_for(s, TOKEN_LIST("CAST(strftime('%s', created_at) AS INTEGER)"),
				    TOKEN_LIST("CAST(extract(epoch FROM CAST(created_at AS timestamptz)) AS BIGINT)"));
#undef TOKEN_LIST
	q_bind_int64(st, 1, account_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct api_token *t = ROW_PUSH(a, *out, *n, cap);
		t->id = q_int64(st, 0);
		t->account_id = q_int64(st, 1);
		t->created_at = q_int64(st, 2);
		t->expires_at = q_int64(st, 3);
		t->label = col_text0(a, st, 4);
		t->scope = col_text0(a, st, 5);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_token_count(struct store *s, long long account_id, long long now, long long *n)
{
	struct query *st = stmt(s, "SELECT count(*) FROM api_token WHERE account_id = ? AND expires_at > ?");
	q_bind_int64(st, 1, account_id);
	q_bind_int64(st, 2, now);
	int rc = q_step(st);
	if (rc == Q_ROW)
		*n = q_int64(st, 0);
	q_reset(st);
	return map_rc(s, rc);
}

int store_token_delete(struct store *s, long long account_id, long long id)
{
	struct query *st = stmt(s, "DELETE FROM api_token WHERE account_id = ? AND id = ?");
	q_bind_int64(st, 1, account_id);
	q_bind_int64(st, 2, id);
	return changed(s, exec_stmt(s, st));
}

int store_token_delete_account(struct store *s, long long account_id)
{
	struct query *st = stmt(s, "DELETE FROM api_token WHERE account_id = ?");
	q_bind_int64(st, 1, account_id);
	return exec_stmt(s, st);
}
