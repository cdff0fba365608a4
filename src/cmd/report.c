/* report.c — `leergang report list|write` (the level report, `report
 * --level`, is in level_report.c) and `leergang story`: meeting
 * reports and a group's learning story from the command line, acting as the
 * account given by --email, through the same domain calls as the pages (so
 * the same privacy rules and audit records). */
#include "cmd.h"
#include "output.h"
#include "core/die.h"
#include "core/i18n.h"
#include "domain/account.h"
#include "domain/report.h"
#include "domain/export_audit.h"
#include "store/group.h"
#include "store/meeting.h"
#include "store/store.h"

#include <limits.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct as_user {
	struct store *st;
	struct arena a;
	struct account acc;
	struct actor w;
	struct ctx c;
};

static void open_as(struct as_user *u, const char *email)
{
	u->st = cmd_open(false);
	u->a = (struct arena)ARENA_INIT;
	if (store_account_by_email(u->st, &u->a, email, &u->acc) || actor_load(u->st, &u->a, u->acc.id, &u->w))
		die("no active account with address %s", email);
	cmd_ctx_for(&u->c, &u->w, u->st, &u->a);
	i18n_use(LANG_NL);  /* texts as the group reads them */
}

static void close_as(struct as_user *u)
{
	arena_free(&u->a);
	store_close(u->st);
}

static int report_list_cmd(int argc, char **argv)
{
	static const struct option opts[] = { { "email", required_argument, 0, 'e' },
					      { "group", required_argument, 0, 'g' },
					      { "format", required_argument, 0, 'f' },
					      { 0, 0, 0, 0 } };
	const char *email = NULL;
	long long group = 0;
	enum out_format f = OUT_TEXT;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'e') email = optarg;
		else if (o == 'g') group = cmd_number(optarg, "--group", 1, LLONG_MAX / 2, NULL);
		else if (o == 'f') f = out_format_from(optarg, "report");
		else cmd_usage("report");
	}
	if (!email || !group || optind != argc)
		cmd_usage("report");
	struct as_user u;
	open_as(&u, email);
	struct report_view *v;
	size_t n;
	int d = report_list(&u.c, group, &v, &n);
	if (d)
		die(d == D_NOTFOUND ? "no group %lld that %s may read" : "the reports could not be read", group, email);
	static const char *const cols[] = { "id", "meeting_id", "number", "theme", "date", "status", "contributions", NULL };
	struct out out;
	out_begin(&out, f, cols);
	for (size_t i = 0; i < n; i++) {
		out_int(&out, v[i].r.id);
		out_int(&out, v[i].r.meeting_id);
		out_int(&out, v[i].r.number);
		out_str(&out, v[i].r.theme);
		out_str(&out, v[i].r.starts_on);
		out_str(&out, v[i].r.status);
		out_int(&out, (long long)v[i].ncontribs);
		out_row(&out);
	}
	out_end(&out);
	close_as(&u);
	return 0;
}

static int report_write_cmd(int argc, char **argv)
{
	static const struct option opts[] = { { "email", required_argument, 0, 'e' },
					      { "meeting", required_argument, 0, 'm' },
					      { "agenda", required_argument, 0, 'a' },
					      { "themes", required_argument, 0, 't' },
					      { "learning-moments", required_argument, 0, 'l' },
					      { "reflection", required_argument, 0, 'r' },
					      { "publish", no_argument, 0, 'p' },
					      { 0, 0, 0, 0 } };
	const char *email = NULL, *reflection = NULL;
	long long meeting = 0;
	struct report_texts t = { "", "", "", "", NULL };
	bool publish = false;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'e') email = optarg;
		else if (o == 'm') meeting = cmd_number(optarg, "--meeting", 1, LLONG_MAX / 2, NULL);
		else if (o == 'a') t.agenda = optarg;
		else if (o == 't') t.themes = optarg;
		else if (o == 'l') t.learning_moments = optarg;
		else if (o == 'r') reflection = optarg;
		else if (o == 'p') publish = true;
		else cmd_usage("report");
	}
	if (!email || !meeting || optind != argc)
		cmd_usage("report");
	struct as_user u;
	open_as(&u, email);
	/* the facilitator's reflection, or the mentor's when the account is the mentor's */
	struct meeting m;
	struct learning_group g;
	if (store_meeting_get(u.st, &u.a, u.w.organisation_id, meeting, &m) ||
	    store_group_get(u.st, &u.a, u.w.organisation_id, m.group_id, &g))
		die("no meeting %lld in the organisation of %s", meeting, email);
	bool mentor = u.w.person_id && g.mentor_id == u.w.person_id && g.facilitator_id != u.w.person_id;
	if (mentor)
		t.mentor_reflection = reflection ? reflection : "";
	else
		t.facilitator_reflection = reflection ? reflection : "";
	struct errors e = { 0 };
	long long id = 0;
	int d = report_save(&u.c, meeting, &t, (long long)time(NULL), &e, &id);
	if (d == D_INVALID)
		cmd_die_errors(&e, "report");
	if (d == D_FORBIDDEN || d == D_NOTFOUND)
		die("%s is not the facilitator or mentor of the group of meeting %lld", email, meeting);
	if (d)
		die("the report could not be saved");
	if (publish) {
		d = report_publish(&u.c, meeting, true, (long long)time(NULL), &e);
		if (d == D_INVALID)
			cmd_die_errors(&e, "report");
		if (d)
			die("only the facilitator publishes the report");
	}
	printf("report %lld of meeting %lld saved%s\n", id, meeting, publish ? " and published" : "");
	close_as(&u);
	return 0;
}

int cmd_report(int argc, char **argv)
{
	if (argc < 2)
		cmd_usage("report");
	if (!strncmp(argv[1], "--", 2))
		return cmd_level_report(argc, argv);
	if (!strcmp(argv[1], "list"))
		return report_list_cmd(argc - 1, argv + 1);
	if (!strcmp(argv[1], "write"))
		return report_write_cmd(argc - 1, argv + 1);
	cmd_usage("report");
}

int cmd_story(int argc, char **argv)
{
	static const struct option opts[] = { { "email", required_argument, 0, 'e' },
					      { "group", required_argument, 0, 'g' },
					      { "format", required_argument, 0, 'f' },
					      { "output", required_argument, 0, 'o' },
					      { 0, 0, 0, 0 } };
	const char *email = NULL, *format = "md", *file = NULL;
	long long group = 0;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'e') email = optarg;
		else if (o == 'g') group = cmd_number(optarg, "--group", 1, LLONG_MAX / 2, NULL);
		else if (o == 'f') format = optarg;
		else if (o == 'o') file = optarg;
		else cmd_usage("story");
	}
	if (!email || !group || optind != argc || (strcmp(format, "md") && strcmp(format, "pdf")))
		cmd_usage("story");
	struct as_user u;
	open_as(&u, email);
	struct story_view v;
	int d = story_open(&u.c, group, &v);
	if (!d && strcmp(v.s.status, "bundled") && v.g.facilitator_id != u.w.person_id)
		d = D_NOTFOUND;
	if (d)
		die(d == D_NOTFOUND ? "no learning story of group %lld that %s may read" : "the learning story could not be read",
		    group, email);
	struct buf b = BUF_INIT;
	if (!strcmp(format, "pdf")) {
		if (story_pdf(&u.c, &v, &b))
			die("the PDF could not be made");
	} else {
		story_markdown(&u.c, &v, &b);
	}
	cmd_write_file(&b, file, !strcmp(format, "pdf"));
	buf_release(&b);
	if (export_record(&u.c, EXPORT_STORY, "group", v.g.id, !strcmp(format, "pdf") ? "pdf" : "md", v.n))
		die("the export could not be written in the audit log");
	close_as(&u);
	return 0;
}
