/* instrument.h — the store's part for questionnaires: instruments with
 * their versions, sections, items and options; waves, invitations (only
 * the token's hash, and the cells their response is reported under),
 * sealed drafts and responses. As everywhere in the store: every call
 * takes the organisation, lists come from the arena. */
#ifndef LG_STORE_INSTRUMENT_H
#define LG_STORE_INSTRUMENT_H

#include "core/compiler.h"
#include "store.h"
#include "domain/model/instrument.h"

MUST_CHECK int store_instrument_add(struct store *s, long long org, const struct instrument *in, long long *id);
MUST_CHECK int store_instrument_list(struct store *s, struct arena *a, long long org, struct instrument **out, size_t *n);
MUST_CHECK int store_instrument_get(struct store *s, struct arena *a, long long org, long long id, struct instrument *out);
MUST_CHECK int store_instrument_by_key(struct store *s, struct arena *a, long long org, const char *key, struct instrument *out);
/* Writes a new version (the next number) with its sections and items (each
 * item's section_id is an index into v->sections, or -1 for none); returns
 * its id. Call inside a transaction. */
MUST_CHECK int store_version_add(struct store *s, long long org, const struct instrument_version *v, long long *id);
MUST_CHECK int store_version_get(struct store *s, struct arena *a, long long org, long long id, struct instrument_version *out);

MUST_CHECK int store_wave_add(struct store *s, long long org, const struct wave *w, long long *id);
/* One wave, without invited and responded (0): counting them passes over
 * every invitation, and the respondent's page reads the wave on every
 * hand-in. wave_accounting() has the counts of one wave. */
MUST_CHECK int store_wave_get(struct store *s, struct arena *a, long long org, long long id, struct wave *out);
MUST_CHECK int store_wave_list(struct store *s, struct arena *a, long long org, struct wave **out, size_t *n);
/* The organisation of a wave, for the administrator's command line, which
 * names a wave by its id alone. */
MUST_CHECK int store_wave_org(struct store *s, long long wave_id, long long *org);
/* Closes the wave now (ST_NOTFOUND when it is closed by hand already). */
MUST_CHECK int store_wave_close(struct store *s, long long org, long long wave_id, long long now);
/* Marks the wave's report cells as worked out (store_invitation_set_cells). */
MUST_CHECK int store_wave_set_report_cells(struct store *s, long long org, long long wave_id);

MUST_CHECK int store_invitation_add(struct store *s, long long org, const struct invitation *inv, const unsigned char hash[HASH_LEN],
			 long long now, long long *id);
MUST_CHECK int store_invitation_set_hash(struct store *s, long long org, long long id, const unsigned char hash[HASH_LEN]);
MUST_CHECK int store_invitation_set_cells(struct store *s, long long org, long long id, long long group_id, long long unit_id,
			       const char *role);
MUST_CHECK int store_invitation_list(struct store *s, struct arena *a, long long org, long long wave_id,
			  struct invitation **out, size_t *n);
/* By the hash of its token, in any organisation (the link is the key);
 * fills *org. */
MUST_CHECK int store_invitation_by_hash(struct store *s, struct arena *a, const unsigned char hash[HASH_LEN],
			     struct invitation *out, long long *org);
MUST_CHECK int store_invitation_remind(struct store *s, long long org, long long id);
/* Sending an invitation by e-mail: claim sets mailed_at when it is not set
 * yet (ST_NOTFOUND when it is: someone else sent it), before the message
 * goes out; unclaim clears it again when the mail server refused it. */
MUST_CHECK int store_invitation_claim_mail(struct store *s, long long org, long long id, long long now);
MUST_CHECK int store_invitation_unclaim_mail(struct store *s, long long org, long long id);

/* Replaces the invitation's draft (while it is not answered). */
MUST_CHECK int store_draft_put(struct store *s, long long org, long long invitation_id, const struct sealed_draft *d);
/* ST_NOTFOUND when there is none. */
MUST_CHECK int store_draft_get(struct store *s, struct arena *a, long long org, long long invitation_id, struct sealed_draft *out);
/* Deletes the draft; remember: keeps its verifier on the invitation, so
 * that its respondent can be told. */
MUST_CHECK int store_draft_discard(struct store *s, long long org, long long invitation_id, bool remember);
/* Hands in the answers a[0..n) of an invitation as its response, marks
 * the invitation answered, counts the week and deletes any draft, in one
 * transaction. The response takes the invitation's report cells;
 * anonymous: it keeps no link, a random id and no time (the week is only
 * counted, in response_week). Returns once the hand-in is on disk, and for
 * an anonymous one out of the write-ahead log (see instrument.c).
 * ST_CONFLICT when already answered, ST_NOTFOUND while a draft is there
 * that is not sealed for verifier (NULL: while any draft is there),
 * ST_INVALID for an item not of the wave's questionnaire. */
MUST_CHECK int store_response_submit(struct store *s, long long org, long long invitation_id, bool anonymous, const char *week,
			  const unsigned char *verifier, const struct answer_value *a, size_t n);
/* The same hand-in, and where sealed is not NULL (anonymous only): the
 * answers are not written; sealed (nonce || ciphertext) waits in
 * response_pending, under a random id, for the mixer. */
MUST_CHECK int store_response_hand_in(struct store *s, long long org, long long invitation_id, bool anonymous,
				      const char *week, const unsigned char *verifier, const struct answer_value *a,
				      size_t n, const unsigned char *sealed, size_t sealed_len);

/* ---- anonymous hand-ins waiting to be mixed in (domain/anonymous_mix.h) ---- */

/* Whether the database records which transaction wrote each row, so that
 * rows written together can be told apart from the rest (PostgreSQL's
 * xmin): then anonymous hand-ins wait to be mixed. */
bool store_rows_show_writer(const struct store *s);
/* The wave's waiting hand-ins, in id order (the ids are random). */
MUST_CHECK int store_pending_list(struct store *s, struct arena *a, long long org, long long wave_id,
				  struct pending_response **out, size_t *n);
MUST_CHECK int store_pending_count(struct store *s, long long org, long long wave_id, long long *n);
/* ST_NOTFOUND when it is not there (any more). */
MUST_CHECK int store_pending_remove(struct store *s, long long org, long long id);
/* Waves with hand-ins waiting that have closed by today (YYYY-MM-DD) or by
 * hand, of the organisation (0: of every one). */
MUST_CHECK int store_pending_closed_waves(struct store *s, struct arena *a, long long org, const char *today,
					  struct wave_ref **out, size_t *n);
/* An anonymous response of the wave under a new random id, no link, no
 * week; answers only for items of the wave's questionnaire (ST_INVALID
 * for another). */
MUST_CHECK int store_response_add_mixed(struct store *s, long long org, long long wave_id, const struct mixed_response *m);
/* Takes up to k of the wave's anonymous responses out again (read, then
 * deleted), the lowest random ids, so that a last batch can be mixed with
 * them; *n how many. */
MUST_CHECK int store_response_take_mixed(struct store *s, struct arena *a, long long org, long long wave_id, size_t k,
					 struct mixed_response **out, size_t *n);
/* Removes what is left of deleted rows of table from the database files
 * where the database keeps it (VACUUM on PostgreSQL; SQLite's
 * secure_delete already overwrote them). Inside a transaction nothing
 * (VACUUM cannot run there; autovacuum will). */
MUST_CHECK int store_tidy(struct store *s, const char *table);

MUST_CHECK int store_answers(struct store *s, struct arena *a, long long org, long long wave_id, struct answer_row **out,
		  size_t *n);

#endif
