/* refi_write.c — the REFI-QDA writer (refi.h): project.qde and .qdc with
 * libxml2's xmlTextWriter (which escapes every text and attribute), and
 * the .qdpx archive with libzip. What is written follows the element order
 * of Project.xsd and Codebook.xsd; guids and colours are the normalised
 * ones of the model, an empty colour or user is left out. */
#include "refi.h"

#include <libxml/xmlwriter.h>
#include <zip.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define W(x) ((const xmlChar *)(x))

static void attr(xmlTextWriterPtr w, const char *name, const char *v)
{
	if (v && *v)
		xmlTextWriterWriteAttribute(w, W(name), W(v));
}

/* The code tree: codes come depth first, each after its parent, so a
 * stack of the open codes is enough (its depth is that of the input,
 * limited by REFI_MAX_DEPTH). */
static void codes(xmlTextWriterPtr w, const struct refi_project *p)
{
	int *open = malloc((p->ncodes + 1) * sizeof *open);
	size_t n = 0;
	xmlTextWriterStartElement(w, W("Codes"));
	for (size_t i = 0; i < p->ncodes; i++) {
		const struct refi_code *c = &p->codes[i];
		while (n && open[n - 1] != c->parent) {
			xmlTextWriterEndElement(w);
			n--;
		}
		xmlTextWriterStartElement(w, W("Code"));
		attr(w, "guid", c->guid);
		xmlTextWriterWriteAttribute(w, W("name"), W(c->name));
		xmlTextWriterWriteAttribute(w, W("isCodable"), W(c->codable ? "true" : "false"));
		attr(w, "color", c->color);
		if (c->description && *c->description)
			xmlTextWriterWriteElement(w, W("Description"), W(c->description));
		open[n++] = (int)i;
	}
	while (n--)
		xmlTextWriterEndElement(w);
	xmlTextWriterEndElement(w);
	free(open);
}

static bool finish(xmlTextWriterPtr w, xmlBufferPtr xb, struct buf *out)
{
	int rc = xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);
	if (rc >= 0)
		buf_add(out, xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
	xmlBufferFree(xb);
	return rc >= 0;
}

static xmlTextWriterPtr begin(xmlBufferPtr *xb)
{
	*xb = xmlBufferCreate();
	if (!*xb)
		return NULL;
	xmlTextWriterPtr w = xmlNewTextWriterMemory(*xb, 0);
	if (!w) {
		xmlBufferFree(*xb);
		return NULL;
	}
	xmlTextWriterSetIndent(w, 0);
	xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
	return w;
}

bool refi_write_qde(const struct refi_project *p, struct buf *out)
{
	xmlBufferPtr xb;
	xmlTextWriterPtr w = begin(&xb);
	if (!w)
		return false;
	xmlTextWriterStartElementNS(w, NULL, W("Project"), W("urn:QDA-XML:project:1.0"));
	xmlTextWriterWriteAttribute(w, W("name"), W(p->name && *p->name ? p->name : "leergang"));
	xmlTextWriterWriteAttribute(w, W("origin"), W("leergang"));
	if (p->nusers) {
		xmlTextWriterStartElement(w, W("Users"));
		for (size_t i = 0; i < p->nusers; i++) {
			xmlTextWriterStartElement(w, W("User"));
			attr(w, "guid", p->users[i].guid);
			attr(w, "name", p->users[i].name);
			xmlTextWriterEndElement(w);
		}
		xmlTextWriterEndElement(w);
	}
	if (p->ncodes) {
		xmlTextWriterStartElement(w, W("CodeBook"));
		codes(w, p);
		xmlTextWriterEndElement(w);
	}
	if (p->nsources) {
		xmlTextWriterStartElement(w, W("Sources"));
		for (size_t i = 0; i < p->nsources; i++) {
			const struct refi_source *s = &p->sources[i];
			xmlTextWriterStartElement(w, W("TextSource"));
			attr(w, "guid", s->guid);
			attr(w, "name", s->name);
			xmlTextWriterWriteFormatAttribute(w, W("plainTextPath"), "internal://%s.txt", s->guid);
			for (size_t k = 0; k < s->nsels; k++) {
				const struct refi_selection *sel = &s->sels[k];
				xmlTextWriterStartElement(w, W("PlainTextSelection"));
				attr(w, "guid", sel->guid);
				attr(w, "name", sel->name);
				xmlTextWriterWriteFormatAttribute(w, W("startPosition"), "%zu", sel->start);
				xmlTextWriterWriteFormatAttribute(w, W("endPosition"), "%zu", sel->end);
				attr(w, "creatingUser", sel->user);
				for (size_t c = 0; c < sel->ncodings; c++) {
					xmlTextWriterStartElement(w, W("Coding"));
					attr(w, "guid", sel->codings[c].guid);
					attr(w, "creatingUser", sel->codings[c].user);
					xmlTextWriterStartElement(w, W("CodeRef"));
					attr(w, "targetGUID", sel->codings[c].code);
					xmlTextWriterEndElement(w);
					xmlTextWriterEndElement(w);
				}
				xmlTextWriterEndElement(w);
			}
			xmlTextWriterEndElement(w);
		}
		xmlTextWriterEndElement(w);
	}
	if (p->nnotes) {
		xmlTextWriterStartElement(w, W("Notes"));
		for (size_t i = 0; i < p->nnotes; i++) {
			xmlTextWriterStartElement(w, W("Note"));
			attr(w, "guid", p->notes[i].guid);
			attr(w, "name", p->notes[i].name);
			xmlTextWriterWriteElement(w, W("PlainTextContent"), W(p->notes[i].text ? p->notes[i].text : ""));
			xmlTextWriterEndElement(w);
		}
		xmlTextWriterEndElement(w);
	}
	xmlTextWriterEndElement(w);
	return finish(w, xb, out);
}

bool refi_write_qdc(const struct refi_project *p, struct buf *out)
{
	if (!p->ncodes)
		return false;
	xmlBufferPtr xb;
	xmlTextWriterPtr w = begin(&xb);
	if (!w)
		return false;
	xmlTextWriterStartElementNS(w, NULL, W("CodeBook"), W("urn:QDA-XML:codebook:1.0"));
	xmlTextWriterWriteAttribute(w, W("origin"), W("leergang"));
	codes(w, p);
	xmlTextWriterEndElement(w);
	return finish(w, xb, out);
}

/* project.qde and the sources into the open archive z; NULL or why not.
 * qde must live until z is closed. */
static const char *fill(zip_t *z, const struct refi_project *p, const struct buf *qde)
{
	zip_source_t *s = zip_source_buffer(z, qde->ptr, qde->len, 0);
	if (!s || zip_file_add(z, "project.qde", s, ZIP_FL_ENC_UTF_8) < 0) {
		zip_source_free(s);
		return "project.qde could not be added";
	}
	char name[64];
	for (size_t i = 0; i < p->nsources; i++) {
		const struct refi_source *src = &p->sources[i];
		snprintf(name, sizeof name, "sources/%s.txt", src->guid);
		zip_source_t *t = zip_source_buffer(z, src->text, src->len, 0);
		if (!t || zip_file_add(z, name, t, ZIP_FL_ENC_UTF_8) < 0) {
			zip_source_free(t);
			return "a source could not be added";
		}
	}
	return NULL;
}

const char *refi_write_qdpx(const struct refi_project *p, const char *path)
{
	struct buf qde = BUF_INIT;
	if (!refi_write_qde(p, &qde)) {
		buf_release(&qde);
		return "project.qde could not be written";
	}
	int ze = 0;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &ze);
	if (!z) {
		buf_release(&qde);
		return "the archive cannot be created";
	}
	const char *err = fill(z, p, &qde);
	if (err)
		zip_discard(z);
	else if (zip_close(z) < 0) {
		zip_discard(z);
		err = "the archive could not be written";
	}
	buf_release(&qde);
	return err;
}

const char *refi_write_qdpx_mem(const struct refi_project *p, struct buf *out)
{
	struct buf qde = BUF_INIT;
	if (!refi_write_qde(p, &qde)) {
		buf_release(&qde);
		return "project.qde could not be written";
	}
	zip_error_t ze;
	zip_error_init(&ze);
	const char *err = NULL;
	zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *z = mem ? zip_open_from_source(mem, ZIP_TRUNCATE, &ze) : NULL;
	if (!z) {
		zip_source_free(mem);
		err = "the archive cannot be created";
	} else {
		zip_source_keep(mem);   /* read back after zip_close */
		if ((err = fill(z, p, &qde)))
			zip_discard(z);
		else if (zip_close(z) < 0) {
			zip_discard(z);
			err = "the archive could not be written";
		}
		zip_stat_t st;
		if (!err && (zip_source_stat(mem, &st) < 0 || zip_source_open(mem) < 0))
			err = "the archive could not be read back";
		if (!err) {
			char chunk[16384];
			zip_int64_t k;
			while ((k = zip_source_read(mem, chunk, sizeof chunk)) > 0)
				buf_add(out, chunk, (size_t)k);
			if (k < 0)
				err = "the archive could not be read back";
			zip_source_close(mem);
		}
		zip_source_free(mem);
	}
	zip_error_fini(&ze);
	buf_release(&qde);
	return err;
}
