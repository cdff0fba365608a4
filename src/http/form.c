/* form.c — query strings and urlencoded forms. */
#include "parse.h"
#include "core/utf8.h"

#include <string.h>

void kv_add(struct arena *a, struct kvlist *l, const char *key, const char *value, size_t value_len)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		l->items = arena_grow(a, l->items, l->n, cap, sizeof(*l->items));
		l->cap = cap;
	}
	struct kv *kv = &l->items[l->n++];
	kv->key = arena_strdup(a, key);
	kv->value = arena_strndup(a, value, value_len);
	kv->value_len = value_len;
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
	char *out = arena_alloc(a, len + 1), *o = out;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '%') {
			int hi, lo;
			if (i + 2 >= len || (hi = hexval(s[i + 1])) < 0 || (lo = hexval(s[i + 2])) < 0)
				return NULL;
			*o++ = (char)(hi * 16 + lo);
			i += 2;
		} else if (s[i] == '+' && plus_is_space) {
			*o++ = ' ';
		} else {
			*o++ = s[i];
		}
	}
	*o = '\0';
	if (out_len)
		*out_len = (size_t)(o - out);
	return out;
}

int form_parse(struct arena *a, const char *s, size_t len, struct kvlist *out, const char **why)
{
	size_t i = 0, fields = 0;
	while (i < len) {
		size_t end = i;
		while (end < len && s[end] != '&')
			end++;
		if (end > i) {
			if (++fields > PARSE_MAX_FIELDS) {
				*why = "too many fields";
				return -1;
			}
			size_t eq = i;
			while (eq < end && s[eq] != '=')
				eq++;
			size_t klen, vlen = 0;
			char *k = url_decode(a, s + i, eq - i, 1, &klen);
			char *v = eq < end ? url_decode(a, s + eq + 1, end - eq - 1, 1, &vlen) : arena_strdup(a, "");
			if (!k || !v) {
				*why = "bad percent escape";
				return -1;
			}
			if (!utf8_valid(k, klen) || !utf8_valid(v, vlen)) {
				*why = "invalid UTF-8";
				return -1;
			}
			kv_add(a, out, k, v, vlen);
		}
		i = end + 1;
	}
	return 0;
}
