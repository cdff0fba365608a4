/* test_account.c — passwords, log-in with lock-out, sessions, API tokens,
 * loading the actor. argon2id is slow on purpose, so the suite computes
 * about twenty hashes in all: each test notes how many it makes. */
#include "test.h"
#include "fixture.h"
#include "domain/account.h"
#include "domain/role.h"

#include <sodium.h>
#include <stdlib.h>

#define NOW 1700000000LL
#define PASSWORD "correct paard batterij"

static int has(const struct errors *e, const char *field)
{
	return errors_get(e, field) != NULL;
}

/* An account without a password (no hashing). */
static long long plain_account(struct fixture *f, long long org, const char *email)
{
	long long id = 0;
	if (store_account_add(f->st, org, email, email, 0, "", &id))
		return 0;
	return id;
}

static const char *hex_of_hash(struct arena *a, const char *token)
{
	unsigned char h[HASH_LEN];
	crypto_generichash(h, HASH_LEN, (const unsigned char *)token, strlen(token), NULL, 0);
	char *hex = arena_alloc(a, HASH_LEN * 2 + 1);
	sodium_bin2hex(hex, HASH_LEN * 2 + 1, h, HASH_LEN);
	return hex;
}

static int is_hex64(const char *s)
{
	if (strlen(s) != SECRET_HEX - 1)
		return 0;
	for (; *s; s++)
		if (!strchr("0123456789abcdef", *s))
			return 0;
	return 1;
}

/* ---- passwords (no hashes) ---- */

TEST(password_check_rules)
{
	struct arena a = ARENA_INIT;
	struct actor w = { 0 };
	struct ctx c = { NULL, &a, &w, 0 };
	struct errors e = { 0 };
	CHECK(!password_check(&c, &e, "pw", "123456789"));  /* 9 */
	CHECK(has(&e, "pw"));
	CHECK(strstr(errors_get(&e, "pw"), "10") != NULL);
	e = (struct errors){ 0 };
	CHECK(password_check(&c, &e, "pw", "1234567890"));  /* 10 */
	CHECK_INT(e.n, 0);
	CHECK(!password_check(&c, &e, "pw", ""));
	CHECK(!password_check(&c, &e, "pw", NULL));
	e = (struct errors){ 0 };
	/* characters, not bytes: nine ë are 18 bytes but too short */
	CHECK(!password_check(&c, &e, "pw", "\xC3\xAB\xC3\xAB\xC3\xAB\xC3\xAB\xC3\xAB\xC3\xAB\xC3\xAB\xC3\xAB\xC3\xAB"));
	CHECK(password_check(&c, &e, "pw2", "\xC3\xAB\xC3\xAB\xC3\xAB\xC3\xAB\xC3\xAB\xC3\xAB\xC3\xAB\xC3\xAB\xC3\xAB\xC3\xAB"));
	CHECK(!has(&e, "pw2"));
	char longpw[PASSWORD_MAX + 2];
	memset(longpw, 'p', sizeof(longpw) - 1);
	longpw[PASSWORD_MAX + 1] = '\0';  /* 201 */
	e = (struct errors){ 0 };
	CHECK(!password_check(&c, &e, "pw", longpw));
	CHECK(strstr(errors_get(&e, "pw"), "200") != NULL);
	longpw[PASSWORD_MAX] = '\0';  /* 200 */
	CHECK(password_check(&c, &e, "pw3", longpw));
	/* not UTF-8 */
	e = (struct errors){ 0 };
	CHECK(!password_check(&c, &e, "pw", "geheim-wachtwoord\xFF"));
	CHECK(has(&e, "pw"));
	CHECK(!password_check(&c, &e, "pw", "\xC0\xAF\xC0\xAF\xC0\xAF\xC0\xAF\xC0\xAF\xC0\xAF"));
	CHECK(!password_check(&c, &e, "pw", "\xED\xA0\x80 surrogate pw"));
	arena_free(&a);
}

TEST(account_create_validation)
{
	FIXTURE(f);  /* no hashes: refused before hashing */
	struct errors e = { 0 };
	long long id = -1;
	CHECK_INT(account_create(&f.c, "geen-adres", "", 0, "kort", ROLE_COUNT, &e, &id), D_INVALID);
	CHECK(has(&e, "email"));
	CHECK(has(&e, "display_name"));
	CHECK(has(&e, "password"));
	CHECK(has(&e, "role"));
	CHECK_INT(id, -1);
	e = (struct errors){ 0 };
	CHECK_INT(account_create(&f.c, "", "Naam", 0, PASSWORD, -1, &e, &id), D_INVALID);
	CHECK(has(&e, "email") && has(&e, "role") && !has(&e, "password") && !has(&e, "display_name"));
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM account"), 1);
	fixture_close(&f);
}

/* ---- log-in ---- */

TEST(account_create_and_login)
{
	FIXTURE(f);  /* 5 hashes */
	struct errors e = { 0 };
	long long id = 0;
	CHECK_INT(account_create(&f.c, "jan@example.nl", "Jan Jansen", 0, PASSWORD, ROLE_COACH, &e, &id), D_OK);
	CHECK(id > 0);
	CHECK_INT(e.n, 0);
	struct account acc;
	CHECK_INT(store_account_get(f.st, &f.a, f.org_a, id, &acc), ST_OK);
	CHECK(!strncmp(acc.password_hash, "$argon2id$", 10));
	CHECK(!strstr(acc.password_hash, PASSWORD));
	struct role_grant *g;
	size_t n;
	CHECK_INT(store_grant_list(f.st, &f.a, id, &g, &n), ST_OK);
	CHECK_INT(n, 1);
	if (n == 1) {
		CHECK_STR(g[0].role, "coach");
		CHECK_STR(g[0].scope_kind, "organisation");
		CHECK_INT(g[0].organisation_id, f.org_a);
	}
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'account.create' AND object_id = %lld"
				" AND actor_id = %lld", id, f.admin_id), 1);

	long long who = 0, until = -1;
	CHECK_INT(account_login(f.st, &f.a, "jan@example.nl", PASSWORD, NOW, &who, &until), LOGIN_OK);
	CHECK_INT(who, id);
	/* the address in another case is the same account */
	who = 0;
	CHECK_INT(account_login(f.st, &f.a, "JAN@Example.NL", PASSWORD, NOW, &who, &until), LOGIN_OK);
	CHECK_INT(who, id);
	who = 0;
	CHECK_INT(account_login(f.st, &f.a, "jan@example.nl", PASSWORD "!", NOW, &who, &until), LOGIN_BAD);
	CHECK_INT(who, 0);
	CHECK_INT(fixture_query(&f, "SELECT failed_logins FROM account WHERE id = %lld", id), 1);

	/* the same address again, in another case */
	long long id2 = -1;
	CHECK_INT(account_create(&f.c, "Jan@Example.nl", "Ander", 0, PASSWORD, ROLE_MENTOR, &e, &id2), D_INVALID);
	CHECK(has(&e, "email"));
	CHECK_INT(id2, -1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM account"), 2);
	fixture_close(&f);
}

TEST(account_login_lockout)
{
	FIXTURE(f);  /* 10 hashes */
	struct errors e = { 0 };
	long long id = 0, who = 0, until = 0;
	CHECK_INT(account_create(&f.c, "piet@example.nl", "Piet", 0, PASSWORD, ROLE_PARTICIPANT, &e, &id), D_OK);

	/* failures below the limit are counted and reset by a success */
	CHECK_INT(account_login(f.st, &f.a, "piet@example.nl", "fout-wachtwoord", NOW, &who, &until), LOGIN_BAD);
	CHECK_INT(account_login(f.st, &f.a, "piet@example.nl", "fout-wachtwoord", NOW, &who, &until), LOGIN_BAD);
	struct account acc;
	CHECK_INT(store_account_get(f.st, &f.a, f.org_a, id, &acc), ST_OK);
	CHECK_INT(acc.failed_logins, 2);
	CHECK_INT(acc.locked_until, 0);
	CHECK_INT(account_login(f.st, &f.a, "piet@example.nl", PASSWORD, NOW, &who, &until), LOGIN_OK);
	CHECK_INT(store_account_get(f.st, &f.a, f.org_a, id, &acc), ST_OK);
	CHECK_INT(acc.failed_logins, 0);

	/* five wrong in a row lock the account for 15 minutes */
	for (int i = 1; i <= LOGIN_MAX_FAILURES; i++) {
		until = 0;
		int r = account_login(f.st, &f.a, "piet@example.nl", "fout-wachtwoord", NOW + i, &who, &until);
		if (i < LOGIN_MAX_FAILURES) {
			CHECK_INT(r, LOGIN_BAD);
		} else {
			CHECK_INT(r, LOGIN_LOCKED);
			CHECK_INT(until, NOW + i + LOGIN_LOCK_SECONDS);
		}
	}
	long long t0 = NOW + LOGIN_MAX_FAILURES;
	CHECK_INT(LOGIN_LOCK_SECONDS, 900);
	CHECK_INT(store_account_get(f.st, &f.a, f.org_a, id, &acc), ST_OK);
	CHECK_INT(acc.locked_until, t0 + 900);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'login.locked' AND object_id = %lld", id), 1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'login.failed' AND object_id = %lld", id), 6);

	/* the right password during the lock is refused too (no hash made) */
	who = 0;
	until = 0;
	CHECK_INT(account_login(f.st, &f.a, "piet@example.nl", PASSWORD, t0 + 1, &who, &until), LOGIN_LOCKED);
	CHECK_INT(until, t0 + 900);
	CHECK_INT(who, 0);
	CHECK_INT(account_login(f.st, &f.a, "piet@example.nl", PASSWORD, t0 + 899, &who, &until), LOGIN_LOCKED);
	CHECK_INT(who, 0);
	/* wrong ones during the lock do not extend it */
	CHECK_INT(account_login(f.st, &f.a, "piet@example.nl", "fout-wachtwoord", t0 + 500, &who, &until), LOGIN_LOCKED);
	CHECK_INT(until, t0 + 900);

	/* after the lock the right password works and the state is clear */
	CHECK_INT(account_login(f.st, &f.a, "piet@example.nl", PASSWORD, t0 + 901, &who, &until), LOGIN_OK);
	CHECK_INT(who, id);
	CHECK_INT(store_account_get(f.st, &f.a, f.org_a, id, &acc), ST_OK);
	CHECK_INT(acc.failed_logins, 0);
	CHECK_INT(acc.locked_until, 0);
	fixture_close(&f);
}

TEST(account_login_unknown_and_inactive)
{
	FIXTURE(f);  /* at most 3 hashes: the dummy hash (once) and two checks */
	long long who = 0, until = 0;
	CHECK_INT(account_login(f.st, &f.a, "niemand@example.nl", PASSWORD, NOW, &who, &until), LOGIN_BAD);
	CHECK_INT(who, 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log"), 0);

	/* an account without a password cannot log in, with any password */
	long long id = plain_account(&f, f.org_a, "leeg@example.nl");
	CHECK(id > 0);
	CHECK_INT(account_login(f.st, &f.a, "leeg@example.nl", "", NOW, &who, &until), LOGIN_BAD);
	CHECK_INT(account_login(f.st, &f.a, "leeg@example.nl", NULL, NOW, &who, &until), LOGIN_BAD);
	CHECK_INT(who, 0);
	CHECK_INT(fixture_query(&f, "SELECT failed_logins FROM account WHERE id = %lld", id), 2);

	/* an inactive account answers as an unknown one, and is not counted */
	CHECK_INT(fixture_exec(&f, "UPDATE account SET active = 0 WHERE id = %lld", id), 0);
	CHECK_INT(account_login(f.st, &f.a, "leeg@example.nl", "", NOW, &who, &until), LOGIN_BAD);
	CHECK_INT(fixture_query(&f, "SELECT failed_logins FROM account WHERE id = %lld", id), 2);
	CHECK_INT(account_login(f.st, &f.a, NULL, NULL, NOW, &who, &until), LOGIN_BAD);
	CHECK_INT(who, 0);
	fixture_close(&f);
}

TEST(account_set_password)
{
	FIXTURE(f);  /* 2 hashes */
	long long id = plain_account(&f, f.org_a, "nieuw@example.nl");
	long long idb = plain_account(&f, f.org_b, "b@example.nl");
	CHECK(id > 0 && idb > 0);
	CHECK_INT(store_account_set_login_state(f.st, id, 4, NOW + 100), ST_OK);
	struct errors e = { 0 };
	CHECK_INT(account_set_password(&f.c, id, "kort", &e), D_INVALID);
	CHECK(has(&e, "password"));
	e = (struct errors){ 0 };
	/* an account of another organisation: not found, nothing hashed */
	CHECK_INT(account_set_password(&f.c, idb, PASSWORD, &e), D_NOTFOUND);
	CHECK_INT(account_set_password(&f.c, id, PASSWORD, &e), D_OK);
	CHECK_INT(e.n, 0);
	struct account acc;
	CHECK_INT(store_account_get(f.st, &f.a, f.org_a, id, &acc), ST_OK);
	CHECK(!strncmp(acc.password_hash, "$argon2id$", 10));
	CHECK_INT(acc.failed_logins, 0);
	CHECK_INT(acc.locked_until, 0);
	CHECK_INT(fixture_query(&f, "SELECT password_hash = '' FROM account WHERE id = %lld", idb), 1);
	long long who = 0, until = 0;
	CHECK_INT(account_login(f.st, &f.a, "nieuw@example.nl", PASSWORD, NOW, &who, &until), LOGIN_OK);
	CHECK_INT(who, id);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'account.password' AND object_id = %lld",
				id), 1);
	fixture_close(&f);
}

/* ---- sessions (no hashes) ---- */

TEST(session_start_resolve_end)
{
	FIXTURE(f);
	long long acc = plain_account(&f, f.org_a, "s@example.nl");
	char token[SECRET_HEX], csrf[SECRET_HEX];
	CHECK_INT(session_start(f.st, acc, NOW, token, csrf), ST_OK);
	CHECK(is_hex64(token));
	CHECK(is_hex64(csrf));
	CHECK(strcmp(token, csrf) != 0);

	long long id = 0;
	char *got = NULL;
	CHECK_INT(session_resolve(f.st, &f.a, token, NOW + 10, &id, &got), ST_OK);
	CHECK_INT(id, acc);
	CHECK_STR(got, csrf);
	/* still valid just before the end, gone at it */
	CHECK_INT(session_resolve(f.st, &f.a, token, NOW + SESSION_SECONDS - 1, &id, &got), ST_OK);
	CHECK_INT(session_resolve(f.st, &f.a, token, NOW + SESSION_SECONDS, &id, &got), ST_NOTFOUND);
	CHECK_INT(session_resolve(f.st, &f.a, token, NOW + SESSION_SECONDS + 3600, &id, &got), ST_NOTFOUND);

	/* a changed, shortened, empty or missing token finds nothing */
	char bad[SECRET_HEX];
	memcpy(bad, token, SECRET_HEX);
	bad[10] = bad[10] == 'a' ? 'b' : 'a';
	CHECK_INT(session_resolve(f.st, &f.a, bad, NOW + 10, &id, &got), ST_NOTFOUND);
	memcpy(bad, token, SECRET_HEX);
	bad[SECRET_HEX - 2] = '\0';
	CHECK_INT(session_resolve(f.st, &f.a, bad, NOW + 10, &id, &got), ST_NOTFOUND);
	CHECK_INT(session_resolve(f.st, &f.a, "", NOW + 10, &id, &got), ST_NOTFOUND);
	CHECK_INT(session_resolve(f.st, &f.a, NULL, NOW + 10, &id, &got), ST_NOTFOUND);
	/* the CSRF token is not a session token */
	CHECK_INT(session_resolve(f.st, &f.a, csrf, NOW + 10, &id, &got), ST_NOTFOUND);

	/* stored as a hash only */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM session WHERE hex(token_hash) = upper('%s')",
				hex_of_hash(&f.a, token)), 1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM session WHERE token_hash = CAST('%s' AS BLOB)"
				" OR instr(csrf, '%s') > 0", token, token), 0);

	CHECK_INT(session_end(f.st, token), ST_OK);
	CHECK_INT(session_resolve(f.st, &f.a, token, NOW + 10, &id, &got), ST_NOTFOUND);
	CHECK_INT(session_end(f.st, "kort"), ST_NOTFOUND);
	CHECK_INT(session_end(f.st, NULL), ST_NOTFOUND);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM session"), 0);
	fixture_close(&f);
}

TEST(session_end_others_keeps_one)
{
	FIXTURE(f);
	long long acc = plain_account(&f, f.org_a, "s@example.nl");
	long long other = plain_account(&f, f.org_a, "o@example.nl");
	char t[3][SECRET_HEX], c[3][SECRET_HEX], to[SECRET_HEX], co[SECRET_HEX];
	for (int i = 0; i < 3; i++)
		CHECK_INT(session_start(f.st, acc, NOW, t[i], c[i]), ST_OK);
	CHECK_INT(session_start(f.st, other, NOW, to, co), ST_OK);
	CHECK_INT(session_end_others(f.st, acc, t[1]), ST_OK);
	long long id;
	char *csrf;
	CHECK_INT(session_resolve(f.st, &f.a, t[0], NOW + 1, &id, &csrf), ST_NOTFOUND);
	CHECK_INT(session_resolve(f.st, &f.a, t[1], NOW + 1, &id, &csrf), ST_OK);
	CHECK_STR(csrf, c[1]);
	CHECK_INT(session_resolve(f.st, &f.a, t[2], NOW + 1, &id, &csrf), ST_NOTFOUND);
	/* other accounts keep theirs */
	CHECK_INT(session_resolve(f.st, &f.a, to, NOW + 1, &id, &csrf), ST_OK);
	CHECK_INT(id, other);
	/* nothing to keep: every session of the account ends */
	CHECK_INT(session_end_others(f.st, acc, NULL), ST_OK);
	CHECK_INT(session_resolve(f.st, &f.a, t[1], NOW + 1, &id, &csrf), ST_NOTFOUND);
	CHECK_INT(session_resolve(f.st, &f.a, to, NOW + 1, &id, &csrf), ST_OK);
	fixture_close(&f);
}

/* ---- API tokens (no hashes) ---- */

TEST(api_token_create_resolve_hashed)
{
	FIXTURE(f);
	long long acc = plain_account(&f, f.org_a, "api@example.nl");
	char token[SECRET_HEX], token2[SECRET_HEX];
	CHECK_INT(api_token_create(f.st, acc, "rapportage", token), ST_OK);
	CHECK(is_hex64(token));
	CHECK_INT(api_token_create(f.st, acc, NULL, token2), ST_OK);
	CHECK(strcmp(token, token2) != 0);
	long long id = 0;
	CHECK_INT(api_token_resolve(f.st, token, &id), ST_OK);
	CHECK_INT(id, acc);
	id = 0;
	CHECK_INT(api_token_resolve(f.st, token2, &id), ST_OK);
	CHECK_INT(id, acc);

	char bad[SECRET_HEX];
	memcpy(bad, token, SECRET_HEX);
	bad[0] = bad[0] == '0' ? '1' : '0';
	CHECK_INT(api_token_resolve(f.st, bad, &id), ST_NOTFOUND);
	CHECK_INT(api_token_resolve(f.st, "", &id), ST_NOTFOUND);
	CHECK_INT(api_token_resolve(f.st, NULL, &id), ST_NOTFOUND);
	char longer[SECRET_HEX + 1];
	memcpy(longer, token, SECRET_HEX - 1);
	longer[SECRET_HEX - 1] = '0';
	longer[SECRET_HEX] = '\0';
	CHECK_INT(api_token_resolve(f.st, longer, &id), ST_NOTFOUND);

	/* the database holds the BLAKE2b-256 of the token and never the token */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM api_token WHERE length(token_hash) = %d", HASH_LEN), 2);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM api_token WHERE hex(token_hash) = upper('%s')"
				" AND label = 'rapportage' AND account_id = %lld", hex_of_hash(&f.a, token), acc), 1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM api_token WHERE token_hash = CAST('%s' AS BLOB)"
				" OR hex(token_hash) = upper('%s') OR instr(label, '%s') > 0", token, token, token), 0);
	/* a copy of the stored hash is no token either */
	CHECK_INT(api_token_resolve(f.st, hex_of_hash(&f.a, token), &id), ST_NOTFOUND);
	fixture_close(&f);
}

/* ---- the actor ---- */

TEST(actor_load_roles_and_org)
{
	FIXTURE(f);
	long long pa = 0;
	struct person p = { 0 };
	p.employee_id = "77";
	p.name = "Actor";
	p.active = 1;
	CHECK_INT(store_person_insert(f.st, f.org_a, &p, &pa), ST_OK);
	long long id = 0;
	CHECK_INT(store_account_add(f.st, f.org_a, "actor@example.nl", "Actor A", pa, "", &id), ST_OK);
	CHECK_INT(store_grant_add(f.st, id, f.org_a, "administrator", "organisation", 0), ST_OK);
	CHECK_INT(store_grant_add(f.st, id, f.org_a, "mentor", "programme", 3), ST_OK);
	CHECK_INT(store_grant_add(f.st, id, f.org_b, "researcher", "organisation", 0), ST_OK);
	struct actor w;
	memset(&w, 0xAA, sizeof(w));
	CHECK_INT(actor_load(f.st, &f.a, id, &w), ST_OK);
	CHECK_INT(w.account_id, id);
	CHECK_INT(w.organisation_id, f.org_a);
	CHECK_INT(w.person_id, pa);
	CHECK_STR(w.email, "actor@example.nl");
	CHECK_STR(w.display_name, "Actor A");
	CHECK_INT(w.ngrants, 3);
	/* roles of the own organisation only, any scope */
	CHECK_INT(w.roles, ROLE_BIT(ROLE_ADMINISTRATOR) | ROLE_BIT(ROLE_MENTOR));
	CHECK(actor_has(&w, ROLE_BIT(ROLE_MENTOR)));
	CHECK(!actor_has(&w, ROLE_BIT(ROLE_RESEARCHER)));

	/* no grants: no roles */
	long long bare = plain_account(&f, f.org_b, "bare@example.nl");
	CHECK_INT(actor_load(f.st, &f.a, bare, &w), ST_OK);
	CHECK_INT(w.roles, 0);
	CHECK_INT(w.ngrants, 0);
	CHECK_INT(w.organisation_id, f.org_b);
	CHECK_INT(w.person_id, 0);

	CHECK_INT(actor_load(f.st, &f.a, 9999, &w), ST_NOTFOUND);
	CHECK_INT(fixture_exec(&f, "UPDATE account SET active = 0 WHERE id = %lld", id), 0);
	CHECK_INT(actor_load(f.st, &f.a, id, &w), ST_NOTFOUND);
	fixture_close(&f);
}

/* ---- secrets ---- */

TEST(secret_equal_and_random)
{
	CHECK(secret_equal("abc", "abc"));
	CHECK(secret_equal("", ""));
	CHECK(!secret_equal("abc", "abd"));
	CHECK(!secret_equal("abc", "ab"));
	CHECK(!secret_equal("ab", "abc"));
	CHECK(!secret_equal("", "a"));
	CHECK(!secret_equal("Abc", "abc"));
	if (sodium_init() < 0) {
		CHECK(!"sodium_init");
		return;
	}
	char a[SECRET_HEX], b[SECRET_HEX];
	secret_random(a);
	secret_random(b);
	CHECK(is_hex64(a));
	CHECK(is_hex64(b));
	CHECK(!secret_equal(a, b));
	CHECK(secret_equal(a, a));
}
