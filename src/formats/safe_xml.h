/* safe_xml.h — what every reader of outside XML and zip archives in
 * formats/ shares: a DOCTYPE found before the parser runs (entities and
 * external DTDs are refused outright, never expanded), a silent error
 * handler for libxml2's reader (the reason is ours to give), and one zip
 * entry read into memory within a size limit. */
#ifndef LG_FORMATS_SAFE_XML_H
#define LG_FORMATS_SAFE_XML_H

#include "core/arena.h"

#include <libxml/xmlreader.h>
#include <stdbool.h>
#include <stddef.h>
#include <zip.h>

/* Whether the prolog of s (before the first element) holds a DOCTYPE. */
bool safe_xml_has_doctype(const char *s, size_t len);
/* An error handler that says nothing (xmlTextReaderSetStructuredErrorHandler). */
void safe_xml_silent(void *arg, xmlErrorPtr e);
/* Entry i of z into the arena, NUL-terminated, at most max bytes unpacked;
 * NULL with *err set (an English reason). */
char *safe_zip_entry(struct arena *a, zip_t *z, zip_int64_t i, size_t max, size_t *len, const char **err);

#endif
