/* organisation.c — reading the actor's own organisation; making one, with
 * the built-in frameworks installed with it. */
#include "organisation.h"
#include "catalogue.h"
#include "audit.h"
#include "framework.h"
#include "method.h"
#include "store_rc.h"
#include "validate.h"
#include "store/store.h"

#include <assert.h>
#include <string.h>

int organisation_own(struct ctx *c, struct organisation *out)
{
	assert(out && c->who->organisation_id > 0);
	return d_from_store(store_org_get(c->st, c->a, c->who->organisation_id, out));
}

/* A context acting for the command line in organisation org. */
static struct ctx cli_in(struct store *st, struct arena *a, struct actor *w, long long org)
{
	memset(w, 0, sizeof(*w));
	w->organisation_id = org;
	w->email = "cli";
	w->display_name = "cli";
	return (struct ctx){ st, a, w, 0 };
}

int organisation_create(struct store *st, struct arena *a, const char *slug, const char *name, long long *id)
{
	assert(id);
	if (!slug || !slug_valid(slug) || !name || !*name || strlen(name) > 200)
		return D_INVALID;
	if (store_begin(st))
		return D_ERROR;
	int r = d_from_store(store_org_add(st, slug, name, id));
	struct actor w;
	struct ctx c = cli_in(st, a, &w, *id);
	if (!r) {
		audit(&c, "organisation.create", "organisation", *id, "%s", slug);
		r = framework_install_all(&c);
	}
	if (!r)
		r = method_install_all(&c);
	if (!r)
		r = catalogue_install_all(&c);
	if (r) {
		store_rollback(st);
		return r;
	}
	return store_commit(st) ? D_ERROR : D_OK;
}

int organisation_frameworks_complete(struct store *st, struct arena *a)
{
	struct organisation *o;
	size_t n;
	int r = d_from_store(store_org_list(st, a, &o, &n));
	for (size_t i = 0; i < n && !r; i++) {
		struct actor w;
		struct ctx c = cli_in(st, a, &w, o[i].id);
		if (store_begin(st))
			return D_ERROR;
		r = framework_install_all(&c);
		if (!r)
			r = method_install_all(&c);
		if (!r)
			r = catalogue_install_all(&c);
		if (r)
			store_rollback(st);
		else if (store_commit(st))
			r = D_ERROR;
	}
	return r;
}
