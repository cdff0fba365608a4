/* signin.h — the store's part of signing in: the counters of failed
 * sign-ins per key (domain/throttle.h), password-reset links and API
 * tokens. Keys and secrets arrive as BLAKE2b-256 hashes; nothing here
 * sees an address typed or a secret in clear. */
#ifndef LG_STORE_SIGNIN_H
#define LG_STORE_SIGNIN_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/signin.h"

/* throttling: times in milliseconds since 1970 */

/* Counts one failure of key at now_ms in one statement, so that parallel
 * failures are all counted: the count first leaks one per leak_ms since
 * the last failure. *failures gets the new count. */
MUST_CHECK int store_throttle_fail(struct store *s, const unsigned char key[HASH_LEN], long long now_ms, long long leak_ms,
			long long *failures);
/* Makes the key wait until at least until_ms; never shortens a wait. */
MUST_CHECK int store_throttle_block(struct store *s, const unsigned char key[HASH_LEN], long long until_ms);
/* The key's wait (blocked_until) and its count at the last failure; both
 * 0 when the key has no row. */
MUST_CHECK int store_throttle_get(struct store *s, const unsigned char key[HASH_LEN], long long *blocked_until_ms,
		       long long *failures);
MUST_CHECK int store_throttle_clear(struct store *s, const unsigned char key[HASH_LEN]);
/* Forgets the keys whose count has not changed since before_ms and that
 * have no wait left. */
MUST_CHECK int store_throttle_sweep(struct store *s, long long before_ms);

/* password-reset links: times in seconds */

MUST_CHECK int store_reset_add(struct store *s, const unsigned char hash[HASH_LEN], long long account_id, long long now,
		    long long expires_at);
/* The same for an invitation (kind 'invite', migration 0017). */
MUST_CHECK int store_invite_add(struct store *s, const unsigned char hash[HASH_LEN], long long account_id, long long now,
		     long long expires_at);
/* The account of a link that has not expired at now, and whether it is an
 * invitation (invite may be NULL); the link stays. */
MUST_CHECK int store_reset_get(struct store *s, const unsigned char hash[HASH_LEN], long long now, long long *account_id,
		    bool *invite);
/* Spends a link: removes it and gives its account; ST_NOTFOUND when it
 * has expired or was spent meanwhile (by a request running in parallel). */
MUST_CHECK int store_reset_take(struct store *s, const unsigned char hash[HASH_LEN], long long now, long long *account_id);
/* When the account's newest link that still works was made; 0 for none. */
MUST_CHECK int store_reset_latest(struct store *s, long long account_id, long long now, long long *created_at);
MUST_CHECK int store_reset_delete_account(struct store *s, long long account_id);

/* API tokens: times in seconds */

MUST_CHECK int store_token_add(struct store *s, long long account_id, const unsigned char hash[HASH_LEN], const char *label,
		    const char *scope, long long now, long long expires_at, long long *id);
/* The token with this hash that has not expired at now (its id, account,
 * expiry and scope; the scope in a). */
MUST_CHECK int store_token_find(struct store *s, struct arena *a, const unsigned char hash[HASH_LEN], long long now,
		     struct api_token *out);
/* The account's tokens, newest first, expired ones too. */
MUST_CHECK int store_token_list(struct store *s, struct arena *a, long long account_id, struct api_token **out, size_t *n);
/* How many of the account's tokens work at now. */
MUST_CHECK int store_token_count(struct store *s, long long account_id, long long now, long long *n);
/* Removes one token of the account; ST_NOTFOUND when it has none by that id. */
MUST_CHECK int store_token_delete(struct store *s, long long account_id, long long id);
/* Removes every token of the account. */
MUST_CHECK int store_token_delete_account(struct store *s, long long account_id);

#endif
