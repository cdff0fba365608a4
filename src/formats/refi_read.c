/* refi_read.c — the REFI-QDA reader (refi.h): a .qdpx through libzip from
 * memory, its project.qde (or a bare .qde or .qdc) through libxml2's
 * streaming reader, a small state machine over the open elements.
 *
 * Why the DOCTYPE is refused outright: no REFI tool needs one, and it is
 * where entities are declared; with XML_PARSE_NOENT and XML_PARSE_DTDLOAD
 * off no entity is substituted and no DTD fetched, XML_PARSE_NONET keeps
 * the network out, and the reader stops at the DOCTYPE node (or at any
 * entity reference) with a reason. Nothing of ours recurses on the input:
 * depth is limited to REFI_MAX_DEPTH and the element count to
 * REFI_MAX_ELEMENTS. Entries are never written to disk, so a path cannot
 * escape; one that tries (../) is still refused, as a sign of a hostile
 * archive. */
#include "refi.h"
#include "safe_xml.h"
#include "core/compiler.h"
#include "core/utf8.h"

#include <libxml/xmlreader.h>
#include <zip.h>

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <sodium.h>

enum kind {
	K_OTHER, K_PROJECT, K_USERS, K_CODEBOOK, K_CODES, K_CODE, K_CODE_DESC, K_SOURCES, K_TEXTSOURCE,
	K_TS_CONTENT, K_SEL, K_CODING, K_NOTES, K_NOTE, K_NOTE_CONTENT, K_GROUP, K_MEDIA,
};

struct rd {
	struct arena *a;
	struct refi_project *p;
	size_t cap_users, cap_codes, cap_sources, cap_notes, cap_skips, cap_sels, cap_codings;
	char **paths;            /* per source: its plainTextPath, or NULL when inline */
	size_t cap_paths;
	enum kind stack[REFI_MAX_DEPTH + 2];
	int code_at[REFI_MAX_DEPTH + 2];
	const char *media;       /* the kind of source being skipped */
	const char *group;       /* the element whose children are counted (Sets, ...) */
	int group_depth;
	struct buf text;
	bool collecting;
	size_t elements;
	const char *err;
};

#define GROW(rd, arr, n, cap)                                                                      \
	do {                                                                                       \
		if ((n) == (cap)) {                                                                \
			size_t c2_ = (cap) ? (cap) * 2 : 8;                                        \
			(arr) = arena_grow((rd)->a, (arr), (n), c2_, sizeof *(arr));                \
			(cap) = c2_;                                                               \
		}                                                                                  \
	} while (0)

static void skip(struct rd *r, const char *what, const char *reason, size_t n)
{
	struct refi_project *p = r->p;
	for (size_t i = 0; i < p->nskips; i++)
		if (!strcmp(p->skips[i].what, what) && !strcmp(p->skips[i].reason, reason)) {
			p->skips[i].count += n;
			return;
		}
	GROW(r, p->skips, p->nskips, r->cap_skips);
	p->skips[p->nskips++] = (struct refi_skip){ what, reason, n };
}

/* ---- small parts ---- */

char *refi_guid(struct arena *a, const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s);
	if (n == 38 && s[0] == '{' && s[37] == '}')
		s++, n = 36;
	if (n != 36)
		return NULL;
	char *g = arena_strndup(a, s, 36);
	for (size_t i = 0; i < 36; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash ? g[i] != '-' : !((g[i] >= '0' && g[i] <= '9') || (g[i] >= 'a' && g[i] <= 'f') ||
					   (g[i] >= 'A' && g[i] <= 'F')))
			return NULL;
		if (g[i] >= 'a' && g[i] <= 'f')
			g[i] = (char)(g[i] - 'a' + 'A');
	}
	return g;
}

char *refi_new_guid(struct arena *a)
{
	unsigned char b[16];
	randombytes_buf(b, sizeof b);
	b[6] = (unsigned char)((b[6] & 0x0F) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);
	return arena_printf(a, "%02X%02X%02X%02X-%02X%02X-%02X%02X-%02X%02X-%02X%02X%02X%02X%02X%02X", b[0], b[1],
			    b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

static bool hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f') || (s[i] >= 'A' && s[i] <= 'F')))
			return false;
	return true;
}

char *refi_color(struct arena *a, const char *s)
{
	if (!s)
		return NULL;
	if (*s == '#')
		s++;
	size_t n = strlen(s);
	char *c;
	if (n == 6 && hex(s, 6))
		c = arena_printf(a, "#%s", s);
	else if (n == 8 && hex(s, 8))
		c = arena_printf(a, "#%s", s + 2);  /* AARRGGBB: the alpha dropped */
	else if (n == 3 && hex(s, 3))
		c = arena_printf(a, "#%c%c%c%c%c%c", s[0], s[0], s[1], s[1], s[2], s[2]);
	else
		return NULL;
	for (char *q = c; *q; q++)
		if (*q >= 'a' && *q <= 'f')
			*q = (char)(*q - 'a' + 'A');
	return c;
}

size_t refi_ncodings(const struct refi_project *p)
{
	size_t n = 0;
	for (size_t i = 0; i < p->nsources; i++)
		for (size_t k = 0; k < p->sources[i].nsels; k++)
			n += p->sources[i].sels[k].ncodings;
	return n;
}

/* ---- the XML ---- */

static char *attr(struct rd *r, xmlTextReaderPtr x, const char *name)
{
	xmlChar *v = xmlTextReaderGetAttribute(x, (const xmlChar *)name);
	if (!v)
		return NULL;
	char *s = arena_strdup(r->a, (const char *)v);
	xmlFree(v);
	return s;
}

static char *guid_attr(struct rd *r, xmlTextReaderPtr x, const char *name, const char *what)
{
	char *raw = attr(r, x, name);
	char *g = refi_guid(r->a, raw);
	if (!g) {
		skip(r, what, raw ? "malformed guid: a new one was given" : "no guid: a new one was given", 1);
		g = refi_new_guid(r->a);
	}
	return g;
}

static bool parse_pos(const char *s, size_t *out)
{
	if (!s || !*s)
		return false;
	size_t v = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > (SIZE_MAX - 9) / 10)
			return false;
		v = v * 10 + (size_t)(*s - '0');
	}
	*out = v;
	return true;
}

static const char *media_name(const char *el)
{
	if (!strcmp(el, "PDFSource")) return "PDF source";
	if (!strcmp(el, "PictureSource")) return "picture source";
	if (!strcmp(el, "AudioSource")) return "audio source";
	if (!strcmp(el, "VideoSource")) return "video source";
	return "other source";
}

static const char *group_member(const char *el)
{
	if (!strcmp(el, "Variables")) return "variable";
	if (!strcmp(el, "Cases")) return "case";
	if (!strcmp(el, "Sets")) return "set";
	if (!strcmp(el, "Graphs")) return "graph";
	if (!strcmp(el, "Links")) return "link";
	return NULL;
}

static void start(struct rd *r, xmlTextReaderPtr x, int d, const char *el)
{
	struct refi_project *p = r->p;
	enum kind parent = d ? r->stack[d - 1] : K_OTHER;
	enum kind k = K_OTHER;
	if (d == 0) {
		if (!strcmp(el, "Project")) {
			k = K_PROJECT;
			p->name = attr(r, x, "name");
			p->origin = attr(r, x, "origin");
		} else if (!strcmp(el, "CodeBook")) {
			k = K_CODEBOOK;
			p->codebook_only = true;
			p->origin = attr(r, x, "origin");
		} else {
			r->err = "not a REFI-QDA project or codebook (the root element is neither Project nor CodeBook)";
		}
	} else if (parent == K_PROJECT) {
		if (!strcmp(el, "Users")) k = K_USERS;
		else if (!strcmp(el, "CodeBook")) k = K_CODEBOOK;
		else if (!strcmp(el, "Sources")) k = K_SOURCES;
		else if (!strcmp(el, "Notes")) k = K_NOTES;
		else if ((r->group = group_member(el))) k = K_GROUP, r->group_depth = d;
	} else if (parent == K_CODEBOOK) {
		if (!strcmp(el, "Codes")) {
			k = K_CODES;
		} else if (!strcmp(el, "Sets")) {
			k = K_GROUP;
			r->group = "set";
			r->group_depth = d;
			if (p->codebook_only && xmlTextReaderIsEmptyElement(x))
				skip(r, "empty Sets element", "invalid per Codebook.xsd (a Set is required); read anyway", 1);
		}
	} else if (parent == K_USERS && !strcmp(el, "User")) {
		GROW(r, p->users, p->nusers, r->cap_users);
		struct refi_user *u = &p->users[p->nusers++];
		u->guid = guid_attr(r, x, "guid", "user");
		u->name = attr(r, x, "name");
		if (!u->name) u->name = "";
	} else if ((parent == K_CODES || parent == K_CODE) && !strcmp(el, "Code")) {
		k = K_CODE;
		GROW(r, p->codes, p->ncodes, r->cap_codes);
		struct refi_code *c = &p->codes[p->ncodes];
		c->parent = parent == K_CODE ? r->code_at[d - 1] : -1;
		r->code_at[d] = (int)p->ncodes++;
		c->guid = guid_attr(r, x, "guid", "code");
		c->name = attr(r, x, "name");
		if (!c->name) c->name = "";
		char *cod = attr(r, x, "isCodable");
		c->codable = !cod || !strcmp(cod, "true") || !strcmp(cod, "1");
		char *col = attr(r, x, "color");
		c->color = refi_color(r->a, col);
		if (col && *col && !c->color)
			skip(r, "code colour", "not #RRGGBB, #AARRGGBB or #RGB: left empty", 1);
		else if (col && (*col != '#' || strlen(col) == 9))
			skip(r, "code colour", "normalised to #RRGGBB (alpha or '#' missing)", 1);
		if (!c->color) c->color = "";
		c->description = "";
	} else if (parent == K_CODE && !strcmp(el, "Description")) {
		k = K_CODE_DESC;
	} else if (parent == K_SOURCES) {
		if (!strcmp(el, "TextSource")) {
			k = K_TEXTSOURCE;
			GROW(r, p->sources, p->nsources, r->cap_sources);
			GROW(r, r->paths, p->nsources, r->cap_paths);
			struct refi_source *s = &p->sources[p->nsources];
			s->guid = guid_attr(r, x, "guid", "text source");
			s->name = attr(r, x, "name");
			if (!s->name) s->name = "";
			r->paths[p->nsources++] = attr(r, x, "plainTextPath");
			r->cap_sels = 0;
		} else {
			k = K_MEDIA;
			r->media = media_name(el);
			skip(r, r->media, "only text sources are carried over", 1);
		}
	} else if (parent == K_TEXTSOURCE) {
		struct refi_source *s = &p->sources[p->nsources - 1];
		if (!strcmp(el, "PlainTextContent")) {
			k = K_TS_CONTENT;
		} else if (!strcmp(el, "PlainTextSelection")) {
			k = K_SEL;
			GROW(r, s->sels, s->nsels, r->cap_sels);
			struct refi_selection *sel = &s->sels[s->nsels++];
			sel->guid = guid_attr(r, x, "guid", "selection");
			sel->name = attr(r, x, "name");
			if (!sel->name) sel->name = "";
			sel->user = refi_guid(r->a, attr(r, x, "creatingUser"));
			if (!sel->user) sel->user = "";
			if (!parse_pos(attr(r, x, "startPosition"), &sel->start) ||
			    !parse_pos(attr(r, x, "endPosition"), &sel->end)) {
				sel->start = 1;  /* marked impossible: dropped with a reason later */
				sel->end = 0;
			}
			r->cap_codings = 0;
		} else if (!strcmp(el, "Coding")) {
			skip(r, "coding of a whole source", "only codings of text selections are carried over", 1);
		}
	} else if (parent == K_SEL && !strcmp(el, "Coding")) {
		k = K_CODING;
		struct refi_source *s = &p->sources[p->nsources - 1];
		struct refi_selection *sel = &s->sels[s->nsels - 1];
		GROW(r, sel->codings, sel->ncodings, r->cap_codings);
		struct refi_coding *c = &sel->codings[sel->ncodings++];
		c->guid = guid_attr(r, x, "guid", "coding");
		c->user = refi_guid(r->a, attr(r, x, "creatingUser"));
		if (!c->user) c->user = "";
		c->code = NULL;
	} else if (parent == K_CODING && !strcmp(el, "CodeRef")) {
		struct refi_source *s = &p->sources[p->nsources - 1];
		struct refi_selection *sel = &s->sels[s->nsels - 1];
		sel->codings[sel->ncodings - 1].code = refi_guid(r->a, attr(r, x, "targetGUID"));
	} else if (parent == K_NOTES && !strcmp(el, "Note")) {
		k = K_NOTE;
		GROW(r, p->notes, p->nnotes, r->cap_notes);
		struct refi_note *n = &p->notes[p->nnotes++];
		n->guid = guid_attr(r, x, "guid", "note");
		n->name = attr(r, x, "name");
		if (!n->name) n->name = "";
		n->text = "";
	} else if (parent == K_NOTE && !strcmp(el, "PlainTextContent")) {
		k = K_NOTE_CONTENT;
	} else if (parent == K_GROUP && d == r->group_depth + 1) {
		skip(r, r->group, "not carried over", 1);
	} else if (parent == K_MEDIA) {
		k = K_MEDIA;
		if (!strcmp(el, "Coding"))
			skip(r, "coding on a non-text source", "only codings of text selections are carried over", 1);
	} else if (parent == K_GROUP) {
		k = K_GROUP;
	}
	r->stack[d] = k;
	r->collecting = k == K_CODE_DESC || k == K_TS_CONTENT || k == K_NOTE_CONTENT;
	buf_reset(&r->text);
}

static void end(struct rd *r, int d)
{
	struct refi_project *p = r->p;
	enum kind k = r->stack[d];
	if (k == K_CODE_DESC || k == K_TS_CONTENT || k == K_NOTE_CONTENT) {
		char *t = arena_strndup(r->a, r->text.ptr ? r->text.ptr : "", r->text.len);
		if (k == K_CODE_DESC) {
			p->codes[r->code_at[d - 1]].description = t;
		} else if (k == K_NOTE_CONTENT) {
			p->notes[p->nnotes - 1].text = t;
		} else {
			struct refi_source *s = &p->sources[p->nsources - 1];
			s->text = t;
			s->len = r->text.len;
			r->paths[p->nsources - 1] = NULL;
		}
	}
	r->collecting = false;
	buf_reset(&r->text);
}

static const char *parse_xml(struct rd *r, const char *data, size_t len)
{
	if (len > REFI_MAX_ENTRY)
		return "project.qde is larger than the limit";
	if (len > INT_MAX)
		return "project.qde is too large";
	if (safe_xml_has_doctype(data, len))
		return r->err = "the XML has a DOCTYPE (entity declarations or an external DTD): refused";
	xmlTextReaderPtr x = xmlReaderForMemory(data, (int)len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
	if (!x)
		return "the XML could not be read";
	xmlTextReaderSetStructuredErrorHandler(x, safe_xml_silent, NULL);
	bool root = false;
	int ret = 0;
	while (!r->err && (ret = xmlTextReaderRead(x)) == 1) {
		int type = xmlTextReaderNodeType(x);
		int d = xmlTextReaderDepth(x);
		if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
			r->err = "the XML has a DOCTYPE (entity declarations or an external DTD): refused";
		} else if (type == XML_READER_TYPE_ENTITY_REFERENCE || type == XML_READER_TYPE_ENTITY) {
			r->err = "the XML refers to an entity: refused";
		} else if (d < 0 || d > REFI_MAX_DEPTH) {
			r->err = "the XML nests elements deeper than the limit";
		} else if (type == XML_READER_TYPE_ELEMENT) {
			if (++r->elements > REFI_MAX_ELEMENTS) {
				r->err = "the XML has more elements than the limit";
				break;
			}
			root = true;
			const char *el = (const char *)xmlTextReaderConstLocalName(x);
			start(r, x, d, el ? el : "");
			if (xmlTextReaderIsEmptyElement(x))
				end(r, d);
		} else if (type == XML_READER_TYPE_END_ELEMENT) {
			end(r, d);
		} else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
			    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE) &&
			   r->collecting && d >= 1) {
			const char *v = (const char *)xmlTextReaderConstValue(x);
			if (v) {
				if (r->text.len + strlen(v) > REFI_MAX_ENTRY)
					r->err = "a text in the XML is larger than the limit";
				else
					buf_adds(&r->text, v);
			}
		}
	}
	if (!r->err && ret != 0)
		r->err = "not well-formed XML";
	if (!r->err && !root)
		r->err = "no XML element";
	xmlFreeTextReader(x);
	return r->err;
}

/* ---- the archive ---- */

static bool escapes(const char *path)
{
	if (!path)
		return false;
	if (path[0] == '/' || path[0] == '\\')
		return true;
	for (const char *s = path; *s; s++)
		if (s[0] == '.' && s[1] == '.' && (s == path || s[-1] == '/' || s[-1] == '\\') &&
		    (s[2] == 0 || s[2] == '/' || s[2] == '\\'))
			return true;
	return false;
}

/* The entry a plainTextPath names: internal://NAME, sources/NAME or NAME,
 * under sources/ in any case; -1 when absent or outside the archive. */
static zip_int64_t find_text(zip_t *z, const char *path)
{
	const char *name = path;
	if (!strncasecmp(name, "internal://", 11))
		name += 11;
	else if (strstr(name, "://") || !strncasecmp(name, "file:", 5))
		return -1;
	if (!strncasecmp(name, "sources/", 8))
		name += 8;
	zip_int64_t n = zip_get_num_entries(z, 0), loose = -1;
	for (zip_int64_t i = 0; i < n; i++) {
		const char *e = zip_get_name(z, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
		if (!e || strncasecmp(e, "sources/", 8))
			continue;
		if (!strcmp(e + 8, name))
			return i;
		if (loose < 0 && !strcasecmp(e + 8, name))
			loose = i;
	}
	return loose;
}

/* ---- after the XML: texts, positions, code references ---- */

static int cmp_guid(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

static void check_source(struct rd *r, struct refi_source *s, const char **codes, size_t ncodes)
{
	size_t utf16 = 0;
	s->chars = 0;
	for (const unsigned char *q = (const unsigned char *)s->text; *q; q++)
		if ((*q & 0xC0) != 0x80) {
			s->chars++;
			utf16 += *q >= 0xF0 ? 2 : 1;
		}
	size_t kept = 0;
	for (size_t k = 0; k < s->nsels; k++) {
		struct refi_selection *sel = &s->sels[k];
		if (sel->start > sel->end || sel->end > s->chars) {
			const char *why = "positions outside the text";
			if (sel->start <= sel->end && (sel->end <= utf16 || sel->end <= s->len))
				why = "positions outside the text (counted in UTF-16 units or bytes, not characters)";
			skip(r, "selection", why, 1);
			if (sel->ncodings)
				skip(r, "coding", "its selection was not carried over", sel->ncodings);
			continue;
		}
		size_t kc = 0;
		for (size_t c = 0; c < sel->ncodings; c++) {
			const char *g = sel->codings[c].code;
			if (!g || !bsearch(&g, codes, ncodes, sizeof *codes, cmp_guid)) {
				skip(r, "coding", "its code is not in the codebook", 1);
				continue;
			}
			sel->codings[kc++] = sel->codings[c];
		}
		sel->ncodings = kc;
		s->sels[kept++] = *sel;
	}
	s->nsels = kept;
}

static const char *finish(struct rd *r, zip_t *z)
{
	struct refi_project *p = r->p;
	const char **codes = arena_alloc(r->a, (p->ncodes + 1) * sizeof *codes);
	for (size_t i = 0; i < p->ncodes; i++)
		codes[i] = p->codes[i].guid;
	qsort(codes, p->ncodes, sizeof *codes, cmp_guid);

	size_t kept = 0;
	for (size_t i = 0; i < p->nsources; i++) {
		struct refi_source *s = &p->sources[i];
		const char *path = r->paths[i];
		if (path && escapes(path))
			return "a source's path leaves the archive (../ or an absolute path): refused";
		if (path) {
			zip_int64_t e = z ? find_text(z, path) : -1;
			if (e >= 0) {
				const char *err = NULL;
				s->text = safe_zip_entry(r->a, z, e, REFI_MAX_ENTRY, &s->len, &err);
				if (!s->text)
					return err;
			}
		}
		const char *why = NULL;
		if (!s->text)
			why = "its text is missing";
		else if (!utf8_valid(s->text, s->len) || strlen(s->text) != s->len)
			why = "its text is not UTF-8";
		if (why) {
			skip(r, "text source", why, 1);
			if (s->nsels)
				skip(r, "selection", "its source was not carried over", s->nsels);
			size_t nc = 0;
			for (size_t k = 0; k < s->nsels; k++)
				nc += s->sels[k].ncodings;
			if (nc)
				skip(r, "coding", "its source was not carried over", nc);
			continue;
		}
		if (s->len >= 3 && !memcmp(s->text, "\xEF\xBB\xBF", 3)) {
			s->text += 3;
			s->len -= 3;
			skip(r, "byte order mark", "removed from the start of a text", 1);
		}
		check_source(r, s, codes, p->ncodes);
		p->sources[kept++] = *s;
	}
	p->nsources = kept;
	if (!p->name)
		p->name = "";
	if (!p->origin)
		p->origin = "";
	return NULL;
}

static const char *read_zip(struct rd *r, const void *data, size_t len)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	if (!src) {
		zip_error_fini(&ze);
		return "the archive cannot be read";
	}
	zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &ze);
	zip_error_fini(&ze);
	if (!z) {
		zip_source_free(src);
		return "not a zip archive (a .qdpx is one), or a damaged one";
	}
	const char *err = NULL;
	zip_int64_t n = zip_get_num_entries(z, 0), qde = -1;
	if (n > REFI_MAX_ENTRIES)
		err = "the archive has more entries than the limit";
	for (zip_int64_t i = 0; !err && i < n; i++) {
		const char *e = zip_get_name(z, (zip_uint64_t)i, ZIP_FL_ENC_RAW);
		if (!e)
			continue;
		if (escapes(e))
			err = "an entry's path leaves the archive (../ or an absolute path): refused";
		else if (qde < 0 && !strcasecmp(e, "project.qde"))
			qde = i;
	}
	if (!err && qde < 0)
		err = "the archive holds no project.qde";
	size_t xl = 0;
	char *xml = err ? NULL : safe_zip_entry(r->a, z, qde, REFI_MAX_ENTRY, &xl, &err);
	if (xml && !parse_xml(r, xml, xl))
		err = finish(r, z);
	else if (xml)
		err = r->err;
	zip_discard(z);
	return err;
}

const char *refi_read_mem(struct arena *a, const void *data, size_t len, struct refi_project *out)
{
	memset(out, 0, sizeof *out);
	if (len > REFI_MAX_ARCHIVE)
		return "the file is larger than the limit";
	if (len == 0)
		return "the file is empty";
	struct rd r = { .a = a, .p = out };
	buf_init(&r.text, 256);
	const char *err;
	if (len >= 4 && !memcmp(data, "PK", 2))
		err = read_zip(&r, data, len);
	else if (!(err = parse_xml(&r, data, len)))
		err = finish(&r, NULL);
	buf_release(&r.text);
	if (err)
		memset(out, 0, sizeof *out);
	return err;
}

const char *refi_read_file(struct arena *a, const char *path, struct refi_project *out)
{
	memset(out, 0, sizeof *out);
	FILE *f = fopen(path, "rb");
	if (!f)
		return arena_printf(a, "cannot open %s: %s", path, strerror(errno));
	struct stat st;
	if (fstat(fileno(f), &st) || !S_ISREG(st.st_mode)) {
		fclose(f);
		return "not a regular file";
	}
	if ((unsigned long long)st.st_size > REFI_MAX_ARCHIVE) {
		fclose(f);
		return "the file is larger than the limit";
	}
	size_t n = (size_t)st.st_size;
	char *b = malloc(n ? n : 1);
	if (!b || fread(b, 1, n, f) != n) {
		free(b);
		fclose(f);
		return "the file cannot be read";
	}
	fclose(f);
	const char *err = refi_read_mem(a, b, n, out);
	free(b);
	return err;
}
