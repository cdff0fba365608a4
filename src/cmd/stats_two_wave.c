/* stats_two_wave.c — `leergang stats twowave FILE.csv --group COLUMN
 * --groups A,B --paired W1,W2`: the analysis of a two-wave study on a
 * file, one row per person: the paired change per group (A the
 * intervention group, B the comparison group) and the difference between
 * the groups in change. The numbers are stats/two_wave.h's, printed to the
 * last digit so that tests/stats/two_wave.test.mjs can hold them against
 * R (tests/stats/two_wave.R). A study inside leergang is analysed by
 * `leergang study analysis`, which also applies the n >= 5 rule. */
#include "cmd.h"
#include "core/die.h"
#include "domain/two_wave.h"
#include "formats/csv.h"
#include "stats/stats.h"
#include "stats/two_wave.h"

#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILE (64 * 1024 * 1024)

static void usage(void) __attribute__((noreturn));
static void usage(void)
{
	die("usage: leergang stats twowave FILE.csv --group COLUMN --groups A,B --paired W1,W2; see 'leergang help stats'");
}

/* s without spaces and tabs around it */
static char *trim(struct arena *a, const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return arena_strndup(a, s, n);
}

/* "A,B" into two non-empty, different names */
static void two_names(struct arena *a, const char *list, const char *option, char **x, char **y)
{
	const char *comma = strchr(list, ',');
	if (!comma || strchr(comma + 1, ','))
		die("%s needs two names separated by a comma", option);
	*x = trim(a, arena_strndup(a, list, (size_t)(comma - list)));
	*y = trim(a, comma + 1);
	if (!**x || !**y || !strcmp(*x, *y))
		die("%s needs two different, non-empty names", option);
}

static size_t column(struct arena *a, const struct csv *csv, const char *path, const char *name)
{
	const struct csv_row *h = &csv->rows[0];
	size_t found = (size_t)-1;
	for (size_t c = 0; c < h->n; c++)
		if (!strcmp(trim(a, h->fields[c]), name)) {
			if (found != (size_t)-1)
				die("%s: the column '%s' appears twice in the header; rename one", path, name);
			found = c;
		}
	if (found == (size_t)-1)
		die("%s: there is no column '%s' in the header", path, name);
	return found;
}

static const char *cell(const struct csv *csv, size_t r, size_t c)
{
	return c < csv->rows[r].n ? csv->rows[r].fields[c] : "";
}

int cmd_stats_two_wave(int argc, char **argv)
{
	static const struct option opts[] = { { "group", required_argument, 0, 'g' },
					      { "groups", required_argument, 0, 'G' },
					      { "paired", required_argument, 0, 'p' },
					      { 0, 0, 0, 0 } };
	const char *group = NULL, *groups = NULL, *paired = NULL;
	int o;
	opterr = 0;
	optind = 1;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'g') group = optarg;
		else if (o == 'G') groups = optarg;
		else if (o == 'p') paired = optarg;
		else die("%s is not an option of stats twowave, or needs a value; see 'leergang help stats'", argv[optind - 1]);
	}
	if (optind != argc - 1 || !group || !groups || !paired)
		usage();
	struct arena a = ARENA_INIT;
	char *ga, *gb, *w1, *w2;
	two_names(&a, groups, "--groups", &ga, &gb);
	two_names(&a, paired, "--paired", &w1, &w2);
	const char *path = argv[optind];
	size_t len;
	char *data = cmd_read_file(&a, path, MAX_FILE, &len);
	struct csv csv;
	enum csv_error e = csv_parse(&a, data, len, &csv);
	if (e == CSV_EMPTY)
		die("%s is empty: it needs a header row and a row per person", path);
	if (e != CSV_OK)
		die("%s, line %zu: %s", path, csv.err_line, csv_error_text(e));
	size_t cg = column(&a, &csv, path, group), c1 = column(&a, &csv, path, w1), c2 = column(&a, &csv, path, w2);
	size_t n = csv.nrows - 1;
	double *x1 = arena_alloc(&a, (n + 1) * sizeof *x1), *x2 = arena_alloc(&a, (n + 1) * sizeof *x2);
	double *y1 = arena_alloc(&a, (n + 1) * sizeof *y1), *y2 = arena_alloc(&a, (n + 1) * sizeof *y2);
	size_t nx = 0, ny = 0;
	for (size_t r = 1; r <= n; r++) {
		const char *g = trim(&a, cell(&csv, r, cg));
		double v[2];
		const size_t cols[2] = { c1, c2 };
		for (int k = 0; k < 2; k++) {
			const char *s = cell(&csv, r, cols[k]);
			int rc = stats_number(s, &v[k]);
			if (rc < 0 || (rc == 0 && !isfinite(v[k])))
				die("%s, row %zu, column '%s': '%s' is not a number (leave the cell empty for a missing answer)",
				    path, csv.rows[r].line, k ? w2 : w1, s);
		}
		if (!strcmp(g, ga)) {
			x1[nx] = v[0];
			x2[nx++] = v[1];
		} else if (!strcmp(g, gb)) {
			y1[ny] = v[0];
			y2[ny++] = v[1];
		} else if (*g) {
			die("%s, row %zu, column '%s': '%s' is neither %s nor %s (--groups)", path, csv.rows[r].line, group, g,
			    ga, gb);
		}
	}
	struct two_wave_numbers t;
	two_wave_compute(x1, x2, nx, y1, y2, ny, &t);
	json_t *out = json_object();
	json_object_set_new(out, "groups", json_pack("[s,s]", ga, gb));
	json_object_set_new(out, "intervention", two_wave_change_json(&t.x, true));
	json_object_set_new(out, "comparison", two_wave_change_json(&t.y, true));
	json_object_set_new(out, "difference", two_wave_diff_json(&t.d, true));
	char *s = json_dumps(out, JSON_INDENT(2) | JSON_REAL_PRECISION(17));
	if (!s)
		die("the results could not be written as JSON");
	puts(s);
	free(s);
	json_decref(out);
	arena_free(&a);
	return 0;
}
