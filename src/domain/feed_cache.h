/* feed_cache.h — the text of calendar feeds kept between fetches, per
 * process. A calendar program asks for its feed every few minutes and the
 * feed seldom changes, while writing it (libical: the events, the time
 * zone, the serialisation) costs far more than reading what goes into it.
 *
 * An entry is found by the feed's id and is only used when the key handed
 * in is byte for byte the key it was stored with: the caller makes the key
 * from everything the text is made of (the calendar's name and every field
 * of every event), read afresh on each fetch. So a changed meeting, a
 * renamed group or a participant who stopped gives another key and a new
 * text at once, and no link can get the text of another. Entries older
 * than FEED_CACHE_MAX_AGE seconds are made again (their DTSTAMP is the
 * time they were made).
 *
 * Bounded: FEED_CACHE_SLOTS entries (by feed id, a newer one replaces an
 * older in its slot) and at most FEED_CACHE_BYTES of keys and texts in
 * all; a text that does not fit is served but not kept. Safe to call from
 * several threads at once. */
#ifndef LG_DOMAIN_FEED_CACHE_H
#define LG_DOMAIN_FEED_CACHE_H

#include "core/buf.h"

#include <stdbool.h>
#include <stddef.h>

#define FEED_CACHE_SLOTS 1024
#define FEED_CACHE_BYTES (8u << 20)
#define FEED_CACHE_MAX_AGE 3600

/* Appends the kept text of the feed to out and returns true when there is
 * one for exactly this key, made less than FEED_CACHE_MAX_AGE before now. */
bool feed_cache_get(long long feed_id, const char *key, size_t key_len, long long now, struct buf *out);
/* Keeps text for the feed under key, made at now. */
void feed_cache_put(long long feed_id, const char *key, size_t key_len, const char *text, size_t text_len,
		    long long now);
/* Forgets the feed's text (a revoked feed). */
void feed_cache_drop(long long feed_id);
/* Forgets everything and frees the memory (tests; the end of the process). */
void feed_cache_clear(void);

#endif
