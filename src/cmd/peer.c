/* peer.c — `leergang peer-group list|add|member` and `leergang
 * presentation add|list`: intervision groups, teams and learning circles,
 * their people, and the presentations that close a circle, through the
 * same domain calls as their pages and the API (domain/peer_group.h).
 * People are named by employee number. */
#include "cmd.h"
#include "output.h"
#include "core/die.h"
#include "domain/peer_group.h"
#include "domain/person.h"
#include "store/store.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

/* The --org and --format text|json of a list command; true for json. */
static bool list_args(int argc, char **argv, const char *cmd, const char **org)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' },
					       { "format", required_argument, 0, 'f' }, { 0, 0, 0, 0 } };
	const char *format = "text";
	int o;
	*org = NULL;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') *org = optarg;
		else if (o == 'f') format = optarg;
		else cmd_usage(cmd);
	}
	if (!*org || optind != argc || (strcmp(format, "text") && strcmp(format, "json")))
		cmd_usage(cmd);
	return !strcmp(format, "json");
}

static int group_list(int argc, char **argv)
{
	const char *org;
	bool json = list_args(argc, argv, "peer-group", &org);
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	struct peer_group *g;
	size_t n;
	if (peer_group_list(&c, &g, &n))
		die("database: %s", store_errmsg(st));
	if (json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, peer_group_json(&g[i]));
		out_json(json_pack("{s:o}", "peer_groups", arr));
	} else {
		for (size_t i = 0; i < n; i++)
			printf("%lld\t%s\t%s\t%s\t%s\t%lld members\t%lld facilitators\n", g[i].id, g[i].kind, g[i].name,
			       g[i].period, g[i].active ? "active" : "inactive", g[i].members, g[i].facilitators);
	}
	arena_free(&a);
	store_close(st);
	return 0;
}

static int group_add(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' }, { "kind", required_argument, 0, 'k' },
					       { "name", required_argument, 0, 'n' }, { "period", required_argument, 0, 'p' },
					       { 0, 0, 0, 0 } };
	const char *org = NULL, *kind = NULL, *name = NULL, *period = "";
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'k') kind = optarg;
		else if (o == 'n') name = optarg;
		else if (o == 'p') period = optarg;
		else cmd_usage("peer-group");
	}
	if (!org || !kind || !name || optind != argc)
		cmd_usage("peer-group");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	struct errors e = { 0 };
	long long id = 0;
	int d = peer_group_create(&c, kind, name, period, &e, &id);
	if (d == D_INVALID)
		cmd_die_errors(&e, "peer group not added");
	if (d)
		die("database: %s", store_errmsg(st));
	printf("%lld\n", id);
	arena_free(&a);
	store_close(st);
	return 0;
}

static int group_member(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' }, { "group", required_argument, 0, 'g' },
					       { "employee", required_argument, 0, 'e' }, { "role", required_argument, 0, 'r' },
					       { "remove", no_argument, 0, 'x' }, { 0, 0, 0, 0 } };
	const char *org = NULL, *employee = NULL, *role = "member";
	long long group = 0;
	bool remove = false;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'g') group = cmd_number(optarg, "--group", 1, LLONG_MAX / 2, "the peer group's id");
		else if (o == 'e') employee = optarg;
		else if (o == 'r') role = optarg;
		else if (o == 'x') remove = true;
		else cmd_usage("peer-group");
	}
	if (!org || !group || !employee || optind != argc)
		cmd_usage("peer-group");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	long long person = cmd_person_by_number(&c, employee);
	struct errors e = { 0 };
	int d = remove ? peer_group_member_remove(&c, group, person, &e)
		       : peer_group_member_set(&c, group, person, role, "", "", &e);
	if (d == D_NOTFOUND)
		die("no peer group %lld in %s", group, org);
	if (d == D_INVALID)
		cmd_die_errors(&e, remove ? "member not removed" : "member not set");
	if (d)
		die("database: %s", store_errmsg(st));
	printf("%s %s\n", employee, remove ? "removed" : role);
	arena_free(&a);
	store_close(st);
	return 0;
}

int cmd_peer_group(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "list"))
		return group_list(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "add"))
		return group_add(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "member"))
		return group_member(argc - 1, argv + 1);
	cmd_usage("peer-group");
}

static int presentation_new(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' }, { "title", required_argument, 0, 't' },
					       { "date", required_argument, 0, 'd' }, { "audience", required_argument, 0, 'a' },
					       { "kind", required_argument, 0, 'k' }, { "group", required_argument, 0, 'g' },
					       { "presenter", required_argument, 0, 'p' }, { 0, 0, 0, 0 } };
	const char *org = NULL, *title = NULL, *date = NULL, *audience = NULL, *kind = "pecha_kucha";
	const char *who[64];
	size_t nwho = 0;
	long long group = 0;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 't') title = optarg;
		else if (o == 'd') date = optarg;
		else if (o == 'a') audience = optarg;
		else if (o == 'k') kind = optarg;
		else if (o == 'g') group = cmd_number(optarg, "--group", 1, LLONG_MAX / 2, "the learning circle's id");
		else if (o == 'p') {
			if (nwho == sizeof(who) / sizeof(*who))
				die("at most %zu presenters", nwho);
			who[nwho++] = optarg;
		} else cmd_usage("presentation");
	}
	if (!org || !title || !date || !audience || !nwho || optind != argc)
		cmd_usage("presentation");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	long long ids[64];
	for (size_t i = 0; i < nwho; i++)
		ids[i] = cmd_person_by_number(&c, who[i]);
	struct errors e = { 0 };
	long long id = 0;
	int d = presentation_add(&c, kind, audience, date, title, group, ids, nwho, &e, &id);
	if (d == D_NOTFOUND)
		die("no peer group %lld in %s", group, org);
	if (d == D_INVALID)
		cmd_die_errors(&e, "presentation not added");
	if (d)
		die("database: %s", store_errmsg(st));
	printf("%lld\n", id);
	arena_free(&a);
	store_close(st);
	return 0;
}

static int presentation_ls(int argc, char **argv)
{
	const char *org;
	bool json = list_args(argc, argv, "presentation", &org);
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	struct presentation *p;
	size_t n;
	if (presentation_list(&c, &p, &n))
		die("database: %s", store_errmsg(st));
	if (json) {
		out_json(json_pack("{s:o}", "presentations", presentation_list_json(p, n)));
	} else {
		for (size_t i = 0; i < n; i++) {
			printf("%lld\t%s\t%s\t%s\t%s\t%s\t", p[i].id, p[i].held_on, p[i].kind, p[i].audience, p[i].title,
			       p[i].group_name);
			for (size_t k = 0; k < p[i].npresenters; k++)
				printf("%s%s", k ? ", " : "", p[i].presenter_names[k]);
			putchar('\n');
		}
	}
	arena_free(&a);
	store_close(st);
	return 0;
}

int cmd_presentation(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "add"))
		return presentation_new(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "list"))
		return presentation_ls(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "attendee"))
		return cmd_presentation_attendee(argc - 1, argv + 1);
	cmd_usage("presentation");
}
