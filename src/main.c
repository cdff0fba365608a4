/* main.c — the `leergang` program: global options, then one command. */
#include "cmd/cmd.h"
#include "core/die.h"
#include "core/i18n.h"
#include "formats/markdown.h"
#include "store/store.h"

#include <libxml/parser.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *cmd_db_path;

/* Takes --db PATH (or --db=PATH) from anywhere in argv, so that it can be
 * given before or after the command. */
static int take_db_option(int argc, char **argv)
{
	int out = 0;
	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--db")) {
			if (i + 1 >= argc)
				die("--db needs a path");
			cmd_db_path = argv[++i];
		} else if (!strncmp(argv[i], "--db=", 5)) {
			cmd_db_path = argv[i] + 5;
		} else {
			argv[out++] = argv[i];
		}
	}
	argv[out] = NULL;
	return out;
}

int main(int argc, char **argv)
{
	/* libxml2 (GraphML, REFI-QDA, documents) sets itself up on first use,
	 * which is not safe when two server threads are first at once: a
	 * GraphML download crashed in xmlTextWriterStartDocument under
	 * concurrent requests. Once here, before any thread. */
	xmlInitParser();
	if (sodium_init() < 0)
		die("cannot initialise libsodium");
	/* the words the search index keeps of a Markdown text */
	store_use_words(md_plain);
	argc = take_db_option(argc, argv);
	if (!cmd_db_path)
		cmd_db_path = getenv("LEERGANG_DB");
	if (!cmd_db_path || !*cmd_db_path)
		cmd_db_path = "var/leergang.db";
	const char *localedir = getenv("LEERGANG_LOCALEDIR");
	i18n_init(localedir ? localedir : "build/locale");
	/* Messages of the command line are English; the web pages choose per request. */
	i18n_use(LANG_EN);

	if (argc < 2)
		return cmd_help(1, argv);
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
		printf("leergang %s\n", LG_VERSION);
		return 0;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return cmd_help(1, argv);
	const struct command *c = command_find(argv[1]);
	if (!c)
		die("'%s' is not a leergang command; see 'leergang help'", argv[1]);
	return c->fn(argc - 1, argv + 1);
}
