/* user.c — `leergang user add|list|passwd|reset-link|invite|deactivate|reactivate`
 * and `leergang user role add|remove`. */
#include "cmd.h"
#include "domain/person.h"
#include "output.h"
#include "core/die.h"
#include "domain/account.h"
#include "domain/account_admin.h"
#include "domain/invitation.h"
#include "domain/password_reset.h"
#include "domain/role.h"
#include "store/store.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* The account with this address, and a context of the command line in its
 * organisation; dies when there is none. */
static void account_ctx(struct store *st, struct arena *a, const char *email, struct account *acc, struct ctx *c,
			struct actor *w)
{
	if (store_account_by_email(st, a, email, acc))
		die("no account with address %s", email);
	struct organisation org;
	if (store_org_get(st, a, acc->organisation_id, &org))
		die("database: %s", store_errmsg(st));
	cmd_ctx(c, w, st, a, org.slug);
}

/* The role named on the command line; dies naming the roles. */
static int role_or_die(const char *name)
{
	int r = role_parse(name);
	if (r < 0)
		die("unknown role '%s'; the roles are administrator, owner, coach, facilitator, mentor, "
		    "participant, manager, rater, researcher", name ? name : "");
	return r;
}

static int user_add(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, 0, 'o' }, { "email", required_argument, 0, 'e' },
		{ "role", required_argument, 0, 'r' }, { "name", required_argument, 0, 'n' },
		{ "person", required_argument, 0, 'p' }, { 0, 0, 0, 0 } };
	const char *org = NULL, *email = NULL, *role = NULL, *name = NULL, *employee = NULL;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (o) {
		case 'o': org = optarg; break;
		case 'e': email = optarg; break;
		case 'r': role = optarg; break;
		case 'n': name = optarg; break;
		case 'p': employee = optarg; break;
		default: cmd_usage("user");
		}
	}
	if (!org || !email || !role || optind != argc)
		cmd_usage("user");
	int r = role_or_die(role);
	struct cmd_org x;
	cmd_org_open(&x, org);
	struct store *st = x.st;
	struct arena *a = &x.a;
	struct ctx *c = &x.c;
	long long person_id = 0;
	if (employee) {
		struct person p;
		int d = person_by_employee(c, employee, &p);
		if (d == D_NOTFOUND)
			die("no person with employee number '%s' in %s", employee, org);
		if (d)
			die("database: %s", store_errmsg(st));
		person_id = p.id;
		if (!name)
			name = p.name;
	}
	char *pw = cmd_read_secret(a);
	struct errors e = { 0 };
	long long id;
	if (store_begin(st))
		die("database: %s", store_errmsg(st));
	int d = account_create(c, email, name ? name : email, person_id, pw, r, &e, &id);
	if (d) {
		store_rollback(st);
		if (d == D_INVALID || d == D_BUSY)
			cmd_die_errors(&e, "cannot add the account");
		die("database: %s", store_errmsg(st));
	}
	if (store_commit(st))
		die("database: %s", store_errmsg(st));
	printf("account %s added with role %s (id %lld)\n", email, role_id(r), id);
	return cmd_org_close(&x);
}

static int user_list(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, 0, 'o' }, { "format", required_argument, 0, 'f' }, { 0, 0, 0, 0 } };
	const char *org = NULL;
	enum out_format f = OUT_TEXT;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'f') f = out_format_from(optarg, "user");
		else cmd_usage("user");
	}
	if (!org || optind != argc)
		cmd_usage("user");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	struct account *acc;
	size_t n;
	if (store_account_list(st, &a, w.organisation_id, &acc, &n))
		die("database: %s", store_errmsg(st));
	static const char *const cols[] = { "id", "email", "name", "roles", "active", NULL };
	struct out out;
	out_begin(&out, f, cols);
	for (size_t i = 0; i < n; i++) {
		struct role_grant *g;
		size_t ng;
		if (store_grant_list(st, &a, acc[i].id, &g, &ng))
			die("database: %s", store_errmsg(st));
		struct buf roles = BUF_INIT;
		for (size_t k = 0; k < ng; k++) {
			if (k)
				buf_addch(&roles, ' ');
			buf_adds(&roles, g[k].role);
			if (strcmp(g[k].scope_kind, "organisation"))
				buf_addf(&roles, "@%s:%lld", g[k].scope_kind, g[k].scope_id);
		}
		out_int(&out, acc[i].id);
		out_str(&out, acc[i].email);
		out_str(&out, acc[i].display_name);
		out_str(&out, roles.ptr);
		out_bool(&out, acc[i].active);
		out_row(&out);
		buf_release(&roles);
	}
	out_end(&out);
	arena_free(&a);
	store_close(st);
	return 0;
}

static int user_passwd(int argc, char **argv)
{
	static const struct option opts[] = { { "email", required_argument, 0, 'e' }, { 0, 0, 0, 0 } };
	const char *email = NULL;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'e') email = optarg;
		else cmd_usage("user");
	}
	if (!email && optind == argc - 1)
		email = argv[optind++];
	if (!email || optind != argc)
		cmd_usage("user");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct account acc;
	struct ctx c;
	struct actor w;
	account_ctx(st, &a, email, &acc, &c, &w);
	char *pw = cmd_read_secret(&a);
	struct errors e = { 0 };
	int d = account_set_password(&c, acc.id, pw, &e);
	if (d == D_INVALID || d == D_BUSY)
		cmd_die_errors(&e, "cannot set the password");
	if (d)
		die("database: %s", store_errmsg(st));
	/* a new password ends every session of the account (and its API
	 * tokens, in account_set_password) */
	if (session_end_others(st, acc.id, NULL))
		die("the password of %s changed, but its sessions could not be ended: %s; run this again", email,
		    store_errmsg(st));
	printf("password of %s changed\n", email);
	arena_free(&a);
	store_close(st);
	return 0;
}

/* The base of printed links: --url, else LEERGANG_PUBLIC_URL, else the
 * default address of `leergang serve`; without a trailing slash. The
 * caller frees it. */
static char *link_base(const char *base)
{
	if (!base || !*base) {
		base = "http://127.0.0.1:8080";
		fprintf(stderr, "leergang: no --url and no LEERGANG_PUBLIC_URL: the link starts with %s\n", base);
	} else if (strncmp(base, "https://", 8) && strncmp(base, "http://", 7)) {
		die("--url wants the address people reach leergang at, such as https://leergang.example.nl");
	}
	char *b = xstrdup(base);
	while (strlen(b) > 8 && b[strlen(b) - 1] == '/')
		b[strlen(b) - 1] = '\0';
	return b;
}

/* The organisation of --org, or the only one of the installation. */
static const char *org_or_only(struct store *st, struct arena *a, const char *org)
{
	if (org)
		return org;
	struct organisation *o;
	size_t n;
	if (store_org_list(st, a, &o, &n))
		die("database: %s", store_errmsg(st));
	if (n != 1)
		die("give the organisation with --org SLUG (see 'leergang org list')");
	return o[0].slug;
}

/* An account by invitation: no password; the printed link sets one. */
static int user_invite(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, 0, 'o' }, { "email", required_argument, 0, 'e' },
		{ "role", required_argument, 0, 'r' }, { "name", required_argument, 0, 'n' },
		{ "person", required_argument, 0, 'p' }, { "url", required_argument, 0, 'u' }, { 0, 0, 0, 0 } };
	const char *org = NULL, *email = NULL, *role = "participant", *name = "", *employee = "";
	const char *base = getenv("LEERGANG_PUBLIC_URL");
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (o) {
		case 'o': org = optarg; break;
		case 'e': email = optarg; break;
		case 'r': role = optarg; break;
		case 'n': name = optarg; break;
		case 'p': employee = optarg; break;
		case 'u': base = optarg; break;
		default: cmd_usage("user");
		}
	}
	if (!email || optind != argc)
		cmd_usage("user");
	int r = role_or_die(role);
	if (!*name && !*employee)
		name = email;
	char *b = link_base(base);
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org_or_only(st, &a, org));
	struct invite_via via = { b, false };
	struct invite_link il;
	struct errors e = { 0 };
	int d = invitation_create(&c, email, name, employee, r, &via, &e, &il);
	if (d == D_INVALID)
		cmd_die_errors(&e, "cannot invite");
	if (d)
		die("database: %s", store_errmsg(st));
	puts(il.link);
	fprintf(stderr, "leergang: account %s made without a password (id %lld); the link sets one: once, within seven days; "
		"give it to its owner alone\n", email, il.account.id);
	free(b);
	arena_free(&a);
	store_close(st);
	return 0;
}

/* Switches an account off (every session, API token and link ends) or on. */
static int user_active(int argc, char **argv, bool on)
{
	static const struct option opts[] = { { "email", required_argument, 0, 'e' }, { 0, 0, 0, 0 } };
	const char *email = NULL;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'e') email = optarg;
		else cmd_usage("user");
	}
	if (!email || optind != argc)
		cmd_usage("user");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct account acc;
	struct ctx c;
	struct actor w;
	account_ctx(st, &a, email, &acc, &c, &w);
	struct errors e = { 0 };
	int d = on ? account_reactivate(&c, acc.id) : account_deactivate(&c, acc.id, &e);
	if (d)
		die("database: %s", store_errmsg(st));
	printf(on ? "account %s switched on\n" : "account %s switched off; its sessions, API tokens and links have ended\n",
	       email);
	arena_free(&a);
	store_close(st);
	return 0;
}

/* A link for the administrator to hand over when the server sends no
 * mail: the owner sets a new password with it, and it ends the wait of
 * their address after failed log-ins. */
static int user_reset_link(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "email", required_argument, 0, 'e' }, { "url", required_argument, 0, 'u' }, { 0, 0, 0, 0 } };
	const char *email = NULL, *base = getenv("LEERGANG_PUBLIC_URL");
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'e') email = optarg;
		else if (o == 'u') base = optarg;
		else cmd_usage("user");
	}
	if (!email || optind != argc)
		cmd_usage("user");
	char *b = link_base(base);
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	char *link;
	int d = password_reset_link(st, &a, email, b, (long long)time(NULL), &link);
	if (d == D_NOTFOUND)
		die("no active account with address %s", email);
	if (d)
		die("database: %s", store_errmsg(st));
	puts(link);
	fprintf(stderr, "leergang: the link works once, for one hour; give it to the owner of %s alone\n", email);
	free(b);
	arena_free(&a);
	store_close(st);
	return 0;
}

/* Gives an account of the organisation a role for the whole organisation,
 * or takes it away: the accounts page's "give" and "take away". */
static int user_role(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org", required_argument, 0, 'o' }, { "email", required_argument, 0, 'e' },
		{ "role", required_argument, 0, 'r' }, { 0, 0, 0, 0 } };
	if (argc < 2 || (strcmp(argv[1], "add") && strcmp(argv[1], "remove")))
		cmd_usage("user");
	bool add = !strcmp(argv[1], "add");
	argc--, argv++;
	const char *org = NULL, *email = NULL, *role = NULL;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (o) {
		case 'o': org = optarg; break;
		case 'e': email = optarg; break;
		case 'r': role = optarg; break;
		default: cmd_usage("user");
		}
	}
	if (!org || !email || !role || optind != argc)
		cmd_usage("user");
	int r = role_or_die(role);
	struct cmd_org x;
	cmd_org_open(&x, org);
	struct store *st = x.st;
	struct ctx *c = &x.c;
	struct account_roles *ar;
	size_t n;
	if (account_list_roles(c, &ar, &n))
		die("database: %s", store_errmsg(st));
	const struct account_roles *acc = NULL;
	for (size_t i = 0; i < n && !acc; i++)
		if (!strcasecmp(ar[i].account.email, email))
			acc = &ar[i];
	if (!acc)
		die("no account with address %s in %s", email, org);
	long long grant = 0;
	for (size_t k = 0; k < acc->ngrants; k++)
		if (!strcmp(acc->grants[k].role, role_id(r)) && !strcmp(acc->grants[k].scope_kind, "organisation"))
			grant = acc->grants[k].id;
	struct errors e = { 0 };
	int d;
	if (add) {
		d = account_role_give(c, acc->account.id, r, &e);
	} else {
		if (!grant)
			die("%s has no role %s in %s", email, role_id(r), org);
		d = account_role_take(c, acc->account.id, grant, &e);
	}
	if (d == D_INVALID || d == D_CONFLICT)
		cmd_die_errors(&e, add ? "cannot give the role" : "cannot take the role away");
	if (d)
		die("database: %s", store_errmsg(st));
	if (add)
		printf(grant ? "%s has the role %s already\n" : "%s has the role %s\n", email, role_id(r));
	else
		printf("%s no longer has the role %s\n", email, role_id(r));
	return cmd_org_close(&x);
}

int cmd_user(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "role"))
		return user_role(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "add"))
		return user_add(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "list"))
		return user_list(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "passwd"))
		return user_passwd(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "reset-link"))
		return user_reset_link(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "invite"))
		return user_invite(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "deactivate"))
		return user_active(argc - 1, argv + 1, false);
	if (argc >= 2 && !strcmp(argv[1], "reactivate"))
		return user_active(argc - 1, argv + 1, true);
	cmd_usage("user");
}
