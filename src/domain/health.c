/* health.c — the health check of the server. */
#include "health.h"
#include "store_rc.h"
#include "store/store.h"

int health_check(struct store *st)
{
	return d_from_store(store_ping(st)) == D_OK ? D_OK : D_ERROR;
}
