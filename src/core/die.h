/* die.h — fatal errors and warnings for the operator, and allocation that
 * cannot fail. die() is for the command line user's mistakes and for states
 * the program cannot continue from; it prints one line and exits 1.
 *
 * The one allocation policy of leergang: memory that cannot be had ends the
 * process with "out of memory" (x*alloc here, the arena and the buffer
 * build on them), so no caller checks for NULL and no error path exists
 * for it. Plain malloc/calloc/realloc/strdup appear nowhere else. Memory
 * that a library allocates (SQLite, libxml2) fails the way the library
 * says, and the caller reports that as an error like any other. */
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
