/* form.c — key/value lists, percent-decoding, and urlencoded forms (query
 * strings and application/x-www-form-urlencoded bodies). The splitting
 * follows the WHATWG urlencoded parser ("a==b" is a="=b", "a" is a=""), but
 * where that parser repairs (a bad escape is kept as is, bad UTF-8 becomes
 * U+FFFD) we refuse: such input does not come from a browser. */
#include "parse.h"
#include "core/utf8.h"

#include <string.h>

/* Records a refusal; why may be NULL when the caller does not care. */
static int fail(const char **why, const char *reason)
{
	if (why)
		*why = reason;
	return -1;
}

void kv_add(struct arena *a, struct kvlist *l, const char *key, const char *value, size_t value_len)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		l->items = arena_grow(a, l->items, l->n, cap, sizeof(*l->items));
		l->cap = cap;
	}
	struct kv *kv = &l->items[l->n++];
	/* copies, so that callers may pass pointers into buffers they reuse */
	kv->key = arena_strdup(a, key ? key : "");
	kv->value = arena_strndup(a, value ? value : "", value ? value_len : 0);
	kv->value_len = value ? value_len : 0;
}

const char *kv_get(const struct kvlist *l, const char *key)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->items[i].key, key))
			return l->items[i].value;
	return NULL;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

char *url_decode(struct arena *a, const char *s, size_t len, int plus_is_space, size_t *out_len)
{
	/* decoding never makes the text longer */
	char *out = arena_alloc(a, len + 1), *o = out;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '%') {
			/* both hex digits must be there: "%4" at the end and "%G1" are refused */
			int hi = len - i > 2 ? hexval(s[i + 1]) : -1;
			int lo = hi >= 0 ? hexval(s[i + 2]) : -1;
			if (lo < 0)
				return NULL;
			*o++ = (char)(hi * 16 + lo);
			i += 2;
		} else if (s[i] == '+' && plus_is_space) {
			*o++ = ' ';
		} else {
			*o++ = s[i];
		}
	}
	*o = '\0';  /* arena_alloc zeroed it already; this says so */
	if (out_len)
		*out_len = (size_t)(o - out);
	return out;
}

/* Decodes one "key=value" (or "key") pair, s[0..len) with len > 0, and
 * appends it. Both sides must decode to valid UTF-8 without NUL, so that the
 * handlers can treat them as C strings. */
static int add_pair(struct arena *a, const char *s, size_t len, struct kvlist *out, const char **why)
{
	const char *eq = memchr(s, '=', len);
	size_t klen = eq ? (size_t)(eq - s) : len;
	size_t kdlen, vdlen = 0;
	char *k = url_decode(a, s, klen, 1, &kdlen);
	const char *v = eq ? url_decode(a, eq + 1, len - klen - 1, 1, &vdlen) : "";
	if (!k || !v)
		return fail(why, "bad percent escape");
	if (!utf8_valid(k, kdlen) || !utf8_valid(v, vdlen))
		return fail(why, "invalid UTF-8 or NUL in a form field");
	kv_add(a, out, k, v, vdlen);
	return 0;
}

int form_parse(struct arena *a, const char *s, size_t len, struct kvlist *out, const char **why)
{
	size_t fields = 0;
	if (len == 0)
		return 0;  /* s may be NULL for an empty body */
	const char *end = s + len;
	while (s < end) {
		const char *amp = memchr(s, '&', (size_t)(end - s));
		size_t n = amp ? (size_t)(amp - s) : (size_t)(end - s);
		if (n > 0) {  /* "a=1&&b=2": empty pairs are skipped, as browsers do */
			if (++fields > PARSE_MAX_FIELDS)
				return fail(why, "too many form fields");
			if (add_pair(a, s, n, out, why))
				return -1;
		}
		s += n + (amp != NULL);
	}
	return 0;
}
