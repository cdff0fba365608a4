/* lane.c — the password lane (lane.h): a fixed set of threads and a ring
 * of waiting jobs no longer than the number of threads. */
#include "lane.h"
#include "core/die.h"

#include <pthread.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

struct lane {
	pthread_mutex_t lock;
	pthread_cond_t work;
	lane_fn run, drop;
	int nice;
	unsigned nthreads;
	pthread_t *threads;
	void **ring;          /* nthreads places */
	unsigned head, count; /* jobs handed in and not yet taken by a thread */
	unsigned load;        /* places taken: reserved, waiting or running */
	unsigned reserved;    /* places taken whose job is not handed in yet */
	bool stopping;
};

static void *lane_main(void *arg)
{
	struct lane *l = arg;
	if (l->nice)
		setpriority(PRIO_PROCESS, (id_t)gettid(), l->nice);  /* Linux: per thread */
	pthread_mutex_lock(&l->lock);
	for (;;) {
		while (!l->count && !(l->stopping && !l->reserved))
			pthread_cond_wait(&l->work, &l->lock);
		if (!l->count)
			break;  /* stopping, and no job can come any more */
		void *job = l->ring[l->head];
		l->head = (l->head + 1) % l->nthreads;
		l->count--;
		bool drop = l->stopping;
		pthread_mutex_unlock(&l->lock);
		(drop ? l->drop : l->run)(job);
		pthread_mutex_lock(&l->lock);
		l->load--;
	}
	pthread_mutex_unlock(&l->lock);
	return NULL;
}

struct lane *lane_start(unsigned threads, int nice, lane_fn run, lane_fn drop)
{
	struct lane *l = xcalloc(1, sizeof(*l));
	pthread_mutex_init(&l->lock, NULL);
	pthread_cond_init(&l->work, NULL);
	l->run = run;
	l->drop = drop;
	l->nice = nice;
	l->nthreads = threads ? threads : 1;
	l->threads = xcalloc(l->nthreads, sizeof(*l->threads));
	l->ring = xcalloc(l->nthreads, sizeof(*l->ring));
	for (unsigned i = 0; i < l->nthreads; i++)
		if (pthread_create(&l->threads[i], NULL, lane_main, l))
			die("cannot start the threads of the password lane");
	return l;
}

bool lane_reserve(struct lane *l)
{
	pthread_mutex_lock(&l->lock);
	bool ok = !l->stopping && l->load < l->nthreads;
	if (ok) {
		l->load++;
		l->reserved++;
	}
	pthread_mutex_unlock(&l->lock);
	return ok;
}

void lane_submit(struct lane *l, void *job)
{
	pthread_mutex_lock(&l->lock);
	l->ring[(l->head + l->count) % l->nthreads] = job;
	l->count++;
	l->reserved--;
	pthread_cond_signal(&l->work);
	if (l->stopping && !l->reserved)
		pthread_cond_broadcast(&l->work);
	pthread_mutex_unlock(&l->lock);
}

unsigned lane_load(struct lane *l)
{
	pthread_mutex_lock(&l->lock);
	unsigned n = l->load;
	pthread_mutex_unlock(&l->lock);
	return n;
}

void lane_stop(struct lane *l)
{
	pthread_mutex_lock(&l->lock);
	l->stopping = true;
	pthread_cond_broadcast(&l->work);
	pthread_mutex_unlock(&l->lock);
	for (unsigned i = 0; i < l->nthreads; i++)
		pthread_join(l->threads[i], NULL);
}

void lane_free(struct lane *l)
{
	if (!l)
		return;
	pthread_cond_destroy(&l->work);
	pthread_mutex_destroy(&l->lock);
	free(l->threads);
	free(l->ring);
	free(l);
}
