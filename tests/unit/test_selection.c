/* test_selection.c — ranking candidates against a weighted competency
 * profile. Expected values worked out by hand in the comments. */
#include "test.h"
#include "fixture.h"
#include "core/i18n.h"
#include "domain/role.h"
#include "domain/selection.h"
#include "store/design.h"
#include "store/selection.h"
#include "store/store.h"

#include <math.h>

TEST(selection_weighted_mean_and_shared_ranks)
{
	struct selection_criterion c[] = { { 1, 1, 3, "Begeleiden vanuit de leervraag" }, { 2, 2, 1, "Verslaglegging" } };
	struct selection_candidate k[] = {
		{ 10, 100, "Bram", "X1", "" }, { 11, 101, "Anouk", "X2", "" }, { 12, 102, "Daan", "X3", "" },
		{ 13, 103, "Charlotte", "X4", "" },
	};
	struct selection_score s[] = {
		{ 10, 1, 5 }, { 10, 2, 1 },   /* Bram: (3*5 + 1*1) / 4 = 4.00 */
		{ 11, 1, 4 }, { 11, 2, 4 },   /* Anouk: (3*4 + 1*4) / 4 = 4.00, the same: shares rank 1 */
		{ 12, 1, 3 },                 /* Daan: 3*3 / 3 = 3.00, one of two criteria scored */
		{ 99, 1, 5 },                 /* another candidate's score: ignored */
	};                                    /* Charlotte: nothing scored, last, no rank */
	struct selection_rank r[4];
	selection_rank(c, 2, k, 4, s, 5, r);
	CHECK_STR(r[0].candidate->name, "Anouk");
	CHECK_STR(r[1].candidate->name, "Bram");
	CHECK(fabs(r[0].score - 4.0) < 1e-12 && fabs(r[1].score - 4.0) < 1e-12);
	CHECK_INT(r[0].rank, 1);
	CHECK_INT(r[1].rank, 1);
	CHECK_STR(r[2].candidate->name, "Daan");
	CHECK(fabs(r[2].score - 3.0) < 1e-12);
	CHECK_INT(r[2].scored, 1);
	CHECK_INT(r[2].rank, 3);
	CHECK_STR(r[3].candidate->name, "Charlotte");
	CHECK_INT(r[3].scored, 0);
	CHECK_INT(r[3].rank, 0);
	/* weights matter: with B weighing 9, Anouk (4*3+4*9)/12 = 4.00 beats Bram (15+9)/12 = 2.00 */
	c[1].weight = 9;
	selection_rank(c, 2, k, 4, s, 5, r);
	CHECK_STR(r[0].candidate->name, "Anouk");
	CHECK(fabs(r[1].score - 3.0) < 1e-12);  /* Daan 3.00 now second */
	CHECK_STR(r[2].candidate->name, "Bram");
	CHECK(fabs(r[2].score - 2.0) < 1e-12);
	CHECK_INT(r[2].rank, 3);
}

TEST(selection_changes_are_checked_and_scoped)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	long long prog = 0;
	struct programme p = { 0 };
	p.name = "P";
	p.shape = "meeting_series";
	p.group_min = 10;
	p.group_max = 14;
	CHECK_INT(store_programme_add(f.st, f.org_a, &p, &prog), ST_OK);
	struct person x = { 0 };
	x.employee_id = "X1";
	x.name = "Extern";
	x.active = 1;
	CHECK_INT(store_person_insert(f.st, f.org_a, &x, NULL), ST_OK);
	struct errors e = { 0 };
	CHECK_INT(selection_criterion_add(&f.c, prog, "facilitator", "", "11", &e, NULL), D_INVALID);
	CHECK_INT(e.n, 2);
	CHECK_STR(errors_get(&e, "weight"), "Give the weight as a whole number from 1 to 10.");
	e.n = 0;
	CHECK_INT(selection_criterion_add(&f.c, prog, "facilitator", "Reflectie", "3", &e, NULL), D_OK);
	CHECK_INT(selection_criterion_add(&f.c, prog, "trainer", "Reflectie", "3", &e, NULL), D_NOTFOUND);
	CHECK_INT(selection_candidate_add(&f.c, prog, "facilitator", "X1", &e, NULL), D_OK);
	CHECK_INT(selection_candidate_add(&f.c, prog, "facilitator", "X1", &e, NULL), D_INVALID);
	CHECK_STR(errors_get(&e, "employee_id"), "Extern is a candidate already.");
	e.n = 0;
	CHECK_INT(selection_candidate_add(&f.c, prog, "facilitator", "nobody", &e, NULL), D_INVALID);
	struct selection_criterion *c;
	struct selection_candidate *k;
	size_t nc, nk;
	CHECK_INT(store_criterion_list(f.st, &f.a, f.org_a, prog, "facilitator", &c, &nc), ST_OK);
	CHECK_INT(store_candidate_list(f.st, &f.a, f.org_a, prog, "facilitator", &k, &nk), ST_OK);
	CHECK_INT(nc, 1);
	CHECK_INT(nk, 1);
	if (nc == 1 && nk == 1) {
		e.n = 0;
		CHECK_INT(selection_score(&f.c, prog, k[0].id, c[0].id, "6", &e), D_INVALID);
		CHECK_STR(errors_get(&e, "score"), "Give scores from 1 to 5, or leave them empty.");
		e.n = 0;
		CHECK_INT(selection_score(&f.c, prog, k[0].id, c[0].id, "4", &e), D_OK);
		/* from the other organisation: not found, nothing changed */
		CHECK_INT(selection_score(&f.cb, prog, k[0].id, c[0].id, "1", &e), D_NOTFOUND);
		CHECK_INT(selection_criterion_add(&f.cb, prog, "facilitator", "Van B", "1", &e, NULL), D_NOTFOUND);
		struct selection_score *s;
		size_t ns;
		CHECK_INT(store_score_list(f.st, &f.a, f.org_a, prog, "facilitator", &s, &ns), ST_OK);
		CHECK(ns == 1 && s[0].score == 4);
		CHECK_INT(selection_score(&f.c, prog, k[0].id, c[0].id, "", &e), D_OK);
		CHECK_INT(store_score_list(f.st, &f.a, f.org_a, prog, "facilitator", &s, &ns), ST_OK);
		CHECK_INT(ns, 0);
	}
	fixture_close(&f);
}

/* A score per criterion: "4" for the first, the second as given. */
struct two_scores {
	long long first;
	const char *second;
};

static const char *score_of(void *arg, long long candidate_id, long long criterion_id)
{
	const struct two_scores *t = arg;
	(void)candidate_id;
	return criterion_id == t->first ? "4" : t->second;
}

TEST(selection_view_and_scores_saved_all_or_nothing)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	long long prog = 0;
	struct programme p = { 0 };
	p.name = "P";
	p.shape = "meeting_series";
	p.group_min = 10;
	p.group_max = 14;
	CHECK_INT(store_programme_add(f.st, f.org_a, &p, &prog), ST_OK);
	struct person x = { 0 };
	x.employee_id = "X1";
	x.name = "Extern";
	x.active = 1;
	CHECK_INT(store_person_insert(f.st, f.org_a, &x, NULL), ST_OK);
	struct errors e = { 0 };
	CHECK_INT(selection_criterion_add(&f.c, prog, "facilitator", "Reflectie", "3", &e, NULL), D_OK);
	CHECK_INT(selection_criterion_add(&f.c, prog, "facilitator", "Verslag", "1", &e, NULL), D_OK);
	CHECK_INT(selection_candidate_add(&f.c, prog, "facilitator", "X1", &e, NULL), D_OK);

	struct selection_view v;
	CHECK_INT(selection_open(&f.c, prog, "facilitator", &v), D_OK);
	CHECK(v.may_change);   /* the fixture's actor holds the coach role */
	CHECK_INT(v.ncriteria, 2);
	CHECK_INT(v.ncandidates, 1);
	CHECK_INT(selection_open(&f.c, prog, "trainer", &v), D_NOTFOUND);
	CHECK_INT(selection_open(&f.cb, prog, "facilitator", &v), D_NOTFOUND);
	struct actor owner = f.who;
	owner.roles = ROLE_BIT(ROLE_OWNER);
	struct ctx oc = { f.st, &f.a, &owner, 0 };
	CHECK_INT(selection_open(&oc, prog, "facilitator", &v), D_OK);
	CHECK(!v.may_change);
	CHECK_STR(v.candidates[0].name, "Extern");

	/* the second score wrong: the first is not kept either */
	struct two_scores t = { v.criteria[0].id, "9" };
	CHECK_INT(selection_scores_save(&f.c, prog, "facilitator", score_of, &t, &e), D_INVALID);
	CHECK_STR(errors_get(&e, "score"), "Give scores from 1 to 5, or leave them empty.");
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM selection_score"), 0);
	e.n = 0;
	t.second = "2";
	CHECK_INT(selection_scores_save(&f.c, prog, "facilitator", score_of, &t, &e), D_OK);
	CHECK_INT(selection_open(&f.c, prog, "facilitator", &v), D_OK);
	CHECK_INT(selection_score_in(&v, v.candidates[0].id, v.criteria[0].id), 4);
	CHECK_INT(selection_score_in(&v, v.candidates[0].id, v.criteria[1].id), 2);
	CHECK_INT(v.rank[0].scored, 2);   /* (3*4 + 1*2) / 4 = 3.5 */
	CHECK(fabs(v.rank[0].score - 3.5) < 1e-12);
	CHECK_INT(selection_scores_save(&f.cb, prog, "facilitator", score_of, &t, &e), D_NOTFOUND);
	fixture_close(&f);
}
