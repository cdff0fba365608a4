/* init.c — `leergang init [--demo [--hostile-names]]`: create the database and, with --demo,
 * the demo organisations, then print their logins. Safe to run again:
 * existing data is kept. */
#include "cmd.h"
#include "core/buf.h"
#include "core/die.h"
#include "demo/demo.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

void demo_print_logins(void);

void demo_print_logins(void)
{
	printf("Demo logins (password for all: %s):\n", DEMO_PASSWORD);
	for (const struct demo_login *l = demo_logins; l->email; l++)
		printf("  %-34s %-14s %s\n", l->email, l->role, l->org);
}

int cmd_init(int argc, char **argv)
{
	int demo = 0;
	enum demo_names names = DEMO_NAMES_ORDINARY;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--demo"))
			demo = 1;
		else if (!strcmp(argv[i], "--hostile-names"))  /* the tests' demo */
			names = DEMO_NAMES_HOSTILE;
		else
			cmd_usage("init");
	}
	struct store *st = cmd_open(true);
	char shown[1024];
	printf("database %s ready (schema version %d)\n", store_path_shown(cmd_db_path, shown, sizeof(shown)),
	       store_schema_version(st));
	if (demo) {
		struct buf err = BUF_INIT;
		int r = demo_load(st, NULL, names, &err);
		if (r == ST_CONFLICT)
			printf("demo data present already\n");
		else if (r)
			die("demo: %s", err.ptr);
		else
			printf("demo organisations politie-demo and gemeente-demo created\n");
		/* whoever made the demo wants to sign in to it next */
		demo_print_logins();
		buf_release(&err);
	}
	store_close(st);
	return 0;
}
