/* idempotency.c — idempotency keys of the API (idempotency.h). */
#include "idempotency.h"
#include "store/idempotency.h"
#include "store/store.h"

#include <sodium.h>
#include <string.h>

_Static_assert(IDEMPOTENCY_HASH_LEN == HASH_LEN, "a request's hash is kept as the store's hashes are");

bool idempotency_key_valid(const char *key)
{
	size_t n = key ? strlen(key) : 0;
	if (!n || n > IDEMPOTENCY_KEY_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (key[i] < 0x20 || key[i] > 0x7e)
			return false;
	return true;
}

/* What tells one request from another: method, path and body. */
static void request_hash(const char *method, const char *path, const void *body, size_t len,
			 unsigned char out[IDEMPOTENCY_HASH_LEN])
{
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, IDEMPOTENCY_HASH_LEN);
	crypto_generichash_update(&st, (const unsigned char *)method, strlen(method) + 1);
	crypto_generichash_update(&st, (const unsigned char *)path, strlen(path) + 1);
	crypto_generichash_update(&st, body, len);
	crypto_generichash_final(&st, out, IDEMPOTENCY_HASH_LEN);
}

int idempotency_begin(struct ctx *c, const char *key, const char *method, const char *path, const void *body,
		      size_t len, enum idempotency_state *state, struct idempotent_answer *answer)
{
	if (!idempotency_key_valid(key) || !c->who->account_id)
		return D_INVALID;
	unsigned char h[IDEMPOTENCY_HASH_LEN];
	request_hash(method, path, body ? body : "", len, h);
	long long now = ctx_now(c);
	int r = store_idempotency_take(c->st, c->a, c->who->account_id, key, h, now, now - IDEMPOTENCY_SECONDS,
				       now - IDEMPOTENCY_ABANDONED_SECONDS, answer);
	if (r == ST_OK)
		*state = IDEMPOTENCY_NEW;
	else if (r != ST_CONFLICT)
		return D_ERROR;
	else if (sodium_memcmp(answer->hash, h, IDEMPOTENCY_HASH_LEN))
		*state = IDEMPOTENCY_OTHER_REQUEST;
	else
		*state = answer->status ? IDEMPOTENCY_REPLAY : IDEMPOTENCY_IN_PROGRESS;
	return D_OK;
}

int idempotency_end(struct ctx *c, const char *key, int status, const char *content_type, const void *body, size_t len)
{
	int r = status >= 500 || status == 429 || status <= 0
		? store_idempotency_drop(c->st, c->who->account_id, key)
		: store_idempotency_keep(c->st, c->who->account_id, key, status, content_type, body, len);
	return r ? D_ERROR : D_OK;
}

int idempotency_forget(struct store *st, long long now, long long *n)
{
	return store_idempotency_forget(st, now - IDEMPOTENCY_SECONDS, n) ? D_ERROR : D_OK;
}
