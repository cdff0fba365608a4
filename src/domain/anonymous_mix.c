/* anonymous_mix.c — anonymous hand-ins mixed in batches (anonymous_mix.h
 * says why). */
#include "anonymous_mix.h"
#include "answer_lines.h"
#include "ctx.h"
#include "oidc_secret.h"
#include "core/buf.h"
#include "core/die.h"
#include "store/instrument.h"
#include "store/store.h"

#include <assert.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#define NONCE crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define MAC crypto_aead_xchacha20poly1305_ietf_ABYTES

bool anonymous_mix_wanted(const struct store *st)
{
	return store_rows_show_writer(st);
}

static bool mix_key(unsigned char key[32])
{
	return installation_key_derive("anonymous hand-ins", key) == 0;
}

/* A box opens for its own organisation alone. */
static int associated(char *ad, size_t cap, long long org)
{
	return snprintf(ad, cap, "mix:%lld", org);
}

int anonymous_seal(struct arena *a, long long org, const struct invitation *inv, const struct answer_value *vals,
		   size_t n, unsigned char **box, size_t *len)
{
	unsigned char key[32];
	if (!mix_key(key))
		return D_ERROR;
	/* the first line: what the response is reported under; then the
	 * answers (answer_lines.h) */
	struct buf plain = BUF_INIT;
	buf_addf(&plain, "%lld %lld ", inv->report_group_id, inv->report_unit_id);
	text_hex_write(&plain, inv->report_role && *inv->report_role ? inv->report_role : NULL);
	buf_addch(&plain, '\n');
	answer_lines_write(&plain, vals, n);
	char ad[32];
	int adlen = associated(ad, sizeof(ad), org);
	*len = NONCE + plain.len + MAC;
	*box = arena_alloc(a, *len);
	randombytes_buf(*box, NONCE);
	crypto_aead_xchacha20poly1305_ietf_encrypt(*box + NONCE, NULL, (const unsigned char *)plain.ptr, plain.len,
						   (const unsigned char *)ad, (unsigned long long)adlen, NULL, *box, key);
	sodium_memzero(plain.ptr, plain.len);
	buf_release(&plain);
	sodium_memzero(key, sizeof(key));
	return D_OK;
}

/* What the first line of a hand-in's plain text holds: the group, the
 * unit and the 360° category (hex, "-" for none); false when it is not. */
static bool read_cells(struct arena *a, const char *p, struct mixed_response *m, const char **rest)
{
	char *end;
	m->group_id = strtoll(p, &end, 10);
	if (end == p || *end != ' ')
		return false;
	p = end + 1;
	m->unit_id = strtoll(p, &end, 10);
	if (end == p || *end != ' ')
		return false;
	p = end + 1;
	char *role;
	if (!(*rest = text_hex_read(a, p, &role)))
		return false;
	m->rater_role = role ? role : "";
	return true;
}

/* The response of a sealed hand-in; false when it does not open. The
 * plain text does not outlive the call. */
static bool unseal(struct arena *a, long long org, const unsigned char key[32], const struct pending_response *p,
		   struct mixed_response *m)
{
	if (p->len < NONCE + MAC)
		return false;
	size_t n = p->len - NONCE - MAC;
	char *plain = arena_alloc(a, n + 1);
	char ad[32];
	int adlen = associated(ad, sizeof(ad), org);
	unsigned long long got = 0;
	const char *rest;
	bool ok = crypto_aead_xchacha20poly1305_ietf_decrypt((unsigned char *)plain, &got, NULL, p->box + NONCE,
							     p->len - NONCE, (const unsigned char *)ad,
							     (unsigned long long)adlen, p->box, key) == 0;
	if (ok) {
		plain[got] = '\0';
		ok = read_cells(a, plain, m, &rest) && answer_lines_read(a, rest, &m->answers, &m->nanswers);
	}
	sodium_memzero(plain, n + 1);
	return ok;
}

/* Fisher-Yates with the system's random numbers: the order of writing
 * says nothing of the order of handing in. */
static void shuffle(struct mixed_response *m, size_t n)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = randombytes_uniform((uint32_t)i);
		struct mixed_response t = m[i - 1];
		m[i - 1] = m[j];
		m[j] = t;
	}
}

int anonymous_mix(struct store *st, struct arena *a, long long org, long long wave_id, bool closing, size_t *moved)
{
	if (moved)
		*moved = 0;
	if (!anonymous_mix_wanted(st))
		return D_OK;
	/* most hand-ins find fewer than a batch waiting: no transaction then
	 * (counted again under the lock) */
	long long waiting = 0;
	if (store_pending_count(st, org, wave_id, &waiting))
		return D_ERROR;
	if (!waiting || (!closing && waiting < ANONYMOUS_MIX_BATCH))
		return D_OK;
	unsigned char key[32];
	if (!mix_key(key))
		return D_ERROR;
	/* the store's write lock: one mixer at a time across servers, and no
	 * hand-in between the list and the removal */
	if (store_begin(st)) {
		sodium_memzero(key, sizeof(key));
		return D_ERROR;
	}
	struct pending_response *p;
	size_t np;
	int r = store_pending_list(st, a, org, wave_id, &p, &np);
	struct mixed_response *batch = NULL;
	size_t nb = 0, taken = 0;
	if (!r && np && (closing || np >= ANONYMOUS_MIX_BATCH)) {
		batch = arena_alloc(a, (np + ANONYMOUS_MIX_BATCH) * sizeof(*batch));
		long long *opened = arena_alloc(a, np * sizeof(*opened));
		for (size_t i = 0; i < np; i++) {
			if (unseal(a, org, key, &p[i], &batch[nb]))
				opened[nb++] = p[i].id;
			else
				warn("anonymous hand-in %lld of wave %lld does not open with this server's key file; "
				     "it waits (every server needs the same key file)", p[i].id, wave_id);
		}
		/* never fewer than a batch while the wave is open */
		if (!closing && nb < ANONYMOUS_MIX_BATCH)
			nb = 0;
		for (size_t i = 0; i < nb && !r; i++)
			r = store_pending_remove(st, org, opened[i]);
		/* a last few, fewer than a batch, go in with earlier ones
		 * written again */
		if (!r && closing && nb && nb < ANONYMOUS_MIX_BATCH) {
			struct mixed_response *old;
			r = store_response_take_mixed(st, a, org, wave_id, ANONYMOUS_MIX_BATCH - nb, &old, &taken);
			for (size_t i = 0; i < taken && !r; i++)
				batch[nb++] = old[i];
		}
		shuffle(batch, nb);
		for (size_t i = 0; i < nb && !r; i++)
			r = store_response_add_mixed(st, org, wave_id, &batch[i]);
	}
	sodium_memzero(key, sizeof(key));
	if (r || (r = store_commit(st))) {
		store_rollback(st);
		return D_ERROR;
	}
	if (taken && (store_tidy(st, "response") || store_tidy(st, "answer")))
		warn("anonymous hand-ins of wave %lld: the tables could not be vacuumed: %s", wave_id, store_errmsg(st));
	if (moved)
		*moved = nb - taken;
	return D_OK;
}

int anonymous_mix_closed(struct store *st, struct arena *a, const char *today, FILE *log)
{
	if (!anonymous_mix_wanted(st))
		return D_OK;
	struct wave_ref *w;
	size_t n;
	if (store_pending_closed_waves(st, a, 0, today, &w, &n))
		return D_ERROR;
	int r = D_OK;
	for (size_t i = 0; i < n; i++) {
		size_t moved = 0;
		if (anonymous_mix(st, a, w[i].organisation_id, w[i].wave_id, true, &moved)) {
			r = D_ERROR;
			continue;
		}
		if (log && moved)
			fprintf(log, "leergang: wave %lld closed: %zu anonymous hand-in%s mixed in\n", w[i].wave_id, moved,
				moved == 1 ? "" : "s");
	}
	return r;
}
