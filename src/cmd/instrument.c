/* instrument.c — `leergang instrument list --org SLUG [--format
 * text|csv|json]`: the organisation's questionnaires and the built-in ones
 * it can use, with the key that `leergang wave add --instrument` takes. */
#include "cmd.h"
#include "output.h"
#include "core/die.h"
#include "domain/survey.h"
#include "store/store.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_instrument(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' },
					       { "format", required_argument, 0, 'f' }, { 0, 0, 0, 0 } };
	if (argc < 2 || strcmp(argv[1], "list"))
		cmd_usage("instrument");
	argc--, argv++;
	const char *org = NULL;
	enum out_format f = OUT_TEXT;
	int o;
	optind = 1;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'f') f = out_format_from(optarg, "instrument");
		else cmd_usage("instrument");
	}
	if (!org || optind != argc)
		cmd_usage("instrument");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	struct instrument_entry *in;
	size_t n;
	if (instrument_catalogue(&c, &in, &n))
		die("database: %s", store_errmsg(st));
	if (f == OUT_JSON) {
		json_t *list = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(list, json_pack("{s:s, s:s, s:i, s:b}", "key", in[i].key, "name", in[i].name,
							      "version", in[i].version, "installed", in[i].id != 0));
		out_json(json_pack("{s:o}", "instruments", list));
	} else {
		static const char *const cols[] = { "key", "name", "version", "installed", NULL };
		struct out out;
		out_begin(&out, f, cols);
		for (size_t i = 0; i < n; i++) {
			out_str(&out, in[i].key);
			out_str(&out, in[i].name);
			out_int(&out, in[i].version);
			out_bool(&out, in[i].id != 0);
			out_row(&out);
		}
		out_end(&out);
	}
	arena_free(&a);
	store_close(st);
	return 0;
}
