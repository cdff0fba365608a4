/* group.c — `leergang group add` (a group in a batch, with its mentor and
 * facilitator by employee number) and `leergang enrol` (people into a group
 * by employee number). Prints the group's id. */
#include "cmd.h"
#include "domain/person.h"
#include "domain/programme.h"
#include "core/die.h"
#include "domain/group.h"
#include "store/store.h"

#include <limits.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static long long person_by_number(struct ctx *c, const char *number)
{
	struct person p;
	int d = person_by_employee(c, number, &p);
	if (d == D_NOTFOUND)
		die("no person with employee number %s", number);
	if (d)
		die("database: %s", store_errmsg(c->st));
	return p.id;
}

int cmd_group(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' },
					       { "batch", required_argument, 0, 'b' },
					       { "name", required_argument, 0, 'n' },
					       { "mentor", required_argument, 0, 'm' },
					       { "facilitator", required_argument, 0, 'f' }, { 0, 0, 0, 0 } };
	if (argc < 2 || strcmp(argv[1], "add"))
		cmd_usage("group");
	argc--, argv++;
	const char *org = NULL, *name = NULL, *mentor = NULL, *facilitator = NULL;
	long long batch = 0;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'b') batch = cmd_number(optarg, "--batch", 1, LLONG_MAX / 2, NULL);
		else if (o == 'n') name = optarg;
		else if (o == 'm') mentor = optarg;
		else if (o == 'f') facilitator = optarg;
		else cmd_usage("group");
	}
	if (!org || batch <= 0 || !name || optind != argc)
		cmd_usage("group");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	struct errors e = { 0 };
	long long id;
	/* the group and its pair together or not at all, as the API makes them */
	int d = batch_group_add(&c, batch, name, mentor ? person_by_number(&c, mentor) : 0,
				facilitator ? person_by_number(&c, facilitator) : 0, &e, &id);
	if (d == D_NOTFOUND)
		die("no batch %lld in %s", batch, org);
	if (d == D_INVALID)
		cmd_die_errors(&e, "group not added");
	if (d)
		die("database: %s", store_errmsg(st));
	printf("%lld\n", id);
	arena_free(&a);
	store_close(st);
	return 0;
}

int cmd_enrol(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' },
					       { "group", required_argument, 0, 'g' },
					       { "date", required_argument, 0, 'd' }, { 0, 0, 0, 0 } };
	const char *org = NULL, *date = NULL;
	long long group = 0;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'g') group = cmd_number(optarg, "--group", 1, LLONG_MAX / 2, NULL);
		else if (o == 'd') date = optarg;
		else cmd_usage("enrol");
	}
	if (!org || group <= 0 || optind >= argc)
		cmd_usage("enrol");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	char today[11];
	if (!date) {
		time_t t = time(NULL);
		struct tm tm;
		localtime_r(&t, &tm);
		strftime(today, sizeof(today), "%Y-%m-%d", &tm);
		date = today;
	}
	size_t n = (size_t)(argc - optind);
	long long *people = arena_alloc(&a, n * sizeof(*people));
	for (size_t i = 0; i < n; i++)
		people[i] = person_by_number(&c, argv[optind + (int)i]);
	struct errors e = { 0 };
	int d = group_enrol(&c, group, people, n, date, &e);
	if (d == D_NOTFOUND)
		die("no group %lld in %s", group, org);
	if (d == D_INVALID)
		cmd_die_errors(&e, "nobody enrolled");
	if (d)
		die("database: %s", store_errmsg(st));
	printf("%zu enrolled\n", n);
	arena_free(&a);
	store_close(st);
	return 0;
}
