/* db.c — the SQLite connection: opening with WAL and foreign keys, applying
 * the numbered migrations, online backup, transactions and the per-connection
 * prepared-statement cache. */
#include "internal.h"

#include <stdio.h>
#include "core/die.h"
#include "store/migrations.h"
#include "store/sqlite/search_fn.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>

/* Before SQLite's first use in the process: no count of the memory in use.
 * Debian's SQLite is built without lookaside memory, so every small
 * allocation goes to malloc, and with the count on each one took a mutex
 * shared by every connection of every thread (bench/README.md). */
static void sqlite_configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int store_open(const char *path, struct store **out, struct buf *err)
{
	static pthread_once_t configured = PTHREAD_ONCE_INIT;
	pthread_once(&configured, sqlite_configure);
	struct store *s = xcalloc(1, sizeof(*s));
	s->cache_slots = STMT_SLOTS;
	s->cache = xcalloc(s->cache_slots, sizeof(*s->cache));
	int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
				 SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		buf_addf(err, "cannot open database %s: %s", path,
			 s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
		sqlite3_close(s->db);
		free(s->cache);
		free(s);
		return ST_ERROR;
	}
	s->path = xstrdup(path);
	sqlite3_busy_timeout(s->db, 5000);
	sqlite3_extended_result_codes(s->db, 1);
	/* A plan that does not depend on the values bound: else a statement
	 * with "column LIKE ?" is compiled again after every bind (the value
	 * might allow an index range), which the people search did on every
	 * request. */
	sqlite3_db_config(s->db, SQLITE_DBCONFIG_ENABLE_QPSG, 1, (int *)NULL);
	/* before anything touches the schema: the search index and its
	 * triggers need the tokenizer "dutch" and md_plain() */
	if ((rc = search_functions_register(s->db)) != SQLITE_OK) {
		buf_addf(err, "cannot set up full-text search on database %s: %s", path,
			 rc == SQLITE_MISUSE ? "the program gave no words function (store_use_words)" : sqlite3_errstr(rc));
		store_close(s);
		return ST_ERROR;
	}
	const char *pragmas =
		"PRAGMA journal_mode=WAL;"
		"PRAGMA foreign_keys=ON;"
		/* deleted rows are overwritten, not left in free pages: an
		 * anonymous response's draft must not outlive its hand-in */
		"PRAGMA secure_delete=ON;"
		"PRAGMA synchronous=NORMAL;"
		"PRAGMA temp_store=MEMORY;"
		/* No memory map: in WAL mode a connection unmaps the whole file
		 * whenever another has committed, and with 200 respondents
		 * handing in at once that cost a quarter of the hand-ins (munmap
		 * and TLB shootdowns); the page lists, search and calendar went
		 * no faster with it (bench/README.md). */
		"PRAGMA mmap_size=0;"
		"PRAGMA cache_size=-8000;";
	char *msg = NULL;
	if (sqlite3_exec(s->db, pragmas, NULL, NULL, &msg) != SQLITE_OK) {
		buf_addf(err, "cannot set up database %s: %s", path, msg ? msg : "?");
		sqlite3_free(msg);
		store_close(s);
		return ST_ERROR;
	}
	*out = s;
	return ST_OK;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->cache_slots; i++)
		sqlite3_finalize(s->cache[i].stmt);
	free(s->cache);
	cache_free(s);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

const char *store_errmsg(struct store *s)
{
	return sqlite3_errmsg(s->db);
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

sqlite3_stmt *stmt(struct store *s, const char *sql)
{
	size_t k = slot_of(s, sql);
	if (s->cache[k].sql) {
		sqlite3_reset(s->cache[k].stmt);
		sqlite3_clear_bindings(s->cache[k].stmt);
		return s->cache[k].stmt;
	}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
		die("store: cannot prepare statement: %s\n%s", sqlite3_errmsg(s->db), sql);
	if (2 * (s->cache_used + 1) > s->cache_slots) {
		cache_grow(s);
		k = slot_of(s, sql);
	}
	s->cache[k] = (struct stmt_slot){ sql, st };
	s->cache_used++;
	return st;
}

int map_rc(struct store *s, int rc)
{
	(void)s;
	switch (rc) {
	case SQLITE_OK: case SQLITE_DONE: case SQLITE_ROW:
		return ST_OK;
	case SQLITE_CONSTRAINT_UNIQUE: case SQLITE_CONSTRAINT_PRIMARYKEY:
		return ST_CONFLICT;
	case SQLITE_CONSTRAINT_FOREIGNKEY: case SQLITE_CONSTRAINT_CHECK:
	case SQLITE_CONSTRAINT_NOTNULL:
		return ST_INVALID;
	}
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return ST_BUSY;
	return ST_ERROR;
}

int exec_stmt(struct store *s, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	int r = map_rc(s, rc == SQLITE_ROW ? SQLITE_DONE : rc);
	sqlite3_reset(st);
	return r;
}

int changed(struct store *s, int r)
{
	return r ? r : sqlite3_changes(s->db) ? ST_OK : ST_NOTFOUND;
}

int inserted(struct store *s, int r, long long *id)
{
	if (r)
		return r;
	if (!sqlite3_changes(s->db))
		return ST_INVALID;
	if (id)
		*id = sqlite3_last_insert_rowid(s->db);
	return ST_OK;
}

void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

void bind_ref(sqlite3_stmt *st, int i, long long id)
{
	if (id > 0)
		sqlite3_bind_int64(st, i, id);
	else
		sqlite3_bind_null(st, i);
}

char *col_text(struct arena *a, sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	if (!t)
		return NULL;
	return arena_strndup(a, (const char *)t, (size_t)sqlite3_column_bytes(st, i));
}

char *col_text0(struct arena *a, sqlite3_stmt *st, int i)
{
	char *t = col_text(a, st, i);
	return t ? t : arena_strdup(a, "");
}

static int exec_sql(struct store *s, const char *sql, struct buf *err)
{
	char *msg = NULL;
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK && err)
		buf_addf(err, "%s", msg ? msg : sqlite3_errstr(rc));
	sqlite3_free(msg);
	return map_rc(s, rc);
}

/* Transactions nest: the outermost is a real transaction, inner ones are
 * savepoints, so a domain function that needs all-or-nothing can be called
 * from one that already has a transaction (the demo, the importer). */
int store_begin(struct store *s)
{
	char sql[32];
	if (s->txn_depth == 0) {
		/* IMMEDIATE: take the write lock now, so that a busy database waits
		 * at the start (busy_timeout) rather than failing halfway. */
		int r = exec_sql(s, "BEGIN IMMEDIATE", NULL);
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
		if (r && !sqlite3_get_autocommit(s->db))
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
		if (!sqlite3_get_autocommit(s->db))
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
	int r = exec_sql(s, "BEGIN DEFERRED", NULL);
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
	sqlite3_stmt *st;
	int v = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT max(number) FROM schema_migration", -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

int store_migrate(struct store *s, int *applied, struct buf *err)
{
	return store_migrate_upto(s, INT_MAX, applied, err);
}

int store_migrate_upto(struct store *s, int last, int *applied, struct buf *err)
{
	int r = exec_sql(s, "CREATE TABLE IF NOT EXISTS schema_migration ("
			 "number INTEGER PRIMARY KEY, name TEXT NOT NULL,"
			 "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))", err);
	if (r)
		return r;
	int have = store_schema_version(s);
	*applied = 0;
	for (const struct migration *m = migrations; m->number; m++) {
		if (m->number <= have)
			continue;
		if (m->number > last)
			break;
		if ((r = store_begin(s)))
			return r;
		if ((r = exec_sql(s, m->sql, err))) {
			buf_addf(err, " (in migration %s)", m->name);
			store_rollback(s);
			return r;
		}
		sqlite3_stmt *st;
		sqlite3_prepare_v2(s->db, "INSERT INTO schema_migration(number, name) VALUES (?, ?)", -1, &st, NULL);
		sqlite3_bind_int(st, 1, m->number);
		sqlite3_bind_text(st, 2, m->name, -1, SQLITE_STATIC);
		r = map_rc(s, sqlite3_step(st));
		sqlite3_finalize(st);
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
	sqlite3_stmt *st = stmt(s, "SELECT count(*) FROM schema_migration");
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? ST_OK : ST_ERROR;
}

int store_backup(struct store *s, const char *dest, struct buf *err)
{
	sqlite3 *to;
	int rc = sqlite3_open(dest, &to);
	if (rc != SQLITE_OK) {
		buf_addf(err, "cannot create %s: %s", dest, sqlite3_errmsg(to));
		sqlite3_close(to);
		return ST_ERROR;
	}
	sqlite3_backup *b = sqlite3_backup_init(to, "main", s->db, "main");
	if (!b) {
		buf_addf(err, "cannot back up to %s: %s", dest, sqlite3_errmsg(to));
		sqlite3_close(to);
		return ST_ERROR;
	}
	/* Copy in steps so that a running server is held up only briefly;
	 * pages written meanwhile make SQLite restart the copy safely. */
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		buf_addf(err, "backup to %s failed: %s", dest, sqlite3_errstr(rc));
		sqlite3_close(to);
		return ST_ERROR;
	}
	/* A backup is a single file: leave it out of WAL mode. */
	sqlite3_exec(to, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
	sqlite3_close(to);
	return ST_OK;
}
