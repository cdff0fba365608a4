/* help.c — `leergang help [COMMAND]`, and the table of commands. */
#include "cmd.h"
#include "core/die.h"

#include <stdio.h>
#include <string.h>

const struct command commands[] = {
	{ "init", cmd_init, "create the database (with --demo: and the demo organisations)",
	  "leergang init [--demo]" },
	{ "serve", cmd_serve, "serve the web interface and the API",
	  "leergang serve [--listen ADDR:PORT] [--threads N] [--secure-cookies]" },
	{ "migrate", cmd_migrate, "bring the database schema up to date", "leergang migrate" },
	{ "org", cmd_org, "add or list organisations",
	  "leergang org add --slug SLUG --name NAME\n       leergang org list [--format csv|json]" },
	{ "user", cmd_user, "add or list accounts, set a password",
	  "leergang user add --org SLUG --email E --role ROLE [--name NAME]   (password on stdin)\n"
	  "       leergang user list --org SLUG [--format csv|json]\n"
	  "       leergang user passwd --email E   (password on stdin)" },
	{ "import", cmd_import, "import people from an HR CSV export",
	  "leergang import people --org SLUG FILE [--dry-run]" },
	{ "export", cmd_export, "export people",
	  "leergang export people --org SLUG [--format csv|json]" },
	{ "token", cmd_token, "create an API token for an account",
	  "leergang token create --email E [--label TEXT]" },
	{ "programme", cmd_programme, "make a programme from a template, or list them",
	  "leergang programme add --org SLUG --template live|amsterdam --name NAME\n"
	  "       leergang programme list --org SLUG [--format csv|json]" },
	{ "batch", cmd_batch, "add a batch (lichting) to a programme",
	  "leergang batch add --org SLUG --programme ID [--name NAME]" },
	{ "group", cmd_group, "add a group to a batch, with its mentor and facilitator",
	  "leergang group add --org SLUG --batch ID --name NAME [--mentor EMPLOYEE_ID] [--facilitator EMPLOYEE_ID]" },
	{ "enrol", cmd_enrol, "enrol people in a group by employee number",
	  "leergang enrol --org SLUG --group ID [--date YYYY-MM-DD] EMPLOYEE_ID..." },
	{ "meeting", cmd_meeting, "plan a meeting of a group",
	  "leergang meeting plan --org SLUG --group ID --number N --date YYYY-MM-DD --start HH:MM --end HH:MM\n"
	  "       [--venue TEXT] [--repeat COUNT [--every DAYS (14)]]" },
	{ "attendance", cmd_attendance, "record a participant's attendance at a meeting",
	  "leergang attendance --org SLUG --meeting ID --employee EMPLOYEE_ID --status present|excused|absent" },
	{ "calendar", cmd_calendar, "print a person's calendar feed (.ics)", "leergang calendar --email E" },
	{ "report", cmd_report, "list or write meeting reports, acting as an account",
	  "leergang report list --email E --group ID [--format text|csv|json]\n"
	  "       leergang report write --email E --meeting ID [--agenda T] [--themes T] [--learning-moments T]\n"
	  "       [--reflection T] [--publish]" },
	{ "story", cmd_story, "export a group's learning story (Markdown or PDF)",
	  "leergang story --email E --group ID [--format md|pdf] [--output FILE]" },
	{ "search", cmd_search, "search as an account would, printing the results as JSON",
	  "leergang search --email E QUERY" },
	{ "backup", cmd_backup, "write a consistent copy of the database", "leergang backup FILE" },
	{ "help", cmd_help, "show the commands, or the usage of one", "leergang help [COMMAND]" },
	{ 0, 0, 0, 0 },
};

const struct command *command_find(const char *name)
{
	for (const struct command *c = commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

void cmd_usage(const char *name)
{
	const struct command *c = command_find(name);
	die("usage: %s", c ? c->usage : "leergang help");
}

int cmd_help(int argc, char **argv)
{
	if (argc > 1) {
		const struct command *c = command_find(argv[1]);
		if (!c)
			die("'%s' is not a leergang command; see 'leergang help'", argv[1]);
		printf("usage: %s\n\n%s\n", c->usage, c->summary);
		return 0;
	}
	printf("usage: leergang [--db PATH] COMMAND [ARGS]\n\n"
	       "The database is --db PATH, else $LEERGANG_DB, else var/leergang.db.\n\n"
	       "Commands:\n");
	for (const struct command *c = commands; c->name; c++)
		printf("  %-11s %s\n", c->name, c->summary);
	printf("\n  --version  print the version\n");
	return 0;
}
