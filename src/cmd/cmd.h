/* cmd.h — the `leergang` commands, git style: one file per command under
 * src/cmd/, each with a usage string and an entry point cmd_NAME(argc, argv)
 * that receives argv starting at the command's name. A command returns the
 * exit status; mistakes of the caller end in die() with one line on stderr. */
#ifndef LG_CMD_H
#define LG_CMD_H

#include "core/arena.h"
#include "domain/ctx.h"

#include <stdbool.h>

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;  /* one line for `leergang help` */
	const char *usage;
};

extern const struct command commands[];
const struct command *command_find(const char *name);

int cmd_init(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_migrate(int argc, char **argv);
int cmd_migrate_to(int argc, char **argv);
int cmd_org(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_unit(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_person(int argc, char **argv);
int cmd_retention(int argc, char **argv);
int cmd_token(int argc, char **argv);
int cmd_oidc(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_programme(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_group(int argc, char **argv);
int cmd_enrol(int argc, char **argv);
int cmd_meeting(int argc, char **argv);
int cmd_attendance(int argc, char **argv);
int cmd_calendar(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_level_report(int argc, char **argv);
int cmd_story(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_impact(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_stats_two_wave(int argc, char **argv);  /* `stats twowave` (stats_two_wave.c) */
int cmd_study(int argc, char **argv);
int cmd_wave(int argc, char **argv);
int cmd_instrument(int argc, char **argv);
int cmd_catalogue(int argc, char **argv);
int cmd_method(int argc, char **argv);
int cmd_framework(int argc, char **argv);
int cmd_action(int argc, char **argv);
int cmd_peer_group(int argc, char **argv);
int cmd_presentation(int argc, char **argv);
int cmd_network(int argc, char **argv);
int cmd_spread(int argc, char **argv);
int cmd_buddy(int argc, char **argv);
int cmd_presentation_attendee(int argc, char **argv);  /* `presentation attendee` (referral.c) */
int cmd_referral(int argc, char **argv);
int cmd_qda(int argc, char **argv);
int cmd_help(int argc, char **argv);

/* The database path: --db, else $LEERGANG_DB, else var/leergang.db. */
extern const char *cmd_db_path;
/* Opens the database and brings its schema up to date. Unless create, a
 * missing database file is an error that says to run `leergang init`. */
struct store *cmd_open(bool create);
/* The one way the command line reads a whole number (an option's value, an
 * id): int_parse() from min to max, or die naming the option, the range and
 * what (may be NULL) the number is for. */
long long cmd_number(const char *s, const char *option, long long min, long long max, const char *what);
/* Dies with the usage of the named command. */
void cmd_usage(const char *name) __attribute__((noreturn));
/* Writes b to file, or to standard output when file is NULL; a binary
 * document (a PDF) is refused on a terminal. Dies when it cannot. */
struct buf;
/* The whole file ("-": standard input) into the arena, NUL-terminated;
 * dies when it cannot be read or is larger than max bytes (0: no limit). */
char *cmd_read_file(struct arena *a, const char *path, size_t max, size_t *len);
void cmd_write_file(const struct buf *b, const char *file, bool binary);
/* A context acting as the command line in the organisation with slug. */
void cmd_ctx(struct ctx *c, struct actor *w, struct store *st, struct arena *a, const char *slug);
/* An organisation opened for a command: the database, an arena and a
 * context acting as the command line there (cmd_ctx; dies when the slug
 * is unknown). cmd_org_close frees it all and returns 0. */
struct cmd_org {
	struct store *st;
	struct arena a;
	struct ctx c;
	struct actor w;
};
void cmd_org_open(struct cmd_org *o, const char *slug);
int cmd_org_close(struct cmd_org *o);
/* A context acting as w; every field of c set, now the clock's time (the
 * one way a command makes a ctx, so none reads an uninitialised now). */
void cmd_ctx_for(struct ctx *c, struct actor *w, struct store *st, struct arena *a);
/* Prints the problems of a domain call and dies. */
void cmd_die_errors(const struct errors *e, const char *what) __attribute__((noreturn));
/* Installs the mail server of LEERGANG_SMTP_* as the mailer (dies when a
 * setting cannot work); false when LEERGANG_SMTP_URL is unset. */
bool cmd_setup_mail(void);
/* Noon, local time, of the day d given to --now (dies unless YYYY-MM-DD). */
long long cmd_day_noon(const char *d);
/* LEERGANG_PUBLIC_URL checked (dies when it is malformed), or NULL. */
const char *cmd_public_url(void);
/* The id of the person with this employee number in c's organisation; the
 * command dies with a message when there is none. */
long long cmd_person_by_number(struct ctx *c, const char *number);
/* Reads one line (a password) from stdin without its newline. */
char *cmd_read_secret(struct arena *a);

#endif
