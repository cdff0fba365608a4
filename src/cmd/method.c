/* method.c — `leergang method list`: the organisation's session methods
 * with their steps, as text or as JSON for scripts and outside checks;
 * `leergang method copy`: a method of the organisation's own made from
 * one of them, as the methods page makes it. */
#include "cmd.h"
#include "output.h"
#include "core/die.h"
#include "domain/method.h"
#include "domain/organisation.h"
#include "store/store.h"

#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_text(const struct method *m, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		printf("%s\t%s\t(%s)\n", m[i].key, m[i].name, m[i].source);
		for (size_t k = 0; k < m[i].nsteps; k++) {
			const struct method_step *s = &m[i].steps[k];
			printf("  %d\t%s\t%d min\t%s\t%s\n", s->n, s->name, s->minutes, s->who, s->instruction);
		}
	}
}

/* The organisation's methods, read as the acting administrator; an
 * organisation made before methods existed gets the built-in ones here as
 * the server's start would give them. */
static void open_methods(struct ctx *c, struct actor *w, struct store *st, struct arena *a, const char *org,
			 struct method **m, size_t *n)
{
	cmd_ctx(c, w, st, a, org);
	if (organisation_frameworks_complete(st, a) || method_list(c, m, n))
		die("database: %s", store_errmsg(st));
}

static int list(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' },
					       { "format", required_argument, 0, 'f' }, { 0, 0, 0, 0 } };
	const char *org = NULL, *format = "text";
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'f') format = optarg;
		else cmd_usage("method");
	}
	if (!org || optind != argc || (strcmp(format, "text") && strcmp(format, "json")))
		cmd_usage("method");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	struct method *m;
	size_t n;
	open_methods(&c, &w, st, &a, org, &m, &n);
	if (!strcmp(format, "json")) {
		out_json(method_list_json(m, n));
	} else {
		print_text(m, n);
	}
	arena_free(&a);
	store_close(st);
	return 0;
}

static int copy(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' },
					       { "from", required_argument, 0, 'f' },
					       { "name", required_argument, 0, 'n' }, { 0, 0, 0, 0 } };
	const char *org = NULL, *from = NULL, *name = NULL;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'f') from = optarg;
		else if (o == 'n') name = optarg;
		else cmd_usage("method");
	}
	if (!org || !from || !name || optind != argc)
		cmd_usage("method");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	struct method *m;
	size_t n;
	open_methods(&c, &w, st, &a, org, &m, &n);
	long long from_id = 0;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(m[i].key, from))
			from_id = m[i].id;
	if (!from_id)
		die("no method with key %s in %s", from, org);
	struct errors e = { 0 };
	long long id = 0;
	int r = method_copy(&c, from_id, name, &e, &id);
	if (r) {
		if (r == D_INVALID)
			cmd_die_errors(&e, "the method was not made");
		die("the method could not be made: %s", store_errmsg(st));
	}
	struct method made;
	if (method_get(&c, id, &made))
		die("database: %s", store_errmsg(st));
	printf("%s\n", made.key);
	arena_free(&a);
	store_close(st);
	return 0;
}

int cmd_method(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "list"))
		return list(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "copy"))
		return copy(argc - 1, argv + 1);
	cmd_usage("method");
}
