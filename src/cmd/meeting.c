/* meeting.c — `leergang meeting plan` (a meeting of a group, or a series
 * of them with --repeat and --every) and
 * `leergang attendance` (one participant at one meeting). */
#include "cmd.h"
#include "domain/person.h"
#include "core/die.h"
#include "domain/meeting.h"
#include "domain/schedule.h"
#include "store/store.h"

#include <limits.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int cmd_meeting(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, 0, 'o' }, { "group", required_argument, 0, 'g' },
		{ "number", required_argument, 0, 'n' }, { "date", required_argument, 0, 'd' },
		{ "start", required_argument, 0, 's' }, { "end", required_argument, 0, 'e' },
		{ "venue", required_argument, 0, 'v' }, { "repeat", required_argument, 0, 'r' },
		{ "every", required_argument, 0, 'y' }, { 0, 0, 0, 0 } };
	if (argc < 2 || strcmp(argv[1], "plan"))
		cmd_usage("meeting");
	argc--, argv++;
	const char *org = NULL;
	struct meeting_when when = { NULL, NULL, NULL, "" };
	long long group = 0;
	int number = 0, repeat = 1, every = 14, o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'g') group = cmd_number(optarg, "--group", 1, LLONG_MAX / 2, NULL);
		else if (o == 'n') number = (int)cmd_number(optarg, "--number", 1, 1000, NULL);
		else if (o == 'd') when.date = optarg;
		else if (o == 's') when.start = optarg;
		else if (o == 'e') when.end = optarg;
		else if (o == 'v') when.venue = optarg;
		else if (o == 'r') repeat = (int)cmd_number(optarg, "--repeat", 1, MEETING_SERIES_MAX, NULL);
		else if (o == 'y') every = (int)cmd_number(optarg, "--every", 1, MEETING_EVERY_MAX, NULL);
		else cmd_usage("meeting");
	}
	if (!org || group <= 0 || number <= 0 || !when.date || !when.start || !when.end || optind != argc ||
	    repeat < 1 || repeat > MEETING_SERIES_MAX || every < 1 || every > MEETING_EVERY_MAX)
		cmd_usage("meeting");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	/* a series: meetings number .. number+repeat-1, every `every` days, all or none */
	if (!date_valid(when.date))
		die("give the date as YYYY-MM-DD, such as 2026-09-01");
	struct errors e = { 0 };
	long long *ids = arena_alloc(&a, (size_t)repeat * sizeof(*ids));
	int d = meeting_plan_series(&c, group, number, repeat, every, &when, (long long)time(NULL), &e, ids);
	if (d == D_NOTFOUND)
		die("no group %lld in %s", group, org);
	if (d == D_INVALID)
		cmd_die_errors(&e, "meeting not planned");
	if (d)
		die("database: %s", store_errmsg(st));
	for (int k = 0; k < repeat; k++)
		printf("%lld\n", ids[k]);
	arena_free(&a);
	store_close(st);
	return 0;
}

int cmd_attendance(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, 0, 'o' }, { "meeting", required_argument, 0, 'm' },
		{ "employee", required_argument, 0, 'p' }, { "status", required_argument, 0, 's' }, { 0, 0, 0, 0 } };
	const char *org = NULL, *employee = NULL, *status = NULL;
	long long meeting = 0;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'm') meeting = cmd_number(optarg, "--meeting", 1, LLONG_MAX / 2, NULL);
		else if (o == 'p') employee = optarg;
		else if (o == 's') status = optarg;
		else cmd_usage("attendance");
	}
	if (!org || meeting <= 0 || !employee || !status || optind != argc)
		cmd_usage("attendance");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	struct person p;
	int found = person_by_employee(&c, employee, &p);
	if (found == D_NOTFOUND)
		die("no person with employee number %s", employee);
	if (found)
		die("database: %s", store_errmsg(st));
	struct errors e = { 0 };
	int d = attendance_record(&c, meeting, p.id, status, (long long)time(NULL), &e);
	if (d == D_NOTFOUND)
		die("no meeting %lld in %s", meeting, org);
	if (d == D_INVALID)
		cmd_die_errors(&e, "attendance not recorded");
	if (d)
		die("database: %s", store_errmsg(st));
	arena_free(&a);
	store_close(st);
	return 0;
}
