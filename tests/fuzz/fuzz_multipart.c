/* fuzz_multipart.c — multipart/form-data bodies. The first line of the
 * input is the Content-Type header and the rest the body; when that line
 * gives no boundary, the whole input is parsed with the boundary "b" (so
 * that the fuzzer also gets at the body parser without first finding a
 * valid Content-Type). Checks the promises of parse.h, and that the parts,
 * written out again, parse back to the same parts. */
#include "http/parse.h"
#include "core/buf.h"
#include "core/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FAIL(...) do { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); abort(); } while (0)

static void check_text(const char *what, size_t i, const char *s, int may_be_empty)
{
	if (!s || (!may_be_empty && !s[0]) || !utf8_valid(s, strlen(s)))
		FAIL("%s %zu: not non-empty UTF-8", what, i);
}

static void check(const struct kvlist *fields, const struct partlist *files, const char *body, size_t len)
{
	if (fields->n + files->n > PARSE_MAX_FIELDS)
		FAIL("%zu parts", fields->n + files->n);
	for (size_t i = 0; i < fields->n; i++) {
		const struct kv *kv = &fields->items[i];
		check_text("field name", i, kv->key, 0);
		if (strlen(kv->value) != kv->value_len || !utf8_valid(kv->value, kv->value_len))
			FAIL("field %zu: bad value", i);
	}
	for (size_t i = 0; i < files->n; i++) {
		const struct part *p = &files->items[i];
		check_text("file name", i, p->name, 0);
		check_text("filename", i, p->filename, 1);
		if (strpbrk(p->filename, "/\\\""))
			FAIL("file %zu: filename keeps a path or quote", i);
		if (p->content_type)
			check_text("content type", i, p->content_type, 0);
		if (p->len > len || p->data[p->len] != '\0' || (p->len && !memmem(body, len, p->data, p->len)))
			FAIL("file %zu: data not from the body", i);
	}
}

/* Writes the parts as a browser would; field and file order is not kept
 * between the two lists, so fields go first. */
static void write_body(struct buf *b, const char *boundary, const struct kvlist *fields,
		       const struct partlist *files)
{
	for (size_t i = 0; i < fields->n; i++) {
		buf_addf(b, "--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n", boundary,
			 fields->items[i].key);
		buf_add(b, fields->items[i].value, fields->items[i].value_len);
		buf_adds(b, "\r\n");
	}
	for (size_t i = 0; i < files->n; i++) {
		const struct part *p = &files->items[i];
		buf_addf(b, "--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n", boundary,
			 p->name, p->filename);
		if (p->content_type)
			buf_addf(b, "Content-Type: %s\r\n", p->content_type);
		buf_adds(b, "\r\n");
		buf_add(b, p->data, p->len);
		buf_adds(b, "\r\n");
	}
	buf_addf(b, "--%s--\r\n", boundary);
}

static int same_str(const char *x, const char *y)
{
	return (!x && !y) || (x && y && !strcmp(x, y));
}

static void round_trip(struct arena *a, const char *boundary, const struct kvlist *fields,
		       const struct partlist *files)
{
	struct buf b = BUF_INIT;
	write_body(&b, boundary, fields, files);
	struct kvlist f2 = { 0 };
	struct partlist p2 = { 0 };
	const char *why = NULL;
	if (multipart_parse(a, b.ptr, b.len, boundary, &f2, &p2, &why))
		FAIL("re-parse refused: %s", why);
	if (f2.n != fields->n || p2.n != files->n)
		FAIL("re-parse: %zu fields and %zu files, was %zu and %zu", f2.n, p2.n, fields->n, files->n);
	for (size_t i = 0; i < f2.n; i++)
		if (strcmp(f2.items[i].key, fields->items[i].key) || strcmp(f2.items[i].value, fields->items[i].value))
			FAIL("re-parse: field %zu differs", i);
	for (size_t i = 0; i < p2.n; i++) {
		const struct part *x = &p2.items[i], *y = &files->items[i];
		if (strcmp(x->name, y->name) || strcmp(x->filename, y->filename) ||
		    !same_str(x->content_type, y->content_type) || x->len != y->len || memcmp(x->data, y->data, x->len))
			FAIL("re-parse: file %zu differs", i);
	}
	buf_release(&b);
}

static void parse(struct arena *a, const char *body, size_t len, const char *boundary)
{
	struct kvlist fields = { 0 };
	struct partlist files = { 0 };
	const char *why = NULL;
	if (multipart_parse(a, body, len, boundary, &fields, &files, &why) == 0) {
		check(&fields, &files, body, len);
		round_trip(a, boundary, &fields, &files);
	} else if (!why) {
		FAIL("refused without a reason");
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	const char *s = (const char *)data;
	const char *nl = memchr(s, '\n', size);
	size_t hl = nl ? (size_t)(nl - s) : size;
	char *ct = arena_strndup(&a, s, hl);
	char *boundary = NULL;
	const char *why = NULL;
	if (multipart_boundary(&a, ct, &boundary, &why) == 0) {
		size_t blen = strlen(boundary);
		if (blen == 0 || blen > 70 || strpbrk(boundary, "\r\n\"\\;"))
			FAIL("bad boundary accepted");
		const char *body = nl ? nl + 1 : s + size;
		parse(&a, body, size - (size_t)(body - s), boundary);
	} else {
		if (!why)
			FAIL("boundary refused without a reason");
		parse(&a, s, size, "b");
	}
	arena_free(&a);
	return 0;
}
