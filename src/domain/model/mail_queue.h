/* model/mail_queue.h — a message waiting in the database to be sent in the
 * background (domain/mail_queue.h): sealed, so only a server with the
 * installation's key file can read its address and text. */
#ifndef LG_DOMAIN_MODEL_MAIL_QUEUE_H
#define LG_DOMAIN_MODEL_MAIL_QUEUE_H

#include <stddef.h>

struct queued_mail {
	long long id, organisation_id;
	long long queued_at;       /* seconds */
	int tries;                 /* attempts that found no mail server */
	unsigned char *box;        /* len bytes: nonce, sealed text, tag */
	size_t len;
};

#endif
