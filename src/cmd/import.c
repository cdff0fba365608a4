/* import.c — `leergang import people --org SLUG FILE [--dry-run] [--sync]`:
 * an HR export imported, or with --sync kept in step with it (whoever is
 * not in it marked inactive), each change listed. */
#include "cmd.h"
#include "core/die.h"
#include "domain/people_io.h"
#include "store/store.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

int cmd_import(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, 0, 'o' }, { "dry-run", no_argument, 0, 'n' }, { "sync", no_argument, 0, 's' },
		{ 0, 0, 0, 0 } };
	if (argc < 2 || strcmp(argv[1], "people"))
		cmd_usage("import");
	argc--, argv++;
	const char *org = NULL;
	bool dry = false, sync = false;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'n') dry = true;
		else if (o == 's') sync = true;
		else cmd_usage("import");
	}
	if (!org || optind != argc - 1)
		cmd_usage("import");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	size_t len;
	char *data = cmd_read_file(&a, argv[optind], 0, &len);
	struct import_report rep;
	int d = sync ? people_sync(&c, data, len, !dry, &rep) : people_import(&c, data, len, NULL, !dry, &rep);
	if (d == D_ERROR)
		die("import failed, nothing changed: %s", store_errmsg(st));
	if (d == D_INVALID) {
		for (size_t i = 0; i < rep.nissues; i++) {
			const struct import_issue *is = &rep.issues[i];
			fprintf(stderr, "%s:%zu:%s%s %s %s\n", argv[optind], is->line, is->header[0] ? " " : "", is->header,
				is->problem, is->fix);
		}
		die("nothing imported: %zu problem%s in %s", rep.nissues, rep.nissues == 1 ? "" : "s", argv[optind]);
	}
	if (rep.converted)
		fprintf(stderr, "leergang: %s was Windows-1252 and has been read as such\n", argv[optind]);
	/* a sync lists each change on a line of its own: FILE:LINE: number
	 * change [fields] (an import of thousands says only how many) */
	for (size_t i = 0; sync && i < rep.nchanges; i++) {
		const struct import_change *x = &rep.changes[i];
		if (x->line)
			printf("%s:%zu: %s %s%s%s\n", argv[optind], x->line, x->employee_id, x->change, *x->fields ? " " : "",
			       x->fields);
		else
			printf("%s: %s %s (not in the file)\n", argv[optind], x->employee_id, x->change);
	}
	printf("%s%zu rows: %zu created, %zu updated, %zu unchanged, %zu units created", dry ? "dry run, nothing changed: " : "",
	       rep.rows, rep.created, rep.updated, rep.unchanged, rep.units_created);
	if (sync)
		printf(", %zu deactivated", rep.deactivated);
	printf("\n");
	arena_free(&a);
	store_close(st);
	return 0;
}
