/* api_token.h — API bearer tokens (Authorization: Bearer TOKEN): made for
 * an account with a label and an expiry, listed, revoked. The secret is
 * random, shown once when it is made and stored only as its BLAKE2b-256,
 * so a list never holds it. A token works until it expires (90 days
 * unless said otherwise, at most a year), is revoked, or its account gets
 * a new password (account.h), whichever comes first.
 *
 * A token has a scope: what it may be used for, whatever its account's
 * roles allow besides (the web layer holds each request to it, see
 * web_token_scope_allows):
 *   all              everything the account's roles allow
 *   read             reading only (GET and HEAD)
 *   people-sync      the HR sync of people: reading the people, the sync
 *                    and the import
 *   research-export  the exports of research projects and waves
 *
 * The signed-in user manages their own tokens; an administrator and the
 * command line (an actor without an account) those of any account of
 * their organisation. */
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

enum api_token_scope {
	TOKEN_SCOPE_ALL,
	TOKEN_SCOPE_READ,
	TOKEN_SCOPE_PEOPLE_SYNC,
	TOKEN_SCOPE_RESEARCH_EXPORT,
	TOKEN_SCOPES
};
/* "all", "read", "people-sync", "research-export". */
const char *api_token_scope_name(enum api_token_scope s);
/* The scope of a name; -1 for none. */
int api_token_scope_parse(const char *name);
/* What the scope lets a token do, in the interface language. */
const char *api_token_scope_label(enum api_token_scope s);

/* Whether c may make tokens for the account: its own, any for the command
 * line, and for an administrator those of accounts that hold no role but
 * administrator's (a token would read what the account's roles read). */
MUST_CHECK int api_token_may_make(struct ctx *c, long long account_id, bool *may);
/* Makes a token of the account at now (unix seconds), working for days,
 * with the scope of that name ("" or NULL: all). D_INVALID with a message
 * per field ("label", "days", "scope") for a label, a number of days or a
 * scope that cannot be used, or when the account has API_TOKENS_MAX
 * working tokens; D_NOTFOUND for an account outside c's organisation;
 * D_FORBIDDEN for another's account (unless c is an administrator);
 * D_INVALID when an administrator asks it for another account that holds
 * any role but administrator's (it would read what those roles read). */
MUST_CHECK int api_token_create(struct ctx *c, long long account_id, const char *label, long long days, const char *scope,
		     long long now, char token[SECRET_HEX], struct errors *e, long long *id, long long *expires_at);
/* The account's tokens, newest first, the expired ones too (until they
 * are revoked or the password changes), never their secret. */
MUST_CHECK int api_token_list(struct ctx *c, long long account_id, struct api_token **out, size_t *n);
/* Ends one token of the account at once; D_NOTFOUND when the account has
 * no token by that id. */
MUST_CHECK int api_token_revoke(struct ctx *c, long long account_id, long long token_id);
/* The token that works at now (its id, account and scope; the scope's
 * name in a); ST_NOTFOUND otherwise. */
MUST_CHECK int api_token_resolve(struct store *st, struct arena *a, const char *token, long long now, struct api_token *out);
/* The audit line of one use of a token by c (action token.use): the
 * token's id, the method and the path, never the query or the secret. */
MUST_CHECK int api_token_used(struct ctx *c, long long token_id, const char *method, const char *path);

#endif
