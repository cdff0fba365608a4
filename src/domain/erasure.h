/* erasure.h — erasing a person on request (AVG art. 17). Texts go; what
 * must stay (anonymous answers, enrolments and attendance that reports
 * count, the audit of the erasure) stays on a tombstone person without
 * name, e-mail, employee number, unit or job level. Contributions to a
 * group's learning story become a note. Afterwards the database file and
 * its WAL hold none of the person's name, e-mail or number. */
#ifndef LG_DOMAIN_ERASURE_H
#define LG_DOMAIN_ERASURE_H

#include "core/compiler.h"
#include "ctx.h"
#include "model/subject.h"
#include "core/buf.h"

/* Erases person_id (administrator only). With dry_run nothing changes and
 * steps say what would go and what would stay. steps: what each step
 * touched, in c's arena. */
MUST_CHECK int erasure_run(struct ctx *c, long long person_id, bool dry_run, struct subject_step **steps,
			   size_t *n, struct buf *err);
/* The note that stands where an erased person's text stood. */
const char *erasure_note(void);

#endif
