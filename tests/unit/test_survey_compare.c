/* test_survey_compare.c — comparisons of questionnaire answers through the
 * domain (domain/survey_compare.h): groups compared by ANOVA and t-tests, two waves
 * paired by person (and not paired when a wave is anonymous), and the
 * benchmark against at least 5 other organisations that take part.
 *
 * Reference values: R 4.2.2 on the scores below (each respondent answers
 * every Likert item of the LiVe! final evaluation with one value, so every
 * item's score is that value):
 *   a <- c(2,3,3,4,2,3); b <- c(3,4,4,5,3,4,4); cc <- c(1,2,2,3,2,1,2,3)
 *   summary(aov(c(a,b,cc) ~ factor(rep(c("A","B","C"), c(6,7,8)))))
 *     F = 11.963144963145, p = 0.000495535356614602,
 *     eta2 = 12.88095238095239 / (12.88095238095239 + 9.69047619047618) = 0.570675105485233
 *   t.test(a, b): t = -2.5399803835696, df = 10.3305751447093, p = 0.0286972647026069
 *   t.test(a, b, var.equal = TRUE): t = -2.55855154951814, df = 11, p = 0.0265871082176783
 *   Cohen's d (pooled SD) = -1.42344667562025
 *   pre <- c(2,3,3,4,2,3,4); post <- c(3,3,4,5,3,3,5)
 *   t.test(post, pre, paired = TRUE): t = 3.87298334620742, df = 6, p = 0.00823735414510809,
 *     mean difference 0.714285714285714, dz = 1.4638501094228
 *   t.test(post, pre): t = 1.50755672288882, df = 11.7307001795332, p = 0.158117410945158 */
#include "test.h"
#include "fixture.h"
#include "core/i18n.h"
#include "domain/group.h"
#include "domain/programme.h"
#include "domain/role.h"
#include "domain/survey.h"
#include "domain/survey_compare.h"
#include "domain/unit.h"
#include "store/instrument.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void near(const char *file, int line, const char *expr, double got, double want)
{
	double d = fabs(got - want);
	if (d <= 1e-9 * fmax(fabs(got), fabs(want)))
		test_pass();
	else
		test_fail(file, line, "%s = %.17g, R gives %.17g", expr, got, want);
}
#define NEAR(got, want) near(__FILE__, __LINE__, #got, (got), (want))

static long long person(struct fixture *f, struct ctx *c, const char *emp, long long unit)
{
	struct person p = { 0 };
	p.employee_id = (char *)emp;
	p.name = (char *)emp;
	p.unit_id = unit;
	p.active = 1;
	long long id = 0;
	return store_person_insert(f->st, c->who->organisation_id, &p, &id) ? -1 : id;
}

/* Answers every Likert item of the invitation's link with v and hands in. */
static int answer(struct fixture *f, const struct wave *w, long long invitation, int v, const char *day)
{
	char token[SECRET_HEX];
	wave_token(w, invitation, token);
	struct respondent r;
	struct errors e = { 0 };
	int d = respond_open(f->st, &f->a, token, NULL, day, &r);
	if (d)
		return d;
	struct respond_field fields[32];
	size_t n = 0;
	for (size_t i = 0; i < r.v.nitems && n < 32; i++)
		if (!strcmp(r.v.items[i].kind, "likert"))
			fields[n++] = (struct respond_field){ arena_printf(&f->a, "i%lld", r.v.items[i].id),
							      arena_printf(&f->a, "%d", v) };
	int s = respond_save(f->st, &f->a, &r, fields, n, true, day, &e);
	fixture_mix(f);   /* the responses read at once (anonymous_mix.h) */
	return s;
}

/* A programme with groups of the given sizes, everyone answering the LiVe!
 * final evaluation with the values given, group after group. */
static bool groups_wave(struct fixture *f, const int *sizes, size_t ng, const int *values, struct wave *w,
			struct instrument_version *v)
{
	struct errors e = { 0 };
	long long prog, batch, instrument, wave;
	static int seq;
	if (programme_from_template(&f->c, "live", arena_printf(&f->a, "L%d", seq), &e, &prog) ||
	    batch_create(&f->c, prog, "", &e, &batch))
		return false;
	for (size_t g = 0; g < ng; g++) {
		long long group, people[16];
		if (group_create(&f->c, batch, arena_printf(&f->a, "%c", (char)('A' + g)), &e, &group))
			return false;
		for (int i = 0; i < sizes[g]; i++)
			people[i] = person(f, &f->c, arena_printf(&f->a, "G%d-%zu-%d", seq, g, i), 0);
		if (group_enrol(&f->c, group, people, (size_t)sizes[g], "2026-01-05", &e))
			return false;
	}
	seq++;
	if (instrument_install(&f->c, "live-final", 1, &instrument))
		return false;
	struct wave_new wn = { instrument, "Alle groepen", "programme", prog, "2026-03-01", "2026-03-31", false, NULL };
	struct invitation *inv;
	size_t n;
	if (wave_create(&f->c, &wn, 1, &e, &wave) || store_wave_get(f->st, &f->a, f->org_a, wave, w) ||
	    store_version_get(f->st, &f->a, f->org_a, w->version_id, v) ||
	    store_invitation_list(f->st, &f->a, f->org_a, wave, &inv, &n))
		return false;
	/* the invitations come in enrolment order: group after group */
	for (size_t i = 0; i < n; i++)
		if (answer(f, w, inv[i].id, values[i], "2026-03-10"))
			return false;
	return true;
}

TEST(survey_compare_groups_as_r_does)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	static const int sizes[3] = { 6, 7, 8 };
	static const int values[] = { 2, 3, 3, 4, 2, 3, 3, 4, 4, 5, 3, 4, 4, 1, 2, 2, 3, 2, 1, 2, 3 };
	struct wave w;
	struct instrument_version v;
	CHECK(groups_wave(&f, sizes, 3, values, &w, &v));
	struct wave_comparison c;
	CHECK_INT(wave_compare(&f.c, &w, &v, COMPARE_GROUP, &c), D_OK);
	CHECK(c.shown);
	CHECK_INT(c.ndims, 10);  /* no scales: one dimension per Likert item */
	CHECK_INT(c.nrows, 3);
	CHECK_INT(c.hidden, 0);
	CHECK(c.tests != NULL);
	NEAR(c.tests[0].anova.F, 11.963144963145);
	NEAR(c.tests[0].anova.p, 0.000495535356614602);
	NEAR(c.tests[0].anova.eta2, 0.570675105485233);
	CHECK_INT(c.tests[0].anova.df1, 2);
	CHECK_INT(c.tests[0].anova.df2, 18);
	CHECK(!c.tests[0].two);
	NEAR(c.rows[1].cells[9].d.mean, 27.0 / 7);   /* B, item j */
	/* by batch: one part, so nothing to compare */
	CHECK_INT(wave_compare(&f.c, &w, &v, COMPARE_BATCH, &c), D_OK);
	CHECK_INT(c.nrows, 1);
	CHECK(c.tests == NULL);
	fixture_close(&f);
}

TEST(survey_compare_two_groups_with_t_and_d)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	static const int sizes[2] = { 6, 7 };
	static const int values[] = { 2, 3, 3, 4, 2, 3, 3, 4, 4, 5, 3, 4, 4 };
	struct wave w;
	struct instrument_version v;
	CHECK(groups_wave(&f, sizes, 2, values, &w, &v));
	struct wave_comparison c;
	CHECK_INT(wave_compare(&f.c, &w, &v, COMPARE_GROUP, &c), D_OK);
	CHECK(c.tests && c.tests[3].two);
	NEAR(c.tests[3].welch.t, -2.5399803835696);
	NEAR(c.tests[3].welch.df, 10.3305751447093);
	NEAR(c.tests[3].welch.p, 0.0286972647026069);
	NEAR(c.tests[3].student.t, -2.55855154951814);
	NEAR(c.tests[3].student.p, 0.0265871082176783);
	NEAR(c.tests[3].d, -1.42344667562025);
	fixture_close(&f);
}

TEST(survey_compare_hides_small_groups_and_tests_only_the_shown)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	/* C has 3: hidden, and A (6, the smallest other) with it; only B is
	 * left, so there is no test, and nothing of A or C is computed */
	static const int sizes[3] = { 6, 7, 3 };
	static const int values[] = { 2, 3, 3, 4, 2, 3, 3, 4, 4, 5, 3, 4, 4, 1, 1, 1 };
	struct wave w;
	struct instrument_version v;
	CHECK(groups_wave(&f, sizes, 3, values, &w, &v));
	struct wave_comparison c;
	CHECK_INT(wave_compare(&f.c, &w, &v, COMPARE_GROUP, &c), D_OK);
	CHECK_INT(c.hidden, 2);
	for (size_t k = 0; k < c.nrows; k++)
		CHECK(c.rows[k].n == 7 ? c.rows[k].shown && c.rows[k].cells : !c.rows[k].shown && !c.rows[k].cells);
	CHECK(c.tests == NULL);
	fixture_close(&f);
}

/* Two waves over one group of 7: before and after. */
static bool two_waves(struct fixture *f, bool anon_a, bool anon_b, size_t answer_b, struct wave *a,
		      struct instrument_version *va, struct wave *b, struct instrument_version *vb)
{
	static const int pre[7] = { 2, 3, 3, 4, 2, 3, 4 }, post[7] = { 3, 3, 4, 5, 3, 3, 5 };
	struct errors e = { 0 };
	long long prog, batch, group, instrument, wa, wb, people[7];
	static int seq;
	if (programme_from_template(&f->c, "live", arena_printf(&f->a, "T%d", seq), &e, &prog) ||
	    batch_create(&f->c, prog, "", &e, &batch) || group_create(&f->c, batch, "A", &e, &group))
		return false;
	for (int i = 0; i < 7; i++)
		people[i] = person(f, &f->c, arena_printf(&f->a, "W%d-%d", seq, i), 0);
	seq++;
	if (group_enrol(&f->c, group, people, 7, "2026-01-05", &e) || instrument_install(&f->c, "live-final", 1, &instrument))
		return false;
	struct wave_new na = { instrument, "Voor", "group", group, "2026-02-01", "2026-02-10", anon_a, NULL };
	struct wave_new nb = { instrument, "Na", "group", group, "2026-03-01", "2026-03-10", anon_b, NULL };
	struct invitation *ia, *ib;
	size_t n;
	if (wave_create(&f->c, &na, 1, &e, &wa) || wave_create(&f->c, &nb, 1, &e, &wb) ||
	    store_wave_get(f->st, &f->a, f->org_a, wa, a) || store_wave_get(f->st, &f->a, f->org_a, wb, b) ||
	    store_version_get(f->st, &f->a, f->org_a, a->version_id, va) ||
	    store_version_get(f->st, &f->a, f->org_a, b->version_id, vb) ||
	    store_invitation_list(f->st, &f->a, f->org_a, wa, &ia, &n) || n != 7 ||
	    store_invitation_list(f->st, &f->a, f->org_a, wb, &ib, &n) || n != 7)
		return false;
	/* the second wave's people answer in the reverse order: pairing must
	 * go by person, not by place */
	for (size_t i = 0; i < 7; i++)
		if (answer(f, a, ia[i].id, pre[i], "2026-02-05"))
			return false;
	for (size_t i = 7; i-- > 7 - answer_b;)
		if (answer(f, b, ib[i].id, post[i], "2026-03-05"))
			return false;
	return true;
}

TEST(survey_two_waves_paired_by_person)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	struct wave a, b;
	struct instrument_version va, vb;
	CHECK(two_waves(&f, false, false, 7, &a, &va, &b, &vb));
	struct wave_pairing p;
	CHECK_INT(wave_pair(&f.c, &a, &va, &b, &vb, &p), D_OK);
	CHECK(p.shown && p.paired);
	CHECK_INT(p.npairs, 7);
	CHECK_INT(p.ndims, 10);
	NEAR(p.dims[0].paired.t, 3.87298334620742);
	NEAR(p.dims[0].paired.df, 6);
	NEAR(p.dims[0].paired.p, 0.00823735414510809);
	NEAR(p.dims[0].paired.mean_diff, 0.714285714285714);
	NEAR(p.dims[0].paired.dz, 1.4638501094228);
	NEAR(p.dims[0].welch.t, 1.50755672288882);
	fixture_close(&f);
}

TEST(survey_two_waves_not_paired_when_anonymous_or_too_few)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	struct wave a, b;
	struct instrument_version va, vb;
	struct wave_pairing p;
	/* an anonymous wave (closed by now): independent groups */
	CHECK(two_waves(&f, false, true, 7, &a, &va, &b, &vb));
	CHECK_INT(wave_pair(&f.c, &a, &va, &b, &vb, &p), D_OK);
	CHECK(p.shown && !p.paired && p.why_unpaired);
	CHECK_INT(p.npairs, 0);
	NEAR(p.dims[0].welch.t, 1.50755672288882);
	NEAR(p.dims[0].welch.df, 11.7307001795332);
	NEAR(p.dims[0].welch.p, 0.158117410945158);
	/* 5 of the 7 answered the second wave: 5 pairs, but the 2 who
	 * answered only the first would be the first wave's mean over all 7
	 * less the paired change: not paired */
	CHECK(two_waves(&f, false, false, 5, &a, &va, &b, &vb));
	CHECK_INT(wave_pair(&f.c, &a, &va, &b, &vb, &p), D_OK);
	CHECK(p.shown && !p.paired);
	CHECK_INT(p.npairs, 5);
	CHECK(p.why_unpaired && strstr(p.why_unpaired, "5 answered both, 2 only the first wave and 0 only the second"));
	fixture_close(&f);
}

/* One group of 12 in two waves that know who answered: everyone answers
 * the first, the first k the second (and, with c, the first m a third). */
static bool waves_of_twelve(struct fixture *f, size_t k, size_t m, struct wave *w, struct instrument_version *v)
{
	struct errors e = { 0 };
	long long prog, batch, group, instrument, id, people[12];
	static int seq;
	if (programme_from_template(&f->c, "live", arena_printf(&f->a, "Z%d", seq), &e, &prog) ||
	    batch_create(&f->c, prog, "", &e, &batch) || group_create(&f->c, batch, "A", &e, &group))
		return false;
	for (int i = 0; i < 12; i++)
		people[i] = person(f, &f->c, arena_printf(&f->a, "Z%d-%d", seq, i), 0);
	seq++;
	if (group_enrol(&f->c, group, people, 12, "2026-01-05", &e) || instrument_install(&f->c, "live-final", 1, &instrument))
		return false;
	static const char *const names[3] = { "Voor", "Na", "Later" };
	static const char *const days[3][3] = { { "2026-02-01", "2026-02-05", "2026-02-10" },
						{ "2026-03-01", "2026-03-05", "2026-03-10" },
						{ "2026-04-01", "2026-04-05", "2026-04-10" } };
	size_t answering[3] = { 12, k, m };
	for (int x = 0; x < (m ? 3 : 2); x++) {
		struct wave_new n = { instrument, names[x], "group", group, days[x][0], days[x][2], false, NULL };
		struct invitation *inv;
		size_t ni;
		if (wave_create(&f->c, &n, 1, &e, &id) || store_wave_get(f->st, &f->a, f->org_a, id, &w[x]) ||
		    store_version_get(f->st, &f->a, f->org_a, w[x].version_id, &v[x]) ||
		    store_invitation_list(f->st, &f->a, f->org_a, id, &inv, &ni) || ni != 12)
			return false;
		for (size_t i = 0; i < answering[x]; i++)
			if (answer(f, &w[x], inv[i].id, 2 + (int)((i * 7 + (size_t)x) % 4), days[x][1]))
				return false;
	}
	return true;
}

TEST(survey_two_waves_paired_only_when_no_difference_isolates_anyone)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	struct wave w[3];
	struct instrument_version v[3];
	struct wave_pairing p;
	/* the review's case: 11 of 12 answered both */
	CHECK(waves_of_twelve(&f, 11, 0, w, v));
	CHECK_INT(wave_pair(&f.c, &w[0], &v[0], &w[1], &v[1], &p), D_OK);
	CHECK(p.shown && !p.paired && p.why_unpaired);
	/* 7 pairs and 5 who answered only the first: paired */
	CHECK(waves_of_twelve(&f, 7, 0, w, v));
	CHECK_INT(wave_pair(&f.c, &w[0], &v[0], &w[1], &v[1], &p), D_OK);
	CHECK(p.shown && p.paired);
	CHECK_INT(p.npairs, 7);
	/* 4 answered the second wave: nothing of it is shown, paired or not */
	CHECK(waves_of_twelve(&f, 4, 0, w, v));
	CHECK_INT(wave_pair(&f.c, &w[0], &v[0], &w[1], &v[1], &p), D_OK);
	CHECK(!p.shown && !p.paired);
	/* three waves: the first and second paired (7 and 5), then the first
	 * and a third that 6 answered: beside the first pairs, the one person
	 * in the second but not the third would be isolated; refused */
	CHECK(waves_of_twelve(&f, 7, 6, w, v));
	CHECK_INT(wave_pair(&f.c, &w[0], &v[0], &w[1], &v[1], &p), D_OK);
	CHECK(p.paired);
	CHECK_INT(wave_pair(&f.c, &w[0], &v[0], &w[2], &v[2], &p), D_OK);
	CHECK(!p.paired);
	/* and the other way round it is the same answer */
	CHECK_INT(wave_pair(&f.c, &w[2], &v[2], &w[0], &v[0], &p), D_OK);
	CHECK(!p.paired);
	fixture_close(&f);
}

/* An organisation with a unit of n people who answered a closed wave of
 * the leadership scan with value v; takes part in the benchmark when
 * `part`. Returns the organisation. */
static long long org_with_scan(struct fixture *f, const char *slug, int n, int v, bool part, bool closed)
{
	long long org, unit, instrument, wave;
	struct errors e = { 0 };
	if (store_org_add(f->st, slug, slug, &org) || store_org_set_benchmark(f->st, org, part))
		return -1;
	struct actor *who = arena_alloc(&f->a, sizeof(*who));
	*who = (struct actor){ 0, org, 0, "cli", "cli", ROLES_ALL, NULL, 0 };
	struct ctx *c = arena_alloc(&f->a, sizeof(*c));
	*c = (struct ctx){ f->st, &f->a, who, 0 };
	if (unit_create(c, 0, "Team", &e, &unit))
		return -1;
	for (int i = 0; i < n; i++)
		person(f, c, arena_printf(&f->a, "%s-%d", slug, i), unit);
	if (instrument_install(c, "leadership-scan-360", 1, &instrument))
		return -1;
	struct wave_new wn = { instrument, "Scan", "units", unit, "2026-01-05", closed ? "2026-01-20" : "2999-01-01", false, NULL };
	struct wave w;
	struct invitation *inv;
	size_t k;
	if (wave_create(c, &wn, 1, &e, &wave) || store_wave_get(f->st, &f->a, org, wave, &w) ||
	    store_invitation_list(f->st, &f->a, org, wave, &inv, &k) || k != (size_t)n)
		return -1;
	for (size_t i = 0; i < k; i++)
		if (answer(f, &w, inv[i].id, v, "2026-01-10"))
			return -1;
	return org;
}

TEST(survey_benchmark_needs_five_organisations_that_take_part)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	/* the own organisation: a scan of 6, everyone 4 */
	long long own = org_with_scan(&f, "own", 6, 4, true, true);
	CHECK(own > 0);
	struct actor who = { 0, own, 0, "cli", "cli", ROLES_ALL, NULL, 0 };
	struct ctx c = { f.st, &f.a, &who, 0 };
	struct wave *waves;
	size_t nw;
	CHECK(!store_wave_list(f.st, &f.a, own, &waves, &nw) && nw == 1);
	struct instrument_version v;
	CHECK(!store_version_get(f.st, &f.a, own, waves[0].version_id, &v));
	/* four partners (scores 1, 2, 3, 5 with 5 people each), one that does
	 * not take part (all 1), one with only 4 answers (all 1), one whose
	 * wave is still open (all 1): not enough */
	CHECK(org_with_scan(&f, "p1", 5, 1, true, true) > 0);
	CHECK(org_with_scan(&f, "p2", 5, 2, true, true) > 0);
	CHECK(org_with_scan(&f, "p3", 5, 3, true, true) > 0);
	CHECK(org_with_scan(&f, "p4", 5, 5, true, true) > 0);
	CHECK(org_with_scan(&f, "out", 9, 1, false, true) > 0);
	CHECK(org_with_scan(&f, "tiny", 4, 1, true, true) > 0);
	CHECK(org_with_scan(&f, "open", 9, 1, true, false) > 0);
	struct wave_benchmark b;
	CHECK_INT(wave_benchmark(&c, &waves[0], &v, &b), D_OK);
	CHECK(!b.shown && b.why_hidden);
	CHECK_INT(b.ndims, 3);
	CHECK(!b.dims[0].shown);
	CHECK_INT(b.dims[0].orgs, 4);
	/* the pool is kept as an edition */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM benchmark_edition"), 1);
	/* a fifth partner alone does not change the pool: seen before and
	 * after, the two would give its results away */
	CHECK(org_with_scan(&f, "p5", 5, 4, true, true) > 0);
	CHECK_INT(wave_benchmark(&c, &waves[0], &v, &b), D_OK);
	CHECK(!b.shown);
	CHECK_INT(b.dims[0].orgs, 4);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM benchmark_edition"), 1);
	/* five more at once (six changed): a new edition, pooled over the
	 * ten others (50 scores: 1,2,3,5,4 and 1..5, 5 each; R: mean 3, sd
	 * sqrt(100/49) = 1.4285714285714286), the own organisation not among
	 * them */
	for (int i = 6; i <= 10; i++)
		CHECK(org_with_scan(&f, arena_printf(&f.a, "p%d", i), 5, i - 5, true, true) > 0);
	CHECK_INT(wave_benchmark(&c, &waves[0], &v, &b), D_OK);
	CHECK(b.shown);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM benchmark_edition"), 2);
	for (size_t k = 0; k < b.ndims; k++) {
		CHECK(b.dims[k].shown);
		CHECK_INT(b.dims[k].orgs, 10);
		CHECK_INT(b.dims[k].n, 50);
		NEAR(b.dims[k].mean, 3.0);
		NEAR(b.dims[k].sd, 1.4285714285714286);
		NEAR(b.dims[k].own.mean, 4.0);
		CHECK_INT(b.dims[k].own.n, 6);
	}
	/* a partner that stops taking part is out at once: nothing is shown
	 * until more than 5 others change, and it is back as it was when it
	 * takes part again */
	long long p3 = fixture_query(&f, "SELECT id FROM organisation WHERE slug = 'p3'");
	CHECK(!store_org_set_benchmark(f.st, p3, false));
	CHECK_INT(wave_benchmark(&c, &waves[0], &v, &b), D_OK);
	CHECK(!b.shown && b.why_hidden && strstr(b.why_hidden, "being renewed"));
	CHECK(!store_org_set_benchmark(f.st, p3, true));
	CHECK_INT(wave_benchmark(&c, &waves[0], &v, &b), D_OK);
	CHECK(b.shown);
	CHECK_INT(b.dims[0].orgs, 10);
	/* an organisation that does not take part sees no benchmark */
	CHECK(!store_org_set_benchmark(f.st, own, false));
	CHECK_INT(wave_benchmark(&c, &waves[0], &v, &b), D_OK);
	CHECK(!b.shown && b.why_hidden);
	fixture_close(&f);
}
