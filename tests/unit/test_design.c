/* test_design.c — a programme's design is reached through its programme:
 * a meeting, part, topic or option of another programme is not found and
 * stays untouched; an edited part, topic or option keeps its place; an
 * option goes under a topic of its own card only; frameworks' elements
 * through their own framework; a group with its pair made all or nothing;
 * and the API's group roster without what the actor may not see. */
#include "test.h"
#include "fixture.h"
#include "core/i18n.h"
#include "domain/design.h"
#include "domain/framework.h"
#include "domain/group.h"
#include "domain/group_roster.h"
#include "domain/programme.h"
#include "domain/role.h"

struct two {
	long long a, b;                  /* two LiVe! programmes */
	struct programme_design da, db;
};

static bool two_programmes(struct fixture *f, struct two *t)
{
	struct errors e = { 0 };
	i18n_use(LANG_EN);
	return programme_from_template(&f->c, "live", "LiVe! A", &e, &t->a) == D_OK &&
	       programme_from_template(&f->c, "live", "LiVe! B", &e, &t->b) == D_OK &&
	       design_get(&f->c, t->a, &t->da) == D_OK && design_get(&f->c, t->b, &t->db) == D_OK &&
	       t->da.nmeetings > 1 && t->da.nparts > 1 && t->da.ntopics > 1 && t->da.noptions > 1;
}

TEST(design_meeting_is_reached_through_its_own_programme)
{
	FIXTURE(f);
	struct two t;
	CHECK(two_programmes(&f, &t));
	struct design_meeting v;
	long long mid = t.da.meetings[0].id;
	CHECK_INT(design_meeting_open(&f.c, t.b, mid, &v), D_NOTFOUND);
	CHECK_INT(design_meeting_open(&f.c, t.a, mid, &v), D_OK);
	CHECK_INT(v.m.id, mid);
	CHECK_INT(v.p.id, t.a);
	/* only this meeting's parts, of all the programme's */
	size_t mine = 0;
	for (size_t i = 0; i < t.da.nparts; i++)
		mine += t.da.parts[i].programme_meeting_id == mid;
	CHECK(mine > 0 && mine < t.da.nparts);
	CHECK_INT(v.nparts, mine);
	for (size_t i = 0; i < v.nparts; i++)
		CHECK_INT(v.parts[i].programme_meeting_id, mid);
	/* the other organisation does not find it either */
	CHECK_INT(design_meeting_open(&f.cb, t.a, mid, &v), D_NOTFOUND);
	fixture_close(&f);
}

TEST(design_part_keeps_its_place_and_its_programme)
{
	FIXTURE(f);
	struct two t;
	CHECK(two_programmes(&f, &t));
	struct errors e = { 0 };
	struct script_part p = t.da.parts[1];
	int place = p.position;
	p.position = place + 50;  /* what a form might say: not read */
	p.title = "Nieuwe titel";
	CHECK_INT(design_part_save(&f.c, &p, "", "", &e, NULL), D_OK);
	struct programme_design d;
	CHECK_INT(design_get(&f.c, t.a, &d), D_OK);
	CHECK_STR(d.parts[1].title, "Nieuwe titel");
	CHECK_INT(d.parts[1].position, place);
	/* a part of A through a meeting of B: not found, and neither changed nor removed */
	p.programme_meeting_id = t.db.meetings[0].id;
	p.title = "Van B";
	CHECK_INT(design_part_save(&f.c, &p, "", "", &e, NULL), D_NOTFOUND);
	CHECK_INT(design_part_delete(&f.c, t.db.meetings[0].id, p.id), D_NOTFOUND);
	CHECK_INT(design_get(&f.c, t.a, &d), D_OK);
	CHECK_STR(d.parts[1].title, "Nieuwe titel");
	CHECK_INT(d.nparts, t.da.nparts);
	CHECK_INT(design_part_delete(&f.c, t.da.parts[1].programme_meeting_id, p.id), D_OK);
	CHECK_INT(design_get(&f.c, t.a, &d), D_OK);
	CHECK_INT(d.nparts, t.da.nparts - 1);
	fixture_close(&f);
}

TEST(design_topic_and_option_belong_to_their_card)
{
	FIXTURE(f);
	struct two t;
	CHECK(two_programmes(&f, &t));
	struct errors e = { 0 };
	/* a topic of A through B: not found, untouched */
	struct menu_topic tp = t.da.topics[1];
	int place = tp.position;
	tp.position = 0;
	tp.name = "Ander onderwerp";
	CHECK_INT(design_topic_save(&f.c, t.b, &tp, &e, NULL), D_NOTFOUND);
	CHECK_INT(design_topic_delete(&f.c, t.b, tp.id, &e), D_NOTFOUND);
	CHECK_INT(design_topic_save(&f.c, t.a, &tp, &e, NULL), D_OK);
	struct programme_design d;
	CHECK_INT(design_get(&f.c, t.a, &d), D_OK);
	CHECK_INT(d.ntopics, t.da.ntopics);
	CHECK_STR(d.topics[1].name, "Ander onderwerp");
	CHECK_INT(d.topics[1].position, place);

	/* a new option under a topic of B's card, saved for A: refused by name */
	struct menu_option o = { 0, t.db.topics[0].id, 0, "Gastspreker", "" };
	CHECK_INT(design_option_save(&f.c, t.a, &o, &e, NULL), D_INVALID);
	CHECK_STR(errors_get(&e, "topic_id"), "Add an option under one of the topics of this menu card.");
	e.n = 0;
	o.topic_id = t.da.topics[0].id;
	long long oid;
	CHECK_INT(design_option_save(&f.c, t.a, &o, &e, &oid), D_OK);

	/* saved again: keeps its topic, and its description when none is given */
	struct menu_option old = t.da.options[0];
	struct menu_option again = { old.id, t.da.topics[1].id, 0, "Hernoemd", NULL };
	CHECK_INT(design_option_save(&f.c, t.b, &again, &e, NULL), D_NOTFOUND);
	CHECK_INT(design_option_delete(&f.c, t.b, old.id, &e), D_NOTFOUND);
	CHECK_INT(design_option_save(&f.c, t.a, &again, &e, NULL), D_OK);
	CHECK_INT(design_get(&f.c, t.a, &d), D_OK);
	const struct menu_option *now = NULL;
	for (size_t i = 0; i < d.noptions; i++)
		if (d.options[i].id == old.id)
			now = &d.options[i];
	CHECK(now != NULL);
	if (now) {
		CHECK_STR(now->name, "Hernoemd");
		CHECK_INT(now->topic_id, old.topic_id);
		CHECK_INT(now->position, old.position);
		CHECK_STR(now->description, old.description);
	}
	CHECK_INT(d.noptions, t.da.noptions + 1);
	CHECK_INT(design_option_delete(&f.c, t.a, oid, &e), D_OK);
	fixture_close(&f);
}

TEST(framework_element_through_its_own_framework)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	CHECK_INT(framework_install_all(&f.c), D_OK);
	struct framework *fw;
	size_t n;
	CHECK_INT(framework_list(&f.c, &fw, &n), D_OK);
	CHECK(n >= 2);
	if (n < 2) {
		fixture_close(&f);
		return;
	}
	struct framework_view v0, v1;
	CHECK_INT(framework_open(&f.c, fw[0].id, &v0), D_OK);
	CHECK_INT(framework_open(&f.c, fw[1].id, &v1), D_OK);
	CHECK(v0.nelements > 0 && v1.nelements > 0);
	struct framework ff;
	struct framework_element el;
	long long eid = v0.elements[0].id;
	CHECK_INT(framework_element_open(&f.c, fw[0].id, eid, &ff, &el), D_OK);
	CHECK_INT(el.id, eid);
	CHECK_INT(framework_element_open(&f.c, fw[1].id, eid, &ff, &el), D_NOTFOUND);
	CHECK_INT(framework_element_open(&f.cb, fw[0].id, eid, &ff, &el), D_NOTFOUND);
	/* changed through another framework: not found, and the name stays */
	struct errors e = { 0 };
	struct framework_element ch = v0.elements[0];
	ch.framework_id = fw[1].id;
	ch.name = "Elders veranderd";
	CHECK_INT(framework_element_save(&f.c, &ch, &e, NULL), D_NOTFOUND);
	CHECK_INT(framework_element_open(&f.c, fw[0].id, eid, &ff, &el), D_OK);
	CHECK_STR(el.name, v0.elements[0].name);
	fixture_close(&f);
}

TEST(batch_group_add_makes_group_and_pair_together_or_not_at_all)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	struct errors e = { 0 };
	long long prog, batch, gid = 0;
	CHECK_INT(programme_from_template(&f.c, "live", "LiVe! G", &e, &prog), D_OK);
	CHECK_INT(batch_create(&f.c, prog, "", &e, &batch), D_OK);
	long long m = fixture_person(&f, "M1", "Mentor"), fa = fixture_person(&f, "F1", "Facilitator");
	CHECK(m > 0 && fa > 0);
	/* one person as both: the pair is refused, so the group is not made */
	CHECK_INT(batch_group_add(&f.c, batch, "Groep X", m, m, &e, &gid), D_INVALID);
	CHECK(errors_get(&e, "facilitator_id") != NULL);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM learning_group WHERE name = 'Groep X'"), 0);
	e.n = 0;
	CHECK_INT(batch_group_add(&f.c, batch, "Groep X", m, fa, &e, &gid), D_OK);
	struct learning_group g = { 0 };
	enum group_relation rel;
	CHECK_INT(group_open(&f.c, gid, &g, &rel), D_OK);
	CHECK_INT(g.mentor_id, m);
	CHECK_INT(g.facilitator_id, fa);
	CHECK_STR(g.pair_status, "proposed");
	struct batch b;
	CHECK_INT(batch_get(&f.c, batch, &b), D_OK);
	CHECK_INT(b.programme_id, prog);
	CHECK_INT(batch_get(&f.cb, batch, &b), D_NOTFOUND);
	fixture_close(&f);
}

TEST(group_roster_leaves_out_what_the_actor_may_not_see)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	struct errors e = { 0 };
	long long prog, batch, gid, people[3];
	CHECK_INT(programme_from_template(&f.c, "live", "LiVe! R", &e, &prog), D_OK);
	CHECK_INT(batch_create(&f.c, prog, "", &e, &batch), D_OK);
	CHECK_INT(group_create(&f.c, batch, "Groep R", &e, &gid), D_OK);
	people[0] = fixture_person(&f, "P1", "Een");
	people[1] = fixture_person(&f, "P2", "Twee");
	people[2] = fixture_person(&f, "P3", "Drie");
	CHECK_INT(group_enrol(&f.c, gid, people, 3, "2026-01-05", &e), D_OK);
	struct group_roster v;
	CHECK_INT(group_roster(&f.c, gid, &v), D_OK);  /* the coach sees everything */
	CHECK_INT(v.nenrolments, 3);
	CHECK(v.show_status && v.show_stops);
	CHECK(v.enrolments[0].status != NULL && v.enrolments[0].id > 0);
	struct actor who = { 0 };
	who.organisation_id = f.org_a;
	who.roles = ROLE_BIT(ROLE_PARTICIPANT);
	who.person_id = people[1];
	struct ctx c = { f.st, &f.a, &who, 0 };
	CHECK_INT(group_roster(&c, gid, &v), D_OK);
	CHECK_INT(v.rel, REL_PARTICIPANT);
	CHECK(!v.show_status && !v.show_stops);
	CHECK_INT(v.nenrolments, 3);
	for (size_t i = 0; i < v.nenrolments; i++) {
		CHECK(v.enrolments[i].status == NULL);
		CHECK(v.enrolments[i].stop_reason == NULL);
		CHECK_INT(v.enrolments[i].id, 0);
	}
	who.person_id = fixture_person(&f, "P4", "Vier");  /* not in the group */
	CHECK_INT(group_roster(&c, gid, &v), D_NOTFOUND);
	fixture_close(&f);
}
