/* subject.h — the store's side of the rights of a person in the data (AVG,
 * issue 16): every row that refers to one person, table by table (inzage),
 * and the erasure that keeps what must stay without the link to the person.
 * The tables and their queries are listed once, in sqlite/subject.c. */
#ifndef LG_STORE_SUBJECT_H
#define LG_STORE_SUBJECT_H

#include "domain/model/subject.h"
#include "store/store.h"

/* Every section for person in org, in the order of the document. */
MUST_CHECK int store_subject_rows(struct store *s, struct arena *a, long long org, long long person,
				  struct subject_rows **out, size_t *n);

/* Erases person in org inside the caller's transaction: texts go, links to
 * the person stay on a tombstone person without name, e-mail or number
 * (tombstone_name; employee number "erased-ID"), contributions to a group's
 * learning story become note. Fills the steps with the rows each touched. */
MUST_CHECK int store_subject_erase(struct store *s, struct arena *a, long long org, long long person,
				   const char *note, const char *tombstone_name, struct subject_step **out,
				   size_t *n);

/* After an erasure has committed: merges the search index (its old segments
 * keep the tokens of deleted texts), rebuilds the database file (VACUUM:
 * no freed page keeps old bytes) and empties the WAL (checkpoint TRUNCATE).
 * Must run outside a transaction. */
MUST_CHECK int store_scrub_files(struct store *s, struct buf *err);

#endif
