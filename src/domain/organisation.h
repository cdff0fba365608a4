/* organisation.h — the organisation an actor works in. Every organisation
 * sees only itself: there is no call here that reads another. */
#ifndef LG_DOMAIN_ORGANISATION_H
#define LG_DOMAIN_ORGANISATION_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/people.h"

/* The organisation of c->who: D_OK, D_NOTFOUND, D_ERROR. */
MUST_CHECK int organisation_own(struct ctx *c, struct organisation *out);

#endif
