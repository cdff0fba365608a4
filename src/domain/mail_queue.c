/* mail_queue.c — mail sent in the background from the database
 * (mail_queue.h says why and how). */
#include "mail_queue.h"
#include "ctx.h"
#include "mail_sender.h"
#include "oidc_secret.h"
#include "store_rc.h"
#include "core/arena.h"
#include "core/die.h"
#include "mail/mailer.h"
#include "store/mail_queue.h"

#include <assert.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#define NONCE crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define MAC crypto_aead_xchacha20poly1305_ietf_ABYTES

static bool queue_key(unsigned char key[32])
{
	return installation_key_derive("mail queue", key) == 0;
}

/* A box opens for its own organisation alone. */
static int associated(char *ad, size_t cap, long long org)
{
	return snprintf(ad, cap, "mail:%lld", org);
}

bool mail_queue_add(struct store *st, long long org, const char *to, const char *msg, size_t len, long long now)
{
	assert(to && *to && !strchr(to, '\n') && msg);
	unsigned char key[32];
	if (!queue_key(key))
		return false;
	/* the address, a line break, the message */
	size_t tolen = strlen(to), plen = tolen + 1 + len;
	struct arena a = ARENA_INIT;
	unsigned char *plain = arena_alloc(&a, plen);
	memcpy(plain, to, tolen);
	plain[tolen] = '\n';
	memcpy(plain + tolen + 1, msg, len);
	size_t blen = NONCE + plen + MAC;
	unsigned char *box = arena_alloc(&a, blen);
	char ad[32];
	int adlen = associated(ad, sizeof(ad), org);
	randombytes_buf(box, NONCE);
	crypto_aead_xchacha20poly1305_ietf_encrypt(box + NONCE, NULL, plain, plen, (const unsigned char *)ad,
						   (unsigned long long)adlen, NULL, box, key);
	sodium_memzero(plain, plen);
	sodium_memzero(key, sizeof(key));
	bool ok = store_mail_queue_add(st, org, box, blen, now, NULL) == ST_OK;
	arena_free(&a);
	if (ok)
		mail_sender_wake();
	return ok;
}

/* The address and message of a box, in a; false when it does not open
 * with key. */
static bool unseal(struct arena *a, const unsigned char key[32], const struct queued_mail *m, char **to, char **msg,
		   size_t *len)
{
	if (m->len < NONCE + MAC)
		return false;
	size_t n = m->len - NONCE - MAC;
	char *plain = arena_alloc(a, n + 1);
	char ad[32];
	int adlen = associated(ad, sizeof(ad), m->organisation_id);
	unsigned long long got = 0;
	if (crypto_aead_xchacha20poly1305_ietf_decrypt((unsigned char *)plain, &got, NULL, m->box + NONCE,
						       m->len - NONCE, (const unsigned char *)ad,
						       (unsigned long long)adlen, m->box, key) != 0)
		return false;
	plain[got] = '\0';
	char *nl = memchr(plain, '\n', got);
	if (!nl || nl == plain) {
		sodium_memzero(plain, n + 1);
		return false;
	}
	*nl = '\0';
	*to = plain;
	*msg = nl + 1;
	*len = got - (size_t)(nl + 1 - plain);
	return true;
}

/* Seconds before the next try after `tries` attempts found no server. */
static long long backoff(long long first, int tries)
{
	long long s = first;
	for (int i = 1; i < tries && s < MAIL_QUEUE_RETRY_MAX; i++)
		s *= 2;
	return s < MAIL_QUEUE_RETRY_MAX ? s : MAIL_QUEUE_RETRY_MAX;
}

/* No mail server took m: later, or given up when it is old enough. */
static int not_now(struct store *st, const struct queued_mail *m, long long now, long long first,
		   struct mail_queue_result *r)
{
	int tries = m->tries + 1;
	long long next = now + backoff(first, tries);
	if (next - m->queued_at >= MAIL_QUEUE_GIVE_UP) {
		warn("mail: a queued message was given up after %d tries over a day: no mail server took it", tries);
		r->given_up++;
		return store_mail_queue_remove(st, m->id);
	}
	r->later++;
	return store_mail_queue_later(st, m->id, tries, next);
}

int mail_queue_send_due(struct store *st, const struct mailer *ml, long long now, long long retry_first,
			struct mail_queue_result *r)
{
	assert(ml && r);
	memset(r, 0, sizeof(*r));
	if (retry_first <= 0)
		retry_first = MAIL_QUEUE_RETRY_FIRST;
	struct arena a = ARENA_INIT;
	struct queued_mail *q;
	size_t n;
	int rc = store_mail_queue_claim(st, &a, now, now + MAIL_QUEUE_LEASE, MAIL_QUEUE_BATCH, &q, &n);
	if (rc) {
		arena_free(&a);
		return d_from_store(rc);
	}
	r->claimed_all = n < MAIL_QUEUE_BATCH;
	unsigned char key[32];
	bool have_key = n && queue_key(key);
	void *batch = NULL;
	bool unreachable = false;
	for (size_t i = 0; i < n && !rc; i++) {
		struct queued_mail *m = &q[i];
		char *to, *msg;
		size_t len;
		if (!have_key || !unseal(&a, key, m, &to, &msg, &len)) {
			warn("mail: queued message %lld does not open with this server's key file; "
			     "it waits (every server needs the same key file)", m->id);
			r->unopened++;
			rc = store_mail_queue_later(st, m->id, m->tries, now + MAIL_QUEUE_RETRY_MAX);
			continue;
		}
		if (!unreachable && !batch && !(batch = ml->open()))
			unreachable = true;
		enum mailer_result sent = unreachable ? MAILER_UNREACHABLE : ml->send(batch, to, msg, len);
		sodium_memzero(to, (size_t)(msg - to) + len);   /* the address, its line break, the message */
		if (sent == MAILER_UNREACHABLE) {
			/* the next would fail too: all of this batch waits */
			unreachable = true;
			rc = not_now(st, m, now, retry_first, r);
			continue;
		}
		if (sent == MAILER_REFUSED) {
			warn("mail: the mail server refused a queued message; it is not tried again");
			r->refused++;
		} else {
			r->sent++;
		}
		rc = store_mail_queue_remove(st, m->id);
	}
	if (batch)
		ml->close(batch);
	if (unreachable && r->later)
		warn("mail: the mail server could not be reached; %lld queued message(s) wait to be tried again", r->later);
	if (have_key)
		sodium_memzero(key, sizeof(key));
	arena_free(&a);
	if (!rc && r->claimed_all)
		rc = store_mail_queue_next(st, &r->next_due);
	return d_from_store(rc);
}

int mail_queue_forget(struct store *st, long long now, long long *n)
{
	return d_from_store(store_mail_queue_forget(st, now - MAIL_QUEUE_GIVE_UP, n));
}
