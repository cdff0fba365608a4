/* mail_sender.h — the server's sender of the mail queue (mail_queue.h): a
 * thread with a database connection of its own that sends what is due at
 * once when this server queues a message, tries a waiting message again
 * when it is due, and looks every MAIL_SENDER_POLL_SECONDS for what other
 * servers queued. Every server of an installation with mail runs one; they
 * share the queue. Stopped with the server. */
#ifndef LG_DOMAIN_MAIL_SENDER_H
#define LG_DOMAIN_MAIL_SENDER_H

struct mailer;

#define MAIL_SENDER_POLL_SECONDS 10

struct mail_sender;
/* Starts the sender on the database at path through ml (which stays
 * installed while it runs); retry_first as mail_queue_send_due(). The
 * thread does not take the process's stop signals. One per process. */
struct mail_sender *mail_sender_start(const char *path, const struct mailer *ml, long long retry_first);
/* Asks the running sender, if any, to look at the queue now. */
void mail_sender_wake(void);
/* Waits for the message being sent and stops; what waits stays queued. */
void mail_sender_stop(struct mail_sender *s);

#endif
