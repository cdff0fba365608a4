/* xlsx.c — a data table as an XLSX workbook with libxlsxwriter (xlsx.h). */
#include "xlsx.h"
#include "core/die.h"
#include "core/utf8.h"

#include <xlsxwriter.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Excel's longest text in a cell, in bytes as libxlsxwriter counts. */
#define XLSX_TEXT_MAX 32767

/* A string cell; text longer than a cell holds is cut at a character. */
static lxw_error put_text(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s, lxw_format *f)
{
	size_t n = utf8_cut(s, XLSX_TEXT_MAX);
	if (!s[n])
		return worksheet_write_string(ws, r, c, s, f);
	char *cut = xstrndup(s, n);
	lxw_error e = worksheet_write_string(ws, r, c, cut, f);
	free(cut);
	return e;
}

static lxw_error data_sheet(const struct data_table *t, lxw_worksheet *ws, lxw_format *bold)
{
	lxw_error e = LXW_NO_ERROR;
	for (size_t c = 0; c < t->ncolumns && !e; c++)
		e = put_text(ws, 0, (lxw_col_t)c, t->columns[c].name, bold);
	for (size_t r = 0; r < t->nrows && !e; r++)
		for (size_t c = 0; c < t->ncolumns && !e; c++) {
			const struct table_cell *x = table_cell(t, r, c);
			if (table_cell_missing(t, x, c))
				continue;
			if (t->columns[c].type == TABLE_NUMBER)
				e = worksheet_write_number(ws, (lxw_row_t)(r + 1), (lxw_col_t)c, x->number, NULL);
			else
				e = put_text(ws, (lxw_row_t)(r + 1), (lxw_col_t)c, x->text, NULL);
		}
	worksheet_freeze_panes(ws, 1, 0);
	return e;
}

static lxw_error labels_sheet(const struct data_table *t, lxw_worksheet *ws, lxw_format *bold, lxw_format *wrap)
{
	lxw_error e = LXW_NO_ERROR;
	for (int k = 0; k < 4 && !e; k++)
		e = put_text(ws, 0, (lxw_col_t)k, t->labels_head[k] ? t->labels_head[k] : "", bold);
	struct buf vl = BUF_INIT;
	for (size_t c = 0; c < t->ncolumns && !e; c++) {
		const struct table_column *col = &t->columns[c];
		lxw_row_t r = (lxw_row_t)(c + 1);
		buf_reset(&vl);
		table_value_labels(col, &vl);
		e = put_text(ws, r, 0, col->name, NULL);
		if (!e && col->label && *col->label)
			e = put_text(ws, r, 1, col->label, wrap);
		if (!e && col->kind && *col->kind)
			e = put_text(ws, r, 2, col->kind, NULL);
		if (!e && vl.len)
			e = put_text(ws, r, 3, vl.ptr, wrap);
	}
	buf_release(&vl);
	for (size_t i = 0; i < t->nnotes && !e; i++)
		e = put_text(ws, (lxw_row_t)(t->ncolumns + 2 + i), 0, t->notes[i], NULL);
	if (!e)
		e = worksheet_set_column(ws, 0, 0, 14, NULL);
	if (!e)
		e = worksheet_set_column(ws, 1, 1, 70, NULL);
	if (!e)
		e = worksheet_set_column(ws, 2, 2, 20, NULL);
	if (!e)
		e = worksheet_set_column(ws, 3, 3, 45, NULL);
	worksheet_freeze_panes(ws, 1, 0);
	return e;
}

/* Reads the whole file at path onto out. */
static int slurp(const char *path, struct buf *out)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char chunk[16384];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(out, chunk, n);
	int bad = ferror(f);
	fclose(f);
	return bad ? -1 : 0;
}

int xlsx_write(const struct data_table *t, struct buf *out, struct buf *err)
{
	const char *tmp = getenv("TMPDIR");
	struct buf dir = BUF_INIT, path = BUF_INIT;
	buf_addf(&dir, "%s/leergang-xlsx-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir.ptr)) {
		buf_addf(err, "xlsx: cannot make a temporary directory under %s: %s", tmp && *tmp ? tmp : "/tmp",
			 strerror(errno));
		buf_release(&dir);
		return -1;
	}
	buf_addf(&path, "%s/export.xlsx", dir.ptr);
	lxw_workbook_options opt = { .constant_memory = 0, .tmpdir = dir.ptr, .use_zip64 = 0 };
	lxw_workbook *wb = workbook_new_opt(path.ptr, &opt);
	int rc = -1;
	if (!wb) {
		buf_adds(err, "xlsx: cannot start the workbook");
		goto done;
	}
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	lxw_format *wrap = workbook_add_format(wb);
	format_set_text_wrap(wrap);
	format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
	lxw_doc_properties props = { 0 };
	props.title = (char *)(t->title ? t->title : "");
	workbook_set_properties(wb, &props);
	lxw_worksheet *data = workbook_add_worksheet(wb, t->data_sheet);
	lxw_worksheet *labels = workbook_add_worksheet(wb, t->labels_sheet);
	lxw_error e = !data || !labels ? LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED : LXW_NO_ERROR;
	if (!e)
		e = data_sheet(t, data, bold);
	if (!e)
		e = labels_sheet(t, labels, bold, wrap);
	lxw_error closed = workbook_close(wb);  /* frees wb, also after an error */
	if (e || closed) {
		buf_addf(err, "xlsx: %s", lxw_strerror(e ? e : closed));
		goto done;
	}
	if (slurp(path.ptr, out)) {
		buf_addf(err, "xlsx: cannot read back %s: %s", path.ptr, strerror(errno));
		goto done;
	}
	rc = 0;
done:
	unlink(path.ptr);
	rmdir(dir.ptr);
	buf_release(&path);
	buf_release(&dir);
	return rc;
}
