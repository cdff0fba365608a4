/* ctx.c — field errors, the actor's roles and the time of a ctx. */
#include "ctx.h"

#include <assert.h>
#include <stdarg.h>
#include <string.h>
#include <time.h>

void errors_add(struct ctx *c, struct errors *e, const char *field, const char *fmt, ...)
{
	assert(c && e && fmt);
	if (e->n >= ERRORS_MAX)
		return;
	struct buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	e->items[e->n].field = field ? field : "";
	e->items[e->n].message = arena_strndup(c->a, b.ptr, b.len);
	e->n++;
	buf_release(&b);
}

const char *errors_get(const struct errors *e, const char *field)
{
	for (size_t i = 0; i < e->n; i++)
		if (!strcmp(e->items[i].field, field))
			return e->items[i].message;
	return NULL;
}

bool actor_has(const struct actor *w, unsigned role_bits)
{
	return w && (w->roles & role_bits);
}

long long ctx_now(const struct ctx *c)
{
	assert(c);
	return c->now ? c->now : (long long)time(NULL);
}
