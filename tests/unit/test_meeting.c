/* test_meeting.c — the meeting page's view cut to its reader (script,
 * attendance, menu card, report link), who may run a meeting, and saving
 * a group's attendance all or nothing. */
#include "test.h"
#include "fixture.h"
#include "core/i18n.h"
#include "domain/group.h"
#include "domain/meeting.h"
#include "domain/programme.h"
#include "domain/role.h"
#include "store/design.h"
#include "store/group.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

struct setup {
	long long prog, group, other, first, menu;   /* meeting 1 and meeting 6 (from the menu) */
	long long people[16];                          /* 0-11 in group, 12 in other, 14 mentor, 15 facilitator */
};

static bool setup(struct fixture *f, struct setup *s)
{
	struct errors e = { 0 };
	long long batch;
	i18n_use(LANG_EN);
	char emp[16];
	for (int i = 0; i < 16; i++) {
		snprintf(emp, sizeof(emp), "E%02u", (unsigned)i);
		struct person p = { 0 };
		p.employee_id = emp;
		p.name = emp;
		p.active = 1;
		if (store_person_insert(f->st, f->org_a, &p, &s->people[i]))
			return false;
	}
	struct meeting_when w1 = { "2026-02-10", "09:00", "17:00", "" }, w6 = { "2026-06-10", "09:00", "17:00", "" };
	return programme_from_template(&f->c, "live", "LiVe! test", &e, &s->prog) == D_OK &&
	       batch_create(&f->c, s->prog, "", &e, &batch) == D_OK &&
	       group_create(&f->c, batch, "Groep A", &e, &s->group) == D_OK &&
	       group_create(&f->c, batch, "Groep B", &e, &s->other) == D_OK &&
	       group_enrol(&f->c, s->group, s->people, 12, "2026-01-05", &e) == D_OK &&
	       group_enrol(&f->c, s->other, &s->people[12], 1, "2026-01-05", &e) == D_OK &&
	       group_staff(&f->c, s->group, s->people[14], s->people[15], "proposed", &e) == D_OK &&
	       meeting_plan(&f->c, s->group, 1, &w1, 1, &e, &s->first) == D_OK &&
	       meeting_plan(&f->c, s->group, 6, &w6, 1, &e, &s->menu) == D_OK;
}

static struct ctx as(struct fixture *f, struct actor *w, long long person_id, unsigned roles)
{
	*w = (struct actor){ 0 };
	w->organisation_id = f->org_a;
	w->person_id = person_id;
	w->roles = roles;
	w->email = "t";
	return (struct ctx){ f->st, &f->a, w, 0 };
}

TEST(meeting_view_is_cut_to_its_reader)
{
	FIXTURE(f);
	struct setup s;
	CHECK(setup(&f, &s));
	struct errors e = { 0 };
	CHECK_INT(attendance_record(&f.c, s.first, s.people[2], "present", 2, &e), D_OK);
	CHECK_INT(attendance_record(&f.c, s.first, s.people[3], "excused", 2, &e), D_OK);
	CHECK_INT(attendance_record(&f.c, s.menu, s.people[2], "absent", 2, &e), D_OK);
	const unsigned P = ROLE_BIT(ROLE_PARTICIPANT), M = ROLE_BIT(ROLE_MENTOR), F = ROLE_BIT(ROLE_FACILITATOR);
	struct actor w;
	struct ctx c;
	struct meeting_view v;

	/* the facilitator: runs it, the script, every record of this meeting only */
	c = as(&f, &w, s.people[15], F);
	CHECK_INT(meeting_view_open(&c, s.first, &v), D_OK);
	CHECK(v.may_run);
	CHECK(v.may_read_report);
	CHECK(v.nscript > 0);
	for (size_t i = 0; i < v.nscript; i++)
		CHECK_INT(v.script[i].programme_meeting_id, v.m.programme_meeting_id);
	CHECK_INT(v.nattendance, 2);
	for (size_t i = 0; i < v.nattendance; i++)
		CHECK_INT(v.attendance[i].meeting_id, s.first);
	CHECK_INT(v.nenrolments, 12);
	CHECK_INT(v.ntopics, 0);   /* meeting 1 is not chosen from the menu */
	CHECK_INT(meeting_view_open(&c, s.menu, &v), D_OK);
	CHECK(v.ntopics > 0 && v.noptions > 0);

	/* a participant: no script, their own record only, no menu card */
	c = as(&f, &w, s.people[2], P);
	CHECK_INT(meeting_view_open(&c, s.first, &v), D_OK);
	CHECK(!v.may_run);
	CHECK(v.may_read_report);
	CHECK_INT(v.nscript, 0);
	CHECK_INT(v.nattendance, 1);
	if (v.nattendance == 1) {
		CHECK_INT(v.attendance[0].person_id, s.people[2]);
		CHECK_STR(v.attendance[0].status, "present");
	}
	CHECK_INT(meeting_view_open(&c, s.menu, &v), D_OK);
	CHECK_INT(v.ntopics, 0);
	c = as(&f, &w, s.people[5], P);
	CHECK_INT(meeting_view_open(&c, s.first, &v), D_OK);
	CHECK_INT(v.nattendance, 0);

	/* the mentor: the script, not the others' attendance */
	c = as(&f, &w, s.people[14], M);
	CHECK_INT(meeting_view_open(&c, s.first, &v), D_OK);
	CHECK(!v.may_run);
	CHECK(v.nscript > 0);
	CHECK_INT(v.nattendance, 0);

	/* the owner: no attendance, no report */
	c = as(&f, &w, 0, ROLE_BIT(ROLE_OWNER));
	CHECK_INT(meeting_view_open(&c, s.first, &v), D_OK);
	CHECK_INT(v.rel, REL_OWNER);
	CHECK(!v.may_read_report);
	CHECK(!v.may_run);
	CHECK_INT(v.nattendance, 0);

	/* a participant of another group, and the other organisation: not found */
	c = as(&f, &w, s.people[12], P);
	CHECK_INT(meeting_view_open(&c, s.first, &v), D_NOTFOUND);
	CHECK_INT(meeting_view_open(&f.cb, s.first, &v), D_NOTFOUND);
	fixture_close(&f);
}

TEST(meeting_open_to_run_only_coach_and_facilitator)
{
	FIXTURE(f);
	struct setup s;
	CHECK(setup(&f, &s));
	struct actor w;
	struct ctx c;
	struct meeting m;
	struct learning_group g;
	CHECK_INT(meeting_open_to_run(&f.c, s.first, &m, &g), D_OK);   /* the coach */
	CHECK_INT(g.id, s.group);
	c = as(&f, &w, s.people[15], ROLE_BIT(ROLE_FACILITATOR));
	CHECK_INT(meeting_open_to_run(&c, s.first, &m, &g), D_OK);
	c = as(&f, &w, s.people[14], ROLE_BIT(ROLE_MENTOR));
	CHECK_INT(meeting_open_to_run(&c, s.first, &m, &g), D_FORBIDDEN);
	c = as(&f, &w, s.people[1], ROLE_BIT(ROLE_PARTICIPANT));
	CHECK_INT(meeting_open_to_run(&c, s.first, &m, &g), D_FORBIDDEN);
	c = as(&f, &w, s.people[12], ROLE_BIT(ROLE_FACILITATOR));   /* not this group's */
	CHECK_INT(meeting_open_to_run(&c, s.first, &m, &g), D_NOTFOUND);
	CHECK_INT(meeting_open_to_run(&f.cb, s.first, &m, &g), D_NOTFOUND);
	fixture_close(&f);
}

/* status per person for meeting_attendance_save */
struct marks {
	long long bad_person;   /* gets "bogus" */
	long long empty_person; /* gets "" */
};

static const char *mark(void *arg, long long person_id)
{
	const struct marks *m = arg;
	return person_id == m->bad_person ? "bogus" : person_id == m->empty_person ? "" : "present";
}

TEST(meeting_attendance_save_is_all_or_nothing)
{
	FIXTURE(f);
	struct setup s;
	CHECK(setup(&f, &s));
	struct errors e = { 0 };
	struct enrolment *en;
	size_t n;
	CHECK_INT(store_enrolment_list(f.st, &f.a, f.org_a, s.group, &en, &n), ST_OK);
	CHECK_INT(n, 12);
	if (n != 12) {
		fixture_close(&f);
		return;
	}
	/* the last one wrong: the eleven before it are not kept either */
	struct marks bad = { en[n - 1].person_id, 0 };
	CHECK_INT(meeting_attendance_save(&f.c, s.first, mark, &bad, 2, &e), D_INVALID);
	CHECK_STR(errors_get(&e, "status"), "Choose present, absent with notice or absent.");
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM attendance WHERE meeting_id = %lld", s.first), 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM enrolment WHERE group_id = %lld AND status = 'active'", s.group), 0);

	/* all well: eleven present (and active), one not recorded */
	e.n = 0;
	struct marks good = { 0, en[0].person_id };
	CHECK_INT(meeting_attendance_save(&f.c, s.first, mark, &good, 3, &e), D_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM attendance WHERE meeting_id = %lld", s.first), 11);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM enrolment WHERE group_id = %lld AND status = 'active'", s.group), 11);

	/* a person left out is cleared */
	struct marks clear = { 0, en[1].person_id };
	CHECK_INT(meeting_attendance_save(&f.c, s.first, mark, &clear, 4, &e), D_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM attendance WHERE meeting_id = %lld AND person_id = %lld",
				s.first, en[1].person_id), 0);

	/* the mentor may not; another organisation does not find it: nothing changes */
	struct actor w;
	struct ctx c = as(&f, &w, s.people[14], ROLE_BIT(ROLE_MENTOR));
	struct marks none = { 0, 0 };
	long long before = fixture_query(&f, "SELECT count(*) FROM attendance WHERE meeting_id = %lld", s.first);
	CHECK_INT(meeting_attendance_save(&c, s.first, mark, &none, 5, &e), D_FORBIDDEN);
	CHECK_INT(meeting_attendance_save(&f.cb, s.first, mark, &none, 5, &e), D_NOTFOUND);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM attendance WHERE meeting_id = %lld", s.first), before);
	fixture_close(&f);
}

TEST(meeting_preparers_and_option_topic)
{
	FIXTURE(f);
	struct setup s;
	CHECK(setup(&f, &s));
	struct meeting m = { 0 };
	m.preparers = "3,14,152";
	CHECK(meeting_prepared_by(&m, 3));
	CHECK(meeting_prepared_by(&m, 14));
	CHECK(meeting_prepared_by(&m, 152));
	CHECK(!meeting_prepared_by(&m, 1));
	CHECK(!meeting_prepared_by(&m, 15));
	m.preparers = "";
	CHECK(!meeting_prepared_by(&m, 3));

	struct menu_option *o;
	size_t no;
	CHECK_INT(store_menu_option_list(f.st, &f.a, f.org_a, s.prog, &o, &no), ST_OK);
	CHECK(no > 0);
	if (no > 0) {
		CHECK_INT(menu_option_topic(&f.c, s.prog, o[no - 1].id), o[no - 1].topic_id);
		CHECK_INT(menu_option_topic(&f.cb, s.prog, o[no - 1].id), 0);   /* another organisation's */
	}
	CHECK_INT(menu_option_topic(&f.c, s.prog, 999999), 0);
	fixture_close(&f);
}

/* A series (the command line's `meeting plan --repeat`): every meeting
 * planned, each `every` days after the one before; or, when one of them
 * cannot be (the programme has no meeting of that number), none at all. */
TEST(meeting_plan_series_all_or_none)
{
	FIXTURE(f);
	struct setup s;
	CHECK(setup(&f, &s));
	struct errors e = { 0 };
	long long ids[4] = { 0 };
	struct meeting_when w = { "2026-03-02", "09:00", "17:00", "Leerhuis" };
	long long before = fixture_query(&f, "SELECT count(*) FROM meeting WHERE group_id = %lld", s.group);
	/* LiVe! has ten meetings: 9, 10 and an eleventh that does not exist */
	CHECK_INT(meeting_plan_series(&f.c, s.group, 9, 3, 14, &w, 1, &e, ids), D_INVALID);
	CHECK(errors_get(&e, "number") != NULL);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM meeting WHERE group_id = %lld", s.group), before);
	/* 2, 3, 4 and 5, two weeks apart */
	struct errors ok = { 0 };
	CHECK_INT(meeting_plan_series(&f.c, s.group, 2, 4, 14, &w, 1, &ok, ids), D_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM meeting WHERE group_id = %lld", s.group), before + 4);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM meeting WHERE id = %lld AND starts_on = '2026-03-02'", ids[0]), 1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM meeting WHERE id = %lld AND starts_on = '2026-04-13'", ids[3]), 1);
	/* another organisation's group is not found, and nothing is planned */
	struct errors none = { 0 };
	CHECK_INT(meeting_plan_series(&f.c, 999999, 1, 2, 7, &w, 1, &none, ids), D_NOTFOUND);
	fixture_close(&f);
}
