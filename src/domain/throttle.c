/* throttle.c — growing delays after failed sign-ins: the rules per kind of
 * key, the keys, and counting them in the store. */
#include "throttle.h"
#include "store/signin.h"
#include "store/store.h"

#include <arpa/inet.h>
#include <assert.h>
#include <sodium.h>
#include <string.h>

#define SECOND 1000LL
#define MINUTE (60 * SECOND)
#define DAY (24 * 60 * MINUTE)

/* A client address gets more free failures than an account (many people
 * may sign in from one office address) and a longer cap (only that
 * address waits). An account's cap is what a stranger can make its owner
 * wait at most. */
const struct throttle_rule throttle_rules[THROTTLE_KINDS] = {
	[THROTTLE_LOGIN_ADDRESS] = { "login-address", 20, 1 * MINUTE, 5 * MINUTE },
	[THROTTLE_LOGIN_ACCOUNT] = { "login-account", 5, 5 * MINUTE, 1 * MINUTE },
	[THROTTLE_RESET_ADDRESS] = { "reset-address", 5, 10 * MINUTE, 10 * MINUTE },
};

char *throttle_email(struct arena *a, const char *email)
{
	const char *s = email ? email : "";
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	char *out = arena_alloc(a, n + 1);
	for (size_t i = 0; i < n; i++)
		out[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
	out[n] = '\0';
	return out;
}

/* The bytes that identify a client: IPv4 whole, IPv6 by its /64. */
static size_t address_bytes(const char *text, unsigned char out[16])
{
	if (inet_pton(AF_INET, text, out) == 1)
		return 4;
	if (inet_pton(AF_INET6, text, out) == 1) {
		static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
		if (!memcmp(out, mapped, sizeof(mapped))) {
			memmove(out, out + 12, 4);
			return 4;
		}
		return 8;
	}
	return 0;
}

bool throttle_key_make(struct throttle_key *k, enum throttle_kind kind, const char *value)
{
	assert(kind >= 0 && kind < THROTTLE_KINDS);
	if (!value || !*value)
		return false;
	crypto_generichash_state h;
	crypto_generichash_init(&h, NULL, 0, HASH_LEN);
	const char *name = throttle_rules[kind].name;
	crypto_generichash_update(&h, (const unsigned char *)name, strlen(name) + 1);
	unsigned char addr[16];
	size_t n = kind == THROTTLE_LOGIN_ACCOUNT ? 0 : address_bytes(value, addr);
	if (n) {
		crypto_generichash_update(&h, addr, n);
	} else if (kind == THROTTLE_LOGIN_ACCOUNT) {
		struct arena a = ARENA_INIT;
		const char *e = throttle_email(&a, value);
		crypto_generichash_update(&h, (const unsigned char *)e, strlen(e));
		arena_free(&a);
	} else {
		/* not an address we know how to read: counted as it is */
		crypto_generichash_update(&h, (const unsigned char *)value, strlen(value));
	}
	k->kind = kind;
	crypto_generichash_final(&h, k->hash, HASH_LEN);
	return true;
}

long long throttle_delay_ms(enum throttle_kind kind, long long failures)
{
	assert(kind >= 0 && kind < THROTTLE_KINDS);
	const struct throttle_rule *r = &throttle_rules[kind];
	if (failures <= r->free)
		return 0;
	long long over = failures - r->free - 1;
	if (over >= 30)
		return r->cap_ms;
	long long d = SECOND << over;
	return d < r->cap_ms ? d : r->cap_ms;
}

int throttle_check(struct store *st, const struct throttle_key *keys, size_t n, long long now_ms, long long *wait_ms,
		   long long *step_ms)
{
	*wait_ms = *step_ms = 0;
	for (size_t i = 0; i < n; i++) {
		long long until, failures;
		int r = store_throttle_get(st, keys[i].hash, &until, &failures);
		if (r)
			return r;
		if (until > now_ms && until - now_ms > *wait_ms) {
			*wait_ms = until - now_ms;
			*step_ms = throttle_delay_ms(keys[i].kind, failures);
			if (*step_ms < *wait_ms)   /* the count has leaked meanwhile */
				*step_ms = *wait_ms;
		}
	}
	return ST_OK;
}

int throttle_fail(struct store *st, const struct throttle_key *keys, size_t n, long long now_ms, long long *delay_ms)
{
	if (delay_ms)
		*delay_ms = 0;
	for (size_t i = 0; i < n; i++) {
		long long failures = 0;
		int r = store_throttle_fail(st, keys[i].hash, now_ms, throttle_rules[keys[i].kind].leak_ms, &failures);
		if (r)
			return r;
		assert(failures >= 1);
		/* a parallel failure may have set a longer delay: the store
		 * keeps the longer one, whichever order the two arrive in */
		long long d = throttle_delay_ms(keys[i].kind, failures);
		if (d && (r = store_throttle_block(st, keys[i].hash, now_ms + d)))
			return r;
		if (delay_ms && d > *delay_ms)
			*delay_ms = d;
	}
	return ST_OK;
}

int throttle_clear(struct store *st, const struct throttle_key *k)
{
	return store_throttle_clear(st, k->hash);
}

int throttle_sweep(struct store *st, long long now_ms)
{
	return store_throttle_sweep(st, now_ms - DAY);
}
