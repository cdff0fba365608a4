/* password_reset.h — "forgot your password?": a single-use link to set a
 * new password, mailed to the address of an account when someone asks for
 * it (the answer is the same whether or not an account has the address),
 * or printed by `leergang user reset-link` for the administrator to hand
 * over when the server sends no mail. The link's secret is random, stored
 * as its BLAKE2b-256 only, works for an hour, and is spent by setting a
 * new password; that also ends every session, API token and other link of
 * the account and clears the wait of its e-mail address (throttle.h), so
 * that the owner gets in whatever a stranger has tried.
 *
 * Requests are counted per client address like failed sign-ins. At most
 * one link per RESET_MAIL_GAP is mailed to an account: a stranger cannot
 * flood someone's mailbox, and the owner can use the link a stranger's
 * request sent them. */
#ifndef LG_DOMAIN_PASSWORD_RESET_H
#define LG_DOMAIN_PASSWORD_RESET_H

#include "core/compiler.h"
#include "account.h"
#include "ctx.h"

#include <stdbool.h>

#define RESET_SECONDS 3600
#define RESET_MAIL_GAP 300

/* Whether links go out by e-mail: a mail server is set up and the server
 * has a public address for the link (LEERGANG_PUBLIC_URL). A link is never
 * built from a request's Host header: a stranger asking for someone's link
 * could point it at a site of their own. */
bool password_reset_by_mail(const char *public_url);

enum reset_answer {
	RESET_ASKED,   /* the same whether or not an account has the address */
	RESET_WAIT,    /* this client asked too often: *wait says how long to wait */
	RESET_ERROR,
};

/* Someone at client address peer asks for a link for email at now_ms. When
 * an active account has the address and had no link in the last
 * RESET_MAIL_GAP, a link under base_url is made and its message queued
 * for sending in the background (the installed mailer's queue,
 * mail/mailer.h), so that the time of the answer does not tell either. */
enum reset_answer password_reset_request(struct store *st, struct arena *a, const char *email, const char *peer,
					 const char *base_url, long long now_ms, struct login_wait *wait);

/* A new link under base_url for the active account with this address
 * (the command line); D_NOTFOUND when there is none. *link in the arena. */
MUST_CHECK int password_reset_link(struct store *st, struct arena *a, const char *email, const char *base_url, long long now,
			char **link);

/* The e-mail address of the account whose link token is, while the link
 * works (the page that asks for the new password); D_NOTFOUND otherwise. */
MUST_CHECK int password_reset_open(struct store *st, struct arena *a, const char *token, long long now, const char **email);
/* The same, with whether the link is an invitation (invitation.h), whose
 * page welcomes a new account instead of replacing a password. */
MUST_CHECK int password_link_open(struct store *st, struct arena *a, const char *token, long long now, const char **email,
			       bool *invite);

/* Sets the new password (typed twice) through the link token at now_ms.
 * D_NOTFOUND when the link does not work (any more); D_INVALID with a
 * message per field ("password", "repeat") for a password that cannot be
 * used, the link still working; D_OK when the password is set, the link
 * and every other of the account spent, its sessions and API tokens
 * ended and its wait cleared: *account_id for a new session. */
MUST_CHECK int password_reset_finish(struct store *st, struct arena *a, const char *token, const char *password,
			  const char *repeat, long long now_ms, struct errors *e, long long *account_id);

#endif
