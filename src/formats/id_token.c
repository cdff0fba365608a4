/* id_token.c — ID token checks (id_token.h): the header read here to pin
 * the algorithm and choose the key, the signature verified by cjose, then
 * the claims. */
#include "id_token.h"

#include <cjose/cjose.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* A compact JWS is far smaller; anything larger is not read at all. */
#define TOKEN_MAX 16384

const char *id_token_result_name(enum id_token_result r)
{
	switch (r) {
	case IDT_OK: return "ok";
	case IDT_MALFORMED: return "malformed";
	case IDT_ALGORITHM: return "algorithm";
	case IDT_NO_KEY: return "no key";
	case IDT_SIGNATURE: return "signature";
	case IDT_ISSUER: return "issuer";
	case IDT_AUDIENCE: return "audience";
	case IDT_EXPIRED: return "expired";
	case IDT_ISSUED: return "issued in the future";
	case IDT_NONCE: return "nonce";
	case IDT_SUBJECT: return "subject";
	}
	return "?";
}

/* The protected header of a compact JWS as a JSON object, or NULL. */
static json_t *header_of(const char *token)
{
	const char *dot = strchr(token, '.');
	if (!dot || dot == token)
		return NULL;
	size_t n = (size_t)(dot - token), len = 0;
	unsigned char *raw = malloc(n);
	if (!raw)
		return NULL;
	json_t *h = NULL;
	if (sodium_base642bin(raw, n, token, n, NULL, &len, NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) == 0)
		h = json_loadb((const char *)raw, len, JSON_REJECT_DUPLICATES, NULL);
	free(raw);
	if (h && !json_is_object(h)) {
		json_decref(h);
		h = NULL;
	}
	return h;
}

/* The algorithm a key may sign with, from its type alone; NULL for a key
 * leergang does not take. */
static const char *pinned_alg(json_t *key)
{
	const char *kty = json_string_value(json_object_get(key, "kty"));
	const char *crv = json_string_value(json_object_get(key, "crv"));
	if (kty && !strcmp(kty, "RSA"))
		return "RS256";
	if (kty && !strcmp(kty, "EC") && crv && !strcmp(crv, "P-256"))
		return "ES256";
	return NULL;
}

/* Whether the key is one to verify signatures with: not marked for
 * encryption, of a type leergang takes, and its own "alg" (if any) the
 * pinned one. */
static bool signing_key(json_t *key)
{
	const char *use = json_string_value(json_object_get(key, "use"));
	const char *alg = json_string_value(json_object_get(key, "alg"));
	const char *pin = pinned_alg(key);
	if (!json_is_object(key) || !pin || (use && strcmp(use, "sig")))
		return false;
	return !alg || !strcmp(alg, pin);
}

/* The key of the set that kid names (NULL: the only signing key). */
static json_t *choose_key(json_t *set, const char *kid)
{
	json_t *keys = json_object_get(set, "keys"), *found = NULL, *k;
	size_t i, n = 0;
	if (!json_is_array(keys))
		return NULL;
	json_array_foreach(keys, i, k) {
		if (!signing_key(k))
			continue;
		const char *id = json_string_value(json_object_get(k, "kid"));
		if (kid && (!id || strcmp(id, kid)))
			continue;
		if (kid)
			return k;
		found = k;
		n++;
	}
	return n == 1 ? found : NULL;
}

static bool audience_ok(json_t *claims, const char *client_id)
{
	json_t *aud = json_object_get(claims, "aud"), *v;
	const char *azp = json_string_value(json_object_get(claims, "azp"));
	bool mine = false;
	size_t i, n = 0;
	if (json_object_get(claims, "azp") && (!azp || strcmp(azp, client_id)))
		return false;
	if (json_is_string(aud))
		return !strcmp(json_string_value(aud), client_id);
	if (!json_is_array(aud))
		return false;
	json_array_foreach(aud, i, v) {
		if (json_is_string(v) && !strcmp(json_string_value(v), client_id))
			mine = true;
		n++;
	}
	/* several audiences: the token must say it was issued to us */
	return mine && (n == 1 || azp);
}

static enum id_token_result claims_check(json_t *claims, const struct id_token_expect *x)
{
	const char *iss = json_string_value(json_object_get(claims, "iss"));
	const char *nonce = json_string_value(json_object_get(claims, "nonce"));
	const char *sub = json_string_value(json_object_get(claims, "sub"));
	json_t *exp = json_object_get(claims, "exp"), *iat = json_object_get(claims, "iat");
	if (!iss || strcmp(iss, x->issuer))
		return IDT_ISSUER;
	if (!audience_ok(claims, x->client_id))
		return IDT_AUDIENCE;
	if (!json_is_number(exp) || json_number_value(exp) <= (double)(x->now - ID_TOKEN_SKEW))
		return IDT_EXPIRED;
	if (!json_is_number(iat) || json_number_value(iat) > (double)(x->now + ID_TOKEN_SKEW))
		return IDT_ISSUED;
	if (!nonce || !x->nonce || strlen(nonce) != strlen(x->nonce) ||
	    sodium_memcmp(nonce, x->nonce, strlen(nonce)))
		return IDT_NONCE;
	if (!sub || !*sub)
		return IDT_SUBJECT;
	return IDT_OK;
}

enum id_token_result id_token_verify(const char *token, const char *jwks, const struct id_token_expect *x,
				     json_t **claims)
{
	*claims = NULL;
	size_t len = token ? strnlen(token, TOKEN_MAX + 1) : 0;
	if (!len || len > TOKEN_MAX || !jwks)
		return IDT_MALFORMED;
	json_t *hdr = header_of(token), *set = NULL, *body = NULL;
	cjose_jws_t *jws = NULL;
	cjose_jwk_t *jwk = NULL;
	cjose_err err;
	enum id_token_result r = IDT_MALFORMED;
	if (!hdr)
		goto out;
	const char *alg = json_string_value(json_object_get(hdr, "alg"));
	const char *kid = json_string_value(json_object_get(hdr, "kid"));
	r = IDT_ALGORITHM;
	/* never "none", never a shared secret: whatever the keys say */
	if (!alg || (strcmp(alg, "RS256") && strcmp(alg, "ES256")) || json_object_get(hdr, "crit"))
		goto out;
	if (json_object_get(hdr, "kid") && !kid) {
		r = IDT_MALFORMED;
		goto out;
	}
	r = IDT_NO_KEY;
	json_t *key;
	if (!(set = json_loads(jwks, JSON_REJECT_DUPLICATES, NULL)) || !(key = choose_key(set, kid)))
		goto out;
	r = IDT_ALGORITHM;
	if (strcmp(alg, pinned_alg(key)))
		goto out;
	r = IDT_NO_KEY;
	if (!(jwk = cjose_jwk_import_json((cjose_header_t *)key, &err)))
		goto out;
	r = IDT_MALFORMED;
	if (!(jws = cjose_jws_import(token, len, &err)))
		goto out;
	/* cjose verifies with the header's algorithm: the one pinned above */
	const char *alg2 = cjose_header_get(cjose_jws_get_protected(jws), CJOSE_HDR_ALG, &err);
	if (!alg2 || strcmp(alg2, alg))
		goto out;
	r = IDT_SIGNATURE;
	if (!cjose_jws_verify(jws, jwk, &err))
		goto out;
	uint8_t *plain = NULL;
	size_t plain_len = 0;
	r = IDT_MALFORMED;
	if (!cjose_jws_get_plaintext(jws, &plain, &plain_len, &err) ||
	    !(body = json_loadb((const char *)plain, plain_len, JSON_REJECT_DUPLICATES, NULL)) || !json_is_object(body))
		goto out;
	r = claims_check(body, x);
	if (r == IDT_OK) {
		*claims = body;
		body = NULL;
	}
out:
	json_decref(body);
	json_decref(set);
	json_decref(hdr);
	if (jws)
		cjose_jws_release(jws);
	if (jwk)
		cjose_jwk_release(jwk);
	return r;
}
