/* api.c — the JSON API under /api/v1/: the same access rules and
 * organisation scoping as the pages; errors are objects with a message. */
#include "web.h"
#include "domain/organisation.h"
#include "domain/people_io.h"
#include "domain/person.h"
#include "domain/unit.h"

#include <string.h>
#include <strings.h>

json_t *api_unit_json(const struct unit *u, const char *path)
{
	return json_pack("{s:I, s:s, s:s, s:o, s:o, s:I, s:I}", "id", (json_int_t)u->id, "name", u->name, "path",
			 path ? path : u->name, "parent_id", u->parent_id ? json_integer(u->parent_id) : json_null(),
			 "manager_id", u->manager_person_id ? json_integer(u->manager_person_id) : json_null(), "people",
			 (json_int_t)u->people, "units", (json_int_t)u->children);
}

static json_t *person_json(const struct person *p, const struct unit_tree *t)
{
	const char *path = p->unit_id ? unit_tree_path(t, p->unit_id) : NULL;
	return json_pack("{s:I, s:s, s:s, s:s, s:o, s:o, s:o, s:s, s:b}", "id", (json_int_t)p->id, "employee_id",
			 p->employee_id, "name", p->name, "email", p->email, "unit_id",
			 p->unit_id ? json_integer(p->unit_id) : json_null(), "unit", path ? json_string(path) : json_null(),
			 "manager_id", p->manager_id ? json_integer(p->manager_id) : json_null(), "job_level", p->job_level,
			 "active", p->active);
}

void api_organisations(struct web *w)
{
	struct organisation o;
	if (organisation_own(&w->ctx, &o)) {
		web_json_error(w, 500, _("The organisation could not be read."));
		return;
	}
	/* only one's own organisation: the others are not even listed */
	web_json(w, 200, json_pack("{s:[{s:I, s:s, s:s}]}", "organisations", "id", (json_int_t)o.id, "slug", o.slug,
				   "name", o.name));
}

void api_units(struct web *w)
{
	struct unit_tree t;
	if (unit_tree_load(&w->ctx, true, &t)) {
		web_json_error(w, 500, _("The organisation could not be read."));
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < t.n; i++)
		json_array_append_new(arr, api_unit_json(&t.units[i], t.paths[i]));
	web_json(w, 200, json_pack("{s:o}", "units", arr));
}

void api_unit(struct web *w)
{
	struct unit_tree t;
	if (unit_tree_load(&w->ctx, true, &t)) {
		web_json_error(w, 500, _("The organisation could not be read."));
		return;
	}
	for (size_t i = 0; i < t.n; i++)
		if (t.units[i].id == w->id[0]) {
			web_json(w, 200, api_unit_json(&t.units[i], t.paths[i]));
			return;
		}
	web_json_error(w, 404, _("There is no unit with this number in your organisation."));
}

void api_people(struct web *w)
{
	struct person_filter f = { 0 };
	f.query = web_arg(w, "q");
	f.include_inactive = web_arg(w, "inactive") != NULL;
	if (!web_arg_checked(w, "unit", 0, 0, WEB_ID_MAX, &f.unit_id) ||
	    !web_arg_checked(w, "offset", 0, 0, WEB_ID_MAX, &f.offset) ||
	    !web_arg_checked(w, "limit", 100, 1, 1000, &f.limit))
		return;
	struct person *p;
	size_t n;
	long long total;
	struct unit_tree t;
	if (unit_tree_load(&w->ctx, false, &t) || person_list(&w->ctx, &f, &p, &n, &total)) {
		web_json_error(w, 500, _("The people could not be read."));
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, person_json(&p[i], &t));
	web_link_pages(w, f.offset, f.limit, total);
	web_json(w, 200, json_pack("{s:I, s:I, s:I, s:o}", "total", (json_int_t)total, "offset", (json_int_t)f.offset,
				   "limit", (json_int_t)f.limit, "people", arr));
}

void api_person(struct web *w)
{
	struct person p;
	struct unit_tree t;
	int r = person_get(&w->ctx, w->id[0], &p);
	if (r == D_NOTFOUND) {
		web_json_error(w, 404, _("There is no person with this number in your organisation."));
		return;
	}
	if (r || unit_tree_load(&w->ctx, false, &t)) {
		web_json_error(w, 500, _("The person could not be read."));
		return;
	}
	web_json(w, 200, person_json(&p, &t));
}

/* POST /api/v1/people/import[?dry_run=1] with the CSV file as the body. */
/* The report of an import or a sync, as the import page shows it. */
static void import_answer(struct web *w, const struct import_report *rep, bool apply, int d)
{
	if (d == D_ERROR) {
		web_json_error(w, 500, _("The import failed; nothing has changed."));
		return;
	}
	json_t *issues = json_array();
	for (size_t i = 0; i < rep->nissues; i++)
		json_array_append_new(issues, json_pack("{s:I, s:s, s:s, s:s, s:s}", "line", (json_int_t)rep->issues[i].line,
							"column", rep->issues[i].column, "header", rep->issues[i].header,
							"problem", rep->issues[i].problem, "fix", rep->issues[i].fix));
	json_t *changes = json_array();
	for (size_t i = 0; i < rep->nchanges; i++) {
		const struct import_change *x = &rep->changes[i];
		json_array_append_new(changes, json_pack("{s:o, s:s, s:s, s:s, s:s}", "line",
							 x->line ? json_integer((json_int_t)x->line) : json_null(),
							 "employee_id", x->employee_id, "name", x->name, "change", x->change,
							 "fields", x->fields));
	}
	json_t *body = json_pack("{s:b, s:b, s:I, s:I, s:I, s:I, s:I, s:I, s:o, s:o}", "applied", apply && d == D_OK,
				 "dry_run", !apply, "rows", (json_int_t)rep->rows, "created", (json_int_t)rep->created,
				 "updated", (json_int_t)rep->updated, "unchanged", (json_int_t)rep->unchanged,
				 "units_created", (json_int_t)rep->units_created, "deactivated",
				 (json_int_t)rep->deactivated, "changes", changes, "issues", issues);
	if (d == D_INVALID)
		json_object_set_new(body, "error",
				    web_error_object(422, _("Nothing has been imported: solve the issues first."), NULL));
	web_json(w, d == D_INVALID ? 422 : 200, body);
}

static bool dry_run(struct web *w)
{
	const char *dry = web_arg(w, "dry_run");
	return dry && (!strcmp(dry, "1") || !strcmp(dry, "true"));
}

void api_import(struct web *w)
{
	bool apply = !dry_run(w);
	if (!w->r->body_len) {
		web_json_error(w, 400, _("Send the CSV file as the body of the request."));
		return;
	}
	struct import_report rep;
	int d = people_import(&w->ctx, w->r->body, w->r->body_len, NULL, apply, &rep);
	import_answer(w, &rep, apply, d);
}

void api_people_sync(struct web *w)
{
	bool apply = !dry_run(w);
	const char *data = w->r->body;
	size_t len = w->r->body_len;
	if (!len) {
		web_json_error(w, 400, _("Send the whole export of the HR system as the body: CSV, or JSON with \"people\"."));
		return;
	}
	/* JSON by its content type, or by its first character */
	size_t lead = strspn(data, " \t\r\n");
	if (!strncasecmp(w->r->content_type, "application/json", 16) || (lead < len && (data[lead] == '{' || data[lead] == '['))) {
		char *csv;
		const char *why = NULL;
		if (people_csv_from_json(&w->ctx, data, len, &csv, &len, &why)) {
			web_json_error(w, 400, why);
			return;
		}
		data = csv;
	}
	struct import_report rep;
	int d = people_sync(&w->ctx, data, len, apply, &rep);
	import_answer(w, &rep, apply, d);
}
