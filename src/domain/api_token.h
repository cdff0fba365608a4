/* api_token.h — API bearer tokens (Authorization: Bearer TOKEN): made for
 * an account with a label and an expiry, listed, revoked. The secret is
 * random, shown once when it is made and stored only as its BLAKE2b-256,
 * so a list never holds it. A token works until it expires (90 days
 * unless said otherwise, at most a year), is revoked, or its account gets
 * a new password (account.h), whichever comes first.
 *
 * The signed-in user manages their own tokens; the command line (an actor
 * without an account) those of any account of its organisation. */
#ifndef LG_DOMAIN_API_TOKEN_H
#define LG_DOMAIN_API_TOKEN_H

#include "core/compiler.h"
#include "account.h"
#include "ctx.h"
#include "domain/model/signin.h"

#define API_TOKEN_DAYS 90
#define API_TOKEN_DAYS_MAX 365
#define API_TOKEN_LABEL_MAX 100
#define API_TOKENS_MAX 20   /* working tokens per account */

/* Makes a token of the account at now (unix seconds), working for days.
 * D_INVALID with a message per field ("label", "days") for a label or a
 * number of days that cannot be used, or when the account has
 * API_TOKENS_MAX working tokens; D_NOTFOUND for an account outside c's
 * organisation; D_FORBIDDEN for another's account. */
MUST_CHECK int api_token_create(struct ctx *c, long long account_id, const char *label, long long days, long long now,
		     char token[SECRET_HEX], struct errors *e, long long *id, long long *expires_at);
/* The account's tokens, newest first, the expired ones too (until they
 * are revoked or the password changes), never their secret. */
MUST_CHECK int api_token_list(struct ctx *c, long long account_id, struct api_token **out, size_t *n);
/* Ends one token of the account at once; D_NOTFOUND when the account has
 * no token by that id. */
MUST_CHECK int api_token_revoke(struct ctx *c, long long account_id, long long token_id);
/* The account of a token that works at now; ST_NOTFOUND otherwise. */
MUST_CHECK int api_token_resolve(struct store *st, const char *token, long long now, long long *account_id);

#endif
