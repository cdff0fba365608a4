/* test_intake.c — the learning question (the participant's own, every
 * version kept) and the intake, with who reads and who records them. */
#include "test.h"
#include "fixture.h"
#include "core/i18n.h"
#include "domain/group.h"
#include "domain/intake.h"
#include "domain/programme.h"
#include "store/group.h"
#include "store/intake.h"
#include "store/store.h"

static long long person(struct fixture *f, const char *emp)
{
	struct person p = { 0 };
	p.employee_id = (char *)emp;
	p.name = (char *)emp;
	p.active = 1;
	long long id = 0;
	return store_person_insert(f->st, f->org_a, &p, &id) ? -1 : id;
}

static struct ctx as(struct fixture *f, struct actor *w, long long person_id)
{
	*w = (struct actor){ 0 };
	w->organisation_id = f->org_a;
	w->person_id = person_id;
	w->email = "t";
	return (struct ctx){ f->st, &f->a, w, 0 };
}

TEST(intake_question_history_and_readers)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	struct errors e = { 0 };
	long long prog, batch, g, other;
	long long writer = person(&f, "W"), peer = person(&f, "P"), mentor = person(&f, "M"), fac = person(&f, "F"),
		  stranger = person(&f, "S"), other_fac = person(&f, "OF");
	CHECK_INT(programme_from_template(&f.c, "live", "L", &e, &prog), D_OK);
	CHECK_INT(batch_create(&f.c, prog, "", &e, &batch), D_OK);
	CHECK_INT(group_create(&f.c, batch, "A", &e, &g), D_OK);
	CHECK_INT(group_create(&f.c, batch, "B", &e, &other), D_OK);
	CHECK_INT(group_enrol(&f.c, g, (long long[]){ writer, peer }, 2, "2026-01-05", &e), D_OK);
	CHECK_INT(group_enrol(&f.c, other, &stranger, 1, "2026-01-05", &e), D_OK);
	CHECK_INT(group_staff(&f.c, g, mentor, fac, "proposed", &e), D_OK);
	CHECK_INT(group_staff(&f.c, other, 0, other_fac, "proposed", &e), D_OK);

	struct actor w;
	struct ctx c = as(&f, &w, writer);
	CHECK_INT(question_write(&c, g, " \n ", 1, &e, NULL), D_INVALID);
	CHECK_STR(errors_get(&e, "question"), "Write your learning question in your own words.");
	e.n = 0;
	CHECK_INT(question_write(&c, g, "Eerste versie", 1, &e, NULL), D_OK);
	CHECK_INT(question_write(&c, g, "Tweede versie", 2, &e, NULL), D_OK);
	CHECK_INT(question_write(&c, other, "Elders", 3, &e, NULL), D_NOTFOUND);
	struct learning_question *q;
	size_t n;
	CHECK_INT(question_history(&c, writer, g, &q, &n), D_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(q[0].text, "Tweede versie");
		CHECK_STR(q[1].text, "Eerste versie");
	}
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'learning_question.read'"), 0);
	/* readers: facilitator and mentor (logged); not a peer, a stranger, another facilitator */
	struct actor r;
	struct ctx rc = as(&f, &r, fac);
	CHECK_INT(question_history(&rc, writer, g, &q, &n), D_OK);
	rc = as(&f, &r, mentor);
	CHECK_INT(question_history(&rc, writer, g, &q, &n), D_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'learning_question.read'"), 2);
	long long nobody[] = { peer, stranger, other_fac, 0 };
	for (int i = 0; i < 4; i++) {
		rc = as(&f, &r, nobody[i]);
		CHECK_INT(question_history(&rc, writer, g, &q, &n), D_NOTFOUND);
	}
	CHECK_INT(question_history(&f.cb, writer, g, &q, &n), D_NOTFOUND);

	/* the intake: recorded by the facilitator or mentor, read by the participant too */
	struct enrolment *en;
	size_t ne;
	CHECK_INT(store_enrolment_list(f.st, &f.a, f.org_a, g, &en, &ne), ST_OK);
	long long place = 0;
	for (size_t i = 0; i < ne; i++)
		if (en[i].person_id == writer)
			place = en[i].id;
	CHECK_INT(intake_save(&c, place, "2026-01-02", "Zelf?", 1, &e), D_FORBIDDEN);
	rc = as(&f, &r, other_fac);
	CHECK_INT(intake_save(&rc, place, "2026-01-02", "Ander", 1, &e), D_FORBIDDEN);
	rc = as(&f, &r, fac);
	CHECK_INT(intake_save(&rc, place, "2026-01-32", "x", 1, &e), D_INVALID);
	e.n = 0;
	CHECK_INT(intake_save(&rc, place, "2026-01-02", "Verwacht gesprekken", 1, &e), D_OK);
	struct intake in;
	CHECK_INT(intake_read(&c, place, &in), D_OK);
	CHECK_STR(in.expectations, "Verwacht gesprekken");
	rc = as(&f, &r, peer);
	CHECK_INT(intake_read(&rc, place, &in), D_NOTFOUND);

	/* the closing talk: offered by the facilitator or mentor, written by the participant */
	e.n = 0;
	CHECK_INT(closing_write(&c, place, "Te vroeg", "", 1, &e), D_INVALID);
	CHECK_STR(errors_get(&e, "learning_yield"), "The closing talk has not been offered yet; it is offered at the last meeting.");
	e.n = 0;
	CHECK_INT(closing_record(&c, place, "2026-06-01", "open", "", 1, &e), D_FORBIDDEN);
	rc = as(&f, &r, mentor);
	CHECK_INT(closing_record(&rc, place, "2026-06-01", "held", "2026-05-01", 1, &e), D_INVALID);
	CHECK_STR(errors_get(&e, "talk_held_on"), "The talk cannot be held before it was offered.");
	e.n = 0;
	CHECK_INT(closing_record(&rc, place, "2026-06-01", "open", "", 1, &e), D_OK);
	CHECK_INT(closing_write(&c, place, "Eerst vragen", "Verder met intervisie", 2, &e), D_OK);
	CHECK_INT(closing_write(&rc, place, "Niet van de mentor", "", 3, &e), D_NOTFOUND);
	CHECK_INT(closing_record(&rc, place, "2026-06-01", "held", "2026-06-15", 4, &e), D_OK);
	struct closing_talk t;
	long long logged = fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'closing_talk.read'");
	CHECK_INT(closing_read(&rc, place, &t), D_OK);
	CHECK_STR(t.learning_yield, "Eerst vragen");
	CHECK_STR(t.outcome, "held");
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'closing_talk.read'"), logged + 1);
	rc = as(&f, &r, peer);
	CHECK_INT(closing_read(&rc, place, &t), D_NOTFOUND);
	long long offered, held, declined;
	CHECK_INT(store_closing_counts(f.st, f.org_a, g, &offered, &held, &declined), ST_OK);
	CHECK(offered == 1 && held == 1 && declined == 0);
	fixture_close(&f);
}

/* The intake page's view: for the participant and the group's facilitator
 * and mentor only, with whose it is and who holds the intake. */
TEST(intake_open_for_its_readers_only)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	struct errors e = { 0 };
	long long prog, batch, g;
	long long writer = person(&f, "W"), peer = person(&f, "P"), mentor = person(&f, "M"), fac = person(&f, "F");
	CHECK_INT(programme_from_template(&f.c, "live", "L", &e, &prog), D_OK);
	CHECK_INT(batch_create(&f.c, prog, "", &e, &batch), D_OK);
	CHECK_INT(group_create(&f.c, batch, "A", &e, &g), D_OK);
	CHECK_INT(group_enrol(&f.c, g, (long long[]){ writer, peer }, 2, "2026-01-05", &e), D_OK);
	CHECK_INT(group_staff(&f.c, g, mentor, fac, "proposed", &e), D_OK);
	struct enrolment *en;
	size_t ne;
	CHECK_INT(store_enrolment_list(f.st, &f.a, f.org_a, g, &en, &ne), ST_OK);
	long long place = 0;
	for (size_t i = 0; i < ne; i++)
		if (en[i].person_id == writer)
			place = en[i].id;
	struct actor r;
	struct ctx rc = as(&f, &r, fac);
	CHECK_INT(intake_save(&rc, place, "2026-01-02", "Verwacht gesprekken", 1, &e), D_OK);

	struct intake_view v;
	CHECK_INT(intake_open(&rc, place, &v), D_OK);
	CHECK(v.holds_intake);
	CHECK(!v.mine);
	CHECK(v.held);
	CHECK_STR(v.intake.expectations, "Verwacht gesprekken");
	CHECK(!v.offered);
	rc = as(&f, &r, writer);
	CHECK_INT(intake_open(&rc, place, &v), D_OK);
	CHECK(v.mine);
	CHECK(!v.holds_intake);
	rc = as(&f, &r, mentor);
	CHECK_INT(intake_open(&rc, place, &v), D_OK);
	CHECK(v.holds_intake);
	rc = as(&f, &r, peer);
	CHECK_INT(intake_open(&rc, place, &v), D_NOTFOUND);
	CHECK_INT(intake_open(&f.cb, place, &v), D_NOTFOUND);
	CHECK_INT(intake_open(&f.c, 999999, &v), D_NOTFOUND);
	fixture_close(&f);
}
