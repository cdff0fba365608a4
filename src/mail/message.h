/* message.h — writing one e-mail as RFC 5322 and MIME want it: Date, From,
 * To, Subject, Message-ID, MIME-Version and a text/plain UTF-8 body in
 * quoted-printable, every line ending in CRLF. The message goes to the
 * mail server as it is (smtp.h); dot-stuffing is libcurl's part.
 *
 * Header injection cannot happen: a header value (subject, display name)
 * with a control character (CR, LF, TAB, ...) or invalid UTF-8 is refused,
 * addresses must pass mail_address_valid(), and non-ASCII text is written
 * as RFC 2047 encoded words, never raw. */
#ifndef LG_MAIL_MESSAGE_H
#define LG_MAIL_MESSAGE_H

#include "core/buf.h"

#include <stdbool.h>

struct mail_message {
	const char *from, *from_name;   /* address; display name or NULL */
	const char *to, *to_name;
	const char *subject;            /* UTF-8, one line */
	const char *body;               /* UTF-8, lines end in LF (or CRLF) */
	long long date;                 /* seconds since 1970 */
};

enum mail_error {
	MAIL_OK,
	MAIL_BAD_ADDRESS,   /* from or to is not a plain address */
	MAIL_BAD_HEADER,    /* a control character or invalid UTF-8 in a header value */
	MAIL_BAD_BODY,      /* the body is not valid UTF-8 */
};

/* A plain deliverable address: local@domain.tld in ASCII, the local part a
 * dot-atom (RFC 5322 atext and dots, at most 64 bytes), the domain
 * letters, digits and hyphens in labels of at most 63 bytes with at least
 * one dot; 254 bytes in all. Quoted local parts, comments and non-ASCII
 * addresses are refused: leergang does not need them and they are where
 * header and SMTP command injection hide. */
bool mail_address_valid(const char *addr);

/* Appends the whole message to out. The Message-ID is random, on the
 * domain of the sender. On an error nothing is appended. */
enum mail_error mail_write(struct buf *out, const struct mail_message *m);

#endif
