/* calendar.c — `leergang calendar --email E`: the calendar feed of that
 * account's person, exactly as their subscription link serves it. */
#include "cmd.h"
#include "core/die.h"
#include "core/i18n.h"
#include "domain/account.h"
#include "domain/calendar.h"
#include "store/store.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

int cmd_calendar(int argc, char **argv)
{
	static const struct option opts[] = { { "email", required_argument, 0, 'e' }, { 0, 0, 0, 0 } };
	const char *email = NULL;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'e') email = optarg;
		else cmd_usage("calendar");
	}
	if (!email || optind != argc)
		cmd_usage("calendar");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct account acc;
	struct actor w;
	if (store_account_by_email(st, &a, email, &acc) || actor_load(st, &a, acc.id, &w))
		die("no active account with address %s", email);
	struct ctx c;
	cmd_ctx_for(&c, &w, st, &a);
	i18n_use(LANG_NL);  /* as the link serves it to a calendar program, which sends no language */
	struct buf out = BUF_INIT;
	if (calendar_for_person(&c, (long long)time(NULL), &out))
		die("the calendar could not be made");
	fwrite(out.ptr, 1, out.len, stdout);
	buf_release(&out);
	arena_free(&a);
	store_close(st);
	return 0;
}
