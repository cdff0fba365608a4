/* retention.c — `leergang retention run|show`: the retention periods of an
 * organisation, and the removal of what has passed them (the server does
 * this daily; the command line for an administrator, or with --now for a
 * day of one's choosing). */
#include "cmd.h"
#include "core/die.h"
#include "domain/retention.h"
#include "domain/retention_job.h"
#include "domain/schedule.h"
#include "store/store.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int retention_run(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'r' },
					      { "now", required_argument, 0, 'w' },
					      { "dry-run", no_argument, 0, 'n' },
					      { 0, 0, 0, 0 } };
	const char *org = NULL;
	long long now = 0;
	bool dry = false;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'r') org = optarg;
		else if (o == 'w') now = cmd_day_noon(optarg);
		else if (o == 'n') dry = true;
		else cmd_usage("retention");
	}
	if (optind != argc)
		cmd_usage("retention");
	struct store *st = cmd_open(false);
	if (!org) {
		int r = retention_run_all(st, now, dry, stdout);
		store_close(st);
		if (r == 2)
			die("removed, but the database file could not be rewritten yet (a reader held it): "
			    "the removed texts may linger in free pages until the next run that removes something");
		return r;
	}
	struct arena a = ARENA_INIT;
	struct ctx c = { 0 };
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	c.now = now;
	struct retention_result res;
	struct buf err = BUF_INIT;
	int r = retention_apply(&c, dry, &res, &err);
	if (r && r != D_BUSY)
		die("retention failed, nothing removed: %s", store_errmsg(st));
	printf(dry ? "retention %s on %s, would remove (nothing changed):\n" : "retention %s on %s, removed:\n", org,
	       res.today);
	for (size_t i = 0; i < res.n; i++)
		printf("  %-8lld %s\n", res.steps[i].rows, res.steps[i].what);
	if (r == D_BUSY)
		die("removed, but the database file could not be rewritten yet (%s)", err.ptr);
	buf_release(&err);
	arena_free(&a);
	store_close(st);
	return 0;
}

static int retention_show(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'r' }, { 0, 0, 0, 0 } };
	const char *org = NULL;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'r') org = optarg;
		else cmd_usage("retention");
	}
	if (!org || optind != argc)
		cmd_usage("retention");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c = { 0 };
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	struct retention p;
	if (retention_get(&c, &p))
		die("database: %s", store_errmsg(st));
	printf("texts_months\t%d\nlogbook_months\t%d\nanswers_months\t%d\nsource\t%s\n", p.texts_months,
	       p.logbook_months, p.answers_months, p.is_default ? "leergang's defaults" : "set by the organisation");
	arena_free(&a);
	store_close(st);
	return 0;
}

int cmd_retention(int argc, char **argv)
{
	if (argc < 2)
		cmd_usage("retention");
	argc--, argv++;
	if (!strcmp(argv[0], "run"))
		return retention_run(argc, argv);
	if (!strcmp(argv[0], "show"))
		return retention_show(argc, argv);
	cmd_usage("retention");
}
