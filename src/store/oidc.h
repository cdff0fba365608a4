/* oidc.h — the store's part of sign-in through an organisation's identity
 * provider: the provider per organisation, and the sign-ins under way,
 * found by the BLAKE2b-256 of their state and browser cookie only. */
#ifndef LG_STORE_OIDC_H
#define LG_STORE_OIDC_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/oidc.h"

/* Sets (adds or replaces) the provider of out->organisation_id. */
MUST_CHECK int store_oidc_provider_set(struct store *s, const struct oidc_provider *p);
/* The provider of org, with the organisation's slug and name. */
MUST_CHECK int store_oidc_provider_get(struct store *s, struct arena *a, long long org, struct oidc_provider *out);
/* Every organisation's provider, by organisation name. */
MUST_CHECK int store_oidc_provider_list(struct store *s, struct arena *a, struct oidc_provider **out, size_t *n);
/* Whether org signs in through its provider only. */
MUST_CHECK int store_oidc_passwords_off(struct store *s, long long org, bool *off);

/* Adds a sign-in under way (times in seconds), drops those expired at
 * created_at, then the oldest of the browser beyond per_browser and the
 * oldest of all beyond overall. */
MUST_CHECK int store_oidc_login_add(struct store *s, const unsigned char state_hash[HASH_LEN],
				    const unsigned char browser_hash[HASH_LEN], const struct oidc_login *l,
				    long long expires_at, int per_browser, int overall);
/* Spends the sign-in of this state made in this browser, if it has not
 * expired at now: ST_NOTFOUND otherwise (also when another browser holds
 * it, which keeps it). */
MUST_CHECK int store_oidc_login_take(struct store *s, struct arena *a, const unsigned char state_hash[HASH_LEN],
				     const unsigned char browser_hash[HASH_LEN], long long now, struct oidc_login *out);
/* How many sign-ins are under way (for the tests of the bounds). */
MUST_CHECK int store_oidc_login_count(struct store *s, long long *n);

/* The account of org whose e-mail address (claim "email") or whose
 * person's employee number (claim "employee_id") is value. */
MUST_CHECK int store_oidc_account(struct store *s, long long org, const char *claim, const char *value,
				  long long *account_id);

#endif
