/* ics.c — the iCalendar writer. libical builds the components, escapes the
 * texts and folds the lines; this file checks the events, cleans the texts
 * and supplies the Europe/Amsterdam VTIMEZONE. The rules are in ics.h.
 *
 * libical 3.0 on Debian 12 is built without its own zone files: a builtin
 * time zone is made from the system's tzdata (/usr/share/zoneinfo, read
 * from disk, no network, not affected by the process's TZ) the first time
 * it is asked for. That loading is not safe to run in two threads at once:
 * loading a zone frees and replaces fields that a concurrent lookup of
 * another zone reads without a lock. So the zone is looked up exactly once
 * (pthread_once), copied, and libical's builtin zones are not touched
 * again. */
#include "ics.h"
#include "core/die.h"
#include "core/i18n.h"
#include "core/utf8.h"

#include <libical/ical.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* ---- the time zone ----------------------------------------------------- */

static pthread_once_t zone_once = PTHREAD_ONCE_INIT;
/* Guards zone_vtimezone while it is copied: libical keeps the position of
 * its property and component iterators inside a component, so even a
 * reader writes to it. */
static pthread_mutex_t zone_lock = PTHREAD_MUTEX_INITIALIZER;
/* Europe/Amsterdam as tzdata has it, with the TZID renamed. Lives as long
 * as the process, like libical's own builtin zones. */
static icalcomponent *zone_vtimezone;
static icaltimezone *utc;

static void zone_load(void)
{
	utc = icaltimezone_get_utc_timezone();
	icaltimezone *z = icaltimezone_get_builtin_timezone(ICS_TZID);
	icalcomponent *c = z ? icaltimezone_get_component(z) : NULL;
	if (!c)
		return;
	zone_vtimezone = icalcomponent_new_clone(c);
	/* libical names its zones "/freeassociation.sourceforge.net/Europe/
	 * Amsterdam"; clients recognise the plain tzdata name. */
	icalproperty *p = icalcomponent_get_first_property(zone_vtimezone, ICAL_TZID_PROPERTY);
	if (p)
		icalproperty_set_tzid(p, ICS_TZID);
}

/* A fresh VTIMEZONE that covers the instants from `from` (UTC) on. The full
 * tzdata history (since 1835) would add some 180 lines to every feed;
 * truncating in libical's Microsoft-compatible way keeps the observances
 * that are in force from `from` with their original DTSTART and RRULE. */
static icalcomponent *vtimezone(struct icaltimetype from)
{
	if (!zone_vtimezone)
		return NULL;
	pthread_mutex_lock(&zone_lock);
	icalcomponent *c = icalcomponent_new_clone(zone_vtimezone);
	pthread_mutex_unlock(&zone_lock);
	if (c)
		icaltimezone_truncate_vtimezone(c, from, icaltime_null_time(), 1);
	return c;
}

/* ---- checking the events ----------------------------------------------- */

struct wall {  /* a wall-clock time in Europe/Amsterdam */
	int year, month, day, hour, minute;
};

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int number(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static int days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month == 2 && leap ? 29 : days[month - 1];
}

/* "YYYY-MM-DD" in a char[11]; the array need not be NUL-terminated when it
 * is wrong. */
static bool parse_date(const char s[11], struct wall *w)
{
	if (strnlen(s, 11) != 10 || s[4] != '-' || s[7] != '-' ||
	    !digits(s, 4) || !digits(s + 5, 2) || !digits(s + 8, 2))
		return false;
	w->year = number(s, 4);
	w->month = number(s + 5, 2);
	w->day = number(s + 8, 2);
	return w->year >= 1900 && w->month >= 1 && w->month <= 12 &&
	       w->day >= 1 && w->day <= days_in_month(w->year, w->month);
}

/* "HH:MM" in a char[6], 00:00 to 23:59. */
static bool parse_time(const char s[6], struct wall *w)
{
	if (strnlen(s, 6) != 5 || s[2] != ':' || !digits(s, 2) || !digits(s + 3, 2))
		return false;
	w->hour = number(s, 2);
	w->minute = number(s + 3, 2);
	return w->hour <= 23 && w->minute <= 59;
}

/* Wall-clock order, which is the order of the instants except inside the
 * hour that is repeated when DST ends. */
static int wall_cmp(const struct wall *a, const struct wall *b)
{
	int x[] = { a->year, a->month, a->day, a->hour, a->minute };
	int y[] = { b->year, b->month, b->day, b->hour, b->minute };
	for (int i = 0; i < 5; i++)
		if (x[i] != y[i])
			return x[i] < y[i] ? -1 : 1;
	return 0;
}

static bool has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7F)
			return true;
	return false;
}

static bool text_ok(const char *s)
{
	return !s || utf8_valid(s, strlen(s));
}

/* A URL goes out as it is (a URI value is not escaped), so anything that
 * could end the line or is not allowed in a URI is refused. */
static bool url_ok(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if ((unsigned char)*s <= 0x20 || (unsigned char)*s >= 0x7F)
			return false;
	return true;
}

/* Returns NULL when the event can be written, or why not. */
static const char *check_event(const struct ics_event *e, struct wall *start, struct wall *end)
{
	if (!e->uid || !*e->uid || has_control(e->uid) || !utf8_valid(e->uid, strlen(e->uid)))
		return N_("An event has no identifier (UID), or one with a control character or invalid UTF-8.");
	if (e->sequence < 0)
		return N_("An event has a negative sequence number.");
	if (!parse_date(e->start_date, start) || !parse_date(e->end_date, end))
		return N_("An event has a date that does not exist or is not written as YYYY-MM-DD.");
	if (!e->all_day && (!parse_time(e->start_time, start) || !parse_time(e->end_time, end)))
		return N_("An event has a time that does not exist or is not written as HH:MM.");
	if (wall_cmp(end, start) < 0)
		return N_("An event ends before it starts.");
	if (!text_ok(e->summary) || !text_ok(e->location) || !text_ok(e->description))
		return N_("A text of an event is not valid UTF-8.");
	if (!url_ok(e->url))
		return N_("The link of an event is not a valid URL.");
	return NULL;
}

/* ---- writing ----------------------------------------------------------- */

/* s with CRLF and lone CR as LF and the other ASCII controls but TAB
 * dropped, in tmp. libical would drop a CR and pass the other controls
 * through, which RFC 5545 does not allow in TEXT. Spaces and tabs at
 * either end are dropped as well: parsers (libical's among them) drop them
 * on reading, so they would not come back anyway. */
static const char *clean_text(struct buf *tmp, const char *s)
{
	buf_reset(tmp);
	while (*s == ' ' || *s == '\t')
		s++;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\r') {
			buf_addch(tmp, '\n');
			if (s[1] == '\n')
				s++;
		} else if (c >= 0x20 ? c != 0x7F : c == '\t' || c == '\n') {
			buf_addch(tmp, (char)c);
		}
	}
	while (tmp->len && (tmp->ptr[tmp->len - 1] == ' ' || tmp->ptr[tmp->len - 1] == '\t'))
		buf_setlen(tmp, tmp->len - 1);
	return tmp->ptr;
}

static struct icaltimetype wall_time(const struct wall *w)
{
	struct icaltimetype t = icaltime_null_time();
	t.year = w->year;
	t.month = w->month;
	t.day = w->day;
	t.hour = w->hour;
	t.minute = w->minute;
	t.is_date = 0;
	return t;
}

static void add_text(icalcomponent *c, icalproperty *(*make)(const char *), const char *s,
		     struct buf *tmp)
{
	if (s && *clean_text(tmp, s))
		icalcomponent_add_property(c, make(tmp->ptr));
}

static icalcomponent *vevent(const struct ics_event *e, const struct wall *start,
			     const struct wall *end, struct icaltimetype stamp, struct buf *tmp)
{
	icalcomponent *v = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	icalcomponent_add_property(v, icalproperty_new_uid(e->uid));
	icalcomponent_add_property(v, icalproperty_new_sequence(e->sequence));
	icalcomponent_add_property(v, icalproperty_new_dtstamp(stamp));
	if (e->all_day) {
		/* a date without a zone; DTEND is the day after the last (RFC 5545 3.6.1) */
		struct icaltimetype d = wall_time(start), until = wall_time(end);
		d.is_date = 1;
		until.is_date = 1;
		icaltime_adjust(&until, 1, 0, 0, 0);
		icalcomponent_add_property(v, icalproperty_new_dtstart(d));
		icalcomponent_add_property(v, icalproperty_new_dtend(until));
	} else {
		icalcomponent_add_property(v, icalproperty_vanew_dtstart(wall_time(start),
			icalparameter_new_tzid(ICS_TZID), (void *)0));
	}
	if (!e->all_day && wall_cmp(end, start) > 0)
		icalcomponent_add_property(v, icalproperty_vanew_dtend(wall_time(end),
			icalparameter_new_tzid(ICS_TZID), (void *)0));
	add_text(v, icalproperty_new_summary, e->summary, tmp);
	add_text(v, icalproperty_new_location, e->location, tmp);
	add_text(v, icalproperty_new_description, e->description, tmp);
	if (e->url && *e->url)
		icalcomponent_add_property(v, icalproperty_new_url(e->url));
	icalcomponent_add_property(v, icalproperty_new_status(
		e->cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
	if (e->last_modified)
		icalcomponent_add_property(v, icalproperty_new_lastmodified(
			icaltime_from_timet_with_zone((time_t)e->last_modified, 0, utc)));
	return v;
}

static void add_x(icalcomponent *c, const char *name, const char *value)
{
	icalproperty *p = icalproperty_new_x(value);
	icalproperty_set_x_name(p, name);
	icalcomponent_add_property(c, p);
}

static icalcomponent *vcalendar(const char *name, struct buf *tmp)
{
	icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	icalcomponent_add_property(cal, icalproperty_new_prodid("-//leergang//NONSGML leergang//NL"));
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
	/* a name is one line: a line break in it would show as "\n" in
	 * clients that take the X- value as it is */
	if (name && *clean_text(tmp, name)) {
		for (char *p = tmp->ptr; *p; p++)
			if (*p == '\n' || *p == '\t')
				*p = ' ';
		add_x(cal, "X-WR-CALNAME", tmp->ptr);
	}
	add_x(cal, "X-WR-TIMEZONE", ICS_TZID);
	return cal;
}

/* The start of the VTIMEZONE: a day before the earliest event (so any
 * UTC offset is covered), or now when there is none. */
static struct icaltimetype zone_start(const struct wall *starts, size_t n, long long now)
{
	if (!n)
		return icaltime_from_timet_with_zone((time_t)now, 0, utc);
	const struct wall *first = &starts[0];
	for (size_t i = 1; i < n; i++)
		if (wall_cmp(&starts[i], first) < 0)
			first = &starts[i];
	struct icaltimetype t = icaltime_null_time();
	t.year = first->year;
	t.month = first->month;
	t.day = first->day;
	t.is_date = 0;
	t.zone = utc;
	icaltime_adjust(&t, -1, 0, 0, 0);
	return t;
}

static int fail(const char **why, const char *reason)
{
	if (why)
		*why = reason;
	return -1;
}

int ics_calendar(struct buf *out, const char *name, const struct ics_event *events, size_t n,
		 long long now, const char **why)
{
	const char *reason = NULL;
	if (why)
		*why = NULL;
	if (name && !utf8_valid(name, strlen(name)))
		return fail(why, N_("The calendar name is not valid UTF-8."));
	/* span[i] is the start of event i, span[n + i] its end */
	struct wall *span = n ? xcalloc(2 * n, sizeof(*span)) : NULL;
	for (size_t i = 0; i < n && !reason; i++)
		reason = check_event(&events[i], &span[i], &span[n + i]);
	if (reason) {
		free(span);
		return fail(why, reason);
	}

	pthread_once(&zone_once, zone_load);
	icalcomponent *tz = vtimezone(zone_start(span, n, now));
	if (!tz) {
		free(span);
		return fail(why, N_("The time zone Europe/Amsterdam is missing on the server: install the Debian package tzdata."));
	}
	struct buf tmp = BUF_INIT;
	icalcomponent *cal = vcalendar(name, &tmp);
	icalcomponent_add_component(cal, tz);
	struct icaltimetype stamp = icaltime_from_timet_with_zone((time_t)now, 0, utc);
	for (size_t i = 0; i < n; i++)
		icalcomponent_add_component(cal, vevent(&events[i], &span[i], &span[n + i], stamp, &tmp));
	buf_release(&tmp);
	free(span);

	char *text = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	if (!text)
		return fail(why, N_("The calendar could not be written."));
	buf_adds(out, text);
	icalmemory_free_buffer(text);
	return 0;
}
