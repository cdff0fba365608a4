/* doc_text.c — the plain text of a .docx or .odt (doc_text.h): the one XML
 * part that holds the body (word/document.xml, content.xml) read from the
 * zip in memory with the guards of safe_xml.h, then walked with libxml2's
 * streaming reader. Elements are told apart by namespace and local name,
 * not by their prefix, which a writer may choose freely. */
#include "doc_text.h"
#include "safe_xml.h"
#include "core/buf.h"
#include "core/utf8.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

enum doc { DOCX, ODT };

struct walk {
	enum doc kind;
	struct buf out;
	int in_text;      /* docx: inside w:t */
	int skip_depth;   /* > 0: inside an element left out (a comment), at this depth + 1 */
	size_t elements;
	const char *err;
};

static bool is(xmlTextReaderPtr x, const char *ns, const char *local)
{
	const char *u = (const char *)xmlTextReaderConstNamespaceUri(x);
	const char *l = (const char *)xmlTextReaderConstLocalName(x);
	return u && l && !strcmp(u, ns) && !strcmp(l, local);
}

static void add(struct walk *w, const char *s, size_t n)
{
	if (w->out.len + n > DOC_TEXT_MAX) {
		w->err = "the text is longer than the limit";
		return;
	}
	buf_add(&w->out, s, n);
}

static void start(struct walk *w, xmlTextReaderPtr x, int depth, bool empty)
{
	if (w->kind == DOCX) {
		if (is(x, NS_W, "t") && !empty)
			w->in_text = depth + 1;
		else if (is(x, NS_W, "tab"))
			add(w, "\t", 1);
		else if (is(x, NS_W, "br") || is(x, NS_W, "cr"))
			add(w, "\n", 1);
		return;
	}
	if (is(x, NS_OFFICE, "annotation") || is(x, NS_TEXT, "note-citation") || is(x, NS_TEXT, "tracked-changes")) {
		if (!empty)
			w->skip_depth = depth + 1;
	} else if (is(x, NS_TEXT, "s")) {
		const char *c = (const char *)xmlTextReaderGetAttributeNs(x, (const xmlChar *)"c", (const xmlChar *)NS_TEXT);
		long n = c ? strtol(c, NULL, 10) : 1;
		xmlFree((void *)c);
		for (long i = 0; i < (n < 1 ? 1 : n > 100 ? 100 : n); i++)
			add(w, " ", 1);
	} else if (is(x, NS_TEXT, "tab")) {
		add(w, "\t", 1);
	} else if (is(x, NS_TEXT, "line-break")) {
		add(w, "\n", 1);
	}
}

static void end(struct walk *w, xmlTextReaderPtr x, int depth)
{
	if (w->skip_depth && depth + 1 == w->skip_depth) {
		w->skip_depth = 0;
		return;
	}
	if (w->kind == DOCX) {
		if (w->in_text == depth + 1)
			w->in_text = 0;
		if (is(x, NS_W, "p"))
			add(w, "\n", 1);
	} else if (!w->skip_depth && (is(x, NS_TEXT, "p") || is(x, NS_TEXT, "h"))) {
		add(w, "\n", 1);
	}
}

static const char *walk_xml(struct walk *w, const char *data, size_t len)
{
	if (len > INT_MAX)
		return "the document is too large";
	if (safe_xml_has_doctype(data, len))
		return "the document's XML has a DOCTYPE (entity declarations or an external DTD): refused";
	xmlTextReaderPtr x = xmlReaderForMemory(data, (int)len, NULL, NULL, XML_PARSE_NONET);
	if (!x)
		return "the document's XML could not be read";
	xmlTextReaderSetStructuredErrorHandler(x, safe_xml_silent, NULL);
	int ret = 0;
	while (!w->err && (ret = xmlTextReaderRead(x)) == 1) {
		int type = xmlTextReaderNodeType(x), d = xmlTextReaderDepth(x);
		if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE ||
		    type == XML_READER_TYPE_ENTITY) {
			w->err = "the document's XML declares or refers to an entity: refused";
		} else if (d > DOC_TEXT_MAX_DEPTH) {
			w->err = "the document's XML nests elements deeper than the limit";
		} else if (type == XML_READER_TYPE_ELEMENT) {
			if (++w->elements > DOC_TEXT_MAX_ELEMENTS) {
				w->err = "the document has more elements than the limit";
				break;
			}
			bool empty = xmlTextReaderIsEmptyElement(x);
			if (!w->skip_depth)
				start(w, x, d, empty);
			if (empty)
				end(w, x, d);
		} else if (type == XML_READER_TYPE_END_ELEMENT) {
			end(w, x, d);
		} else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
			    type == XML_READER_TYPE_CDATA) && !w->skip_depth && (w->kind == ODT || w->in_text)) {
			const char *v = (const char *)xmlTextReaderConstValue(x);
			if (v)
				add(w, v, strlen(v));
		}
	}
	if (!w->err && ret != 0)
		w->err = "the document's XML is not well-formed";
	xmlFreeTextReader(x);
	return w->err;
}

const char *doc_text(struct arena *a, const void *data, size_t len, char **text)
{
	*text = NULL;
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	zip_error_fini(&ze);
	if (!z) {
		zip_source_free(src);
		return "not a .docx or .odt (those are zip archives), or a damaged one";
	}
	struct walk w = { .out = BUF_INIT };
	const char *err = NULL;
	zip_int64_t part = zip_name_locate(z, "word/document.xml", 0);
	w.kind = DOCX;
	if (part < 0) {
		part = zip_name_locate(z, "content.xml", 0);
		w.kind = ODT;
	}
	size_t n = 0;
	char *xml = part < 0 ? NULL : safe_zip_entry(a, z, part, DOC_TEXT_MAX_XML, &n, &err);
	if (part < 0)
		err = "neither a .docx (word/document.xml) nor an .odt (content.xml)";
	else if (xml)
		err = walk_xml(&w, xml, n);
	zip_discard(z);
	if (!err && (!w.out.len || !utf8_valid(w.out.ptr, w.out.len)))
		err = w.out.len ? "the document's text is not valid UTF-8" : "the document holds no text";
	if (!err)
		*text = arena_strndup(a, w.out.ptr, w.out.len);
	buf_release(&w.out);
	return err;
}
