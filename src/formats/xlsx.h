/* xlsx.h — a data table (table.h) as an Excel workbook, with
 * libxlsxwriter: a data sheet (a header row of the column names, then one
 * row per row: numbers as numbers, texts as texts, missing as an empty
 * cell) and a labels sheet (per column its name, label, kind and value
 * labels; then the table's notes).
 *
 * Texts are always written as string cells, never as formulas, so a text
 * such as "=SUM(A1)" is shown and kept as text and never run: the formula
 * guard of the CSV (an apostrophe) is not needed here and would change the
 * text. (libxlsxwriter 1.1.4 has no quotePrefix style.)
 *
 * libxlsxwriter 1.1.4 writes only to a named file: the workbook is made in
 * a private temporary directory (mkdtemp, mode 0700) under $TMPDIR or /tmp,
 * read back into the buffer, and removed, also when writing fails. */
#ifndef LG_FORMATS_XLSX_H
#define LG_FORMATS_XLSX_H

#include "table.h"

/* Appends the workbook to out; 0, or -1 with a reason in err (for the
 * operator's log, not for the user). */
int xlsx_write(const struct data_table *t, struct buf *out, struct buf *err);

#endif
