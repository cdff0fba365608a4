/* level_report.c — `leergang report --org SLUG --level L --id ID`: the
 * accounting of a group, batch, programme or the organisation for a
 * period, as JSON or PDF, through the same domain call as the pages and
 * the API (domain/level_report.h). */
#include "cmd.h"
#include "core/die.h"
#include "core/i18n.h"
#include "domain/level_report.h"
#include "store/store.h"

#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int cmd_level_report(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'g' },
					      { "level", required_argument, 0, 'l' },
					      { "id", required_argument, 0, 'i' },
					      { "from", required_argument, 0, 'f' },
					      { "to", required_argument, 0, 't' },
					      { "format", required_argument, 0, 'F' },
					      { "output", required_argument, 0, 'o' },
					      { 0, 0, 0, 0 } };
	const char *slug = NULL, *level_s = NULL, *from = "", *to = "", *format = "json", *file = NULL;
	long long id = 0;
	int o;
	optind = 0;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'g') slug = optarg;
		else if (o == 'l') level_s = optarg;
		else if (o == 'i') id = cmd_number(optarg, "--id", 1, LLONG_MAX / 2, NULL);
		else if (o == 'f') from = optarg;
		else if (o == 't') to = optarg;
		else if (o == 'F') format = optarg;
		else if (o == 'o') file = optarg;
		else cmd_usage("report");
	}
	int level = report_level_parse(level_s);
	if (!slug || level < 0 || !id || optind != argc || (strcmp(format, "json") && strcmp(format, "pdf")))
		cmd_usage("report");
	struct arena a = ARENA_INIT;
	struct store *st = cmd_open(false);
	struct actor w;
	struct ctx c;
	cmd_ctx(&c, &w, st, &a, slug);
	i18n_use(LANG_NL);
	struct errors e = { 0 };
	struct report_period p;
	if (report_period_parse(&c, from, to, &p, &e))
		cmd_die_errors(&e, "the period");
	struct level_report r;
	int d = level_report_read(&c, (enum report_level)level, id, &p, &r);
	if (d == D_NOTFOUND)
		die("no %s with id %lld in organisation %s", level_s, id, slug);
	if (d)
		die("the report could not be made");
	struct buf b = BUF_INIT;
	if (!strcmp(format, "pdf")) {
		if (level_report_pdf(&c, &r, &b))
			die("the PDF could not be made");
	} else {
		json_t *j = level_report_json(&c, &r);
		char *s = json_dumps(j, JSON_INDENT(2) | JSON_ENSURE_ASCII);
		json_decref(j);
		if (!s)
			die("the JSON could not be made");
		buf_adds(&b, s);
		buf_adds(&b, "\n");
		free(s);
	}
	cmd_write_file(&b, file, !strcmp(format, "pdf"));
	buf_release(&b);
	store_close(st);
	arena_free(&a);
	return 0;
}
