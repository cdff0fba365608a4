/* test_ics.c — the iCalendar writer (src/formats/ics.c). Every feed is read
 * back with libical's parser, and times are converted to UTC through the
 * VTIMEZONE of the feed itself, so these tests check the zone we publish,
 * not the one libical has built in.
 *
 * The expected UTC times come from the system's tzdata, e.g.
 *   TZ=Europe/Amsterdam date -d '2026-01-15 09:00' +%s        -> 1768464000
 *   date -u -d @1768464000                                     -> 08:00 UTC */
#include "test.h"
#include "formats/ics.h"
#include "core/utf8.h"
#include "core/compiler.h"

#include <libical/ical.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#define NOW 1767225600LL  /* 2026-01-01 00:00:00 UTC (date -u -d @1767225600) */

static struct ics_event event(const char *uid, const char *sd, const char *st,
			      const char *ed, const char *et)
{
	struct ics_event e = { .uid = uid, .summary = "Intervisie" };
	snprintf(e.start_date, sizeof(e.start_date), "%s", sd);
	snprintf(e.start_time, sizeof(e.start_time), "%s", st);
	snprintf(e.end_date, sizeof(e.end_date), "%s", ed);
	snprintf(e.end_time, sizeof(e.end_time), "%s", et);
	return e;
}

/* The feed as a malloc'ed string, or NULL when it is refused. */
static char *feed(const char *name, const struct ics_event *ev, size_t n)
{
	struct buf b = BUF_INIT;
	const char *why = NULL;
	if (ics_calendar(&b, name, ev, n, NOW, &why) != 0) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

static icalcomponent *find_event(icalcomponent *cal, const char *uid)
{
	for (icalcomponent *c = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); c;
	     c = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
		if (strcmp(icalcomponent_get_uid(c), uid) == 0)
			return c;
	return NULL;
}

/* DTSTART or DTEND of the event as unix seconds, converted through the
 * VTIMEZONE its TZID names; -1 when the property or the zone is missing. */
static long long instant(icalcomponent *cal, icalcomponent *ev, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(ev, kind);
	if (!p)
		return -1;
	icalparameter *tzid = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
	if (!tzid || strcmp(icalparameter_get_tzid(tzid), ICS_TZID) != 0)
		return -1;
	icaltimezone *zone = icalcomponent_get_timezone(cal, ICS_TZID);
	if (!zone)
		return -1;
	struct icaltimetype t = icalvalue_get_datetime(icalproperty_get_value(p));
	return (long long)icaltime_as_timet_with_zone(t, zone);
}

/* The same through icaltime_convert_to_zone: the UTC hour of DTSTART. */
static int utc_hour(icalcomponent *cal, icalcomponent *ev)
{
	icaltimezone *zone = icalcomponent_get_timezone(cal, ICS_TZID);
	struct icaltimetype t = icalproperty_get_dtstart(icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY));
	t.zone = zone;
	return icaltime_convert_to_zone(t, icaltimezone_get_utc_timezone()).hour;
}

static const char *text_of(icalcomponent *c, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(c, kind);
	return p ? icalvalue_get_text(icalproperty_get_value(p)) : NULL;
}

static const char *x_of(icalcomponent *c, const char *name)
{
	for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_X_PROPERTY); p;
	     p = icalcomponent_get_next_property(c, ICAL_X_PROPERTY))
		if (strcmp(icalproperty_get_x_name(p), name) == 0)
			return icalproperty_get_x(p);
	return NULL;
}

/* The text with its folds undone (RFC 5545 3.1: CRLF and one space). */
static char *unfold(const char *s)
{
	struct buf b = BUF_INIT;
	for (; *s; s++) {
		if (s[0] == '\r' && s[1] == '\n' && s[2] == ' ')
			s += 2;
		else
			buf_addch(&b, *s);
	}
	return buf_detach(&b, NULL);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* Every line ends in CRLF, holds no other CR or LF, is at most 75 octets
 * and is valid UTF-8 on its own (so no fold split a character). Returns
 * the number of bad lines, and counts the folded (continuation) lines. */
static int bad_lines(const char *s, int *folded)
{
	int bad = 0;
	*folded = 0;
	while (*s) {
		const char *e = strstr(s, "\r\n");
		if (!e)
			return bad + 1;
		size_t len = (size_t)(e - s);
		if (len > 75 || !utf8_valid(s, len) || memchr(s, '\r', len) || memchr(s, '\n', len))
			bad++;
		if (*s == ' ')
			(*folded)++;
		s = e + 2;
	}
	return bad;
}

TEST(ics_winter_and_summer)
{
	struct ics_event ev[] = {
		/* TZ=Europe/Amsterdam date -d '2026-01-15 09:00' +%s -> 1768464000 = 08:00 UTC */
		event("winter@leergang", "2026-01-15", "09:00", "2026-01-15", "10:00"),
		/* TZ=Europe/Amsterdam date -d '2026-07-15 09:00' +%s -> 1784098800 = 07:00 UTC */
		event("summer@leergang", "2026-07-15", "09:00", "2026-07-15", "10:00"),
	};
	char *s = feed("Leergang", ev, 2);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK(strstr(s, "DTSTART;TZID=Europe/Amsterdam:20260115T090000\r\n") != NULL);
	CHECK(strstr(s, "DTEND;TZID=Europe/Amsterdam:20260715T100000\r\n") != NULL);
	icalcomponent *cal = icalparser_parse_string(s);
	CHECK(cal != NULL);
	icalcomponent *w = find_event(cal, "winter@leergang"), *z = find_event(cal, "summer@leergang");
	CHECK(w && z);
	if (w && z) {
		CHECK_INT(instant(cal, w, ICAL_DTSTART_PROPERTY), 1768464000);
		CHECK_INT(instant(cal, w, ICAL_DTEND_PROPERTY), 1768464000 + 3600);
		CHECK_INT(utc_hour(cal, w), 8);
		CHECK_INT(instant(cal, z, ICAL_DTSTART_PROPERTY), 1784098800);
		CHECK_INT(utc_hour(cal, z), 7);
	}
	icalcomponent_free(cal);
	free(s);
}

TEST(ics_dst_changes_2026)
{
	struct ics_event ev[] = {
		/* the day before and the day DST starts (last Sunday of March):
		 * 2026-03-28 09:00 -> 1774684800 (08:00 UTC),
		 * 2026-03-29 09:00 -> 1774767600 (07:00 UTC) */
		event("mar28", "2026-03-28", "09:00", "2026-03-28", "10:00"),
		event("mar29", "2026-03-29", "09:00", "2026-03-29", "10:00"),
		/* across the change: 01:00 -> 1774742400 (00:00 UTC),
		 * 04:00 -> 1774749600 (02:00 UTC): two hours, not three */
		event("mar29-night", "2026-03-29", "01:00", "2026-03-29", "04:00"),
		/* the day before and the day DST ends (last Sunday of October):
		 * 2026-10-24 09:00 -> 1792825200 (07:00 UTC),
		 * 2026-10-25 09:00 -> 1792915200 (08:00 UTC) */
		event("oct24", "2026-10-24", "09:00", "2026-10-24", "10:00"),
		event("oct25", "2026-10-25", "09:00", "2026-10-25", "10:00"),
		/* across the change: 01:00 -> 1792882800 (23:00 UTC the day before),
		 * 04:00 -> 1792897200 (03:00 UTC): four hours, not three */
		event("oct25-night", "2026-10-25", "01:00", "2026-10-25", "04:00"),
	};
	char *s = feed("DST", ev, 6);
	CHECK(s != NULL);
	if (!s)
		return;
	icalcomponent *cal = icalparser_parse_string(s);
	static const struct { const char *uid; long long start, end; } want[] = {
		{ "mar28", 1774684800, 1774684800 + 3600 },
		{ "mar29", 1774767600, 1774767600 + 3600 },
		{ "mar29-night", 1774742400, 1774749600 },
		{ "oct24", 1792825200, 1792825200 + 3600 },
		{ "oct25", 1792915200, 1792915200 + 3600 },
		{ "oct25-night", 1792882800, 1792897200 },
	};
	for (size_t i = 0; i < ARRAY_SIZE(want); i++) {
		icalcomponent *e = find_event(cal, want[i].uid);
		CHECK(e != NULL);
		if (!e)
			continue;
		CHECK_INT(instant(cal, e, ICAL_DTSTART_PROPERTY), want[i].start);
		CHECK_INT(instant(cal, e, ICAL_DTEND_PROPERTY), want[i].end);
	}
	icalcomponent_free(cal);
	free(s);
}

TEST(ics_zone_covers_past_and_far_future)
{
	struct ics_event ev[] = {
		/* in 1990 summer time ended on the last Sunday of September:
		 * 1990-09-15 09:00 -> 653382000 (07:00 UTC),
		 * 1990-10-15 09:00 -> 655977600 (08:00 UTC) */
		event("1990-sep", "1990-09-15", "09:00", "1990-09-15", "10:00"),
		event("1990-oct", "1990-10-15", "09:00", "1990-10-15", "10:00"),
		/* past the transitions tzdata lists one by one (2037):
		 * 2040-01-15 09:00 -> 2210227200 (08:00 UTC),
		 * 2040-07-15 09:00 -> 2225948400 (07:00 UTC) */
		event("2040-jan", "2040-01-15", "09:00", "2040-01-15", "10:00"),
		event("2040-jul", "2040-07-15", "09:00", "2040-07-15", "10:00"),
	};
	char *s = feed("Lang geleden", ev, 4);
	CHECK(s != NULL);
	if (!s)
		return;
	icalcomponent *cal = icalparser_parse_string(s);
	CHECK_INT(instant(cal, find_event(cal, "1990-sep"), ICAL_DTSTART_PROPERTY), 653382000);
	CHECK_INT(instant(cal, find_event(cal, "1990-oct"), ICAL_DTSTART_PROPERTY), 655977600);
	CHECK_INT(instant(cal, find_event(cal, "2040-jan"), ICAL_DTSTART_PROPERTY), 2210227200LL);
	CHECK_INT(instant(cal, find_event(cal, "2040-jul"), ICAL_DTSTART_PROPERTY), 2225948400LL);
	icalcomponent_free(cal);
	free(s);
}

TEST(ics_two_day_event)
{
	/* 2026-02-10 09:00 -> 1770710400 (08:00 UTC),
	 * 2026-02-11 17:00 -> 1770825600 (16:00 UTC) */
	struct ics_event e = event("twoday@leergang", "2026-02-10", "09:00", "2026-02-11", "17:00");
	char *s = feed("Leergang", &e, 1);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK(strstr(s, "DTSTART;TZID=Europe/Amsterdam:20260210T090000\r\n") != NULL);
	CHECK(strstr(s, "DTEND;TZID=Europe/Amsterdam:20260211T170000\r\n") != NULL);
	icalcomponent *cal = icalparser_parse_string(s);
	icalcomponent *v = find_event(cal, "twoday@leergang");
	CHECK(v != NULL);
	CHECK_INT(instant(cal, v, ICAL_DTSTART_PROPERTY), 1770710400);
	CHECK_INT(instant(cal, v, ICAL_DTEND_PROPERTY), 1770825600);
	icalcomponent_free(cal);
	free(s);
}

TEST(ics_calendar_and_event_properties)
{
	struct ics_event ev[] = {
		event("meeting-42@leergang", "2026-01-15", "09:00", "2026-01-15", "10:30"),
		event("meeting-43@leergang", "2026-01-16", "09:00", "2026-01-16", "09:00"),
	};
	ev[0].sequence = 7;
	ev[0].cancelled = true;
	ev[0].last_modified = 1767139200;  /* 2025-12-31 00:00:00 UTC */
	ev[0].url = "https://leergang.example/bijeenkomsten/42?x=1,2;y";
	char *s = feed("Leiderschap 2026", ev, 2);
	CHECK(s != NULL);
	if (!s)
		return;
	/* the order of the calendar's own properties */
	const char *head = "BEGIN:VCALENDAR\r\nPRODID:-//leergang//NONSGML leergang//NL\r\n"
			   "VERSION:2.0\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n";
	CHECK(strncmp(s, head, strlen(head)) == 0);
	CHECK(strstr(s, "END:VCALENDAR\r\n") && strcmp(strstr(s, "END:VCALENDAR\r\n"), "END:VCALENDAR\r\n") == 0);
	icalcomponent *cal = icalparser_parse_string(s);
	CHECK_STR(x_of(cal, "X-WR-CALNAME"), "Leiderschap 2026");
	CHECK_STR(x_of(cal, "X-WR-TIMEZONE"), "Europe/Amsterdam");
	icalcomponent *a = find_event(cal, "meeting-42@leergang");
	icalcomponent *b = find_event(cal, "meeting-43@leergang");
	CHECK(a && b);
	if (a && b) {
		CHECK_INT(icalcomponent_get_sequence(a), 7);
		CHECK_INT(icalcomponent_get_sequence(b), 0);
		CHECK_INT(icalcomponent_get_status(a), ICAL_STATUS_CANCELLED);
		CHECK_INT(icalcomponent_get_status(b), ICAL_STATUS_CONFIRMED);
		CHECK(strstr(s, "STATUS:CANCELLED\r\n") != NULL);
		/* DTSTAMP is now, in UTC */
		struct icaltimetype stamp = icalcomponent_get_dtstamp(a);
		CHECK(icaltime_is_utc(stamp));
		CHECK_INT(icaltime_as_timet(stamp), NOW);
		icalproperty *lm = icalcomponent_get_first_property(a, ICAL_LASTMODIFIED_PROPERTY);
		CHECK(lm != NULL);
		if (lm)
			CHECK_INT(icaltime_as_timet(icalproperty_get_lastmodified(lm)), 1767139200);
		CHECK(icalcomponent_get_first_property(b, ICAL_LASTMODIFIED_PROPERTY) == NULL);
		icalproperty *url = icalcomponent_get_first_property(a, ICAL_URL_PROPERTY);
		CHECK(url != NULL);
		if (url)
			CHECK_STR(icalproperty_get_url(url), "https://leergang.example/bijeenkomsten/42?x=1,2;y");
		CHECK_INT(utc_hour(cal, a), 8);
		/* an end equal to the start: no DTEND (it must be later) */
		CHECK(icalcomponent_get_first_property(b, ICAL_DTEND_PROPERTY) == NULL);
		CHECK(icalcomponent_get_first_property(b, ICAL_DTSTART_PROPERTY) != NULL);
	}
	icalcomponent_free(cal);
	free(s);
}

TEST(ics_texts_round_trip)
{
	const char *summary = "Jan <script>alert(1)</script>, O'Brien & \"Zonen\"; C:\\pad\\naar";
	const char *location = "Caf\xC3\xA9 De Ru\xC3\xAFne, Zo\xC3\xAB's zaal; 1e etage";
	const char *description = "Regel \xC3\xA9\xC3\xA9n\nregel twee, met ; en \\ en \\n\n\nAna\xC3\xAFs \xC3\x86r\xC3\xB8 \xE6\x9D\x8E \xF0\x9F\x98\x80";
	struct ics_event e = event("texts@leergang", "2026-01-15", "09:00", "2026-01-15", "10:00");
	e.summary = summary;
	e.location = location;
	e.description = description;
	char *s = feed("Zo\xC3\xAB's groep; 2026, \xC3\xA9\xC3\xA9n", &e, 1);
	CHECK(s != NULL);
	if (!s)
		return;
	/* escaped on the wire as RFC 5545 3.3.11 says */
	char *flat = unfold(s);
	CHECK(strstr(flat, "SUMMARY:Jan <script>alert(1)</script>\\, O'Brien & \"Zonen\"\\; C:\\\\pad\\\\naar\r\n") != NULL);
	CHECK(strstr(flat, "\\nregel twee\\, met \\; en \\\\ en \\\\n\\n\\nAna") != NULL);
	free(flat);
	icalcomponent *cal = icalparser_parse_string(s);
	icalcomponent *v = find_event(cal, "texts@leergang");
	CHECK(v != NULL);
	if (v) {
		CHECK_STR(text_of(v, ICAL_SUMMARY_PROPERTY), summary);
		CHECK_STR(text_of(v, ICAL_LOCATION_PROPERTY), location);
		CHECK_STR(text_of(v, ICAL_DESCRIPTION_PROPERTY), description);
	}
	CHECK_STR(x_of(cal, "X-WR-CALNAME"), "Zo\xC3\xAB's groep; 2026, \xC3\xA9\xC3\xA9n");
	icalcomponent_free(cal);
	free(s);
}

TEST(ics_line_ends_and_controls_in_texts)
{
	/* a form's textarea sends CRLF; other controls are not allowed in TEXT */
	struct ics_event e = event("ctl@leergang", "2026-01-15", "09:00", "2026-01-15", "10:00");
	e.description = "een\r\ntwee\rdrie\nvier\x01\x1B[31m\x7F\tvijf";
	e.summary = " \t ";  /* left out: nothing is left after trimming */
	e.location = "\t Zaal 3  ";
	char *s = feed("Naam\r\nmet regel", &e, 1);
	CHECK(s != NULL);
	if (!s)
		return;
	int folded;
	CHECK_INT(bad_lines(s, &folded), 0);
	icalcomponent *cal = icalparser_parse_string(s);
	icalcomponent *v = find_event(cal, "ctl@leergang");
	CHECK(v != NULL);
	if (v) {
		CHECK_STR(text_of(v, ICAL_DESCRIPTION_PROPERTY), "een\ntwee\ndrie\nvier[31m\tvijf");
		CHECK(icalcomponent_get_first_property(v, ICAL_SUMMARY_PROPERTY) == NULL);
		CHECK_STR(text_of(v, ICAL_LOCATION_PROPERTY), "Zaal 3");
		CHECK(strstr(s, "LOCATION:Zaal 3\r\n") != NULL);
	}
	CHECK_STR(x_of(cal, "X-WR-CALNAME"), "Naam met regel");
	icalcomponent_free(cal);
	free(s);
}

/* Deterministic pseudo-random text of ASCII, 2-, 3- and 4-byte UTF-8,
 * spaces, separators and escapes, to find a fold in the wrong place. */
/* s without spaces at either end, as the writer sends it */
static const char *trimmed(struct buf *b, const char *s)
{
	buf_reset(b);
	while (*s == ' ')
		s++;
	buf_adds(b, s);
	while (b->len && b->ptr[b->len - 1] == ' ')
		buf_setlen(b, b->len - 1);
	return b->ptr;
}

static void random_text(struct buf *b, uint32_t *seed, size_t chars)
{
	static const char *pieces[] = {
		"a", "Z", "0", " ", ";", ",", ":", "\\", "\n", "\"", "<", "\xC3\xAB", "\xC3\xA9",
		"\xC3\xAF", "\xE6\x9D\x8E", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xF0\x9F\x87\xB3",
	};
	buf_reset(b);
	for (size_t i = 0; i < chars; i++) {
		*seed = *seed * 1103515245u + 12345u;
		buf_adds(b, pieces[(*seed >> 16) % ARRAY_SIZE(pieces)]);
	}
}

TEST(ics_folding_keeps_utf8_whole)
{
	struct buf text = BUF_INIT, want = BUF_INIT;
	uint32_t seed = 42;
	int bad = 0, wrong = 0, folded_total = 0;
	for (int round = 0; round < 300; round++) {
		random_text(&text, &seed, 1 + (size_t)round % 150);
		struct ics_event e = event("fold@leergang", "2026-01-15", "09:00", "2026-01-15", "10:00");
		e.summary = text.ptr;
		e.description = text.ptr;
		e.location = text.ptr;
		char *s = feed(NULL, &e, 1);
		if (!s) {
			bad++;
			continue;
		}
		int folded;
		bad += bad_lines(s, &folded);
		folded_total += folded;
		icalcomponent *cal = icalparser_parse_string(s);
		icalcomponent *v = cal ? find_event(cal, "fold@leergang") : NULL;
		const char *back = v ? text_of(v, ICAL_DESCRIPTION_PROPERTY) : NULL;
		const char *sum = v ? text_of(v, ICAL_SUMMARY_PROPERTY) : NULL;
		trimmed(&want, text.ptr);
		if (want.len && (!back || strcmp(back, want.ptr) != 0 || !sum || strcmp(sum, want.ptr) != 0))
			wrong++;
		icalcomponent_free(cal);
		free(s);
	}
	CHECK_INT(bad, 0);
	CHECK_INT(wrong, 0);
	CHECK(folded_total > 300);  /* long texts were folded */
	buf_release(&text);
	buf_release(&want);

	/* one long line of 3-byte characters: folded, every piece whole */
	struct ics_event e = event("long@leergang", "2026-01-15", "09:00", "2026-01-15", "10:00");
	e.summary = "\xE6\x9D\x8E\xE6\x9D\x8E\xE6\x9D\x8E\xE6\x9D\x8E\xE6\x9D\x8E\xE6\x9D\x8E\xE6\x9D\x8E"
		    "\xE6\x9D\x8E\xE6\x9D\x8E\xE6\x9D\x8E\xE6\x9D\x8E\xE6\x9D\x8E\xE6\x9D\x8E\xE6\x9D\x8E"
		    "\xE6\x9D\x8E\xE6\x9D\x8E\xE6\x9D\x8E\xE6\x9D\x8E\xE6\x9D\x8E\xE6\x9D\x8E\xE6\x9D\x8E"
		    "\xE6\x9D\x8E\xE6\x9D\x8E\xE6\x9D\x8E\xE6\x9D\x8E\xE6\x9D\x8E\xE6\x9D\x8E\xE6\x9D\x8E";
	char *s = feed(NULL, &e, 1);
	CHECK(s != NULL);
	if (s) {
		int folded;
		CHECK_INT(bad_lines(s, &folded), 0);
		CHECK(folded >= 1);
		CHECK(s[strlen(s) - 2] == '\r' && s[strlen(s) - 1] == '\n');
		free(s);
	}
}

/* Refused with a reason, and nothing appended. */
static void check_refused(const struct ics_event *e, int line)
{
	struct buf b = BUF_INIT;
	buf_adds(&b, "before");
	const char *why = NULL;
	int rc = ics_calendar(&b, "Naam", e, 1, NOW, &why);
	if (rc == -1 && why && *why && strcmp(b.ptr, "before") == 0)
		test_pass();
	else
		test_fail(__FILE__, line, "event %s accepted (rc %d, why %s)", e->uid ? e->uid : "(null)",
			  rc, why ? why : "(null)");
	buf_release(&b);
}

TEST(ics_invalid_events_refused)
{
	struct ics_event e;
	e = event("end-before-start", "2026-01-15", "10:00", "2026-01-15", "09:00");
	check_refused(&e, __LINE__);
	e = event("end-day-before", "2026-01-15", "09:00", "2026-01-14", "17:00");
	check_refused(&e, __LINE__);
	e = event("feb30", "2026-02-30", "09:00", "2026-02-30", "10:00");
	check_refused(&e, __LINE__);
	e = event("feb29-2025", "2025-02-28", "09:00", "2025-02-29", "10:00");
	check_refused(&e, __LINE__);
	e = event("month13", "2026-13-01", "09:00", "2026-13-01", "10:00");
	check_refused(&e, __LINE__);
	e = event("slashes", "15/01/2026", "09:00", "15/01/2026", "10:00");
	check_refused(&e, __LINE__);
	e = event("25h", "2026-01-15", "25:00", "2026-01-15", "26:00");
	check_refused(&e, __LINE__);
	e = event("60min", "2026-01-15", "09:00", "2026-01-15", "09:60");
	check_refused(&e, __LINE__);
	e = event("short-time", "2026-01-15", "9:00", "2026-01-15", "10:00");
	check_refused(&e, __LINE__);
	e = event("empty-time", "2026-01-15", "", "2026-01-15", "10:00");
	check_refused(&e, __LINE__);
	e = event(NULL, "2026-01-15", "09:00", "2026-01-15", "10:00");
	check_refused(&e, __LINE__);
	e = event("", "2026-01-15", "09:00", "2026-01-15", "10:00");
	check_refused(&e, __LINE__);
	e = event("uid\r\nX-EVIL:1", "2026-01-15", "09:00", "2026-01-15", "10:00");
	check_refused(&e, __LINE__);
	e = event("negative-sequence", "2026-01-15", "09:00", "2026-01-15", "10:00");
	e.sequence = -1;
	check_refused(&e, __LINE__);
	e = event("latin1", "2026-01-15", "09:00", "2026-01-15", "10:00");
	e.summary = "Caf\xE9";
	check_refused(&e, __LINE__);
	e = event("url-crlf", "2026-01-15", "09:00", "2026-01-15", "10:00");
	e.url = "https://x.example/\r\nATTENDEE:mailto:x@example.org";
	check_refused(&e, __LINE__);
	/* not NUL-terminated within the array */
	e = event("unterminated", "2026-01-15", "09:00", "2026-01-15", "10:00");
	memcpy(e.start_date, "2026-01-15X", 11);
	check_refused(&e, __LINE__);

	/* one bad event refuses the whole feed */
	struct ics_event two[] = {
		event("good", "2026-01-15", "09:00", "2026-01-15", "10:00"),
		event("bad", "2026-02-30", "09:00", "2026-02-30", "10:00"),
	};
	struct buf b = BUF_INIT;
	const char *why = NULL;
	CHECK_INT(ics_calendar(&b, "Naam", two, 2, NOW, &why), -1);
	CHECK(why != NULL);
	CHECK_INT(b.len, 0);
	/* a leap day is fine */
	two[1] = event("leap", "2028-02-29", "09:00", "2028-02-29", "10:00");
	CHECK_INT(ics_calendar(&b, "Naam", two, 2, NOW, &why), 0);
	CHECK(why == NULL);
	CHECK(b.len > 0);
	/* a calendar name that is not UTF-8 */
	CHECK_INT(ics_calendar(&b, "Caf\xE9", two, 2, NOW, NULL), -1);
	buf_release(&b);
}

TEST(ics_one_vtimezone_for_many_events)
{
	enum { N = 200 };
	struct ics_event *ev = calloc(N, sizeof(*ev));
	char (*uids)[32] = calloc(N, sizeof(*uids));
	for (int i = 0; i < N; i++) {
		char date[32];
		snprintf(uids[i], sizeof(uids[i]), "meeting-%d@leergang", i);
		snprintf(date, sizeof(date), "%04d-%02d-%02d", 2026 + i / 120, 1 + (i / 10) % 12, 1 + i % 28);
		ev[i] = event(uids[i], date, "13:30", date, "15:00");
	}
	char *s = feed("Veel", ev, N);
	CHECK(s != NULL);
	if (s) {
		CHECK_INT(count(s, "BEGIN:VTIMEZONE\r\n"), 1);
		CHECK_INT(count(s, "BEGIN:VEVENT\r\n"), N);
		icalcomponent *cal = icalparser_parse_string(s);
		CHECK_INT(icalcomponent_count_components(cal, ICAL_VTIMEZONE_COMPONENT), 1);
		icalcomponent *tz = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
		CHECK(tz != NULL);
		if (tz) {
			CHECK_STR(icalproperty_get_tzid(icalcomponent_get_first_property(tz, ICAL_TZID_PROPERTY)), ICS_TZID);
			CHECK(icalcomponent_count_components(tz, ICAL_XSTANDARD_COMPONENT) >= 1);
			CHECK(icalcomponent_count_components(tz, ICAL_XDAYLIGHT_COMPONENT) >= 1);
		}
		/* the current EU rules, as tzdata has them */
		CHECK(strstr(s, "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n") != NULL);
		CHECK(strstr(s, "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n") != NULL);
		CHECK(strstr(s, "TZOFFSETTO:+0200\r\n") != NULL);
		CHECK(strstr(s, "TZOFFSETTO:+0100\r\n") != NULL);
		icalcomponent_free(cal);
		free(s);
	}
	free(uids);
	free(ev);
}

TEST(ics_empty_feed)
{
	char *s = feed(NULL, NULL, 0);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK_INT(count(s, "BEGIN:VTIMEZONE\r\n"), 1);
	CHECK_INT(count(s, "BEGIN:VEVENT"), 0);
	CHECK(strstr(s, "X-WR-CALNAME") == NULL);
	CHECK(strstr(s, "X-WR-TIMEZONE:Europe/Amsterdam\r\n") != NULL);
	icalcomponent *cal = icalparser_parse_string(s);
	CHECK(cal != NULL);
	icalcomponent_free(cal);
	free(s);
}

TEST(ics_independent_of_process_tz)
{
	struct ics_event ev[] = {
		event("tz-a", "2026-01-15", "09:00", "2026-01-15", "10:00"),
		event("tz-b", "2026-07-15", "09:00", "2026-07-15", "10:00"),
	};
	ev[0].last_modified = 1767139200;
	const char *old = getenv("TZ");
	char *saved = old ? strdup(old) : NULL;
	setenv("TZ", "UTC", 1);
	tzset();
	char *a = feed("TZ", ev, 2);
	setenv("TZ", "Pacific/Auckland", 1);
	tzset();
	char *b = feed("TZ", ev, 2);
	setenv("TZ", "America/New_York", 1);
	tzset();
	char *c = feed("TZ", ev, 2);
	if (saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
	CHECK(a && b && c);
	if (a && b && c) {
		CHECK_STR(a, b);
		CHECK_STR(a, c);
		CHECK(strstr(a, "DTSTAMP:20260101T000000Z\r\n") != NULL);
		CHECK(strstr(a, "LAST-MODIFIED:20251231T000000Z\r\n") != NULL);
	}
	free(a);
	free(b);
	free(c);
}

/* ---- several threads at once ------------------------------------------- */

/* The feed every thread writes; run under ASan this also finds memory
 * that two threads share by mistake. */
static char *thread_feed(void)
{
	struct ics_event ev[] = {
		event("thread-a", "2026-03-29", "09:00", "2026-03-29", "10:00"),
		event("thread-b", "2026-10-25", "09:00", "2026-10-25", "10:00"),
	};
	ev[1].description = "Zo\xC3\xAB, \xC3\xA9\xC3\xA9n; twee";
	return feed("Draden", ev, 2);
}

struct worker {
	const char *want;
	int wrong;
};

static void *work(void *arg)
{
	struct worker *w = arg;
	for (int i = 0; i < 40; i++) {
		char *s = thread_feed();
		if (!s || strcmp(s, w->want) != 0)
			w->wrong++;
		free(s);
	}
	return NULL;
}

TEST(ics_from_several_threads)
{
	enum { T = 8 };
	char *want = thread_feed();
	CHECK(want != NULL);
	if (!want)
		return;
	pthread_t th[T];
	struct worker w[T];
	for (int i = 0; i < T; i++) {
		w[i] = (struct worker){ want, 0 };
		CHECK_INT(pthread_create(&th[i], NULL, work, &w[i]), 0);
	}
	int wrong = 0;
	for (int i = 0; i < T; i++) {
		pthread_join(th[i], NULL);
		wrong += w[i].wrong;
	}
	CHECK_INT(wrong, 0);
	free(want);
}

TEST(ics_all_day_event)
{
	/* a follow-up action's due date: a date without a zone, DTEND the next day */
	struct ics_event e = event("action-1@leergang", "2027-02-28", "", "2027-02-28", "");
	e.all_day = true;
	char *s = feed("Leergang", &e, 1);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK(strstr(s, "DTSTART;VALUE=DATE:20270228\r\n") != NULL);
	CHECK(strstr(s, "DTEND;VALUE=DATE:20270301\r\n") != NULL);
	CHECK(strstr(s, "DTSTART;TZID") == NULL);
	free(s);
	/* without all_day the same event is refused: it has no times */
	e.all_day = false;
	CHECK(feed("Leergang", &e, 1) == NULL);
}
