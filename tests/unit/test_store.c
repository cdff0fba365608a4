/* test_store.c — the SQLite store: migrations, organisations, units, people,
 * accounts, sessions, tokens, uploads, audit log, backup, and above all that
 * every call scoped by organisation keeps to that organisation. */
#include "test.h"
#include "fixture.h"
#include "store/signin.h"
#include "store/migrations.h"
#include "store/sql/internal.h"
#include "store/store.h"

#include <ctype.h>
#include <sqlite3.h>
#include <unistd.h>
#include <stdlib.h>

static long long person_add(struct fixture *f, long long org, const char *emp, const char *name, long long unit,
			    long long manager)
{
	struct person p = { 0 };
	p.employee_id = (char *)emp;
	p.name = (char *)name;
	p.unit_id = unit;
	p.manager_id = manager;
	p.active = 1;
	long long id = 0;
	int r = store_person_insert(f->st, org, &p, &id);
	return r ? r : id;
}

static long long unit_add(struct fixture *f, long long org, long long parent, const char *name)
{
	long long id = 0;
	int r = store_unit_add(f->st, org, parent, name, &id);
	return r ? r : id;
}

/* How many migrations there are: their numbers may have a gap while
 * branches that each add one are apart. */
static int migration_count(void)
{
	int n = 0;
	for (const struct migration *m = migrations; m->number; m++)
		n++;
	return n;
}

static int last_migration(void)
{
	int n = 0;
	for (const struct migration *m = migrations; m->number; m++)
		n = m->number;
	return n;
}

/* ---- lifecycle ---- */

TEST(store_migrations_apply_once)
{
	FIXTURE(f);
	CHECK(last_migration() >= 1);
	CHECK_INT(store_schema_version(f.st), last_migration());
	struct buf err = BUF_INIT;
	int applied = -1;
	CHECK_INT(store_migrate(f.st, &applied, &err), ST_OK);
	CHECK_INT(applied, 0);
	CHECK_INT(store_schema_version(f.st), last_migration());
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM schema_migration"), migration_count());
	CHECK_INT(store_ping(f.st), ST_OK);

	/* a new database: nothing, then every migration, then nothing */
	struct store *s2 = NULL;
	const char *p2 = fixture_file(&f, "second.db");
	CHECK_INT(store_open(p2, &s2, &err), ST_OK);
	CHECK_INT(store_schema_version(s2), 0);
	CHECK_INT(store_migrate(s2, &applied, &err), ST_OK);
	CHECK_INT(applied, migration_count());
	CHECK_INT(store_migrate(s2, &applied, &err), ST_OK);
	CHECK_INT(applied, 0);
	CHECK_STR(err.ptr, "");
	store_close(s2);
	/* and reopening it keeps the version */
	CHECK_INT(store_open(p2, &s2, &err), ST_OK);
	CHECK_INT(store_schema_version(s2), last_migration());
	store_close(s2);
	buf_release(&err);
	fixture_close(&f);
}

TEST(store_open_bad_path_fails)
{
	struct store *s = NULL;
	struct buf err = BUF_INIT;
	CHECK_INT(store_open("/nonexistent-leergang-dir/sub/x.db", &s, &err), ST_ERROR);
	CHECK(err.len > 0);
	CHECK(strstr(err.ptr, "/nonexistent-leergang-dir/sub/x.db") != NULL);
	buf_release(&err);
	store_close(NULL);  /* harmless */
}

TEST(store_transactions)
{
	FIXTURE(f);
	long long n;
	CHECK_INT(store_begin(f.st), ST_OK);
	CHECK(person_add(&f, f.org_a, "1", "Terug", 0, 0) > 0);
	store_rollback(f.st);
	CHECK_INT(store_person_count(f.st, f.org_a, &n), ST_OK);
	CHECK_INT(n, 0);
	CHECK_INT(store_begin(f.st), ST_OK);
	CHECK(person_add(&f, f.org_a, "1", "Blijft", 0, 0) > 0);
	CHECK_INT(store_commit(f.st), ST_OK);
	CHECK_INT(store_person_count(f.st, f.org_a, &n), ST_OK);
	CHECK_INT(n, 1);
	store_rollback(f.st);  /* outside a transaction: nothing happens */
	CHECK_INT(store_person_count(f.st, f.org_a, &n), ST_OK);
	CHECK_INT(n, 1);
	fixture_close(&f);
}

/* A statement that fails inside a transaction undoes itself alone, as
 * SQLite's do: the transaction goes on, and what came before and after it
 * is kept (PostgreSQL would abort the whole transaction; there each write
 * runs in a savepoint of its own, sent in one pipeline with it). */
TEST(store_failed_statement_leaves_its_transaction_going)
{
	FIXTURE(f);
	CHECK_INT(store_begin(f.st), ST_OK);
	CHECK(person_add(&f, f.org_a, "1", "Eerste", 0, 0) > 0);
	/* the same employee number twice: refused */
	CHECK_INT(person_add(&f, f.org_a, "1", "Dubbel", 0, 0), ST_CONFLICT);
	CHECK(person_add(&f, f.org_a, "2", "Tweede", 0, 0) > 0);
	/* a refused update in between, by a rule of the data */
	long long dup = person_add(&f, f.org_a, "1", "Nogmaals", 0, 0);
	CHECK_INT(dup, ST_CONFLICT);
	CHECK_INT(store_commit(f.st), ST_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM person"), 2);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM person WHERE name = 'Dubbel' OR name = 'Nogmaals'"), 0);
	/* and outside a transaction the connection goes on too */
	CHECK_INT(person_add(&f, f.org_a, "2", "Dubbel", 0, 0), ST_CONFLICT);
	CHECK(person_add(&f, f.org_a, "3", "Derde", 0, 0) > 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM person"), 3);
	fixture_close(&f);
}

/* An inner transaction is a savepoint: its rollback undoes only its own
 * work, and nothing is kept until the outermost commits. */
TEST(store_transactions_nest)
{
	FIXTURE(f);
	long long n;
	CHECK_INT(store_begin(f.st), ST_OK);
	CHECK(person_add(&f, f.org_a, "1", "Buiten", 0, 0) > 0);
	CHECK_INT(store_begin(f.st), ST_OK);
	CHECK(person_add(&f, f.org_a, "2", "Binnen, terug", 0, 0) > 0);
	store_rollback(f.st);
	CHECK_INT(store_begin(f.st), ST_OK);
	CHECK(person_add(&f, f.org_a, "3", "Binnen, blijft", 0, 0) > 0);
	CHECK_INT(store_commit(f.st), ST_OK);
	/* the other connection sees nothing before the outer commit */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM person"), 0);
	CHECK_INT(store_commit(f.st), ST_OK);
	CHECK_INT(store_person_count(f.st, f.org_a, &n), ST_OK);
	CHECK_INT(n, 2);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM person WHERE employee_id = '2'"), 0);
	/* an outer rollback takes the inner commit with it */
	CHECK_INT(store_begin(f.st), ST_OK);
	CHECK_INT(store_begin(f.st), ST_OK);
	CHECK(person_add(&f, f.org_a, "4", "Weg", 0, 0) > 0);
	CHECK_INT(store_commit(f.st), ST_OK);
	store_rollback(f.st);
	CHECK_INT(store_person_count(f.st, f.org_a, &n), ST_OK);
	CHECK_INT(n, 2);
	/* and a new transaction starts clean */
	CHECK_INT(store_begin(f.st), ST_OK);
	CHECK_INT(store_commit(f.st), ST_OK);
	fixture_close(&f);
}

/* A read snapshot: what another connection commits meanwhile is not seen
 * until it ends; inside a transaction it changes nothing (the transaction
 * still commits its work), and after it a transaction starts clean. */
TEST(store_read_snapshot)
{
	FIXTURE(f);
	long long n;
	CHECK(person_add(&f, f.org_a, "1", "Eerste", 0, 0) > 0);
	CHECK_INT(store_read_begin(f.st), ST_OK);
	CHECK_INT(store_person_count(f.st, f.org_a, &n), ST_OK);
	CHECK_INT(n, 1);
	CHECK_INT(fixture_exec(&f, "INSERT INTO person(organisation_id, employee_id, name) VALUES (%lld, '2', 'Tweede')",
			       f.org_a), 0);
	CHECK_INT(store_person_count(f.st, f.org_a, &n), ST_OK);
	CHECK_INT(n, 1);   /* the snapshot */
	store_read_end(f.st);
	CHECK_INT(store_person_count(f.st, f.org_a, &n), ST_OK);
	CHECK_INT(n, 2);
	/* within a transaction: nothing of its own, the work stays */
	CHECK_INT(store_begin(f.st), ST_OK);
	CHECK(person_add(&f, f.org_a, "3", "Derde", 0, 0) > 0);
	CHECK_INT(store_read_begin(f.st), ST_OK);
	store_read_end(f.st);
	CHECK_INT(store_commit(f.st), ST_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM person WHERE employee_id = '3'"), 1);
	/* and a write transaction after a snapshot */
	CHECK_INT(store_read_begin(f.st), ST_OK);
	store_read_end(f.st);
	CHECK_INT(store_begin(f.st), ST_OK);
	CHECK(person_add(&f, f.org_a, "4", "Vierde", 0, 0) > 0);
	CHECK_INT(store_commit(f.st), ST_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM person"), 4);
	fixture_close(&f);
}

/* ---- organisations ---- */

TEST(store_organisations)
{
	FIXTURE(f);
	struct organisation *list;
	size_t n;
	long long id = 0;
	CHECK_INT(store_org_add(f.st, "gemeente-x", "Gemeente X", &id), ST_OK);
	CHECK(id > f.org_b);
	CHECK_INT(store_org_add(f.st, "gemeente-x", "Nog een", NULL), ST_CONFLICT);
	CHECK_INT(store_org_add(f.st, "aaa", "Eerste", NULL), ST_OK);
	CHECK_INT(store_org_list(f.st, &f.a, &list, &n), ST_OK);
	CHECK_INT(n, 4);
	if (n == 4) {
		/* by slug */
		CHECK_STR(list[0].slug, "aaa");
		CHECK_STR(list[1].slug, "gemeente-x");
		CHECK_STR(list[2].slug, "org-a");
		CHECK_STR(list[3].slug, "org-b");
		CHECK_STR(list[1].name, "Gemeente X");
		CHECK(list[1].created_at && strlen(list[1].created_at) == 20);
	}
	struct organisation o;
	CHECK_INT(store_org_by_slug(f.st, &f.a, "gemeente-x", &o), ST_OK);
	CHECK_INT(o.id, id);
	CHECK_STR(o.name, "Gemeente X");
	CHECK_INT(store_org_by_slug(f.st, &f.a, "GEMEENTE-X", &o), ST_NOTFOUND);
	CHECK_INT(store_org_by_slug(f.st, &f.a, "nope", &o), ST_NOTFOUND);
	CHECK_INT(store_org_get(f.st, &f.a, f.org_b, &o), ST_OK);
	CHECK_STR(o.slug, "org-b");
	CHECK_INT(store_org_get(f.st, &f.a, 9999, &o), ST_NOTFOUND);
	fixture_close(&f);
}

/* ---- units ---- */

TEST(store_unit_add_and_sibling_names)
{
	FIXTURE(f);
	long long ops = unit_add(&f, f.org_a, 0, "Operatiën");
	CHECK(ops > 0);
	CHECK_INT(unit_add(&f, f.org_a, 0, "Operatiën"), ST_CONFLICT);
	long long noord = unit_add(&f, f.org_a, ops, "Team Noord");
	CHECK(noord > 0);
	CHECK_INT(unit_add(&f, f.org_a, ops, "Team Noord"), ST_CONFLICT);
	/* the same name elsewhere in the tree, or in another organisation */
	CHECK(unit_add(&f, f.org_a, noord, "Team Noord") > 0);
	CHECK(unit_add(&f, f.org_a, 0, "Team Noord") > 0);
	CHECK(unit_add(&f, f.org_b, 0, "Operatiën") > 0);
	/* names differ by case: another unit */
	CHECK(unit_add(&f, f.org_a, 0, "operatiën") > 0);
	/* a parent that does not exist */
	CHECK_INT(unit_add(&f, f.org_a, 424242, "X"), ST_INVALID);

	struct unit u;
	CHECK_INT(store_unit_get(f.st, &f.a, f.org_a, noord, &u), ST_OK);
	CHECK_STR(u.name, "Team Noord");
	CHECK_INT(u.parent_id, ops);
	CHECK_INT(u.organisation_id, f.org_a);
	CHECK_INT(u.children, 1);
	CHECK_INT(u.people, 0);
	CHECK(u.manager_name == NULL);
	CHECK_INT(u.manager_person_id, 0);

	long long found = 0;
	CHECK_INT(store_unit_find(f.st, f.org_a, ops, "Team Noord", &found), ST_OK);
	CHECK_INT(found, noord);
	CHECK_INT(store_unit_find(f.st, f.org_a, 0, "Operatiën", &found), ST_OK);
	CHECK_INT(found, ops);
	CHECK_INT(store_unit_find(f.st, f.org_a, 0, "Team Zuid", &found), ST_NOTFOUND);

	CHECK_INT(store_unit_rename(f.st, f.org_a, noord, "Team Zuid"), ST_OK);
	CHECK_INT(store_unit_find(f.st, f.org_a, ops, "Team Zuid", &found), ST_OK);
	CHECK_INT(found, noord);
	CHECK(unit_add(&f, f.org_a, ops, "Team Oost") > 0);
	CHECK_INT(store_unit_rename(f.st, f.org_a, noord, "Team Oost"), ST_CONFLICT);
	CHECK_INT(store_unit_rename(f.st, f.org_a, 424242, "Y"), ST_NOTFOUND);
	fixture_close(&f);
}

TEST(store_unit_tree_order_and_depth)
{
	FIXTURE(f);
	/* added out of order */
	long long z = unit_add(&f, f.org_a, 0, "Zuid");
	long long a = unit_add(&f, f.org_a, 0, "Alfa");
	long long ab = unit_add(&f, f.org_a, a, "Beta");
	long long aa = unit_add(&f, f.org_a, a, "Aap");
	long long aba = unit_add(&f, f.org_a, ab, "Diep");
	long long a2 = unit_add(&f, f.org_a, 0, "Alfa 2");  /* sorts after Alfa's sub-units */
	long long za = unit_add(&f, f.org_a, z, "Eén");
	unit_add(&f, f.org_b, 0, "Anders");
	CHECK(z > 0 && a > 0 && ab > 0 && aa > 0 && aba > 0 && a2 > 0 && za > 0);
	CHECK(person_add(&f, f.org_a, "1", "In Alfa", a, 0) > 0);

	struct unit *u;
	size_t n;
	CHECK_INT(store_unit_list(f.st, &f.a, f.org_a, true, &u, &n), ST_OK);
	CHECK_INT(n, 7);
	if (n == 7) {
		static const char *const names[] = { "Alfa", "Aap", "Beta", "Diep", "Alfa 2", "Zuid", "Eén" };
		static const int depth[] = { 0, 1, 1, 2, 0, 0, 1 };
		for (size_t i = 0; i < 7; i++) {
			CHECK_STR(u[i].name, names[i]);
			CHECK_INT(u[i].depth, depth[i]);
			CHECK_INT(u[i].organisation_id, f.org_a);
		}
		CHECK_INT(u[0].children, 2);
		CHECK_INT(u[0].people, 1);
		CHECK_INT(u[3].parent_id, ab);
		CHECK_INT(u[4].children, 0);
	}
	/* without counts: the same tree, the counts left at 0 */
	struct unit *lean;
	size_t nlean;
	CHECK_INT(store_unit_list(f.st, &f.a, f.org_a, false, &lean, &nlean), ST_OK);
	CHECK_INT(nlean, n);
	for (size_t i = 0; i < n && i < nlean; i++) {
		CHECK_INT(lean[i].id, u[i].id);
		CHECK_INT(lean[i].depth, u[i].depth);
		CHECK_INT(lean[i].people + lean[i].children, 0);
	}
	/* the other organisation sees only its own */
	CHECK_INT(store_unit_list(f.st, &f.a, f.org_b, false, &u, &n), ST_OK);
	CHECK_INT(n, 1);
	fixture_close(&f);
}

/* The unit tree and the people count are cached per connection; a commit
 * by any connection, and a rolled-back transaction, must show at once. */
TEST(store_read_cache_follows_every_change)
{
	FIXTURE(f);
	struct store *other;
	struct buf err = BUF_INIT;
	CHECK_INT(store_open(f.path, &other, &err), ST_OK);
	buf_release(&err);
	struct unit *u;
	size_t n;
	struct person_filter all = { 0 };
	struct person *p;
	size_t np;
	long long total;

	CHECK_INT(store_unit_list(f.st, &f.a, f.org_a, false, &u, &n), ST_OK);
	CHECK_INT(n, 0);
	CHECK_INT(store_person_list(f.st, &f.a, f.org_a, &all, &p, &np, &total), ST_OK);
	CHECK_INT(total, 0);

	/* another connection commits: seen */
	long long x = 0;
	CHECK_INT(store_unit_add(other, f.org_a, 0, "Elders", &x), ST_OK);
	struct person q = { 0 };
	q.employee_id = "9";
	q.name = "Van elders";
	q.active = 1;
	CHECK_INT(store_person_insert(other, f.org_a, &q, NULL), ST_OK);
	CHECK_INT(store_unit_list(f.st, &f.a, f.org_a, false, &u, &n), ST_OK);
	CHECK_INT(n, 1);
	CHECK_INT(store_person_list(f.st, &f.a, f.org_a, &all, &p, &np, &total), ST_OK);
	CHECK_INT(total, 1);

	/* this connection changes: seen */
	CHECK(unit_add(&f, f.org_a, 0, "Hier") > 0);
	CHECK(person_add(&f, f.org_a, "10", "Van hier", 0, 0) > 0);
	CHECK_INT(store_unit_list(f.st, &f.a, f.org_a, false, &u, &n), ST_OK);
	CHECK_INT(n, 2);
	CHECK_INT(store_person_list(f.st, &f.a, f.org_a, &all, &p, &np, &total), ST_OK);
	CHECK_INT(total, 2);

	/* read inside a transaction that is rolled back: gone again */
	CHECK_INT(store_begin(f.st), ST_OK);
	CHECK(unit_add(&f, f.org_a, 0, "Even") > 0);
	CHECK(person_add(&f, f.org_a, "11", "Even maar", 0, 0) > 0);
	CHECK_INT(store_unit_list(f.st, &f.a, f.org_a, false, &u, &n), ST_OK);
	CHECK_INT(n, 3);
	CHECK_INT(store_person_list(f.st, &f.a, f.org_a, &all, &p, &np, &total), ST_OK);
	CHECK_INT(total, 3);
	store_rollback(f.st);
	CHECK_INT(store_unit_list(f.st, &f.a, f.org_a, false, &u, &n), ST_OK);
	CHECK_INT(n, 2);
	CHECK_INT(store_person_list(f.st, &f.a, f.org_a, &all, &p, &np, &total), ST_OK);
	CHECK_INT(total, 2);

	/* a cached answer is a copy: the caller's arena may go */
	struct arena a2 = ARENA_INIT;
	CHECK_INT(store_unit_list(f.st, &a2, f.org_a, false, &u, &n), ST_OK);
	arena_free(&a2);
	CHECK_INT(store_unit_list(f.st, &f.a, f.org_a, false, &u, &n), ST_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(u[0].name, "Elders");
		CHECK_STR(u[1].name, "Hier");
	}
	/* organisations apart, also in the cache */
	CHECK_INT(store_unit_list(f.st, &f.a, f.org_b, false, &u, &n), ST_OK);
	CHECK_INT(n, 0);
	CHECK_INT(store_person_list(f.st, &f.a, f.org_b, &all, &p, &np, &total), ST_OK);
	CHECK_INT(total, 0);
	store_close(other);
	fixture_close(&f);
}

TEST(store_unit_move_delete_ancestors)
{
	FIXTURE(f);
	long long a = unit_add(&f, f.org_a, 0, "A");
	long long b = unit_add(&f, f.org_a, a, "B");
	long long c = unit_add(&f, f.org_a, b, "C");
	long long d = unit_add(&f, f.org_a, 0, "D");
	long long *up;
	size_t n;
	CHECK_INT(store_unit_ancestors(f.st, &f.a, f.org_a, c, &up, &n), ST_OK);
	CHECK_INT(n, 3);
	if (n == 3)
		CHECK(up[0] == a && up[1] == b && up[2] == c);
	CHECK_INT(store_unit_ancestors(f.st, &f.a, f.org_a, a, &up, &n), ST_OK);
	CHECK_INT(n, 1);
	CHECK_INT(store_unit_ancestors(f.st, &f.a, f.org_a, 9999, &up, &n), ST_NOTFOUND);

	/* move B (with C) under D */
	CHECK_INT(store_unit_move(f.st, f.org_a, b, d), ST_OK);
	CHECK_INT(store_unit_ancestors(f.st, &f.a, f.org_a, c, &up, &n), ST_OK);
	CHECK_INT(n, 3);
	if (n == 3)
		CHECK(up[0] == d && up[1] == b && up[2] == c);
	struct unit u;
	CHECK_INT(store_unit_get(f.st, &f.a, f.org_a, b, &u), ST_OK);
	CHECK_INT(u.parent_id, d);
	/* and to the top */
	CHECK_INT(store_unit_move(f.st, f.org_a, b, 0), ST_OK);
	CHECK_INT(store_unit_get(f.st, &f.a, f.org_a, b, &u), ST_OK);
	CHECK_INT(u.parent_id, 0);
	/* a sibling with that name exists at the new place */
	long long b2 = unit_add(&f, f.org_a, a, "B");
	CHECK(b2 > 0);
	CHECK_INT(store_unit_move(f.st, f.org_a, b2, 0), ST_CONFLICT);
	CHECK_INT(store_unit_move(f.st, f.org_a, 9999, 0), ST_NOTFOUND);
	CHECK_INT(store_unit_move(f.st, f.org_a, b2, 9999), ST_NOTFOUND);

	/* delete: not while it has sub-units or people */
	CHECK_INT(store_unit_delete(f.st, f.org_a, b), ST_CONFLICT);  /* C */
	long long p = person_add(&f, f.org_a, "1", "In C", c, 0);
	CHECK(p > 0);
	CHECK_INT(store_unit_delete(f.st, f.org_a, c), ST_CONFLICT);  /* a person */
	CHECK_INT(store_unit_get(f.st, &f.a, f.org_a, c, &u), ST_OK);
	struct person pp;
	CHECK_INT(store_person_get(f.st, &f.a, f.org_a, p, &pp), ST_OK);
	pp.unit_id = 0;
	CHECK_INT(store_person_update(f.st, f.org_a, &pp), ST_OK);
	CHECK_INT(store_unit_delete(f.st, f.org_a, c), ST_OK);
	CHECK_INT(store_unit_get(f.st, &f.a, f.org_a, c, &u), ST_NOTFOUND);
	CHECK_INT(store_unit_delete(f.st, f.org_a, c), ST_NOTFOUND);
	CHECK_INT(store_unit_delete(f.st, f.org_a, b), ST_OK);
	fixture_close(&f);
}

TEST(store_unit_manager)
{
	FIXTURE(f);
	long long u = unit_add(&f, f.org_a, 0, "Team");
	long long p = person_add(&f, f.org_a, "7", "Manon Manager", 0, 0);
	long long pb = person_add(&f, f.org_b, "7", "Buiten B", 0, 0);
	CHECK(u > 0 && p > 0 && pb > 0);
	CHECK_INT(store_unit_set_manager(f.st, f.org_a, u, p), ST_OK);
	struct unit x;
	CHECK_INT(store_unit_get(f.st, &f.a, f.org_a, u, &x), ST_OK);
	CHECK_INT(x.manager_person_id, p);
	CHECK_STR(x.manager_name, "Manon Manager");
	/* a manager from the other organisation is refused */
	CHECK(store_unit_set_manager(f.st, f.org_a, u, pb) != ST_OK);
	CHECK_INT(store_unit_get(f.st, &f.a, f.org_a, u, &x), ST_OK);
	CHECK_INT(x.manager_person_id, p);
	CHECK_INT(store_unit_set_manager(f.st, f.org_a, u, 0), ST_OK);
	CHECK_INT(store_unit_get(f.st, &f.a, f.org_a, u, &x), ST_OK);
	CHECK_INT(x.manager_person_id, 0);
	CHECK(x.manager_name == NULL);
	fixture_close(&f);
}

/* ---- people ---- */

TEST(store_person_insert_update_get)
{
	FIXTURE(f);
	long long u = unit_add(&f, f.org_a, 0, "Operatiën");
	long long boss = person_add(&f, f.org_a, "100", "Baas", 0, 0);
	struct person p = { 0 };
	p.employee_id = "101";
	p.name = "O'Brien & \"Zonen\"";
	p.email = "obrien@example.nl";
	p.job_level = "schaal 10";
	p.unit_id = u;
	p.manager_id = boss;
	p.active = 1;
	long long id = 0;
	CHECK_INT(store_person_insert(f.st, f.org_a, &p, &id), ST_OK);
	CHECK(id > boss);
	struct person g;
	CHECK_INT(store_person_get(f.st, &f.a, f.org_a, id, &g), ST_OK);
	CHECK_INT(g.id, id);
	CHECK_INT(g.organisation_id, f.org_a);
	CHECK_STR(g.employee_id, "101");
	CHECK_STR(g.name, "O'Brien & \"Zonen\"");
	CHECK_STR(g.email, "obrien@example.nl");
	CHECK_STR(g.job_level, "schaal 10");
	CHECK_INT(g.unit_id, u);
	CHECK_INT(g.manager_id, boss);
	CHECK_INT(g.active, 1);
	CHECK_STR(g.unit_name, "Operatiën");
	CHECK_STR(g.manager_name, "Baas");
	CHECK_STR(g.manager_employee_id, "100");

	/* NULL e-mail and job level are stored as empty */
	struct person q = { 0 };
	q.employee_id = "102";
	q.name = "Zonder";
	CHECK_INT(store_person_insert(f.st, f.org_a, &q, &id), ST_OK);
	CHECK_INT(store_person_get(f.st, &f.a, f.org_a, id, &g), ST_OK);
	CHECK_STR(g.email, "");
	CHECK_STR(g.job_level, "");
	CHECK_INT(g.active, 0);
	CHECK(g.unit_name == NULL && g.manager_name == NULL && g.manager_employee_id == NULL);

	g.name = "Met";
	g.email = "met@example.nl";
	g.active = 1;
	g.unit_id = u;
	g.manager_id = boss;
	CHECK_INT(store_person_update(f.st, f.org_a, &g), ST_OK);
	struct person h;
	CHECK_INT(store_person_by_employee_id(f.st, &f.a, f.org_a, "102", &h), ST_OK);
	CHECK_INT(h.id, id);
	CHECK_STR(h.name, "Met");
	CHECK_STR(h.email, "met@example.nl");
	CHECK_INT(h.active, 1);
	CHECK_INT(h.manager_id, boss);
	CHECK_INT(store_person_by_employee_id(f.st, &f.a, f.org_a, "999", &h), ST_NOTFOUND);

	struct person *r;
	size_t n;
	CHECK_INT(store_person_reports(f.st, &f.a, f.org_a, boss, &r, &n), ST_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(r[0].name, "Met");
		CHECK_STR(r[1].name, "O'Brien & \"Zonen\"");
	}
	h.id = 424242;
	CHECK_INT(store_person_update(f.st, f.org_a, &h), ST_NOTFOUND);
	long long count;
	CHECK_INT(store_person_count(f.st, f.org_a, &count), ST_OK);
	CHECK_INT(count, 3);
	CHECK_INT(store_person_count(f.st, f.org_b, &count), ST_OK);
	CHECK_INT(count, 0);
	fixture_close(&f);
}

TEST(store_person_employee_id_unique_per_org)
{
	FIXTURE(f);
	long long a1 = person_add(&f, f.org_a, "1001", "Jan", 0, 0);
	CHECK(a1 > 0);
	CHECK_INT(person_add(&f, f.org_a, "1001", "Ander", 0, 0), ST_CONFLICT);
	/* the same number in the other organisation is another person */
	long long b1 = person_add(&f, f.org_b, "1001", "Jan in B", 0, 0);
	CHECK(b1 > 0);
	struct person p;
	CHECK_INT(store_person_by_employee_id(f.st, &f.a, f.org_a, "1001", &p), ST_OK);
	CHECK_INT(p.id, a1);
	CHECK_INT(store_person_by_employee_id(f.st, &f.a, f.org_b, "1001", &p), ST_OK);
	CHECK_INT(p.id, b1);
	CHECK_STR(p.name, "Jan in B");
	/* changing a number to one in use */
	long long a2 = person_add(&f, f.org_a, "1002", "Piet", 0, 0);
	CHECK_INT(store_person_get(f.st, &f.a, f.org_a, a2, &p), ST_OK);
	p.employee_id = "1001";
	CHECK_INT(store_person_update(f.st, f.org_a, &p), ST_CONFLICT);
	fixture_close(&f);
}

static int list(struct fixture *f, long long org, const char *q, long long unit, int inactive, long long offset,
		long long limit, struct person **out, size_t *n, long long *total)
{
	struct person_filter flt = { q, unit, inactive, offset, limit, 0 };
	return store_person_list(f->st, &f->a, org, &flt, out, n, total);
}

TEST(store_person_search_literal)
{
	FIXTURE(f);
	CHECK(person_add(&f, f.org_a, "1", "Anna 100% Jansen", 0, 0) > 0);
	CHECK(person_add(&f, f.org_a, "2", "Bob_Smit", 0, 0) > 0);
	CHECK(person_add(&f, f.org_a, "3", "Bobby Smit", 0, 0) > 0);
	CHECK(person_add(&f, f.org_a, "4", "Back\\slash", 0, 0) > 0);
	struct person q = { 0 };
	q.employee_id = "X-77";
	q.name = "Carla";
	q.email = "carla@politie.example";
	q.active = 1;
	CHECK_INT(store_person_insert(f.st, f.org_a, &q, NULL), ST_OK);
	CHECK(person_add(&f, f.org_b, "5", "Anna in B", 0, 0) > 0);

	struct person *p;
	size_t n;
	long long total;
	CHECK_INT(list(&f, f.org_a, NULL, 0, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 5);
	CHECK_INT(total, 5);
	CHECK_INT(list(&f, f.org_a, "", 0, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 5);
	CHECK_INT(list(&f, f.org_a, "%", 0, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(p[0].name, "Anna 100% Jansen");
	CHECK_INT(list(&f, f.org_a, "_", 0, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(p[0].name, "Bob_Smit");
	CHECK_INT(list(&f, f.org_a, "b_s", 0, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 1);
	CHECK_INT(total, 1);
	CHECK_INT(list(&f, f.org_a, "\\", 0, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(p[0].name, "Back\\slash");
	CHECK_INT(list(&f, f.org_a, "smit", 0, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 2);
	/* e-mail and employee number match too */
	CHECK_INT(list(&f, f.org_a, "politie.example", 0, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 1);
	CHECK_INT(list(&f, f.org_a, "x-77", 0, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(p[0].name, "Carla");
	/* only the organisation's own people */
	CHECK_INT(list(&f, f.org_a, "Anna", 0, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 1);
	CHECK_INT(list(&f, f.org_b, "Anna", 0, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(p[0].organisation_id, f.org_b);
	CHECK_INT(list(&f, f.org_a, "niemand", 0, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 0);
	CHECK_INT(total, 0);
	fixture_close(&f);
}

/* LIKE '%q%' as it was: q literally anywhere in name, e-mail or number,
 * A-Z in either case, other letters as written. */
static bool like_any(const char *text, const char *q)
{
	size_t nt = strlen(text), nq = strlen(q);
	for (size_t i = 0; i + nq <= nt; i++) {
		size_t k = 0;
		while (k < nq) {
			unsigned char a = (unsigned char)text[i + k], b = (unsigned char)q[k];
			if (a != b && !(a < 0x80 && b < 0x80 && tolower(a) == tolower(b)))
				break;
			k++;
		}
		if (k == nq)
			return true;
	}
	return false;
}

/* The search through migration 0016's index finds exactly whom the scan
 * with LIKE found, in the same order (name, id), for searches inside a
 * word, across a space, longer than the 16 characters of the index, of
 * one or two characters, in another case, beyond ASCII; after a rename
 * the old name finds nobody; never across organisations. */
TEST(store_person_search_index_finds_what_like_found)
{
	FIXTURE(f);
	static const char *const names[] = {
		"Anouk Jansen", "Bram Jansen-de Vries", "JANSEN, Charlotte", "Daan Janssen", "Esther van Bijnen-Ansen",
		"Anaïs Ærø 李", "ANAÏS ÆRØ", "Jan <script>alert(1)</script>", "O'Brien & \"Zonen\"", "Floor 100% Smit_",
		"Gijs Oudshoorn-Wijnaldum van der Heijden-Rijkaart", "Hanna", "İris İnce", "Joost Vos",
	};
	size_t nn = sizeof(names) / sizeof(names[0]);
	char emp[16], mail[64];
	for (size_t i = 0; i < nn; i++) {
		struct person p = { 0 };
		snprintf(emp, sizeof(emp), "E25-%05zu", i * 37);
		snprintf(mail, sizeof(mail), "p%zu.jansen%zu@Example.org", i, i % 3);
		p.employee_id = emp;
		p.name = (char *)names[i];
		p.email = i % 2 ? mail : "";
		p.active = i != 3;
		CHECK_INT(store_person_insert(f.st, f.org_a, &p, NULL), ST_OK);
	}
	CHECK(person_add(&f, f.org_b, "B1", "Anouk Jansen in B", 0, 0) > 0);
	static const char *const queries[] = {
		"jansen", "JANSEN", "ansen", "n J", "Jansen-de", "an", "a", "é", "ïs", "AÏS", "anaïs ærø", "Ærø 李", "李",
		"<script>", "\"Zonen\"", "%", "_", "0%", "e25-000", "00037", "example.ORG", "jansen1@", "@",
		"Oudshoorn-Wijnaldum van der", "oudshoorn-wijnaldum van der heijden-rijkaart", "oudshoorn-wijnaldum-x",
		"İris", "iris", "İ", "vos", "niemand", "n", " ", "Jansen in B",
	};
	for (size_t qi = 0; qi < sizeof(queries) / sizeof(queries[0]); qi++) {
		for (int inactive = 0; inactive < 2; inactive++) {
			const char *q = queries[qi];
			struct person *p;
			size_t n;
			long long total;
			CHECK_INT(list(&f, f.org_a, q, 0, inactive, 0, 0, &p, &n, &total), ST_OK);
			size_t want = 0;
			for (size_t i = 0; i < nn; i++) {
				snprintf(emp, sizeof(emp), "E25-%05zu", i * 37);
				snprintf(mail, sizeof(mail), "p%zu.jansen%zu@Example.org", i, i % 3);
				if ((inactive || i != 3) && (like_any(names[i], q) || like_any(emp, q) || (i % 2 && like_any(mail, q))))
					want++;
			}
			if ((size_t)total != want || n != want)
				fprintf(stderr, "  query \"%s\" (inactive %d): %lld found, %zu expected\n", q, inactive, total, want);
			CHECK_INT(total, want);
			CHECK_INT(n, want);
			for (size_t i = 1; i < n; i++)
				CHECK(strcmp(p[i - 1].name, p[i].name) < 0 ||
				      (!strcmp(p[i - 1].name, p[i].name) && p[i - 1].id < p[i].id));
			for (size_t i = 0; i < n; i++)
				CHECK_INT(p[i].organisation_id, f.org_a);
			/* the names alone (a list to choose from): the same people */
			struct person_filter only_names = { q, 0, inactive, 0, 0, 1 };
			struct person *pn;
			size_t nn2;
			long long tn;
			CHECK_INT(store_person_list(f.st, &f.a, f.org_a, &only_names, &pn, &nn2, &tn), ST_OK);
			CHECK_INT(tn, total);
			CHECK_INT(nn2, n);
			for (size_t i = 0; i < n && i < nn2; i++) {
				CHECK_INT(pn[i].id, p[i].id);
				CHECK_STR(pn[i].name, p[i].name);
				CHECK_STR(pn[i].employee_id, p[i].employee_id);
				CHECK_INT(pn[i].active, p[i].active);
				CHECK_INT(pn[i].organisation_id, f.org_a);
			}
		}
	}
	/* renamed: found by the new name, no longer by the old */
	struct person *p;
	size_t n;
	long long total;
	CHECK_INT(list(&f, f.org_a, "Joost Vos", 0, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 1);
	if (n == 1) {
		struct person r = p[0];
		r.name = "Joost Visser";
		r.employee_id = "HERNOEMD-1";
		CHECK_INT(store_person_update(f.st, f.org_a, &r), ST_OK);
	}
	CHECK_INT(list(&f, f.org_a, "Joost Vos", 0, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 0);
	CHECK_INT(list(&f, f.org_a, "st Viss", 0, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 1);
	CHECK_INT(list(&f, f.org_a, "hernoemd", 0, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM person_suffix WHERE suffix LIKE 'joost vos%%'"), 0);
	/* a paged search: the same people as the whole list, page by page */
	CHECK_INT(list(&f, f.org_a, "jansen", 0, 1, 0, 0, &p, &n, &total), ST_OK);
	size_t all = n;
	struct person *whole = p;
	for (size_t off = 0; off < all; off += 2) {
		CHECK_INT(list(&f, f.org_a, "jansen", 0, 1, (long long)off, 2, &p, &n, &total), ST_OK);
		CHECK_INT(total, all);
		for (size_t i = 0; i < n; i++)
			CHECK_INT(p[i].id, whole[off + i].id);
	}
	fixture_close(&f);
}

TEST(store_person_unit_filter_includes_sub_units)
{
	FIXTURE(f);
	long long a = unit_add(&f, f.org_a, 0, "A");
	long long b = unit_add(&f, f.org_a, a, "B");
	long long c = unit_add(&f, f.org_a, b, "C");
	long long d = unit_add(&f, f.org_a, 0, "D");
	long long ub = unit_add(&f, f.org_b, 0, "A");
	CHECK(person_add(&f, f.org_a, "1", "In A", a, 0) > 0);
	CHECK(person_add(&f, f.org_a, "2", "In B", b, 0) > 0);
	CHECK(person_add(&f, f.org_a, "3", "In C", c, 0) > 0);
	CHECK(person_add(&f, f.org_a, "4", "In D", d, 0) > 0);
	CHECK(person_add(&f, f.org_a, "5", "Nergens", 0, 0) > 0);
	CHECK(person_add(&f, f.org_b, "6", "In A van B", ub, 0) > 0);
	struct person *p;
	size_t n;
	long long total;
	CHECK_INT(list(&f, f.org_a, NULL, a, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 3);
	CHECK_INT(total, 3);
	CHECK_INT(list(&f, f.org_a, NULL, b, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 2);
	CHECK_INT(list(&f, f.org_a, NULL, c, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 1);
	CHECK_INT(list(&f, f.org_a, NULL, d, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(p[0].name, "In D");
	/* with a search as well */
	CHECK_INT(list(&f, f.org_a, "in c", a, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 1);
	/* a unit of the other organisation gives nobody */
	CHECK_INT(list(&f, f.org_a, NULL, ub, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 0);
	CHECK_INT(total, 0);
	fixture_close(&f);
}

TEST(store_person_paging_and_inactive)
{
	FIXTURE(f);
	char emp[16], name[32];
	for (int i = 0; i < 25; i++) {
		snprintf(emp, sizeof(emp), "%d", 500 + i);
		snprintf(name, sizeof(name), "Persoon %02d", i);
		CHECK(person_add(&f, f.org_a, emp, name, 0, 0) > 0);
	}
	struct person gone = { 0 };
	gone.employee_id = "999";
	gone.name = "Persoon uit dienst";
	gone.active = 0;
	CHECK_INT(store_person_insert(f.st, f.org_a, &gone, NULL), ST_OK);

	struct person *p;
	size_t n;
	long long total;
	CHECK_INT(list(&f, f.org_a, NULL, 0, 0, 0, 10, &p, &n, &total), ST_OK);
	CHECK_INT(n, 10);
	CHECK_INT(total, 25);
	if (n == 10) {
		CHECK_STR(p[0].name, "Persoon 00");
		CHECK_STR(p[9].name, "Persoon 09");
	}
	CHECK_INT(list(&f, f.org_a, NULL, 0, 0, 10, 10, &p, &n, &total), ST_OK);
	CHECK_INT(n, 10);
	if (n == 10)
		CHECK_STR(p[0].name, "Persoon 10");
	CHECK_INT(list(&f, f.org_a, NULL, 0, 0, 20, 10, &p, &n, &total), ST_OK);
	CHECK_INT(n, 5);
	CHECK_INT(total, 25);
	if (n == 5)
		CHECK_STR(p[4].name, "Persoon 24");
	CHECK_INT(list(&f, f.org_a, NULL, 0, 0, 100, 10, &p, &n, &total), ST_OK);
	CHECK_INT(n, 0);
	CHECK_INT(total, 25);
	/* inactive people only on request */
	CHECK_INT(list(&f, f.org_a, "uit dienst", 0, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 0);
	CHECK_INT(list(&f, f.org_a, "uit dienst", 0, 1, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(p[0].active, 0);
	CHECK_INT(list(&f, f.org_a, NULL, 0, 1, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 26);
	CHECK_INT(total, 26);
	long long count;
	CHECK_INT(store_person_count(f.st, f.org_a, &count), ST_OK);
	CHECK_INT(count, 26);
	fixture_close(&f);
}

/* ---- organisation scoping ---- */

TEST(store_scoping_ids_of_other_org_not_found)
{
	FIXTURE(f);
	/* everything in B */
	long long ub = unit_add(&f, f.org_b, 0, "Eenheid B");
	long long ub2 = unit_add(&f, f.org_b, ub, "Sub B");
	long long pb = person_add(&f, f.org_b, "B-1", "Persoon B", ub, 0);
	long long pb2 = person_add(&f, f.org_b, "B-2", "Rapporteert B", ub, pb);
	long long accb = 0, upb = 0, grant_b = 0;
	CHECK_INT(store_account_add(f.st, f.org_b, "b@org-b.example", "Account B", pb, "", &accb), ST_OK);
	CHECK_INT(store_grant_add(f.st, accb, f.org_b, "coach", "organisation", 0), ST_OK);
	CHECK_INT(store_upload_add(f.st, f.org_b, accb, "b.csv", "x;y\n", 4, 1000, &upb), ST_OK);
	CHECK_INT(store_audit_add(f.st, f.org_b, accb, "b@org-b.example", "test.b", "unit", ub, "in B"), ST_OK);
	CHECK(ub > 0 && ub2 > 0 && pb > 0 && pb2 > 0);
	struct role_grant *g;
	size_t ng;
	CHECK_INT(store_grant_list(f.st, &f.a, accb, &g, &ng), ST_OK);
	CHECK_INT(ng, 1);
	if (ng)
		grant_b = g[0].id;

	/* read through A */
	long long A = f.org_a;
	struct unit u;
	struct person p;
	struct account acc;
	long long *up;
	size_t n;
	CHECK_INT(store_unit_get(f.st, &f.a, A, ub, &u), ST_NOTFOUND);
	CHECK_INT(store_unit_ancestors(f.st, &f.a, A, ub2, &up, &n), ST_NOTFOUND);
	CHECK_INT(store_person_get(f.st, &f.a, A, pb, &p), ST_NOTFOUND);
	CHECK_INT(store_person_by_employee_id(f.st, &f.a, A, "B-1", &p), ST_NOTFOUND);
	CHECK_INT(store_account_get(f.st, &f.a, A, accb, &acc), ST_NOTFOUND);
	struct person *reports;
	CHECK_INT(store_person_reports(f.st, &f.a, A, pb, &reports, &n), ST_OK);
	CHECK_INT(n, 0);
	char *fn, *data;
	size_t len;
	CHECK_INT(store_upload_get(f.st, &f.a, A, accb, upb, &fn, &data, &len), ST_NOTFOUND);
	struct account *accs;
	CHECK_INT(store_account_list(f.st, &f.a, A, &accs, &n), ST_OK);
	CHECK_INT(n, 1);  /* only the fixture's administrator */
	if (n == 1)
		CHECK_INT(accs[0].id, f.admin_id);
	long long long_unit;
	CHECK_INT(store_unit_find(f.st, A, 0, "Eenheid B", &long_unit), ST_NOTFOUND);

	/* change through A */
	CHECK_INT(store_unit_rename(f.st, A, ub, "Gekaapt"), ST_NOTFOUND);
	CHECK_INT(store_unit_move(f.st, A, ub2, 0), ST_NOTFOUND);
	CHECK_INT(store_unit_set_manager(f.st, A, ub, 0), ST_NOTFOUND);
	CHECK_INT(store_unit_delete(f.st, A, ub2), ST_NOTFOUND);
	CHECK(unit_add(&f, A, ub, "Onder B") < 0);
	CHECK_INT(store_grant_remove(f.st, A, grant_b), ST_NOTFOUND);
	CHECK_INT(store_upload_delete(f.st, A, upb), ST_OK);  /* silently nothing */
	struct person fake = { 0 };
	fake.id = pb;
	fake.employee_id = "B-1";
	fake.name = "Gekaapt";
	fake.active = 1;
	CHECK_INT(store_person_update(f.st, A, &fake), ST_NOTFOUND);

	/* B is untouched */
	CHECK_INT(store_unit_get(f.st, &f.a, f.org_b, ub, &u), ST_OK);
	CHECK_STR(u.name, "Eenheid B");
	CHECK_INT(store_unit_get(f.st, &f.a, f.org_b, ub2, &u), ST_OK);
	CHECK_INT(u.parent_id, ub);
	CHECK_INT(store_person_get(f.st, &f.a, f.org_b, pb, &p), ST_OK);
	CHECK_STR(p.name, "Persoon B");
	CHECK_INT(store_grant_list(f.st, &f.a, accb, &g, &ng), ST_OK);
	CHECK_INT(ng, 1);
	CHECK_INT(store_upload_get(f.st, &f.a, f.org_b, accb, upb, &fn, &data, &len), ST_OK);
	CHECK_INT(len, 4);
	CHECK_INT(store_account_get(f.st, &f.a, f.org_b, accb, &acc), ST_OK);
	CHECK_INT(store_person_reports(f.st, &f.a, f.org_b, pb, &reports, &n), ST_OK);
	CHECK_INT(n, 1);
	fixture_close(&f);
}

TEST(store_scoping_no_links_across_orgs)
{
	FIXTURE(f);
	long long ua = unit_add(&f, f.org_a, 0, "Eenheid A");
	long long ub = unit_add(&f, f.org_b, 0, "Eenheid B");
	long long pb = person_add(&f, f.org_b, "B-1", "Manager B", 0, 0);
	CHECK(ua > 0 && ub > 0 && pb > 0);
	/* a new person of A with a unit or manager of B */
	CHECK_INT(person_add(&f, f.org_a, "A-1", "Met unit van B", ub, 0), ST_INVALID);
	CHECK_INT(person_add(&f, f.org_a, "A-1", "Met manager van B", 0, pb), ST_INVALID);
	long long n;
	CHECK_INT(store_person_count(f.st, f.org_a, &n), ST_OK);
	CHECK_INT(n, 0);

	/* an existing person of A given a unit or manager of B */
	long long pa = person_add(&f, f.org_a, "A-1", "Persoon A", ua, 0);
	CHECK(pa > 0);
	struct person p;
	CHECK_INT(store_person_get(f.st, &f.a, f.org_a, pa, &p), ST_OK);
	p.unit_id = ub;
	CHECK_INT(store_person_update(f.st, f.org_a, &p), ST_INVALID);
	p.unit_id = ua;
	p.manager_id = pb;
	CHECK_INT(store_person_update(f.st, f.org_a, &p), ST_INVALID);
	CHECK_INT(store_person_get(f.st, &f.a, f.org_a, pa, &p), ST_OK);
	CHECK_INT(p.unit_id, ua);
	CHECK_INT(p.manager_id, 0);
	CHECK(p.manager_name == NULL);

	/* units: parent, move target and manager from B */
	CHECK_INT(unit_add(&f, f.org_a, ub, "Onder B"), ST_INVALID);
	CHECK(store_unit_move(f.st, f.org_a, ua, ub) != ST_OK);
	CHECK(store_unit_set_manager(f.st, f.org_a, ua, pb) != ST_OK);
	struct unit u;
	CHECK_INT(store_unit_get(f.st, &f.a, f.org_a, ua, &u), ST_OK);
	CHECK_INT(u.parent_id, 0);
	CHECK_INT(u.manager_person_id, 0);

	/* an account of A for a person of B */
	CHECK_INT(store_account_add(f.st, f.org_a, "x@org-a.example", "X", pb, "", NULL), ST_INVALID);
	struct account acc;
	CHECK_INT(store_account_by_email(f.st, &f.a, "x@org-a.example", &acc), ST_NOTFOUND);
	fixture_close(&f);
}

/* ---- accounts, grants, sessions, tokens ---- */

TEST(store_accounts)
{
	FIXTURE(f);
	long long pa = person_add(&f, f.org_a, "1", "Jan", 0, 0);
	long long id = 0;
	CHECK_INT(store_account_add(f.st, f.org_a, "Jan.Jansen@Example.nl", "Jan Jansen", pa, "hash", &id), ST_OK);
	CHECK(id > 0);
	/* unique without regard to case, across organisations */
	CHECK_INT(store_account_add(f.st, f.org_a, "jan.jansen@example.nl", "Dubbel", 0, "", NULL), ST_CONFLICT);
	CHECK_INT(store_account_add(f.st, f.org_b, "JAN.JANSEN@EXAMPLE.NL", "Dubbel", 0, "", NULL), ST_CONFLICT);
	struct account acc;
	CHECK_INT(store_account_by_email(f.st, &f.a, "jan.jansen@EXAMPLE.nl", &acc), ST_OK);
	CHECK_INT(acc.id, id);
	CHECK_STR(acc.email, "Jan.Jansen@Example.nl");
	CHECK_STR(acc.display_name, "Jan Jansen");
	CHECK_STR(acc.password_hash, "hash");
	CHECK_INT(acc.person_id, pa);
	CHECK_INT(acc.organisation_id, f.org_a);
	CHECK_INT(acc.active, 1);
	CHECK_INT(store_account_by_email(f.st, &f.a, "nobody@example.nl", &acc), ST_NOTFOUND);

	CHECK_INT(store_account_set_password(f.st, id, "nieuw"), ST_OK);
	CHECK_INT(store_account_by_id(f.st, &f.a, id, &acc), ST_OK);
	CHECK_STR(acc.password_hash, "nieuw");
	/* no lock-out state on an account any more (0015) */
	CHECK_INT(fixture_postgresql() ?
		  fixture_query(&f, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'account'"
				" AND column_name IN ('failed_logins', 'locked_until')") :
		  fixture_query(&f, "SELECT count(*) FROM pragma_table_info('account') WHERE name IN"
				" ('failed_logins', 'locked_until')"), 0);
	CHECK_INT(store_account_set_password(f.st, 9999, "x"), ST_NOTFOUND);
	CHECK_INT(store_account_by_id(f.st, &f.a, 9999, &acc), ST_NOTFOUND);

	long long idb = 0;
	CHECK_INT(store_account_add(f.st, f.org_b, "b@example.nl", "Bea", 0, NULL, &idb), ST_OK);
	CHECK_INT(store_account_by_id(f.st, &f.a, idb, &acc), ST_OK);  /* unscoped */
	CHECK_STR(acc.password_hash, "");
	CHECK_INT(acc.person_id, 0);
	struct account *l;
	size_t n;
	CHECK_INT(store_account_list(f.st, &f.a, f.org_a, &l, &n), ST_OK);
	CHECK_INT(n, 2);
	if (n == 2) {  /* by display name */
		CHECK_STR(l[0].display_name, "Beheerder A");
		CHECK_STR(l[1].display_name, "Jan Jansen");
	}
	CHECK_INT(store_account_list(f.st, &f.a, f.org_b, &l, &n), ST_OK);
	CHECK_INT(n, 1);
	fixture_close(&f);
}

TEST(store_grants)
{
	FIXTURE(f);
	long long id = 0;
	CHECK_INT(store_account_add(f.st, f.org_a, "c@example.nl", "Coach", 0, "", &id), ST_OK);
	CHECK_INT(store_grant_add(f.st, id, f.org_a, "coach", "organisation", 0), ST_OK);
	CHECK_INT(store_grant_add(f.st, id, f.org_a, "mentor", "programme", 12), ST_OK);
	CHECK_INT(store_grant_add(f.st, id, f.org_b, "participant", NULL, 0), ST_OK);
	CHECK_INT(store_grant_add(f.st, id, f.org_a, "coach", "organisation", 0), ST_CONFLICT);
	CHECK_INT(store_grant_add(f.st, id, f.org_a, "emperor", "organisation", 0), ST_INVALID);
	CHECK_INT(store_grant_add(f.st, id, f.org_a, "coach", "galaxy", 0), ST_INVALID);
	CHECK_INT(store_grant_add(f.st, 9999, f.org_a, "coach", "organisation", 0), ST_INVALID);
	struct role_grant *g;
	size_t n;
	CHECK_INT(store_grant_list(f.st, &f.a, id, &g, &n), ST_OK);
	CHECK_INT(n, 3);
	long long mentor = 0, participant = 0;
	for (size_t i = 0; i < n; i++) {
		CHECK_INT(g[i].account_id, id);
		if (!strcmp(g[i].role, "mentor")) {
			mentor = g[i].id;
			CHECK_STR(g[i].scope_kind, "programme");
			CHECK_INT(g[i].scope_id, 12);
			CHECK_INT(g[i].organisation_id, f.org_a);
		}
		if (!strcmp(g[i].role, "participant")) {
			participant = g[i].id;
			CHECK_STR(g[i].scope_kind, "organisation");
			CHECK_INT(g[i].organisation_id, f.org_b);
		}
	}
	CHECK(mentor > 0 && participant > 0);
	/* removing is scoped by the organisation of the grant */
	CHECK_INT(store_grant_remove(f.st, f.org_a, participant), ST_NOTFOUND);
	CHECK_INT(store_grant_remove(f.st, f.org_b, mentor), ST_NOTFOUND);
	CHECK_INT(store_grant_list(f.st, &f.a, id, &g, &n), ST_OK);
	CHECK_INT(n, 3);
	CHECK_INT(store_grant_remove(f.st, f.org_a, mentor), ST_OK);
	CHECK_INT(store_grant_remove(f.st, f.org_a, mentor), ST_NOTFOUND);
	CHECK_INT(store_grant_remove(f.st, f.org_b, participant), ST_OK);
	CHECK_INT(store_grant_list(f.st, &f.a, id, &g, &n), ST_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(g[0].role, "coach");
	CHECK_INT(store_grant_list(f.st, &f.a, 9999, &g, &n), ST_OK);
	CHECK_INT(n, 0);
	fixture_close(&f);
}

static void hash_of(unsigned char h[HASH_LEN], int seed)
{
	for (int i = 0; i < HASH_LEN; i++)
		h[i] = (unsigned char)(seed * 31 + i);
}

TEST(store_sessions)
{
	FIXTURE(f);
	long long acc = f.admin_id, other = 0;
	CHECK_INT(store_account_add(f.st, f.org_a, "o@example.nl", "Other", 0, "", &other), ST_OK);
	unsigned char h1[HASH_LEN], h2[HASH_LEN], h3[HASH_LEN], h4[HASH_LEN];
	hash_of(h1, 1);
	hash_of(h2, 2);
	hash_of(h3, 3);
	hash_of(h4, 4);
	CHECK_INT(store_session_add(f.st, h1, acc, "csrf-1", 1000, 2000), ST_OK);
	long long id = 0;
	char *csrf = NULL;
	CHECK_INT(store_session_get(f.st, &f.a, h1, 1500, &id, &csrf), ST_OK);
	CHECK_INT(id, acc);
	CHECK_STR(csrf, "csrf-1");
	CHECK_INT(store_session_get(f.st, &f.a, h1, 1999, &id, &csrf), ST_OK);
	/* expired at expires_at */
	CHECK_INT(store_session_get(f.st, &f.a, h1, 2000, &id, &csrf), ST_NOTFOUND);
	CHECK_INT(store_session_get(f.st, &f.a, h1, 5000, &id, &csrf), ST_NOTFOUND);
	CHECK_INT(store_session_get(f.st, &f.a, h2, 1500, &id, &csrf), ST_NOTFOUND);
	/* the same hash twice */
	CHECK_INT(store_session_add(f.st, h1, acc, "csrf-x", 1000, 2000), ST_CONFLICT);
	CHECK_INT(store_session_add(f.st, h2, 9999, "c", 1000, 2000), ST_INVALID);

	CHECK_INT(store_session_delete(f.st, h1), ST_OK);
	CHECK_INT(store_session_get(f.st, &f.a, h1, 1500, &id, &csrf), ST_NOTFOUND);

	/* end every session of an account but one */
	CHECK_INT(store_session_add(f.st, h1, acc, "c1", 1000, 9000), ST_OK);
	CHECK_INT(store_session_add(f.st, h2, acc, "c2", 1000, 9000), ST_OK);
	CHECK_INT(store_session_add(f.st, h3, acc, "c3", 1000, 9000), ST_OK);
	CHECK_INT(store_session_add(f.st, h4, other, "c4", 1000, 9000), ST_OK);
	CHECK_INT(store_session_delete_account(f.st, acc, h2), ST_OK);
	CHECK_INT(store_session_get(f.st, &f.a, h1, 1500, &id, &csrf), ST_NOTFOUND);
	CHECK_INT(store_session_get(f.st, &f.a, h2, 1500, &id, &csrf), ST_OK);
	CHECK_STR(csrf, "c2");
	CHECK_INT(store_session_get(f.st, &f.a, h3, 1500, &id, &csrf), ST_NOTFOUND);
	CHECK_INT(store_session_get(f.st, &f.a, h4, 1500, &id, &csrf), ST_OK);
	CHECK_INT(id, other);
	/* without one to keep: all of them */
	CHECK_INT(store_session_delete_account(f.st, acc, NULL), ST_OK);
	CHECK_INT(store_session_get(f.st, &f.a, h2, 1500, &id, &csrf), ST_NOTFOUND);
	CHECK_INT(store_session_get(f.st, &f.a, h4, 1500, &id, &csrf), ST_OK);

	/* adding a session sweeps the expired ones */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM session"), 1);
	CHECK_INT(store_session_add(f.st, h1, acc, "c1", 10000, 20000), ST_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM session"), 1);
	fixture_close(&f);
}

TEST(store_tokens)
{
	FIXTURE(f);
	unsigned char h1[HASH_LEN], h2[HASH_LEN], h3[HASH_LEN];
	hash_of(h1, 7);
	hash_of(h2, 8);
	hash_of(h3, 9);
	long long id = 0, id3 = 0, n = -1, other = 0;
	struct api_token found;
	CHECK_INT(store_account_add(f.st, f.org_a, "o@example.nl", "Other", 0, "", &other), ST_OK);
	CHECK_INT(store_token_add(f.st, f.admin_id, h1, "script", "all", 1000, 5000, &id), ST_OK);
	CHECK(id > 0);
	CHECK_INT(store_token_find(f.st, &f.a, h1, 4999, &found), ST_OK);
	CHECK_INT(found.account_id, f.admin_id);
	CHECK_INT(found.id, id);
	CHECK_STR(found.scope, "all");
	/* expired at expires_at */
	CHECK_INT(store_token_find(f.st, &f.a, h1, 5000, &found), ST_NOTFOUND);
	CHECK_INT(store_token_find(f.st, &f.a, h2, 1000, &found), ST_NOTFOUND);
	CHECK_INT(store_token_add(f.st, f.admin_id, h1, "again", "all", 1000, 5000, NULL), ST_CONFLICT);
	CHECK_INT(store_token_add(f.st, 9999, h2, NULL, "all", 1000, 5000, NULL), ST_INVALID);
	CHECK_INT(store_token_add(f.st, f.admin_id, h3, "later", "read", 2000, 9000, &id3), ST_OK);
	CHECK_INT(store_token_add(f.st, other, h2, "", "all", 2000, 9000, NULL), ST_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM api_token WHERE label = 'script'"), 1);
	CHECK_INT(store_token_count(f.st, f.admin_id, 4000, &n), ST_OK);
	CHECK_INT(n, 2);
	CHECK_INT(store_token_count(f.st, f.admin_id, 6000, &n), ST_OK);
	CHECK_INT(n, 1);
	struct api_token *t;
	size_t nt;
	CHECK_INT(store_token_list(f.st, &f.a, f.admin_id, &t, &nt), ST_OK);
	CHECK_INT(nt, 2);
	if (nt == 2) {
		CHECK_INT(t[0].id, id3);   /* newest first */
		CHECK_STR(t[0].label, "later");
		CHECK_STR(t[0].scope, "read");
		CHECK_INT(t[0].created_at, 2000);
		CHECK_INT(t[0].expires_at, 9000);
		CHECK_INT(t[1].created_at, 1000);
	}
	/* one's own only */
	CHECK_INT(store_token_delete(f.st, other, id), ST_NOTFOUND);
	CHECK_INT(store_token_delete(f.st, f.admin_id, id), ST_OK);
	CHECK_INT(store_token_delete(f.st, f.admin_id, id), ST_NOTFOUND);
	CHECK_INT(store_token_find(f.st, &f.a, h1, 2000, &found), ST_NOTFOUND);
	CHECK_INT(store_token_delete_account(f.st, f.admin_id), ST_OK);
	CHECK_INT(store_token_find(f.st, &f.a, h3, 2000, &found), ST_NOTFOUND);
	CHECK_INT(store_token_find(f.st, &f.a, h2, 2000, &found), ST_OK);
	CHECK_INT(found.account_id, other);
	fixture_close(&f);
}

TEST(store_uploads)
{
	FIXTURE(f);
	long long other = 0, id = 0, id2 = 0;
	CHECK_INT(store_account_add(f.st, f.org_a, "o@example.nl", "Other", 0, "", &other), ST_OK);
	static const char data[] = "a;b\r\n1;\0x";
	CHECK_INT(store_upload_add(f.st, f.org_a, f.admin_id, "mensen.csv", data, sizeof(data) - 1, 1000, &id), ST_OK);
	CHECK_INT(store_upload_add(f.st, f.org_a, f.admin_id, "later.csv", "x", 1, 5000, &id2), ST_OK);
	char *fn, *d;
	size_t len;
	CHECK_INT(store_upload_get(f.st, &f.a, f.org_a, f.admin_id, id, &fn, &d, &len), ST_OK);
	CHECK_STR(fn, "mensen.csv");
	CHECK_INT(len, sizeof(data) - 1);
	CHECK(!memcmp(d, data, sizeof(data) - 1));
	CHECK(d[len] == '\0');
	/* only for the account that uploaded it */
	CHECK_INT(store_upload_get(f.st, &f.a, f.org_a, other, id, &fn, &d, &len), ST_NOTFOUND);
	CHECK_INT(store_upload_expire(f.st, 2000), ST_OK);
	CHECK_INT(store_upload_get(f.st, &f.a, f.org_a, f.admin_id, id, &fn, &d, &len), ST_NOTFOUND);
	CHECK_INT(store_upload_get(f.st, &f.a, f.org_a, f.admin_id, id2, &fn, &d, &len), ST_OK);
	CHECK_INT(store_upload_delete(f.st, f.org_a, id2), ST_OK);
	CHECK_INT(store_upload_get(f.st, &f.a, f.org_a, f.admin_id, id2, &fn, &d, &len), ST_NOTFOUND);
	fixture_close(&f);
}

/* ---- audit ---- */

TEST(store_audit_paging_per_org)
{
	FIXTURE(f);
	char detail[32];
	for (int i = 0; i < 30; i++) {
		snprintf(detail, sizeof(detail), "a%d", i);
		CHECK_INT(store_audit_add(f.st, f.org_a, f.admin_id, "admin@org-a.example", "test.a", "unit", i, detail),
			  ST_OK);
	}
	for (int i = 0; i < 5; i++)
		CHECK_INT(store_audit_add(f.st, f.org_b, 0, "cli", "test.b", NULL, 0, NULL), ST_OK);
	struct audit_entry *e;
	size_t n;
	long long total;
	CHECK_INT(store_audit_list(f.st, &f.a, f.org_a, 0, 10, &e, &n, &total), ST_OK);
	CHECK_INT(n, 10);
	CHECK_INT(total, 30);
	if (n == 10) {
		/* newest first */
		CHECK_STR(e[0].detail, "a29");
		CHECK_STR(e[9].detail, "a20");
		CHECK(e[0].id > e[1].id);
		CHECK_STR(e[0].action, "test.a");
		CHECK_STR(e[0].actor, "admin@org-a.example");
		CHECK_INT(e[0].actor_id, f.admin_id);
		CHECK_STR(e[0].object_kind, "unit");
		CHECK_INT(e[0].object_id, 29);
		CHECK_INT(e[0].organisation_id, f.org_a);
		CHECK(e[0].at && strlen(e[0].at) == 20);
	}
	CHECK_INT(store_audit_list(f.st, &f.a, f.org_a, 25, 10, &e, &n, &total), ST_OK);
	CHECK_INT(n, 5);
	if (n == 5)
		CHECK_STR(e[4].detail, "a0");
	CHECK_INT(store_audit_list(f.st, &f.a, f.org_a, 30, 10, &e, &n, &total), ST_OK);
	CHECK_INT(n, 0);
	CHECK_INT(total, 30);
	CHECK_INT(store_audit_list(f.st, &f.a, f.org_b, 0, 0, &e, &n, &total), ST_OK);
	CHECK_INT(n, 5);
	CHECK_INT(total, 5);
	int only_b = 1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(e[i].action, "test.b") || e[i].organisation_id != f.org_b || e[i].actor_id != 0 ||
		    strcmp(e[i].detail, "") || strcmp(e[i].object_kind, ""))
			only_b = 0;
	CHECK(only_b);
	/* no limit: a default page */
	CHECK_INT(store_audit_list(f.st, &f.a, f.org_a, 0, 0, &e, &n, &total), ST_OK);
	CHECK_INT(n, 30);
	CHECK_INT(store_audit_list(f.st, &f.a, 9999, 0, 10, &e, &n, &total), ST_OK);
	CHECK_INT(n, 0);
	CHECK_INT(total, 0);
	fixture_close(&f);
}

/* ---- backup ---- */

/* PostgreSQL's database is backed up with its own tools: store_backup
 * says so, with the command, and writes nothing. */
TEST(store_backup_postgresql_points_to_pg_dump)
{
	if (!fixture_postgresql()) {
		test_skip(SKIP_STORE, "about PostgreSQL: its backup is pg_dump's");
		return;
	}
	FIXTURE(f);
	struct buf err = BUF_INIT;
	const char *dest = fixture_file(&f, "backup.db");
	CHECK_INT(store_backup(f.st, dest, &err), ST_INVALID);
	CHECK(strstr(err.ptr, "pg_dump") != NULL);
	CHECK(access(dest, F_OK) != 0);
	buf_release(&err);
	fixture_close(&f);
}

TEST(store_backup_is_readable_copy)
{
	SQLITE_ONLY("its backup copies the database file");
	FIXTURE(f);
	long long u = unit_add(&f, f.org_a, 0, "Operatiën");
	CHECK(person_add(&f, f.org_a, "1", "Jan <script>", u, 0) > 0);
	CHECK(person_add(&f, f.org_b, "1", "Jan in B", 0, 0) > 0);
	const char *dest = fixture_file(&f, "backup.db");
	struct buf err = BUF_INIT;
	CHECK_INT(store_backup(f.st, dest, &err), ST_OK);
	CHECK_STR(err.ptr, "");
	/* the copy is complete while the original goes on */
	CHECK(person_add(&f, f.org_a, "2", "Na de backup", 0, 0) > 0);

	struct store *b = NULL;
	CHECK_INT(store_open(dest, &b, &err), ST_OK);
	if (b) {
		CHECK_INT(store_schema_version(b), last_migration());
		int applied = -1;
		CHECK_INT(store_migrate(b, &applied, &err), ST_OK);
		CHECK_INT(applied, 0);
		struct organisation *orgs;
		size_t n;
		CHECK_INT(store_org_list(b, &f.a, &orgs, &n), ST_OK);
		CHECK_INT(n, 2);
		long long count = 0;
		CHECK_INT(store_person_count(b, f.org_a, &count), ST_OK);
		CHECK_INT(count, 1);
		struct person p;
		CHECK_INT(store_person_by_employee_id(b, &f.a, f.org_a, "1", &p), ST_OK);
		CHECK_STR(p.name, "Jan <script>");
		CHECK_STR(p.unit_name, "Operatiën");
		store_close(b);
	}
	/* a place that cannot be written */
	buf_reset(&err);
	CHECK_INT(store_backup(f.st, "/nonexistent-leergang-dir/backup.db", &err), ST_ERROR);
	CHECK(err.len > 0);
	buf_release(&err);
	fixture_close(&f);
}

/* The statement cache grows: a connection that has prepared more distinct
 * statements than the cache first holds goes on (it used to stop the
 * server at 256), and each statement is prepared once. */
TEST(store_statement_cache_grows)
{
	FIXTURE(f);
	enum { N = 1500 };
	char **sql = arena_alloc(&f.a, N * sizeof(*sql));
	struct query **first = arena_alloc(&f.a, N * sizeof(*first));
	bool ok = true;
	for (int i = 0; i < N && ok; i++) {
		sql[i] = arena_printf(&f.a, "SELECT %d", i);
		first[i] = stmt(f.st, sql[i]);
		ok = q_step(first[i]) == Q_ROW && q_int(first[i], 0) == i;
		q_reset(first[i]);
	}
	CHECK(ok);
	/* the fixture's own statements are there too */
	CHECK(f.st->cache_used >= N);
	CHECK(f.st->cache_slots >= 2 * f.st->cache_used);
	for (int i = 0; i < N && ok; i++)
		ok = stmt(f.st, sql[i]) == first[i];
	CHECK(ok);
	fixture_close(&f);
}

/* A search finds people by the name of their unit too (the people pickers
 * find by name, number, e-mail and unit), in both the scan and the index
 * variant, only in the organisation's own units. */
TEST(store_person_search_finds_by_unit_name)
{
	FIXTURE(f);
	long long noord = unit_add(&f, f.org_a, 0, "Team Noord-Oost");
	long long zuid = unit_add(&f, f.org_a, 0, "Team Zuid");
	long long noord_b = unit_add(&f, f.org_b, 0, "Team Noord-Oost");
	CHECK(person_add(&f, f.org_a, "1", "Anna Bakker", noord, 0) > 0);
	CHECK(person_add(&f, f.org_a, "2", "Bob Visser", zuid, 0) > 0);
	CHECK(person_add(&f, f.org_a, "3", "Anouk Noordhoek", 0, 0) > 0);
	CHECK(person_add(&f, f.org_b, "4", "Cas in B", noord_b, 0) > 0);
	struct person *p;
	size_t n;
	long long total;
	/* "noord": Anna by her unit, Anouk by her name; not Cas of B */
	CHECK_INT(list(&f, f.org_a, "noord", 0, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 2);
	CHECK_INT(total, 2);
	if (n == 2) {
		CHECK_STR(p[0].name, "Anna Bakker");
		CHECK_STR(p[1].name, "Anouk Noordhoek");
	}
	/* two characters (the scan) and a longer text inside the unit name */
	CHECK_INT(list(&f, f.org_a, "zu", 0, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 1);
	CHECK_INT(list(&f, f.org_a, "m zuid", 0, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(p[0].name, "Bob Visser");
	CHECK_INT(list(&f, f.org_b, "noord-oost", 0, 0, 0, 0, &p, &n, &total), ST_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(p[0].name, "Cas in B");
	fixture_close(&f);
}

/* The daily work runs on one server of an installation at a time: on
 * PostgreSQL a second connection (another server) is refused the job
 * while the first holds it, and gets it after; another job is apart. On
 * SQLite, one server per file, it is always given. */
TEST(store_job_one_server_at_a_time)
{
	FIXTURE(f);
	struct store *other = NULL;
	struct buf err = BUF_INIT;
	CHECK_INT(store_open(f.path, &other, &err), ST_OK);
	if (other) {
		bool pg = fixture_postgresql();
		CHECK(store_job_begin(f.st, "daily"));
		CHECK(store_job_begin(other, "daily") == !pg);
		CHECK(store_job_begin(other, "another"));
		store_job_end(f.st, "daily");
		CHECK(store_job_begin(other, "daily"));
		CHECK(store_job_begin(f.st, "daily") == !pg);
		store_job_end(other, "daily");
		store_job_end(other, "another");
		store_close(other);
	}
	buf_release(&err);
	fixture_close(&f);
}

/* PostgreSQL: a connection the server ended (a restart, a fail-over) is
 * opened again for the next statement, its statements prepared anew; a
 * transaction it was in fails as a whole. */
TEST(store_postgresql_connection_comes_back)
{
	if (!fixture_postgresql()) {
		test_skip(SKIP_STORE, "about PostgreSQL: SQLite has no connection to lose");
		return;
	}
	FIXTURE(f);
	struct organisation *orgs;
	size_t n = 0;
	CHECK_INT(store_org_list(f.st, &f.a, &orgs, &n), ST_OK);
	CHECK_INT((int)n, 2);
	static const char end_others[] = "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
					 " WHERE datname = current_database() AND pid <> pg_backend_pid()";
	CHECK_INT((int)fixture_query(&f, "%s", end_others), 1);
	n = 0;
	CHECK_INT(store_org_list(f.st, &f.a, &orgs, &n), ST_OK);
	CHECK_INT((int)n, 2);
	/* inside a transaction: that transaction is lost, the next one works */
	long long id = 0;
	CHECK_INT(store_begin(f.st), ST_OK);
	CHECK_INT(store_org_add(f.st, "org-c", "Organisatie C", &id), ST_OK);
	CHECK_INT((int)fixture_query(&f, "%s", end_others), 1);
	CHECK(store_org_add(f.st, "org-d", "Organisatie D", &id) != ST_OK);
	store_rollback(f.st);
	CHECK_INT(store_org_add(f.st, "org-e", "Organisatie E", &id), ST_OK);
	CHECK_INT((int)fixture_query(&f, "SELECT count(*) FROM organisation"), 3);
	fixture_close(&f);
}

/* A PostgreSQL URI is shown without its password, anything else as it is. */
TEST(store_path_shown_without_password)
{
	char out[256];
	CHECK_STR(store_path_shown("postgresql://ann:geheim@db.example:5432/leergang?sslmode=require", out, sizeof(out)),
		  "postgresql://ann@db.example:5432/leergang?sslmode=require");
	CHECK_STR(store_path_shown("postgres://:geheim@db/x", out, sizeof(out)), "postgres://@db/x");
	CHECK_STR(store_path_shown("postgresql://ann@/leergang?host=%2Ftmp%2Fpg", out, sizeof(out)),
		  "postgresql://ann@/leergang?host=%2Ftmp%2Fpg");
	CHECK_STR(store_path_shown("postgresql://db.example/x?user=ann&password=geheim&sslmode=require", out,
				   sizeof(out)), "postgresql://db.example/x?user=ann&sslmode=require");
	CHECK_STR(store_path_shown("var/leer:gang@x.db", out, sizeof(out)), "var/leer:gang@x.db");
	CHECK(strstr(store_path_shown("postgresql://ann:geheim@db/x", out, sizeof(out)), "geheim") == NULL);
}
