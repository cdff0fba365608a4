/* programme.c — `leergang programme add|list|show`: programmes from a
 * template, for scripts and for setting up an organisation in one go. */
#include "cmd.h"
#include "output.h"
#include "core/die.h"
#include "domain/group.h"
#include "domain/programme.h"
#include "store/design.h"
#include "store/group.h"
#include "store/store.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int add(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' },
					       { "template", required_argument, 0, 't' },
					       { "name", required_argument, 0, 'n' }, { 0, 0, 0, 0 } };
	const char *org = NULL, *tpl = NULL, *name = NULL;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 't') tpl = optarg;
		else if (o == 'n') name = optarg;
		else cmd_usage("programme");
	}
	if (!org || !tpl || !name || optind != argc)
		cmd_usage("programme");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	struct errors e = { 0 };
	long long id;
	int d = programme_from_template(&c, tpl, name, &e, &id);
	if (d == D_INVALID)
		cmd_die_errors(&e, "programme not made");
	if (d)
		die("database: %s", store_errmsg(st));
	printf("%lld\n", id);
	arena_free(&a);
	store_close(st);
	return 0;
}

static int list(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' },
					       { "format", required_argument, 0, 'f' }, { 0, 0, 0, 0 } };
	const char *org = NULL;
	enum out_format f = OUT_TEXT;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'f') f = out_format_from(optarg, "programme");
		else cmd_usage("programme");
	}
	if (!org || optind != argc)
		cmd_usage("programme");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	struct programme *p;
	size_t n;
	if (store_programme_list(st, &a, w.organisation_id, &p, &n))
		die("database: %s", store_errmsg(st));
	static const char *const cols[] = { "id", "name", "shape", "template", "registered", "active", "completed",
					    "stopped", NULL };
	struct out out;
	out_begin(&out, f, cols);
	for (size_t i = 0; i < n; i++) {
		struct enrolment_counts k = { 0 };
		if (store_programme_counts(st, w.organisation_id, p[i].id, &k))
			die("database: %s", store_errmsg(st));
		out_int(&out, p[i].id);
		out_str(&out, p[i].name);
		out_str(&out, p[i].shape);
		out_str(&out, p[i].template_key);
		out_int(&out, k.registered);
		out_int(&out, k.active);
		out_int(&out, k.completed);
		out_int(&out, k.stopped);
		out_row(&out);
	}
	out_end(&out);
	arena_free(&a);
	store_close(st);
	return 0;
}

int cmd_programme(int argc, char **argv)
{
	if (argc < 2)
		cmd_usage("programme");
	if (!strcmp(argv[1], "add"))
		return add(argc - 1, argv + 1);
	if (!strcmp(argv[1], "list"))
		return list(argc - 1, argv + 1);
	cmd_usage("programme");
}
