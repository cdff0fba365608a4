/* doc_text.h — the plain text of a word-processor document a researcher
 * uploads as a source (an interview transcript, observation notes): a
 * .docx (Office Open XML) or an .odt (OpenDocument text). Paragraphs and
 * headings end with a line break, tabs and line breaks inside them are
 * kept, comments and tracked changes are left out; formatting, pictures
 * and tables' structure are not carried (a table's cells come as
 * paragraphs). The file is outside input: read from memory, no network,
 * no DOCTYPE or entity, limits on size, depth and elements. */
#ifndef LG_FORMATS_DOC_TEXT_H
#define LG_FORMATS_DOC_TEXT_H

#include "core/arena.h"

#include <stddef.h>

#define DOC_TEXT_MAX (2u * 1024 * 1024)        /* bytes of text out (a source's limit) */
#define DOC_TEXT_MAX_XML (64u * 1024 * 1024)   /* bytes of the body's XML, unpacked */
#define DOC_TEXT_MAX_DEPTH 256
#define DOC_TEXT_MAX_ELEMENTS 4000000

/* The text (UTF-8, NUL-terminated) of the .docx or .odt in data into
 * *text; NULL, or why it cannot be read (English, for the log). */
const char *doc_text(struct arena *a, const void *data, size_t len, char **text);

#endif
