/* catalogue.c — `leergang catalogue list --org SLUG [--format text|csv|json]`
 * (the organisation's learning forms with their 70/20/10 place, aim, social
 * and the source of those values) and `leergang catalogue match --org SLUG
 * --what W --who W --where W --how W [--format text|csv|json]` (the forms
 * ranked for the answers, best first, each with its score and why, in
 * Dutch as the forms' names are), and `leergang catalogue examples [--form
 * KEY] [--theme T] [--organisation T] [--format text|csv|json]` (the
 * register of seed 004's practice examples). */
#include "cmd.h"
#include "output.h"
#include "core/die.h"
#include "core/i18n.h"
#include "domain/catalogue.h"
#include "domain/practice.h"
#include "domain/organisation.h"
#include "store/store.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void list(struct ctx *c, enum out_format f)
{
	struct learning_form *forms;
	size_t n;
	if (catalogue_list(c, &forms, &n))
		die("database: %s", store_errmsg(c->st));
	if (f == OUT_JSON) {
		out_json(catalogue_forms_json(forms, n));
		return;
	}
	static const char *const cols[] = { "key", "name", "seventy_twenty_ten", "aim", "social", "source", NULL };
	struct out out;
	out_begin(&out, f, cols);
	for (size_t i = 0; i < n; i++) {
		out_str(&out, forms[i].key);
		out_str(&out, forms[i].name);
		out_int(&out, forms[i].seventy_twenty_ten);
		out_str(&out, forms[i].aim);
		out_bool(&out, forms[i].social);
		out_str(&out, forms[i].source);
		out_row(&out);
	}
	out_end(&out);
}

static void match(struct ctx *c, const char *const q[CQ_COUNT], enum out_format f)
{
	for (int i = 0; i < CQ_COUNT; i++)
		if (!catalogue_answer_valid((enum catalogue_question)i, q[i])) {
			struct buf b;
			buf_init(&b, 64);
			for (const char *const *a = catalogue_answers[i]; *a; a++)
				buf_addf(&b, "%s%s", b.len ? "|" : "", *a);
			die("--%s must be one of %s, not '%s'", catalogue_question_key[i], b.ptr,
			    q[i] ? q[i] : "");
		}
	struct errors errs = { 0 };
	struct catalogue_match *m;
	size_t n;
	/* the why is Dutch, as the form names are, whatever the command line speaks */
	enum lang was = i18n_current();
	i18n_use(LANG_NL);
	int d = catalogue_match(c, q, &errs, &m, &n);
	i18n_use(was);
	if (d == D_INVALID)
		cmd_die_errors(&errs, "catalogue match");
	if (d)
		die("database: %s", store_errmsg(c->st));
	if (f == OUT_JSON) {
		out_json(catalogue_matches_json(m, n));
		return;
	}
	static const char *const cols[] = { "key", "name", "score", "why", NULL };
	struct out out;
	out_begin(&out, f, cols);
	for (size_t i = 0; i < n; i++) {
		out_str(&out, m[i].form->key);
		out_str(&out, m[i].form->name);
		out_int(&out, m[i].score);
		out_str(&out, m[i].why);
		out_row(&out);
	}
	out_end(&out);
}

/* `catalogue examples`: the seed's 18 without --org; with it, the
 * organisation's own after them. */
static int examples(int argc, char **argv)
{
	static const struct option opts[] = { { "form", required_argument, 0, 'm' },
					       { "theme", required_argument, 0, 't' },
					       { "organisation", required_argument, 0, 'g' },
					       { "org", required_argument, 0, 'o' },
					       { "format", required_argument, 0, 'f' }, { 0, 0, 0, 0 } };
	struct practice_query q = { 0 };
	const char *org = NULL;
	enum out_format f = OUT_TEXT;
	int o;
	optind = 1;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'm') q.form = optarg;
		else if (o == 't') q.theme = optarg;
		else if (o == 'g') q.organisation = optarg;
		else if (o == 'o') org = optarg;
		else if (o == 'f') f = out_format_from(optarg, "catalogue");
		else cmd_usage("catalogue");
	}
	if (optind != argc)
		cmd_usage("catalogue");
	struct arena a = ARENA_INIT;
	const struct practice_example **e;
	size_t n;
	struct store *st = NULL;
	if (org) {
		st = cmd_open(false);
		struct ctx c;
		struct actor w;
		cmd_ctx(&c, &w, st, &a, org);
		if (practice_find(&c, &q, &e, &n))
			die("database: %s", store_errmsg(st));
	} else {
		practice_search(&a, builtin_practice_examples, builtin_npractice_examples, &q, &e, &n);
	}
	if (f == OUT_JSON) {
		out_json(practice_json(e, n));
	} else {
		static const char *const cols[] = { "number", "organisation", "forms", "themes", "source", NULL };
		struct out out;
		out_begin(&out, f, cols);
		for (size_t i = 0; i < n; i++) {
			if (e[i]->number)
				out_int(&out, e[i]->number);
			else
				out_str(&out, "");
			out_str(&out, e[i]->organisation);
			out_str(&out, e[i]->forms);
			out_str(&out, e[i]->themes);
			out_str(&out, e[i]->source);
			out_row(&out);
		}
		out_end(&out);
	}
	arena_free(&a);
	if (st)
		store_close(st);
	return 0;
}

int cmd_catalogue(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' },
					       { "format", required_argument, 0, 'f' },
					       { "what", required_argument, 0, CQ_WHAT + 1 },
					       { "who", required_argument, 0, CQ_WHO + 1 },
					       { "where", required_argument, 0, CQ_WHERE + 1 },
					       { "how", required_argument, 0, CQ_HOW + 1 },
					       { 0, 0, 0, 0 } };
	if (argc >= 2 && !strcmp(argv[1], "examples"))
		return examples(argc - 1, argv + 1);
	if (argc < 2 || (strcmp(argv[1], "list") && strcmp(argv[1], "match")))
		cmd_usage("catalogue");
	bool is_match = !strcmp(argv[1], "match");
	argc--, argv++;
	const char *org = NULL, *q[CQ_COUNT] = { 0 };
	bool asked = false;
	enum out_format f = OUT_TEXT;
	int o;
	optind = 1;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') org = optarg;
		else if (o == 'f') f = out_format_from(optarg, "catalogue");
		else if (o >= 1 && o <= CQ_COUNT) q[o - 1] = optarg, asked = true;
		else cmd_usage("catalogue");
	}
	if (!org || optind != argc || (asked && !is_match))
		cmd_usage("catalogue");
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	if (organisation_frameworks_complete(st, &a))
		die("database: %s", store_errmsg(st));
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, org);
	if (is_match)
		match(&c, q, f);
	else
		list(&c, f);
	arena_free(&a);
	store_close(st);
	return 0;
}
