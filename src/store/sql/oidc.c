/* oidc.c — providers and sign-ins under way of OpenID Connect in SQLite. */
#include "internal.h"
#include "store/oidc.h"

#include <string.h>

int store_oidc_provider_set(struct store *s, const struct oidc_provider *p)
{
	struct query *st = stmt(s, "INSERT INTO oidc_provider(organisation_id, issuer, client_id, secret_box, claim,"
				" passwords_off, updated_at, employee_claim) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
				" ON CONFLICT(organisation_id) DO UPDATE SET issuer = excluded.issuer,"
				" client_id = excluded.client_id, secret_box = excluded.secret_box, claim = excluded.claim,"
				" passwords_off = excluded.passwords_off, updated_at = excluded.updated_at,"
				" employee_claim = excluded.employee_claim");
	q_bind_int64(st, 1, p->organisation_id);
	bind_text(st, 2, p->issuer);
	bind_text(st, 3, p->client_id);
	q_bind_blob(st, 4, p->secret_box, (int)p->secret_box_len);
	bind_text(st, 5, p->claim);
	q_bind_int(st, 6, p->passwords_off);
	q_bind_int64(st, 7, p->updated_at);
	bind_text(st, 8, p->employee_claim);
	return exec_stmt(s, st);
}

#define PROVIDER_COLS "p.organisation_id, o.slug, o.name, p.issuer, p.client_id, p.claim, p.secret_box," \
	" p.passwords_off, p.updated_at, p.employee_claim FROM oidc_provider p JOIN organisation o ON o.id = p.organisation_id"

static void provider_row(struct arena *a, struct query *st, struct oidc_provider *p)
{
	memset(p, 0, sizeof(*p));
	p->organisation_id = q_int64(st, 0);
	p->org_slug = col_text0(a, st, 1);
	p->org_name = col_text0(a, st, 2);
	p->issuer = col_text0(a, st, 3);
	p->client_id = col_text0(a, st, 4);
	p->claim = col_text0(a, st, 5);
	p->secret_box_len = (size_t)q_bytes(st, 6);
	p->secret_box = arena_alloc(a, p->secret_box_len + 1);
	if (p->secret_box_len)
		memcpy(p->secret_box, q_blob(st, 6), p->secret_box_len);
	p->passwords_off = q_int(st, 7) != 0;
	p->employee_claim = col_text0(a, st, 9);
	p->updated_at = q_int64(st, 8);
}

int store_oidc_provider_get(struct store *s, struct arena *a, long long org, struct oidc_provider *out)
{
	struct query *st = stmt(s, "SELECT " PROVIDER_COLS " WHERE p.organisation_id = ?");
	q_bind_int64(st, 1, org);
	int rc = q_step(st);
	if (rc == Q_ROW)
		provider_row(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_oidc_provider_list(struct store *s, struct arena *a, struct oidc_provider **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " PROVIDER_COLS " ORDER BY o.name, o.id");
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		provider_row(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

int store_oidc_passwords_off(struct store *s, long long org, bool *off)
{
	struct query *st = stmt(s, "SELECT passwords_off FROM oidc_provider WHERE organisation_id = ?");
	q_bind_int64(st, 1, org);
	int rc = q_step(st);
	*off = rc == Q_ROW && q_int(st, 0);
	q_reset(st);
	return map_rc(s, rc);
}

int store_oidc_login_add(struct store *s, const unsigned char state_hash[HASH_LEN],
			 const unsigned char browser_hash[HASH_LEN], const struct oidc_login *l, long long expires_at,
			 int per_browser, int overall)
{
	struct query *st = stmt(s, "DELETE FROM oidc_login WHERE expires_at <= ?");
	q_bind_int64(st, 1, l->created_at);
	int r = exec_stmt(s, st);
	if (r)
		return r;
	/* room for the new one: the browser's oldest go first, then everyone's
	 * (an OFFSET without a limit: the largest LIMIT, as SQLite wants one
	 * before OFFSET and PostgreSQL takes no LIMIT -1) */
	st = stmt(s, "DELETE FROM oidc_login WHERE id IN (SELECT id FROM oidc_login"
		  " WHERE browser_hash = ? ORDER BY id DESC LIMIT 9223372036854775807 OFFSET ?)");
	q_bind_blob(st, 1, browser_hash, HASH_LEN);
	q_bind_int(st, 2, per_browser - 1);
	if ((r = exec_stmt(s, st)))
		return r;
	st = stmt(s, "DELETE FROM oidc_login WHERE id IN (SELECT id FROM oidc_login"
		  " ORDER BY id DESC LIMIT 9223372036854775807 OFFSET ?)");
	q_bind_int(st, 1, overall - 1);
	if ((r = exec_stmt(s, st)))
		return r;
	st = stmt(s, "INSERT INTO oidc_login(state_hash, browser_hash, organisation_id, nonce, verifier, redirect_uri,"
		  " next, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
	q_bind_blob(st, 1, state_hash, HASH_LEN);
	q_bind_blob(st, 2, browser_hash, HASH_LEN);
	q_bind_int64(st, 3, l->organisation_id);
	bind_text(st, 4, l->nonce);
	bind_text(st, 5, l->verifier);
	bind_text(st, 6, l->redirect_uri);
	bind_text(st, 7, l->next);
	q_bind_int64(st, 8, l->created_at);
	q_bind_int64(st, 9, expires_at);
	return exec_stmt(s, st);
}

int store_oidc_login_take(struct store *s, struct arena *a, const unsigned char state_hash[HASH_LEN],
			  const unsigned char browser_hash[HASH_LEN], long long now, struct oidc_login *out)
{
	struct query *st = stmt(s, "DELETE FROM oidc_login WHERE state_hash = ? AND browser_hash = ? AND expires_at > ?"
				" RETURNING organisation_id, nonce, verifier, redirect_uri, next, created_at");
	q_bind_blob(st, 1, state_hash, HASH_LEN);
	q_bind_blob(st, 2, browser_hash, HASH_LEN);
	q_bind_int64(st, 3, now);
	int rc = q_step(st);
	bool found = rc == Q_ROW;
	if (found) {
		memset(out, 0, sizeof(*out));
		out->organisation_id = q_int64(st, 0);
		out->nonce = col_text0(a, st, 1);
		out->verifier = col_text0(a, st, 2);
		out->redirect_uri = col_text0(a, st, 3);
		out->next = col_text0(a, st, 4);
		out->created_at = q_int64(st, 5);
	}
	while (rc == Q_ROW)
		rc = q_step(st);
	q_reset(st);
	if (rc != Q_DONE)
		return map_rc(s, rc);
	return found ? ST_OK : ST_NOTFOUND;
}

int store_oidc_login_count(struct store *s, long long *n)
{
	struct query *st = stmt(s, "SELECT count(*) FROM oidc_login");
	int rc = q_step(st);
	*n = rc == Q_ROW ? q_int64(st, 0) : 0;
	q_reset(st);
	return map_rc(s, rc);
}

int store_oidc_account(struct store *s, long long org, const char *claim, const char *value, long long *account_id)
{
	struct query *st = !strcmp(claim, "employee_id")
		? stmt(s, "SELECT a.id FROM account a JOIN person p ON p.id = a.person_id AND p.organisation_id = a.organisation_id"
		       " WHERE a.organisation_id = ? AND p.employee_id = ? ORDER BY a.id LIMIT 1")
		: stmt_for(s, "SELECT id FROM account WHERE organisation_id = ? AND email = ?",  /* NOCASE */
			   "SELECT id FROM account WHERE organisation_id = ? AND lower(email) = lower(?)");
	q_bind_int64(st, 1, org);
	bind_text(st, 2, value);
	int rc = q_step(st);
	if (rc == Q_ROW)
		*account_id = q_int64(st, 0);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}
