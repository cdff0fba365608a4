/* utf8.c — UTF-8 validation (RFC 3629) and small string helpers. */
#include "utf8.h"

#include <assert.h>
#include <string.h>
#include <strings.h>

bool utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		size_t n;
		unsigned cp;
		if (c == 0)
			return false;
		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			n = 1; cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2; cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3; cp = c & 0x07;
		} else {
			return false;
		}
		if (len - i - 1 < n)
			return false;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		i += n + 1;
	}
	return true;
}

size_t utf8_length(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

char *str_trim(char *s)
{
	size_t len = strlen(s);
	while (len && strchr(" \t\r\n", s[len - 1]))
		s[--len] = '\0';
	size_t start = strspn(s, " \t\r\n");
	if (start)
		memmove(s, s + start, len - start + 1);
	return s;
}

bool str_ieq(const char *a, const char *b)
{
	return strcasecmp(a, b) == 0;
}

size_t utf8_cut(const char *s, size_t max)
{
	assert(s);
	size_t n = strlen(s);
	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

size_t utf8_prefix(const char *s, size_t n)
{
	assert(s);
	size_t b = 0;
	for (size_t k = 0; s[b] && k < n; k++)
		do
			b++;
		while (((unsigned char)s[b] & 0xC0) == 0x80);
	return b;
}

/* The code point at *s, moving past it; a byte that does not start a
 * well-formed sequence is taken alone (text from outside may be anything). */
static unsigned next_point(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;
	size_t n = p[0] >= 0xF0 && p[0] <= 0xF4 ? 3 : p[0] >= 0xE0 ? 2 : p[0] >= 0xC2 && p[0] < 0xE0 ? 1 : 0;
	unsigned cp = n == 3 ? p[0] & 0x07 : n == 2 ? p[0] & 0x0F : n == 1 ? p[0] & 0x1F : p[0];
	for (size_t k = 1; k <= n; k++) {
		if ((p[k] & 0xC0) != 0x80) {
			(*s)++;
			return p[0];
		}
		cp = (cp << 6) | (p[k] & 0x3F);
	}
	*s += n + 1;
	return cp;
}

/* The small letter of a capital, for the scripts of the names leergang
 * meets: Latin (ASCII, Latin-1, Latin Extended-A), Greek and Cyrillic.
 * The Turkish dotted capital I and dotless small i both go to 'i', so that
 * "YILMAZ" is "Yılmaz". Anything else is its own small letter. */
static unsigned small(unsigned c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
		return c + 32;
	if (c == 0x130 || c == 0x131)
		return 'i';
	if (c == 0x178)
		return 0xFF;
	if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177))
		return c | 1;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
		return c + (c & 1);
	if (c >= 0x391 && c <= 0x3AB && c != 0x3A2)
		return c + 32;
	if (c >= 0x410 && c <= 0x42F)
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	return c;
}

size_t utf8_caseless_prefix(const char *text, const char *prefix)
{
	const char *t = text, *p = prefix;
	while (*p) {
		if (!*t || small(next_point(&t)) != small(next_point(&p)))
			return 0;
	}
	return (size_t)(t - text);
}
