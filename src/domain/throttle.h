/* throttle.h — growing delays after failed sign-ins, instead of a lock-out
 * (SPEC C1: "never a lock that a stranger can set off").
 *
 * Failures are counted per key: the client's address, and the e-mail
 * address typed (normalised), whether or not an account has it; requests
 * for a password-reset link per client address. Each kind of key has a
 * free allowance, then a delay that doubles with every further failure
 * (1 s, 2 s, 4 s ...) up to a cap, and its count leaks away over time, so
 * that an office behind one address that mistypes now and then never
 * waits. A key that must wait is refused before anything is looked up or
 * hashed, which makes that answer the same, and as fast, for an address
 * with an account and one without.
 *
 * The delay of an account's key is capped at a minute: a stranger can
 * slow its owner down, never lock them out; and a password-reset link
 * clears the key. Keys are stored as BLAKE2b-256 hashes (store/signin.h).
 * Times are in milliseconds since 1970. */
#ifndef LG_DOMAIN_THROTTLE_H
#define LG_DOMAIN_THROTTLE_H

#include "core/compiler.h"
#include "core/arena.h"
#include "domain/model/people.h"

#include <stdbool.h>
#include <stddef.h>

struct store;

enum throttle_kind {
	THROTTLE_LOGIN_ADDRESS,   /* failed sign-ins from one client address */
	THROTTLE_LOGIN_ACCOUNT,   /* failed sign-ins with one e-mail address typed */
	THROTTLE_RESET_ADDRESS,   /* requests for a reset link from one client address */
	THROTTLE_KINDS
};

struct throttle_rule {
	const char *name;      /* part of the hashed key */
	long long free;        /* failures without a delay */
	long long leak_ms;     /* one failure is forgotten per leak_ms */
	long long cap_ms;      /* the longest delay */
};
extern const struct throttle_rule throttle_rules[THROTTLE_KINDS];

struct throttle_key {
	enum throttle_kind kind;
	unsigned char hash[HASH_LEN];
};

/* The e-mail address as keys and look-ups use it: without surrounding
 * white space, ASCII letters in lower case (as the account table compares
 * them). In the arena. */
char *throttle_email(struct arena *a, const char *email);

/* Fills k for a value of its kind: a client address (an IPv6 address
 * counts by its /64, which one client commonly holds whole; an IPv4-mapped
 * one as IPv4) or an e-mail address (normalised as throttle_email does).
 * False, with k untouched, for a NULL or empty value: nothing to count (the
 * command line has no client address). */
bool throttle_key_make(struct throttle_key *k, enum throttle_kind kind, const char *value);

/* The delay that the failures-th failure of kind starts. */
long long throttle_delay_ms(enum throttle_kind kind, long long failures);

/* Whether any of the keys must wait at now_ms: *wait_ms the time left (0:
 * none must), *step_ms the whole delay it is in (for a message that does
 * not depend on the moment of asking). */
MUST_CHECK int throttle_check(struct store *st, const struct throttle_key *keys, size_t n, long long now_ms, long long *wait_ms,
		   long long *step_ms);
/* Counts a failure for each key (atomically in the store) and starts the
 * delay its count earns; *delay_ms (may be NULL) the longest delay started. */
MUST_CHECK int throttle_fail(struct store *st, const struct throttle_key *keys, size_t n, long long now_ms, long long *delay_ms);
/* Forgets a key's failures (after a success, or a password set anew). */
MUST_CHECK int throttle_clear(struct store *st, const struct throttle_key *k);
/* Forgets every key whose count has not changed for a day. */
MUST_CHECK int throttle_sweep(struct store *st, long long now_ms);

#endif
