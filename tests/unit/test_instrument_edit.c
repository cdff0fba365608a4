/* test_instrument_edit.c — a questionnaire changed into a new version: the
 * changes land in version 2, the wave sent with version 1 keeps its
 * questions and answers, a new wave gets version 2; refused changes make
 * no version at all. */
#include "test.h"
#include "fixture.h"
#include "core/i18n.h"
#include "domain/group.h"
#include "domain/instrument_edit.h"
#include "domain/programme.h"
#include "domain/survey.h"
#include "store/instrument.h"
#include "store/store.h"
#include "core/compiler.h"

#include <string.h>

static long long versions(struct fixture *f, long long instrument)
{
	return fixture_query(f, "SELECT count(*) FROM instrument_version WHERE instrument_id = %lld", instrument);
}

TEST(instrument_new_version_keeps_old_waves_as_they_were)
{
	FIXTURE(f);
	struct errors e = { 0 };
	i18n_use(LANG_EN);
	long long prog, batch, group, instrument, w1, w2, people[5];
	CHECK_INT(programme_from_template(&f.c, "live", "L", &e, &prog), D_OK);
	CHECK_INT(batch_create(&f.c, prog, "", &e, &batch), D_OK);
	CHECK_INT(group_create(&f.c, batch, "A", &e, &group), D_OK);
	for (int i = 0; i < 5; i++) {
		struct person p = { 0 };
		p.employee_id = arena_printf(&f.a, "E%d", i);
		p.name = p.employee_id;
		p.active = 1;
		CHECK_INT(store_person_insert(f.st, f.org_a, &p, &people[i]), ST_OK);
	}
	CHECK_INT(group_enrol(&f.c, group, people, 5, "2026-01-05", &e), D_OK);
	CHECK_INT(instrument_install(&f.c, "live-final", 1, &instrument), D_OK);
	struct wave_new wn = { instrument, "Voor", "group", group, "2026-03-01", "2026-03-31", false, NULL };
	CHECK_INT(wave_create(&f.c, &wn, 1, &e, &w1), D_OK);
	struct wave w;
	struct instrument_version v1;
	CHECK(!store_wave_get(f.st, &f.a, f.org_a, w1, &w) && !store_version_get(f.st, &f.a, f.org_a, w.version_id, &v1));
	CHECK_INT(v1.nitems, 13);

	/* a's text changed and reversed, open3 left out, two questions added */
	struct item_edit ed[2] = {
		{ v1.items[0].id, "Hoe goed lukte het om uw leerdoelen te halen?", "Leerdoelen", true, true, false, true },
		{ v1.items[12].id, NULL, NULL, false, false, true, false },
	};
	struct item_new add[3] = {
		{ "k1", "likert", "Ik raad LiVe! aan bij collega's.", "" },
		{ "k2", "open", "Wat mist u nog?", "" },
		{ "", "likert", "", "" },  /* an empty row is no question */
	};
	int version = 0;
	CHECK_INT(instrument_new_version(&f.c, instrument, ed, 2, add, 3, "Vraag a herschreven", 2, &e, &version), D_OK);
	CHECK_INT(e.n, 0);
	CHECK_INT(version, 2);
	struct instrument in;
	struct instrument_version v2;
	CHECK(!store_instrument_get(f.st, &f.a, f.org_a, instrument, &in) &&
	      !store_version_get(f.st, &f.a, f.org_a, in.latest_version_id, &v2));
	CHECK_INT(v2.version, 2);
	CHECK_STR(v2.note, "Vraag a herschreven");
	CHECK_INT(v2.nitems, 14);
	CHECK_STR(v2.items[0].text, "Hoe goed lukte het om uw leerdoelen te halen?");
	CHECK_STR(v2.items[0].scale, "Leerdoelen");
	CHECK_INT(v2.items[0].reversed, 1);
	CHECK_INT(v2.items[0].required, 1);
	CHECK_INT(v2.items[0].allows_dont_know, 1);  /* "weet niet / n.v.t." switched on */
	CHECK_INT(v2.items[0].noptions, 5);
	CHECK_STR(v2.items[11].code, "open2");
	CHECK_STR(v2.items[12].code, "k1");
	CHECK_INT(v2.items[12].noptions, 5);  /* the points of question a */
	CHECK_STR(v2.items[12].options[0].label, "helemaal niet");
	CHECK_STR(v2.items[13].kind, "open");
	/* the wave sent before keeps version 1, unchanged */
	struct instrument_version again;
	CHECK(!store_wave_get(f.st, &f.a, f.org_a, w1, &w) && !store_version_get(f.st, &f.a, f.org_a, w.version_id, &again));
	CHECK_INT(again.version, 1);
	CHECK_INT(again.nitems, 13);
	CHECK_STR(again.items[0].text, "In hoeverre is het jou gelukt om jouw leerdoelen te behalen?");
	CHECK_INT(again.items[0].reversed, 0);
	CHECK_INT(again.items[0].allows_dont_know, 0);
	/* a new wave gets version 2 */
	struct wave_new wn2 = { instrument, "Na", "group", group, "2026-04-01", "2026-04-30", false, NULL };
	CHECK_INT(wave_create(&f.c, &wn2, 3, &e, &w2), D_OK);
	CHECK(!store_wave_get(f.st, &f.a, f.org_a, w2, &w));
	CHECK_INT(w.version, 2);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'instrument.version'"), 1);
	fixture_close(&f);
}

TEST(instrument_new_version_refuses_bad_changes_and_makes_none)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	long long instrument;
	CHECK_INT(instrument_install(&f.c, "live-final", 1, &instrument), D_OK);
	struct instrument in;
	struct instrument_version v;
	CHECK(!store_instrument_get(f.st, &f.a, f.org_a, instrument, &in) &&
	      !store_version_get(f.st, &f.a, f.org_a, in.latest_version_id, &v));
	int version;
	struct {
		struct item_edit ed;
		struct item_new add;
		const char *field;
	} cases[] = {
		{ { v.items[1].id, "", NULL, false, false, false, false }, { 0 }, NULL },             /* empty text */
		{ { 0 }, { "a", "likert", "Dubbel", "" }, "items" },                           /* a code used twice */
		{ { 0 }, { "1x", "likert", "Code begint met een cijfer", "" }, "code-1" },    /* a bad code */
		{ { 0 }, { "x<y", "open", "Vreemde code", "" }, "code-1" },
		{ { 0 }, { "k9", "matrix", "Onbekende soort", "" }, "kind-1" },
		{ { 0 }, { "k9", "open", "", "" }, "new-1" },                                  /* a code without text */
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct errors e = { 0 };
		CHECK_INT(instrument_new_version(&f.c, instrument, &cases[i].ed, cases[i].ed.item_id ? 1 : 0, &cases[i].add,
						 cases[i].add.code ? 1 : 0, "", 2, &e, &version), D_INVALID);
		CHECK(e.n > 0);
		if (cases[i].field)
			CHECK(errors_get(&e, cases[i].field) != NULL);
		CHECK_INT(versions(&f, instrument), 1);
	}
	/* leaving every question out */
	struct item_edit all[16];
	for (size_t i = 0; i < v.nitems; i++)
		all[i] = (struct item_edit){ v.items[i].id, NULL, NULL, false, false, true, false };
	struct errors e = { 0 };
	CHECK_INT(instrument_new_version(&f.c, instrument, all, v.nitems, NULL, 0, "", 2, &e, &version), D_INVALID);
	CHECK(errors_get(&e, "items") != NULL);
	CHECK_INT(versions(&f, instrument), 1);
	/* another organisation's questionnaire is not found */
	CHECK_INT(instrument_new_version(&f.cb, instrument, NULL, 0, NULL, 0, "", 2, &e, &version), D_NOTFOUND);
	fixture_close(&f);
}

/* A question may run over lines (an imported one does, shown as
 * paragraphs): saving the form sends its text back with the browser's
 * \r\n, which is stored as \n; a control character is still refused. */
TEST(instrument_new_version_keeps_a_question_of_several_lines)
{
	FIXTURE(f);
	struct errors e = { 0 };
	i18n_use(LANG_EN);
	long long instrument;
	CHECK_INT(instrument_install(&f.c, "live-final", 1, &instrument), D_OK);
	struct instrument in;
	struct instrument_version v1;
	CHECK(!store_instrument_get(f.st, &f.a, f.org_a, instrument, &in) &&
	      !store_version_get(f.st, &f.a, f.org_a, in.latest_version_id, &v1));
	struct item_edit ed[1] = { { v1.items[0].id, "Eerste alinea.\r\n\r\nTweede alinea,\r\nop twee regels.", "", false,
				     false, false, false } };
	int version = 0;
	CHECK_INT(instrument_new_version(&f.c, instrument, ed, 1, NULL, 0, "", 2, &e, &version), D_OK);
	CHECK_INT(e.n, 0);
	struct instrument_version v2;
	CHECK(!store_instrument_get(f.st, &f.a, f.org_a, instrument, &in) &&
	      !store_version_get(f.st, &f.a, f.org_a, in.latest_version_id, &v2));
	CHECK_STR(v2.items[0].text, "Eerste alinea.\n\nTweede alinea,\nop twee regels.");
	/* the form of version 2 saved as it was sent (another question changed):
	 * the text of several lines is taken as it is */
	struct item_edit again[2] = {
		{ v2.items[0].id, "Eerste alinea.\r\n\r\nTweede alinea,\r\nop twee regels.", "", false, false, false, false },
		{ v2.items[1].id, "Een andere vraag.", "", false, false, false, false },
	};
	CHECK_INT(instrument_new_version(&f.c, instrument, again, 2, NULL, 0, "", 3, &e, &version), D_OK);
	CHECK_INT(version, 3);
	struct instrument_version v3;
	CHECK(!store_instrument_get(f.st, &f.a, f.org_a, instrument, &in) &&
	      !store_version_get(f.st, &f.a, f.org_a, in.latest_version_id, &v3));
	CHECK_STR(v3.items[0].text, "Eerste alinea.\n\nTweede alinea,\nop twee regels.");
	CHECK_STR(v3.items[1].text, "Een andere vraag.");
	/* a control character, or line breaks alone, are refused; nothing new */
	long long before = versions(&f, instrument);
	ed[0].item_id = v3.items[0].id;
	ed[0].text = "Een\x01vraag";
	CHECK_INT(instrument_new_version(&f.c, instrument, ed, 1, NULL, 0, "", 4, &e, &version), D_INVALID);
	CHECK(e.n && strstr(e.items[0].message, "control characters") != NULL);
	e.n = 0;
	ed[0].text = "\r\n \r\n";
	CHECK_INT(instrument_new_version(&f.c, instrument, ed, 1, NULL, 0, "", 4, &e, &version), D_INVALID);
	CHECK_INT(versions(&f, instrument), before);
	fixture_close(&f);
}
