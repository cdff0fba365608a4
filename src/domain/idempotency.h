/* idempotency.h — idempotency keys of the API (the IETF draft
 * "The Idempotency-Key HTTP Header Field"): a script that sends a creating
 * request with a key of its choosing, and sends it again because the
 * answer got lost, gets the first answer again instead of a second thing
 * made. Per account and key, for IDEMPOTENCY_SECONDS:
 * - the first request takes the key, and its answer (status, type, body)
 *   is kept, unless it failed on the server's side (5xx) or was turned
 *   away for too many requests (429): then the key is free again;
 * - the same request again (the same method, path and body) gets the kept
 *   answer, nothing is done again;
 * - another request with the key is refused (IDEMPOTENCY_OTHER_REQUEST);
 * - while the first is still being handled, a repeat is told to wait
 *   (IDEMPOTENCY_IN_PROGRESS); a first request that never finished
 *   (the server stopped) frees the key after IDEMPOTENCY_ABANDONED_SECONDS.
 * The daily retention run removes what is older (idempotency_forget). */
#ifndef LG_DOMAIN_IDEMPOTENCY_H
#define LG_DOMAIN_IDEMPOTENCY_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/idempotency.h"

#include <stdbool.h>

#define IDEMPOTENCY_SECONDS (24 * 60 * 60)
#define IDEMPOTENCY_ABANDONED_SECONDS 300
#define IDEMPOTENCY_KEY_MAX 255

/* 1 to IDEMPOTENCY_KEY_MAX printable ASCII characters (space to ~). */
bool idempotency_key_valid(const char *key);

enum idempotency_state {
	IDEMPOTENCY_NEW,            /* taken: handle the request, then idempotency_end */
	IDEMPOTENCY_REPLAY,         /* answered before: the answer is filled in */
	IDEMPOTENCY_OTHER_REQUEST,  /* the key was used for another request */
	IDEMPOTENCY_IN_PROGRESS,    /* the first request is still being handled */
};

/* Looks up or takes the key of c's account for the request (method, path,
 * body of len bytes) at ctx_now(c). D_INVALID for a key that is not
 * valid; D_ERROR when the store failed. */
MUST_CHECK int idempotency_begin(struct ctx *c, const char *key, const char *method, const char *path, const void *body,
				 size_t len, enum idempotency_state *state, struct idempotent_answer *answer);
/* Keeps the answer of the request that took the key (or frees the key,
 * for a 5xx or 429). */
MUST_CHECK int idempotency_end(struct ctx *c, const char *key, int status, const char *content_type, const void *body,
			       size_t len);
/* Removes every key older than IDEMPOTENCY_SECONDS at now; *n: how many. */
MUST_CHECK int idempotency_forget(struct store *st, long long now, long long *n);

#endif
