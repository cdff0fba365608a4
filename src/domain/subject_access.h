/* subject_access.h — inzage (AVG art. 15): everything leergang holds about
 * one person, as JSON and as a readable PDF. Nothing about anyone else: the
 * only other names in it are the person's manager and the accounts that
 * read the person's texts ("read_by"). Each download is in the audit log. */
#ifndef LG_DOMAIN_SUBJECT_ACCESS_H
#define LG_DOMAIN_SUBJECT_ACCESS_H

#include "core/compiler.h"
#include "ctx.h"

#include <stdbool.h>

#define SUBJECT_EMPLOYEE_MAX 64

/* The person with employee number id in c's organisation, for the rights
 * pages and commands: a malformed or unknown number gets a message in e
 * (field "employee") and D_INVALID or D_NOTFOUND. */
MUST_CHECK int subject_find(struct ctx *c, const char *employee_id, struct errors *e, struct person *out);

/* May c->who have the inzage of person: themselves, or an administrator of
 * the person's organisation (the command line is one). */
bool subject_may_export(const struct ctx *c, long long person_id);

enum subject_format { SUBJECT_JSON, SUBJECT_PDF };

/* Appends the inzage of person_id to out and writes "person.export" to the
 * audit log. D_NOTFOUND outside c's organisation, D_FORBIDDEN for anyone
 * subject_may_export refuses. */
MUST_CHECK int subject_export(struct ctx *c, long long person_id, enum subject_format f, struct buf *out);

#endif
