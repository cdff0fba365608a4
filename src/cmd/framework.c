/* framework.c — `leergang framework list|show|element add`: the
 * organisation's frameworks, one framework's elements as a tree, and an
 * element of the organisation's own added, through the same domain calls
 * as the frameworks pages and the API. */
#include "cmd.h"
#include "output.h"
#include "core/die.h"
#include "domain/framework.h"
#include "domain/organisation.h"
#include "store/store.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The organisation opened, its built-in frameworks installed when it
 * lacks them (as the server's start would). */
static void open_org(struct cmd_org *o, const char *org)
{
	cmd_org_open(o, org);
	if (organisation_frameworks_complete(o->st, &o->a))
		die("database: %s", store_errmsg(o->st));
}

/* The framework named by its key or its number, with its elements. */
static void find_framework(struct cmd_org *o, const char *org, const char *which, struct framework_view *v)
{
	long long id = 0;
	if (which[strspn(which, "0123456789")] == '\0') {
		id = cmd_number(which, "--framework", 1, 1LL << 53, "the framework's number");
	} else {
		struct framework *f;
		size_t n;
		if (framework_list(&o->c, &f, &n))
			die("database: %s", store_errmsg(o->st));
		for (size_t i = 0; i < n && !id; i++)
			if (f[i].key && !strcmp(f[i].key, which))
				id = f[i].id;
	}
	int r = id ? framework_open(&o->c, id, v) : D_NOTFOUND;
	if (r == D_NOTFOUND)
		die("no framework %s in %s", which, org);
	if (r)
		die("database: %s", store_errmsg(o->st));
}

static int list(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' },
					       { "format", required_argument, 0, 'f' }, { 0, 0, 0, 0 } };
	const char *org = NULL, *format = "text";
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'o') org = optarg;
		else if (c == 'f') format = optarg;
		else cmd_usage("framework");
	}
	if (!org || optind != argc)
		cmd_usage("framework");
	enum out_format fmt = out_format_from(format, "framework");
	struct cmd_org o;
	open_org(&o, org);
	struct framework *f;
	size_t n;
	if (framework_list(&o.c, &f, &n))
		die("database: %s", store_errmsg(o.st));
	static const char *const cols[] = { "id", "key", "name", "elements", "source", NULL };
	struct out out;
	out_begin(&out, fmt, cols);
	for (size_t i = 0; i < n; i++) {
		out_int(&out, f[i].id);
		out_str(&out, f[i].key ? f[i].key : "");
		out_str(&out, f[i].name);
		out_int(&out, f[i].elements);
		out_str(&out, f[i].source ? f[i].source : "");
		out_row(&out);
	}
	out_end(&out);
	cmd_org_close(&o);
	return 0;
}

static int show(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' },
					       { "framework", required_argument, 0, 'k' },
					       { "format", required_argument, 0, 'f' }, { 0, 0, 0, 0 } };
	const char *org = NULL, *which = NULL, *format = "text";
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'o') org = optarg;
		else if (c == 'k') which = optarg;
		else if (c == 'f') format = optarg;
		else cmd_usage("framework");
	}
	if (!org || !which || optind != argc)
		cmd_usage("framework");
	enum out_format fmt = out_format_from(format, "framework");
	struct cmd_org o;
	open_org(&o, org);
	struct framework_view v;
	find_framework(&o, org, which, &v);
	static const char *const cols[] = { "id", "parent_id", "depth", "code", "name", "kind", "synonyms", "source", NULL };
	struct out out;
	out_begin(&out, fmt, cols);
	for (size_t i = 0; i < v.nelements; i++) {
		const struct framework_element *e = &v.elements[i];
		out_int(&out, e->id);
		out_int(&out, e->parent_id);
		out_int(&out, e->depth);
		out_str(&out, e->code);
		out_str(&out, e->name);
		out_str(&out, e->kind ? e->kind : "");
		out_str(&out, e->synonyms ? e->synonyms : "");
		out_str(&out, e->source ? e->source : "");
		out_row(&out);
	}
	out_end(&out);
	cmd_org_close(&o);
	return 0;
}

static int element_add(int argc, char **argv)
{
	static const struct option opts[] = { { "org", required_argument, 0, 'o' },
					       { "framework", required_argument, 0, 'k' },
					       { "code", required_argument, 0, 'c' },
					       { "name", required_argument, 0, 'n' },
					       { "kind", required_argument, 0, 't' },
					       { "parent", required_argument, 0, 'p' },
					       { "description", required_argument, 0, 'd' }, { 0, 0, 0, 0 } };
	const char *org = NULL, *which = NULL, *parent = NULL;
	struct framework_element e = { 0 };
	e.code = e.name = e.kind = e.description = (char *)"";
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'o') org = optarg;
		else if (c == 'k') which = optarg;
		else if (c == 'c') e.code = optarg;
		else if (c == 'n') e.name = optarg;
		else if (c == 't') e.kind = optarg;
		else if (c == 'p') parent = optarg;
		else if (c == 'd') e.description = optarg;
		else cmd_usage("framework");
	}
	if (!org || !which || optind != argc)
		cmd_usage("framework");
	struct cmd_org o;
	open_org(&o, org);
	struct framework_view v;
	find_framework(&o, org, which, &v);
	e.framework_id = v.f.id;
	for (size_t i = 0; parent && i < v.nelements && !e.parent_id; i++)
		if (!strcmp(v.elements[i].code, parent))
			e.parent_id = v.elements[i].id;
	if (parent && !e.parent_id)
		die("no element with code %s in %s", parent, v.f.name);
	struct errors errs = { 0 };
	long long id = 0;
	int r = framework_element_save(&o.c, &e, &errs, &id);
	if (r == D_INVALID)
		cmd_die_errors(&errs, "the element was not added");
	if (r)
		die("the element could not be added: %s", store_errmsg(o.st));
	printf("%lld\n", id);
	cmd_org_close(&o);
	return 0;
}

int cmd_framework(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "list"))
		return list(argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "show"))
		return show(argc - 1, argv + 1);
	if (argc >= 3 && !strcmp(argv[1], "element") && !strcmp(argv[2], "add"))
		return element_add(argc - 2, argv + 2);
	cmd_usage("framework");
}
