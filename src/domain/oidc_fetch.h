/* oidc_fetch.h — what leergang asks an OpenID Connect provider over the
 * network, with libcurl: its discovery document, its keys (JWKS) and the
 * exchange of an authorisation code for tokens. No redirects are followed,
 * answers are bounded in size and time, and every URL must be https (or
 * http to a loopback address, for a provider on the same machine). */
#ifndef LG_DOMAIN_OIDC_FETCH_H
#define LG_DOMAIN_OIDC_FETCH_H

#include "core/arena.h"

#include <stdbool.h>

struct oidc_discovery {
	char *issuer, *authorization_endpoint, *token_endpoint, *jwks_uri;
	/* RFC 9207: the provider sends "iss" with every authorisation response */
	bool iss_parameter;
};

/* Whether url may be asked: https://, or http:// to 127.0.0.1, [::1] or
 * localhost; no user part, no fragment. */
bool oidc_url_allowed(const char *url);

/* The discovery document of issuer, whose "issuer" must be issuer exactly
 * and whose endpoints must be allowed URLs. 0, or -1 with *why (for the
 * operator's log). */
int oidc_discover(struct arena *a, const char *issuer, struct oidc_discovery *d, const char **why);
/* The JSON text at the provider's jwks_uri. */
int oidc_fetch_jwks(struct arena *a, const struct oidc_discovery *d, char **jwks, const char **why);
/* Exchanges code (with the PKCE verifier and the redirect URI of the
 * request) at the token endpoint, the client authenticated with HTTP
 * Basic; *id_token from the answer. */
int oidc_exchange_code(struct arena *a, const struct oidc_discovery *d, const char *client_id, const char *secret,
		       const char *code, const char *verifier, const char *redirect_uri, char **id_token,
		       const char **why);
/* value percent-encoded for a query or form (RFC 3986 unreserved kept). */
char *oidc_escape(struct arena *a, const char *value);

#endif
