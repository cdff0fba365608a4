/* organisation.c — reading the actor's own organisation. */
#include "organisation.h"
#include "store_rc.h"
#include "store/store.h"

#include <assert.h>

int organisation_own(struct ctx *c, struct organisation *out)
{
	assert(out && c->who->organisation_id > 0);
	return d_from_store(store_org_get(c->st, c->a, c->who->organisation_id, out));
}
