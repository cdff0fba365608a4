/* fixture.c — temporary databases for the unit tests. */
#include "fixture.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "demo/demo.h"
#include "domain/anonymous_mix.h"
#include "domain/oidc.h"
#include "domain/role.h"
#include "store/instrument.h"
#include "store/store.h"

#include <assert.h>
#include <dirent.h>
#include <libpq-fe.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char p[512];
		snprintf(p, sizeof(p), "%s/%s", dir, e->d_name);
		unlink(p);
	}
	closedir(d);
	rmdir(dir);
}

/* PostgreSQL (LEERGANG_TEST_PG, a cluster's URI): every fixture is a new
 * database copied from a template made once per run with the schema, and
 * dropped at close. */
static const char *test_pg(void)
{
	const char *u = getenv("LEERGANG_TEST_PG");
	return u && *u ? u : NULL;
}

bool fixture_postgresql(void)
{
	return test_pg() != NULL;
}

/* The cluster's URI with another database name. */
static void uri_for(char *out, size_t n, const char *base, const char *db)
{
	const char *auth = strstr(base, "://");
	const char *path = auth ? strchr(auth + 3, '/') : NULL;
	const char *query = path ? strchr(path, '?') : NULL;
	assert(path);
	snprintf(out, n, "%.*s/%s%s", (int)(path - base), base, db, query ? query : "");
}

/* Runs SQL on the cluster's own database; 0 or -1 (said on stderr). */
static int pg_admin(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int pg_admin(const char *fmt, ...)
{
	char sql[512], uri[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(sql, sizeof(sql), fmt, ap);
	va_end(ap);
	uri_for(uri, sizeof(uri), test_pg(), "postgres");
	PGconn *c = PQconnectdb(uri);
	PGresult *r = PQstatus(c) == CONNECTION_OK ? PQexec(c, sql) : NULL;
	int ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok)
		fprintf(stderr, "  fixture: %s: %s\n", sql, PQerrorMessage(c));
	PQclear(r);
	PQfinish(c);
	return ok ? 0 : -1;
}

/* The template database of this run, migrated; its name, or NULL. */
static const char *pg_template(void)
{
	static char name[64];
	static int state;  /* 0 not yet, 1 made, -1 failed */
	if (state)
		return state > 0 ? name : NULL;
	state = -1;
	snprintf(name, sizeof(name), "lgu_template_%d", (int)getpid());
	char uri[1024];
	uri_for(uri, sizeof(uri), test_pg(), name);
	struct store *st = NULL;
	struct buf err = BUF_INIT;
	int applied;
	if (pg_admin("DROP DATABASE IF EXISTS %s", name) || pg_admin("CREATE DATABASE %s", name))
		return NULL;
	if (store_open(uri, &st, &err) || store_migrate(st, &applied, &err)) {
		fprintf(stderr, "  fixture: template: %s\n", err.ptr);
		store_close(st);
		buf_release(&err);
		return NULL;
	}
	store_close(st);
	buf_release(&err);
	state = 1;
	return name;
}

static void drop_template(void)
{
	if (pg_template())
		(void)pg_admin("DROP DATABASE IF EXISTS lgu_template_%d", (int)getpid());
}

/* A new database for the fixture, in f->path. */
static bool pg_database(struct fixture *f)
{
	static int made;
	static bool registered;
	const char *tmpl = pg_template();
	if (!tmpl)
		return false;
	if (!registered) {
		atexit(drop_template);
		registered = true;
	}
	snprintf(f->pg_name, sizeof(f->pg_name), "lgu_%d_%d", (int)getpid(), ++made);
	/* FILE_COPY: the template's files copied as they are, half the time of
	 * PostgreSQL 15's default (every block through the write-ahead log) on
	 * the tests' cluster, which does not sync */
	if (pg_admin("CREATE DATABASE %s TEMPLATE %s STRATEGY FILE_COPY", f->pg_name, tmpl))
		return false;
	uri_for(f->path, sizeof(f->path), test_pg(), f->pg_name);
	/* an installation of its own, as a migrated SQLite file is: its own
	 * keys (the template's were drawn once) */
	PGconn *c = PQconnectdb(f->path);
	PGresult *r = PQstatus(c) == CONNECTION_OK ?
		PQexec(c, "UPDATE installation_key SET key = sha256(convert_to(gen_random_uuid()::text"
			  " || gen_random_uuid()::text, 'UTF8'))") : NULL;
	bool ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok)
		fprintf(stderr, "  fixture: new keys: %s\n", PQerrorMessage(c));
	PQclear(r);
	PQfinish(c);
	return ok;
}

bool fixture_open(struct fixture *f)
{
	memset(f, 0, sizeof(*f));
	if (sodium_init() < 0) {
		fprintf(stderr, "  fixture: sodium_init failed\n");
		return false;
	}
	/* messages are compared in English; without i18n_init() this only
	 * records the choice */
	i18n_use(LANG_EN);
	snprintf(f->dir, sizeof(f->dir), "/tmp/leergang-unit-XXXXXX");
	if (!mkdtemp(f->dir)) {
		perror("  fixture: mkdtemp");
		return false;
	}
	if (test_pg()) {
		if (!pg_database(f)) {
			fixture_close(f);
			return false;
		}
	} else {
		snprintf(f->path, sizeof(f->path), "%s/test.db", f->dir);
	}
	struct buf err = BUF_INIT;
	int applied = 0;
	if (store_open(f->path, &f->st, &err) || store_migrate(f->st, &applied, &err) ||
	    store_org_add(f->st, "org-a", "Organisatie A", &f->org_a) ||
	    store_org_add(f->st, "org-b", "Organisatie B", &f->org_b) ||
	    store_account_add(f->st, f->org_a, "admin@org-a.example", "Beheerder A", 0, "", &f->admin_id) ||
	    store_grant_add(f->st, f->admin_id, f->org_a, "administrator", "organisation", 0)) {
		fprintf(stderr, "  fixture: %s %s\n", err.ptr, f->st ? store_errmsg(f->st) : "");
		buf_release(&err);
		fixture_close(f);
		return false;
	}
	buf_release(&err);
	/* the key file beside the database, as the command line sets it
	 * (what anonymous hand-ins on PostgreSQL are sealed with) */
	oidc_key_file_set(fixture_file(f, "db.oidc-key"));
	f->who.account_id = f->admin_id;
	f->who.organisation_id = f->org_a;
	f->who.email = "admin@org-a.example";
	f->who.display_name = "Beheerder A";
	f->who.roles = ROLES_ALL;
	f->who_b.organisation_id = f->org_b;
	f->who_b.email = "cli";
	f->who_b.display_name = "cli";
	f->who_b.roles = ROLES_ALL;
	f->c = (struct ctx){ f->st, &f->a, &f->who, 0 };
	f->cb = (struct ctx){ f->st, &f->a, &f->who_b, 0 };
	return true;
}

void fixture_close(struct fixture *f)
{
	store_close(f->st);
	f->st = NULL;
	if (f->pg_name[0])
		(void)pg_admin("DROP DATABASE IF EXISTS %s", f->pg_name);
	f->pg_name[0] = '\0';
	arena_free(&f->a);
	if (f->dir[0])
		remove_dir(f->dir);
	f->dir[0] = '\0';
}

const char *fixture_file(struct fixture *f, const char *name)
{
	return arena_printf(&f->a, "%s/%s", f->dir, name);
}

void fixture_mix(struct fixture *f)
{
	struct wave_ref *w;
	size_t n;
	/* every wave with hand-ins waiting, as if all had closed */
	if (store_pending_closed_waves(f->st, &f->a, 0, "9999-12-31", &w, &n))
		return;
	for (size_t i = 0; i < n; i++)
		if (anonymous_mix(f->st, &f->a, w[i].organisation_id, w[i].wave_id, true, NULL))
			fprintf(stderr, "  fixture: the hand-ins of wave %lld not mixed in: %s\n", w[i].wave_id,
				store_errmsg(f->st));
}

long long fixture_query(struct fixture *f, const char *fmt, ...)
{
	struct buf sql = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&sql, fmt, ap);
	va_end(ap);
	long long v = -1;
	if (f->pg_name[0]) {
		PGconn *c = PQconnectdb(f->path);
		PGresult *r = PQstatus(c) == CONNECTION_OK ? PQexec(c, sql.ptr) : NULL;
		if (r && PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0 && !PQgetisnull(r, 0, 0))
			v = *PQgetvalue(r, 0, 0) == 't' ? 1 : *PQgetvalue(r, 0, 0) == 'f' ? 0 : atoll(PQgetvalue(r, 0, 0));
		else
			fprintf(stderr, "  fixture_query: %s: %s\n", sql.ptr, PQerrorMessage(c));
		PQclear(r);
		PQfinish(c);
		buf_release(&sql);
		return v;
	}
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
	    sqlite3_busy_timeout(db, 5000) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql.ptr, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	else
		fprintf(stderr, "  fixture_query: %s: %s\n", sql.ptr, db ? sqlite3_errmsg(db) : "?");
	sqlite3_finalize(st);
	sqlite3_close(db);
	buf_release(&sql);
	return v;
}

int fixture_exec(struct fixture *f, const char *fmt, ...)
{
	struct buf sql = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&sql, fmt, ap);
	va_end(ap);
	if (f->pg_name[0]) {
		PGconn *c = PQconnectdb(f->path);
		PGresult *r = PQstatus(c) == CONNECTION_OK ? PQexec(c, sql.ptr) : NULL;
		int ok = r && (PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK);
		if (!ok)
			fprintf(stderr, "  fixture_exec: %s: %s\n", sql.ptr, PQerrorMessage(c));
		PQclear(r);
		PQfinish(c);
		buf_release(&sql);
		return ok ? 0 : -1;
	}
	sqlite3 *db = NULL;
	char *msg = NULL;
	int rc = sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(db, 5000);
		rc = sqlite3_exec(db, sql.ptr, NULL, NULL, &msg);
	}
	if (rc != SQLITE_OK)
		fprintf(stderr, "  fixture_exec: %s: %s\n", sql.ptr, msg ? msg : db ? sqlite3_errmsg(db) : "?");
	sqlite3_free(msg);
	sqlite3_close(db);
	buf_release(&sql);
	return rc == SQLITE_OK ? 0 : -1;
}

long long fixture_person(struct fixture *f, const char *employee_id, const char *name)
{
	struct person p = { 0 };
	p.employee_id = (char *)employee_id;
	p.name = (char *)name;
	p.active = 1;
	long long id = 0;
	return store_person_insert(f->st, f->org_a, &p, &id) ? -1 : id;
}

bool demo_open(struct demo_db *d)
{
	static char cheap[crypto_pwhash_STRBYTES];
	if (!fixture_open(&d->f))
		return false;
	struct buf err = BUF_INIT;
	bool ok = !crypto_pwhash_str_alg(cheap, DEMO_PASSWORD, strlen(DEMO_PASSWORD), crypto_pwhash_OPSLIMIT_MIN,
					 crypto_pwhash_MEMLIMIT_MIN, crypto_pwhash_ALG_ARGON2ID13) &&
		  demo_load(d->f.st, cheap, DEMO_NAMES_ORDINARY, &err) == ST_OK;
	if (!ok)
		fprintf(stderr, "  demo_load: %s\n", err.ptr ? err.ptr : "");
	buf_release(&err);
	d->police = fixture_query(&d->f, "SELECT id FROM organisation WHERE slug = 'politie-demo'");
	d->town = fixture_query(&d->f, "SELECT id FROM organisation WHERE slug = 'gemeente-demo'");
	return ok && d->police > 0 && d->town > 0;
}
