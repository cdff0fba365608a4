/* test_parse.c — the HTTP edge parsers: urlencoded forms, Cookie headers,
 * multipart/form-data. Every refusal is checked with its reason, so that a
 * parser that fails for the wrong cause is caught too. */
#include "test.h"
#include "core/arena.h"
#include "core/buf.h"
#include "http/parse.h"

#include <stdlib.h>

/* ---- helpers ---- */

static int form(struct arena *a, const char *s, struct kvlist *l, const char **why)
{
	return form_parse(a, s, strlen(s), l, why);
}

/* Expects form_parse to refuse s with the given reason. */
static void form_refuses(const char *s, const char *reason)
{
	struct arena a = ARENA_INIT;
	struct kvlist l = { 0 };
	const char *why = NULL;
	CHECK_INT(form(&a, s, &l, &why), -1);
	CHECK_STR(why, reason);
	arena_free(&a);
}

/* A literal body, binary-safe: its size comes from sizeof, not strlen. */
#define MP(a, body, boundary, fields, files, why) \
	multipart_parse(a, body, sizeof(body) - 1, boundary, fields, files, why)

static void mp_refuses(const char *body, size_t len, const char *boundary, const char *reason)
{
	struct arena a = ARENA_INIT;
	struct kvlist fields = { 0 };
	struct partlist files = { 0 };
	const char *why = NULL;
	CHECK_INT(multipart_parse(&a, body, len, boundary, &fields, &files, &why), -1);
	CHECK_STR(why, reason);
	arena_free(&a);
}
#define MP_REFUSES(body, boundary, reason) mp_refuses(body, sizeof(body) - 1, boundary, reason)

static void boundary_refused(const char *ct, const char *reason)
{
	struct arena a = ARENA_INIT;
	char *b = NULL;
	const char *why = NULL;
	CHECK_INT(multipart_boundary(&a, ct, &b, &why), -1);
	CHECK_STR(why, reason);
	arena_free(&a);
}

static void boundary_is(const char *ct, const char *expected)
{
	struct arena a = ARENA_INIT;
	char *b = NULL;
	const char *why = NULL;
	CHECK_INT(multipart_boundary(&a, ct, &b, &why), 0);
	CHECK_STR(b, expected);
	arena_free(&a);
}

/* ---- kv lists and url_decode ---- */

TEST(kv_add_copies_and_grows)
{
	struct arena a = ARENA_INIT;
	struct kvlist l = { 0 };
	char key[16], val[16];
	for (int i = 0; i < 100; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		snprintf(val, sizeof(val), "v%d", i);
		kv_add(&a, &l, key, val, strlen(val));
	}
	snprintf(key, sizeof(key), "changed");  /* the list holds copies */
	CHECK_INT(l.n, 100);
	CHECK(l.cap >= 100);
	CHECK_STR(kv_get(&l, "k0"), "v0");
	CHECK_STR(kv_get(&l, "k17"), "v17");
	CHECK_STR(kv_get(&l, "k99"), "v99");
	CHECK(kv_get(&l, "k100") == NULL);
	CHECK(kv_get(&l, "changed") == NULL);

	/* value_len counts bytes; the copy is NUL-terminated */
	kv_add(&a, &l, "bin", "a\0b", 3);
	CHECK_INT(l.items[100].value_len, 3);
	CHECK(memcmp(l.items[100].value, "a\0b", 4) == 0);
	kv_add(&a, &l, "cut", "abcdef", 2);
	CHECK_STR(kv_get(&l, "cut"), "ab");
	arena_free(&a);
}

TEST(kv_get_first_value_wins)
{
	struct arena a = ARENA_INIT;
	struct kvlist l = { 0 };
	CHECK(kv_get(&l, "x") == NULL);  /* empty list */
	kv_add(&a, &l, "x", "1", 1);
	kv_add(&a, &l, "x", "2", 1);
	CHECK_INT(l.n, 2);
	CHECK_STR(kv_get(&l, "x"), "1");
	CHECK(kv_get(&l, "X") == NULL);  /* keys are case-sensitive */
	arena_free(&a);
}

TEST(url_decode_basics)
{
	struct arena a = ARENA_INIT;
	size_t n = 99;
	CHECK_STR(url_decode(&a, "a+b%20c", 7, 1, &n), "a b c");
	CHECK_INT(n, 5);
	CHECK_STR(url_decode(&a, "a+b%20c", 7, 0, &n), "a+b c");  /* paths keep '+' */
	CHECK_STR(url_decode(&a, "%2B%2b", 6, 1, NULL), "++");
	CHECK_STR(url_decode(&a, "%c3%A9", 6, 0, &n), "\xc3\xa9");
	CHECK_INT(n, 2);
	CHECK_STR(url_decode(&a, "", 0, 1, &n), "");
	CHECK_INT(n, 0);
	/* only len bytes are read */
	CHECK_STR(url_decode(&a, "abc%41", 3, 0, &n), "abc");
	/* url_decode itself passes NUL through; out_len tells */
	char *z = url_decode(&a, "x%00y", 5, 0, &n);
	CHECK_INT(n, 3);
	CHECK(z && memcmp(z, "x\0y", 4) == 0);
	arena_free(&a);
}

TEST(url_decode_refuses_bad_escapes)
{
	struct arena a = ARENA_INIT;
	size_t n;
	CHECK(url_decode(&a, "%G1", 3, 1, &n) == NULL);
	CHECK(url_decode(&a, "%1G", 3, 1, &n) == NULL);
	CHECK(url_decode(&a, "%4", 2, 1, &n) == NULL);
	CHECK(url_decode(&a, "%", 1, 1, &n) == NULL);
	CHECK(url_decode(&a, "ab%", 3, 1, &n) == NULL);
	CHECK(url_decode(&a, "%%41", 4, 1, &n) == NULL);
	CHECK(url_decode(&a, "% 41", 4, 1, &n) == NULL);
	/* an escape cut off by len is bad even if the bytes after it are hex */
	CHECK(url_decode(&a, "%41", 2, 1, &n) == NULL);
	arena_free(&a);
}

/* ---- urlencoded forms ---- */

TEST(form_simple)
{
	struct arena a = ARENA_INIT;
	struct kvlist l = { 0 };
	const char *why = NULL;
	CHECK_INT(form(&a, "a=1&b=2", &l, &why), 0);
	CHECK_INT(l.n, 2);
	CHECK_STR(l.items[0].key, "a");
	CHECK_STR(l.items[0].value, "1");
	CHECK_INT(l.items[0].value_len, 1);
	CHECK_STR(l.items[1].key, "b");
	CHECK_STR(l.items[1].value, "2");
	CHECK(why == NULL);  /* success leaves why alone */
	arena_free(&a);
}

TEST(form_decodes_plus_and_escapes)
{
	struct arena a = ARENA_INIT;
	struct kvlist l = { 0 };
	const char *why = NULL;
	CHECK_INT(form(&a, "name=Jan+de+Vries&q=%3Cb%3E%26%3D%2B&na%6De2=%c3%a9t%C3%A9&next=%2Fpeople%3Fq%3D1",
		       &l, &why), 0);
	CHECK_INT(l.n, 4);
	CHECK_STR(kv_get(&l, "name"), "Jan de Vries");
	CHECK_STR(kv_get(&l, "q"), "<b>&=+");
	CHECK_STR(kv_get(&l, "name2"), "\xc3\xa9t\xc3\xa9");  /* "été" */
	CHECK_INT(l.items[2].value_len, 5);
	CHECK_STR(kv_get(&l, "next"), "/people?q=1");
	/* a 4-byte character */
	CHECK_INT(form(&a, "emoji=%F0%9F%98%80", &l, &why), 0);
	CHECK_STR(kv_get(&l, "emoji"), "\xf0\x9f\x98\x80");
	arena_free(&a);
}

TEST(form_empty_pairs_and_missing_equals)
{
	struct arena a = ARENA_INIT;
	struct kvlist l = { 0 };
	const char *why = NULL;
	CHECK_INT(form(&a, "&a=1&&b=2&", &l, &why), 0);
	CHECK_INT(l.n, 2);
	CHECK_STR(kv_get(&l, "a"), "1");
	CHECK_STR(kv_get(&l, "b"), "2");

	l.n = 0;
	CHECK_INT(form(&a, "&&&", &l, &why), 0);
	CHECK_INT(l.n, 0);
	CHECK_INT(form(&a, "", &l, &why), 0);
	CHECK_INT(form_parse(&a, NULL, 0, &l, &why), 0);  /* no body at all */
	CHECK_INT(l.n, 0);

	/* a key without '=' has the value "", "a==b" is a="=b", "=x" has key "" */
	CHECK_INT(form(&a, "flag&a==b&=x&e=", &l, &why), 0);
	CHECK_INT(l.n, 4);
	CHECK_STR(kv_get(&l, "flag"), "");
	CHECK_INT(l.items[0].value_len, 0);
	CHECK_STR(kv_get(&l, "a"), "=b");
	CHECK_STR(kv_get(&l, ""), "x");
	CHECK_STR(kv_get(&l, "e"), "");
	CHECK(why == NULL);
	arena_free(&a);
}

TEST(form_keeps_duplicates_and_appends)
{
	struct arena a = ARENA_INIT;
	struct kvlist l = { 0 };
	const char *why = NULL;
	kv_add(&a, &l, "before", "x", 1);
	CHECK_INT(form(&a, "id=1&id=2&id=3", &l, &why), 0);
	CHECK_INT(l.n, 4);
	CHECK_STR(l.items[0].key, "before");
	CHECK_STR(kv_get(&l, "id"), "1");
	CHECK_STR(l.items[3].value, "3");
	arena_free(&a);
}

TEST(form_reads_only_len_bytes)
{
	struct arena a = ARENA_INIT;
	struct kvlist l = { 0 };
	const char *why = NULL;
	const char body[] = { 'a', '=', '1', '&', 'b', '=', '2' };  /* no NUL */
	CHECK_INT(form_parse(&a, body, 3, &l, &why), 0);
	CHECK_INT(l.n, 1);
	CHECK_STR(kv_get(&l, "a"), "1");
	CHECK_INT(form_parse(&a, body, sizeof(body), &l, &why), 0);
	CHECK_STR(kv_get(&l, "b"), "2");
	arena_free(&a);
}

TEST(form_refuses_bad_escapes)
{
	form_refuses("a=%G1", "bad percent escape");
	form_refuses("a=%4", "bad percent escape");
	form_refuses("a=%4&b=1", "bad percent escape");  /* '&' is no hex digit */
	form_refuses("a=%", "bad percent escape");
	form_refuses("a=b%2", "bad percent escape");
	form_refuses("%G1=x", "bad percent escape");      /* in a key */
	form_refuses("%=1", "bad percent escape");
	form_refuses("ok=1&bad=%zz&ok2=2", "bad percent escape");
}

TEST(form_refuses_bad_utf8_and_nul)
{
	const char *reason = "invalid UTF-8 or NUL in a form field";
	form_refuses("q=%C3%28", reason);       /* bad continuation byte */
	form_refuses("q=%C3", reason);          /* truncated sequence */
	form_refuses("q=%FF", reason);
	form_refuses("q=%C0%AF", reason);       /* overlong '/' */
	form_refuses("q=%ED%A0%80", reason);    /* surrogate */
	form_refuses("q=%F4%90%80%80", reason); /* above U+10FFFF */
	form_refuses("q=%00", reason);          /* NUL would cut a C string */
	form_refuses("q=a%00b", reason);
	form_refuses("%00=1", reason);          /* in a key */
	form_refuses("%C3%28", reason);         /* key without '=' */
	form_refuses("q=\xff", reason);         /* raw, unescaped byte */

	/* NUL as a raw byte in the body */
	struct arena a = ARENA_INIT;
	struct kvlist l = { 0 };
	const char *why = NULL;
	CHECK_INT(form_parse(&a, "a=x\0y", 5, &l, &why), -1);
	CHECK_STR(why, reason);
	arena_free(&a);
}

TEST(form_field_limit)
{
	struct arena a = ARENA_INIT;
	struct buf b = BUF_INIT;
	const char *why = NULL;
	for (int i = 0; i < PARSE_MAX_FIELDS; i++)
		buf_addf(&b, "%sf%d=%d&&", i ? "&" : "", i, i);  /* empty pairs do not count */
	struct kvlist l = { 0 };
	CHECK_INT(form_parse(&a, b.ptr, b.len, &l, &why), 0);
	CHECK_INT(l.n, PARSE_MAX_FIELDS);
	CHECK_STR(kv_get(&l, "f999"), "999");

	buf_adds(&b, "&one=more");
	struct kvlist l2 = { 0 };
	CHECK_INT(form_parse(&a, b.ptr, b.len, &l2, &why), -1);
	CHECK_STR(why, "too many form fields");

	/* many bare keys count as fields too */
	buf_reset(&b);
	for (int i = 0; i <= PARSE_MAX_FIELDS; i++)
		buf_adds(&b, "k&");
	struct kvlist l3 = { 0 };
	why = NULL;
	CHECK_INT(form_parse(&a, b.ptr, b.len, &l3, &why), -1);
	CHECK_STR(why, "too many form fields");
	buf_release(&b);
	arena_free(&a);
}

TEST(form_refusal_without_why)
{
	struct arena a = ARENA_INIT;
	struct kvlist l = { 0 };
	CHECK_INT(form(&a, "a=%G1", &l, NULL), -1);  /* must not crash */
	arena_free(&a);
}

/* ---- cookies ---- */

TEST(cookie_simple)
{
	struct arena a = ARENA_INIT;
	struct kvlist l = { 0 };
	const char *why = NULL;
	CHECK_INT(cookie_parse(&a, "lg_session=abc123; lg_lang=nl", &l, &why), 0);
	CHECK_INT(l.n, 2);
	CHECK_STR(l.items[0].key, "lg_session");
	CHECK_STR(l.items[0].value, "abc123");
	CHECK_INT(l.items[0].value_len, 6);
	CHECK_STR(kv_get(&l, "lg_lang"), "nl");
	CHECK(why == NULL);
	arena_free(&a);
}

TEST(cookie_spacing_and_empty)
{
	struct arena a = ARENA_INIT;
	struct kvlist l = { 0 };
	const char *why = NULL;
	CHECK_INT(cookie_parse(&a, "  a=1 ;b=2;;  c = 3 ;\td=\t", &l, &why), 0);
	CHECK_INT(l.n, 4);
	CHECK_STR(kv_get(&l, "a"), "1");
	CHECK_STR(kv_get(&l, "b"), "2");
	CHECK_STR(kv_get(&l, "c"), "3");
	CHECK_STR(kv_get(&l, "d"), "");

	l.n = 0;
	CHECK_INT(cookie_parse(&a, NULL, &l, &why), 0);  /* no Cookie header */
	CHECK_INT(cookie_parse(&a, "", &l, &why), 0);
	CHECK_INT(cookie_parse(&a, " ; ;", &l, &why), 0);
	CHECK_INT(l.n, 0);
	arena_free(&a);
}

TEST(cookie_quoted_and_raw_values)
{
	struct arena a = ARENA_INIT;
	struct kvlist l = { 0 };
	const char *why = NULL;
	CHECK_INT(cookie_parse(&a, "a=\"x y\"; b=\"\"; c=\"; d=\"abc; t=YWJj==; p=%41+b; u=\xc3\xa9", &l, &why), 0);
	CHECK_STR(kv_get(&l, "a"), "x y");
	CHECK_STR(kv_get(&l, "b"), "");
	CHECK_STR(kv_get(&l, "c"), "\"");     /* one quote is not a quoted value */
	CHECK_STR(kv_get(&l, "d"), "\"abc");
	CHECK_STR(kv_get(&l, "t"), "YWJj==");  /* base64 padding stays */
	CHECK_STR(kv_get(&l, "p"), "%41+b");   /* no percent-decoding */
	CHECK_STR(kv_get(&l, "u"), "\xc3\xa9");
	CHECK_INT(l.n, 7);
	arena_free(&a);
}

TEST(cookie_bad_ones_are_skipped)
{
	struct arena a = ARENA_INIT;
	struct kvlist l = { 0 };
	const char *why = NULL;
	const char *h = "=x; a b=1; a,b=2; noeq; x(=3; \xc3\xa9=4; ok=1; "
			"ctl=a\x01z; tab=a\tz; del=\x7f; bad=\xff; half=\xc3; ok2=2";
	CHECK_INT(cookie_parse(&a, h, &l, &why), 0);
	CHECK_INT(l.n, 2);
	CHECK_STR(l.items[0].key, "ok");
	CHECK_STR(l.items[1].key, "ok2");
	CHECK(why == NULL);
	arena_free(&a);
}

TEST(cookie_limit)
{
	struct arena a = ARENA_INIT;
	struct buf b = BUF_INIT;
	const char *why = NULL;
	for (int i = 0; i < PARSE_MAX_FIELDS; i++)
		buf_addf(&b, "c%d=%d; bad name=x; ", i, i);  /* skipped ones do not count */
	struct kvlist l = { 0 };
	CHECK_INT(cookie_parse(&a, b.ptr, &l, &why), 0);
	CHECK_INT(l.n, PARSE_MAX_FIELDS);
	buf_adds(&b, "last=1");
	struct kvlist l2 = { 0 };
	CHECK_INT(cookie_parse(&a, b.ptr, &l2, &why), -1);
	CHECK_STR(why, "too many cookies");
	CHECK_INT(cookie_parse(&a, b.ptr, &l2, NULL), -1);
	buf_release(&b);
	arena_free(&a);
}

/* ---- multipart boundary ---- */

TEST(multipart_boundary_found)
{
	boundary_is("multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
		    "----WebKitFormBoundary7MA4YWxkTrZu0gW");
	boundary_is("multipart/form-data; boundary=\"a b\"", "a b");
	boundary_is("Multipart/Form-Data; BOUNDARY=x", "x");
	boundary_is("multipart/form-data; charset=utf-8; boundary=xyz", "xyz");
	boundary_is("multipart/form-data; boundary=xyz; charset=utf-8", "xyz");
	boundary_is("  multipart/form-data ;  boundary=xyz  ;", "xyz");
	boundary_is("multipart/form-data; notboundary=no; boundary=yes", "yes");
	boundary_is("multipart/form-data; x=\"boundary=no\"; boundary=yes", "yes");
	boundary_is("multipart/form-data; boundary=\"'()+_,-./:=?\"", "'()+_,-./:=?");
	char ct[128], exp[80];
	memset(exp, 'b', 70);
	exp[70] = '\0';
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%s", exp);
	boundary_is(ct, exp);  /* 70 is the RFC 2046 maximum */
}

TEST(multipart_boundary_refused)
{
	boundary_refused(NULL, "no Content-Type");
	boundary_refused("", "not multipart/form-data");
	boundary_refused("text/plain; boundary=x", "not multipart/form-data");
	boundary_refused("multipart/mixed; boundary=x", "not multipart/form-data");
	boundary_refused("multipart/form-datax; boundary=x", "not multipart/form-data");
	boundary_refused("multipart/form-data", "no boundary");
	boundary_refused("multipart/form-data; charset=utf-8", "no boundary");
	boundary_refused("multipart/form-data; boundary=", "malformed Content-Type");
	boundary_refused("multipart/form-data; boundary=\"abc", "malformed Content-Type");
	boundary_refused("multipart/form-data; boundary=\"a\\\"b\"", "malformed Content-Type");
	boundary_refused("multipart/form-data; foo; boundary=x", "malformed Content-Type");
	boundary_refused("multipart/form-data boundary=x", "malformed Content-Type");
	boundary_refused("multipart/form-data; boundary=a b", "malformed Content-Type");
	boundary_refused("multipart/form-data; boundary=\"\"", "bad boundary");
	boundary_refused("multipart/form-data; boundary=\"a \"", "bad boundary");  /* ends in space */
	boundary_refused("multipart/form-data; boundary=\"a;b\"", "bad boundary");
	boundary_refused("multipart/form-data; boundary=\"a\\b\"", "bad boundary");
	boundary_refused("multipart/form-data; boundary=a%b", "bad boundary");
	boundary_refused("multipart/form-data; boundary=\"\xc3\xa9\"", "bad boundary");
	boundary_refused("multipart/form-data; boundary=x; boundary=y", "boundary given twice");
	char ct[128];
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%071d", 0);
	boundary_refused(ct, "bad boundary");  /* 71 characters */
}

/* ---- multipart bodies ---- */

TEST(multipart_browser_upload)
{
	struct arena a = ARENA_INIT;
	struct kvlist fields = { 0 };
	struct partlist files = { 0 };
	const char *why = NULL;
	const char body[] =
		"------WebKitFormBoundaryAbC\r\n"
		"Content-Disposition: form-data; name=\"csrf\"\r\n"
		"\r\n"
		"tok123\r\n"
		"------WebKitFormBoundaryAbC\r\n"
		"Content-Disposition: form-data; name=\"file\"; filename=\"C:\\hr\\mensen.csv\"\r\n"
		"Content-Type: text/csv\r\n"
		"\r\n"
		"naam;afdeling\r\nJan;\"A\r\nB\"\r\n"
		"\r\n"
		"------WebKitFormBoundaryAbC\r\n"
		"Content-Disposition: form-data; name=\"note\"\r\n"
		"\r\n"
		"r\xc3\xa9sum\xc3\xa9\r\nline 2\r\n"
		"------WebKitFormBoundaryAbC--\r\n";
	CHECK_INT(MP(&a, body, "----WebKitFormBoundaryAbC", &fields, &files, &why), 0);
	CHECK(why == NULL);
	CHECK_INT(fields.n, 2);
	CHECK_STR(kv_get(&fields, "csrf"), "tok123");
	CHECK_STR(kv_get(&fields, "note"), "r\xc3\xa9sum\xc3\xa9\r\nline 2");  /* CRLF inside kept */
	CHECK_INT(fields.items[1].value_len, 16);
	CHECK_INT(files.n, 1);
	if (files.n == 1) {
		struct part *f = &files.items[0];
		CHECK_STR(f->name, "file");
		CHECK_STR(f->filename, "mensen.csv");  /* the client's path is dropped */
		CHECK_STR(f->content_type, "text/csv");
		CHECK_STR(f->data, "naam;afdeling\r\nJan;\"A\r\nB\"\r\n");  /* final CRLF is content */
		CHECK_INT(f->len, 27);
	}
	arena_free(&a);
}

TEST(multipart_binary_file)
{
	struct arena a = ARENA_INIT;
	struct kvlist fields = { 0 };
	struct partlist files = { 0 };
	const char *why = NULL;
	/* content with NUL, 0xFF, a lone CR, a CRLF, things that look like
	 * the boundary but are not a delimiter */
	const char content[] = "\x00\x01\xff\xfe\r\n\r\r--XyZ--XyQ\r\n--XyQ\r\n-XyZ\x00\r\n";
	const char body[] =
		"--XyZ\r\n"
		"Content-Disposition: form-data; name=\"blob\"; filename=\"a.bin\"\r\n"
		"Content-Type: application/octet-stream\r\n"
		"\r\n"
		"\x00\x01\xff\xfe\r\n\r\r--XyZ--XyQ\r\n--XyQ\r\n-XyZ\x00\r\n"
		"\r\n--XyZ--";
	CHECK_INT(MP(&a, body, "XyZ", &fields, &files, &why), 0);
	CHECK_INT(fields.n, 0);
	CHECK_INT(files.n, 1);
	if (files.n == 1) {
		CHECK_INT(files.items[0].len, sizeof(content) - 1);
		CHECK(memcmp(files.items[0].data, content, sizeof(content) - 1) == 0);
		CHECK(files.items[0].data[files.items[0].len] == '\0');
		CHECK_STR(files.items[0].content_type, "application/octet-stream");
	}
	arena_free(&a);
}

TEST(multipart_empty_values_and_files)
{
	struct arena a = ARENA_INIT;
	struct kvlist fields = { 0 };
	struct partlist files = { 0 };
	const char *why = NULL;
	const char body[] =
		"--b\r\n"
		"Content-Disposition: form-data; name=\"empty\"\r\n"
		"\r\n"
		"\r\n--b\r\n"
		"Content-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
		"Content-Type: application/octet-stream\r\n"
		"\r\n"
		"\r\n--b\r\n"
		"Content-Disposition: form-data; name=\"crlf\"\r\n"
		"\r\n"
		"\r\n\r\n"
		"\r\n--b--";
	CHECK_INT(MP(&a, body, "b", &fields, &files, &why), 0);
	CHECK_INT(fields.n, 2);
	CHECK_STR(kv_get(&fields, "empty"), "");
	CHECK_STR(kv_get(&fields, "crlf"), "\r\n\r\n");
	CHECK_INT(files.n, 1);  /* an empty file input: kept for the handler */
	if (files.n == 1) {
		CHECK_STR(files.items[0].filename, "");
		CHECK_INT(files.items[0].len, 0);
		CHECK_STR(files.items[0].data, "");
	}
	arena_free(&a);
}

TEST(multipart_filenames)
{
	struct arena a = ARENA_INIT;
	struct kvlist fields = { 0 };
	struct partlist files = { 0 };
	const char *why = NULL;
	const char body[] =
		"--b\r\n"
		"Content-Disposition: form-data; name=\"f1\"; filename=\"/home/jan/people.csv\"\r\n\r\n1"
		"\r\n--b\r\n"
		"Content-Disposition: form-data; name=\"f2\"; filename=\"\xc3\x9c" "berstunden.csv\"\r\n\r\n2"
		"\r\n--b\r\n"
		"Content-Disposition: form-data; name=\"f3\"; filename=\"a/b\\c.csv\"\r\n\r\n3"
		"\r\n--b\r\n"
		"Content-Disposition: form-data; name=\"f4\"; filename=\"dir/\"\r\n\r\n4"
		"\r\n--b\r\n"
		/* a ';' and "name=" inside a quoted filename are not parameters */
		"Content-Disposition: form-data; filename=\"x; name=evil.csv\"; name=\"f5\"\r\n\r\n5"
		"\r\n--b\r\n"
		/* browsers percent-encode a quote in a filename; it is kept as is */
		"Content-Disposition: form-data; name=\"f6\"; filename=\"say %22hi%22.txt\"\r\n\r\n6"
		"\r\n--b--\r\n";
	CHECK_INT(MP(&a, body, "b", &fields, &files, &why), 0);
	CHECK_INT(files.n, 6);
	if (files.n == 6) {
		CHECK_STR(files.items[0].filename, "people.csv");
		CHECK_STR(files.items[1].filename, "\xc3\x9c" "berstunden.csv");
		CHECK_STR(files.items[2].filename, "c.csv");
		CHECK_STR(files.items[3].filename, "");
		CHECK_STR(files.items[4].name, "f5");
		CHECK_STR(files.items[4].filename, "x; name=evil.csv");
		CHECK_STR(files.items[5].filename, "say %22hi%22.txt");
		CHECK(files.items[0].content_type == NULL);  /* absent */
		CHECK_STR(files.items[5].data, "6");
	}
	arena_free(&a);
}

TEST(multipart_header_variants)
{
	struct arena a = ARENA_INIT;
	struct kvlist fields = { 0 };
	struct partlist files = { 0 };
	const char *why = NULL;
	const char body[] =
		"--b\r\n"
		"content-type: text/plain; charset=utf-8  \r\n"  /* order, case, trailing space */
		"X-Unknown: ignored\r\n"
		"CONTENT-DISPOSITION:FORM-DATA;name=plain;\r\n"   /* bare token, no spaces */
		"\r\n"
		"v1"
		"\r\n--b\r\n"
		"Content-Disposition: form-data ; name=\"q\" ; filename=f.txt\r\n"
		"Content-Type:text/plain\r\n"
		"\r\n"
		"v2"
		"\r\n--b--";
	CHECK_INT(MP(&a, body, "b", &fields, &files, &why), 0);
	CHECK_INT(fields.n, 1);
	CHECK_STR(kv_get(&fields, "plain"), "v1");
	CHECK_INT(files.n, 1);
	if (files.n == 1) {
		CHECK_STR(files.items[0].name, "q");
		CHECK_STR(files.items[0].filename, "f.txt");
		CHECK_STR(files.items[0].content_type, "text/plain");
	}
	arena_free(&a);
}

TEST(multipart_preamble_padding_epilogue)
{
	struct arena a = ARENA_INIT;
	struct kvlist fields = { 0 };
	struct partlist files = { 0 };
	const char *why = NULL;
	const char body[] =
		"This is a preamble --b, ignored.\r\n"
		"--b \t\r\n"  /* transport padding after the boundary */
		"Content-Disposition: form-data; name=\"a\"\r\n\r\n1"
		"\r\n--b--\r\nepilogue \x00\xff ignored\r\n--b\r\n";
	CHECK_INT(MP(&a, body, "b", &fields, &files, &why), 0);
	CHECK_INT(fields.n, 1);
	CHECK_STR(kv_get(&fields, "a"), "1");
	arena_free(&a);
}

TEST(multipart_quoted_boundary_end_to_end)
{
	struct arena a = ARENA_INIT;
	struct kvlist fields = { 0 };
	struct partlist files = { 0 };
	const char *why = NULL;
	char *boundary = NULL;
	CHECK_INT(multipart_boundary(&a, "multipart/form-data; boundary=\"a b:c\"", &boundary, &why), 0);
	CHECK_STR(boundary, "a b:c");
	const char body[] =
		"--a b:c\r\n"
		"Content-Disposition: form-data; name=\"x\"\r\n\r\n"
		"--a b\r\n--a b:"  /* a prefix of the delimiter is content */
		"\r\n--a b:c--\r\n";
	CHECK_INT(MP(&a, body, boundary, &fields, &files, &why), 0);
	CHECK_STR(kv_get(&fields, "x"), "--a b\r\n--a b:");
	arena_free(&a);
}

TEST(multipart_appends_to_fields)
{
	struct arena a = ARENA_INIT;
	struct kvlist fields = { 0 };
	struct partlist files = { 0 };
	const char *why = NULL;
	kv_add(&a, &fields, "q", "from-query", 10);
	const char body[] = "--b\r\nContent-Disposition: form-data; name=\"q\"\r\n\r\nfrom-body\r\n--b--";
	CHECK_INT(MP(&a, body, "b", &fields, &files, &why), 0);
	CHECK_INT(fields.n, 2);
	CHECK_STR(fields.items[1].value, "from-body");
	arena_free(&a);
}

TEST(multipart_missing_boundaries)
{
	const char *missing = "missing closing boundary";
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue", "b", missing);
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n", "b", missing);
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n--b", "b", missing);
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n--b\r\n", "b", missing);
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n--b  ", "b", missing);
	MP_REFUSES("--b", "b", missing);
	/* "--b-" is not the close delimiter */
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--b-", "b", "bad boundary line");
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--bc--", "b", "bad boundary line");
	MP_REFUSES("--bX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--b--", "b", "bad boundary line");
	MP_REFUSES("--b\nContent-Disposition: form-data; name=\"a\"\n\nv\n--b--", "b", "bad boundary line");
	MP_REFUSES("hello", "b", "no opening boundary");
	MP_REFUSES("x--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--c--", "b", "no opening boundary");
	mp_refuses("", 0, "b", "empty multipart body");
	mp_refuses(NULL, 0, "b", "empty multipart body");
	/* a part that is not closed because the next part's delimiter is absent */
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--c--", "b", missing);
}

TEST(multipart_bad_boundary_argument)
{
	const char body[] = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--b--";
	mp_refuses(body, sizeof(body) - 1, NULL, "bad boundary");
	mp_refuses(body, sizeof(body) - 1, "", "bad boundary");
	mp_refuses(body, sizeof(body) - 1, "b\r\n", "bad boundary");
	char longb[80];
	snprintf(longb, sizeof(longb), "%071d", 0);
	mp_refuses(body, sizeof(body) - 1, longb, "bad boundary");
}

TEST(multipart_malformed_headers)
{
	const char *bad = "malformed part header";
	MP_REFUSES("--b\r\nContent-Disposition form-data; name=\"a\"\r\n\r\nv\r\n--b--", "b", bad);
	MP_REFUSES("--b\r\nContent-Disposition : form-data; name=\"a\"\r\n\r\nv\r\n--b--", "b", bad);
	MP_REFUSES("--b\r\n: form-data\r\n\r\nv\r\n--b--", "b", bad);
	MP_REFUSES("--b\r\nContent-Disposition: form-data;\r\n name=\"a\"\r\n\r\nv\r\n--b--", "b", bad);  /* folding */
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"a\"\nX: y\r\n\r\nv\r\n--b--", "b", bad);  /* bare LF */
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"a\x00\"\r\n\r\nv\r\n--b--", "b", bad);  /* NUL */
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"a\"; filename=\"\xff.csv\"\r\n\r\nv\r\n--b--",
		   "b", bad);  /* not UTF-8 */
	MP_REFUSES("--b\r\nX-Foo: \x1b[31m\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--b--", "b", bad);
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n", "b", "unterminated part headers");
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"a\"", "b", "unterminated part headers");

	const char *disp = "malformed Content-Disposition";
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"a\r\n\r\nv\r\n--b--", "b", disp);
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name\r\n\r\nv\r\n--b--", "b", disp);
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\r\n\r\nv\r\n--b--", "b", disp);
	MP_REFUSES("--b\r\nContent-Disposition: form-data name=\"a\"\r\n\r\nv\r\n--b--", "b", disp);
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"a\"x\r\n\r\nv\r\n--b--", "b", disp);
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=a b\r\n\r\nv\r\n--b--", "b", disp);
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\xc3\xa9\r\n\r\nv\r\n--b--", "b", disp);

	MP_REFUSES("--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nv\r\n--b--", "b",
		   "part disposition is not form-data");
	MP_REFUSES("--b\r\nContent-Disposition:\r\n\r\nv\r\n--b--", "b", "part disposition is not form-data");
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"a\"\r\nContent-Disposition: form-data; name=\"b\"\r\n"
		   "\r\nv\r\n--b--", "b", "Content-Disposition given twice");
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"a\"; name=\"b\"\r\n\r\nv\r\n--b--", "b",
		   "parameter given twice in Content-Disposition");
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"a\"; filename=\"x\"; filename=\"y\"\r\n\r\nv\r\n--b--",
		   "b", "parameter given twice in Content-Disposition");
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"a\"\r\nContent-Type: a/b\r\nContent-Type: c/d\r\n"
		   "\r\nv\r\n--b--", "b", "bad or repeated part Content-Type");
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"a\"\r\nContent-Type:  \r\n\r\nv\r\n--b--", "b",
		   "bad or repeated part Content-Type");
}

TEST(multipart_parts_need_a_name)
{
	const char *reason = "part without a form-data name";
	MP_REFUSES("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--", "b", reason);
	MP_REFUSES("--b\r\n\r\nx\r\n--b--", "b", reason);
	MP_REFUSES("--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--", "b", reason);
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nx\r\n--b--", "b", reason);
	MP_REFUSES("--b\r\nContent-Disposition: form-data; filename=\"a.csv\"\r\n\r\nx\r\n--b--", "b", reason);
}

TEST(multipart_field_text_must_be_utf8)
{
	const char *reason = "invalid UTF-8 or NUL in a form field";
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\xc3\x28\r\n--b--", "b", reason);
	MP_REFUSES("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\x00y\r\n--b--", "b", reason);
	/* the same bytes in a file are fine */
	struct arena a = ARENA_INIT;
	struct kvlist fields = { 0 };
	struct partlist files = { 0 };
	const char *why = NULL;
	const char body[] = "--b\r\nContent-Disposition: form-data; name=\"a\"; filename=\"x\"\r\n\r\n\xc3\x28\x00\r\n--b--";
	CHECK_INT(MP(&a, body, "b", &fields, &files, &why), 0);
	CHECK_INT(files.n, 1);
	CHECK_INT(files.n ? files.items[0].len : 0, 3);
	arena_free(&a);
}

TEST(multipart_header_line_limit)
{
	struct arena a = ARENA_INIT;
	struct buf b = BUF_INIT;
	const char *why = NULL;
	/* a header line of exactly 8192 bytes is allowed */
	buf_adds(&b, "--b\r\nX-Long: ");
	while (b.len < 5 + 8192)
		buf_addch(&b, 'a');
	buf_adds(&b, "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--b--");
	struct kvlist fields = { 0 };
	struct partlist files = { 0 };
	CHECK_INT(multipart_parse(&a, b.ptr, b.len, "b", &fields, &files, &why), 0);
	CHECK_STR(kv_get(&fields, "a"), "v");

	/* one byte more is not */
	buf_reset(&b);
	buf_adds(&b, "--b\r\nX-Long: ");
	while (b.len < 5 + 8193)
		buf_addch(&b, 'a');
	buf_adds(&b, "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--b--");
	CHECK_INT(multipart_parse(&a, b.ptr, b.len, "b", &fields, &files, &why), -1);
	CHECK_STR(why, "part header line too long");

	/* nor a long line that never ends */
	buf_reset(&b);
	buf_adds(&b, "--b\r\nContent-Disposition: form-data; name=\"");
	for (int i = 0; i < 20000; i++)
		buf_addch(&b, 'n');
	why = NULL;
	CHECK_INT(multipart_parse(&a, b.ptr, b.len, "b", &fields, &files, &why), -1);
	CHECK_STR(why, "part header line too long");
	buf_release(&b);
	arena_free(&a);
}

TEST(multipart_part_limit)
{
	struct arena a = ARENA_INIT;
	struct buf b = BUF_INIT;
	const char *why = NULL;
	for (int i = 0; i < PARSE_MAX_FIELDS; i++)
		buf_addf(&b, "--b\r\nContent-Disposition: form-data; name=\"f%d\"%s\r\n\r\n%d\r\n", i,
			 i % 2 ? "; filename=\"x\"" : "", i);
	size_t body_len = b.len;
	buf_adds(&b, "--b--\r\n");
	struct kvlist fields = { 0 };
	struct partlist files = { 0 };
	CHECK_INT(multipart_parse(&a, b.ptr, b.len, "b", &fields, &files, &why), 0);
	CHECK_INT(fields.n + files.n, PARSE_MAX_FIELDS);
	CHECK_INT(files.n, PARSE_MAX_FIELDS / 2);
	CHECK_STR(kv_get(&fields, "f998"), "998");

	buf_setlen(&b, body_len);
	buf_adds(&b, "--b\r\nContent-Disposition: form-data; name=\"more\"\r\n\r\nx\r\n--b--\r\n");
	struct kvlist f2 = { 0 };
	struct partlist p2 = { 0 };
	CHECK_INT(multipart_parse(&a, b.ptr, b.len, "b", &f2, &p2, &why), -1);
	CHECK_STR(why, "too many parts");
	CHECK_INT(multipart_parse(&a, b.ptr, b.len, "b", &f2, &p2, NULL), -1);
	buf_release(&b);
	arena_free(&a);
}
