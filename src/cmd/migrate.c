/* migrate.c — `leergang migrate`: apply the numbered migrations. */
#include "cmd.h"
#include "store/store.h"

#include <stdio.h>

int cmd_migrate(int argc, char **argv)
{
	if (argc != 1)
		cmd_usage("migrate");
	struct store *st = cmd_open(false);
	printf("schema version %d\n", store_schema_version(st));
	store_close(st);
	return 0;
}
