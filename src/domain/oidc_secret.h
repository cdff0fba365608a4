/* oidc_secret.h — client secrets of identity providers sealed for the
 * database (oidc.h says why and where the key is). */
#ifndef LG_DOMAIN_OIDC_SECRET_H
#define LG_DOMAIN_OIDC_SECRET_H

#include "core/arena.h"

#include <stdbool.h>
#include <stddef.h>

/* secret sealed for org's row: *box (nonce || ciphertext) in the arena. */
int oidc_secret_seal(struct arena *a, long long org, const char *secret, unsigned char **box, size_t *len);
/* The secret of org's sealed box; -1 when the key file is missing or the
 * box does not open with it (or belongs to another organisation). */
int oidc_secret_open(struct arena *a, long long org, const unsigned char *box, size_t len, char **secret);

/* A key for another purpose (a short name) derived from the same key file,
 * which is made when missing: what is sealed with it does not open from
 * the database alone. -1 when the file cannot be read or made. */
int installation_key_derive(const char *purpose, unsigned char out[32]);

#endif
