/* test_lss.c — LimeSurvey survey structures (.lss): the reader
 * (src/formats/lss.c) and the import as an instrument
 * (src/domain/instrument_import.c).
 *
 * The three real files are LimeSurvey's own, in ../shared/fixtures/limesurvey/
 * (see its README): a 4.x file (DBVersion 450) with one dropdown, an old
 * 2.x file (DBVersion 164, one row per language) and the 6/7 sample survey
 * (DBVersion 703) with nearly every question type. When that directory is
 * not there the tests say so and check an embedded file instead. Then
 * hostile files: an external entity (XXE) must not be read, an entity
 * bomb must be refused at once, malformed XML refused, limits kept. */
#include "test.h"
#include "fixture.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "domain/answer_rule.h"
#include "domain/instrument_edit.h"
#include "domain/instrument_import.h"
#include "formats/lss.h"
#include "store/instrument.h"
#include "store/store.h"
#include "core/compiler.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define FIXTURES "../shared/fixtures/limesurvey/"

static void embedded_check(void);

/* The file's bytes (free them), or NULL when the fixtures are absent: then
 * the embedded survey is checked instead, so that the test still counts. */
static char *fixture_bytes(const char *name, size_t *len)
{
	char path[256];
	snprintf(path, sizeof(path), FIXTURES "%s", name);
	FILE *f = fopen(path, "rb");
	if (!f) {
		test_skip(SKIP_FIXTURE, "../shared/fixtures is not there: %s is not read, the embedded survey is checked instead",
			  name);
		embedded_check();
		return NULL;
	}
	struct buf b = BUF_INIT;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	return buf_detach(&b, len);
}

/* An import made with a bare context (reading needs no store). */
struct reading {
	struct arena a;
	struct actor who;
	struct ctx c;
	struct instrument_import imp;
	int d;
};

static void read_import(struct reading *r, const char *filename, const char *data, size_t len)
{
	memset(r, 0, sizeof(*r));
	r->who.organisation_id = 1;
	r->c = (struct ctx){ NULL, &r->a, &r->who, 0 };
	i18n_use(LANG_EN);
	r->d = instrument_import_read(&r->c, filename, data, len, &r->imp);
}

static const struct instrument_item *item(const struct instrument_import *imp, const char *code)
{
	for (size_t i = 0; i < imp->version.nitems; i++)
		if (!strcmp(imp->version.items[i].code, code))
			return &imp->version.items[i];
	return NULL;
}

/* The first note of a kind about a question (code "" for the file) whose
 * text contains part, or NULL. */
static const struct import_note *find_note(const struct instrument_import *imp, enum import_note_kind kind,
					   const char *code, const char *part)
{
	for (size_t i = 0; i < imp->nnotes; i++)
		if (imp->notes[i].kind == kind && !strcmp(imp->notes[i].code, code) && strstr(imp->notes[i].text, part))
			return &imp->notes[i];
	return NULL;
}

static size_t count_notes(const struct instrument_import *imp, enum import_note_kind kind)
{
	size_t n = 0;
	for (size_t i = 0; i < imp->nnotes; i++)
		n += imp->notes[i].kind == kind;
	return n;
}

/* ---- a small survey written here: always available ---- */

#define ROW_Q(qid, parent, gid, type, title, mandatory, order, rel)                                              \
	"<row><qid><![CDATA[" qid "]]></qid><parent_qid><![CDATA[" parent "]]></parent_qid><sid>9</sid>"          \
	"<gid><![CDATA[" gid "]]></gid><type><![CDATA[" type "]]></type><title><![CDATA[" title "]]></title>"     \
	"<mandatory>" mandatory "</mandatory><other>N</other><question_order>" order "</question_order>"          \
	"<scale_id>0</scale_id><relevance><![CDATA[" rel "]]></relevance></row>"
#define ROW_QL(qid, lang, text)                                                                                  \
	"<row><qid>" qid "</qid><question><![CDATA[" text "]]></question><help/><language>" lang "</language></row>"

static const char small_lss[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document>\n"
	" <LimeSurveyDocType>Survey</LimeSurveyDocType>\n <DBVersion>600</DBVersion>\n"
	" <languages><language>en</language><language>nl</language></languages>\n"
	" <groups><fields><fieldname>gid</fieldname></fields><rows>"
	"  <row><gid>2</gid><sid>9</sid><group_order>2</group_order><grelevance/></row>"
	"  <row><gid>1</gid><sid>9</sid><group_order>1</group_order><grelevance>1</grelevance></row>"
	" </rows></groups>\n"
	" <group_l10ns><rows>"
	"  <row><gid>1</gid><group_name>Start</group_name><description>&lt;p&gt;Welcome&lt;/p&gt;</description><language>en</language></row>"
	"  <row><gid>1</gid><group_name><![CDATA[Begin <em>hier</em>]]></group_name><description><![CDATA[<p>Welkom&nbsp;bij &amp; de <b>enquête</b></p><p>Veel plezier</p>]]></description><language>nl</language></row>"
	"  <row><gid>2</gid><group_name>Later</group_name><language>nl</language></row>"
	" </rows></group_l10ns>\n"
	" <questions><rows>"
	ROW_Q("10", "0", "1", "L", "Q1", "Y", "1", "1")
	ROW_Q("11", "0", "1", "T", "q1", "N", "2", "Q1 == 'A1'")
	ROW_Q("12", "0", "2", "M", "M1", "N", "1", "")
	ROW_Q("13", "0", "2", "Q", "M1", "S", "2", "1")
	ROW_Q("14", "0", "2", "5", "1bad-code", "N", "3", "1")
	ROW_Q("15", "0", "2", "D", "born", "N", "4", "1")
	" </rows></questions>\n"
	" <subquestions><rows>"
	ROW_Q("20", "12", "2", "T", "A", "N", "1", "1")
	ROW_Q("21", "12", "2", "T", "B", "N", "2", "1")
	ROW_Q("22", "13", "2", "T", "1", "N", "1", "1")
	" </rows></subquestions>\n"
	" <question_l10ns><rows>"
	ROW_QL("10", "en", "How satisfied are you?")
	ROW_QL("10", "nl", "<p>Hoe <b>tevreden</b> bent u?</p>")
	ROW_QL("11", "nl", "Waarom?<br/>Leg uit &lt;kort&gt;")
	ROW_QL("12", "nl", "Wat gebruikt u?")
	ROW_QL("13", "nl", "Noem er een")
	ROW_QL("14", "nl", "Cijfer")
	ROW_QL("15", "nl", "Geboren")
	ROW_QL("20", "nl", "Mail")
	ROW_QL("21", "nl", "Chat")
	ROW_QL("22", "nl", "Eerste")
	" </rows></question_l10ns>\n"
	" <answers><rows>"
	"  <row><aid>31</aid><qid>10</qid><code>A2</code><sortorder>2</sortorder><scale_id>0</scale_id></row>"
	"  <row><aid>30</aid><qid>10</qid><code>A1</code><sortorder>1</sortorder><scale_id>0</scale_id></row>"
	" </rows></answers>\n"
	" <answer_l10ns><rows>"
	"  <row><aid>30</aid><answer>Zeer</answer><language>nl</language></row>"
	"  <row><aid>31</aid><answer>Niet</answer><language>nl</language></row>"
	"  <row><aid>30</aid><answer>Very</answer><language>en</language></row>"
	" </rows></answer_l10ns>\n"
	" <surveys><rows><row><sid>9</sid><language>en</language><additional_languages>nl</additional_languages></row></rows></surveys>\n"
	" <surveys_languagesettings><rows>"
	"  <row><surveyls_survey_id>9</surveyls_survey_id><surveyls_language>en</surveyls_language><surveyls_title>Small</surveyls_title></row>"
	"  <row><surveyls_survey_id>9</surveyls_survey_id><surveyls_language>nl</surveyls_language><surveyls_title>Klein &amp; fijn</surveyls_title></row>"
	" </rows></surveys_languagesettings>\n"
	"</document>\n";

static void embedded_check(void)
{
	struct arena a = ARENA_INIT;
	struct lss_survey s;
	CHECK_INT(lss_parse(&a, small_lss, sizeof(small_lss) - 1, &s), LSS_OK);
	CHECK_INT(s.nquestions, 6);
	arena_free(&a);
}

TEST(lss_embedded_survey)
{
	struct arena a = ARENA_INIT;
	struct lss_survey s;
	CHECK_INT(lss_parse(&a, small_lss, sizeof(small_lss) - 1, &s), LSS_OK);
	CHECK_STR(s.title, "Klein & fijn");
	CHECK_STR(s.base_language, "en");
	CHECK_STR(s.language, "nl");
	CHECK_INT(s.nlanguages, 2);
	CHECK_INT(s.sid, 9);
	CHECK_INT(s.dbversion, 600);
	CHECK_INT(s.ngroups, 2);
	CHECK_STR(s.groups[0].title, "Begin hier");
	CHECK_STR(s.groups[0].description, "Welkom bij & de enquête\nVeel plezier");
	CHECK_STR(s.groups[1].title, "Later");
	CHECK(s.html);
	CHECK_INT(s.nquestions, 6);
	CHECK_STR(s.questions[0].code, "Q1");
	CHECK_INT(s.questions[0].type, 'L');
	CHECK_STR(s.questions[0].text, "Hoe tevreden bent u?");
	CHECK_INT(s.questions[0].mandatory, 'Y');
	CHECK_INT(s.questions[0].nanswers, 2);
	CHECK_STR(s.questions[0].answers[0].code, "A1");
	CHECK_STR(s.questions[0].answers[0].text, "Zeer");
	CHECK_STR(s.questions[1].text, "Waarom?\nLeg uit <kort>");
	CHECK_STR(s.questions[1].relevance, "Q1 == 'A1'");
	CHECK_INT(s.questions[2].nsubs, 2);
	CHECK_STR(s.questions[2].subs[1].text, "Chat");
	arena_free(&a);
}

/* A question longer than a question may be in leergang (instrument_edit.h)
 * is shortened, and the report says so: else the questionnaire's new
 * version could never be saved as it stands. */
TEST(lss_text_longer_than_a_question_may_be_is_shortened_and_said)
{
	static const char from[] = "Waarom?<br/>Leg uit &lt;kort&gt;";
	const char *at = strstr(small_lss, from);
	CHECK(at != NULL);
	if (!at)
		return;
	struct buf b = BUF_INIT;
	buf_add(&b, small_lss, (size_t)(at - small_lss));
	for (int i = 0; i < ITEM_TEXT_MAX + 10; i++)
		buf_adds(&b, "é");   /* two bytes, one character */
	buf_adds(&b, at + strlen(from));
	struct reading r;
	read_import(&r, "lang.lss", b.ptr, b.len);
	CHECK_INT(r.d, D_OK);
	const struct instrument_item *it = item(&r.imp, "q1_2");   /* q1 beside Q1 */
	CHECK(it != NULL);
	if (it) {
		CHECK_INT(utf8_length(it->text), ITEM_TEXT_MAX);   /* 3999 and the ellipsis */
		size_t n = strlen(it->text);
		CHECK(n >= 3 && !strcmp(it->text + n - 3, "…"));
	}
	CHECK(find_note(&r.imp, NOTE_CHANGED, "q1", "shortened") != NULL);
	/* the other questions keep their texts and get no such note */
	CHECK(find_note(&r.imp, NOTE_CHANGED, "Q1", "shortened") == NULL);
	buf_release(&b);
	arena_free(&r.a);
}

TEST(lss_embedded_import_codes)
{
	struct reading r;
	read_import(&r, "C:\\Users\\x\\klein.lss", small_lss, sizeof(small_lss) - 1);
	CHECK_INT(r.d, D_OK);
	struct instrument_import *imp = &r.imp;
	CHECK_STR(imp->filename, "klein.lss");
	CHECK_STR(imp->instrument.name, "Klein & fijn");
	CHECK(strstr(imp->instrument.source, "klein.lss") && strstr(imp->instrument.source, "survey 9"));
	CHECK_INT(imp->version.nsections, 2);
	CHECK_STR(imp->version.sections[0].title, "Begin hier");
	/* Q1 L, q1 T, M1 M (2 options), M1 Q (1 sub), 1bad-code 5; born D dropped */
	CHECK_INT(imp->version.nitems, 5);
	const struct instrument_item *it = item(imp, "Q1");
	CHECK(it && !strcmp(it->kind, "single") && it->required && it->noptions == 2);
	if (it) {
		CHECK_STR(it->options[0].label, "Zeer");
		CHECK_INT(it->options[1].value, 2);
		CHECK_INT(it->section_id, 0);
	}
	CHECK(find_note(imp, NOTE_CHANGED, "Q1", "A1 = 1, A2 = 2"));
	/* "q1" is "Q1" but for case: SPSS would not tell them apart */
	CHECK(item(imp, "q1_2") != NULL);
	CHECK(find_note(imp, NOTE_CHANGED, "q1", "“q1” was already in use and became “q1_2”"));
	CHECK(find_note(imp, NOTE_CHANGED, "q1", "The condition “Q1 == 'A1'” was not carried over"));
	it = item(imp, "M1");
	CHECK(it && !strcmp(it->kind, "multiple") && it->noptions == 2);
	/* M1_1 is the export column of M1's first option */
	CHECK(item(imp, "M1_1_2") != NULL);
	CHECK(find_note(imp, NOTE_CHANGED, "M1", "Soft mandatory"));
	it = item(imp, "q1bad_code");
	CHECK(it && !strcmp(it->kind, "likert") && it->noptions == 5);
	CHECK(find_note(imp, NOTE_CHANGED, "1bad-code", "became “q1bad_code”"));
	CHECK(find_note(imp, NOTE_DROPPED, "born", "(date)"));
	CHECK_INT(imp->dropped, 1);
	CHECK(find_note(imp, NOTE_GENERAL, "", "Imported in Dutch (nl)."));
	CHECK(find_note(imp, NOTE_GENERAL, "", "other languages of the file (en)"));
	CHECK(find_note(imp, NOTE_GENERAL, "", "1 question is mandatory"));
	arena_free(&r.a);
}

/* A scale with "Weet niet" as its last answer (codes 1..4 and 99), and a
 * scale whose last answer is an ordinary point: the first becomes a Likert
 * item of 4 points with "weet niet / n.v.t.", the second stays as it is. */
#define ROW_A(aid, qid, code, order) \
	"<row><aid>" aid "</aid><qid>" qid "</qid><code>" code "</code><sortorder>" order "</sortorder><scale_id>0</scale_id></row>"
#define ROW_AL(aid, text) "<row><aid>" aid "</aid><answer>" text "</answer><language>nl</language></row>"
static const char dont_know_lss[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document>\n"
	" <LimeSurveyDocType>Survey</LimeSurveyDocType>\n <DBVersion>600</DBVersion>\n"
	" <languages><language>nl</language></languages>\n"
	" <groups><rows><row><gid>1</gid><sid>9</sid><group_order>1</group_order><grelevance/></row></rows></groups>\n"
	" <group_l10ns><rows><row><gid>1</gid><group_name>Vragen</group_name><language>nl</language></row></rows></group_l10ns>\n"
	" <questions><rows>"
	ROW_Q("10", "0", "1", "F", "S", "N", "1", "1")
	ROW_Q("11", "0", "1", "F", "T", "N", "2", "1")
	" </rows></questions>\n"
	" <subquestions><rows>"
	ROW_Q("20", "10", "1", "T", "SQ1", "N", "1", "1")
	ROW_Q("21", "10", "1", "T", "SQ2", "N", "2", "1")
	ROW_Q("22", "11", "1", "T", "SQ1", "N", "1", "1")
	" </rows></subquestions>\n"
	" <question_l10ns><rows>"
	ROW_QL("10", "nl", "Ruimte om te leren")
	ROW_QL("11", "nl", "Van elkaar leren")
	ROW_QL("20", "nl", "Mijn leidinggevende geeft ruimte")
	ROW_QL("21", "nl", "Fouten mogen")
	ROW_QL("22", "nl", "Ik leer van collega's")
	" </rows></question_l10ns>\n"
	" <answers><rows>"
	ROW_A("1", "10", "1", "1") ROW_A("2", "10", "2", "2") ROW_A("3", "10", "3", "3") ROW_A("4", "10", "4", "4")
	ROW_A("5", "10", "99", "5")
	ROW_A("6", "11", "1", "1") ROW_A("7", "11", "2", "2") ROW_A("8", "11", "3", "3")
	" </rows></answers>\n"
	" <answer_l10ns><rows>"
	ROW_AL("1", "Oneens") ROW_AL("2", "Beetje oneens") ROW_AL("3", "Beetje eens") ROW_AL("4", "Eens")
	ROW_AL("5", "Weet niet / n.v.t.")
	ROW_AL("6", "Nooit") ROW_AL("7", "Soms") ROW_AL("8", "Vaak")
	" </rows></answer_l10ns>\n"
	" <surveys><rows><row><sid>9</sid><language>nl</language></row></rows></surveys>\n"
	" <surveys_languagesettings><rows><row><surveyls_survey_id>9</surveyls_survey_id><surveyls_language>nl</surveyls_language>"
	"<surveyls_title>Leerklimaat</surveyls_title></row></rows></surveys_languagesettings>\n"
	"</document>\n";

TEST(lss_dont_know_answer_is_no_point_of_the_scale)
{
	struct reading r;
	read_import(&r, "leerklimaat.lss", dont_know_lss, sizeof(dont_know_lss) - 1);
	CHECK_INT(r.d, D_OK);
	size_t with = 0, without = 0;
	for (size_t i = 0; i < r.imp.version.nitems; i++) {
		const struct instrument_item *it = &r.imp.version.items[i];
		CHECK_STR(it->kind, "likert");
		if (it->scale && !strcmp(it->scale, "S")) {  /* 1..4 and 99 "Weet niet / n.v.t." */
			with++;
			CHECK_INT(it->noptions, 4);
			CHECK_INT(it->options[3].value, 4);
			CHECK_STR(it->options[3].label, "Eens");
			CHECK_INT(it->allows_dont_know, 1);
		} else {  /* 1..3, "Vaak" an ordinary point */
			without++;
			CHECK_INT(it->noptions, 3);
			CHECK_INT(it->allows_dont_know, 0);
		}
	}
	CHECK_INT(with, 2);
	CHECK_INT(without, 1);
	CHECK(find_note(&r.imp, NOTE_CHANGED, "S", "(code 99) became"));
	arena_free(&r.a);
}

TEST(lss_plain_text)
{
	struct arena a = ARENA_INIT;
	bool html = false;
	CHECK_STR(lss_plain_text(&a, "<strong>Text display</strong><br /><br />Just a displayed text.", &html),
		  "Text display\n\nJust a displayed text.");
	CHECK(html);
	html = false;
	CHECK_STR(lss_plain_text(&a, "  a < b &amp;&amp; c > d &unknown; &#233;&#xE9; &#0; ", &html), "a < b && c > d &unknown; éé \xEF\xBF\xBD");
	CHECK(!html);
	CHECK_STR(lss_plain_text(&a, "<p>x</p><script>alert('<p>')</script><style>p{}</style><!-- <b>no</b> -->y", &html), "x\ny");
	CHECK_STR(lss_plain_text(&a, "<ul><li>een</li><li>twee</li></ul><img src=\"a.png\" alt=\">\">", NULL), "een\ntwee");
	CHECK_STR(lss_plain_text(&a, "<br><br><br><br>x<br><br><br>y\r\n\tz", NULL), "x\n\ny z");
	CHECK_STR(lss_plain_text(&a, "<a href='x'>onvolledig", NULL), "onvolledig");
	CHECK_STR(lss_plain_text(&a, "", NULL), "");
	arena_free(&a);
}

/* ---- the real files ---- */

TEST(lss_fixture_188432_dropdown)
{
	size_t len;
	char *data = fixture_bytes("limesurvey_survey_188432_answerSetsForEmTest.lss", &len);
	if (!data)
		return;
	struct reading r;
	read_import(&r, "limesurvey_survey_188432_answerSetsForEmTest.lss", data, len);
	CHECK_INT(r.d, D_OK);
	struct instrument_import *imp = &r.imp;
	CHECK_INT(imp->survey.dbversion, 450);
	CHECK_INT(imp->survey.sid, 188432);
	CHECK_STR(imp->survey.title, "Answer Sets For EM Test");
	CHECK_STR(imp->survey.base_language, "de");
	CHECK_STR(imp->survey.language, "de");
	CHECK_INT(imp->version.nsections, 1);
	CHECK_STR(imp->version.sections[0].title, "Erste Fragegruppe");
	CHECK_INT(imp->version.nitems, 1);
	const struct instrument_item *it = item(imp, "G00Q03");
	CHECK(it && !strcmp(it->kind, "single") && !it->required);
	if (it && it->noptions == 4) {
		CHECK_STR(it->text, "List Question");
		CHECK_STR(it->options[0].label, "Erster Eintrag");
		CHECK_STR(it->options[3].label, "Vierter Eintrag");
		CHECK_INT(it->options[3].value, 4);
	} else {
		CHECK(!"G00Q03 has 4 options");
	}
	CHECK_INT(count_notes(imp, NOTE_DROPPED), 0);
	CHECK_INT(count_notes(imp, NOTE_CHANGED), 0);  /* codes 1-4 are the values */
	CHECK(find_note(imp, NOTE_GENERAL, "", "no Dutch version: imported in its base language (de)"));
	CHECK(find_note(imp, NOTE_GENERAL, "", "other languages of the file (en)"));
	arena_free(&r.a);
	free(data);
}

TEST(lss_fixture_oldcodes_164)
{
	size_t len;
	char *data = fixture_bytes("limesurvey_survey_OldCodes.lss", &len);
	if (!data)
		return;
	struct reading r;
	read_import(&r, "limesurvey_survey_OldCodes.lss", data, len);
	CHECK_INT(r.d, D_OK);
	struct instrument_import *imp = &r.imp;
	CHECK_INT(imp->survey.dbversion, 164);
	CHECK_STR(imp->survey.title, "Test old code replacement");
	CHECK_STR(imp->survey.language, "en");
	CHECK_INT(imp->survey.nlanguages, 2);
	CHECK_STR(imp->survey.languages[1], "es");  /* "es " with its trailing space */
	CHECK_INT(imp->survey.default_values, 1);
	CHECK_INT(imp->version.nsections, 2);
	CHECK_STR(imp->version.sections[0].title, "First group");
	CHECK_STR(imp->version.sections[1].title, "Second group");
	CHECK_INT(imp->version.nitems, 3);
	const struct instrument_item *it = item(imp, "OLD_CODE1");
	CHECK(it && !strcmp(it->kind, "likert") && it->noptions == 5);
	if (it && it->noptions == 5) {
		CHECK_STR(it->text, "Sample question with old code");
		CHECK_INT(it->options[0].value, 1);
		CHECK_INT(it->options[4].value, 5);
		CHECK_STR(it->options[4].label, "");
		CHECK_INT(it->section_id, 0);
	}
	it = item(imp, "OLD_CODE2");
	CHECK(it && !strcmp(it->kind, "open"));
	if (it)
		CHECK_STR(it->text, "{OLD_CODE1.shown + OLD_CODE1.shown}\n{if(OLD_CODE1.shown > 2, OLD_CODE1.shown, 0)}");
	it = item(imp, "OLD_CODE3");
	CHECK(it && !strcmp(it->kind, "open") && it->section_id == 1);
	CHECK(find_note(imp, NOTE_CHANGED, "OLD_CODE2", "Expression Manager"));
	CHECK(find_note(imp, NOTE_CHANGED, "OLD_CODE2", "“OLD_CODE1.shown>2” was not carried over"));
	CHECK(find_note(imp, NOTE_CHANGED, "", "Section “Second group”: the condition “OLD_CODE1.shown>2”"));
	CHECK(find_note(imp, NOTE_GENERAL, "", "Default answers (1) were not carried over."));
	CHECK(find_note(imp, NOTE_GENERAL, "", "other languages of the file (es)"));
	CHECK_INT(count_notes(imp, NOTE_DROPPED), 0);
	arena_free(&r.a);
	free(data);
}

TEST(lss_fixture_ls7_all_types)
{
	size_t len;
	char *data = fixture_bytes("ls7_Samplesurvey_en_de.lss", &len);
	if (!data)
		return;
	struct reading r;
	read_import(&r, "ls7_Samplesurvey_en_de.lss", data, len);
	CHECK_INT(r.d, D_OK);
	struct instrument_import *imp = &r.imp;
	const struct instrument_version *v = &imp->version;
	CHECK_INT(imp->survey.dbversion, 703);
	CHECK_STR(imp->survey.title, "LS7 - Sample-Survey");
	CHECK_STR(imp->survey.language, "en");
	CHECK_INT(imp->survey.ngroups, 6);
	CHECK_INT(imp->survey.nquestions, 39);
	/* the group "Equation" has only numbers and equations: no section;
	 * the text display in the middle of "Mask" stays there, as the start
	 * of a second part after the questions before it */
	CHECK_INT(v->nsections, 6);
	CHECK_STR(v->sections[4].title, "Mask");
	CHECK_STR(v->sections[4].intro, "");
	CHECK_STR(v->sections[5].title, "Mask");
	CHECK_STR(v->sections[5].intro, "Text display\n\nJust a displayed text.");
	size_t in_part[6] = { 0 };
	for (size_t i = 0; i < v->nitems; i++)
		in_part[v->items[i].section_id]++;
	CHECK(in_part[4] > 0 && in_part[5] > 0);
	/* 7 single choices; arrays 4 F + 4 A + 4 B + 4 E + 4 C + 4 H + 8 dual; 4 multiple;
	 * 12 open; gender and yes/no */
	CHECK_INT(v->nitems, 57);
	CHECK_INT(imp->dropped, 12);

	const struct instrument_item *it = item(imp, "G00Q02");
	CHECK(it && !strcmp(it->kind, "likert") && it->noptions == 5);
	it = item(imp, "G00Q04");
	CHECK(it && !strcmp(it->kind, "single") && it->noptions == 4);
	if (it && it->noptions == 4) {
		CHECK_STR(it->text, "BS dropdown");
		CHECK_STR(it->options[0].label, "OPTION A");
		CHECK_STR(it->options[3].label, "OPTION D");
	}
	CHECK(find_note(imp, NOTE_CHANGED, "G00Q04", "AO01 = 1, AO02 = 2, AO03 = 3, AO04 = 4"));
	CHECK(find_note(imp, NOTE_CHANGED, "G00Q08", "comment field"));
	/* array 5-point: one Likert item per subquestion, one scale */
	for (int k = 1; k <= 4; k++) {
		char code[32], text[64];
		snprintf(code, sizeof(code), "G01Q09_SQ00%d", k);
		snprintf(text, sizeof(text), "Array (5 point choice) — OPTION %c", 'A' + k - 1);
		it = item(imp, code);
		CHECK(it && !strcmp(it->kind, "likert") && it->noptions == 5);
		if (it) {
			CHECK_STR(it->text, text);
			CHECK_STR(it->scale, "G01Q09");
			CHECK_INT(it->options[4].value, 5);
		}
	}
	it = item(imp, "G01Q10_SQ004");
	CHECK(it && !strcmp(it->kind, "likert") && it->noptions == 10);
	/* array flexible with codes AO01..: single choices; help under the first */
	it = item(imp, "Q002_SQ001");
	CHECK(it && !strcmp(it->kind, "single") && it->noptions == 4 && !it->required);
	if (it)
		CHECK_STR(it->text, "Array — OPTION A\nHelp");
	CHECK(find_note(imp, NOTE_CHANGED, "Q002", "Soft mandatory"));
	it = item(imp, "G01Q13_SQ002");
	CHECK(it && !strcmp(it->kind, "single") && it->noptions == 3);
	if (it && it->noptions == 3) {
		CHECK_STR(it->options[0].label, "Yes");
		CHECK_STR(it->options[1].label, "Uncertain");
		CHECK_STR(it->options[2].label, "No");
	}
	it = item(imp, "G01Q11_SQ001");
	CHECK(it && it->noptions == 3 && !strcmp(it->options[2].label, "Decrease"));
	/* dual scale: two items per subquestion */
	it = item(imp, "G02Q16_SQ003_1");
	CHECK(it && !strcmp(it->kind, "single") && it->noptions == 4);
	if (it)
		CHECK_STR(it->text, "Array dual scale — OPTION C (scale 2)");
	CHECK(item(imp, "G02Q16_SQ003_0") != NULL);
	it = item(imp, "G03Q20");
	CHECK(it && !strcmp(it->kind, "multiple") && it->noptions == 4);
	CHECK(find_note(imp, NOTE_CHANGED, "G03Q20", "comment fields"));
	it = item(imp, "G04Q25_SQ003");
	CHECK(it && !strcmp(it->kind, "open"));
	it = item(imp, "G04Q24");
	CHECK(it && !strcmp(it->kind, "open"));
	it = item(imp, "G05Q36");
	CHECK(it && it->noptions == 2 && !strcmp(it->options[0].label, "Yes") && !strcmp(it->options[1].label, "No"));
	CHECK(find_note(imp, NOTE_CHANGED, "G05Q36", "Y = 1, N = 2"));
	it = item(imp, "G05Q30");
	CHECK(it && it->noptions == 2 && !strcmp(it->options[0].label, "Female"));
	CHECK(find_note(imp, NOTE_CHANGED, "G05Q35", "Text display"));

	/* what was not carried over, each with its type */
	static const char *const gone[][2] = {
		{ "G01Q12", "(array of numbers)" }, { "G01Q14", "(array of texts)" }, { "G05Q27", "(date)" },
		{ "G05Q29", "(file upload)" }, { "G05Q31", "(multiple numbers)" }, { "G05Q32", "(number)" },
		{ "G05Q33", "(ranking)" }, { "G05Q34", "(ranking)" }, { "tall", "(number)" }, { "weightkg", "(number)" },
		{ "BMI", "(equation)" }, { "BMIreturn", "(equation)" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(gone); i++) {
		const struct import_note *n = find_note(imp, NOTE_DROPPED, gone[i][0], gone[i][1]);
		CHECK(n != NULL);
		if (!n)
			fprintf(stderr, "  no note for %s %s\n", gone[i][0], gone[i][1]);
	}
	CHECK_INT(count_notes(imp, NOTE_DROPPED), 12);
	CHECK(find_note(imp, NOTE_DROPPED, "G05Q27", "leergang does not know this question type (date) yet."));
	CHECK(find_note(imp, NOTE_GENERAL, "", "HTML layout"));
	CHECK(find_note(imp, NOTE_GENERAL, "", "other languages of the file (de)"));
	/* codes are unique and valid */
	for (size_t i = 0; i < v->nitems; i++)
		for (size_t k = i + 1; k < v->nitems; k++)
			if (!strcasecmp(v->items[i].code, v->items[k].code))
				CHECK(!"codes are unique");
	arena_free(&r.a);
	free(data);
}

/* Imported and saved, read back from the store; then a wave can use it. */
TEST(lss_fixture_saved)
{
	FIXTURE(f);
	size_t len;
	char *data = fixture_bytes("ls7_Samplesurvey_en_de.lss", &len);
	const char *bytes = data ? data : small_lss;
	if (!data)
		len = sizeof(small_lss) - 1;
	struct instrument_import imp;
	CHECK_INT(instrument_import_read(&f.c, "sample.lss", bytes, len, &imp), D_OK);
	long long id = 0;
	CHECK_INT(instrument_import_save(&f.c, &imp, 1000, &id), D_OK);
	struct instrument in;
	struct instrument_version v;
	CHECK_INT(store_instrument_get(f.st, &f.a, f.org_a, id, &in), ST_OK);
	CHECK_STR(in.name, imp.instrument.name);
	CHECK(strstr(in.source, "sample.lss") != NULL);
	CHECK_INT(store_version_get(f.st, &f.a, f.org_a, in.latest_version_id, &v), ST_OK);
	CHECK_INT(v.nitems, imp.version.nitems);
	CHECK_INT(v.nsections, imp.version.nsections);
	CHECK(strstr(v.note, "sample.lss") != NULL);
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM audit_log WHERE action = 'instrument.import'"), 1);
	/* nothing in the other organisation */
	CHECK_INT(store_instrument_get(f.st, &f.a, f.org_b, id, &in), ST_NOTFOUND);
	fixture_close(&f);
	free(data);
}

/* ---- hostile and broken files ---- */

static const char survey_tail[] =
	"<LimeSurveyDocType>Survey</LimeSurveyDocType><DBVersion>600</DBVersion>"
	"<groups><rows><row><gid>1</gid><group_order>1</group_order></row></rows></groups>"
	"<questions><rows><row><qid>1</qid><parent_qid>0</parent_qid><gid>1</gid><type>T</type><title>Q</title>"
	"<question>&x;</question></row></rows></questions></document>";

TEST(lss_xxe_not_read)
{
	struct arena a = ARENA_INIT;
	struct lss_survey s;
	const char *heads[] = {
		"<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><document>",
		"<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]><document>",
		"<?xml version=\"1.0\"?><!DOCTYPE document SYSTEM \"http://127.0.0.1:9/lss.dtd\"><document>",
		"<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x \"harmless\">]><document>",
	};
	for (size_t i = 0; i < ARRAY_SIZE(heads); i++) {
		char *doc = arena_printf(&a, "%s%s", heads[i], survey_tail);
		CHECK_INT(lss_parse(&a, doc, strlen(doc), &s), LSS_DTD);
		CHECK_INT(s.nquestions, 0);
	}
	/* through the import too: refused with a reason, nothing of the file in it */
	struct reading r;
	char *doc = arena_printf(&a, "%s%s", heads[0], survey_tail);
	read_import(&r, "xxe.lss", doc, strlen(doc));
	CHECK_INT(r.d, D_INVALID);
	CHECK(r.imp.error && strstr(r.imp.error, "DOCTYPE"));
	CHECK_INT(r.imp.version.nitems, 0);
	for (size_t i = 0; i < r.imp.nnotes; i++)
		CHECK(!strstr(r.imp.notes[i].text, "root:"));
	arena_free(&r.a);
	/* without a DOCTYPE, an undeclared entity is malformed */
	doc = arena_printf(&a, "<document>%s", survey_tail);
	CHECK_INT(lss_parse(&a, doc, strlen(doc), &s), LSS_NOT_XML);
	arena_free(&a);
}

TEST(lss_entity_bomb_refused_quickly)
{
	struct arena a = ARENA_INIT;
	struct buf b = BUF_INIT;
	buf_adds(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
	for (int i = 1; i <= 9; i++) {
		buf_addf(&b, " <!ENTITY lol%d \"", i);
		for (int k = 0; k < 10; k++)
			buf_addf(&b, "&lol%s;", i == 1 ? "" : arena_printf(&a, "%d", i - 1));
		buf_adds(&b, "\">\n");
	}
	buf_adds(&b, "]>\n<document><LimeSurveyDocType>Survey</LimeSurveyDocType>"
		     "<questions><rows><row><qid>1</qid><type>T</type><title>Q</title><question>&lol9;</question></row></rows></questions></document>");
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct lss_survey s;
	CHECK_INT(lss_parse(&a, b.ptr, b.len, &s), LSS_DTD);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	CHECK(ms < 500);
	CHECK(a.used < 1024 * 1024);
	buf_release(&b);
	arena_free(&a);
}

TEST(lss_malformed_and_not_a_survey)
{
	struct arena a = ARENA_INIT;
	struct lss_survey s;
#define P(lit) lss_parse(&a, (lit), sizeof(lit) - 1, &s)
	CHECK_INT(P(""), LSS_EMPTY);
	CHECK_INT(P(" \r\n\t"), LSS_EMPTY);
	CHECK_INT(P("naam;e-mail\nJan;jan@x.nl\n"), LSS_NOT_XML);
	CHECK_INT(P("\xFF\xFE\x00<\x00"), LSS_NOT_XML);
	CHECK_INT(P("<document><LimeSurveyDocType>Survey</LimeSurveyDocType>"), LSS_NOT_XML);
	CHECK_INT(P("<document><LimeSurveyDocType>Survey</LimeSurveyDocType></document><x/>"), LSS_NOT_XML);
	CHECK_INT(P("<document><a></b></document>"), LSS_NOT_XML);
	CHECK_INT(P("<?xml version=\"1.0\" encoding=\"no-such-encoding\"?><document/>"), LSS_NOT_XML);
	CHECK_INT(P("<html><body>hallo</body></html>"), LSS_NOT_SURVEY);
	CHECK_INT(P("<document><LimeSurveyDocType>Group</LimeSurveyDocType></document>"), LSS_NOT_SURVEY);
	CHECK_INT(P("<document><DBVersion>600</DBVersion></document>"), LSS_NOT_SURVEY);
	CHECK_INT(P("<document><LimeSurveyDocType> Survey </LimeSurveyDocType></document>"), LSS_NO_QUESTIONS);
	CHECK_INT(P("<?xml version=\"1.0\"?><?xml-stylesheet href=\"http://x/\"?><document><LimeSurveyDocType>Survey"
		    "</LimeSurveyDocType><questions><rows><row><qid>1</qid><type>T</type><title>Q</title>"
		    "<question><![CDATA[<b>x</b>]]></question></row></rows></questions></document>"), LSS_OK);
	CHECK_INT(s.nquestions, 1);
	CHECK_STR(s.questions[0].text, "x");
	CHECK_INT(s.questions[0].group, -1);
#undef P
	/* too big: refused before reading */
	size_t big = LSS_MAX_BYTES + 1;
	char *huge = malloc(big);
	if (huge) {
		memset(huge, ' ', big);
		CHECK_INT(lss_parse(&a, huge, big, &s), LSS_TOO_BIG);
		free(huge);
	}
	/* very deep nesting (well-formed): refused, nothing recursing */
	struct buf b = BUF_INIT;
	buf_adds(&b, "<document><LimeSurveyDocType>Survey</LimeSurveyDocType><questions><rows><row><qid>1</qid>"
		     "<type>T</type><title>Q</title><question>");
	for (int i = 0; i < 200000; i++)
		buf_adds(&b, "<a>");
	for (int i = 0; i < 200000; i++)
		buf_adds(&b, "</a>");
	buf_adds(&b, "</question></row></rows></questions></document>");
	CHECK_INT(lss_parse(&a, b.ptr, b.len, &s), LSS_NOT_SURVEY);
	/* too many rows */
	buf_reset(&b);
	buf_adds(&b, "<document><LimeSurveyDocType>Survey</LimeSurveyDocType><conditions><rows>");
	for (int i = 0; i <= LSS_MAX_ROWS; i++)
		buf_adds(&b, "<row/>");
	buf_adds(&b, "</rows></conditions></document>");
	CHECK_INT(lss_parse(&a, b.ptr, b.len, &s), LSS_TOO_MANY);
	buf_release(&b);
	arena_free(&a);
}

/* A survey of nothing leergang can ask: refused, with the report. */
TEST(lss_nothing_to_import)
{
	static const char doc[] =
		"<document><LimeSurveyDocType>Survey</LimeSurveyDocType>"
		"<surveys><rows><row><sid>5</sid><language>nl</language></row></rows></surveys>"
		"<questions><rows><row><qid>1</qid><parent_qid>0</parent_qid><gid>0</gid><type>D</type><title>datum</title>"
		"<question>Wanneer?</question><language>nl</language></row>"
		"<row><qid>2</qid><parent_qid>0</parent_qid><type>|</type><title>upload</title></row>"
		"<row><qid>3</qid><parent_qid>0</parent_qid><type>R</type><title>rang</title></row>"
		"<row><qid>4</qid><parent_qid>0</parent_qid><type>*</type><title>som</title></row>"
		"<row><qid>5</qid><parent_qid>0</parent_qid><type>A</type><title>leeg</title></row>"
		"</rows></questions></document>";
	struct reading r;
	read_import(&r, "niets.lss", doc, sizeof(doc) - 1);
	CHECK_INT(r.d, D_INVALID);
	CHECK(r.imp.error != NULL);
	CHECK_INT(r.imp.dropped, 5);
	CHECK(find_note(&r.imp, NOTE_DROPPED, "datum", "(date)"));
	CHECK(find_note(&r.imp, NOTE_DROPPED, "upload", "(file upload)"));
	CHECK(find_note(&r.imp, NOTE_DROPPED, "rang", "(ranking)"));
	CHECK(find_note(&r.imp, NOTE_DROPPED, "som", "(equation)"));
	CHECK(find_note(&r.imp, NOTE_DROPPED, "leeg", "no subquestions"));
	CHECK(find_note(&r.imp, NOTE_GENERAL, "", "Imported in Dutch (nl)."));
	arena_free(&r.a);
}

/* ---- issue 22: what the import changes is said, what respondents must see is kept ---- */

/* The fixture's bytes with one piece replaced (the first occurrence), or
 * NULL when the fixtures are absent or the piece is not there. */
static char *fixture_with(const char *name, const char *from, const char *to, size_t *len)
{
	size_t n;
	char *data = fixture_bytes(name, &n);
	if (!data)
		return NULL;
	char *at = strstr(data, from);
	CHECK(at != NULL);
	if (!at) {
		free(data);
		return NULL;
	}
	struct buf b = BUF_INIT;
	buf_add(&b, data, (size_t)(at - data));
	buf_adds(&b, to);
	buf_adds(&b, at + strlen(from));
	free(data);
	return buf_detach(&b, len);
}

/* The codes of the notes about a question of a kind whose text holds
 * part, in order, joined by spaces. */
static const char *note_codes(struct arena *a, const struct instrument_import *imp, enum import_note_kind kind,
			      const char *part)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < imp->nnotes; i++)
		if (imp->notes[i].kind == kind && *imp->notes[i].code && strstr(imp->notes[i].text, part))
			buf_addf(&b, "%s%s", b.len ? " " : "", imp->notes[i].code);
	char *s = arena_strndup(a, b.ptr, b.len);
	buf_release(&b);
	return s;
}

/* The report on LimeSurvey's own English demo survey: every hidden
 * question, every condition and array filter that is dropped, and counts
 * that add up. */
TEST(lss_fixture_english_sample_report)
{
	size_t len;
	char *data = fixture_bytes("limesurvey2_sample_survey_english.lss", &len);
	if (!data)
		return;
	struct reading r;
	read_import(&r, "limesurvey2_sample_survey_english.lss", data, len);
	CHECK_INT(r.d, D_OK);
	struct instrument_import *imp = &r.imp;
	const struct lss_survey *s = &imp->survey;

	/* 1. hidden questions: left out, each named, and their group too */
	CHECK_STR(note_codes(&r.a, imp, NOTE_DROPPED, "Hidden in LimeSurvey"), "hidden1 hidden2 hidden3 hidden4");
	CHECK_INT(imp->hidden, 4);
	for (size_t i = 0; i < imp->version.nitems; i++)
		CHECK(strncmp(imp->version.items[i].code, "hidden", 6) != 0);
	CHECK(find_note(imp, NOTE_DROPPED, "", "Section “Hidden Equations”: every question in it is hidden") != NULL);
	for (size_t k = 0; k < imp->version.nsections; k++)
		CHECK(strcmp(imp->version.sections[k].title, "Hidden Equations") != 0);

	/* 2. every condition not carried over, on questions and text displays */
	CHECK_STR(note_codes(&r.a, imp, NOTE_CHANGED, "condition"),
		  "opinions worries report report2 num_gt_num2 num_lt_10 married no_age_ymarried age_lt_ym OnPageRelevance "
		  "q5pointChoice qListDropdown qListRadio qListWithComment qArray qArray10Point qArray5Point qArrayISD "
		  "qArrayYNU qArrayByColumn qArrayDualScale qGender qTextDisplay qYesNo qHugeText qLongText qMultipleShort "
		  "qShort qMultipleChoice qMultChoiceComment");
	CHECK(find_note(imp, NOTE_CHANGED, "", "Section “Dynamic Relevance”: the condition “num > 10” was not carried over") != NULL);
	CHECK(find_note(imp, NOTE_CHANGED, "num_lt_10", "the text is always shown") != NULL);
	/* and every question with a condition is either dropped or named */
	for (size_t i = 0; i < s->nquestions; i++) {
		const struct lss_question *q = &s->questions[i];
		if (!*q->relevance || !strcmp(q->relevance, "1"))
			continue;
		bool named = find_note(imp, NOTE_DROPPED, q->code, "") || find_note(imp, NOTE_CHANGED, q->code, "condition");
		if (!named)
			test_fail(__FILE__, __LINE__, "the condition of %s is not in the report", q->code);
	}

	/* 5. the array filters: every one named where its question is carried over */
	CHECK_STR(note_codes(&r.a, imp, NOTE_CHANGED, "(array_filter)"),
		  "afDS af5pc afA10p afYNU afISD afAFR afMC afMCC afL");
	CHECK_STR(note_codes(&r.a, imp, NOTE_CHANGED, "(array_filter_exclude)"),
		  "afeDS afe5pc afeA10p afeYNU afeISD afeAFR afeMC afeMCC afeL");
	size_t filters = 0;
	for (size_t i = 0; i < s->nquestions; i++) {
		const struct lss_question *q = &s->questions[i];
		if (!*q->array_filter && !*q->array_filter_exclude)
			continue;
		filters++;
		bool named = find_note(imp, NOTE_DROPPED, q->code, "") || find_note(imp, NOTE_CHANGED, q->code, "(array_filter");
		if (!named)
			test_fail(__FILE__, __LINE__, "the array filter of %s is not in the report", q->code);
	}
	CHECK_INT(filters, 23);
	/* minimum and maximum answers of a multiple choice are kept */
	const struct instrument_item *it = item(imp, "v1MC");
	CHECK(it && !strcmp(it->kind, "multiple") && it->min_answers == 1 && it->max_answers == 4);
	it = item(imp, "v1MCC");
	CHECK(it && it->min_answers == 2 && it->max_answers == 4);
	CHECK(find_note(imp, NOTE_CHANGED, "v1MC", "at least 1 and at most 4 options") != NULL);

	/* 4. Expression Manager code in subquestions, options and section texts */
	CHECK(find_note(imp, NOTE_CHANGED, "oMC", "in subquestion 1, subquestion 2") != NULL);
	CHECK(find_note(imp, NOTE_CHANGED, "oL", "in answer option 1, answer option 2") != NULL);
	CHECK(find_note(imp, NOTE_CHANGED, "oDS", "answer option 1 of the second scale") != NULL);
	CHECK(find_note(imp, NOTE_CHANGED, "", "Section “Dynamic Relevance”: its title or introduction holds Expression Manager code") != NULL);
	CHECK(find_note(imp, NOTE_CHANGED, "vQ", "in the help text is shown as it is") != NULL);

	/* 7. the counts add up: items from 62 questions, 10 text displays, 42 not carried over */
	CHECK_INT(s->nquestions, 114);
	CHECK_INT(imp->used, 62);
	CHECK_INT(imp->texts, 10);
	CHECK_INT(imp->dropped, 42);
	CHECK_INT(imp->used + imp->texts + imp->dropped, s->nquestions);
	size_t dropped_notes = 0;
	for (size_t i = 0; i < imp->nnotes; i++)
		dropped_notes += imp->notes[i].kind == NOTE_DROPPED && *imp->notes[i].code;
	CHECK_INT(dropped_notes, imp->dropped);
	CHECK_STR(note_codes(&r.a, imp, NOTE_CHANGED, "Text display"),
		  "report2 math num_gt_num2 num_lt_10 message2 no_age_ymarried age_lt_ym qTextDisplay tSummary1 tThanks");
	CHECK_STR(instrument_import_counts(&r.a, imp),
		  "The file has 114 questions: 174 items from 62 questions, 10 text displays in introductions, "
		  "42 questions not carried over. Of those not carried over, 4 are hidden in LimeSurvey. 15 sections.");
	/* (the Dutch plurals, "uit 1 vraag", are checked on the page: tests/http/lss.test.mjs) */

	/* 8. each note about a question names its section and text */
	const struct import_note *n = find_note(imp, NOTE_DROPPED, "hidden4", "Hidden");
	CHECK(n && !strcmp(n->section, "Hidden Equations") && *n->question);
	n = find_note(imp, NOTE_CHANGED, "afL", "(array_filter)");
	CHECK(n && *n->section && *n->question);
	free(data);
	arena_free(&r.a);
}

/* 2. The conditional text displays of the multilingual demo keep their
 * place and each names its condition; 5. its exclusive option is kept. */
TEST(lss_fixture_ls191_texts_in_place)
{
	size_t len;
	char *data = fixture_bytes("ls191_sample_survey_multilingual.lss", &len);
	if (!data)
		return;
	struct reading r;
	read_import(&r, "ls191_sample_survey_multilingual.lss", data, len);
	CHECK_INT(r.d, D_OK);
	struct instrument_import *imp = &r.imp;
	const struct instrument_version *v = &imp->version;
	CHECK(find_note(imp, NOTE_CHANGED, "QCYes", "The conditions “QC == \"Y\"” (LimeSurvey's conditions table) were not carried over: the text is always shown.") != NULL);
	CHECK(find_note(imp, NOTE_CHANGED, "QCNo", "“QC == \"N\"”") != NULL);
	CHECK(find_note(imp, NOTE_CHANGED, "QCDefault", "(LimeSurvey's conditions table)") != NULL);
	CHECK(find_note(imp, NOTE_CHANGED, "QC02", "QCS1_SH102 == \"Y\"") != NULL);
	/* the three texts come after the question QC, not at the top of its section */
	const struct instrument_item *qc = item(imp, "QC");
	CHECK(qc != NULL);
	long long after = -1;
	for (size_t k = 0; k < v->nsections; k++)
		if (strstr(v->sections[k].intro, "only if you select") || strstr(v->sections[k].intro, "QCYes"))
			after = (long long)k;
	if (qc) {
		const struct instrument_section *own = &v->sections[qc->section_id];
		CHECK(!strstr(own->intro, "select"));
		CHECK(after > qc->section_id);
		if (after > qc->section_id)
			CHECK_STR(v->sections[after].title, own->title);
	}
	CHECK_INT(imp->used + imp->texts + imp->dropped, imp->survey.nquestions);
	/* exclude_all_others: SQ05 of M2 goes alone */
	const struct instrument_item *m2 = item(imp, "M2");
	CHECK(m2 && !strcmp(m2->kind, "multiple"));
	if (m2) {
		int exclusive = 0;
		for (size_t k = 0; k < m2->noptions; k++)
			exclusive += m2->options[k].exclusive ? (int)k + 1 : 0;
		CHECK_INT(exclusive, 5);
	}
	CHECK(find_note(imp, NOTE_CHANGED, "M2", "the option SQ05 is chosen alone") != NULL);
	free(data);
	arena_free(&r.a);
}

/* 6. An answer option that is only an image is named, and labelled by its
 * alt text or else its code; 8. a file whose only question is dropped is
 * refused as an empty import, with the report. */
TEST(lss_fixture_image_option_and_empty_import)
{
	size_t len;
	char *data = fixture_with("limesurvey_survey_188432_answerSetsForEmTest.lss", "<![CDATA[Erster Eintrag]]>",
				  "<![CDATA[<p><img src=\"/upload/first.png\" alt=\"A &amp; B\"></p>]]>", &len);
	if (!data)
		return;
	struct reading r;
	read_import(&r, "188432.lss", data, len);
	free(data);
	CHECK_INT(r.d, D_OK);
	CHECK_INT(r.imp.version.nitems, 1);
	if (r.imp.version.nitems) {
		const struct instrument_item *it = &r.imp.version.items[0];
		CHECK_INT(it->noptions, 4);
		CHECK_STR(it->options[0].label, "A & B");
	}
	CHECK(find_note(&r.imp, NOTE_CHANGED, r.imp.survey.questions[0].code, "is only an image in LimeSurvey: the image is not shown, its alternative text “A & B” is.") != NULL);
	arena_free(&r.a);

	/* without an alt text: the code */
	data = fixture_with("limesurvey_survey_188432_answerSetsForEmTest.lss", "<![CDATA[Erster Eintrag]]>",
			    "<![CDATA[<img src=\"/upload/first.png\">]]>", &len);
	if (!data)
		return;
	read_import(&r, "188432.lss", data, len);
	free(data);
	CHECK_INT(r.d, D_OK);
	if (r.imp.version.nitems) {
		const struct lss_answer *an = &r.imp.survey.questions[0].answers[0];
		CHECK(an->image);
		CHECK_STR(r.imp.version.items[0].options[0].label, an->code);
	}
	CHECK(find_note(&r.imp, NOTE_CHANGED, r.imp.survey.questions[0].code, "without an alternative text: the image is not shown, its code") != NULL);
	arena_free(&r.a);

	/* the one question a date: nothing to ask, refused, the report says why */
	data = fixture_with("limesurvey_survey_188432_answerSetsForEmTest.lss", "<type><![CDATA[!]]></type>",
			    "<type><![CDATA[D]]></type>", &len);
	if (!data)
		return;
	read_import(&r, "188432.lss", data, len);
	free(data);
	CHECK_INT(r.d, D_INVALID);
	CHECK(r.imp.error && strstr(r.imp.error, "Nothing in this survey can be asked"));
	CHECK_INT(r.imp.version.nitems, 0);
	CHECK_INT(r.imp.dropped, 1);
	CHECK(find_note(&r.imp, NOTE_DROPPED, r.imp.survey.questions[0].code, "(date)") != NULL);
	arena_free(&r.a);
}

/* 9. Yes/no and gender in a survey in French get LimeSurvey's French
 * labels; in a language leergang has no labels for, Dutch ones stand in
 * and the report says so. */
TEST(lss_fixture_fixed_labels_in_the_survey_language)
{
	static const char base[] = "<language><![CDATA[en]]></language>\r\n    <additional_languages><![CDATA[fr de-informal ]]>";
	size_t len;
	char *data = fixture_with("ls191_sample_survey_multilingual.lss", base,
				  "<language><![CDATA[fr]]></language>\r\n    <additional_languages><![CDATA[en de-informal ]]>", &len);
	if (!data)
		return;
	struct reading r;
	read_import(&r, "ls191.lss", data, len);
	free(data);
	CHECK_INT(r.d, D_OK);
	CHECK_STR(r.imp.survey.language, "fr");
	const struct instrument_item *it = item(&r.imp, "QCS3");
	CHECK(it && it->noptions == 2);
	if (it && it->noptions == 2) {
		CHECK_STR(it->options[0].label, "Oui");
		CHECK_STR(it->options[1].label, "Non");
	}
	CHECK(find_note(&r.imp, NOTE_GENERAL, "", "Dutch labels") == NULL);
	arena_free(&r.a);

	data = fixture_with("ls191_sample_survey_multilingual.lss", base,
			    "<language><![CDATA[et]]></language>\r\n    <additional_languages><![CDATA[en fr de-informal ]]>", &len);
	if (!data)
		return;
	read_import(&r, "ls191.lss", data, len);
	free(data);
	CHECK_INT(r.d, D_OK);
	it = item(&r.imp, "QCS3");
	CHECK(it && it->noptions == 2 && !strcmp(it->options[0].label, "Ja") && !strcmp(it->options[1].label, "Nee"));
	CHECK(find_note(&r.imp, NOTE_GENERAL, "", "does not know LimeSurvey's labels of yes/no, gender and the fixed arrays in et: Dutch labels") != NULL);
	arena_free(&r.a);

	/* English and German as before */
	data = fixture_bytes("ls191_sample_survey_multilingual.lss", &len);
	if (!data)
		return;
	read_import(&r, "ls191.lss", data, len);
	free(data);
	it = item(&r.imp, "QCS3");
	CHECK(it && it->noptions == 2 && !strcmp(it->options[0].label, "Yes"));
	arena_free(&r.a);
}

/* 5. The rule of a multiple choice, as the hand-in checks it: the number
 * of options (when answered at all) and the option that goes alone (the
 * Dutch messages are checked on the page: tests/http/lss.test.mjs). */
TEST(answer_rule_of_a_multiple_choice)
{
	struct arena a = ARENA_INIT;
	struct item_option opts[5] = { { 1, 1, "Mail", 0 }, { 2, 2, "Chat", 0 }, { 3, 3, "Bellen", 0 }, { 4, 4, "Post", 0 },
				       { 5, 5, "Geen van deze", 1 } };
	struct instrument_item it = { 0 };
	it.kind = "multiple";
	it.options = opts;
	it.noptions = 5;
	it.min_answers = 2;
	it.max_answers = 3;
	long long none[1] = { 0 }, one[1] = { 1 }, two[2] = { 1, 2 }, four[4] = { 1, 2, 3, 4 }, alone[1] = { 5 },
		  mixed[2] = { 1, 5 };
	CHECK(answer_rule_check(&a, &it, none, 0, "3") == NULL);
	CHECK_STR(answer_rule_check(&a, &it, one, 1, "3"), "Question 3: choose at least 2 options.");
	CHECK(answer_rule_check(&a, &it, two, 2, "3") == NULL);
	CHECK_STR(answer_rule_check(&a, &it, four, 4, "3"), "Question 3: choose at most 3 options.");
	CHECK(answer_rule_check(&a, &it, alone, 1, "3") == NULL);
	CHECK_STR(answer_rule_check(&a, &it, mixed, 2, "3"),
		  "Question 3: “Geen van deze” goes alone; choose it without other options, or leave it out.");
	CHECK_STR(answer_rule_hint(&a, &it), "Choose at least 2 and at most 3 options. “Geen van deze” goes alone, without other options.");
	it.max_answers = 1;
	it.min_answers = 1;
	CHECK_STR(answer_rule_check(&a, &it, two, 2, "3"), "Question 3: choose at most 1 option.");
	/* no rule on another kind */
	it.kind = "single";
	CHECK(answer_rule_hint(&a, &it) == NULL);
	CHECK(answer_rule_check(&a, &it, four, 4, "3") == NULL);
	arena_free(&a);
}

/* 2. A subquestion's own condition is named too (the sample survey's first
 * subquestion given one). */
TEST(lss_fixture_subquestion_condition_named)
{
#define SQ_ROW(rel)                                                                                               \
	"<qid><![CDATA[1209]]></qid>\n    <parent_qid><![CDATA[1170]]></parent_qid>\n    <sid><![CDATA[424885]]></sid>\n" \
	"    <gid><![CDATA[53]]></gid>\n    <type><![CDATA[T]]></type>\n    <title><![CDATA[SQ001]]></title>\n"            \
	"    <other><![CDATA[N]]></other>\n    <mandatory><![CDATA[N]]></mandatory>\n"                                    \
	"    <encrypted><![CDATA[N]]></encrypted>\n    <question_order><![CDATA[0]]></question_order>\n"                  \
	"    <scale_id><![CDATA[0]]></scale_id>\n    <same_default><![CDATA[0]]></same_default>\n"                       \
	"    <relevance><![CDATA[" rel "]]></relevance>"
	static const char row[] = SQ_ROW("1"), with[] = SQ_ROW("G00Q01 == \"Y\"");
#undef SQ_ROW
	size_t len;
	char *data = fixture_with("ls7_Samplesurvey_en_de.lss", row, with, &len);
	if (!data)
		return;
	struct reading r;
	read_import(&r, "ls7.lss", data, len);
	free(data);
	CHECK_INT(r.d, D_OK);
	const struct lss_question *q = NULL;
	for (size_t i = 0; i < r.imp.survey.nquestions; i++)
		if (r.imp.survey.questions[i].qid == 1170)
			q = &r.imp.survey.questions[i];
	CHECK(q && q->nsubs && !strcmp(q->subs[0].code, "SQ001"));
	if (q)
		CHECK(find_note(&r.imp, NOTE_CHANGED, q->code,
				"The condition “G00Q01 == \"Y\"” of subquestion SQ001 was not carried over: it is always shown.") != NULL);
	arena_free(&r.a);
}
