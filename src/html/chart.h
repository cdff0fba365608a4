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

#include <stdbool.h>
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

/* The charts below draw the table they picture themselves: each writes
 * <figure class="chart"> with a <figcaption> (title), the SVG (role="img",
 * its <title> and <desc>, the desc naming the table) and then the table
 * with id table_id, a <caption> and th scope, as the text alternative. A
 * value the privacy rules hide is neither drawn nor put in the table: the
 * chart leaves a gap or a hatched "–", the table says "not shown" and its
 * footer carries hidden_note (why; a general sentence when NULL). Numbers
 * are written with one decimal, with a decimal comma in Dutch. Each draws
 * nothing when its input cannot make a chart (no rows, a scale with
 * scale_min >= scale_max or not finite). */

#define CHART_SERIES_MAX 6

/* One value of a chart: a mean with what it rests on. */
struct chart_cell {
	double mean;   /* NAN (or not finite): no value, drawn as nothing and "—" */
	double sd;     /* NAN: not known (chart_means draws no whisker) */
	size_t n;      /* respondents or raters behind it */
	bool hidden;   /* suppressed: mean, sd and n are not shown */
};

/* A named line of values, one cell per label (per item, per dimension). */
struct chart_series {
	const char *name;                /* "Meting 1", "Zelf", "Anderen" */
	const struct chart_cell *cells;  /* as many as the chart's labels */
};

/* Means with ±1 SD: per label (item, scale, dimension) a dot for the mean
 * and a whisker from mean − SD to mean + SD, on the axis scale_min ..
 * scale_max (whiskers beyond it are cut at its end). 1 to 3 series (two
 * waves; own organisation and benchmark), one under the other within each
 * row, each with its own colour and marker, and a legend; nothing is
 * drawn for more. label_header heads the label column of
 * the table ("Question", "Scale"). */
void chart_means(struct buf *b, struct arena *a, const char *title, const char *label_header,
		 const char *const *labels, size_t nlabels, const struct chart_series *series, size_t nseries,
		 double scale_min, double scale_max, const char *hidden_note, const char *table_id);

/* A radar for 360° feedback: one axis per dimension (at least 3), scale_min
 * in the centre and scale_max at the rim, a closed polygon per series (self,
 * manager, others, categories; up to CHART_SERIES_MAX). A dimension whose
 * value is hidden or missing for a series breaks that series' line there
 * (it is never drawn as the centre or as 0) and the dimension's label says
 * for which series it is not shown. */
void chart_radar(struct buf *b, struct arena *a, const char *title, const char *const *dimensions, size_t ndims,
		 const struct chart_series *series, size_t nseries, double scale_min, double scale_max,
		 const char *hidden_note, const char *table_id);

/* One row of a heat map: a unit (group, department) with its respondents. */
struct chart_heat_row {
	const char *label;
	size_t n;                        /* respondents in the unit */
	bool n_hidden;                   /* the caller's rules hide n as well */
	const struct chart_cell *cells;  /* one per column */
};

/* A heat map of units (rows) × dimensions (columns): each cell shows its
 * mean as a number and as a shade of blue from scale_min (light) to
 * scale_max (dark), the number in black or white, whichever reads best on
 * the shade. Hidden cells are hatched with "–". The n of each row is in a
 * column of its own. label_header heads the row labels ("Group"). */
void chart_heatmap(struct buf *b, struct arena *a, const char *title, const char *label_header,
		   const char *const *columns, size_t ncols, const struct chart_heat_row *rows, size_t nrows,
		   double scale_min, double scale_max, const char *hidden_note, const char *table_id);

enum chart_unit { CHART_DAYS, CHART_WEEKS };

/* One day or week of a wave. */
struct chart_period {
	const char *label;   /* as the axis and table show it: "3 mrt", "week 11" */
	size_t count;        /* responses that came in during it */
	bool pending;        /* still to come (the wave is open): on the axis, not in the line */
};

/* The response over time: the number of responses so far at the end of
 * each period, as a line from 0 at the opening, against a dashed line at
 * the number invited (left out when invited is 0). periods[0..n) are
 * consecutive days or weeks (unit) from the opening to the closing, gaps
 * filled with count 0, the pending ones (if any) last; for an anonymous
 * wave the caller passes weeks only.
 * opens and closes label the two ends ("3 maart 2025"). */
void chart_timeline(struct buf *b, struct arena *a, const char *title, const struct chart_period *periods, size_t n,
		    enum chart_unit unit, size_t invited, const char *opens, const char *closes, const char *table_id);

#endif
