/* erasure.c — erasing a person on request: the steps run in one
 * transaction (store_subject_erase), the erasure is audited without the
 * person's name, and then the database files are scrubbed so that no freed
 * page, merged-away index segment or WAL frame keeps the old bytes. */
#include "erasure.h"
#include "audit.h"
#include "role.h"
#include "core/i18n.h"
#include "store/store.h"
#include "store/subject.h"

const char *erasure_note(void)
{
	return _("Text removed at the request of its writer");
}

int erasure_run(struct ctx *c, long long person_id, bool dry_run, struct subject_step **steps, size_t *n,
		struct buf *err)
{
	if (!actor_has(c->who, ROLE_BIT(ROLE_ADMINISTRATOR)))
		return D_FORBIDDEN;
	struct person p;
	int r = store_person_get(c->st, c->a, c->who->organisation_id, person_id, &p);
	if (r)
		return r == ST_NOTFOUND ? D_NOTFOUND : D_ERROR;
	if (store_begin(c->st))
		return D_ERROR;
	/* stored words are read by the group: in Dutch, whoever erases */
	enum lang was = i18n_current();
	i18n_use(LANG_NL);
	const char *note = erasure_note(), *tombstone = _("Erased person");
	i18n_use(was);
	r = store_subject_erase(c->st, c->a, c->who->organisation_id, person_id, note, tombstone, steps, n);
	if (!r && !dry_run)
		r = audit(c, "person.erase", "person", person_id, "%s", "erased on request");
	if (r || dry_run) {
		store_rollback(c->st);
		return r ? D_ERROR : D_OK;
	}
	if (store_commit(c->st))
		return D_ERROR;
	/* the erasure stands; a scrub that could not finish (a reader held
	 * the WAL) is said, and running it again finishes it */
	return store_scrub_files(c->st, err) ? D_BUSY : D_OK;
}
