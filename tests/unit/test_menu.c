/* test_menu.c — every rule of the menu card, each with the message the user
 * gets. LiVe!'s rules (seed 000): 5 meetings (6-10) from the menu card, at
 * least 3 from the card, at most 2 free choices, each justified, two
 * participants prepare each chosen meeting. */
#include "test.h"
#include "core/i18n.h"
#include "domain/menu.h"

static const struct menu_rules live = { 3, 2, 2, true };

static struct ctx ctx_en(struct arena *a)
{
	i18n_use(LANG_EN);
	return (struct ctx){ NULL, a, NULL, 0 };
}

static const struct menu_choice menu_ok = { false, 7, NULL, "De groep wil oefenen met feedback geven.", 2 };
static const struct menu_choice free_ok = { true, 0, "Bezoek aan de meldkamer", "Past bij de leervraag van velen.", 2 };

TEST(menu_valid_choices_pass)
{
	struct arena a = ARENA_INIT;
	struct ctx c = ctx_en(&a);
	struct errors e = { 0 };
	struct menu_state s = { 5, 0, 0 };
	CHECK(menu_check(&c, &live, &s, &menu_ok, &e));
	CHECK(menu_check(&c, &live, &s, &free_ok, &e));
	/* after 3 from the card, the 2 free choices are fine */
	s = (struct menu_state){ 5, 3, 1 };
	CHECK(menu_check(&c, &live, &s, &free_ok, &e));
	CHECK_INT(e.n, 0);
	arena_free(&a);
}

TEST(menu_third_free_choice_refused_with_count)
{
	struct arena a = ARENA_INIT;
	struct ctx c = ctx_en(&a);
	struct errors e = { 0 };
	struct menu_state s = { 5, 2, 2 };
	CHECK(!menu_check(&c, &live, &s, &free_ok, &e));
	CHECK_INT(e.n, 1);
	CHECK_STR(errors_get(&e, "choice"),
		  "The menu card allows at most 2 free choices; this group has made 2 already. Choose a topic from the card.");
	arena_free(&a);
}

TEST(menu_no_free_choices_allowed)
{
	struct arena a = ARENA_INIT;
	struct ctx c = ctx_en(&a);
	struct errors e = { 0 };
	struct menu_rules r = { 3, 0, 0, false };
	struct menu_state s = { 5, 0, 0 };
	CHECK(!menu_check(&c, &r, &s, &free_ok, &e));
	CHECK_STR(errors_get(&e, "choice"),
		  "The menu card of this programme allows no free choices; choose a topic from the card.");
	arena_free(&a);
}

TEST(menu_free_choice_that_leaves_too_few_for_the_card)
{
	struct arena a = ARENA_INIT;
	struct ctx c = ctx_en(&a);
	struct errors e = { 0 };
	/* 4 menu meetings, at least 3 from the card, 1 free made: a second
	 * free choice would leave at most 2 from the card */
	struct menu_rules r = { 3, 2, 2, true };
	struct menu_state s = { 4, 0, 1 };
	CHECK(!menu_check(&c, &r, &s, &free_ok, &e));
	CHECK_STR(errors_get(&e, "choice"),
		  "At least 3 meetings must come from the menu card; with this free choice at most 2 can. Choose a topic from the card.");
	/* singular */
	e.n = 0;
	struct menu_rules one = { 1, 2, 0, false };
	s = (struct menu_state){ 1, 0, 0 };
	CHECK(!menu_check(&c, &one, &s, &free_ok, &e));
	CHECK_STR(errors_get(&e, "choice"),
		  "At least 1 meeting must come from the menu card; with this free choice at most 0 can. Choose a topic from the card.");
	arena_free(&a);
}

TEST(menu_justification_required)
{
	struct arena a = ARENA_INIT;
	struct ctx c = ctx_en(&a);
	struct errors e = { 0 };
	struct menu_state s = { 5, 0, 0 };
	struct menu_choice ch = menu_ok;
	ch.justification = "  \n ";
	CHECK(!menu_check(&c, &live, &s, &ch, &e));
	CHECK_STR(errors_get(&e, "justification"),
		  "Explain from the group's learning need why the group chooses this: the menu card asks a justification for every choice.");
	/* not asked: not needed */
	e.n = 0;
	struct menu_rules r = live;
	r.justify = false;
	CHECK(menu_check(&c, &r, &s, &ch, &e));
	arena_free(&a);
}

TEST(menu_preparers_counted)
{
	struct arena a = ARENA_INIT;
	struct ctx c = ctx_en(&a);
	struct errors e = { 0 };
	struct menu_state s = { 5, 0, 0 };
	struct menu_choice ch = menu_ok;
	ch.npreparers = 1;
	CHECK(!menu_check(&c, &live, &s, &ch, &e));
	CHECK_STR(errors_get(&e, "preparers"),
		  "Choose 2 participants of the group who prepare this meeting with the facilitator; you chose 1.");
	e.n = 0;
	ch.npreparers = 3;
	CHECK(!menu_check(&c, &live, &s, &ch, &e));
	CHECK_STR(errors_get(&e, "preparers"),
		  "Choose 2 participants of the group who prepare this meeting with the facilitator; you chose 3.");
	e.n = 0;
	struct menu_rules r = live;
	r.preparers = 1;
	ch.npreparers = 0;
	CHECK(!menu_check(&c, &r, &s, &ch, &e));
	CHECK_STR(errors_get(&e, "preparers"),
		  "Choose 1 participant of the group who prepares this meeting with the facilitator; you chose 0.");
	arena_free(&a);
}

TEST(menu_topic_or_free_text_needed)
{
	struct arena a = ARENA_INIT;
	struct ctx c = ctx_en(&a);
	struct errors e = { 0 };
	struct menu_state s = { 5, 0, 0 };
	struct menu_choice ch = menu_ok;
	ch.topic_id = 0;
	CHECK(!menu_check(&c, &live, &s, &ch, &e));
	CHECK_STR(errors_get(&e, "topic"), "Choose a topic from the menu card, or make a free choice.");
	e.n = 0;
	ch = free_ok;
	ch.free_topic = "";
	CHECK(!menu_check(&c, &live, &s, &ch, &e));
	CHECK_STR(errors_get(&e, "free_topic"), "Describe the free choice: what will the meeting be about?");
	arena_free(&a);
}

TEST(menu_all_problems_at_once)
{
	struct arena a = ARENA_INIT;
	struct ctx c = ctx_en(&a);
	struct errors e = { 0 };
	struct menu_state s = { 5, 1, 2 };
	struct menu_choice ch = { true, 0, "", "", 0 };
	CHECK(!menu_check(&c, &live, &s, &ch, &e));
	CHECK_INT(e.n, 4);
	CHECK(errors_get(&e, "free_topic") && errors_get(&e, "choice") && errors_get(&e, "justification") &&
	      errors_get(&e, "preparers"));
	arena_free(&a);
}

TEST(menu_rules_must_fit_the_programme)
{
	struct arena a = ARENA_INIT;
	struct ctx c = ctx_en(&a);
	struct errors e = { 0 };
	CHECK(menu_rules_check(&c, &live, 5, &e));
	CHECK(!menu_rules_check(&c, &live, 2, &e));
	CHECK_STR(errors_get(&e, "menu_min"),
		  "The programme has 2 meetings chosen from the menu card, so at most 2 can be required from it.");
	e.n = 0;
	struct menu_rules bad = { -1, 2, 2, true };
	CHECK(!menu_rules_check(&c, &bad, 5, &e));
	CHECK_STR(errors_get(&e, "menu_min"), "Use whole numbers from 0; at most 12 preparers.");
	arena_free(&a);
}
