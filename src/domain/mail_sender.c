/* mail_sender.c — the thread that sends the mail queue (mail_sender.h). */
#include "mail_sender.h"
#include "mail_queue.h"
#include "core/die.h"
#include "core/worker.h"
#include "store/store.h"

#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

struct mail_sender {
	struct worker w;
	const struct mailer *ml;
	long long retry_first;
	char *path;
};

/* The process's running sender, for mail_sender_wake(). */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct mail_sender *running;

void mail_sender_wake(void)
{
	pthread_mutex_lock(&lock);
	if (running)
		worker_wake(&running->w);
	pthread_mutex_unlock(&lock);
}

static void *sender_main(void *arg)
{
	struct mail_sender *s = arg;
	struct store *st = NULL;
	struct buf err = BUF_INIT;
	if (store_open(s->path, &st, &err)) {
		warn("mail: cannot open the database, no mail is sent in the background: %s", err.ptr);
		buf_release(&err);
		return NULL;
	}
	buf_release(&err);
	long long wait;
	do {
		/* batch after batch while more is due; then until the next
		 * waiting message is due, or the next look for what other
		 * servers queued, whichever comes first */
		struct mail_queue_result r;
		wait = MAIL_SENDER_POLL_SECONDS;
		do {
			if (mail_queue_send_due(st, s->ml, (long long)time(NULL), s->retry_first, &r)) {
				warn("mail: the queue could not be read: %s", store_errmsg(st));
				break;
			}
		} while (!r.claimed_all && !worker_stopping(&s->w));
		long long until_due = r.next_due - (long long)time(NULL);
		if (r.claimed_all && r.next_due && until_due < wait)
			wait = until_due > 1 ? until_due : 1;
	} while (!worker_wait(&s->w, wait));
	store_close(st);
	return NULL;
}

struct mail_sender *mail_sender_start(const char *path, const struct mailer *ml, long long retry_first)
{
	struct mail_sender *s = xcalloc(1, sizeof(*s));
	s->path = xstrdup(path);
	s->ml = ml;
	s->retry_first = retry_first;
	pthread_mutex_lock(&lock);
	assert(!running);
	worker_start(&s->w, sender_main, s, "the mail sender");
	running = s;
	pthread_mutex_unlock(&lock);
	return s;
}

void mail_sender_stop(struct mail_sender *s)
{
	if (!s)
		return;
	pthread_mutex_lock(&lock);
	running = NULL;
	pthread_mutex_unlock(&lock);
	worker_stop(&s->w);
	free(s->path);
	free(s);
}
