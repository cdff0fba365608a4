/* logbook.h — the participant's logbook (logboekje): dated entries with the
 * two daily prompts of the Etten-Leur study (seed 002, r. 662-663 and
 * 761-763: what gave energy, what cost energy or held you back), free text
 * and tags. Private to the writer, who may share an entry with the
 * facilitator or the group of one of their groups, and unshare it again.
 * Reads by others go through domain/privacy.c and are audited. */
#ifndef LG_DOMAIN_LOGBOOK_H
#define LG_DOMAIN_LOGBOOK_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/logbook.h"
#include "domain/model/group.h"

#define LOGBOOK_TEXT_MAX 8000

/* e->id 0 adds an entry of the actor; otherwise changes the actor's own. */
/* Whether the entry's date lies after today: the page asks the writer to
 * confirm such a date before it is saved (an entry is about a day that was). */
bool logbook_date_ahead(const char *entry_date, long long now);
MUST_CHECK int logbook_save(struct ctx *c, const struct logbook_entry *e, long long now, struct errors *errs, long long *id);
MUST_CHECK int logbook_delete(struct ctx *c, long long id);
/* shared_with: private, facilitator or group (then group_id: a group of the writer). */
MUST_CHECK int logbook_share(struct ctx *c, long long id, const char *shared_with, long long group_id, long long now,
		  struct errors *errs);
/* An entry the actor may read (D_NOTFOUND otherwise, as for one that does
 * not exist); a read by another than the writer is audited. */
MUST_CHECK int logbook_read(struct ctx *c, long long id, struct logbook_entry *out);
/* An entry the actor may read, as logbook_read, with whether it is the
 * actor's own and, when it is, the groups the actor may share it in (their
 * own groups); for another reader groups is empty. */
struct logbook_view {
	struct logbook_entry e;
	bool mine;
	struct learning_group *groups;
	size_t ngroups;
};
MUST_CHECK int logbook_open(struct ctx *c, long long id, struct logbook_view *v);
/* Whether the actor keeps a logbook: only an account linked to a person. */
bool logbook_kept(const struct ctx *c);
/* The actor's own entries. */
MUST_CHECK int logbook_own(struct ctx *c, struct logbook_entry **out, size_t *n);
/* The entries others shared in a group that the actor may read (each read
 * audited); never the actor's own. */
MUST_CHECK int logbook_shared(struct ctx *c, long long group_id, struct logbook_entry **out, size_t *n);

const char *logbook_sharing_label(const char *shared_with);

#endif
