/* test_pdf.c — the learning-story typesetter (src/formats/pdf.c). Each PDF
 * is read back with poppler's command-line tools, run through popen on a
 * temporary file: pdftotext for the words and where they sit on the page
 * (-bbox gives every word's box in points, origin at the top left, the
 * same frame as PDF_BODY_TOP and PDF_BODY_BOTTOM), pdfinfo for the page
 * count and the title. So the checks are on what a reader gets out of the
 * file, not on how we wrote it. Without poppler-utils only the frame of
 * the file is checked and the rest is reported as skipped.
 *
 * Expected strings are the inputs themselves after CommonMark's smart
 * punctuation (CMARK_OPT_SMART): "zo" -> “zo” (U+201C, U+201D), 't -> ’t
 * (U+2019), -- -> – (U+2013), --- -> — (U+2014). */
#include "test.h"
#include "formats/pdf.h"
#include "core/compiler.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

/* The suppression of tests/lsan.supp built into the test binary, so that
 * a bare run of the sanitizer build needs no LSAN_OPTIONS: fontconfig's
 * offset-encoded patterns, live in the font caches, look leaked to LSan. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

static bool have_tool(const char *name)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "command -v %s >/dev/null 2>&1", name);
	return system(cmd) == 0;
}

/* "%PDF-" at the start, "%%EOF" and nothing but whitespace at the end. */
static bool framed(const char *p, size_t len)
{
	if (len < 16 || memcmp(p, "%PDF-", 5) != 0)
		return false;
	while (len && (p[len - 1] == '\n' || p[len - 1] == '\r' || p[len - 1] == ' '))
		len--;
	return len >= 5 && memcmp(p + len - 5, "%%EOF", 5) == 0;
}

static bool has_bytes(const struct buf *b, const char *s)
{
	return memmem(b->ptr, b->len, s, strlen(s)) != NULL;
}

/* Pages as the file's page objects: "/Type /Page" but not "/Type /Pages". */
static int page_objects(const struct buf *b)
{
	int n = 0;
	const char *p = b->ptr, *end = b->ptr + b->len;
	while ((p = memmem(p, (size_t)(end - p), "/Type /Page", 11))) {
		p += 11;
		if (p == end || *p != 's')
			n++;
	}
	return n;
}

/* The output of "tool args FILE" with the PDF in a temporary file, as a
 * malloc'ed string; NULL when the tool could not be run. */
static char *run_tool(const struct buf *pdf, const char *tool, const char *args)
{
	char path[] = "/tmp/leergang-pdf-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	bool ok = write(fd, pdf->ptr, pdf->len) == (ssize_t)pdf->len;
	close(fd);
	struct buf out = BUF_INIT;
	if (ok) {
		char cmd[256];
		snprintf(cmd, sizeof(cmd), "%s %s '%s' - 2>/dev/null", tool, args, path);
		if (strcmp(tool, "pdfinfo") == 0)
			snprintf(cmd, sizeof(cmd), "pdfinfo '%s' 2>/dev/null", path);
		FILE *f = popen(cmd, "r");
		if (f) {
			char chunk[4096];
			size_t n;
			while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
				buf_add(&out, chunk, n);
			ok = pclose(f) == 0;
		} else {
			ok = false;
		}
	}
	unlink(path);
	if (!ok) {
		buf_release(&out);
		return NULL;
	}
	return buf_detach(&out, NULL);
}

static char *pdf_text(const struct buf *pdf)
{
	return run_tool(pdf, "pdftotext", "-enc UTF-8");
}

static int pdfinfo_pages(const struct buf *pdf)
{
	char *info = run_tool(pdf, "pdfinfo", "");
	const char *p = info ? strstr(info, "\nPages:") : NULL;
	int n = p ? atoi(p + 7) : -1;
	free(info);
	return n;
}

static void skipped(void)
{
	test_skip(SKIP_TOOL, "pdftotext is not installed: the PDF's text is not checked");
}

/* ---- 1. Dutch text, cover, footer ---- */

static const char dutch_md[] =
	"## Wat we deden\n"
	"\n"
	"Chloë en Anaïs waren érg enthousiast.\n"
	"\n"
	"De ĳsbreker werkte goed.\n"
	"\n"
	"Ze zei \"zo\" en 't klopte.\n"
	"\n"
	"Van maart -- april, en dan --- eindelijk.\n"
	"\n"
	"Een citaat: „Zo gaat dat“ en ‘zo’.\n"
	"\n"
	"1. Eerste punt\n"
	"2. Tweede punt\n"
	"   - genest onderdeel\n"
	"\n"
	"> Reflectie van de facilitator.\n"
	"\n"
	"```\n"
	"x = \"ruw\" -- blijft\n"
	"```\n"
	"\n"
	"Lees [het artikel](https://example.org/artikel) nog eens.\n";

static const struct pdf_section dutch_sections[] = {
	{ "Bijeenkomst 1 — 10 september 2026: Kennismaking", "Verslag door Marieke", dutch_md, NULL, NULL },
	{ "Bijeenkomst 2 — O'Brien & \"Zonen\" <i>", NULL, "Kort verslag.\n", NULL, NULL },
	{ NULL, "Zonder kop", "Alleen tekst.\n", NULL, NULL },
};

static struct pdf_doc dutch_doc(void)
{
	return (struct pdf_doc){
		.title = "Leerverhaal",
		.subtitle = "Leergroep 1",
		.cover_lines = { "Publiek Leiderschap 2026", "september 2026 – maart 2027", NULL },
		.footer = "Leerverhaal · Leergroep 1",
		.sections = dutch_sections,
		.n_sections = ARRAY_SIZE(dutch_sections),
	};
}

TEST(pdf_dutch_text_survives)
{
	struct pdf_doc d = dutch_doc();
	struct buf b = BUF_INIT;
	CHECK_INT(pdf_render(&b, &d), 0);
	CHECK(framed(b.ptr, b.len));
	if (!have_tool("pdftotext")) {
		skipped();
		buf_release(&b);
		return;
	}
	char *t = pdf_text(&b);
	CHECK(t != NULL);
	if (!t)
		t = calloc(1, 1);
	static const char *const want[] = {
		"Leerverhaal", "Leergroep 1", "Publiek Leiderschap 2026", "september 2026 – maart 2027",
		"Bijeenkomst 1 — 10 september 2026:", "Kennismaking",  /* the heading wraps */
		"Verslag door Marieke",
		"Wat we deden",
		"Chloë en Anaïs waren érg enthousiast.",
		"De ĳsbreker werkte goed.",
		"Ze zei “zo” en ’t klopte.",
		"Van maart – april, en dan — eindelijk.",
		"Een citaat: „Zo gaat dat“ en ‘zo’.",
		"Eerste punt", "Tweede punt", "genest onderdeel",
		"Reflectie van de facilitator.",
		"x = \"ruw\" -- blijft",  /* code stays as typed */
		"het artikel (https://example.org/artikel)",
		"Bijeenkomst 2 — O'Brien & \"Zonen\" <i>",  /* escaped, not read as markup */
		"Zonder kop", "Alleen tekst.",
		"Leerverhaal · Leergroep 1", "pagina 2",
	};
	for (size_t i = 0; i < ARRAY_SIZE(want); i++)
		if (!strstr(t, want[i]))
			test_fail(__FILE__, __LINE__, "text lacks \"%s\"", want[i]);
		else
			test_pass();
	CHECK(strstr(t, "pagina 1") == NULL);  /* the cover has no number */
	CHECK(strstr(t, "&amp;") == NULL && strstr(t, "&quot;") == NULL);
	free(t);

	char *info = run_tool(&b, "pdfinfo", "");
	CHECK(info && strstr(info, "Title:           Leerverhaal — Leergroep 1\n"));
	free(info);
	buf_release(&b);
}

TEST(pdf_page_word_and_append)
{
	struct pdf_doc d = dutch_doc();
	d.page_word = "page";
	struct buf b = BUF_INIT;
	buf_adds(&b, "abc");
	CHECK_INT(pdf_render(&b, &d), 0);
	CHECK(memcmp(b.ptr, "abc%PDF-", 8) == 0);  /* appended, not replaced */
	if (have_tool("pdftotext")) {
		struct buf pdf = BUF_INIT;
		buf_add(&pdf, b.ptr + 3, b.len - 3);
		char *t = pdf_text(&pdf);
		CHECK(t && strstr(t, "page 2") && !strstr(t, "pagina"));
		free(t);
		buf_release(&pdf);
	} else {
		skipped();
	}
	buf_release(&b);
}

/* ---- 2. hostile Markdown ---- */

TEST(pdf_hostile_markdown)
{
	static const char md[] =
		"Voor.\n"
		"\n"
		"<script>alert(1)</script>\n"
		"\n"
		"<img src=x onerror=alert(1)>\n"
		"\n"
		"Hier [klik](javascript:alert(1)) en [daar](JaVaScRiPt:alert(2)) en "
		"[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==).\n"
		"\n"
		"<b>raw</b> tekst\n"
		"\n"
		"<div onclick=\"x()\">blok</div>\n"
		"\n"
		"![plaatje](javascript:alert(3))\n"
		"\n"
		"Na.\n";
	struct pdf_section s = { "Bijeenkomst", NULL, md, NULL, NULL };
	struct pdf_doc d = { .title = "Leerverhaal", .footer = "Leergroep", .sections = &s, .n_sections = 1 };
	struct buf b = BUF_INIT;
	CHECK_INT(pdf_render(&b, &d), 0);
	CHECK(framed(b.ptr, b.len));
	/* no scripts, actions or links of any kind in the file */
	CHECK(!has_bytes(&b, "/JavaScript"));
	CHECK(!has_bytes(&b, "/JS"));
	CHECK(!has_bytes(&b, "/URI (javascript"));
	CHECK(!has_bytes(&b, "/URI"));
	CHECK(!has_bytes(&b, "/Launch"));
	CHECK(!has_bytes(&b, "/Annots"));
	if (!have_tool("pdftotext")) {
		skipped();
		buf_release(&b);
		return;
	}
	char *t = pdf_text(&b);
	CHECK(t != NULL);
	if (t) {
		static const char *const banned[] = { "script", "onerror", "javascript", "JaVaScRiPt",
						      "alert", "<b>", "onclick", "data:", "<div", "<img" };
		for (size_t i = 0; i < ARRAY_SIZE(banned); i++)
			if (strstr(t, banned[i]))
				test_fail(__FILE__, __LINE__, "text holds \"%s\"", banned[i]);
			else
				test_pass();
		CHECK(strstr(t, "Hier klik en daar en data."));  /* link texts stay, addresses go */
		CHECK(strstr(t, "raw tekst"));
		CHECK(strstr(t, "[plaatje]"));
		CHECK(strstr(t, "Voor.") && strstr(t, "Na."));
	}
	free(t);
	buf_release(&b);
}

/* ---- 3. pagination ---- */

#define PARAS 60
#define WORDS 80

/* Paragraph p is the words w<p>x01 ... w<p>x80: every word unique, so a
 * word lost at a page break is missed by name. */
static char *long_story(void)
{
	struct buf md = BUF_INIT;
	for (int p = 0; p < PARAS; p++) {
		if (p % 15 == 7)
			buf_adds(&md, "## Tussenkop\n\n");
		for (int w = 1; w <= WORDS; w++)
			buf_addf(&md, "w%02dx%02d%s", p, w, w < WORDS ? " " : "\n\n");
	}
	return buf_detach(&md, NULL);
}

struct word_box {
	char text[32];
	double y0, y1;
	int page;
};

/* The words of pdftotext -bbox output, with their page (1-based). */
static struct word_box *bbox_words(const char *html, size_t *n)
{
	size_t cap = 1024;
	struct word_box *v = malloc(cap * sizeof(*v));
	int page = 0;
	*n = 0;
	for (const char *l = html; l && *l; l = strchr(l, '\n'), l = l ? l + 1 : NULL) {
		while (*l == ' ')
			l++;
		if (strncmp(l, "<page ", 6) == 0) {
			page++;
			continue;
		}
		struct word_box w = { .page = page };
		double x0, x1;
		if (sscanf(l, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">%31[^<]",
			   &x0, &w.y0, &x1, &w.y1, w.text) != 5)
			continue;
		if (*n == cap)
			v = realloc(v, (cap *= 2) * sizeof(*v));
		v[(*n)++] = w;
	}
	return v;
}

static const struct word_box *find_word(const struct word_box *v, size_t n, const char *text)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].text, text) == 0)
			return &v[i];
	return NULL;
}

TEST(pdf_pagination_loses_nothing)
{
	char *md = long_story();
	struct pdf_section s = { "Bijeenkomst 5 — een lang verslag", "Verslag", md, NULL, NULL };
	struct pdf_doc d = { .title = "Leerverhaal", .subtitle = "Leergroep 2",
			     .footer = "Leerverhaal · Leergroep 2", .sections = &s, .n_sections = 1 };
	struct buf b = BUF_INIT;
	CHECK_INT(pdf_render(&b, &d), 0);
	CHECK(framed(b.ptr, b.len));
	int pages = page_objects(&b);
	CHECK(pages >= 8);  /* 4800 words at about 500 a page, plus the cover */
	if (!have_tool("pdftotext")) {
		skipped();
		buf_release(&b);
		free(md);
		return;
	}
	CHECK_INT(pdfinfo_pages(&b), pages);

	char *t = pdf_text(&b);
	CHECK(t != NULL);
	int missing = 0;
	char word[32];
	for (int p = 0; t && p < PARAS; p++)
		for (int w = 1; w <= WORDS; w++) {
			snprintf(word, sizeof(word), "w%02dx%02d", p, w);
			if (!strstr(t, word) && missing++ == 0)
				test_fail(__FILE__, __LINE__, "word %s lost", word);
		}
	CHECK_INT(missing, 0);
	char last_page[32];
	snprintf(last_page, sizeof(last_page), "pagina %d", pages);
	CHECK(t && strstr(t, "pagina 2") && strstr(t, last_page));
	free(t);

	/* every body word inside the body band, every footer word below it,
	 * and some paragraphs really split over two pages */
	char *html = run_tool(&b, "pdftotext", "-bbox");
	CHECK(html != NULL);
	size_t n = 0;
	struct word_box *v = bbox_words(html, &n);
	CHECK(n > PARAS * WORDS);
	int outside = 0, footer_words = 0, split = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i].page == 1)
			continue;
		if (strcmp(v[i].text, "pagina") == 0) {
			footer_words++;
			if (v[i].y0 <= PDF_BODY_BOTTOM)
				outside++;
		} else if (v[i].text[0] == 'w' && (v[i].y0 < PDF_BODY_TOP - 1 || v[i].y1 > PDF_BODY_BOTTOM + 1)) {
			if (outside++ == 0)
				test_fail(__FILE__, __LINE__, "%s at y %.1f–%.1f on page %d", v[i].text,
					  v[i].y0, v[i].y1, v[i].page);
		}
	}
	CHECK_INT(outside, 0);
	CHECK_INT(footer_words, pages - 1);
	for (int p = 0; p < PARAS; p++) {
		char first[32], last[32];
		snprintf(first, sizeof(first), "w%02dx01", p);
		snprintf(last, sizeof(last), "w%02dx%02d", p, WORDS);
		const struct word_box *a = find_word(v, n, first), *z = find_word(v, n, last);
		if (a && z && z->page == a->page + 1)
			split++;
	}
	CHECK(split >= 3);
	free(v);
	free(html);
	buf_release(&b);
	free(md);
}

/* ---- 4. threads ---- */

struct job {
	struct buf out;
	int rc;
};

static void *render_job(void *arg)
{
	struct job *j = arg;
	struct pdf_doc d = dutch_doc();
	j->rc = pdf_render(&j->out, &d);
	return NULL;
}

TEST(pdf_threads)
{
	enum { T = 4 };
	pthread_t th[T];
	struct job jobs[T];
	for (int i = 0; i < T; i++) {
		jobs[i] = (struct job){ BUF_INIT, -2 };
		CHECK_INT(pthread_create(&th[i], NULL, render_job, &jobs[i]), 0);
	}
	for (int i = 0; i < T; i++)
		pthread_join(th[i], NULL);
	for (int i = 0; i < T; i++) {
		CHECK_INT(jobs[i].rc, 0);
		CHECK(jobs[i].out.len > 5 && memcmp(jobs[i].out.ptr, "%PDF-", 5) == 0);
		CHECK(framed(jobs[i].out.ptr, jobs[i].out.len));
		CHECK_INT(page_objects(&jobs[i].out), page_objects(&jobs[0].out));
	}
	for (int i = 0; i < T; i++)
		buf_release(&jobs[i].out);
}

/* ---- odd input ---- */

TEST(pdf_odd_input)
{
	/* nothing at all: a cover only */
	struct pdf_doc empty = { 0 };
	struct buf b = BUF_INIT;
	CHECK_INT(pdf_render(&b, &empty), 0);
	CHECK(framed(b.ptr, b.len));
	CHECK_INT(page_objects(&b), 1);
	buf_release(&b);

	/* broken UTF-8, control characters, deep nesting, a word wider than
	 * the page, a number larger than any list needs, empty items */
	struct buf deep = BUF_INIT;
	for (int i = 0; i < 200; i++)
		buf_adds(&deep, "> ");
	buf_adds(&deep, "diep citaat\n\n");
	for (int i = 0; i < 120; i++) {
		for (int j = 0; j < i; j++)
			buf_adds(&deep, "  ");
		buf_adds(&deep, "- lijst\n");
	}
	buf_adds(&deep, "\n999999999. groot\n\n-\n- \n\n");
	for (int i = 0; i < 3000; i++)
		buf_addch(&deep, 'a' + i % 26);
	buf_adds(&deep, "\n\nkapot \xff\xfe\xc3 en \x01\x1b[31m rood\n");
	struct pdf_section s[] = {
		{ NULL, NULL, NULL, NULL, NULL },
		{ "kop \xff\x01", "\x1b[0m", deep.ptr, NULL, NULL },
		{ "", "", "", NULL, NULL },
	};
	struct pdf_doc d = { .title = "\xc3", .subtitle = "", .cover_lines = { "\x7f", NULL },
			     .footer = "voet\nnoot\t!", .sections = s, .n_sections = 3 };
	CHECK_INT(pdf_render(&b, &d), 0);
	CHECK(framed(b.ptr, b.len));
	if (have_tool("pdftotext")) {
		char *t = pdf_text(&b);
		CHECK(t && strstr(t, "diep citaat") && strstr(t, "999999999.") && strstr(t, "voet noot !"));
		CHECK(t && strstr(t, "abcdefghij") && strstr(t, "rood"));
		free(t);
	} else {
		skipped();
	}
	buf_release(&b);
	buf_release(&deep);
}

/* ---- 7. characters no installed font has ---- */

/* An emoji that the DejaVu fonts lack (U+1F44D, thumbs up) is left out, not
 * drawn as pango's box with its hexadecimal code; one they have (U+2764,
 * heavy black heart) stays. Holds with the fonts of scripts/install-deps;
 * with a colour emoji font installed the first would be drawn instead. */
TEST(pdf_no_box_for_missing_glyphs)
{
	struct pdf_section s = { "Kop \xf0\x9f\x91\x8d", NULL, "Top \xf0\x9f\x91\x8d dag \xe2\x9d\xa4 einde.\n", NULL, NULL };
	struct pdf_doc d = { .title = "Leerverhaal", .footer = "Leergroep", .sections = &s, .n_sections = 1 };
	struct buf b = BUF_INIT;
	CHECK_INT(pdf_render(&b, &d), 0);
	CHECK(framed(b.ptr, b.len));
	if (!have_tool("pdftotext")) {
		skipped();
		buf_release(&b);
		return;
	}
	char *t = pdf_text(&b);
	CHECK(t != NULL);
	if (t) {
		CHECK(strstr(t, "Top") && strstr(t, "dag") && strstr(t, "einde."));
		CHECK(strstr(t, "\xe2\x9d\xa4") != NULL);      /* the heart is drawn */
		CHECK(strstr(t, "\xf0\x9f\x91\x8d") == NULL);  /* the thumb is not there */
		/* nor its box: pango draws the code in two rows, "01F" over "44D" */
		CHECK(strstr(t, "01F") == NULL && strstr(t, "44D") == NULL);
		free(t);
	}
	buf_release(&b);
}

/* ---- tables and charts (the accounting of a level) ---- */

TEST(pdf_table_and_chart)
{
	static const char *const cells[] = { "Deelnemers", "Aantal", "Aangemeld", "117", "Gestopt: ziekte", "5",
					     "O'Brien & \"Zonen\" <b>", "12" };
	struct pdf_table t = { cells, 2, 4 };
	static const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 100\">"
				  "<rect x=\"0\" y=\"0\" width=\"200\" height=\"50\" fill=\"#1f3a5f\"></rect>"
				  "<text x=\"10\" y=\"80\" font-size=\"20\">Gemiddelde 3,1</text></svg>";
	struct pdf_section s[] = {
		{ "Aanmeldingen", NULL, "Tekst boven de tabel.\n", svg, &t },
		{ "Kapot", NULL, NULL, "<svg><rect", NULL },  /* an SVG librsvg cannot read is left out */
	};
	struct pdf_doc d = { .title = "Verantwoording", .subtitle = "LiVe!", .sections = s, .n_sections = 2 };
	struct buf b = BUF_INIT;
	CHECK_INT(pdf_render(&b, &d), 0);
	CHECK(framed(b.ptr, b.len));
	if (!have_tool("pdftotext")) {
		skipped();
		buf_release(&b);
		return;
	}
	char *text = run_tool(&b, "pdftotext", "-layout -enc UTF-8");
	CHECK(text != NULL);
	if (text) {
		CHECK(strstr(text, "Tekst boven de tabel.") != NULL);
		CHECK(strstr(text, "Gemiddelde 3,1") != NULL);  /* the chart's own text, drawn */
		/* a row stays on its line: label left, number right */
		const char *row = strstr(text, "Gestopt: ziekte");
		CHECK(row && strchr(row, '\n') > strstr(row, "5"));
		CHECK(strstr(text, "O'Brien & \"Zonen\" <b>") != NULL);
		CHECK(strstr(text, "Kapot") != NULL);
	}
	free(text);
	buf_release(&b);
}

/* A table longer than a page: every page that holds one of its rows
 * starts them under the table's header again (fails when the header is
 * drawn on the first page only). */
TEST(pdf_long_table_repeats_its_header)
{
	enum { ROWS = 150 };
	static char text[ROWS + 1][2][16];
	const char *cells[(ROWS + 1) * 2];
	snprintf(text[0][0], sizeof(text[0][0]), "Kolomkop");
	snprintf(text[0][1], sizeof(text[0][1]), "Aantal");
	for (int r = 1; r <= ROWS; r++) {
		snprintf(text[r][0], sizeof(text[r][0]), "rij%03d", r);
		snprintf(text[r][1], sizeof(text[r][1]), "%d", r);
	}
	for (int r = 0; r <= ROWS; r++)
		for (int c = 0; c < 2; c++)
			cells[r * 2 + c] = text[r][c];
	struct pdf_table t = { cells, 2, ROWS + 1 };
	struct pdf_section s = { "Lange tabel", NULL, NULL, NULL, &t };
	struct pdf_doc d = { .title = "Verantwoording", .sections = &s, .n_sections = 1 };
	struct buf b = BUF_INIT;
	CHECK_INT(pdf_render(&b, &d), 0);
	CHECK(framed(b.ptr, b.len));
	if (!have_tool("pdftotext")) {
		skipped();
		buf_release(&b);
		return;
	}
	char *html = run_tool(&b, "pdftotext", "-bbox");
	CHECK(html != NULL);
	size_t n = 0;
	struct word_box *v = bbox_words(html, &n);
	int pages_with_rows = 0, pages_with_head = 0, last = 0;
	double head_y[64] = { 0 }, first_row_y[64] = { 0 };
	for (size_t i = 0; i < n; i++) {
		int p = v[i].page;
		if (p <= 0 || p >= 64)
			continue;
		if (strcmp(v[i].text, "Kolomkop") == 0 && !head_y[p]) {
			head_y[p] = v[i].y0;
			pages_with_head++;
		}
		if (strncmp(v[i].text, "rij", 3) == 0 && !first_row_y[p]) {
			first_row_y[p] = v[i].y0;
			pages_with_rows++;
			last = p;
		}
	}
	CHECK(pages_with_rows >= 3);  /* 150 rows do not fit on two pages */
	CHECK_INT(pages_with_head, pages_with_rows);
	for (int p = 1; p <= last; p++)
		if (first_row_y[p])
			CHECK(head_y[p] > 0 && head_y[p] < first_row_y[p]);
	free(v);
	free(html);
	buf_release(&b);
}
