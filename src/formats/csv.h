/* csv.h — reading CSV as Dutch Excel writes it (';' or ',' or tab, a UTF-8
 * BOM, quoted fields with newlines, Windows-1252 converted to UTF-8), and
 * writing CSV that spreadsheets open safely (formula guard). */
#ifndef LG_FORMATS_CSV_H
#define LG_FORMATS_CSV_H

#include "core/arena.h"
#include "core/buf.h"

#include <stddef.h>

#define CSV_MAX_ROWS 100000
#define CSV_MAX_FIELDS 200
#define CSV_MAX_FIELD (64 * 1024)

enum csv_error {
	CSV_OK,
	CSV_EMPTY,
	CSV_BAD_QUOTE,     /* an unterminated quote, or text after a closing quote */
	CSV_BAD_ENCODING,  /* neither UTF-8 nor Windows-1252, or a NUL byte */
	CSV_TOO_BIG,       /* too many rows or fields, or a field too long */
};

struct csv_row {
	size_t line;   /* 1-based physical line where the record starts */
	size_t n;
	char **fields;
};

struct csv {
	char sep;            /* ';' ',' or '\t', found in the header line */
	int converted;       /* the input was Windows-1252 and has been converted */
	size_t nrows;
	struct csv_row *rows;   /* rows[0] is the header */
	size_t err_line;     /* where the error was found */
};

/* Parses data[0..len) into the arena. Entirely empty lines are skipped. */
enum csv_error csv_parse(struct arena *a, const char *data, size_t len, struct csv *out);
/* An English message id for the error (translate with _()). */
const char *csv_error_text(enum csv_error e);

/* Writing: the caller puts the separator between fields and ends each row
 * with csv_end_row(). csv_field() quotes when needed and puts an apostrophe
 * before text that a spreadsheet would run as a formula (= + - @ tab CR). */
void csv_field(struct buf *b, const char *s, char sep);
void csv_end_row(struct buf *b);  /* CRLF */

#endif
