/* pwgate.c — the gate of password hashing (pwgate.h): a counting
 * semaphore with a first-come-first-served queue of bounded length whose
 * waiters give up after a bounded time. Each waiter sleeps on a condition
 * variable of its own, so a freed slot wakes exactly the next in line. */
#include "pwgate.h"

#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <sodium.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

_Static_assert(PWGATE_HASH_BYTES == crypto_pwhash_STRBYTES, "hash string size");
_Static_assert(crypto_pwhash_MEMLIMIT_INTERACTIVE == PWGATE_HASH_MIB * 1024ULL * 1024, "memory of one hash");

struct waiter {
	pthread_cond_t cv;
	bool granted;
	struct waiter *next;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static bool configured;
static struct pwgate_limits limits;
static unsigned running, waiting;
static struct waiter *head, *tail;
static unsigned long long passed, refused_full, refused_wait;
static _Thread_local bool refuse_here;

struct pwgate_limits pwgate_limits_for(long cores, unsigned long long memory_mib)
{
	struct pwgate_limits l = { 1, PWGATE_QUEUE, PWGATE_WAIT_MS };
	unsigned long long by_memory = memory_mib / PWGATE_HASH_MIB;
	long by_cores = cores - 1;
	unsigned long long slots = by_cores < 1 ? 1 : (unsigned long long)by_cores;
	if (by_memory < slots)
		slots = by_memory;
	l.slots = slots < 1 ? 1 : (unsigned)slots;
	return l;
}

struct pwgate_limits pwgate_machine_limits(unsigned long long memory_mib)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	if (!memory_mib) {
		long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
		unsigned long long total = pages > 0 && page > 0 ? (unsigned long long)pages * (unsigned long long)page >> 20 : 0;
		memory_mib = total / 8;
		if (memory_mib > PWGATE_MEMORY_MIB || !memory_mib)
			memory_mib = PWGATE_MEMORY_MIB;
	}
	return pwgate_limits_for(cores, memory_mib);
}

/* Lets waiters in while there are free slots; under the lock. */
static void admit_waiters(void)
{
	while (head && running < limits.slots) {
		struct waiter *w = head;
		head = w->next;
		if (!head)
			tail = NULL;
		waiting--;
		running++;
		passed++;
		w->granted = true;
		pthread_cond_signal(&w->cv);
	}
}

static void ensure_configured(void)
{
	if (!configured) {
		limits = pwgate_machine_limits(0);
		configured = true;
	}
}

void pwgate_configure(const struct pwgate_limits *l)
{
	pthread_mutex_lock(&lock);
	limits = *l;
	if (!limits.slots)
		limits.slots = 1;
	configured = true;
	admit_waiters();
	pthread_mutex_unlock(&lock);
}

struct pwgate_limits pwgate_current(void)
{
	pthread_mutex_lock(&lock);
	ensure_configured();
	struct pwgate_limits l = limits;
	pthread_mutex_unlock(&lock);
	return l;
}

void pwgate_refuse_here(bool on)
{
	refuse_here = on;
}

static void unlink_waiter(struct waiter *w)
{
	struct waiter **p = &head, *prev = NULL;
	while (*p && *p != w) {
		prev = *p;
		p = &(*p)->next;
	}
	assert(*p == w);
	*p = w->next;
	if (tail == w)
		tail = prev;
	waiting--;
}

enum pw_result pwgate_enter(void)
{
	pthread_mutex_lock(&lock);
	ensure_configured();
	if (refuse_here) {
		refused_full++;
		pthread_mutex_unlock(&lock);
		return PW_BUSY;
	}
	if (!head && running < limits.slots) {
		running++;
		passed++;
		pthread_mutex_unlock(&lock);
		return PW_OK;
	}
	if (waiting >= limits.queue) {
		refused_full++;
		pthread_mutex_unlock(&lock);
		return PW_BUSY;
	}
	struct waiter w = { .granted = false, .next = NULL };
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&w.cv, &attr);
	pthread_condattr_destroy(&attr);
	if (tail)
		tail->next = &w;
	else
		head = &w;
	tail = &w;
	waiting++;

	struct timespec until;
	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_sec += limits.wait_ms / 1000;
	until.tv_nsec += (long)(limits.wait_ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	enum pw_result r = PW_OK;
	while (!w.granted) {
		int rc = pthread_cond_timedwait(&w.cv, &lock, &until);
		if (rc == ETIMEDOUT && !w.granted) {
			unlink_waiter(&w);
			refused_wait++;
			r = PW_BUSY;
			break;
		}
	}
	pthread_mutex_unlock(&lock);
	pthread_cond_destroy(&w.cv);
	return r;
}

void pwgate_leave(void)
{
	pthread_mutex_lock(&lock);
	assert(running > 0);
	running--;
	admit_waiters();
	pthread_mutex_unlock(&lock);
}

enum pw_result pwgate_hash(char out[PWGATE_HASH_BYTES], const char *pw)
{
	enum pw_result r = pwgate_enter();
	if (r != PW_OK)
		return r;
	int rc = crypto_pwhash_str_alg(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
				       crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13);
	pwgate_leave();
	return rc == 0 ? PW_OK : PW_ERROR;
}

enum pw_result pwgate_verify(const char *hash, const char *pw)
{
	enum pw_result r = pwgate_enter();
	if (r != PW_OK)
		return r;
	int rc = crypto_pwhash_str_verify(hash, pw, strlen(pw));
	pwgate_leave();
	return rc == 0 ? PW_OK : PW_MISMATCH;
}

void pwgate_stats(struct pwgate_stats *s)
{
	pthread_mutex_lock(&lock);
	s->running = running;
	s->waiting = waiting;
	s->passed = passed;
	s->refused_full = refused_full;
	s->refused_wait = refused_wait;
	pthread_mutex_unlock(&lock);
}
