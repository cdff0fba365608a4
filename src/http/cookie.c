/* cookie.c — the Cookie request header. */
#include "parse.h"
#include "core/utf8.h"

#include <string.h>

/* RFC 6265 token characters for a cookie name. */
static int name_char(unsigned char c)
{
	return c > 0x20 && c < 0x7f && !strchr("()<>@,;:\\\"/[]?={}", c);
}

int cookie_parse(struct arena *a, const char *h, struct kvlist *out, const char **why)
{
	size_t count = 0;
	while (h && *h) {
		h += strspn(h, " \t;");
		const char *end = strchr(h, ';');
		size_t len = end ? (size_t)(end - h) : strlen(h);
		const char *eq = memchr(h, '=', len);
		if (eq && eq > h) {
			size_t nlen = (size_t)(eq - h), ok = 1;
			for (size_t i = 0; i < nlen; i++)
				ok &= name_char((unsigned char)h[i]) != 0;
			const char *v = eq + 1;
			size_t vlen = len - nlen - 1;
			while (vlen && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t'))
				vlen--;
			if (vlen >= 2 && v[0] == '"' && v[vlen - 1] == '"') {
				v++;
				vlen -= 2;
			}
			if (ok && utf8_valid(v, vlen)) {
				if (++count > PARSE_MAX_FIELDS) {
					*why = "too many cookies";
					return -1;
				}
				char *name = arena_strndup(a, h, nlen);
				kv_add(a, out, name, v, vlen);
			}
		}
		h += len;
	}
	return 0;
}
