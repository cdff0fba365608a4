/* calendar.c — meetings to iCalendar events (formats/ics.c writes them)
 * and the secret feed URLs. A two-day meeting is two events, one per day,
 * so that a calendar does not show it running through the night. */
#include "calendar.h"
#include "meeting.h"
#include "feed_cache.h"
#include "group.h"
#include "session_action.h"
#include "store_rc.h"
#include "core/die.h"
#include "core/i18n.h"
#include "formats/ics.h"
#include "store/calendar.h"
#include "store/meeting.h"
#include "store/store.h"
#include "store/group.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

static void copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

/* The events of the meetings (two for a two-day meeting), in c->a. */
static struct ics_event *events(struct ctx *c, const struct meeting *m, size_t n, size_t *k_out)
{
	struct ics_event *ev = arena_alloc(c->a, (2 * n + 1) * sizeof(*ev));
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const char *topic = meeting_title(c->a, &m[i]);
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
	*k_out = k;
	return ev;
}

/* ev (k events, room for k) with the acting person's open follow-up
 * actions added as all-day items on their due dates; only the feed of all
 * their meetings carries them, never a group's. */
static int with_actions(struct ctx *c, struct ics_event **ev, size_t *k)
{
	struct session_action *x;
	size_t n;
	int r = session_action_mine(c, &x, &n);
	if (r || !n)
		return r;
	struct ics_event *all = arena_alloc(c->a, (*k + n + 1) * sizeof(*all));
	memcpy(all, *ev, *k * sizeof(*all));
	size_t m = *k;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(x[i].status, "open"))
			continue;
		struct ics_event *e = &all[m++];
		*e = (struct ics_event){ 0 };
		e->uid = arena_printf(c->a, "action-%lld@leergang", x[i].id);
		e->sequence = x[i].carried;   /* a new date is a change */
		e->summary = arena_printf(c->a, _("Action: %s"), x[i].text);
		e->description = arena_printf(c->a, _("From the session of %s (%s)."), x[i].held_on, x[i].group_name);
		copy(e->start_date, sizeof(e->start_date), x[i].due_on);
		copy(e->end_date, sizeof(e->end_date), x[i].due_on);
		e->all_day = true;
	}
	*ev = all;
	*k = m;
	return D_OK;
}

static int write_events(const char *name, const struct ics_event *ev, size_t k, long long now, struct buf *out)
{
	const char *why = NULL;
	if (ics_calendar(out, name, ev, k, now, &why)) {
		/* our own data refused: a bug or missing tzdata, for the log */
		warn("calendar: %s", why ? why : "?");
		return D_ERROR;
	}
	return D_OK;
}

int calendar_write(struct ctx *c, const char *name, const struct meeting *m, size_t n, long long now,
		   struct buf *out)
{
	size_t k;
	struct ics_event *ev = events(c, m, n, &k);
	return write_events(name, ev, k, now, out);
}

/* The meetings of every group the acting person takes part in or runs; a
 * participant who stopped keeps no feed of the group's meetings. */
static int person_meetings(struct ctx *c, struct meeting **out, size_t *nout)
{
	struct meeting *m = NULL;
	size_t n = 0;
	*out = NULL;
	*nout = 0;
	if (c->who->person_id &&
	    store_meeting_list_for_person(c->st, c->a, c->who->organisation_id, c->who->person_id, &m, &n))
		return D_ERROR;
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
	*out = keep;
	*nout = k;
	return D_OK;
}

int calendar_for_person(struct ctx *c, long long now, struct buf *out)
{
	struct meeting *m;
	size_t n, k;
	int r = person_meetings(c, &m, &n);
	if (r)
		return r;
	struct ics_event *ev = events(c, m, n, &k);
	r = with_actions(c, &ev, &k);
	return r ? r : write_events(_("leergang: my meetings"), ev, k, now, out);
}

/* The meetings of a group the actor is in, and the calendar's name. */
static int group_meetings(struct ctx *c, long long group_id, const char **name, struct meeting **m, size_t *n)
{
	struct learning_group g;
	enum group_relation rel;
	int r = group_open(c, group_id, &g, &rel);
	if (r)
		return r;
	if (store_meeting_list(c->st, c->a, c->who->organisation_id, g.id, m, n))
		return D_ERROR;
	*name = arena_printf(c->a, "leergang: %s", g.name);
	return D_OK;
}

int calendar_for_group(struct ctx *c, long long group_id, long long now, struct buf *out)
{
	const char *name;
	struct meeting *m;
	size_t n;
	int r = group_meetings(c, group_id, &name, &m, &n);
	return r ? r : calendar_write(c, name, m, n, now, out);
}

int calendar_feed_create(struct ctx *c, long long group_id, long long now, char token[SECRET_HEX])
{
	if (group_id) {
		/* a feed of one group: a group the actor is in */
		struct learning_group g;
		enum group_relation rel;
		int r = group_open(c, group_id, &g, &rel);
		if (r)
			return r;
	}
	unsigned char h[HASH_LEN];
	secret_random(token);
	secret_hash(token, h);
	long long id;
	return d_from_store(store_feed_add(c->st, c->who->organisation_id, c->who->account_id, group_id, h, now, &id));
}

int calendar_links(struct ctx *c, struct calendar_links *out)
{
	assert(out);
	memset(out, 0, sizeof(*out));
	struct calendar_feed *f;
	size_t n;
	if (store_feed_list(c->st, c->a, c->who->organisation_id, c->who->account_id, &f, &n) ||
	    (c->who->person_id && store_group_list_for_person(c->st, c->a, c->who->organisation_id, c->who->person_id,
							      &out->groups, &out->ngroups)))
		return D_ERROR;
	out->links = arena_alloc(c->a, (n + 1) * sizeof(*out->links));
	for (size_t i = 0; i < n; i++) {
		struct calendar_link *l = &out->links[out->n++];
		*l = (struct calendar_link){ f[i].id, f[i].group_id, f[i].created_at, NULL };
		for (size_t k = 0; k < out->ngroups; k++)
			if (out->groups[k].id == f[i].group_id)
				l->group_name = out->groups[k].name;
	}
	return D_OK;
}

int calendar_feed_revoke(struct ctx *c, long long feed_id, long long now)
{
	int r = d_from_store(store_feed_revoke(c->st, c->who->organisation_id, c->who->account_id, feed_id, now));
	if (r == D_OK)
		feed_cache_drop(feed_id);
	return r;
}

/* The feed's owner, as the actor the calendar is written for. */
static int feed_open(struct ctx *c, const char *token, struct calendar_feed *f, struct actor *who)
{
	unsigned char h[HASH_LEN];
	if (!token || secret_hash(token, h))
		return D_NOTFOUND;
	int r = store_feed_by_hash(c->st, h, f);
	if (r)
		return d_from_store(r);
	if (actor_load(c->st, c->a, f->account_id, who) || who->organisation_id != f->organisation_id)
		return D_NOTFOUND;
	return D_OK;
}

/* Everything a feed's text is made of but the time it is made: the
 * calendar's name and every field of every event, each with its length,
 * so that two different inputs never give the same key. */
static void key_text(struct buf *k, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	buf_addf(k, "%zu%c", n, s ? ':' : '-');
	buf_add(k, s ? s : "", n);
}

static void feed_key(struct buf *k, const struct calendar_feed *f, const char *name, const struct ics_event *ev,
		     size_t n)
{
	buf_addf(k, "feed %lld account %lld group %lld org %lld\n", f->id, f->account_id, f->group_id,
		 f->organisation_id);
	key_text(k, name);
	for (size_t i = 0; i < n; i++) {
		const struct ics_event *e = &ev[i];
		buf_addf(k, "\n%d %d %lld ", e->sequence, e->cancelled ? 1 : 0, e->last_modified);
		key_text(k, e->uid);
		key_text(k, e->summary);
		key_text(k, e->location);
		key_text(k, e->description);
		key_text(k, e->url);
		key_text(k, e->start_date);
		key_text(k, e->start_time);
		key_text(k, e->end_date);
		key_text(k, e->end_time);
	}
}

int calendar_feed(struct ctx *c, const char *token, struct buf *out)
{
	struct calendar_feed f;
	struct actor who;
	int r = feed_open(c, token, &f, &who);
	if (r)
		return r;
	struct ctx fc = { c->st, c->a, &who, c->now };
	long long now = ctx_now(c);
	const char *name = _("leergang: my meetings");
	struct meeting *m = NULL;
	size_t n = 0;
	r = f.group_id ? group_meetings(&fc, f.group_id, &name, &m, &n) : person_meetings(&fc, &m, &n);
	if (r == D_NOTFOUND) {
		/* the owner of the link left the group */
		name = "leergang";
		n = 0;
		r = D_OK;
	}
	if (r)
		return r;
	size_t k;
	struct ics_event *ev = events(&fc, m, n, &k);
	if (!f.group_id && (r = with_actions(&fc, &ev, &k)))
		return r;
	/* the events are read afresh on every fetch; only writing them is
	 * saved when nothing in them changed */
	struct buf key = BUF_INIT;
	feed_key(&key, &f, name, ev, k);
	size_t start = out->len;
	if (!feed_cache_get(f.id, key.ptr, key.len, now, out)) {
		r = write_events(name, ev, k, now, out);
		if (!r)
			feed_cache_put(f.id, key.ptr, key.len, out->ptr + start, out->len - start, now);
	}
	buf_release(&key);
	return r;
}
