/* test_throttle.c — growing delays after failed sign-ins: the schedule per
 * kind of key, the keys (normalised, hashed, an IPv6 client by its /64),
 * counts that leak away, the sweep, and exact counting when many
 * connections fail at once on one database file. No password hashes. */
#include "test.h"
#include "fixture.h"
#include "domain/account.h"
#include "domain/throttle.h"
#include "store/signin.h"
#include "store/store.h"

#include <pthread.h>
#include <sodium.h>

#define T0 1700000000000LL
#define SEC 1000LL
#define MIN (60 * SEC)

static long long stored(struct fixture *f, const struct throttle_key *k, const char *column)
{
	char hex[HASH_LEN * 2 + 1];
	sodium_bin2hex(hex, sizeof(hex), k->hash, HASH_LEN);
	return fixture_query(f, "SELECT coalesce((SELECT %s FROM login_throttle WHERE hex(key_hash) = upper('%s')), -1)",
			     column, hex);
}

TEST(throttle_delays_double_up_to_a_cap)
{
	/* an account: five free, then 1 s doubling to at most a minute */
	CHECK_INT(throttle_delay_ms(THROTTLE_LOGIN_ACCOUNT, 0), 0);
	CHECK_INT(throttle_delay_ms(THROTTLE_LOGIN_ACCOUNT, 5), 0);
	CHECK_INT(throttle_delay_ms(THROTTLE_LOGIN_ACCOUNT, 6), 1 * SEC);
	CHECK_INT(throttle_delay_ms(THROTTLE_LOGIN_ACCOUNT, 7), 2 * SEC);
	CHECK_INT(throttle_delay_ms(THROTTLE_LOGIN_ACCOUNT, 8), 4 * SEC);
	CHECK_INT(throttle_delay_ms(THROTTLE_LOGIN_ACCOUNT, 11), 32 * SEC);
	CHECK_INT(throttle_delay_ms(THROTTLE_LOGIN_ACCOUNT, 12), 1 * MIN);
	CHECK_INT(throttle_delay_ms(THROTTLE_LOGIN_ACCOUNT, 1000000), 1 * MIN);
	/* growing: never shorter for more failures */
	for (enum throttle_kind k = 0; k < THROTTLE_KINDS; k++)
		for (long long n = 1; n < 100; n++)
			CHECK(throttle_delay_ms(k, n) >= throttle_delay_ms(k, n - 1) &&
			      throttle_delay_ms(k, n) <= throttle_rules[k].cap_ms);
	/* a client address: twenty free, capped at five minutes */
	CHECK_INT(throttle_delay_ms(THROTTLE_LOGIN_ADDRESS, 20), 0);
	CHECK_INT(throttle_delay_ms(THROTTLE_LOGIN_ADDRESS, 21), 1 * SEC);
	CHECK_INT(throttle_delay_ms(THROTTLE_LOGIN_ADDRESS, 40), 5 * MIN);
	/* requests for a reset link: five free per address */
	CHECK_INT(throttle_delay_ms(THROTTLE_RESET_ADDRESS, 5), 0);
	CHECK_INT(throttle_delay_ms(THROTTLE_RESET_ADDRESS, 6), 1 * SEC);
	CHECK_INT(throttle_delay_ms(THROTTLE_RESET_ADDRESS, 60), 10 * MIN);
}

TEST(throttle_keys)
{
	struct throttle_key a, b;
	struct arena ar = ARENA_INIT;
	CHECK_STR(throttle_email(&ar, "  Jan.Jansen@Example.NL\t"), "jan.jansen@example.nl");
	CHECK_STR(throttle_email(&ar, NULL), "");
	/* non-ASCII is left as typed, as the account table compares it */
	CHECK_STR(throttle_email(&ar, "\xC3\x89LISE@example.nl"), "\xC3\x89lise@example.nl");
	arena_free(&ar);
	/* the address typed, normalised */
	CHECK(throttle_key_make(&a, THROTTLE_LOGIN_ACCOUNT, "Jan@Example.nl "));
	CHECK(throttle_key_make(&b, THROTTLE_LOGIN_ACCOUNT, "jan@example.nl"));
	CHECK(!memcmp(a.hash, b.hash, HASH_LEN));
	CHECK(throttle_key_make(&b, THROTTLE_LOGIN_ACCOUNT, "jan@example.com"));
	CHECK(memcmp(a.hash, b.hash, HASH_LEN) != 0);
	/* kinds are apart: the same text is another key per kind */
	CHECK(throttle_key_make(&a, THROTTLE_LOGIN_ADDRESS, "192.0.2.1"));
	CHECK(throttle_key_make(&b, THROTTLE_RESET_ADDRESS, "192.0.2.1"));
	CHECK(memcmp(a.hash, b.hash, HASH_LEN) != 0);
	CHECK_INT(a.kind, THROTTLE_LOGIN_ADDRESS);
	/* IPv4 as itself, and mapped into IPv6 */
	CHECK(throttle_key_make(&b, THROTTLE_LOGIN_ADDRESS, "::ffff:192.0.2.1"));
	CHECK(!memcmp(a.hash, b.hash, HASH_LEN));
	CHECK(throttle_key_make(&b, THROTTLE_LOGIN_ADDRESS, "192.0.2.2"));
	CHECK(memcmp(a.hash, b.hash, HASH_LEN) != 0);
	/* IPv6 by its /64, however it is written */
	CHECK(throttle_key_make(&a, THROTTLE_LOGIN_ADDRESS, "2001:db8:0:1::1"));
	CHECK(throttle_key_make(&b, THROTTLE_LOGIN_ADDRESS, "2001:0db8:0000:0001:ffff:ffff:ffff:fffe"));
	CHECK(!memcmp(a.hash, b.hash, HASH_LEN));
	CHECK(throttle_key_make(&b, THROTTLE_LOGIN_ADDRESS, "2001:db8:0:2::1"));
	CHECK(memcmp(a.hash, b.hash, HASH_LEN) != 0);
	/* nothing to count: no key */
	CHECK(!throttle_key_make(&a, THROTTLE_LOGIN_ADDRESS, NULL));
	CHECK(!throttle_key_make(&a, THROTTLE_LOGIN_ADDRESS, ""));
	CHECK(!throttle_key_make(&a, THROTTLE_LOGIN_ACCOUNT, ""));
	/* not an address: counted as typed, still a key of its own */
	CHECK(throttle_key_make(&a, THROTTLE_LOGIN_ADDRESS, "unix-socket"));
}

TEST(throttle_counts_leak_and_waits_hold)
{
	FIXTURE(f);
	struct throttle_key k;
	CHECK(throttle_key_make(&k, THROTTLE_LOGIN_ACCOUNT, "piet@example.nl"));
	long long delay = -1, wait, step;
	for (int i = 1; i <= 7; i++)
		CHECK_INT(throttle_fail(f.st, &k, 1, T0, &delay), ST_OK);
	CHECK_INT(delay, 2 * SEC);
	CHECK_INT(stored(&f, &k, "failures"), 7);
	CHECK_INT(stored(&f, &k, "blocked_until"), T0 + 2 * SEC);
	CHECK_INT(throttle_check(f.st, &k, 1, T0 + 500, &wait, &step), ST_OK);
	CHECK_INT(wait, 1500);
	CHECK_INT(step, 2 * SEC);
	CHECK_INT(throttle_check(f.st, &k, 1, T0 + 2 * SEC, &wait, &step), ST_OK);
	CHECK_INT(wait, 0);
	/* one failure leaks away per five minutes: after eleven minutes two
	 * have, and the part of the third minute is kept for the next */
	CHECK_INT(throttle_fail(f.st, &k, 1, T0 + 11 * MIN, &delay), ST_OK);
	CHECK_INT(stored(&f, &k, "failures"), 6);
	CHECK_INT(stored(&f, &k, "leaked_at"), T0 + 10 * MIN);
	CHECK_INT(delay, 1 * SEC);
	CHECK_INT(throttle_fail(f.st, &k, 1, T0 + 15 * MIN, &delay), ST_OK);
	CHECK_INT(stored(&f, &k, "failures"), 6);
	/* a long quiet time leaks all: counting starts afresh */
	CHECK_INT(throttle_fail(f.st, &k, 1, T0 + 24 * 60 * MIN, &delay), ST_OK);
	CHECK_INT(stored(&f, &k, "failures"), 1);
	CHECK_INT(stored(&f, &k, "leaked_at"), T0 + 24 * 60 * MIN);
	CHECK_INT(delay, 0);
	/* a clock that went back leaks nothing and counts on */
	CHECK_INT(throttle_fail(f.st, &k, 1, T0, &delay), ST_OK);
	CHECK_INT(stored(&f, &k, "failures"), 2);
	/* a later, shorter delay never shortens a longer one */
	CHECK_INT(store_throttle_block(f.st, k.hash, T0 + 90 * MIN), ST_OK);
	CHECK_INT(store_throttle_block(f.st, k.hash, T0 + 10 * MIN), ST_OK);
	CHECK_INT(stored(&f, &k, "blocked_until"), T0 + 90 * MIN);
	/* the longest wait of several keys counts */
	struct throttle_key two[2];
	CHECK(throttle_key_make(&two[0], THROTTLE_LOGIN_ADDRESS, "192.0.2.1"));
	two[1] = k;
	CHECK_INT(throttle_check(f.st, two, 2, T0 + 30 * MIN, &wait, &step), ST_OK);
	CHECK_INT(wait, 60 * MIN);
	/* cleared, the key is gone; the sweep takes keys quiet for a day */
	CHECK_INT(throttle_clear(f.st, &k), ST_OK);
	CHECK_INT(stored(&f, &k, "failures"), -1);
	CHECK_INT(throttle_fail(f.st, two, 1, T0, NULL), ST_OK);
	CHECK_INT(throttle_sweep(f.st, T0 + 24 * 60 * MIN - 1), ST_OK);
	CHECK_INT(stored(&f, &two[0], "failures"), 1);
	CHECK_INT(throttle_sweep(f.st, T0 + 24 * 60 * MIN + 1), ST_OK);
	CHECK_INT(stored(&f, &two[0], "failures"), -1);
	fixture_close(&f);
}

/* ---- many failures at once, each on a connection of its own ---- */

#define PARALLEL 40

struct racer {
	const char *path;
	pthread_barrier_t *start;
	int mode;          /* 0: throttle_fail, 1: account_login */
	int result;
};

static void *race(void *arg)
{
	struct racer *r = arg;
	struct store *st = NULL;
	struct buf err = BUF_INIT;
	struct arena a = ARENA_INIT;
	r->result = -100;
	if (store_open(r->path, &st, &err) == ST_OK) {
		pthread_barrier_wait(r->start);
		if (r->mode == 0) {
			struct throttle_key k;
			throttle_key_make(&k, THROTTLE_LOGIN_ACCOUNT, "doelwit@example.nl");
			r->result = throttle_fail(st, &k, 1, T0, NULL);
		} else {
			long long who = 0;
			struct login_wait w;
			/* an account without a password: a failure without a hash */
			r->result = (int)account_login(st, &a, "doelwit@example.nl", "raden", "198.51.100.1", T0, &who, &w);
		}
	} else {
		pthread_barrier_wait(r->start);
	}
	store_close(st);
	buf_release(&err);
	arena_free(&a);
	return NULL;
}

static void run_race(struct fixture *f, int mode, struct racer *r)
{
	pthread_t t[PARALLEL];
	pthread_barrier_t start;
	pthread_barrier_init(&start, NULL, PARALLEL);
	for (int i = 0; i < PARALLEL; i++) {
		r[i] = (struct racer){ f->path, &start, mode, 0 };
		pthread_create(&t[i], NULL, race, &r[i]);
	}
	for (int i = 0; i < PARALLEL; i++)
		pthread_join(t[i], NULL);
	pthread_barrier_destroy(&start);
}

TEST(throttle_counts_every_parallel_failure)
{
	FIXTURE(f);
	struct racer r[PARALLEL];
	struct throttle_key k;
	CHECK(throttle_key_make(&k, THROTTLE_LOGIN_ACCOUNT, "doelwit@example.nl"));
	run_race(&f, 0, r);
	int ok = 0;
	for (int i = 0; i < PARALLEL; i++)
		ok += r[i].result == ST_OK;
	CHECK_INT(ok, PARALLEL);
	CHECK_INT(stored(&f, &k, "failures"), PARALLEL);
	CHECK_INT(stored(&f, &k, "blocked_until"), T0 + throttle_delay_ms(THROTTLE_LOGIN_ACCOUNT, PARALLEL));
	fixture_close(&f);
}

TEST(throttle_login_parallel_failures_counted_once_each)
{
	FIXTURE(f);
	long long id = 0;
	CHECK_INT(store_account_add(f.st, f.org_a, "doelwit@example.nl", "Doelwit", 0, "", &id), ST_OK);
	struct racer r[PARALLEL];
	run_race(&f, 1, r);
	/* each try either failed (and was counted), met a delay that an
	 * earlier one had started, or found the password gate full (an
	 * account without a password yet is checked against the dummy hash,
	 * to take the time of any other): the last two were not counted.
	 * Nothing lost, nothing twice */
	int bad = 0, waited = 0, busy = 0;
	for (int i = 0; i < PARALLEL; i++) {
		bad += r[i].result == LOGIN_BAD;
		waited += r[i].result == LOGIN_WAIT;
		busy += r[i].result == LOGIN_BUSY;
	}
	CHECK_INT(bad + waited + busy, PARALLEL);
	CHECK(bad > throttle_rules[THROTTLE_LOGIN_ACCOUNT].free);
	struct throttle_key k;
	CHECK(throttle_key_make(&k, THROTTLE_LOGIN_ACCOUNT, "doelwit@example.nl"));
	CHECK_INT(stored(&f, &k, "failures"), bad);
	CHECK(throttle_key_make(&k, THROTTLE_LOGIN_ADDRESS, "198.51.100.1"));
	CHECK_INT(stored(&f, &k, "failures"), bad);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'login.failed' AND object_id = %lld", id),
		  bad);
	fixture_close(&f);
}
