/* common.c — what the commands share: opening the database, acting as the
 * command line in an organisation, reporting problems. */
#include "cmd.h"
#include "domain/oidc.h"
#include "domain/person.h"
#include "core/integer.h"
#include "core/buf.h"
#include "core/die.h"
#include "domain/role.h"
#include "domain/schedule.h"
#include "mail/mailer.h"
#include "mail/smtp.h"
#include "store/store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void make_parent_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash || slash == path)
		return;
	char dir[4096];
	size_t n = (size_t)(slash - path);
	if (n >= sizeof(dir))
		die("database path too long");
	memcpy(dir, path, n);
	dir[n] = '\0';
	for (char *p = dir + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0750);
			*p = '/';
		}
	}
	if (mkdir(dir, 0750) && errno != EEXIST)
		die("cannot create directory %s: %s", dir, strerror(errno));
}

struct store *cmd_open(bool create)
{
	struct buf err = BUF_INIT;
	struct store *st;
	bool server = store_is_postgresql(cmd_db_path);
	if (!server && access(cmd_db_path, F_OK) != 0) {
		if (!create)
			die("no database at %s; run 'leergang init' first (or give --db PATH)", cmd_db_path);
		make_parent_dir(cmd_db_path);
	}
	if (store_open(cmd_db_path, &st, &err))
		die("%s", err.ptr);
	/* the key that seals identity providers' client secrets lives beside
	 * the database, not in it */
	char key_file[4096];
	/* on PostgreSQL, where there is no file to put it beside, in var/ or
	 * where LEERGANG_OIDC_KEY says (every server of one installation needs
	 * the same key: copy the file; it also seals anonymous hand-ins while
	 * they wait to be mixed in, domain/anonymous_mix.h) */
	const char *pg_key = getenv("LEERGANG_OIDC_KEY");
	if (server) {
		snprintf(key_file, sizeof(key_file), "%s", pg_key && *pg_key ? pg_key : "var/postgresql.oidc-key");
		make_parent_dir(key_file);
	}
	else
		snprintf(key_file, sizeof(key_file), "%s.oidc-key", cmd_db_path);
	oidc_key_file_set(key_file);
	int applied = 0;
	char shown[1024];
	if (store_migrate(st, &applied, &err))
		die("%s", err.ptr);
	if (applied)
		fprintf(stderr, "leergang: database %s: applied %d migration%s\n",
			store_path_shown(cmd_db_path, shown, sizeof(shown)), applied,
			applied == 1 ? "" : "s");
	return st;
}

void cmd_ctx(struct ctx *c, struct actor *w, struct store *st, struct arena *a, const char *slug)
{
	struct organisation o;
	if (!slug || !*slug)
		die("give the organisation with --org SLUG (see 'leergang org list')");
	int r = store_org_by_slug(st, a, slug, &o);
	if (r == ST_NOTFOUND)
		die("no organisation with slug '%s' (see 'leergang org list')", slug);
	if (r)
		die("database: %s", store_errmsg(st));
	memset(w, 0, sizeof(*w));
	w->organisation_id = o.id;
	w->email = "cli";
	w->display_name = "leergang (command line)";
	w->roles = ROLES_ALL;
	cmd_ctx_for(c, w, st, a);
}

void cmd_org_open(struct cmd_org *o, const char *slug)
{
	o->st = cmd_open(false);
	o->a = (struct arena)ARENA_INIT;
	cmd_ctx(&o->c, &o->w, o->st, &o->a, slug);
}

int cmd_org_close(struct cmd_org *o)
{
	arena_free(&o->a);
	store_close(o->st);
	return 0;
}

void cmd_ctx_for(struct ctx *c, struct actor *w, struct store *st, struct arena *a)
{
	/* every field set: a command's `struct ctx c;` holds whatever was on
	 * the stack, and a stale or random now decides phases and deadlines */
	*c = (struct ctx){ .st = st, .a = a, .who = w, .now = (long long)time(NULL) };
}

void cmd_die_errors(const struct errors *e, const char *what)
{
	for (size_t i = 0; i + 1 < e->n; i++)
		fprintf(stderr, "leergang: %s\n", e->items[i].message);
	die("%s: %s", what, e->n ? e->items[e->n - 1].message : "failed");
}

char *cmd_read_secret(struct arena *a)
{
	char line[1024];
	if (!fgets(line, sizeof(line), stdin))
		die("give the password on standard input");
	line[strcspn(line, "\r\n")] = '\0';
	return arena_strdup(a, line);
}

long long cmd_number(const char *s, const char *option, long long min, long long max, const char *what)
{
	long long v;
	if (int_parse(s, min, max, &v) != INT_OK) {
		if (what)
			die("%s needs a whole number from %lld to %lld (%s), not '%s'", option, min, max, what, s);
		die("%s needs a whole number from %lld to %lld, not '%s'", option, min, max, s);
	}
	return v;
}

char *cmd_read_file(struct arena *a, const char *path, size_t max, size_t *len)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f)
		die("cannot open %s: %s", path, strerror(errno));
	struct buf b = BUF_INIT;
	char tmp[65536];
	size_t n;
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0) {
		buf_add(&b, tmp, n);
		if (max && b.len > max)
			die("%s is larger than %zu MB; split it", path, max / (1024 * 1024));
	}
	if (ferror(f))
		die("cannot read %s", path);
	if (f != stdin)
		fclose(f);
	char *out = arena_strndup(a, b.ptr ? b.ptr : "", b.len);
	*len = b.len;
	buf_release(&b);
	return out;
}

void cmd_write_file(const struct buf *b, const char *file, bool binary)
{
	if (binary && !file && isatty(1))
		die("a PDF is not for the terminal: give --output FILE, or redirect");
	FILE *f = file ? fopen(file, "wb") : stdout;
	if (!f)
		die("cannot write %s", file);
	if (fwrite(b->ptr, 1, b->len, f) != b->len || (file && fclose(f)))
		die("cannot write %s", file ? file : "the output");
}

/* The mail server from LEERGANG_SMTP_* (mail/smtp.h); none when
 * LEERGANG_SMTP_URL is unset (false). A setting that cannot work stops
 * the start. */
bool cmd_setup_mail(void)
{
	static struct smtp_config cfg;
	const char *url = getenv("LEERGANG_SMTP_URL");
	if (!url || !*url)
		return false;
	const char *user = getenv("LEERGANG_SMTP_USER"), *password = getenv("LEERGANG_SMTP_PASSWORD");
	const char *tls = getenv("LEERGANG_SMTP_STARTTLS");
	cfg.url = url;
	cfg.from = getenv("LEERGANG_SMTP_FROM");
	cfg.user = user && *user ? user : NULL;
	cfg.password = password && *password ? password : NULL;
	if (!tls || !*tls || !strcmp(tls, "0") || !strcmp(tls, "no"))
		cfg.starttls = false;
	else if (!strcmp(tls, "1") || !strcmp(tls, "yes"))
		cfg.starttls = true;
	else
		die("LEERGANG_SMTP_STARTTLS wants 1 or 0, not \"%s\"", tls);
	char err[256];
	if (smtp_config_check(&cfg, err, sizeof(err)))
		die("%s", err);
	smtp_use(&cfg);
	/* the domain hands its messages to this mailer, never to SMTP itself */
	mailer_use(smtp_mailer());
	fprintf(stderr, "leergang: sending e-mail through %s as %s\n", cfg.url, cfg.from);
	return true;
}

/* Noon, local time, of the day d (YYYY-MM-DD): the moment a run with
 * --now decides at, whatever the zone. */
long long cmd_day_noon(const char *d)
{
	if (!date_valid(d))
		die("--now wants a date as YYYY-MM-DD, such as 2027-03-01, not \"%s\"", d);
	struct tm tm = { 0 };
	tm.tm_year = atoi(d) - 1900;
	tm.tm_mon = atoi(d + 5) - 1;
	tm.tm_mday = atoi(d + 8);
	tm.tm_hour = 12;
	tm.tm_isdst = -1;
	return (long long)mktime(&tm);
}

long long cmd_person_by_number(struct ctx *c, const char *number)
{
	struct person p;
	int d = person_by_employee(c, number, &p);
	if (d == D_NOTFOUND)
		die("no person with employee number %s", number);
	if (d)
		die("database: %s", store_errmsg(c->st));
	return p.id;
}
