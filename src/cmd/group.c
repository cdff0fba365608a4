/* group.c — `leergang group add` (a group in a batch, with its mentor and
 * facilitator by employee number; prints the group's id), `leergang group
 * status` (a participant's status, with the kind of a stop) and `leergang
 * enrol` (people into a group by employee number). */
#include "cmd.h"
#include "domain/person.h"
#include "domain/programme.h"
#include "core/die.h"
#include "domain/group.h"
#include "domain/group_roster.h"
#include "domain/schedule.h"
#include "core/i18n.h"
#include "store/store.h"

#include <limits.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* `group status`: one participant's status through the same domain call as
 * the group page and the API; the enrolment found by employee number. */
static int group_status(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' },
					      { "group", required_argument, 0, 'g' },
					      { "employee", required_argument, 0, 'e' },
					      { "status", required_argument, 0, 's' },
					      { "kind", required_argument, 0, 'k' },
					      { "on", required_argument, 0, 'd' },
					      { "note", required_argument, 0, 'n' }, { 0, 0, 0, 0 } };
	const char *org = NULL, *employee = NULL, *status = NULL, *kind = "", *on = NULL, *note = "";
	long long group = 0;
	int o;
	optind = 1;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'g') group = cmd_number(optarg, "--group", 1, LLONG_MAX / 2, NULL);
		else if (o == 'e') employee = optarg;
		else if (o == 's') status = optarg;
		else if (o == 'k') kind = optarg;
		else if (o == 'd') on = optarg;
		else if (o == 'n') note = optarg;
		else cmd_usage("group");
	}
	if (!org || group <= 0 || !employee || !status || optind != argc)
		cmd_usage("group");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	i18n_use(LANG_NL);
	long long person = cmd_person_by_number(&c, employee);
	struct group_roster ro;
	int d = group_roster(&c, group, &ro);
	if (d == D_NOTFOUND)
		die("no group %lld in %s", group, org);
	if (d)
		die("database: %s", store_errmsg(st));
	long long id = 0;
	for (size_t i = 0; i < ro.nenrolments; i++)
		if (ro.enrolments[i].person_id == person)
			id = ro.enrolments[i].id;
	if (!id)
		die("%s is not enrolled in group %lld", employee, group);
	char today[11];
	if (!on) {
		date_today(ctx_now(&c), today);
		on = today;
	}
	struct errors e = { 0 };
	d = enrolment_set_status_many(&c, group, &id, 1, status, on, kind, note, &e);
	if (d == D_INVALID)
		cmd_die_errors(&e, "status not changed");
	if (d)
		die("database: %s", store_errmsg(st));
	printf("%s %s\n", employee, status);
	arena_free(&a);
	store_close(st);
	return 0;
}

int cmd_group(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "status"))
		return group_status(argc - 1, argv + 1);
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
	int d = batch_group_add(&c, batch, name, mentor ? cmd_person_by_number(&c, mentor) : 0,
				facilitator ? cmd_person_by_number(&c, facilitator) : 0, &e, &id);
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
		people[i] = cmd_person_by_number(&c, argv[optind + (int)i]);
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
