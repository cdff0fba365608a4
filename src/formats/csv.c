/* csv.c — a small RFC 4180 reader and writer. */
#include "csv.h"
#include "core/i18n.h"
#include "core/utf8.h"

#include <iconv.h>
#include <stdbool.h>
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

/* Windows-1252 to UTF-8 with iconv; bytes that 1252 leaves undefined fail. */
static char *from_cp1252(struct arena *a, const char *in, size_t len, size_t *out_len)
{
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap = len * 3 + 1;
	char *out = arena_alloc(a, cap), *o = out;
	char *ip = (char *)in;
	size_t il = len, ol = cap - 1;
	size_t r = iconv(cd, &ip, &il, &o, &ol);
	iconv_close(cd);
	if (r == (size_t)-1 || il)
		return NULL;
	*o = '\0';
	*out_len = (size_t)(o - out);
	return out;
}

static char detect_sep(const char *p, const char *end)
{
	size_t semi = 0, comma = 0, tab = 0;
	int quoted = 0;
	for (; p < end; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && (*p == '\n' || *p == '\r'))
			break;
		else if (!quoted && *p == ';')
			semi++;
		else if (!quoted && *p == ',')
			comma++;
		else if (!quoted && *p == '\t')
			tab++;
	}
	if (tab > semi && tab > comma)
		return '\t';
	return comma > semi ? ',' : ';';
}

struct reader {
	struct arena *a;
	struct csv *out;
	size_t rows_cap;
	struct buf field;
	char **fields;
	size_t nfields, fields_cap;
};

static enum csv_error push_field(struct reader *r)
{
	if (r->field.len > CSV_MAX_FIELD || r->nfields >= CSV_MAX_FIELDS)
		return CSV_TOO_BIG;
	if (r->nfields == r->fields_cap) {
		size_t cap = r->fields_cap ? r->fields_cap * 2 : 16;
		r->fields = arena_grow(r->a, r->fields, r->nfields, cap, sizeof(char *));
		r->fields_cap = cap;
	}
	r->fields[r->nfields++] = arena_strndup(r->a, r->field.ptr, r->field.len);
	buf_reset(&r->field);
	return CSV_OK;
}

static enum csv_error push_row(struct reader *r, size_t line)
{
	struct csv *c = r->out;
	/* an entirely empty line is no record */
	if (r->nfields == 1 && !r->fields[0][0]) {
		r->nfields = 0;
		return CSV_OK;
	}
	if (c->nrows >= CSV_MAX_ROWS + 1)
		return CSV_TOO_BIG;
	if (c->nrows == r->rows_cap) {
		size_t cap = r->rows_cap ? r->rows_cap * 2 : 64;
		c->rows = arena_grow(r->a, c->rows, c->nrows, cap, sizeof(*c->rows));
		r->rows_cap = cap;
	}
	struct csv_row *row = &c->rows[c->nrows++];
	row->line = line;
	row->n = r->nfields;
	row->fields = r->fields;
	r->fields = NULL;
	r->nfields = r->fields_cap = 0;
	return CSV_OK;
}

static enum csv_error parse(struct reader *r, const char *p, const char *end)
{
	char sep = r->out->sep;
	size_t line = 1, start = 1;
	enum csv_error e;
	while (p <= end) {
		/* one field */
		if (p < end && *p == '"') {
			size_t qline = line;
			p++;
			for (;;) {
				if (p >= end) {
					r->out->err_line = qline;
					return CSV_BAD_QUOTE;
				}
				if (*p == '"') {
					if (p + 1 < end && p[1] == '"') {
						buf_addch(&r->field, '"');
						p += 2;
						continue;
					}
					p++;
					break;
				}
				if (*p == '\n' || (*p == '\r' && (p + 1 >= end || p[1] != '\n')))
					line++;
				buf_addch(&r->field, *p++);
				if (r->field.len > CSV_MAX_FIELD)
					return CSV_TOO_BIG;
			}
			if (p < end && *p != sep && *p != '\n' && *p != '\r') {
				r->out->err_line = line;
				return CSV_BAD_QUOTE;
			}
		} else {
			const char *q = p;
			while (q < end && *q != sep && *q != '\n' && *q != '\r')
				q++;
			buf_add(&r->field, p, (size_t)(q - p));
			p = q;
		}
		if ((e = push_field(r))) {
			r->out->err_line = start;
			return e;
		}
		if (p < end && *p == sep) {
			p++;
			continue;
		}
		/* end of a record: a line end or the end of the data */
		if ((e = push_row(r, start))) {
			r->out->err_line = start;
			return e;
		}
		if (p >= end)
			break;
		if (*p == '\r' && p + 1 < end && p[1] == '\n')
			p++;
		p++;
		line++;
		start = line;
		if (p == end)
			break;
	}
	return CSV_OK;
}

enum csv_error csv_parse(struct arena *a, const char *data, size_t len, struct csv *out)
{
	memset(out, 0, sizeof(*out));
	out->sep = ';';
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
		data += 3;
		len -= 3;
	}
	if (memchr(data, '\0', len)) {
		out->err_line = 1;
		return CSV_BAD_ENCODING;
	}
	if (!utf8_valid(data, len)) {
		size_t n;
		char *conv = from_cp1252(a, data, len, &n);
		if (!conv || !utf8_valid(conv, n)) {
			out->err_line = 1;
			return CSV_BAD_ENCODING;
		}
		data = conv;
		len = n;
		out->converted = 1;
	}
	size_t blank = strspn(data, " \t\r\n");
	if (blank >= len)
		return CSV_EMPTY;
	out->sep = detect_sep(data, data + len);
	struct reader r = { .a = a, .out = out };
	buf_init(&r.field, 256);
	enum csv_error e = parse(&r, data, data + len);
	buf_release(&r.field);
	if (e == CSV_OK && out->nrows == 0)
		return CSV_EMPTY;
	return e;
}

void csv_field(struct buf *b, const char *s, char sep)
{
	s = s ? s : "";
	bool guard = strchr("=+-@\t\r", s[0]) && s[0];
	bool quote = guard || strchr(s, sep) || strchr(s, '"') || strchr(s, '\n') || strchr(s, '\r');
	if (!quote) {
		buf_adds(b, s);
		return;
	}
	buf_addch(b, '"');
	if (guard)
		buf_addch(b, '\'');
	for (; *s; s++) {
		if (*s == '"')
			buf_addch(b, '"');
		buf_addch(b, *s);
	}
	buf_addch(b, '"');
}

void csv_end_row(struct buf *b)
{
	buf_add(b, "\r\n", 2);
}
