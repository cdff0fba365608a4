/* test_api_token.c — API tokens: made with a label and an expiry, stored as
 * a hash only, listed without the secret, revoked, expired; who may manage
 * whose tokens; what cannot be made changes nothing. No password hashes. */
#include "test.h"
#include "fixture.h"
#include "domain/api_token.h"
#include "domain/role.h"
#include "store/store.h"

#include <sodium.h>

#define NOW 1700000000LL
#define DAY 86400LL

static long long plain_account(struct fixture *f, long long org, const char *email)
{
	long long id = 0;
	return store_account_add(f->st, org, email, email, 0, "", &id) ? 0 : id;
}

static const char *hex_of_hash(struct arena *a, const char *token)
{
	unsigned char h[HASH_LEN];
	crypto_generichash(h, HASH_LEN, (const unsigned char *)token, strlen(token), NULL, 0);
	char *hex = arena_alloc(a, HASH_LEN * 2 + 1);
	sodium_bin2hex(hex, HASH_LEN * 2 + 1, h, HASH_LEN);
	return hex;
}

/* A context of the account itself, as a signed-in user. */
static struct ctx as_user(struct fixture *f, struct actor *w, long long account, long long org)
{
	memset(w, 0, sizeof(*w));
	w->account_id = account;
	w->organisation_id = org;
	w->email = "user";
	return (struct ctx){ f->st, &f->a, w, 0 };
}

TEST(api_token_made_listed_without_secret_and_resolved)
{
	FIXTURE(f);
	long long acc = plain_account(&f, f.org_a, "api@example.nl");
	struct actor w;
	struct ctx c = as_user(&f, &w, acc, f.org_a);
	char token[SECRET_HEX], token2[SECRET_HEX];
	struct errors e = { 0 };
	long long id = 0, id2 = 0, expires = 0;
	CHECK_INT(api_token_create(&c, acc, "rapportage", API_TOKEN_DAYS, "", NOW, token, &e, &id, &expires), D_OK);
	CHECK_INT(expires, NOW + 90 * DAY);
	CHECK_INT(api_token_create(&c, acc, "", 1, "", NOW + 10, token2, &e, &id2, NULL), D_OK);
	CHECK_INT(e.n, 0);
	CHECK(strcmp(token, token2) != 0);
	CHECK_INT(strlen(token), SECRET_HEX - 1);
	struct api_token who = { 0 };
	CHECK_INT(api_token_resolve(f.st, &f.a, token, NOW, &who), ST_OK);
	CHECK_INT(who.account_id, acc);
	CHECK_INT(who.id, id);
	CHECK_STR(who.scope, "all");
	/* a token works until its expiry, and not from then on */
	CHECK_INT(api_token_resolve(f.st, &f.a, token2, NOW + 10 + DAY - 1, &who), ST_OK);
	CHECK_INT(api_token_resolve(f.st, &f.a, token2, NOW + 10 + DAY, &who), ST_NOTFOUND);
	CHECK_INT(api_token_resolve(f.st, &f.a, token, NOW + 90 * DAY, &who), ST_NOTFOUND);

	/* changed, shortened, empty: nothing */
	char bad[SECRET_HEX];
	memcpy(bad, token, SECRET_HEX);
	bad[0] = bad[0] == '0' ? '1' : '0';
	CHECK_INT(api_token_resolve(f.st, &f.a, bad, NOW, &who), ST_NOTFOUND);
	CHECK_INT(api_token_resolve(f.st, &f.a, "", NOW, &who), ST_NOTFOUND);
	CHECK_INT(api_token_resolve(f.st, &f.a, NULL, NOW, &who), ST_NOTFOUND);

	/* the list: newest first, label, dates, and nowhere the secret */
	struct api_token *t;
	size_t n;
	CHECK_INT(api_token_list(&c, acc, &t, &n), D_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_INT(t[0].id, id2);
		CHECK_STR(t[1].label, "rapportage");
		CHECK_INT(t[1].created_at, NOW);
		CHECK_INT(t[1].expires_at, NOW + 90 * DAY);
	}
	/* the database holds the BLAKE2b-256 of a token and never the token */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM api_token WHERE hex(token_hash) = upper('%s')"
				" AND label = 'rapportage' AND account_id = %lld", hex_of_hash(&f.a, token), acc), 1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM api_token WHERE instr(token_hash, '%s') > 0"
				" OR hex(token_hash) = upper('%s') OR instr(label, '%s') > 0", token, token, token), 0);
	CHECK_INT(api_token_resolve(f.st, &f.a, hex_of_hash(&f.a, token), NOW, &who), ST_NOTFOUND);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'token.create' AND object_id = %lld", acc), 2);
	fixture_close(&f);
}

TEST(api_token_revoked_and_whose)
{
	FIXTURE(f);
	long long acc = plain_account(&f, f.org_a, "a@example.nl");
	long long other = plain_account(&f, f.org_a, "b@example.nl");
	long long far = plain_account(&f, f.org_b, "c@example.nl");
	struct actor w, wo;
	struct ctx c = as_user(&f, &w, acc, f.org_a), co = as_user(&f, &wo, other, f.org_a);
	char token[SECRET_HEX], t2[SECRET_HEX];
	struct errors e = { 0 };
	long long id = 0;
	struct api_token who;
	CHECK_INT(api_token_create(&c, acc, "script", 30, "", NOW, token, &e, &id, NULL), D_OK);
	/* another account cannot see, make or revoke them */
	struct api_token *t;
	size_t n;
	CHECK_INT(api_token_list(&co, acc, &t, &n), D_FORBIDDEN);
	CHECK_INT(api_token_create(&co, acc, "x", 30, "", NOW, t2, &e, NULL, NULL), D_FORBIDDEN);
	CHECK_INT(api_token_revoke(&co, acc, id), D_FORBIDDEN);
	CHECK_INT(api_token_revoke(&co, other, id), D_NOTFOUND);   /* not theirs */
	CHECK_INT(api_token_resolve(f.st, &f.a, token, NOW, &who), ST_OK);
	/* the command line manages any account of its organisation only */
	CHECK_INT(api_token_list(&f.cb, acc, &t, &n), D_NOTFOUND);
	CHECK_INT(api_token_list(&f.cb, far, &t, &n), D_OK);
	CHECK_INT(n, 0);
	/* revoked, it no longer works, at once */
	CHECK_INT(api_token_revoke(&c, acc, id), D_OK);
	CHECK_INT(api_token_resolve(f.st, &f.a, token, NOW, &who), ST_NOTFOUND);
	CHECK_INT(api_token_revoke(&c, acc, id), D_NOTFOUND);
	CHECK_INT(api_token_list(&c, acc, &t, &n), D_OK);
	CHECK_INT(n, 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'token.revoke' AND object_id = %lld", acc), 1);
	fixture_close(&f);
}

TEST(api_token_bad_input_changes_nothing)
{
	FIXTURE(f);
	long long acc = plain_account(&f, f.org_a, "a@example.nl");
	struct actor w;
	struct ctx c = as_user(&f, &w, acc, f.org_a);
	char token[SECRET_HEX];
	struct errors e = { 0 };
	CHECK_INT(api_token_create(&c, acc, "regel\nbreuk", 0, "", NOW, token, &e, NULL, NULL), D_INVALID);
	CHECK(errors_get(&e, "label") != NULL);
	CHECK(errors_get(&e, "days") != NULL);
	e = (struct errors){ 0 };
	CHECK_INT(api_token_create(&c, acc, "ok", API_TOKEN_DAYS_MAX + 1, "", NOW, token, &e, NULL, NULL), D_INVALID);
	CHECK(errors_get(&e, "days") != NULL);
	e = (struct errors){ 0 };
	char longlabel[API_TOKEN_LABEL_MAX + 2];
	memset(longlabel, 'x', sizeof(longlabel) - 1);
	longlabel[sizeof(longlabel) - 1] = '\0';
	CHECK_INT(api_token_create(&c, acc, longlabel, 30, "", NOW, token, &e, NULL, NULL), D_INVALID);
	CHECK(errors_get(&e, "label") != NULL);
	e = (struct errors){ 0 };
	CHECK_INT(api_token_create(&c, acc, "\xFF", 30, "", NOW, token, &e, NULL, NULL), D_INVALID);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM api_token"), 0);
	/* at most API_TOKENS_MAX that work; an expired one does not count */
	e = (struct errors){ 0 };
	CHECK_INT(api_token_create(&c, acc, "kort", 1, "", NOW - 2 * DAY, token, &e, NULL, NULL), D_OK);
	for (int i = 0; i < API_TOKENS_MAX; i++)
		CHECK_INT(api_token_create(&c, acc, "veel", 30, "", NOW, token, &e, NULL, NULL), D_OK);
	CHECK_INT(api_token_create(&c, acc, "een te veel", 30, "", NOW, token, &e, NULL, NULL), D_INVALID);
	CHECK(errors_get(&e, "") != NULL);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM api_token"), API_TOKENS_MAX + 1);
	fixture_close(&f);
}

TEST(api_token_scope_made_kept_and_refused_when_unknown)
{
	FIXTURE(f);
	long long acc = plain_account(&f, f.org_a, "hr@example.nl");
	struct actor w;
	struct ctx c = as_user(&f, &w, acc, f.org_a);
	char token[SECRET_HEX];
	struct errors e = { 0 };
	long long id = 0;
	static const char *const bad[] = { "ALL", "write", "people sync", " read", "all;" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		e = (struct errors){ 0 };
		CHECK_INT(api_token_create(&c, acc, "x", 30, bad[i], NOW, token, &e, NULL, NULL), D_INVALID);
		CHECK(errors_get(&e, "scope") != NULL);
	}
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM api_token"), 0);
	for (int s = 0; s < TOKEN_SCOPES; s++) {
		e = (struct errors){ 0 };
		CHECK_INT(api_token_create(&c, acc, "x", 30, api_token_scope_name(s), NOW, token, &e, &id, NULL), D_OK);
		struct api_token t;
		CHECK_INT(api_token_resolve(f.st, &f.a, token, NOW, &t), ST_OK);
		CHECK_INT(t.id, id);
		CHECK_INT(api_token_scope_parse(t.scope), s);
	}
	/* none given: all, as every token had before scopes */
	CHECK_INT(api_token_create(&c, acc, "x", 30, NULL, NOW, token, &e, &id, NULL), D_OK);
	struct api_token t;
	CHECK_INT(api_token_resolve(f.st, &f.a, token, NOW, &t), ST_OK);
	CHECK_STR(t.scope, "all");
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'token.create' AND detail LIKE '%% read x'"), 1);
	fixture_close(&f);
}

TEST(api_token_of_another_account_by_its_administrator_only)
{
	FIXTURE(f);
	long long acc = plain_account(&f, f.org_a, "koppeling@example.nl");
	long long far = plain_account(&f, f.org_b, "ver@example.nl");
	/* the fixture's actor in A is an administrator (every role) */
	char token[SECRET_HEX];
	struct errors e = { 0 };
	long long id = 0;
	CHECK_INT(api_token_create(&f.c, acc, "HR", 30, "people-sync", NOW, token, &e, &id, NULL), D_OK);
	struct api_token *t;
	size_t n;
	CHECK_INT(api_token_list(&f.c, acc, &t, &n), D_OK);
	CHECK_INT(n, 1);
	CHECK_STR(t[0].scope, "people-sync");
	/* not of another organisation */
	CHECK_INT(api_token_create(&f.c, far, "HR", 30, "read", NOW, token, &e, NULL, NULL), D_NOTFOUND);
	CHECK_INT(api_token_revoke(&f.c, far, id), D_NOTFOUND);
	/* an account without the administrator role: not another's */
	struct actor w;
	struct ctx c = as_user(&f, &w, plain_account(&f, f.org_a, "coach@example.nl"), f.org_a);
	w.roles = ~0u & ~ROLE_BIT(ROLE_ADMINISTRATOR);
	CHECK_INT(api_token_create(&c, acc, "x", 30, "read", NOW, token, &e, NULL, NULL), D_FORBIDDEN);
	CHECK_INT(api_token_revoke(&c, acc, id), D_FORBIDDEN);
	CHECK_INT(api_token_revoke(&f.c, acc, id), D_OK);
	CHECK_INT(api_token_resolve(f.st, &f.a, token, NOW, &t[0]), ST_NOTFOUND);
	fixture_close(&f);
}

/* An administrator makes tokens for accounts holding no role but theirs
 * only: a token for a researcher's or participant's account would read
 * their private words through it. */
TEST(api_token_not_by_an_administrator_for_an_account_with_another_role)
{
	FIXTURE(f);
	long long admin_only = plain_account(&f, f.org_a, "beheer@example.nl");
	long long researcher = plain_account(&f, f.org_a, "onderzoek@example.nl");
	CHECK_INT(store_grant_add(f.st, admin_only, f.org_a, "administrator", NULL, 0), ST_OK);
	CHECK_INT(store_grant_add(f.st, researcher, f.org_a, "administrator", NULL, 0), ST_OK);
	CHECK_INT(store_grant_add(f.st, researcher, f.org_a, "researcher", NULL, 0), ST_OK);
	char token[SECRET_HEX];
	struct errors e = { 0 };
	CHECK_INT(api_token_create(&f.c, admin_only, "HR", 30, "people-sync", NOW, token, &e, NULL, NULL), D_OK);
	for (const char *const *sc = (const char *const[]){ "all", "read", "research-export", NULL }; *sc; sc++) {
		struct errors e2 = { 0 };
		CHECK_INT(api_token_create(&f.c, researcher, "x", 30, *sc, NOW, token, &e2, NULL, NULL), D_INVALID);
		CHECK(e2.n == 1);
	}
	long long n = fixture_query(&f, "SELECT count(*) FROM api_token");
	CHECK_INT(n, 1);
	/* the command line (an operator on the server) is not an administrator's account */
	struct actor op = { .organisation_id = f.org_a, .email = "cli" };
	struct ctx oc = { f.st, &f.a, &op, 0 };
	CHECK_INT(api_token_create(&oc, researcher, "cli", 30, "read", NOW, token, &e, NULL, NULL), D_OK);
	fixture_close(&f);
}
