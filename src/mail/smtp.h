/* smtp.h — sending e-mail through a mail server (SMTP) with libcurl.
 *
 * The server's mail settings come from the environment of `leergang serve`
 * (src/cmd/serve.c): LEERGANG_SMTP_URL (smtp://host:port, or smtps:// for
 * TLS from the start), LEERGANG_SMTP_FROM (the sender's address), and
 * optionally LEERGANG_SMTP_USER and LEERGANG_SMTP_PASSWORD, and
 * LEERGANG_SMTP_STARTTLS=1 to require STARTTLS on smtp://. They are checked
 * and installed once at start-up, before the worker threads run; without
 * them leergang sends no mail and the pages offer the links as CSV.
 *
 * A batch of messages (a wave's invitations) goes over one connection:
 * smtp_open(), smtp_send() per message, smtp_close(). Nothing here logs a
 * message's text (it holds personal links); a failure is logged with
 * libcurl's reason only. */
#ifndef LG_MAIL_SMTP_H
#define LG_MAIL_SMTP_H

#include <stdbool.h>
#include <stddef.h>

struct smtp_config {
	const char *url;           /* smtp://host[:port] or smtps://host[:port] */
	const char *from;          /* the envelope sender and From address */
	const char *user, *password;  /* both or neither */
	bool starttls;             /* require STARTTLS (smtp://) */
};

/* 0 when cfg can be used; else -1 and a sentence for the operator in err
 * (English, as every message of the command line). Credentials are
 * refused over an unencrypted connection to another machine, and in the
 * URL (they would show in ps and logs). */
int smtp_config_check(const struct smtp_config *cfg, char *err, size_t errlen);
/* Installs the checked settings for the whole process (NULL: no mail) and
 * initialises libcurl; call once before any thread sends. The strings
 * must live as long as the process. */
void smtp_use(const struct smtp_config *cfg);
/* The installed settings, or NULL when mail is not set up. */
const struct smtp_config *smtp_configured(void);

enum smtp_result {
	SMTP_SENT,
	SMTP_REFUSED,       /* the server refused this message or recipient: try the next */
	SMTP_UNREACHABLE,   /* no connection, no TLS or no login: the next would fail too */
};

struct smtp;
/* A session with the installed settings; NULL when mail is not set up or
 * libcurl cannot start one. */
struct smtp *smtp_open(void);
/* Sends msg (a whole RFC 5322 message, mail_write()) to one address. */
enum smtp_result smtp_send(struct smtp *s, const char *to, const char *msg, size_t len);
void smtp_close(struct smtp *s);

/* The mailer (mailer.h) that sends through the installed settings, batches
 * over smtp_open(); NULL when mail is not set up. Valid until smtp_use() changes the settings. */
struct mailer;
const struct mailer *smtp_mailer(void);

#endif
