/* answer_lines.c — answers as lines of text, for what is sealed: a
 * respondent's draft and an anonymous hand-in waiting to be mixed in. */
#include "answer_lines.h"
#include "core/die.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

void text_hex_write(struct buf *b, const char *text)
{
	if (!text) {
		buf_adds(b, "-");
		return;
	}
	size_t len = strlen(text);
	char *hex = xmalloc(2 * len + 1);
	sodium_bin2hex(hex, 2 * len + 1, (const unsigned char *)text, len);
	buf_adds(b, hex);
	free(hex);
}

const char *text_hex_read(struct arena *a, const char *p, char **text)
{
	size_t hexlen = strcspn(p, "\n");
	if (p[hexlen] != '\n')
		return NULL;
	*text = NULL;
	if (hexlen != 1 || *p != '-') {
		size_t len;
		*text = arena_alloc(a, hexlen / 2 + 1);
		if (sodium_hex2bin((unsigned char *)*text, hexlen / 2 + 1, p, hexlen, NULL, &len, NULL) || len * 2 != hexlen)
			return NULL;
		(*text)[len] = '\0';
	}
	return p + hexlen + 1;
}

/* The answers as text, one line each: item, has a value (1), none (0) or
 * "weet niet" (2), value, text as hex ("-" for none). */
void answer_lines_write(struct buf *b, const struct answer_value *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		buf_addf(b, "%lld %d %lld ", v[i].item_id, v[i].dont_know ? 2 : v[i].has_value ? 1 : 0, v[i].value);
		text_hex_write(b, v[i].text);
		buf_addch(b, '\n');
	}
}

bool answer_lines_read(struct arena *a, const char *p, struct answer_value **out, size_t *n)
{
	size_t lines = 0;
	for (const char *q = p; *q; q++)
		lines += *q == '\n';
	*out = arena_alloc(a, (lines + 1) * sizeof(**out));
	*n = 0;
	while (*p) {
		struct answer_value *v = &(*out)[*n];
		char *end;
		v->item_id = strtoll(p, &end, 10);
		if (end == p || *end != ' ')
			return false;
		p = end + 1;
		if ((*p != '0' && *p != '1' && *p != '2') || p[1] != ' ')
			return false;
		v->has_value = *p == '1';
		v->dont_know = *p == '2';
		p += 2;
		v->value = strtoll(p, &end, 10);
		if (end == p || *end != ' ')
			return false;
		p = end + 1;
		if (!(p = text_hex_read(a, p, &v->text)))
			return false;
		(*n)++;
	}
	return true;
}
