/* header_deadline.c — the header time limit (header_deadline.h). The list
 * of open connections changes under a mutex when a connection opens or
 * closes; the deadlines themselves are atomics written by the request
 * threads without it. libmicrohttpd reports a connection closed before it
 * closes the socket, and the watch shuts sockets down under the same mutex,
 * so it never touches a descriptor that has been closed and reused. */
#include "header_deadline.h"
#include "core/die.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>

struct tracked {
	struct tracked *prev, *next;
	int fd;
	atomic_llong deadline;   /* monotonic ms; 0 while a request is being handled */
	bool shut;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake;
static struct tracked *list;
static pthread_t watcher;
static bool running, stopping;
static unsigned limit;
static unsigned long long closed_since_log;
static long long last_log;

static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static struct tracked *tracked_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *i = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	return i ? i->socket_context : NULL;
}

void header_deadline_notify(void *cls, struct MHD_Connection *c, void **socket_context,
			    enum MHD_ConnectionNotificationCode code)
{
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *i = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
		struct tracked *t = xcalloc(1, sizeof(*t));
		t->fd = i ? i->connect_fd : -1;
		atomic_store(&t->deadline, now_ms() + limit);
		pthread_mutex_lock(&lock);
		t->next = list;
		if (list)
			list->prev = t;
		list = t;
		pthread_mutex_unlock(&lock);
		*socket_context = t;
		return;
	}
	struct tracked *t = *socket_context;
	if (!t)
		return;
	pthread_mutex_lock(&lock);
	if (t->prev)
		t->prev->next = t->next;
	else
		list = t->next;
	if (t->next)
		t->next->prev = t->prev;
	pthread_mutex_unlock(&lock);
	free(t);
	*socket_context = NULL;
}

void header_deadline_headers_done(struct MHD_Connection *c)
{
	struct tracked *t = tracked_of(c);
	if (t)
		atomic_store(&t->deadline, 0);
}

void header_deadline_request_done(struct MHD_Connection *c)
{
	struct tracked *t = tracked_of(c);
	if (t)
		atomic_store(&t->deadline, now_ms() + limit);
}

static void *watch(void *arg)
{
	pthread_mutex_lock(&lock);
	while (!stopping) {
		long long now = now_ms();
		for (struct tracked *t = list; t; t = t->next) {
			long long d = atomic_load(&t->deadline);
			if (d && now >= d && !t->shut && t->fd >= 0) {
				shutdown(t->fd, SHUT_RDWR);
				t->shut = true;
				closed_since_log++;
			}
		}
		if (closed_since_log && now - last_log >= 60000) {
			fprintf(stderr, "leergang: closed %llu connections that did not send a request's headers within %u s\n",
				closed_since_log, limit / 1000);
			closed_since_log = 0;
			last_log = now;
		}
		struct timespec until;
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_nsec += 500000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&wake, &lock, &until);
	}
	pthread_mutex_unlock(&lock);
	return NULL;
}

void header_deadline_start(unsigned limit_ms)
{
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&wake, &attr);
	pthread_condattr_destroy(&attr);
	limit = limit_ms;
	stopping = false;
	last_log = now_ms() - 60000;
	if (pthread_create(&watcher, NULL, watch, NULL))
		die("cannot start the thread that watches slow connections");
	running = true;
}

void header_deadline_stop(void)
{
	if (!running)
		return;
	pthread_mutex_lock(&lock);
	stopping = true;
	pthread_cond_signal(&wake);
	pthread_mutex_unlock(&lock);
	pthread_join(watcher, NULL);
	pthread_cond_destroy(&wake);
	running = false;
	if (closed_since_log)
		fprintf(stderr, "leergang: closed %llu connections that did not send a request's headers within %u s\n",
			closed_since_log, limit / 1000);
	closed_since_log = 0;
}
