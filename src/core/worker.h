/* worker.h — a background thread of the server that works in rounds and
 * waits in between (the daily retention run, the mail queue's sender):
 * started without the process's stop signals (the main thread waits for
 * those), woken early or stopped from any other thread. */
#ifndef LG_CORE_WORKER_H
#define LG_CORE_WORKER_H

#include <pthread.h>
#include <stdbool.h>

struct worker {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stopping, woken;
};

/* Runs fn(arg) on a new thread; dies naming `what` when it cannot. */
void worker_start(struct worker *w, void *(*fn)(void *), void *arg, const char *what);
/* On the worker's thread: waits seconds, or until woken or asked to stop;
 * true when asked to stop. */
bool worker_wait(struct worker *w, long long seconds);
/* Whether the worker was asked to stop (between two pieces of a round). */
bool worker_stopping(struct worker *w);
/* Ends the worker's current wait early. */
void worker_wake(struct worker *w);
/* Asks the worker to stop, waits until its thread ends, and frees what
 * worker_start() set up. */
void worker_stop(struct worker *w);

#endif
