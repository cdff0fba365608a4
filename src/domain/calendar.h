/* calendar.h — meetings as calendar events, and subscribable feeds: a
 * secret URL per account (all its meetings, or one group's), revocable.
 * The feed shows what its owner may see at the moment it is fetched: a
 * person who leaves a group, or loses the account, stops getting it. */
#ifndef LG_DOMAIN_CALENDAR_H
#define LG_DOMAIN_CALENDAR_H

#include "account.h"
#include "ctx.h"

#include "core/buf.h"
#include "domain/model/meeting.h"

/* The meetings as one VCALENDAR: one event per meeting day, with a stable
 * UID and the meeting's sequence. */
int calendar_write(struct ctx *c, const char *name, const struct meeting *m, size_t n, long long now,
		   struct buf *out);
/* The calendar of the acting person: the meetings of every group they are in. */
int calendar_for_person(struct ctx *c, long long now, struct buf *out);
/* A new feed of the actor (group 0: all their meetings); token is the secret
 * of its URL, shown once. */
int calendar_feed_create(struct ctx *c, long long group_id, long long now, char token[SECRET_HEX]);
/* Resolves a feed token to its account (loaded into who) and group; the
 * caller then writes the calendar as that account. D_NOTFOUND for an
 * unknown or revoked token, or an account that can no longer log in. */
int calendar_feed_open(struct store *st, struct arena *a, const char *token, struct actor *who, long long *group_id);

#endif
