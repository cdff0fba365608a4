/* org.c — `leergang org add|list|benchmark`. Taking part in the
 * benchmark of questionnaires is an organisation's decision, so it is set
 * here by whoever runs the installation, not by a role inside it. */
#include "cmd.h"
#include "domain/organisation.h"
#include "output.h"
#include "core/die.h"
#include "domain/validate.h"
#include "store/store.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static int org_add(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "slug", required_argument, 0, 's' }, { "name", required_argument, 0, 'n' }, { 0, 0, 0, 0 } };
	const char *slug = NULL, *name = NULL;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 's') slug = optarg;
		else if (o == 'n') name = optarg;
		else cmd_usage("org");
	}
	if (!slug || !name || optind != argc)
		cmd_usage("org");
	if (!slug_valid(slug))
		die("slug '%s' is not valid: use 2 to 40 of a-z, 0-9 and '-', not starting with '-'", slug);
	if (!*name || strlen(name) > 200)
		die("give a name of 1 to 200 characters");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	long long id;
	int r = organisation_create(st, &a, slug, name, &id);
	if (r == D_CONFLICT)
		die("an organisation with slug '%s' exists already", slug);
	if (r)
		die("database: %s", store_errmsg(st));
	arena_free(&a);
	store_close(st);
	printf("organisation %s added (id %lld)\n", slug, id);
	return 0;
}

static int org_list(int argc, char **argv)
{
	enum out_format f = out_parse_format(argc, argv, "org");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct organisation *orgs;
	size_t n;
	if (store_org_list(st, &a, &orgs, &n))
		die("database: %s", store_errmsg(st));
	static const char *const cols[] = { "id", "slug", "name", "created_at", "benchmark", NULL };
	struct out out;
	out_begin(&out, f, cols);
	for (size_t i = 0; i < n; i++) {
		out_int(&out, orgs[i].id);
		out_str(&out, orgs[i].slug);
		out_str(&out, orgs[i].name);
		out_str(&out, orgs[i].created_at);
		out_str(&out, orgs[i].benchmark ? "yes" : "no");
		out_row(&out);
	}
	out_end(&out);
	arena_free(&a);
	store_close(st);
	return 0;
}

static int org_benchmark(int argc, char **argv)
{
	if (argc != 3 || (strcmp(argv[2], "on") && strcmp(argv[2], "off")))
		cmd_usage("org");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct organisation o;
	if (store_org_by_slug(st, &a, argv[1], &o))
		die("there is no organisation with slug '%s'", argv[1]);
	bool on = !strcmp(argv[2], "on");
	if (store_org_set_benchmark(st, o.id, on))
		die("database: %s", store_errmsg(st));
	if (store_audit_add(st, o.id, 0, "cli", on ? "organisation.benchmark.on" : "organisation.benchmark.off",
			    "organisation", o.id, o.slug))
		die("database: %s", store_errmsg(st));
	printf(on ? "organisation %s takes part in the benchmark: its closed waves of built-in questionnaires count in "
		    "other organisations' benchmarks, and it sees theirs\n"
		  : "organisation %s does not take part in the benchmark\n", o.slug);
	arena_free(&a);
	store_close(st);
	return 0;
}

int cmd_org(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "benchmark"))
		return org_benchmark(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "add"))
		return org_add(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "list"))
		return org_list(argc - 1, argv + 1);
	cmd_usage("org");
}
