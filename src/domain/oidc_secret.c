/* oidc_secret.c — the sealing of client secrets: XChaCha20-Poly1305 under
 * a key in a file beside the database, with the organisation's id as
 * associated data (a sealed secret moved to another organisation's row
 * does not open). The file is made once, mode 0600. */
#include "oidc_secret.h"
#include "oidc.h"
#include "core/die.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char key_path[4096];

static int key_load(unsigned char key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES], bool create);

void oidc_key_file_set(const char *path)
{
	snprintf(key_path, sizeof(key_path), "%s", path ? path : "");
}

int oidc_key_file_copy(const char *dest)
{
	unsigned char key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
	if (!key_path[0] || access(key_path, F_OK) != 0)
		return 1;  /* no provider has sealed a secret: nothing to copy */
	if (key_load(key, false))
		return -1;
	char hex[2 * crypto_aead_xchacha20poly1305_ietf_KEYBYTES + 2];
	sodium_bin2hex(hex, sizeof(hex), key, crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
	sodium_memzero(key, sizeof(key));
	hex[2 * crypto_aead_xchacha20poly1305_ietf_KEYBYTES] = '\n';
	int fd = open(dest, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
	bool ok = fd >= 0 && fchmod(fd, 0600) == 0 && write(fd, hex, sizeof(hex) - 1) == (ssize_t)(sizeof(hex) - 1) &&
		  fsync(fd) == 0;
	if (fd >= 0)
		ok &= close(fd) == 0;
	sodium_memzero(hex, sizeof(hex));
	return ok ? 0 : -1;
}

/* The key from its file; made there first when create and it is missing. */
static int key_load(unsigned char key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES], bool create)
{
	char hex[2 * crypto_aead_xchacha20poly1305_ietf_KEYBYTES + 2];
	if (!key_path[0])
		return -1;
	int fd = open(key_path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT && create) {
		crypto_aead_xchacha20poly1305_ietf_keygen(key);
		sodium_bin2hex(hex, sizeof(hex), key, crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
		hex[2 * crypto_aead_xchacha20poly1305_ietf_KEYBYTES] = '\n';
		fd = open(key_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd >= 0) {
			bool ok = write(fd, hex, sizeof(hex) - 1) == (ssize_t)(sizeof(hex) - 1);
			ok &= fsync(fd) == 0;
			ok &= close(fd) == 0;
			sodium_memzero(hex, sizeof(hex));
			if (ok)
				return 0;
			warn("oidc: could not write the key file %s", key_path);
			unlink(key_path);
			return -1;
		}
		if (errno != EEXIST)
			return -1;
		fd = open(key_path, O_RDONLY | O_CLOEXEC);   /* another process made it meanwhile */
	}
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, hex, sizeof(hex) - 1);
	close(fd);
	size_t len = 0;
	int r = n >= 2 * crypto_aead_xchacha20poly1305_ietf_KEYBYTES &&
			sodium_hex2bin(key, crypto_aead_xchacha20poly1305_ietf_KEYBYTES, hex,
				       2 * crypto_aead_xchacha20poly1305_ietf_KEYBYTES, NULL, &len, NULL) == 0 &&
			len == crypto_aead_xchacha20poly1305_ietf_KEYBYTES ? 0 : -1;
	sodium_memzero(hex, sizeof(hex));
	return r;
}

int installation_key_derive(const char *purpose, unsigned char out[32])
{
	unsigned char key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
	if (key_load(key, true))
		return -1;
	crypto_generichash(out, 32, (const unsigned char *)purpose, strlen(purpose), key, sizeof(key));
	sodium_memzero(key, sizeof(key));
	return 0;
}

int oidc_secret_seal(struct arena *a, long long org, const char *secret, unsigned char **box, size_t *len)
{
	unsigned char key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
	if (key_load(key, true))
		return -1;
	char ad[32];
	int adlen = snprintf(ad, sizeof(ad), "oidc:%lld", org);
	size_t n = strlen(secret);
	*len = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + n + crypto_aead_xchacha20poly1305_ietf_ABYTES;
	*box = arena_alloc(a, *len);
	randombytes_buf(*box, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
	crypto_aead_xchacha20poly1305_ietf_encrypt(*box + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, NULL,
						   (const unsigned char *)secret, n, (const unsigned char *)ad,
						   (unsigned long long)adlen, NULL, *box, key);
	sodium_memzero(key, sizeof(key));
	return 0;
}

int oidc_secret_open(struct arena *a, long long org, const unsigned char *box, size_t len, char **secret)
{
	unsigned char key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
	*secret = NULL;
	if (len < crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES ||
	    key_load(key, false))
		return -1;
	char ad[32];
	int adlen = snprintf(ad, sizeof(ad), "oidc:%lld", org);
	size_t n = len - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES - crypto_aead_xchacha20poly1305_ietf_ABYTES;
	char *out = arena_alloc(a, n + 1);
	unsigned long long got = 0;
	int r = crypto_aead_xchacha20poly1305_ietf_decrypt((unsigned char *)out, &got, NULL,
							   box + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
							   len - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
							   (const unsigned char *)ad, (unsigned long long)adlen, box, key);
	sodium_memzero(key, sizeof(key));
	if (r)
		return -1;
	out[got] = '\0';
	*secret = out;
	return 0;
}
