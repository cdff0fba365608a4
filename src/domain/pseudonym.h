/* pseudonym.h — the pseudonyms of research exports: "P-" and 10 hex
 * digits of HMAC-SHA256, under the installation's own key, of
 * "<organisation id>:<person id>". The same person gets the same pseudonym
 * in every export of their organisation, a different one in another
 * installation, and the key never leaves the database. */
#ifndef LG_DOMAIN_PSEUDONYM_H
#define LG_DOMAIN_PSEUDONYM_H

#include "core/compiler.h"
#include "ctx.h"

#define PSEUDONYM_KEY_LEN 32
#define PSEUDONYM_LEN 12   /* "P-" and 10 hex digits */

/* Writes the pseudonym of (org, person) under key into out (with its NUL). */
void pseudonym_make(const unsigned char key[PSEUDONYM_KEY_LEN], long long org, long long person,
		    char out[PSEUDONYM_LEN + 1]);

/* The installation's pseudonym key (D_ERROR when the store has none). */
MUST_CHECK int pseudonym_key(struct ctx *c, unsigned char key[PSEUDONYM_KEY_LEN]);

#endif
