/* wave.c — `leergang wave add|links|send|remind|close`: a questionnaire
 * sent to a population, its personal links for the administrator on the
 * server, its invitations and reminders, and closing it by hand. The same
 * domain functions as the wave pages. */
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

/* What a command on one wave opens: the store, the arena, a ctx in the
 * wave's organisation and the wave (open_wave), closed by close_wave. */
struct wave_cmd {
	struct store *st;
	struct arena a;
	struct ctx c;
	struct actor w;
	struct wave wv;
	const char *sender;  /* the organisation's name, the sender of its e-mail */
	const char *base;    /* LEERGANG_PUBLIC_URL, once asked for (wave_url) */
};

/* --wave ID [--org SLUG]: the wave and a ctx in its organisation (with
 * --org, a wave of another organisation is not found). */
static void open_wave(int argc, char **argv, struct wave_cmd *x)
{
	static const struct option opts[] = { { "wave", required_argument, 0, 'w' }, { "org", required_argument, 0, 'o' },
					      { 0, 0, 0, 0 } };
	long long id = 0;
	const char *slug = NULL;
	int o;
	optind = 1;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'w' && int_parse(optarg, 1, LLONG_MAX, &id) != INT_OK)
			die("--wave wants the number of a wave");
		else if (o == 'o')
			slug = optarg;
		else if (o != 'w')
			cmd_usage("wave");
	}
	if (id <= 0 || optind != argc)
		cmd_usage("wave");
	memset(x, 0, sizeof(*x));
	x->a = (struct arena)ARENA_INIT;
	x->st = cmd_open(false);
	long long org;
	int r = store_wave_org(x->st, id, &org);
	if (r == ST_NOTFOUND)
		die("no wave %lld", id);
	if (r)
		die("database: %s", store_errmsg(x->st));
	struct organisation on;
	if (slug) {
		cmd_ctx(&x->c, &x->w, x->st, &x->a, slug);
		if (x->w.organisation_id != org)
			die("no wave %lld in %s", id, slug);
	} else {
		x->w.organisation_id = org;
		x->w.email = "cli";
		x->w.display_name = "leergang (command line)";
		x->w.roles = ROLES_ALL;
		cmd_ctx_for(&x->c, &x->w, x->st, &x->a);
	}
	if (store_org_get(x->st, &x->a, org, &on))
		die("database: %s", store_errmsg(x->st));
	x->sender = on.name;
	/* through the domain: a closed wave gets its last anonymous hand-ins
	 * mixed in first (domain/anonymous_mix.h) */
	struct instrument_version v;
	if (wave_open(&x->c, id, &x->wv, &v))
		die("database: %s", store_errmsg(x->st));
}

/* The address the links start with: LEERGANG_PUBLIC_URL, else the local
 * server's. */
static const char *wave_url(struct wave_cmd *x)
{
	if (!x->base)
		x->base = cmd_public_url();
	return x->base ? x->base : "http://127.0.0.1:8080";
}

static void close_wave(struct wave_cmd *x)
{
	free((char *)x->base);
	arena_free(&x->a);
	store_close(x->st);
}

/* The links as CSV for a mail merge; with `reminders`, how many reminders
 * each has had, this round's included. */
static void links_csv(const struct wave_link *links, size_t n, bool reminders)
{
	const char *const cols[] = { "employee_id", "name", "email", "link", reminders ? "reminders" : NULL, NULL };
	struct out o;
	out_begin(&o, OUT_CSV, cols);
	for (size_t i = 0; i < n; i++) {
		out_str(&o, links[i].inv->employee_id);
		out_str(&o, links[i].inv->person_name);
		out_str(&o, links[i].inv->email);
		out_str(&o, links[i].link);
		if (reminders)
			out_int(&o, links[i].inv->reminders + 1);
		out_row(&o);
	}
	out_end(&o);
}

static int wave_links_cmd(int argc, char **argv)
{
	struct wave_cmd x;
	open_wave(argc, argv, &x);
	struct wave_link *links;
	size_t n;
	if (wave_links(&x.c, &x.wv, wave_url(&x), true, &links, &n))
		die("database: %s", store_errmsg(x.st));
	links_csv(links, n, false);
	if (export_record(&x.c, EXPORT_WAVE_LINKS, "wave", x.wv.id, "csv", n))
		die("database: %s", store_errmsg(x.st));
	close_wave(&x);
	return 0;
}

static int wave_close_cmd(int argc, char **argv)
{
	struct wave_cmd x;
	open_wave(argc, argv, &x);
	int d = wave_close(&x.c, &x.wv);
	if (d == D_CONFLICT)
		die("wave %lld has closed already", x.wv.id);
	if (d)
		die("database: %s", store_errmsg(x.st));
	close_wave(&x);
	return 0;
}

static void print_tally(const char *what, const struct mail_tally *t)
{
	printf("%s: %lld sent, %lld not sent, %lld without an e-mail address%s\n", what, t->sent, t->failed, t->no_address,
	       t->unreachable ? " (the mail server could not be reached)" : "");
}

/* The invitations by e-mail to those asked who have not had one, as the
 * wave page's button sends them. */
static int wave_send_cmd(int argc, char **argv)
{
	struct wave_cmd x;
	cmd_setup_mail();
	open_wave(argc, argv, &x);
	struct errors e = { 0 };
	struct mail_tally t;
	int d = wave_mail_invitations(&x.c, &x.wv, wave_url(&x), x.sender, (long long)time(NULL), &e, &t);
	if (d == D_INVALID)
		cmd_die_errors(&e, "no invitations sent");
	if (d)
		die("database: %s", store_errmsg(x.st));
	print_tally("invitations", &t);
	close_wave(&x);
	return t.unreachable ? 1 : 0;
}

/* A reminder round as the wave page's button makes it: by e-mail when
 * LEERGANG_SMTP_URL is set, else the links of those who have not answered
 * as CSV for a mail merge, each counted as reminded. */
static int wave_remind_cmd(int argc, char **argv)
{
	struct wave_cmd x;
	bool mail = cmd_setup_mail();
	open_wave(argc, argv, &x);
	struct errors e = { 0 };
	int d;
	if (mail) {
		struct mail_tally t;
		d = wave_mail_reminders(&x.c, &x.wv, wave_url(&x), x.sender, (long long)time(NULL), &e, &t);
		if (!d)
			print_tally("reminders", &t);
	} else {
		struct wave_link *links;
		size_t n;
		d = wave_remind_by_links(&x.c, &x.wv, wave_url(&x), &links, &n, &e);
		if (!d)
			links_csv(links, n, true);
	}
	if (d == D_INVALID)
		cmd_die_errors(&e, "no reminders");
	if (d)
		die("database: %s", store_errmsg(x.st));
	close_wave(&x);
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
	if (!strcmp(argv[1], "send"))
		return wave_send_cmd(argc - 1, argv + 1);
	if (!strcmp(argv[1], "remind"))
		return wave_remind_cmd(argc - 1, argv + 1);
	cmd_usage("wave");
}
