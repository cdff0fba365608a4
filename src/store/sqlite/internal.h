/* internal.h — what the SQLite files of the store share: the connection
 * record, the prepared-statement cache and small bind/column helpers.
 * Only files in store/sqlite/ include this (and sqlite3.h). */
#ifndef LG_STORE_SQLITE_INTERNAL_H
#define LG_STORE_SQLITE_INTERNAL_H

#include "store/store.h"

#include <sqlite3.h>

#define STMT_SLOTS 512   /* to begin with; the statement cache grows */
#define CACHE_SLOTS 16

/* What a connection has seen of the database: PRAGMA data_version (commits
 * by other connections) and its own total changes. Equal versions mean
 * equal data. */
struct read_version {
	long long others, own;
};

/* cache.c: answers that cost more than a look-up and change seldom, kept
 * per connection (so per server thread, without locks) until any
 * connection commits. A few organisations per connection, replaced in
 * turn. */
struct cached_units {
	bool used, counts;
	long long org;
	struct read_version v;
	struct arena a;
	struct unit *units;
	size_t n;
};
struct cached_count {
	bool used;
	int inactive;
	long long org;
	struct read_version v;
	long long total;
};

struct store {
	sqlite3 *db;
	char *path;
	/* the prepared statements by the address of their static SQL text,
	 * open addressing, grown before it is half full: a statement once
	 * prepared stays until the connection closes (a caller may be stepping
	 * it), so the table can grow but never evicts */
	struct stmt_slot {
		const char *sql;
		sqlite3_stmt *stmt;
	} *cache;
	size_t cache_slots, cache_used;
	struct cached_units units[CACHE_SLOTS];
	struct cached_count counts[CACHE_SLOTS];
	unsigned next_units, next_count;
	int txn_depth;  /* 0 outside a transaction; inner levels are savepoints */
	bool reading;   /* the outermost transaction is store_read_begin's */
};

/* The connection's read version; -1 inside a transaction or when it cannot
 * be read (then nothing is cached). */
int read_version(struct store *s, struct read_version *v);
/* A copy, in a, of the cached unit tree of org; false when there is none
 * for version v. */
bool cache_units_get(struct store *s, struct arena *a, long long org, bool counts, const struct read_version *v,
		     struct unit **out, size_t *n);
void cache_units_put(struct store *s, long long org, bool counts, const struct read_version *v,
		     const struct unit *units, size_t n);
bool cache_count_get(struct store *s, long long org, int inactive, const struct read_version *v, long long *total);
void cache_count_put(struct store *s, long long org, int inactive, const struct read_version *v, long long total);
void cache_free(struct store *s);

/* A reset statement for the static string sql, prepared once per connection. */
sqlite3_stmt *stmt(struct store *s, const char *sql);
/* Maps an SQLite result code to a store_rc (SQLITE_DONE/ROW -> ST_OK). */
int map_rc(struct store *s, int rc);
/* Steps a statement that returns no rows and resets it. */
int exec_stmt(struct store *s, sqlite3_stmt *st);
/* After exec_stmt of an UPDATE or DELETE scoped to an organisation: the
 * result, or ST_NOTFOUND when no row was touched. */
int changed(struct store *s, int r);
/* After exec_stmt of an INSERT ... SELECT ... WHERE that checks that what
 * the row refers to is of the organisation: the result, ST_INVALID when the
 * check refused, else ST_OK with the new row's id in *id (when id). */
int inserted(struct store *s, int r, long long *id);
/* Binds text, NULL for a NULL pointer. */
void bind_text(sqlite3_stmt *st, int i, const char *v);
/* Binds an id, NULL for 0 (no reference). */
void bind_ref(sqlite3_stmt *st, int i, long long id);
/* Column text copied into the arena; NULL stays NULL unless empty_for_null. */
char *col_text(struct arena *a, sqlite3_stmt *st, int i);
char *col_text0(struct arena *a, sqlite3_stmt *st, int i); /* "" for NULL */

/* Appends a row to an arena array, growing it by doubling. */
#define ROW_PUSH(a, arr, n, cap) \
	((n) == (cap) ? ((arr) = arena_grow((a), (arr), (n), (cap) = (cap) ? (cap) * 2 : 16, sizeof(*(arr)))) : (arr), &(arr)[(n)++])

#endif
