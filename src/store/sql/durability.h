/* durability.h — the group commit of the store's hand-ins (durability.c),
 * for the SQLite files of the store only: writers of one database file
 * take turns in the order they come, and after its commit a writer waits
 * for a flush of the write-ahead log (or, for an anonymous hand-in, a
 * checkpoint that empties it) that began after that commit, one flush
 * serving every writer that committed meanwhile.
 *
 * A writer: durable_turn_take, begin, write, commit (or roll back),
 * durable_turn_pass, then durable_wait when it committed. */
#ifndef LG_STORE_SQLITE_DURABILITY_H
#define LG_STORE_SQLITE_DURABILITY_H

#include "internal.h"

#include <stdbool.h>

/* The group of writers of one database file (one per path, for the life of
 * the process). */
struct syncer;
struct syncer *durable_for(const char *path);

/* Waits for the turn to write among the writers of the file, in order. */
void durable_turn_take(struct syncer *y);
/* Hands the turn to the first writer waiting. */
void durable_turn_pass(struct syncer *y);

/* Returns once what connection s committed is on disk (and, with
 * checkpoint, out of the log): ST_OK, or ST_ERROR when a flush failed. Call
 * outside any transaction, without the turn. */
int durable_wait(struct syncer *y, struct store *s, bool checkpoint);

#endif
