/* test_core.c — buf, arena, UTF-8 helpers and language choice. */
#include "test.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "core/compiler.h"

#include <stdint.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- buf ---- */

TEST(buf_init_is_empty_string)
{
	struct buf b = BUF_INIT;
	CHECK(b.ptr == buf_empty);
	CHECK_INT(b.len, 0);
	CHECK_INT(b.cap, 0);
	CHECK_STR(b.ptr, "");
	buf_add(&b, "", 0);  /* adding nothing allocates nothing */
	CHECK(b.ptr == buf_empty);
	buf_release(&b);
	CHECK(b.ptr == buf_empty);

	buf_init(&b, 100);
	CHECK(b.cap >= 101);
	CHECK_INT(b.len, 0);
	CHECK_STR(b.ptr, "");
	buf_release(&b);
	CHECK_INT(b.cap, 0);
	CHECK(b.ptr == buf_empty);
}

TEST(buf_grows_and_stays_terminated)
{
	struct buf b = BUF_INIT;
	for (int i = 0; i < 10000; i++) {
		buf_addch(&b, (char)('a' + i % 26));
		if (b.ptr[b.len] != '\0' || b.cap <= b.len) {
			CHECK(!"buf not terminated or cap too small");
			break;
		}
	}
	CHECK_INT(b.len, 10000);
	CHECK(b.cap > b.len);
	CHECK_INT(strlen(b.ptr), 10000);
	int ok = 1;
	for (size_t i = 0; i < b.len; i++)
		if (b.ptr[i] != (char)('a' + i % 26))
			ok = 0;
	CHECK(ok);

	/* a block much larger than the capacity at once */
	char big[70000];
	memset(big, 'x', sizeof(big));
	buf_add(&b, big, sizeof(big));
	CHECK_INT(b.len, 10000 + sizeof(big));
	CHECK(b.ptr[b.len] == '\0');
	CHECK(b.ptr[10000] == 'x' && b.ptr[b.len - 1] == 'x');
	CHECK(b.ptr[9999] == (char)('a' + 9999 % 26));
	buf_release(&b);
}

TEST(buf_add_binary_and_strings)
{
	struct buf b = BUF_INIT;
	buf_add(&b, "a\0b", 3);
	CHECK_INT(b.len, 3);
	CHECK(!memcmp(b.ptr, "a\0b", 4));
	buf_reset(&b);
	CHECK_INT(b.len, 0);
	CHECK_STR(b.ptr, "");
	buf_adds(&b, "Operatiën");
	buf_adds(&b, "/Team Noord");
	CHECK_STR(b.ptr, "Operatiën/Team Noord");
	buf_setlen(&b, 4);
	CHECK_STR(b.ptr, "Oper");
	CHECK_INT(b.len, 4);
	buf_release(&b);
}

TEST(buf_addf_formats_and_grows)
{
	struct buf b = BUF_INIT;
	/* into the static empty buffer: nothing may be written there */
	buf_addf(&b, "%d-%s", 42, "x");
	CHECK_STR(b.ptr, "42-x");
	CHECK_INT(b.len, 4);
	CHECK_STR(buf_empty, "");
	buf_addf(&b, "%s", "");
	CHECK_STR(b.ptr, "42-x");
	buf_addf(&b, "|%05.1f|%lld|%zu|%%", 3.14159, (long long)-9000000000LL, (size_t)7);
	CHECK_STR(b.ptr, "42-x|003.1|-9000000000|7|%");

	/* longer than what is left: must grow and print in full */
	char longs[5000];
	memset(longs, 'q', sizeof(longs) - 1);
	longs[sizeof(longs) - 1] = '\0';
	size_t before = b.len;
	buf_addf(&b, "[%s]", longs);
	CHECK_INT(b.len, before + 2 + sizeof(longs) - 1);
	CHECK(b.ptr[before] == '[' && b.ptr[b.len - 1] == ']' && b.ptr[b.len] == '\0');
	CHECK_INT(strlen(b.ptr), b.len);

	/* exactly filling the remaining space */
	struct buf c = BUF_INIT;
	buf_init(&c, 1);
	size_t room = c.cap - 1;
	char fill[256];
	memset(fill, 'z', room);
	fill[room] = '\0';
	buf_addf(&c, "%s", fill);
	CHECK_INT(c.len, room);
	CHECK_INT(strlen(c.ptr), room);
	buf_addf(&c, "%c", 'y');
	CHECK_INT(c.len, room + 1);
	CHECK(c.ptr[room] == 'y' && c.ptr[room + 1] == '\0');
	buf_release(&c);
	buf_release(&b);
}

TEST(buf_detach_hands_over_memory)
{
	struct buf b = BUF_INIT;
	buf_adds(&b, "hallo");
	size_t len = 0;
	char *p = buf_detach(&b, &len);
	CHECK_STR(p, "hallo");
	CHECK_INT(len, 5);
	CHECK(b.ptr == buf_empty);
	CHECK_INT(b.len, 0);
	CHECK_INT(b.cap, 0);
	free(p);

	/* detaching an empty buffer still gives memory that can be freed */
	p = buf_detach(&b, &len);
	CHECK(p != NULL && p != buf_empty);
	CHECK_STR(p, "");
	CHECK_INT(len, 0);
	free(p);

	buf_adds(&b, "x");
	p = buf_detach(&b, NULL);
	CHECK_STR(p, "x");
	free(p);
	/* the buffer is usable again after a detach */
	buf_adds(&b, "weer");
	CHECK_STR(b.ptr, "weer");
	buf_release(&b);
}

/* ---- arena ---- */

TEST(arena_alloc_aligned_and_zeroed)
{
	struct arena a = ARENA_INIT;
	static const size_t sizes[] = { 1, 3, 15, 16, 17, 31, 100, 1000, 4095, 4097, 20000, 0, 7 };
	unsigned char *ptrs[ARRAY_SIZE(sizes)];
	int aligned = 1, zero = 1;
	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned char *p = arena_alloc(&a, sizes[i]);
		ptrs[i] = p;
		if (!p || (uintptr_t)p % 16)
			aligned = 0;
		for (size_t k = 0; k < sizes[i]; k++)
			if (p[k])
				zero = 0;
		/* scribble, so that an overlap with a later block shows */
		memset(p, (int)(i + 1), sizes[i] ? sizes[i] : 1);
	}
	CHECK(aligned);
	CHECK(zero);
	int intact = 1;
	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++)
		for (size_t k = 0; k < (sizes[i] ? sizes[i] : 1); k++)
			if (ptrs[i][k] != (unsigned char)(i + 1))
				intact = 0;
	CHECK(intact);
	/* zero-sized requests get distinct memory */
	void *z1 = arena_alloc(&a, 0), *z2 = arena_alloc(&a, 0);
	CHECK(z1 && z2 && z1 != z2);
	CHECK(a.used > 0);
	arena_free(&a);
	CHECK(a.head == NULL);
	CHECK_INT(a.used, 0);
	/* a freed arena can be used again */
	char *s = arena_strdup(&a, "opnieuw");
	CHECK_STR(s, "opnieuw");
	arena_free(&a);
}

TEST(arena_many_small_and_large_blocks)
{
	struct arena a = ARENA_INIT;
	enum { N = 3000 };
	long long *small[N];
	for (int i = 0; i < N; i++) {
		small[i] = arena_alloc(&a, sizeof(long long) * 3);
		small[i][0] = i;
		small[i][2] = -i;
		if (i % 500 == 0) {
			/* large blocks in between get chunks of their own */
			unsigned char *big = arena_alloc(&a, 50000);
			CHECK(big[0] == 0 && big[49999] == 0);
			memset(big, 0xAB, 50000);
		}
	}
	int ok = 1;
	for (int i = 0; i < N; i++)
		if (small[i][0] != i || small[i][1] != 0 || small[i][2] != -i || (uintptr_t)small[i] % 16)
			ok = 0;
	CHECK(ok);
	CHECK(a.used >= (size_t)N * 32 + 6 * 50000);
	arena_free(&a);
}

TEST(arena_strings_and_printf)
{
	struct arena a = ARENA_INIT;
	CHECK(arena_strdup(&a, NULL) == NULL);
	CHECK_STR(arena_strdup(&a, ""), "");
	CHECK_STR(arena_strndup(&a, "abcdef", 3), "abc");
	char *p = arena_printf(&a, "%s/%s %d%%", "Operatiën", "Team Noord", 7);
	CHECK_STR(p, "Operatiën/Team Noord 7%");
	CHECK((uintptr_t)p % 16 == 0);
	/* longer than a chunk */
	char longs[40000];
	memset(longs, 'k', sizeof(longs) - 1);
	longs[sizeof(longs) - 1] = '\0';
	char *q = arena_printf(&a, "<%s>", longs);
	CHECK_INT(strlen(q), sizeof(longs) + 1);
	CHECK(q[0] == '<' && q[sizeof(longs)] == '>');
	CHECK_STR(p, "Operatiën/Team Noord 7%");
	arena_free(&a);
}

TEST(arena_grow_copies)
{
	struct arena a = ARENA_INIT;
	int *v = arena_grow(&a, NULL, 0, 4, sizeof(int));
	CHECK(v != NULL);
	CHECK(v[0] == 0 && v[3] == 0);
	for (int i = 0; i < 4; i++)
		v[i] = i * 10;
	int *w = arena_grow(&a, v, 4, 1000, sizeof(int));
	CHECK(w != v);
	CHECK(w[0] == 0 && w[1] == 10 && w[2] == 20 && w[3] == 30);
	int zero = 1;
	for (int i = 4; i < 1000; i++)
		if (w[i])
			zero = 0;
	CHECK(zero);
	/* only the first n are copied */
	int *x = arena_grow(&a, w, 2, 8, sizeof(int));
	CHECK(x[0] == 0 && x[1] == 10 && x[2] == 0 && x[3] == 0);
	/* the old array stays as it was */
	CHECK(v[3] == 30 && w[3] == 30);
	arena_free(&a);
}

/* Runs fn in a child process; returns its exit status, or -1 when it was
 * killed by a signal. */
static int in_child(void (*fn)(void))
{
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0)
			dup2(null, 2);  /* die()'s message is expected */
		fn();
		_exit(0);
	}
	int status;
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -2;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void huge_alloc(void)
{
	struct arena a = ARENA_INIT;
	/* must not round up to a tiny block */
	volatile size_t n = SIZE_MAX - 3;
	char *p = arena_alloc(&a, n);
	p[100] = 1;
	arena_free(&a);
}

static void huge_grow(void)
{
	struct arena a = ARENA_INIT;
	arena_grow(&a, NULL, 0, SIZE_MAX / 4, 8);
	arena_free(&a);
}

TEST(arena_refuses_overflowing_sizes)
{
	/* die() exits 1 with a message; anything else (a small block, a
	 * crash) is wrong */
	CHECK_INT(in_child(huge_alloc), 1);
	CHECK_INT(in_child(huge_grow), 1);
}

/* ---- UTF-8 ---- */

static int valid(const char *s)
{
	return utf8_valid(s, strlen(s));
}

TEST(utf8_valid_accepts_well_formed)
{
	CHECK(utf8_valid("", 0));
	CHECK(valid("plain ASCII ~!"));
	CHECK(valid("Operati\xC3\xABn"));            /* ë */
	CHECK(valid("\xC2\x80"));                     /* U+0080, smallest 2-byte */
	CHECK(valid("\xDF\xBF"));                     /* U+07FF */
	CHECK(valid("\xE0\xA0\x80"));                 /* U+0800, smallest 3-byte */
	CHECK(valid("\xE2\x82\xAC"));                 /* € */
	CHECK(valid("\xED\x9F\xBF"));                 /* U+D7FF, just below the surrogates */
	CHECK(valid("\xEE\x80\x80"));                 /* U+E000, just above */
	CHECK(valid("\xEF\xBF\xBF"));                 /* U+FFFF */
	CHECK(valid("\xF0\x90\x80\x80"));             /* U+10000, smallest 4-byte */
	CHECK(valid("\xF0\x9F\x98\x80"));             /* 😀 */
	CHECK(valid("\xF4\x8F\xBF\xBF"));             /* U+10FFFF, the last */
	CHECK(valid("\xEF\xBB\xBFmet BOM"));
	/* only len bytes are looked at */
	CHECK(utf8_valid("abc\xFF", 3));
	CHECK(utf8_valid("a\0b", 1));
}

TEST(utf8_valid_rejects_overlongs)
{
	CHECK(!valid("\xC0\x80"));             /* NUL in two bytes */
	CHECK(!valid("\xC0\xAF"));             /* '/' in two bytes */
	CHECK(!valid("\xC1\xBF"));
	CHECK(!valid("\xE0\x80\x80"));
	CHECK(!valid("\xE0\x80\xAF"));
	CHECK(!valid("\xE0\x9F\xBF"));         /* U+07FF in three bytes */
	CHECK(!valid("\xF0\x80\x80\x80"));
	CHECK(!valid("\xF0\x80\x80\xAF"));
	CHECK(!valid("\xF0\x8F\xBF\xBF"));     /* U+FFFF in four bytes */
	CHECK(!valid("\xF8\x88\x80\x80\x80")); /* five-byte forms */
	CHECK(!valid("\xFC\x84\x80\x80\x80\x80"));
}

TEST(utf8_valid_rejects_surrogates_and_beyond)
{
	CHECK(!valid("\xED\xA0\x80"));         /* U+D800 */
	CHECK(!valid("\xED\xAD\xBF"));         /* U+DB7F */
	CHECK(!valid("\xED\xB0\x80"));         /* U+DC00 */
	CHECK(!valid("\xED\xBF\xBF"));         /* U+DFFF */
	CHECK(!valid("\xED\xA0\xBD\xED\xB8\x80")); /* a CESU-8 pair */
	CHECK(!valid("\xF4\x90\x80\x80"));     /* U+110000 */
	CHECK(!valid("\xF4\xBF\xBF\xBF"));
	CHECK(!valid("\xF5\x80\x80\x80"));
	CHECK(!valid("\xF7\xBF\xBF\xBF"));
	CHECK(!valid("\xFE"));
	CHECK(!valid("\xFF"));
}

TEST(utf8_valid_rejects_nul_truncation_and_strays)
{
	CHECK(!utf8_valid("a\0b", 3));
	CHECK(!utf8_valid("\0", 1));
	CHECK(!utf8_valid("abc\0", 4));
	CHECK(!valid("\xC3"));                 /* truncated 2-byte */
	CHECK(!valid("abc\xC3"));
	CHECK(!valid("\xE2\x82"));             /* truncated 3-byte */
	CHECK(!valid("\xE2"));
	CHECK(!valid("\xF0\x9F\x98"));         /* truncated 4-byte */
	CHECK(!valid("\xF0\x9F"));
	CHECK(!utf8_valid("\xC3\xAB", 1));     /* cut by len */
	CHECK(!utf8_valid("\xF0\x9F\x98\x80", 3));
	CHECK(!valid("\x80"));                 /* stray continuation */
	CHECK(!valid("a\xBF" "b"));
	CHECK(!valid("\xC3\x41"));             /* a lead without a continuation */
	CHECK(!valid("\xE2\x28\xA1"));
	CHECK(!valid("\xF0\x9F\x98\x41"));
	CHECK(!valid("\xE2\x82\xAC\xAC"));     /* one continuation too many */
	CHECK(!valid("Operati\xEBn"));         /* Windows-1252 ë */
	/* a NUL inside a multi-byte sequence is not a continuation */
	CHECK(!utf8_valid("\xC3\0", 2));
}

TEST(utf8_length_counts_code_points)
{
	CHECK_INT(utf8_length(""), 0);
	CHECK_INT(utf8_length("abc"), 3);
	CHECK_INT(utf8_length("Operati\xC3\xABn"), 9);
	CHECK_INT(utf8_length("\xE2\x82\xAC"), 1);
	CHECK_INT(utf8_length("\xF0\x9F\x98\x80!"), 2);
	CHECK_INT(utf8_length("\xC3\xAB\xC3\xAB\xC3\xAB"), 3);
}

TEST(str_trim_in_place)
{
	char a[] = "  a b \t\r\n";
	CHECK(str_trim(a) == a);
	CHECK_STR(a, "a b");
	char b[] = " \t\r\n ";
	CHECK_STR(str_trim(b), "");
	char c[] = "";
	CHECK_STR(str_trim(c), "");
	char d[] = "x";
	CHECK_STR(str_trim(d), "x");
	char e[] = "\tOperati\xC3\xABn ";
	CHECK_STR(str_trim(e), "Operati\xC3\xABn");
	char f[] = "in  het midden";
	CHECK_STR(str_trim(f), "in  het midden");
	/* only ASCII white space: a no-break space stays */
	char g[] = "\xC2\xA0x\xC2\xA0";
	CHECK_STR(str_trim(g), "\xC2\xA0x\xC2\xA0");
	char h[] = "   lead";
	CHECK_STR(str_trim(h), "lead");
	char i[] = "trail   ";
	CHECK_STR(str_trim(i), "trail");
}

TEST(str_ieq_ascii_case)
{
	CHECK(str_ieq("ABC", "abc"));
	CHECK(str_ieq("Personeelsnummer", "PERSONEELSNUMMER"));
	CHECK(str_ieq("", ""));
	CHECK(!str_ieq("abc", "abd"));
	CHECK(!str_ieq("abc", "abcd"));
	CHECK(!str_ieq("", "a"));
}

/* ---- languages ---- */

TEST(lang_parse_codes)
{
	CHECK_INT(lang_parse("nl"), LANG_NL);
	CHECK_INT(lang_parse("NL"), LANG_NL);
	CHECK_INT(lang_parse("en"), LANG_EN);
	CHECK_INT(lang_parse("En"), LANG_EN);
	CHECK_INT(lang_parse("de"), -1);
	CHECK_INT(lang_parse(""), -1);
	CHECK_INT(lang_parse(NULL), -1);
	CHECK_INT(lang_parse("nl-NL"), -1);
	CHECK_INT(lang_parse("english"), -1);
	CHECK_STR(lang_code(LANG_NL), "nl");
	CHECK_STR(lang_code(LANG_EN), "en");
	CHECK_INT(lang_parse(lang_code(LANG_EN)), LANG_EN);
}

TEST(lang_from_accept_header)
{
	CHECK_INT(lang_from_accept(NULL), LANG_NL);
	CHECK_INT(lang_from_accept(""), LANG_NL);
	CHECK_INT(lang_from_accept("en"), LANG_EN);
	CHECK_INT(lang_from_accept("EN"), LANG_EN);
	CHECK_INT(lang_from_accept("en-US,en;q=0.9"), LANG_EN);
	CHECK_INT(lang_from_accept("nl-NL,nl;q=0.9,en-US;q=0.8"), LANG_NL);
	CHECK_INT(lang_from_accept("nl-BE, en"), LANG_NL);
	CHECK_INT(lang_from_accept("de-DE,de;q=0.9,en;q=0.5"), LANG_EN);
	CHECK_INT(lang_from_accept("fr, de"), LANG_NL);
	CHECK_INT(lang_from_accept("*"), LANG_NL);
	CHECK_INT(lang_from_accept("  ,, en"), LANG_EN);
	CHECK_INT(lang_from_accept("en;q=0.7"), LANG_EN);
	/* a language that only starts with "en" or "nl" is another language */
	CHECK_INT(lang_from_accept("english"), LANG_NL);
	CHECK_INT(lang_from_accept("enx, en"), LANG_EN);
	CHECK_INT(lang_from_accept("nlx"), LANG_NL);
	CHECK_INT(lang_from_accept("nds, en-GB"), LANG_EN);
}

TEST(i18n_current_follows_use)
{
	enum lang before = i18n_current();
	i18n_use(LANG_EN);
	CHECK_INT(i18n_current(), LANG_EN);
	i18n_use(LANG_NL);
	CHECK_INT(i18n_current(), LANG_NL);
	i18n_use(before);
	CHECK_INT(i18n_current(), before);
}

/* In a child process, since i18n_init binds the text domain for every
 * later test: the translations i18n_text() keeps per address follow the
 * language of the thread, and an id outside the program's own memory is
 * looked up again each time, whatever was there before. Exits with the
 * number of the first check that failed, 0 when all held, 77 when the
 * system has no Dutch locale. */
static int translations_child(const char *dir)
{
	if (i18n_init(dir))
		return 77;
	i18n_use(LANG_NL);
	if (strcmp(_("Save"), "Opslaan") || strcmp(_("Save"), "Opslaan"))  /* looked up, then kept */
		return 1;
	i18n_use(LANG_EN);
	if (strcmp(_("Save"), "Save"))
		return 2;
	i18n_use(LANG_NL);
	if (strcmp(_("Save"), "Opslaan"))
		return 3;
	char *id = malloc(16);  /* not of static storage: never kept */
	memcpy(id, "Save", 5);
	if (strcmp(i18n_text(id), "Opslaan"))
		return 4;
	memcpy(id, "Search", 7);
	if (strcmp(i18n_text(id), "Zoeken"))
		return 5;
	free(id);
	char local[16] = "Search";  /* nor on the stack */
	if (strcmp(i18n_text(local), "Zoeken"))
		return 6;
	memcpy(local, "Save", 5);
	if (strcmp(i18n_text(local), "Opslaan"))
		return 7;
	if (i18n_init(dir) || strcmp(_("Save"), "Opslaan"))  /* bound again: looked up again */
		return 8;
	return 0;
}

TEST(i18n_text_kept_per_language_and_only_for_static_ids)
{
	const char *dir = getenv("LEERGANG_LOCALEDIR");
	char mo[4096];
	snprintf(mo, sizeof(mo), "%s/nl/LC_MESSAGES/leergang.mo", dir ? dir : "build/locale");
	if (access(mo, R_OK)) {
		test_skip(SKIP_TOOL, "no compiled translations at %s (make builds them)", mo);
		return;
	}
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0)
		_exit(translations_child(dir ? dir : "build/locale"));
	int status = 0;
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status));
	if (WEXITSTATUS(status) == 77) {
		test_skip(SKIP_TOOL, "the system has no Dutch locale (nl_NL.UTF-8)");
		return;
	}
	CHECK_INT(WEXITSTATUS(status), 0);
}

TEST(utf8_caseless_prefix_of_names)
{
	/* the bytes of text it spans */
	CHECK_INT(utf8_caseless_prefix("JAN DE VRIES zei", "Jan de Vries"), 12);
	CHECK_INT(utf8_caseless_prefix("ANAÏS ÆRØ 李!", "Anaïs Ærø 李"), strlen("ANAÏS ÆRØ 李"));
	CHECK_INT(utf8_caseless_prefix("anaïs ærø", "Anaïs Ærø"), strlen("anaïs ærø"));
	CHECK_INT(utf8_caseless_prefix("ŁUKASZ ŻÓŁW", "Łukasz Żółw"), strlen("ŁUKASZ ŻÓŁW"));
	CHECK_INT(utf8_caseless_prefix("ĲSBRAND", "ĳsbrand"), strlen("ĲSBRAND"));
	CHECK_INT(utf8_caseless_prefix("ΣΩΚΡΑΤΗΣ", "σωκρατησ"), strlen("ΣΩΚΡΑΤΗΣ"));
	CHECK_INT(utf8_caseless_prefix("ИВАНОВА", "Иванова"), strlen("ИВАНОВА"));
	/* "YILMAZ" in capitals is "Yılmaz" (dotless i), "İ" a capital i */
	CHECK_INT(utf8_caseless_prefix("YILMAZ", "Yılmaz"), 6);
	CHECK_INT(utf8_caseless_prefix("İBRAHIM", "ibrahim"), strlen("İBRAHIM"));
	/* not the same letters: no prefix */
	CHECK_INT(utf8_caseless_prefix("Anais", "Anaïs"), 0);
	CHECK_INT(utf8_caseless_prefix("Jan", "Jan de Vries"), 0);
	CHECK_INT(utf8_caseless_prefix("", "x"), 0);
	CHECK_INT(utf8_caseless_prefix("a×b", "a÷b"), 0);
	/* bytes that are no UTF-8 are compared as they are, and end nothing early */
	CHECK_INT(utf8_caseless_prefix("\xc3(x", "\xc3(X"), 3);
	CHECK_INT(utf8_caseless_prefix("\xe2\x82", "\xe2\x82\xac"), 0);
}

TEST(utf8_prefix_counts_code_points_not_bytes)
{
	CHECK_INT(utf8_prefix("", 3), 0);
	CHECK_INT(utf8_prefix("abc", 0), 0);
	CHECK_INT(utf8_prefix("abc", 2), 2);
	CHECK_INT(utf8_prefix("abc", 9), 3);
	CHECK_INT(utf8_prefix("éé", 1), 2);          /* two bytes each */
	CHECK_INT(utf8_prefix("a€b", 2), 4);         /* € is three bytes */
	CHECK_INT(utf8_prefix("\xF0\x9F\x98\x80x", 1), 4);   /* four bytes */
	CHECK_INT(utf8_length("a€b€") , 4);
	CHECK_INT(utf8_prefix("a€b€", 4), strlen("a€b€"));
}
