/* backup.c — `leergang backup FILE`: a consistent copy through SQLite's
 * online backup, safe while the server runs. */
#include "cmd.h"
#include "core/buf.h"
#include "core/die.h"
#include "store/store.h"

#include <stdio.h>

int cmd_backup(int argc, char **argv)
{
	if (argc != 2 || argv[1][0] == '-')
		cmd_usage("backup");
	struct store *st = cmd_open(false);
	struct buf err = BUF_INIT;
	if (store_backup(st, argv[1], &err))
		die("%s", err.ptr);
	store_close(st);
	printf("backup written to %s\n", argv[1]);
	return 0;
}
