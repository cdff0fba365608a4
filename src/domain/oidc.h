/* oidc.h — sign-in through an organisation's own identity provider with
 * OpenID Connect, after the NL GOV profile: the authorisation code flow
 * with PKCE (S256, always); a random, single-use state tied to the browser
 * (a cookie whose hash is stored with the state); a nonce checked in the ID
 * token; the issuer matched exactly, also in the RFC 9207 "iss" parameter
 * (required when the provider announces it); the ID token checked by
 * formats/id_token.h against the provider's keys; the exact redirect URI
 * sent with the request used again in the token request.
 *
 * The sign-ins under way are kept on the server, each for
 * OIDC_LOGIN_SECONDS, at most OIDC_PER_BROWSER per browser and
 * OIDC_OVERALL in all (the oldest go first), so that several tabs and the
 * back button work and nobody can fill the table.
 *
 * Accounts are found, never made: by the ID token's "email" or
 * "employee_id" claim, as the organisation configured, among the
 * organisation's own accounts. The client secret is sealed with a key kept
 * in a file beside the database (oidc_key_file_set), so that the database
 * alone does not give it away. */
#ifndef LG_DOMAIN_OIDC_H
#define LG_DOMAIN_OIDC_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/oidc.h"

#define OIDC_LOGIN_SECONDS 600
#define OIDC_PER_BROWSER 8
#define OIDC_OVERALL 10000

/* The file of the key that seals client secrets; made (mode 0600) when a
 * secret is first sealed. The command line sets it to the database path +
 * ".oidc-key". */
void oidc_key_file_set(const char *path);
/* A copy of the key file at dest (mode 0600), for a backup: without it the
 * secrets in the backup do not open. 0 copied, 1 there is no key yet, -1
 * it could not be read or written. */
int oidc_key_file_copy(const char *dest);

struct oidc_settings {
	const char *issuer, *client_id, *secret;
	const char *claim;        /* "email" or "employee_id" */
	const char *employee_claim;  /* with "employee_id": the ID token's claim that holds it (NULL: "employee_id") */
	bool passwords_off;
};

/* Sets the provider of c->who's organisation; D_INVALID with a message per
 * field ("issuer", "client_id", "secret", "claim", "employee_claim"). Audited. */
MUST_CHECK int oidc_configure(struct ctx *c, const struct oidc_settings *s, struct errors *e);
/* The provider of c->who's organisation (D_NOTFOUND: none). */
MUST_CHECK int oidc_provider_get(struct ctx *c, struct oidc_provider *out);
/* The organisations that sign in through their provider, by name: the
 * buttons of the log-in page. */
MUST_CHECK int oidc_providers(struct store *st, struct arena *a, struct oidc_provider **out, size_t *n);
/* Whether the account may sign in with a password (its organisation has
 * not turned passwords off). *org_name names the organisation when not. */
MUST_CHECK int oidc_password_allowed(struct store *st, struct arena *a, long long account_id, bool *allowed,
				     const char **org_name);

/* Starts a sign-in through the provider of the organisation with slug,
 * for the browser holding browser_secret (SECRET_HEX - 1 hex digits), to
 * come back at redirect_uri and then go to next. *url: where to send the
 * browser. D_NOTFOUND (no such organisation, or it has no provider),
 * D_ERROR (the provider could not be reached: logged). */
MUST_CHECK int oidc_login_start(struct store *st, struct arena *a, const char *slug, const char *browser_secret,
				const char *redirect_uri, const char *next, long long now, const char **url);

/* The query of the callback. */
struct oidc_callback {
	const char *state, *code, *iss, *error;
};

enum oidc_result {
	OIDC_OK,
	OIDC_STATE,        /* no sign-in of this browser with that state (wrong, spent, expired) */
	OIDC_DENIED,       /* the provider reported an error, or sent no code */
	OIDC_ISSUER,       /* the "iss" parameter is not the issuer, or missing where required */
	OIDC_PROVIDER,     /* the provider could not be reached or answered nonsense */
	OIDC_NONCE,        /* the ID token is not of this sign-in */
	OIDC_EXPIRED,      /* the ID token has expired (or is not yet valid) */
	OIDC_INVALID,      /* the ID token's signature, algorithm, issuer or audience is wrong */
	OIDC_UNKNOWN_USER, /* no (active) account of the organisation has the claim's value */
	OIDC_ERROR,
};

/* Finishes the sign-in of this browser: checks everything above and finds
 * the account. OIDC_OK with *account_id, *next; otherwise nothing is
 * signed in and *org_name (when known) names the organisation. Every
 * refusal is logged for the operator without tokens or secrets. */
enum oidc_result oidc_login_finish(struct store *st, struct arena *a, const struct oidc_callback *cb,
				   const char *browser_secret, long long now, long long *account_id, const char **next,
				   const char **org_name);

#endif
