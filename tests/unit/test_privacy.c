/* test_privacy.c — privacy_anonymise (domain/privacy.c), the coach's
 * reading along without participants' names: a full name in any case, as
 * a whole word; a part of a name as written; never a particle. The texts
 * are what facilitators type: names in lower case after a full stop
 * forgotten, in capitals in a heading. */
#include "test.h"
#include "fixture.h"
#include "core/i18n.h"
#include "domain/group.h"
#include "domain/privacy.h"
#include "domain/programme.h"

/* A group with Jan de Vries and Anaïs Ærø in it; its id. */
static long long group(struct fixture *f)
{
	struct errors e = { 0 };
	long long prog, batch, g;
	long long people[2] = { fixture_person(f, "J1", "Jan de Vries"), fixture_person(f, "A1", "Anaïs Ærø") };
	if (programme_from_template(&f->c, "live", "L", &e, &prog) || batch_create(&f->c, prog, "", &e, &batch) ||
	    group_create(&f->c, batch, "A", &e, &g) || group_enrol(&f->c, g, people, 2, "2026-01-05", &e))
		return -1;
	return g;
}

TEST(privacy_full_name_in_any_case_is_replaced)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	long long g = group(&f);
	CHECK(g > 0);
	/* the mutant "a full name only as written" leaves the first two */
	CHECK_STR(privacy_anonymise(&f.c, g, "jan de vries sprak. JAN DE VRIES zweeg. Jan de Vries lachte."),
		  "[participant] sprak. [participant] zweeg. [participant] lachte.");
	CHECK_STR(privacy_anonymise(&f.c, g, "Verslag van JAN DE VRIES"), "Verslag van [participant]");
	CHECK_STR(privacy_anonymise(&f.c, g, "jAn De vRiEs"), "[participant]");
	fixture_close(&f);
}

TEST(privacy_name_parts_as_written_whole_words_no_particles)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	long long g = group(&f);
	CHECK(g > 0);
	/* "Vries" and "Jan" as written; the words "vries" and "jan" in a
	 * sentence are words, not names; "de" is never hidden on its own;
	 * "Janssen" and "Vriesland" are other words */
	CHECK_STR(privacy_anonymise(&f.c, g, "Jan en Vries; de vries en de dooi; Janssen uit Vriesland"),
		  "[participant] en [participant]; de vries en de dooi; Janssen uit Vriesland");
	fixture_close(&f);
}

TEST(privacy_full_name_in_any_case_beyond_ascii)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	long long g = group(&f);
	CHECK(g > 0);
	/* strncasecmp compares bytes: "Ï" and "ï" differ, so the name in
	 * capitals reached the coach */
	CHECK_STR(privacy_anonymise(&f.c, g, "ANAÏS ÆRØ vertelde; anaïs ærø lachte."),
		  "[participant] vertelde; [participant] lachte.");
	CHECK_STR(privacy_anonymise(&f.c, g, "Anaïs Ærø"), "[participant]");
	/* the parts as written still; in another case they are words */
	CHECK_STR(privacy_anonymise(&f.c, g, "Anaïs en Ærø; ANAÏS"), "[participant] en [participant]; ANAÏS");
	fixture_close(&f);
}
