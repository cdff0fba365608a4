/* export.c — `leergang export people --org SLUG [--format csv|json]` and
 * `leergang export wave --org SLUG --wave ID --format csv|xlsx|sav
 * [--out FILE]`: the wave page's exports, under the same rules (no export
 * while the results are hidden, nothing in a row that names a person), in
 * the audit log as theirs are. */
#include "cmd.h"
#include "output.h"
#include "core/die.h"
#include "domain/people_io.h"
#include "domain/person.h"
#include "domain/unit.h"
#include "domain/export_audit.h"
#include "domain/survey.h"
#include "domain/survey_export.h"
#include "formats/sav.h"
#include "formats/xlsx.h"
#include "core/buf.h"
#include "store/store.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

static int export_wave(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' }, { "wave", required_argument, 0, 'w' },
					      { "format", required_argument, 0, 'f' }, { "out", required_argument, 0, 'u' },
					      { 0, 0, 0, 0 } };
	const char *org = NULL, *format = "csv", *file = NULL;
	long long id = 0;
	int o;
	optind = 1;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'w') id = cmd_number(optarg, "--wave", 1, LLONG_MAX, "a wave");
		else if (o == 'f') format = optarg;
		else if (o == 'u') file = optarg;
		else cmd_usage("export");
	}
	if (!org || !id || optind != argc)
		cmd_usage("export");
	if (strcmp(format, "csv") && strcmp(format, "xlsx") && strcmp(format, "sav"))
		die("--format wants csv, xlsx or sav");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	struct wave wv;
	struct instrument_version v;
	struct wave_export x;
	int d = wave_open(&c, id, &wv, &v);
	if (d == D_NOTFOUND)
		die("no wave %lld in %s", id, org);
	if (d || wave_export(&c, &wv, &v, &x))
		die("database: %s", store_errmsg(st));
	if (!x.shown)
		die("%s", x.why_hidden);
	struct buf b = BUF_INIT, err = BUF_INIT;
	if (!strcmp(format, "csv"))
		table_csv(&x.table, &b);
	else if (!strcmp(format, "xlsx") ? xlsx_write(&x.table, &b, &err) : sav_write(&x.table, &b, &err))
		die("wave %lld: %s", id, err.ptr ? err.ptr : "the file could not be made");
	cmd_write_file(&b, file, strcmp(format, "csv") != 0);
	if (export_record(&c, EXPORT_WAVE_DATA, "wave", wv.id, format, x.table.nrows))
		die("database: %s", store_errmsg(st));
	buf_release(&b);
	buf_release(&err);
	arena_free(&a);
	store_close(st);
	return 0;
}

int cmd_export(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, 0, 'o' }, { "format", required_argument, 0, 'f' }, { 0, 0, 0, 0 } };
	if (argc >= 2 && !strcmp(argv[1], "wave"))
		return export_wave(argc - 1, argv + 1);
	if (argc < 2 || strcmp(argv[1], "people"))
		cmd_usage("export");
	argc--, argv++;
	const char *org = NULL;
	enum out_format f = OUT_CSV;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'f') f = out_format_from(optarg, "export");
		else cmd_usage("export");
	}
	if (!org || optind != argc)
		cmd_usage("export");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	struct person_filter pf = { .include_inactive = 1 };
	struct person *p;
	size_t n;
	long long total;
	struct unit_tree t;
	if (unit_tree_load(&c, false, &t) || person_list(&c, &pf, &p, &n, &total))
		die("database: %s", store_errmsg(st));
	if (f == OUT_JSON) {
		static const char *const cols[] = { "employee_id", "name", "email", "unit", "manager_employee_id",
						    "job_level", "active", NULL };
		struct out out;
		out_begin(&out, f, cols);
		for (size_t i = 0; i < n; i++) {
			const char *unit = p[i].unit_id ? unit_tree_path(&t, p[i].unit_id) : "";
			out_str(&out, p[i].employee_id);
			out_str(&out, p[i].name);
			out_str(&out, p[i].email);
			out_str(&out, unit);
			out_str(&out, p[i].manager_employee_id);
			out_str(&out, p[i].job_level);
			out_bool(&out, p[i].active);
			out_row(&out);
		}
		out_end(&out);
	} else {
		struct buf b = BUF_INIT;
		people_csv(&b, p, n, &t);
		fwrite(b.ptr, 1, b.len, stdout);
		buf_release(&b);
	}
	/* the command line's exports are in the audit log as the pages' are */
	if (export_record(&c, EXPORT_PEOPLE, "organisation", w.organisation_id, f == OUT_JSON ? "json" : "csv", n))
		die("database: %s", store_errmsg(st));
	arena_free(&a);
	store_close(st);
	return 0;
}
