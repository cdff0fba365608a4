/* refi.h — REFI-QDA projects (.qdpx: a zip holding project.qde and its
 * sources; .qde: the project XML alone; .qdc: a codebook) read into a
 * neutral model, and written back.
 *
 * The model keeps what leergang carries over: users; the code tree (guid,
 * name, colour as #RRGGBB, description, isCodable); text sources with
 * their plain text; the plain-text selections on them (positions in code
 * points, as the standard says) with their codings; notes. Everything else
 * (other kinds of source, variables, cases, sets, graphs, links, missing
 * texts, selections outside their text) is counted in a list of what was
 * not carried over, each with a reason.
 *
 * Reading is tolerant of what real tools write (Sources/ in capitals,
 * internal:// and bare paths, missing media, colours with alpha or without
 * '#', no XML declaration, an empty <Sets/> in a codebook) and refuses,
 * with a reason, what is hostile: a DOCTYPE (entities: billion laughs, an
 * external DTD or entity), a path that leaves the archive, an archive, an
 * entry or a number of elements past the limits below. The XML is read
 * with libxml2's streaming reader (no DOM of an outside file), no network.
 *
 * Writing is strict: project.qde in urn:QDA-XML:project:1.0, valid against
 * Project.xsd, sources as sources/<GUID>.txt; a .qdc valid against
 * Codebook.xsd. Guids are written in upper case 8-4-4-4-12. */
#ifndef LG_FORMATS_REFI_H
#define LG_FORMATS_REFI_H

#include "core/arena.h"
#include "core/buf.h"

#include <stdbool.h>
#include <stddef.h>

#define REFI_MAX_ARCHIVE (256u * 1024 * 1024)  /* the .qdpx file */
#define REFI_MAX_ENTRY (32u * 1024 * 1024)     /* one entry, uncompressed (project.qde, a text) */
#define REFI_MAX_ENTRIES 10000                 /* entries in the archive */
#define REFI_MAX_ELEMENTS 2000000              /* XML elements in project.qde */
#define REFI_MAX_DEPTH 64                      /* elements within each other (codes nest) */

struct refi_user {
	char *guid, *name;
};

struct refi_code {
	char *guid, *name;
	char *color;          /* "#RRGGBB" or "" */
	char *description;    /* "" when none */
	bool codable;
	int parent;           /* index in codes, -1 for a top-level code; parents come first */
};

struct refi_coding {
	char *guid, *code;    /* the code's guid */
	char *user;           /* the creating user's guid, or "" */
};

struct refi_selection {
	char *guid, *name, *user;
	size_t start, end;    /* code points, end exclusive */
	struct refi_coding *codings;
	size_t ncodings;
};

struct refi_source {
	char *guid, *name;
	char *text;           /* UTF-8, NUL-terminated */
	size_t len;           /* bytes */
	size_t chars;         /* code points */
	struct refi_selection *sels;
	size_t nsels;
};

struct refi_note {
	char *guid, *name, *text;
};

struct refi_skip {
	const char *what, *reason;
	size_t count;
};

struct refi_project {
	char *name, *origin;
	bool codebook_only;   /* read from a .qdc or a project without sources */
	struct refi_user *users;
	size_t nusers;
	struct refi_code *codes;  /* depth first: every code after its parent */
	size_t ncodes;
	struct refi_source *sources;
	size_t nsources;
	struct refi_note *notes;
	size_t nnotes;
	struct refi_skip *skips;  /* what was not carried over, or read with a remark */
	size_t nskips;
};

/* Reads FILE (.qdpx, .qde or .qdc, by its content: a zip or XML) into out.
 * Returns NULL, or why the file was refused (English, for the log and the
 * command line); on refusal out is empty. */
const char *refi_read_file(struct arena *a, const char *path, struct refi_project *out);
/* The same from memory: a zip archive, or the XML of a .qde or .qdc (then
 * texts named by path are missing, unless held inline). */
const char *refi_read_mem(struct arena *a, const void *data, size_t len, struct refi_project *out);

/* The number of codings of all selections. */
size_t refi_ncodings(const struct refi_project *p);

/* project.qde of p into out (XML). */
bool refi_write_qde(const struct refi_project *p, struct buf *out);
/* The whole .qdpx into path. Returns NULL or why it could not be written. */
const char *refi_write_qdpx(const struct refi_project *p, const char *path);
/* The same into out (appended), for a download. */
const char *refi_write_qdpx_mem(const struct refi_project *p, struct buf *out);
/* The codebook of p as a .qdc into out; false when p has no codes (the
 * schema wants at least one). */
bool refi_write_qdc(const struct refi_project *p, struct buf *out);

/* A colour as #RRGGBB from #RRGGBB, #RGB, #AARRGGBB or the same without
 * '#'; NULL when it is none of those. */
char *refi_color(struct arena *a, const char *s);
/* A new random (version 4) guid in upper case 8-4-4-4-12. */
char *refi_new_guid(struct arena *a);
/* A guid in upper case 8-4-4-4-12 (braces removed); NULL when s is not one. */
char *refi_guid(struct arena *a, const char *s);

#endif
