/* markdown.h — the texts people write (reports, learning stories, logbook
 * entries, plans) are CommonMark, rendered with cmark in safe mode:
 * raw HTML is dropped (cmark writes an HTML comment in its place) and links
 * or images with javascript:, vbscript:, file: or data: (other than
 * data:image/png|gif|jpeg|webp) URLs get an empty href. We add nothing of
 * our own to cmark's sanitiser except that images become links (a report
 * must not load anything from elsewhere when it is opened).
 *
 * md_plain() gives the words only (no markup, no raw HTML), one block per
 * line: what search indexes and what snippets are cut from. */
#ifndef LG_FORMATS_MARKDOWN_H
#define LG_FORMATS_MARKDOWN_H

#include "core/buf.h"

#include <stddef.h>

/* Appends the safe HTML of the Markdown text (len bytes) to b. */
void md_html(struct buf *b, const char *text, size_t len);
/* Appends the Markdown text rewritten so that no Markdown viewer can make
 * markup of it either: raw HTML becomes escaped text, links to dangerous
 * URLs lose their URL, images become links (for exports: the .md file). */
void md_safe(struct buf *b, const char *text, size_t len);
/* The same, but raw HTML is left out as md_html() leaves it out: what a
 * page shows is what a document typeset from the result shows (the PDF). */
void md_without_html(struct buf *b, const char *text, size_t len);
/* Appends the plain words of the Markdown text to b. */
void md_plain(struct buf *b, const char *text, size_t len);

/* Appends the text with the characters that make Markdown markup
 * (\ ` * _ [ ] < > # ~ |) backslash-escaped and line breaks made spaces: a name or title that reads as itself inside
 * Markdown. */
void md_escape(struct buf *b, const char *text);

#endif
