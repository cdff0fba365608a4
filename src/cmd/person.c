/* person.c — `leergang person export|erase`: the rights of a person in the
 * data from the command line, for an administrator acting on a written
 * request (inzage, erasure). */
#include "cmd.h"
#include "core/die.h"
#include "core/i18n.h"
#include "domain/erasure.h"
#include "domain/subject_access.h"
#include "store/store.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* The command line acting in org on the person with that employee number. */
struct subject_cmd {
	struct store *st;
	struct arena a;
	struct ctx c;
	struct actor w;
	struct person p;
};

static void open_subject(struct subject_cmd *x, const char *org, const char *employee)
{
	x->st = cmd_open(false);
	x->a = (struct arena)ARENA_INIT;
	cmd_ctx(&x->c, &x->w, x->st, &x->a, org);
	struct errors e = { 0 };
	int r = subject_find(&x->c, employee, &e, &x->p);
	if (r == D_ERROR)
		die("database: %s", store_errmsg(x->st));
	if (r)
		cmd_die_errors(&e, "person");
}

static void close_subject(struct subject_cmd *x)
{
	arena_free(&x->a);
	store_close(x->st);
}

static int person_export(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'r' },
					      { "employee", required_argument, 0, 'e' },
					      { "format", required_argument, 0, 'f' },
					      { "output", required_argument, 0, 'o' },
					      { 0, 0, 0, 0 } };
	const char *org = NULL, *employee = NULL, *format = "json", *file = NULL;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'r') org = optarg;
		else if (o == 'e') employee = optarg;
		else if (o == 'f') format = optarg;
		else if (o == 'o') file = optarg;
		else cmd_usage("person");
	}
	if (!org || !employee || optind != argc || (strcmp(format, "json") && strcmp(format, "pdf")))
		cmd_usage("person");
	bool pdf = !strcmp(format, "pdf");
	if (pdf && !file && isatty(1))
		die("a PDF is not for the terminal: give --output FILE, or redirect");
	struct subject_cmd x;
	open_subject(&x, org, employee);
	struct buf b = BUF_INIT;
	i18n_use(LANG_NL);  /* the document as the person reads it */
	if (subject_export(&x.c, x.p.id, pdf ? SUBJECT_PDF : SUBJECT_JSON, &b))
		die("the inzage could not be made: %s", store_errmsg(x.st));
	FILE *f = file ? fopen(file, "wb") : stdout;
	if (!f)
		die("cannot write %s", file);
	if (fwrite(b.ptr, 1, b.len, f) != b.len || (file && fclose(f)))
		die("cannot write %s", file ? file : "the output");
	buf_release(&b);
	close_subject(&x);
	return 0;
}

static int person_erase(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'r' },
					      { "employee", required_argument, 0, 'e' },
					      { "dry-run", no_argument, 0, 'n' },
					      { 0, 0, 0, 0 } };
	const char *org = NULL, *employee = NULL;
	bool dry = false;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'r') org = optarg;
		else if (o == 'e') employee = optarg;
		else if (o == 'n') dry = true;
		else cmd_usage("person");
	}
	if (!org || !employee || optind != argc)
		cmd_usage("person");
	struct subject_cmd x;
	open_subject(&x, org, employee);
	struct subject_step *s;
	size_t n;
	struct buf err = BUF_INIT;
	int r = erasure_run(&x.c, x.p.id, dry, &s, &n, &err);
	if (r && r != D_BUSY)
		die("the erasure failed, nothing changed: %s", store_errmsg(x.st));
	printf(dry ? "would erase person %lld (nothing changed):\n" : "erased person %lld:\n", x.p.id);
	for (size_t i = 0; i < n; i++)
		printf("  %-8lld %s\n", s[i].rows, s[i].what);
	printf("%s", dry ? "would stay, without name, e-mail or number: enrolments, attendance, meetings prepared,\n"
			   "  anonymous answers, responses' counts, the audit log\n"
			 : "stays, without name, e-mail or number: enrolments, attendance, meetings prepared,\n"
			   "  anonymous answers, responses' counts, the audit log (with this erasure)\n");
	if (r == D_BUSY)
		die("erased, but the database file could not be rewritten yet (%s): run the command again", err.ptr);
	buf_release(&err);
	close_subject(&x);
	return 0;
}

int cmd_person(int argc, char **argv)
{
	if (argc < 2)
		cmd_usage("person");
	argc--, argv++;
	if (!strcmp(argv[0], "export"))
		return person_export(argc, argv);
	if (!strcmp(argv[0], "erase"))
		return person_erase(argc, argv);
	cmd_usage("person");
}
