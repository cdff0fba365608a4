/* table.c — the data table shared by the export formats, and its CSV form
 * (table.h). */
#include "table.h"
#include "csv.h"

#include <stdio.h>
#include <string.h>

bool table_cell_missing(const struct data_table *t, const struct table_cell *x, size_t c)
{
	if (x->missing)
		return true;
	return t->columns[c].type == TABLE_TEXT && (!x->text || !*x->text);
}

void table_number(double v, char out[32])
{
	snprintf(out, 32, "%.15g", v);
	for (char *p = out; *p; p++)
		if (*p == '.')
			*p = ',';
}

void table_value_labels(const struct table_column *c, struct buf *out)
{
	for (size_t i = 0; i < c->nlabels; i++) {
		char num[32];
		table_number(c->labels[i].value, num);
		buf_addf(out, "%s%s = %s", i ? "; " : "", num, c->labels[i].label);
	}
}

void table_csv(const struct data_table *t, struct buf *out)
{
	buf_adds(out, CSV_BOM);
	for (size_t c = 0; c < t->ncolumns; c++) {
		if (c)
			buf_addch(out, ';');
		csv_field(out, t->columns[c].name, ';');
	}
	csv_end_row(out);
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncolumns; c++) {
			const struct table_cell *x = table_cell(t, r, c);
			if (c)
				buf_addch(out, ';');
			if (table_cell_missing(t, x, c))
				continue;
			if (t->columns[c].type == TABLE_NUMBER) {
				char num[32];
				table_number(x->number, num);
				csv_number(out, num, ';');
			} else {
				csv_field(out, x->text, ';');
			}
		}
		csv_end_row(out);
	}
}

bool table_is_figure(const char *cell)
{
	return !cell || !cell[strspn(cell, "0123456789 .,%/-\xe2\x80\x93")];  /* – is e2 80 93 */
}
