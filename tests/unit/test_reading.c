/* test_reading.c — results in plain words (domain/reading.c): the size
 * words at the stated boundaries of d and eta squared, the direction and
 * the difference rounded to one decimal, the word on chance from p, and
 * nothing said of what is undefined. In English (the msgids); the Dutch
 * sentences are checked on the compare page (tests/http/compare.test.mjs). */
#include "test.h"
#include "core/arena.h"
#include "core/i18n.h"
#include "domain/reading.h"

#include <math.h>
#include <string.h>

TEST(reading_size_boundaries_of_d_and_eta2)
{
	CHECK_INT(reading_size_d(0.0), READING_NEGLIGIBLE);
	CHECK_INT(reading_size_d(0.199), READING_NEGLIGIBLE);
	CHECK_INT(reading_size_d(0.2), READING_SMALL);
	CHECK_INT(reading_size_d(-0.49), READING_SMALL);
	CHECK_INT(reading_size_d(0.5), READING_MEDIUM);
	CHECK_INT(reading_size_d(-0.79), READING_MEDIUM);
	CHECK_INT(reading_size_d(0.8), READING_LARGE);
	CHECK_INT(reading_size_d(-2.5), READING_LARGE);
	CHECK_INT(reading_size_eta2(0.009), READING_NEGLIGIBLE);
	CHECK_INT(reading_size_eta2(0.01), READING_SMALL);
	CHECK_INT(reading_size_eta2(0.059), READING_SMALL);
	CHECK_INT(reading_size_eta2(0.06), READING_MEDIUM);
	CHECK_INT(reading_size_eta2(0.14), READING_LARGE);
}

TEST(reading_sentences_say_direction_size_and_chance)
{
	struct arena a = ARENA_INIT;
	i18n_use(LANG_EN);
	CHECK_STR(reading_two(&a, "Group B", "group A", "Trust", 0.62, 0.91, 0.003),
		  "Group B scores 0.6 higher on \"Trust\" on average than group A; that difference is large and probably not chance.");
	CHECK_STR(reading_two(&a, "Wave 2", "wave 1", "Trust", -0.34, -0.35, 0.2),
		  "Wave 2 scores 0.3 lower on \"Trust\" on average than wave 1; that difference is small and may be chance.");
	/* a difference that rounds to 0.0 is "about the same" */
	CHECK_STR(reading_two(&a, "B", "A", "Trust", 0.04, 0.05, 0.8),
		  "B and A score about the same on \"Trust\" on average; the difference is negligible and may be chance.");
	/* no word on chance when p is undefined; nothing at all without d */
	CHECK_STR(reading_two(&a, "B", "A", "Trust", 0.6, 0.6, NAN),
		  "B scores 0.6 higher on \"Trust\" on average than A; that difference is medium.");
	CHECK(reading_two(&a, "B", "A", "Trust", 0.6, NAN, 0.01) == NULL);
	CHECK(reading_two(&a, "B", "A", "Trust", NAN, 0.5, 0.01) == NULL);
	CHECK_STR(reading_several(&a, "Trust", 0.15, 0.0001), "On \"Trust\" the parts differ: the differences are large and probably not chance.");
	CHECK_STR(reading_several(&a, "Trust", 0.005, 0.7), "On \"Trust\" the parts differ: the differences are negligible and may be chance.");
	CHECK(reading_several(&a, "Trust", NAN, 0.7) == NULL);
	arena_free(&a);
}

TEST(i18n_number_in_each_language)
{
	struct arena a = ARENA_INIT;
	CHECK_STR(i18n_number(&a, LANG_NL, 0.625, 2), "0,62");
	CHECK_STR(i18n_number(&a, LANG_EN, 0.625, 2), "0.62");
	CHECK_STR(i18n_number(&a, LANG_NL, -0.04, 1), "0,0");  /* never "-0,0" */
	CHECK_STR(i18n_number(&a, LANG_NL, NAN, 1), "—");
	CHECK_STR(i18n_number(&a, LANG_EN, INFINITY, 1), "—");
	arena_free(&a);
}
