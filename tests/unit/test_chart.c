/* test_chart.c — the SVG charts of src/html/chart.c that draw their own
 * table: each must be well-formed XML (so the browser reads it as the
 * chart we meant), escape every label, leave hidden values out of both
 * the picture and the table, and put the numbers it was given in the
 * table. A sample of each is written to build/check/chart-*.svg (and the
 * whole figure to chart-*.html) for a person to look at. */
#include "test.h"
#include "core/i18n.h"
#include "html/chart.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SVG_NS "http://www.w3.org/2000/svg"
#define HOSTILE "Jan <script>alert(1)</script> & \"Zonen\""

/* The output wrapped in one root element and parsed strictly; NULL when it
 * is not well-formed. */
static xmlDocPtr parse(const char *out)
{
	size_t n = strlen(out);
	char *wrapped = malloc(n + 32);
	int len = snprintf(wrapped, n + 32, "<root>%s</root>", out);
	xmlDocPtr d = xmlReadMemory(wrapped, len, "chart.xml", "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	free(wrapped);
	return d;
}

static xmlXPathObjectPtr query(xmlDocPtr d, const char *xpath)
{
	xmlXPathContextPtr c = xmlXPathNewContext(d);
	xmlXPathRegisterNs(c, BAD_CAST "s", BAD_CAST SVG_NS);
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST xpath, c);
	xmlXPathFreeContext(c);
	return o;
}

/* The value of an XPath expression as a number (count(...)) */
static double number(xmlDocPtr d, const char *xpath)
{
	xmlXPathObjectPtr o = query(d, xpath);
	double v = o ? xmlXPathCastToNumber(o) : NAN;
	xmlXPathFreeObject(o);
	return v;
}

/* ... and as a string, in a static buffer */
static const char *string(xmlDocPtr d, const char *xpath)
{
	static char s[1024];
	xmlXPathObjectPtr o = query(d, xpath);
	xmlChar *v = o ? xmlXPathCastToString(o) : NULL;
	snprintf(s, sizeof(s), "%s", v ? (const char *)v : "");
	xmlFree(v);
	xmlXPathFreeObject(o);
	return s;
}

/* What every chart must be: one figure with a caption, an SVG (role img,
 * title and desc it points at) and a table with a caption whose every th
 * has a scope, ids unique. */
static void check_figure(xmlDocPtr d, const char *table_id)
{
	CHECK_INT(number(d, "count(/root/figure)"), 1);
	CHECK_INT(number(d, "count(/root/figure/figcaption)"), 1);
	CHECK_INT(number(d, "count(/root/figure/s:svg[@role='img'])"), 1);
	CHECK_INT(number(d, "count(/root/figure/s:svg/s:title[@id=../@aria-labelledby])"), 1);
	CHECK_INT(number(d, "count(/root/figure/s:svg/s:desc[@id=../@aria-describedby])"), 1);
	CHECK(strstr(string(d, "/root/figure/s:svg/s:desc"), "table below") != NULL);
	char xp[128];
	snprintf(xp, sizeof(xp), "count(/root/figure/table[@id='%s']/caption)", table_id);
	CHECK_INT(number(d, xp), 1);
	CHECK(number(d, "count(//th)") > 0);
	CHECK_INT(number(d, "count(//th[not(@scope)])"), 0);
	CHECK_INT(number(d, "count(//@id[. = following::*/@id])"), 0);
	/* every font at least 12 */
	CHECK_INT(number(d, "count(//s:text[number(@font-size) < 12])"), 0);
}

/* Writes the chart for a person to look at: its SVG alone and the figure
 * in a page with the stylesheet; missing directories just skip it. */
static void sample(const char *name, const char *out)
{
	mkdir("build", 0755);
	mkdir("build/check", 0755);
	char path[256];
	const char *from = strstr(out, "<svg"), *to = strstr(out, "</svg>");
	snprintf(path, sizeof(path), "build/check/chart-%s.svg", name);
	FILE *f = from && to ? fopen(path, "w") : NULL;
	if (f) {
		fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n%.*s</svg>\n", (int)(to - from), from);
		fclose(f);
	}
	snprintf(path, sizeof(path), "build/check/chart-%s.html", name);
	f = fopen(path, "w");
	if (f) {
		fprintf(f, "<!doctype html><html lang=\"nl\"><meta charset=\"utf-8\"><title>%s</title>"
			   "<link rel=\"stylesheet\" href=\"leergang.css\"><main>%s</main></html>\n", name, out);
		fclose(f);
	}
}

static struct chart_cell cell(double mean, double sd, size_t n)
{
	return (struct chart_cell){ mean, sd, n, false };
}

static const struct chart_cell HIDDEN = { 4.7, 0.8, 3, true };   /* 4,7 must appear nowhere */

TEST(chart_means_draws_and_tabulates_the_means)
{
	i18n_use(LANG_NL);
	struct arena a = ARENA_INIT;
	struct buf b = BUF_INIT;
	const char *labels[] = { "a) De bijeenkomsten sloten aan bij mijn leervraag", HOSTILE, "c", "d" };
	struct chart_cell w1[] = { cell(3.42, 0.91, 12), HIDDEN, cell(NAN, NAN, 0), cell(2.0, NAN, 7) };
	struct chart_series one[] = { { "Meting 1", w1 } };
	chart_means(&b, &a, "Gemiddelden <per> vraag", _("Question"), labels, 4, one, 1, 1, 5,
		    "Minder dan 5 antwoorden: niet getoond.", "means-1");
	xmlDocPtr d = parse(b.ptr);
	CHECK(d != NULL);
	if (d) {
		check_figure(d, "means-1");
		/* escaped, and back as the very text passed in */
		CHECK(strstr(b.ptr, "<script>") == NULL);
		CHECK_STR(string(d, "//table/tbody/tr[2]/th"), HOSTILE);
		CHECK_STR(string(d, "/root/figure/figcaption"), "Gemiddelden <per> vraag");
		/* the numbers, Dutch style, one decimal */
		CHECK_STR(string(d, "//table/tbody/tr[1]/td[1]"), "3,4");
		CHECK_STR(string(d, "//table/tbody/tr[1]/td[2]"), "0,9");
		CHECK_STR(string(d, "//table/tbody/tr[1]/td[3]"), "12");
		CHECK_STR(string(d, "//table/tbody/tr[4]/td[1]"), "2,0");
		/* hidden: not drawn, not in the table, and the table says why */
		CHECK(strstr(b.ptr, "4,7") == NULL && strstr(b.ptr, "0,8") == NULL);
		CHECK_STR(string(d, "//table/tbody/tr[2]/td[@class='hidden']"), "not shown");
		CHECK_INT(number(d, "count(//table/tbody/tr[2]/td)"), 1);
		CHECK_STR(string(d, "//table/tfoot/tr/td"), "Minder dan 5 antwoorden: niet getoond.");
		/* NaN: "—" in the table, nothing drawn */
		CHECK_STR(string(d, "//table/tbody/tr[3]/td[1]"), "—");
		CHECK_STR(string(d, "//table/tbody/tr[3]/td[2]"), "—");
		/* dots for rows 1 and 4 only; a whisker with caps for row 1 only */
		CHECK_INT(number(d, "count(//s:circle[@fill='#1f4e9c'])"), 2);
		CHECK_INT(number(d, "count(//s:line[@stroke='#1f4e9c'])"), 3);
		xmlFreeDoc(d);
	}
	sample("means-one", b.ptr);
	buf_release(&b);
	arena_free(&a);
}

TEST(chart_means_compares_two_series_with_a_legend)
{
	i18n_use(LANG_NL);
	struct arena a = ARENA_INIT;
	struct buf b = BUF_INIT;
	const char *labels[] = { "Verbinden", "Sturen", "Ontwikkelen", "Reflecteren", "Samenwerken" };
	struct chart_cell own[] = { cell(3.8, 0.7, 24), cell(3.1, 1.1, 24), cell(4.2, 0.5, 24), cell(2.6, 1.4, 23),
				    cell(3.5, 0.9, 24) };
	struct chart_cell bench[] = { cell(3.5, 0.8, 310), cell(3.4, 0.9, 310), cell(3.9, 0.7, 308), cell(3.0, 1.0, 305),
				      HIDDEN };
	struct chart_series two[] = { { "Eigen organisatie", own }, { "Benchmark & \"anderen\"", bench } };
	chart_means(&b, &a, "Schaalgemiddelden", "Schaal", labels, 5, two, 2, 1, 5, NULL, "means-2");
	xmlDocPtr d = parse(b.ptr);
	CHECK(d != NULL);
	if (d) {
		check_figure(d, "means-2");
		CHECK_STR(string(d, "//thead/tr[1]/th[@scope='colgroup'][2]"), "Benchmark & \"anderen\"");
		CHECK_STR(string(d, "//tbody/tr[3]/td[4]"), "3,9");
		CHECK_STR(string(d, "//tbody/tr[3]/td[6]"), "308");
		CHECK_STR(string(d, "//tbody/tr[5]/td[4]"), "not shown");
		/* the general note when the caller gives none */
		CHECK(strlen(string(d, "//tfoot/tr/td")) > 20);
		/* the legend names both series */
		CHECK_INT(number(d, "count(//s:text[. = 'Eigen organisatie'])"), 1);
		CHECK_INT(number(d, "count(//s:text[. = 'Benchmark & \"anderen\"'])"), 1);
		/* one square per shown mean of the second series, and one in the legend */
		CHECK_INT(number(d, "count(//s:rect[@fill='#b34700'])"), 4 + 1);
		xmlFreeDoc(d);
	}
	sample("means-two", b.ptr);
	/* a scale that is no scale draws nothing */
	buf_reset(&b);
	chart_means(&b, &a, "x", "x", labels, 5, two, 2, 5, 5, NULL, "bad");
	chart_means(&b, &a, "x", "x", labels, 5, two, 2, NAN, 5, NULL, "bad");
	chart_means(&b, &a, "x", "x", labels, 0, two, 2, 1, 5, NULL, "bad");
	CHECK_INT(b.len, 0);
	/* English numbers */
	i18n_use(LANG_EN);
	chart_means(&b, &a, "x", "x", labels, 5, two, 2, 1, 5, NULL, "en");
	i18n_use(LANG_NL);
	CHECK(strstr(b.ptr, "<td>3.9</td>") != NULL && strstr(b.ptr, "3,9") == NULL);
	buf_release(&b);
	arena_free(&a);
}

static double channel(int v)
{
	double c = v / 255.0;
	return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double contrast(const char *x, const char *y)
{
	unsigned r1, g1, b1, r2, g2, b2;
	if (sscanf(x, "#%02x%02x%02x", &r1, &g1, &b1) != 3 || sscanf(y, "#%02x%02x%02x", &r2, &g2, &b2) != 3)
		return 0;
	double l1 = 0.2126 * channel((int)r1) + 0.7152 * channel((int)g1) + 0.0722 * channel((int)b1);
	double l2 = 0.2126 * channel((int)r2) + 0.7152 * channel((int)g2) + 0.0722 * channel((int)b2);
	return l1 > l2 ? (l1 + 0.05) / (l2 + 0.05) : (l2 + 0.05) / (l1 + 0.05);
}

TEST(chart_heatmap_shows_numbers_and_hides_small_groups)
{
	i18n_use(LANG_NL);
	struct arena a = ARENA_INIT;
	struct buf b = BUF_INIT;
	const char *cols[] = { "Leerklimaat", "Feedback geven & ontvangen", "Eigenaarschap <ruimte>", "Fouten maken mag",
			       "Tijd voor leren" };
	struct chart_cell r1[] = { cell(1.0, 0, 9), cell(1.8, 0, 9), cell(2.6, 0, 9), cell(3.4, 0, 9), cell(4.2, 0, 9) };
	struct chart_cell r2[] = { cell(5.0, 0, 12), cell(4.6, 0, 12), cell(NAN, NAN, 0), cell(2.9, 0, 12), cell(3.3, 0, 12) };
	struct chart_cell r3[] = { HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN };
	struct chart_cell r4[] = { cell(3.1, 0, 6), cell(3.7, 0, 6), cell(2.2, 0, 6), cell(3.95, 0, 6), cell(4.4, 0, 6) };
	struct chart_heat_row rows[] = {
		{ "Team Noord", 9, false, r1 },
		{ HOSTILE, 12, false, r2 },
		{ "Team Klein", 3, true, r3 },
		{ "Afdeling Dienstverlening en Bedrijfsvoering Oost", 6, false, r4 },
	};
	chart_heatmap(&b, &a, "Gemiddelde per team", _("Group"), cols, 5, rows, 4, 1, 5,
		      "Groepen met minder dan 5 antwoorden worden niet getoond.", "heat-1");
	xmlDocPtr d = parse(b.ptr);
	CHECK(d != NULL);
	if (d) {
		check_figure(d, "heat-1");
		CHECK(strstr(b.ptr, "<script>") == NULL);
		CHECK_STR(string(d, "//tbody/tr[2]/th"), HOSTILE);
		CHECK_STR(string(d, "//thead/tr/th[5]"), "Eigenaarschap <ruimte>");
		/* n per row, and the means as given */
		CHECK_STR(string(d, "//tbody/tr[1]/td[1]"), "9");
		CHECK_STR(string(d, "//tbody/tr[1]/td[2]"), "1,0");
		CHECK_STR(string(d, "//tbody/tr[1]/td[6]"), "4,2");
		CHECK_STR(string(d, "//tbody/tr[4]/td[5]"), "4,0");   /* 3.95 rounded */
		CHECK_STR(string(d, "//tbody/tr[2]/td[4]"), "—");
		/* the hidden row: no number anywhere, "not shown" in the table and why */
		CHECK(strstr(b.ptr, "4,7") == NULL);
		CHECK_INT(number(d, "count(//tbody/tr[3]/td[@class='hidden' and . = 'not shown'])"), 6);
		CHECK_INT(number(d, "count(//tbody/tr[3]/td[not(@class='hidden')])"), 0);
		CHECK_STR(string(d, "//tfoot/tr/td"), "Groepen met minder dan 5 antwoorden worden niet getoond.");
		/* ... drawn hatched with "–" (5 cells, and the legend's swatch), the n as "–" */
		CHECK_INT(number(d, "count(//s:rect[contains(@fill, '-hatch)')])"), 5 + 1);
		CHECK_INT(number(d, "count(//s:text[. = '–'])"), 5 + 1);
		/* each shown mean is written in its cell, legible on its shade */
		CHECK_INT(number(d, "count(//s:g[s:rect and s:text])"), 5 + 4 + 5);
		xmlXPathObjectPtr o = query(d, "//s:g[s:rect and s:text]");
		int poor = 0, cells = 0;
		for (int i = 0; o && o->nodesetval && i < o->nodesetval->nodeNr; i++) {
			xmlNodePtr g = o->nodesetval->nodeTab[i], r = NULL, t = NULL;
			for (xmlNodePtr c = g->children; c; c = c->next)
				if (c->type == XML_ELEMENT_NODE)
					*(!strcmp((const char *)c->name, "rect") ? &r : &t) = c;
			xmlChar *bg = r ? xmlGetProp(r, BAD_CAST "fill") : NULL, *fg = t ? xmlGetProp(t, BAD_CAST "fill") : NULL;
			cells++;
			if (!bg || !fg || contrast((const char *)bg, (const char *)fg) < 4.5)
				poor++;
			xmlFree(bg);
			xmlFree(fg);
		}
		xmlXPathFreeObject(o);
		CHECK_INT(cells, 14);
		CHECK_INT(poor, 0);
		/* colour follows the value: 1 lightest, 5 darkest */
		CHECK_STR(string(d, "//s:g[s:text = '1,0']/s:rect/@fill"), "#eff3ff");
		CHECK_STR(string(d, "//s:g[s:text = '5,0']/s:rect/@fill"), "#08519c");
		xmlFreeDoc(d);
	}
	sample("heatmap", b.ptr);
	buf_release(&b);
	arena_free(&a);
}

TEST(chart_radar_leaves_a_gap_for_a_hidden_dimension)
{
	i18n_use(LANG_NL);
	struct arena a = ARENA_INIT;
	struct buf b = BUF_INIT;
	const char *dims[] = { "Visie", "Verbinden", "Ontwikkelen", HOSTILE, "Resultaatgericht werken" };
	struct chart_cell self[] = { cell(4.2, NAN, 1), cell(3.8, NAN, 1), cell(4.5, NAN, 1), cell(3.0, NAN, 1), cell(4.0, NAN, 1) };
	struct chart_cell manager[] = { cell(3.6, NAN, 1), cell(4.0, NAN, 1), cell(3.5, NAN, 1), cell(2.8, NAN, 1),
					cell(4.4, NAN, 1) };
	struct chart_cell others[] = { cell(3.4, 0.6, 5), cell(3.3, 0.7, 5), { 3.9, NAN, 2, true }, cell(2.5, 0.9, 5),
				       cell(3.7, 0.4, 5) };
	struct chart_series series[] = { { "Zelf", self }, { "Leidinggevende", manager }, { "Anderen", others } };
	chart_radar(&b, &a, "360°-feedback", dims, 5, series, 3, 1, 5, NULL, "radar-1");
	xmlDocPtr d = parse(b.ptr);
	CHECK(d != NULL);
	if (d) {
		check_figure(d, "radar-1");
		CHECK(strstr(b.ptr, "<script>") == NULL);
		CHECK_STR(string(d, "//tbody/tr[4]/th"), HOSTILE);
		CHECK_STR(string(d, "//tbody/tr[1]/td[1]"), "4,2");
		CHECK_STR(string(d, "//tbody/tr[5]/td[3]"), "4,4");
		CHECK_STR(string(d, "//tbody/tr[2]/td[6]"), "5");
		/* the hidden mean is in neither the chart nor the table */
		CHECK(strstr(b.ptr, "3,9") == NULL);
		CHECK_STR(string(d, "//tbody/tr[3]/td[5]"), "not shown");
		/* whole series are closed polygons */
		CHECK_INT(number(d, "count(//s:g[s:title = 'Zelf']/s:polygon[@stroke])"), 1);
		CHECK_INT(number(d, "count(//s:g[s:title = 'Leidinggevende']/s:polygon[@stroke])"), 1);
		/* "others": 4 points, not 5 (no 0 and no centre for the gap), and
		 * only the 3 sides that do not touch it */
		CHECK_INT(number(d, "count(//s:g[s:title = 'Anderen']/s:polygon[@stroke])"), 0);
		CHECK_INT(number(d, "count(//s:g[s:title = 'Anderen']/s:line)"), 3);
		CHECK_INT(number(d, "count(//s:g[s:title = 'Anderen']/*[self::s:circle or self::s:rect or self::s:polygon])"), 4);
		/* and the dimension's label says for whom it is not shown */
		CHECK_INT(number(d, "count(//s:text[. = 'not shown: Anderen'])"), 1);
		xmlFreeDoc(d);
	}
	sample("radar", b.ptr);
	/* NaN is a gap too; fewer than 3 dimensions is no radar */
	buf_reset(&b);
	self[0].mean = NAN;
	chart_radar(&b, &a, "x", dims, 5, series, 1, 1, 5, NULL, "radar-2");
	d = parse(b.ptr);
	CHECK(d != NULL);
	if (d) {
		CHECK_INT(number(d, "count(//s:g[s:title = 'Zelf']/s:circle)"), 4);
		CHECK_INT(number(d, "count(//s:g[s:title = 'Zelf']/s:line)"), 3);
		CHECK_STR(string(d, "//tbody/tr[1]/td[1]"), "—");
		CHECK_INT(number(d, "count(//tfoot)"), 0);   /* nothing hidden: no note */
		xmlFreeDoc(d);
	}
	buf_reset(&b);
	chart_radar(&b, &a, "x", dims, 2, series, 1, 1, 5, NULL, "radar-3");
	CHECK_INT(b.len, 0);
	buf_release(&b);
	arena_free(&a);
}

TEST(chart_timeline_counts_up_to_the_invited)
{
	i18n_use(LANG_NL);
	struct arena a = ARENA_INIT;
	struct buf b = BUF_INIT;
	struct chart_period weeks[] = {
		{ "week 10", 5, false }, { "week 11", 12, false }, { "week 12", 0, false }, { "week <13>", 3, false },
		{ "week 14", 0, true },
	};
	chart_timeline(&b, &a, "Respons per week", weeks, 5, CHART_WEEKS, 40, "3 maart 2025", "6 april 2025", "resp-1");
	xmlDocPtr d = parse(b.ptr);
	CHECK(d != NULL);
	if (d) {
		check_figure(d, "resp-1");
		CHECK_STR(string(d, "//thead/tr/th[1]"), "Week");
		CHECK_INT(number(d, "count(//tbody/tr)"), 4);   /* not the week to come */
		CHECK_STR(string(d, "//tbody/tr[4]/th"), "week <13>");
		CHECK_STR(string(d, "//tbody/tr[1]/td[1]"), "5");
		CHECK_STR(string(d, "//tbody/tr[2]/td[2]"), "17");
		CHECK_STR(string(d, "//tbody/tr[4]/td[2]"), "20");
		CHECK_STR(string(d, "//tbody/tr[1]/td[3]"), "12,5%");
		CHECK_STR(string(d, "//tbody/tr[4]/td[3]"), "50,0%");
		CHECK_STR(string(d, "//tfoot/tr/td"), "40");
		/* from 0 at the opening to the end of each known week */
		const char *pts = string(d, "//s:polyline/@points");
		int spaces = 0;
		for (const char *p = pts; *p; p++)
			spaces += *p == ' ';
		CHECK_INT(spaces + 1, 1 + 4);
		CHECK_INT(number(d, "count(//s:text[. = 'Opens 3 maart 2025'])"), 1);
		CHECK_INT(number(d, "count(//s:text[. = '20 (50,0%)'])"), 1);
		xmlFreeDoc(d);
	}
	sample("timeline-weeks", b.ptr);
	/* days, nobody invited yet: no share, no line for the invited */
	buf_reset(&b);
	struct chart_period days[21];
	char labels[21][16];
	for (int k = 0; k < 21; k++) {
		snprintf(labels[k], sizeof(labels[k]), "%d mrt", k + 3);
		days[k] = (struct chart_period){ labels[k], (size_t)(k < 3 ? 6 - k : k % 4 == 0), k >= 16 };
	}
	chart_timeline(&b, &a, "Respons per dag", days, 21, CHART_DAYS, 0, "3 maart 2025", "23 maart 2025", "resp-2");
	d = parse(b.ptr);
	CHECK(d != NULL);
	if (d) {
		check_figure(d, "resp-2");
		CHECK_STR(string(d, "//thead/tr/th[1]"), "Day");
		CHECK_INT(number(d, "count(//tbody/tr)"), 16);
		CHECK_STR(string(d, "//tbody/tr[1]/td[3]"), "—");
		CHECK_STR(string(d, "//tbody/tr[16]/td[2]"), "18");
		xmlFreeDoc(d);
	}
	buf_reset(&b);
	/* the same with invited, for a person to look at */
	chart_timeline(&b, &a, "Respons per dag", days, 21, CHART_DAYS, 30, "3 maart 2025", "23 maart 2025", "resp-3");
	sample("timeline-days", b.ptr);
	CHECK(b.len > 0);
	buf_reset(&b);
	chart_timeline(&b, &a, "x", days, 0, CHART_DAYS, 30, "", "", "resp-4");
	CHECK_INT(b.len, 0);
	buf_release(&b);
	arena_free(&a);
}

/* The width a text of n characters takes at 12 px, as the charts reckon
 * it (0.62 em a character: wider than the average of DejaVu Sans). */
static double width12(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return (double)n * 12 * 0.62;
}

TEST(chart_legends_and_headings_leave_room_for_their_words)
{
	i18n_use(LANG_NL);
	struct arena a = ARENA_INIT;
	struct buf b = BUF_INIT;
	/* a Likert legend of long labels: each label ends before the next
	 * swatch on its row, and no row runs out of the picture */
	const char *points[] = { "helemaal oneens", "oneens", "neutraal", "eens", "helemaal eens" };
	struct chart_likert_row rows[] = { { "a", { 1, 2, 3, 4, 5 } }, { "b", { 5, 4, 3, 2, 1 } } };
	chart_likert(&b, &a, "Verdeling", rows, 2, 5, points, "likert");
	xmlDocPtr d = parse(b.ptr);
	CHECK(d != NULL);
	if (d) {
		double view_w = 0;
		CHECK(sscanf(string(d, "//s:svg/@viewBox"), "0 0 %lf", &view_w) == 1);
		CHECK_INT(number(d, "count(//s:rect[@width='12'][@height='12'])"), 5);
		for (int k = 1; k <= 5; k++) {
			char xp[96];
			snprintf(xp, sizeof(xp), "number((//s:rect[@width='12'][@height='12'])[%d]/@x)", k);
			double x = number(d, xp);
			snprintf(xp, sizeof(xp), "number((//s:rect[@width='12'][@height='12'])[%d]/@y)", k);
			double y = number(d, xp);
			double end = x + 18 + width12(arena_printf(&a, "%d %s", k, points[k - 1]));
			CHECK(end <= view_w);
			if (k < 5) {
				snprintf(xp, sizeof(xp), "number((//s:rect[@width='12'][@height='12'])[%d]/@x)", k + 1);
				double nx = number(d, xp);
				snprintf(xp, sizeof(xp), "number((//s:rect[@width='12'][@height='12'])[%d]/@y)", k + 1);
				if (number(d, xp) == y)
					CHECK(end <= nx);
			}
		}
		xmlFreeDoc(d);
	}
	sample("likert-legend", b.ptr);
	/* the means' column heading ("Gemiddelde") clear of the scale's last tick */
	buf_reset(&b);
	const char *labels[] = { "Verbinden" };
	struct chart_cell one[] = { cell(3.8, 0.7, 24) };
	struct chart_series s[] = { { "Eigen organisatie", one } };
	chart_means(&b, &a, "Schaalgemiddelden", "Schaal", labels, 1, s, 1, 1, 5, NULL, "means-heading");
	d = parse(b.ptr);
	CHECK(d != NULL);
	if (d) {
		const char *heading = _("Mean");  /* "Gemiddelde": ten characters */
		CHECK(strlen(heading) >= 4);
		char xp[160];
		snprintf(xp, sizeof(xp), "number(//s:text[. = '%s']/@x)", heading);
		double right = number(d, xp);
		double tick = number(d, "number(//s:text[@text-anchor='middle'][. = '5']/@x)");
		CHECK(isfinite(right) && isfinite(tick));
		CHECK(right - width12(heading) >= tick + 8);
		xmlFreeDoc(d);
	}
	buf_release(&b);
	arena_free(&a);
}

/* Two results that print the same (3,1 with 0,8) draw the same picture:
 * a chart drawn from the exact mean would let a reader measure in pixels
 * what the printed number rounds away. Fails when a dot, whisker, shade
 * or radar point is placed from the unrounded value. */
TEST(chart_draws_no_more_precision_than_it_prints)
{
	i18n_use(LANG_NL);
	struct arena a = ARENA_INIT;
	const char *labels[] = { "a", "b", "c" };
	struct chart_cell lo[] = { cell(3.14, 0.84, 9), cell(1.96, 0.75, 9), cell(4.549, 0.2, 9) };
	struct chart_cell hi[] = { cell(3.06, 0.76, 9), cell(2.04, 0.84, 9), cell(4.451, 0.249, 9) };
	struct chart_series one[] = { { "Meting", lo } }, two[] = { { "Meting", hi } };
	struct buf x = BUF_INIT, y = BUF_INIT;
	chart_means(&x, &a, "t", "v", labels, 3, one, 1, 1, 5, NULL, "m");
	chart_means(&y, &a, "t", "v", labels, 3, two, 1, 1, 5, NULL, "m");
	CHECK_STR(x.ptr, y.ptr);
	buf_reset(&x);
	buf_reset(&y);
	chart_radar(&x, &a, "t", labels, 3, one, 1, 1, 5, NULL, "r");
	chart_radar(&y, &a, "t", labels, 3, two, 1, 1, 5, NULL, "r");
	CHECK_STR(x.ptr, y.ptr);
	buf_reset(&x);
	buf_reset(&y);
	struct chart_heat_row r1[] = { { "Team", 9, false, lo } }, r2[] = { { "Team", 9, false, hi } };
	chart_heatmap(&x, &a, "t", "v", labels, 3, r1, 1, 1, 5, NULL, "h");
	chart_heatmap(&y, &a, "t", "v", labels, 3, r2, 1, 1, 5, NULL, "h");
	CHECK_STR(x.ptr, y.ptr);
	buf_release(&x);
	buf_release(&y);
	arena_free(&a);
}
