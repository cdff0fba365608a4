/* db.c — what both databases share of a connection: choosing the database
 * by its name, the per-connection prepared-statement cache, nested
 * transactions, the numbered migrations, and the small bind and column
 * helpers of the queries. The databases' own parts are in sqlite.c and
 * postgresql.c. */
#include "internal.h"
#include "backend.h"

#include <stdio.h>
#include "core/die.h"
#include "store/migrations.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>

bool store_is_postgresql(const char *name)
{
	return !strncmp(name, "postgresql://", 13) || !strncmp(name, "postgres://", 11);
}

/* The URI without a password: user:secret@host becomes user@host, and a
 * password=... parameter is left out. */
static void uri_shown(struct buf *b, const char *uri)
{
	const char *auth = strstr(uri, "://") + 3;
	size_t alen = strcspn(auth, "/?");
	const char *at = NULL;
	for (const char *p = auth; p < auth + alen; p++)
		if (*p == '@')
			at = p;
	const char *colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
	if (colon) {
		buf_add(b, uri, (size_t)(colon - uri));
		buf_add(b, at, (size_t)(auth + alen - at));
	} else {
		buf_add(b, uri, (size_t)(auth + alen - uri));
	}
	const char *rest = auth + alen;
	const char *q = strchr(rest, '?');
	if (!q) {
		buf_adds(b, rest);
		return;
	}
	buf_add(b, rest, (size_t)(q - rest));
	char sep = '?';
	for (const char *p = q + 1; *p;) {
		size_t n = strcspn(p, "&");
		if (!(n >= 9 && !strncmp(p, "password=", 9))) {
			buf_addch(b, sep);
			buf_add(b, p, n);
			sep = '&';
		}
		p += n + (p[n] == '&');
	}
}

const char *store_path_shown(const char *path, char *out, size_t n)
{
	assert(n > 0);
	if (!store_is_postgresql(path)) {
		snprintf(out, n, "%s", path);
		return out;
	}
	struct buf b = BUF_INIT;
	uri_shown(&b, path);
	snprintf(out, n, "%s", b.ptr ? b.ptr : "");
	buf_release(&b);
	return out;
}

int store_open(const char *path, struct store **out, struct buf *err)
{
	struct store *s = xcalloc(1, sizeof(*s));
	s->cache_slots = STMT_SLOTS;
	s->cache = xcalloc(s->cache_slots, sizeof(*s->cache));
	s->path = xstrdup(path);
	s->kind = store_is_postgresql(path) ? DB_POSTGRESQL : DB_SQLITE;
	int r = s->kind == DB_SQLITE ? sqlite_open(s, err) : postgresql_open(s, err);
	if (r) {
		store_close(s);
		return r;
	}
	*out = s;
	return ST_OK;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->cache_slots; i++)
		if (s->cache[i].q) {
			query_free(s->cache[i].q);
			free(s->cache[i].q);
		}
	free(s->cache);
	cache_free(s);
	if (s->kind == DB_SQLITE)
		sqlite_close(s);
	else
		postgresql_close(s);
	free(s->path);
	free(s);
}

const char *store_errmsg(struct store *s)
{
	if (s->kind == DB_SQLITE)
		return sqlite3_errmsg(s->db);
	return s->pg_error ? s->pg_error : "";
}

static size_t slot_of(const struct store *s, const char *sql)
{
	size_t k = ((uintptr_t)sql >> 3) % s->cache_slots;
	while (s->cache[k].sql && s->cache[k].sql != sql)
		k = (k + 1) % s->cache_slots;
	return k;
}

/* Twice the slots, every statement in its new place. */
static void cache_grow(struct store *s)
{
	struct stmt_slot *old = s->cache;
	size_t n = s->cache_slots;
	s->cache_slots = 2 * n;
	s->cache = xcalloc(s->cache_slots, sizeof(*s->cache));
	for (size_t i = 0; i < n; i++)
		if (old[i].sql)
			s->cache[slot_of(s, old[i].sql)] = old[i];
	free(old);
}

struct query *stmt_for(struct store *s, const char *sqlite_sql, const char *postgresql_sql)
{
	size_t k = slot_of(s, sqlite_sql);
	if (s->cache[k].sql) {
		struct query *q = s->cache[k].q;
		if (q->lite) {
			sqlite3_reset(q->lite);
			sqlite3_clear_bindings(q->lite);
		} else {
			pgq_reset(q);
			pgq_clear(q);
		}
		return q;
	}
	struct query *q = xcalloc(1, sizeof(*q));
	q->s = s;
	if (s->kind == DB_SQLITE)
		sqlite_prepare(s, q, sqlite_sql);
	else
		postgresql_prepare(s, q, postgresql_sql);
	if (2 * (s->cache_used + 1) > s->cache_slots) {
		cache_grow(s);
		k = slot_of(s, sqlite_sql);
	}
	s->cache[k] = (struct stmt_slot){ sqlite_sql, q };
	s->cache_used++;
	return q;
}

struct query *stmt(struct store *s, const char *sql)
{
	return stmt_for(s, sql, sql);
}

int map_rc(struct store *s, int rc)
{
	(void)s;
	return rc >= 0 ? ST_OK : rc;
}

int exec_stmt(struct store *s, struct query *st)
{
	int rc = q_step(st);
	q_reset(st);
	return map_rc(s, rc);
}

int changed(struct store *s, int r)
{
	return r ? r : q_changes(s) ? ST_OK : ST_NOTFOUND;
}

int inserted(struct store *s, int r, long long *id)
{
	if (r)
		return r;
	if (!q_changes(s))
		return ST_INVALID;
	if (id)
		*id = q_last_id(s);
	return ST_OK;
}

void bind_text(struct query *st, int i, const char *v)
{
	if (!v && st->lite)
		sqlite3_bind_null(st->lite, i);
	else if (!v)
		pgq_bind(st, i, 25 /* text */, NULL, 0, 0);
	else if (st->lite)
		sqlite3_bind_text(st->lite, i, v, -1, SQLITE_TRANSIENT);
	else
		pgq_bind(st, i, 0, v, 0, 0);
}

void bind_ref(struct query *st, int i, long long id)
{
	if (id > 0)
		q_bind_int64(st, i, id);
	else if (st->lite)
		sqlite3_bind_null(st->lite, i);
	else
		pgq_bind(st, i, 20 /* bigint */, NULL, 0, 0);
}

char *col_text(struct arena *a, struct query *st, int i)
{
	const char *t = q_text(st, i);
	if (!t)
		return NULL;
	return arena_strndup(a, t, (size_t)q_bytes(st, i));
}

char *col_text0(struct arena *a, struct query *st, int i)
{
	char *t = col_text(a, st, i);
	return t ? t : arena_strdup(a, "");
}

int exec_sql(struct store *s, const char *sql, struct buf *err)
{
	return s->kind == DB_SQLITE ? sqlite_exec(s, sql, err) : postgresql_exec(s, sql, err);
}

bool autocommit(struct store *s)
{
	if (s->kind == DB_SQLITE)
		return sqlite3_get_autocommit(s->db);
	return PQtransactionStatus(s->pg) == PQTRANS_IDLE;
}

/* Transactions nest: the outermost is a real transaction, inner ones are
 * savepoints, so a domain function that needs all-or-nothing can be called
 * from one that already has a transaction (the demo, the importer). */
int store_begin(struct store *s)
{
	char sql[32];
	if (s->txn_depth == 0) {
		/* SQLite, IMMEDIATE: take the write lock now, so that a busy
		 * database waits at the start (busy_timeout) rather than failing
		 * halfway. PostgreSQL: the same one writer at a time across every
		 * server of the installation, as the domain's rules (a place
		 * left, a number not yet used) are written for it. */
		int r = exec_sql(s, s->kind == DB_SQLITE ? "BEGIN IMMEDIATE"
				 : "BEGIN; SELECT pg_advisory_xact_lock(" POSTGRESQL_WRITE_LOCK ")", NULL);
		if (!r)
			s->txn_depth = 1;
		return r;
	}
	snprintf(sql, sizeof(sql), "SAVEPOINT lg%d", s->txn_depth);
	int r = exec_sql(s, sql, NULL);
	if (!r)
		s->txn_depth++;
	return r;
}

int store_commit(struct store *s)
{
	char sql[32];
	if (s->txn_depth <= 1) {
		/* A COMMIT that fails (busy, disk full) leaves the transaction
		 * open: roll it back here, once for every caller, so that the
		 * connection (a worker thread's, serving the next request) is
		 * never left inside it. */
		int r = exec_sql(s, "COMMIT", NULL);
		if (r && !autocommit(s))
			exec_sql(s, "ROLLBACK", NULL);
		s->txn_depth = 0;
		return r;
	}
	snprintf(sql, sizeof(sql), "RELEASE lg%d", s->txn_depth - 1);
	int r = exec_sql(s, sql, NULL);
	if (!r)
		s->txn_depth--;
	return r;
}

void store_rollback(struct store *s)
{
	char sql[64];
	if (s->txn_depth <= 1) {
		if (!autocommit(s))
			exec_sql(s, "ROLLBACK", NULL);
		s->txn_depth = 0;
		return;
	}
	s->txn_depth--;
	snprintf(sql, sizeof(sql), "ROLLBACK TO lg%d; RELEASE lg%d", s->txn_depth, s->txn_depth);
	exec_sql(s, sql, NULL);
}

/* A read-only snapshot: a deferred transaction, so the connection takes
 * the database's read lock once for every statement until store_read_end
 * instead of once per statement, and every read in between sees the same
 * state. Within a transaction it is that transaction's already. */
int store_read_begin(struct store *s)
{
	if (s->txn_depth)
		return ST_OK;
	int r = exec_sql(s, s->kind == DB_SQLITE ? "BEGIN DEFERRED" : "BEGIN ISOLATION LEVEL REPEATABLE READ", NULL);
	if (!r) {
		s->txn_depth = 1;
		s->reading = true;
	}
	return r;
}

void store_read_end(struct store *s)
{
	if (!s->reading)
		return;
	s->reading = false;
	if (store_commit(s))
		store_rollback(s);
}

int store_schema_version(struct store *s)
{
	return s->kind == DB_SQLITE ? sqlite_schema_version(s) : postgresql_schema_version(s);
}

int store_migrate(struct store *s, int *applied, struct buf *err)
{
	return store_migrate_upto(s, INT_MAX, applied, err);
}

/* The numbers a migration file stands for: one, or for PostgreSQL's
 * baseline (the schema of every SQLite migration up to its number, in
 * one file) all of them from 1. */
static int first_number(const struct store *s, const struct migration *m)
{
	return s->kind == DB_POSTGRESQL && strstr(m->name, "_baseline") ? 1 : m->number;
}

/* The name of migration k as SQLite knows it (a baseline stands for
 * several), so that both databases list the same migrations. */
static const char *migration_name(int k, const struct migration *m)
{
	for (const struct migration *x = migrations; x->number; x++)
		if (x->number == k)
			return x->name;
	return m->name;
}

int store_migrate_upto(struct store *s, int last, int *applied, struct buf *err)
{
	int r = exec_sql(s, s->kind == DB_SQLITE ?
			 "CREATE TABLE IF NOT EXISTS schema_migration ("
			 "number INTEGER PRIMARY KEY, name TEXT NOT NULL,"
			 "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))" :
			 "CREATE TABLE IF NOT EXISTS schema_migration ("
			 "number bigint PRIMARY KEY, name text NOT NULL,"
			 "applied_at text NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')))",
			 err);
	if (r)
		return r;
	int have = store_schema_version(s);
	*applied = 0;
	const struct migration *list = s->kind == DB_SQLITE ? migrations : migrations_postgresql;
	for (const struct migration *m = list; m->number; m++) {
		if (m->number <= have)
			continue;
		if (m->number > last)
			break;
		if (first_number(s, m) <= have) {
			buf_addf(err, "migration %s is a baseline, but the database is at %d already", m->name, have);
			return ST_ERROR;
		}
		if ((r = store_begin(s)))
			return r;
		if ((r = exec_sql(s, m->sql, err))) {
			buf_addf(err, " (in migration %s)", m->name);
			store_rollback(s);
			return r;
		}
		free(s->pg_identity);  /* the tables may have changed: asked again */
		s->pg_identity = NULL;
		for (int k = first_number(s, m); k <= m->number && !r; k++) {
			struct query *st = stmt(s, "INSERT INTO schema_migration(number, name) VALUES (?1, ?2)");
			q_bind_int(st, 1, k);
			bind_text(st, 2, migration_name(k, m));
			r = exec_stmt(s, st);
		}
		if (r || (r = store_commit(s))) {
			store_rollback(s);
			return r;
		}
		(*applied)++;
	}
	return ST_OK;
}

int store_ping(struct store *s)
{
	struct query *st = stmt(s, "SELECT count(*) FROM schema_migration");
	int rc = q_step(st);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : ST_ERROR;
}

int store_backup(struct store *s, const char *dest, struct buf *err)
{
	if (s->kind == DB_SQLITE)
		return sqlite_backup(s, dest, err);
	buf_addf(err, "a PostgreSQL database is backed up with its own tools: pg_dump --format=custom --file=%s '%s'",
		 dest, s->path);
	return ST_INVALID;
}

bool store_job_begin(struct store *s, const char *job)
{
	if (s->kind == DB_SQLITE)
		return true;
	struct query *st = stmt(s, "SELECT pg_try_advisory_lock(hashtext(?1))");
	bind_text(st, 1, job);
	bool mine = q_step(st) == Q_ROW && q_int(st, 0);
	q_reset(st);
	return mine;
}

void store_job_end(struct store *s, const char *job)
{
	if (s->kind == DB_SQLITE)
		return;
	struct query *st = stmt(s, "SELECT pg_advisory_unlock(hashtext(?1))");
	bind_text(st, 1, job);
	(void)q_step(st);
	q_reset(st);
}
