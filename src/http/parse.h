/* parse.h — parsers of outside input at the HTTP edge: query strings and
 * urlencoded forms, Cookie headers, multipart/form-data bodies.
 * All results live in the caller's arena. Every parser refuses, rather than
 * repairs: a bad percent escape, invalid UTF-8 in a decoded name or text
 * value, or more than PARSE_MAX_FIELDS fields make it return -1 with a short
 * English reason in *why (a static string, for the log). Uploaded file
 * contents (parts with a filename) are kept as raw bytes: their encoding is
 * the importer's business. */
#ifndef LG_HTTP_PARSE_H
#define LG_HTTP_PARSE_H

#include "../core/arena.h"

#include <stddef.h>

#define PARSE_MAX_FIELDS 1000

struct kv {
	char *key;
	char *value;      /* NUL-terminated */
	size_t value_len; /* bytes, without the NUL */
};

struct kvlist {
	size_t n, cap;
	struct kv *items;
};

struct part {
	char *name;          /* form field name */
	char *filename;      /* NULL unless the part is a file */
	char *content_type;  /* NULL when absent */
	char *data;          /* NUL-terminated copy (the NUL is not counted) */
	size_t len;
};

struct partlist {
	size_t n, cap;
	struct part *items;
};

void kv_add(struct arena *a, struct kvlist *l, const char *key, const char *value, size_t value_len);
/* First value of key, or NULL. */
const char *kv_get(const struct kvlist *l, const char *key);
/* Decodes application/x-www-form-urlencoded text ('+' is a space). Appends to out. */
int form_parse(struct arena *a, const char *s, size_t len, struct kvlist *out, const char **why);
/* Parses a Cookie header ("a=b; c=d"); cookies with bad names are skipped, not fatal. */
int cookie_parse(struct arena *a, const char *header, struct kvlist *out, const char **why);
/* Finds the boundary parameter of a multipart/form-data Content-Type. */
int multipart_boundary(struct arena *a, const char *content_type, char **boundary, const char **why);
/* Splits a multipart/form-data body: parts without a filename go to fields
 * (their value must be valid UTF-8), parts with one to files. */
int multipart_parse(struct arena *a, const char *body, size_t len, const char *boundary,
		    struct kvlist *fields, struct partlist *files, const char **why);
/* Percent-decodes s[0..len) into the arena; plus_is_space for forms. Returns
 * NULL on a bad escape. */
char *url_decode(struct arena *a, const char *s, size_t len, int plus_is_space, size_t *out_len);

#endif
