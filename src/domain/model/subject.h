/* model/subject.h — the records of a person's data as the rights of the
 * people in the data see them (domain/subject_access.h, domain/erasure.h):
 * the rows of one source for the inzage, and the steps of an erasure. */
#ifndef LG_MODEL_SUBJECT_H
#define LG_MODEL_SUBJECT_H

#include <stdbool.h>
#include <stddef.h>

/* One source of a person's data: a section of the inzage, read from the
 * table named (or, for a derived copy such as the search index, the reason
 * it has no rows of its own in the inzage). */
struct subject_rows {
	const char *section;      /* "logbook", "read_by", ... */
	const char *table;        /* the table read */
	const char *covered_by;   /* non-NULL: no rows; the section that holds its data */
	size_t ncols, nrows;
	const char **cols;
	char **cells;             /* nrows * ncols, row by row; NULL for no value */
	bool *numeric;            /* per cell: an integer or a real, not text */
};

/* One step of an erasure and how many rows it touched. */
struct subject_step {
	const char *what;   /* "logbook_entry: deleted", ... */
	long long rows;
};

#endif
