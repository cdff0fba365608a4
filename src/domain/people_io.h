/* people_io.h — people in and out of leergang as CSV: the import of an HR
 * export (all or nothing, with a report per line) and the export in the
 * same columns, so that an export can be edited and imported again.
 *
 * Columns are found by header name in any order; Dutch names are accepted
 * (personeelsnummer, naam, e-mail, afdeling, leidinggevende, functieniveau,
 * actief), and a mapping can name other headers. Required: employee_id and
 * name. Units are paths ("Operatiën/Team Noord"), created when missing.
 * People are matched by employee number: a known number is updated, a new
 * one created, an unchanged row is not written at all. */
#ifndef LG_DOMAIN_PEOPLE_IO_H
#define LG_DOMAIN_PEOPLE_IO_H

#include "core/compiler.h"
#include "ctx.h"
#include "unit.h"
#include "domain/model/people.h"

enum import_field {
	IF_EMPLOYEE_ID, IF_NAME, IF_EMAIL, IF_UNIT, IF_MANAGER, IF_JOB_LEVEL, IF_ACTIVE, IMPORT_FIELDS
};

/* The identifier of a field ("employee_id"...) and its label in the interface. */
const char *import_field_id(enum import_field f);
const char *import_field_label(enum import_field f);

struct import_issue {
	size_t line;          /* line in the file; 0 for the file as a whole */
	const char *column;   /* the field (employee_id, name, ...), or "" */
	const char *header;   /* its column's header in the file, else as column */
	char *problem;        /* what is wrong */
	char *fix;            /* what to do */
};

/* The first rows of the file as they will be read, shown before an import. */
#define IMPORT_PREVIEW 10
struct import_preview {
	size_t line;
	const char *v[IMPORT_FIELDS];  /* "" where the column is absent */
};

/* What an import did to one person: made, changed (which fields) or, in a
 * sync, marked inactive because the file no longer has them. */
struct import_change {
	size_t line;                 /* the line in the file; 0 for one who left */
	const char *employee_id;
	const char *name;
	const char *change;          /* "created", "updated" or "deactivated" */
	const char *fields;          /* updated: the fields changed, ", " between */
};

struct import_report {
	char sep;                    /* separator found */
	int converted;               /* the file was Windows-1252 and was converted */
	size_t ncols;
	char **headers;              /* the header row of the file */
	int map[IMPORT_FIELDS];      /* column of each field, -1 when absent */
	size_t rows;                 /* data rows */
	size_t created, updated, unchanged, units_created;
	size_t deactivated;          /* people_sync: active people not in the file */
	struct import_change *changes;   /* in the order of the file, those who left last */
	size_t nchanges;
	struct import_issue *issues;
	size_t nissues, issues_cap;
	struct import_preview preview[IMPORT_PREVIEW];
	size_t npreview;
};

/* map: NULL to find the columns by header name; otherwise map[f] is a
 * column index or -1 (a column not given is then looked up by name).
 * With apply false nothing is kept (the work is done in a transaction
 * that is rolled back), so the report shows exactly what would happen.
 * Returns D_OK, D_INVALID (see the issues; nothing changed) or D_ERROR. */
MUST_CHECK int people_import(struct ctx *c, const char *data, size_t len, const int *map, bool apply,
		  struct import_report *rep);

/* The whole export of an HR system, nightly: as people_import, and then
 * everyone of the organisation still active whose employee number is not
 * in the file is marked inactive (never deleted: their history stays),
 * each listed in rep->changes. A file with no rows is refused, so that an
 * empty export never deactivates everybody. */
MUST_CHECK int people_sync(struct ctx *c, const char *data, size_t len, bool apply, struct import_report *rep);

/* The people of a JSON body ({"people": [...]} or the list itself; each an
 * object with the fields' ids as keys: employee_id, name, email, unit,
 * manager_employee_id, job_level, active) as the CSV that people_import
 * reads, in the arena: a field no person has is no column, so leergang
 * keeps what it has. D_OK, or D_INVALID with *why (translated). */
MUST_CHECK int people_csv_from_json(struct ctx *c, const char *data, size_t len, char **csv, size_t *csv_len,
				    const char **why);

/* Writes people as CSV (';', CRLF, formula-guarded) with a header row. */
void people_csv(struct buf *b, const struct person *people, size_t n, const struct unit_tree *t);

#endif
