/* fuzz_cookie.c — Cookie headers. Checks that every cookie kept has a token
 * name and a UTF-8 value without control characters, and that the cookies,
 * written again as name="value", parse back to the same list. */
#include "http/parse.h"
#include "core/buf.h"
#include "core/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FAIL(...) do { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); abort(); } while (0)

static void check_list(const struct kvlist *l)
{
	if (l->n > PARSE_MAX_FIELDS)
		FAIL("%zu cookies", l->n);
	for (size_t i = 0; i < l->n; i++) {
		const struct kv *kv = &l->items[i];
		if (!kv->key[0] || strpbrk(kv->key, " \t;=\",\\"))
			FAIL("cookie %zu: bad name", i);
		for (const char *p = kv->key; *p; p++)
			if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f)
				FAIL("cookie %zu: bad name byte", i);
		if (strlen(kv->value) != kv->value_len || !utf8_valid(kv->value, kv->value_len) ||
		    strchr(kv->value, ';'))
			FAIL("cookie %zu: bad value", i);
		for (size_t k = 0; k < kv->value_len; k++)
			if ((unsigned char)kv->value[k] < 0x20 || kv->value[k] == 0x7f)
				FAIL("cookie %zu: control character in value", i);
	}
}

static void round_trip(struct arena *a, const struct kvlist *l)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < l->n; i++)
		buf_addf(&b, "%s%s=\"%s\"", i ? "; " : "", l->items[i].key, l->items[i].value);
	struct kvlist m = { 0 };
	const char *why = NULL;
	if (cookie_parse(a, b.ptr, &m, &why))
		FAIL("re-parse refused: %s", why);
	if (m.n != l->n)
		FAIL("re-parse: %zu cookies, was %zu", m.n, l->n);
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(m.items[i].key, l->items[i].key) || strcmp(m.items[i].value, l->items[i].value))
			FAIL("re-parse: cookie %zu differs", i);
	buf_release(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	char *h = arena_strndup(&a, (const char *)data, size);  /* a header is a C string */
	struct kvlist l = { 0 };
	const char *why = NULL;
	if (cookie_parse(&a, h, &l, &why) == 0) {
		check_list(&l);
		round_trip(&a, &l);
	} else if (!why) {
		FAIL("refused without a reason");
	}
	arena_free(&a);
	return 0;
}
