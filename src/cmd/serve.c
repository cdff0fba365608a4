/* serve.c — `leergang serve`: the web interface and the API. */
#include "cmd.h"
#include "core/die.h"
#include "http/server.h"
#include "store/store.h"
#include "web/web.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void demo_print_logins(void);

/* The route table as JSON, for the authorisation-matrix test. */
static void print_routes(void)
{
	json_t *arr = json_array();
	for (const struct route *r = routes; r->method; r++) {
		json_t *roles = json_array();
		for (int k = 0; k < ROLE_COUNT; k++)
			if (r->access & ROLE_BIT(k))
				json_array_append_new(roles, json_string(role_id(k)));
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:b, s:b, s:o}", "method", r->method, "pattern",
						     r->pattern, "kind", r->kind == ROUTE_API ? "api" : "page", "public",
						     (r->access & ACCESS_PUBLIC) != 0, "signed_in",
						     (r->access & ACCESS_SIGNED_IN) != 0, "roles", roles));
	}
	char *s = json_dumps(arr, JSON_INDENT(1));
	puts(s);
	free(s);
	json_decref(arr);
}

static void check_routes(void)
{
	for (const struct route *r = routes; r->method; r++)
		if (!r->access || !r->fn)
			die("route %s %s has no access rule; every route must say who may call it", r->method, r->pattern);
}

int cmd_serve(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "listen", required_argument, 0, 'l' }, { "threads", required_argument, 0, 't' },
		{ "secure-cookies", no_argument, 0, 's' }, { "print-logins", no_argument, 0, 'p' },
		{ "routes", no_argument, 0, 'r' }, { 0, 0, 0, 0 } };
	struct http_config cfg = { 0 };
	struct app app = { 0 };
	int print_logins = 0;
	long threads = sysconf(_SC_NPROCESSORS_ONLN) * 4;
	cfg.listen = "127.0.0.1:8080";
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (o) {
		case 'l': cfg.listen = optarg; break;
		case 't':
			threads = strtol(optarg, NULL, 10);
			if (threads < 1 || threads > 256)
				die("--threads wants a number from 1 to 256");
			break;
		case 's': app.secure_cookies = true; break;
		case 'p': print_logins = 1; break;
		case 'r': check_routes(); print_routes(); return 0;
		default: cmd_usage("serve");
		}
	}
	if (optind != argc)
		cmd_usage("serve");
	check_routes();
	/* create or migrate the database before the threads open it */
	struct store *st = cmd_open(true);
	store_close(st);
	if (print_logins)
		demo_print_logins();
	cfg.db_path = cmd_db_path;
	cfg.threads = (unsigned)(threads < 2 ? 2 : threads);
	cfg.handler = web_handle;
	cfg.error_page = web_error_page;
	cfg.app = &app;
	fflush(stdout);
	return http_serve(&cfg);
}
