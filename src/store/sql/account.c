/* account.c — accounts, role grants and sessions in SQLite. */
#include "internal.h"

#define ACCOUNT_COLS "id, organisation_id, coalesce(person_id, 0), email, display_name, password_hash, active, invited_at"

static void read_account(struct arena *a, struct query *st, struct account *o)
{
	o->id = q_int64(st, 0);
	o->organisation_id = q_int64(st, 1);
	o->person_id = q_int64(st, 2);
	o->email = col_text0(a, st, 3);
	o->display_name = col_text0(a, st, 4);
	o->password_hash = col_text0(a, st, 5);
	o->active = q_int(st, 6);
	o->invited_at = q_int64(st, 7);
}

static int one_account(struct store *s, struct arena *a, struct query *st, struct account *out)
{
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_account(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_account_by_email(struct store *s, struct arena *a, const char *email, struct account *out)
{
	struct query *st = stmt(s, "SELECT " ACCOUNT_COLS " FROM account WHERE email = ?");
	bind_text(st, 1, email);
	return one_account(s, a, st, out);
}

int store_account_get(struct store *s, struct arena *a, long long org, long long id, struct account *out)
{
	struct query *st = stmt(s, "SELECT " ACCOUNT_COLS " FROM account WHERE organisation_id = ? AND id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	return one_account(s, a, st, out);
}

int store_account_by_id(struct store *s, struct arena *a, long long id, struct account *out)
{
	struct query *st = stmt(s, "SELECT " ACCOUNT_COLS " FROM account WHERE id = ?");
	q_bind_int64(st, 1, id);
	return one_account(s, a, st, out);
}

int store_account_list(struct store *s, struct arena *a, long long org, struct account **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " ACCOUNT_COLS " FROM account WHERE organisation_id = ? ORDER BY display_name, id");
	q_bind_int64(st, 1, org);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_account(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

int store_account_add(struct store *s, long long org, const char *email, const char *display_name,
		      long long person_id, const char *password_hash, long long *id)
{
	struct query *st = stmt(s, "INSERT INTO account(organisation_id, email, display_name, person_id, password_hash)"
				" SELECT ?1, ?2, ?3, ?4, ?5 WHERE ?4 IS NULL OR EXISTS"
				" (SELECT 1 FROM person WHERE id = ?4 AND organisation_id = ?1)");
	q_bind_int64(st, 1, org);
	bind_text(st, 2, email);
	bind_text(st, 3, display_name);
	bind_ref(st, 4, person_id);
	bind_text(st, 5, password_hash ? password_hash : "");
	int r = exec_stmt(s, st);
	if (r)
		return r;
	if (!q_changes(s))
		return ST_INVALID;
	if (id)
		*id = q_last_id(s);
	return ST_OK;
}

int store_account_set_password(struct store *s, long long id, const char *password_hash)
{
	struct query *st = stmt(s, "UPDATE account SET password_hash = ? WHERE id = ?");
	bind_text(st, 1, password_hash);
	q_bind_int64(st, 2, id);
	int r = exec_stmt(s, st);
	return r ? r : q_changes(s) ? ST_OK : ST_NOTFOUND;
}

int store_grant_add(struct store *s, long long account_id, long long org, const char *role,
		    const char *scope_kind, long long scope_id)
{
	struct query *st = stmt(s, "INSERT INTO role_grant(account_id, organisation_id, role, scope_kind, scope_id)"
				" SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM account WHERE id = ?1)");
	q_bind_int64(st, 1, account_id);
	q_bind_int64(st, 2, org);
	bind_text(st, 3, role);
	bind_text(st, 4, scope_kind ? scope_kind : "organisation");
	q_bind_int64(st, 5, scope_id);
	int r = exec_stmt(s, st);
	return r ? r : q_changes(s) ? ST_OK : ST_INVALID;
}

int store_grant_remove(struct store *s, long long org, long long grant_id)
{
	struct query *st = stmt(s, "DELETE FROM role_grant WHERE organisation_id = ? AND id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, grant_id);
	int r = exec_stmt(s, st);
	return r ? r : q_changes(s) ? ST_OK : ST_NOTFOUND;
}

int store_grant_list(struct store *s, struct arena *a, long long account_id, struct role_grant **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT id, account_id, organisation_id, scope_id, role, scope_kind FROM role_grant"
				" WHERE account_id = ? ORDER BY organisation_id, role, scope_kind, scope_id");
	q_bind_int64(st, 1, account_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct role_grant *g = ROW_PUSH(a, *out, *n, cap);
		g->id = q_int64(st, 0);
		g->account_id = q_int64(st, 1);
		g->organisation_id = q_int64(st, 2);
		g->scope_id = q_int64(st, 3);
		g->role = col_text0(a, st, 4);
		g->scope_kind = col_text0(a, st, 5);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_session_add(struct store *s, const unsigned char hash[HASH_LEN], long long account_id,
		      const char *csrf, long long now, long long expires)
{
	struct query *st = stmt(s, "INSERT INTO session(token_hash, account_id, csrf, created_at, expires_at)"
				" VALUES (?, ?, ?, ?, ?)");
	q_bind_blob(st, 1, hash, HASH_LEN);
	q_bind_int64(st, 2, account_id);
	bind_text(st, 3, csrf);
	q_bind_int64(st, 4, now);
	q_bind_int64(st, 5, expires);
	int r = exec_stmt(s, st);
	if (r)
		return r;
	/* Sweep expired sessions now and then, on the write path only. */
	st = stmt(s, "DELETE FROM session WHERE expires_at < ?");
	q_bind_int64(st, 1, now);
	exec_stmt(s, st);
	return ST_OK;
}

int store_session_get(struct store *s, struct arena *a, const unsigned char hash[HASH_LEN], long long now,
		      long long *account_id, char **csrf)
{
	struct query *st = stmt(s, "SELECT account_id, csrf FROM session WHERE token_hash = ? AND expires_at > ?");
	q_bind_blob(st, 1, hash, HASH_LEN);
	q_bind_int64(st, 2, now);
	int rc = q_step(st);
	if (rc == Q_ROW) {
		*account_id = q_int64(st, 0);
		*csrf = col_text0(a, st, 1);
	}
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_session_delete(struct store *s, const unsigned char hash[HASH_LEN])
{
	struct query *st = stmt(s, "DELETE FROM session WHERE token_hash = ?");
	q_bind_blob(st, 1, hash, HASH_LEN);
	return exec_stmt(s, st);
}

int store_session_delete_account(struct store *s, long long account_id, const unsigned char keep[HASH_LEN])
{
	/* ?3 is always bound, as a blob: PostgreSQL types a parameter left
	 * unbound as text, which a bytea column cannot be compared with */
	static const unsigned char none[HASH_LEN];
	struct query *st = stmt(s, "DELETE FROM session WHERE account_id = ?1 AND (?2 = 0 OR token_hash <> ?3)");
	q_bind_int64(st, 1, account_id);
	q_bind_int(st, 2, keep != NULL);
	q_bind_blob(st, 3, keep ? keep : none, HASH_LEN);
	return exec_stmt(s, st);
}
