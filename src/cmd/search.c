/* search.c — `leergang search --email E QUERY`: prints as JSON exactly the
 * results that account would get from the search page and the API (the
 * same domain call, the same privacy rules, and the same audit records of
 * the reads). */
#include "cmd.h"
#include "core/die.h"
#include "core/i18n.h"
#include "domain/account.h"
#include "domain/search.h"
#include "web/web.h"
#include "store/store.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

int cmd_search(int argc, char **argv)
{
	static const struct option opts[] = { { "email", required_argument, 0, 'e' }, { "page", required_argument, 0, 'p' },
					      { 0, 0, 0, 0 } };
	const char *email = NULL;
	long long page = 1;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'e') email = optarg;
		else if (o == 'p') page = cmd_number(optarg, "--page", 1, SEARCH_PAGES_MAX, NULL);
		else cmd_usage("search");
	}
	if (!email || optind != argc - 1)
		cmd_usage("search");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct account acc;
	struct actor w;
	if (store_account_by_email(st, &a, email, &acc) || actor_load(st, &a, acc.id, &w))
		die("no active account with address %s", email);
	struct ctx c;
	cmd_ctx_for(&c, &w, st, &a);
	i18n_use(LANG_NL);  /* titles as the pages show them */
	struct search_result *r;
	size_t n;
	bool more;
	struct errors e = { 0 };
	int d = search_run(&c, argv[optind], page, &r, &n, &more, &e);
	if (d == D_INVALID)
		cmd_die_errors(&e, "search");
	if (d)
		die("the search failed");
	json_t *j = search_json(r, n, page, more);
	char *s = json_dumps(j, JSON_INDENT(2));
	puts(s);
	free(s);
	json_decref(j);
	arena_free(&a);
	store_close(st);
	return 0;
}
