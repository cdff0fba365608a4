/* output.h — tables printed by the commands as text (tab-separated with a
 * header), CSV (for spreadsheets, formula-guarded) or JSON (an array of
 * objects). Cells are given in column order, then out_row(). */
#ifndef LG_CMD_OUTPUT_H
#define LG_CMD_OUTPUT_H

#include "core/buf.h"

#include <jansson.h>

enum out_format { OUT_TEXT, OUT_CSV, OUT_JSON };

struct out {
	enum out_format f;
	const char *const *cols;
	size_t col;        /* next column of the current row */
	struct buf line;   /* text and CSV */
	json_t *rows, *row;
};

/* Reads an optional --format csv|json|text from argv; dies with usage of
 * cmd on anything else. Leaves getopt's optind after the options. */
enum out_format out_parse_format(int argc, char **argv, const char *cmd);
enum out_format out_format_from(const char *s, const char *cmd);
void out_begin(struct out *o, enum out_format f, const char *const *cols);
void out_str(struct out *o, const char *s);
void out_int(struct out *o, long long v);
void out_bool(struct out *o, int v);
void out_row(struct out *o);
void out_end(struct out *o);
/* Prints a JSON document (indented, ASCII) on a line of its own; steals j. */
void out_json(json_t *j);

#endif
