/* mail_queue.c — the mail queue in SQL (store/mail_queue.h). */
#include "internal.h"
#include "store/mail_queue.h"

#include <string.h>

int store_mail_queue_add(struct store *s, long long org, const void *box, size_t len, long long now, long long *id)
{
	struct query *st = stmt(s, "INSERT INTO mail_queue(organisation_id, box, queued_at, next_try)"
				" VALUES (?1, ?2, ?3, ?3)");
	q_bind_int64(st, 1, org);
	q_bind_blob(st, 2, box, len);
	q_bind_int64(st, 3, now);
	int r = exec_stmt(s, st);
	if (!r && id)
		*id = q_last_id(s);
	return r;
}

/* The due messages no one holds, oldest first. */
static int due(struct store *s, struct arena *a, long long now, size_t max, struct queued_mail **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT id, organisation_id, queued_at, tries, box FROM mail_queue"
				" WHERE next_try <= ?1 AND claimed_until <= ?1 ORDER BY id LIMIT ?2");
	q_bind_int64(st, 1, now);
	q_bind_int64(st, 2, (long long)max);
	size_t cap = 0;
	int rc;
	while ((rc = q_step(st)) == Q_ROW) {
		struct queued_mail *m = ROW_PUSH(a, *out, *n, cap);
		m->id = q_int64(st, 0);
		m->organisation_id = q_int64(st, 1);
		m->queued_at = q_int64(st, 2);
		m->tries = q_int(st, 3);
		const void *b = q_blob(st, 4);
		m->len = b ? (size_t)q_bytes(st, 4) : 0;
		m->box = arena_alloc(a, m->len + 1);
		if (m->len)
			memcpy(m->box, b, m->len);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_mail_queue_claim(struct store *s, struct arena *a, long long now, long long lease_until, size_t max,
			   struct queued_mail **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	/* a look without a transaction first: a sender finds the queue empty
	 * nearly always, and should not take the writers' lock for that */
	struct query *st = stmt(s, "SELECT 1 FROM mail_queue WHERE next_try <= ?1 AND claimed_until <= ?1 LIMIT 1");
	q_bind_int64(st, 1, now);
	int rc = q_step(st);
	q_reset(st);
	if (rc != Q_ROW)
		return map_rc(s, rc);
	int r = store_begin(s);
	if (r)
		return r;
	r = due(s, a, now, max, out, n);
	for (size_t i = 0; !r && i < *n; i++) {
		st = stmt(s, "UPDATE mail_queue SET claimed_until = ?2 WHERE id = ?1 AND claimed_until <= ?3");
		q_bind_int64(st, 1, (*out)[i].id);
		q_bind_int64(st, 2, lease_until);
		q_bind_int64(st, 3, now);
		r = exec_stmt(s, st);
		/* one writer at a time: what was read as free is still free */
		if (!r && q_changes(s) != 1)
			r = ST_CONFLICT;
	}
	if (r) {
		store_rollback(s);
		*n = 0;
		return r;
	}
	r = store_commit(s);
	if (r)
		*n = 0;
	return r;
}

int store_mail_queue_next(struct store *s, long long *when)
{
	*when = 0;
	struct query *st = stmt(s, "SELECT min(CASE WHEN next_try > claimed_until THEN next_try ELSE claimed_until END)"
				   " FROM mail_queue");
	int rc = q_step(st);
	if (rc == Q_ROW)
		*when = q_int64(st, 0);
	q_reset(st);
	return map_rc(s, rc);
}

int store_mail_queue_remove(struct store *s, long long id)
{
	struct query *st = stmt(s, "DELETE FROM mail_queue WHERE id = ?1");
	q_bind_int64(st, 1, id);
	return exec_stmt(s, st);
}

int store_mail_queue_later(struct store *s, long long id, int tries, long long next_try)
{
	struct query *st = stmt(s, "UPDATE mail_queue SET tries = ?2, next_try = ?3, claimed_until = 0 WHERE id = ?1");
	q_bind_int64(st, 1, id);
	q_bind_int(st, 2, tries);
	q_bind_int64(st, 3, next_try);
	return exec_stmt(s, st);
}

int store_mail_queue_forget(struct store *s, long long before, long long *n)
{
	struct query *st = stmt(s, "DELETE FROM mail_queue WHERE queued_at < ?1");
	q_bind_int64(st, 1, before);
	int r = exec_stmt(s, st);
	if (!r && n)
		*n = q_changes(s);
	return r;
}

int store_mail_queue_count(struct store *s, long long org, long long *n)
{
	struct query *st = stmt(s, "SELECT count(*) FROM mail_queue WHERE ?1 = 0 OR organisation_id = ?1");
	q_bind_int64(st, 1, org);
	int rc = q_step(st);
	*n = rc == Q_ROW ? q_int64(st, 0) : 0;
	q_reset(st);
	return rc == Q_ROW ? ST_OK : map_rc(s, rc);
}
