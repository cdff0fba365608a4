/* format.c — what every page prints the same way and that is not a
 * domain rule: today's date on the request's clock. */
#include "web.h"
#include "domain/schedule.h"

const char *web_today(struct web *w)
{
	char *d = arena_alloc(w->a, 11);
	date_today(ctx_now(&w->ctx), d);
	return d;
}
