/* export_audit.h — the one record every export writes in the audit log:
 * who took what out of leergang, in which format. The export page
 * (/exports) lists what may leave; each route that sends a file calls this. */
#ifndef LG_DOMAIN_EXPORT_AUDIT_H
#define LG_DOMAIN_EXPORT_AUDIT_H

#include "ctx.h"

#include <stddef.h>

/* The kinds of export, each an audit action of its own (export_action). */
enum export_kind {
	EXPORT_PEOPLE,        /* the people list (CSV) */
	EXPORT_WAVE_DATA,     /* a wave's answers (CSV, XLSX, SAV) */
	EXPORT_WAVE_LINKS,    /* a wave's personal links (CSV) */
	EXPORT_INVITATIONS,   /* invitation links of accounts (CSV) */
	EXPORT_CALENDAR,      /* a group's calendar (.ics) */
	EXPORT_STORY,         /* a group's learning story (PDF, Markdown) */
	EXPORT_NETWORK,       /* the recruitment network (GraphML, JSON) */
	EXPORT_RESEARCH,      /* a research project (.qdpx) or its code book (.qdc) */
	EXPORT_MEMBER_CHECK,  /* a member check's attributed answers (CSV) */
	EXPORT_KINDS
};

/* Records the export of `what` (an object kind and id, as the audit log
 * keeps them) in `format` with its size (rows, meetings...: 0 for none).
 * Returns audit()'s result; the file is sent either way once made. */
int export_record(struct ctx *c, enum export_kind kind, const char *object_kind, long long object_id,
		  const char *format, size_t count);
/* "people.export", "wave.export" ...: the audit action of kind. */
const char *export_action(enum export_kind kind);

#endif
