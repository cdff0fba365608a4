/* backend.h — what db.c asks of each database: SQLite (sqlite.c) and
 * PostgreSQL (postgresql.c). Only db.c includes this. */
#ifndef LG_STORE_SQL_BACKEND_H
#define LG_STORE_SQL_BACKEND_H

#include "internal.h"

/* The advisory lock every writing transaction takes on PostgreSQL. */
#define POSTGRESQL_WRITE_LOCK "74657"

int sqlite_open(struct store *s, struct buf *err);
void sqlite_close(struct store *s);
void sqlite_prepare(struct store *s, struct query *q, const char *sql);
int sqlite_exec(struct store *s, const char *sql, struct buf *err);
int sqlite_schema_version(struct store *s);
int sqlite_backup(struct store *s, const char *dest, struct buf *err);

int postgresql_open(struct store *s, struct buf *err);
void postgresql_close(struct store *s);
void postgresql_prepare(struct store *s, struct query *q, const char *sql);
int postgresql_exec(struct store *s, const char *sql, struct buf *err);
int postgresql_schema_version(struct store *s);

/* Frees what a query holds (not the query itself). */
void query_free(struct query *q);

#endif
