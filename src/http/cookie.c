/* cookie.c — the Cookie request header (RFC 6265, sections 4.2 and 5.4):
 * "name=value; name2=value2". Other sites on a parent domain, or a browser
 * extension, may plant cookies we never set, so a cookie we cannot read is
 * skipped rather than failing the request: one stray cookie must not lock a
 * user out. Values are not percent-decoded (RFC 6265 does not define it, and
 * our own cookies do not need it). */
#include "parse.h"
#include "core/utf8.h"

#include <string.h>

/* RFC 7230 token characters, which RFC 6265 requires of a cookie name. */
static int token_char(unsigned char c)
{
	return c > 0x20 && c < 0x7f && !strchr("()<>@,;:\\\"/[]?={}", c);
}

static int is_ows(char c)
{
	return c == ' ' || c == '\t';
}

/* Trims spaces and tabs at both ends of s[0..*len); returns the new start. */
static const char *trim(const char *s, size_t *len)
{
	while (*len && is_ows(s[0])) {
		s++;
		(*len)--;
	}
	while (*len && is_ows(s[*len - 1]))
		(*len)--;
	return s;
}

static int valid_name(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!token_char((unsigned char)s[i]))
			return 0;
	return 1;
}

/* A value is kept when it is UTF-8 without control characters: it may end
 * up in a log line or a page. */
static int valid_value(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	return utf8_valid(s, n);
}

/* Parses one "name=value" segment; returns 1 and the parts when the cookie
 * is usable, 0 when it is to be skipped. */
static int split_cookie(const char *s, size_t len, const char **name, size_t *nlen,
			const char **value, size_t *vlen)
{
	const char *eq = memchr(s, '=', len);
	if (!eq)
		return 0;  /* "foo" alone: no name, nothing we ever set */
	*nlen = (size_t)(eq - s);
	*name = trim(s, nlen);
	*vlen = len - (size_t)(eq - s) - 1;
	*value = trim(eq + 1, vlen);
	if (*vlen >= 2 && (*value)[0] == '"' && (*value)[*vlen - 1] == '"') {
		/* cookie-value may be a DQUOTEd cookie-octet string */
		(*value)++;
		*vlen -= 2;
	}
	return valid_name(*name, *nlen) && valid_value(*value, *vlen);
}

int cookie_parse(struct arena *a, const char *h, struct kvlist *out, const char **why)
{
	size_t count = 0;
	while (h && *h) {
		const char *semi = strchr(h, ';');
		size_t len = semi ? (size_t)(semi - h) : strlen(h);
		const char *name, *value;
		size_t nlen, vlen;
		if (split_cookie(h, len, &name, &nlen, &value, &vlen)) {
			if (++count > PARSE_MAX_FIELDS) {
				if (why)
					*why = "too many cookies";
				return -1;
			}
			kv_add(a, out, arena_strndup(a, name, nlen), value, vlen);
		}
		h += len + (semi != NULL);
	}
	return 0;
}
