/* backup.c — `leergang backup FILE`: a consistent copy through SQLite's
 * online backup, safe while the server runs, and beside it FILE.oidc-key,
 * the key that opens the identity providers' client secrets in it. */
#include "cmd.h"
#include "core/buf.h"
#include "core/die.h"
#include "domain/oidc.h"
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
	char key_copy[4096];
	if (snprintf(key_copy, sizeof(key_copy), "%s.oidc-key", argv[1]) >= (int)sizeof(key_copy))
		die("the backup's path is too long");
	int k = oidc_key_file_copy(key_copy);
	if (k < 0)
		die("the key of the client secrets could not be copied to %s", key_copy);
	if (k == 0)
		printf("the key of the identity providers' client secrets written to %s (keep it with the backup)\n", key_copy);
	return 0;
}
