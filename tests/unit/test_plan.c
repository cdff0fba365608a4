/* test_plan.c — the SMART check of a development goal: a hint per missing
 * criterion, each with the text the participant gets; never a refusal. */
#include "test.h"
#include "fixture.h"
#include "core/i18n.h"
#include "domain/group.h"
#include "domain/plan.h"
#include "domain/programme.h"

TEST(smart_check_hints_per_criterion)
{
	struct arena a = ARENA_INIT;
	struct ctx c = { NULL, &a, NULL, 0 };
	const char *h[SMART_COUNT];
	i18n_use(LANG_EN);
	/* everything there: no hints */
	CHECK_INT(smart_check(&c, "Ik geef in elk teamoverleg twee collega's gericht feedback op hun aanpak.",
			      "Mijn collega's noemen het in de evaluatie", "2027-03-01", "2026-11-29", h), 0);
	/* too short, nothing to measure, not one's own, no date: four hints */
	CHECK_INT(smart_check(&c, "Beter luisteren", "", "", "2026-11-29", h), 4);
	CHECK_STR(h[SMART_SPECIFIC], "Say what you will do and in which situation, in a sentence or two.");
	CHECK_STR(h[SMART_MEASURABLE], "How will you, or others, notice that you reached it? Fill in how it shows.");
	CHECK_STR(h[SMART_ACCEPTABLE], "Write it as your own goal, starting with \"I\": it is your goal, not one set for you.");
	CHECK_STR(h[SMART_TIMED], "By when? Give a date.");
	CHECK(h[SMART_REALISTIC] == NULL);  /* a question for the writer, never a hint */
	/* a number in the goal counts as measurable; a date in the past is named */
	CHECK_INT(smart_check(&c, "Ik voer voor de zomer 3 gesprekken over de bedoeling van ons werk", "", "2026-01-01",
			      "2026-11-29", h), 1);
	CHECK_STR(h[SMART_TIMED], "The date has passed: set a new one, or mark what you reached.");
	/* "ik" as a whole word only: "kijk" is not first person */
	CHECK_INT(smart_check(&c, "Kijken naar wat werkt in de samenwerking met de wijk", "gesprekken", "2027-01-01",
			      "2026-11-29", h), 1);
	CHECK(h[SMART_ACCEPTABLE] != NULL);
	CHECK_STR(smart_name(SMART_TIMED), "Time-bound");
	arena_free(&a);
}

/* Only a participant of the group has a plan in it: the page's rule, now
 * plan_own's. */
TEST(plan_own_only_in_a_group_of_ones_own)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	struct errors e = { 0 };
	long long prog, batch, g, other;
	long long writer = fixture_person(&f, "W", "W"), stranger = fixture_person(&f, "S", "S"),
		  fac = fixture_person(&f, "F", "F");
	CHECK_INT(programme_from_template(&f.c, "live", "L", &e, &prog), D_OK);
	CHECK_INT(batch_create(&f.c, prog, "", &e, &batch), D_OK);
	CHECK_INT(group_create(&f.c, batch, "A", &e, &g), D_OK);
	CHECK_INT(group_create(&f.c, batch, "B", &e, &other), D_OK);
	CHECK_INT(group_enrol(&f.c, g, &writer, 1, "2026-01-05", &e), D_OK);
	CHECK_INT(group_enrol(&f.c, other, &stranger, 1, "2026-01-05", &e), D_OK);
	CHECK_INT(group_staff(&f.c, g, 0, fac, "proposed", &e), D_OK);
	struct actor w = { 0 };
	w.organisation_id = f.org_a;
	w.email = "t";
	struct ctx c = { f.st, &f.a, &w, 0 };
	w.person_id = writer;
	CHECK_INT(plan_assignment_save(&c, g, "Elke week een gesprek", 1, &e), D_OK);
	struct learning_group lg;
	struct plan p;
	CHECK_INT(plan_own(&c, g, &lg, &p), D_OK);
	CHECK_STR(lg.name, "A");
	CHECK_STR(p.assignment, "Elke week een gesprek");
	CHECK_INT(plan_own(&c, other, &lg, &p), D_NOTFOUND);   /* not enrolled there */
	w.person_id = fac;                                       /* reads it on the intake page, has none here */
	CHECK_INT(plan_own(&c, g, &lg, &p), D_NOTFOUND);
	w.person_id = 0;
	CHECK_INT(plan_own(&c, g, &lg, &p), D_NOTFOUND);
	w.person_id = writer;
	w.organisation_id = f.org_b;
	CHECK_INT(plan_own(&c, g, &lg, &p), D_NOTFOUND);
	fixture_close(&f);
}
