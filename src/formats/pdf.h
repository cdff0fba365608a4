/* pdf.h — printable A4 booklets (a group's learning story, the accounting
 * of a level): a cover page, then sections whose body is CommonMark,
 * optionally with a chart (the SVG the pages draw, rendered with librsvg)
 * and a table. Typeset with cairo's PDF surface and pango; the fonts are
 * DejaVu Serif, Sans and Sans Mono (Debian's fonts-dejavu-core).
 *
 * Markdown is read with cmark and walked node by node: raw HTML is dropped,
 * every text reaches pango markup escaped, links print their text and, for
 * http, https and mailto only, the address in small grey. The PDF holds no
 * link annotations and no scripts; it does hold bookmarks to the sections. */
#ifndef LG_FORMATS_PDF_H
#define LG_FORMATS_PDF_H

#include "core/buf.h"

#include <stddef.h>

/* The page in PDF points (1/72 inch, origin at the top left) and the band
 * the body text stays within; the footer sits below PDF_BODY_BOTTOM. */
#define PDF_PAGE_WIDTH  595.276  /* 210 mm */
#define PDF_PAGE_HEIGHT 841.890  /* 297 mm */
#define PDF_BODY_TOP    70.866   /* 25 mm */
#define PDF_BODY_BOTTOM 771.024  /* 25 mm above the foot of the page */

/* A table of plain text: the first column takes what the others leave,
 * the others are narrow and right-aligned (numbers). cells[r * ncols + c];
 * row 0 is the header, kept with the row under it. */
#define PDF_TABLE_COLS_MAX 8
struct pdf_table {
	const char *const *cells;
	size_t ncols, nrows;
};

struct pdf_section {
	const char *heading;   /* e.g. "Bijeenkomst 3 — 12 maart 2026: Feedback geven"; may be NULL */
	const char *byline;    /* small grey line under the heading; may be NULL */
	const char *markdown;  /* CommonMark body; may be NULL */
	const char *svg;       /* a chart as the pages draw it (an SVG document), under the body; may be NULL */
	const struct pdf_table *table;  /* under the chart; may be NULL */
};

struct pdf_doc {
	const char *title;          /* cover: big title, e.g. "Leerverhaal" */
	const char *subtitle;       /* cover: e.g. the group's name */
	const char *cover_lines[6]; /* cover: further lines (programme, period, ...), NULL-terminated */
	const char *footer;         /* foot of every page after the cover, next to the page number */
	const struct pdf_section *sections;
	size_t n_sections;
	const char *page_word;      /* word before the page number; NULL gives "pagina" */
};

/* Appends a complete PDF (A4) to out; 0 on success, -1 on failure (out is
 * then left as it was). The cover counts as page 1 but shows no number.
 * Safe to call from several threads at once: renders take turns. */
int pdf_render(struct buf *out, const struct pdf_doc *d);

#endif
