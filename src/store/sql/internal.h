/* internal.h — what the files of the SQL store share: the connection
 * record, the prepared-statement cache, the query API the queries are
 * written against, and small bind/column helpers. Only files in store/sql/
 * include this.
 *
 * One set of queries serves two databases: SQLite (the embedded default)
 * and PostgreSQL (several servers on one database). A query is written
 * once, in the SQL both understand, with ?N parameters; stmt() prepares it
 * for the connection's database (sqlite.c, postgresql.c). Where the two
 * cannot share the text, stmt_for() takes one for each. */
#ifndef LG_STORE_SQL_INTERNAL_H
#define LG_STORE_SQL_INTERNAL_H

#include "store/store.h"

#include <libpq-fe.h>
#include <sqlite3.h>

struct answer_value;   /* domain/model/instrument.h */

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

enum backend { DB_SQLITE, DB_POSTGRESQL };

/* A prepared statement of one connection (see the query API below). */
struct query {
	struct store *s;
	sqlite3_stmt *lite;     /* SQLite: the statement; NULL on PostgreSQL */
	/* PostgreSQL (postgresql.c): the text with $N parameters, prepared on
	 * the first run with the types of the values then bound */
	char *sql;
	char name[16];
	bool prepared, writes, ran, returning;
	int nparams;
	Oid *types;
	char **vals;
	int *lens, *fmts;
	PGresult *res, *desc;
	int row, nrows, err;
	unsigned char **blobs;  /* bytea columns of the current row, decoded */
	size_t *bloblens;
	int blobrow;
};

struct store {
	enum backend kind;
	sqlite3 *db;            /* DB_SQLITE */
	PGconn *pg;             /* DB_POSTGRESQL */
	long long pg_changes;   /* rows the last statement changed */
	long long pg_last_id;   /* the id of the row the last INSERT made */
	char *pg_identity;      /* " table " for each table whose id is an identity */
	unsigned pg_queries;    /* names of the prepared statements */
	char *pg_error;         /* the last error message */
	char *path;
	/* the prepared statements by the address of their static SQL text,
	 * open addressing, grown before it is half full: a statement once
	 * prepared stays until the connection closes (a caller may be stepping
	 * it), so the table can grow but never evicts */
	struct stmt_slot {
		const char *sql;
		struct query *q;
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

/* A reset statement for the static string sql, prepared once per
 * connection. */
struct query *stmt(struct store *s, const char *sql);
/* The same where the two databases need different texts: the statement is
 * known by the address of the first. */
struct query *stmt_for(struct store *s, const char *sqlite_sql, const char *postgresql_sql);

/* The query API. q_step runs the statement (on its first call) and moves
 * to the next row: Q_ROW while there is one, then Q_DONE, or a negative
 * store_rc when the statement failed. Parameters count from 1, columns
 * from 0; a column read of NULL gives 0 or NULL. q_reset makes the
 * statement ready to run again with its bindings. */
enum { Q_DONE = 0, Q_ROW = 1 };

int lite_rc(int rc);  /* an SQLite result code as Q_ROW, Q_DONE or a store_rc */
int pgq_step(struct query *q);
void pgq_reset(struct query *q);
void pgq_clear(struct query *q);
void pgq_bind(struct query *q, int i, Oid type, const char *v, int len, int fmt);
void pgq_bind_int64(struct query *q, int i, long long v);
void pgq_bind_double(struct query *q, int i, double v);
long long pgq_int64(struct query *q, int i);
double pgq_double(struct query *q, int i);
const char *pgq_text(struct query *q, int i);
const void *pgq_blob(struct query *q, int i);
int pgq_bytes(struct query *q, int i);
int pgq_column_count(struct query *q);
const char *pgq_column_name(struct query *q, int i);
bool pgq_is_numeric(struct query *q, int i);

static inline int q_step(struct query *q)
{
	return q->lite ? lite_rc(sqlite3_step(q->lite)) : pgq_step(q);
}
static inline void q_reset(struct query *q)
{
	if (q->lite)
		sqlite3_reset(q->lite);
	else
		pgq_reset(q);
}
static inline void q_bind_int64(struct query *q, int i, long long v)
{
	if (q->lite)
		sqlite3_bind_int64(q->lite, i, v);
	else
		pgq_bind_int64(q, i, v);
}
static inline void q_bind_int(struct query *q, int i, int v)
{
	q_bind_int64(q, i, v);
}
static inline void q_bind_double(struct query *q, int i, double v)
{
	if (q->lite)
		sqlite3_bind_double(q->lite, i, v);
	else
		pgq_bind_double(q, i, v);
}
static inline void q_bind_null(struct query *q, int i)
{
	if (q->lite)
		sqlite3_bind_null(q->lite, i);
	else
		pgq_bind(q, i, 0, NULL, 0, 0);
}
/* A copy of n bytes (bytea on PostgreSQL); NULL for p NULL. */
static inline void q_bind_blob(struct query *q, int i, const void *p, size_t n)
{
	if (q->lite && p)
		sqlite3_bind_blob64(q->lite, i, p, n, SQLITE_TRANSIENT);
	else if (q->lite)
		sqlite3_bind_null(q->lite, i);
	else
		pgq_bind(q, i, 17 /* bytea */, p, (int)n, 1);
}
static inline long long q_int64(struct query *q, int i)
{
	return q->lite ? sqlite3_column_int64(q->lite, i) : pgq_int64(q, i);
}
static inline int q_int(struct query *q, int i)
{
	return (int)q_int64(q, i);
}
static inline double q_double(struct query *q, int i)
{
	return q->lite ? sqlite3_column_double(q->lite, i) : pgq_double(q, i);
}
static inline const char *q_text(struct query *q, int i)
{
	return q->lite ? (const char *)sqlite3_column_text(q->lite, i) : pgq_text(q, i);
}
static inline const void *q_blob(struct query *q, int i)
{
	return q->lite ? sqlite3_column_blob(q->lite, i) : pgq_blob(q, i);
}
/* The length of a text or blob column (after q_text or q_blob). */
static inline int q_bytes(struct query *q, int i)
{
	return q->lite ? sqlite3_column_bytes(q->lite, i) : pgq_bytes(q, i);
}
static inline bool q_is_null(struct query *q, int i)
{
	return q->lite ? sqlite3_column_type(q->lite, i) == SQLITE_NULL : PQgetisnull(q->res, q->row, i);
}
/* Whether a column holds a number (an integer or a real). */
static inline bool q_is_numeric(struct query *q, int i)
{
	if (!q->lite)
		return pgq_is_numeric(q, i);
	int t = sqlite3_column_type(q->lite, i);
	return t == SQLITE_INTEGER || t == SQLITE_FLOAT;
}
static inline int q_column_count(struct query *q)
{
	return q->lite ? sqlite3_column_count(q->lite) : pgq_column_count(q);
}
static inline const char *q_column_name(struct query *q, int i)
{
	return q->lite ? sqlite3_column_name(q->lite, i) : pgq_column_name(q, i);
}
static inline int q_param_count(struct query *q)
{
	return q->lite ? sqlite3_bind_parameter_count(q->lite) : q->nparams;
}
/* Rows changed by the connection's last INSERT, UPDATE or DELETE. */
static inline long long q_changes(struct store *s)
{
	return s->kind == DB_SQLITE ? sqlite3_changes64(s->db) : s->pg_changes;
}
/* The id of the row the connection's last INSERT made. */
static inline long long q_last_id(struct store *s)
{
	return s->kind == DB_SQLITE ? sqlite3_last_insert_rowid(s->db) : s->pg_last_id;
}

/* Raw SQL of one or more statements without parameters (migrations,
 * transactions); err (may be NULL) gets the message. */
int exec_sql(struct store *s, const char *sql, struct buf *err);
/* Whether the connection is outside any transaction. */
bool autocommit(struct store *s);

/* A query result code as a store_rc: rows and done are ST_OK. */
int map_rc(struct store *s, int rc);
/* Steps a statement that returns no rows and resets it. */
int exec_stmt(struct store *s, struct query *st);
/* After exec_stmt of an UPDATE or DELETE scoped to an organisation: the
 * result, or ST_NOTFOUND when no row was touched. */
int changed(struct store *s, int r);
/* After exec_stmt of an INSERT ... SELECT ... WHERE that checks that what
 * the row refers to is of the organisation: the result, ST_INVALID when the
 * check refused, else ST_OK with the new row's id in *id (when id). */
int inserted(struct store *s, int r, long long *id);
/* The answers of a response of the wave (response_pending.c): only items
 * of the wave's questionnaire, a "weet niet" only where the item offers
 * it; ST_INVALID for another. */
int answers_insert(struct store *s, long long response_id, long long wave_id, const struct answer_value *a, size_t n);
/* Binds text, NULL for a NULL pointer. */
void bind_text(struct query *st, int i, const char *v);
/* Binds an id, NULL for 0 (no reference). */
void bind_ref(struct query *st, int i, long long id);
/* Column text copied into the arena; NULL stays NULL unless empty_for_null. */
char *col_text(struct arena *a, struct query *st, int i);
char *col_text0(struct arena *a, struct query *st, int i); /* "" for NULL */

/* The numbers of a JSON array bound as parameter p ("[1,2]"), as a
 * subquery: "x IN " SQLITE_IDS("?4"), the same with POSTGRESQL_IDS. */
#define SQLITE_IDS(p) "(SELECT value FROM json_each(" p "))"
#define POSTGRESQL_IDS(p) "(SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST(" p " AS json)))"

/* After many rows left the search index: SQLite's FTS5 merges its
 * segments ('optimize'); PostgreSQL's index needs nothing (report.c). */
int search_merge(struct store *s);

/* Appends a row to an arena array, growing it by doubling. */
#define ROW_PUSH(a, arr, n, cap) \
	((n) == (cap) ? ((arr) = arena_grow((a), (arr), (n), (cap) = (cap) ? (cap) * 2 : 16, sizeof(*(arr)))) : (arr), &(arr)[(n)++])

#endif
