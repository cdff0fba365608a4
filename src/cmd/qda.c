/* qda.c — `leergang qda inspect|convert`: the REFI-QDA format layer
 * (formats/refi.h) from the command line, so a user and the tests can see
 * what a .qdpx, .qde or .qdc holds and what leergang would carry over,
 * and write it back as a .qdpx or a .qdc (no database is opened); and
 * `leergang qda import|export|codebook --org SLUG`: a research project of
 * an organisation to and from those files, through the same domain calls
 * as the research pages (domain/research_refi.h). */
#include "cmd.h"
#include "output.h"
#include "core/die.h"
#include "domain/research.h"
#include "domain/research_refi.h"
#include "formats/doc_text.h"
#include "formats/refi.h"
#include "store/store.h"

#include <getopt.h>
#include <limits.h>

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcasecmp(s + n - m, suffix);
}

static json_t *skips_json(const struct refi_skip *s, size_t n)
{
	json_t *skips = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(skips, json_pack("{s:s, s:I, s:s}", "what", s[i].what, "count",
						       (json_int_t)s[i].count, "reason", s[i].reason));
	return skips;
}

static json_t *inspect_json(const struct refi_project *p)
{
	size_t sels = 0;
	for (size_t i = 0; i < p->nsources; i++)
		sels += p->sources[i].nsels;
	json_t *skips = skips_json(p->skips, p->nskips);
	return json_pack("{s:s, s:s, s:b, s:I, s:I, s:I, s:I, s:I, s:I, s:o}", "name", p->name, "origin", p->origin,
			 "codebook_only", p->codebook_only, "codes", (json_int_t)p->ncodes, "codings",
			 (json_int_t)refi_ncodings(p), "sources", (json_int_t)p->nsources, "users",
			 (json_int_t)p->nusers, "selections", (json_int_t)sels, "notes", (json_int_t)p->nnotes,
			 "not_carried_over", skips);
}

/* `qda text FILE`: the plain text leergang takes from a .docx or .odt. */
static int qda_text(const char *file)
{
	struct arena a = ARENA_INIT;
	size_t len;
	char *data = cmd_read_file(&a, file, DOC_TEXT_MAX_XML, &len), *text;
	const char *err = doc_text(&a, data, len, &text);
	if (err)
		die("%s: refused: %s", file, err);
	fputs(text, stdout);
	arena_free(&a);
	return 0;
}

#define MEMBERS_MAX 50

static int qda_import(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' }, { "name", required_argument, 0, 'n' },
					       { "member", required_argument, 0, 'm' }, { 0, 0, 0, 0 } };
	const char *org = NULL, *name = NULL, *members[MEMBERS_MAX];
	size_t nmembers = 0;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'n') name = optarg;
		else if (o == 'm' && nmembers < MEMBERS_MAX) members[nmembers++] = optarg;
		else cmd_usage("qda");
	}
	if (!org || optind + 1 != argc)
		cmd_usage("qda");
	const char *file = argv[optind];
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	struct refi_project p;
	const char *err = refi_read_file(&a, file, &p);
	if (err)
		die("%s: refused: %s", file, err);
	struct errors e = { 0 };
	struct research_import_result res;
	int d = research_import(&c, &p, name, members, nmembers, &e, &res);
	if (d == D_INVALID)
		cmd_die_errors(&e, "not imported");
	if (d)
		die("database: %s", store_errmsg(st));
	out_json(json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:o}", "project", (json_int_t)res.project, "codes",
			   (json_int_t)res.codes, "codings", (json_int_t)res.codings, "sources", (json_int_t)res.sources,
			   "users", (json_int_t)res.users, "selections", (json_int_t)res.selections, "notes",
			   (json_int_t)res.notes, "not_carried_over", skips_json(res.skips, res.nskips)));
	arena_free(&a);
	store_close(st);
	return 0;
}

/* `qda export` (a .qdpx) and `qda codebook` (a .qdc) of one project. */
static int qda_export(int argc, char **argv, bool codebook)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' }, { "project", required_argument, 0, 'p' },
					       { "output", required_argument, 0, 'O' }, { 0, 0, 0, 0 } };
	const char *org = NULL, *project = NULL, *output = NULL;
	int o;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'p') project = optarg;
		else if (o == 'O') output = optarg;
		else cmd_usage("qda");
	}
	if (!org || !project || !output || optind != argc)
		cmd_usage("qda");
	long long id = cmd_number(project, "--project", 1, LLONG_MAX, "a research project's number");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	struct refi_project p;
	int d = research_export(&c, id, codebook ? "qdc" : "qdpx", &p);
	if (d == D_NOTFOUND)
		die("no research project %lld in %s (see the research pages)", id, org);
	if (d)
		die("database: %s", store_errmsg(st));
	if (codebook) {
		struct buf b = BUF_INIT;
		if (!refi_write_qdc(&p, &b))
			die("project %lld has no codes: a code book needs one at least", id);
		cmd_write_file(&b, output, false);
		buf_release(&b);
	} else {
		const char *err = refi_write_qdpx(&p, output);
		if (err)
			die("%s: %s", output, err);
	}
	out_json(json_pack("{s:I, s:s, s:I, s:I, s:I}", "project", (json_int_t)id, "output", output, "codes",
			   (json_int_t)p.ncodes, "sources", (json_int_t)(codebook ? 0 : p.nsources), "codings",
			   (json_int_t)(codebook ? 0 : refi_ncodings(&p))));
	arena_free(&a);
	store_close(st);
	return 0;
}

int cmd_qda(int argc, char **argv)
{
	if (argc < 2)
		cmd_usage("qda");
	if (!strcmp(argv[1], "text") && argc == 3)
		return qda_text(argv[2]);
	if (!strcmp(argv[1], "import"))
		return qda_import(argc - 1, argv + 1);
	if (!strcmp(argv[1], "export"))
		return qda_export(argc - 1, argv + 1, false);
	if (!strcmp(argv[1], "codebook"))
		return qda_export(argc - 1, argv + 1, true);
	struct arena a = ARENA_INIT;
	struct refi_project p;
	if (!strcmp(argv[1], "inspect") && argc == 3) {
		const char *err = refi_read_file(&a, argv[2], &p);
		if (err)
			die("%s: refused: %s", argv[2], err);
		out_json(inspect_json(&p));
	} else if (!strcmp(argv[1], "convert") && argc == 4) {
		const char *err = refi_read_file(&a, argv[2], &p);
		if (err)
			die("%s: refused: %s", argv[2], err);
		if (ends_with(argv[3], ".qdc")) {
			struct buf b = BUF_INIT;
			if (!refi_write_qdc(&p, &b))
				die("%s: no codes to write (a codebook needs one at least)", argv[2]);
			cmd_write_file(&b, argv[3], false);
			buf_release(&b);
		} else if (ends_with(argv[3], ".qdpx")) {
			if ((err = refi_write_qdpx(&p, argv[3])))
				die("%s: %s", argv[3], err);
		} else {
			cmd_usage("qda");
		}
	} else {
		cmd_usage("qda");
	}
	arena_free(&a);
	return 0;
}
