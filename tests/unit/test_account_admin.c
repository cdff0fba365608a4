/* test_account_admin.c — the administrator's accounts and roles
 * (domain/account_admin.c): only the administrator, only the own
 * organisation; a role held already changes nothing and logs nothing; no
 * administrator takes the role from themselves; a new account for an
 * employee number that no one has is refused. */
#include "test.h"
#include "fixture.h"
#include "domain/account_admin.h"
#include "domain/role.h"
#include "store/store.h"

static long long plain_account(struct fixture *f, long long org, const char *email)
{
	long long id = 0;
	if (store_account_add(f->st, org, email, email, 0, "", &id))
		return 0;
	return id;
}

static long long audit_lines(struct fixture *f, const char *action)
{
	return fixture_query(f, "SELECT count(*) FROM audit_log WHERE action = '%s'", action);
}

TEST(account_admin_only_for_the_administrator)
{
	FIXTURE(f);
	long long id = plain_account(&f, f.org_a, "iemand@example.nl");
	struct errors e = { 0 };
	struct account_roles *list;
	size_t n;
	f.who.roles = ROLES_ALL & ~ROLE_BIT(ROLE_ADMINISTRATOR);
	CHECK_INT(account_list_roles(&f.c, &list, &n), D_FORBIDDEN);
	CHECK_INT(account_role_give(&f.c, id, ROLE_COACH, &e), D_FORBIDDEN);
	CHECK_INT(account_role_take(&f.c, f.admin_id, 1, &e), D_FORBIDDEN);
	CHECK_INT(account_create_for_employee(&f.c, "nieuw@example.nl", "Nieuw", "", "lang genoeg wachtwoord", ROLE_COACH,
					      &e, NULL), D_FORBIDDEN);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM role_grant WHERE account_id = %lld", id), 0);
	f.who.roles = ROLES_ALL;
	CHECK_INT(account_list_roles(&f.c, &list, &n), D_OK);
	CHECK_INT(n, 2);
	fixture_close(&f);
}

TEST(account_admin_list_with_roles_of_the_own_organisation)
{
	FIXTURE(f);
	long long a = plain_account(&f, f.org_a, "a@example.nl");
	plain_account(&f, f.org_b, "b@example.nl");
	CHECK_INT(store_grant_add(f.st, a, f.org_a, "mentor", "programme", 7), ST_OK);
	struct account_roles *list;
	size_t n;
	CHECK_INT(account_list_roles(&f.c, &list, &n), D_OK);
	CHECK_INT(n, 2);   /* the administrator and a, not b */
	bool seen = false;
	for (size_t i = 0; i < n; i++) {
		CHECK_INT(list[i].account.organisation_id, f.org_a);
		if (list[i].account.id == a) {
			seen = true;
			CHECK_INT(list[i].ngrants, 1);
			CHECK_STR(list[i].grants[0].role, "mentor");
			CHECK_STR(list[i].grants[0].scope_kind, "programme");
		}
	}
	CHECK(seen);
	fixture_close(&f);
}

TEST(account_role_give_once_with_its_audit_line)
{
	FIXTURE(f);
	long long id = plain_account(&f, f.org_a, "rol@example.nl");
	long long other = plain_account(&f, f.org_b, "ander@example.nl");
	struct errors e = { 0 };
	CHECK_INT(account_role_give(&f.c, id, ROLE_COACH, &e), D_OK);
	CHECK_INT(audit_lines(&f, "role.grant"), 1);
	/* held already: fine, and nothing new in the log */
	CHECK_INT(account_role_give(&f.c, id, ROLE_COACH, &e), D_OK);
	CHECK_INT(audit_lines(&f, "role.grant"), 1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM role_grant WHERE account_id = %lld", id), 1);
	/* no role recognised */
	CHECK_INT(account_role_give(&f.c, id, -1, &e), D_INVALID);
	CHECK(errors_get(&e, "role") != NULL);
	/* an account of another organisation is not found */
	CHECK_INT(account_role_give(&f.c, other, ROLE_COACH, &e), D_NOTFOUND);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM role_grant WHERE account_id = %lld", other), 0);
	fixture_close(&f);
}

TEST(account_role_take_not_ones_own_administrator_role)
{
	FIXTURE(f);
	struct errors e = { 0 };
	long long mine = fixture_query(&f, "SELECT id FROM role_grant WHERE account_id = %lld", f.admin_id);
	CHECK(mine > 0);
	CHECK_INT(account_role_take(&f.c, f.admin_id, mine, &e), D_CONFLICT);
	CHECK(errors_get(&e, "") != NULL);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM role_grant WHERE id = %lld", mine), 1);
	/* another administrator's can go, with its audit line */
	long long id = plain_account(&f, f.org_a, "tweede@example.nl");
	CHECK_INT(store_grant_add(f.st, id, f.org_a, "administrator", "organisation", 0), ST_OK);
	long long g = fixture_query(&f, "SELECT id FROM role_grant WHERE account_id = %lld", id);
	/* not through another account's path */
	CHECK_INT(account_role_take(&f.c, f.admin_id, g, &e), D_NOTFOUND);
	CHECK_INT(account_role_take(&f.c, id, g, &e), D_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM role_grant WHERE id = %lld", g), 0);
	CHECK_INT(audit_lines(&f, "role.revoke"), 1);
	CHECK_INT(account_role_take(&f.c, id, g, &e), D_NOTFOUND);
	/* a grant of the account in another organisation is not this one's to take */
	CHECK_INT(store_grant_add(f.st, id, f.org_b, "coach", "organisation", 0), ST_OK);
	long long gb = fixture_query(&f, "SELECT id FROM role_grant WHERE account_id = %lld AND organisation_id = %lld", id,
				     f.org_b);
	CHECK_INT(account_role_take(&f.c, id, gb, &e), D_NOTFOUND);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM role_grant WHERE id = %lld", gb), 1);
	fixture_close(&f);
}

TEST(account_create_for_an_unknown_employee_number_refused)
{
	FIXTURE(f);
	struct errors e = { 0 };
	CHECK_INT(account_create_for_employee(&f.c, "nieuw@example.nl", "Nieuw", "404", "lang genoeg wachtwoord", ROLE_COACH,
					      &e, NULL), D_INVALID);
	CHECK(errors_get(&e, "employee_id") != NULL);
	CHECK_INT(e.n, 1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM account WHERE email = 'nieuw@example.nl'"), 0);
	/* the number of someone in another organisation is no better */
	struct person p = { 0 };
	p.employee_id = "404";
	p.name = "Elders";
	p.active = 1;
	long long pid = 0;
	CHECK_INT(store_person_insert(f.st, f.org_b, &p, &pid), ST_OK);
	e.n = 0;
	CHECK_INT(account_create_for_employee(&f.c, "nieuw@example.nl", "Nieuw", "404", "lang genoeg wachtwoord", ROLE_COACH,
					      &e, NULL), D_INVALID);
	CHECK(errors_get(&e, "employee_id") != NULL);
	fixture_close(&f);
}
