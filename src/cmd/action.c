/* action.c — `leergang action list --email E`: a person's follow-up
 * actions of sessions with a case, open and done, each with its session
 * and due date; read as that person, so only what they may see. `leergang
 * action remind`: the reminder mail of due actions that the server sends
 * daily, for an administrator, or with --dry-run who would get one. */
#include "cmd.h"
#include "output.h"
#include "core/die.h"
#include "domain/account.h"
#include "domain/action_remind.h"
#include "domain/schedule.h"
#include "domain/session_action.h"
#include "store/store.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int list(int argc, char **argv)
{
	static const struct option opts[] = { { "email", required_argument, 0, 'e' },
					       { "format", required_argument, 0, 'f' }, { 0, 0, 0, 0 } };
	const char *email = NULL, *format = "text";
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'e') email = optarg;
		else if (o == 'f') format = optarg;
		else cmd_usage("action");
	}
	if (!email || optind != argc || (strcmp(format, "text") && strcmp(format, "json")))
		cmd_usage("action");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct account acc;
	struct actor who;
	if (store_account_by_email(st, &a, email, &acc))
		die("no account with address %s", email);
	if (actor_load(st, &a, acc.id, &who))
		die("database: %s", store_errmsg(st));
	struct ctx c = { st, &a, &who, 0 };
	struct session_action *x;
	size_t n;
	if (session_action_mine(&c, &x, &n))
		die("database: %s", store_errmsg(st));
	char today[11];
	date_today(ctx_now(&c), today);
	if (!strcmp(format, "json")) {
		out_json(session_action_list_json(x, n, today));
	} else {
		for (size_t i = 0; i < n; i++)
			printf("%lld\t%s%s\t%s\t%s (%s)\t%s\n", x[i].id, x[i].status,
			       session_action_overdue(&x[i], today) ? " (overdue)" : "", x[i].due_on, x[i].group_name,
			       x[i].held_on, x[i].text);
	}
	arena_free(&a);
	store_close(st);
	return 0;
}

static int remind(int argc, char **argv)
{
	static const struct option opts[] = { { "now", required_argument, 0, 'w' },
					       { "dry-run", no_argument, 0, 'n' }, { 0, 0, 0, 0 } };
	long long now = 0;
	bool dry = false;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'w') now = cmd_day_noon(optarg);
		else if (o == 'n') dry = true;
		else cmd_usage("action");
	}
	if (optind != argc)
		cmd_usage("action");
	const char *base_url = cmd_public_url();
	bool mail = cmd_setup_mail();
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct action_remind_result r;
	if (action_remind_run(st, &a, now, base_url, dry, &r))
		die("action reminders failed: %s", store_errmsg(st));
	if (!mail && !dry)
		printf("no LEERGANG_SMTP_URL: no reminders sent (%zu owners have actions due on %s)\n", r.n, r.today);
	for (size_t i = 0; i < r.n; i++) {
		const struct action_reminder *x = &r.to[i];
		if (!dry && mail && !x->sent && !x->nactions)
			continue;   /* reminded meanwhile by another run */
		printf("%s\t%s\t%zu due\t%s\n", x->email, x->name, x->nactions,
		       dry || !mail ? "would get a reminder" : x->sent ? "reminded" : "not sent");
	}
	if (!dry && mail)
		printf("action reminders on %s: %lld sent, %lld not sent\n", r.today, r.sent, r.failed);
	arena_free(&a);
	store_close(st);
	free((char *)base_url);
	return r.failed ? 1 : 0;
}

int cmd_action(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "list"))
		return list(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "remind"))
		return remind(argc - 1, argv + 1);
	cmd_usage("action");
}
