/* test_exports.c — the data exports of a wave: a data table written as CSV
 * (checked byte for byte), as XLSX (unzipped with `unzip -p`: sheet names,
 * cells in the sheet and shared-string XML) and as SPSS .sav (read back
 * with ReadStat's own parser: variables, labels, value labels, declared
 * missing values, values, documents); and the mapping of a wave onto the
 * table: no export below 5 responses, pseudonyms, the order of the rows,
 * a column per option of a multiple choice, weeks of fewer than 5 left out.
 *
 * Reference values: the CSV bytes are written out by hand from csv.h's
 * rules; the SPSS limits (variable label 256 bytes, value label 120, file
 * label 64, names 64 bytes, reserved words) are from the PSPP manual's
 * "System File Format" appendix; the pseudonyms of invitations 1..7 under
 * the key 00 01 .. 1f were computed with Python 3.11:
 *   hmac.new(bytes(range(32)), b"leergang export respondent %d" % i,
 *            hashlib.sha256).hexdigest()[:12]
 * and the link tokens of the same invitations (which a pseudonym must not
 * be a part of) with the message b"%d" % i. */
#include "test.h"
#include "fixture.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "domain/group.h"
#include "domain/programme.h"
#include "domain/survey.h"
#include "domain/survey_export.h"
#include "formats/sav.h"
#include "formats/table.h"
#include "formats/xlsx.h"
#include "store/group.h"
#include "store/instrument.h"
#include "store/store.h"
#include "core/compiler.h"

#include <readstat.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- a small table with Dutch text, missing values and hostile text ---- */

static char long_text[301];      /* 150 x "ë": 300 bytes, a very long SPSS string */
static char long_label[400];     /* 255 x "a", then "ĳ" across byte 256 */
static char long_value_label[200];  /* 119 x "b", then "é" across byte 120 */
static char long_title[100];     /* "Evaluatie " + 53 x "x", then "ë" across byte 64 */

static const struct table_label q1_labels[] = { { 1, "helemaal niet" }, { 5, "heel goed" } };
static struct table_label to_labels[] = { { -9, "negen onder nul" }, { 1, NULL } };

static const struct table_column columns[] = {
	{ "respondent", "Respondent", "volgnummer", TABLE_NUMBER, TABLE_NOMINAL, NULL, 0, true },
	{ "week", "Week", "week", TABLE_TEXT, TABLE_NOMINAL, NULL, 0, false },
	{ "q1", "Hoe gaat het met de ĳsbeer? Geëerd, één", "Likert", TABLE_NUMBER, TABLE_ORDINAL, q1_labels, 2, false },
	{ "TO", "Een gereserveerd woord", "keuze", TABLE_NUMBER, TABLE_NOMINAL, to_labels, 2, false },
	{ "Q1", long_label, "Likert", TABLE_NUMBER, TABLE_ORDINAL, NULL, 0, false },
	{ "2de vraag", "Open vraag", "open", TABLE_TEXT, TABLE_NOMINAL, NULL, 0, false },
	{ "lang", "Lang antwoord", "open", TABLE_TEXT, TABLE_NOMINAL, NULL, 0, false },
};
#define NCOLS ARRAY_SIZE(columns)

static const char *const notes[] = {
	"Een korte notitie.",
	"Een lange notitie die langer is dan tachtig tekens, zodat het SPSS-bestand haar over twee regels verdeelt.",
};

#define NUM(v) { false, (v), NULL }
#define TXT(s) { false, 0, (s) }
#define MISSING { true, 0, NULL }

static struct table_cell cells[3 * NCOLS];

static struct data_table sample(void)
{
	memset(long_text, 0, sizeof(long_text));
	for (int i = 0; i < 150; i++)
		memcpy(long_text + 2 * i, "ë", 2);
	memset(long_label, 0, sizeof(long_label));
	memset(long_label, 'a', 255);
	memcpy(long_label + 255, "ĳ en verder", strlen("ĳ en verder"));
	memset(long_value_label, 0, sizeof(long_value_label));
	memset(long_value_label, 'b', 119);
	memcpy(long_value_label + 119, "é!", strlen("é!"));
	to_labels[1].label = long_value_label;
	snprintf(long_title, sizeof(long_title), "Evaluatie %.53s%s", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
		 "ënd");
	const struct table_cell rows[3][NCOLS] = {
		{ NUM(1), TXT("2026-03-09"), NUM(5), NUM(1), NUM(2), TXT("Geëerd; één ĳs\nnieuwe regel"), TXT(long_text) },
		{ NUM(2), TXT(""), MISSING, MISSING, NUM(3), TXT("=SOM(A1)"), MISSING },
		{ NUM(3), TXT("2026-03-16"), NUM(1), NUM(0), MISSING, TXT("O'Brien & \"Zonen\" <b>"), TXT("kort") },
	};
	memcpy(cells, rows, sizeof(rows));
	struct data_table t = { 0 };
	t.title = long_title;
	t.columns = columns;
	t.ncolumns = NCOLS;
	t.cells = cells;
	t.nrows = 3;
	t.notes = notes;
	t.nnotes = 2;
	t.missing_label = "geen antwoord";
	t.data_sheet = "Gegevens";
	t.labels_sheet = "Labels";
	t.labels_head[0] = "Variabele";
	t.labels_head[1] = "Vraag";
	t.labels_head[2] = "Soort";
	t.labels_head[3] = "Waardelabels";
	return t;
}

/* A temporary directory for the files of one test. */
static bool temp_dir(char dir[64])
{
	snprintf(dir, 64, "/tmp/leergang-exports-XXXXXX");
	return mkdtemp(dir) != NULL;
}

static bool write_file(const char *path, const struct buf *b)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return false;
	bool ok = fwrite(b->ptr, 1, b->len, f) == b->len;
	return fclose(f) == 0 && ok;
}

/* ---- CSV ---- */

TEST(exports_csv_bytes)
{
	struct data_table t = sample();
	struct buf b = BUF_INIT;
	table_csv(&t, &b);
	struct buf want = BUF_INIT;
	buf_adds(&want, "\xEF\xBB\xBF" "respondent;week;q1;TO;Q1;2de vraag;lang\r\n");
	buf_addf(&want, "1;2026-03-09;5;1;2;\"Geëerd; één ĳs\nnieuwe regel\";%s\r\n", long_text);
	buf_adds(&want, "2;;;;3;\"'=SOM(A1)\";\r\n");
	buf_adds(&want, "3;2026-03-16;1;0;;\"O'Brien & \"\"Zonen\"\" <b>\";kort\r\n");
	CHECK_INT(b.len, want.len);
	CHECK(b.len == want.len && !memcmp(b.ptr, want.ptr, b.len));
	if (b.len != want.len || memcmp(b.ptr, want.ptr, b.len))
		fprintf(stderr, "  got:\n%s\n  want:\n%s\n", b.ptr, want.ptr);
	/* numbers as Dutch Excel reads them */
	char num[32];
	table_number(3.5, num);
	CHECK_STR(num, "3,5");
	table_number(-2, num);
	CHECK_STR(num, "-2");
	buf_release(&want);
	buf_release(&b);
}

/* ---- XLSX ---- */

static bool have_unzip(void)
{
	return system("command -v unzip >/dev/null 2>&1") == 0;
}

/* The bytes of member of the zip file at path. */
static void unzip_member(const char *path, const char *member, struct buf *out)
{
	char cmd[256];
	snprintf(cmd, sizeof(cmd), "unzip -p '%s' '%s'", path, member);
	FILE *p = popen(cmd, "r");
	if (!p)
		return;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), p)) > 0)
		buf_add(out, chunk, n);
	pclose(p);
}

TEST(exports_xlsx_sheets_and_cells)
{
	struct data_table t = sample();
	struct buf b = BUF_INIT, err = BUF_INIT;
	CHECK_INT(xlsx_write(&t, &b, &err), 0);
	CHECK(b.len > 4 && !memcmp(b.ptr, "PK\x03\x04", 4));
	if (!have_unzip()) {
		test_skip(SKIP_TOOL, "unzip is not installed: the workbook's XML is not checked");
		buf_release(&b);
		buf_release(&err);
		return;
	}
	char dir[64];
	CHECK(temp_dir(dir));
	char path[128];
	snprintf(path, sizeof(path), "%s/t.xlsx", dir);
	CHECK(write_file(path, &b));
	struct buf wb = BUF_INIT, sst = BUF_INIT, s1 = BUF_INIT, s2 = BUF_INIT;
	unzip_member(path, "xl/workbook.xml", &wb);
	unzip_member(path, "xl/sharedStrings.xml", &sst);
	unzip_member(path, "xl/worksheets/sheet1.xml", &s1);
	unzip_member(path, "xl/worksheets/sheet2.xml", &s2);
	/* the two sheets, data first */
	CHECK(strstr(wb.ptr, "<sheet name=\"Gegevens\" sheetId=\"1\""));
	CHECK(strstr(wb.ptr, "<sheet name=\"Labels\" sheetId=\"2\""));
	/* numbers are numbers; a missing value is no cell at all */
	CHECK(strstr(s1.ptr, "<c r=\"C2\"><v>5</v></c>"));
	CHECK(strstr(s1.ptr, "<c r=\"D4\"><v>0</v></c>"));
	CHECK(!strstr(s1.ptr, "r=\"C3\""));
	CHECK(!strstr(s1.ptr, "r=\"B3\""));   /* the empty week */
	CHECK(!strstr(s1.ptr, "r=\"E4\""));
	/* text is a shared string, never a formula: "=SOM(A1)" stays text */
	CHECK(strstr(s1.ptr, "<c r=\"F3\" t=\"s\">"));
	CHECK(!strstr(s1.ptr, "<f>"));
	CHECK(strstr(sst.ptr, "<t>=SOM(A1)</t>"));
	CHECK(!strstr(sst.ptr, "'=SOM"));
	CHECK(strstr(sst.ptr, "<t>Geëerd; één ĳs\nnieuwe regel</t>"));
	CHECK(strstr(sst.ptr, "<t>O'Brien &amp; \"Zonen\" &lt;b&gt;</t>"));
	CHECK(strstr(sst.ptr, long_text));
	/* the labels sheet: header, then per variable code, text, kind, value labels */
	CHECK(strstr(sst.ptr, "<t>Variabele</t>") && strstr(sst.ptr, "<t>Waardelabels</t>"));
	CHECK(strstr(sst.ptr, "<t>Hoe gaat het met de ĳsbeer? Geëerd, één</t>"));
	CHECK(strstr(sst.ptr, "<t>1 = helemaal niet; 5 = heel goed</t>"));
	CHECK(strstr(sst.ptr, "<t>Een korte notitie.</t>"));
	CHECK(strstr(s2.ptr, "<c r=\"A4\" t=\"s\">"));   /* q1 on the fourth row */
	unlink(path);
	rmdir(dir);
	buf_release(&wb);
	buf_release(&sst);
	buf_release(&s1);
	buf_release(&s2);
	buf_release(&b);
	buf_release(&err);
}

/* ---- SAV ---- */

TEST(exports_sav_names_valid_for_spss)
{
	struct data_table t = sample();
	char *names[NCOLS];
	sav_names(&t, names);
	CHECK_STR(names[0], "respondent");
	CHECK_STR(names[2], "q1");
	CHECK_STR(names[3], "v_TO");          /* a reserved word */
	CHECK_STR(names[4], "Q1_2");          /* "q1" already, without regard to case */
	CHECK_STR(names[5], "v2de_vraag");    /* a letter first, '_' for the space */
	for (size_t c = 0; c < NCOLS; c++)
		free(names[c]);
	/* the missing code: -9, unless the column uses -9 */
	CHECK(sav_missing_code(&t, 2) == -9);
	CHECK(sav_missing_code(&t, 3) == -99);
}

struct sav_read {
	long rows, vars;
	char file_label[128];
	char names[NCOLS][80];
	char labels[NCOLS][1100];
	char val_labels[NCOLS][80];
	int missing_count[NCOLS];
	double missing_lo[NCOLS];
	readstat_type_t type[NCOLS];
	double num[3][NCOLS];
	bool defined_missing[3][NCOLS];
	char *str[3][NCOLS];
	char vl_set[16][80];
	double vl_value[16];
	char vl_label[16][200];
	int nvl;
	char notes[8][100];
	int nnotes;
};

static int on_meta(readstat_metadata_t *m, void *ctx)
{
	struct sav_read *r = ctx;
	r->rows = readstat_get_row_count(m);
	r->vars = readstat_get_var_count(m);
	const char *l = readstat_get_file_label(m);
	snprintf(r->file_label, sizeof(r->file_label), "%s", l ? l : "");
	return READSTAT_HANDLER_OK;
}

static int on_variable(int i, readstat_variable_t *v, const char *val_labels, void *ctx)
{
	struct sav_read *r = ctx;
	if (i < 0 || (size_t)i >= NCOLS)
		return READSTAT_HANDLER_ABORT;
	snprintf(r->names[i], sizeof(r->names[i]), "%s", readstat_variable_get_name(v));
	const char *l = readstat_variable_get_label(v);
	snprintf(r->labels[i], sizeof(r->labels[i]), "%s", l ? l : "");
	snprintf(r->val_labels[i], sizeof(r->val_labels[i]), "%s", val_labels ? val_labels : "");
	r->type[i] = readstat_variable_get_type(v);
	r->missing_count[i] = readstat_variable_get_missing_ranges_count(v);
	if (r->missing_count[i])
		r->missing_lo[i] = readstat_double_value(readstat_variable_get_missing_range_lo(v, 0));
	return READSTAT_HANDLER_OK;
}

static int on_value(int obs, readstat_variable_t *v, readstat_value_t value, void *ctx)
{
	struct sav_read *r = ctx;
	int i = readstat_variable_get_index(v);
	if (obs < 0 || obs >= 3 || i < 0 || (size_t)i >= NCOLS)
		return READSTAT_HANDLER_ABORT;
	if (readstat_value_type(value) == READSTAT_TYPE_STRING) {
		const char *s = readstat_string_value(value);
		r->str[obs][i] = strdup(s ? s : "");
	} else {
		r->num[obs][i] = readstat_double_value(value);
		r->defined_missing[obs][i] = readstat_value_is_defined_missing(value, v);
	}
	return READSTAT_HANDLER_OK;
}

static int on_value_label(const char *set, readstat_value_t value, const char *label, void *ctx)
{
	struct sav_read *r = ctx;
	if (r->nvl < 16) {
		snprintf(r->vl_set[r->nvl], sizeof(r->vl_set[0]), "%s", set);
		r->vl_value[r->nvl] = readstat_double_value(value);
		snprintf(r->vl_label[r->nvl], sizeof(r->vl_label[0]), "%s", label);
		r->nvl++;
	}
	return READSTAT_HANDLER_OK;
}

static int on_note(int i, const char *note, void *ctx)
{
	struct sav_read *r = ctx;
	if (r->nnotes < 8)
		snprintf(r->notes[r->nnotes++], sizeof(r->notes[0]), "%s", note);
	return READSTAT_HANDLER_OK;
}

/* The label of value in the value labels of set, or NULL. */
static const char *value_label(const struct sav_read *r, const char *set, double value)
{
	for (int i = 0; i < r->nvl; i++)
		if (!strcmp(r->vl_set[i], set) && r->vl_value[i] == value)
			return r->vl_label[i];
	return NULL;
}

/* Trailing blanks off: SPSS pads strings and labels with them. */
static const char *rtrim(char *s)
{
	size_t n = s ? strlen(s) : 0;
	while (n && s[n - 1] == ' ')
		s[--n] = '\0';
	return s;
}

TEST(exports_sav_read_back_with_readstat)
{
	struct data_table t = sample();
	struct buf b = BUF_INIT, err = BUF_INIT;
	CHECK_INT(sav_write(&t, &b, &err), 0);
	if (err.len)
		fprintf(stderr, "  sav: %s\n", err.ptr);
	CHECK(b.len > 4 && !memcmp(b.ptr, "$FL2", 4));
	char dir[64];
	CHECK(temp_dir(dir));
	char path[128];
	snprintf(path, sizeof(path), "%s/t.sav", dir);
	CHECK(write_file(path, &b));
	struct sav_read *r = calloc(1, sizeof(*r));
	readstat_parser_t *p = readstat_parser_init();
	readstat_set_metadata_handler(p, on_meta);
	readstat_set_variable_handler(p, on_variable);
	readstat_set_value_handler(p, on_value);
	readstat_set_value_label_handler(p, on_value_label);
	readstat_set_note_handler(p, on_note);
	CHECK_INT(readstat_parse_sav(p, path, r), READSTAT_OK);
	readstat_parser_free(p);
	CHECK_INT(r->rows, 3);
	CHECK_INT(r->vars, NCOLS);
	/* the file label, cut at 64 bytes before the "ë" that would cross it */
	CHECK_STR(rtrim(r->file_label), "Evaluatie xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
	CHECK_INT(strlen(r->file_label), 63);
	/* names, types, variable labels (cut at 256 bytes between characters) */
	CHECK_STR(r->names[0], "respondent");
	CHECK_STR(r->names[3], "v_TO");
	CHECK_STR(r->names[4], "Q1_2");
	CHECK_STR(r->names[5], "v2de_vraag");
	CHECK_INT(r->type[2], READSTAT_TYPE_DOUBLE);
	CHECK_INT(r->type[5], READSTAT_TYPE_STRING);
	CHECK_STR(r->labels[2], "Hoe gaat het met de ĳsbeer? Geëerd, één");
	CHECK_INT(strlen(r->labels[4]), 255);
	CHECK(utf8_valid(r->labels[4], strlen(r->labels[4])));
	/* value labels, with the missing code labelled */
	CHECK_STR(value_label(r, r->val_labels[2], 1), "helemaal niet");
	CHECK_STR(value_label(r, r->val_labels[2], 5), "heel goed");
	CHECK_STR(value_label(r, r->val_labels[2], -9), "geen antwoord");
	CHECK_STR(value_label(r, r->val_labels[3], -9), "negen onder nul");
	CHECK_STR(value_label(r, r->val_labels[3], -99), "geen antwoord");
	const char *cut = value_label(r, r->val_labels[3], 1);
	CHECK(cut && strlen(cut) == 119 && utf8_valid(cut, 119));
	CHECK(!*r->val_labels[0]);   /* the respondent: no labels, no missing code */
	/* missing values declared: -9, or -99 where -9 is a value */
	CHECK_INT(r->missing_count[0], 0);
	CHECK_INT(r->missing_count[2], 1);
	CHECK(r->missing_lo[2] == -9);
	CHECK_INT(r->missing_count[3], 1);
	CHECK(r->missing_lo[3] == -99);
	/* the values */
	CHECK(r->num[0][2] == 5 && !r->defined_missing[0][2]);
	CHECK(r->num[1][2] == -9 && r->defined_missing[1][2]);
	CHECK(r->num[1][3] == -99 && r->defined_missing[1][3]);
	CHECK(r->num[2][3] == 0 && !r->defined_missing[2][3]);
	CHECK(r->num[2][4] == -9 && r->defined_missing[2][4]);
	CHECK(r->num[0][0] == 1 && r->num[1][0] == 2 && r->num[2][0] == 3);
	CHECK_STR(rtrim(r->str[0][1]), "2026-03-09");
	CHECK_STR(rtrim(r->str[1][1]), "");
	CHECK_STR(rtrim(r->str[0][5]), "Geëerd; één ĳs\nnieuwe regel");
	CHECK_STR(rtrim(r->str[1][5]), "=SOM(A1)");
	CHECK_STR(rtrim(r->str[2][5]), "O'Brien & \"Zonen\" <b>");
	CHECK_STR(rtrim(r->str[0][6]), long_text);   /* longer than 255 bytes */
	CHECK_STR(rtrim(r->str[1][6]), "");
	CHECK_STR(rtrim(r->str[2][6]), "kort");
	/* the notes as documents of at most 80 bytes, wrapped at a space */
	CHECK_INT(r->nnotes, 3);
	CHECK_STR(rtrim(r->notes[0]), "Een korte notitie.");
	CHECK_STR(rtrim(r->notes[1]), "Een lange notitie die langer is dan tachtig tekens, zodat het SPSS-bestand haar");
	CHECK_STR(rtrim(r->notes[2]), "over twee regels verdeelt.");
	for (int i = 0; i < 3; i++)
		for (size_t c = 0; c < NCOLS; c++)
			free(r->str[i][c]);
	free(r);
	unlink(path);
	rmdir(dir);
	buf_release(&b);
	buf_release(&err);
}

/* ---- a wave as a table ---- */

static long long person(struct fixture *f, const char *emp)
{
	struct person p = { 0 };
	p.employee_id = (char *)emp;
	p.name = (char *)emp;
	p.active = 1;
	long long id = 0;
	return store_person_insert(f->st, f->org_a, &p, &id) ? -1 : id;
}

/* A group of seven (the last one stopped) and a wave of instrument, open
 * in March 2026. */
static bool setup(struct fixture *f, long long instrument, bool anonymous, long long *wave)
{
	struct errors e = { 0 };
	long long prog, batch, group;
	long long people[7];
	for (int i = 0; i < 7; i++) {
		char emp[16];
		snprintf(emp, sizeof(emp), "P%d", i);
		people[i] = person(f, emp);
	}
	if (programme_from_template(&f->c, "live", "L", &e, &prog) || batch_create(&f->c, prog, "", &e, &batch) ||
	    group_create(&f->c, batch, "A", &e, &group) || group_enrol(&f->c, group, people, 7, "2026-01-05", &e))
		return false;
	struct enrolment *en;
	size_t n;
	if (store_enrolment_list(f->st, &f->a, f->org_a, group, &en, &n) || n != 7 ||
	    enrolment_set_status(&f->c, en[6].id, "stopped", "2026-02-01", "other", "Ziek", &e))
		return false;
	struct wave_new w = { instrument, "Eindevaluatie 2026 (groep A)", "group", group, "2026-03-01", "2026-03-31", anonymous, NULL };
	return wave_create(&f->c, &w, 1, &e, wave) == D_OK;
}

/* The wave, its version and the tokens of its invitations that were not
 * stopped, in invitation order. */
static size_t open_links(struct fixture *f, long long wave, struct wave *w, struct instrument_version *v,
			 char tokens[8][SECRET_HEX], long long ids[8])
{
	struct invitation *inv;
	size_t n, k = 0;
	if (store_wave_get(f->st, &f->a, f->org_a, wave, w) || store_version_get(f->st, &f->a, f->org_a, w->version_id, v) ||
	    store_invitation_list(f->st, &f->a, f->org_a, wave, &inv, &n))
		return 0;
	for (size_t i = 0; i < n && k < 8; i++)
		if (strcmp(inv[i].enrolment_status, "stopped")) {
			wave_token(w, inv[i].id, tokens[k]);
			ids[k++] = inv[i].id;
		}
	return k;
}

/* Hands in the answers given as "code=value" (repeated for a multiple
 * choice). */
static int hand_in(struct fixture *f, const char *token, const char *day, const char *const *answers, size_t n)
{
	struct respondent r;
	struct errors e = { 0 };
	int d = respond_open(f->st, &f->a, token, NULL, day, &r);
	if (d)
		return d;
	struct respond_field fields[16];
	size_t nf = 0;
	for (size_t i = 0; i < n && nf < 16; i++) {
		const char *eq = strchr(answers[i], '=');
		for (size_t k = 0; eq && k < r.v.nitems; k++)
			if (strlen(r.v.items[k].code) == (size_t)(eq - answers[i]) &&
			    !strncmp(r.v.items[k].code, answers[i], (size_t)(eq - answers[i])))
				fields[nf++] = (struct respond_field){ arena_printf(&f->a, "i%lld", r.v.items[k].id), eq + 1 };
	}
	int s = respond_save(f->st, &f->a, &r, fields, nf, true, day, &e);
	fixture_mix(f);   /* the responses read at once (anonymous_mix.h) */
	return s;
}

static size_t column(const struct data_table *t, const char *name)
{
	for (size_t c = 0; c < t->ncolumns; c++)
		if (!strcmp(t->columns[c].name, name))
			return c;
	return (size_t)-1;
}

/* Every text and number of the table as one string, to look for ids in. */
static void table_text(const struct data_table *t, struct buf *b)
{
	table_csv(t, b);
}

TEST(exports_wave_anonymous_needs_five_and_numbers_rows)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	long long instrument, wave;
	CHECK_INT(instrument_install(&f.c, "live-final", 1, &instrument), D_OK);
	CHECK(setup(&f, instrument, true, &wave));
	struct wave w;
	struct instrument_version v;
	char tok[8][SECRET_HEX];
	long long ids[8];
	CHECK_INT(open_links(&f, wave, &w, &v, tok, ids), 6);
	/* four responses: no export, as the page shows nothing */
	static const char *const a[6][3] = { { "a=1", "open1=Eerste", "b=2" }, { "a=2", "b=3", "j=4" },
		{ "a=3", "open1=Derde; met =formule", "b=1" }, { "a=4", "b=5", "c=5" }, { "a=5", "b=4", "open2=Vijfde" },
		{ "a=3", "b=3", "c=3" } };
	for (int i = 0; i < 4; i++)
		CHECK_INT(hand_in(&f, tok[i], "2026-03-10", a[i], 3), D_OK);
	struct wave_export x;
	CHECK_INT(wave_export(&f.c, &w, &v, &x), D_OK);
	CHECK(!x.shown);
	CHECK_INT(x.responses, 4);
	CHECK_INT(x.table.nrows, 0);
	/* five in the week of 9 March and one in the week of 16 March */
	CHECK_INT(hand_in(&f, tok[4], "2026-03-12", a[4], 3), D_OK);
	CHECK_INT(hand_in(&f, tok[5], "2026-03-17", a[5], 3), D_OK);
	CHECK_INT(wave_export(&f.c, &w, &v, &x), D_OK);
	CHECK(x.shown);
	CHECK_INT(x.responses, 6);
	const struct data_table *t = &x.table;
	CHECK_INT(t->nrows, 6);
	CHECK_INT(t->ncolumns, 14);   /* respondent, a..j, open1..open3: no week, an anonymous response keeps no time */
	CHECK_STR(t->columns[0].name, "respondent");
	CHECK_STR(t->columns[1].name, "a");
	CHECK_STR(t->columns[13].name, "open3");
	CHECK_STR(t->columns[1].labels[0].label, "helemaal niet");
	CHECK(t->columns[1].labels[1].value == 5);
	CHECK_STR(t->title, "Eindevaluatie 2026 (groep A)");
	size_t ca = column(t, "a"), cb = column(t, "b"), cj = column(t, "j"), co = column(t, "open1");
	CHECK(column(t, "week") == (size_t)-1);
	double sum_a = 0;
	int missing_b = 0, found_lone = 0;
	for (size_t r = 0; r < 6; r++) {
		/* numbered 1..6 in the order of the rows */
		CHECK(table_cell(t, r, 0)->number == (double)(r + 1));
		sum_a += table_cell(t, r, ca)->number;
		missing_b += table_cell(t, r, cb)->missing;
		/* the lone response of the week of 16 March: a=3, b=3, c=3 and no j */
		if (table_cell(t, r, cj)->missing && table_cell(t, r, column(t, "c"))->number == 3)
			found_lone++;
	}
	CHECK(sum_a == 1 + 2 + 3 + 4 + 5 + 3);
	CHECK_INT(missing_b, 0);
	CHECK_INT(found_lone, 1);
	/* nor in the database: the week is counted per wave, apart */
	CHECK_INT(fixture_query(&f, "SELECT count(*) FROM response WHERE wave_id = %lld AND submitted_week <> ''", w.id), 0);
	CHECK_INT(fixture_query(&f, "SELECT n FROM response_week WHERE wave_id = %lld AND week = '2026-03-09'", w.id), 5);
	CHECK_INT(fixture_query(&f, "SELECT n FROM response_week WHERE wave_id = %lld AND week = '2026-03-16'", w.id), 1);
	int opens = 0;
	for (size_t r = 0; r < 6; r++)
		if (!table_cell(t, r, co)->missing)
			opens += !strcmp(table_cell(t, r, co)->text, "Derde; met =formule") ||
				 !strcmp(table_cell(t, r, co)->text, "Eerste");
	CHECK_INT(opens, 2);
	/* no response id anywhere: they are random and large */
	struct buf all = BUF_INIT;
	table_text(t, &all);
	struct arena a2 = ARENA_INIT;
	for (long long k = 0; k < 6; k++) {
		long long rid = fixture_query(&f, "SELECT id FROM response WHERE wave_id = %lld ORDER BY id LIMIT 1 OFFSET %lld",
					      wave, k);
		CHECK(rid > 1000000);
		CHECK(!strstr(all.ptr, arena_printf(&a2, "%lld", rid)));
	}
	/* the same rows in the same order the next time: the order is a
	 * keyed hash, not chance */
	struct wave_export y;
	CHECK_INT(wave_export(&f.c, &w, &v, &y), D_OK);
	struct buf again = BUF_INIT;
	table_text(&y.table, &again);
	CHECK_STR(again.ptr, all.ptr);
	arena_free(&a2);
	buf_release(&again);
	buf_release(&all);
	fixture_close(&f);
}

TEST(exports_wave_named_respondents_are_pseudonyms)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	long long instrument, wave;
	CHECK_INT(instrument_install(&f.c, "live-final", 1, &instrument), D_OK);
	CHECK(setup(&f, instrument, false, &wave));
	struct wave w;
	struct instrument_version v;
	char tok[8][SECRET_HEX];
	long long ids[8];
	CHECK_INT(open_links(&f, wave, &w, &v, tok, ids), 6);
	static const char *const a[] = { "a=4", "b=4" };
	for (int i = 0; i < 6; i++)
		CHECK_INT(hand_in(&f, tok[i], "2026-03-10", a, 2), D_OK);
	/* a key we know, so the pseudonyms can be checked against Python's */
	static const char key[] = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
	CHECK_INT(fixture_postgresql() ?
		  fixture_exec(&f, "UPDATE wave SET link_key = decode('%s', 'hex') WHERE id = %lld", key, wave) :
		  fixture_exec(&f, "UPDATE wave SET link_key = x'%s' WHERE id = %lld", key, wave), 0);
	CHECK(!store_wave_get(f.st, &f.a, f.org_a, wave, &w));
	static const char *const pseudonym[8] = { "", "R408e29f1169c", "R3f3f6b7ca32c", "R203362ef2007",
		"Refd6e1517760", "Rdbd8291b7d32", "R9b5588d17847", "Ra0527ed8ab82" };
	static const char *const token[8] = { "", "7761b1cc2522", "80ddc33417b4", "1660ab3daf39",
		"2ff948f12c8c", "ea5a6a445395", "e3a70256f5f6", "43c875c1027e" };
	struct wave_export x;
	CHECK_INT(wave_export(&f.c, &w, &v, &x), D_OK);
	CHECK(x.shown);
	const struct data_table *t = &x.table;
	CHECK_INT(t->nrows, 6);
	CHECK_INT(t->columns[0].type, TABLE_TEXT);
	for (size_t k = 0; k < 6; k++) {
		CHECK(ids[k] >= 1 && ids[k] <= 7);
		if (ids[k] < 1 || ids[k] > 7)
			continue;
		int rows = 0;
		for (size_t r = 0; r < 6; r++)
			rows += !strcmp(table_cell(t, r, 0)->text, pseudonym[ids[k]]);
		CHECK_INT(rows, 1);
	}
	for (size_t r = 0; r < 6; r++) {
		const char *p = table_cell(t, r, 0)->text;
		CHECK_INT(strlen(p), 13);
		/* rows in the order of the pseudonyms, never of handing in */
		if (r)
			CHECK(strcmp(table_cell(t, r - 1, 0)->text, p) < 0);
		/* not a piece of any link */
		for (int i = 1; i <= 7; i++)
			CHECK(strncmp(p + 1, token[i], 12));
		CHECK_STR(table_cell(t, r, 1)->text, "2026-03-09");   /* named: every week shown */
	}
	/* no names of the people (P0..P6) */
	struct buf all = BUF_INIT;
	table_text(t, &all);
	CHECK(!strstr(all.ptr, "P0") && !strstr(all.ptr, "P5"));
	buf_release(&all);
	fixture_close(&f);
}

/* An instrument of every kind: Likert, a multiple choice, a bipolar item
 * whose poles label its ends, and an open question. */
static long long every_kind(struct fixture *f)
{
	struct instrument in = { 0 };
	in.name = "Alle soorten";
	in.key = "";
	in.description = "";
	in.source = "test";
	long long id;
	if (store_instrument_add(f->st, f->org_a, &in, &id))
		return -1;
	struct item_option likert[3] = { { 1, 1, "oneens", 0 }, { 2, 2, "", 0 }, { 3, 3, "eens", 0 } };
	struct item_option multi[3] = { { 1, 1, "Lezen", 0 }, { 2, 2, "Doen", 0 }, { 3, 3, "Kijken", 0 } };
	struct item_option bipolar[3] = { { 1, -1, "", 0 }, { 2, 0, "", 0 }, { 3, 1, "", 0 } };
	struct instrument_item items[4] = { 0 };
	items[0] = (struct instrument_item){ .section_id = -1, .code = "q1", .kind = "likert", .text = "Eens?", .scale = "",
					     .left_label = "", .right_label = "", .options = likert, .noptions = 3 };
	items[1] = (struct instrument_item){ .section_id = -1, .code = "leer", .kind = "multiple", .text = "Hoe leert u?",
					     .scale = "", .left_label = "", .right_label = "", .options = multi, .noptions = 3 };
	items[2] = (struct instrument_item){ .section_id = -1, .code = "pool", .kind = "bipolar", .text = "Sfeer",
					     .scale = "", .left_label = "koel", .right_label = "warm", .options = bipolar,
					     .noptions = 3 };
	items[3] = (struct instrument_item){ .section_id = -1, .code = "toel", .kind = "open", .text = "Toelichting",
					     .scale = "", .left_label = "", .right_label = "" };
	struct instrument_version v = { 0 };
	v.instrument_id = id;
	v.items = items;
	v.nitems = 4;
	v.created_at = 1;
	return store_version_add(f->st, f->org_a, &v, NULL) ? -1 : id;
}

TEST(exports_wave_multiple_choice_a_column_per_option)
{
	FIXTURE(f);
	i18n_use(LANG_EN);
	long long instrument = every_kind(&f), wave;
	CHECK(instrument > 0);
	/* a wave that is not anonymous has the week column too */
	CHECK(setup(&f, instrument, false, &wave));
	struct wave w;
	struct instrument_version v;
	char tok[8][SECRET_HEX];
	long long ids[8];
	CHECK_INT(open_links(&f, wave, &w, &v, tok, ids), 6);
	/* q1 tells the rows apart */
	static const char *const a[5][4] = {
		{ "q1=1", "leer=1", "leer=3", "pool=-1" },
		{ "q1=2", "leer=2", "toel=Geëerd", "pool=1" },
		{ "q1=3", "pool=0", "toel=", "" },
		{ "q1=1", "leer=3", "", "" },
		{ "q1=2", "", "", "" },
	};
	for (int i = 0; i < 5; i++)
		CHECK_INT(hand_in(&f, tok[i], "2026-03-10", a[i], 4), D_OK);
	struct wave_export x;
	CHECK_INT(wave_export(&f.c, &w, &v, &x), D_OK);
	CHECK(x.shown);
	const struct data_table *t = &x.table;
	static const char *const names[] = { "respondent", "week", "q1", "leer_1", "leer_2", "leer_3", "pool", "toel" };
	CHECK_INT(t->ncolumns, 8);
	for (size_t c = 0; c < 8 && c < t->ncolumns; c++)
		CHECK_STR(t->columns[c].name, names[c]);
	CHECK_STR(t->columns[3].label, "Hoe leert u? — Lezen");
	CHECK_INT(t->columns[3].nlabels, 2);
	CHECK_STR(t->columns[3].labels[1].label, "chosen");
	CHECK_INT(t->columns[2].nlabels, 2);   /* the unlabelled middle point has none */
	CHECK_INT(t->columns[6].nlabels, 2);   /* the poles */
	CHECK(t->columns[6].labels[0].value == -1);
	CHECK_STR(t->columns[6].labels[0].label, "koel");
	CHECK_STR(t->columns[6].labels[1].label, "warm");
	CHECK_INT(t->columns[7].type, TABLE_TEXT);
	int seen = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		const struct table_cell *row = table_cell(t, r, 0);
		double q1 = row[2].number;
		if (q1 == 1 && row[6].number == -1) {          /* chose 1 and 3 */
			CHECK(!row[3].missing && row[3].number == 1);
			CHECK(!row[4].missing && row[4].number == 0);
			CHECK(!row[5].missing && row[5].number == 1);
			CHECK(row[7].missing);
			seen++;
		} else if (q1 == 2 && !row[6].missing) {     /* chose 2, wrote something */
			CHECK(row[3].number == 0 && row[4].number == 1 && row[5].number == 0);
			CHECK(row[6].number == 1);
			CHECK_STR(row[7].text, "Geëerd");
			seen++;
		} else if (q1 == 3) {                         /* no choice: missing, not 0 */
			CHECK(row[3].missing && row[4].missing && row[5].missing);
			CHECK(!row[6].missing && row[6].number == 0);
			CHECK(row[7].missing);
			seen++;
		}
	}
	CHECK_INT(seen, 3);
	/* the same table goes through all three writers */
	struct buf b = BUF_INIT, err = BUF_INIT;
	CHECK_INT(sav_write(t, &b, &err), 0);
	buf_reset(&b);
	CHECK_INT(xlsx_write(t, &b, &err), 0);
	buf_release(&b);
	buf_release(&err);
	fixture_close(&f);
}

TEST(exports_wave_filename)
{
	struct arena a = ARENA_INIT;
	struct wave w = { 0 };
	w.id = 12;
	w.name = "Eindevaluatie LiVe! 2025";
	CHECK_STR(wave_export_filename(&a, &w, ".csv"), "eindevaluatie-live-2025.csv");
	w.name = "Ærø \"quoted\"/..";
	CHECK_STR(wave_export_filename(&a, &w, ".sav"), "r-quoted.sav");
	w.name = "李";
	CHECK_STR(wave_export_filename(&a, &w, ".xlsx"), "wave-12.xlsx");
	arena_free(&a);
}

/* A printed table's column of figures is set to the right: counts, means
 * with a decimal comma, percentages, "held / planned" and the dash of an
 * empty cell are figures; a word or a name is not. */
TEST(table_is_figure_tells_figures_from_words)
{
	const char *figures[] = { "117", "3,2", "82 %", "100 / 100", "–", "", "-1", NULL };
	const char *words[] = { "Lichting 1", "n.v.t.", "3,2 (SD 0,8)", "Leergroep A", "5e", "–a" };
	for (size_t i = 0; i < sizeof(figures) / sizeof(figures[0]); i++)
		CHECK(table_is_figure(figures[i]));
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		CHECK(!table_is_figure(words[i]));
}
