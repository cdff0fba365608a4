/* arena.c — chunked bump allocator. Large requests get a chunk of their own
 * so that one big upload does not waste a normal chunk's tail. */
#include "arena.h"
#include "buf.h"
#include "die.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK 16384

struct arena_chunk {
	struct arena_chunk *next;
	size_t size, off;
	_Alignas(16) unsigned char data[];
};

void *arena_alloc(struct arena *a, size_t n)
{
	assert(a);
	struct arena_chunk *c = a->head;
	if (n > SIZE_MAX - 15)
		die("arena: size overflow");
	n = (n + 15) & ~(size_t)15;
	if (n == 0)
		n = 16;
	if (!c || c->size - c->off < n) {
		size_t size = n > CHUNK / 4 ? n : CHUNK;
		if (size > SIZE_MAX - sizeof(*c))
			die("arena: size overflow");
		c = xmalloc(sizeof(*c) + size);
		c->size = size;
		c->off = 0;
		if (size == n && a->head) {
			/* keep the current chunk at the head for small allocations */
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	void *p = c->data + c->off;
	c->off += n;
	a->used += n;
	memset(p, 0, n);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	assert(a && s);
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	char *p = arena_strndup(a, b.ptr, b.len);
	buf_release(&b);
	return p;
}

void *arena_grow(struct arena *a, void *old, size_t n, size_t cap2, size_t size)
{
	assert(a && size && n <= cap2);
	if (size && cap2 > SIZE_MAX / size)
		die("arena: size overflow");
	void *p = arena_alloc(a, cap2 * size);
	if (old && n)
		memcpy(p, old, n * size);
	return p;
}

void arena_free(struct arena *a)
{
	struct arena_chunk *c = a->head;
	while (c) {
		struct arena_chunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
	a->used = 0;
}
