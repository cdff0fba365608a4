/* outbox.h — messages sent in the background, for mail whose sending must
 * not show in the time an answer takes: a password-reset link mailed while
 * the page waited would tell by its time that an account exists. One
 * thread sends the queued messages in turn through the installed mail
 * server (smtp.h), each over a connection of its own. The queue holds at
 * most OUTBOX_MAX messages; beyond that a message is dropped and the log
 * says so, as it says when the server refuses one: never with its address
 * or its text, which holds a secret link. */
#ifndef LG_MAIL_OUTBOX_H
#define LG_MAIL_OUTBOX_H

#include <stdbool.h>
#include <stddef.h>

#define OUTBOX_MAX 64

/* Queues a whole message (mail_write()) to one address; false when the
 * queue is full or mail is not set up. */
bool outbox_send(const char *to, const char *msg, size_t len);
/* Waits until every queued message has been tried (tests). */
void outbox_flush(void);
/* At shutdown, before the mail server's settings go (smtp_use(NULL)):
 * waits for the message being sent, drops the rest, sends no more. */
void outbox_close(void);

#endif
