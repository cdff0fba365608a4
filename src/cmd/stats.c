/* stats.c — `leergang stats FILE.csv --items ...`: the statistics of a
 * questionnaire's answers (items, scale score, Cronbach's alpha, groups
 * compared, two waves paired), and `leergang stats 360 FILE.csv`: self
 * against others in 360° feedback. Reads a CSV (formats/csv.h: ';' ',' or
 * TAB, a header row, an empty cell is a missing answer, "3,5" and "3.5"
 * both read as three and a half), checks every cell it uses, and prints
 * JSON; `leergang stats kappa FILE.csv --raters A,B`: agreement between
 * raters (Cohen's kappa, Krippendorff's alpha); and `leergang stats
 * agreement FILE.csv`: two coders' agreement per code over the characters
 * of coded texts. The statistics themselves are in src/stats/ (definitions
 * in stats.h, three60.h, kappa.h and coding_agreement.h); this file only
 * reads, validates and prints. */
#include "cmd.h"
#include "core/die.h"
#include "formats/csv.h"
#include "stats/coding_agreement.h"
#include "stats/kappa.h"
#include "stats/stats.h"
#include "stats/three60.h"

#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILE (64 * 1024 * 1024)

/* A mistake in the arguments: the synopsis, not the whole of `help stats`. */
static void usage(void) __attribute__((noreturn));
static void usage(void)
{
	die("usage: leergang stats FILE.csv --items A,B,... [--reverse A,...] [--scale-min N] [--scale-max N] "
	    "[--group COLUMN] [--paired PRE,POST], or leergang stats 360 FILE.csv, or leergang stats kappa FILE.csv "
	    "--raters A,B [--weights none|linear|quadratic] [--categories C1,C2,...], or leergang stats agreement "
	    "FILE.csv [--without-uncoded] [--coders A,B] [--sources S1,...]; see 'leergang help stats'");
}

/* getopt_long's '?', said in the one line of die() rather than getopt's own. */
static void bad_option(char **argv) __attribute__((noreturn));
static void bad_option(char **argv)
{
	die("%s is not an option of stats, or needs a value; see 'leergang help stats'", argv[optind - 1]);
}

/* Enough digits that R's values can be compared to the last one. */
#define JSON_FLAGS (JSON_INDENT(2) | JSON_REAL_PRECISION(17))

struct sheet {
	const char *path;
	struct csv csv;
};

/* Text from the file as it may appear in a one-line message: control
 * characters shown as '?', cut after 40 bytes (on a UTF-8 boundary). */
static const char *shown(struct arena *a, const char *s)
{
	size_t n = strlen(s), max = 40;
	if (n > max) {
		while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
			max--;
	}
	char *t = arena_strndup(a, s, n > max ? max : n);
	for (char *p = t; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7F)
			*p = '?';
	return n > max ? arena_printf(a, "%s...", t) : t;
}

static void load(struct arena *a, struct sheet *sh, const char *path)
{
	size_t len;
	char *data = cmd_read_file(a, path, MAX_FILE, &len);
	sh->path = path;
	enum csv_error e = csv_parse(a, data, len, &sh->csv);
	if (e == CSV_EMPTY)
		die("%s is empty: it needs a header row and a row per respondent", path);
	if (e != CSV_OK)
		die("%s, line %zu: %s", path, sh->csv.err_line, csv_error_text(e));
	if (sh->csv.converted)
		warn("%s was Windows-1252 and has been read as such", path);
}

/* The cell of row r (1-based data row index into csv.rows) in column c,
 * "" when the row is shorter than the header. */
static const char *cell(const struct sheet *sh, size_t r, size_t c)
{
	const struct csv_row *row = &sh->csv.rows[r];
	return c < row->n ? row->fields[c] : "";
}

/* s without spaces and tabs around it, in the arena. */
static char *trimmed(struct arena *a, const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return arena_strndup(a, s, n);
}

/* The index of the header column named name (spaces around either are
 * ignored); dies when it is missing or appears twice. */
static size_t column(struct arena *a, const struct sheet *sh, const char *name, const char *option)
{
	const struct csv_row *h = &sh->csv.rows[0];
	size_t found = SIZE_MAX;
	for (size_t c = 0; c < h->n; c++)
		if (!strcmp(trimmed(a, h->fields[c]), name)) {
			if (found != SIZE_MAX)
				die("%s: the column '%s' (%s) appears twice in the header; rename one", sh->path,
				    shown(a, name), option);
			found = c;
		}
	if (found == SIZE_MAX) {
		struct buf cols = BUF_INIT;
		for (size_t c = 0; c < h->n && c < 30; c++)
			buf_addf(&cols, "%s%s", c ? ", " : "", shown(a, h->fields[c]));
		if (h->n > 30)
			buf_adds(&cols, ", ...");
		const char *list = arena_strdup(a, cols.ptr);
		buf_release(&cols);
		die("%s: there is no column '%s' (%s); the header has: %s", sh->path, shown(a, name), option, list);
	}
	return found;
}

/* Splits a comma-separated list of column names; dies on an empty name or
 * a name given twice. */
static size_t split_names(struct arena *a, const char *list, const char *option, char ***out)
{
	size_t cap = 8, n = 0;
	char **v = arena_alloc(a, cap * sizeof *v);
	const char *p = list;
	for (;;) {
		const char *e = strchr(p, ',');
		char *name = trimmed(a, arena_strndup(a, p, e ? (size_t)(e - p) : strlen(p)));
		if (!*name)
			die("%s has an empty column name in '%s'; separate the names with single commas", option,
			    shown(a, list));
		for (size_t i = 0; i < n; i++)
			if (!strcmp(v[i], name))
				die("%s names the column '%s' twice", option, shown(a, name));
		if (n == cap) {
			v = arena_grow(a, v, n, cap * 2, sizeof *v);
			cap *= 2;
		}
		v[n++] = name;
		if (!e)
			break;
		p = e + 1;
	}
	*out = v;
	return n;
}

static json_t *num(double x)
{
	return isfinite(x) ? json_real(x) : json_null();
}

static void set_note(json_t *o, const char *key, const char *note)
{
	if (note)
		json_object_set_new(o, key, json_string(note));
}

static void print_json(json_t *j)
{
	char *s = json_dumps(j, JSON_FLAGS);
	if (!s)
		die("the results could not be written as JSON");
	puts(s);
	free(s);
	json_decref(j);
}

/* A column of numbers: one per data row, NAN for an empty cell. With a
 * scale (min < max) every value must be one of its points. */
static double *numbers(struct arena *a, const struct sheet *sh, size_t col, int scale, int min, int max)
{
	size_t n = sh->csv.nrows - 1;
	double *x = arena_alloc(a, (n + 1) * sizeof *x);
	const char *name = shown(a, sh->csv.rows[0].fields[col]);
	for (size_t i = 0; i < n; i++) {
		const char *s = cell(sh, i + 1, col);
		size_t line = sh->csv.rows[i + 1].line;
		int r = stats_number(s, &x[i]);
		if (r < 0)
			die("%s, row %zu, column '%s': '%s' is not a number (leave the cell empty for a missing answer)",
			    sh->path, line, name, shown(a, s));
		if (r == 0 && !isfinite(x[i]))
			die("%s, row %zu, column '%s': '%s' is too large", sh->path, line, name, shown(a, s));
		if (r == 0 && scale && (x[i] < min || x[i] > max))
			die("%s, row %zu, column '%s': %s is outside the scale %d..%d (see --scale-min, --scale-max)",
			    sh->path, line, name, shown(a, s), min, max);
		if (r == 0 && scale && x[i] != floor(x[i]))
			die("%s, row %zu, column '%s': %s is not a point of the scale %d..%d (a whole number)",
			    sh->path, line, name, shown(a, s), min, max);
	}
	return x;
}

/* n, mean, sd of x into o (a new object when o is NULL) */
static json_t *desc_json(json_t *o, const char *name, const double *x, size_t n)
{
	struct stats_desc d;
	stats_describe(x, n, &d);
	if (!o)
		o = json_object();
	if (name)
		json_object_set_new(o, "name", json_string(name));
	json_object_set_new(o, "n", json_integer((json_int_t)d.n));
	json_object_set_new(o, "mean", num(d.mean));
	json_object_set_new(o, "sd", num(d.sd));
	set_note(o, "note", d.n == 0 ? "nothing answered: no mean or SD" : d.n == 1 ? "one value: no SD" : NULL);
	return o;
}

static json_t *ttest_json(const struct stats_ttest *t)
{
	json_t *o = json_object();
	json_object_set_new(o, "t", num(t->t));
	json_object_set_new(o, "df", num(t->df));
	json_object_set_new(o, "p", num(t->p));
	set_note(o, "note", t->note);
	return o;
}

static json_t *alpha_json(struct arena *a, char **names, const double *const *x, size_t k, size_t n)
{
	struct stats_alpha al, cc;
	struct stats_alpha_item *it = arena_alloc(a, (k + 1) * sizeof *it);
	stats_alpha(x, k, n, &al, it);
	stats_alpha_complete(x, k, n, &cc);
	json_t *o = json_object(), *ex = json_array(), *drop = json_array();
	json_object_set_new(o, "raw", num(al.raw));
	json_object_set_new(o, "std", num(al.std));
	json_object_set_new(o, "complete_case", num(cc.raw));
	json_object_set_new(o, "n_complete", json_integer((json_int_t)cc.n));
	json_object_set_new(o, "n_items", json_integer((json_int_t)al.k));
	for (size_t j = 0; j < k; j++) {
		json_t *e = json_object();
		json_object_set_new(e, "name", json_string(names[j]));
		if (!it[j].used) {
			json_object_set_new(e, "note", json_string(it[j].why));
			json_array_append_new(ex, e);
			continue;
		}
		json_object_set_new(e, "raw", num(it[j].raw));
		json_object_set_new(e, "std", num(it[j].std));
		json_array_append_new(drop, e);
	}
	json_object_set_new(o, "excluded", ex);
	json_object_set_new(o, "if_dropped", drop);
	set_note(o, "note", al.note);
	set_note(o, "if_dropped_note", al.drop_note);
	set_note(o, "complete_case_note", isnan(cc.raw) ? cc.note : NULL);  /* only raw alpha is printed */
	return o;
}

struct gkey {
	const char *name;
	size_t i;  /* data row */
};

static int by_name_row(const void *pa, const void *pb)
{
	const struct gkey *a = pa, *b = pb;
	int c = strcmp(a->name, b->name);
	return c ? c : (a->i > b->i) - (a->i < b->i);
}

static int by_row(const void *pa, const void *pb)
{
	const struct gkey *a = pa, *b = pb;
	return (a->i > b->i) - (a->i < b->i);
}

/* Group comparisons of the scale scores: groups in order of first
 * appearance among the respondents with a score and a group. */
static void groups_json(struct arena *a, json_t *out, const struct sheet *sh, size_t gcol, const double *score,
			size_t n)
{
	/* sorted by name, so that thousands of distinct values stay fast */
	struct gkey *key = arena_alloc(a, (n + 1) * sizeof *key);
	size_t *g = arena_alloc(a, (n + 1) * sizeof *g), m = 0, k = 0, nogroup = 0;
	for (size_t i = 0; i < n; i++) {
		g[i] = SIZE_MAX;
		if (isnan(score[i]))
			continue;
		const char *v = trimmed(a, cell(sh, i + 1, gcol));
		if (!*v)
			nogroup++;
		else
			key[m++] = (struct gkey){ v, i };
	}
	qsort(key, m, sizeof *key, by_name_row);
	struct gkey *first = arena_alloc(a, (m + 1) * sizeof *first);  /* each group's first row */
	for (size_t i = 0; i < m; i++)
		if (i == 0 || strcmp(key[i].name, key[i - 1].name))
			first[k++] = key[i];
	qsort(first, k, sizeof *first, by_row);
	const char **gname = arena_alloc(a, (k + 1) * sizeof *gname);
	for (size_t j = 0; j < k; j++) {
		gname[j] = first[j].name;
		g[first[j].i] = j;
	}
	for (size_t i = 0; i < m; i++)  /* the others of a run take the number of its first */
		if (i > 0 && !strcmp(key[i].name, key[i - 1].name))
			g[key[i].i] = g[key[i - 1].i];
	/* the scores of each group, in order, in one array */
	size_t *gn = arena_alloc(a, (k + 1) * sizeof *gn);
	double **gx = arena_alloc(a, (k + 1) * sizeof *gx), *all = arena_alloc(a, (m + 1) * sizeof *all);
	for (size_t i = 0; i < n; i++)
		if (g[i] != SIZE_MAX)
			gn[g[i]]++;
	for (size_t j = 0, at = 0; j < k; j++) {
		gx[j] = all + at;
		at += gn[j];
		gn[j] = 0;  /* counted again while filling */
	}
	for (size_t i = 0; i < n; i++)
		if (g[i] != SIZE_MAX)
			gx[g[i]][gn[g[i]]++] = score[i];
	json_t *arr = json_array();
	for (size_t j = 0; j < k; j++)
		json_array_append_new(arr, desc_json(NULL, gname[j], gx[j], gn[j]));
	json_object_set_new(out, "groups", arr);
	json_object_set_new(out, "no_group", json_integer((json_int_t)nogroup));

	struct stats_ttest w, s;
	const char *dnote = NULL;
	double d = NAN;
	if (k == 2) {
		stats_welch(gx[0], gn[0], gx[1], gn[1], &w);
		stats_student(gx[0], gn[0], gx[1], gn[1], &s);
		d = stats_cohen_d(gx[0], gn[0], gx[1], gn[1], &dnote);
	} else {
		const char *why = k < 2 ? "the t-tests compare 2 groups; there are fewer"
				       : "the t-tests compare 2 groups; there are more: see anova";
		w = s = (struct stats_ttest){ 0, 0, NAN, NAN, NAN, why };
		dnote = why;
	}
	json_object_set_new(out, "welch", ttest_json(&w));
	json_object_set_new(out, "student", ttest_json(&s));
	json_object_set_new(out, "cohen_d", num(d));
	set_note(out, "cohen_d_note", dnote);

	struct stats_anova an;
	stats_anova(score, g, n, k, &an);
	json_t *o = json_object();
	json_object_set_new(o, "F", num(an.F));
	json_object_set_new(o, "df1", an.groups >= 2 ? num(an.df1) : json_null());
	json_object_set_new(o, "df2", an.groups >= 2 ? num(an.df2) : json_null());
	json_object_set_new(o, "p", num(an.p));
	json_object_set_new(o, "eta2", num(an.eta2));
	set_note(o, "note", an.note);
	json_object_set_new(out, "anova", o);
}

static json_t *paired_json(const char *pre, const char *post, const double *x, const double *y, size_t n)
{
	struct stats_paired p;
	stats_paired(x, y, n, &p);
	json_t *o = json_object();
	json_object_set_new(o, "pre", json_string(pre));
	json_object_set_new(o, "post", json_string(post));
	json_object_set_new(o, "n", json_integer((json_int_t)p.n));
	json_object_set_new(o, "mean_diff", num(p.mean_diff));
	json_object_set_new(o, "sd_diff", num(p.sd_diff));
	json_object_set_new(o, "t", num(p.t));
	json_object_set_new(o, "df", num(p.df));
	json_object_set_new(o, "p", num(p.p));
	json_object_set_new(o, "dz", num(p.dz));
	set_note(o, "note", p.note);
	return o;
}

static int stats_360_cmd(int argc, char **argv)
{
	static const struct option opts[] = { { 0, 0, 0, 0 } };
	opterr = 0;
	while (getopt_long(argc, argv, "", opts, NULL) != -1)
		bad_option(argv);
	if (optind != argc - 1)
		usage();
	struct arena a = ARENA_INIT;
	struct sheet sh;
	load(&a, &sh, argv[optind]);
	static const char *const names[] = { "subject", "rater_role", "rater_id", "dimension", "score" };
	size_t col[5];
	for (size_t c = 0; c < 5; c++)
		col[c] = column(&a, &sh, names[c], "stats 360");
	size_t n = sh.csv.nrows - 1;
	struct s360_rating *r = arena_alloc(&a, (n + 1) * sizeof *r);
	for (size_t i = 0; i < n; i++) {
		const char *s = cell(&sh, i + 1, col[4]);
		r[i].subject = trimmed(&a, cell(&sh, i + 1, col[0]));
		char *role = trimmed(&a, cell(&sh, i + 1, col[1]));
		for (char *p = role; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		r[i].role = role;
		r[i].rater = trimmed(&a, cell(&sh, i + 1, col[2]));
		r[i].dimension = trimmed(&a, cell(&sh, i + 1, col[3]));
		if (stats_number(s, &r[i].score) < 0 || (!isnan(r[i].score) && !isfinite(r[i].score)))
			die("%s, row %zu, column 'score': '%s' is not a number (leave the cell empty for no answer)",
			    sh.path, sh.csv.rows[i + 1].line, shown(&a, s));
	}
	struct s360_cell *cells;
	size_t ncells, bad;
	const char *why;
	if (stats_360(&a, r, n, &cells, &ncells, &bad, &why))
		die("%s, row %zu: %s", sh.path, sh.csv.rows[bad + 1].line, why);

	json_t *subjects = json_array(), *dims = NULL;
	for (size_t i = 0; i < ncells; i++) {
		const struct s360_cell *c = &cells[i];
		if (i == 0 || strcmp(c->subject, cells[i - 1].subject)) {
			json_t *s = json_object();
			json_object_set_new(s, "subject", json_string(c->subject));
			dims = json_array();
			json_object_set_new(s, "dimensions", dims);
			json_array_append_new(subjects, s);
		}
		json_t *d = json_object(), *cats = json_array();
		json_object_set_new(d, "dimension", json_string(c->dimension));
		json_object_set_new(d, "self", num(c->self));
		json_object_set_new(d, "self_n", json_integer((json_int_t)c->self_n));
		json_object_set_new(d, "others_n", json_integer((json_int_t)c->others_n));
		json_object_set_new(d, "suppressed", json_boolean(c->suppressed));
		if (!c->suppressed) {
			json_object_set_new(d, "others_mean", num(c->others_mean));
			json_object_set_new(d, "gap", num(c->gap));
		}
		set_note(d, "note", c->note);
		for (size_t k = 0; k < c->ncats; k++) {
			json_t *o = json_object();
			json_object_set_new(o, "role", json_string(c->cats[k].role));
			json_object_set_new(o, "n", json_integer((json_int_t)c->cats[k].n));
			json_object_set_new(o, "suppressed", json_boolean(c->cats[k].suppressed));
			if (!c->cats[k].suppressed)
				json_object_set_new(o, "mean", num(c->cats[k].mean));
			json_array_append_new(cats, o);
		}
		json_object_set_new(d, "categories", cats);
		json_array_append_new(dims, d);
	}
	json_t *out = json_object();
	json_object_set_new(out, "subjects", subjects);
	print_json(out);
	arena_free(&a);
	return 0;
}

/* More categories than this is not a coding scheme but free text. */
#define KAPPA_MAX_CATEGORIES 1000

static json_t *kappa_est_json(const struct kappa_est *e)
{
	json_t *o = json_object(), *ci = json_object();
	json_object_set_new(o, "observed_agreement", num(e->po));
	json_object_set_new(o, "expected_agreement", num(e->pc));
	json_object_set_new(o, "kappa", num(e->kappa));
	json_object_set_new(o, "se", num(e->se));
	json_object_set_new(ci, "level", json_real(0.95));
	json_object_set_new(ci, "lower", num(e->lower));
	json_object_set_new(ci, "upper", num(e->upper));
	json_object_set_new(o, "ci", ci);
	set_note(o, "note", e->note);
	return o;
}

/* Cohen's kappa of two raters' codes (n rows each): the pair's n, missing,
 * confusion table, kappa and, with weights, the weighted kappa. */
static json_t *kappa_pair_json(const char *r1, const char *r2, const size_t *c1, const size_t *c2, size_t n,
			       size_t k, enum kappa_weights w)
{
	size_t *table = xcalloc(k * k + 1, sizeof *table);
	size_t used = kappa_table(c1, c2, n, k, table);
	struct kappa_est e;
	kappa_cohen(table, k, KAPPA_UNWEIGHTED, &e);
	json_t *o = kappa_est_json(&e), *raters = json_array(), *conf = json_array();
	json_array_append_new(raters, json_string(r1));
	json_array_append_new(raters, json_string(r2));
	json_object_set_new(o, "raters", raters);
	json_object_set_new(o, "n", json_integer((json_int_t)used));
	json_object_set_new(o, "missing", json_integer((json_int_t)(n - used)));
	for (size_t i = 0; i < k; i++) {
		json_t *row = json_array();
		for (size_t j = 0; j < k; j++)
			json_array_append_new(row, json_integer((json_int_t)table[i * k + j]));
		json_array_append_new(conf, row);
	}
	json_object_set_new(o, "confusion", conf);
	if (w != KAPPA_UNWEIGHTED) {
		struct kappa_est we;
		kappa_cohen(table, k, w, &we);
		json_object_set_new(o, "weighted", kappa_est_json(&we));
	}
	free(table);
	return o;
}

static int stats_kappa_cmd(int argc, char **argv)
{
	static const struct option opts[] = { { "raters", required_argument, 0, 'r' },
					      { "weights", required_argument, 0, 'w' },
					      { "categories", required_argument, 0, 'c' },
					      { 0, 0, 0, 0 } };
	const char *raters = NULL, *weights = "none", *categories = NULL;
	int o;
	opterr = 0;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'r') raters = optarg;
		else if (o == 'w') weights = optarg;
		else if (o == 'c') categories = optarg;
		else bad_option(argv);
	}
	if (optind != argc - 1)
		usage();
	if (!raters)
		die("stats kappa needs --raters A,B: the columns of the raters to compare");
	enum kappa_weights w;
	if (!strcmp(weights, "none"))
		w = KAPPA_UNWEIGHTED;
	else if (!strcmp(weights, "linear"))
		w = KAPPA_LINEAR;
	else if (!strcmp(weights, "quadratic"))
		w = KAPPA_QUADRATIC;
	else
		die("--weights must be none, linear or quadratic, not '%s'", weights);

	struct arena a = ARENA_INIT;
	char **rnames, **given = NULL;
	size_t m = split_names(&a, raters, "--raters", &rnames);
	if (m < 2)
		die("--raters needs two columns or more, separated by commas (A,B)");
	size_t ngiven = categories ? split_names(&a, categories, "--categories", &given) : 0;
	struct sheet sh;
	load(&a, &sh, argv[optind]);
	size_t n = sh.csv.nrows - 1;
	size_t *col = arena_alloc(&a, m * sizeof *col);
	for (size_t j = 0; j < m; j++)
		col[j] = column(&a, &sh, rnames[j], "--raters");
	/* the cells unit by unit, rater by rater: v[u * m + j] */
	const char **v = arena_alloc(&a, (n * m + 1) * sizeof *v);
	for (size_t u = 0; u < n; u++)
		for (size_t j = 0; j < m; j++)
			v[u * m + j] = trimmed(&a, cell(&sh, u + 1, col[j]));
	const char **cats;
	size_t k, bad, *codes = arena_alloc(&a, (n * m + 1) * sizeof *codes);
	if (kappa_categories(&a, v, n * m, (const char *const *)given, ngiven, &cats, &k, codes, &bad))
		die("%s, row %zu, column '%s': '%s' is not one of --categories", sh.path, sh.csv.rows[bad / m + 1].line,
		    shown(&a, rnames[bad % m]), shown(&a, v[bad]));
	if (k > KAPPA_MAX_CATEGORIES)
		die("%s: the raters use %zu different categories; at most %d can be compared", sh.path, k,
		    KAPPA_MAX_CATEGORIES);

	json_t *out = json_object(), *jr = json_array(), *jc = json_array();
	for (size_t j = 0; j < m; j++)
		json_array_append_new(jr, json_string(rnames[j]));
	for (size_t c = 0; c < k; c++)
		json_array_append_new(jc, json_string(cats[c]));
	json_object_set_new(out, "raters", jr);
	json_object_set_new(out, "rows", json_integer((json_int_t)n));
	json_object_set_new(out, "categories", jc);
	json_object_set_new(out, "weights", json_string(weights));
	/* one rater's codes as a column */
	size_t **rc = arena_alloc(&a, m * sizeof *rc);
	for (size_t j = 0; j < m; j++) {
		rc[j] = arena_alloc(&a, (n + 1) * sizeof **rc);
		for (size_t u = 0; u < n; u++)
			rc[j][u] = codes[u * m + j];
	}
	if (m == 2) {
		json_t *p = kappa_pair_json(rnames[0], rnames[1], rc[0], rc[1], n, k, w);
		json_object_del(p, "raters");
		json_object_update(out, p);
		json_decref(p);
	} else {
		json_t *pairs = json_array();
		for (size_t i = 0; i < m; i++)
			for (size_t j = i + 1; j < m; j++)
				json_array_append_new(pairs, kappa_pair_json(rnames[i], rnames[j], rc[i], rc[j], n, k, w));
		json_object_set_new(out, "pairs", pairs);
	}
	struct kappa_alpha al;
	kappa_krippendorff(codes, n, m, k, &al);
	json_t *ka = json_object();
	json_object_set_new(ka, "alpha", num(al.alpha));
	json_object_set_new(ka, "units", json_integer((json_int_t)al.units));
	json_object_set_new(ka, "values", json_integer((json_int_t)al.values));
	set_note(ka, "note", al.note);
	json_object_set_new(out, "krippendorff_alpha", ka);
	print_json(out);
	arena_free(&a);
	return 0;
}

/* ---- stats agreement -------------------------------------------------------
 * Rows source,length,coder,code,start,end: a selection of characters
 * [start, end) (code points, from 0) of a source coded with a code by a
 * coder. A row with only source and length (and perhaps code) names a
 * source (or a code) nobody coded. */

/* More than this is not an interview but a library. */
#define AGREE_MAX_CHARS 1000000000LL

/* Names in order of first appearance, found by a linear scan: a coding
 * comparison has some hundreds of sources and codes at most. */
struct names {
	const char **v;
	size_t n, cap;
};

static size_t name_find(const struct names *ns, const char *s)
{
	for (size_t i = 0; i < ns->n; i++)
		if (!strcmp(ns->v[i], s))
			return i;
	return SIZE_MAX;
}

static size_t name_add(struct arena *a, struct names *ns, const char *s)
{
	size_t i = name_find(ns, s);
	if (i != SIZE_MAX)
		return i;
	if (ns->n == ns->cap) {
		size_t cap = ns->cap ? 2 * ns->cap : 16;
		ns->v = ns->v ? arena_grow(a, ns->v, ns->n, cap, sizeof *ns->v) : arena_alloc(a, cap * sizeof *ns->v);
		ns->cap = cap;
	}
	ns->v[ns->n] = s;
	return ns->n++;
}

/* A whole number of characters in row r, column name, 0..AGREE_MAX_CHARS. */
static size_t chars_cell(struct arena *a, const struct sheet *sh, size_t r, const char *name, const char *v)
{
	char *end;
	errno = 0;
	unsigned long long x = strtoull(v, &end, 10);
	if (!*v || *end || *v == '-' || *v == '+' || errno || x > (unsigned long long)AGREE_MAX_CHARS)
		die("%s, row %zu, column '%s': '%s' is not a number of characters (a whole number from 0 to %lld)",
		    sh->path, sh->csv.rows[r].line, name, shown(a, v), AGREE_MAX_CHARS);
	return (size_t)x;
}

static int stats_agreement_cmd(int argc, char **argv)
{
	static const struct option opts[] = { { "without-uncoded", no_argument, 0, 'w' },
					      { "coders", required_argument, 0, 'c' },
					      { "sources", required_argument, 0, 's' },
					      { 0, 0, 0, 0 } };
	const char *coders = NULL, *sources = NULL;
	bool with_uncoded = true;
	int o;
	opterr = 0;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'w') with_uncoded = false;
		else if (o == 'c') coders = optarg;
		else if (o == 's') sources = optarg;
		else bad_option(argv);
	}
	if (optind != argc - 1)
		usage();
	struct arena a = ARENA_INIT;
	char **cnames = NULL, **snames = NULL;
	if (coders && split_names(&a, coders, "--coders", &cnames) != 2)
		die("--coders needs two coders, separated by a comma (A,B)");
	size_t nchosen = sources ? split_names(&a, sources, "--sources", &snames) : 0;
	struct sheet sh;
	load(&a, &sh, argv[optind]);
	static const char *const cols[] = { "source", "length", "coder", "code", "start", "end" };
	size_t col[6];
	for (size_t j = 0; j < 6; j++)
		col[j] = column(&a, &sh, cols[j], "stats agreement");
	size_t rows = sh.csv.nrows - 1;
	struct names src = { 0 }, codes = { 0 }, who = { 0 };
	size_t *length = arena_alloc(&a, (rows + 1) * sizeof *length);
	size_t *length_row = arena_alloc(&a, (rows + 1) * sizeof *length_row);
	struct agree_span *sp = arena_alloc(&a, (rows + 1) * sizeof *sp);
	size_t nsp = 0, *sp_row = arena_alloc(&a, (rows + 1) * sizeof *sp_row);
	const char **sp_coder = arena_alloc(&a, (rows + 1) * sizeof *sp_coder);
	for (size_t r = 1; r <= rows; r++) {
		const char *v[6];
		for (size_t j = 0; j < 6; j++)
			v[j] = trimmed(&a, cell(&sh, r, col[j]));
		size_t line = sh.csv.rows[r].line;
		if (!*v[0])
			die("%s, row %zu: the column 'source' is empty; every row names its source", sh.path, line);
		size_t len = chars_cell(&a, &sh, r, "length", v[1]);
		size_t known = src.n, s = name_add(&a, &src, v[0]);
		if (src.n > known) {
			length[s] = len;
			length_row[s] = line;
		} else if (length[s] != len) {
			die("%s, row %zu: source '%s' has length %zu here but %zu on row %zu; one source, one length",
			    sh.path, line, shown(&a, v[0]), len, length[s], length_row[s]);
		}
		if (*v[3])
			name_add(&a, &codes, v[3]);
		if (!*v[2] && !*v[4] && !*v[5])
			continue;  /* a source, or a code, nobody coded */
		if (!*v[2] || !*v[3] || !*v[4] || !*v[5])
			die("%s, row %zu: a coding needs coder, code, start and end; a row with only source and length "
			    "(and perhaps code) names what nobody coded", sh.path, line);
		size_t st = chars_cell(&a, &sh, r, "start", v[4]), en = chars_cell(&a, &sh, r, "end", v[5]);
		if (st >= en)
			die("%s, row %zu: start %zu is not before end %zu (characters [start, end), counted from 0)",
			    sh.path, line, st, en);
		if (en > len)
			die("%s, row %zu: end %zu is beyond the %zu characters of source '%s'", sh.path, line, en, len,
			    shown(&a, v[0]));
		name_add(&a, &who, v[2]);
		sp_coder[nsp] = v[2];
		sp_row[nsp] = line;
		sp[nsp++] = (struct agree_span){ s, name_find(&codes, v[3]), st, en, 0 };
	}
	/* the two coders: --coders, or the only two in the file */
	const char *ab[2];
	if (cnames) {
		for (int c = 0; c < 2; c++) {
			if (name_find(&who, cnames[c]) == SIZE_MAX)
				die("%s: coder '%s' (--coders) has no coding in the file", sh.path, shown(&a, cnames[c]));
			ab[c] = cnames[c];
		}
	} else if (who.n == 2) {
		ab[0] = who.v[0];
		ab[1] = who.v[1];
	} else {
		die("%s: %zu coders coded; name the two to compare with --coders A,B", sh.path, who.n);
	}
	size_t kept = 0;  /* the spans of the two coders */
	for (size_t i = 0; i < nsp; i++) {
		int c = !strcmp(sp_coder[i], ab[0]) ? 0 : !strcmp(sp_coder[i], ab[1]) ? 1 : -1;
		if (c < 0)
			continue;
		sp[kept] = sp[i];
		sp[kept++].coder = c;
	}
	bool *chosen = NULL;
	if (snames) {
		chosen = arena_alloc(&a, (src.n + 1) * sizeof *chosen);
		for (size_t i = 0; i < nchosen; i++) {
			size_t s = name_find(&src, snames[i]);
			if (s == SIZE_MAX)
				die("%s: there is no source '%s' (--sources)", sh.path, shown(&a, snames[i]));
			chosen[s] = true;
		}
	}
	struct agree_code_result *res = arena_alloc(&a, (codes.n + 1) * sizeof *res);
	size_t units, bad;
	if (coding_agreement(&a, length, src.n, chosen, sp, kept, codes.n, with_uncoded, res, &units, &bad))
		die("%s: a coding does not fit its source", sh.path);  /* checked row by row above */

	json_t *out = json_object(), *jc = json_array(), *js = json_array(), *jr = json_array();
	for (int c = 0; c < 2; c++)
		json_array_append_new(jc, json_string(ab[c]));
	for (size_t s = 0; s < src.n; s++)
		if (!chosen || chosen[s])
			json_array_append_new(js, json_string(src.v[s]));
	json_object_set_new(out, "coders", jc);
	json_object_set_new(out, "sources", js);
	json_object_set_new(out, "with_uncoded", json_boolean(with_uncoded));
	json_object_set_new(out, "characters", json_integer((json_int_t)units));
	for (size_t c = 0; c < codes.n; c++) {
		const struct agree_code_result *r = &res[c];
		json_t *j = json_object();
		json_object_set_new(j, "code", json_string(codes.v[c]));
		json_object_set_new(j, "a_only", json_integer((json_int_t)r->a_only));
		json_object_set_new(j, "b_only", json_integer((json_int_t)r->b_only));
		json_object_set_new(j, "both", json_integer((json_int_t)r->both));
		json_object_set_new(j, "neither", json_integer((json_int_t)r->neither));
		json_object_set_new(j, "a_coded", json_integer((json_int_t)(r->a_only + r->both)));
		json_object_set_new(j, "b_coded", json_integer((json_int_t)(r->b_only + r->both)));
		json_object_set_new(j, "kappa", num(r->kappa.kappa));
		json_object_set_new(j, "se", num(r->kappa.se));
		json_object_set_new(j, "lower", num(r->kappa.lower));
		json_object_set_new(j, "upper", num(r->kappa.upper));
		json_object_set_new(j, "alpha", num(r->alpha.alpha));
		json_object_set_new(j, "agreement", num(r->agreement));
		set_note(j, "note", r->note);
		json_array_append_new(jr, j);
	}
	json_object_set_new(out, "codes", jr);
	print_json(out);
	arena_free(&a);
	return 0;
}

int cmd_stats(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "360"))
		return stats_360_cmd(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "kappa"))
		return stats_kappa_cmd(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "agreement"))
		return stats_agreement_cmd(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "twowave"))
		return cmd_stats_two_wave(argc - 1, argv + 1);
	static const struct option opts[] = {
		{ "items", required_argument, 0, 'i' },     { "reverse", required_argument, 0, 'r' },
		{ "scale-min", required_argument, 0, 'a' }, { "scale-max", required_argument, 0, 'b' },
		{ "group", required_argument, 0, 'g' },     { "paired", required_argument, 0, 'p' },
		{ 0, 0, 0, 0 } };
	const char *items = NULL, *reverse = NULL, *group = NULL, *paired = NULL;
	int min = 1, max = 5, o;
	opterr = 0;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'i') items = optarg;
		else if (o == 'r') reverse = optarg;
		else if (o == 'a') min = (int)cmd_number(optarg, "--scale-min", -1000, 1000, NULL);
		else if (o == 'b') max = (int)cmd_number(optarg, "--scale-max", -1000, 1000, NULL);
		else if (o == 'g') group = optarg;
		else if (o == 'p') paired = optarg;
		else bad_option(argv);
	}
	if (optind != argc - 1)
		usage();
	if ((reverse || group) && !items)
		die("%s works on the scale score of --items; give --items too", reverse ? "--reverse" : "--group");
	if (!items && !paired)
		usage();
	if (min >= max || max - min > 100)
		die("the scale %d..%d is not usable: --scale-min must be below --scale-max, at most 100 points apart",
		    min, max);

	struct arena a = ARENA_INIT;
	char **inames = NULL, **rnames = NULL, **pnames = NULL;
	size_t k = items ? split_names(&a, items, "--items", &inames) : 0;
	size_t nrev = reverse ? split_names(&a, reverse, "--reverse", &rnames) : 0;
	if (paired && split_names(&a, paired, "--paired", &pnames) != 2)
		die("--paired needs two columns, PRE,POST (the first wave, then the second)");
	int *rev = arena_alloc(&a, (k + 1) * sizeof *rev);
	for (size_t r = 0; r < nrev; r++) {
		size_t j = 0;
		while (j < k && strcmp(inames[j], rnames[r]))
			j++;
		if (j == k)
			die("--reverse names '%s', which is not one of --items", rnames[r]);
		rev[j] = 1;
	}

	struct sheet sh;
	load(&a, &sh, argv[optind]);
	size_t n = sh.csv.nrows - 1;
	json_t *out = json_object();
	json_object_set_new(out, "rows", json_integer((json_int_t)n));

	if (k) {
		size_t gcol = group ? column(&a, &sh, group, "--group") : 0;
		double **x = arena_alloc(&a, k * sizeof *x);
		for (size_t j = 0; j < k; j++)
			x[j] = numbers(&a, &sh, column(&a, &sh, inames[j], "--items"), 1, min, max);
		json_t *arr = json_array();
		size_t *counts = arena_alloc(&a, (size_t)(max - min + 1) * sizeof *counts);
		for (size_t j = 0; j < k; j++) {
			if (rev[j])
				stats_reverse(x[j], n, min, max);
			json_t *it = json_object();
			json_object_set_new(it, "name", json_string(inames[j]));
			json_object_set_new(it, "reversed", json_boolean(rev[j]));
			desc_json(it, NULL, x[j], n);
			stats_counts(x[j], n, min, max, counts);  /* every value was checked above */
			json_t *c = json_array();
			for (int v = 0; v <= max - min; v++)
				json_array_append_new(c, json_integer((json_int_t)counts[v]));
			json_object_set_new(it, "counts", c);
			json_array_append_new(arr, it);
		}
		double *score = arena_alloc(&a, (n + 1) * sizeof *score);
		stats_scale_scores((const double *const *)x, k, n, score);
		json_t *sc = desc_json(NULL, NULL, score, n);
		json_object_set_new(out, "n", json_integer((json_int_t)stats_count(score, n)));
		json_t *scale = json_object();
		json_object_set_new(scale, "min", json_integer(min));
		json_object_set_new(scale, "max", json_integer(max));
		json_object_set_new(out, "scale", scale);
		json_object_set_new(out, "items", arr);
		json_object_set_new(out, "score", sc);
		json_object_set_new(out, "alpha", alpha_json(&a, inames, (const double *const *)x, k, n));
		if (group)
			groups_json(&a, out, &sh, gcol, score, n);
	}
	if (paired) {
		double *pre = numbers(&a, &sh, column(&a, &sh, pnames[0], "--paired"), 0, 0, 0);
		double *post = numbers(&a, &sh, column(&a, &sh, pnames[1], "--paired"), 0, 0, 0);
		json_object_set_new(out, "paired", paired_json(pnames[0], pnames[1], pre, post, n));
	}
	print_json(out);
	arena_free(&a);
	return 0;
}
