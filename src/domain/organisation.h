/* organisation.h — the organisation an actor works in. Every organisation
 * sees only itself: there is no call here that reads another. */
#ifndef LG_DOMAIN_ORGANISATION_H
#define LG_DOMAIN_ORGANISATION_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/people.h"

/* The organisation of c->who: D_OK, D_NOTFOUND, D_ERROR. */
MUST_CHECK int organisation_own(struct ctx *c, struct organisation *out);

/* A new organisation (the command line and the demo), with the built-in
 * frameworks installed at once, so that no page writes them when it is
 * first read; all or nothing. D_INVALID for a slug or name that is not
 * valid (validate.h: slug_valid; a name of 1 to 200 characters),
 * D_CONFLICT for a slug in use. */
MUST_CHECK int organisation_create(struct store *st, struct arena *a, const char *slug, const char *name, long long *id);

/* The built-in frameworks, session methods and learning forms each
 * organisation lacks (one made before they were installed with it),
 * installed at the server's start and by the commands that read them. */
MUST_CHECK int organisation_frameworks_complete(struct store *st, struct arena *a);

#endif
