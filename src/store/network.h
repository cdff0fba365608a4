/* network.h — the store's part for the recruitment network: the rows of
 * one organisation's referrals with the people and presentations in them,
 * and the installation's own keys (the pseudonym key). */
#ifndef LG_STORE_NETWORK_H
#define LG_STORE_NETWORK_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/network.h"

/* Everything domain/referral_network.c needs for org, in the arena. */
MUST_CHECK int store_network_rows(struct store *s, struct arena *a, long long org, struct net_rows *out);

/* The 32-byte key of the installation for purpose ("pseudonym");
 * ST_NOTFOUND when there is none. */
MUST_CHECK int store_installation_key(struct store *s, const char *purpose, unsigned char key[32]);

#endif
