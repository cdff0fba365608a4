/* chart.c — inline SVG charts (see chart.h). Coordinates are whole
 * pixels in a fixed view box that scales with the page. */
#include "chart.h"
#include "html.h"
#include "core/i18n.h"
#include "core/compiler.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define LEFT 70          /* room for the row labels */
#define HALF 300         /* 100% on one side of the middle */
#define ROW 24
#define GAP 6
#define TOP 26

struct rgb {
	int r, g, b;
};

/* A diverging palette (ColorBrewer RdBu ends, a grey middle), one colour
 * per point, lowest first. */
static struct rgb colour(int k, int points)
{
	static const struct rgb low_far = { 178, 24, 43 }, low_near = { 244, 165, 130 };
	static const struct rgb high_near = { 146, 197, 222 }, high_far = { 33, 102, 172 }, middle = { 224, 224, 224 };
	int half = points / 2;
	if (points % 2 && k == half)
		return middle;
	bool high = k >= (points + 1) / 2;
	int i = high ? k - (points + 1) / 2 : half - 1 - k;   /* 0 next to the middle */
	const struct rgb *near = high ? &high_near : &low_near, *far = high ? &high_far : &low_far;
	int span = half > 1 ? half - 1 : 1;
	return (struct rgb){ near->r + (far->r - near->r) * i / span, near->g + (far->g - near->g) * i / span,
			     near->b + (far->b - near->b) * i / span };
}

static const char *hex(struct arena *a, struct rgb c)
{
	return arena_printf(a, "#%02x%02x%02x", c.r, c.g, c.b);
}

static bool dark(struct rgb c)
{
	return c.r * 299 + c.g * 587 + c.b * 114 < 128000;
}

/* One segment of a bar, with its percentage inside when it fits. */
static void segment(struct buf *b, struct arena *a, int x, int y, int w, struct rgb c, int pct)
{
	if (w <= 0)
		return;
	html(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"></rect>", x, y, w, ROW, hex(a, c));
	if (w >= 30 && pct > 0)
		html(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\" fill=\"%s\">%d%%</text>", x + w / 2,
		     y + ROW / 2 + 4, dark(c) ? "#ffffff" : "#1a1a1a", pct);
}

static int legend_layout(const char *const *texts, size_t n, int sw, int x, int y, int width, int *px, int *py);

void chart_likert(struct buf *b, struct arena *a, const char *title, const struct chart_likert_row *rows, size_t n,
		  int points, const char *const *point_labels, const char *table_id)
{
	if (points < 2 || points > CHART_POINTS_MAX || !n)
		return;
	int legend_y = TOP + (int)n * (ROW + GAP) + 18;
	int width = LEFT + 2 * HALF + 20;
	/* the legend in rows, each label clear of the next swatch */
	const char *texts[CHART_POINTS_MAX];
	int px[CHART_POINTS_MAX], py[CHART_POINTS_MAX];
	for (int k = 0; k < points; k++)
		texts[k] = point_labels && point_labels[k] && *point_labels[k] ? arena_printf(a, "%d %s", k + 1, point_labels[k])
										: arena_printf(a, "%d", k + 1);
	int height = legend_layout(texts, (size_t)points, 12, LEFT, legend_y, 2 * HALF, px, py) + 4;
	const char *id = arena_printf(a, "chart-%s", table_id);
	html(b, "<figure class=\"chart\"><svg role=\"img\" viewBox=\"0 0 %d %d\" aria-labelledby=\"%s-t %s-d\" "
		"xmlns=\"http://www.w3.org/2000/svg\">", width, height, id, id);
	html(b, "<title id=\"%s-t\">%s</title><desc id=\"%s-d\">%s</desc>", id, title, id,
	     _("Diverging stacked bars: the share of each point of the scale per question, the low points to the left "
	       "of the middle and the high points to the right. The numbers are in the table below the chart."));
	int mid = LEFT + HALF;
	/* the axis: 100% either side */
	for (int t = -100; t <= 100; t += 50) {
		int x = mid + t * HALF / 100;
		html(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1\"></line>", x, TOP - 4, x,
		     TOP + (int)n * (ROW + GAP), t ? "#d0d0d0" : "#555555");
		html(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\" fill=\"#444444\">%d%%</text>", x, TOP - 8,
		     t < 0 ? -t : t);
	}
	for (size_t r = 0; r < n; r++) {
		int y = TOP + (int)r * (ROW + GAP);
		size_t total = 0;
		for (int k = 0; k < points; k++)
			total += rows[r].counts[k];
		html(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"13\" fill=\"#1a1a1a\">%s</text>", LEFT - 8,
		     y + ROW / 2 + 5, rows[r].label);
		if (!total)
			continue;
		int half = points / 2;
		/* widths in pixels of each point, the middle point split in two */
		int wleft = 0, wright = 0;
		int x = mid;
		if (points % 2) {
			int w = (int)(rows[r].counts[half] * (size_t)HALF / total);
			int pct = (int)((rows[r].counts[half] * 200 + total) / (2 * total));
			segment(b, a, mid - w / 2, y, w / 2, colour(half, points), 0);
			segment(b, a, mid, y, w - w / 2, colour(half, points), 0);
			if (w >= 30)
				html(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1a1a1a\">%d%%</text>", mid,
				     y + ROW / 2 + 4, pct);
			wleft = w / 2;
			wright = w - w / 2;
		}
		x = mid - wleft;
		for (int k = half - 1; k >= 0; k--) {
			int w = (int)(rows[r].counts[k] * (size_t)(2 * HALF) / (2 * total));
			int pct = (int)((rows[r].counts[k] * 200 + total) / (2 * total));
			segment(b, a, x - w, y, w, colour(k, points), pct);
			x -= w;
		}
		x = mid + wright;
		for (int k = (points + 1) / 2; k < points; k++) {
			int w = (int)(rows[r].counts[k] * (size_t)(2 * HALF) / (2 * total));
			int pct = (int)((rows[r].counts[k] * 200 + total) / (2 * total));
			segment(b, a, x, y, w, colour(k, points), pct);
			x += w;
		}
	}
	/* the legend */
	for (int k = 0; k < points; k++) {
		html(b, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\" stroke=\"#555555\" stroke-width=\"0.5\"></rect>",
		     px[k], py[k] - 6, hex(a, colour(k, points)));
		html(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#1a1a1a\">%s</text>", px[k] + 18, py[k] + 4, texts[k]);
	}
	html(b, "</svg></figure>\n");
}

/* ---- chart_means, chart_radar, chart_heatmap and chart_timeline: each
 * writes the figure, the SVG and the table it draws ---- */

#define FONT "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
#define INK "#1a1a1a"     /* text: 17:1 on white */
#define MUTED "#4a4a4a"   /* secondary text: 8.9:1 on white */
#define GRID "#d0d0d0"    /* decoration only */

/* Per series a colour (each at least 5:1 on white, so that it also serves
 * as text), a dash pattern and a marker shape: colour is never the only
 * way to tell the series apart. */
enum marker { DOT, SQUARE, DIAMOND, TRIANGLE, RING, BOX };
static const struct style {
	const char *colour, *dash;
	enum marker marker;
} styles[CHART_SERIES_MAX] = {
	{ "#1f4e9c", "none", DOT },         { "#b34700", "7 4", SQUARE }, { "#1b6e35", "2 3", DIAMOND },
	{ "#7b3294", "9 3 2 3", TRIANGLE }, { "#4d4d4d", "12 4", RING },  { "#8a5a00", "4 2", BOX },
};

static bool scale_ok(double lo, double hi)
{
	return isfinite(lo) && isfinite(hi) && lo < hi;
}

static double clamp(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* 3.14 -> "3,1" in Dutch and "3.1" in English, as the pages print means;
 * no value -> "—". */
static const char *num(struct arena *a, double v)
{
	if (!isfinite(v))
		return "—";
	if (fabs(v) < 0.05)
		v = 0;   /* no "-0,0" */
	char *s = arena_printf(a, "%.1f", v);
	if (i18n_current() == LANG_NL)
		for (char *p = s; *p; p++)
			if (*p == '.')
				*p = ',';
	return s;
}

/* A value as the pages print it (one decimal), for where a chart places
 * it: a dot, a whisker, a shade or a radar point drawn from the exact
 * value would carry more precision than the printed number, which the
 * disclosure rules do not allow (a reader could measure the pixels). */
static double shown(double v)
{
	return isfinite(v) ? round(v * 10) / 10 : v;
}

/* An axis label: whole numbers without decimals. */
static const char *tick_label(struct arena *a, double v)
{
	return v == floor(v) && fabs(v) < 1e9 ? arena_printf(a, "%.0f", v) : num(a, v);
}

/* A round step (1, 2 or 5 times a power of ten) that cuts span into at
 * most max parts. */
static double tick_step(double span, int max)
{
	static const double mult[] = { 1, 2, 5 };
	double base = pow(10, floor(log10(span / max)));
	for (int i = 0; i < 3; i++)
		if (span / (base * mult[i]) <= max + 1e-9)
			return base * mult[i];
	return base * 10;
}

/* The ticks of lo..hi: the multiples of step between them. */
static void ticks(double lo, double hi, double step, long *first, long *last)
{
	*first = (long)ceil(lo / step - 1e-9);
	*last = (long)floor(hi / step + 1e-9);
}

/* Characters (code points) of a UTF-8 text. */
static size_t chars(const char *s)
{
	size_t n = 0;
	for (; s && *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* About how wide a text is at a font size (an average glyph). */
static int text_width(const char *s, int size)
{
	return (int)(chars(s) * (size_t)size * 62 / 100) + 1;
}

/* s cut to at most max characters, ending in "…" when cut. */
static const char *clip(struct arena *a, const char *s, size_t max)
{
	if (!s)
		return "";
	size_t count = 0, cut = 0;
	for (size_t i = 0; s[i]; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (count == max - 1)
				cut = i;
			count++;
		}
	return count <= max ? s : arena_printf(a, "%.*s…", (int)cut, s);
}

static void text(struct buf *b, int x, int y, const char *anchor, int size, const char *fill, const char *s)
{
	html(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"%d\" fill=\"%s\">%s</text>", x, y, anchor, size,
	     fill, s);
}

/* A label cut to max characters, the whole of it as its tooltip. */
static void label(struct buf *b, struct arena *a, int x, int y, const char *anchor, int size, const char *s, size_t max)
{
	const char *c = clip(a, s, max);
	if (c == s || !s)
		text(b, x, y, anchor, size, INK, c);
	else
		html(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"%d\" fill=\"%s\">%s<title>%s</title></text>", x,
		     y, anchor, size, INK, c, s);
}

static void line(struct buf *b, int x1, int y1, int x2, int y2, const char *colour, int width, const char *dash)
{
	html(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"%d\" stroke-dasharray=\"%s\"></line>",
	     x1, y1, x2, y2, colour, width, dash);
}

static void marker(struct buf *b, enum marker m, int x, int y, const char *colour)
{
	switch (m) {
	case DOT:
		html(b, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"%s\"></circle>", x, y, colour);
		break;
	case SQUARE:
		html(b, "<rect x=\"%d\" y=\"%d\" width=\"9\" height=\"9\" fill=\"%s\"></rect>", x - 4, y - 4, colour);
		break;
	case DIAMOND:
		html(b, "<polygon points=\"%d,%d %d,%d %d,%d %d,%d\" fill=\"%s\"></polygon>", x, y - 6, x + 6, y, x, y + 6, x - 6,
		     y, colour);
		break;
	case TRIANGLE:
		html(b, "<polygon points=\"%d,%d %d,%d %d,%d\" fill=\"%s\"></polygon>", x, y - 6, x + 6, y + 5, x - 6, y + 5,
		     colour);
		break;
	case RING:
		html(b, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"#ffffff\" stroke=\"%s\" stroke-width=\"2\"></circle>", x, y,
		     colour);
		break;
	case BOX:
		html(b, "<rect x=\"%d\" y=\"%d\" width=\"8\" height=\"8\" fill=\"#ffffff\" stroke=\"%s\" stroke-width=\"2\"></rect>",
		     x - 4, y - 4, colour);
		break;
	}
}

/* A series' sample for a legend: its line with its marker in the middle. */
static void series_sample(struct buf *b, const struct style *st, int x, int y)
{
	line(b, x, y, x + 28, y, st->colour, 2, st->dash);
	marker(b, st->marker, x + 14, y, st->colour);
}

/* Lays legend items out in rows from (x, y) within width, each a sample of
 * sw pixels and then its text: fills px, py (the sample's left, the row's
 * middle) and returns the y below the last row. */
static int legend_layout(const char *const *texts, size_t n, int sw, int x, int y, int width, int *px, int *py)
{
	int at = x, row = 0;
	for (size_t k = 0; k < n; k++) {
		int w = sw + 6 + text_width(texts[k], 12) + 20;
		if (at > x && at + w > x + width) {
			at = x;
			row++;
		}
		px[k] = at;
		py[k] = y + row * 22 + 8;
		at += w;
	}
	return y + (row + 1) * 22;
}

/* The figure, its caption and the opening of the SVG; returns the id that
 * the SVG's own ids start with. */
static const char *figure_begin(struct buf *b, struct arena *a, const char *title, const char *table_id, int width,
				int height, const char *desc)
{
	const char *id = arena_printf(a, "chart-%s", table_id);
	html(b, "<figure class=\"chart\"><figcaption>%s</figcaption>", title);
	html(b, "<svg role=\"img\" viewBox=\"0 0 %d %d\" aria-labelledby=\"%s-t\" aria-describedby=\"%s-d\" "
		"font-family=\"" FONT "\" xmlns=\"http://www.w3.org/2000/svg\">", width, height, id, id);
	html(b, "<title id=\"%s-t\">%s</title><desc id=\"%s-d\">%s</desc>", id, title, id, desc);
	return id;
}

static void table_begin(struct buf *b, struct arena *a, const char *title, const char *table_id)
{
	html(b, "</svg><table class=\"chart-data\" tabindex=\"0\" id=\"%s\"><caption>%s</caption>", table_id,
	     arena_printf(a, _("%s: the numbers"), title));
}

/* The table's footer saying why some values are not shown, when any is not. */
static void table_end(struct buf *b, bool hidden, int columns, const char *hidden_note)
{
	html(b, "</tbody>");
	if (hidden)
		html(b, "<tfoot><tr><td colspan=\"%d\">%s</td></tr></tfoot>", columns,
		     hidden_note && *hidden_note ? hidden_note
						 : _("Values that rest on too few answers are not shown, so that no one's answers can be told from them."));
	html(b, "</table></figure>\n");
}

static void hatch_defs(struct buf *b, const char *id)
{
	html(b, "<defs><pattern id=\"%s-hatch\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\" "
		"patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#f2f2f2\"></rect>"
		"<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#8c8c8c\" stroke-width=\"2\"></line></pattern></defs>", id);
}

/* A hatched box with "–" in the middle: a value that is not shown. */
static void hidden_box(struct buf *b, const char *id, int x, int y, int w, int h)
{
	html(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"url(#%s-hatch)\" stroke=\"#8c8c8c\" "
		"stroke-width=\"1\"></rect>", x, y, w, h, id);
	html(b, "<rect x=\"%d\" y=\"%d\" width=\"20\" height=\"16\" fill=\"#ffffff\"></rect>", x + w / 2 - 10, y + h / 2 - 8);
	text(b, x + w / 2, y + h / 2 + 5, "middle", 14, INK, "–");
}

/* The longest of some labels, for the width of a label column. */
static int labels_width(const char *const *labels, size_t n, size_t max, int lo, int hi)
{
	int w = lo;
	for (size_t i = 0; i < n; i++) {
		size_t c = chars(labels[i]);
		int t = (int)((c < max ? c : max) * 13 * 62 / 100) + 20;
		if (t > w)
			w = t;
	}
	return w < hi ? w : hi;
}

static void series_header(struct buf *b, const char *label_header, const struct chart_series *series, size_t nseries,
			  const char *const *sub, int nsub)
{
	html(b, "<colgroup span=\"1\"></colgroup>");
	for (size_t s = 0; s < nseries; s++)
		html(b, "<colgroup span=\"%d\"></colgroup>", nsub);
	html(b, "<thead><tr><th scope=\"col\" rowspan=\"2\">%s</th>", label_header);
	for (size_t s = 0; s < nseries; s++)
		html(b, "<th scope=\"colgroup\" colspan=\"%d\">%s</th>", nsub, series[s].name);
	html(b, "</tr><tr>");
	for (size_t s = 0; s < nseries; s++)
		for (int k = 0; k < nsub; k++)
			html(b, "<th scope=\"col\">%s</th>", sub[k]);
	html(b, "</tr></thead><tbody>");
}

#define MEANS_PLOT 360   /* the axis */
#define MEANS_VALUE 56   /* the column of means to the right */
#define MEANS_SUB 20     /* a series' line within a row */

void chart_means(struct buf *b, struct arena *a, const char *title, const char *label_header,
		 const char *const *labels, size_t nlabels, const struct chart_series *series, size_t nseries,
		 double scale_min, double scale_max, const char *hidden_note, const char *table_id)
{
	if (!nlabels || !nseries || nseries > 3 || !scale_ok(scale_min, scale_max))
		return;
	int left = labels_width(labels, nlabels, 34, 60, 260);
	int row = (int)nseries * MEANS_SUB + 12, top = 40;
	int values = left + MEANS_PLOT + 24;
	/* the column of means as wide as its heading, clear of the last tick's label */
	const char *mean_word = _("Mean");
	int value_col = text_width(mean_word, 12) + 16 > MEANS_VALUE ? text_width(mean_word, 12) + 16 : MEANS_VALUE;
	int width = values + value_col + 8;
	const char *texts[1 + CHART_SERIES_MAX];
	int px[1 + CHART_SERIES_MAX], py[1 + CHART_SERIES_MAX];
	texts[0] = _("Mean, with a line from 1 SD below to 1 SD above it");
	for (size_t s = 0; s < nseries; s++)
		texts[1 + s] = series[s].name;
	size_t nlegend = nseries > 1 ? 1 + nseries : 1;
	int legend_y = top + (int)nlabels * row + 16;
	int height = legend_layout(texts, nlegend, 28, 8, legend_y, width - 16, px, py) + 4;
	figure_begin(b, a, title, table_id, width, height,
		     arena_printf(a, _("Per row the mean as a dot, with a line from one standard deviation below the mean to one above it, on a scale from %s to %s. The numbers are in the table below the chart."),
						   tick_label(a, scale_min), tick_label(a, scale_max)));
	double span = scale_max - scale_min;
#define MX(v) (left + (int)lround((clamp((v), scale_min, scale_max) - scale_min) * MEANS_PLOT / span))
	/* rows in alternating bands, so that a dot is read against its label */
	for (size_t i = 1; i < nlabels; i += 2)
		html(b, "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f3f5f8\"></rect>", top + (int)i * row, width, row);
	double step = tick_step(span, 6);
	long first, last;
	ticks(scale_min, scale_max, step, &first, &last);
	for (long t = first; t <= last; t++) {
		int x = MX(t * step);
		line(b, x, top - 4, x, top + (int)nlabels * row, GRID, 1, "none");
		text(b, x, top - 10, "middle", 12, MUTED, tick_label(a, t * step));
	}
	text(b, values + value_col - 8, top - 10, "end", 12, MUTED, mean_word);
	bool hidden = false;
	for (size_t i = 0; i < nlabels; i++) {
		int y0 = top + (int)i * row;
		label(b, a, left - 10, y0 + row / 2 + 5, "end", 13, labels[i], 34);
		for (size_t s = 0; s < nseries; s++) {
			const struct chart_cell *c = &series[s].cells[i];
			const struct style *st = &styles[s];
			int y = y0 + 6 + (int)s * MEANS_SUB + MEANS_SUB / 2;
			int vx = values + value_col - 8;
			if (c->hidden) {
				hidden = true;
				html(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" font-style=\"italic\" fill=\"%s\">%s</text>", left + 6,
				     y + 4, MUTED, _("not shown"));
				text(b, vx, y + 5, "end", 13, MUTED, "–");
				continue;
			}
			if (!isfinite(c->mean)) {
				text(b, vx, y + 5, "end", 13, MUTED, "—");
				continue;
			}
			double mean = shown(c->mean), sd = shown(c->sd);
			if (isfinite(sd) && sd >= 0) {
				double lo = mean - sd, hi = mean + sd;
				line(b, MX(lo), y, MX(hi), y, st->colour, 2, "none");
				if (lo >= scale_min)   /* no cap where the scale cuts the whisker */
					line(b, MX(lo), y - 5, MX(lo), y + 5, st->colour, 2, "none");
				if (hi <= scale_max)
					line(b, MX(hi), y - 5, MX(hi), y + 5, st->colour, 2, "none");
			}
			marker(b, st->marker, MX(mean), y, st->colour);
			text(b, vx, y + 5, "end", 13, st->colour, num(a, c->mean));
		}
	}
#undef MX
	/* the legend: what dot and line mean, then the series */
	int x = px[0] + 14, y = py[0];
	line(b, x - 12, y, x + 12, y, MUTED, 2, "none");
	line(b, x - 12, y - 5, x - 12, y + 5, MUTED, 2, "none");
	line(b, x + 12, y - 5, x + 12, y + 5, MUTED, 2, "none");
	marker(b, DOT, x, y, MUTED);
	html(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"%s\">%s</text>", px[0] + 34, y + 4, INK, texts[0]);
	for (size_t k = 1; k < nlegend; k++) {
		series_sample(b, &styles[k - 1], px[k], py[k]);
		html(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"%s\">%s</text>", px[k] + 34, py[k] + 4, INK, texts[k]);
	}
	table_begin(b, a, title, table_id);
	const char *sub[] = { _("Mean"), _("SD"), "N" };
	if (nseries > 1)
		series_header(b, label_header, series, nseries, sub, 3);
	else
		html(b, "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			"<th scope=\"col\">N</th></tr></thead><tbody>", label_header, sub[0], sub[1]);
	for (size_t i = 0; i < nlabels; i++) {
		html(b, "<tr><th scope=\"row\">%s</th>", labels[i]);
		for (size_t s = 0; s < nseries; s++) {
			const struct chart_cell *c = &series[s].cells[i];
			if (c->hidden)
				html(b, "<td class=\"hidden\" colspan=\"3\">%s</td>", _("not shown"));
			else
				html(b, "<td>%s</td><td>%s</td><td>%zu</td>", num(a, c->mean), num(a, c->sd), c->n);
		}
		html(b, "</tr>");
	}
	table_end(b, hidden, 1 + 3 * (int)nseries, hidden_note);
}

/* The shade of a value t in 0..1: ColorBrewer's Blues from light to dark. */
static struct rgb shade(double t)
{
	static const struct rgb stops[] = {
		{ 239, 243, 255 }, { 189, 215, 231 }, { 107, 174, 214 }, { 49, 130, 189 }, { 8, 81, 156 },
	};
	int last = (int)ARRAY_SIZE(stops) - 1;
	double at = clamp(t, 0, 1) * last;
	int k = at >= last ? last - 1 : (int)at;
	double f = at - k;
	return (struct rgb){ (int)lround(stops[k].r + (stops[k + 1].r - stops[k].r) * f),
			     (int)lround(stops[k].g + (stops[k + 1].g - stops[k].g) * f),
			     (int)lround(stops[k].b + (stops[k + 1].b - stops[k].b) * f) };
}

static double luminance(struct rgb c)
{
	double v[3] = { c.r / 255.0, c.g / 255.0, c.b / 255.0 };
	for (int i = 0; i < 3; i++)
		v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow((v[i] + 0.055) / 1.055, 2.4);
	return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

/* Black or white, whichever contrasts more with c: one of them always
 * reaches 4.5:1 (WCAG AA for text). */
static const char *text_on(struct rgb c)
{
	double l = luminance(c);
	return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
}

#define HEAT_N 48      /* the column of n */
#define HEAT_W 58      /* a cell */
#define HEAT_H 30
#define HEAT_CLIP 28   /* characters of a column's label */

void chart_heatmap(struct buf *b, struct arena *a, const char *title, const char *label_header,
		   const char *const *columns, size_t ncols, const struct chart_heat_row *rows, size_t nrows,
		   double scale_min, double scale_max, const char *hidden_note, const char *table_id)
{
	if (!ncols || !nrows || !scale_ok(scale_min, scale_max))
		return;
	const char **row_labels = arena_alloc(a, nrows * sizeof(*row_labels));
	for (size_t r = 0; r < nrows; r++)
		row_labels[r] = rows[r].label;
	int left = labels_width(row_labels, nrows, 36, 60, 260);
	/* the column labels slant upwards at 40 degrees */
	int longest = 0;
	for (size_t c = 0; c < ncols; c++) {
		int w = text_width(clip(a, columns[c], HEAT_CLIP), 13);
		if (w > longest)
			longest = w;
	}
	int top = (int)(longest * 0.643) + 24;   /* sin 40° */
	int right = (int)(longest * 0.766) - HEAT_W / 2 + 12;   /* cos 40° */
	if (right < 12)
		right = 12;
	int x0 = left + HEAT_N;
	int legend_y = top + (int)nrows * HEAT_H + 20;
	int width = x0 + (int)ncols * HEAT_W + right;
	if (width < x0 + 420)
		width = x0 + 420;
	int height = legend_y + 44;
	double span = scale_max - scale_min;
	const char *id = figure_begin(b, a, title, table_id, width, height,
				      arena_printf(a, _("Heat map: per row a group, per column a dimension, in each cell the mean as a number and as a shade from light (%s) to dark (%s). Hatched cells are not shown. The numbers are in the table below the chart."),
						   tick_label(a, scale_min), tick_label(a, scale_max)));
	hatch_defs(b, id);
	html(b, "<defs><linearGradient id=\"%s-scale\">", id);
	for (int k = 0; k <= 4; k++) {
		struct rgb c = shade(k / 4.0);
		html(b, "<stop offset=\"%d%%\" stop-color=\"%s\"></stop>", k * 25, hex(a, c));
	}
	html(b, "</linearGradient></defs>");
	text(b, left + HEAT_N / 2, top - 8, "middle", 13, INK, "N");
	for (size_t c = 0; c < ncols; c++) {
		int x = x0 + (int)c * HEAT_W + HEAT_W / 2 - 4, y = top - 8;
		const char *s = clip(a, columns[c], HEAT_CLIP);
		if (s == columns[c])
			html(b, "<text x=\"%d\" y=\"%d\" font-size=\"13\" fill=\"%s\" transform=\"rotate(-40 %d %d)\">%s</text>", x, y,
			     INK, x, y, s);
		else
			html(b, "<text x=\"%d\" y=\"%d\" font-size=\"13\" fill=\"%s\" transform=\"rotate(-40 %d %d)\">%s"
				"<title>%s</title></text>", x, y, INK, x, y, s, columns[c]);
	}
	bool hidden = false;
	for (size_t r = 0; r < nrows; r++) {
		int y = top + (int)r * HEAT_H;
		label(b, a, left - 10, y + HEAT_H / 2 + 5, "end", 13, rows[r].label, 36);
		if (rows[r].n_hidden)
			hidden = true;
		text(b, left + HEAT_N / 2, y + HEAT_H / 2 + 5, "middle", 13, rows[r].n_hidden ? MUTED : INK,
		     rows[r].n_hidden ? "–" : arena_printf(a, "%zu", rows[r].n));
		for (size_t c = 0; c < ncols; c++) {
			const struct chart_cell *v = &rows[r].cells[c];
			int x = x0 + (int)c * HEAT_W;
			if (v->hidden) {
				hidden = true;
				hidden_box(b, id, x + 1, y + 1, HEAT_W - 2, HEAT_H - 2);
				continue;
			}
			if (!isfinite(v->mean)) {
				html(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#ffffff\" stroke=\"%s\" "
					"stroke-width=\"1\"></rect>", x + 1, y + 1, HEAT_W - 2, HEAT_H - 2, GRID);
				text(b, x + HEAT_W / 2, y + HEAT_H / 2 + 5, "middle", 13, MUTED, "—");
				continue;
			}
			struct rgb sh = shade((shown(v->mean) - scale_min) / span);
			html(b, "<g><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"></rect>", x + 1, y + 1, HEAT_W - 2,
			     HEAT_H - 2, hex(a, sh));
			text(b, x + HEAT_W / 2, y + HEAT_H / 2 + 5, "middle", 13, text_on(sh), num(a, v->mean));
			html(b, "</g>");
		}
	}
	/* the legend: the shades along the scale, then the hatching */
	html(b, "<rect x=\"%d\" y=\"%d\" width=\"200\" height=\"12\" fill=\"url(#%s-scale)\" stroke=\"#8c8c8c\" "
		"stroke-width=\"1\"></rect>", x0, legend_y, id);
	double step = tick_step(span, 4);
	long first, last;
	ticks(scale_min, scale_max, step, &first, &last);
	for (long t = first; t <= last; t++) {
		int x = x0 + (int)lround((t * step - scale_min) * 200 / span);
		line(b, x, legend_y + 12, x, legend_y + 16, MUTED, 1, "none");
		text(b, x, legend_y + 30, "middle", 12, MUTED, tick_label(a, t * step));
	}
	if (hidden) {
		html(b, "<rect x=\"%d\" y=\"%d\" width=\"24\" height=\"16\" fill=\"url(#%s-hatch)\" stroke=\"#8c8c8c\" "
			"stroke-width=\"1\"></rect>", x0 + 240, legend_y - 2, id);
		html(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"%s\">%s</text>", x0 + 272, legend_y + 11, INK,
		     _("not shown"));
	}
	table_begin(b, a, title, table_id);
	html(b, "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">N</th>", label_header);
	for (size_t c = 0; c < ncols; c++)
		html(b, "<th scope=\"col\">%s</th>", columns[c]);
	html(b, "</tr></thead><tbody>");
	for (size_t r = 0; r < nrows; r++) {
		html(b, "<tr><th scope=\"row\">%s</th>", rows[r].label);
		if (rows[r].n_hidden)
			html(b, "<td class=\"hidden\">%s</td>", _("not shown"));
		else
			html(b, "<td>%zu</td>", rows[r].n);
		for (size_t c = 0; c < ncols; c++) {
			const struct chart_cell *v = &rows[r].cells[c];
			if (v->hidden)
				html(b, "<td class=\"hidden\">%s</td>", _("not shown"));
			else
				html(b, "<td>%s</td>", num(a, v->mean));
		}
		html(b, "</tr>");
	}
	table_end(b, hidden, 2 + (int)ncols, hidden_note);
}

#define RADAR_R 150      /* scale_max */
#define RADAR_SIDE 180   /* room for the labels left and right */
#define RADAR_TOP 56

static bool drawn(const struct chart_cell *c)
{
	return !c->hidden && isfinite(c->mean);
}

void chart_radar(struct buf *b, struct arena *a, const char *title, const char *const *dimensions, size_t ndims,
		 const struct chart_series *series, size_t nseries, double scale_min, double scale_max,
		 const char *hidden_note, const char *table_id)
{
	if (ndims < 3 || !nseries || nseries > CHART_SERIES_MAX || !scale_ok(scale_min, scale_max))
		return;
	int cx = RADAR_SIDE + RADAR_R, cy = RADAR_TOP + RADAR_R, width = 2 * cx;
	const char *texts[CHART_SERIES_MAX];
	int px[CHART_SERIES_MAX], py[CHART_SERIES_MAX];
	for (size_t s = 0; s < nseries; s++)
		texts[s] = series[s].name;
	int legend_y = cy + RADAR_R + 50;
	int height = legend_layout(texts, nseries, 28, 16, legend_y, width - 32, px, py) + 4;
	figure_begin(b, a, title, table_id, width, height,
		     arena_printf(a, _("Radar chart: one axis per dimension, from %s in the centre to %s at the rim, and a line per rater group joining its means. Where a group's mean is not shown, its line is broken. The numbers are in the table below the chart."),
						   tick_label(a, scale_min), tick_label(a, scale_max)));
	double span = scale_max - scale_min;
	int *x = arena_alloc(a, ndims * sizeof(int)), *y = arena_alloc(a, ndims * sizeof(int));
	double *cs = arena_alloc(a, ndims * sizeof(double)), *sn = arena_alloc(a, ndims * sizeof(double));
	for (size_t i = 0; i < ndims; i++) {
		double th = -M_PI / 2 + 2 * M_PI * (double)i / (double)ndims;
		cs[i] = cos(th);
		sn[i] = sin(th);
	}
#define RX(i, v) (cx + (int)lround(cs[i] * RADAR_R * (clamp((v), scale_min, scale_max) - scale_min) / span))
#define RY(i, v) (cy + (int)lround(sn[i] * RADAR_R * (clamp((v), scale_min, scale_max) - scale_min) / span))
	/* rings at the ticks, labelled beside the first axis, clear of its markers */
	double step = tick_step(span, 5);
	long first, last;
	ticks(scale_min, scale_max, step, &first, &last);
	for (long t = first; t <= last; t++) {
		double v = t * step;
		struct buf pts = BUF_INIT;
		for (size_t i = 0; i < ndims; i++)
			buf_addf(&pts, "%s%d,%d", i ? " " : "", RX(i, v), RY(i, v));
		if (v > scale_min)
			html(b, "<polygon points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1\"></polygon>", pts.ptr, GRID);
		buf_release(&pts);
	}
	for (size_t i = 0; i < ndims; i++)
		line(b, cx, cy, RX(i, scale_max), RY(i, scale_max), GRID, 1, "none");
	for (long t = first; t <= last; t++)
		text(b, cx - 9, RY(0, t * step) + (t == first ? -4 : 14), "end", 12, MUTED, tick_label(a, t * step));
	/* the axis labels; where a series has no value, a second line says so */
	for (size_t i = 0; i < ndims; i++) {
		struct buf missing = BUF_INIT;
		for (size_t s = 0; s < nseries; s++)
			if (!drawn(&series[s].cells[i]))
				buf_addf(&missing, "%s%s", missing.len ? ", " : "", series[s].name ? series[s].name : "");
		int lines = missing.len ? 2 : 1;
		int lx = cx + (int)lround(cs[i] * (RADAR_R + 12)), ly = cy + (int)lround(sn[i] * (RADAR_R + 12));
		const char *anchor = cs[i] > 0.3 ? "start" : cs[i] < -0.3 ? "end" : "middle";
		int block = lines * 16;
		int ytop = sn[i] < -0.3 ? ly - block : sn[i] > 0.3 ? ly + 2 : ly - block / 2;
		label(b, a, lx, ytop + 12, anchor, 13, dimensions[i], 24);
		if (missing.len) {
			const char *note = clip(a, arena_printf(a, _("not shown: %s"), missing.ptr), 30);
			html(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"12\" font-style=\"italic\" fill=\"%s\">%s</text>",
			     lx, ytop + 28, anchor, MUTED, note);
		}
		buf_release(&missing);
	}
	/* per series: a closed polygon when every dimension has a value, else
	 * the lines between neighbours that both have one */
	for (size_t s = 0; s < nseries; s++) {
		const struct style *st = &styles[s];
		const struct chart_cell *c = series[s].cells;
		bool whole = true;
		for (size_t i = 0; i < ndims; i++) {
			if (drawn(&c[i])) {
				x[i] = RX(i, shown(c[i].mean));
				y[i] = RY(i, shown(c[i].mean));
			} else
				whole = false;
		}
		html(b, "<g><title>%s</title>", series[s].name);
		if (whole) {
			struct buf pts = BUF_INIT;
			for (size_t i = 0; i < ndims; i++)
				buf_addf(&pts, "%s%d,%d", i ? " " : "", x[i], y[i]);
			html(b, "<polygon points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"%s\">"
				"</polygon>", pts.ptr, st->colour, st->dash);
			buf_release(&pts);
		} else {
			for (size_t i = 0; i < ndims; i++) {
				size_t j = (i + 1) % ndims;
				if (drawn(&c[i]) && drawn(&c[j]))
					line(b, x[i], y[i], x[j], y[j], st->colour, 2, st->dash);
			}
		}
		for (size_t i = 0; i < ndims; i++)
			if (drawn(&c[i]))
				marker(b, st->marker, x[i], y[i], st->colour);
		html(b, "</g>");
	}
#undef RX
#undef RY
	for (size_t s = 0; s < nseries; s++) {
		series_sample(b, &styles[s], px[s], py[s]);
		html(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"%s\">%s</text>", px[s] + 34, py[s] + 4, INK, texts[s]);
	}
	table_begin(b, a, title, table_id);
	const char *sub[] = { _("Mean"), "N" };
	series_header(b, _("Dimension"), series, nseries, sub, 2);
	bool hidden = false;
	for (size_t i = 0; i < ndims; i++) {
		html(b, "<tr><th scope=\"row\">%s</th>", dimensions[i]);
		for (size_t s = 0; s < nseries; s++) {
			const struct chart_cell *c = &series[s].cells[i];
			if (c->hidden) {
				hidden = true;
				html(b, "<td class=\"hidden\" colspan=\"2\">%s</td>", _("not shown"));
			} else
				html(b, "<td>%s</td><td>%zu</td>", num(a, c->mean), c->n);
		}
		html(b, "</tr>");
	}
	table_end(b, hidden, 1 + 2 * (int)nseries, hidden_note);
}

#define LINE_LEFT 56
#define LINE_W 620
#define LINE_TOP 44
#define LINE_H 220

void chart_timeline(struct buf *b, struct arena *a, const char *title, const struct chart_period *periods, size_t n,
		    enum chart_unit unit, size_t invited, const char *opens, const char *closes, const char *table_id)
{
	if (!n)
		return;
	size_t known = 0, total = 0;   /* the periods before the first one to come */
	while (known < n && !periods[known].pending)
		total += periods[known++].count;
	int width = LINE_LEFT + LINE_W + 24;
	const char *texts[2] = { _("Responses so far"), arena_printf(a, _("Invited (%zu)"), invited) };
	int px[2], py[2];
	int legend_y = LINE_TOP + LINE_H + 40;
	int height = legend_layout(texts, invited ? 2 : 1, 28, LINE_LEFT, legend_y, LINE_W, px, py) + 4;
	const char *desc = unit == CHART_WEEKS
		? arena_printf(a, _("Line chart of the number of responses so far at the end of each week, from the opening (%s) to the closing (%s), against the number invited (%zu). The numbers are in the table below the chart."),
			       opens, closes, invited)
		: arena_printf(a, _("Line chart of the number of responses so far at the end of each day, from the opening (%s) to the closing (%s), against the number invited (%zu). The numbers are in the table below the chart."),
			       opens, closes, invited);
	figure_begin(b, a, title, table_id, width, height, desc);
	double top = (double)(invited > total ? invited : total);
	if (top < 1)
		top = 1;
	double step = tick_step(top, 5);
	if (step < 1)
		step = 1;
	top = ceil(top / step) * step;
	int bottom = LINE_TOP + LINE_H;
#define LY(v) (bottom - (int)lround((double)(v) * LINE_H / top))
#define LX(k) (LINE_LEFT + (int)lround((double)(k) * LINE_W / (double)n))   /* the start of period k */
	for (long t = 0; t * step <= top + 1e-9; t++) {
		int y = LY(t * step);
		line(b, LINE_LEFT, y, LINE_LEFT + LINE_W, y, t ? GRID : MUTED, 1, "none");
		text(b, LINE_LEFT - 8, y + 4, "end", 12, MUTED, arena_printf(a, "%.0f", t * step));
	}
	/* the periods' labels, every so many so that they do not overlap */
	int widest = 0;
	for (size_t k = 0; k < n; k++) {
		int w = text_width(periods[k].label, 12);
		if (w > widest)
			widest = w;
	}
	size_t every = (size_t)ceil((widest + 10) * (double)n / LINE_W);
	if (every < 1)
		every = 1;
	for (size_t k = 0; k < n; k += every) {
		int x = (LX(k) + LX(k + 1)) / 2;
		line(b, x, bottom, x, bottom + 4, MUTED, 1, "none");
		text(b, x, bottom + 18, "middle", 12, MUTED, clip(a, periods[k].label, 16));
	}
	/* opening and closing */
	line(b, LX(0), LINE_TOP - 8, LX(0), bottom, MUTED, 1, "4 3");
	line(b, LX(n), LINE_TOP - 8, LX(n), bottom, MUTED, 1, "4 3");
	if (opens && *opens)
		text(b, LX(0), LINE_TOP - 14, "start", 12, INK, arena_printf(a, _("Opens %s"), opens));
	if (closes && *closes)
		text(b, LX(n), LINE_TOP - 14, "end", 12, INK, arena_printf(a, _("Closes %s"), closes));
	if (invited) {
		line(b, LINE_LEFT, LY(invited), LINE_LEFT + LINE_W, LY(invited), styles[1].colour, 2, styles[1].dash);
		text(b, LINE_LEFT + 6, LY(invited) + 16, "start", 12, styles[1].colour, texts[1]);
	}
	/* the responses so far: from 0 at the opening to each period's end */
	struct buf pts = BUF_INIT;
	buf_addf(&pts, "%d,%d", LX(0), LY(0));
	size_t sum = 0;
	for (size_t k = 0; k < known; k++) {
		sum += periods[k].count;
		buf_addf(&pts, " %d,%d", LX(k + 1), LY(sum));
	}
	html(b, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\"></polyline>", pts.ptr,
	     styles[0].colour);
	buf_release(&pts);
	if (known <= 40) {
		sum = 0;
		for (size_t k = 0; k < known; k++) {
			sum += periods[k].count;
			html(b, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"%s\"></circle>", LX(k + 1), LY(sum), styles[0].colour);
		}
	}
	if (known) {
		int x = LX(known), y = LY(total);
		const char *s = invited ? arena_printf(a, "%zu (%s%%)", total, num(a, 100.0 * (double)total / (double)invited))
					: arena_printf(a, "%zu", total);
		html(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"13\" font-weight=\"bold\" fill=\"%s\">%s</text>",
		     x + (known * 2 > n ? -6 : 6), y - 10, known * 2 > n ? "end" : "start", styles[0].colour, s);
	}
	series_sample(b, &(struct style){ styles[0].colour, "none", DOT }, px[0], py[0]);
	html(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"%s\">%s</text>", px[0] + 34, py[0] + 4, INK, texts[0]);
	if (invited) {
		line(b, px[1], py[1], px[1] + 28, py[1], styles[1].colour, 2, styles[1].dash);
		html(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"%s\">%s</text>", px[1] + 34, py[1] + 4, INK, texts[1]);
	}
#undef LX
#undef LY
	table_begin(b, a, title, table_id);
	html(b, "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		"</tr></thead><tbody>", unit == CHART_WEEKS ? _("Week") : _("Day"), _("Responses"), _("Responses so far"),
	     _("Share of those invited"));
	sum = 0;
	for (size_t k = 0; k < known; k++) {
		sum += periods[k].count;
		html(b, "<tr><th scope=\"row\">%s</th><td>%zu</td><td>%zu</td><td>%s</td></tr>", periods[k].label, periods[k].count,
		     sum, invited ? arena_printf(a, "%s%%", num(a, 100.0 * (double)sum / (double)invited)) : "—");
	}
	html(b, "</tbody><tfoot><tr><th scope=\"row\">%s</th><td colspan=\"3\">%zu</td></tr></tfoot></table></figure>\n",
	     _("Invited"), invited);
}
