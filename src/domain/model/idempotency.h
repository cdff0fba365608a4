/* model/idempotency.h — the kept answer of a request sent with an
 * Idempotency-Key (domain/idempotency.h). */
#ifndef LG_DOMAIN_MODEL_IDEMPOTENCY_H
#define LG_DOMAIN_MODEL_IDEMPOTENCY_H

#include <stddef.h>

#define IDEMPOTENCY_HASH_LEN 32

struct idempotent_answer {
	unsigned char hash[IDEMPOTENCY_HASH_LEN];  /* of the request it answered */
	long long created_at;
	int status;                /* 0 while the request is being handled */
	char *content_type;
	char *body;                /* len bytes, NUL after them */
	size_t len;
};

#endif
