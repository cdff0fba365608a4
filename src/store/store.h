/* store.h — the storage interface of leergang. Everything above store/ talks
 * to the database only through these functions and records; none of it knows
 * SQL or SQLite, so another backend (PostgreSQL) can implement the same file.
 *
 * Conventions: a `struct store` is one connection, used by one thread at a
 * time. Functions return ST_OK or a negative store_rc. Records and lists that
 * functions hand back are allocated in the caller's arena. Every function that
 * touches organisation data takes the organisation id and scopes its query by
 * it: an id from another organisation is simply "not found". */
#ifndef LG_STORE_H
#define LG_STORE_H

#include "core/compiler.h"
#include "core/arena.h"
#include "core/buf.h"

#include <stdbool.h>
#include <stddef.h>
#include "domain/model/people.h"

enum store_rc {
	ST_OK = 0,
	ST_NOTFOUND = -1,
	ST_CONFLICT = -2,  /* a unique value exists already, or rows still refer to it */
	ST_INVALID = -3,   /* a reference to something that does not exist */
	ST_BUSY = -4,
	ST_ERROR = -5,
};

struct store;

/* The plain words of a stored Markdown text, as the search index keeps
 * them (the SQL function md_plain() of its triggers, sqlite/search_fn.h).
 * Reading Markdown is not the store's business: the program hands the
 * function in once, before its first store_open (formats/markdown.h
 * md_plain); until it has, store_open fails and says so. */
typedef void (*store_words_fn)(struct buf *b, const char *text, size_t len);
void store_use_words(store_words_fn fn);

/* lifecycle. path is an SQLite file, or a PostgreSQL connection URI
 * (postgresql://...), which store_is_postgresql tells. */
bool store_is_postgresql(const char *path);
/* path as it may be shown (a message, a log): a PostgreSQL URI without
 * the password it may hold ("postgresql://ann:secret@db/x" as
 * "postgresql://ann@db/x", a password=... parameter left out), in out
 * (n bytes). */
const char *store_path_shown(const char *path, char *out, size_t n);
MUST_CHECK int store_open(const char *path, struct store **out, struct buf *err);
void store_close(struct store *s);
MUST_CHECK int store_migrate(struct store *s, int *applied, struct buf *err);
/* The same, up to migration `last` only (a test of one migration on data
 * written under the schema before it). */
MUST_CHECK int store_migrate_upto(struct store *s, int last, int *applied, struct buf *err);
MUST_CHECK int store_schema_version(struct store *s);
MUST_CHECK int store_ping(struct store *s);
MUST_CHECK int store_backup(struct store *s, const char *dest, struct buf *err);
const char *store_errmsg(struct store *s);
MUST_CHECK int store_begin(struct store *s);
/* The outermost commit that fails has rolled the transaction back (a
 * store_rollback after it does nothing); an inner one (a savepoint) is
 * still the caller's to roll back. */
MUST_CHECK int store_commit(struct store *s);
void store_rollback(struct store *s);
/* Reads that belong together (one page) in one snapshot, for what they
 * read and for speed: the read lock is taken once, not per statement.
 * Only reads in between; inside a transaction both do nothing. */
int store_read_begin(struct store *s);
void store_read_end(struct store *s);

/* Background work that one server of an installation does at a time
 * (the daily retention run and reminders): true when this connection may
 * do it now, until store_job_end. SQLite's file has one server: always
 * true. PostgreSQL: a session advisory lock named after the job, so the
 * other servers skip their turn while one runs it. */
bool store_job_begin(struct store *s, const char *job);
void store_job_end(struct store *s, const char *job);

/* Moving an installation (sql/copy.c): every table of the SQLite store
 * from copied into the PostgreSQL store to, whose schema is migrated to the
 * same version and which holds no data (rows only in the tables the
 * migrations fill, which are replaced), in one transaction on to, then
 * verified table by table: row count and SHA-256 over every row, read from
 * both in primary-key order. report (may be NULL) is called per table after
 * its verification; any difference rolls the copy back. Needs the owner of
 * the tables on PostgreSQL (it drops and adds the foreign keys and switches
 * the triggers off within the transaction), not a superuser. */
struct store_copy_table {
	const char *name;
	long long rows, rows_target;
	char checksum[65], checksum_target[65];  /* hex SHA-256 */
	bool same;
};
typedef void (*store_copy_report)(void *arg, const struct store_copy_table *t);
MUST_CHECK int store_copy(struct store *from, struct store *to, store_copy_report report, void *arg, struct buf *err);
/* The verification alone, on the two as they are now; *differ counts the
 * tables that are not the same. */
MUST_CHECK int store_copy_verify(struct store *from, struct store *to, store_copy_report report, void *arg,
				 int *differ, struct buf *err);

/* organisations */
MUST_CHECK int store_org_add(struct store *s, const char *slug, const char *name, long long *id);
MUST_CHECK int store_org_list(struct store *s, struct arena *a, struct organisation **out, size_t *n);
MUST_CHECK int store_org_get(struct store *s, struct arena *a, long long id, struct organisation *out);
MUST_CHECK int store_org_by_slug(struct store *s, struct arena *a, const char *slug, struct organisation *out);
MUST_CHECK int store_org_set_benchmark(struct store *s, long long id, bool on);

/* units: list is in tree order (parents before children, siblings by name) */
/* counts: fill in people and children (0 otherwise) */
MUST_CHECK int store_unit_list(struct store *s, struct arena *a, long long org, bool counts, struct unit **out, size_t *n);
MUST_CHECK int store_unit_get(struct store *s, struct arena *a, long long org, long long id, struct unit *out);
MUST_CHECK int store_unit_find(struct store *s, long long org, long long parent_id, const char *name, long long *id);
MUST_CHECK int store_unit_add(struct store *s, long long org, long long parent_id, const char *name, long long *id);
MUST_CHECK int store_unit_rename(struct store *s, long long org, long long id, const char *name);
MUST_CHECK int store_unit_move(struct store *s, long long org, long long id, long long parent_id);
MUST_CHECK int store_unit_set_manager(struct store *s, long long org, long long id, long long person_id);
/* ST_CONFLICT while the unit has sub-units or people */
MUST_CHECK int store_unit_delete(struct store *s, long long org, long long id);
/* ancestor ids from the root down to and including id */
MUST_CHECK int store_unit_ancestors(struct store *s, struct arena *a, long long org, long long id, long long **out, size_t *n);

/* people */
MUST_CHECK int store_person_list(struct store *s, struct arena *a, long long org, const struct person_filter *f,
		      struct person **out, size_t *n, long long *total);
MUST_CHECK int store_person_get(struct store *s, struct arena *a, long long org, long long id, struct person *out);
MUST_CHECK int store_person_by_employee_id(struct store *s, struct arena *a, long long org, const char *employee_id, struct person *out);
MUST_CHECK int store_person_insert(struct store *s, long long org, const struct person *p, long long *id);
MUST_CHECK int store_person_update(struct store *s, long long org, const struct person *p);
MUST_CHECK int store_person_count(struct store *s, long long org, long long *n);
/* people who report to person id */
MUST_CHECK int store_person_reports(struct store *s, struct arena *a, long long org, long long id, struct person **out, size_t *n);

/* accounts, roles, sessions (throttling, reset links, API tokens: signin.h) */
MUST_CHECK int store_account_by_email(struct store *s, struct arena *a, const char *email, struct account *out);
MUST_CHECK int store_account_get(struct store *s, struct arena *a, long long org, long long id, struct account *out);
/* unscoped, only for resolving a session or token to its account */
MUST_CHECK int store_account_by_id(struct store *s, struct arena *a, long long id, struct account *out);
MUST_CHECK int store_account_list(struct store *s, struct arena *a, long long org, struct account **out, size_t *n);
MUST_CHECK int store_account_add(struct store *s, long long org, const char *email, const char *display_name,
		      long long person_id, const char *password_hash, long long *id);
MUST_CHECK int store_account_set_password(struct store *s, long long id, const char *password_hash);
MUST_CHECK int store_grant_add(struct store *s, long long account_id, long long org, const char *role,
		    const char *scope_kind, long long scope_id);
MUST_CHECK int store_grant_remove(struct store *s, long long org, long long grant_id);
MUST_CHECK int store_grant_list(struct store *s, struct arena *a, long long account_id, struct role_grant **out, size_t *n);
MUST_CHECK int store_session_add(struct store *s, const unsigned char hash[HASH_LEN], long long account_id,
		      const char *csrf, long long now, long long expires);
MUST_CHECK int store_session_get(struct store *s, struct arena *a, const unsigned char hash[HASH_LEN], long long now,
		      long long *account_id, char **csrf);
MUST_CHECK int store_session_delete(struct store *s, const unsigned char hash[HASH_LEN]);
MUST_CHECK int store_session_delete_account(struct store *s, long long account_id, const unsigned char keep[HASH_LEN]);

/* import files kept between preview and confirmation, per account */
MUST_CHECK int store_upload_add(struct store *s, long long org, long long account_id, const char *filename,
		     const char *data, size_t len, long long now, long long *id);
MUST_CHECK int store_upload_get(struct store *s, struct arena *a, long long org, long long account_id, long long id,
		     char **filename, char **data, size_t *len);
MUST_CHECK int store_upload_delete(struct store *s, long long org, long long id);
/* removes uploads created before `before` */
MUST_CHECK int store_upload_expire(struct store *s, long long before);

/* audit log */
MUST_CHECK int store_audit_add(struct store *s, long long org, long long actor_id, const char *actor, const char *action,
		    const char *object_kind, long long object_id, const char *detail);
MUST_CHECK int store_audit_list(struct store *s, struct arena *a, long long org, long long offset, long long limit,
		     struct audit_entry **out, size_t *n, long long *total);
/* The same through a filter (model/people.h); total counts the matches. */
MUST_CHECK int store_audit_find(struct store *s, struct arena *a, long long org, const struct audit_filter *f,
				long long offset, long long limit, struct audit_entry **out, size_t *n, long long *total);

#endif
