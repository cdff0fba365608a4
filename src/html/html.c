/* html.c — escaping HTML output and URL arguments. */
#include "html.h"
#include "formats/markdown.h"

#include <stdbool.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void html_escape(struct buf *b, const char *s)
{
	if (!s)
		return;
	const char *run = s;
	for (; *s; s++) {
		const char *rep;
		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		buf_add(b, run, (size_t)(s - run));
		buf_adds(b, rep);
		run = s + 1;
	}
	buf_add(b, run, (size_t)(s - run));
}

/* One line of a plain text, escaped, without its "\r". */
static void escape_line(struct buf *b, const char *s, size_t n)
{
	if (n && s[n - 1] == '\r')
		n--;
	char *line = strndup(s, n);
	if (!line)
		return;
	html_escape(b, line);
	free(line);
}

void html_lines(struct buf *b, const char *text)
{
	const char *s = text ? text : "";
	for (bool first = true;; first = false) {
		size_t n = strcspn(s, "\n");
		if (!first)
			buf_adds(b, "<br>");
		escape_line(b, s, n);
		if (!s[n])
			break;
		s += n + 1;
	}
}

void html_paragraphs(struct buf *b, const char *text, const char *cls)
{
	const char *s = text ? text : "";
	bool open = false, line = false;
	while (*s) {
		size_t n = strcspn(s, "\n");
		size_t k = 0;
		while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
			k++;
		if (k == n) {
			/* a blank line ends the paragraph */
			if (open)
				buf_adds(b, "</p>");
			open = line = false;
		} else {
			if (!open) {
				if (cls)
					html(b, "<p class=\"%s\">", cls);
				else
					buf_adds(b, "<p>");
				open = true;
			} else if (line) {
				buf_adds(b, "<br>");
			}
			escape_line(b, s, n);
			line = true;
		}
		s += n + (s[n] != '\0');
	}
	if (open)
		buf_adds(b, "</p>");
}

void html_raw(struct buf *b, const char *s)
{
	if (s)
		buf_adds(b, s);
}

void html(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *run = fmt;
	for (const char *p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		buf_add(b, run, (size_t)(p - run));
		p++;
		char tmp[32];
		if (*p == '%') {
			buf_addch(b, '%');
		} else if (*p == 's') {
			html_escape(b, va_arg(ap, const char *));
		} else if (*p == 'd') {
			snprintf(tmp, sizeof(tmp), "%d", va_arg(ap, int));
			buf_adds(b, tmp);
		} else if (*p == 'u') {
			snprintf(tmp, sizeof(tmp), "%u", va_arg(ap, unsigned));
			buf_adds(b, tmp);
		} else if (p[0] == 'z' && p[1] == 'u') {
			snprintf(tmp, sizeof(tmp), "%zu", va_arg(ap, size_t));
			buf_adds(b, tmp);
			p++;
		} else if (p[0] == 'l' && p[1] == 'l' && (p[2] == 'd' || p[2] == 'u')) {
			if (p[2] == 'd')
				snprintf(tmp, sizeof(tmp), "%lld", va_arg(ap, long long));
			else
				snprintf(tmp, sizeof(tmp), "%llu", va_arg(ap, unsigned long long));
			buf_adds(b, tmp);
			p += 2;
		} else if (p[0] == 'l' && (p[1] == 'd' || p[1] == 'u')) {
			if (p[1] == 'd')
				snprintf(tmp, sizeof(tmp), "%ld", va_arg(ap, long));
			else
				snprintf(tmp, sizeof(tmp), "%lu", va_arg(ap, unsigned long));
			buf_adds(b, tmp);
			p++;
		} else {
			abort();  /* a conversion html() does not know: fix the format */
		}
		run = p + 1;
	}
	buf_adds(b, run);
	va_end(ap);
}

char *url_encode(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = s ? strlen(s) : 0;
	char *out = arena_alloc(a, n * 3 + 1), *o = out;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		    ch == '-' || ch == '.' || ch == '_' || ch == '~') {
			*o++ = (char)ch;
		} else {
			*o++ = '%';
			*o++ = hex[ch >> 4];
			*o++ = hex[ch & 15];
		}
	}
	*o = '\0';
	return out;
}

const char *safe_next(const char *next)
{
	if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\')
		return "/";
	for (const char *p = next; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == '\\' || *p == 0x7f)
			return "/";
	return next;
}

void html_markdown(struct buf *b, const char *markdown)
{
	if (markdown)
		md_html(b, markdown, strlen(markdown));
}

void html_snippet(struct buf *b, const char *snippet)
{
	bool open = false;
	char one[2] = { 0, 0 };
	for (const char *p = snippet ? snippet : ""; *p; p++) {
		if (*p == '\x01' || *p == '\x02') {
			if (open != (*p == '\x02'))
				continue;
			buf_adds(b, open ? "</mark>" : "<mark>");
			open = !open;
			continue;
		}
		one[0] = *p;
		html_escape(b, one);
	}
	if (open)
		buf_adds(b, "</mark>");
}
