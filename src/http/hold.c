/* hold.c — answers held back for a while (hold.h): every job waits the same
 * time, so a first-in-first-out list ordered by release time is enough. */
#include "hold.h"
#include "core/die.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <time.h>

struct held {
	struct held *next;
	void *job;
	struct timespec at;
};

struct hold {
	pthread_mutex_t lock;
	pthread_cond_t wake;
	pthread_t thread;
	hold_fn release;
	unsigned ms;
	struct held *head, *tail;
	bool stopping;
};

static bool before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

static void *hold_main(void *arg)
{
	struct hold *h = arg;
	pthread_mutex_lock(&h->lock);
	for (;;) {
		struct timespec now;
		clock_gettime(CLOCK_MONOTONIC, &now);
		struct held *due = h->head;
		if (due && (h->stopping || !before(&now, &due->at))) {
			h->head = due->next;
			if (!h->head)
				h->tail = NULL;
			pthread_mutex_unlock(&h->lock);
			h->release(due->job);
			free(due);
			pthread_mutex_lock(&h->lock);
			continue;
		}
		if (h->stopping)
			break;
		if (due)
			pthread_cond_timedwait(&h->wake, &h->lock, &due->at);
		else
			pthread_cond_wait(&h->wake, &h->lock);
	}
	pthread_mutex_unlock(&h->lock);
	return NULL;
}

struct hold *hold_start(unsigned ms, hold_fn release)
{
	struct hold *h = xcalloc(1, sizeof(*h));
	pthread_mutex_init(&h->lock, NULL);
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&h->wake, &attr);
	pthread_condattr_destroy(&attr);
	h->release = release;
	h->ms = ms;
	if (pthread_create(&h->thread, NULL, hold_main, h))
		die("cannot start the thread that holds refusals");
	return h;
}

void hold_add(struct hold *h, void *job)
{
	pthread_mutex_lock(&h->lock);
	if (h->stopping) {
		pthread_mutex_unlock(&h->lock);
		h->release(job);
		return;
	}
	struct held *e = xcalloc(1, sizeof(*e));
	e->job = job;
	clock_gettime(CLOCK_MONOTONIC, &e->at);
	e->at.tv_sec += h->ms / 1000;
	e->at.tv_nsec += (long)(h->ms % 1000) * 1000000L;
	if (e->at.tv_nsec >= 1000000000L) {
		e->at.tv_sec++;
		e->at.tv_nsec -= 1000000000L;
	}
	if (h->tail)
		h->tail->next = e;
	else
		h->head = e;
	h->tail = e;
	if (h->head == e)
		pthread_cond_signal(&h->wake);
	pthread_mutex_unlock(&h->lock);
}

void hold_stop(struct hold *h)
{
	pthread_mutex_lock(&h->lock);
	h->stopping = true;
	pthread_cond_signal(&h->wake);
	pthread_mutex_unlock(&h->lock);
	pthread_join(h->thread, NULL);
}

void hold_free(struct hold *h)
{
	if (!h)
		return;
	pthread_cond_destroy(&h->wake);
	pthread_mutex_destroy(&h->lock);
	free(h);
}
