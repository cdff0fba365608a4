/* wave.c — `leergang wave add|links|close`: a questionnaire sent to a
 * population, its personal links for the administrator on the server, and
 * closing it by hand. The same domain functions as the wave pages. */
#include "cmd.h"
#include "output.h"
#include "core/die.h"
#include "core/integer.h"
#include "domain/survey.h"
#include "domain/role.h"
#include "domain/wave_mail.h"
#include "domain/export_audit.h"
#include "store/instrument.h"
#include "store/store.h"
#include "core/compiler.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* "group:ID", "batch:ID", "programme:ID" or "unit:ID" */
static void parse_population(const char *s, const char **kind, long long *id)
{
	static const char *const kinds[][2] = { { "group", "group" }, { "batch", "batch" }, { "programme", "programme" },
						{ "unit", "units" } };
	const char *colon = s ? strchr(s, ':') : NULL;
	for (size_t i = 0; colon && i < ARRAY_SIZE(kinds); i++) {
		if ((size_t)(colon - s) != strlen(kinds[i][0]) || strncmp(s, kinds[i][0], (size_t)(colon - s)))
			continue;
		long long v;
		if (int_parse(colon + 1, 1, LLONG_MAX, &v) == INT_OK) {
			*kind = kinds[i][1];
			*id = v;
			return;
		}
	}
	die("give the population as group:ID, batch:ID, programme:ID or unit:ID");
}

static int wave_add(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' },
					       { "instrument", required_argument, 0, 'i' },
					       { "population", required_argument, 0, 'p' },
					       { "opens", required_argument, 0, 'b' },
					       { "closes", required_argument, 0, 'e' },
					       { "anonymous", no_argument, 0, 'a' },
					       { "purpose", required_argument, 0, 'w' },
					       { "name", required_argument, 0, 'n' }, { 0, 0, 0, 0 } };
	const char *org = NULL, *key = NULL, *population = NULL, *opens = NULL, *closes = NULL, *name = NULL, *purpose = NULL;
	bool anonymous = false;
	int o;
	optind = 1;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'i') key = optarg;
		else if (o == 'p') population = optarg;
		else if (o == 'b') opens = optarg;
		else if (o == 'e') closes = optarg;
		else if (o == 'a') anonymous = true;
		else if (o == 'w') purpose = optarg;
		else if (o == 'n') name = optarg;
		else cmd_usage("wave");
	}
	if (!org || !key || !population || !opens || !closes || optind != argc)
		cmd_usage("wave");
	const char *kind;
	long long pid;
	parse_population(population, &kind, &pid);
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	struct instrument in;
	int d = instrument_by_key(&c, key, (long long)time(NULL), &in);
	if (d == D_NOTFOUND)
		die("no questionnaire with key '%s' in %s (see 'leergang instrument list --org %s')", key, org, org);
	if (d)
		die("database: %s", store_errmsg(st));
	struct wave_new n = { in.id, name ? name : in.name, kind, pid, opens, closes, anonymous, purpose };
	struct errors e = { 0 };
	long long id;
	d = wave_create(&c, &n, (long long)time(NULL), &e, &id);
	if (d == D_INVALID)
		cmd_die_errors(&e, "wave not added");
	if (d)
		die("database: %s", store_errmsg(st));
	printf("%lld\n", id);
	arena_free(&a);
	store_close(st);
	return 0;
}

/* --wave ID: the wave and a ctx in its organisation. */
static void open_wave(int argc, char **argv, struct store **st, struct arena *a, struct ctx *c, struct actor *w,
		      struct wave *out)
{
	static const struct option opts[] = { { "wave", required_argument, 0, 'w' }, { 0, 0, 0, 0 } };
	long long id = 0;
	int o;
	optind = 1;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'w' && int_parse(optarg, 1, LLONG_MAX, &id) != INT_OK)
			die("--wave wants the number of a wave");
		else if (o != 'w')
			cmd_usage("wave");
	}
	if (id <= 0 || optind != argc)
		cmd_usage("wave");
	*st = cmd_open(false);
	long long org;
	int r = store_wave_org(*st, id, &org);
	if (r == ST_NOTFOUND)
		die("no wave %lld", id);
	memset(w, 0, sizeof(*w));
	w->organisation_id = org;
	w->email = "cli";
	w->display_name = "leergang (command line)";
	w->roles = ROLES_ALL;
	cmd_ctx_for(c, w, *st, a);
	/* through the domain: a closed wave gets its last anonymous hand-ins
	 * mixed in first (domain/anonymous_mix.h) */
	struct instrument_version v;
	if (r || wave_open(c, id, out, &v))
		die("database: %s", store_errmsg(*st));
}

static int wave_links_cmd(int argc, char **argv)
{
	struct store *st;
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	struct wave wv;
	open_wave(argc, argv, &st, &a, &c, &w, &wv);
	const char *base = cmd_public_url();
	struct wave_link *links;
	size_t n;
	if (wave_links(&c, &wv, base ? base : "http://127.0.0.1:8080", true, &links, &n))
		die("database: %s", store_errmsg(st));
	static const char *const cols[] = { "employee_id", "name", "email", "link", NULL };
	struct out o;
	out_begin(&o, OUT_CSV, cols);
	for (size_t i = 0; i < n; i++) {
		out_str(&o, links[i].inv->employee_id);
		out_str(&o, links[i].inv->person_name);
		out_str(&o, links[i].inv->email);
		out_str(&o, links[i].link);
		out_row(&o);
	}
	out_end(&o);
	if (export_record(&c, EXPORT_WAVE_LINKS, "wave", wv.id, "csv", n))
		die("database: %s", store_errmsg(st));
	free((char *)base);
	arena_free(&a);
	store_close(st);
	return 0;
}

static int wave_close_cmd(int argc, char **argv)
{
	struct store *st;
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	struct wave wv;
	open_wave(argc, argv, &st, &a, &c, &w, &wv);
	int d = wave_close(&c, &wv);
	if (d == D_CONFLICT)
		die("wave %lld has closed already", wv.id);
	if (d)
		die("database: %s", store_errmsg(st));
	arena_free(&a);
	store_close(st);
	return 0;
}

int cmd_wave(int argc, char **argv)
{
	if (argc < 2)
		cmd_usage("wave");
	if (!strcmp(argv[1], "add"))
		return wave_add(argc - 1, argv + 1);
	if (!strcmp(argv[1], "links"))
		return wave_links_cmd(argc - 1, argv + 1);
	if (!strcmp(argv[1], "close"))
		return wave_close_cmd(argc - 1, argv + 1);
	cmd_usage("wave");
}
