/* research_refi.h — a research project to and from REFI-QDA (the model of
 * formats/refi.h): the export a researcher takes to ATLAS.ti, NVivo,
 * MAXQDA or QualCoder, always pseudonymised (SPEC: research exports are
 * pseudonymised), and the import of a project or code book made there. */
#ifndef LG_DOMAIN_RESEARCH_REFI_H
#define LG_DOMAIN_RESEARCH_REFI_H

#include "core/compiler.h"
#include "ctx.h"
#include "formats/refi.h"

#include <stddef.h>

/* The project as a REFI-QDA model: coders as users, the code tree,
 * sources with names replaced (research_pseudonym.h) and where each came
 * from in its name (kind, date, team), passages with their positions
 * carried over and their codings, memos as notes. Written to the audit
 * log as an export (format "qdpx" or "qdc"). */
MUST_CHECK int research_export(struct ctx *c, long long project, const char *format, struct refi_project *out);

struct research_import_result {
	long long project;
	size_t codes, codings, sources, users, selections, notes;
	const struct refi_skip *skips;   /* what was not carried over, from the reader and from here */
	size_t nskips;
};
/* A new project of the organisation from p (read by refi_read_*), named
 * name (or p's name when NULL or ""), with the actor as member (on the
 * command line: members by e-mail in members, or every researcher of the
 * organisation when none is given). */
MUST_CHECK int research_import(struct ctx *c, const struct refi_project *p, const char *name,
			       const char *const *members, size_t nmembers, struct errors *e,
			       struct research_import_result *out);

#endif
