/* internal.h — what the SQLite files of the store share: the connection
 * record, the prepared-statement cache and small bind/column helpers.
 * Only files in store/sqlite/ include this (and sqlite3.h). */
#ifndef LG_STORE_SQLITE_INTERNAL_H
#define LG_STORE_SQLITE_INTERNAL_H

#include "store/store.h"

#include <sqlite3.h>

#define STMT_SLOTS 256

struct store {
	sqlite3 *db;
	char *path;
	struct {
		const char *sql;      /* identity of a static SQL string */
		sqlite3_stmt *stmt;
	} cache[STMT_SLOTS];
};

/* A reset statement for the static string sql, prepared once per connection. */
sqlite3_stmt *stmt(struct store *s, const char *sql);
/* Maps an SQLite result code to a store_rc (SQLITE_DONE/ROW -> ST_OK). */
int map_rc(struct store *s, int rc);
/* Steps a statement that returns no rows and resets it. */
int exec_stmt(struct store *s, sqlite3_stmt *st);
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
