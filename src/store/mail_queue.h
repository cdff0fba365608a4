/* mail_queue.h — the store's part of the mail queue (domain/mail_queue.h):
 * sealed messages, claimed by one server at a time. Times in seconds. */
#ifndef LG_STORE_MAIL_QUEUE_H
#define LG_STORE_MAIL_QUEUE_H

#include "core/arena.h"
#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/mail_queue.h"

/* Adds a sealed message of organisation org, due at once. */
MUST_CHECK int store_mail_queue_add(struct store *s, long long org, const void *box, size_t len, long long now,
				    long long *id);
/* Claims at most max messages due at now and claimed by no one, oldest
 * first, until lease_until: in one transaction, so that two servers never
 * claim the same message. *out in a. */
MUST_CHECK int store_mail_queue_claim(struct store *s, struct arena *a, long long now, long long lease_until,
				      size_t max, struct queued_mail **out, size_t *n);
/* Removes a message (sent, refused or given up). */
MUST_CHECK int store_mail_queue_remove(struct store *s, long long id);
/* Lets a claimed message go, to be tried again at next_try after tries
 * attempts. */
MUST_CHECK int store_mail_queue_later(struct store *s, long long id, int tries, long long next_try);
/* Removes every message queued before `before`; *n gets how many. */
MUST_CHECK int store_mail_queue_forget(struct store *s, long long before, long long *n);
/* When the next waiting message is due: the latest of its next try and the
 * end of its claim, the earliest over the queue; 0 when the queue is empty. */
MUST_CHECK int store_mail_queue_next(struct store *s, long long *when);
/* How many messages wait, of org (0: of the installation). */
MUST_CHECK int store_mail_queue_count(struct store *s, long long org, long long *n);

#endif
