/* feed_cache.c — calendar feed texts kept per feed id (see feed_cache.h):
 * a fixed table of slots behind one mutex. A lookup copies the text out
 * while holding the lock, so an entry is never freed under a reader. */
#include "feed_cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct entry {
	long long feed_id;    /* 0: empty */
	long long made_at;
	char *key, *text;     /* one allocation: key, then text */
	size_t key_len, text_len;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct entry slots[FEED_CACHE_SLOTS];
static size_t bytes;

static struct entry *slot(long long feed_id)
{
	return &slots[(unsigned long long)feed_id % FEED_CACHE_SLOTS];
}

static void empty(struct entry *e)
{
	if (e->feed_id)
		bytes -= e->key_len + e->text_len;
	free(e->key);
	memset(e, 0, sizeof(*e));
}

bool feed_cache_get(long long feed_id, const char *key, size_t key_len, long long now, struct buf *out)
{
	bool hit = false;
	pthread_mutex_lock(&lock);
	struct entry *e = slot(feed_id);
	if (e->feed_id == feed_id && feed_id && e->key_len == key_len && !memcmp(e->key, key, key_len) &&
	    now >= e->made_at && now - e->made_at < FEED_CACHE_MAX_AGE) {
		buf_add(out, e->text, e->text_len);
		hit = true;
	}
	pthread_mutex_unlock(&lock);
	return hit;
}

void feed_cache_put(long long feed_id, const char *key, size_t key_len, const char *text, size_t text_len,
		    long long now)
{
	if (!feed_id)
		return;
	char *mem = malloc(key_len + text_len + 1);
	if (!mem)
		return;   /* not kept: the feed is served all the same */
	memcpy(mem, key, key_len);
	memcpy(mem + key_len, text, text_len);
	pthread_mutex_lock(&lock);
	struct entry *e = slot(feed_id);
	empty(e);
	if (bytes + key_len + text_len <= FEED_CACHE_BYTES) {
		*e = (struct entry){ feed_id, now, mem, mem + key_len, key_len, text_len };
		bytes += key_len + text_len;
		mem = NULL;
	}
	pthread_mutex_unlock(&lock);
	free(mem);
}

void feed_cache_drop(long long feed_id)
{
	pthread_mutex_lock(&lock);
	struct entry *e = slot(feed_id);
	if (e->feed_id == feed_id)
		empty(e);
	pthread_mutex_unlock(&lock);
}

void feed_cache_clear(void)
{
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < FEED_CACHE_SLOTS; i++)
		empty(&slots[i]);
	pthread_mutex_unlock(&lock);
}
