/* test_research_analysis.c — the counts of a research project's coding and
 * the codes that occur together, worked out by hand on three passages. */
#include "test.h"
#include "fixture.h"
#include "domain/research.h"
#include "domain/research_analysis.h"
#include "domain/role.h"

#include <string.h>

TEST(research_counts_and_codes_together_by_hand)
{
	struct demo_db d;
	if (!demo_open(&d)) {
		CHECK(!"demo_open");
		fixture_close(&d.f);
		return;
	}
	/* the police demo's researcher, as on the pages */
	struct actor w = { .organisation_id = d.police, .email = "onderzoeker@politie.example",
			   .display_name = "Onderzoeker", .roles = ROLE_BIT(ROLE_RESEARCHER) };
	w.account_id = fixture_query(&d.f, "SELECT id FROM account WHERE email = 'onderzoeker@politie.example'");
	struct ctx c = { d.f.st, &d.f.a, &w, 0 };
	struct errors e = { 0 };
	long long project, source, a, b, id;
	CHECK_INT(research_project_create(&c, "Telproef", "", &e, &project), D_OK);
	CHECK_INT(research_source_add_text(&c, project, "interview", "Interview 1", "2026-03-01", "", 0,
					   "0123456789abcdefghijKLMNOPQRSTUVWXYZ", &e, &source),
		  D_OK);
	CHECK_INT(research_code_add(&c, project, 0, "Aanmoedigen", "#1F77B4", "", &e, &a), D_OK);
	CHECK_INT(research_code_add(&c, project, 0, "Bondgenoten", "#FF7F0E", "", &e, &b), D_OK);
	/* p1 [0,10) A and B; p2 [5,15) A, overlapping p1; p3 [20,30) B alone */
	long long ab[2] = { a, b };
	CHECK_INT(research_passage_add(&c, project, source, 0, 10, ab, 2, "", &e, &id), D_OK);
	CHECK_INT(research_passage_add(&c, project, source, 5, 15, &a, 1, "", &e, &id), D_OK);
	CHECK_INT(research_passage_add(&c, project, source, 20, 30, &b, 1, "", &e, &id), D_OK);
	struct research_counts t;
	CHECK_INT(research_counts(&c, project, "", &t), D_OK);
	CHECK_INT(t.v.ncodes, 2);
	if (t.v.ncodes == 2) {
		size_t ia = t.v.codes[0].id == a ? 0 : 1, ib = 1 - ia;
		CHECK_INT(t.passages[ia], 2);
		CHECK_INT(t.passages[ib], 2);
		CHECK_INT(t.sources[ia], 1);
		/* the diagonal: each code's passages */
		CHECK_INT(t.together[ia * 2 + ia], 2);
		CHECK_INT(t.together[ib * 2 + ib], 2);
		/* A with B: p1 carries both (1), p1's B overlaps p2's A (1); p1's A
		 * with p2's A is one code, no pair; p3 overlaps nothing */
		CHECK_INT(t.together[ia * 2 + ib], 2);
		CHECK_INT(t.together[ib * 2 + ia], 2);
	}
	fixture_close(&d.f);
}
