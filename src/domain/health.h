/* health.h — whether this server can do its work (GET /healthz, for the
 * operator's monitoring): the database answers. */
#ifndef LG_DOMAIN_HEALTH_H
#define LG_DOMAIN_HEALTH_H

#include "core/compiler.h"
#include "ctx.h"

/* D_OK when the store answers a query, D_ERROR otherwise. Needs no actor:
 * it reads nothing of any organisation. */
MUST_CHECK int health_check(struct store *st);

#endif
