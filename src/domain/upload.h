/* upload.h — a file kept between its preview and its confirmation (the
 * people import and the questionnaire import): the import is checked on
 * one request and done on the next, without sending the file twice. A kept
 * file belongs to the account that sent it, in its organisation; it is
 * kept for UPLOAD_KEEP_SECONDS (a day) and removed after its import. */
#ifndef LG_DOMAIN_UPLOAD_H
#define LG_DOMAIN_UPLOAD_H

#include "core/compiler.h"
#include "ctx.h"

#include <stddef.h>

#define UPLOAD_KEEP_SECONDS (24 * 3600)

struct upload {
	long long id;
	char *filename;
	char *data;     /* len bytes, NUL after them */
	size_t len;
};

/* Keeps the file for c->who: D_OK with *id, D_ERROR. */
MUST_CHECK int upload_keep(struct ctx *c, const char *filename, const char *data, size_t len, long long *id);
/* The file c->who kept under id, while it is kept: D_OK, D_NOTFOUND (never
 * kept, another account's, older than a day or imported already), D_ERROR.
 * Files past their day are removed first, whoever kept them. */
MUST_CHECK int upload_open(struct ctx *c, long long id, struct upload *out);
/* Removes the file after its import. */
MUST_CHECK int upload_done(struct ctx *c, long long id);

#endif
