/* test_plan.c — the SMART check of a development goal: a hint per missing
 * criterion, each with the text the participant gets; never a refusal. */
#include "test.h"
#include "core/i18n.h"
#include "domain/plan.h"

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
