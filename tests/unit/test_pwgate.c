/* test_pwgate.c — the password gate: its size from cores and memory, K
 * hashes at once, a full queue and a wait that runs out answering busy at
 * once, first come first served, and the account functions answering busy
 * without hashing, saving or counting anything. The gate is held by hand
 * (pwgate_enter) so that nothing here depends on how fast hashing is. */
#include "test.h"
#include "fixture.h"
#include "domain/account.h"
#include "domain/pwgate.h"
#include "domain/role.h"
#include "store/store.h"

#include <pthread.h>
#include <time.h>
#include <unistd.h>

#define NOW_FOR_GATE 1700000000000LL  /* milliseconds */

static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Waits (at most 10 s) until the gate shows this many running and waiting. */
static bool gate_reaches(unsigned running, unsigned waiting)
{
	for (int i = 0; i < 1000; i++) {
		struct pwgate_stats s;
		pwgate_stats(&s);
		if (s.running == running && s.waiting == waiting)
			return true;
		usleep(10000);
	}
	return false;
}

static void configure(unsigned slots, unsigned queue, unsigned wait_ms)
{
	struct pwgate_limits l = { slots, queue, wait_ms };
	pwgate_configure(&l);
}

TEST(pwgate_sized_to_cores_and_memory)
{
	struct pwgate_limits l = pwgate_limits_for(2, 512);
	CHECK_INT(l.slots, 1);            /* one core is left for the pages */
	CHECK_INT(l.queue, PWGATE_QUEUE);
	CHECK_INT(l.wait_ms, PWGATE_WAIT_MS);
	CHECK_INT(pwgate_limits_for(8, 100000).slots, 7);
	CHECK_INT(pwgate_limits_for(8, 256).slots, 4);    /* 256 MiB hold four hashes of 64 */
	CHECK_INT(pwgate_limits_for(8, 255).slots, 3);
	CHECK_INT(pwgate_limits_for(1, 512).slots, 1);
	CHECK_INT(pwgate_limits_for(0, 512).slots, 1);
	CHECK_INT(pwgate_limits_for(16, 10).slots, 1);    /* at least one, or nobody signs in */
	struct pwgate_limits m = pwgate_machine_limits(0);
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	CHECK(m.slots >= 1);
	CHECK(m.slots <= (cores > 1 ? (unsigned)cores - 1 : 1u));
	CHECK(m.slots <= PWGATE_MEMORY_MIB / PWGATE_HASH_MIB);
}

struct holder {
	pthread_t t;
	enum pw_result r;
	int order;
};

static pthread_mutex_t hold_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t hold_cv = PTHREAD_COND_INITIALIZER;
static bool released;
static int inside, most_inside, admitted;

/* Enters, stays until released, leaves. */
static void *hold(void *arg)
{
	struct holder *h = arg;
	h->r = pwgate_enter();
	if (h->r != PW_OK)
		return NULL;
	pthread_mutex_lock(&hold_lock);
	h->order = ++admitted;
	if (++inside > most_inside)
		most_inside = inside;
	while (!released)
		pthread_cond_wait(&hold_cv, &hold_lock);
	inside--;
	pthread_mutex_unlock(&hold_lock);
	pwgate_leave();
	return NULL;
}

static void reset_holders(void)
{
	released = false;
	inside = most_inside = admitted = 0;
}

static void release_all(void)
{
	pthread_mutex_lock(&hold_lock);
	released = true;
	pthread_cond_broadcast(&hold_cv);
	pthread_mutex_unlock(&hold_lock);
}

TEST(pwgate_lets_k_in_at_once)
{
	struct pwgate_limits saved = pwgate_current();
	configure(2, 8, 10000);
	reset_holders();
	struct holder h[5];
	for (int i = 0; i < 5; i++)
		pthread_create(&h[i].t, NULL, hold, &h[i]);
	CHECK(gate_reaches(2, 3));
	pthread_mutex_lock(&hold_lock);
	CHECK_INT(inside, 2);
	pthread_mutex_unlock(&hold_lock);
	release_all();
	for (int i = 0; i < 5; i++) {
		pthread_join(h[i].t, NULL);
		CHECK_INT(h[i].r, PW_OK);
	}
	CHECK_INT(most_inside, 2);
	CHECK(gate_reaches(0, 0));
	pwgate_configure(&saved);
}

TEST(pwgate_full_queue_is_busy_at_once)
{
	struct pwgate_limits saved = pwgate_current();
	configure(1, 1, 10000);
	reset_holders();
	struct pwgate_stats before, after;
	pwgate_stats(&before);
	CHECK_INT(pwgate_enter(), PW_OK);          /* this thread holds the slot */
	struct holder w;
	pthread_create(&w.t, NULL, hold, &w);      /* takes the one place in the queue */
	CHECK(gate_reaches(1, 1));
	long long t0 = now_ms();
	CHECK_INT(pwgate_enter(), PW_BUSY);        /* queue full: no waiting */
	CHECK(now_ms() - t0 < 5000);               /* far below the 10 s wait */
	pwgate_stats(&after);
	CHECK_INT(after.refused_full - before.refused_full, 1);
	pwgate_leave();                            /* the waiter comes in */
	CHECK(gate_reaches(1, 0));
	release_all();
	pthread_join(w.t, NULL);
	CHECK_INT(w.r, PW_OK);
	pwgate_configure(&saved);
}

TEST(pwgate_wait_runs_out)
{
	struct pwgate_limits saved = pwgate_current();
	configure(1, 4, 100);
	reset_holders();
	struct pwgate_stats before, after;
	pwgate_stats(&before);
	CHECK_INT(pwgate_enter(), PW_OK);
	struct holder w;
	long long t0 = now_ms();
	pthread_create(&w.t, NULL, hold, &w);
	pthread_join(w.t, NULL);
	CHECK_INT(w.r, PW_BUSY);
	CHECK(now_ms() - t0 >= 100);               /* it did wait its time */
	pwgate_stats(&after);
	CHECK_INT(after.refused_wait - before.refused_wait, 1);
	CHECK_INT(after.waiting, 0);               /* and left the queue */
	pwgate_leave();
	CHECK_INT(pwgate_enter(), PW_OK);          /* the gate is whole again */
	pwgate_leave();
	pwgate_configure(&saved);
}

TEST(pwgate_first_come_first_served)
{
	struct pwgate_limits saved = pwgate_current();
	configure(1, 3, 10000);
	reset_holders();
	CHECK_INT(pwgate_enter(), PW_OK);
	struct holder h[3];
	for (int i = 0; i < 3; i++) {
		pthread_create(&h[i].t, NULL, hold, &h[i]);
		CHECK(gate_reaches(1, (unsigned)i + 1));   /* in line before the next starts */
	}
	release_all();   /* each leaves as soon as it is in */
	pwgate_leave();
	for (int i = 0; i < 3; i++) {
		pthread_join(h[i].t, NULL);
		CHECK_INT(h[i].r, PW_OK);
		CHECK_INT(h[i].order, i + 1);
	}
	pwgate_configure(&saved);
}

static void *enter_once(void *arg)
{
	enum pw_result *r = arg;
	*r = pwgate_enter();
	if (*r == PW_OK)
		pwgate_leave();
	return NULL;
}

TEST(pwgate_refuse_here_is_per_thread)
{
	struct pwgate_limits saved = pwgate_current();
	configure(2, 2, 1000);
	pwgate_refuse_here(true);
	CHECK_INT(pwgate_enter(), PW_BUSY);        /* even with every slot free */
	char hash[PWGATE_HASH_BYTES];
	CHECK_INT(pwgate_hash(hash, "correct paard batterij"), PW_BUSY);
	pthread_t t;
	enum pw_result other = PW_ERROR;
	pthread_create(&t, NULL, enter_once, &other);
	pthread_join(t, NULL);
	CHECK_INT(other, PW_OK);                   /* another thread is not refused */
	pwgate_refuse_here(false);
	CHECK_INT(pwgate_enter(), PW_OK);
	pwgate_leave();
	pwgate_configure(&saved);
}

TEST(pwgate_busy_accounts_change_and_count_nothing)
{
	FIXTURE(f);  /* 3 hashes */
	struct pwgate_limits saved = pwgate_current();
	struct errors e = { 0 };
	long long id = 0, who = 0;
	struct login_wait until;
	CHECK_INT(account_create(&f.c, "jan@example.nl", "Jan", 0, "correct paard batterij", ROLE_COACH, &e, &id), D_OK);
	char *old_hash = arena_strdup(&f.a, "");
	struct account acc;
	if (store_account_get(f.st, &f.a, f.org_a, id, &acc) == ST_OK)
		old_hash = acc.password_hash;

	configure(1, 0, 1000);
	CHECK_INT(pwgate_enter(), PW_OK);          /* the one slot taken, no queue */
	/* more wrong passwords than the free ones before a delay: none is counted */
	for (int i = 0; i < 8; i++)
		CHECK_INT(account_login(f.st, &f.a, "jan@example.nl", "fout-wachtwoord", "192.0.2.7", NOW_FOR_GATE, &who, &until),
			  LOGIN_BUSY);
	/* an unknown address answers the same */
	CHECK_INT(account_login(f.st, &f.a, "niemand@example.nl", "fout-wachtwoord", "192.0.2.7", NOW_FOR_GATE, &who, &until),
		  LOGIN_BUSY);
	CHECK_INT(account_login(f.st, &f.a, "jan@example.nl", "correct paard batterij", "192.0.2.7", NOW_FOR_GATE, &who, &until),
		  LOGIN_BUSY);
	e = (struct errors){ 0 };
	CHECK_INT(account_create(&f.c, "piet@example.nl", "Piet", 0, "correct paard batterij", ROLE_COACH, &e, NULL), D_BUSY);
	CHECK(errors_get(&e, "password") != NULL);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM account WHERE email = 'piet@example.nl'"), 0);
	e = (struct errors){ 0 };
	CHECK_INT(account_set_password(&f.c, id, "nieuw wachtwoord 123", &e), D_BUSY);
	CHECK(errors_get(&e, "password") != NULL);
	if (store_account_get(f.st, &f.a, f.org_a, id, &acc) == ST_OK)
		CHECK_STR(acc.password_hash, old_hash);
	pwgate_leave();

	/* with room again, the right password opens the account at once */
	CHECK_INT(account_login(f.st, &f.a, "jan@example.nl", "correct paard batterij", "192.0.2.7", NOW_FOR_GATE, &who, &until),
		  LOGIN_OK);
	CHECK_INT(who, id);
	pwgate_configure(&saved);
	fixture_close(&f);
}
