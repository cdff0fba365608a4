/* test_feedback_phase.c — the precondition of each feedback phase (seed
 * 003 §6), one function each: refused before, allowed after; a phase
 * released already is refused; the complete analysis names the partners
 * not yet collected or analysed. */
#include "test.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "domain/feedback_phase.h"

#include <string.h>

static struct research_partner partner(long long id, const char *name)
{
	struct research_partner p = { .id = id, .name = (char *)name, .contact = "", .data_in_on = "",
				      .collected_on = "", .analysed_on = "" };
	for (int k = 0; k < FEEDBACK_PHASES; k++)
		p.phase[k] = (struct feedback_release){ .partner_id = id, .phase = k + 1 };
	return p;
}

static void release(struct research_partner *p, int phase)
{
	p->phase[phase - 1].released_at = 1700000000;
}

TEST(feedback_phase1_needs_first_data)
{
	struct arena a = ARENA_INIT;
	i18n_use(LANG_EN);
	struct research_partner p = partner(1, "Politie");
	CHECK(feedback_phase1_missing(&a, &p) != NULL);
	CHECK(feedback_phase_missing(&a, &p, 1, &p, 1) != NULL);
	p.data_in_on = "2026-03-01";
	CHECK(feedback_phase1_missing(&a, &p) == NULL);
	CHECK(feedback_phase_missing(&a, &p, 1, &p, 1) == NULL);
	release(&p, 1);
	CHECK(strstr(feedback_phase_missing(&a, &p, 1, &p, 1), "already") != NULL);
	arena_free(&a);
}

TEST(feedback_phase2_needs_phase1)
{
	struct arena a = ARENA_INIT;
	i18n_use(LANG_EN);
	struct research_partner p = partner(1, "Politie");
	p.data_in_on = "2026-03-01";
	CHECK(feedback_phase2_missing(&a, &p) != NULL);
	CHECK(feedback_phase_missing(&a, &p, 1, &p, 2) != NULL);
	release(&p, 1);
	CHECK(feedback_phase2_missing(&a, &p) == NULL);
	CHECK(feedback_phase_missing(&a, &p, 1, &p, 2) == NULL);
	release(&p, 2);
	CHECK(feedback_phase_missing(&a, &p, 1, &p, 2) != NULL);
	arena_free(&a);
}

TEST(feedback_phase3_needs_every_partner_collected_and_analysed)
{
	struct arena a = ARENA_INIT;
	i18n_use(LANG_EN);   /* the Dutch words are in tests/http/feedback_phases.test.mjs */
	struct research_partner all[3] = { partner(1, "Politie"), partner(2, "Gemeente"), partner(3, "Rijk") };
	struct research_partner *p = &all[0];
	release(p, 1);
	release(p, 2);
	/* only this partner ready: the others are named */
	p->collected_on = p->analysed_on = "2026-05-01";
	const char *why = feedback_phase3_missing(&a, all, 3, p);
	CHECK(why != NULL);
	CHECK(strstr(why, "Gemeente and Rijk have not been analysed yet") != NULL);
	CHECK(strstr(why, "the data of Gemeente and Rijk have not all been collected yet") != NULL);
	CHECK(strstr(why, "Politie") == NULL);
	/* collected everywhere, one not analysed */
	all[1].collected_on = all[2].collected_on = "2026-05-02";
	all[1].analysed_on = "2026-05-03";
	why = feedback_phase3_missing(&a, all, 3, p);
	CHECK(why != NULL && strstr(why, "Rijk has not been analysed") != NULL && strstr(why, "Gemeente") == NULL);
	CHECK(strstr(why, "collected") == NULL);
	/* analysed but not collected counts as missing too */
	all[2].analysed_on = "2026-05-04";
	all[2].collected_on = "";
	CHECK(feedback_phase3_missing(&a, all, 3, p) != NULL);
	all[2].collected_on = "2026-05-02";
	CHECK(feedback_phase3_missing(&a, all, 3, p) == NULL);
	CHECK(feedback_phase_missing(&a, all, 3, p, 3) == NULL);
	/* every partner ready, but this partner's extended analysis not released */
	p->phase[1].released_at = 0;
	CHECK(feedback_phase3_missing(&a, all, 3, p) != NULL);
	arena_free(&a);
}

TEST(feedback_phase4_needs_phase3)
{
	struct arena a = ARENA_INIT;
	i18n_use(LANG_EN);
	struct research_partner p = partner(1, "Politie");
	release(&p, 1);
	release(&p, 2);
	CHECK(feedback_phase4_missing(&a, &p) != NULL);
	CHECK(feedback_phase_missing(&a, &p, 1, &p, 4) != NULL);
	release(&p, 3);
	CHECK(feedback_phase4_missing(&a, &p) == NULL);
	CHECK(feedback_phase_missing(&a, &p, 1, &p, 4) == NULL);
	release(&p, 4);
	CHECK(feedback_phase_missing(&a, &p, 1, &p, 4) != NULL);
	CHECK(feedback_phase_missing(&a, &p, 1, &p, 0) != NULL);
	CHECK(feedback_phase_missing(&a, &p, 1, &p, 5) != NULL);
	arena_free(&a);
}
