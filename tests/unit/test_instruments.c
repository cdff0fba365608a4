/* test_instruments.c — the built-in questionnaires as an organisation gets
 * them (instrument_install): each installs in a fresh database once, with
 * its sections, items, kinds and labelled scales, the seed's texts word for
 * word where the seed gives them (builtin_instruments.c names the lines),
 * and a bipolar item answered through a link, in the results and in the
 * export with its poles.
 *
 * Reference values: R 4.2.2, mean(c(1,2,3,4,5)) = 3 and sd(c(1,2,3,4,5)) =
 * 1.581139 (sqrt(2.5) = 1.5811388300841898). */
#include "test.h"
#include "fixture.h"
#include "core/i18n.h"
#include "domain/builtin.h"
#include "domain/group.h"
#include "domain/programme.h"
#include "domain/survey.h"
#include "domain/survey_export.h"
#include "store/instrument.h"
#include "store/store.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Installs the built-in key and reads its first version back. */
static bool installed(struct fixture *f, const char *key, struct instrument_version *v, long long *id)
{
	struct instrument in;
	return instrument_install(&f->c, key, 1, id) == D_OK && !store_instrument_get(f->st, &f->a, f->org_a, *id, &in) &&
	       !store_version_get(f->st, &f->a, f->org_a, in.latest_version_id, v);
}

static const struct instrument_item *item(const struct instrument_version *v, const char *code)
{
	for (size_t i = 0; i < v->nitems; i++)
		if (!strcmp(v->items[i].code, code))
			return &v->items[i];
	return NULL;
}

static size_t count_kind(const struct instrument_version *v, const char *kind)
{
	size_t n = 0;
	for (size_t i = 0; i < v->nitems; i++)
		n += !strcmp(v->items[i].kind, kind);
	return n;
}

/* The position (1..) of the section an item is in, 0 for none. */
static int section_of(const struct instrument_version *v, const struct instrument_item *it)
{
	for (size_t s = 0; s < v->nsections; s++)
		if (v->sections[s].id == it->section_id)
			return v->sections[s].position;
	return 0;
}

/* Every Likert and bipolar item: points 1..n, labelled at both ends. */
static bool scales_labelled(const struct instrument_version *v)
{
	for (size_t i = 0; i < v->nitems; i++) {
		const struct instrument_item *it = &v->items[i];
		if (strcmp(it->kind, "likert") && strcmp(it->kind, "bipolar"))
			continue;
		if (it->noptions < 2 || !*it->options[0].label || !*it->options[it->noptions - 1].label)
			return false;
		for (size_t k = 0; k < it->noptions; k++)
			if (it->options[k].value != (int)k + 1)
				return false;
	}
	return true;
}

static const char *reversed_codes(struct arena *a, const struct instrument_version *v)
{
	const char *out = "";
	for (size_t i = 0; i < v->nitems; i++)
		if (v->items[i].reversed)
			out = arena_printf(a, "%s%s%s", out, *out ? "," : "", v->items[i].code);
	return out;
}

TEST(instruments_every_builtin_installs_once)
{
	FIXTURE(f);
	const struct builtin_instrument_info *b;
	size_t n = survey_builtins(&b);
	CHECK_INT(n, 6);
	for (size_t i = 0; i < n; i++) {
		struct instrument_version v;
		long long id, again;
		CHECK(installed(&f, b[i].key, &v, &id));
		const struct builtin_questionnaire *q = builtin_questionnaire(b[i].key);
		CHECK(q && v.nitems == q->nquestions && v.nsections == q->nsections);
		CHECK(scales_labelled(&v));
		CHECK_INT(instrument_install(&f.c, b[i].key, 2, &again), D_OK);
		CHECK_INT(again, id);
		struct instrument in;
		CHECK(!store_instrument_get(f.st, &f.a, f.org_a, id, &in));
		CHECK_STR(in.name, b[i].name);
		CHECK_STR(in.source, b[i].source);
		CHECK_INT(in.versions, 1);
	}
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM instrument WHERE organisation_id = %lld", f.org_a), 6);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'instrument.install'"), 6);
	fixture_close(&f);
}

/* Only the built-in keys install; an imported questionnaire (whose key is
 * "") is not what POST /instruments with an empty key gives back. */
TEST(instruments_only_builtin_keys_install)
{
	FIXTURE(f);
	struct instrument in = { 0, "", "Geïmporteerd", "", "", 1, 0, 0 };
	long long imported, id = -1;
	CHECK_INT(store_instrument_add(f.st, f.org_a, &in, &imported), ST_OK);
	CHECK_INT(instrument_install(&f.c, "", 1, &id), D_NOTFOUND);
	CHECK_INT(instrument_install(&f.c, "QuickScan", 1, &id), D_NOTFOUND);
	CHECK_INT(instrument_install(&f.c, NULL, 1, &id), D_NOTFOUND);
	CHECK_INT(id, -1);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM instrument"), 1);
	fixture_close(&f);
}

/* The two built-ins from before keep their content: the LiVe! final
 * evaluation (seed 000) and the 360° scan. */
TEST(instruments_live_and_scan_unchanged)
{
	FIXTURE(f);
	struct instrument_version v;
	long long id;
	CHECK(installed(&f, "live-final", &v, &id));
	CHECK_INT(v.nsections, 2);
	CHECK_STR(v.sections[0].title, "Terugblik op LiVe!");
	CHECK_STR(v.sections[1].intro, "");
	CHECK_INT(v.nitems, 13);
	CHECK_INT(count_kind(&v, "likert"), 10);
	CHECK_STR(v.items[4].text, "In hoeverre is het jou gelukt om je oordelen te onderzoeken?");
	CHECK_STR(v.items[0].options[2].label, "");
	CHECK_STR(v.items[10].code, "open1");
	CHECK_STR(v.items[10].text, "Wat zijn voor jou de belangrijkste inzichten uit LiVe!?");
	CHECK_INT(section_of(&v, &v.items[10]), 2);
	CHECK(installed(&f, "leadership-scan-360", &v, &id));
	CHECK_INT(v.nsections, 1);
	CHECK_INT(v.nitems, 9);
	CHECK_STR(v.items[3].scale, "Verbindend leiderschap");
	CHECK_STR(v.items[8].text, "Blijft zichtbaar aanwezig wanneer een verandering schuurt.");
	CHECK_STR(v.items[8].options[2].label, "neutraal");
	CHECK_STR(reversed_codes(&f.a, &v), "");
	fixture_close(&f);
}

TEST(instruments_quickscan)
{
	FIXTURE(f);
	struct instrument_version v;
	long long id;
	CHECK(installed(&f, "quickscan", &v, &id));
	CHECK_INT(v.nsections, 4);
	CHECK_INT(v.nitems, 15);
	CHECK_INT(count_kind(&v, "likert"), 12);
	CHECK_INT(count_kind(&v, "open"), 3);
	/* the three facets, four items each, one of them reversed */
	static const char *const facets[] = { "Gedeeld leiderschap", "Verbindend leiderschap", "Veranderleiderschap" };
	for (size_t i = 0; i < 12; i++) {
		CHECK_STR(v.items[i].scale, facets[i / 4]);
		CHECK_INT(section_of(&v, &v.items[i]), (int)(i / 4) + 1);
		CHECK_INT(v.items[i].noptions, 5);
	}
	CHECK_STR(reversed_codes(&f.a, &v), "g4,v4,c4");
	CHECK_STR(v.items[0].options[0].label, "(bijna) nooit");
	CHECK_STR(v.items[0].options[4].label, "(bijna) altijd");
	/* seed 003, r. 222 and 226 */
	CHECK_STR(item(&v, "open1")->text, "Welk leiderschap toon jij?");
	CHECK_STR(item(&v, "open2")->text,
		  "Hoe kan jouw leiderschap bijdragen aan het realiseren van sociale veiligheid in combinatie met het leveren van prestaties?");
	CHECK_STR(v.sections[1].intro, "Publiek leiderschap en de maatschappelijke meerwaarde: verbindend leiderschap in ketens en netwerken.");
	CHECK(strstr(v.sections[0].intro, "zelfevaluatie") != NULL);
	fixture_close(&f);
}

TEST(instruments_learning_climate)
{
	FIXTURE(f);
	struct instrument_version v;
	long long id;
	CHECK(installed(&f, "learning-climate", &v, &id));
	CHECK_INT(v.nsections, 3);
	CHECK_STR(v.sections[0].title, "Inzicht: het leerklimaat nu");
	CHECK_STR(v.sections[1].title, "Uitzicht: het gewenste leerklimaat");
	CHECK_STR(v.sections[2].title, "Sleutels");
	CHECK_INT(v.nitems, 12);
	CHECK_INT(count_kind(&v, "bipolar"), 10);
	CHECK_INT(count_kind(&v, "open"), 2);
	/* the five dimensions, now and wished for, between the seed's poles
	 * (seed 001, r. 4117-4165) */
	static const char *const poles[5][2] = {
		{ "organisatiedoelen", "persoonlijke doelen" },
		{ "smalle vakbekwaamheid", "brede vakbekwaamheid" },
		{ "kennisoverdracht", "kennis delen" },
		{ "uniform leren", "individueel leren" },
		{ "organisatieverantwoordelijkheid", "individuele verantwoordelijkheid" },
	};
	for (size_t i = 0; i < 10; i++) {
		const struct instrument_item *it = &v.items[i];
		CHECK_STR(it->kind, "bipolar");
		CHECK_INT(section_of(&v, it), i < 5 ? 1 : 2);
		CHECK_STR(it->left_label, poles[i % 5][0]);
		CHECK_STR(it->right_label, poles[i % 5][1]);
		CHECK_INT(it->noptions, 5);
		CHECK_STR(it->options[0].label, poles[i % 5][0]);
		CHECK_STR(it->options[4].label, poles[i % 5][1]);
		CHECK_STR(it->options[2].label, "");
		CHECK_INT(it->reversed, 0);
	}
	CHECK_STR(item(&v, "nu1")->text, "Doel: richt het leren zich nu meer op de doelen van de organisatie of op die van de medewerker?");
	/* seed 001, r. 4173-4176, "zij" written out */
	CHECK_STR(item(&v, "open1")->text,
		  "Hoe stimuleren de leidinggevenden een cultuur waarin medewerkers een afwijkende mening kunnen verkondigen of een nieuwe aanpak kunnen uitproberen?");
	CHECK(strstr(v.sections[0].intro, "Het leerklimaat is een belangrijke randvoorwaarde voor leren.") == v.sections[0].intro);
	fixture_close(&f);
}

TEST(instruments_abd_evaluation)
{
	FIXTURE(f);
	struct instrument_version v;
	long long id;
	CHECK(installed(&f, "abd-evaluation", &v, &id));
	CHECK_INT(v.nsections, 4);
	CHECK_INT(v.nitems, 15);
	CHECK_INT(count_kind(&v, "likert"), 12);
	CHECK_INT(count_kind(&v, "open"), 3);
	/* the seed's three questions, seed 001, r. 5147-5155 */
	CHECK_STR(item(&v, "t1")->text, "In hoeverre slaat het thema aan bij de deelnemers?");
	CHECK_STR(item(&v, "o1")->text, "In welke mate slaat de opzet van de leergang aan bij de deelnemers?");
	CHECK_STR(item(&v, "a1")->text,
		  "Is de leergang in overeenstemming met wat deelnemers nodig hebben om hun professionele doelen en behoeften als topambtelijk leidinggevenden te vervullen?");
	CHECK_STR(item(&v, "t1")->scale, "Thema");
	CHECK_STR(item(&v, "o1")->scale, "Opzet");
	/* the impact map's behaviour counts with the third question */
	CHECK_STR(item(&v, "w1")->scale, item(&v, "a1")->scale);
	CHECK_INT(section_of(&v, item(&v, "w4")), 3);
	CHECK_STR(reversed_codes(&f.a, &v), "t3,o4");
	CHECK_STR(item(&v, "o4")->options[0].label, "helemaal niet");
	CHECK_STR(item(&v, "o4")->options[4].label, "in zeer hoge mate");
	CHECK(strstr(v.sections[2].intro, "impactmap") != NULL);
	fixture_close(&f);
}

TEST(instruments_member_check)
{
	FIXTURE(f);
	struct instrument_version v;
	long long id;
	CHECK(installed(&f, "member-check", &v, &id));
	CHECK_INT(v.nsections, 3);
	CHECK_INT(v.nitems, 7);
	CHECK_INT(count_kind(&v, "likert"), 1);
	CHECK_INT(count_kind(&v, "single"), 2);
	CHECK_INT(count_kind(&v, "open"), 4);
	/* seed 003, r. 165: the two questions to the contact persons */
	CHECK_STR(item(&v, "m1")->text, "Zijn de bevindingen herkenbaar?");
	CHECK_STR(item(&v, "m1")->options[4].label, "helemaal herkenbaar");
	CHECK_STR(item(&v, "m3")->text, "Zijn er nog bevindingen die u niet in uw praktijk kunt plaatsen?");
	CHECK_STR(item(&v, "m3")->kind, "single");
	CHECK_INT(item(&v, "m3")->noptions, 2);
	CHECK_STR(item(&v, "m3")->options[0].label, "ja");
	/* leergang's: the implications discussed together, more research */
	CHECK_STR(item(&v, "m5")->kind, "open");
	CHECK_INT(section_of(&v, item(&v, "m5")), 2);
	CHECK_STR(item(&v, "m6")->text, "Is er nog aanvullend onderzoek nodig?");
	CHECK_INT(section_of(&v, item(&v, "m6")), 3);
	/* seed 003, r. 161 */
	CHECK(strstr(v.sections[0].intro, "Member checks zijn bedoeld om onderzoeksresultaten te delen, te duiden, en kritisch "
					  "aan het licht te houden, om te bekijken of er nog aanvullend onderzoek nodig is.") ==
	      v.sections[0].intro);
	fixture_close(&f);
}

/* Five people answer the learning-climate scan through their links, 1..5
 * on the first bipolar item: a point off the scale is refused, the results
 * give R's mean and SD, and the export labels the column by the poles. */
TEST(instruments_bipolar_answered_counted_exported)
{
	FIXTURE(f);
	struct errors e = { 0 };
	long long prog, batch, group, instrument, wave;
	i18n_use(LANG_EN);
	long long people[5];
	for (int i = 0; i < 5; i++) {
		struct person p = { 0 };
		p.employee_id = arena_printf(&f.a, "B%d", i);
		p.name = p.employee_id;
		p.active = 1;
		CHECK_INT(store_person_insert(f.st, f.org_a, &p, &people[i]), ST_OK);
	}
	CHECK_INT(programme_from_template(&f.c, "live", "L", &e, &prog), D_OK);
	CHECK_INT(batch_create(&f.c, prog, "", &e, &batch), D_OK);
	CHECK_INT(group_create(&f.c, batch, "A", &e, &group), D_OK);
	CHECK_INT(group_enrol(&f.c, group, people, 5, "2026-01-05", &e), D_OK);
	CHECK_INT(instrument_install(&f.c, "learning-climate", 1, &instrument), D_OK);
	struct wave_new wn = { instrument, "Leerklimaat", "group", group, "2026-03-01", "2026-03-31", false, NULL };
	CHECK_INT(wave_create(&f.c, &wn, 1, &e, &wave), D_OK);
	struct wave w;
	struct invitation *inv;
	size_t n = 0;
	CHECK(!store_wave_get(f.st, &f.a, f.org_a, wave, &w) && !store_invitation_list(f.st, &f.a, f.org_a, wave, &inv, &n));
	CHECK_INT(n, 5);
	for (size_t i = 0; i < n; i++) {
		char tok[SECRET_HEX];
		wave_token(&w, inv[i].id, tok);
		struct respondent r;
		CHECK_INT(respond_open(f.st, &f.a, tok, NULL, "2026-03-10", &r), D_OK);
		const char *key = arena_printf(&f.a, "i%lld", r.v.items[0].id);
		if (i == 0) {
			struct respond_field off = { key, "6" };
			CHECK_INT(respond_save(f.st, &f.a, &r, &off, 1, false, "2026-03-10", &e), D_INVALID);
			CHECK_STR(errors_get(&e, key), "Question 1: choose one of the points of the scale.");
			e.n = 0;
		}
		struct respond_field fld[2] = { { key, arena_printf(&f.a, "%zu", i + 1) },
						{ arena_printf(&f.a, "i%lld", r.v.items[5].id), "3" } };
		CHECK_INT(respond_save(f.st, &f.a, &r, fld, 2, true, "2026-03-10", &e), D_OK);
	}
	struct instrument_version v;
	CHECK(!store_version_get(f.st, &f.a, f.org_a, w.version_id, &v));
	struct wave_results res;
	CHECK_INT(wave_results(&f.c, &w, &v, &res), D_OK);
	CHECK(res.shown);
	CHECK_INT(res.items[0].n, 5);
	CHECK(fabs(res.items[0].mean - 3.0) < 1e-12);
	CHECK(fabs(res.items[0].sd - 1.5811388300841898) < 1e-12);
	for (int k = 0; k < 5; k++)
		CHECK_INT(res.items[0].counts[k], 1);
	CHECK_INT(res.items[5].counts[2], 5);
	CHECK_INT(res.items[1].n, 0);
	struct wave_export x;
	CHECK_INT(wave_export(&f.c, &w, &v, &x), D_OK);
	CHECK(x.shown);
	const struct table_column *col = &x.table.columns[2];
	CHECK_STR(col->name, "nu1");
	CHECK_INT(col->type, TABLE_NUMBER);
	CHECK_INT(col->nlabels, 2);
	if (col->nlabels == 2) {
		CHECK(col->labels[0].value == 1 && col->labels[1].value == 5);
		CHECK_STR(col->labels[0].label, "organisatiedoelen");
		CHECK_STR(col->labels[1].label, "persoonlijke doelen");
	}
	fixture_close(&f);
}
