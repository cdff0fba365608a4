/* pseudonym.c — research pseudonyms (pseudonym.h) with libsodium's
 * HMAC-SHA256. */
#include "pseudonym.h"
#include "store/network.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

void pseudonym_make(const unsigned char key[PSEUDONYM_KEY_LEN], long long org, long long person,
		    char out[PSEUDONYM_LEN + 1])
{
	char msg[48];
	int len = snprintf(msg, sizeof(msg), "%lld:%lld", org, person);
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256(mac, (const unsigned char *)msg, (unsigned long long)len, key);
	static const char digits[] = "0123456789abcdef";
	out[0] = 'P';
	out[1] = '-';
	for (int i = 0; i < 5; i++) {
		out[2 + 2 * i] = digits[mac[i] >> 4];
		out[3 + 2 * i] = digits[mac[i] & 15];
	}
	out[PSEUDONYM_LEN] = '\0';
	sodium_memzero(mac, sizeof(mac));
}

int pseudonym_key(struct ctx *c, unsigned char key[PSEUDONYM_KEY_LEN])
{
	return store_installation_key(c->st, "pseudonym", key) ? D_ERROR : D_OK;
}
