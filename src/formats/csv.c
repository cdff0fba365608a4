/* csv.c — a small RFC 4180 reader and a writer with a formula guard. The
 * rules are in csv.h. */
#include "csv.h"
#include "core/i18n.h"
#include "core/utf8.h"

#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

const char *csv_error_text(enum csv_error e)
{
	switch (e) {
	case CSV_OK: return N_("No problem");
	case CSV_EMPTY: return N_("The file is empty.");
	case CSV_BAD_QUOTE: return N_("The file has a double quote that is not closed, or text right after a closing quote.");
	case CSV_BAD_ENCODING: return N_("The file is not text in UTF-8 or Windows-1252 (it may be an Excel workbook instead of CSV).");
	case CSV_TOO_BIG: return N_("The file has too many rows (at most 100,000) or columns (at most 200), or a very long cell.");
	}
	return N_("The file cannot be read.");
}

/* ---- encoding ---------------------------------------------------------- */

/* Length of the line end at p (CRLF 2, LF or lone CR 1), 0 when none. */
static size_t eol(const char *p, const char *end)
{
	if (p >= end)
		return 0;
	if (*p == '\n')
		return 1;
	if (*p == '\r')
		return p + 1 < end && p[1] == '\n' ? 2 : 1;
	return 0;
}

/* The line of the first invalid UTF-8. CR and LF cannot be part of a
 * multibyte sequence, so checking line by line finds it exactly. */
static size_t bad_utf8_line(const char *data, size_t len)
{
	const char *p = data, *end = data + len;
	size_t line = 1;
	while (p < end) {
		const char *q = p;
		while (q < end && *q != '\n' && *q != '\r')
			q++;
		if (!utf8_valid(p, (size_t)(q - p)))
			return line;
		p = q + eol(q, end);
		line++;
	}
	return 1;
}

/* Windows-1252 to UTF-8 with iconv. Returns NULL with *bad set to the
 * offset of the first byte that cannot be converted. */
static char *from_cp1252(struct arena *a, const char *in, size_t len, size_t *out_len, size_t *bad)
{
	size_t high = 0;
	*bad = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)in[i];
		/* undefined in Windows-1252; some iconvs map them to C1 controls */
		if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) {
			*bad = i;
			return NULL;
		}
		high += c >= 0x80;
	}
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
	if (cd == (iconv_t)-1)
		return NULL;
	/* every byte above 0x7F becomes at most 3 bytes of UTF-8 */
	size_t cap = len + 2 * high + 1;
	char *out = arena_alloc(a, cap), *o = out;
	char *ip = (char *)in;
	size_t il = len, ol = cap - 1;
	size_t r = iconv(cd, &ip, &il, &o, &ol);
	iconv_close(cd);
	if (r == (size_t)-1 || il) {
		*bad = (size_t)(ip - in);
		return NULL;
	}
	*o = '\0';
	*out_len = (size_t)(o - out);
	return out;
}

/* ---- reading ----------------------------------------------------------- */

struct reader {
	struct arena *a;
	struct csv *out;
	const char *end;
	char sep;
	size_t line;                  /* the physical line at the read position */
	struct buf text;              /* the fields of the record, each NUL-terminated */
	size_t off[CSV_MAX_FIELDS];   /* where each field starts in text */
	size_t n;                     /* fields in text */
	bool loose;                   /* a '"' inside an unquoted field */
	struct buf rows;              /* struct csv_row, packed */
};

/* Lines ended in [p, q), where q is not inside a CRLF (the caller stops at a
 * quote or at the end of the data). */
static size_t count_lines(const char *p, const char *q)
{
	size_t n = 0;
	for (; p < q; p++)
		if (*p == '\n' || (*p == '\r' && (p + 1 == q || p[1] != '\n')))
			n++;
	return n;
}

/* The physical line (1-based) that holds data[off], which is no line end. */
static size_t line_at(const char *data, size_t off)
{
	return 1 + count_lines(data, data + off);
}

/* Reads one quoted field from p (at the opening quote) into r->text.
 * Returns the position after the closing quote, or NULL on an error. A
 * field that is too long is still read to its end, so that a quote that is
 * never closed is reported as that and not as a long cell. */
static const char *quoted(struct reader *r, const char *p, enum csv_error *e)
{
	size_t start = r->text.len, qline = r->line;
	bool too_long = false;
	p++;
	for (;;) {
		const char *q = memchr(p, '"', (size_t)(r->end - p));
		if (!q) {
			r->out->err_line = qline;
			*e = CSV_BAD_QUOTE;
			return NULL;
		}
		size_t n = (size_t)(q - p);
		bool twice = q + 1 < r->end && q[1] == '"';
		r->line += count_lines(p, q);
		if (!too_long && r->text.len - start + n + twice > CSV_MAX_FIELD)
			too_long = true;
		if (!too_long) {
			buf_add(&r->text, p, n);
			if (twice)
				buf_addch(&r->text, '"');
		}
		p = q + 1 + twice;
		if (!twice)
			break;
	}
	if (too_long) {
		*e = CSV_TOO_BIG;
		return NULL;
	}
	return p;
}

/* Moves the record in r->text into the rows, unless it is an empty line. */
static enum csv_error push_row(struct reader *r, size_t line)
{
	if (r->n == 1 && r->text.len == 1)
		return CSV_OK;
	if (r->rows.len / sizeof(struct csv_row) > CSV_MAX_ROWS)
		return CSV_TOO_BIG;
	/* the pointers and the text of one row in one allocation */
	char **f = arena_alloc(r->a, r->n * sizeof(char *) + r->text.len);
	char *t = (char *)(f + r->n);
	memcpy(t, r->text.ptr, r->text.len);
	for (size_t i = 0; i < r->n; i++)
		f[i] = t + r->off[i];
	struct csv_row row = { line, r->n, f };
	buf_add(&r->rows, &row, sizeof(row));
	return CSV_OK;
}

/* Reads the record at p. Returns the position at its line end (or the end
 * of the data), or NULL on an error. */
static const char *record(struct reader *r, const char *p, enum csv_error *e)
{
	const char *end = r->end;
	buf_reset(&r->text);
	r->n = 0;
	for (;;) {
		if (r->n == CSV_MAX_FIELDS) {
			*e = CSV_TOO_BIG;
			return NULL;
		}
		r->off[r->n] = r->text.len;
		if (p < end && *p == '"') {
			if (!(p = quoted(r, p, e)))
				return NULL;
			if (p < end && *p != r->sep && *p != '\n' && *p != '\r') {
				r->out->err_line = r->line;
				*e = CSV_BAD_QUOTE;
				return NULL;
			}
		} else {
			const char *q = p;
			while (q < end && *q != r->sep && *q != '\n' && *q != '\r')
				q++;
			if ((size_t)(q - p) > CSV_MAX_FIELD) {
				*e = CSV_TOO_BIG;
				return NULL;
			}
			if (memchr(p, '"', (size_t)(q - p)))
				r->loose = true;
			buf_add(&r->text, p, (size_t)(q - p));
			p = q;
		}
		buf_addch(&r->text, '\0');
		r->n++;
		if (p < end && *p == r->sep)
			p++;
		else
			return p;
	}
}

static enum csv_error parse(struct reader *r, const char *p)
{
	enum csv_error e = CSV_OK;
	r->line = 1;
	for (;;) {
		size_t start = r->line;
		if (!(p = record(r, p, &e)) || (e = push_row(r, start))) {
			if (!r->out->err_line)
				r->out->err_line = start;
			return e;
		}
		size_t n = eol(p, r->end);
		if (!n)
			return CSV_OK;  /* the end of the data */
		p += n;
		r->line++;
		if (p == r->end)
			return CSV_OK;
	}
}

/* How well the record at p reads with sep: 0 when it does not read (a bad
 * quote, a field too long); else more the more fields it has, and more
 * again when no '"' stands loose inside an unquoted field (strict RFC
 * 4180). *fields is the number of fields. */
static size_t score(struct reader *r, const char *p, char sep, size_t *fields)
{
	enum csv_error e = CSV_OK;
	r->sep = sep;
	r->loose = false;
	*fields = 0;
	if (record(r, p, &e)) {
		*fields = r->n;
		return r->n + (r->loose ? 0 : CSV_MAX_FIELDS + 1);
	}
	if (e == CSV_TOO_BIG && r->n == CSV_MAX_FIELDS) {
		/* too many fields: it does split, and the parse will say so */
		*fields = CSV_MAX_FIELDS + 1;
		return CSV_MAX_FIELDS + 1 + (r->loose ? 0 : CSV_MAX_FIELDS + 1);
	}
	return 0;
}

/* The separator: the one of ';' ',' TAB that splits the header (the first
 * record that is not an empty line) into the most fields, read the way the
 * parser reads it — so separators inside quotes do not count. A reading
 * without stray quotes goes before one with; a tie goes to ';', then ','.
 * A header that no separator splits gives ';'. (Reading the header three
 * times costs little.) */
static char detect_sep(struct reader *r, const char *p)
{
	static const char seps[] = { ';', ',', '\t' };
	enum csv_error e = CSV_OK;
	size_t line = r->line;
	const char *q;
	r->sep = ';';
	/* an empty line or "" reads the same with any separator */
	while ((q = record(r, p, &e)) && r->n == 1 && r->text.len == 1 && eol(q, r->end))
		p = q + eol(q, r->end);
	size_t best = 0, best_score = 0, best_fields = 0;
	for (size_t i = 0; i < sizeof(seps); i++) {
		size_t fields, sc = score(r, p, seps[i], &fields);
		if (sc > best_score) {
			best = i;
			best_score = sc;
			best_fields = fields;
		}
	}
	r->line = line;
	r->out->err_line = 0;
	return best_fields > 1 ? seps[best] : ';';
}

enum csv_error csv_parse(struct arena *a, const char *data, size_t len, struct csv *out)
{
	memset(out, 0, sizeof(*out));
	out->sep = ';';
	if (!data)
		data = "";
	bool bom = len >= 3 && !memcmp(data, CSV_BOM, 3);
	if (bom) {
		data += 3;
		len -= 3;
	}
	const char *nul = len ? memchr(data, '\0', len) : NULL;
	if (nul) {
		out->err_line = line_at(data, (size_t)(nul - data));
		return CSV_BAD_ENCODING;
	}
	if (!utf8_valid(data, len)) {
		if (bom) {
			out->err_line = bad_utf8_line(data, len);
			return CSV_BAD_ENCODING;
		}
		size_t n, bad;
		char *conv = from_cp1252(a, data, len, &n, &bad);
		if (!conv || !utf8_valid(conv, n)) {
			out->err_line = line_at(data, bad);
			return CSV_BAD_ENCODING;
		}
		data = conv;
		len = n;
		out->converted = 1;
	}
	struct reader r = { .a = a, .out = out, .end = data + len };
	buf_init(&r.text, 256);
	buf_init(&r.rows, 0);
	r.line = 1;
	r.sep = out->sep = detect_sep(&r, data);
	enum csv_error e = parse(&r, data);
	if (e == CSV_OK) {
		out->nrows = r.rows.len / sizeof(struct csv_row);
		if (out->nrows) {
			out->rows = arena_alloc(a, r.rows.len);
			memcpy(out->rows, r.rows.ptr, r.rows.len);
		} else {
			e = CSV_EMPTY;
		}
	}
	buf_release(&r.text);
	buf_release(&r.rows);
	return e;
}

/* ---- writing ----------------------------------------------------------- */

static bool formula_start(char c)
{
	return c && strchr("=+-@\t\r", c);
}

/* A value to write with a guard apostrophe: one a spreadsheet would take
 * for a formula, and one that already starts with an apostrophe before
 * such a character (else the importer, which strips one guard, would
 * change it on the way back). */
static bool needs_guard(const char *s)
{
	return formula_start(s[0]) || (s[0] == '\'' && formula_start(s[1]));
}

static bool is_number(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	size_t n = strspn(s, "0123456789");
	if (!n)
		return false;
	s += n;
	if (*s == '.' || *s == ',') {
		s++;
		n = strspn(s, "0123456789");
		if (!n)
			return false;
		s += n;
	}
	return !*s;
}

static void put(struct buf *b, const char *s, char sep, bool guard)
{
	bool quote = guard || s[strcspn(s, "\"\r\n;,\t")] || (sep && strchr(s, sep));
	if (!quote) {
		buf_adds(b, s);
		return;
	}
	buf_addch(b, '"');
	if (guard)
		buf_addch(b, '\'');
	for (;;) {
		const char *q = strchr(s, '"');
		if (!q)
			break;
		buf_add(b, s, (size_t)(q - s) + 1);
		buf_addch(b, '"');
		s = q + 1;
	}
	buf_adds(b, s);
	buf_addch(b, '"');
}

void csv_field(struct buf *b, const char *s, char sep)
{
	s = s ? s : "";
	put(b, s, sep, needs_guard(s));
}

void csv_number(struct buf *b, const char *s, char sep)
{
	s = s ? s : "";
	put(b, s, sep, needs_guard(s) && !is_number(s));
}

void csv_end_row(struct buf *b)
{
	buf_add(b, "\r\n", 2);
}
