/* test_research_pseudonym.c — names in research texts replaced by stable
 * pseudonyms (domain/research_pseudonym.c), and passage positions carried
 * over: a full name and a unique first name by the person's "[P-…]", a
 * shared first name by "[name]", a project's term by its replacement;
 * names as written and as whole words only; positions in code points,
 * a boundary inside a name moved to the edge of its replacement. */
#include "test.h"
#include "fixture.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "domain/research.h"
#include "domain/research_pseudonym.h"

#include <string.h>

struct people {
	long long roos, anja, renee, kees1, kees2;
	char p_roos[13], p_anja[13], p_renee[13];
};

/* Five people of organisation A (two share the first name Kees) and a
 * project with the term "Zwolle" replaced by "[plaats]"; the project's id,
 * or -1. */
static long long setup(struct fixture *f, struct people *pp)
{
	struct errors e = { 0 };
	long long project, term;
	pp->roos = fixture_person(f, "R1", "Roos Jansen");
	pp->anja = fixture_person(f, "A1", "Anja de Vries");
	pp->renee = fixture_person(f, "R2", "Renée Dubois");
	pp->kees1 = fixture_person(f, "K1", "Kees Smit");
	pp->kees2 = fixture_person(f, "K2", "Kees Bos");
	if (pp->roos < 0 || pp->anja < 0 || pp->renee < 0 || pp->kees1 < 0 || pp->kees2 < 0)
		return -1;
	/* the actor's account becomes the project's first member: a researcher */
	if (store_grant_add(f->st, f->admin_id, f->org_a, "researcher", "organisation", 0) ||
	    research_project_create(&f->c, "Onderzoek", "", &e, &project) ||
	    research_term_add(&f->c, project, "Zwolle", "[plaats]", &e, &term))
		return -1;
	if (research_pseudonym_of(&f->c, pp->roos, pp->p_roos) || research_pseudonym_of(&f->c, pp->anja, pp->p_anja) ||
	    research_pseudonym_of(&f->c, pp->renee, pp->p_renee))
		return -1;
	return project;
}

/* text with the project's replacements, and its shifts */
static char *apply(struct fixture *f, long long project, const char *text, struct research_shift **sh, size_t *n)
{
	struct research_pseudo *p;
	if (research_pseudo_make(&f->c, project, &p))
		return NULL;
	return research_pseudo_apply(&f->a, p, text, sh, n);
}

TEST(research_pseudonym_is_p_and_ten_hex_digits_distinct_per_person)
{
	FIXTURE(f);
	struct people pp;
	CHECK(setup(&f, &pp) > 0);
	CHECK_INT((int)strlen(pp.p_roos), 12);
	CHECK(!strncmp(pp.p_roos, "P-", 2));
	CHECK_INT((int)strspn(pp.p_roos + 2, "0123456789abcdef"), 10);
	CHECK(strcmp(pp.p_roos, pp.p_anja) != 0);
	CHECK(strcmp(pp.p_anja, pp.p_renee) != 0);
	/* the same person, asked again: the same pseudonym */
	char again[13];
	CHECK_INT(research_pseudonym_of(&f.c, pp.roos, again), D_OK);
	CHECK_STR(again, pp.p_roos);
	fixture_close(&f);
}

TEST(research_pseudonym_differs_between_installations)
{
	/* two databases, each with its own key: the same person id (the
	 * first person of a fresh database) gets another pseudonym */
	FIXTURE(f);
	FIXTURE(g);
	long long a = fixture_person(&f, "X1", "Roos Jansen"), b = fixture_person(&g, "X1", "Roos Jansen");
	CHECK(a > 0);
	CHECK_INT((int)a, (int)b);
	char pa[13], pb[13];
	CHECK_INT(research_pseudonym_of(&f.c, a, pa), D_OK);
	CHECK_INT(research_pseudonym_of(&g.c, b, pb), D_OK);
	CHECK(strcmp(pa, pb) != 0);
	fixture_close(&g);
	fixture_close(&f);
}

TEST(research_pseudonym_names_as_written_and_whole_words)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	struct people pp;
	long long project = setup(&f, &pp);
	CHECK(project > 0);
	struct research_shift *sh;
	size_t n;
	const char *out = apply(&f, project,
				"Roos zag roos in Zwolle. Anjalie en Anja de Vries; Anja ook. Kees en Kees Smit. "
				"Renée Dubois, Roosje.",
				&sh, &n);
	CHECK(out != NULL);
	if (!out)
		return;
	/* "roos" the flower, "Anjalie" and "Roosje" are other words; "Kees" alone is shared and says nobody; "Kees
	 * Smit" in full is one person */
	char kees1[13];
	CHECK_INT(research_pseudonym_of(&f.c, pp.kees1, kees1), D_OK);
	const char *want = arena_printf(&f.a,
					"[%s] zag roos in [plaats]. Anjalie en [%s]; [%s] ook. [name] en [%s]. "
					"[%s], Roosje.",
					pp.p_roos, pp.p_anja, pp.p_anja, kees1, pp.p_renee);
	CHECK_STR(out, want);
	CHECK_INT((int)n, 7);
	fixture_close(&f);
}

TEST(research_pseudonym_full_name_in_any_case)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	struct people pp;
	long long project = setup(&f, &pp);
	CHECK(project > 0);
	struct research_shift *sh;
	size_t n;
	/* a full name in capitals or lower case, beyond ASCII too ("RENÉE
	 * DUBOIS" is 12 code points as "Renée Dubois" is); a first name in
	 * capitals is a word like any other ("ROOS" may be a shout) */
	const char *out = apply(&f, project, "ROOS JANSEN, renée dubois en RENÉE DUBOIS; ROOS en ANJA.", &sh, &n);
	CHECK_STR(out ? out : "", arena_printf(&f.a, "[%s], [%s] en [%s]; ROOS en ANJA.", pp.p_roos, pp.p_renee,
					       pp.p_renee));
	CHECK_INT((int)n, 3);
	if (n == 3) {
		CHECK_INT((int)sh[2].start, 29);
		CHECK_INT((int)sh[2].end, 41);
	}
	fixture_close(&f);
}

TEST(research_pseudonym_shifts_count_code_points)
{
	FIXTURE(f);
	struct people pp;
	long long project = setup(&f, &pp);
	CHECK(project > 0);
	struct research_shift *sh;
	size_t n;
	/* "Renée Dubois" is 12 code points, 13 bytes; "café " before it 5
	 * code points, 6 bytes */
	const char *out = apply(&f, project, "café Renée Dubois zei: Roos.", &sh, &n);
	CHECK(out != NULL);
	CHECK_INT((int)n, 2);
	if (n != 2)
		return;
	CHECK_INT((int)sh[0].start, 5);
	CHECK_INT((int)sh[0].end, 17);
	CHECK_INT((int)sh[0].len, 14);
	/* "Roos" after " zei: " (6): 23..27 */
	CHECK_INT((int)sh[1].start, 23);
	CHECK_INT((int)sh[1].end, 27);
	CHECK_INT((int)sh[1].len, 14);
	CHECK_INT((int)utf8_length(out), 28 + 10 + 2);
	fixture_close(&f);
}

/* The text of code points [start, end) of s. */
static char *cp_slice(struct arena *a, const char *s, long long start, long long end)
{
	size_t i = 0, from = 0;
	long long k = 0;
	for (; s[i] && k < end; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		if (k == start)
			from = i;
		k++;
	}
	while (s[i] && ((unsigned char)s[i] & 0xC0) == 0x80)
		i++;
	return arena_strndup(a, s + from, i - from);
}

TEST(research_pseudonym_positions_follow_the_replacement)
{
	FIXTURE(f);
	struct people pp;
	long long project = setup(&f, &pp);
	CHECK(project > 0);
	struct research_shift *sh;
	size_t n;
	const char *text = "café Renée Dubois zei: Roos. Einde";
	const char *out = apply(&f, project, text, &sh, &n);
	CHECK(out != NULL);
	if (!out || n != 2)
		return;
	const char *ps = arena_printf(&f.a, "[%s]", pp.p_renee);
	/* a passage starting inside the name (at "ée") starts at its pseudonym */
	CHECK_INT((int)research_pseudo_pos(sh, n, 8, false), 5);
	/* one ending inside it ends at the pseudonym's end */
	CHECK_INT((int)research_pseudo_pos(sh, n, 8, true), 19);
	/* the exact edges stay edges: the name whole is the pseudonym whole */
	CHECK_INT((int)research_pseudo_pos(sh, n, 5, false), 5);
	CHECK_INT((int)research_pseudo_pos(sh, n, 17, true), 19);
	CHECK_STR(cp_slice(&f.a, out, 5, 19), ps);
	/* a passage ending where the name starts does not take it in; one
	 * starting where it ends does not either */
	CHECK_INT((int)research_pseudo_pos(sh, n, 5, true), 5);
	CHECK_INT((int)research_pseudo_pos(sh, n, 17, false), 19);
	/* before the name: unchanged; after it: shifted by 14 - 12; after
	 * "Roos" too: by 2 + 10 */
	CHECK_INT((int)research_pseudo_pos(sh, n, 2, false), 2);
	CHECK_INT((int)research_pseudo_pos(sh, n, 18, false), 20);
	CHECK_INT((int)research_pseudo_pos(sh, n, 29, false), 41);
	/* the coded text outside the names is the same text */
	CHECK_STR(cp_slice(&f.a, text, 18, 22), "zei:");
	CHECK_STR(cp_slice(&f.a, out, research_pseudo_pos(sh, n, 18, false), research_pseudo_pos(sh, n, 22, true)),
		  "zei:");
	CHECK_STR(cp_slice(&f.a, text, 29, 34), "Einde");
	CHECK_STR(cp_slice(&f.a, out, research_pseudo_pos(sh, n, 29, false), research_pseudo_pos(sh, n, 34, true)),
		  "Einde");
	/* a passage over "zei: Ro" covers "zei: " and the whole pseudonym of Roos */
	CHECK_STR(cp_slice(&f.a, out, research_pseudo_pos(sh, n, 18, false), research_pseudo_pos(sh, n, 25, true)),
		  arena_printf(&f.a, "zei: [%s]", pp.p_roos));
	fixture_close(&f);
}

TEST(research_pseudonym_positions_by_hand)
{
	/* two replacements: [2,5) became 10 long, [8,9) became 1 long */
	const struct research_shift s[] = { { 2, 5, 10 }, { 8, 9, 1 } };
	CHECK_INT((int)research_pseudo_pos(s, 2, 0, false), 0);
	CHECK_INT((int)research_pseudo_pos(s, 2, 3, false), 2);
	CHECK_INT((int)research_pseudo_pos(s, 2, 3, true), 12);
	CHECK_INT((int)research_pseudo_pos(s, 2, 6, false), 13);
	CHECK_INT((int)research_pseudo_pos(s, 2, 9, true), 16);
	CHECK_INT((int)research_pseudo_pos(s, 2, 20, false), 27);
	CHECK_INT((int)research_pseudo_pos(NULL, 0, 7, true), 7);
}
