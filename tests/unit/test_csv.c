/* test_csv.c — the CSV reader and writer (src/formats/csv.c). */
#include "test.h"
#include "formats/csv.h"
#include "core/compiler.h"

#include <stdlib.h>

/* Parses a C string literal (sizeof - 1 keeps NUL bytes in the data). */
#define PARSE(a, c, lit) csv_parse((a), (lit), sizeof(lit) - 1, (c))

TEST(csv_semicolon_header)
{
	struct arena a = ARENA_INIT;
	struct csv c;
	CHECK_INT(PARSE(&a, &c, "naam;e-mail;afdeling\nJan, de Vries;jan@x.nl;Financi\xC3\xABn\n"), CSV_OK);
	CHECK_INT(c.sep, ';');
	CHECK_INT(c.converted, 0);
	CHECK_INT(c.nrows, 2);
	CHECK_INT(c.rows[0].n, 3);
	CHECK_STR(c.rows[0].fields[2], "afdeling");
	CHECK_STR(c.rows[1].fields[0], "Jan, de Vries");
	CHECK_STR(c.rows[1].fields[2], "Financi\xC3\xABn");
	CHECK_INT(c.rows[0].line, 1);
	CHECK_INT(c.rows[1].line, 2);
	arena_free(&a);
}

TEST(csv_comma_and_tab_header)
{
	struct arena a = ARENA_INIT;
	struct csv c;
	CHECK_INT(PARSE(&a, &c, "naam,e-mail,\"a;b;c\"\nJan;Piet,j@x.nl,x\n"), CSV_OK);
	CHECK_INT(c.sep, ',');
	CHECK_INT(c.rows[0].n, 3);
	CHECK_STR(c.rows[0].fields[2], "a;b;c");
	CHECK_STR(c.rows[1].fields[0], "Jan;Piet");
	CHECK_INT(PARSE(&a, &c, "a\tb\tc\n1\t2\t3"), CSV_OK);
	CHECK_INT(c.sep, '\t');
	CHECK_INT(c.rows[1].n, 3);
	CHECK_STR(c.rows[1].fields[2], "3");
	/* a tie goes to ';', no separator at all gives ';' */
	CHECK_INT(PARSE(&a, &c, "a;b,c\n"), CSV_OK);
	CHECK_INT(c.sep, ';');
	CHECK_INT(PARSE(&a, &c, "a,b\tc\n"), CSV_OK);
	CHECK_INT(c.sep, ',');
	CHECK_INT(PARSE(&a, &c, "naam\nJan, Piet\n"), CSV_OK);
	CHECK_INT(c.sep, ';');
	CHECK_STR(c.rows[1].fields[0], "Jan, Piet");
	/* quotes count as the parser reads them: a '"' inside an unquoted
	 * field opens nothing, a quoted field hides its separators */
	CHECK_INT(PARSE(&a, &c, "h\"x\nrij\t\"a\tb\"\t2\n"), CSV_OK);
	CHECK_INT(c.sep, ';');
	CHECK_INT(c.rows[0].n, 1);
	CHECK_INT(c.rows[1].n, 1);
	CHECK_INT(PARSE(&a, &c, "\"a,b,c\";\"d,e\";f\n"), CSV_OK);
	CHECK_INT(c.sep, ';');
	CHECK_INT(c.rows[0].n, 3);
	/* a reading that works beats one that does not (';' gives text after a quote) */
	CHECK_INT(PARSE(&a, &c, "a;\"b,c\",d,e\n"), CSV_OK);
	CHECK_INT(c.sep, ',');
	CHECK_INT(c.rows[0].n, 4);
	CHECK_INT(PARSE(&a, &c, "a,\"b;c;d\",e\n"), CSV_OK);
	CHECK_INT(c.sep, ',');
	CHECK_INT(c.rows[0].n, 3);
	/* the header is the first line that is not empty */
	CHECK_INT(PARSE(&a, &c, "\r\n\r\na,b,c;d\r\n"), CSV_OK);
	CHECK_INT(c.sep, ',');
	CHECK_INT(c.rows[0].line, 3);
	CHECK_INT(c.rows[0].n, 3);
	arena_free(&a);
}

TEST(csv_bom)
{
	struct arena a = ARENA_INIT;
	struct csv c;
	CHECK_INT(PARSE(&a, &c, "\xEF\xBB\xBFpersoneelsnummer;naam\r\nP1;Jan\r\n"), CSV_OK);
	CHECK_STR(c.rows[0].fields[0], "personeelsnummer");
	CHECK_INT(c.converted, 0);
	CHECK_INT(c.nrows, 2);
	/* only one BOM goes */
	CHECK_INT(PARSE(&a, &c, "\xEF\xBB\xBF\xEF\xBB\xBFx"), CSV_OK);
	CHECK_STR(c.rows[0].fields[0], "\xEF\xBB\xBFx");
	/* a BOM alone is an empty file */
	CHECK_INT(PARSE(&a, &c, "\xEF\xBB\xBF"), CSV_EMPTY);
	/* a BOM says UTF-8: invalid UTF-8 after it is not converted */
	CHECK_INT(PARSE(&a, &c, "\xEF\xBB\xBFnaam\nOperati\xEBn\n"), CSV_BAD_ENCODING);
	CHECK_INT(c.err_line, 2);
	arena_free(&a);
}

TEST(csv_quoted_newline_and_line_numbers)
{
	struct arena a = ARENA_INIT;
	struct csv c;
	CHECK_INT(PARSE(&a, &c, "id;adres\r\n1;\"Straat 1\r\n1234 AB\r\nDorp\"\r\n2;x\r\n\r\n3;\"a\nb\"\n4;y\n"), CSV_OK);
	CHECK_INT(c.nrows, 5);
	CHECK_STR(c.rows[1].fields[1], "Straat 1\r\n1234 AB\r\nDorp");
	CHECK_INT(c.rows[1].line, 2);
	CHECK_INT(c.rows[2].line, 5);
	CHECK_STR(c.rows[2].fields[1], "x");
	CHECK_INT(c.rows[3].line, 7);
	CHECK_STR(c.rows[3].fields[1], "a\nb");
	CHECK_INT(c.rows[4].line, 9);
	/* lone CRs inside quotes count too */
	CHECK_INT(PARSE(&a, &c, "a\r\"x\ry\r\rz\"\rb"), CSV_OK);
	CHECK_INT(c.nrows, 3);
	CHECK_STR(c.rows[1].fields[0], "x\ry\r\rz");
	CHECK_INT(c.rows[1].line, 2);
	CHECK_INT(c.rows[2].line, 6);
	/* the separator inside quotes */
	CHECK_INT(PARSE(&a, &c, "a;b\n\"1;2\";\"3\"\n"), CSV_OK);
	CHECK_INT(c.rows[1].n, 2);
	CHECK_STR(c.rows[1].fields[0], "1;2");
	CHECK_STR(c.rows[1].fields[1], "3");
	arena_free(&a);
}

TEST(csv_doubled_quotes)
{
	struct arena a = ARENA_INIT;
	struct csv c;
	CHECK_INT(PARSE(&a, &c, "a;b;c\n\"Team \"\"Noord\"\"\";\"\"\"\";\"\"\n"), CSV_OK);
	CHECK_STR(c.rows[1].fields[0], "Team \"Noord\"");
	CHECK_STR(c.rows[1].fields[1], "\"");
	CHECK_STR(c.rows[1].fields[2], "");
	/* a quote inside an unquoted field is text, as in Excel */
	CHECK_INT(PARSE(&a, &c, "a;b\n12\" scherm;x\"y\"\n"), CSV_OK);
	CHECK_STR(c.rows[1].fields[0], "12\" scherm");
	CHECK_STR(c.rows[1].fields[1], "x\"y\"");
	arena_free(&a);
}

TEST(csv_bad_quote)
{
	struct arena a = ARENA_INIT;
	struct csv c;
	CHECK_INT(PARSE(&a, &c, "a;b\n1;2\n3;\"open\n\n4;5\n"), CSV_BAD_QUOTE);
	CHECK_INT(c.err_line, 3);
	CHECK_INT(PARSE(&a, &c, "a;b\n\"x\"y;2\n"), CSV_BAD_QUOTE);
	CHECK_INT(c.err_line, 2);
	/* text after a closing quote on a later line of the field */
	CHECK_INT(PARSE(&a, &c, "a;b\n\"x\ny\" ;2\n"), CSV_BAD_QUOTE);
	CHECK_INT(c.err_line, 3);
	CHECK_INT(PARSE(&a, &c, "\""), CSV_BAD_QUOTE);
	CHECK_INT(c.err_line, 1);
	CHECK(csv_error_text(CSV_BAD_QUOTE)[0] != '\0');
	CHECK_STR(csv_error_text(CSV_EMPTY), "The file is empty.");
	arena_free(&a);
}

TEST(csv_line_ends)
{
	struct arena a = ARENA_INIT;
	struct csv c;
	static const char *const inputs[] = { "a;b\r\n1;2\r\n3;4\r\n", "a;b\n1;2\n3;4\n", "a;b\r1;2\r3;4\r", "a;b\r\n1;2\n3;4" };
	for (size_t i = 0; i < ARRAY_SIZE(inputs); i++) {
		CHECK_INT(csv_parse(&a, inputs[i], strlen(inputs[i]), &c), CSV_OK);
		CHECK_INT(c.nrows, 3);
		CHECK_INT(c.rows[2].n, 2);
		CHECK_STR(c.rows[2].fields[1], "4");
		CHECK_INT(c.rows[2].line, 3);
	}
	/* LF CR is two line ends */
	CHECK_INT(PARSE(&a, &c, "a\n\rb"), CSV_OK);
	CHECK_INT(c.rows[1].line, 3);
	arena_free(&a);
}

TEST(csv_empty_lines)
{
	struct arena a = ARENA_INIT;
	struct csv c;
	CHECK_INT(PARSE(&a, &c, "a;b\n\n\r\n\"\"\n1;2\n\n"), CSV_OK);
	CHECK_INT(c.nrows, 2);
	CHECK_INT(c.rows[1].line, 5);
	/* not empty: a line of blanks or separators is a row (the caller trims) */
	CHECK_INT(PARSE(&a, &c, "a;b\n \n;\n"), CSV_OK);
	CHECK_INT(c.nrows, 3);
	CHECK_STR(c.rows[1].fields[0], " ");
	CHECK_INT(c.rows[2].n, 2);
	CHECK_INT(PARSE(&a, &c, ""), CSV_EMPTY);
	CHECK_INT(c.err_line, 0);
	CHECK_INT(PARSE(&a, &c, "\r\n\n\r"), CSV_EMPTY);
	CHECK_INT(csv_parse(&a, NULL, 0, &c), CSV_EMPTY);
	arena_free(&a);
}

TEST(csv_no_trimming)
{
	struct arena a = ARENA_INIT;
	struct csv c;
	CHECK_INT(PARSE(&a, &c, "a ; b\n  x  ;\t\n"), CSV_OK);
	CHECK_STR(c.rows[0].fields[0], "a ");
	CHECK_STR(c.rows[0].fields[1], " b");
	CHECK_STR(c.rows[1].fields[0], "  x  ");
	CHECK_STR(c.rows[1].fields[1], "\t");
	arena_free(&a);
}

TEST(csv_windows_1252)
{
	struct arena a = ARENA_INIT;
	struct csv c;
	CHECK_INT(PARSE(&a, &c, "naam;afdeling\r\nRen\xE9;Operati\xEBn\r\nJos\xE9;\x80 \x93quote\x94\r\n"), CSV_OK);
	CHECK_INT(c.converted, 1);
	CHECK_INT(c.nrows, 3);
	CHECK_STR(c.rows[1].fields[0], "Ren\xC3\xA9");
	CHECK_STR(c.rows[1].fields[1], "Operati\xC3\xABn");
	CHECK_STR(c.rows[2].fields[1], "\xE2\x82\xAC \xE2\x80\x9Cquote\xE2\x80\x9D");
	/* the conversion comes before the separator is looked for */
	CHECK_INT(PARSE(&a, &c, "n\xE9,a,b\n1,2,3\n"), CSV_OK);
	CHECK_INT(c.sep, ',');
	CHECK_STR(c.rows[0].fields[0], "n\xC3\xA9");
	arena_free(&a);
}

TEST(csv_invalid_bytes)
{
	struct arena a = ARENA_INIT;
	struct csv c;
	static const char undefined[] = { '\x81', '\x8D', '\x8F', '\x90', '\x9D' };
	for (size_t i = 0; i < sizeof(undefined); i++) {
		char in[] = "a;b\n1;2\nx?y;3\n";
		in[9] = undefined[i];
		CHECK_INT(csv_parse(&a, in, strlen(in), &c), CSV_BAD_ENCODING);
		CHECK_INT(c.err_line, 3);
		CHECK_INT(c.converted, 0);
	}
	/* UTF-16 as Excel's "Unicode text" writes it */
	CHECK_INT(PARSE(&a, &c, "\xFF\xFE" "a\0;\0b\0"), CSV_BAD_ENCODING);
	/* an xlsx is a zip file */
	CHECK_INT(PARSE(&a, &c, "PK\x03\x04\x14\0\x06\0"), CSV_BAD_ENCODING);
	CHECK_STR(csv_error_text(CSV_BAD_ENCODING),
		  "The file is not text in UTF-8 or Windows-1252 (it may be an Excel workbook instead of CSV).");
	arena_free(&a);
}

TEST(csv_nul_byte)
{
	struct arena a = ARENA_INIT;
	struct csv c;
	CHECK_INT(PARSE(&a, &c, "a;b\r\n1;2\r\n3;\0\r\n"), CSV_BAD_ENCODING);
	CHECK_INT(c.err_line, 3);
	CHECK_INT(PARSE(&a, &c, "\0"), CSV_BAD_ENCODING);
	CHECK_INT(c.err_line, 1);
	/* also inside quotes, also in Windows-1252 */
	CHECK_INT(PARSE(&a, &c, "a\n\"\0\"\n"), CSV_BAD_ENCODING);
	CHECK_INT(PARSE(&a, &c, "\xE9\n\0"), CSV_BAD_ENCODING);
	CHECK_INT(c.err_line, 2);
	arena_free(&a);
}

TEST(csv_trailing_separator)
{
	struct arena a = ARENA_INIT;
	struct csv c;
	CHECK_INT(PARSE(&a, &c, "a;b;\n1;2;\n3;\"4\";\n5;"), CSV_OK);
	CHECK_INT(c.nrows, 4);
	for (size_t i = 0; i < 3; i++) {
		CHECK_INT(c.rows[i].n, 3);
		CHECK_STR(c.rows[i].fields[2], "");
	}
	CHECK_INT(c.rows[3].n, 2);
	CHECK_STR(c.rows[3].fields[1], "");
	/* rows keep their own length */
	CHECK_INT(PARSE(&a, &c, "a;b;c\n1\n1;2;3;4\n"), CSV_OK);
	CHECK_INT(c.rows[1].n, 1);
	CHECK_INT(c.rows[2].n, 4);
	arena_free(&a);
}

/* A file of nrows data rows "1" under a header "h", with LF. */
static char *rows_file(size_t nrows, size_t *len)
{
	*len = 2 + nrows * 2;
	char *s = malloc(*len);
	memcpy(s, "h\n", 2);
	for (size_t i = 0; i < nrows; i++)
		memcpy(s + 2 + i * 2, "1\n", 2);
	return s;
}

TEST(csv_limits)
{
	struct arena a = ARENA_INIT;
	struct csv c;
	size_t len;
	char *s = rows_file(CSV_MAX_ROWS, &len);
	CHECK_INT(csv_parse(&a, s, len, &c), CSV_OK);
	CHECK_INT(c.nrows, CSV_MAX_ROWS + 1);
	CHECK_INT(c.rows[CSV_MAX_ROWS].line, CSV_MAX_ROWS + 1);
	free(s);
	s = rows_file(CSV_MAX_ROWS + 1, &len);
	CHECK_INT(csv_parse(&a, s, len, &c), CSV_TOO_BIG);
	CHECK_INT(c.err_line, CSV_MAX_ROWS + 2);
	free(s);
	arena_free(&a);

	/* fields in a row */
	struct buf b = BUF_INIT;
	buf_adds(&b, "h\n");
	for (int i = 0; i < CSV_MAX_FIELDS; i++)
		buf_adds(&b, i ? ";x" : "x");
	CHECK_INT(csv_parse(&a, b.ptr, b.len, &c), CSV_OK);
	CHECK_INT(c.rows[1].n, CSV_MAX_FIELDS);
	buf_adds(&b, ";\n");
	CHECK_INT(csv_parse(&a, b.ptr, b.len, &c), CSV_TOO_BIG);
	CHECK_INT(c.err_line, 2);
	arena_free(&a);

	/* the length of a field, quoted and not */
	buf_reset(&b);
	buf_adds(&b, "h\n\n");
	for (int i = 0; i < CSV_MAX_FIELD; i++)
		buf_addch(&b, 'x');
	CHECK_INT(csv_parse(&a, b.ptr, b.len, &c), CSV_OK);
	CHECK_INT(strlen(c.rows[1].fields[0]), CSV_MAX_FIELD);
	buf_addch(&b, 'x');
	CHECK_INT(csv_parse(&a, b.ptr, b.len, &c), CSV_TOO_BIG);
	CHECK_INT(c.err_line, 3);
	buf_reset(&b);
	buf_adds(&b, "h\n\"");
	for (int i = 0; i < CSV_MAX_FIELD - 1; i++)
		buf_addch(&b, i % 2 ? '\n' : 'x');
	buf_adds(&b, "\"\"\"");
	CHECK_INT(csv_parse(&a, b.ptr, b.len, &c), CSV_OK);
	CHECK_INT(strlen(c.rows[1].fields[0]), CSV_MAX_FIELD);
	buf_setlen(&b, b.len - 1);
	buf_adds(&b, "x\"");
	CHECK_INT(csv_parse(&a, b.ptr, b.len, &c), CSV_TOO_BIG);
	CHECK_INT(c.err_line, 2);
	/* a quote that is never closed is that, however long the rest */
	buf_reset(&b);
	buf_adds(&b, "h\n1\n\"");
	for (int i = 0; i < CSV_MAX_FIELD + 10; i++)
		buf_addch(&b, i % 100 ? 'x' : '\n');
	CHECK_INT(csv_parse(&a, b.ptr, b.len, &c), CSV_BAD_QUOTE);
	CHECK_INT(c.err_line, 3);
	buf_adds(&b, "\"\r\n4\n");
	CHECK_INT(csv_parse(&a, b.ptr, b.len, &c), CSV_TOO_BIG);
	CHECK_INT(c.err_line, 3);
	buf_release(&b);
	arena_free(&a);
}

static const char *field(struct buf *b, const char *s, char sep)
{
	buf_reset(b);
	csv_field(b, s, sep);
	return b->ptr;
}

static const char *number(struct buf *b, const char *s, char sep)
{
	buf_reset(b);
	csv_number(b, s, sep);
	return b->ptr;
}

TEST(csv_writer_quoting)
{
	struct buf b = BUF_INIT;
	CHECK_STR(field(&b, "Jan", ';'), "Jan");
	CHECK_STR(field(&b, "", ';'), "");
	CHECK_STR(field(&b, NULL, ';'), "");
	CHECK_STR(field(&b, "de Vries; Jan", ';'), "\"de Vries; Jan\"");
	CHECK_STR(field(&b, "Team \"Noord\"", ';'), "\"Team \"\"Noord\"\"\"");
	CHECK_STR(field(&b, "\"", ';'), "\"\"\"\"");
	CHECK_STR(field(&b, "a\nb", ';'), "\"a\nb\"");
	CHECK_STR(field(&b, "a\rb", ';'), "\"a\rb\"");
	CHECK_STR(field(&b, "a|b", '|'), "\"a|b\"");
	/* every separator a reader might take is quoted */
	CHECK_STR(field(&b, "Jansen, Piet", ';'), "\"Jansen, Piet\"");
	CHECK_STR(field(&b, "a;b", ','), "\"a;b\"");
	CHECK_STR(field(&b, "a\tb", ','), "\"a\tb\"");
	/* CSV is not HTML: nothing else is escaped */
	CHECK_STR(field(&b, "Jan <script>alert(1)</script>", ';'), "Jan <script>alert(1)</script>");
	CHECK_STR(field(&b, "Operati\xC3\xABn & co's", ';'), "Operati\xC3\xABn & co's");
	/* a row */
	buf_reset(&b);
	csv_field(&b, "a", ';');
	buf_addch(&b, ';');
	csv_field(&b, "b;c", ';');
	csv_end_row(&b);
	CHECK_STR(b.ptr, "a;\"b;c\"\r\n");
	buf_release(&b);
}

TEST(csv_writer_formula_guard)
{
	struct buf b = BUF_INIT;
	CHECK_STR(field(&b, "=SUM(A1)", ';'), "\"'=SUM(A1)\"");
	CHECK_STR(field(&b, "=HYPERLINK(\"http://x\";\"klik\")", ';'), "\"'=HYPERLINK(\"\"http://x\"\";\"\"klik\"\")\"");
	CHECK_STR(field(&b, "+31 6 12345678", ';'), "\"'+31 6 12345678\"");
	CHECK_STR(field(&b, "+31", ';'), "\"'+31\"");
	CHECK_STR(field(&b, "-5", ';'), "\"'-5\"");
	CHECK_STR(field(&b, "@x", ';'), "\"'@x\"");
	CHECK_STR(field(&b, "\tx", ';'), "\"'\tx\"");
	CHECK_STR(field(&b, "\rx", ';'), "\"'\rx\"");
	CHECK_STR(field(&b, "=cmd|'/c calc'!A1", ','), "\"'=cmd|'/c calc'!A1\"");
	/* only at the start */
	CHECK_STR(field(&b, "a=b", ';'), "a=b");
	CHECK_STR(field(&b, "Jan-Piet", ';'), "Jan-Piet");
	CHECK_STR(field(&b, "jan@x.nl", ';'), "jan@x.nl");
	/* numbers that are known to be numbers stay numbers */
	CHECK_STR(number(&b, "-5", ';'), "-5");
	CHECK_STR(number(&b, "+31", ';'), "+31");
	CHECK_STR(number(&b, "42", ';'), "42");
	CHECK_STR(number(&b, "-3.5", ';'), "-3.5");
	CHECK_STR(number(&b, "-3,5", ';'), "\"-3,5\"");
	CHECK_STR(number(&b, "-3,5", ','), "\"-3,5\"");
	/* ... and anything else is text */
	CHECK_STR(number(&b, "-5+cmd", ';'), "\"'-5+cmd\"");
	CHECK_STR(number(&b, "=1+1", ';'), "\"'=1+1\"");
	CHECK_STR(number(&b, "-", ';'), "\"'-\"");
	CHECK_STR(number(&b, "-1,", ';'), "\"'-1,\"");
	CHECK_STR(number(&b, "-1,2,3", ';'), "\"'-1,2,3\"");
	CHECK_STR(number(&b, "-1e5", ';'), "\"'-1e5\"");
	CHECK_STR(number(&b, "", ';'), "");
	buf_release(&b);
}

TEST(csv_round_trip)
{
	static const char *const cells[][4] = {
		{ "personeelsnummer", "naam", "afdeling", "opmerking" },
		{ "P1", "Jan <script>alert(1)</script>", "Operati\xC3\xABn/Team \"Noord\"", "regel 1\r\nregel 2" },
		{ "P2", "de Vries, Piet", "a;b\tc", "" },
		{ "", "\"", "x\ry", "\n" },
		{ "=SUM(A1)", "-5", "@x", "+31" },
	};
	static const char seps[] = { ';', ',', '\t' };
	for (size_t s = 0; s < sizeof(seps); s++) {
		struct buf b = BUF_INIT;
		struct arena a = ARENA_INIT;
		struct csv c;
		buf_adds(&b, CSV_BOM);
		for (size_t r = 0; r < 5; r++) {
			for (size_t k = 0; k < 4; k++) {
				if (k)
					buf_addch(&b, seps[s]);
				csv_field(&b, cells[r][k], seps[s]);
			}
			csv_end_row(&b);
		}
		CHECK_INT(csv_parse(&a, b.ptr, b.len, &c), CSV_OK);
		CHECK_INT(c.sep, seps[s]);
		CHECK_INT(c.nrows, 5);
		for (size_t r = 0; r < 4 && r < c.nrows; r++) {
			CHECK_INT(c.rows[r].n, 4);
			for (size_t k = 0; k < 4 && k < c.rows[r].n; k++)
				CHECK_STR(c.rows[r].fields[k], cells[r][k]);
		}
		CHECK_INT(c.rows[2].line, 4);
		CHECK_INT(c.rows[3].line, 5);
		CHECK_INT(c.rows[4].line, 8);
		/* the formula guard stays: the reader does not undo it */
		if (c.nrows == 5) {
			CHECK_STR(c.rows[4].fields[0], "'=SUM(A1)");
			CHECK_STR(c.rows[4].fields[1], "'-5");
			CHECK_STR(c.rows[4].fields[2], "'@x");
			CHECK_STR(c.rows[4].fields[3], "'+31");
		}
		buf_release(&b);
		arena_free(&a);
	}
}
