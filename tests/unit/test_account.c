/* test_account.c — passwords, log-in with growing delays instead of a
 * lock-out, sessions, loading the actor. argon2id is slow on purpose, so
 * the suite computes about twenty hashes in all: each test notes how many
 * it makes; accounts without a password fail without hashing. */
#include "test.h"
#include "fixture.h"
#include "domain/account.h"
#include "domain/api_token.h"
#include "domain/role.h"
#include "domain/throttle.h"
#include "store/signin.h"
#include "store/store.h"

#include <sodium.h>
#include <stdlib.h>

#define NOW 1700000000LL
#define NOW_MS (NOW * 1000)
#define PEER "192.0.2.7"
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

/* The failures stored for a key, -1 when it has no row. */
static long long failures_of(struct fixture *f, enum throttle_kind kind, const char *value)
{
	struct throttle_key k;
	if (!throttle_key_make(&k, kind, value))
		return -2;
	char hex[HASH_LEN * 2 + 1];
	sodium_bin2hex(hex, sizeof(hex), k.hash, HASH_LEN);
	long long n = fixture_query(f, "SELECT count(*) FROM login_throttle WHERE hex(key_hash) = upper('%s')", hex);
	return n == 1 ? fixture_query(f, "SELECT failures FROM login_throttle WHERE hex(key_hash) = upper('%s')", hex) : -1;
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

	long long who = 0;
	struct login_wait wait;
	CHECK_INT(account_login(f.st, &f.a, "jan@example.nl", PASSWORD, PEER, NOW_MS, &who, &wait), LOGIN_OK);
	CHECK_INT(who, id);
	/* the address in another case, with spaces around, is the same account */
	who = 0;
	CHECK_INT(account_login(f.st, &f.a, " JAN@Example.NL ", PASSWORD, PEER, NOW_MS, &who, &wait), LOGIN_OK);
	CHECK_INT(who, id);
	who = 0;
	CHECK_INT(account_login(f.st, &f.a, "jan@example.nl", PASSWORD "!", PEER, NOW_MS, &who, &wait), LOGIN_BAD);
	CHECK_INT(who, 0);
	CHECK_INT(failures_of(&f, THROTTLE_LOGIN_ACCOUNT, "jan@example.nl"), 1);
	CHECK_INT(failures_of(&f, THROTTLE_LOGIN_ADDRESS, PEER), 1);
	/* no address typed is stored in clear */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM login_throttle WHERE instr(key_hash, 'jan') > 0"), 0);

	/* the same address again, in another case */
	long long id2 = -1;
	CHECK_INT(account_create(&f.c, "Jan@Example.nl", "Ander", 0, PASSWORD, ROLE_MENTOR, &e, &id2), D_INVALID);
	CHECK(has(&e, "email"));
	CHECK_INT(id2, -1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM account"), 2);
	fixture_close(&f);
}

TEST(account_login_delays_grow_and_never_lock)
{
	FIXTURE(f);  /* 2 hashes: the account's own, and one right password */
	struct errors e = { 0 };
	long long id = 0, who = 0;
	struct login_wait wait;
	CHECK_INT(account_create(&f.c, "piet@example.nl", "Piet", 0, PASSWORD, ROLE_PARTICIPANT, &e, &id), D_OK);
	long long free_ = throttle_rules[THROTTLE_LOGIN_ACCOUNT].free;
	CHECK_INT(free_, 5);
	/* A stranger's failures from several addresses, without a hash each:
	 * the password field left empty fails before any verifying. */
	long long t = NOW_MS;
	for (long long i = 1; i <= free_; i++) {
		const char *from = arena_printf(&f.a, "198.51.100.%lld", i);
		CHECK_INT(account_login(f.st, &f.a, "piet@example.nl", NULL, from, t, &who, &wait), LOGIN_BAD);
		CHECK_INT(wait.wait_ms, 0);
	}
	/* the sixth starts a delay of 1 s, which the next attempt meets
	 * before anything is looked up: even the right password waits */
	CHECK_INT(account_login(f.st, &f.a, "piet@example.nl", NULL, "198.51.100.6", t, &who, &wait), LOGIN_BAD);
	CHECK_INT(account_login(f.st, &f.a, "piet@example.nl", PASSWORD, PEER, t + 10, &who, &wait), LOGIN_WAIT);
	CHECK_INT(who, 0);
	CHECK_INT(wait.wait_ms, 990);
	CHECK_INT(wait.step_ms, 1000);
	/* attempts during a delay are not counted and do not extend it */
	CHECK_INT(failures_of(&f, THROTTLE_LOGIN_ACCOUNT, "piet@example.nl"), 6);
	CHECK_INT(account_login(f.st, &f.a, "piet@example.nl", NULL, PEER, t + 500, &who, &wait), LOGIN_WAIT);
	CHECK_INT(wait.wait_ms, 500);
	CHECK_INT(failures_of(&f, THROTTLE_LOGIN_ACCOUNT, "piet@example.nl"), 6);
	/* each further failure doubles the delay: 2, 4, 8 ... */
	long long want = 1000;
	for (int i = 0; i < 12; i++) {
		t += want;
		/* a botnet: every try from another address */
		const char *from = arena_printf(&f.a, "203.0.113.%d", i);
		CHECK_INT(account_login(f.st, &f.a, "piet@example.nl", NULL, from, t, &who, &wait), LOGIN_BAD);
		want = want * 2 > 60000 ? 60000 : want * 2;
		CHECK_INT(account_login(f.st, &f.a, "piet@example.nl", NULL, PEER, t, &who, &wait), LOGIN_WAIT);
		CHECK_INT(wait.step_ms, want);
		CHECK_INT(wait.wait_ms, want);
	}
	/* ... up to a minute, however many failures: the owner, at another
	 * address, waits at most a minute after the stranger's last try */
	CHECK_INT(want, 60000);
	CHECK_INT(account_login(f.st, &f.a, "piet@example.nl", PASSWORD, PEER, t + 59999, &who, &wait), LOGIN_WAIT);
	CHECK_INT(wait.wait_ms, 1);
	CHECK_INT(account_login(f.st, &f.a, "piet@example.nl", PASSWORD, PEER, t + 60000, &who, &wait), LOGIN_OK);
	CHECK_INT(who, id);
	/* a success forgets the address typed, not the clients' addresses */
	CHECK_INT(failures_of(&f, THROTTLE_LOGIN_ACCOUNT, "piet@example.nl"), -1);
	CHECK_INT(failures_of(&f, THROTTLE_LOGIN_ADDRESS, "203.0.113.11"), 1);
	/* failures of a known account are in its organisation's audit log */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'login.failed' AND object_id = %lld"
				" AND organisation_id = %lld", id, f.org_a), 18);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'login.failed' AND detail = 'wait 60 s'"),
		  7);
	fixture_close(&f);
}

TEST(account_login_client_address_waits_alone)
{
	FIXTURE(f);  /* no hashes: accounts without a password */
	long long who = 0;
	struct login_wait wait;
	long long free_ = throttle_rules[THROTTLE_LOGIN_ADDRESS].free;
	CHECK_INT(free_, 20);
	/* one client tries a different account each time: past the address's
	 * free allowance it waits, whatever address it types */
	for (long long i = 0; i <= free_ + 1; i++) {
		const char *email = arena_printf(&f.a, "u%lld@example.nl", i);
		CHECK(plain_account(&f, f.org_a, email) > 0);
		CHECK_INT(account_login(f.st, &f.a, email, "geen-wachtwoord", "2001:db8:1:2::5", NOW_MS, &who, &wait),
			  i <= free_ ? LOGIN_BAD : LOGIN_WAIT);
	}
	CHECK_INT(wait.step_ms, 1000);
	/* its whole /64 waits with it; another /64, and IPv4, do not */
	CHECK_INT(account_login(f.st, &f.a, "u0@example.nl", "x", "2001:db8:1:2:ffff::1", NOW_MS, &who, &wait), LOGIN_WAIT);
	CHECK_INT(account_login(f.st, &f.a, "u0@example.nl", "x", "2001:db8:1:3::5", NOW_MS, &who, &wait), LOGIN_BAD);
	CHECK_INT(account_login(f.st, &f.a, "u0@example.nl", "x", "192.0.2.1", NOW_MS, &who, &wait), LOGIN_BAD);
	/* without a client address (the command line) only the address typed counts */
	CHECK_INT(account_login(f.st, &f.a, "u1@example.nl", "x", NULL, NOW_MS, &who, &wait), LOGIN_BAD);
	CHECK_INT(failures_of(&f, THROTTLE_LOGIN_ACCOUNT, "u1@example.nl"), 2);
	fixture_close(&f);
}

TEST(account_login_same_for_unknown_addresses)
{
	FIXTURE(f);  /* 7 hashes: the dummy (once) and one per unknown try */
	long long who = 0;
	struct login_wait wk, wu;
	CHECK(plain_account(&f, f.org_a, "bekend@example.nl") > 0);
	/* the same tries with an address that has an account and one that has
	 * none, each from its own client: the same answers, the same waits */
	long long t = NOW_MS;
	for (int i = 1; i <= 7; i++) {
		enum login_result k = account_login(f.st, &f.a, "bekend@example.nl", "fout-wachtwoord", "192.0.2.10", t,
						    &who, &wk);
		enum login_result u = account_login(f.st, &f.a, "onbekend@example.nl", "fout-wachtwoord", "192.0.2.11", t,
						    &who, &wu);
		CHECK_INT(k, u);
		CHECK_INT(k, i <= 6 ? LOGIN_BAD : LOGIN_WAIT);
		CHECK_INT(wk.wait_ms, wu.wait_ms);
		CHECK_INT(wk.step_ms, wu.step_ms);
	}
	CHECK_INT(who, 0);
	CHECK_INT(failures_of(&f, THROTTLE_LOGIN_ACCOUNT, "bekend@example.nl"), 6);
	CHECK_INT(failures_of(&f, THROTTLE_LOGIN_ACCOUNT, "onbekend@example.nl"), 6);
	fixture_close(&f);
}

TEST(account_login_unknown_and_inactive)
{
	FIXTURE(f);  /* at most 4 hashes: the dummy hash (once) and three checks */
	long long who = 0;
	struct login_wait wait;
	CHECK_INT(account_login(f.st, &f.a, "niemand@example.nl", PASSWORD, PEER, NOW_MS, &who, &wait), LOGIN_BAD);
	CHECK_INT(who, 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log"), 0);
	/* the password of the dummy hash opens nothing, and counts */
	CHECK_INT(account_login(f.st, &f.a, "niemand@example.nl", "leergang", PEER, NOW_MS, &who, &wait), LOGIN_BAD);
	CHECK_INT(failures_of(&f, THROTTLE_LOGIN_ACCOUNT, "niemand@example.nl"), 2);

	/* an account without a password cannot log in, with any password */
	long long id = plain_account(&f, f.org_a, "leeg@example.nl");
	CHECK(id > 0);
	CHECK_INT(account_login(f.st, &f.a, "leeg@example.nl", "", PEER, NOW_MS, &who, &wait), LOGIN_BAD);
	CHECK_INT(account_login(f.st, &f.a, "leeg@example.nl", NULL, PEER, NOW_MS, &who, &wait), LOGIN_BAD);
	CHECK_INT(who, 0);
	CHECK_INT(failures_of(&f, THROTTLE_LOGIN_ACCOUNT, "leeg@example.nl"), 2);

	/* an inactive account answers as an unknown one, and counts as one */
	CHECK_INT(fixture_exec(&f, "UPDATE account SET active = 0 WHERE id = %lld", id), 0);
	CHECK_INT(account_login(f.st, &f.a, "leeg@example.nl", "", PEER, NOW_MS, &who, &wait), LOGIN_BAD);
	CHECK_INT(failures_of(&f, THROTTLE_LOGIN_ACCOUNT, "leeg@example.nl"), 3);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE object_id = %lld", id), 2);
	CHECK_INT(account_login(f.st, &f.a, NULL, NULL, NULL, NOW_MS, &who, &wait), LOGIN_BAD);
	CHECK_INT(who, 0);
	fixture_close(&f);
}

TEST(account_set_password)
{
	FIXTURE(f);  /* 2 hashes */
	long long id = plain_account(&f, f.org_a, "nieuw@example.nl");
	long long idb = plain_account(&f, f.org_b, "b@example.nl");
	CHECK(id > 0 && idb > 0);
	/* a stranger made the address wait; the account has a token and a reset link */
	struct throttle_key k;
	CHECK(throttle_key_make(&k, THROTTLE_LOGIN_ACCOUNT, "Nieuw@Example.nl"));
	for (int i = 0; i < 8; i++)
		CHECK_INT(throttle_fail(f.st, &k, 1, NOW_MS, NULL), ST_OK);
	CHECK_INT(failures_of(&f, THROTTLE_LOGIN_ACCOUNT, "nieuw@example.nl"), 8);
	struct ctx cli = f.c;
	struct actor w = f.who;
	w.account_id = 0;   /* the command line */
	cli.who = &w;
	char token[SECRET_HEX];
	struct errors e = { 0 };
	CHECK_INT(api_token_create(&cli, id, "script", 30, "", NOW, token, &e, NULL, NULL), D_OK);
	unsigned char h1[HASH_LEN] = { 1 }, h2[HASH_LEN] = { 2 };
	CHECK_INT(store_reset_add(f.st, h1, id, NOW, NOW + 3600), ST_OK);
	CHECK_INT(store_reset_add(f.st, h2, idb, NOW, NOW + 3600), ST_OK);

	CHECK_INT(account_set_password(&f.c, id, "kort", &e), D_INVALID);
	CHECK(has(&e, "password"));
	e = (struct errors){ 0 };
	/* an account of another organisation: not found, nothing hashed */
	CHECK_INT(account_set_password(&f.c, idb, PASSWORD, &e), D_NOTFOUND);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM api_token"), 1);
	CHECK_INT(account_set_password(&f.c, id, PASSWORD, &e), D_OK);
	CHECK_INT(e.n, 0);
	struct account acc;
	CHECK_INT(store_account_get(f.st, &f.a, f.org_a, id, &acc), ST_OK);
	CHECK(!strncmp(acc.password_hash, "$argon2id$", 10));
	CHECK_INT(fixture_query(&f, "SELECT password_hash = '' FROM account WHERE id = %lld", idb), 1);
	/* the new password ends the tokens and reset links of this account
	 * only, and the wait of its address */
	struct api_token gone;
	CHECK_INT(api_token_resolve(f.st, &f.a, token, NOW, &gone), ST_NOTFOUND);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM api_token"), 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM password_reset WHERE account_id = %lld", id), 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM password_reset WHERE account_id = %lld", idb), 1);
	CHECK_INT(failures_of(&f, THROTTLE_LOGIN_ACCOUNT, "nieuw@example.nl"), -1);
	struct login_wait wait;
	long long who = 0;
	CHECK_INT(account_login(f.st, &f.a, "nieuw@example.nl", PASSWORD, PEER, NOW_MS, &who, &wait), LOGIN_OK);
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
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM session WHERE instr(token_hash, '%s') > 0"
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

TEST(account_sign_in_starts_a_session_with_its_audit_line)
{
	FIXTURE(f);
	long long id = plain_account(&f, f.org_b, "binnen@example.nl");
	char token[SECRET_HEX], csrf[SECRET_HEX];
	CHECK_INT(account_sign_in(f.st, &f.a, id, NOW, token, csrf), D_OK);
	long long who = 0;
	char *got = NULL;
	CHECK_INT(session_resolve(f.st, &f.a, token, NOW + 1, &who, &got), ST_OK);
	CHECK_INT(who, id);
	CHECK_STR(got, csrf);
	/* the line is in the account's own organisation, by the account */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'login' AND organisation_id = %lld"
				    " AND actor_id = %lld AND object_id = %lld", f.org_b, id, id), 1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'login' AND organisation_id = %lld",
				f.org_a), 0);
	fixture_close(&f);
}

TEST(actor_identify_with_the_organisation_name)
{
	FIXTURE(f);
	long long id = plain_account(&f, f.org_b, "wie@example.nl");
	CHECK_INT(store_grant_add(f.st, id, f.org_b, "coach", "organisation", 0), ST_OK);
	struct actor w;
	const char *org = "x";
	CHECK_INT(actor_identify(f.st, &f.a, id, &w, &org), D_OK);
	CHECK_INT(w.organisation_id, f.org_b);
	CHECK_INT(w.roles, ROLE_BIT(ROLE_COACH));
	CHECK_STR(org, "Organisatie B");
	CHECK_INT(actor_identify(f.st, &f.a, 9999, &w, &org), D_NOTFOUND);
	CHECK(org == NULL);
	/* a blocked account is no one */
	CHECK_INT(fixture_exec(&f, "UPDATE account SET active = 0 WHERE id = %lld", id), 0);
	CHECK_INT(actor_identify(f.st, &f.a, id, &w, &org), D_NOTFOUND);
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
