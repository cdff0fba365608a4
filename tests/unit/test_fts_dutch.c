/* test_fts_dutch.c — the FTS5 tokenizer "dutch" and the SQL function
 * md_plain() (store/sql/search_fn.c), on an in-memory store opened by
 * store_open(), so the registration is the one every connection gets.
 *
 * The stems below were observed by running libstemmer 2.2.0 (Debian
 * libstemmer0d, algorithm "dutch", UTF_8) on the folded words with a
 * scratch C program calling sb_stemmer_stem():
 *   vergaderingen, vergadering, vergaderen -> vergader
 *   leiders, leider                        -> leider
 *   leidinggevenden, leidinggevende        -> leidinggev
 *   gesprekken, gesprek                    -> gesprek
 *   besluiten, besluit                     -> besluit
 *   teams, team                            -> team
 *   ontwikkelingen, ontwikkelen            -> ontwikkel
 *   mentoren, mentor                       -> mentor
 *   doelen, doel                           -> doel
 *   medewerkers, medewerker                -> medewerker
 *   collega                                -> collega ("collega's" is
 *                                             split by unicode61; the 's is
 *                                             dropped by the tokenizer)
 *   beeindigen (= beëindigen folded)       -> beeindig
 *   leren -> ler, tamelijk -> tamelijk
 * Not conflated by this stemmer (so not tested as pairs): the past tense,
 * ontwikkelde -> ontwikkeld, vergaderde -> vergaderd. */
#include "test.h"
#include "formats/markdown.h"
#include "store/sql/internal.h"
#include "store/store.h"
#include "core/compiler.h"

#include <stdlib.h>

static struct store *mem_store(void)
{
	struct store *s = NULL;
	struct buf err = BUF_INIT;
	int r = store_open(":memory:", &s, &err);
	CHECK_INT(r, ST_OK);
	if (r)
		fprintf(stderr, "  store_open: %s\n", err.ptr);
	buf_release(&err);
	return s;
}

static int exec(struct store *s, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK)
		fprintf(stderr, "  exec: %s: %s\n", sql, msg ? msg : "?");
	sqlite3_free(msg);
	return rc;
}

static long long insert(struct store *s, const char *table, const char *body)
{
	char sql[128];
	snprintf(sql, sizeof(sql), "INSERT INTO %s(body) VALUES (?1)", table);
	sqlite3_stmt *st = NULL;
	long long id = -1;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, body, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_DONE)
			id = sqlite3_last_insert_rowid(s->db);
	}
	sqlite3_finalize(st);
	return id;
}

/* Whether the FTS5 query q (as written after MATCH) finds row id of
 * table; -1 on an error. */
static int finds(struct store *s, const char *table, const char *q, long long id)
{
	char sql[160];
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s WHERE %s MATCH ?1 AND rowid = ?2", table, table);
	sqlite3_stmt *st = NULL;
	int n = -1;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int(st, 0);
	}
	if (n < 0)
		fprintf(stderr, "  finds %s: %s\n", q, sqlite3_errmsg(s->db));
	sqlite3_finalize(st);
	return n;
}

/* The first column of the first row of sql (with ?1 = arg if not NULL)
 * appended to out; "(null)" for NULL, "(error)" on an error. */
static void text_of(struct store *s, const char *sql, const char *arg, struct buf *out)
{
	sqlite3_stmt *st = NULL;
	buf_reset(out);
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "  %s: %s\n", sql, sqlite3_errmsg(s->db));
		buf_adds(out, "(error)");
		return;
	}
	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW)
		buf_adds(out, "(error)");
	else if (sqlite3_column_type(st, 0) == SQLITE_NULL)
		buf_adds(out, "(null)");
	else
		buf_add(out, sqlite3_column_text(st, 0), (size_t)sqlite3_column_bytes(st, 0));
	sqlite3_finalize(st);
}

/* Whether the index of table holds term (through an fts5vocab table). */
static int has_term(struct store *s, const char *table, const char *term)
{
	char sql[160];
	snprintf(sql, sizeof(sql), "CREATE VIRTUAL TABLE IF NOT EXISTS temp.%s_v USING fts5vocab(main, %s, 'row')",
		 table, table);
	if (exec(s, sql) != SQLITE_OK)
		return -1;
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM temp.%s_v WHERE term = ?1", table);
	sqlite3_stmt *st = NULL;
	int n = -1;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, term, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int(st, 0);
	}
	sqlite3_finalize(st);
	return n;
}

TEST(fts_dutch_finds_inflected_forms_both_ways)
{
	struct store *s = mem_store();
	if (!s)
		return;
	CHECK_INT(exec(s, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'dutch')"), SQLITE_OK);
	static const char *const pairs[][2] = {
		{ "vergaderingen", "vergadering" },
		{ "leiders", "leider" },
		{ "leidinggevenden", "leidinggevende" },
		{ "gesprekken", "gesprek" },
		{ "collega's", "collega" },
		{ "besluiten", "besluit" },
		{ "teams", "team" },
		{ "ontwikkelingen", "ontwikkelen" },
		{ "mentoren", "mentor" },
		{ "doelen", "doel" },
		{ "medewerkers", "medewerker" },
	};
	size_t n = ARRAY_SIZE(pairs);
	long long ids[ARRAY_SIZE(pairs)][2];
	char text[160], q[64];
	/* one row per word form, in a sentence of words that stem apart */
	for (size_t i = 0; i < n; i++)
		for (int j = 0; j < 2; j++) {
			snprintf(text, sizeof(text), "Op dinsdag ging het over %s, zei Anouk.", pairs[i][j]);
			ids[i][j] = insert(s, "t", text);
			CHECK(ids[i][j] > 0);
		}
	for (size_t i = 0; i < n; i++)
		for (int j = 0; j < 2; j++) {
			snprintf(q, sizeof(q), "\"%s\"", pairs[i][j]);
			if (finds(s, "t", q, ids[i][1 - j]) != 1)
				fprintf(stderr, "  %s does not find %s\n", pairs[i][j], pairs[i][1 - j]);
			CHECK_INT(finds(s, "t", q, ids[i][1 - j]), 1);
			CHECK_INT(finds(s, "t", q, ids[i][j]), 1);
		}
	/* each form finds its own pair only: two rows per query */
	struct buf out = BUF_INIT;
	text_of(s, "SELECT count(*) FROM t WHERE t MATCH 'vergadering'", NULL, &out);
	CHECK_STR(out.ptr, "2");
	/* uppercase is folded before stemming */
	CHECK_INT(finds(s, "t", "LEIDERS", ids[1][1]), 1);
	buf_release(&out);
	store_close(s);
}

TEST(fts_dutch_folds_diacritics)
{
	struct store *s = mem_store();
	if (!s)
		return;
	CHECK_INT(exec(s, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'dutch')"), SQLITE_OK);
	long long a = insert(s, "t", "We moeten het traject beëindigen.");
	long long b = insert(s, "t", "Beeindigen is ook een keuze; één idee.");
	CHECK_INT(finds(s, "t", "beeindigen", a), 1);
	CHECK_INT(finds(s, "t", "beëindigen", b), 1);
	CHECK_INT(finds(s, "t", "Beëindigen", a), 1);
	CHECK_INT(finds(s, "t", "een", b), 1);
	CHECK_INT(has_term(s, "t", "beeindig"), 1);
	CHECK_INT(has_term(s, "t", "beëindig"), 0);
	store_close(s);
}

TEST(fts_dutch_keeps_different_words_apart)
{
	struct store *s = mem_store();
	if (!s)
		return;
	CHECK_INT(exec(s, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'dutch')"), SQLITE_OK);
	long long a = insert(s, "t", "De leider van het team was tamelijk stil.");
	long long b = insert(s, "t", "Wij willen leren van elkaar.");
	CHECK(a > 0 && b > 0);
	CHECK_INT(finds(s, "t", "leren", a), 0);
	CHECK_INT(finds(s, "t", "leider", b), 0);
	CHECK_INT(finds(s, "t", "tamelijk", a), 1);
	CHECK_INT(finds(s, "t", "team", a), 1);
	/* "team" finds the row through "team", not through "tamelijk" */
	CHECK_INT(finds(s, "t", "NEAR(team tamelijk, 0)", a), 0);
	long long c = insert(s, "t", "Dat was tamelijk lastig.");
	CHECK_INT(finds(s, "t", "team", c), 0);
	CHECK_INT(finds(s, "t", "leren", b), 1);
	store_close(s);
}

TEST(fts_dutch_snippet_marks_the_word_as_written)
{
	struct store *s = mem_store();
	if (!s)
		return;
	CHECK_INT(exec(s, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'dutch')"), SQLITE_OK);
	CHECK(insert(s, "t", "De vergaderingen van ons team duurden veel te lang.") > 0);
	CHECK(insert(s, "t", "Mijn collega's en ik spraken over beëindigen.") > 0);
	struct buf out = BUF_INIT;
	text_of(s, "SELECT snippet(t, 0, '[', ']', '…', 8) FROM t WHERE t MATCH ?1", "vergadering", &out);
	CHECK(strstr(out.ptr, "[vergaderingen]") != NULL);
	text_of(s, "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1", "vergadering team", &out);
	CHECK_STR(out.ptr, "De [vergaderingen] van ons [team] duurden veel te lang.");
	/* the 's belongs to the word; diacritics stay as written */
	text_of(s, "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1", "collega beeindigen", &out);
	CHECK_STR(out.ptr, "Mijn [collega's] en ik spraken over [beëindigen].");
	buf_release(&out);
	store_close(s);
}

TEST(fts_dutch_prefix_queries_are_not_stemmed)
{
	struct store *s = mem_store();
	if (!s)
		return;
	CHECK_INT(exec(s, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'dutch')"), SQLITE_OK);
	long long a = insert(s, "t", "Lange vergaderingen over de leidinggevenden.");
	CHECK_INT(finds(s, "t", "verga*", a), 1);
	CHECK_INT(finds(s, "t", "vergader*", a), 1);
	CHECK_INT(finds(s, "t", "leiding*", a), 1);
	CHECK_INT(finds(s, "t", "vergo*", a), 0);
	/* in a phrase prefix only the last word is a prefix: "lange" is
	 * stemmed (lang), "verg" is not */
	CHECK_INT(finds(s, "t", "\"lange verg\"*", a), 1);
	CHECK_INT(finds(s, "t", "\"lange over\"*", a), 0);
	/* documented limit: the prefix is compared with the stems in the
	 * index, so one longer than the stem (vergader) finds nothing */
	CHECK_INT(finds(s, "t", "vergaderingen*", a), 0);
	store_close(s);
}

TEST(fts_dutch_leaves_numbers_and_long_words_alone)
{
	struct store *s = mem_store();
	if (!s)
		return;
	CHECK_INT(exec(s, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'dutch')"), SQLITE_OK);
	char text[256];
	/* 66 bytes: stemmed it would lose its "ingen" (the stemmer gives
	 * "...ontwikkel"); a digit keeps "covid19en" from losing its "en" */
	const char *longw = "ontwikkelingsontwikkelingsontwikkelingsontwikkelingsontwikkelingen";
	snprintf(text, sizeof(text), "In 2024 werkten 12 teams met covid19en en %s.", longw);
	long long a = insert(s, "t", text);
	CHECK(a > 0);
	CHECK_INT(has_term(s, "t", "team"), 1);
	CHECK_INT(has_term(s, "t", "2024"), 1);
	CHECK_INT(has_term(s, "t", "covid19en"), 1);
	CHECK_INT(has_term(s, "t", longw), 1);
	CHECK_INT(finds(s, "t", "covid19en", a), 1);
	CHECK_INT(finds(s, "t", longw, a), 1);
	store_close(s);
}

TEST(fts_dutch_apostrophe_s)
{
	struct store *s = mem_store();
	if (!s)
		return;
	CHECK_INT(exec(s, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'dutch')"), SQLITE_OK);
	long long a = insert(s, "t", "De auto’s van de collega's; ’s morgens vroeg.");
	CHECK(a > 0);
	CHECK_INT(has_term(s, "t", "auto"), 1);
	CHECK_INT(has_term(s, "t", "collega"), 1);
	/* the "s" of "'s morgens" is a word of its own and stays */
	CHECK_INT(has_term(s, "t", "s"), 1);
	CHECK_INT(finds(s, "t", "\"auto's\"", a), 1);
	CHECK_INT(finds(s, "t", "auto", a), 1);
	CHECK_INT(finds(s, "t", "\"collega's ’s morgens\"", a), 1);
	CHECK_INT(finds(s, "t", "\"collega morgens\"", a), 0);
	struct buf out = BUF_INIT;
	text_of(s, "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1", "auto", &out);
	CHECK_STR(out.ptr, "De [auto’s] van de collega's; ’s morgens vroeg.");
	buf_release(&out);
	store_close(s);
}

TEST(fts_dutch_passes_arguments_to_unicode61)
{
	struct store *s = mem_store();
	if (!s)
		return;
	CHECK_INT(exec(s, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'dutch tokenchars _')"), SQLITE_OK);
	long long a = insert(s, "t", "Het leer_doel van vandaag.");
	CHECK_INT(finds(s, "t", "leer", a), 0);
	CHECK_INT(finds(s, "t", "leer_doel", a), 1);
	/* unicode61 refuses what it does not know, and so do we */
	CHECK(sqlite3_exec(s->db, "CREATE VIRTUAL TABLE u USING fts5(body, tokenize = 'dutch nonsense 1')",
			   NULL, NULL, NULL) != SQLITE_OK);
	store_close(s);
}

TEST(md_plain_sql_function)
{
	struct store *s = mem_store();
	if (!s)
		return;
	struct buf out = BUF_INIT;
	text_of(s, "SELECT md_plain(?1)", "Een **vet** woord en _schuin_ met `code`.", &out);
	CHECK_STR(out.ptr, "Een vet woord en schuin met code.");
	text_of(s, "SELECT md_plain(?1)", "# Kop\n\n- een\n- twee\n\nTekst met [een link](https://example.org).", &out);
	CHECK_STR(out.ptr, "Kop\neen\ntwee\nTekst met een link.");
	/* raw HTML is dropped, as a block and inline */
	text_of(s, "SELECT md_plain(?1)", "<script>alert(1)</script>\n\nDaarna **tekst**.", &out);
	CHECK_STR(out.ptr, "Daarna tekst.");
	CHECK(strstr(out.ptr, "<script") == NULL);
	text_of(s, "SELECT md_plain(?1)", "Voor <script>alert(1)</script> na <b>vet</b>.", &out);
	CHECK(strstr(out.ptr, "<script") == NULL);
	CHECK(strstr(out.ptr, "<b>") == NULL);
	CHECK(strstr(out.ptr, "Voor") != NULL && strstr(out.ptr, "vet") != NULL);
	text_of(s, "SELECT md_plain(NULL)", NULL, &out);
	CHECK_STR(out.ptr, "(null)");
	text_of(s, "SELECT md_plain('')", NULL, &out);
	CHECK_STR(out.ptr, "");
	/* usable where SQLite asks for deterministic functions */
	CHECK_INT(exec(s, "CREATE TABLE m(x TEXT, p TEXT GENERATED ALWAYS AS (md_plain(x)));"
			  "CREATE INDEX m_p ON m(md_plain(x));"
			  "INSERT INTO m(x) VALUES ('*een*')"),
		  SQLITE_OK);
	text_of(s, "SELECT p FROM m", NULL, &out);
	CHECK_STR(out.ptr, "een");
	/* and together with the tokenizer */
	CHECK_INT(exec(s, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'dutch');"
			  "INSERT INTO t(body) SELECT md_plain('De **vergaderingen** <i>liepen</i> uit.')"),
		  SQLITE_OK);
	text_of(s, "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH 'vergadering'", NULL, &out);
	CHECK_STR(out.ptr, "De [vergaderingen] liepen uit.");
	buf_release(&out);
	store_close(s);
}

/* The words of the index come from the program (store_use_words), not from
 * a format the store would know: md_plain() runs what it was handed, and a
 * store cannot be opened before it was handed anything. */
static void shout_words(struct buf *b, const char *text, size_t len)
{
	buf_adds(b, "WORDS:");
	buf_add(b, text, len);
}

TEST(md_plain_runs_the_words_function_handed_in)
{
	struct buf out = BUF_INIT, err = BUF_INIT;
	store_use_words(shout_words);
	struct store *s = mem_store();
	if (s) {
		text_of(s, "SELECT md_plain(?1)", "**vet**", &out);
		CHECK_STR(out.ptr, "WORDS:**vet**");
		store_close(s);
	}
	store_use_words(NULL);
	s = NULL;
	CHECK_INT(store_open(":memory:", &s, &err), ST_ERROR);
	CHECK(s == NULL);
	CHECK(err.ptr && strstr(err.ptr, "store_use_words") != NULL);
	store_close(s);
	store_use_words(md_plain);
	s = mem_store();
	if (s) {
		text_of(s, "SELECT md_plain(?1)", "**vet**", &out);
		CHECK_STR(out.ptr, "vet");
		store_close(s);
	}
	buf_release(&out);
	buf_release(&err);
}
