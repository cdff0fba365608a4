/* fuzz_request.c — whole requests through leergang's own request layer and
 * the web application, on an in-memory database with the demo installation.
 * The input is a small HTTP-like text:
 *
 *     METHOD /path?query
 *     Header: value
 *     ...
 *     (empty line)
 *     body
 *
 * The socket and HTTP framing are libmicrohttpd's; everything after them is
 * ours and runs here: headers, cookies, query, form and multipart bodies,
 * routing, access rules, CSRF, pages and API. In a header or the body,
 * @SESSION@ and @CSRF@ stand for a live session of the police
 * administrator and its CSRF token, @COACH@ and @COACHCSRF@ for one of
 * its coach, so the corpus reaches signed-in pages.
 *
 * Checked for every input: a valid status, a body that is valid UTF-8, no
 * raw "<script" in an HTML page (the demo holds names with one), and no
 * markup that went through an escaping %s by mistake (=&quot;). */
#include "core/buf.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "demo/demo.h"
#include "formats/markdown.h"
#include "domain/account.h"
#include "web/web.h"
#include "store/store.h"

#include <sodium.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define FAIL(...) do { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); abort(); } while (0)

static struct store *st;
static char token[SECRET_HEX], csrf[SECRET_HEX];           /* the police administrator */
static char coach_token[SECRET_HEX], coach_csrf[SECRET_HEX];  /* the police coach */
static struct app app;

/* The demo with every account's password hashed at libsodium's lowest
 * cost: a real one (64 MiB of argon2id) under the sanitizers takes longer
 * than libFuzzer grants an input. Done before the first input, so that no
 * input is timed with it. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	struct buf err = BUF_INIT;
	int applied;
	const char *dir = getenv("LEERGANG_LOCALEDIR");
	static char cheap[crypto_pwhash_STRBYTES];
	store_use_words(md_plain);
	if (sodium_init() < 0 ||
	    crypto_pwhash_str_alg(cheap, DEMO_PASSWORD, strlen(DEMO_PASSWORD), crypto_pwhash_OPSLIMIT_MIN,
				  crypto_pwhash_MEMLIMIT_MIN, crypto_pwhash_ALG_ARGON2ID13))
		FAIL("setup: sodium");
	if (store_open(":memory:", &st, &err) || store_migrate(st, &applied, &err) || demo_load(st, cheap, DEMO_NAMES_HOSTILE, &err))
		FAIL("setup: %s", err.ptr ? err.ptr : "store");
	i18n_init(dir ? dir : "build/locale");
	struct arena a = ARENA_INIT;
	struct account acc;
	if (store_account_by_email(st, &a, "beheerder@politie.example", &acc) ||
	    session_start(st, acc.id, (long long)time(NULL), token, csrf) ||
	    store_account_by_email(st, &a, "coach@politie.example", &acc) ||
	    session_start(st, acc.id, (long long)time(NULL), coach_token, coach_csrf))
		FAIL("setup: no session");
	arena_free(&a);
	buf_release(&err);
	return 0;
}

/* Copies s[0..n) into the arena with the placeholders filled in. */
static char *expand(struct arena *a, const char *s, size_t n, size_t *out_len)
{
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < n;) {
		if (n - i >= 7 && !memcmp(s + i, "@COACH@", 7)) {
			buf_adds(&b, coach_token);
			i += 7;
		} else if (n - i >= 11 && !memcmp(s + i, "@COACHCSRF@", 11)) {
			buf_adds(&b, coach_csrf);
			i += 11;
		} else if (n - i >= 9 && !memcmp(s + i, "@SESSION@", 9)) {
			buf_adds(&b, token);
			i += 9;
		} else if (n - i >= 6 && !memcmp(s + i, "@CSRF@", 6)) {
			buf_adds(&b, csrf);
			i += 6;
		} else {
			buf_add(&b, s + i, 1);
			i++;
		}
	}
	char *r = arena_strndup(a, b.ptr, b.len);
	*out_len = b.len;
	buf_release(&b);
	return r;
}

/* Adds the query arguments of q as libmicrohttpd hands them over: split on
 * '&', name and value percent-decoded. Returns 0 or a status. */
static int add_query(struct request *r, const char *q)
{
	while (*q) {
		size_t len = strcspn(q, "&");
		const char *eq = memchr(q, '=', len);
		size_t klen = eq ? (size_t)(eq - q) : len;
		char *k = url_decode(r->a, q, klen, 1, &(size_t){ 0 });
		char *v = eq ? url_decode(r->a, eq + 1, len - klen - 1, 1, &(size_t){ 0 }) : NULL;
		if (!k || (eq && !v))
			return 400;  /* libmicrohttpd would pass it on raw; we need not go further */
		if (len) {  /* "a=1&&b=2": the empty piece is nothing */
			int status = request_add_arg(r, k, v);
			if (status)
				return status;
		}
		q += len + (q[len] == '&');
	}
	return 0;
}

/* Markup passed through an escaping %s by mistake shows as an attribute
 * whose quotes were escaped: =&quot; inside a tag but outside any quoted
 * value. (Inside a value, or in text, &quot; is just an escaped quote.) */
static bool escaped_attribute(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] != '<')
			continue;
		bool quoted = false;
		for (i++; i < n && (quoted || p[i] != '>'); i++) {
			if (p[i] == '"')
				quoted = !quoted;
			else if (!quoted && n - i >= 7 && !memcmp(p + i, "=&quot;", 7))
				return true;
		}
	}
	return false;
}

/* Whether the page holds a <script other than leergang's own people
 * picker (layout.c page_end): any other is text that escaped escaping. */
static bool other_script(const char *p, size_t len)
{
	static const char own[] = "<script src=\"/static/picker.js\"></script>";
	const char *end = p + len;
	for (const char *s; (s = memmem(p, (size_t)(end - p), "<script", 7)); p = s + 7)
		if ((size_t)(end - s) < sizeof(own) - 1 || memcmp(s, own, sizeof(own) - 1))
			return true;
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	size_t len;
	char *in = expand(&a, (const char *)data, size, &len);
	if (strlen(in) != len) {  /* a NUL: no HTTP request line or header holds one */
		char *nul = memchr(in, '\0', len);
		char *blank = strstr(in, "\n\n");
		if (!blank || nul < blank) {
			arena_free(&a);
			return 0;
		}
	}

	struct request r = { 0 };
	r.a = &a;
	r.st = st;
	r.status = 200;
	char *line_end = strchr(in, '\n');
	char *line = arena_strndup(&a, in, line_end ? (size_t)(line_end - in) : strlen(in));
	char *sp = strchr(line, ' ');
	if (!sp || sp == line) {
		arena_free(&a);
		return 0;
	}
	*sp = '\0';
	r.method = line;
	char *target = sp + 1;
	char *qmark = strchr(target, '?');
	if (qmark)
		*qmark = '\0';
	size_t plen;
	char *path = url_decode(&a, target, strlen(target), 0, &plen);
	if (!path || strlen(path) != plen || path[0] != '/') {
		arena_free(&a);
		return 0;
	}
	r.path = path;
	int status = qmark ? add_query(&r, qmark + 1) : 0;

	/* headers up to the empty line, then the body */
	char *p = line_end ? line_end + 1 : in + len;
	while (!status && p < in + len && *p != '\n') {
		char *e = memchr(p, '\n', (size_t)(in + len - p));
		size_t hl = e ? (size_t)(e - p) : (size_t)(in + len - p);
		char *h = arena_strndup(&a, p, hl);
		char *colon = strchr(h, ':');
		if (colon) {
			*colon = '\0';
			const char *v = colon + 1;
			while (*v == ' ')
				v++;
			status = request_add_header(&r, h, v);
		}
		p = e ? e + 1 : in + len;
	}
	if (p < in + len && *p == '\n')
		p++;
	r.body = p < in + len ? p : "";
	r.body_len = p < in + len ? (size_t)(in + len - p) : 0;

	if (!status)
		status = request_finish(&r);
	buf_init(&r.out, 8192);
	if (status) {
		r.status = status;
		web_error_page(&r, &app, status);
	} else {
		web_handle(&r, &app);
	}
	if (getenv("FUZZ_VERBOSE"))  /* for whoever tends the corpus */
		fprintf(stderr, "%d %s %s (%zu bytes)\n", r.status, r.method, r.path, r.out.len);
	if (r.status < 100 || r.status > 599)
		FAIL("status %d", r.status);
	if (r.out.len && !utf8_valid(r.out.ptr, r.out.len))
		FAIL("%s %s: the response is not UTF-8", r.method, r.path);
	const char *type = r.response_type ? r.response_type : "text/html";
	if (!strncmp(type, "text/html", 9) && r.out.len && other_script(r.out.ptr, r.out.len))
		FAIL("%s %s: raw <script in the page", r.method, r.path);
	if (!strncmp(type, "text/html", 9) && escaped_attribute(r.out.ptr, r.out.len))
		FAIL("%s %s: escaped markup in a tag (=&quot; outside an attribute value)", r.method, r.path);
	buf_release(&r.out);
	arena_free(&a);
	return 0;
}
