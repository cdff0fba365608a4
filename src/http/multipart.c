/* multipart.c — multipart/form-data bodies (RFC 7578), binary-safe. */
#include "parse.h"
#include "core/utf8.h"

#include <string.h>
#include <strings.h>

#define MAX_HEADER_LINE 8192

int multipart_boundary(struct arena *a, const char *ct, char **boundary, const char **why)
{
	const char *p = ct ? strcasestr(ct, "boundary=") : NULL;
	if (!p) {
		*why = "no boundary";
		return -1;
	}
	p += 9;
	size_t n;
	if (*p == '"') {
		p++;
		const char *q = strchr(p, '"');
		if (!q) {
			*why = "unterminated boundary";
			return -1;
		}
		n = (size_t)(q - p);
	} else {
		n = strcspn(p, "; \t");
	}
	if (n == 0 || n > 70) {
		*why = "bad boundary length";
		return -1;
	}
	*boundary = arena_strndup(a, p, n);
	return 0;
}

/* Value of a parameter (name="value") in a Content-Disposition line. */
static char *disp_param(struct arena *a, const char *line, size_t len, const char *param)
{
	size_t plen = strlen(param);
	for (size_t i = 0; i + plen + 1 < len; i++) {
		if ((i == 0 || line[i - 1] == ' ' || line[i - 1] == ';') && !strncasecmp(line + i, param, plen) &&
		    line[i + plen] == '=') {
			const char *v = line + i + plen + 1;
			size_t rest = len - (size_t)(v - line);
			if (rest && *v == '"') {
				const char *q = memchr(v + 1, '"', rest - 1);
				if (!q)
					return NULL;
				return arena_strndup(a, v + 1, (size_t)(q - v - 1));
			}
			size_t n = 0;
			while (n < rest && v[n] != ';' && v[n] != ' ')
				n++;
			return arena_strndup(a, v, n);
		}
	}
	return NULL;
}

int multipart_parse(struct arena *a, const char *body, size_t len, const char *boundary,
		    struct kvlist *fields, struct partlist *files, const char **why)
{
	char *delim = arena_printf(a, "--%s", boundary);
	size_t dlen = strlen(delim);
	const char *end = body + len;
	const char *p = memmem(body, len, delim, dlen);
	size_t count = 0;
	if (!p) {
		*why = "no first boundary";
		return -1;
	}
	p += dlen;
	for (;;) {
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			return 0;  /* closing boundary */
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n') {
			*why = "bad boundary line";
			return -1;
		}
		p += 2;
		if (++count > PARSE_MAX_FIELDS) {
			*why = "too many parts";
			return -1;
		}
		char *name = NULL, *filename = NULL, *ctype = NULL;
		/* headers until an empty line */
		for (;;) {
			const char *eol = memmem(p, (size_t)(end - p), "\r\n", 2);
			if (!eol || eol - p > MAX_HEADER_LINE) {
				*why = "bad part header";
				return -1;
			}
			size_t n = (size_t)(eol - p);
			if (n == 0) {
				p = eol + 2;
				break;
			}
			if (n > 20 && !strncasecmp(p, "Content-Disposition:", 20)) {
				name = disp_param(a, p, n, "name");
				filename = disp_param(a, p, n, "filename");
			} else if (n > 13 && !strncasecmp(p, "Content-Type:", 13)) {
				const char *v = p + 13;
				while (*v == ' ' && v < eol)
					v++;
				ctype = arena_strndup(a, v, (size_t)(eol - v));
			}
			p = eol + 2;
		}
		if (!name || !utf8_valid(name, strlen(name))) {
			*why = "part without a valid name";
			return -1;
		}
		/* the data ends at CRLF--boundary */
		char *sep = arena_printf(a, "\r\n%s", delim);
		const char *next = memmem(p, (size_t)(end - p), sep, dlen + 2);
		if (!next) {
			*why = "no closing boundary";
			return -1;
		}
		size_t dl = (size_t)(next - p);
		if (filename) {
			if (files->n == files->cap) {
				size_t cap = files->cap ? files->cap * 2 : 4;
				files->items = arena_grow(a, files->items, files->n, cap, sizeof(*files->items));
				files->cap = cap;
			}
			struct part *pt = &files->items[files->n++];
			/* a browser may send a full path: keep the last component */
			const char *base = strrchr(filename, '/');
			const char *base2 = strrchr(filename, '\\');
			if (base2 && (!base || base2 > base))
				base = base2;
			pt->name = name;
			pt->filename = base ? arena_strdup(a, base + 1) : filename;
			pt->content_type = ctype;
			pt->data = arena_strndup(a, p, dl);
			pt->len = dl;
		} else {
			if (!utf8_valid(p, dl)) {
				*why = "invalid UTF-8 in a field";
				return -1;
			}
			kv_add(a, fields, name, p, dl);
		}
		p = next + 2 + dlen;
	}
}
