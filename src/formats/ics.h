/* ics.h — calendar feeds in iCalendar (RFC 5545), written through libical,
 * so that participants can subscribe to their meetings from Outlook,
 * Google Calendar or Apple Calendar.
 *
 * ics_calendar() writes one whole VCALENDAR: PRODID, VERSION:2.0,
 * CALSCALE:GREGORIAN, METHOD:PUBLISH, X-WR-CALNAME and
 * X-WR-TIMEZONE:Europe/Amsterdam; one VTIMEZONE for Europe/Amsterdam; one
 * VEVENT per event. The rules:
 *   - times are wall-clock times in Europe/Amsterdam and are written as
 *     DTSTART/DTEND;TZID=Europe/Amsterdam, so that a client shows 09:00 in
 *     winter and in summer alike. The VTIMEZONE comes from the system's
 *     tzdata (through libical) and covers the events of the feed, with the
 *     current DST rules (last Sunday of March and of October) as RRULEs;
 *   - a local time that does not exist (02:30 on the day DST starts) is
 *     written as given; RFC 5545 3.3.5 reads it with the offset before the
 *     change, so 03:30 summer time;
 *   - an event whose end equals its start gets no DTEND (RFC 5545 3.6.1:
 *     it then ends when it starts; DTEND must be later than DTSTART);
 *   - DTSTAMP is `now` in UTC; LAST-MODIFIED is left out when
 *     last_modified is 0; STATUS is CANCELLED or CONFIRMED, so that an
 *     event that is restored after a cancellation shows again;
 *   - texts (summary, location, description, calendar name) are UTF-8;
 *     CRLF and a lone CR become a line break, other ASCII control
 *     characters but TAB are dropped (RFC 5545 does not allow them), so are
 *     spaces and tabs at either end (parsers drop them on reading), and
 *     libical escapes , ; \ and line breaks. NULL or "" leaves a text out;
 *   - output lines end in CRLF and are folded at 75 octets, never inside
 *     a UTF-8 sequence.
 * An event that cannot be written correctly is refused rather than
 * mended, because a calendar client would otherwise keep a wrong copy:
 * no UID (or one with a control character), a sequence below 0, a date
 * that does not exist or is not YYYY-MM-DD (years 1900-9999), a time that
 * is not HH:MM, an end before the start, text that is not UTF-8, a URL
 * with a space, control character or non-ASCII byte.
 *
 * Safe to call from several threads at once. libical's builtin time zones
 * are not safe to load from two threads, so no other file should use them
 * (see ics.c). */
#ifndef LG_FORMATS_ICS_H
#define LG_FORMATS_ICS_H

#include "core/buf.h"

#include <stdbool.h>
#include <stddef.h>

#define ICS_TZID "Europe/Amsterdam"

struct ics_event {
	const char *uid;          /* stable across changes, e.g. "meeting-42@leergang" */
	int sequence;             /* raised by the caller on every change, from 0 */
	const char *summary, *location, *description;   /* UTF-8, any may be NULL */
	const char *url;          /* absolute URL, or NULL */
	char start_date[11], start_time[6];   /* local Europe/Amsterdam: "2026-01-15", "09:00" */
	char end_date[11], end_time[6];       /* same day or later */
	bool cancelled;           /* STATUS:CANCELLED, kept in the feed */
	bool all_day;             /* a whole day (DTSTART;VALUE=DATE): the times are not read */
	long long last_modified;  /* unix seconds (LAST-MODIFIED); 0 leaves it out */
};

/* Appends the calendar `name` (NULL or "" leaves X-WR-CALNAME out) with the
 * n events to out. `now` is unix seconds for DTSTAMP. Returns 0, or -1 with
 * an English message id in *why (marked N_(): translate with _()) when an
 * event is refused or the time zone data is missing; nothing is appended
 * then. why may be NULL. */
int ics_calendar(struct buf *out, const char *name, const struct ics_event *events, size_t n,
		 long long now, const char **why);

#endif
