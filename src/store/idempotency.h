/* idempotency.h — the store's part of idempotency keys (domain/
 * idempotency.h): per account and key, the hash of the first request and,
 * once it is answered, its answer. Times in seconds. */
#ifndef LG_STORE_IDEMPOTENCY_H
#define LG_STORE_IDEMPOTENCY_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/idempotency.h"

/* Takes (account, key) for a request of hash at now: ST_OK when taken (a
 * new row, status 0); a row made before `expired`, or one still at status
 * 0 made before `abandoned`, is replaced. ST_CONFLICT when another row
 * holds it, copied into out (its body in a). */
MUST_CHECK int store_idempotency_take(struct store *s, struct arena *a, long long account_id, const char *key,
				      const unsigned char hash[HASH_LEN], long long now, long long expired,
				      long long abandoned, struct idempotent_answer *out);
/* Keeps the answer of the request that took (account, key). */
MUST_CHECK int store_idempotency_keep(struct store *s, long long account_id, const char *key, int status,
				      const char *content_type, const void *body, size_t len);
/* Lets (account, key) go again (its request failed on the server's side). */
MUST_CHECK int store_idempotency_drop(struct store *s, long long account_id, const char *key);
/* Removes every row made before `before`; *n gets how many. */
MUST_CHECK int store_idempotency_forget(struct store *s, long long before, long long *n);

#endif
