/* store_rc.h — the one translation of the store's result codes into the
 * domain's, for domain files only: a page never sees an ST_ code, so one
 * error type crosses the domain boundary. */
#ifndef LG_DOMAIN_STORE_RC_H
#define LG_DOMAIN_STORE_RC_H

#include "domain/ctx.h"

/* ST_OK -> D_OK, ST_NOTFOUND -> D_NOTFOUND, ST_CONFLICT -> D_CONFLICT,
 * ST_INVALID (a reference to something that does not exist: for the reader,
 * not found) -> D_NOTFOUND, ST_BUSY -> D_BUSY, anything else -> D_ERROR. */
static inline int d_from_store(int r)
{
	switch (r) {
	case ST_OK: return D_OK;
	case ST_NOTFOUND: return D_NOTFOUND;
	case ST_INVALID: return D_NOTFOUND;
	case ST_CONFLICT: return D_CONFLICT;
	case ST_BUSY: return D_BUSY;
	default: return D_ERROR;
	}
}

#endif
