/* fuzz_form.c — urlencoded forms and query strings. Checks that what
 * form_parse accepts is valid UTF-8 without NUL, that a refusal says why,
 * and that the fields, encoded again, parse back to the same list. */
#include "http/parse.h"
#include "core/buf.h"
#include "core/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FAIL(...) do { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); abort(); } while (0)

/* Percent-encodes everything but unreserved characters; space becomes '+'. */
static void encode(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ')
			buf_addch(b, '+');
		else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || strchr("-._~", c))
			buf_addch(b, (char)c);
		else
			buf_addf(b, "%%%02X", c);
	}
}

static void check_list(const struct kvlist *l)
{
	if (l->n > PARSE_MAX_FIELDS)
		FAIL("%zu fields", l->n);
	for (size_t i = 0; i < l->n; i++) {
		const struct kv *kv = &l->items[i];
		if (!utf8_valid(kv->key, strlen(kv->key)) || !utf8_valid(kv->value, kv->value_len))
			FAIL("field %zu is not valid UTF-8", i);  /* the parser promised */
		if (strlen(kv->value) != kv->value_len)
			FAIL("field %zu: value_len %zu", i, kv->value_len);
	}
}

static void round_trip(struct arena *a, const struct kvlist *l)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			buf_addch(&b, '&');
		encode(&b, l->items[i].key, strlen(l->items[i].key));
		buf_addch(&b, '=');
		encode(&b, l->items[i].value, l->items[i].value_len);
	}
	struct kvlist m = { 0 };
	const char *why = NULL;
	if (form_parse(a, b.ptr, b.len, &m, &why))
		FAIL("re-parse refused: %s", why);
	if (m.n != l->n)
		FAIL("re-parse: %zu fields, was %zu", m.n, l->n);
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(m.items[i].key, l->items[i].key) || m.items[i].value_len != l->items[i].value_len ||
		    memcmp(m.items[i].value, l->items[i].value, l->items[i].value_len))
			FAIL("re-parse: field %zu differs", i);
	buf_release(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	const char *s = (const char *)data;
	struct kvlist l = { 0 };
	const char *why = NULL;
	if (form_parse(&a, s, size, &l, &why) == 0) {
		check_list(&l);
		round_trip(&a, &l);
	} else if (!why) {
		FAIL("refused without a reason");
	}

	/* url_decode alone: never longer than its input, always terminated */
	size_t n = 0;
	char *d = url_decode(&a, s, size, 0, &n);
	if (d && (n > size || d[n] != '\0'))
		FAIL("url_decode: %zu bytes from %zu", n, size);
	arena_free(&a);
	return 0;
}
