/* token.c — `leergang token create --email E`: an API bearer token, printed
 * once; only its hash is stored. */
#include "cmd.h"
#include "core/die.h"
#include "domain/account.h"
#include "store/store.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

int cmd_token(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "email", required_argument, 0, 'e' }, { "label", required_argument, 0, 'l' }, { 0, 0, 0, 0 } };
	const char *email = NULL, *label = "";
	if (argc < 2 || strcmp(argv[1], "create"))
		cmd_usage("token");
	argc--, argv++;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'e') email = optarg;
		else if (o == 'l') label = optarg;
		else cmd_usage("token");
	}
	if (!email || optind != argc)
		cmd_usage("token");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct account acc;
	if (store_account_by_email(st, &a, email, &acc))
		die("no account with address %s", email);
	char token[SECRET_HEX];
	if (api_token_create(st, acc.id, label, token))
		die("database: %s", store_errmsg(st));
	store_audit_add(st, acc.organisation_id, 0, "cli", "token.create", "account", acc.id, label);
	puts(token);
	arena_free(&a);
	store_close(st);
	return 0;
}
