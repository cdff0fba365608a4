/* test_feed_cache.c — the kept calendar feed texts: only for the same feed
 * and exactly the same key, not after FEED_CACHE_MAX_AGE, within
 * FEED_CACHE_BYTES however many feeds are put, forgotten when dropped, and
 * each feed its own text with four threads at once. */
#include "test.h"
#include "domain/feed_cache.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool get(long long id, const char *key, long long now, struct buf *out)
{
	buf_reset(out);
	return feed_cache_get(id, key, strlen(key), now, out);
}

static void put(long long id, const char *key, const char *text, long long now)
{
	feed_cache_put(id, key, strlen(key), text, strlen(text), now);
}

TEST(feed_cache_only_for_the_same_feed_and_key)
{
	struct buf b = BUF_INIT;
	feed_cache_clear();
	put(7, "key 1", "TEXT 7", 1000);
	CHECK(get(7, "key 1", 1001, &b));
	CHECK_STR(b.ptr, "TEXT 7");
	CHECK(!get(7, "key 2", 1001, &b));       /* a meeting changed: another key */
	CHECK(!get(7, "key 1 ", 1001, &b));      /* longer */
	CHECK(!get(7, "key ", 1001, &b));        /* shorter */
	CHECK_INT(b.len, 0);
	/* another feed in the same slot, with the same key: not this text */
	CHECK(!get(7 + FEED_CACHE_SLOTS, "key 1", 1001, &b));
	put(7 + FEED_CACHE_SLOTS, "key 1", "TEXT OTHER", 1000);
	CHECK(!get(7, "key 1", 1001, &b));
	CHECK(get(7 + FEED_CACHE_SLOTS, "key 1", 1001, &b));
	CHECK_STR(b.ptr, "TEXT OTHER");
	/* appended to what out holds */
	buf_reset(&b);
	buf_adds(&b, "x");
	CHECK(feed_cache_get(7 + FEED_CACHE_SLOTS, "key 1", 5, 1001, &b));
	CHECK_STR(b.ptr, "xTEXT OTHER");
	feed_cache_drop(7 + FEED_CACHE_SLOTS);
	CHECK(!get(7 + FEED_CACHE_SLOTS, "key 1", 1001, &b));
	buf_release(&b);
	feed_cache_clear();
}

TEST(feed_cache_texts_grow_old)
{
	struct buf b = BUF_INIT;
	feed_cache_clear();
	put(3, "k", "T", 5000);
	CHECK(get(3, "k", 5000 + FEED_CACHE_MAX_AGE - 1, &b));
	CHECK(!get(3, "k", 5000 + FEED_CACHE_MAX_AGE, &b));
	CHECK(!get(3, "k", 4999, &b));   /* a clock set back: made again */
	buf_release(&b);
	feed_cache_clear();
}

TEST(feed_cache_is_bounded)
{
	struct buf b = BUF_INIT;
	feed_cache_clear();
	size_t size = 64 * 1024;
	char *text = malloc(size + 1);
	memset(text, 'x', size);
	text[size] = '\0';
	for (long long id = 1; id <= FEED_CACHE_SLOTS; id++)
		put(id, "k", text, 100);
	size_t kept = 0;
	for (long long id = 1; id <= FEED_CACHE_SLOTS; id++)
		kept += get(id, "k", 100, &b);
	CHECK(kept > 0);
	CHECK(kept * (size + 1) <= FEED_CACHE_BYTES);
	/* a text larger than all the room is served by the caller, not kept */
	char *big = malloc(FEED_CACHE_BYTES + 2);
	memset(big, 'y', FEED_CACHE_BYTES + 1);
	big[FEED_CACHE_BYTES + 1] = '\0';
	feed_cache_clear();
	put(1, "k", big, 100);
	CHECK(!get(1, "k", 100, &b));
	free(big);
	free(text);
	buf_release(&b);
	feed_cache_clear();
}

struct worker {
	int n;
	int wrong, hits;
};

static void *work(void *arg)
{
	struct worker *w = arg;
	struct buf b = BUF_INIT;
	char key[32], text[64];
	for (int i = 0; i < 20000; i++) {
		/* 64 feeds per thread, in the same 64 slots as the others' */
		long long id = 1 + (i * 7) % 64 + (long long)w->n * FEED_CACHE_SLOTS;
		snprintf(key, sizeof(key), "k%lld", id);
		snprintf(text, sizeof(text), "text of feed %lld", id);
		buf_reset(&b);
		if (feed_cache_get(id, key, strlen(key), 10, &b)) {
			w->hits++;
			if (strcmp(b.ptr, text))
				w->wrong++;
		} else {
			feed_cache_put(id, key, strlen(key), text, strlen(text), 10);
		}
		if (i % 1000 == 0)
			feed_cache_drop(id);
	}
	buf_release(&b);
	return NULL;
}

TEST(feed_cache_each_feed_its_own_text_from_four_threads)
{
	feed_cache_clear();
	pthread_t t[4];
	struct worker w[4] = { { 0, 0, 0 }, { 1, 0, 0 }, { 2, 0, 0 }, { 3, 0, 0 } };
	for (int i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, work, &w[i]);
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < 4; i++) {
		CHECK(w[i].hits > 0);
		CHECK_INT(w[i].wrong, 0);
	}
	feed_cache_clear();
}
