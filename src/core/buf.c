/* buf.c — growable NUL-terminated buffer. Allocation failure aborts: a server
 * that cannot get a few bytes has nothing sensible left to do. */
#include "buf.h"
#include "die.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char buf_empty[1];

void buf_init(struct buf *b, size_t hint)
{
	b->ptr = buf_empty;
	b->len = b->cap = 0;
	if (hint)
		buf_grow(b, hint);
}

void buf_release(struct buf *b)
{
	if (b->cap)
		free(b->ptr);
	buf_init(b, 0);
}

char *buf_detach(struct buf *b, size_t *len)
{
	char *p;
	if (!b->cap)
		buf_grow(b, 1);
	p = b->ptr;
	if (len)
		*len = b->len;
	buf_init(b, 0);
	return p;
}

void buf_grow(struct buf *b, size_t extra)
{
	size_t need;
	if (extra > SIZE_MAX / 2 - b->len - 1)
		die("buf: size overflow");
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	char *p = b->cap ? xrealloc(b->ptr, cap) : xmalloc(cap);
	if (!b->cap)
		p[0] = '\0';
	b->ptr = p;
	b->cap = cap;
}

void buf_reset(struct buf *b)
{
	buf_setlen(b, 0);
}

void buf_setlen(struct buf *b, size_t len)
{
	if (!b->cap) {
		if (len)
			die("buf_setlen beyond an empty buffer");
		return;
	}
	if (len >= b->cap)
		die("buf_setlen beyond capacity");
	b->len = len;
	b->ptr[len] = '\0';
}

void buf_add(struct buf *b, const void *data, size_t len)
{
	assert(b && (data || !len));
	if (!len)
		return;
	buf_grow(b, len);
	memcpy(b->ptr + b->len, data, len);
	b->len += len;
	b->ptr[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	assert(s);
	buf_add(b, s, strlen(s));
}

void buf_addch(struct buf *b, char c)
{
	assert(b);
	buf_grow(b, 1);
	b->ptr[b->len++] = c;
	b->ptr[b->len] = '\0';
}

void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	assert(b && fmt);
	va_list cp;
	int n;
	va_copy(cp, ap);
	n = vsnprintf(b->ptr + b->len, b->cap ? b->cap - b->len : 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		die("buf_vaddf: bad format");
	if ((size_t)n >= (b->cap ? b->cap - b->len : 0)) {
		buf_grow(b, (size_t)n);
		n = vsnprintf(b->ptr + b->len, b->cap - b->len, fmt, ap);
	}
	b->len += (size_t)n;
}

void buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}
