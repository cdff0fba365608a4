/* die.h — fatal errors and warnings for the operator, and allocation that
 * cannot fail. die() is for the command line user's mistakes and for states
 * the program cannot continue from; it prints one line and exits 1. */
#ifndef LG_DIE_H
#define LG_DIE_H

#include <stddef.h>

void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
