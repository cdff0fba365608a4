/* table.h — a data set as the export formats take it: named columns
 * (variables) with a label, a kind, a measurement level and value labels,
 * and rows of cells that are a number, a text or missing. It knows
 * nothing of questionnaires: domain/survey_export.c maps a wave onto it,
 * and table_csv() (here), xlsx_write() (xlsx.h) and sav_write() (sav.h)
 * write it out.
 *
 * Missing is one thing in every format: an empty cell in CSV and XLSX; in
 * SPSS a user-missing code that is declared and labelled (see sav.h). */
#ifndef LG_FORMATS_TABLE_H
#define LG_FORMATS_TABLE_H

#include "core/buf.h"

#include <stdbool.h>
#include <stddef.h>

enum table_type { TABLE_NUMBER, TABLE_TEXT };
enum table_measure { TABLE_NOMINAL, TABLE_ORDINAL, TABLE_SCALE };

struct table_label {
	double value;
	const char *label;
};

struct table_column {
	const char *name;            /* the variable name, e.g. "a" or "q5_2" */
	const char *label;           /* what it holds, e.g. the question's text; may be "" */
	const char *kind;            /* a word or two for the labels sheet; may be "" */
	enum table_type type;
	enum table_measure measure;
	const struct table_label *labels;  /* value labels (numbers only), in order */
	size_t nlabels;
	bool complete;               /* never missing (an identifier): SPSS declares no missing code */
};

/* A text cell with text NULL or "" is missing too. */
struct table_cell {
	bool missing;
	double number;               /* TABLE_NUMBER */
	const char *text;            /* TABLE_TEXT */
};

struct data_table {
	const char *title;           /* the file label; may be "" */
	const struct table_column *columns;
	size_t ncolumns;
	const struct table_cell *cells;   /* nrows x ncolumns, row after row */
	size_t nrows;
	const char *const *notes;    /* lines about the data set as a whole (labels sheet, SPSS documents) */
	size_t nnotes;
	/* words in the reader's language, given by the caller */
	const char *missing_label;   /* SPSS: the label of the missing code, "geen antwoord" */
	const char *data_sheet;      /* XLSX: the data sheet's name, "Gegevens" */
	const char *labels_sheet;    /* XLSX: the labels sheet's name, "Labels" */
	const char *labels_head[4];  /* XLSX: the labels sheet's header: variable, question, kind, value labels */
};

/* The cell of row r, column c. */
static inline const struct table_cell *table_cell(const struct data_table *t, size_t r, size_t c)
{
	return &t->cells[r * t->ncolumns + c];
}
bool table_cell_missing(const struct data_table *t, const struct table_cell *x, size_t c);

/* A number as Dutch Excel reads it: "%.15g" with a decimal comma; 3 is "3". */
void table_number(double v, char out[32]);
/* The value labels of column c as one line: "1 = helemaal niet; 5 = heel goed". */
void table_value_labels(const struct table_column *c, struct buf *out);

/* The table as CSV for Dutch Excel: a UTF-8 BOM, ';' between fields, CRLF,
 * a header row of the column names, then one row per row; numbers plain,
 * texts through csv_field() (quoted when needed, formula guard), missing
 * as an empty field. Appends to out. */
void table_csv(const struct data_table *t, struct buf *out);

/* Whether a cell of a printed table is a figure ("117", "3,2", "82 %",
 * "100 / 100", "–", ""): a column of figures is set to the right. */
bool table_is_figure(const char *cell);

#endif
