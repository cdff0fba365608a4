/* subject.h — the store's side of the rights of a person in the data (AVG,
 * issue 16): every row that refers to one person, table by table (inzage),
 * and the erasure that keeps what must stay without the link to the person.
 * The tables and their queries are listed once, in sqlite/subject.c. */
#ifndef LG_STORE_SUBJECT_H
#define LG_STORE_SUBJECT_H

#include "store/store.h"

/* One source of a person's data: a section of the inzage, read from the
 * table named (or, for a derived copy such as the search index, the reason
 * it has no rows of its own in the inzage). */
struct subject_rows {
	const char *section;      /* "logbook", "read_by", ... */
	const char *table;        /* the table read */
	const char *covered_by;   /* non-NULL: no rows; the section that holds its data */
	size_t ncols, nrows;
	const char **cols;
	char **cells;             /* nrows * ncols, row by row; NULL for no value */
	bool *numeric;            /* per cell: an integer or a real, not text */
};

/* Every section for person in org, in the order of the document. */
MUST_CHECK int store_subject_rows(struct store *s, struct arena *a, long long org, long long person,
				  struct subject_rows **out, size_t *n);

/* One step of an erasure and how many rows it touched. */
struct subject_step {
	const char *what;   /* "logbook_entry: deleted", ... */
	long long rows;
};

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
