/* outbox.c — a queue of messages and the one thread that sends them. */
#include "mail/outbox.h"
#include "mail/smtp.h"
#include "core/die.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct queued {
	char *to, *msg;
	size_t len;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t more = PTHREAD_COND_INITIALIZER, idle = PTHREAD_COND_INITIALIZER;
static struct queued queue[OUTBOX_MAX];
static size_t head, count;
static bool sending, started, closed;

static void discard(struct queued *q)
{
	/* the message holds a secret link: not left behind in freed memory */
	explicit_bzero(q->msg, q->len);
	free(q->msg);
	free(q->to);
}

static void *sender(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	for (;;) {
		while (!count)
			pthread_cond_wait(&more, &lock);
		struct queued q = queue[head];
		head = (head + 1) % OUTBOX_MAX;
		count--;
		sending = true;
		pthread_mutex_unlock(&lock);
		struct smtp *s = smtp_open();
		enum smtp_result r = s ? smtp_send(s, q.to, q.msg, q.len) : SMTP_UNREACHABLE;
		smtp_close(s);
		if (r != SMTP_SENT)
			warn("mail: a message from the outbox was not sent (%s)",
			     r == SMTP_REFUSED ? "refused by the mail server" : "mail server unreachable");
		discard(&q);
		pthread_mutex_lock(&lock);
		sending = false;
		if (!count)
			pthread_cond_broadcast(&idle);
	}
	return NULL;
}

bool outbox_send(const char *to, const char *msg, size_t len)
{
	if (!smtp_configured())
		return false;
	pthread_mutex_lock(&lock);
	if (closed) {
		pthread_mutex_unlock(&lock);
		return false;
	}
	if (!started) {
		pthread_t t;
		pthread_attr_t attr;
		pthread_attr_init(&attr);
		pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
		started = pthread_create(&t, &attr, sender, NULL) == 0;
		pthread_attr_destroy(&attr);
	}
	bool ok = started && count < OUTBOX_MAX;
	if (ok) {
		struct queued *q = &queue[(head + count) % OUTBOX_MAX];
		q->to = xstrdup(to);
		q->msg = xstrndup(msg, len);
		q->len = len;
		count++;
		pthread_cond_signal(&more);
	}
	pthread_mutex_unlock(&lock);
	if (!ok)
		warn("mail: the outbox is full; a message was dropped");
	return ok;
}

void outbox_flush(void)
{
	pthread_mutex_lock(&lock);
	while (count || sending)
		pthread_cond_wait(&idle, &lock);
	pthread_mutex_unlock(&lock);
}

void outbox_close(void)
{
	pthread_mutex_lock(&lock);
	closed = true;
	while (count) {
		discard(&queue[head]);
		head = (head + 1) % OUTBOX_MAX;
		count--;
	}
	while (sending)
		pthread_cond_wait(&idle, &lock);
	pthread_mutex_unlock(&lock);
}
