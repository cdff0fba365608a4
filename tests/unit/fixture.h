/* fixture.h — a fresh database per test: an SQLite file in a temporary
 * directory under /tmp, or with LEERGANG_TEST_PG (a PostgreSQL cluster's
 * URI, scripts/pg-temp) a database of its own there; the schema migrated, two organisations (A "org-a" and B "org-b"), an
 * administrator account in A (without a password) and a ctx acting in A with
 * every role, plus one acting in B. fixture_close() removes every file. */
#ifndef LG_TEST_FIXTURE_H
#define LG_TEST_FIXTURE_H

#include "core/arena.h"
#include "domain/ctx.h"
#include "store/store.h"

#include <stdbool.h>

struct fixture {
	char dir[64];        /* the temporary directory */
	char path[1024];     /* the database file in it, or the database's URI */
	char pg_name[64];    /* PostgreSQL: the database's name */
	struct store *st;
	struct arena a;
	long long org_a, org_b;
	long long admin_id;  /* account "admin@org-a.example" in A, no password */
	struct actor who;    /* acting in A: admin_id, every role */
	struct actor who_b;  /* acting in B: the command line, every role */
	struct ctx c;        /* { st, &a, &who } */
	struct ctx cb;       /* { st, &a, &who_b } */
};

/* Whether the tests run on PostgreSQL (LEERGANG_TEST_PG). */
bool fixture_postgresql(void);
/* Skips a test that is about SQLite itself (its file, its own SQL) on a
 * PostgreSQL run. */
#define SQLITE_ONLY(why)                                                      \
	if (fixture_postgresql()) {                                           \
		test_skip(SKIP_STORE, "about SQLite: %s", why);               \
		return;                                                       \
	}

/* Sets everything up; false (after printing why) when it could not. */
bool fixture_open(struct fixture *f);
void fixture_close(struct fixture *f);
/* A path for a file name in the fixture's directory (in its arena). */
const char *fixture_file(struct fixture *f, const char *name);
/* What the close of their waves does, now: every anonymous hand-in that
 * waits to be mixed in (on PostgreSQL, domain/anonymous_mix.h) goes into
 * the responses, so that a test can read them there. */
void fixture_mix(struct fixture *f);
/* The first column of the first row of an SQL query, run on a connection of
 * its own (so it sees only what has been committed); -1 on any error. */
long long fixture_query(struct fixture *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A person of organisation A (employee number, name, active); its id, or
 * -1 when it could not be stored. */
long long fixture_person(struct fixture *f, const char *employee_id, const char *name);

/* Runs SQL statements on a connection of their own; 0 or -1. */
int fixture_exec(struct fixture *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A fixture with the demo loaded (the ordinary names, a cheap password
 * hash), and the ids of its police and municipal organisations. */
struct demo_db {
	struct fixture f;
	long long police, town;
};
/* false (after printing why) when it could not be set up. */
bool demo_open(struct demo_db *d);

/* Opens fixture f or fails the current test and returns from it. */
#define FIXTURE(f)                                                            \
	struct fixture f;                                                     \
	if (!fixture_open(&f)) {                                              \
		CHECK(!"fixture_open");                                       \
		return;                                                       \
	}

#endif
