/* csv.h — reading CSV as Dutch Excel writes it (';' or ',' or tab, a UTF-8
 * BOM, quoted fields with newlines, Windows-1252 converted to UTF-8), and
 * writing CSV that spreadsheets open safely (formula guard).
 *
 * Reading
 *   csv_parse() takes the bytes of an uploaded file (they need not be
 *   NUL-terminated) and fills a struct csv whose memory all comes from the
 *   arena. The rules:
 *   - one UTF-8 byte order mark at the start is dropped;
 *   - a NUL byte anywhere is CSV_BAD_ENCODING (UTF-16 files, workbooks);
 *   - data that is not valid UTF-8 is taken as Windows-1252 and converted
 *     (converted = 1); the five bytes Windows-1252 leaves undefined (0x81
 *     0x8D 0x8F 0x90 0x9D) are CSV_BAD_ENCODING, and so is invalid UTF-8
 *     after a BOM (the BOM says UTF-8; converting would garble the file);
 *   - the separator is ';' ',' or TAB, whichever occurs most often outside
 *     double quotes in the header (the first line that is not empty):
 *     the header is read as the parser would read it with each of the
 *     three, and the one that gives the most fields wins. A reading with a
 *     stray '"' inside an unquoted field loses against one without; on a
 *     tie ';' wins, then ','; a header without any gives ';';
 *   - RFC 4180 quoting: a field that starts with '"' runs to the next lone
 *     '"', "" inside it is one '"', and it may hold separators, CR and LF.
 *     After the closing quote only a separator or a line end may follow
 *     (CSV_BAD_QUOTE otherwise); a quote that is never closed is
 *     CSV_BAD_QUOTE at the line where it opened. A '"' inside an unquoted
 *     field is kept as text, as Excel does;
 *   - lines end in CRLF, LF or a lone CR, also inside quoted fields: every
 *     such line end counts as a physical line for csv_row.line and
 *     err_line;
 *   - a line that is entirely empty (or holds nothing but "") is skipped,
 *     but counted; a trailing separator gives an empty last field; fields
 *     are not trimmed and rows may have different numbers of fields;
 *   - limits: at most CSV_MAX_ROWS rows after the header, CSV_MAX_FIELDS
 *     fields in a row, CSV_MAX_FIELD bytes (after conversion) in a field;
 *     more is CSV_TOO_BIG at the line where that row starts.
 *
 * Writing
 *   csv_field() appends one field; the caller puts the separator between
 *   fields itself (buf_addch(b, sep)) and ends each row with csv_end_row().
 *   A file meant for Excel should start with CSV_BOM, or Excel reads the
 *   UTF-8 as Windows-1252. Text that a spreadsheet would run as a formula
 *   (it starts with = + - @ TAB or CR) gets a leading apostrophe (the OWASP
 *   guard against CSV injection): "=SUM(A1)" is written as "'=SUM(A1)";
 *   so does text that starts with an apostrophe and then one of those,
 *   which a spreadsheet would show without its apostrophe: "'=x" is
 *   written as "''=x". A value that is known to be a number ("-5",
 *   "3,5") goes through csv_number() instead, which writes it without the
 *   apostrophe — but only when it really is a plain number, otherwise it
 *   guards like csv_field(). Nothing else is escaped: CSV is not HTML. */
#ifndef LG_FORMATS_CSV_H
#define LG_FORMATS_CSV_H

#include "core/arena.h"
#include "core/buf.h"

#include <stddef.h>

#define CSV_MAX_ROWS 100000      /* rows after the header */
#define CSV_MAX_FIELDS 200       /* fields in one row */
#define CSV_MAX_FIELD (64 * 1024) /* bytes in one field */
#define CSV_BOM "\xEF\xBB\xBF"   /* the UTF-8 byte order mark */

enum csv_error {
	CSV_OK,
	CSV_EMPTY,         /* no row at all (only empty lines, or nothing) */
	CSV_BAD_QUOTE,     /* an unterminated quote, or text after a closing quote */
	CSV_BAD_ENCODING,  /* neither UTF-8 nor Windows-1252, or a NUL byte */
	CSV_TOO_BIG,       /* too many rows or fields, or a field too long */
};

struct csv_row {
	size_t line;   /* 1-based physical line where the record starts */
	size_t n;      /* number of fields, at least 1 */
	char **fields; /* n NUL-terminated UTF-8 strings */
};

struct csv {
	char sep;            /* ';' ',' or '\t', found in the header line */
	int converted;       /* 1 when the input was Windows-1252 and has been converted */
	size_t nrows;        /* header included; at least 1 on CSV_OK */
	struct csv_row *rows;   /* rows[0] is the header */
	size_t err_line;     /* the line of the error; 0 when there is none or no line applies */
};

/* Parses data[0..len) into the arena. On an error, err_line tells where and
 * the rows are not to be used. */
enum csv_error csv_parse(struct arena *a, const char *data, size_t len, struct csv *out);
/* An English message id for the error, marked with N_(): translate with _(). */
const char *csv_error_text(enum csv_error e);

/* Appends the text s (NULL is taken as "") as one field. It is quoted when
 * it holds a '"', CR, LF, the separator sep, or any of ';' ',' TAB (so that
 * a reader finds the separator again, whichever one the file uses), and
 * when it gets the formula guard. */
void csv_field(struct buf *b, const char *s, char sep);
/* Like csv_field(), but a plain number — an optional sign, digits, and at
 * most one '.' or ',' followed by digits — is written without the
 * apostrophe: "-5" stays -5. Anything else is guarded as text. */
void csv_number(struct buf *b, const char *s, char sep);
void csv_end_row(struct buf *b);  /* CRLF */

#endif
