/* referral.c — `leergang referral add|list|remove` (how a person came to
 * take part: encouraged by someone, through a presentation, or of their own
 * accord) and `leergang presentation attendee` (who was there), through
 * the same domain calls as their pages and the API (domain/referral.h).
 * People are named by employee number. */
#include "cmd.h"
#include "output.h"
#include "core/die.h"
#include "domain/referral.h"
#include "store/store.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

static int referral_new(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' }, { "person", required_argument, 0, 'p' },
					       { "by", required_argument, 0, 'b' }, { "by-name", required_argument, 0, 'n' },
					       { "role", required_argument, 0, 'r' },
					       { "presentation", required_argument, 0, 'x' }, { "own", no_argument, 0, 'w' },
					       { "date", required_argument, 0, 'd' }, { 0, 0, 0, 0 } };
	const char *org = NULL, *person = NULL, *by = NULL, *by_name = "", *role = "", *date = "";
	long long presentation = 0;
	bool own = false;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'p') person = optarg;
		else if (o == 'b') by = optarg;
		else if (o == 'n') by_name = optarg;
		else if (o == 'r') role = optarg;
		else if (o == 'x') presentation = cmd_number(optarg, "--presentation", 1, LLONG_MAX / 2, "the presentation's id");
		else if (o == 'w') own = true;
		else if (o == 'd') date = optarg;
		else cmd_usage("referral");
	}
	if (!org || !person || optind != argc || (!by && !*by_name && !presentation && !own))
		cmd_usage("referral");
	struct cmd_org x;
	cmd_org_open(&x, org);
	long long who = cmd_person_by_number(&x.c, person), by_id = by ? cmd_person_by_number(&x.c, by) : 0;
	/* the kind follows from what is given; anything given beside it is refused by the domain */
	const char *kind = own ? "own" : presentation ? "presentation" : "person";
	struct errors e = { 0 };
	long long id = 0;
	int d = referral_add(&x.c, who, kind, by_id, by_name, role, presentation, date, &e, &id);
	if (d == D_NOTFOUND)
		die("no presentation %lld in %s", presentation, org);
	if (d == D_INVALID)
		cmd_die_errors(&e, "referral not added");
	if (d)
		die("database: %s", store_errmsg(x.st));
	printf("%lld\n", id);
	return cmd_org_close(&x);
}

static int referral_ls(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' }, { "person", required_argument, 0, 'p' },
					       { "format", required_argument, 0, 'f' }, { 0, 0, 0, 0 } };
	const char *org = NULL, *person = NULL, *format = "text";
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'p') person = optarg;
		else if (o == 'f') format = optarg;
		else cmd_usage("referral");
	}
	if (!org || optind != argc || (strcmp(format, "text") && strcmp(format, "json")))
		cmd_usage("referral");
	struct cmd_org x;
	cmd_org_open(&x, org);
	struct referral *r;
	size_t n;
	int d = person ? referral_list(&x.c, cmd_person_by_number(&x.c, person), &r, &n) : referral_list_all(&x.c, &r, &n);
	if (d)
		die("database: %s", store_errmsg(x.st));
	if (!strcmp(format, "json")) {
		json_t *a = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(a, referral_json(&r[i]));
		out_json(json_pack("{s:o}", "referrals", a));
	} else {
		for (size_t i = 0; i < n; i++)
			printf("%lld\t%s\t%s\t%s\t%s\n", r[i].id, r[i].noted_on, r[i].person_name, r[i].kind,
			       referral_source(&x.a, &r[i]));
	}
	return cmd_org_close(&x);
}

static int referral_rm(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' }, { "id", required_argument, 0, 'i' },
					       { 0, 0, 0, 0 } };
	const char *org = NULL;
	long long id = 0;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'i') id = cmd_number(optarg, "--id", 1, LLONG_MAX / 2, "the referral's id");
		else cmd_usage("referral");
	}
	if (!org || !id || optind != argc)
		cmd_usage("referral");
	struct cmd_org x;
	cmd_org_open(&x, org);
	int d = referral_remove(&x.c, id);
	if (d == D_NOTFOUND)
		die("no referral %lld in %s", id, org);
	if (d)
		die("database: %s", store_errmsg(x.st));
	printf("%lld removed\n", id);
	return cmd_org_close(&x);
}

int cmd_referral(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "add"))
		return referral_new(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "list"))
		return referral_ls(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "remove"))
		return referral_rm(argc - 1, argv + 1);
	cmd_usage("referral");
}

int cmd_presentation_attendee(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' }, { "id", required_argument, 0, 'i' },
					       { "person", required_argument, 0, 'p' }, { "remove", no_argument, 0, 'x' },
					       { 0, 0, 0, 0 } };
	const char *org = NULL, *person = NULL;
	long long id = 0;
	bool remove = false;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'i') id = cmd_number(optarg, "--id", 1, LLONG_MAX / 2, "the presentation's id");
		else if (o == 'p') person = optarg;
		else if (o == 'x') remove = true;
		else cmd_usage("presentation");
	}
	if (!org || !id || !person || optind != argc)
		cmd_usage("presentation");
	struct cmd_org x;
	cmd_org_open(&x, org);
	long long who = cmd_person_by_number(&x.c, person);
	struct errors e = { 0 };
	int d = remove ? presentation_attendee_remove(&x.c, id, who, &e) : presentation_attendee_add(&x.c, id, who, &e);
	if (d == D_NOTFOUND)
		die("no presentation %lld in %s", id, org);
	if (d == D_INVALID)
		cmd_die_errors(&e, remove ? "attendee not removed" : "attendee not added");
	if (d)
		die("database: %s", store_errmsg(x.st));
	printf("%s %s\n", person, remove ? "removed" : "attended");
	return cmd_org_close(&x);
}
