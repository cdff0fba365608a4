/* model/logbook.h — the domain's records of a participant's logbook entries.
 * The domain hands them to pages and the command line; the store fills them
 * (it implements the domain's storage, so it knows these types; pages never
 * see the store). Strings are allocated in the reader's arena. */
#ifndef LG_DOMAIN_MODEL_LOGBOOK_H
#define LG_DOMAIN_MODEL_LOGBOOK_H

struct logbook_entry {
	long long id, person_id, group_id;
	char *entry_date, *energy_gave, *energy_cost, *body, *tags, *shared_with;
	long long created_at, updated_at;
	char *writer_name;           /* filled by reads */
};

#endif
