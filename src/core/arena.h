/* arena.h — a bump allocator: everything of one request (or one command) is
 * allocated here and freed at once with arena_free(). */
#ifndef LG_ARENA_H
#define LG_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena_chunk;
struct arena {
	struct arena_chunk *head;
	size_t used;   /* bytes handed out, for diagnostics */
};

#define ARENA_INIT { 0, 0 }

void *arena_alloc(struct arena *a, size_t n);        /* zeroed, 16-aligned */
char *arena_strdup(struct arena *a, const char *s);  /* NULL stays NULL */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void arena_free(struct arena *a);

/* Grow an array allocated in the arena: returns a new array of cap2 items
 * holding the first n of old. */
void *arena_grow(struct arena *a, void *old, size_t n, size_t cap2, size_t size);

#endif
