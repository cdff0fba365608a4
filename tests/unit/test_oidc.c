/* test_oidc.c — the parts of sign-in through an identity provider that
 * need no provider: which URLs may be asked, the client secret sealed and
 * opened (never by another organisation, never without its key file), the
 * settings refused when wrong, and the bounds on sign-ins under way (a
 * browser's oldest dropped, a sign-in spent once and only by its browser,
 * expired ones gone). The flow itself is tested end to end in
 * tests/http/oidc.test.mjs. */
#include "test.h"
#include "fixture.h"
#include "domain/account.h"
#include "domain/oidc.h"
#include "domain/oidc_fetch.h"
#include "domain/oidc_secret.h"
#include "store/oidc.h"

#include <sys/stat.h>
#include <unistd.h>

#define NOW 1700000000LL

TEST(oidc_urls_https_or_loopback_only)
{
	CHECK(oidc_url_allowed("https://login.microsoftonline.com/tenant/v2.0"));
	CHECK(oidc_url_allowed("http://127.0.0.1:8080/realms/x"));
	CHECK(oidc_url_allowed("http://localhost/x"));
	CHECK(oidc_url_allowed("http://[::1]:9/x"));
	CHECK(!oidc_url_allowed("http://idp.example/x"));
	CHECK(!oidc_url_allowed("http://127.0.0.1.evil.example/x"));
	CHECK(!oidc_url_allowed("http://localhost.evil.example/"));
	CHECK(!oidc_url_allowed("https://user@idp.example/"));
	CHECK(!oidc_url_allowed("https://idp.example/#x"));
	CHECK(!oidc_url_allowed("file:///etc/passwd"));
	CHECK(!oidc_url_allowed("https://"));
	CHECK(!oidc_url_allowed(NULL));
	struct arena a = ARENA_INIT;
	CHECK_STR(oidc_escape(&a, "a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
	arena_free(&a);
}

TEST(oidc_secret_sealed_for_one_organisation)
{
	FIXTURE(f);
	const char *key = fixture_file(&f, "db.oidc-key");
	oidc_key_file_set(key);
	unsigned char *box;
	size_t len;
	char *back = NULL;
	CHECK_INT(oidc_secret_seal(&f.a, 7, "s3cret-van-de-gemeente", &box, &len), 0);
	CHECK(len > strlen("s3cret-van-de-gemeente"));
	CHECK(!memmem(box, len, "s3cret", 6));
	struct stat sb;
	CHECK(stat(key, &sb) == 0 && (sb.st_mode & 0777) == 0600);
	CHECK_INT(oidc_secret_open(&f.a, 7, box, len, &back), 0);
	CHECK_STR(back, "s3cret-van-de-gemeente");
	/* moved to another organisation's row, it does not open */
	CHECK_INT(oidc_secret_open(&f.a, 8, box, len, &back), -1);
	CHECK(back == NULL);
	box[len - 1] ^= 1;
	CHECK_INT(oidc_secret_open(&f.a, 7, box, len, &back), -1);
	/* without its key file, nothing opens, and none is made on opening */
	unlink(key);
	box[len - 1] ^= 1;
	CHECK_INT(oidc_secret_open(&f.a, 7, box, len, &back), -1);
	CHECK(stat(key, &sb) != 0);
	oidc_key_file_set(NULL);
	fixture_close(&f);
}

TEST(oidc_settings_refused_when_wrong)
{
	FIXTURE(f);
	oidc_key_file_set(fixture_file(&f, "db.oidc-key"));
	struct errors e = { 0 };
	struct oidc_settings s = { "http://idp.example/realm", "", "", "name", "employee number", false };
	CHECK_INT(oidc_configure(&f.c, &s, &e), D_INVALID);
	CHECK(errors_get(&e, "issuer") && errors_get(&e, "client_id") && errors_get(&e, "secret") && errors_get(&e, "claim"));
	CHECK(errors_get(&e, "employee_claim") != NULL);  /* a space in the claim's name */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM oidc_provider"), 0);
	struct errors e2 = { 0 };
	struct oidc_settings ok = { "https://idp.example/realms/a", "leergang", "geheim", "employee_id", NULL, true };
	CHECK_INT(oidc_configure(&f.c, &ok, &e2), D_OK);
	struct oidc_provider p;
	CHECK_INT(oidc_provider_get(&f.c, &p), D_OK);
	CHECK_STR(p.employee_claim, "employee_id");  /* none named: the claim employee_id */
	CHECK_STR(p.issuer, "https://idp.example/realms/a");
	CHECK(p.passwords_off);
	CHECK_INT(oidc_provider_get(&f.cb, &p), D_NOTFOUND);   /* the other organisation has none */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'oidc.set'"), 1);
	bool allowed = true;
	const char *org = NULL;
	CHECK_INT(oidc_password_allowed(f.st, &f.a, f.admin_id, &allowed, &org), D_OK);
	CHECK(!allowed && org);
	oidc_key_file_set(NULL);
	fixture_close(&f);
}

/* A sign-in under way of browser b (a byte) made at t. */
static int add(struct fixture *f, unsigned char state, unsigned char b, long long t)
{
	unsigned char sh[HASH_LEN] = { state }, bh[HASH_LEN] = { b };
	struct oidc_login l = { f->org_a, "n", "v", "https://leergang.example/login/oidc/callback", "/", t };
	return store_oidc_login_add(f->st, sh, bh, &l, t + OIDC_LOGIN_SECONDS, 3, 5);
}

static int take(struct fixture *f, unsigned char state, unsigned char b, long long now)
{
	unsigned char sh[HASH_LEN] = { state }, bh[HASH_LEN] = { b };
	struct oidc_login l;
	return store_oidc_login_take(f->st, &f->a, sh, bh, now, &l);
}

TEST(oidc_logins_bounded_single_use_and_browser_bound)
{
	FIXTURE(f);
	/* browser 1 starts four: its oldest goes (3 per browser here) */
	for (unsigned char s = 1; s <= 4; s++)
		CHECK_INT(add(&f, s, 1, NOW), ST_OK);
	long long n = 0;
	CHECK_INT(store_oidc_login_count(f.st, &n), ST_OK);
	CHECK_INT(n, 3);
	CHECK_INT(take(&f, 1, 1, NOW), ST_NOTFOUND);
	/* another browser cannot take browser 1's, and does not spend it */
	CHECK_INT(take(&f, 3, 2, NOW), ST_NOTFOUND);
	CHECK_INT(take(&f, 3, 1, NOW), ST_OK);
	CHECK_INT(take(&f, 3, 1, NOW), ST_NOTFOUND);   /* once */
	/* five in all: others' starts push out the oldest overall */
	for (unsigned char s = 10; s < 14; s++)
		CHECK_INT(add(&f, s, (unsigned char)(s - 7), NOW + 1), ST_OK);
	CHECK_INT(store_oidc_login_count(f.st, &n), ST_OK);
	CHECK_INT(n, 5);
	CHECK_INT(take(&f, 2, 1, NOW + 1), ST_NOTFOUND);
	CHECK_INT(take(&f, 4, 1, NOW + 1), ST_OK);
	/* expired: not taken, and gone with the next start */
	CHECK_INT(take(&f, 10, 3, NOW + 1 + OIDC_LOGIN_SECONDS), ST_NOTFOUND);
	CHECK_INT(add(&f, 20, 9, NOW + 1 + OIDC_LOGIN_SECONDS), ST_OK);
	CHECK_INT(store_oidc_login_count(f.st, &n), ST_OK);
	CHECK_INT(n, 1);
	fixture_close(&f);
}
