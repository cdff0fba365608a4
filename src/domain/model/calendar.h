/* model/calendar.h — the domain's records of calendar feeds (secret links to
 * a person's meetings). The domain hands them to pages and the command line;
 * the store fills them (it implements the domain's storage, so it knows these
 * types; pages never see the store). Strings are allocated in the reader's
 * arena. */
#ifndef LG_DOMAIN_MODEL_CALENDAR_H
#define LG_DOMAIN_MODEL_CALENDAR_H

struct calendar_feed {
	long long id, account_id, group_id, organisation_id;
	long long created_at;
};

#endif
