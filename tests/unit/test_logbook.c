/* test_logbook.c — the logbook's privacy rule in the domain layer, one
 * check per kind of reader, and the audit record of each read by another. */
#include "test.h"
#include "fixture.h"
#include "core/i18n.h"
#include "domain/group.h"
#include "domain/logbook.h"
#include "domain/programme.h"
#include "domain/role.h"
#include "store/group.h"
#include "store/store.h"

#include <stdio.h>

struct people {
	long long writer, peer, stranger, mentor, facilitator, coach;
	long long group, other;
};

static long long person(struct fixture *f, const char *emp)
{
	struct person p = { 0 };
	p.employee_id = (char *)emp;
	p.name = (char *)emp;
	p.active = 1;
	long long id = 0;
	return store_person_insert(f->st, f->org_a, &p, &id) ? -1 : id;
}

static bool setup(struct fixture *f, struct people *p)
{
	struct errors e = { 0 };
	long long prog, batch;
	i18n_use(LANG_EN);
	p->writer = person(f, "W");
	p->peer = person(f, "P");
	p->stranger = person(f, "S");
	p->mentor = person(f, "M");
	p->facilitator = person(f, "F");
	p->coach = person(f, "C");
	return programme_from_template(&f->c, "live", "L", &e, &prog) == D_OK &&
	       batch_create(&f->c, prog, "", &e, &batch) == D_OK && group_create(&f->c, batch, "A", &e, &p->group) == D_OK &&
	       group_create(&f->c, batch, "B", &e, &p->other) == D_OK &&
	       group_enrol(&f->c, p->group, (long long[]){ p->writer, p->peer }, 2, "2026-01-05", &e) == D_OK &&
	       group_enrol(&f->c, p->other, &p->stranger, 1, "2026-01-05", &e) == D_OK &&
	       group_staff(&f->c, p->group, p->mentor, p->facilitator, "proposed", &e) == D_OK;
}

/* Whether the person, with these roles, reads entry id. */
static bool reads(struct fixture *f, long long person_id, unsigned roles, long long id)
{
	struct actor w = { 0 };
	w.organisation_id = f->org_a;
	w.person_id = person_id;
	w.roles = roles;
	w.email = "t";
	struct ctx c = { f->st, &f->a, &w, 0 };
	struct logbook_entry e;
	return logbook_read(&c, id, &e) == D_OK;
}

TEST(logbook_private_shared_with_facilitator_with_group_and_back)
{
	FIXTURE(f);
	struct people p;
	CHECK(setup(&f, &p));
	struct actor me = f.who;
	me.person_id = p.writer;
	struct ctx c = { f.st, &f.a, &me, 0 };
	struct errors e = { 0 };
	struct logbook_entry x = { 0 };
	x.entry_date = "2026-11-20";
	x.energy_gave = "Mijn dag";
	long long id;
	CHECK_INT(logbook_save(&c, &x, 1, &e, &id), D_OK);
	const unsigned P = ROLE_BIT(ROLE_PARTICIPANT), M = ROLE_BIT(ROLE_MENTOR), F = ROLE_BIT(ROLE_FACILITATOR);
	const unsigned C = ROLE_BIT(ROLE_COACH), O = ROLE_BIT(ROLE_OWNER), A = ROLE_BIT(ROLE_ADMINISTRATOR);

	/* private: the writer only */
	CHECK(reads(&f, p.writer, P, id));
	CHECK(!reads(&f, p.peer, P, id));
	CHECK(!reads(&f, p.mentor, M, id));
	CHECK(!reads(&f, p.facilitator, F, id));
	CHECK(!reads(&f, p.coach, C | O | A, id));
	CHECK(!reads(&f, 0, ROLES_ALL, id));

	/* with the facilitator */
	CHECK_INT(logbook_share(&c, id, "facilitator", p.group, 2, &e), D_OK);
	CHECK(reads(&f, p.facilitator, F, id));
	CHECK(!reads(&f, p.mentor, M, id));
	CHECK(!reads(&f, p.peer, P, id));
	CHECK(!reads(&f, p.coach, C, id));

	/* with the group */
	CHECK_INT(logbook_share(&c, id, "group", p.group, 3, &e), D_OK);
	CHECK(reads(&f, p.peer, P, id));
	CHECK(reads(&f, p.mentor, M, id));
	CHECK(reads(&f, p.facilitator, F, id));
	CHECK(!reads(&f, p.stranger, P, id));
	CHECK(!reads(&f, p.coach, C | O | A, id));

	/* a stopped participant no longer reads what the group shares */
	struct enrolment *en;
	size_t n;
	CHECK_INT(store_enrolment_list(f.st, &f.a, f.org_a, p.group, &en, &n), ST_OK);
	for (size_t i = 0; i < n; i++)
		if (en[i].person_id == p.peer)
			CHECK_INT(enrolment_set_status(&f.c, en[i].id, "stopped", "2026-02-01", "other", "Weg", &e), D_OK);
	CHECK(!reads(&f, p.peer, P, id));

	/* back to private */
	CHECK_INT(logbook_share(&c, id, "private", 0, 4, &e), D_OK);
	CHECK(!reads(&f, p.mentor, M, id));
	CHECK(!reads(&f, p.facilitator, F, id));
	CHECK(reads(&f, p.writer, P, id));

	/* not in a group that is not the writer's */
	CHECK_INT(logbook_share(&c, id, "group", p.other, 5, &e), D_INVALID);
	CHECK_STR(errors_get(&e, "group_id"), "Share the entry in one of your own groups.");

	/* the other organisation never */
	struct actor b = f.who_b;
	b.person_id = p.writer;
	struct ctx cb = { f.st, &f.a, &b, 0 };
	struct logbook_entry out;
	CHECK_INT(logbook_read(&cb, id, &out), D_NOTFOUND);
	fixture_close(&f);
}

TEST(logbook_reads_by_others_are_audited)
{
	FIXTURE(f);
	struct people p;
	CHECK(setup(&f, &p));
	struct actor me = f.who;
	me.person_id = p.writer;
	struct ctx c = { f.st, &f.a, &me, 0 };
	struct errors e = { 0 };
	struct logbook_entry x = { 0 };
	x.entry_date = "2026-11-20";
	x.energy_cost = "Vermoeiend";
	long long id;
	CHECK_INT(logbook_save(&c, &x, 1, &e, &id), D_OK);
	CHECK_INT(logbook_share(&c, id, "group", p.group, 2, &e), D_OK);
	CHECK(reads(&f, p.writer, ROLE_BIT(ROLE_PARTICIPANT), id));
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'logbook.read'"), 0);
	CHECK(reads(&f, p.mentor, ROLE_BIT(ROLE_MENTOR), id));
	CHECK(reads(&f, p.peer, ROLE_BIT(ROLE_PARTICIPANT), id));
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'logbook.read' AND object_id = %lld", id), 2);
	/* the group's list of shared entries counts as reading them */
	struct actor fa = { 0 };
	fa.organisation_id = f.org_a;
	fa.person_id = p.facilitator;
	fa.email = "f";
	struct ctx cf = { f.st, &f.a, &fa, 0 };
	struct logbook_entry *list;
	size_t n;
	CHECK_INT(logbook_shared(&cf, p.group, &list, &n), D_OK);
	CHECK_INT(n, 1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'logbook.read'"), 3);
	/* a stranger's list is empty and reads nothing */
	fa.person_id = p.stranger;
	CHECK_INT(logbook_shared(&cf, p.group, &list, &n), D_OK);
	CHECK_INT(n, 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'logbook.read'"), 3);
	fixture_close(&f);
}

/* The entry page's view: the writer's own, with the groups to share in;
 * another reader gets neither. */
TEST(logbook_open_mine_and_where_to_share)
{
	FIXTURE(f);
	struct people p;
	CHECK(setup(&f, &p));
	struct actor me = f.who;
	me.person_id = p.writer;
	struct ctx c = { f.st, &f.a, &me, 0 };
	struct errors e = { 0 };
	struct logbook_entry x = { 0 };
	x.entry_date = "2026-11-20";
	x.energy_gave = "Mijn dag";
	long long id;
	CHECK_INT(logbook_save(&c, &x, 1, &e, &id), D_OK);
	struct logbook_view v;
	CHECK_INT(logbook_open(&c, id, &v), D_OK);
	CHECK(v.mine);
	CHECK_INT(v.ngroups, 1);
	if (v.ngroups == 1)
		CHECK_INT(v.groups[0].id, p.group);
	CHECK_INT(logbook_share(&c, id, "facilitator", p.group, 2, &e), D_OK);
	struct actor fa = { 0 };
	fa.organisation_id = f.org_a;
	fa.person_id = p.facilitator;
	fa.roles = ROLE_BIT(ROLE_FACILITATOR);
	fa.email = "t";
	struct ctx fc = { f.st, &f.a, &fa, 0 };
	CHECK_INT(logbook_open(&fc, id, &v), D_OK);
	CHECK(!v.mine);
	CHECK_INT(v.ngroups, 0);
	fa.person_id = p.peer;
	CHECK_INT(logbook_open(&fc, id, &v), D_NOTFOUND);
	/* an account without a person keeps no logbook */
	CHECK(logbook_kept(&c));
	fa.person_id = 0;
	CHECK(!logbook_kept(&fc));
	e.n = 0;
	CHECK_INT(logbook_save(&fc, &x, 3, &e, NULL), D_INVALID);
	fixture_close(&f);
}
