/* test_calendar.c — meetings as leergang writes them into a feed, parsed
 * back with libical: a meeting at 09:00 in winter is 08:00 UTC, in summer
 * 07:00 UTC (TZ=Europe/Amsterdam date -d '2027-01-19 09:00' -u gives 08:00,
 * '2027-06-15 09:00' gives 07:00); a two-day meeting is two events with
 * stable UIDs; a moved meeting keeps its UID with a higher SEQUENCE; a
 * cancelled one is STATUS:CANCELLED. And the rules of the calendar links:
 * made for one's own groups, listed, revoked once and then not found. */
#include "test.h"
#include "fixture.h"
#include "core/i18n.h"
#include "domain/calendar.h"
#include "domain/group.h"
#include "domain/programme.h"
#include "formats/ics.h"

#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

static struct meeting meeting(long long id, const char *day, const char *end_day, const char *start, const char *end)
{
	struct meeting m = { 0 };
	m.id = id;
	m.starts_on = (char *)day;
	m.ends_on = (char *)end_day;
	m.start_time = (char *)start;
	m.end_time = (char *)end;
	m.venue = "Leergebouw, lokaal 1";
	m.choice = "";
	m.free_topic = "";
	m.theme = "Oordeelsvorming";
	m.group_name = "Leergroep 1";
	m.programme_name = "LiVe!";
	m.number = 1;
	m.updated_at = 1800000000;
	return m;
}

static icalcomponent *parse(struct meeting *m, size_t n)
{
	struct arena a = ARENA_INIT;
	struct actor who = { 0 };
	struct ctx c = { NULL, &a, &who, 0 };
	struct buf b = BUF_INIT;
	i18n_use(LANG_EN);
	if (calendar_write(&c, "test", m, n, 1800000000, &b)) {
		arena_free(&a);
		return NULL;
	}
	icalcomponent *cal = icalparser_parse_string(b.ptr);
	buf_release(&b);
	arena_free(&a);
	return cal;
}

static icalcomponent *event(icalcomponent *cal, const char *uid)
{
	for (icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
	     e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
		if (!strcmp(icalcomponent_get_uid(e), uid))
			return e;
	return NULL;
}

/* DTSTART as UTC "HH:MM", through the feed's own VTIMEZONE */
static const char *utc_start(icalcomponent *cal, icalcomponent *e, char out[6])
{
	struct icaltimetype t = icalcomponent_get_dtstart(e);
	t.zone = icalcomponent_get_timezone(cal, ICS_TZID);
	t = icaltime_convert_to_zone(t, icaltimezone_get_utc_timezone());
	snprintf(out, 6, "%02u:%02u", (unsigned)t.hour % 100u, (unsigned)t.minute % 100u);
	return out;
}

TEST(calendar_meetings_parse_back_at_the_right_utc_time)
{
	struct meeting m[] = {
		meeting(41, "2027-01-19", "2027-01-19", "09:00", "17:00"),
		meeting(42, "2027-06-15", "2027-06-15", "09:00", "12:30"),
		meeting(43, "2027-03-01", "2027-03-02", "09:30", "16:30"),  /* two days */
	};
	icalcomponent *cal = parse(m, 3);
	CHECK(cal != NULL);
	if (!cal)
		return;
	char hm[6];
	icalcomponent *winter = event(cal, "meeting-41@leergang"), *summer = event(cal, "meeting-42@leergang");
	CHECK(winter && summer);
	if (winter && summer) {
		CHECK_STR(utc_start(cal, winter, hm), "08:00");
		CHECK_STR(utc_start(cal, summer, hm), "07:00");
		CHECK_STR(icalcomponent_get_location(winter), "Leergebouw, lokaal 1");
		CHECK(strstr(icalcomponent_get_summary(winter), "Leergroep 1") != NULL);
		CHECK_INT(icalcomponent_get_status(winter), ICAL_STATUS_CONFIRMED);
	}
	icalcomponent *d1 = event(cal, "meeting-43@leergang"), *d2 = event(cal, "meeting-43-day2@leergang");
	CHECK(d1 && d2);
	if (d1 && d2) {
		CHECK_INT(icalcomponent_get_dtstart(d1).day, 1);
		CHECK_INT(icalcomponent_get_dtstart(d2).day, 2);
		CHECK_STR(utc_start(cal, d2, hm), "08:30");
		CHECK(strstr(icalcomponent_get_summary(d2), "day 2 of 2") != NULL);
	}
	CHECK_INT(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 4);
	CHECK_INT(icalcomponent_count_components(cal, ICAL_VTIMEZONE_COMPONENT), 1);
	icalcomponent_free(cal);
}

TEST(calendar_moved_meeting_keeps_uid_raises_sequence)
{
	struct meeting m = meeting(7, "2027-02-02", "2027-02-02", "13:00", "17:00");
	icalcomponent *before = parse(&m, 1);
	m.starts_on = m.ends_on = "2027-02-09";
	m.sequence = 1;
	icalcomponent *after = parse(&m, 1);
	m.cancelled = 1;
	m.sequence = 2;
	icalcomponent *cancelled = parse(&m, 1);
	CHECK(before && after && cancelled);
	if (before && after && cancelled) {
		icalcomponent *b = event(before, "meeting-7@leergang"), *a = event(after, "meeting-7@leergang"),
			      *c = event(cancelled, "meeting-7@leergang");
		CHECK(b && a && c);
		if (b && a && c) {
			CHECK_INT(icalcomponent_get_sequence(b), 0);
			CHECK_INT(icalcomponent_get_sequence(a), 1);
			CHECK_INT(icalcomponent_get_dtstart(a).day, 9);
			CHECK_INT(icalcomponent_get_sequence(c), 2);
			CHECK_INT(icalcomponent_get_status(c), ICAL_STATUS_CANCELLED);
		}
	}
	if (before)
		icalcomponent_free(before);
	if (after)
		icalcomponent_free(after);
	if (cancelled)
		icalcomponent_free(cancelled);
}

/* The rules of the calendar links, now in the domain (they were in
 * web/calendar.c): a link of one group only for a group the actor is in;
 * the actor's links with their group's name; revoking only one's own,
 * once; a revoked link's feed is not found, kept text or not. */
TEST(calendar_links_create_list_revoke)
{
	FIXTURE(f);
	struct errors e = { 0 };
	long long prog, batch, group;
	i18n_use(LANG_EN);
	CHECK_INT(programme_from_template(&f.c, "live", "LiVe! test", &e, &prog), D_OK);
	CHECK_INT(batch_create(&f.c, prog, "", &e, &batch), D_OK);
	CHECK_INT(group_create(&f.c, batch, "Groep A", &e, &group), D_OK);
	/* the same account without any role and no person: in no group */
	struct actor nobody = f.who;
	nobody.roles = 0;
	struct ctx cn = { f.st, &f.a, &nobody, 0 };
	char token[SECRET_HEX], all[SECRET_HEX];
	CHECK_INT(calendar_feed_create(&cn, group, 1800000000, token), D_NOTFOUND);
	CHECK_INT(calendar_feed_create(&f.c, group + 1000, 1800000000, token), D_NOTFOUND);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM calendar_feed"), 0);
	/* the coach reads along in every group */
	CHECK_INT(calendar_feed_create(&f.c, group, 1800000000, token), D_OK);
	CHECK_INT(calendar_feed_create(&f.c, 0, 1800000100, all), D_OK);
	struct calendar_links v;
	CHECK_INT(calendar_links(&f.c, &v), D_OK);
	CHECK_INT(v.n, 2);
	if (v.n == 2) {
		CHECK(v.links[0].group_name == NULL);   /* the coach is in no group by person: "all your meetings" */
		CHECK(v.links[1].group_name == NULL);
		CHECK_INT(v.links[0].group_id, group);
		CHECK_INT(v.links[1].group_id, 0);
	}
	/* the feed: found by its token while not revoked */
	struct buf b = BUF_INIT;
	CHECK_INT(calendar_feed(&cn, all, &b), D_OK);
	CHECK(strstr(b.ptr, "BEGIN:VCALENDAR") != NULL);
	buf_reset(&b);
	CHECK_INT(calendar_feed(&cn, all, &b), D_OK);   /* the kept text */
	CHECK(strstr(b.ptr, "BEGIN:VCALENDAR") != NULL);
	CHECK_INT(calendar_feed(&cn, "nonsense", &b), D_NOTFOUND);
	CHECK_INT(calendar_feed(&cn, NULL, &b), D_NOTFOUND);
	/* revoking: one's own, once */
	long long id = v.n == 2 ? v.links[1].id : 0;
	struct actor other = f.who;
	other.account_id = f.admin_id + 1000;
	struct ctx co = { f.st, &f.a, &other, 0 };
	CHECK_INT(calendar_feed_revoke(&co, id, 1800000200), D_NOTFOUND);
	CHECK_INT(calendar_feed_revoke(&f.c, id, 1800000200), D_OK);
	CHECK_INT(calendar_feed_revoke(&f.c, id, 1800000300), D_NOTFOUND);
	buf_reset(&b);
	CHECK_INT(calendar_feed(&cn, all, &b), D_NOTFOUND);
	CHECK_INT(b.len, 0);
	CHECK_INT(calendar_links(&f.c, &v), D_OK);
	CHECK_INT(v.n, 1);
	buf_release(&b);
	fixture_close(&f);
}
