/* calendar.h — meetings as calendar events, and subscribable feeds: a
 * secret URL per account (all its meetings, or one group's), revocable.
 * The feed shows what its owner may see at the moment it is fetched: a
 * person who leaves a group, or loses the account, stops getting it. */
#ifndef LG_DOMAIN_CALENDAR_H
#define LG_DOMAIN_CALENDAR_H

#include "core/compiler.h"
#include "account.h"
#include "ctx.h"

#include "core/buf.h"
#include "domain/model/meeting.h"
#include "domain/model/group.h"

/* The meetings as one VCALENDAR: one event per meeting day, with a stable
 * UID and the meeting's sequence. */
MUST_CHECK int calendar_write(struct ctx *c, const char *name, const struct meeting *m, size_t n, long long now,
		   struct buf *out);
/* The calendar of the acting person: the meetings of every group they are in. */
MUST_CHECK int calendar_for_person(struct ctx *c, long long now, struct buf *out);
/* The meetings of one group as the actor sees them: D_NOTFOUND unless the
 * actor is in the group (group_open). */
MUST_CHECK int calendar_for_group(struct ctx *c, long long group_id, long long now, struct buf *out);

/* A new feed of the actor (group 0: all their meetings; else a group the
 * actor is in, D_NOTFOUND otherwise); token is the secret of its URL,
 * shown once. */
MUST_CHECK int calendar_feed_create(struct ctx *c, long long group_id, long long now, char token[SECRET_HEX]);
/* The actor's feeds that are not revoked, oldest first, each with the
 * name of its group when it holds one group of the actor's (group_name
 * NULL: all their meetings); and the actor's groups, to make a feed of. */
struct calendar_link {
	long long id, group_id, created_at;
	const char *group_name;
};
struct calendar_links {
	struct calendar_link *links;
	size_t n;
	struct learning_group *groups;
	size_t ngroups;
};
MUST_CHECK int calendar_links(struct ctx *c, struct calendar_links *out);
/* Revokes one of the actor's own feeds: D_NOTFOUND for another's, or one
 * already revoked. From then on its link answers not found. */
MUST_CHECK int calendar_feed_revoke(struct ctx *c, long long feed_id, long long now);
/* The calendar behind a feed token, as the feed's owner sees it now
 * (c->who is not used: the link is the access): D_NOTFOUND for an unknown
 * or revoked token, or an account that can no longer log in. A group feed
 * whose owner left the group is an empty calendar. The text is kept per
 * feed (feed_cache.h) and served again while everything it was made from
 * is unchanged. */
MUST_CHECK int calendar_feed(struct ctx *c, const char *token, struct buf *out);

#endif
