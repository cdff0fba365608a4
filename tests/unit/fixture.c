/* fixture.c — temporary databases for the unit tests. */
#include "fixture.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "domain/role.h"
#include "store/store.h"

#include <dirent.h>
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
	snprintf(f->path, sizeof(f->path), "%s/test.db", f->dir);
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
	arena_free(&f->a);
	if (f->dir[0])
		remove_dir(f->dir);
	f->dir[0] = '\0';
}

const char *fixture_file(struct fixture *f, const char *name)
{
	return arena_printf(&f->a, "%s/%s", f->dir, name);
}

long long fixture_query(struct fixture *f, const char *fmt, ...)
{
	struct buf sql = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&sql, fmt, ap);
	va_end(ap);
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	long long v = -1;
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
