/* id_token.h — the checks of an OpenID Connect ID token (a JWS in compact
 * form) against the provider's keys (a JWKS document), following the NL GOV
 * OIDC profile. The signature is verified by cjose; what the token may
 * choose is decided here first:
 *   - the key is the JWKS key whose "kid" the header names (without a
 *     "kid", the only signing key of the set); keys marked for another
 *     "use" are never taken;
 *   - the algorithm is pinned to that key's type: RS256 for an RSA key,
 *     ES256 for an EC key on P-256. A header that says anything else
 *     ("none", HS256, RS512, ...) is refused before any verification,
 *     so a public key is never used as an HMAC secret; a key whose own
 *     "alg" differs is not used either;
 *   - a header with "crit" is refused (no extension is understood);
 *   - "iss" equals the expected issuer exactly (no trailing-slash or case
 *     leniency); "aud" is the client id or an array holding it, and with
 *     several audiences "azp" must be present and be the client id ("azp",
 *     when present, always must be);
 *   - "exp" lies after now - skew, "iat" before now + skew;
 *   - "nonce" equals the one sent with the authorisation request;
 *   - "sub" is a non-empty string.
 * Nothing here reads the network or the clock: the caller passes now. */
#ifndef LG_FORMATS_ID_TOKEN_H
#define LG_FORMATS_ID_TOKEN_H

#include <jansson.h>

/* Seconds of clock difference with the provider that are tolerated. */
#define ID_TOKEN_SKEW 60

enum id_token_result {
	IDT_OK = 0,
	IDT_MALFORMED,   /* not a compact JWS with a JSON object inside */
	IDT_ALGORITHM,   /* "none", HMAC or another algorithm than the key's type allows */
	IDT_NO_KEY,      /* no key of the provider fits the header's "kid" */
	IDT_SIGNATURE,   /* the signature does not verify with the provider's key */
	IDT_ISSUER,
	IDT_AUDIENCE,    /* "aud" or "azp" is not the client */
	IDT_EXPIRED,     /* "exp" missing or passed */
	IDT_ISSUED,      /* "iat" missing or in the future */
	IDT_NONCE,
	IDT_SUBJECT,
};

struct id_token_expect {
	const char *issuer;
	const char *client_id;
	const char *nonce;
	long long now;   /* seconds since 1970 */
};

/* Checks token (compact serialisation) against the keys in jwks (the JSON
 * text of the provider's jwks_uri). IDT_OK with *claims set to the token's
 * claims (the caller's to json_decref); otherwise *claims is NULL and the
 * result names the first check that failed. */
enum id_token_result id_token_verify(const char *token, const char *jwks, const struct id_token_expect *x,
				     json_t **claims);

/* The result's name for the operator's log ("signature", "nonce", ...). */
const char *id_token_result_name(enum id_token_result r);

#endif
