/* test_html.c — html() escaping, url_encode() and safe_next(). */
#include "test.h"
#include "html/html.h"

#include <limits.h>
#include <stdint.h>

TEST(html_escapes_every_string_argument)
{
	struct buf b = BUF_INIT;
	html(&b, "<p title=\"%s\">%s</p>", "a\"b'c", "<&>\"'");
	CHECK_STR(b.ptr, "<p title=\"a&quot;b&#39;c\">&lt;&amp;&gt;&quot;&#39;</p>");
	buf_reset(&b);
	/* every %s, not only the first */
	html(&b, "%s|%s|%s", "<a>", "&amp;", "x");
	CHECK_STR(b.ptr, "&lt;a&gt;|&amp;amp;|x");
	buf_reset(&b);
	/* NULL is written as nothing */
	const char *volatile none = NULL;
	html(&b, "[%s]", none);
	CHECK_STR(b.ptr, "[]");
	buf_reset(&b);
	/* UTF-8 passes unchanged */
	html(&b, "%s", "Operati\xC3\xABn \xE2\x82\xAC");
	CHECK_STR(b.ptr, "Operati\xC3\xABn \xE2\x82\xAC");
	buf_release(&b);
}

TEST(html_leaves_literals_alone)
{
	struct buf b = BUF_INIT;
	html(&b, "<a href=\"/x?a=1&amp;b=2\">'lit'</a>");
	CHECK_STR(b.ptr, "<a href=\"/x?a=1&amp;b=2\">'lit'</a>");
	buf_reset(&b);
	html(&b, "%s<b>%s</b>&", "&", "<");
	CHECK_STR(b.ptr, "&amp;<b>&lt;</b>&");
	buf_reset(&b);
	html(&b, "%s", "");
	CHECK_STR(b.ptr, "");
	CHECK_INT(b.len, 0);
	/* appends to what is there */
	buf_adds(&b, "<!doctype html>");
	html(&b, "<title>%s</title>", "A & B");
	CHECK_STR(b.ptr, "<!doctype html><title>A &amp; B</title>");
	buf_release(&b);
}

TEST(html_formats_numbers)
{
	struct buf b = BUF_INIT;
	html(&b, "%d %d %u %lld %lld %zu %%", -5, INT_MIN, UINT_MAX, (long long)LLONG_MAX, (long long)LLONG_MIN,
	     (size_t)SIZE_MAX);
	struct buf want = BUF_INIT;
	buf_addf(&want, "%d %d %u %lld %lld %zu %%", -5, INT_MIN, UINT_MAX, (long long)LLONG_MAX, (long long)LLONG_MIN,
		 (size_t)SIZE_MAX);
	CHECK_STR(b.ptr, want.ptr);
	buf_reset(&b);
	html(&b, "%ld %lu %llu", (long)-7, (unsigned long)ULONG_MAX, (unsigned long long)ULLONG_MAX);
	buf_reset(&want);
	buf_addf(&want, "%ld %lu %llu", (long)-7, (unsigned long)ULONG_MAX, (unsigned long long)ULLONG_MAX);
	CHECK_STR(b.ptr, want.ptr);
	buf_reset(&b);
	html(&b, "100%% van %d: %s%%", 3, "<b>");
	CHECK_STR(b.ptr, "100% van 3: &lt;b&gt;%");
	buf_reset(&b);
	/* arguments after a number are still taken in order */
	html(&b, "%zu:%s:%lld:%s:%u:%s", (size_t)1, "a<", (long long)2, "b>", 3u, "c&");
	CHECK_STR(b.ptr, "1:a&lt;:2:b&gt;:3:c&amp;");
	buf_release(&want);
	buf_release(&b);
}

TEST(html_escape_user_text)
{
	struct buf b = BUF_INIT;
	html_escape(&b, "Jan <script>alert(1)</script>");
	CHECK_STR(b.ptr, "Jan &lt;script&gt;alert(1)&lt;/script&gt;");
	buf_reset(&b);
	html_escape(&b, "O'Brien & \"Zonen\"");
	CHECK_STR(b.ptr, "O&#39;Brien &amp; &quot;Zonen&quot;");
	buf_reset(&b);
	html_escape(&b, "<<>>&&");
	CHECK_STR(b.ptr, "&lt;&lt;&gt;&gt;&amp;&amp;");
	buf_reset(&b);
	html_escape(&b, "geen bijzondere tekens");
	CHECK_STR(b.ptr, "geen bijzondere tekens");
	buf_reset(&b);
	html_escape(&b, NULL);
	CHECK_STR(b.ptr, "");
	html_escape(&b, "");
	CHECK_INT(b.len, 0);
	/* nothing that could open a tag or end an attribute survives */
	html_escape(&b, "\"><img src=x onerror=alert(1)>'");
	CHECK(!strchr(b.ptr, '<') && !strchr(b.ptr, '>') && !strchr(b.ptr, '"') && !strchr(b.ptr, '\''));
	buf_release(&b);
}

TEST(html_raw_is_verbatim)
{
	struct buf b = BUF_INIT;
	html_raw(&b, "<b>&amp;</b>");
	html_raw(&b, NULL);
	CHECK_STR(b.ptr, "<b>&amp;</b>");
	buf_release(&b);
}

static int unreserved(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
	       c == '_' || c == '~';
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

TEST(url_encode_values)
{
	struct arena a = ARENA_INIT;
	CHECK_STR(url_encode(&a, "foo+bar/baz?x=1"), "foo%2Bbar%2Fbaz%3Fx%3D1");
	CHECK_STR(url_encode(&a, "AZaz09-._~"), "AZaz09-._~");
	CHECK_STR(url_encode(&a, "Operati\xC3\xABn"), "Operati%C3%ABn");
	CHECK_STR(url_encode(&a, "a b&c#d%e"), "a%20b%26c%23d%25e");
	CHECK_STR(url_encode(&a, "\"<'>"), "%22%3C%27%3E");
	CHECK_STR(url_encode(&a, "\xE2\x82\xAC"), "%E2%82%AC");
	CHECK_STR(url_encode(&a, ""), "");
	CHECK_STR(url_encode(&a, NULL), "");

	/* every byte: only unreserved characters and %XX come out, and the
	 * result decodes to the input */
	char all[256];
	for (int i = 1; i < 256; i++)
		all[i - 1] = (char)i;
	all[255] = '\0';
	const char *e = url_encode(&a, all);
	char back[256];
	size_t n = 0;
	int ok = 1;
	for (const char *p = e; *p && n < sizeof(back) - 1;) {
		if (*p == '%') {
			int hi = hexval(p[1]), lo = hi >= 0 ? hexval(p[2]) : -1;
			if (hi < 0 || lo < 0) {
				ok = 0;
				break;
			}
			if (unreserved((unsigned char)(hi * 16 + lo)))
				ok = 0;  /* encoded though it need not be */
			back[n++] = (char)(hi * 16 + lo);
			p += 3;
		} else {
			if (!unreserved((unsigned char)*p))
				ok = 0;
			back[n++] = *p++;
		}
	}
	back[n] = '\0';
	CHECK(ok);
	CHECK_INT(n, 255);
	CHECK(!memcmp(back, all, 256));
	arena_free(&a);
}

TEST(safe_next_rejects_other_sites)
{
	CHECK_STR(safe_next("//evil"), "/");
	CHECK_STR(safe_next("//evil.example/path"), "/");
	CHECK_STR(safe_next("http://x"), "/");
	CHECK_STR(safe_next("https://evil.example/"), "/");
	CHECK_STR(safe_next("javascript:alert(1)"), "/");
	CHECK_STR(safe_next("/\\x"), "/");
	CHECK_STR(safe_next("/\\\\evil"), "/");
	CHECK_STR(safe_next("/a\\b"), "/");
	CHECK_STR(safe_next("people"), "/");
	CHECK_STR(safe_next(""), "/");
	CHECK_STR(safe_next(NULL), "/");
	CHECK_STR(safe_next(" /people"), "/");
}

TEST(safe_next_rejects_control_characters)
{
	CHECK_STR(safe_next("/a\nb"), "/");
	CHECK_STR(safe_next("/a\r\nSet-Cookie: x=1"), "/");
	CHECK_STR(safe_next("/\t/evil"), "/");
	CHECK_STR(safe_next("/a\x01"), "/");
	CHECK_STR(safe_next("/a\x1f"), "/");
	CHECK_STR(safe_next("/a\x7f"), "/");
}

TEST(safe_next_accepts_local_paths)
{
	const char *p = "/people?q=1";
	CHECK(safe_next(p) == p);
	CHECK_STR(safe_next("/"), "/");
	CHECK_STR(safe_next("/units/3/edit"), "/units/3/edit");
	CHECK_STR(safe_next("/people?q=Operati%C3%ABn&page=2"), "/people?q=Operati%C3%ABn&page=2");
	CHECK_STR(safe_next("/Operati\xC3\xABn"), "/Operati\xC3\xABn");
}

/* Imported texts: escaped first, then a blank line a new paragraph and a
 * line break a <br>; markup in the text stays text. */
TEST(html_paragraphs_and_lines)
{
	struct buf b = BUF_INIT;
	html_paragraphs(&b, "Welkom <b>hier</b>\r\nregel twee\n\n\n  \nTweede & laatste\n", "intro");
	CHECK_STR(b.ptr, "<p class=\"intro\">Welkom &lt;b&gt;hier&lt;/b&gt;<br>regel twee</p><p class=\"intro\">Tweede &amp; laatste</p>");
	buf_reset(&b);
	html_paragraphs(&b, "", NULL);
	CHECK_STR(b.ptr, "");
	html_paragraphs(&b, "een", NULL);
	CHECK_STR(b.ptr, "<p>een</p>");
	buf_reset(&b);
	html_lines(&b, "Vraag?\nHulp: \"kort\"");
	CHECK_STR(b.ptr, "Vraag?<br>Hulp: &quot;kort&quot;");
	buf_release(&b);
}
