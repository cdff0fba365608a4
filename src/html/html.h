/* html.h — the one way leergang writes HTML. html() works like printf,
 * except that every %s argument is escaped for text and for quoted
 * attribute values (& < > " '). Markup therefore only ever comes from the
 * literal format strings in the code; what users typed cannot become markup.
 * Supported conversions: %s %d %u %ld %lu %lld %llu %zu %%. Anything else is a
 * programming error and aborts. html_raw() appends a trusted fragment (one
 * produced by html() itself). */
#ifndef LG_HTML_H
#define LG_HTML_H

#include "core/arena.h"
#include "core/buf.h"

void html(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void html_escape(struct buf *b, const char *s);
void html_raw(struct buf *b, const char *s);
/* A plain text (an imported question, a help text) escaped, its line
 * breaks as <br>: for a label or legend, which hold no paragraphs. */
void html_lines(struct buf *b, const char *text);
/* A plain text escaped as paragraphs: a blank line starts a new <p> (of
 * class cls when it is not NULL), another line break is a <br>. The
 * text's own markup is never trusted: it is escaped first. */
void html_paragraphs(struct buf *b, const char *text, const char *cls);
/* Appends the HTML of a Markdown text, rendered by cmark in safe mode
 * (formats/markdown.h): raw HTML and unsafe links never become markup. */
void html_markdown(struct buf *b, const char *markdown);
/* Appends a search snippet escaped, its matches (between \x01 and \x02)
 * as <mark>. */
void html_snippet(struct buf *b, const char *snippet);
/* Percent-encodes s for a URL query value or path segment, in the arena;
 * the result holds only A-Z a-z 0-9 - . _ ~ and %XX. */
char *url_encode(struct arena *a, const char *s);
/* A local path to return to after an action: must start with one '/'
 * and hold no control characters or backslashes; otherwise "/". */
const char *safe_next(const char *next);

#endif
