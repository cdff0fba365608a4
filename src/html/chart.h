/* chart.h — charts drawn by the server as inline SVG, readable without
 * JavaScript. Each chart is a picture of a table that the page also shows:
 * the SVG carries role="img", a <title> and a <desc> that say what it
 * draws and where the numbers are (the table's id), so that a screen
 * reader is sent to the table. Text is escaped like everything html()
 * writes. */
#ifndef LG_HTML_CHART_H
#define LG_HTML_CHART_H

#include "core/arena.h"
#include "core/buf.h"

#include <stddef.h>

#define CHART_POINTS_MAX 11

struct chart_likert_row {
	const char *label;                   /* "a" or a short text */
	size_t counts[CHART_POINTS_MAX];     /* answers per point, lowest first */
};

/* Diverging stacked bars: per row the share of each point of a scale of
 * `points` (2..11) points, the lower half to the left of the middle and
 * the upper half to the right (an odd scale's middle point split across
 * it), with a legend of the point labels (NULL or "" for a point shows its
 * number). table_id names the table with the same numbers. */
void chart_likert(struct buf *b, struct arena *a, const char *title, const struct chart_likert_row *rows, size_t n,
		  int points, const char *const *point_labels, const char *table_id);

#endif
