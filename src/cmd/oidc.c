/* oidc.c — `leergang oidc set|show`: an organisation's sign-in through its
 * own identity provider (OpenID Connect, domain/oidc.h). The client secret
 * is read from a file and stored sealed; `show` never prints it. */
#include "cmd.h"
#include "output.h"
#include "core/die.h"
#include "domain/oidc.h"
#include "store/store.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

/* The first line of file, without its line end. */
static char *read_secret_file(struct arena *a, const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		die("cannot read the client secret file %s", path);
	char line[1100];
	if (!fgets(line, sizeof(line), f))
		line[0] = '\0';
	fclose(f);
	line[strcspn(line, "\r\n")] = '\0';
	char *s = arena_strdup(a, line);
	explicit_bzero(line, sizeof(line));
	return s;
}

static int oidc_set(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, 0, 'o' }, { "issuer", required_argument, 0, 'i' },
		{ "client-id", required_argument, 0, 'c' }, { "client-secret-file", required_argument, 0, 's' },
		{ "claim", required_argument, 0, 'l' }, { "passwords", required_argument, 0, 'p' },
		{ "employee-claim", required_argument, 0, 'e' }, { 0, 0, 0, 0 } };
	const char *org = NULL, *secret_file = NULL, *passwords = "on";
	struct oidc_settings s = { 0 };
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'i') s.issuer = optarg;
		else if (o == 'c') s.client_id = optarg;
		else if (o == 's') secret_file = optarg;
		else if (o == 'l') s.claim = optarg;
		else if (o == 'p') passwords = optarg;
		else if (o == 'e') s.employee_claim = optarg;
		else cmd_usage("oidc");
	}
	if (!org || !s.issuer || !s.client_id || !secret_file || !s.claim || optind != argc)
		cmd_usage("oidc");
	if (strcmp(passwords, "on") && strcmp(passwords, "off"))
		die("--passwords takes on or off");
	s.passwords_off = !strcmp(passwords, "off");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	s.secret = read_secret_file(&a, secret_file);
	struct errors e = { 0 };
	int d = oidc_configure(&c, &s, &e);
	if (d == D_INVALID)
		cmd_die_errors(&e, "cannot set the identity provider");
	if (e.n)
		cmd_die_errors(&e, "cannot set the identity provider");
	if (d)
		die("database: %s", store_errmsg(st));
	printf("%s signs in through %s%s\n", org, s.issuer, s.passwords_off ? " only (passwords off)" : "");
	arena_free(&a);
	store_close(st);
	return 0;
}

static int oidc_show(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, 0, 'o' }, { "format", required_argument, 0, 'f' }, { 0, 0, 0, 0 } };
	const char *org = NULL;
	enum out_format f = OUT_TEXT;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'f') f = out_format_from(optarg, "oidc");
		else cmd_usage("oidc");
	}
	if (optind != argc)
		cmd_usage("oidc");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct oidc_provider *p;
	size_t n;
	if (oidc_providers(st, &a, &p, &n))
		die("database: %s", store_errmsg(st));
	static const char *const cols[] = { "org", "issuer", "client_id", "claim", "employee_claim", "passwords", NULL };
	struct out out;
	out_begin(&out, f, cols);
	for (size_t i = 0; i < n; i++) {
		if (org && strcmp(org, p[i].org_slug))
			continue;
		out_str(&out, p[i].org_slug);
		out_str(&out, p[i].issuer);
		out_str(&out, p[i].client_id);
		out_str(&out, p[i].claim);
		out_str(&out, p[i].employee_claim);
		out_str(&out, p[i].passwords_off ? "off" : "on");
		out_row(&out);
	}
	out_end(&out);
	arena_free(&a);
	store_close(st);
	return 0;
}

int cmd_oidc(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "set"))
		return oidc_set(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "show"))
		return oidc_show(argc - 1, argv + 1);
	cmd_usage("oidc");
}
