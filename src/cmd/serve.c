/* serve.c — `leergang serve`: the web interface and the API. */
#include "cmd.h"
#include "domain/organisation.h"
#include "core/die.h"
#include "domain/mail_queue.h"
#include "domain/mail_sender.h"
#include "domain/pwgate.h"
#include "domain/retention_job.h"
#include "http/server.h"
#include "mail/mailer.h"
#include "mail/smtp.h"
#include "store/store.h"
#include "web/web.h"
#include "web/openapi.h"

#include <errno.h>
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

/* The API's description on stdout, each problem of it on stderr: 1 when
 * there are any (a route without its description, say). */
static int print_openapi(void)
{
	char *problems = NULL;
	json_t *doc = openapi_document(&problems);
	char *s = json_dumps(doc, JSON_INDENT(1));
	puts(s);
	free(s);
	json_decref(doc);
	if (problems)
		fprintf(stderr, "%s", problems);
	free(problems);
	return problems ? 1 : 0;
}

static void check_routes(void)
{
	for (const struct route *r = routes; r->method; r++)
		if (!r->access || !r->fn)
			die("route %s %s has no access rule; every route must say who may call it", r->method, r->pattern);
}

/* LEERGANG_PUBLIC_URL: the address people reach leergang at (behind a
 * proxy, say), for the links in e-mails, feeds and links.csv, so that
 * they never depend on a request's Host header. http(s)://host[:port] with
 * an optional path, nothing else; a trailing '/' is dropped. */
const char *cmd_public_url(void)
{
	const char *u = getenv("LEERGANG_PUBLIC_URL");
	if (!u || !*u)
		return NULL;
	size_t scheme = !strncmp(u, "https://", 8) ? 8 : !strncmp(u, "http://", 7) ? 7 : 0;
	size_t len = strlen(u);
	if (!scheme || len == scheme || len > 200 ||
	    strspn(u + scheme, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]/_~") != len - scheme ||
	    u[scheme] == '/')
		die("LEERGANG_PUBLIC_URL must be http://host[:port] or https://host[:port], with an optional path, such as "
		    "https://leergang.example.nl");
	char *s = xstrdup(u);
	while (strlen(s) > scheme && s[strlen(s) - 1] == '/')
		s[strlen(s) - 1] = '\0';
	return s;
}

/* The nice value of the password lane's threads. */
#define LANE_NICE 10

/* A yes/no setting of the environment: 1/yes or 0/no (or unset). */
static bool env_flag(const char *name)
{
	const char *v = getenv(name);
	if (!v || !*v || !strcmp(v, "0") || !strcmp(v, "no"))
		return false;
	if (!strcmp(v, "1") || !strcmp(v, "yes"))
		return true;
	die("%s wants 1 or 0, not \"%s\"", name, v);
}

/* Seconds before a queued message that found no mail server is tried
 * again (doubled per attempt): LEERGANG_SMTP_RETRY_SECONDS. */
static long long mail_retry_seconds(void)
{
	const char *v = getenv("LEERGANG_SMTP_RETRY_SECONDS");
	if (!v || !*v)
		return MAIL_QUEUE_RETRY_FIRST;
	return cmd_number(v, "LEERGANG_SMTP_RETRY_SECONDS", 1, MAIL_QUEUE_RETRY_MAX, "seconds");
}

int cmd_serve(int argc, char **argv)
{
	struct arena scratch = ARENA_INIT;
	static const struct option opts[] = {
		{ "listen", required_argument, 0, 'l' }, { "threads", required_argument, 0, 't' },
		{ "secure-cookies", no_argument, 0, 's' }, { "print-logins", no_argument, 0, 'p' },
		{ "routes", no_argument, 0, 'r' }, { "per-address-connections", required_argument, 0, 'a' },
		{ "hash-memory", required_argument, 0, 'm' }, { "hash-queue", required_argument, 0, 'q' },
		{ "hash-wait", required_argument, 0, 'w' }, { "openapi", no_argument, 0, 'o' }, { 0, 0, 0, 0 } };
	struct http_config cfg = { 0 };
	struct app app = { 0 };
	int print_logins = 0;
	/* two request threads per core: measured against four per core on two
	 * cores (bench/README.md), p99 at 100 connections fell from 33-45 ms to
	 * 24 ms on the group page at 5 % less throughput; a slow request still
	 * leaves the other threads free, and sign-ins run on a lane of their own */
	long threads = sysconf(_SC_NPROCESSORS_ONLN) * 2, per_address = HTTP_PER_ADDRESS, hash_memory = 0;
	long hash_queue = PWGATE_QUEUE, hash_wait = PWGATE_WAIT_MS / 1000;
	cfg.listen = "127.0.0.1:8080";
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (o) {
		case 'l': cfg.listen = optarg; break;
		case 't':
			threads = cmd_number(optarg, "--threads", 1, 256, NULL);
			break;
		case 'a':
			per_address = cmd_number(optarg, "--per-address-connections", 0, HTTP_MAX_CONNECTIONS,
						    "0: no limit, as behind a reverse proxy");
			break;
		case 'm':
			hash_memory = cmd_number(optarg, "--hash-memory", PWGATE_HASH_MIB, 1L << 20,
						    "MiB for password hashes at once, 64 each");
			break;
		case 'q':
			hash_queue = cmd_number(optarg, "--hash-queue", 0, 256, "sign-ins that may wait for a hash");
			break;
		case 'w':
			hash_wait = cmd_number(optarg, "--hash-wait", 1, 120, "seconds a sign-in may wait for a hash");
			break;
		case 's': app.secure_cookies = true; break;
		case 'p': print_logins = 1; break;
		case 'r': check_routes(); print_routes(); return 0;
		case 'o': return print_openapi();
		default: cmd_usage("serve");
		}
	}
	if (optind != argc)
		cmd_usage("serve");
	/* the port first: a second server on it stops here, before it touches
	 * its database or says anything else */
	http_listen(&cfg);
	check_routes();
	if (!cmd_setup_mail())
		fprintf(stderr, "leergang: no LEERGANG_SMTP_URL: questionnaire links and action reminders are not sent by e-mail\n");
	app.public_url = cmd_public_url();
	/* people reach leergang over https: the browser must never send its
	 * cookies over plain http */
	if (app.public_url && !strncmp(app.public_url, "https://", 8))
		app.secure_cookies = true;
	app.trust_proxy = env_flag("LEERGANG_TRUST_PROXY");
	if (app.secure_cookies)
		fprintf(stderr, "leergang: cookies are sent with Secure (https only)\n");
	else if (app.trust_proxy)
		fprintf(stderr, "leergang: cookies are sent with Secure when the proxy says X-Forwarded-Proto: https\n");
	/* create or migrate the database before the threads open it, and give
	 * an organisation made before frameworks came with it its frameworks
	 * now (a page never writes them when read) */
	struct store *st = cmd_open(true);
	if (organisation_frameworks_complete(st, &scratch))
		die("cannot install the frameworks: %s", store_errmsg(st));
	store_close(st);
	if (print_logins)
		demo_print_logins();
	cfg.db_path = cmd_db_path;
	cfg.threads = (unsigned)(threads < 2 ? 2 : threads);
	cfg.per_address = (unsigned)per_address;
	/* Password hashes: as many at once as cores and memory allow, a queue
	 * behind them; one lane thread for each hash and each place in the
	 * queue, so that the gate, not the lane, decides who waits. The lane
	 * threads run at a lower priority: under a flood of sign-ins the
	 * pages keep the processor. */
	struct pwgate_limits gate = pwgate_machine_limits((unsigned long long)hash_memory);
	gate.queue = (unsigned)hash_queue;
	gate.wait_ms = (unsigned)hash_wait * 1000;
	pwgate_configure(&gate);
	cfg.on_lane = web_on_lane;
	cfg.lane_threads = gate.slots + gate.queue;
	cfg.lane_nice = LANE_NICE;
	cfg.handler = web_handle;
	cfg.error_page = web_error_page;
	cfg.app = &app;
	fprintf(stderr, "leergang: password hashes: %u at once, %u waiting at most %u s; %s connections per address\n",
		gate.slots, gate.queue, gate.wait_ms / 1000,
		per_address ? arena_printf(&scratch, "at most %ld", per_address) : "no limit on");
	arena_free(&scratch);
	fflush(stdout);
	/* the daily retention run and action reminders: at start, then every 24 hours */
	struct retention_job *job = retention_job_start(cmd_db_path, app.public_url);
	/* the mail queue (reset links, invitations to an account, member
	 * checks), shared by every server of the installation */
	struct mail_sender *sender = mailer_installed()
		? mail_sender_start(cmd_db_path, mailer_installed(), mail_retry_seconds()) : NULL;
	int rc = http_serve(&cfg);
	mail_sender_stop(sender);
	retention_job_stop(job);
	mailer_use(NULL);
	smtp_use(NULL);
	free((char *)app.public_url);
	return rc;
}
