/* upload.c — files kept between an import's preview and its confirmation,
 * with their day of keeping (upload.h). */
#include "upload.h"
#include "store_rc.h"
#include "store/store.h"

#include <assert.h>

/* Removes the files kept longer than a day: what is left is what may be
 * opened. */
static int expire(struct ctx *c, long long now)
{
	return d_from_store(store_upload_expire(c->st, now - UPLOAD_KEEP_SECONDS));
}

int upload_keep(struct ctx *c, const char *filename, const char *data, size_t len, long long *id)
{
	assert(id && (data || !len));
	long long now = ctx_now(c);
	/* the new file is kept whether or not the old ones could go now */
	(void)expire(c, now);
	return d_from_store(store_upload_add(c->st, c->who->organisation_id, c->who->account_id, filename, data, len,
					     now, id)) == D_OK ? D_OK : D_ERROR;
}

int upload_open(struct ctx *c, long long id, struct upload *out)
{
	assert(out);
	if (id <= 0)
		return D_NOTFOUND;
	/* a file past its day must not be opened: no expiry, no file */
	if (expire(c, ctx_now(c)))
		return D_ERROR;
	out->id = id;
	return d_from_store(store_upload_get(c->st, c->a, c->who->organisation_id, c->who->account_id, id,
					     &out->filename, &out->data, &out->len));
}

int upload_done(struct ctx *c, long long id)
{
	return d_from_store(store_upload_delete(c->st, c->who->organisation_id, id));
}
