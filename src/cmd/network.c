/* network.c — `leergang network`: an organisation's recruitment network
 * (who encouraged whom, with igraph's measures) as JSON or GraphML,
 * through the same domain call as its page and the API
 * (domain/referral_network.h). --pseudonyms gives the research export. */
#include "cmd.h"
#include "output.h"
#include "core/die.h"
#include "domain/export_audit.h"
#include "domain/referral_network.h"
#include "store/store.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

int cmd_network(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' },
					       { "format", required_argument, 0, 'f' },
					       { "pseudonyms", no_argument, 0, 'p' }, { 0, 0, 0, 0 } };
	const char *org = NULL, *format = "json";
	bool pseudonyms = false;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'f') format = optarg;
		else if (o == 'p') pseudonyms = true;
		else cmd_usage("network");
	}
	if (!org || optind != argc || (strcmp(format, "json") && strcmp(format, "graphml")))
		cmd_usage("network");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	struct network g;
	bool graphml = !strcmp(format, "graphml");
	if (network_open(&c, pseudonyms ? NET_RESEARCH : NET_DOWNLOAD, graphml, &g))
		die("the network could not be read or measured: %s", store_errmsg(st));
	if (graphml) {
		struct buf b = BUF_INIT;
		if (!network_graphml(&g, &b))
			die("the GraphML could not be written");
		fwrite(b.ptr, 1, b.len, stdout);
		buf_release(&b);
	} else {
		out_json(network_json(&g));
	}
	if (export_record(&c, EXPORT_NETWORK, "organisation", w.organisation_id, format, g.n))
		die("database: %s", store_errmsg(st));
	arena_free(&a);
	store_close(st);
	return 0;
}
