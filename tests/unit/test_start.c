/* test_start.c — the start page (domain/start.c): each thing it asks of a
 * participant, facilitator, mentor, coach and administrator appears when it
 * is to be done and goes when it is done, only for whom it is, and never
 * from another organisation. The clock is fixed (ctx.now). */
#include "test.h"
#include "fixture.h"
#include "core/compiler.h"
#include "core/i18n.h"
#include "domain/group.h"
#include "domain/intake.h"
#include "domain/logbook.h"
#include "domain/meeting.h"
#include "domain/plan.h"
#include "domain/programme.h"
#include "domain/report.h"
#include "domain/role.h"
#include "domain/start.h"
#include "store/group.h"
#include "store/store.h"

#include <string.h>

#define NOW 1773144000LL  /* 2026-03-10 12:00 UTC */

static long long person(struct fixture *f, long long org, const char *emp, const char *name, const char *email)
{
	struct person p = { 0 };
	p.employee_id = (char *)emp;
	p.name = (char *)name;
	p.email = (char *)email;
	p.active = 1;
	long long id = 0;
	return store_person_insert(f->st, org, &p, &id) ? -1 : id;
}

static struct ctx as(struct fixture *f, struct actor *w, long long org, long long person_id, unsigned roles)
{
	memset(w, 0, sizeof(*w));
	w->organisation_id = org;
	w->person_id = person_id;
	w->roles = roles;
	w->email = "t";
	return (struct ctx){ f->st, &f->a, w, NOW };
}

/* How many things of this kind the start page asks of the actor. */
static size_t asked(struct ctx *c, enum start_kind kind)
{
	struct start_page p;
	if (start_page_read(c, &p))
		return (size_t)-1;
	size_t k = 0;
	for (size_t i = 0; i < p.ntodo; i++) {
		k += p.todo[i].kind == kind;
		if (!p.todo[i].href || !*p.todo[i].href || !p.todo[i].text || !*p.todo[i].text)
			return (size_t)-2;
	}
	return k;
}

struct world {
	long long anna, bob, fac, mentor, coach, group, meeting, other_group;
};

static bool setup(struct fixture *f, struct world *x)
{
	struct errors e = { 0 };
	long long prog, batch;
	struct actor w;
	struct ctx c = as(f, &w, f->org_a, 0, ROLE_BIT(ROLE_COACH));
	i18n_use(LANG_EN);
	x->anna = person(f, f->org_a, "A", "Anna Jansen", "anna@example.org");
	x->bob = person(f, f->org_a, "B", "Bob Peters", "");
	x->fac = person(f, f->org_a, "F", "Frank Mulder", "frank@example.org");
	x->mentor = person(f, f->org_a, "M", "Mira Smit", "mira@example.org");
	x->coach = person(f, f->org_a, "C", "Carla de Boer", "carla@example.org");
	struct meeting_when past = { "2026-03-03", "09:00", "12:00", "" };
	return programme_from_template(&c, "live", "L", &e, &prog) == D_OK && batch_create(&c, prog, "", &e, &batch) == D_OK &&
	       group_create(&c, batch, "Leergroep A", &e, &x->group) == D_OK &&
	       group_enrol(&c, x->group, &x->anna, 1, "2026-01-05", &e) == D_OK &&
	       group_staff(&c, x->group, x->mentor, x->fac, "proposed", &e) == D_OK &&
	       meeting_plan(&c, x->group, 1, &past, NOW, &e, &x->meeting) == D_OK;
}

TEST(start_participant_asked_until_done)
{
	FIXTURE(f);
	struct world x;
	CHECK(setup(&f, &x));
	struct actor wa, wb;
	struct ctx anna = as(&f, &wa, f.org_a, x.anna, ROLE_BIT(ROLE_PARTICIPANT));
	struct ctx bob = as(&f, &wb, f.org_a, x.bob, ROLE_BIT(ROLE_PARTICIPANT));
	struct errors e = { 0 };
	CHECK_INT(asked(&anna, START_QUESTION), 1);
	CHECK_INT(asked(&anna, START_PLAN), 1);
	CHECK_INT(asked(&anna, START_LOGBOOK), 0);  /* registered, not yet active */
	CHECK_INT(asked(&bob, START_QUESTION), 0);  /* not in a group */
	CHECK_INT(question_write(&anna, x.group, "Hoe houd ik het gesprek open?", NOW, &e, NULL), D_OK);
	CHECK_INT(asked(&anna, START_QUESTION), 0);
	struct development_goal g = { 0 };
	g.text = "Elke week om feedback vragen";
	g.measure = "vijf gesprekken";
	g.due_on = "2026-03-20";  /* within two weeks of 2026-03-10 */
	g.elements = "";
	CHECK_INT(plan_goal_save(&anna, x.group, &g, NOW, &e, NULL), D_OK);
	CHECK_INT(asked(&anna, START_PLAN), 0);
	CHECK_INT(asked(&anna, START_GOAL_DUE), 1);
	/* active: the logbook is asked for until an entry of this week */
	struct enrolment *en;
	size_t n;
	struct actor wc;
	struct ctx coach = as(&f, &wc, f.org_a, 0, ROLE_BIT(ROLE_COACH));
	CHECK_INT(store_enrolment_list(f.st, &f.a, f.org_a, x.group, &en, &n), ST_OK);
	CHECK(n == 1);
	if (n == 1)
		CHECK_INT(enrolment_set_status(&coach, en[0].id, "active", "2026-01-12", NULL, "", &e), D_OK);
	CHECK_INT(asked(&anna, START_LOGBOOK), 1);
	struct logbook_entry le = { 0 };
	le.entry_date = "2026-02-01";  /* too long ago */
	le.energy_gave = "Het teamoverleg";
	le.energy_cost = le.body = le.tags = "";
	long long id;
	CHECK_INT(logbook_save(&anna, &le, NOW, &e, &id), D_OK);
	CHECK_INT(asked(&anna, START_LOGBOOK), 1);
	le.entry_date = "2026-03-09";
	CHECK_INT(logbook_save(&anna, &le, NOW, &e, &id), D_OK);
	CHECK_INT(asked(&anna, START_LOGBOOK), 0);
	CHECK_INT(asked(&bob, START_LOGBOOK), 0);
	fixture_close(&f);
}

TEST(start_facilitator_and_mentor_asked_until_done)
{
	FIXTURE(f);
	struct world x;
	CHECK(setup(&f, &x));
	struct actor wf, wm, wa;
	struct ctx fac = as(&f, &wf, f.org_a, x.fac, ROLE_BIT(ROLE_FACILITATOR));
	struct ctx mentor = as(&f, &wm, f.org_a, x.mentor, ROLE_BIT(ROLE_MENTOR));
	struct ctx anna = as(&f, &wa, f.org_a, x.anna, ROLE_BIT(ROLE_PARTICIPANT));
	struct errors e = { 0 };
	/* the group has no active participant yet: no attendance to record */
	CHECK_INT(asked(&fac, START_ATTENDANCE), 0);
	CHECK_INT(asked(&fac, START_REPORT), 1);
	CHECK_INT(asked(&fac, START_INTAKE), 1);
	CHECK_INT(asked(&mentor, START_INTAKE), 1);
	CHECK_INT(asked(&mentor, START_REPORT), 0);  /* the facilitator writes it */
	CHECK_INT(asked(&anna, START_REPORT), 0);
	struct enrolment *en;
	size_t n;
	CHECK_INT(store_enrolment_list(f.st, &f.a, f.org_a, x.group, &en, &n), ST_OK);
	CHECK(n == 1);
	if (n != 1) {
		fixture_close(&f);
		return;
	}
	struct actor wc;
	struct ctx coach = as(&f, &wc, f.org_a, 0, ROLE_BIT(ROLE_COACH));
	CHECK_INT(enrolment_set_status(&coach, en[0].id, "active", "2026-01-12", NULL, "", &e), D_OK);
	CHECK_INT(asked(&fac, START_ATTENDANCE), 1);
	CHECK_INT(attendance_record(&fac, x.meeting, x.anna, "present", NOW, &e), D_OK);
	CHECK_INT(asked(&fac, START_ATTENDANCE), 0);
	struct report_texts t = { "", "Vertrouwen in het team", "", "", NULL };
	CHECK_INT(report_save(&fac, x.meeting, &t, NOW, &e, NULL), D_OK);
	CHECK_INT(asked(&fac, START_REPORT), 1);  /* a draft is not done */
	CHECK_INT(report_publish(&fac, x.meeting, true, NOW, &e), D_OK);
	CHECK_INT(asked(&fac, START_REPORT), 0);
	CHECK_INT(intake_save(&mentor, en[0].id, "2026-01-10", "Wil leren luisteren", NOW, &e), D_OK);
	CHECK_INT(asked(&mentor, START_INTAKE), 0);
	CHECK_INT(asked(&fac, START_INTAKE), 0);
	fixture_close(&f);
}

TEST(start_coach_and_administrator_only_of_their_organisation)
{
	FIXTURE(f);
	struct world x;
	CHECK(setup(&f, &x));
	struct actor wc, wd, wb, wadm;
	struct ctx coach = as(&f, &wc, f.org_a, x.coach, ROLE_BIT(ROLE_COACH));
	struct ctx admin = as(&f, &wd, f.org_a, 0, ROLE_BIT(ROLE_ADMINISTRATOR));
	struct ctx coach_b = as(&f, &wb, f.org_b, 0, ROLE_BIT(ROLE_COACH));
	struct ctx admin_b = as(&f, &wadm, f.org_b, 0, ROLE_BIT(ROLE_ADMINISTRATOR));
	struct errors e = { 0 };
	/* the pair was proposed and the first meeting held: to confirm */
	CHECK_INT(asked(&coach, START_STAFFING), 1);
	CHECK_INT(asked(&coach_b, START_STAFFING), 0);
	CHECK_INT(group_staff(&coach, x.group, x.mentor, x.fac, "confirmed", &e), D_OK);
	CHECK_INT(asked(&coach, START_STAFFING), 0);
	/* one participant where the LiVe! programme asks 10 to 14: asked
	 * while the group has meetings to come, not of a group that is done */
	CHECK_INT(asked(&coach, START_GROUP_SIZE), 0);
	struct meeting_when next = { "2026-03-17", "09:00", "12:00", "" };
	long long m2;
	CHECK_INT(meeting_plan(&coach, x.group, 2, &next, NOW, &e, &m2), D_OK);
	CHECK_INT(asked(&coach, START_GROUP_SIZE), 1);
	CHECK_INT(asked(&coach_b, START_GROUP_SIZE), 0);
	/* four people of A have an address and no account; none of B */
	struct start_page p;
	CHECK_INT(start_page_read(&admin, &p), D_OK);
	CHECK(p.ntodo == 1 && p.todo[0].kind == START_NO_ACCOUNT && strstr(p.todo[0].text, "4 people") != NULL);
	CHECK_INT(asked(&admin_b, START_NO_ACCOUNT), 0);
	CHECK_INT(asked(&coach, START_NO_ACCOUNT), 0);  /* an administrator's */
	fixture_close(&f);
}
