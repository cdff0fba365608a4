/* pwgate.h — the gate every password hash of leergang passes through.
 * An argon2id hash or verification takes 64 MiB and a core for about a
 * fifth of a second, so the gate lets at most `slots` run at once, lets at
 * most `queue` callers wait for a slot, each for at most `wait_ms`. A
 * caller that finds the queue full, or whose wait runs out, gets PW_BUSY at
 * once and is told to try again shortly, instead of hashes piling up until
 * the memory or the server's threads run out. One gate per process: the
 * server sizes it at start (pwgate_configure); the command line keeps the
 * machine's defaults. */
#ifndef LG_DOMAIN_PWGATE_H
#define LG_DOMAIN_PWGATE_H

#include <stdbool.h>

#define PWGATE_HASH_BYTES 128      /* crypto_pwhash_STRBYTES */
#define PWGATE_HASH_MIB 64         /* memory of one hash (MEMLIMIT_INTERACTIVE) */
#define PWGATE_QUEUE 32            /* a class signing in at once fits */
#define PWGATE_WAIT_MS 5000
#define PWGATE_MEMORY_MIB 512      /* default budget ceiling for hashing */

enum pw_result { PW_OK, PW_MISMATCH, PW_BUSY, PW_ERROR };

struct pwgate_limits {
	unsigned slots;    /* hashes at once, at least 1 */
	unsigned queue;    /* callers waiting for a slot; 0 refuses whoever finds every slot taken */
	unsigned wait_ms;  /* the longest wait for a slot */
};

/* The limits for a machine with this many cores and this much memory (MiB)
 * for hashing: one core fewer than the machine has (at least one), and no
 * more hashes than fit in memory_mib at PWGATE_HASH_MIB each (at least
 * one); queue PWGATE_QUEUE, wait PWGATE_WAIT_MS. */
struct pwgate_limits pwgate_limits_for(long cores, unsigned long long memory_mib);
/* The same for this machine; memory_mib 0 takes an eighth of its memory,
 * at most PWGATE_MEMORY_MIB. */
struct pwgate_limits pwgate_machine_limits(unsigned long long memory_mib);

/* Sets the limits (slots 0 counts as 1). Callers already waiting keep their
 * place; more slots let them in at once. */
void pwgate_configure(const struct pwgate_limits *l);
struct pwgate_limits pwgate_current(void);

/* argon2id (libsodium's interactive limits) of pw into out, through the
 * gate: PW_OK, PW_BUSY, or PW_ERROR when there is no memory. */
enum pw_result pwgate_hash(char out[PWGATE_HASH_BYTES], const char *pw);
/* Checks pw against a stored hash through the gate: PW_OK, PW_MISMATCH
 * (also for a malformed hash) or PW_BUSY. */
enum pw_result pwgate_verify(const char *hash, const char *pw);

/* The gate itself: PW_OK holds a slot until pwgate_leave(), PW_BUSY holds
 * nothing. */
enum pw_result pwgate_enter(void);
void pwgate_leave(void);

/* While on, the gate answers PW_BUSY at once on the calling thread. The web
 * layer sets it for a request that the server had no room for on its
 * password lane (http/lane.h), so that such a request is answered "busy"
 * on a request thread without hashing there. */
void pwgate_refuse_here(bool on);

struct pwgate_stats {
	unsigned running, waiting;
	unsigned long long passed;        /* slots handed out */
	unsigned long long refused_full;  /* the queue was full */
	unsigned long long refused_wait;  /* the wait ran out */
};
void pwgate_stats(struct pwgate_stats *s);

#endif
