/* output.c — text, CSV and JSON tables of the commands. */
#include "output.h"
#include "cmd.h"
#include "core/die.h"
#include "formats/csv.h"

#include <getopt.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

enum out_format out_format_from(const char *s, const char *cmd)
{
	if (!strcmp(s, "csv"))
		return OUT_CSV;
	if (!strcmp(s, "json"))
		return OUT_JSON;
	if (!strcmp(s, "text"))
		return OUT_TEXT;
	die("unknown format '%s': use csv or json", s);
}

enum out_format out_parse_format(int argc, char **argv, const char *cmd)
{
	static const struct option opts[] = { { "format", required_argument, 0, 'f' }, { 0, 0, 0, 0 } };
	enum out_format f = OUT_TEXT;
	int o;
	optind = 1;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'f')
			f = out_format_from(optarg, cmd);
		else
			cmd_usage(cmd);
	}
	if (optind != argc)
		cmd_usage(cmd);
	return f;
}

static void flush_line(struct out *o)
{
	fwrite(o->line.ptr, 1, o->line.len, stdout);
	buf_reset(&o->line);
}

void out_begin(struct out *o, enum out_format f, const char *const *cols)
{
	memset(o, 0, sizeof(*o));
	o->f = f;
	o->cols = cols;
	buf_init(&o->line, 256);
	if (f == OUT_JSON) {
		o->rows = json_array();
		return;
	}
	for (size_t i = 0; cols[i]; i++)
		out_str(o, cols[i]);
	out_row(o);
}

static void cell(struct out *o, const char *s, json_t *j)
{
	if (o->f == OUT_JSON) {
		if (!o->row)
			o->row = json_object();
		json_object_set_new(o->row, o->cols[o->col], j);
	} else {
		if (o->col)
			buf_addch(&o->line, o->f == OUT_CSV ? ',' : '\t');
		if (o->f == OUT_CSV) {
			csv_field(&o->line, s, ',');
		} else {
			/* text: one row per line, whatever the cell holds */
			for (const char *p = s; *p; p++)
				buf_addch(&o->line, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
		}
		json_decref(j);
	}
	o->col++;
}

void out_str(struct out *o, const char *s)
{
	s = s ? s : "";
	cell(o, s, o->f == OUT_JSON ? json_string(s) : NULL);
}

void out_int(struct out *o, long long v)
{
	char tmp[32];
	snprintf(tmp, sizeof(tmp), "%lld", v);
	if (o->f == OUT_JSON)
		cell(o, tmp, json_integer(v));
	else if (o->f == OUT_CSV) {
		if (o->col)
			buf_addch(&o->line, ',');
		buf_adds(&o->line, tmp);  /* a number, no formula guard needed */
		o->col++;
	} else
		cell(o, tmp, NULL);
}

void out_bool(struct out *o, int v)
{
	if (o->f == OUT_JSON)
		cell(o, NULL, json_boolean(v));
	else
		out_str(o, v ? "true" : "false");
}

void out_row(struct out *o)
{
	if (o->f == OUT_JSON) {
		json_array_append_new(o->rows, o->row ? o->row : json_object());
		o->row = NULL;
	} else {
		if (o->f == OUT_CSV)
			csv_end_row(&o->line);
		else
			buf_addch(&o->line, '\n');
		flush_line(o);
	}
	o->col = 0;
}

void out_json(json_t *j)
{
	char *s = json_dumps(j, JSON_INDENT(2) | JSON_ENSURE_ASCII);
	if (!s)
		die("out of memory");
	puts(s);
	free(s);
	json_decref(j);
}

void out_end(struct out *o)
{
	if (o->f == OUT_JSON)
		out_json(o->rows);
	buf_release(&o->line);
	fflush(stdout);
}
