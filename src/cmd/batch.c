/* batch.c — `leergang batch add --org SLUG --programme ID [--name NAME]`:
 * a new batch (lichting); prints its id. */
#include "cmd.h"
#include "core/die.h"
#include "domain/group.h"
#include "store/store.h"

#include <limits.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_batch(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' },
					       { "programme", required_argument, 0, 'p' },
					       { "name", required_argument, 0, 'n' }, { 0, 0, 0, 0 } };
	if (argc < 2 || strcmp(argv[1], "add"))
		cmd_usage("batch");
	argc--, argv++;
	const char *org = NULL, *name = "";
	long long programme = 0;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'p') programme = cmd_number(optarg, "--programme", 1, LLONG_MAX / 2, NULL);
		else if (o == 'n') name = optarg;
		else cmd_usage("batch");
	}
	if (!org || programme <= 0 || optind != argc)
		cmd_usage("batch");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	struct errors e = { 0 };
	long long id;
	int d = batch_create(&c, programme, name, &e, &id);
	if (d == D_NOTFOUND)
		die("no programme %lld in %s", programme, org);
	if (d == D_INVALID)
		cmd_die_errors(&e, "batch not added");
	if (d)
		die("database: %s", store_errmsg(st));
	printf("%lld\n", id);
	arena_free(&a);
	store_close(st);
	return 0;
}
