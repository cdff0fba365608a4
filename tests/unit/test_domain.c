/* test_domain.c — rules of units and people, roles, value checks, audit. */
#include "test.h"
#include "fixture.h"
#include "domain/audit.h"
#include "domain/person.h"
#include "domain/role.h"
#include "domain/unit.h"
#include "domain/validate.h"
#include "store/store.h"

static int has(const struct errors *e, const char *field)
{
	return errors_get(e, field) != NULL;
}

/* The newest audit entry of the fixture's organisation A. */
static struct audit_entry *last_audit(struct fixture *f, long long *total)
{
	struct audit_entry *e;
	size_t n;
	long long t;
	if (audit_page(&f->c, 0, 1, &e, &n, &t) || n != 1)
		return NULL;
	if (total)
		*total = t;
	return e;
}

static char *repeat(struct arena *a, const char *s, int times)
{
	size_t len = strlen(s);
	char *out = arena_alloc(a, len * (size_t)times + 1);
	for (int i = 0; i < times; i++)
		memcpy(out + len * (size_t)i, s, len);
	return out;
}

/* ---- units ---- */

TEST(unit_create_name_rules)
{
	FIXTURE(f);
	struct errors e = { 0 };
	long long id = -1;
	CHECK_INT(unit_create(&f.c, 0, "", &e, &id), D_INVALID);
	CHECK(has(&e, "name"));
	CHECK_INT(id, -1);
	e = (struct errors){ 0 };
	CHECK_INT(unit_create(&f.c, 0, NULL, &e, &id), D_INVALID);
	CHECK(has(&e, "name"));
	e = (struct errors){ 0 };
	CHECK_INT(unit_create(&f.c, 0, "Operatiën/Team Noord", &e, &id), D_INVALID);
	CHECK(has(&e, "name"));
	CHECK(strchr(errors_get(&e, "name"), '/') != NULL);
	e = (struct errors){ 0 };
	CHECK_INT(unit_create(&f.c, 0, "Team\tNoord", &e, &id), D_INVALID);
	CHECK(has(&e, "name"));
	e = (struct errors){ 0 };
	CHECK_INT(unit_create(&f.c, 0, "Operati\xEBn", &e, &id), D_INVALID);  /* not UTF-8 */
	CHECK(has(&e, "name"));
	/* at most 120 characters, counted as characters */
	e = (struct errors){ 0 };
	CHECK_INT(unit_create(&f.c, 0, repeat(&f.a, "x", UNIT_NAME_MAX + 1), &e, &id), D_INVALID);
	CHECK(has(&e, "name"));
	CHECK(strstr(errors_get(&e, "name"), "120") != NULL);
	e = (struct errors){ 0 };
	CHECK_INT(unit_create(&f.c, 0, repeat(&f.a, "\xC3\xAB", UNIT_NAME_MAX), &e, &id), D_OK);
	CHECK_INT(e.n, 0);
	CHECK(id > 0);
	long long n = fixture_query(&f, "SELECT count(*) FROM unit");
	CHECK_INT(n, 1);

	/* duplicate among siblings */
	long long ops = 0, dup = -1;
	CHECK_INT(unit_create(&f.c, 0, "Operatiën", &e, &ops), D_OK);
	CHECK_INT(unit_create(&f.c, 0, "Operatiën", &e, &dup), D_INVALID);
	CHECK(has(&e, "name"));
	CHECK(strstr(errors_get(&e, "name"), "Operatiën") != NULL);
	CHECK_INT(dup, -1);
	/* the same name one level down is fine */
	e = (struct errors){ 0 };
	long long sub = 0;
	CHECK_INT(unit_create(&f.c, ops, "Operatiën", &e, &sub), D_OK);
	CHECK(sub > 0);
	/* a parent that does not exist, or of another organisation */
	long long ub = 0;
	CHECK_INT(store_unit_add(f.st, f.org_b, 0, "B", &ub), ST_OK);
	e = (struct errors){ 0 };
	CHECK_INT(unit_create(&f.c, ub, "Onder B", &e, &id), D_INVALID);
	CHECK(has(&e, "parent_id"));
	e = (struct errors){ 0 };
	CHECK_INT(unit_create(&f.c, 9999, "Onder niets", &e, &id), D_INVALID);
	CHECK(has(&e, "parent_id"));

	/* created units are audited, refused ones are not */
	long long total = 0;
	struct audit_entry *a = last_audit(&f, &total);
	CHECK(a != NULL);
	if (a) {
		CHECK_STR(a->action, "unit.create");
		CHECK_STR(a->object_kind, "unit");
		CHECK_INT(a->object_id, sub);
		CHECK_STR(a->detail, "Operatiën");
	}
	CHECK_INT(total, 3);
	fixture_close(&f);
}

TEST(unit_rename_rules)
{
	FIXTURE(f);
	struct errors e = { 0 };
	long long a = 0, b = 0;
	CHECK_INT(unit_create(&f.c, 0, "A", &e, &a), D_OK);
	CHECK_INT(unit_create(&f.c, 0, "B", &e, &b), D_OK);
	CHECK_INT(unit_rename(&f.c, a, "A2", &e), D_OK);
	CHECK_INT(unit_rename(&f.c, a, "B", &e), D_INVALID);
	CHECK(has(&e, "name"));
	e = (struct errors){ 0 };
	CHECK_INT(unit_rename(&f.c, a, "x/y", &e), D_INVALID);
	CHECK(has(&e, "name"));
	e = (struct errors){ 0 };
	CHECK_INT(unit_rename(&f.c, 9999, "Z", &e), D_NOTFOUND);
	struct unit u;
	CHECK_INT(store_unit_get(f.st, &f.a, f.org_a, a, &u), ST_OK);
	CHECK_STR(u.name, "A2");
	/* a unit of B cannot be renamed from A */
	long long ub = 0;
	CHECK_INT(store_unit_add(f.st, f.org_b, 0, "B", &ub), ST_OK);
	CHECK_INT(unit_rename(&f.c, ub, "Gekaapt", &e), D_NOTFOUND);
	fixture_close(&f);
}

TEST(unit_move_refuses_cycles)
{
	FIXTURE(f);
	struct errors e = { 0 };
	long long a = 0, b = 0, c = 0, d = 0;
	CHECK_INT(unit_create(&f.c, 0, "A", &e, &a), D_OK);
	CHECK_INT(unit_create(&f.c, a, "B", &e, &b), D_OK);
	CHECK_INT(unit_create(&f.c, b, "C", &e, &c), D_OK);
	CHECK_INT(unit_create(&f.c, 0, "D", &e, &d), D_OK);
	/* under itself, its child or its grandchild */
	CHECK_INT(unit_move(&f.c, a, a, &e), D_INVALID);
	CHECK(has(&e, "parent_id"));
	e = (struct errors){ 0 };
	CHECK_INT(unit_move(&f.c, a, b, &e), D_INVALID);
	CHECK(has(&e, "parent_id"));
	e = (struct errors){ 0 };
	CHECK_INT(unit_move(&f.c, a, c, &e), D_INVALID);
	CHECK(has(&e, "parent_id"));
	struct unit u;
	CHECK_INT(store_unit_get(f.st, &f.a, f.org_a, a, &u), ST_OK);
	CHECK_INT(u.parent_id, 0);
	/* allowed moves */
	e = (struct errors){ 0 };
	CHECK_INT(unit_move(&f.c, a, d, &e), D_OK);
	CHECK_INT(unit_move(&f.c, c, 0, &e), D_OK);
	CHECK_INT(unit_move(&f.c, c, a, &e), D_OK);
	CHECK_INT(e.n, 0);
	long long *up;
	size_t n;
	CHECK_INT(store_unit_ancestors(f.st, &f.a, f.org_a, c, &up, &n), ST_OK);
	CHECK_INT(n, 3);
	if (n == 3)
		CHECK(up[0] == d && up[1] == a && up[2] == c);
	/* now D is above A: D under C would be a cycle */
	CHECK_INT(unit_move(&f.c, d, c, &e), D_INVALID);
	CHECK(has(&e, "parent_id"));
	/* parents that do not exist or belong to B */
	long long ub = 0;
	CHECK_INT(store_unit_add(f.st, f.org_b, 0, "B", &ub), ST_OK);
	e = (struct errors){ 0 };
	CHECK_INT(unit_move(&f.c, b, 9999, &e), D_INVALID);
	CHECK(has(&e, "parent_id"));
	e = (struct errors){ 0 };
	CHECK_INT(unit_move(&f.c, b, ub, &e), D_INVALID);
	CHECK(has(&e, "parent_id"));
	/* a unit of B cannot be moved from A */
	e = (struct errors){ 0 };
	CHECK_INT(unit_move(&f.c, ub, a, &e), D_NOTFOUND);
	/* a name taken at the new place */
	long long b2 = 0;
	CHECK_INT(unit_create(&f.c, 0, "B", &e, &b2), D_OK);
	CHECK_INT(unit_move(&f.c, b2, a, &e), D_INVALID);
	CHECK(has(&e, "name"));
	struct audit_entry *last = last_audit(&f, NULL);
	CHECK(last && !strcmp(last->action, "unit.create"));
	fixture_close(&f);
}

TEST(unit_remove_only_when_empty)
{
	FIXTURE(f);
	struct errors e = { 0 };
	long long a = 0, b = 0;
	CHECK_INT(unit_create(&f.c, 0, "A", &e, &a), D_OK);
	CHECK_INT(unit_create(&f.c, a, "B", &e, &b), D_OK);
	CHECK_INT(unit_remove(&f.c, a, &e), D_CONFLICT);
	CHECK_INT(e.n, 1);
	CHECK(has(&e, ""));
	struct person p = { 0 };
	p.employee_id = "1";
	p.name = "Jan";
	p.unit_id = b;
	p.active = 1;
	long long pid = 0;
	e = (struct errors){ 0 };
	CHECK_INT(person_create(&f.c, &p, &e, &pid), D_OK);
	CHECK_INT(unit_remove(&f.c, b, &e), D_CONFLICT);
	e = (struct errors){ 0 };
	p.unit_id = 0;
	CHECK_INT(person_update(&f.c, &p, &e), D_OK);
	CHECK_INT(unit_remove(&f.c, b, &e), D_OK);
	CHECK_INT(unit_remove(&f.c, a, &e), D_OK);
	CHECK_INT(unit_remove(&f.c, a, &e), D_NOTFOUND);
	CHECK_INT(e.n, 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM unit"), 0);
	struct audit_entry *last = last_audit(&f, NULL);
	CHECK(last != NULL);
	if (last) {
		CHECK_STR(last->action, "unit.remove");
		CHECK_INT(last->object_id, a);
	}
	/* B's units cannot be removed from A */
	long long ub = 0;
	CHECK_INT(store_unit_add(f.st, f.org_b, 0, "B", &ub), ST_OK);
	CHECK_INT(unit_remove(&f.c, ub, &e), D_NOTFOUND);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM unit WHERE id = %lld", ub), 1);
	fixture_close(&f);
}

TEST(unit_set_manager_rules)
{
	FIXTURE(f);
	struct errors e = { 0 };
	long long u = 0, pid = 0, pb = 0, ub = 0;
	CHECK_INT(unit_create(&f.c, 0, "Team", &e, &u), D_OK);
	struct person p = { 0 };
	p.employee_id = "1";
	p.name = "Manon";
	p.active = 1;
	CHECK_INT(person_create(&f.c, &p, &e, &pid), D_OK);
	CHECK_INT(store_person_insert(f.st, f.org_b, &p, &pb), ST_OK);
	CHECK_INT(store_unit_add(f.st, f.org_b, 0, "B", &ub), ST_OK);
	CHECK_INT(unit_set_manager(&f.c, u, pid, &e), D_OK);
	CHECK_INT(unit_set_manager(&f.c, u, pb, &e), D_INVALID);
	CHECK(has(&e, "manager_id"));
	e = (struct errors){ 0 };
	CHECK_INT(unit_set_manager(&f.c, ub, pid, &e), D_NOTFOUND);
	CHECK_INT(unit_set_manager(&f.c, 9999, 0, &e), D_NOTFOUND);
	struct unit x;
	CHECK_INT(store_unit_get(f.st, &f.a, f.org_a, u, &x), ST_OK);
	CHECK_INT(x.manager_person_id, pid);
	CHECK_INT(unit_set_manager(&f.c, u, 0, &e), D_OK);
	CHECK_INT(store_unit_get(f.st, &f.a, f.org_a, u, &x), ST_OK);
	CHECK_INT(x.manager_person_id, 0);
	fixture_close(&f);
}

/* The unit page's view, and that only the administrator changes the tree. */
TEST(unit_open_with_manager_and_who_may_change)
{
	FIXTURE(f);
	struct errors e = { 0 };
	long long top = 0, u = 0, pid = 0, rid = 0;
	CHECK_INT(unit_create(&f.c, 0, "Operatien", &e, &top), D_OK);
	CHECK_INT(unit_create(&f.c, top, "Team Noord", &e, &u), D_OK);
	struct person p = { 0 };
	p.employee_id = "M1";
	p.name = "Manon";
	p.active = 1;
	CHECK_INT(person_create(&f.c, &p, &e, &pid), D_OK);
	CHECK_INT(unit_set_manager(&f.c, u, pid, &e), D_OK);
	struct unit_view v;
	CHECK_INT(unit_open(&f.c, u, &v), D_OK);
	CHECK_STR(v.u.name, "Team Noord");
	CHECK_STR(v.manager_employee_id, "M1");
	CHECK_STR(unit_tree_path(&v.tree, u), "Operatien/Team Noord");
	CHECK(v.may_change);
	CHECK_INT(unit_open(&f.c, top, &v), D_OK);
	CHECK_STR(v.manager_employee_id, "");
	CHECK_INT(unit_open(&f.c, 999999, &v), D_NOTFOUND);
	CHECK_INT(unit_open(&f.cb, u, &v), D_NOTFOUND);
	struct actor coach = f.who;
	coach.roles = ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_OWNER) | ROLE_BIT(ROLE_MANAGER);
	struct ctx cc = { f.st, &f.a, &coach, 0 };
	CHECK(!unit_may_change(&cc));
	CHECK_INT(unit_open(&cc, u, &v), D_OK);
	CHECK(!v.may_change);

	/* the people who report to the manager */
	struct person r = { 0 };
	r.employee_id = "R1";
	r.name = "Ruben";
	r.active = 1;
	r.manager_id = pid;
	CHECK_INT(person_create(&f.c, &r, &e, &rid), D_OK);
	struct person *reports;
	size_t n;
	CHECK_INT(person_reports(&f.c, pid, &reports, &n), D_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(reports[0].id, rid);
	CHECK_INT(person_reports(&f.cb, pid, &reports, &n), D_OK);
	CHECK_INT(n, 0);
	fixture_close(&f);
}

TEST(unit_ensure_path_creates_once)
{
	FIXTURE(f);
	long long id = -1, again = -1;
	CHECK_INT(unit_ensure_path(&f.c, "A/B/C", false, &id), D_NOTFOUND);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM unit"), 0);
	CHECK_INT(unit_ensure_path(&f.c, "A/B/C", true, &id), D_OK);
	CHECK(id > 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM unit"), 3);
	CHECK_INT(unit_ensure_path(&f.c, "A/B/C", true, &again), D_OK);
	CHECK_INT(again, id);
	CHECK_INT(unit_ensure_path(&f.c, "A/B/C", false, &again), D_OK);
	CHECK_INT(again, id);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM unit"), 3);
	/* spaces around the names and empty levels do not matter */
	CHECK_INT(unit_ensure_path(&f.c, " A / B /C ", false, &again), D_OK);
	CHECK_INT(again, id);
	CHECK_INT(unit_ensure_path(&f.c, "/A//B/C/", false, &again), D_OK);
	CHECK_INT(again, id);
	/* the levels are the units A, A/B, A/B/C */
	long long *up;
	size_t n;
	CHECK_INT(store_unit_ancestors(f.st, &f.a, f.org_a, id, &up, &n), ST_OK);
	CHECK_INT(n, 3);
	long long b = 0;
	CHECK_INT(unit_ensure_path(&f.c, "A/B", false, &b), D_OK);
	if (n == 3)
		CHECK_INT(up[1], b);
	/* the empty path is the top */
	CHECK_INT(unit_ensure_path(&f.c, "", true, &again), D_OK);
	CHECK_INT(again, 0);
	/* another branch reuses A */
	long long d = 0;
	CHECK_INT(unit_ensure_path(&f.c, "A/D", true, &d), D_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM unit"), 4);
	/* organisation B gets its own tree */
	long long bid = 0;
	CHECK_INT(unit_ensure_path(&f.cb, "A/B/C", true, &bid), D_OK);
	CHECK(bid != id);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM unit WHERE organisation_id = %lld", f.org_b), 3);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'unit.create' AND organisation_id = %lld",
				f.org_a), 4);

	struct unit_tree t;
	CHECK_INT(unit_tree_load(&f.c, true, &t), D_OK);
	CHECK_INT(t.n, 4);
	CHECK_STR(unit_tree_path(&t, id), "A/B/C");
	CHECK_STR(unit_tree_path(&t, b), "A/B");
	CHECK_STR(unit_tree_path(&t, d), "A/D");
	CHECK(unit_tree_path(&t, bid) == NULL);
	fixture_close(&f);
}

/* ---- people ---- */

static struct person person(const char *emp, const char *name, const char *email)
{
	struct person p = { 0 };
	p.employee_id = (char *)emp;
	p.name = (char *)name;
	p.email = (char *)email;
	p.active = 1;
	return p;
}

TEST(person_create_checks)
{
	FIXTURE(f);
	struct errors e = { 0 };
	long long id = -1;
	struct person p = person("1001", "", "jan@example.nl");
	CHECK_INT(person_create(&f.c, &p, &e, &id), D_INVALID);
	CHECK(has(&e, "name"));
	CHECK_INT(e.n, 1);
	e = (struct errors){ 0 };
	p = person("1001", "Jan", "jan@");
	CHECK_INT(person_create(&f.c, &p, &e, &id), D_INVALID);
	CHECK(has(&e, "email"));
	CHECK(strstr(errors_get(&e, "email"), "jan@") != NULL);
	e = (struct errors){ 0 };
	p = person("", "", "geen adres");
	CHECK_INT(person_create(&f.c, &p, &e, &id), D_INVALID);
	CHECK(has(&e, "employee_id") && has(&e, "name") && has(&e, "email"));
	e = (struct errors){ 0 };
	p = person("1001", "Jan\nJansen", NULL);
	CHECK_INT(person_create(&f.c, &p, &e, &id), D_INVALID);
	CHECK(has(&e, "name"));
	e = (struct errors){ 0 };
	p = person(repeat(&f.a, "9", EMPLOYEE_ID_MAX + 1), "Jan", NULL);
	CHECK_INT(person_create(&f.c, &p, &e, &id), D_INVALID);
	CHECK(has(&e, "employee_id"));
	e = (struct errors){ 0 };
	p = person("1001", "Jan", NULL);
	p.job_level = repeat(&f.a, "j", JOB_LEVEL_MAX + 1);
	CHECK_INT(person_create(&f.c, &p, &e, &id), D_INVALID);
	CHECK(has(&e, "job_level"));
	CHECK_INT(id, -1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM person"), 0);

	/* a good one: stored and audited */
	e = (struct errors){ 0 };
	p = person("1001", "Jan <script>alert(1)</script>", "jan@example.nl");
	CHECK_INT(person_create(&f.c, &p, &e, &id), D_OK);
	CHECK(id > 0);
	CHECK_INT(p.id, id);
	CHECK_INT(e.n, 0);
	struct audit_entry *a = last_audit(&f, NULL);
	CHECK(a != NULL);
	if (a) {
		CHECK_STR(a->action, "person.create");
		CHECK_INT(a->object_id, id);
		CHECK_STR(a->detail, "1001");
		CHECK_INT(a->actor_id, f.admin_id);
	}
	struct person g;
	CHECK_INT(person_get(&f.c, id, &g), D_OK);
	CHECK_STR(g.name, "Jan <script>alert(1)</script>");
	CHECK_INT(person_get(&f.c, 9999, &g), D_NOTFOUND);

	/* the same number again: a message that names the number */
	long long id2 = -1;
	p = person("1001", "Ander", NULL);
	CHECK_INT(person_create(&f.c, &p, &e, &id2), D_INVALID);
	CHECK(has(&e, "employee_id"));
	CHECK(strstr(errors_get(&e, "employee_id"), "1001") != NULL);
	CHECK_INT(id2, -1);
	/* but organisation B may use it */
	e = (struct errors){ 0 };
	CHECK_INT(person_create(&f.cb, &p, &e, &id2), D_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM person"), 2);
	fixture_close(&f);
}

TEST(person_update_rules)
{
	FIXTURE(f);
	struct errors e = { 0 };
	long long boss = 0, id = 0, u = 0;
	CHECK_INT(unit_create(&f.c, 0, "Team", &e, &u), D_OK);
	struct person b = person("1", "Baas", NULL);
	CHECK_INT(person_create(&f.c, &b, &e, &boss), D_OK);
	struct person p = person("2", "Jan", "jan@example.nl");
	CHECK_INT(person_create(&f.c, &p, &e, &id), D_OK);

	struct person g;
	CHECK_INT(person_get(&f.c, id, &g), D_OK);
	g.name = "Jan Jansen";
	g.manager_id = boss;
	g.unit_id = u;
	g.job_level = "schaal 11";
	CHECK_INT(person_update(&f.c, &g, &e), D_OK);
	CHECK_INT(person_get(&f.c, id, &g), D_OK);
	CHECK_STR(g.name, "Jan Jansen");
	CHECK_STR(g.manager_name, "Baas");
	CHECK_STR(g.unit_name, "Team");
	CHECK_STR(g.job_level, "schaal 11");
	struct audit_entry *a = last_audit(&f, NULL);
	CHECK(a && !strcmp(a->action, "person.update") && a->object_id == id);

	/* not their own manager */
	g.manager_id = id;
	CHECK_INT(person_update(&f.c, &g, &e), D_INVALID);
	CHECK(has(&e, "manager_id"));
	/* field checks as for a new person */
	e = (struct errors){ 0 };
	CHECK_INT(person_get(&f.c, id, &g), D_OK);
	g.email = "geen adres";
	CHECK_INT(person_update(&f.c, &g, &e), D_INVALID);
	CHECK(has(&e, "email"));
	/* another person's number */
	e = (struct errors){ 0 };
	CHECK_INT(person_get(&f.c, id, &g), D_OK);
	g.employee_id = "1";
	CHECK_INT(person_update(&f.c, &g, &e), D_INVALID);
	CHECK(has(&e, "employee_id"));
	/* someone who does not exist */
	e = (struct errors){ 0 };
	CHECK_INT(person_get(&f.c, id, &g), D_OK);
	g.id = 9999;
	CHECK_INT(person_update(&f.c, &g, &e), D_NOTFOUND);

	/* a unit or manager of organisation B: a field error, nothing stored */
	long long ub = 0, pb = 0;
	CHECK_INT(store_unit_add(f.st, f.org_b, 0, "B", &ub), ST_OK);
	struct person x = person("B1", "In B", NULL);
	CHECK_INT(store_person_insert(f.st, f.org_b, &x, &pb), ST_OK);
	e = (struct errors){ 0 };
	CHECK_INT(person_get(&f.c, id, &g), D_OK);
	g.unit_id = ub;
	CHECK_INT(person_update(&f.c, &g, &e), D_INVALID);
	CHECK(has(&e, "unit_id"));
	e = (struct errors){ 0 };
	CHECK_INT(person_get(&f.c, id, &g), D_OK);
	g.manager_id = pb;
	CHECK_INT(person_update(&f.c, &g, &e), D_INVALID);
	CHECK(has(&e, "unit_id"));
	e = (struct errors){ 0 };
	struct person n = person("3", "Nieuw", NULL);
	n.unit_id = ub;
	CHECK_INT(person_create(&f.c, &n, &e, NULL), D_INVALID);
	CHECK(has(&e, "unit_id"));
	CHECK_INT(person_get(&f.c, id, &g), D_OK);
	CHECK_INT(g.unit_id, u);
	CHECK_INT(g.manager_id, boss);
	/* and a person of B cannot be changed from A */
	e = (struct errors){ 0 };
	x.id = pb;
	x.name = "Gekaapt";
	CHECK_INT(person_update(&f.c, &x, &e), D_NOTFOUND);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM person WHERE name = 'In B'"), 1);

	struct person *list;
	size_t cnt;
	long long total;
	struct person_filter flt = { 0 };
	CHECK_INT(person_list(&f.c, &flt, &list, &cnt, &total), D_OK);
	CHECK_INT(cnt, 2);
	CHECK_INT(total, 2);
	fixture_close(&f);
}

/* ---- roles ---- */

TEST(role_parse_ids_and_dutch)
{
	for (int r = 0; r < ROLE_COUNT; r++) {
		CHECK_INT(role_parse(role_id(r)), r);
		CHECK(role_label(r) != NULL && *role_label(r));
	}
	CHECK_INT(role_parse("administrator"), ROLE_ADMINISTRATOR);
	CHECK_INT(role_parse("researcher"), ROLE_RESEARCHER);
	CHECK_INT(role_parse("beheerder"), ROLE_ADMINISTRATOR);
	CHECK_INT(role_parse("Beheerder"), ROLE_ADMINISTRATOR);
	CHECK_INT(role_parse("opdrachtgever"), ROLE_OWNER);
	CHECK_INT(role_parse("organisatiecoach"), ROLE_COACH);
	CHECK_INT(role_parse("leergroepbegeleider"), ROLE_FACILITATOR);
	CHECK_INT(role_parse("mentor"), ROLE_MENTOR);
	CHECK_INT(role_parse("deelnemer"), ROLE_PARTICIPANT);
	CHECK_INT(role_parse("leidinggevende"), ROLE_MANAGER);
	CHECK_INT(role_parse("beoordelaar"), ROLE_RATER);
	CHECK_INT(role_parse("onderzoeker"), ROLE_RESEARCHER);
	CHECK_INT(role_parse("COACH"), ROLE_COACH);
	CHECK_INT(role_parse("coordinator"), ROLE_COACH);
	CHECK_INT(role_parse("programmacoördinator"), ROLE_COACH);
	CHECK_INT(role_parse("ontwerper"), ROLE_COACH);
	CHECK_INT(role_parse("keizer"), -1);
	CHECK_INT(role_parse(""), -1);
	CHECK_INT(role_parse(NULL), -1);
	CHECK_INT(role_parse("admin"), -1);
	CHECK_INT(role_parse("coach "), -1);
	CHECK_STR(role_id(ROLE_COUNT), "?");
	CHECK_STR(role_id((enum role)-1), "?");
	CHECK_STR(role_label(ROLE_COUNT), "?");
	CHECK_STR(role_id(ROLE_OWNER), "owner");
	CHECK_INT(ROLE_BIT(ROLE_COACH) & ROLES_ALL, ROLE_BIT(ROLE_COACH));
	CHECK_INT(ROLES_ALL, (1u << ROLE_COUNT) - 1);
}

TEST(actor_has_role_bits)
{
	struct actor w = { 0 };
	w.roles = ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_MENTOR);
	CHECK(actor_has(&w, ROLE_BIT(ROLE_COACH)));
	CHECK(actor_has(&w, ROLE_BIT(ROLE_ADMINISTRATOR) | ROLE_BIT(ROLE_MENTOR)));
	CHECK(!actor_has(&w, ROLE_BIT(ROLE_ADMINISTRATOR)));
	CHECK(!actor_has(&w, 0));
	CHECK(!actor_has(NULL, ROLES_ALL));
}

/* ---- value checks ---- */

TEST(email_plausible_values)
{
	CHECK(email_plausible("jan@example.nl"));
	CHECK(email_plausible("j.de.vries+hr@politie.example.nl"));
	CHECK(email_plausible("a@b.co"));
	CHECK(!email_plausible(""));
	CHECK(!email_plausible("jan"));
	CHECK(!email_plausible("jan@"));
	CHECK(!email_plausible("@example.nl"));
	CHECK(!email_plausible("jan@example"));
	CHECK(!email_plausible("jan@.nl"));
	CHECK(!email_plausible("jan@example."));
	CHECK(!email_plausible("jan@@example.nl"));
	CHECK(!email_plausible("jan@x@example.nl"));
	CHECK(!email_plausible("jan jansen@example.nl"));
	CHECK(!email_plausible("jan@example.nl "));
	CHECK(!email_plausible("<jan@example.nl>"));
	CHECK(!email_plausible("\"jan\"@example.nl"));
	CHECK(!email_plausible("jan@example.nl;piet@example.nl"));
	CHECK(!email_plausible("jan,piet@example.nl"));
	CHECK(!email_plausible("jan@exa\tmple.nl"));
	CHECK(!email_plausible("jan@example.nl\n"));
	/* at most 254 bytes */
	char longmail[300];
	memset(longmail, 'a', sizeof(longmail));
	memcpy(longmail + 254 - 11, "@example.nl", 12);  /* 254 bytes in all */
	CHECK_INT(strlen(longmail), 254);
	CHECK(email_plausible(longmail));
	memset(longmail, 'a', sizeof(longmail));
	memcpy(longmail + 255 - 11, "@example.nl", 12);
	CHECK(!email_plausible(longmail));
}

TEST(check_email_required_or_not)
{
	struct arena a = ARENA_INIT;
	struct actor w = { 0 };
	struct ctx c = { NULL, &a, &w, 0 };
	struct errors e = { 0 };
	CHECK(check_email(&c, &e, "email", "", false));
	CHECK(check_email(&c, &e, "email", NULL, false));
	CHECK_INT(e.n, 0);
	CHECK(!check_email(&c, &e, "email", "", true));
	CHECK(has(&e, "email"));
	CHECK(!check_email(&c, &e, "mail2", "geen", false));
	CHECK(has(&e, "mail2"));
	CHECK(strstr(errors_get(&e, "mail2"), "geen") != NULL);
	CHECK(check_email(&c, &e, "mail3", "ok@example.nl", true));
	CHECK(!has(&e, "mail3"));
	CHECK_INT(e.n, 2);
	arena_free(&a);
}

TEST(check_line_rules)
{
	struct arena a = ARENA_INIT;
	struct actor w = { 0 };
	struct ctx c = { NULL, &a, &w, 0 };
	struct errors e = { 0 };
	CHECK(check_line(&c, &e, "f", "Naam", "Operatiën", 1, 9));
	CHECK(!check_line(&c, &e, "f1", "Naam", "Operatiën", 1, 8));
	CHECK(strstr(errors_get(&e, "f1"), "Naam") != NULL);
	CHECK(!check_line(&c, &e, "f2", "Naam", "", 1, 8));
	CHECK(check_line(&c, &e, "f3", "Naam", "", 0, 8));
	CHECK(check_line(&c, &e, "f3", "Naam", NULL, 0, 8));
	CHECK(!check_line(&c, &e, "f4", "Naam", NULL, 1, 8));
	CHECK(!check_line(&c, &e, "f5", "Naam", "ab", 3, 8));
	CHECK(!check_line(&c, &e, "f6", "Naam", "a\x7f", 0, 8));
	CHECK(!check_line(&c, &e, "f7", "Naam", "a\rb", 0, 8));
	CHECK(!check_line(&c, &e, "f8", "Naam", "\xC0\xAF", 0, 8));
	CHECK_INT(e.n, 7);
	CHECK(!has(&e, "f") && !has(&e, "f3"));
	arena_free(&a);
}

TEST(slug_valid_values)
{
	CHECK(slug_valid("ab"));
	CHECK(slug_valid("politie-nl"));
	CHECK(slug_valid("gemeente-2024"));
	CHECK(slug_valid("a-"));
	CHECK(slug_valid("0123456789012345678901234567890123456789"));  /* 40 */
	CHECK(!slug_valid("01234567890123456789012345678901234567890"));  /* 41 */
	CHECK(!slug_valid("a"));
	CHECK(!slug_valid(""));
	CHECK(!slug_valid("-ab"));
	CHECK(!slug_valid("Ab"));
	CHECK(!slug_valid("a_b"));
	CHECK(!slug_valid("a b"));
	CHECK(!slug_valid("a.b"));
	CHECK(!slug_valid("a/b"));
	CHECK(!slug_valid("operati\xC3\xABn"));
}

TEST(errors_collect_per_field)
{
	struct arena a = ARENA_INIT;
	struct actor w = { 0 };
	struct ctx c = { NULL, &a, &w, 0 };
	struct errors e = { 0 };
	CHECK(errors_get(&e, "x") == NULL);
	errors_add(&c, &e, "x", "first %d", 1);
	errors_add(&c, &e, "x", "second");
	errors_add(&c, &e, NULL, "whole form");
	CHECK_STR(errors_get(&e, "x"), "first 1");
	CHECK_STR(errors_get(&e, ""), "whole form");
	CHECK_INT(e.n, 3);
	for (int i = 0; i < 100; i++)
		errors_add(&c, &e, "many", "%d", i);
	CHECK_INT(e.n, ERRORS_MAX);
	CHECK_STR(errors_get(&e, "many"), "0");
	arena_free(&a);
}

/* ---- audit ---- */

TEST(audit_writes_actor_and_action)
{
	FIXTURE(f);
	CHECK_INT(audit(&f.c, "read.logbook", "person", 42, "%s gelezen door %d", "logboek", 7), ST_OK);
	long long total = 0;
	struct audit_entry *a = last_audit(&f, &total);
	CHECK(a != NULL);
	CHECK_INT(total, 1);
	if (a) {
		CHECK_STR(a->action, "read.logbook");
		CHECK_STR(a->actor, "admin@org-a.example");
		CHECK_INT(a->actor_id, f.admin_id);
		CHECK_INT(a->organisation_id, f.org_a);
		CHECK_STR(a->object_kind, "person");
		CHECK_INT(a->object_id, 42);
		CHECK_STR(a->detail, "logboek gelezen door 7");
	}
	/* the command line: no account, actor "cli", in B's log only */
	f.who_b.email = NULL;
	CHECK_INT(audit(&f.cb, "unit.create", "unit", 1, "%s", "x"), ST_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE organisation_id = %lld AND actor = 'cli'"
				" AND actor_id IS NULL AND action = 'unit.create'", f.org_b), 1);
	struct audit_entry *e;
	size_t n;
	CHECK_INT(audit_page(&f.c, 0, 10, &e, &n, &total), ST_OK);
	CHECK_INT(n, 1);
	CHECK_INT(total, 1);
	CHECK_INT(audit_page(&f.cb, 0, 10, &e, &n, &total), ST_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(e[0].actor, "cli");
	fixture_close(&f);
}
