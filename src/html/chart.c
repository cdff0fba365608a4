/* chart.c — inline SVG charts (see chart.h). Coordinates are whole
 * pixels in a fixed view box that scales with the page. */
#include "chart.h"
#include "html.h"
#include "core/i18n.h"

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

void chart_likert(struct buf *b, struct arena *a, const char *title, const struct chart_likert_row *rows, size_t n,
		  int points, const char *const *point_labels, const char *table_id)
{
	if (points < 2 || points > CHART_POINTS_MAX || !n)
		return;
	int legend_y = TOP + (int)n * (ROW + GAP) + 18;
	int height = legend_y + 30;
	int width = LEFT + 2 * HALF + 20;
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
	int lx = LEFT;
	int step = (2 * HALF) / points;
	for (int k = 0; k < points; k++) {
		const char *label = point_labels && point_labels[k] && *point_labels[k]
					    ? arena_printf(a, "%d %s", k + 1, point_labels[k])
					    : arena_printf(a, "%d", k + 1);
		html(b, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\" stroke=\"#555555\" stroke-width=\"0.5\"></rect>",
		     lx, legend_y, hex(a, colour(k, points)));
		html(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#1a1a1a\">%s</text>", lx + 16, legend_y + 10, label);
		lx += step;
	}
	html(b, "</svg></figure>\n");
}
