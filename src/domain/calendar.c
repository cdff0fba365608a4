/* calendar.c — meetings to iCalendar events (formats/ics.c writes them)
 * and the secret feed URLs. A two-day meeting is two events, one per day,
 * so that a calendar does not show it running through the night. */
#include "calendar.h"
#include "group.h"
#include "core/die.h"
#include "core/i18n.h"
#include "formats/ics.h"
#include "store/calendar.h"
#include "store/meeting.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

static void copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

int calendar_write(struct ctx *c, const char *name, const struct meeting *m, size_t n, long long now,
		   struct buf *out)
{
	struct ics_event *ev = arena_alloc(c->a, (2 * n + 1) * sizeof(*ev));
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const char *topic = !strcmp(m[i].choice, "free") ? m[i].free_topic
				    : !strcmp(m[i].choice, "menu") ? m[i].topic_name : m[i].theme;
		int days = strcmp(m[i].ends_on, m[i].starts_on) ? 2 : 1;
		for (int d = 0; d < days; d++) {
			struct ics_event *e = &ev[k++];
			e->uid = d ? arena_printf(c->a, "meeting-%lld-day2@leergang", m[i].id)
				   : arena_printf(c->a, "meeting-%lld@leergang", m[i].id);
			e->sequence = m[i].sequence;
			e->summary = days == 2 ? arena_printf(c->a, _("%s: meeting %d (day %d of 2) — %s"), m[i].group_name,
							      m[i].number, d + 1, topic)
					       : arena_printf(c->a, _("%s: meeting %d — %s"), m[i].group_name, m[i].number, topic);
			e->location = m[i].venue;
			e->description = arena_printf(c->a, "%s, %s", m[i].programme_name, m[i].theme);
			const char *date = d ? m[i].ends_on : m[i].starts_on;
			copy(e->start_date, sizeof(e->start_date), date);
			copy(e->start_time, sizeof(e->start_time), m[i].start_time);
			copy(e->end_date, sizeof(e->end_date), date);
			copy(e->end_time, sizeof(e->end_time), m[i].end_time);
			e->cancelled = m[i].cancelled;
			e->last_modified = m[i].updated_at;
		}
	}
	const char *why = NULL;
	if (ics_calendar(out, name, ev, k, now, &why)) {
		/* our own data refused: a bug or missing tzdata, for the log */
		warn("calendar: %s", why ? why : "?");
		return D_ERROR;
	}
	return D_OK;
}

int calendar_for_person(struct ctx *c, long long now, struct buf *out)
{
	struct meeting *m = NULL;
	size_t n = 0;
	if (c->who->person_id &&
	    store_meeting_list_for_person(c->st, c->a, c->who->organisation_id, c->who->person_id, &m, &n))
		return D_ERROR;
	/* the meetings of groups the person takes part in or runs; a
	 * participant who stopped keeps no feed of the group's meetings */
	struct meeting *keep = arena_alloc(c->a, (n + 1) * sizeof(*keep));
	size_t k = 0;
	long long last = 0;
	bool in = false;
	for (size_t i = 0; i < n; i++) {
		if (m[i].group_id != last) {  /* usually one group: decide once per group */
			struct learning_group g;
			enum group_relation rel;
			last = m[i].group_id;
			in = group_open(c, last, &g, &rel) == D_OK &&
			     (g.mentor_id == c->who->person_id || g.facilitator_id == c->who->person_id ||
			      rel == REL_PARTICIPANT || rel == REL_MENTOR || rel == REL_FACILITATOR);
		}
		if (in)
			keep[k++] = m[i];
	}
	return calendar_write(c, _("leergang: my meetings"), keep, k, now, out);
}

int calendar_feed_create(struct ctx *c, long long group_id, long long now, char token[SECRET_HEX])
{
	unsigned char h[HASH_LEN];
	secret_random(token);
	secret_hash(token, h);
	long long id;
	int r = store_feed_add(c->st, c->who->organisation_id, c->who->account_id, group_id, h, now, &id);
	if (r)
		return r == ST_INVALID ? D_NOTFOUND : D_ERROR;
	return D_OK;
}

int calendar_feed_open(struct store *st, struct arena *a, const char *token, struct actor *who, long long *group_id)
{
	unsigned char h[HASH_LEN];
	struct calendar_feed f;
	if (!token || secret_hash(token, h) || store_feed_by_hash(st, h, &f))
		return D_NOTFOUND;
	if (actor_load(st, a, f.account_id, who) || who->organisation_id != f.organisation_id)
		return D_NOTFOUND;
	*group_id = f.group_id;
	return D_OK;
}
