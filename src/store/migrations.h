/* migrations.h — the numbered SQL migrations compiled into the binary from
 * src/store/migrations/NNNN_name.sql, in order; the list ends with number 0. */
#ifndef LG_STORE_MIGRATIONS_H
#define LG_STORE_MIGRATIONS_H

struct migration {
	int number;
	const char *name;
	const char *sql;
};

extern const struct migration migrations[];
/* PostgreSQL's, from src/store/migrations/postgresql/: its first is a
 * baseline equal to SQLite's schema at that number; after it they go in
 * step with SQLite's, number for number. */
extern const struct migration migrations_postgresql[];

#endif
