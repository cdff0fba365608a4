/* sqlite.c — the SQLite connection: opening with WAL and foreign keys,
 * preparing the queries, raw SQL, the schema version and online backup. */
#include "internal.h"
#include "backend.h"

#include <stdio.h>
#include "core/die.h"
#include "store/sql/search_fn.h"

#include <pthread.h>

/* Before SQLite's first use in the process: no count of the memory in use.
 * Debian's SQLite is built without lookaside memory, so every small
 * allocation goes to malloc, and with the count on each one took a mutex
 * shared by every connection of every thread (bench/README.md). */
static void sqlite_configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int lite_rc(int rc)
{
	switch (rc) {
	case SQLITE_ROW:
		return Q_ROW;
	case SQLITE_OK: case SQLITE_DONE:
		return Q_DONE;
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

int sqlite_open(struct store *s, struct buf *err)
{
	static pthread_once_t configured = PTHREAD_ONCE_INIT;
	pthread_once(&configured, sqlite_configure);
	int rc = sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
				 SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		buf_addf(err, "cannot open database %s: %s", s->path,
			 s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
		return ST_ERROR;
	}
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
		buf_addf(err, "cannot set up full-text search on database %s: %s", s->path,
			 rc == SQLITE_MISUSE ? "the program gave no words function (store_use_words)" : sqlite3_errstr(rc));
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
		buf_addf(err, "cannot set up database %s: %s", s->path, msg ? msg : "?");
		sqlite3_free(msg);
		return ST_ERROR;
	}
	return ST_OK;
}

void sqlite_close(struct store *s)
{
	sqlite3_close(s->db);
}

void sqlite_prepare(struct store *s, struct query *q, const char *sql)
{
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &q->lite, NULL) != SQLITE_OK)
		die("store: cannot prepare statement: %s\n%s", sqlite3_errmsg(s->db), sql);
}

int sqlite_exec(struct store *s, const char *sql, struct buf *err)
{
	char *msg = NULL;
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK && err)
		buf_addf(err, "%s", msg ? msg : sqlite3_errstr(rc));
	sqlite3_free(msg);
	return lite_rc(rc) > 0 ? ST_OK : lite_rc(rc);
}

int sqlite_schema_version(struct store *s)
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

int sqlite_backup(struct store *s, const char *dest, struct buf *err)
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
