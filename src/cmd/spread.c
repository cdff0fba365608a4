/* spread.c — `leergang spread` (the spread table of an organisation as
 * JSON or CSV) and `leergang buddy add|end|list` (buddy pairs for lone
 * participants), through the same domain calls as their pages and the
 * API (domain/spread_table.h, domain/buddy.h). People are named by
 * employee number. */
#include "cmd.h"
#include "output.h"
#include "core/die.h"
#include "domain/buddy.h"
#include "domain/spread_table.h"
#include "store/store.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

int cmd_spread(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' }, { "by", required_argument, 0, 'b' },
					       { "from", required_argument, 0, 'f' }, { "to", required_argument, 0, 't' },
					       { "format", required_argument, 0, 'F' }, { 0, 0, 0, 0 } };
	const char *org = NULL, *by = "circle", *from = "", *to = "", *format = "json";
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'b') by = optarg;
		else if (o == 'f') from = optarg;
		else if (o == 't') to = optarg;
		else if (o == 'F') format = optarg;
		else cmd_usage("spread");
	}
	if (!org || optind != argc || (strcmp(format, "json") && strcmp(format, "csv")))
		cmd_usage("spread");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	struct errors e = { 0 };
	struct spread_table t;
	int d = spread_table(&c, by, from, to, &e, &t);
	if (d == D_INVALID)
		cmd_die_errors(&e, "no table");
	if (d)
		die("database: %s", store_errmsg(st));
	if (!strcmp(format, "json")) {
		out_json(spread_table_json(&t));
	} else {
		struct data_table x;
		struct buf b = BUF_INIT;
		spread_table_data(&a, &t, &x);
		table_csv(&x, &b);
		cmd_write_file(&b, NULL, false);
		buf_release(&b);
	}
	arena_free(&a);
	store_close(st);
	return 0;
}

static int buddy_add(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' }, { "person", required_argument, 0, 'p' },
					       { "buddy", required_argument, 0, 'b' }, { 0, 0, 0, 0 } };
	const char *org = NULL, *person = NULL, *buddy = NULL;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'p') person = optarg;
		else if (o == 'b') buddy = optarg;
		else cmd_usage("buddy");
	}
	if (!org || !person || !buddy || optind != argc)
		cmd_usage("buddy");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	struct errors e = { 0 };
	long long id = 0;
	int d = buddy_pair_add(&c, cmd_person_by_number(&c, person), cmd_person_by_number(&c, buddy), &e, &id);
	if (d == D_INVALID)
		cmd_die_errors(&e, "pair not recorded");
	if (d == D_NOTFOUND)
		die("no such person in %s", org);
	if (d)
		die("database: %s", store_errmsg(st));
	printf("%lld\n", id);
	arena_free(&a);
	store_close(st);
	return 0;
}

static int buddy_end(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' }, { "id", required_argument, 0, 'i' },
					       { 0, 0, 0, 0 } };
	const char *org = NULL;
	long long id = 0;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'i') id = cmd_number(optarg, "--id", 1, LLONG_MAX / 2, "the pair's id");
		else cmd_usage("buddy");
	}
	if (!org || !id || optind != argc)
		cmd_usage("buddy");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	struct errors e = { 0 };
	int d = buddy_pair_end(&c, id, &e);
	if (d == D_NOTFOUND)
		die("no buddy pair %lld in %s", id, org);
	if (d == D_INVALID)
		cmd_die_errors(&e, "pair not ended");
	if (d)
		die("database: %s", store_errmsg(st));
	printf("%lld ended\n", id);
	arena_free(&a);
	store_close(st);
	return 0;
}

static int buddy_list(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' }, { "format", required_argument, 0, 'f' },
					       { 0, 0, 0, 0 } };
	const char *org = NULL, *format = "text";
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'f') format = optarg;
		else cmd_usage("buddy");
	}
	if (!org || optind != argc || (strcmp(format, "text") && strcmp(format, "json")))
		cmd_usage("buddy");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	struct lone_view v;
	if (lone_participants(&c, &v))
		die("database: %s", store_errmsg(st));
	if (!strcmp(format, "json")) {
		out_json(lone_view_json(&v));
	} else {
		for (size_t i = 0; i < v.n; i++) {
			printf("lone\t%lld\t%s\t%s\t%s\t%s%s%s\n", v.lone[i].person_id, v.lone[i].name, v.lone[i].department,
			       v.lone[i].team, v.lone[i].only_in_team ? "only in team" : "",
			       v.lone[i].only_in_team && v.lone[i].unlinked ? ", " : "", v.lone[i].unlinked ? "unlinked" : "");
			for (size_t k = 0; k < v.lone[i].nsuggestions; k++)
				printf("suggest\t%lld\t%lld\t%s\t%s\n", v.lone[i].person_id, v.lone[i].suggestions[k].person_id,
				       v.lone[i].suggestions[k].name, v.lone[i].suggestions[k].reason);
		}
		for (size_t i = 0; i < v.npairs; i++)
			printf("pair\t%lld\t%s\t%s\t%s\t%s\t%s\n", v.pairs[i].id, v.pairs[i].person_name, v.pairs[i].buddy_name,
			       v.pairs[i].reason, v.pairs[i].started_on, *v.pairs[i].ended_on ? v.pairs[i].ended_on : "open");
	}
	arena_free(&a);
	store_close(st);
	return 0;
}

int cmd_buddy(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "add"))
		return buddy_add(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "end"))
		return buddy_end(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "list"))
		return buddy_list(argc - 1, argv + 1);
	cmd_usage("buddy");
}
