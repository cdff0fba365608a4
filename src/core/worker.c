/* worker.c — background threads that work in rounds (worker.h). */
#include "core/worker.h"
#include "core/die.h"

#include <errno.h>
#include <signal.h>
#include <time.h>

void worker_start(struct worker *w, void *(*fn)(void *), void *arg, const char *what)
{
	w->stopping = w->woken = false;
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->wake, NULL);
	/* the thread inherits a mask without the stop signals */
	sigset_t stop, was;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, &was);
	int rc = pthread_create(&w->thread, NULL, fn, arg);
	pthread_sigmask(SIG_SETMASK, &was, NULL);
	if (rc)
		die("cannot start %s", what);
}

bool worker_wait(struct worker *w, long long seconds)
{
	struct timespec until;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += seconds;
	pthread_mutex_lock(&w->lock);
	while (!w->stopping && !w->woken && pthread_cond_timedwait(&w->wake, &w->lock, &until) != ETIMEDOUT)
		;
	w->woken = false;
	bool stop = w->stopping;
	pthread_mutex_unlock(&w->lock);
	return stop;
}

bool worker_stopping(struct worker *w)
{
	pthread_mutex_lock(&w->lock);
	bool stop = w->stopping;
	pthread_mutex_unlock(&w->lock);
	return stop;
}

void worker_wake(struct worker *w)
{
	pthread_mutex_lock(&w->lock);
	w->woken = true;
	pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->lock);
}

void worker_stop(struct worker *w)
{
	pthread_mutex_lock(&w->lock);
	w->stopping = true;
	pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	pthread_cond_destroy(&w->wake);
	pthread_mutex_destroy(&w->lock);
}
