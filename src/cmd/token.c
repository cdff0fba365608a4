/* token.c — `leergang token create|list|revoke`: API bearer tokens of an
 * account, each with its scope (--scope all|read|people-sync|
 * research-export, api_token.h). A new token is printed once; only its
 * hash is stored, so a list shows everything but the token. */
#include "cmd.h"
#include "output.h"
#include "core/die.h"
#include "domain/api_token.h"
#include "store/store.h"

#include <limits.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The command's database, and the account with an address acting as the
 * command line in its organisation. */
struct opened {
	struct store *st;
	struct arena a;
	struct ctx c;
	struct actor w;
	long long account;
};

static void open_account(struct opened *o, const char *email)
{
	o->st = cmd_open(false);
	o->a = (struct arena)ARENA_INIT;
	struct account acc;
	if (store_account_by_email(o->st, &o->a, email, &acc))
		die("no account with address %s", email);
	struct organisation org;
	if (store_org_get(o->st, &o->a, acc.organisation_id, &org))
		die("database: %s", store_errmsg(o->st));
	cmd_ctx(&o->c, &o->w, o->st, &o->a, org.slug);
	o->account = acc.id;
}

static void close_account(struct opened *o)
{
	arena_free(&o->a);
	store_close(o->st);
}

static const char *utc(struct arena *a, long long t)
{
	char s[32];
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(s, sizeof(s), "%Y-%m-%dT%H:%M:%SZ", &tm);
	return arena_strdup(a, s);
}

static int token_create(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "email", required_argument, 0, 'e' }, { "label", required_argument, 0, 'l' },
		{ "days", required_argument, 0, 'd' }, { "scope", required_argument, 0, 's' }, { 0, 0, 0, 0 } };
	const char *email = NULL, *label = "", *scope = "all";
	long long days = API_TOKEN_DAYS;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'e') email = optarg;
		else if (o == 'l') label = optarg;
		else if (o == 'd') days = cmd_number(optarg, "--days", 0, 1000000, NULL);
		else if (o == 's') scope = optarg;
		else cmd_usage("token");
	}
	if (!email || optind != argc)
		cmd_usage("token");
	if (api_token_scope_parse(scope) < 0)
		die("--scope: use all, read, people-sync or research-export");
	struct opened acc;
	open_account(&acc, email);
	char token[SECRET_HEX];
	struct errors e = { 0 };
	long long id = 0, expires = 0;
	int d = api_token_create(&acc.c, acc.account, label, days, scope, (long long)time(NULL), token, &e, &id,
				 &expires);
	if (d == D_INVALID)
		cmd_die_errors(&e, "cannot make the token");
	if (d)
		die("database: %s", store_errmsg(acc.st));
	puts(token);
	fprintf(stderr, "leergang: token %lld of %s (scope %s) works until %s\n", id, email, scope, utc(&acc.a, expires));
	close_account(&acc);
	return 0;
}

static int token_list(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "email", required_argument, 0, 'e' }, { "format", required_argument, 0, 'f' }, { 0, 0, 0, 0 } };
	const char *email = NULL;
	enum out_format f = OUT_TEXT;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'e') email = optarg;
		else if (o == 'f') f = out_format_from(optarg, "token");
		else cmd_usage("token");
	}
	if (!email || optind != argc)
		cmd_usage("token");
	struct opened acc;
	open_account(&acc, email);
	struct api_token *t;
	size_t n;
	if (api_token_list(&acc.c, acc.account, &t, &n))
		die("database: %s", store_errmsg(acc.st));
	long long now = (long long)time(NULL);
	static const char *const cols[] = { "id", "label", "scope", "created", "expires", "status", NULL };
	struct out out;
	out_begin(&out, f, cols);
	for (size_t i = 0; i < n; i++) {
		out_int(&out, t[i].id);
		out_str(&out, t[i].label);
		out_str(&out, t[i].scope);
		out_str(&out, utc(&acc.a, t[i].created_at));
		out_str(&out, utc(&acc.a, t[i].expires_at));
		out_str(&out, t[i].expires_at > now ? "active" : "expired");
		out_row(&out);
	}
	out_end(&out);
	close_account(&acc);
	return 0;
}

static int token_revoke(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "email", required_argument, 0, 'e' }, { "id", required_argument, 0, 'i' }, { 0, 0, 0, 0 } };
	const char *email = NULL;
	long long id = 0;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'e') email = optarg;
		else if (o == 'i') id = cmd_number(optarg, "--id", 1, LLONG_MAX / 2, NULL);
		else cmd_usage("token");
	}
	if (!email || !id || optind != argc)
		cmd_usage("token");
	struct opened acc;
	open_account(&acc, email);
	int d = api_token_revoke(&acc.c, acc.account, id);
	if (d == D_NOTFOUND)
		die("%s has no token %lld (see 'leergang token list --email %s')", email, id, email);
	if (d)
		die("database: %s", store_errmsg(acc.st));
	printf("token %lld of %s revoked\n", id, email);
	close_account(&acc);
	return 0;
}

int cmd_token(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "create"))
		return token_create(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "list"))
		return token_list(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "revoke"))
		return token_revoke(argc - 1, argv + 1);
	cmd_usage("token");
}
