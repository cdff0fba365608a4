/* mailer.h — how the domain hands over e-mail: a whole message
 * (mail_write(), message.h) to one address, sent in a batch over one
 * connection (a wave's invitations, whose tally the sender sees; the mail
 * queue's messages, domain/mail_queue.h, which go in the background so
 * that their sending does not show in the time of an answer). The domain
 * knows only this interface
 * and the mailer installed; the program installs one at start-up
 * (`leergang serve`: smtp_mailer(), SMTP through libcurl, smtp.h) and a
 * test may install its own. With none installed nothing is sent and the
 * pages offer the links as CSV. */
#ifndef LG_MAIL_MAILER_H
#define LG_MAIL_MAILER_H

#include <stdbool.h>
#include <stddef.h>

enum mailer_result {
	MAILER_SENT,
	MAILER_REFUSED,      /* this message or recipient was refused: try the next */
	MAILER_UNREACHABLE,  /* no connection, no TLS or no login: the next would fail too */
};

struct mailer {
	const char *from;    /* the sender's address: envelope and From of every message */
	/* A batch over one connection: NULL when none can be made. */
	void *(*open)(void);
	enum mailer_result (*send)(void *batch, const char *to, const char *msg, size_t len);
	void (*close)(void *batch);
};

/* Installs m for the whole process (NULL: no mail), before any thread
 * sends; m must stay valid while it is installed. */
void mailer_use(const struct mailer *m);
/* The installed mailer, or NULL when this program sends no mail. */
const struct mailer *mailer_installed(void);

#endif
