/* unit.c — `leergang unit add|list|rename|delete`: the organisation tree
 * from the command line, through the domain calls of the units pages. A
 * unit is named by its id or by its path from the root ("Afdeling B/T12"). */
#include "cmd.h"
#include "output.h"
#include "core/die.h"
#include "domain/unit.h"
#include "store/store.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

/* The unit named by an id or a path; dies when there is none. */
static long long unit_named(struct ctx *c, const char *name)
{
	if (!*name)
		die("name the unit by its id or its path");
	if (strspn(name, "0123456789") == strlen(name)) {
		long long id = cmd_number(name, "--unit", 1, (long long)1 << 53, "a unit's id");
		struct unit_view v;
		int d = unit_open(c, id, &v);
		if (d == D_NOTFOUND)
			die("no unit with id %lld in this organisation (see 'leergang unit list')", id);
		if (d)
			die("database: %s", store_errmsg(c->st));
		return id;
	}
	long long id = 0;
	int d = unit_ensure_path(c, name, false, &id);
	if (d == D_NOTFOUND || (!d && !id))
		die("no unit at '%s' in this organisation (see 'leergang unit list')", name);
	if (d)
		die("database: %s", store_errmsg(c->st));
	return id;
}

struct unit_args {
	const char *org, *name, *unit, *parent;
	enum out_format format;
};

static void parse(int argc, char **argv, struct unit_args *u)
{
	static const struct option opts[] = {
		{ "org", required_argument, 0, 'o' }, { "name", required_argument, 0, 'n' },
		{ "unit", required_argument, 0, 'u' }, { "parent", required_argument, 0, 'p' },
		{ "format", required_argument, 0, 'f' }, { 0, 0, 0, 0 } };
	*u = (struct unit_args){ .format = OUT_TEXT };
	int o;
	optind = 1;
	while ((o = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (o) {
		case 'o': u->org = optarg; break;
		case 'n': u->name = optarg; break;
		case 'u': u->unit = optarg; break;
		case 'p': u->parent = optarg; break;
		case 'f': u->format = out_format_from(optarg, "unit"); break;
		default: cmd_usage("unit");
		}
	}
	if (!u->org || optind != argc)
		cmd_usage("unit");
}

static int unit_add(struct ctx *c, const struct unit_args *u)
{
	if (!u->name || u->unit)
		cmd_usage("unit");
	long long parent = u->parent ? unit_named(c, u->parent) : 0, id;
	struct errors e = { 0 };
	int d = unit_create(c, parent, u->name, &e, &id);
	if (d == D_INVALID)
		cmd_die_errors(&e, "cannot add the unit");
	if (d)
		die("database: %s", store_errmsg(c->st));
	printf("unit %s added (id %lld)\n", u->name, id);
	return 0;
}

static int unit_list(struct ctx *c, const struct unit_args *u)
{
	if (u->name || u->unit || u->parent)
		cmd_usage("unit");
	struct unit_tree t;
	if (unit_tree_load(c, true, &t))
		die("database: %s", store_errmsg(c->st));
	static const char *const cols[] = { "id", "path", "parent_id", "manager_id", "people", "units", NULL };
	struct out out;
	out_begin(&out, u->format, cols);
	for (size_t i = 0; i < t.n; i++) {
		out_int(&out, t.units[i].id);
		out_str(&out, t.paths[i]);
		out_int(&out, t.units[i].parent_id);
		out_int(&out, t.units[i].manager_person_id);
		out_int(&out, t.units[i].people);
		out_int(&out, t.units[i].children);
		out_row(&out);
	}
	out_end(&out);
	return 0;
}

/* A new name, as the unit page's form: its place and manager stay. */
static int unit_rename_cmd(struct ctx *c, const struct unit_args *u)
{
	if (!u->unit || !u->name || u->parent)
		cmd_usage("unit");
	struct unit_view v;
	long long id = unit_named(c, u->unit);
	if (unit_open(c, id, &v))
		die("database: %s", store_errmsg(c->st));
	struct errors e = { 0 };
	int d = unit_update(c, id, u->name, v.u.parent_id, v.manager_employee_id ? v.manager_employee_id : "", &e);
	if (d == D_INVALID)
		cmd_die_errors(&e, "cannot rename the unit");
	if (d)
		die("database: %s", store_errmsg(c->st));
	printf("unit %lld renamed to %s\n", id, u->name);
	return 0;
}

static int unit_delete(struct ctx *c, const struct unit_args *u)
{
	if (!u->unit || u->name || u->parent)
		cmd_usage("unit");
	long long id = unit_named(c, u->unit);
	struct errors e = { 0 };
	int d = unit_remove(c, id, &e);
	if (d == D_CONFLICT)
		cmd_die_errors(&e, "cannot remove the unit");
	if (d)
		die("database: %s", store_errmsg(c->st));
	printf("unit %lld removed\n", id);
	return 0;
}

int cmd_unit(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(struct ctx *, const struct unit_args *);
	} subs[] = { { "add", unit_add }, { "list", unit_list }, { "rename", unit_rename_cmd }, { "delete", unit_delete } };
	if (argc < 2)
		cmd_usage("unit");
	for (size_t i = 0; i < sizeof(subs) / sizeof(subs[0]); i++) {
		if (strcmp(argv[1], subs[i].name))
			continue;
		struct unit_args u;
		parse(argc - 1, argv + 1, &u);
		struct store *st = cmd_open(false);
		struct arena a = ARENA_INIT;
		struct ctx c;
		struct actor w;
		cmd_ctx(&c, &w, st, &a, u.org);
		int r = subs[i].fn(&c, &u);
		arena_free(&a);
		store_close(st);
		return r;
	}
	cmd_usage("unit");
}
