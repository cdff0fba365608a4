/* multipart.c — multipart/form-data bodies (RFC 7578 on top of RFC 2046).
 *
 * A body is a run of parts, each introduced by CRLF "--" boundary CRLF and
 * made of header lines, an empty line and the content; CRLF "--" boundary
 * "--" ends the body. The content is found with memmem, never with string
 * functions: uploads are binary and may hold NUL bytes and CRLFs.
 *
 * We parse what browsers send and refuse the rest: header lines must be
 * "Name: value" in UTF-8 without control characters, a part must have a
 * Content-Disposition "form-data" with a name, and neither header may be
 * given twice (two differing names for one part would let a proxy and us
 * disagree on what was sent). Browsers do not backslash-escape quoted
 * parameters (the HTML standard percent-encodes '"', CR and LF instead, and
 * a Windows path holds backslashes), so a quoted value runs to the next '"'
 * and is kept as is. */
#include "parse.h"
#include "core/utf8.h"

#include <string.h>
#include <strings.h>

#define MAX_BOUNDARY 70        /* RFC 2046, section 5.1.1 */
#define MAX_HEADER_LINE 8192   /* bytes in one part header line, without CRLF */

static int fail(const char **why, const char *reason)
{
	if (why)
		*why = reason;
	return -1;
}

/* RFC 7230 token characters: header and parameter names, bare values. */
static int token_char(unsigned char c)
{
	return c > 0x20 && c < 0x7f && !strchr("()<>@,;:\\\"/[]?={}", c);
}

static int is_ows(char c)
{
	return c == ' ' || c == '\t';
}

static const char *skip_ows(const char *p, const char *end)
{
	while (p < end && is_ows(*p))
		p++;
	return p;
}

static const char *skip_token(const char *p, const char *end)
{
	while (p < end && token_char((unsigned char)*p))
		p++;
	return p;
}

/* Case-insensitive comparison of s[0..n) with the C string lit. */
static int word_is(const char *s, size_t n, const char *lit)
{
	return n == strlen(lit) && !strncasecmp(s, lit, n);
}

/* ---- header parameters: "; name=value" or "; name="value"" ---- */

struct param {
	const char *name, *value;
	size_t nlen, vlen;
};

/* Reads the next parameter at *p, before end, where *p is just after the
 * header's leading value or a previous parameter. Returns 1 and the
 * parameter, 0 when there are none left, -1 on bad syntax. Stray ";" (as in
 * "form-data;") are tolerated. */
static int next_param(const char **p, const char *end, struct param *pm)
{
	const char *s = skip_ows(*p, end);
	if (s == end)
		return 0;
	if (*s != ';')
		return -1;
	while (s < end && *s == ';')
		s = skip_ows(s + 1, end);
	if (s == end)
		return 0;
	pm->name = s;
	s = skip_token(s, end);
	pm->nlen = (size_t)(s - pm->name);
	if (pm->nlen == 0 || s == end || *s != '=')
		return -1;
	s++;
	if (s < end && *s == '"') {
		const char *q = memchr(s + 1, '"', (size_t)(end - s - 1));
		if (!q)
			return -1;
		pm->value = s + 1;
		pm->vlen = (size_t)(q - s - 1);
		s = q + 1;
	} else {
		pm->value = s;
		s = skip_token(s, end);
		pm->vlen = (size_t)(s - pm->value);
		if (pm->vlen == 0)
			return -1;
	}
	*p = s;
	return 1;
}

/* ---- the boundary ---- */

/* RFC 2046 bchars: 1 to 70 of these, the last not a space. Also keeps CR,
 * LF and quotes out of the delimiter we search for. */
static int boundary_ok(const char *b, size_t n)
{
	static const char extra[] = "'()+_,-./:=? ";
	if (n == 0 || n > MAX_BOUNDARY || b[n - 1] == ' ')
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)b[i];
		int alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
		if (!alnum && (!c || !strchr(extra, c)))
			return 0;
	}
	return 1;
}

int multipart_boundary(struct arena *a, const char *ct, char **boundary, const char **why)
{
	if (!ct)
		return fail(why, "no Content-Type");
	const char *end = ct + strlen(ct);
	const char *type = skip_ows(ct, end);
	const char *p = type;
	while (p < end && *p != ';' && !is_ows(*p))
		p++;
	if (!word_is(type, (size_t)(p - type), "multipart/form-data"))
		return fail(why, "not multipart/form-data");
	struct param pm;
	const char *b = NULL;
	size_t blen = 0;
	int r;
	while ((r = next_param(&p, end, &pm)) == 1) {
		if (!word_is(pm.name, pm.nlen, "boundary"))
			continue;
		if (b)
			return fail(why, "boundary given twice");
		b = pm.value;
		blen = pm.vlen;
	}
	if (r < 0)
		return fail(why, "malformed Content-Type");
	if (!b)
		return fail(why, "no boundary");
	if (!boundary_ok(b, blen))
		return fail(why, "bad boundary");
	*boundary = arena_strndup(a, b, blen);
	return 0;
}

/* ---- part headers ---- */

struct part_head {
	char *name, *filename, *content_type;
	int seen_disposition;
};

/* Content-Disposition: form-data; name="field"; filename="file.csv".
 * Other parameters (filename*, which RFC 7578 forbids) are ignored. */
static int parse_disposition(struct arena *a, const char *v, const char *end, struct part_head *h,
			     const char **why)
{
	const char *p = skip_token(v, end);
	if (!word_is(v, (size_t)(p - v), "form-data"))
		return fail(why, "part disposition is not form-data");
	struct param pm;
	int r;
	while ((r = next_param(&p, end, &pm)) == 1) {
		char **dst = word_is(pm.name, pm.nlen, "name") ? &h->name
			   : word_is(pm.name, pm.nlen, "filename") ? &h->filename : NULL;
		if (!dst)
			continue;
		if (*dst)
			return fail(why, "parameter given twice in Content-Disposition");
		*dst = arena_strndup(a, pm.value, pm.vlen);
	}
	return r < 0 ? fail(why, "malformed Content-Disposition") : 0;
}

/* A header line must be text: UTF-8 (which excludes NUL) with no control
 * character but tab. Values cut out of it are then valid UTF-8 too, since
 * they are cut at ASCII characters. */
static int text_line(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return 0;
	}
	return utf8_valid(s, n);
}

/* One header line s[0..n) of a part. Headers other than the two we use are
 * ignored (Content-Transfer-Encoding is deprecated by RFC 7578). */
static int header_line(struct arena *a, const char *s, size_t n, struct part_head *h, const char **why)
{
	const char *end = s + n;
	const char *colon = skip_token(s, end);
	if (colon == s || colon == end || *colon != ':' || !text_line(s, n))
		return fail(why, "malformed part header");
	size_t nlen = (size_t)(colon - s);
	const char *v = skip_ows(colon + 1, end);
	while (end > v && is_ows(end[-1]))
		end--;
	if (word_is(s, nlen, "Content-Disposition")) {
		if (h->seen_disposition++)
			return fail(why, "Content-Disposition given twice");
		return parse_disposition(a, v, end, h, why);
	}
	if (word_is(s, nlen, "Content-Type")) {
		if (h->content_type || v == end)
			return fail(why, "bad or repeated part Content-Type");
		h->content_type = arena_strndup(a, v, (size_t)(end - v));
	}
	return 0;
}

/* Reads header lines from *p up to and including the empty line. */
static int read_headers(struct arena *a, const char **p, const char *end, struct part_head *h,
			const char **why)
{
	for (;;) {
		size_t rest = (size_t)(end - *p);
		/* look no further than the longest line allowed, plus its CRLF */
		size_t look = rest < MAX_HEADER_LINE + 2 ? rest : MAX_HEADER_LINE + 2;
		const char *eol = look ? memmem(*p, look, "\r\n", 2) : NULL;
		if (!eol)
			return fail(why, rest >= MAX_HEADER_LINE + 2 ? "part header line too long"
								   : "unterminated part headers");
		const char *line = *p;
		*p = eol + 2;
		if (eol == line)
			return 0;
		if (header_line(a, line, (size_t)(eol - line), h, why))
			return -1;
	}
}

/* ---- parts ---- */

/* Browsers (old IE, some mobile ones) may send a full client path: only its
 * last component means anything to us. */
static char *base_name(char *path)
{
	char *last = strrchr(path, '/'), *bslash = strrchr(path, '\\');
	if (bslash && (!last || bslash > last))
		last = bslash;
	return last ? last + 1 : path;
}

static void add_file(struct arena *a, struct partlist *l, const struct part_head *h, const char *data,
		     size_t len)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 4;
		l->items = arena_grow(a, l->items, l->n, cap, sizeof(*l->items));
		l->cap = cap;
	}
	struct part *pt = &l->items[l->n++];
	pt->name = h->name;
	pt->filename = base_name(h->filename);
	pt->content_type = h->content_type;
	pt->data = arena_strndup(a, data, len);  /* NUL-terminated for convenience */
	pt->len = len;
}

static int add_part(struct arena *a, const struct part_head *h, const char *data, size_t len,
		    struct kvlist *fields, struct partlist *files, const char **why)
{
	if (!h->name || !h->name[0])
		return fail(why, "part without a form-data name");
	if (h->filename) {
		/* an empty filename="" is what a browser sends for an empty file
		 * input: kept, with len 0, for the handler to tell the user */
		add_file(a, files, h, data, len);
		return 0;
	}
	if (!utf8_valid(data, len))
		return fail(why, "invalid UTF-8 or NUL in a form field");
	kv_add(a, fields, h->name, data, len);
	return 0;
}

/* Where the first part starts: the first delimiter may open the body
 * without its CRLF, or follow a preamble (which is ignored). */
static const char *first_delimiter(const char *body, size_t len, const char *delim, size_t dlen)
{
	if (len >= dlen - 2 && !memcmp(body, delim + 2, dlen - 2))
		return body + dlen - 2;
	const char *d = memmem(body, len, delim, dlen);
	return d ? d + dlen : NULL;
}

int multipart_parse(struct arena *a, const char *body, size_t len, const char *boundary,
		    struct kvlist *fields, struct partlist *files, const char **why)
{
	size_t blen = boundary ? strlen(boundary) : 0;
	if (!boundary_ok(boundary, blen))
		return fail(why, "bad boundary");
	if (len == 0)
		return fail(why, "empty multipart body");
	/* the delimiter is CRLF "--" boundary: the CRLF belongs to it, not to
	 * the content before it */
	size_t dlen = blen + 4;
	char *delim = arena_alloc(a, dlen + 1);
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, boundary, blen);

	const char *end = body + len;
	const char *p = first_delimiter(body, len, delim, dlen);
	if (!p)
		return fail(why, "no opening boundary");
	for (size_t count = 0;;) {
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			return 0;  /* the close delimiter; the epilogue is ignored */
		p = skip_ows(p, end);  /* transport padding, RFC 2046 */
		if (p == end)
			return fail(why, "missing closing boundary");
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return fail(why, "bad boundary line");
		p += 2;
		if (p == end)
			return fail(why, "missing closing boundary");
		if (++count > PARSE_MAX_FIELDS)
			return fail(why, "too many parts");
		struct part_head h = { 0 };
		if (read_headers(a, &p, end, &h, why))
			return -1;
		const char *next = memmem(p, (size_t)(end - p), delim, dlen);
		if (!next)
			return fail(why, "missing closing boundary");
		if (add_part(a, &h, p, (size_t)(next - p), fields, files, why))
			return -1;
		p = next + dlen;
	}
}
