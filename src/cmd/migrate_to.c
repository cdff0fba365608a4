/* migrate_to.c — `leergang [--db FILE] migrate-to [--verify-only] URI`:
 * the SQLite installation copied into an empty PostgreSQL database and
 * verified table by table (store_copy, store/sql/copy.c). */
#include "cmd.h"
#include "core/buf.h"
#include "core/die.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct tally {
	bool copy;
	size_t tables;
	long long rows;
};

static void print_table(void *arg, const struct store_copy_table *t)
{
	struct tally *y = arg;
	y->tables++;
	y->rows += t->rows;
	if (t->same)
		printf("%-32s %10lld rows %sverified\n", t->name, t->rows, y->copy ? "copied, " : "");
	else
		printf("%-32s DIFFERENT: %lld rows in SQLite, %lld in PostgreSQL; SHA-256 %.16s… and %.16s…\n", t->name,
		       t->rows, t->rows_target, t->checksum, t->checksum_target);
	fflush(stdout);
}

int cmd_migrate_to(int argc, char **argv)
{
	bool verify_only = argc == 3 && !strcmp(argv[1], "--verify-only");
	if (argc != 2 + verify_only)
		cmd_usage("migrate-to");
	const char *uri = argv[argc - 1];
	if (!store_is_postgresql(uri))
		die("migrate-to copies into PostgreSQL: give its URI (postgresql://...)");
	if (store_is_postgresql(cmd_db_path))
		die("migrate-to copies from an SQLite database (--db FILE), not from %s", "PostgreSQL");
	struct buf err = BUF_INIT;
	char shown_uri[1024];
	const char *shown = store_path_shown(uri, shown_uri, sizeof(shown_uri));
	struct store *from = cmd_open(false);
	struct store *to;
	int applied = 0;
	if (store_open(uri, &to, &err))
		die("%s", err.ptr);
	/* an empty database gets its schema (a role that may use the tables but
	 * not create any is not asked to) */
	if (store_schema_version(to) != store_schema_version(from) && store_migrate(to, &applied, &err))
		die("PostgreSQL %s: %s", shown, err.ptr);
	printf("%s %s %s %s\n", verify_only ? "comparing" : "copying", cmd_db_path, verify_only ? "with" : "into", shown);
	fflush(stdout);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct tally y = { .copy = !verify_only };
	int differ = 0;
	int r = verify_only ? store_copy_verify(from, to, print_table, &y, &differ, &err)
			    : store_copy(from, to, print_table, &y, &err);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	store_close(to);
	store_close(from);
	if (r)
		die("%s%s", verify_only ? "" : "nothing copied: ", err.ptr);
	if (differ)
		die("%d table%s of %zu differ", differ, differ == 1 ? "" : "s", y.tables);
	printf("%zu tables, %lld rows %s and verified (counts and SHA-256 per table) in %.1f s\n", y.tables, y.rows,
	       verify_only ? "compared" : "copied", secs);
	if (!verify_only) {
		char key[4096];
		if (snprintf(key, sizeof(key), "%s.oidc-key", cmd_db_path) < (int)sizeof(key) && access(key, F_OK) == 0)
			printf("the identity providers' client secrets are sealed with %s: copy it to where\n"
			       "LEERGANG_OIDC_KEY says (else var/postgresql.oidc-key) for every server\n", key);
	}
	buf_release(&err);
	return 0;
}
