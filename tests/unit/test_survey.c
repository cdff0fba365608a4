/* test_survey.c — questionnaires in waves: the built-in LiVe! final
 * evaluation (seed 000 §9.1), answering through a link (saved as one goes,
 * one response per link, closed outside its dates), the response
 * accounting of §9.1, results shown only from 5 responses, and anonymity
 * held in storage: an anonymous response has no link to its invitation, a
 * random id, only the week, and no audit record.
 *
 * Reference values: R 4.2.2, mean(c(1,2,3,4,5)) = 3 and sd(c(1,2,3,4,5)) =
 * 1.581139 (sqrt(2.5) = 1.5811388300841898). */
#include "test.h"
#include "fixture.h"
#include "core/i18n.h"
#include "domain/group.h"
#include "domain/programme.h"
#include "domain/role.h"
#include "domain/survey.h"
#include "stats/three60.h"
#include "domain/survey_compare.h"
#include "store/group.h"
#include "store/instrument.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static long long person(struct fixture *f, const char *emp)
{
	struct person p = { 0 };
	p.employee_id = (char *)emp;
	p.name = (char *)emp;
	p.active = 1;
	long long id = 0;
	return store_person_insert(f->st, f->org_a, &p, &id) ? -1 : id;
}

/* A group of seven, one of whom stopped, and a wave of the LiVe! final
 * evaluation open from 2026-03-01 to 2026-03-31. */
static bool setup(struct fixture *f, bool anonymous, long long *wave)
{
	struct errors e = { 0 };
	long long prog, batch, group, instrument;
	i18n_use(LANG_EN);
	long long people[7];
	for (int i = 0; i < 7; i++) {
		char emp[16];
		snprintf(emp, sizeof(emp), "P%d", i);
		people[i] = person(f, emp);
	}
	if (programme_from_template(&f->c, "live", "L", &e, &prog) || batch_create(&f->c, prog, "", &e, &batch) ||
	    group_create(&f->c, batch, "A", &e, &group) || group_enrol(&f->c, group, people, 7, "2026-01-05", &e))
		return false;
	struct enrolment *en;
	size_t n;
	if (store_enrolment_list(f->st, &f->a, f->org_a, group, &en, &n) || n != 7 ||
	    enrolment_set_status(&f->c, en[6].id, "stopped", "2026-02-01", "other", "Ziek", &e))
		return false;
	if (instrument_install(&f->c, "live-final", 1, &instrument))
		return false;
	struct wave_new w = { instrument, "Eindevaluatie", "group", group, "2026-03-01", "2026-03-31", anonymous, NULL };
	return wave_create(&f->c, &w, 1, &e, wave) == D_OK;
}

/* The secret of the one browser the respondents of these tests answer in. */
static const char *const browser = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

/* The links of the wave's invitations in order (the stopped one last). */
static size_t links(struct fixture *f, long long wave, struct wave *w, char tokens[8][SECRET_HEX],
		    struct invitation **inv)
{
	size_t n;
	if (store_wave_get(f->st, &f->a, f->org_a, wave, w) || store_invitation_list(f->st, &f->a, f->org_a, wave, inv, &n))
		return 0;
	for (size_t i = 0; i < n && i < 8; i++)
		wave_token(w, (*inv)[i].id, tokens[i]);
	return n;
}

/* Answers every Likert item with value v and hands in. */
static int answer(struct fixture *f, const char *token, int v, const char *day, struct errors *e)
{
	struct respondent r;
	int d = respond_open(f->st, &f->a, token, browser, day, &r);
	if (d)
		return d;
	struct respond_field fields[16];
	size_t n = 0;
	for (size_t i = 0; i < r.v.nitems && n < 16; i++)
		if (!strcmp(r.v.items[i].kind, "likert"))
			fields[n++] = (struct respond_field){ arena_printf(&f->a, "i%lld", r.v.items[i].id),
							      arena_printf(&f->a, "%d", v) };
	return respond_save(f->st, &f->a, &r, fields, n, true, day, e);
}

TEST(survey_builtin_live_final_evaluation_is_the_seed_s)
{
	FIXTURE(f);
	long long wave;
	CHECK(setup(&f, true, &wave));
	struct wave w;
	struct instrument_version v;
	CHECK(!store_wave_get(f.st, &f.a, f.org_a, wave, &w) && !store_version_get(f.st, &f.a, f.org_a, w.version_id, &v));
	CHECK_INT(v.nitems, 13);
	CHECK_STR(v.items[0].code, "a");
	CHECK_STR(v.items[0].text, "In hoeverre is het jou gelukt om jouw leerdoelen te behalen?");
	CHECK_STR(v.items[9].text, "In hoeverre heeft jouw leidinggevende invloed gehad op jouw motivatie om deel te nemen?");
	CHECK_INT(v.items[0].noptions, 5);
	CHECK_STR(v.items[0].options[0].label, "helemaal niet");
	CHECK_STR(v.items[0].options[4].label, "heel goed");
	CHECK_STR(v.items[12].kind, "open");
	/* installing again gives the same instrument */
	long long again;
	CHECK_INT(instrument_install(&f.c, "live-final", 2, &again), D_OK);
	CHECK_INT(again, w.instrument_id);
	fixture_close(&f);
}

TEST(survey_accounting_as_seed_000_reports_it)
{
	FIXTURE(f);
	long long wave;
	CHECK(setup(&f, true, &wave));
	struct wave w;
	struct invitation *inv;
	char tok[8][SECRET_HEX];
	size_t n = links(&f, wave, &w, tok, &inv);
	CHECK_INT(n, 7);
	struct errors e = { 0 };
	int answered = 0;
	for (size_t i = 0; i < n && answered < 2; i++)
		if (strcmp(inv[i].enrolment_status, "stopped")) {
			CHECK_INT(answer(&f, tok[i], 4, "2026-03-10", &e), D_OK);
			answered++;
		}
	struct accounting a;
	CHECK_INT(wave_accounting(&f.c, &w, &a), D_OK);
	CHECK_INT(a.registered, 7);
	CHECK_INT(a.stopped, 1);
	CHECK_INT(a.invited, 6);
	CHECK_INT(a.responded, 2);
	CHECK_INT(a.not_responded, 4);
	CHECK(fabs(a.rate - 2.0 / 6.0) < 1e-12);
	/* the stopped person's link does nothing */
	for (size_t i = 0; i < n; i++)
		if (!strcmp(inv[i].enrolment_status, "stopped")) {
			struct respondent r;
			CHECK_INT(respond_open(f.st, &f.a, tok[i], browser, "2026-03-10", &r), D_NOTFOUND);
		}
	fixture_close(&f);
}

TEST(survey_one_response_per_link_within_the_dates)
{
	FIXTURE(f);
	long long wave;
	CHECK(setup(&f, false, &wave));
	struct wave w;
	struct invitation *inv;
	char tok[8][SECRET_HEX];
	CHECK(links(&f, wave, &w, tok, &inv) == 7);
	struct respondent r;
	struct errors e = { 0 };
	CHECK_INT(respond_open(f.st, &f.a, tok[0], browser, "2026-02-28", &r), D_OK);
	CHECK_INT(r.state, RESPOND_NOT_YET);
	CHECK_INT(respond_open(f.st, &f.a, tok[0], browser, "2026-04-01", &r), D_OK);
	CHECK_INT(r.state, RESPOND_CLOSED);
	CHECK_INT(answer(&f, tok[0], 3, "2026-04-01", &e), D_INVALID);
	CHECK_STR(e.items[0].message, "This questionnaire has closed.");
	/* saved as one goes: a draft comes back */
	CHECK_INT(respond_open(f.st, &f.a, tok[0], browser, "2026-03-02", &r), D_OK);
	long long a_id = r.v.items[0].id;
	struct respond_field one = { arena_printf(&f.a, "i%lld", a_id), "2" };
	e.n = 0;
	CHECK_INT(respond_save(f.st, &f.a, &r, &one, 1, false, "2026-03-02", &e), D_OK);
	CHECK_INT(respond_open(f.st, &f.a, tok[0], browser, "2026-03-03", &r), D_OK);
	CHECK(r.ndraft == 1 && r.draft[0].item_id == a_id && r.draft[0].value == 2);
	/* a value off the scale changes nothing */
	struct respond_field bad = { one.key, "7" };
	CHECK_INT(respond_save(f.st, &f.a, &r, &bad, 1, false, "2026-03-03", &e), D_INVALID);
	/* named by its number on the page, not its code (which is for the data) */
	CHECK_STR(e.items[0].message, "Question 1: choose one of the points of the scale.");
	CHECK_INT(respond_open(f.st, &f.a, tok[0], browser, "2026-03-03", &r), D_OK);
	CHECK(r.ndraft == 1 && r.draft[0].value == 2);
	/* handed in once; the link then only thanks */
	e.n = 0;
	CHECK_INT(answer(&f, tok[0], 5, "2026-03-04", &e), D_OK);
	CHECK_INT(respond_open(f.st, &f.a, tok[0], browser, "2026-03-05", &r), D_OK);
	CHECK_INT(r.state, RESPOND_DONE);
	CHECK_INT(answer(&f, tok[0], 1, "2026-03-05", &e), D_INVALID);
	CHECK_STR(e.items[0].message, "You have already handed in this questionnaire.");
	/* not anonymous: the response keeps its invitation, and is audited */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response WHERE invitation_id = %lld", inv[0].id), 1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'response.submit'"), 1);
	struct respondent bogus;
	CHECK_INT(respond_open(f.st, &f.a, "0000", browser, "2026-03-05", &bogus), D_NOTFOUND);
	fixture_close(&f);
}

TEST(survey_anonymous_in_storage)
{
	FIXTURE(f);
	long long wave;
	CHECK(setup(&f, true, &wave));
	struct wave w;
	struct invitation *inv;
	char tok[8][SECRET_HEX];
	CHECK(links(&f, wave, &w, tok, &inv) == 7);
	struct errors e = { 0 };
	for (int i = 0; i < 5; i++)
		CHECK_INT(answer(&f, tok[i], i + 1, "2026-03-12", &e), D_OK);   /* a Thursday */
	/* no link to the invitation, no draft left, no time: the week only
	 * counted for the wave */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response WHERE wave_id = %lld", wave), 5);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response WHERE invitation_id IS NOT NULL"), 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM draft"), 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response WHERE submitted_week <> ''"), 0);
	CHECK_INT(fixture_query(&f, "SELECT n FROM response_week WHERE wave_id = %lld AND week = '2026-03-09'", wave), 5);
	/* ids that say nothing of the order: not 1..5 */
	CHECK(fixture_query(&f, "SELECT max(id) FROM response") > 1000000);
	/* nothing in the audit log that ties a submission to a link */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action LIKE 'response%%' OR object_kind = 'invitation'"), 0);
	/* the answers as given, with R's mean and SD: 1..5 gives 3 and 1.581139 */
	struct instrument_version v;
	struct wave_results res;
	CHECK(!store_version_get(f.st, &f.a, f.org_a, w.version_id, &v));
	CHECK_INT(wave_results(&f.c, &w, &v, &res), D_OK);
	CHECK(res.shown);
	CHECK_INT(res.responses, 5);
	CHECK_INT(res.items[0].n, 5);
	CHECK(fabs(res.items[0].mean - 3.0) < 1e-12);
	CHECK(fabs(res.items[0].sd - 1.5811388300841898) < 1e-12);
	for (int k = 0; k < 5; k++)
		CHECK_INT(res.items[0].counts[k], 1);
	fixture_close(&f);
}

/* Answers every Likert item with v and the open items with text, and
 * hands in. */
static int answer_with_text(struct fixture *f, const char *token, int v, const char *text, struct errors *e)
{
	struct respondent r;
	int d = respond_open(f->st, &f->a, token, browser, "2026-03-12", &r);
	if (d)
		return d;
	struct respond_field fields[16];
	size_t n = 0;
	for (size_t i = 0; i < r.v.nitems && n < 16; i++)
		fields[n++] = (struct respond_field){ arena_printf(&f->a, "i%lld", r.v.items[i].id),
						      !strcmp(r.v.items[i].kind, "open") ? text : arena_printf(&f->a, "%d", v) };
	return respond_save(f->st, &f->a, &r, fields, n, true, "2026-03-12", e);
}

/* Where the database stamps each row with the transaction that wrote it
 * (PostgreSQL's xmin, in order), an anonymous response written with its
 * invitation's "answered" would name its respondent: so the hand-ins wait
 * sealed and are mixed in by fives; the last few at the close with four
 * earlier ones written again. */
TEST(survey_anonymous_hand_ins_mixed_in_by_five_where_rows_show_their_writer)
{
	if (!fixture_postgresql()) {
		test_skip(SKIP_STORE, "about PostgreSQL: SQLite keeps no writer per row and writes the response at once (not for this database)");
		return;
	}
	FIXTURE(f);
	long long wave;
	CHECK(setup(&f, true, &wave));
	struct wave w;
	struct invitation *inv;
	char tok[8][SECRET_HEX];
	CHECK(links(&f, wave, &w, tok, &inv) == 7);
	struct errors e = { 0 };
	static const int values[6] = { 1, 2, 3, 4, 5, 3 };
	size_t handed = 0;
	for (size_t i = 0; i < 7 && handed < 4; i++)
		if (strcmp(inv[i].enrolment_status, "stopped")) {
			CHECK_INT(answer_with_text(&f, tok[i], values[handed], arena_printf(&f.a, "Geheime zin %zu", handed), &e), D_OK);
			handed++;
		}
	/* four wait, sealed: nothing of them in the responses, no plain text */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response WHERE wave_id = %lld", wave), 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response_pending WHERE wave_id = %lld", wave), 4);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM invitation WHERE wave_id = %lld AND responded = 1", wave), 4);
	struct pending_response *p;
	size_t np;
	CHECK_INT(store_pending_list(f.st, &f.a, f.org_a, wave, &p, &np), ST_OK);
	CHECK_INT(np, 4);
	for (size_t i = 0; i < np; i++) {
		CHECK(!memmem(p[i].box, p[i].len, "Geheime", 7));
		CHECK(!memmem(p[i].box, p[i].len, "47656865696d65", 14));   /* the text as answer_lines writes it */
	}
	/* the fifth: one batch of five, written by one transaction that wrote
	 * no invitation */
	for (size_t i = 0; i < 7 && handed < 5; i++)
		if (strcmp(inv[i].enrolment_status, "stopped") &&
		    fixture_query(&f, "SELECT responded FROM invitation WHERE id = %lld", inv[i].id) == 0) {
			CHECK_INT(answer_with_text(&f, tok[i], values[handed], "Geheime zin 4", &e), D_OK);
			handed++;
		}
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response WHERE wave_id = %lld", wave), 5);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response_pending"), 0);
	/* every response and answer written after the last of the five
	 * hand-ins (in its own transaction, each row in a subtransaction of
	 * it, in shuffled order): none sits among the hand-ins' */
#define AFTER_LAST_HAND_IN(table) \
	"SELECT count(*) FROM " table " WHERE xmin::text::bigint > (SELECT max(xmin::text::bigint) FROM invitation" \
	" WHERE wave_id = %lld AND responded = 1)"
	CHECK_INT(fixture_query(&f, AFTER_LAST_HAND_IN("response"), wave), 5);
	CHECK_INT(fixture_query(&f, AFTER_LAST_HAND_IN("answer"), wave),
		  fixture_query(&f, "SELECT count(*) FROM answer"));
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response r JOIN invitation v ON v.xmin = r.xmin"), 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response WHERE invitation_id IS NOT NULL OR submitted_week <> ''"), 0);
	/* a sixth waits alone */
	for (size_t i = 0; i < 7 && handed < 6; i++)
		if (strcmp(inv[i].enrolment_status, "stopped") &&
		    fixture_query(&f, "SELECT responded FROM invitation WHERE id = %lld", inv[i].id) == 0) {
			CHECK_INT(answer_with_text(&f, tok[i], values[handed], "Geheime zin 5", &e), D_OK);
			handed++;
		}
	CHECK_INT(handed, 6);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response WHERE wave_id = %lld", wave), 5);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response_pending"), 1);
	/* the wave closed on 2026-03-31: opening it mixes the last one in,
	 * with four of the first five written again (one batch of five) */
	struct instrument_version v;
	CHECK_INT(wave_open(&f.c, wave, &w, &v), D_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response_pending"), 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response WHERE wave_id = %lld", wave), 6);
	CHECK_INT(fixture_query(&f, AFTER_LAST_HAND_IN("response"), wave), 5);
#undef AFTER_LAST_HAND_IN
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response r JOIN invitation v ON v.xmin = r.xmin"), 0);
	/* every answer as handed in: 1,2,3,4,5,3 has mean 3 and SD sqrt(2)
	 * (R: sd(c(1,2,3,4,5,3)) = 1.414214) */
	struct wave_results res;
	CHECK_INT(wave_results(&f.c, &w, &v, &res), D_OK);
	CHECK(res.shown);
	CHECK_INT(res.responses, 6);
	CHECK(fabs(res.items[0].mean - 3.0) < 1e-12);
	CHECK(fabs(res.items[0].sd - 1.4142135623730951) < 1e-12);
	for (size_t k = 0; k < res.nitems; k++)
		if (!strcmp(res.items[k].item->kind, "open")) {
			CHECK_INT(res.items[k].ntexts, 6);
			CHECK_STR(res.items[k].texts[0], "Geheime zin 0");
			CHECK_STR(res.items[k].texts[5], "Geheime zin 5");
		}
	fixture_close(&f);
}

TEST(survey_results_need_five_responses)
{
	FIXTURE(f);
	long long wave;
	CHECK(setup(&f, true, &wave));
	struct wave w;
	struct invitation *inv;
	char tok[8][SECRET_HEX];
	CHECK(links(&f, wave, &w, tok, &inv) == 7);
	struct errors e = { 0 };
	struct instrument_version v;
	CHECK(!store_version_get(f.st, &f.a, f.org_a, w.version_id, &v));
	struct wave_results res;
	for (int i = 0; i < 4; i++)
		CHECK_INT(answer(&f, tok[i], 3, "2026-03-12", &e), D_OK);
	CHECK_INT(wave_results(&f.c, &w, &v, &res), D_OK);
	CHECK(!res.shown);
	CHECK_INT(res.responses, 4);
	CHECK(res.items == NULL);
	CHECK_INT(answer(&f, tok[4], 3, "2026-03-12", &e), D_OK);
	CHECK_INT(wave_results(&f.c, &w, &v, &res), D_OK);
	CHECK(res.shown);
	fixture_close(&f);
}

/* Three groups of 6, 7 and 3 in a programme wave. The group of 3 is hidden;
 * alone it could be worked out as the total minus the other two, so the
 * smallest other (6) is hidden too: together 9, nobody picked out. */
TEST(survey_breakdown_hides_small_groups_and_what_would_give_them_away)
{
	FIXTURE(f);
	struct errors e = { 0 };
	long long prog, batch, groups[3], instrument, wave;
	i18n_use(LANG_EN);
	CHECK_INT(programme_from_template(&f.c, "live", "L", &e, &prog), D_OK);
	CHECK_INT(batch_create(&f.c, prog, "", &e, &batch), D_OK);
	static const int sizes[3] = { 6, 7, 3 };
	static const char *const names[3] = { "A", "B", "C" };
	int k = 0;
	for (int g = 0; g < 3; g++) {
		CHECK_INT(group_create(&f.c, batch, names[g], &e, &groups[g]), D_OK);
		long long people[8];
		for (int i = 0; i < sizes[g]; i++) {
			char emp[16];
			snprintf(emp, sizeof(emp), "Q%d", k++);
			people[i] = person(&f, emp);
		}
		CHECK_INT(group_enrol(&f.c, groups[g], people, (size_t)sizes[g], "2026-01-05", &e), D_OK);
	}
	CHECK_INT(instrument_install(&f.c, "live-final", 1, &instrument), D_OK);
	struct wave_new wn = { instrument, "Alle groepen", "programme", prog, "2026-03-01", "2026-03-31", false, NULL };
	CHECK_INT(wave_create(&f.c, &wn, 1, &e, &wave), D_OK);
	struct wave w;
	struct invitation *inv;
	size_t n;
	CHECK(!store_wave_get(f.st, &f.a, f.org_a, wave, &w) && !store_invitation_list(f.st, &f.a, f.org_a, wave, &inv, &n));
	CHECK_INT(n, 16);
	for (size_t i = 0; i < n; i++) {
		char tok[SECRET_HEX];
		wave_token(&w, inv[i].id, tok);
		CHECK_INT(answer(&f, tok, 2 + (int)(i % 3), "2026-03-10", &e), D_OK);
	}
	struct instrument_version v;
	CHECK(!store_version_get(f.st, &f.a, f.org_a, w.version_id, &v));
	struct wave_breakdown b;
	CHECK_INT(wave_breakdown(&f.c, &w, &v, &b), D_OK);
	CHECK(b.shown);
	CHECK_INT(b.nrows, 3);
	CHECK_INT(b.hidden, 2);
	for (size_t i = 0; i < b.nrows; i++) {
		bool want = b.rows[i].n == 7;
		CHECK_INT(b.rows[i].shown, want);
		CHECK(want ? b.rows[i].means != NULL && !isnan(b.rows[i].means[0]) : b.rows[i].means == NULL);
	}
	fixture_close(&f);
}

/* 360° feedback: the subject rates themself 5 everywhere; their manager 4;
 * 3 peers 3; 2 staff 2 and 1 other 1. The manager is shown by name, peers
 * (3) by name, staff (2) and other (1) merged into "others" (3, shown):
 * others together 7 raters, mean (4 + 3*3 + 2*2 + 1) / 7 = 18/7, the gap
 * 5 - 18/7. With only the manager and 2 staff the merged group would hold
 * 2: nothing but the manager is shown, and no gap (stats/three60.h). */
static void round_360(struct fixture *f, const char *const *roles, size_t n, const int *scores,
		      struct s360_cell **cells, size_t *ncells)
{
	struct errors e = { 0 };
	long long instrument, wave;
	long long subject = person(f, "S360");
	struct rater *raters = arena_alloc(&f->a, (n + 1) * sizeof(*raters));
	for (size_t i = 0; i < n; i++) {
		char emp[32];
		snprintf(emp, sizeof(emp), "R%zu", i);
		raters[i] = (struct rater){ person(f, emp), roles[i], NULL };
	}
	CHECK_INT(instrument_install(&f->c, "leadership-scan-360", 1, &instrument), D_OK);
	CHECK_INT(wave_create_360(&f->c, instrument, "360", NULL, subject, raters, n, "2026-03-01", "2026-03-31", 1, &e, &wave),
		  D_OK);
	struct wave w;
	struct invitation *inv;
	size_t ni;
	CHECK(!store_wave_get(f->st, &f->a, f->org_a, wave, &w) && !store_invitation_list(f->st, &f->a, f->org_a, wave, &inv, &ni));
	CHECK_INT(ni, n + 1);
	for (size_t i = 0; i < ni; i++) {
		char tok[SECRET_HEX];
		wave_token(&w, inv[i].id, tok);
		int v = 5;   /* self */
		for (size_t k = 0; k < n; k++)
			if (inv[i].person_id == raters[k].person_id)
				v = scores[k];
		CHECK_INT(answer(f, tok, v, "2026-03-10", &e), D_OK);
	}
	/* the round closed on 2026-03-31: opening it gets every hand-in into
	 * the responses (where they wait to be mixed in, anonymous_mix.h) */
	struct instrument_version v;
	CHECK_INT(wave_open(&f->c, wave, &w, &v), D_OK);
	/* anonymous in storage: the category stays, nothing else */
	CHECK_INT(fixture_query(f, "SELECT count(*) FROM response WHERE wave_id = %lld AND invitation_id IS NULL", wave),
		  (long long)n + 1);
	CHECK_INT(wave_360(&f->c, &w, &v, cells, ncells), D_OK);
}

TEST(survey_360_merges_small_categories)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	static const char *const roles[] = { "manager", "peer", "peer", "peer", "staff", "staff", "other" };
	static const int scores[] = { 4, 3, 3, 3, 2, 2, 1 };
	struct s360_cell *c;
	size_t n;
	round_360(&f, roles, 7, scores, &c, &n);
	CHECK_INT(n, 3);   /* three dimensions */
	CHECK_STR(c[0].dimension, "Gedeeld leiderschap");
	CHECK(fabs(c[0].self - 5) < 1e-12);
	CHECK_INT(c[0].others_n, 7);
	CHECK(!c[0].suppressed && fabs(c[0].others_mean - 18.0 / 7.0) < 1e-12);
	CHECK(fabs(c[0].gap - (5 - 18.0 / 7.0)) < 1e-12);
	CHECK_INT(c[0].ncats, 3);
	CHECK_STR(c[0].cats[0].role, "manager");
	CHECK(fabs(c[0].cats[0].mean - 4) < 1e-12);
	CHECK_STR(c[0].cats[1].role, "peer");
	CHECK(c[0].cats[1].n == 3 && fabs(c[0].cats[1].mean - 3) < 1e-12);
	CHECK_STR(c[0].cats[2].role, "others");
	CHECK(c[0].cats[2].n == 3 && !c[0].cats[2].suppressed && fabs(c[0].cats[2].mean - 5.0 / 3.0) < 1e-12);
	fixture_close(&f);
}

TEST(survey_360_hides_what_would_give_two_raters_away)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	static const char *const roles[] = { "manager", "staff", "staff" };
	static const int scores[] = { 4, 2, 3 };
	struct s360_cell *c;
	size_t n;
	round_360(&f, roles, 3, scores, &c, &n);
	CHECK_INT(n, 3);
	CHECK_INT(c[0].others_n, 3);
	CHECK(c[0].suppressed && isnan(c[0].others_mean) && isnan(c[0].gap));
	CHECK_STR(c[0].cats[0].role, "manager");
	CHECK(fabs(c[0].cats[0].mean - 4) < 1e-12);
	CHECK(c[0].cats[1].suppressed && isnan(c[0].cats[1].mean));
	/* a wrong category is refused with the line it is on */
	struct errors e = { 0 };
	long long instrument, wave;
	CHECK_INT(instrument_install(&f.c, "leadership-scan-360", 1, &instrument), D_OK);
	struct rater bad[] = { { person(&f, "X1"), "manager", NULL }, { person(&f, "X2"), "boss", NULL } };
	CHECK_INT(wave_create_360(&f.c, instrument, "360", NULL, person(&f, "X0"), bad, 2, "2026-03-01", "2026-03-31", 1, &e,
				  &wave), D_INVALID);
	CHECK_STR(errors_get(&e, "raters"), "Line 2: the category is manager, peer, staff or other.");
	fixture_close(&f);
}

/* A single choice of 20 options (as a LimeSurvey dropdown can be): every
 * option is counted, the last one too. */
TEST(survey_results_count_every_option)
{
	FIXTURE(f);
	struct errors e = { 0 };
	long long prog, batch, group, instrument, wave;
	i18n_use(LANG_EN);
	long long people[5];
	for (int i = 0; i < 5; i++) {
		char emp[16];
		snprintf(emp, sizeof(emp), "O%d", i);
		people[i] = person(&f, emp);
	}
	CHECK_INT(programme_from_template(&f.c, "live", "L", &e, &prog), D_OK);
	CHECK_INT(batch_create(&f.c, prog, "", &e, &batch), D_OK);
	CHECK_INT(group_create(&f.c, batch, "A", &e, &group), D_OK);
	CHECK_INT(group_enrol(&f.c, group, people, 5, "2026-01-05", &e), D_OK);
	struct instrument in = { 0, "", "Keuze", "", "", 1, 0, 0 };
	CHECK_INT(store_instrument_add(f.st, f.org_a, &in, &instrument), ST_OK);
	struct item_option opts[20];
	for (int k = 0; k < 20; k++)
		opts[k] = (struct item_option){ k + 1, k + 1, arena_printf(&f.a, "optie %d", k + 1), 0 };
	struct instrument_item item = { 0 };
	item.section_id = -1;
	item.code = "q";
	item.kind = "single";
	item.text = "Welke?";
	item.options = opts;
	item.noptions = 20;
	struct instrument_version v = { 0 };
	v.instrument_id = instrument;
	v.items = &item;
	v.nitems = 1;
	CHECK_INT(store_version_add(f.st, f.org_a, &v, NULL), ST_OK);
	struct wave_new wn = { instrument, "Keuze", "group", group, "2026-03-01", "2026-03-31", false, NULL };
	CHECK_INT(wave_create(&f.c, &wn, 1, &e, &wave), D_OK);
	struct wave w;
	struct invitation *inv;
	size_t n;
	CHECK(!store_wave_get(f.st, &f.a, f.org_a, wave, &w) && !store_invitation_list(f.st, &f.a, f.org_a, wave, &inv, &n));
	for (size_t i = 0; i < n; i++) {
		char tok[SECRET_HEX];
		wave_token(&w, inv[i].id, tok);
		struct respondent r;
		CHECK_INT(respond_open(f.st, &f.a, tok, browser, "2026-03-10", &r), D_OK);
		struct respond_field fld = { arena_printf(&f.a, "i%lld", r.v.items[0].id), i < 3 ? "20" : "17" };
		CHECK_INT(respond_save(f.st, &f.a, &r, &fld, 1, true, "2026-03-10", &e), D_OK);
	}
	struct instrument_version got;
	struct wave_results res;
	CHECK(!store_version_get(f.st, &f.a, f.org_a, w.version_id, &got));
	CHECK_INT(wave_results(&f.c, &w, &got, &res), D_OK);
	CHECK(res.shown);
	CHECK_INT(res.items[0].counts[19], 3);
	CHECK_INT(res.items[0].counts[16], 2);
	fixture_close(&f);
}

/* Noon (UTC) of a day, for the domain's clock. */
static long long noon(const char *day)
{
	struct tm t = { 0 };
	sscanf(day, "%d-%d-%d", &t.tm_year, &t.tm_mon, &t.tm_mday);
	t.tm_year -= 1900;
	t.tm_mon -= 1;
	t.tm_hour = 12;
	return (long long)timegm(&t);
}

/* While hand-ins are still possible (the closing day itself) nothing is
 * shown: the results before and after one more person answered would show
 * that person's answers. From the day after, or once closed by hand. */
TEST(survey_results_hidden_on_the_closing_day_and_shown_after)
{
	for (int anonymous = 0; anonymous <= 1; anonymous++) {
		FIXTURE(f);
		long long wave;
		CHECK(setup(&f, anonymous, &wave));
		struct wave w;
		struct invitation *inv;
		char tok[8][SECRET_HEX];
		CHECK(links(&f, wave, &w, tok, &inv) == 7);
		struct errors e = { 0 };
		for (int i = 0; i < 5; i++)
			CHECK_INT(answer(&f, tok[i], 3, "2026-03-31", &e), D_OK);
		struct instrument_version v;
		struct wave_results res;
		CHECK(!store_version_get(f.st, &f.a, f.org_a, w.version_id, &v));
		f.c.now = noon("2026-03-31");
		CHECK_INT(wave_phase_now(&f.c, &w), WAVE_OPEN);
		CHECK_INT(wave_results(&f.c, &w, &v, &res), D_OK);
		CHECK(!res.shown);
		CHECK(res.why_hidden && strstr(res.why_hidden, "once the wave has closed"));
		struct wave_comparison cmp;
		CHECK_INT(wave_compare(&f.c, &w, &v, COMPARE_GROUP, &cmp), D_OK);
		CHECK(!cmp.shown);
		/* the sixth can still hand in that day */
		struct respondent r;
		CHECK_INT(respond_open(f.st, &f.a, tok[5], NULL, "2026-03-31", &r), D_OK);
		CHECK_INT(r.state, RESPOND_OPEN);
		f.c.now = noon("2026-04-01");
		CHECK_INT(wave_results(&f.c, &w, &v, &res), D_OK);
		CHECK(res.shown);
		CHECK_INT(res.responses, 5);
		fixture_close(&f);
	}
}

TEST(survey_a_wave_closed_by_hand)
{
	FIXTURE(f);
	long long wave;
	CHECK(setup(&f, true, &wave));
	struct wave w;
	struct invitation *inv;
	char tok[8][SECRET_HEX];
	CHECK(links(&f, wave, &w, tok, &inv) == 7);
	struct errors e = { 0 };
	for (int i = 0; i < 5; i++)
		CHECK_INT(answer(&f, tok[i], 4, "2026-03-10", &e), D_OK);
	f.c.now = noon("2026-03-11");
	struct instrument_version v;
	struct wave_results res;
	CHECK(!store_version_get(f.st, &f.a, f.org_a, w.version_id, &v));
	CHECK_INT(wave_results(&f.c, &w, &v, &res), D_OK);
	CHECK(!res.shown);
	CHECK_INT(wave_close(&f.c, &w), D_OK);
	CHECK_INT(wave_close(&f.c, &w), D_CONFLICT);
	CHECK(!store_wave_get(f.st, &f.a, f.org_a, wave, &w));
	CHECK(w.closed_at == noon("2026-03-11"));
	CHECK_INT(wave_results(&f.c, &w, &v, &res), D_OK);
	CHECK(res.shown);
	/* the links answer no more */
	struct respondent r;
	CHECK_INT(respond_open(f.st, &f.a, tok[5], NULL, "2026-03-12", &r), D_OK);
	CHECK_INT(r.state, RESPOND_CLOSED);
	CHECK_INT(answer(&f, tok[5], 4, "2026-03-12", &e), D_INVALID);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'wave.close'"), 1);
	fixture_close(&f);
}

/* A saved draft is read, saved and handed in from its browser only: the
 * link alone (another browser, or none) can discard it, nothing more; its
 * respondent is told. In the database it is ciphertext. */
TEST(survey_draft_is_its_browser_s_alone)
{
	FIXTURE(f);
	long long wave;
	CHECK(setup(&f, true, &wave));
	struct wave w;
	struct invitation *inv;
	char tok[8][SECRET_HEX];
	CHECK(links(&f, wave, &w, tok, &inv) == 7);
	static const char *const other = "1111111111111111111111111111111111111111111111111111111111111111";
	struct respondent r;
	struct errors e = { 0 };
	CHECK_INT(respond_open(f.st, &f.a, tok[0], browser, "2026-03-02", &r), D_OK);
	long long open_item = 0;
	for (size_t i = 0; i < r.v.nitems; i++)
		if (!strcmp(r.v.items[i].kind, "open"))
			open_item = r.v.items[i].id;
	struct respond_field fields[2] = { { arena_printf(&f.a, "i%lld", r.v.items[0].id), "2" },
					   { arena_printf(&f.a, "i%lld", open_item), "Mijn geheime concepttekst" } };
	CHECK_INT(respond_save(f.st, &f.a, &r, fields, 2, false, "2026-03-02", &e), D_OK);
	/* its browser reads it back */
	CHECK_INT(respond_open(f.st, &f.a, tok[0], browser, "2026-03-03", &r), D_OK);
	CHECK_INT(r.draft_state, DRAFT_MINE);
	CHECK_INT(r.ndraft, 2);
	/* the link alone, or another browser: nothing to read, no hand-in */
	const char *keys[2] = { NULL, other };
	for (int k = 0; k < 2; k++) {
		CHECK_INT(respond_open(f.st, &f.a, tok[0], keys[k], "2026-03-03", &r), D_OK);
		CHECK_INT(r.draft_state, DRAFT_ELSEWHERE);
		CHECK_INT(r.ndraft, 0);
		e.n = 0;
		CHECK_INT(respond_save(f.st, &f.a, &r, fields, 1, true, "2026-03-03", &e), D_INVALID);
		CHECK(e.n && strstr(e.items[0].message, "another browser"));
		e.n = 0;
		CHECK_INT(respond_save(f.st, &f.a, &r, fields, 1, false, "2026-03-03", &e), D_INVALID);
	}
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response"), 0);
	CHECK_INT(fixture_query(&f, "SELECT responded FROM invitation WHERE id = %lld", inv[0].id), 0);
	/* the database holds no answer of the draft as text */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM draft WHERE instr(box, 'geheime') > 0 OR instr(box, 'concepttekst') > 0"), 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM draft"), 1);
	/* the store itself refuses a hand-in past a draft of another browser */
	unsigned char wrong[32] = { 0 };
	struct answer_value one = { r.v.items[0].id, true, 3, NULL, false };
	CHECK_INT(store_response_submit(f.st, f.org_a, inv[0].id, true, "2026-03-02", NULL, &one, 1), ST_NOTFOUND);
	CHECK_INT(store_response_submit(f.st, f.org_a, inv[0].id, true, "2026-03-02", wrong, &one, 1), ST_NOTFOUND);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response"), 0);
	/* another browser discards it; its own browser is told */
	CHECK_INT(respond_open(f.st, &f.a, tok[0], other, "2026-03-04", &r), D_OK);
	CHECK_INT(respond_discard(f.st, &f.a, &r), D_OK);
	CHECK_INT(respond_open(f.st, &f.a, tok[0], browser, "2026-03-04", &r), D_OK);
	CHECK_INT(r.draft_state, DRAFT_NONE);
	CHECK(r.draft_lost);
	/* its own browser hands in */
	e.n = 0;
	CHECK_INT(respond_save(f.st, &f.a, &r, fields, 2, false, "2026-03-04", &e), D_OK);
	CHECK_INT(respond_open(f.st, &f.a, tok[0], browser, "2026-03-05", &r), D_OK);
	CHECK_INT(r.draft_state, DRAFT_MINE);
	e.n = 0;
	CHECK_INT(respond_save(f.st, &f.a, &r, fields, 2, true, "2026-03-05", &e), D_OK);
	fixture_mix(&f);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response"), 1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM draft"), 0);
	/* without a browser secret nothing can be saved for later */
	CHECK_INT(respond_open(f.st, &f.a, tok[1], NULL, "2026-03-05", &r), D_OK);
	e.n = 0;
	CHECK_INT(respond_save(f.st, &f.a, &r, fields, 1, false, "2026-03-05", &e), D_INVALID);
	CHECK(e.n && strstr(e.items[0].message, "cookie"));
	fixture_close(&f);
}

/* The cells an anonymous response is stored under: the group (all 6 asked
 * share it), no unit (each person's unit has fewer than 5 asked). */
TEST(survey_anonymous_response_cells_are_shared_by_five)
{
	FIXTURE(f);
	long long wave;
	CHECK(setup(&f, true, &wave));
	struct wave w;
	struct invitation *inv;
	char tok[8][SECRET_HEX];
	CHECK(links(&f, wave, &w, tok, &inv) == 7);
	CHECK_INT(w.report_cells, 1);
	struct errors e = { 0 };
	CHECK_INT(answer(&f, tok[0], 3, "2026-03-10", &e), D_OK);
	fixture_mix(&f);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response WHERE group_id IS NOT NULL AND unit_id IS NULL"), 1);
	/* every stored cell of the wave is that of at least 5 people asked */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response r WHERE r.wave_id = %lld AND (SELECT count(*) FROM invitation v"
				    " WHERE v.wave_id = r.wave_id AND v.enrolment_status <> 'stopped'"
				    " AND v.report_group_id IS NOT DISTINCT FROM r.group_id AND v.report_unit_id IS NOT DISTINCT FROM r.unit_id) < 5", wave), 0);
	/* an anonymous wave to fewer than 5 people is refused */
	long long instrument, group;
	struct person_filter all = { NULL, 0, 1, 0, 100, 0 };
	struct person *p;
	size_t np;
	long long total;
	CHECK(!store_person_list(f.st, &f.a, f.org_a, &all, &p, &np, &total));
	long long prog, batch;
	CHECK_INT(programme_from_template(&f.c, "live", "Klein", &e, &prog), D_OK);
	CHECK_INT(batch_create(&f.c, prog, "", &e, &batch), D_OK);
	CHECK_INT(group_create(&f.c, batch, "Klein", &e, &group), D_OK);
	long long four[4] = { p[0].id, p[1].id, p[2].id, p[3].id };
	CHECK_INT(group_enrol(&f.c, group, four, 4, "2026-01-05", &e), D_OK);
	CHECK_INT(instrument_install(&f.c, "live-final", 1, &instrument), D_OK);
	struct wave_new small = { instrument, "Te klein", "group", group, "2026-03-01", "2026-03-31", true, NULL };
	long long id;
	e.n = 0;
	CHECK_INT(wave_create(&f.c, &small, 1, &e, &id), D_INVALID);
	CHECK(e.n && strstr(e.items[0].message, "at least 5 people"));
	small.anonymous = false;   /* not anonymous: asked by name, results never shown below 5 */
	e.n = 0;
	CHECK_INT(wave_create(&f.c, &small, 1, &e, &id), D_OK);
	fixture_close(&f);
}

/* The field of the item with this code, and the id of the item. */
static const char *field_of(struct fixture *f, const struct respondent *r, const char *code, long long *id)
{
	for (size_t i = 0; i < r->v.nitems; i++)
		if (!strcmp(r->v.items[i].code, code)) {
			if (id)
				*id = r->v.items[i].id;
			return arena_printf(&f->a, "i%lld", r->v.items[i].id);
		}
	return "";
}

/* "Weet niet / n.v.t." where the item offers it (LiVe! h-j, leergang's
 * choice): kept in a draft, stored apart from an omitted answer, counted
 * per item and missing for N and the mean; refused on an item that does
 * not offer it. */
TEST(survey_dont_know_is_kept_apart_and_missing_in_the_mean)
{
	FIXTURE(f);
	long long wave;
	CHECK(setup(&f, true, &wave));
	struct wave w;
	struct invitation *inv;
	char tok[8][SECRET_HEX];
	CHECK(links(&f, wave, &w, tok, &inv) == 7);
	struct errors e = { 0 };
	struct respondent r;
	CHECK_INT(respond_open(f.st, &f.a, tok[0], browser, "2026-03-10", &r), D_OK);
	long long h_id;
	const char *h = field_of(&f, &r, "h", &h_id), *a = field_of(&f, &r, "a", NULL);
	/* not offered on a */
	struct respond_field bad = { a, RESPOND_DONT_KNOW };
	CHECK_INT(respond_save(f.st, &f.a, &r, &bad, 1, RESPOND_SAVE, "2026-03-10", &e), D_INVALID);
	CHECK_STR(e.items[0].message, "Question 1: choose one of the points of the scale.");
	e.n = 0;
	/* kept in the draft as itself */
	struct respond_field dk = { h, RESPOND_DONT_KNOW };
	CHECK_INT(respond_save(f.st, &f.a, &r, &dk, 1, RESPOND_SAVE, "2026-03-10", &e), D_OK);
	CHECK_INT(respond_open(f.st, &f.a, tok[0], browser, "2026-03-10", &r), D_OK);
	CHECK(r.ndraft == 1 && r.draft[0].item_id == h_id && r.draft[0].dont_know && !r.draft[0].has_value);
	/* five hand in every closed question: h is "weet niet" for two, 5 for three */
	for (int i = 0; i < 5; i++) {
		CHECK_INT(respond_open(f.st, &f.a, tok[i], browser, "2026-03-10", &r), D_OK);
		struct respond_field fl[16];
		size_t n = 0;
		for (size_t k = 0; k < r.v.nitems; k++) {
			const struct instrument_item *it = &r.v.items[k];
			if (strcmp(it->kind, "likert"))
				continue;
			const char *val = it->id != h_id ? "3" : i < 2 ? RESPOND_DONT_KNOW : "5";
			fl[n++] = (struct respond_field){ arena_printf(&f.a, "i%lld", it->id), val };
		}
		CHECK_INT(respond_save(f.st, &f.a, &r, fl, n, RESPOND_SUBMIT_CONFIRMED, "2026-03-10", &e), D_OK);
	}
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM answer WHERE dont_know = 1 AND value IS NULL AND text IS NULL AND item_id = %lld", h_id), 2);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM answer WHERE item_id = %lld", h_id), 5);
	struct instrument_version v;
	struct wave_results res;
	CHECK(!store_version_get(f.st, &f.a, f.org_a, w.version_id, &v));
	f.c.now = noon("2026-04-01");
	CHECK_INT(wave_results(&f.c, &w, &v, &res), D_OK);
	CHECK(res.shown);
	CHECK_INT(res.responses, 5);
	for (size_t k = 0; k < res.nitems; k++) {
		const struct item_result *x = &res.items[k];
		if (x->item->id == h_id) {
			CHECK_INT(x->n, 3);
			CHECK_INT(x->dont_know, 2);
			CHECK(fabs(x->mean - 5.0) < 1e-12);
			CHECK_INT(x->counts[4], 3);
		} else if (!strcmp(x->item->code, "a")) {
			CHECK_INT(x->n, 5);
			CHECK_INT(x->dont_know, 0);
		}
	}
	/* the store refuses "weet niet" on an item that does not offer it */
	CHECK_INT(respond_open(f.st, &f.a, tok[5], NULL, "2026-03-10", &r), D_OK);
	long long a_id;
	(void)field_of(&f, &r, "a", &a_id);
	struct answer_value sneaky = { a_id, false, 0, NULL, true };
	CHECK(store_response_submit(f.st, f.org_a, r.inv.id, true, "2026-03-09", NULL, &sneaky, 1) != ST_OK);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response"), 5);
	fixture_close(&f);
}

/* Answers are never forced, but a hand-in with open questions asks first:
 * nothing is saved, the questions are listed; confirmed, it goes in as
 * it is; a complete one goes in at once. */
TEST(survey_hand_in_with_open_questions_asks_first)
{
	FIXTURE(f);
	long long wave;
	CHECK(setup(&f, true, &wave));
	struct wave w;
	struct invitation *inv;
	char tok[8][SECRET_HEX];
	CHECK(links(&f, wave, &w, tok, &inv) == 7);
	struct errors e = { 0 };
	struct respondent r;
	CHECK_INT(respond_open(f.st, &f.a, tok[0], browser, "2026-03-10", &r), D_OK);
	struct respond_field one = { field_of(&f, &r, "a", NULL), "4" };
	CHECK_INT(respond_save(f.st, &f.a, &r, &one, 1, RESPOND_SUBMIT, "2026-03-10", &e), D_CONFLICT);
	CHECK_INT(e.n, 0);
	CHECK_INT(r.nunanswered, r.v.nitems - 1);
	CHECK_STR(r.unanswered[0]->code, "b");
	CHECK(r.ndraft == 1 && r.draft[0].value == 4);   /* shown again */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response"), 0);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM draft"), 0);
	CHECK_INT(fixture_query(&f, "SELECT responded FROM invitation WHERE id = %lld", r.inv.id), 0);
	/* confirmed: handed in as it is */
	CHECK_INT(respond_open(f.st, &f.a, tok[0], browser, "2026-03-10", &r), D_OK);
	CHECK_INT(respond_save(f.st, &f.a, &r, &one, 1, RESPOND_SUBMIT_CONFIRMED, "2026-03-10", &e), D_OK);
	fixture_mix(&f);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM answer"), 1);
	/* complete, "weet niet" counting as an answer: at once */
	CHECK_INT(respond_open(f.st, &f.a, tok[1], browser, "2026-03-10", &r), D_OK);
	struct respond_field all[16];
	size_t n = 0;
	for (size_t k = 0; k < r.v.nitems; k++) {
		const struct instrument_item *it = &r.v.items[k];
		all[n++] = (struct respond_field){ arena_printf(&f.a, "i%lld", it->id),
						   !strcmp(it->kind, "open") ? "Tekst" : it->allows_dont_know ? RESPOND_DONT_KNOW : "2" };
	}
	CHECK_INT(respond_save(f.st, &f.a, &r, all, n, RESPOND_SUBMIT, "2026-03-10", &e), D_OK);
	CHECK_INT(r.nunanswered, 0);
	fixture_mix(&f);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response"), 2);
	fixture_close(&f);
}

/* The estimate: 8 seconds a closed question, 60 an open one, rounded up
 * to whole minutes, at least one. */
TEST(survey_minutes_from_the_number_of_questions)
{
	FIXTURE(f);
	long long wave;
	CHECK(setup(&f, true, &wave));
	struct wave w;
	struct instrument_version v;
	CHECK(!store_wave_get(f.st, &f.a, f.org_a, wave, &w) && !store_version_get(f.st, &f.a, f.org_a, w.version_id, &v));
	CHECK_INT(v.nitems, 13);
	CHECK_INT(respond_minutes(&v), 5);   /* 10 x 8 + 3 x 60 = 260 s */
	v.nitems = 10;                       /* the closed ones only: 80 s */
	CHECK_INT(respond_minutes(&v), 2);
	v.nitems = 0;
	CHECK_INT(respond_minutes(&v), 1);
	fixture_close(&f);
}
