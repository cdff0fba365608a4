/* anonymous_mix.h — anonymous hand-ins mixed in batches, where the
 * database records which transaction wrote each row.
 *
 * PostgreSQL stamps every row version with the transaction that wrote it
 * (xmin), and transactions are numbered in order. A response written in
 * the hand-in's own transaction would carry the number of the transaction
 * that marked its invitation answered, and so name its respondent to
 * whoever reads the database. So there the hand-in only seals its answers
 * (XChaCha20-Poly1305, a key derived from the installation's key file,
 * which is not in the database) into response_pending, and the mixer moves
 * them into `response` in batches of at least ANONYMOUS_MIX_BATCH, in
 * shuffled order, under new random ids, in one transaction: each response
 * then shares its writer with the rest of its batch, and a batch comes
 * from at least five people. A wave's last hand-ins, fewer than a batch,
 * are mixed when it closes, together with as many of its earlier
 * responses, taken out and written again, as make up a batch; then the
 * tables are vacuumed, so that the earlier versions leave the files.
 *
 * Until their batch is mixed, hand-ins count as answered (the invitation)
 * but are not in the results; SQLite keeps no such trace, and there
 * nothing waits. */
#ifndef LG_DOMAIN_ANONYMOUS_MIX_H
#define LG_DOMAIN_ANONYMOUS_MIX_H

#include "core/arena.h"
#include "core/compiler.h"
#include "domain/model/instrument.h"

struct store;

#include <stdbool.h>
#include <stdio.h>

#define ANONYMOUS_MIX_BATCH 5

/* Whether anonymous hand-ins wait to be mixed on this database. */
bool anonymous_mix_wanted(const struct store *st);
/* The answers of an anonymous hand-in through inv (what its response is
 * reported under, and vals), sealed for the wave: *box in the arena.
 * D_OK, D_ERROR when the key file cannot be read or made. */
MUST_CHECK int anonymous_seal(struct arena *a, long long org, const struct invitation *inv, const struct answer_value *vals,
			      size_t n, unsigned char **box, size_t *len);
/* Mixes the wave's waiting hand-ins into its responses when there are a
 * batch of them, or when closing any there are. *moved (may be NULL) how
 * many responses were written. D_OK (also when there was nothing to do),
 * D_ERROR. A box that does not open (another key file) stays waiting and
 * is reported on stderr. */
MUST_CHECK int anonymous_mix(struct store *st, struct arena *a, long long org, long long wave_id, bool closing,
			     size_t *moved);
/* The closing mix of every wave that has closed (today, YYYY-MM-DD) with
 * hand-ins waiting: the daily run. Prints what it did to log (may be NULL). */
MUST_CHECK int anonymous_mix_closed(struct store *st, struct arena *a, const char *today, FILE *log);

#endif
