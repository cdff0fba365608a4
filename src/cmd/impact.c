/* impact.c — `leergang impact show|set`: a programme's impact map read
 * (as text or as the API's JSON) or put in place as a whole from a file
 * in the API's POST form, through the same domain calls as the pages and
 * the API (domain/impact.h), acting as the command line in --org. */
#include "cmd.h"
#include "core/die.h"
#include "core/i18n.h"
#include "domain/impact.h"
#include "store/store.h"

#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct impact_args {
	const char *org, *format, *file;
	long long programme;
};

static void parse(int argc, char **argv, struct impact_args *x, bool set)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' },
					      { "programme", required_argument, 0, 'p' },
					      { "format", required_argument, 0, 'F' },
					      { "file", required_argument, 0, 'f' },
					      { 0, 0, 0, 0 } };
	*x = (struct impact_args){ .format = "text" };
	int o;
	optind = 1;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (o == 'o') x->org = optarg;
		else if (o == 'p') x->programme = cmd_number(optarg, "--programme", 1, LLONG_MAX / 2, NULL);
		else if (o == 'F' && !set) x->format = optarg;
		else if (o == 'f' && set) x->file = optarg;
		else cmd_usage("impact");
	}
	if (!x->org || !x->programme || optind != argc || (set && !x->file) ||
	    (strcmp(x->format, "text") && strcmp(x->format, "json")))
		cmd_usage("impact");
}

static void print_text(struct ctx *c, const struct impact_map *m)
{
	printf("%s: %s\n", _("Impact map"), m->programme_name);
	for (int l = 0; l < IMPACT_LEVELS; l++) {
		printf("\n%s\n", _(impact_levels[l].name));
		size_t k = 0;
		for (size_t i = 0; i < m->n; i++) {
			const struct impact_entry *e = &m->entries[i];
			if (strcmp(e->o.level, impact_levels[l].key))
				continue;
			k++;
			printf("- %s\n  %s: %s%s%s\n  %s: %s\n", e->o.text, _("Evidence"),
			       impact_evidence_kind_label(e->ev.kind), e->ev.label ? ": " : "", e->ev.label ? e->ev.label : "",
			       _("Figures"), impact_evidence_figures(c, &e->ev));
		}
		if (!k)
			printf("  %s\n", _("Nothing on this level yet."));
	}
}

static int impact_show(struct ctx *c, const struct impact_args *x)
{
	struct impact_map m;
	int d = impact_map_get(c, x->programme, &m);
	if (d == D_NOTFOUND)
		die("no programme %lld in %s", x->programme, x->org);
	if (d)
		die("the impact map could not be read: %s", store_errmsg(c->st));
	if (!strcmp(x->format, "json")) {
		json_t *j = impact_map_json(c, &m);
		/* the API's precision, so both print the same figures */
		char *s = json_dumps(j, JSON_INDENT(2) | JSON_ENSURE_ASCII | JSON_REAL_PRECISION(15));
		json_decref(j);
		if (!s)
			die("the JSON could not be made");
		puts(s);
		free(s);
	} else {
		print_text(c, &m);
	}
	return 0;
}

static int impact_set(struct ctx *c, const struct impact_args *x)
{
	json_error_t err;
	json_t *j = json_load_file(x->file, 0, &err);
	if (!j)
		die("%s: not JSON (line %d: %s)", x->file, err.line, err.text);
	json_t *list = json_object_get(j, "outcomes");
	if (!json_is_array(list))
		die("%s: %s", x->file, _("Send the outcomes as a list under \"outcomes\"."));
	size_t n = json_array_size(list);
	struct impact_input *in = arena_alloc(c->a, (n + 1) * sizeof(*in));
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_array_get(list, i);
		const char *f[3] = { "level", "text", "evidence" };
		const char *v[3] = { 0 };
		for (int k = 0; k < 3; k++) {
			json_t *s = json_object_get(o, f[k]);
			v[k] = json_is_string(s) ? arena_strdup(c->a, json_string_value(s)) : NULL;
		}
		in[i] = (struct impact_input){ v[0], v[1], v[2] };
	}
	json_decref(j);
	struct errors e = { 0 };
	int d = impact_map_replace(c, x->programme, in, n, &e);
	if (d == D_NOTFOUND)
		die("no programme %lld in %s", x->programme, x->org);
	if (d == D_INVALID) {
		/* every mistake with where it is; nothing was changed */
		for (size_t i = 0; i < e.n; i++)
			fprintf(stderr, "leergang: %s: %s\n", e.items[i].field, e.items[i].message);
		die("the impact map was not changed");
	}
	if (d)
		die("the impact map could not be saved: %s", store_errmsg(c->st));
	printf("%zu outcomes\n", n);
	return 0;
}

int cmd_impact(int argc, char **argv)
{
	if (argc < 2 || (strcmp(argv[1], "show") && strcmp(argv[1], "set")))
		cmd_usage("impact");
	bool set = !strcmp(argv[1], "set");
	struct impact_args x;
	parse(argc - 1, argv + 1, &x, set);
	struct store *st = cmd_open(false);
	struct arena a = ARENA_INIT;
	struct ctx c;
	struct actor w;
	cmd_ctx(&c, &w, st, &a, x.org);
	i18n_use(LANG_NL);
	int r = set ? impact_set(&c, &x) : impact_show(&c, &x);
	arena_free(&a);
	store_close(st);
	return r;
}
