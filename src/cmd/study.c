/* study.c — `leergang study analysis --org SLUG --study ID`: the analysis
 * of a two-wave study as JSON, the same as GET /api/v1/studies/{id}/analysis
 * (domain/two_wave.h: pseudonymous, nothing shown below 5 pairs a group). */
#include "cmd.h"
#include "output.h"
#include "core/die.h"
#include "domain/two_wave.h"
#include "store/store.h"

#include <getopt.h>
#include <string.h>

int cmd_study(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "analysis"))
		cmd_usage("study");
	static const struct option opts[] = { { "org", required_argument, 0, 'o' },
					      { "study", required_argument, 0, 's' },
					      { 0, 0, 0, 0 } };
	const char *org = NULL;
	long long id = 0;
	int o;
	opterr = 0;
	optind = 1;
	argc--;
	argv++;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 's') id = cmd_number(optarg, "--study", 1, 1LL << 53, "the study's id");
		else cmd_usage("study");
	}
	if (optind != argc || !id)
		cmd_usage("study");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct actor w;
	struct ctx c;
	cmd_ctx(&c, &w, st, &a, org);
	struct study s;
	struct two_wave_analysis an;
	int r = two_wave_get(&c, id, &s);
	if (r == D_NOTFOUND)
		die("no study %lld in organisation '%s'", id, org);
	if (r || two_wave_analyse(&c, &s, &an))
		die("database: the study could not be read");
	out_json(two_wave_analysis_json(&s, &an));
	arena_free(&a);
	store_close(st);
	return 0;
}
