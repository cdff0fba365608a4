/* test_idempotency.c — idempotency keys: a key is taken by its first
 * request and answers its repeats with the kept answer; another request
 * with it is told apart (method, path, body); a server-side failure frees
 * it; it is per account; a day later it is free again and forgotten. */
#include "test.h"
#include "fixture.h"
#include "domain/idempotency.h"
#include "store/store.h"

#define NOW 1700000000LL

TEST(idempotency_key_taken_kept_replayed_and_forgotten)
{
	FIXTURE(f);
	f.c.now = NOW;
	enum idempotency_state s;
	struct idempotent_answer a;
	const char *body = "{\"name\":\"x\"}";
	CHECK(idempotency_key_valid("a"));
	CHECK(idempotency_key_valid(" ~"));
	CHECK(!idempotency_key_valid(""));
	CHECK(!idempotency_key_valid(NULL));
	CHECK(!idempotency_key_valid("tab\there"));
	CHECK(!idempotency_key_valid("\xc3\xa9"));
	char longkey[IDEMPOTENCY_KEY_MAX + 2];
	memset(longkey, 'k', sizeof(longkey) - 1);
	longkey[sizeof(longkey) - 1] = '\0';
	CHECK(!idempotency_key_valid(longkey));
	longkey[IDEMPOTENCY_KEY_MAX] = '\0';
	CHECK(idempotency_key_valid(longkey));
	CHECK_INT(idempotency_begin(&f.c, "", "POST", "/api/v1/x", body, strlen(body), &s, &a), D_INVALID);

	CHECK_INT(idempotency_begin(&f.c, "k1", "POST", "/api/v1/x", body, strlen(body), &s, &a), D_OK);
	CHECK_INT(s, IDEMPOTENCY_NEW);
	/* a repeat while the first is handled */
	CHECK_INT(idempotency_begin(&f.c, "k1", "POST", "/api/v1/x", body, strlen(body), &s, &a), D_OK);
	CHECK_INT(s, IDEMPOTENCY_IN_PROGRESS);
	CHECK_INT(idempotency_end(&f.c, "k1", 201, "application/json", "{\"id\":7}", 8), D_OK);
	CHECK_INT(idempotency_begin(&f.c, "k1", "POST", "/api/v1/x", body, strlen(body), &s, &a), D_OK);
	CHECK_INT(s, IDEMPOTENCY_REPLAY);
	CHECK_INT(a.status, 201);
	CHECK_STR(a.content_type, "application/json");
	CHECK_STR(a.body, "{\"id\":7}");
	CHECK_INT(a.len, 8);
	/* another body, another path, another method: another request */
	CHECK_INT(idempotency_begin(&f.c, "k1", "POST", "/api/v1/x", "{}", 2, &s, &a), D_OK);
	CHECK_INT(s, IDEMPOTENCY_OTHER_REQUEST);
	CHECK_INT(idempotency_begin(&f.c, "k1", "POST", "/api/v1/y", body, strlen(body), &s, &a), D_OK);
	CHECK_INT(s, IDEMPOTENCY_OTHER_REQUEST);
	CHECK_INT(idempotency_begin(&f.c, "k1", "PUT", "/api/v1/x", body, strlen(body), &s, &a), D_OK);
	CHECK_INT(s, IDEMPOTENCY_OTHER_REQUEST);
	/* per account: the same key of another account is its own */
	long long second = 0;
	CHECK_INT(store_account_add(f.st, f.org_a, "tweede@example.nl", "Tweede", 0, "", &second), ST_OK);
	struct actor w2 = f.who;
	w2.account_id = second;
	struct ctx c2 = f.c;
	c2.who = &w2;
	CHECK_INT(idempotency_begin(&c2, "k1", "POST", "/api/v1/x", "{}", 2, &s, &a), D_OK);
	CHECK_INT(s, IDEMPOTENCY_NEW);
	CHECK_INT(idempotency_end(&c2, "k1", 201, "application/json", "{\"id\":9}", 8), D_OK);
	/* without an account (the command line) there is nothing to keep it under */
	struct actor cli = f.who;
	cli.account_id = 0;
	struct ctx cc = f.c;
	cc.who = &cli;
	CHECK_INT(idempotency_begin(&cc, "k1", "POST", "/api/v1/x", body, strlen(body), &s, &a), D_INVALID);

	/* a failure on the server's side frees the key */
	CHECK_INT(idempotency_begin(&f.c, "k2", "POST", "/api/v1/x", body, strlen(body), &s, &a), D_OK);
	CHECK_INT(s, IDEMPOTENCY_NEW);
	CHECK_INT(idempotency_end(&f.c, "k2", 500, "application/json", "{}", 2), D_OK);
	CHECK_INT(idempotency_begin(&f.c, "k2", "POST", "/api/v1/x", body, strlen(body), &s, &a), D_OK);
	CHECK_INT(s, IDEMPOTENCY_NEW);
	/* one never finished (the server stopped) frees it after a while */
	f.c.now = NOW + IDEMPOTENCY_ABANDONED_SECONDS + 1;
	CHECK_INT(idempotency_begin(&f.c, "k2", "POST", "/api/v1/x", body, strlen(body), &s, &a), D_OK);
	CHECK_INT(s, IDEMPOTENCY_NEW);
	CHECK_INT(idempotency_end(&f.c, "k2", 201, "application/json", "{\"id\":8}", 8), D_OK);

	/* a day later k1 is free again, and forgotten by the daily run */
	f.c.now = NOW + IDEMPOTENCY_SECONDS + 1;
	CHECK_INT(idempotency_begin(&f.c, "k1", "POST", "/api/v1/x", "{}", 2, &s, &a), D_OK);
	CHECK_INT(s, IDEMPOTENCY_NEW);
	long long n = -1;
	CHECK_INT(idempotency_forget(f.st, NOW + IDEMPOTENCY_SECONDS, &n), D_OK);
	CHECK_INT(n, 0);   /* a day old exactly: kept */
	CHECK_INT(idempotency_forget(f.st, NOW + IDEMPOTENCY_SECONDS + IDEMPOTENCY_ABANDONED_SECONDS + 2, &n), D_OK);
	CHECK_INT(n, 2);   /* k2 and the second account's k1; k1 was taken again a day later */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM idempotency_key"), 1);
	fixture_close(&f);
}
