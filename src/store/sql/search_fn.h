/* search_fn.h — what full-text search needs on every SQLite connection of
 * the store (registered by store_open(), before any migration runs):
 *
 *   the FTS5 tokenizer "dutch": unicode61 with remove_diacritics 2 (words
 *     lowercased, diacritics folded: "beëindigen" is "beeindigen"), each
 *     word then reduced by the Snowball Dutch stemmer, so that
 *     "vergaderingen" finds "vergadering" and the other way round. Prefix
 *     query terms ("verga*") are not stemmed. Use it as
 *     fts5(..., tokenize = 'dutch'); further arguments go to unicode61.
 *
 *   the SQL function md_plain(text): the plain words of a CommonMark text
 *     as the function handed to store_use_words() makes them (the
 *     program's: formats/markdown.h md_plain(), no markup, no raw HTML, one
 *     block per line); NULL for NULL. Deterministic and innocuous, so
 *     triggers may use it.
 *
 * A connection opened without these (the sqlite3 shell, a test's own
 * connection) cannot read or write an FTS5 table that uses 'dutch' nor run
 * a trigger that calls md_plain(). */
#ifndef LG_STORE_SQLITE_SEARCH_FN_H
#define LG_STORE_SQLITE_SEARCH_FN_H

#include <sqlite3.h>

/* Registers the tokenizer "dutch" and the function md_plain() on db:
 * SQLITE_OK or an SQLite error code (SQLITE_ERROR when the library has no
 * FTS5, SQLITE_MISUSE before store_use_words()). */
int search_functions_register(sqlite3 *db);

#endif
