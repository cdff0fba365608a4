/* logbook.h — the store's part for the logbook. As everywhere in the store:
 * every call takes the organisation and touches nothing outside it; lists are
 * allocated in the arena; ST_NOTFOUND for an id of another organisation.
 * Dates are "YYYY-MM-DD" and times "HH:MM", local to Europe/Amsterdam. */
#ifndef LG_STORE_LOGBOOK_H
#define LG_STORE_LOGBOOK_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/logbook.h"

MUST_CHECK int store_logbook_add(struct store *s, long long org, const struct logbook_entry *e, long long *id);
/* Writes the texts, date and sharing; only the writer's (person_id) entry changes. */
MUST_CHECK int store_logbook_update(struct store *s, long long org, const struct logbook_entry *e);
MUST_CHECK int store_logbook_delete(struct store *s, long long org, long long person_id, long long id);
MUST_CHECK int store_logbook_get(struct store *s, struct arena *a, long long org, long long id, struct logbook_entry *out);
/* A person's own entries, newest first. */
MUST_CHECK int store_logbook_list_person(struct store *s, struct arena *a, long long org, long long person_id,
			      struct logbook_entry **out, size_t *n);
/* The entries shared in a group (with its facilitator or the whole group), newest first. */
MUST_CHECK int store_logbook_list_group(struct store *s, struct arena *a, long long org, long long group_id,
			     struct logbook_entry **out, size_t *n);

#endif
