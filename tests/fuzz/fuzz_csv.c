/* fuzz_csv.c — the CSV reader on any bytes, and a round trip: what it read
 * is written back with csv_field() and read again, and must give the same
 * rows and fields. The only difference allowed is the formula guard: a
 * field that starts with = + - @ TAB or CR, or with an apostrophe and then
 * one of those (a spreadsheet hides that apostrophe), comes back with a
 * leading apostrophe (the reader does not undo it, on purpose). */
#include "formats/csv.h"
#include "core/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int formula(char c)
{
	return c && strchr("=+-@\t\r", c);
}

/* What csv_field() guards (formats/csv.h): the harness once knew only the
 * first rule, and aborted on "'=" as if the writer had changed it. */
static int guarded(const char *s)
{
	return formula(s[0]) || (s[0] == '\'' && formula(s[1]));
}

#define FAIL(...) do { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); abort(); } while (0)

static void check_read(const struct csv *c)
{
	if (c->nrows < 1 || c->nrows > CSV_MAX_ROWS + 1)
		FAIL("nrows %zu", c->nrows);
	if (c->sep != ';' && c->sep != ',' && c->sep != '\t')
		FAIL("sep %d", c->sep);
	for (size_t r = 0; r < c->nrows; r++) {
		const struct csv_row *row = &c->rows[r];
		if (row->n < 1 || row->n > CSV_MAX_FIELDS)
			FAIL("row %zu has %zu fields", r, row->n);
		if (row->line < 1 || (r && row->line <= c->rows[r - 1].line))
			FAIL("row %zu at line %zu", r, row->line);
		if (row->n == 1 && !row->fields[0][0])
			FAIL("row %zu is empty", r);
		for (size_t k = 0; k < row->n; k++) {
			size_t len = strlen(row->fields[k]);
			if (len > CSV_MAX_FIELD || !utf8_valid(row->fields[k], len))
				FAIL("row %zu field %zu", r, k);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct csv c;
	enum csv_error e = csv_parse(&a, (const char *)data, size, &c);
	if (e != CSV_OK) {
		if (e != CSV_EMPTY && e != CSV_BAD_QUOTE && e != CSV_BAD_ENCODING && e != CSV_TOO_BIG)
			FAIL("error %d", (int)e);
		if ((e == CSV_EMPTY) != (c.err_line == 0))
			FAIL("error %d at line %zu", (int)e, c.err_line);
		arena_free(&a);
		return 0;
	}
	check_read(&c);

	struct buf b = BUF_INIT;
	size_t longest = 0;
	buf_adds(&b, CSV_BOM);
	for (size_t r = 0; r < c.nrows; r++) {
		for (size_t k = 0; k < c.rows[r].n; k++) {
			if (k)
				buf_addch(&b, c.sep);
			csv_field(&b, c.rows[r].fields[k], c.sep);
			size_t len = strlen(c.rows[r].fields[k]);
			if (len > longest)
				longest = len;
		}
		csv_end_row(&b);
	}
	struct csv d;
	e = csv_parse(&a, b.ptr, b.len, &d);
	/* a field of the greatest length is one too long with its apostrophe */
	if (e == CSV_TOO_BIG && longest == CSV_MAX_FIELD)
		goto out;
	if (e != CSV_OK)
		FAIL("re-read: error %d at line %zu", (int)e, d.err_line);
	check_read(&d);
	if (d.converted)
		FAIL("re-read converted");
	if (c.rows[0].n > 1 && d.sep != c.sep)
		FAIL("separator %d, was %d", d.sep, c.sep);
	if (d.nrows != c.nrows)
		FAIL("%zu rows, was %zu", d.nrows, c.nrows);
	for (size_t r = 0; r < c.nrows; r++) {
		if (d.rows[r].n != c.rows[r].n)
			FAIL("row %zu: %zu fields, was %zu", r, d.rows[r].n, c.rows[r].n);
		for (size_t k = 0; k < c.rows[r].n; k++) {
			const char *was = c.rows[r].fields[k], *now = d.rows[r].fields[k];
			if (guarded(was)) {
				if (now[0] != '\'')
					FAIL("row %zu field %zu: no guard", r, k);
				now++;
			}
			if (strcmp(was, now))
				FAIL("row %zu field %zu differs", r, k);
		}
	}
out:
	buf_release(&b);
	arena_free(&a);
	return 0;
}
