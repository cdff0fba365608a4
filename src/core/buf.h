/* buf.h — the one growable text/byte buffer of leergang (git's strbuf, trimmed).
 *
 * A buf is always NUL-terminated, so b.ptr can be used as a C string. A buf
 * starts empty with BUF_INIT or buf_init(); buf_release() frees it. */
#ifndef LG_BUF_H
#define LG_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *ptr;   /* always valid and NUL-terminated */
	size_t len;
	size_t cap;  /* 0 while ptr points at the static empty string */
};

extern char buf_empty[];
#define BUF_INIT { buf_empty, 0, 0 }

void buf_init(struct buf *b, size_t hint);
void buf_release(struct buf *b);
/* Hands the memory to the caller (free() it) and resets b. */
char *buf_detach(struct buf *b, size_t *len);
void buf_grow(struct buf *b, size_t extra);
void buf_reset(struct buf *b);
void buf_add(struct buf *b, const void *data, size_t len);
void buf_adds(struct buf *b, const char *s);
void buf_addch(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap);
void buf_setlen(struct buf *b, size_t len);

#endif
