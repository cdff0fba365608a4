/* throttle.c — the counters of failed sign-ins per key in SQLite. A failure
 * is counted by one INSERT ... ON CONFLICT ... RETURNING, so that parallel
 * failures on other connections are each counted once. */
#include "internal.h"
#include "store/signin.h"

int store_throttle_fail(struct store *s, const unsigned char key[HASH_LEN], long long now_ms, long long leak_ms,
			long long *failures)
{
	/* In SET every column is its value before the update. The count
	 * leaks whole units only; leaked_at moves on by what leaked, so
	 * that the part of a unit not yet leaked is kept (to now when all
	 * has). A clock that went back leaks nothing. */
	struct query *st = stmt(s, "INSERT INTO login_throttle(key_hash, failures, leaked_at) VALUES (?1, 1, ?2)"
				" ON CONFLICT(key_hash) DO UPDATE SET"
				" failures = max(0, login_throttle.failures - max(0, ?2 - login_throttle.leaked_at) / ?3) + 1,"
				" leaked_at = CASE WHEN login_throttle.failures - max(0, ?2 - login_throttle.leaked_at) / ?3 <= 0"
				"  THEN ?2 ELSE login_throttle.leaked_at + max(0, ?2 - login_throttle.leaked_at) / ?3 * ?3 END"
				" RETURNING failures");
	q_bind_blob(st, 1, key, HASH_LEN);
	q_bind_int64(st, 2, now_ms);
	q_bind_int64(st, 3, leak_ms > 0 ? leak_ms : 1);
	int rc = q_step(st);
	if (rc == Q_ROW)
		*failures = q_int64(st, 0);
	/* stepped to the end, so that the statement's write is complete */
	while (rc == Q_ROW)
		rc = q_step(st);
	q_reset(st);
	return map_rc(s, rc);
}

int store_throttle_block(struct store *s, const unsigned char key[HASH_LEN], long long until_ms)
{
	struct query *st = stmt(s, "UPDATE login_throttle SET blocked_until = max(blocked_until, ?2) WHERE key_hash = ?1");
	q_bind_blob(st, 1, key, HASH_LEN);
	q_bind_int64(st, 2, until_ms);
	return exec_stmt(s, st);
}

int store_throttle_get(struct store *s, const unsigned char key[HASH_LEN], long long *blocked_until_ms,
		       long long *failures)
{
	struct query *st = stmt(s, "SELECT blocked_until, failures FROM login_throttle WHERE key_hash = ?");
	q_bind_blob(st, 1, key, HASH_LEN);
	*blocked_until_ms = *failures = 0;
	int rc = q_step(st);
	if (rc == Q_ROW) {
		*blocked_until_ms = q_int64(st, 0);
		*failures = q_int64(st, 1);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_throttle_clear(struct store *s, const unsigned char key[HASH_LEN])
{
	struct query *st = stmt(s, "DELETE FROM login_throttle WHERE key_hash = ?");
	q_bind_blob(st, 1, key, HASH_LEN);
	return exec_stmt(s, st);
}

int store_throttle_sweep(struct store *s, long long before_ms)
{
	struct query *st = stmt(s, "DELETE FROM login_throttle WHERE leaked_at < ?1 AND blocked_until < ?1");
	q_bind_int64(st, 1, before_ms);
	return exec_stmt(s, st);
}
