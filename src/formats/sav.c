/* sav.c — a data table as an SPSS system file with ReadStat's writer
 * (sav.h). ReadStat cuts labels at SPSS's limits byte-wise; they are cut
 * here first, between characters. */
#include "sav.h"
#include "core/die.h"
#include "core/utf8.h"
#include "core/compiler.h"

#include <readstat.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const reserved[] = { "ALL", "AND", "BY", "EQ", "GE", "GT", "LE",
					"LT", "NE", "NOT", "OR", "TO", "WITH" };

static bool is_alpha(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static bool is_alnum(char ch)
{
	return is_alpha(ch) || (ch >= '0' && ch <= '9');
}

void sav_names(const struct data_table *t, char **names)
{
	for (size_t c = 0; c < t->ncolumns; c++) {
		const char *s = t->columns[c].name ? t->columns[c].name : "";
		struct buf b = BUF_INIT;
		if (!is_alpha(*s))
			buf_addch(&b, 'v');
		for (const char *p = s; *p; p++)
			buf_addch(&b, is_alnum(*p) ? *p : '_');
		for (size_t k = 0; k < ARRAY_SIZE(reserved); k++)
			if (!strcasecmp(b.ptr, reserved[k])) {
				buf_reset(&b);
				buf_addf(&b, "v_%s", s);
				break;
			}
		/* room for a "_NNNNN" that makes it unique */
		if (b.len > SAV_NAME_MAX - 6)
			buf_setlen(&b, SAV_NAME_MAX - 6);
		size_t base = b.len;
		for (int k = 2;; k++) {
			bool taken = false;
			for (size_t j = 0; j < c && !taken; j++)
				taken = !strcasecmp(names[j], b.ptr);
			if (!taken)
				break;
			buf_setlen(&b, base);
			buf_addf(&b, "_%d", k);
		}
		names[c] = buf_detach(&b, NULL);
	}
}

double sav_missing_code(const struct data_table *t, size_t c)
{
	const struct table_column *col = &t->columns[c];
	for (double code = -9;; code = code * 10 - 9) {
		bool used = false;
		for (size_t i = 0; i < col->nlabels && !used; i++)
			used = col->labels[i].value == code;
		for (size_t r = 0; r < t->nrows && !used; r++) {
			const struct table_cell *x = table_cell(t, r, c);
			used = !x->missing && x->number == code;
		}
		if (!used)
			return code;
	}
}

/* A copy of s cut at max bytes between characters (free it). */
static char *cut(const char *s, size_t max)
{
	s = s ? s : "";
	size_t n = utf8_cut(s, max);
	return xstrndup(s, n);
}

struct sink {
	struct buf *out, *err;
};

static ssize_t put(const void *data, size_t len, void *ctx)
{
	struct sink *k = ctx;
	buf_add(k->out, data, len);
	return (ssize_t)len;
}

static void on_error(const char *message, void *ctx)
{
	struct sink *k = ctx;
	if (!k)  /* before readstat_begin_writing_sav(): the result code says it */
		return;
	buf_addf(k->err, "%s%s", k->err->len ? "; " : "", message);
}

/* The notes as document lines of at most 80 bytes, wrapped at spaces. */
static void add_notes(readstat_writer_t *w, const struct data_table *t)
{
	enum { LINE = 80 };
	for (size_t i = 0; i < t->nnotes; i++) {
		const char *s = t->notes[i];
		do {
			size_t n = utf8_cut(s, LINE);
			if (s[n]) {
				size_t sp = n;
				while (sp > 0 && s[sp] != ' ')
					sp--;
				if (sp > 0)
					n = sp;
			}
			char line[LINE + 1];
			memcpy(line, s, n);
			line[n] = '\0';
			readstat_add_note(w, line);
			s += n;
			while (*s == ' ')
				s++;
		} while (*s);
	}
}

static readstat_measure_t measure(enum table_measure m)
{
	return m == TABLE_ORDINAL ? READSTAT_MEASURE_ORDINAL : m == TABLE_SCALE ? READSTAT_MEASURE_SCALE
									      : READSTAT_MEASURE_NOMINAL;
}

int sav_write(const struct data_table *t, struct buf *out, struct buf *err)
{
	struct sink k = { out, err };
	size_t nc = t->ncolumns;
	char **names = xcalloc(nc + 1, sizeof(*names));
	double *codes = xcalloc(nc + 1, sizeof(*codes));
	readstat_variable_t **vars = xcalloc(nc + 1, sizeof(*vars));
	readstat_writer_t *w = readstat_writer_init();
	readstat_error_t e = READSTAT_OK;
	int rc = -1;
	if (!w) {
		buf_adds(err, "sav: out of memory");
		goto done;
	}
	sav_names(t, names);
	readstat_set_data_writer(w, put);
	readstat_writer_set_error_handler(w, on_error);
	char *label = cut(t->title, SAV_FILE_LABEL_MAX);
	readstat_writer_set_file_label(w, label);
	free(label);
	add_notes(w, t);
	for (size_t c = 0; c < nc; c++) {
		const struct table_column *col = &t->columns[c];
		readstat_variable_t *v;
		if (col->type == TABLE_TEXT) {
			size_t width = 1;
			for (size_t r = 0; r < t->nrows; r++) {
				const struct table_cell *x = table_cell(t, r, c);
				size_t n = table_cell_missing(t, x, c) ? 0 : utf8_cut(x->text, SAV_STRING_MAX);
				if (n > width)
					width = n;
			}
			v = readstat_add_variable(w, names[c], READSTAT_TYPE_STRING, width);
			/* no display width: ReadStat 1.1.8 takes it for the print
			 * format's width, which must be the string's */
			readstat_variable_set_alignment(v, READSTAT_ALIGNMENT_LEFT);
		} else {
			v = readstat_add_variable(w, names[c], READSTAT_TYPE_DOUBLE, 0);
			readstat_variable_set_format(v, "F8.0");
			readstat_variable_set_alignment(v, READSTAT_ALIGNMENT_RIGHT);
			readstat_variable_set_display_width(v, 8);
			codes[c] = sav_missing_code(t, c);
			readstat_label_set_t *ls = readstat_add_label_set(w, READSTAT_TYPE_DOUBLE, names[c]);
			for (size_t i = 0; i < col->nlabels; i++) {
				char *vl = cut(col->labels[i].label, SAV_VALUE_LABEL_MAX);
				if (*vl)
					readstat_label_double_value(ls, col->labels[i].value, vl);
				free(vl);
			}
			if (!col->complete) {
				char *ml = cut(t->missing_label, SAV_VALUE_LABEL_MAX);
				if (*ml)
					readstat_label_double_value(ls, codes[c], ml);
				free(ml);
				e = readstat_variable_add_missing_double_value(v, codes[c]);
				if (e)
					break;
			}
			if (ls->value_labels_count)
				readstat_variable_set_label_set(v, ls);
		}
		readstat_variable_set_measure(v, measure(col->measure));
		char *vl = cut(col->label, SAV_VARIABLE_LABEL_MAX);
		if (*vl)
			readstat_variable_set_label(v, vl);
		free(vl);
		vars[c] = v;
	}
	if (!e)
		e = readstat_begin_writing_sav(w, &k, (long)t->nrows);
	for (size_t r = 0; r < t->nrows && !e; r++) {
		e = readstat_begin_row(w);
		for (size_t c = 0; c < nc && !e; c++) {
			const struct table_cell *x = table_cell(t, r, c);
			bool missing = table_cell_missing(t, x, c);
			if (t->columns[c].type == TABLE_NUMBER) {
				e = readstat_insert_double_value(w, vars[c], missing ? codes[c] : x->number);
			} else if (missing) {
				e = readstat_insert_string_value(w, vars[c], "");
			} else {
				char *s = cut(x->text, SAV_STRING_MAX);
				e = readstat_insert_string_value(w, vars[c], s);
				free(s);
			}
		}
		if (!e)
			e = readstat_end_row(w);
	}
	if (!e)
		e = readstat_end_writing(w);
	if (e) {
		buf_addf(err, "%ssav: %s", err->len ? "; " : "", readstat_error_message(e));
		goto done;
	}
	rc = 0;
done:
	if (w)
		readstat_writer_free(w);
	for (size_t c = 0; names && c < nc; c++)
		free(names[c]);
	free(names);
	free(codes);
	free(vars);
	return rc;
}
