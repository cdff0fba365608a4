/* export.c — `leergang export people --org SLUG [--format csv|json]`. */
#include "cmd.h"
#include "output.h"
#include "core/die.h"
#include "domain/people_io.h"
#include "domain/person.h"
#include "domain/unit.h"
#include "domain/export_audit.h"
#include "store/store.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

int cmd_export(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, 0, 'o' }, { "format", required_argument, 0, 'f' }, { 0, 0, 0, 0 } };
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
