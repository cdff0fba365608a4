/* mail_queue.h — mail that goes in the background: a reset link, an
 * account's invitation, a member check's personal link, whose sending must
 * not show in the time a page takes (a reset link mailed while the page
 * waited would tell by its time that an account exists).
 *
 * The queue is in the database, so that any server of an installation
 * sends what another queued (issue: several servers on one PostgreSQL) and
 * a message outlives a server's restart. Each message is sealed
 * (XChaCha20-Poly1305, a key derived from the installation's key file,
 * which is not in the database): the messages hold secret links, and
 * whoever reads the database file or a backup of it must not be able to
 * use them. A server claims a few messages at a time (store: one
 * transaction, so no message goes twice while its servers live), sends
 * them over one connection through the installed mailer (mail/mailer.h),
 * and removes what was sent or refused. When no mail server can be
 * reached, a message is tried again after retry_first seconds, doubled per
 * attempt up to MAIL_QUEUE_RETRY_MAX, and given up MAIL_QUEUE_GIVE_UP
 * after it was queued; the log says so, never with an address or a text.
 * A server that stops in the middle of sending leaves its claim to run
 * out (MAIL_QUEUE_LEASE): then another sends the message, which may so
 * reach its reader twice. */
#ifndef LG_DOMAIN_MAIL_QUEUE_H
#define LG_DOMAIN_MAIL_QUEUE_H

#include "core/compiler.h"

#include <stdbool.h>
#include <stddef.h>

struct store;
struct mailer;

#define MAIL_QUEUE_BATCH 20
#define MAIL_QUEUE_LEASE 120                  /* seconds a claim holds */
#define MAIL_QUEUE_RETRY_FIRST 60             /* seconds before the second try */
#define MAIL_QUEUE_RETRY_MAX (30 * 60)
#define MAIL_QUEUE_GIVE_UP (24 * 60 * 60)     /* seconds after queueing */

/* Seals msg (a whole message, mail_write()) to one address for
 * organisation org and queues it at now; then wakes this process's sender
 * (mail_sender.h), if it runs. false when it was not queued (the key file
 * cannot be read or made, or the store failed). */
bool mail_queue_add(struct store *st, long long org, const char *to, const char *msg, size_t len, long long now);

struct mail_queue_result {
	long long sent, refused, later, given_up, unopened;
	bool claimed_all;       /* fewer than a batch were due: nothing more now */
	long long next_due;     /* with claimed_all: when the next waiting message is due (0: none waits) */
};

/* Claims a batch of the messages due at now and sends them through ml;
 * retry_first: seconds before a message no mail server took is tried
 * again (0: MAIL_QUEUE_RETRY_FIRST). D_OK, D_ERROR when the store failed.
 * A message that does not open with this server's key file is let go for
 * MAIL_QUEUE_RETRY_MAX and reported on stderr. */
MUST_CHECK int mail_queue_send_due(struct store *st, const struct mailer *ml, long long now, long long retry_first,
				   struct mail_queue_result *r);
/* Removes messages queued more than MAIL_QUEUE_GIVE_UP before now (the
 * daily run: what no server could send); *n gets how many. */
MUST_CHECK int mail_queue_forget(struct store *st, long long now, long long *n);

#endif
