/* spread_table.c — the spread table: which columns a period selects, where
 * each participant's department and team lie in the unit tree, the counts
 * per team and column (each person once per row and once in the total,
 * however many columns they are in), team leaders, and the cluster rule. */
#include "spread_table.h"
#include "audit.h"
#include "role.h"
#include "schedule.h"
#include "store_rc.h"
#include "core/i18n.h"
#include "store/spread.h"
#include "store/store.h"

#include <assert.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

bool spread_may_read(const struct ctx *c)
{
	return actor_has(c->who, ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_RESEARCHER) | ROLE_BIT(ROLE_OWNER));
}

bool spread_sees_names(const struct ctx *c)
{
	return actor_has(c->who, ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_RESEARCHER));
}

bool spread_by_parse(const char *s, enum spread_by *by)
{
	if (!s || !*s || !strcmp(s, "circle"))
		*by = SPREAD_BY_CIRCLE;
	else if (!strcmp(s, "batch"))
		*by = SPREAD_BY_BATCH;
	else if (!strcmp(s, "group"))
		*by = SPREAD_BY_GROUP;
	else
		return false;
	return true;
}

const char *spread_by_id(enum spread_by by)
{
	return by == SPREAD_BY_BATCH ? "batch" : by == SPREAD_BY_GROUP ? "group" : "circle";
}

void spread_period_start(const char *period, char out[11])
{
	out[0] = 0;
	if (!period)
		return;
	const char *y = period;
	while (*y && !(isdigit((unsigned char)y[0]) && isdigit((unsigned char)y[1]) && isdigit((unsigned char)y[2]) &&
		       isdigit((unsigned char)y[3])))
		y++;
	if (!*y)
		return;
	const char *month = "01";
	if (!strncmp(period, "vj", 2))
		month = "03";
	else if (!strncmp(period, "zo", 2))
		month = "06";
	else if (!strncmp(period, "nj", 2))
		month = "09";
	memcpy(out, y, 4);
	out[4] = '-';
	memcpy(out + 5, month, 2);
	memcpy(out + 7, "-01", 4);
}

int spread_name_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			while (*a == '0')
				a++;
			while (*b == '0')
				b++;
			size_t la = 0, lb = 0;
			while (isdigit((unsigned char)a[la]))
				la++;
			while (isdigit((unsigned char)b[lb]))
				lb++;
			if (la != lb)
				return la < lb ? -1 : 1;
			int r = strncmp(a, b, la);
			if (r)
				return r;
			a += la;
			b += lb;
			continue;
		}
		int ca = tolower((unsigned char)*a), cb = tolower((unsigned char)*b);
		if (ca != cb)
			return ca < cb ? -1 : 1;
		a++;
		b++;
	}
	return *a ? 1 : *b ? -1 : 0;
}

static const struct unit *unit_of(const struct unit *u, size_t n, long long id)
{
	for (size_t i = 0; id && i < n; i++)
		if (u[i].id == id)
			return &u[i];
	return NULL;
}

void spread_locate(const struct unit *units, size_t n, long long unit_id, long long *department, long long *row)
{
	*department = *row = 0;
	const struct unit *u = unit_of(units, n, unit_id), *below = NULL;
	/* up to the top; the unit just below it is the team (the guard stops a cycle) */
	for (size_t steps = 0; u && u->parent_id && steps <= n; steps++) {
		below = u;
		u = unit_of(units, n, u->parent_id);
	}
	if (!u || u->parent_id)
		return;   /* a parent outside the list, or a cycle */
	*department = u->id;
	*row = below ? below->id : u->id;
}

/* ---- the table ---- */

struct placed {
	size_t row, col;
	long long person;
	const char *name;
};

static int placed_cmp(const void *x, const void *y)
{
	const struct placed *a = x, *b = y;
	if (a->row != b->row)
		return a->row < b->row ? -1 : 1;
	if (a->person != b->person)
		return a->person < b->person ? -1 : 1;
	return a->col < b->col ? -1 : a->col > b->col;
}

static int column_cmp(const void *x, const void *y)
{
	const struct spread_column *a = x, *b = y;
	int r = strcmp(a->starts_on, b->starts_on);
	if (!r)
		r = spread_name_cmp(a->name, b->name);
	return r ? r : (a->id > b->id) - (a->id < b->id);
}

static int unit_ptr_cmp(const void *x, const void *y)
{
	const struct unit *const *a = x, *const *b = y;
	return spread_name_cmp((*a)->name, (*b)->name);
}

/* the rows in one flat list, each department's in a run */
struct rowref {
	size_t department, team;
};

static int select_columns(struct ctx *c, struct spread_table *t, const char *from, const char *to)
{
	struct spread_source *src;
	size_t n;
	int r = d_from_store(store_spread_columns(c->st, c->a, c->who->organisation_id, t->by, &src, &n));
	if (r)
		return r;
	t->columns = arena_alloc(c->a, (n + 1) * sizeof(*t->columns));
	t->ncolumns = 0;
	for (size_t i = 0; i < n; i++) {
		char start[11];
		if (t->by == SPREAD_BY_CIRCLE)
			spread_period_start(src[i].period, start);
		else
			start[0] = 0;
		const char *starts_on = *start ? arena_strdup(c->a, start) : src[i].first_on;
		if ((*from || *to) && !*starts_on)
			continue;
		if ((*from && strcmp(starts_on, from) < 0) || (*to && strcmp(starts_on, to) > 0))
			continue;
		t->columns[t->ncolumns++] = (struct spread_column){ .id = src[i].id, .name = src[i].name,
								     .period = src[i].period, .starts_on = starts_on };
	}
	qsort(t->columns, t->ncolumns, sizeof(*t->columns), column_cmp);
	for (size_t i = 0; i < t->ncolumns; i++) {
		bool shared = false;
		for (size_t k = 0; k < t->ncolumns && !shared; k++)
			shared = k != i && !strcmp(t->columns[k].name, t->columns[i].name);
		t->columns[i].key = shared ? arena_printf(c->a, "%s (%s)", t->columns[i].name, t->columns[i].period)
					   : t->columns[i].name;
	}
	/* two learning groups of the same name in batches of the same name (of
	 * two programmes) still share a key: their ids tell them apart, so the
	 * JSON's cells and the CSV's columns keep both */
	for (size_t i = 0; i < t->ncolumns; i++) {
		bool shared = false;
		for (size_t k = 0; k < t->ncolumns && !shared; k++)
			shared = k != i && !strcmp(t->columns[k].key, t->columns[i].key);
		if (shared)
			t->columns[i].key = arena_printf(c->a, "%s #%lld", t->columns[i].key, t->columns[i].id);
	}
	return D_OK;
}

/* Departments (top-level units) with all their teams, each with a row of
 * its own for the people directly in it (dropped later when empty), and
 * one for people without a unit. */
static void lay_out(struct ctx *c, struct spread_table *t, const struct unit *u, size_t nu)
{
	const struct unit **top = arena_alloc(c->a, (nu + 1) * sizeof(*top));
	size_t ntop = 0;
	for (size_t i = 0; i < nu; i++)
		if (!u[i].parent_id)
			top[ntop++] = &u[i];
	qsort(top, ntop, sizeof(*top), unit_ptr_cmp);
	t->departments = arena_alloc(c->a, (ntop + 1) * sizeof(*t->departments));
	t->ndepartments = ntop + 1;
	size_t nc = t->ncolumns;
	for (size_t d = 0; d <= ntop; d++) {
		struct spread_department *dp = &t->departments[d];
		const struct unit **kids = arena_alloc(c->a, (nu + 1) * sizeof(*kids));
		size_t nk = 0;
		if (d < ntop) {
			dp->name = top[d]->name;
			dp->unit_id = top[d]->id;
			for (size_t i = 0; i < nu; i++)
				if (u[i].parent_id == dp->unit_id)
					kids[nk++] = &u[i];
			qsort(kids, nk, sizeof(*kids), unit_ptr_cmp);
		} else {
			dp->name = _("Without a department");
		}
		dp->cells = arena_alloc(c->a, (nc + 1) * sizeof(long long));
		dp->teams = arena_alloc(c->a, (nk + 1) * sizeof(*dp->teams));
		dp->nteams = nk + 1;
		for (size_t k = 0; k <= nk; k++) {
			struct spread_row *row = &dp->teams[k];
			row->direct = k == 0;
			row->name = k ? kids[k - 1]->name : d < ntop ? _("(directly in the department)") : _("(no unit)");
			row->unit_id = k ? kids[k - 1]->id : dp->unit_id;
			row->cells = arena_alloc(c->a, (nc + 1) * sizeof(long long));
			if (t->names_shown)
				row->names = arena_alloc(c->a, (nc + 1) * sizeof(*row->names));
		}
	}
}

static struct rowref find_row(const struct spread_table *t, long long dept, long long row)
{
	size_t last = t->ndepartments - 1;
	for (size_t d = 0; d < last; d++) {
		if (t->departments[d].unit_id != dept)
			continue;
		for (size_t k = 1; k < t->departments[d].nteams; k++)
			if (t->departments[d].teams[k].unit_id == row)
				return (struct rowref){ d, k };
		return (struct rowref){ d, 0 };
	}
	return (struct rowref){ last, 0 };
}

/* Drops the rows of people directly in a department when nobody is there,
 * and the department of people without a unit when it is empty. */
static void drop_empty_direct(struct spread_table *t)
{
	for (size_t d = 0; d < t->ndepartments; d++) {
		struct spread_department *dp = &t->departments[d];
		if (!dp->teams[0].n) {
			dp->teams++;
			dp->nteams--;
		}
	}
	if (!t->departments[t->ndepartments - 1].n)
		t->ndepartments--;
}

/* Where participation clusters (leergang's own rule, said on the page):
 * a team with at least 3 participants and at least twice the mean of all
 * teams; a department with more than the mean of the departments. */
static void mark_clusters(struct spread_table *t)
{
	size_t nteams = 0, ndeps = 0;
	for (size_t d = 0; d < t->ndepartments; d++) {
		if (t->departments[d].unit_id)
			ndeps++;
		for (size_t k = 0; k < t->departments[d].nteams; k++)
			nteams++;
	}
	t->team_mean = nteams ? (double)t->total / (double)nteams : 0;
	t->department_mean = ndeps ? (double)t->total / (double)ndeps : 0;
	for (size_t d = 0; d < t->ndepartments; d++) {
		struct spread_department *dp = &t->departments[d];
		dp->clusters = dp->unit_id && dp->n > 0 && (double)dp->n > t->department_mean;
		for (size_t k = 0; k < dp->nteams; k++)
			dp->teams[k].clusters = dp->teams[k].n >= 3 && (double)dp->teams[k].n >= 2 * t->team_mean;
	}
}

int spread_table(struct ctx *c, const char *by, const char *from, const char *to, struct errors *e,
		 struct spread_table *t)
{
	assert(t);
	memset(t, 0, sizeof(*t));
	if (!spread_may_read(c))
		return D_FORBIDDEN;
	from = from ? from : "";
	to = to ? to : "";
	if (!spread_by_parse(by, &t->by))
		errors_add(c, e, "by", "%s", _("Choose by circle, by batch or by learning group."));
	if (*from && !date_valid(from))
		errors_add(c, e, "from", "%s", _("Enter the date as YYYY-MM-DD."));
	if (*to && !date_valid(to))
		errors_add(c, e, "to", "%s", _("Enter the date as YYYY-MM-DD."));
	if (!e->n && *from && *to && strcmp(from, to) > 0)
		errors_add(c, e, "to", "%s", _("The end date comes after the start date."));
	/* the owner's counts per department are over all periods: a period as
	 * short as one circle would give that circle's column per department,
	 * which the owner does not see (and one season after another, the
	 * whole table) */
	if (!e->n && (*from || *to) && !spread_sees_names(c))
		errors_add(c, e, "from", "%s",
			   _("Only the coordinator and the researcher choose a period: for a short period the counts per "
			     "department would point to the people of one circle."));
	if (e->n)
		return D_INVALID;
	t->from = from;
	t->to = to;
	t->names_shown = t->teams_shown = spread_sees_names(c);
	long long org = c->who->organisation_id;
	struct unit *u;
	size_t nu;
	struct spread_place *pl;
	size_t np;
	int r = select_columns(c, t, from, to);
	if (!r)
		r = d_from_store(store_unit_list(c->st, c->a, org, false, &u, &nu));
	if (!r)
		r = d_from_store(store_spread_places(c->st, c->a, org, t->by, &pl, &np));
	if (r)
		return r;
	lay_out(c, t, u, nu);

	/* each place at its row and column; places of columns left out dropped */
	struct placed *p = arena_alloc(c->a, (np + 1) * sizeof(*p));
	size_t n = 0;
	for (size_t i = 0; i < np; i++) {
		size_t col = t->ncolumns;
		for (size_t k = 0; k < t->ncolumns && col == t->ncolumns; k++)
			if (t->columns[k].id == pl[i].column_id)
				col = k;
		if (col == t->ncolumns)
			continue;
		long long dept, row;
		spread_locate(u, nu, pl[i].unit_id, &dept, &row);
		struct rowref rr = find_row(t, dept, row);
		p[n++] = (struct placed){ .row = rr.department * (nu + 2) + rr.team, .col = col,
					  .person = pl[i].person_id, .name = pl[i].name };
	}
	qsort(p, n, sizeof(*p), placed_cmp);
	for (size_t i = 0; i < n; i++) {
		struct spread_department *dp = &t->departments[p[i].row / (nu + 2)];
		struct spread_row *row = &dp->teams[p[i].row % (nu + 2)];
		const struct unit *team = row->direct ? NULL : unit_of(u, nu, row->unit_id);
		bool tl = team && team->manager_person_id == p[i].person;
		bool first = !i || p[i - 1].row != p[i].row || p[i - 1].person != p[i].person;
		if (first) {
			row->n++;
			dp->n++;
			t->total++;
			if (tl) {
				row->team_leaders++;
				dp->team_leaders++;
			}
		}
		row->cells[p[i].col]++;
		dp->cells[p[i].col]++;
		t->columns[p[i].col].total++;
		if (row->names) {
			struct spread_cell_names *cn = &row->names[p[i].col];
			cn->v = arena_grow(c->a, cn->v, cn->n, cn->n + 1, sizeof(*cn->v));
			cn->v[cn->n++] = (struct spread_name){ p[i].name, tl };
		}
	}
	drop_empty_direct(t);
	mark_clusters(t);
	if (!t->teams_shown) {
		/* the owner: counts per department, nothing finer */
		for (size_t d = 0; d < t->ndepartments; d++) {
			t->departments[d].teams = NULL;
			t->departments[d].nteams = 0;
			t->departments[d].cells = NULL;
			t->departments[d].team_leaders = 0;
		}
		for (size_t k = 0; k < t->ncolumns; k++)
			t->columns[k].total = 0;
	}
	return D_OK;
}

/* ---- as the API, the command line and the downloads give it ---- */

json_t *spread_table_json(const struct spread_table *t)
{
	json_t *cols = json_array(), *deps = json_array();
	for (size_t i = 0; i < t->ncolumns; i++)
		json_array_append_new(cols, json_pack("{s:s, s:s}", "name", t->columns[i].key, "period",
						      t->columns[i].period));
	for (size_t d = 0; d < t->ndepartments; d++) {
		const struct spread_department *dp = &t->departments[d];
		json_t *teams = json_array();
		for (size_t k = 0; k < dp->nteams; k++) {
			const struct spread_row *row = &dp->teams[k];
			json_t *cells = json_object();
			for (size_t i = 0; i < t->ncolumns; i++)
				json_object_set_new(cells, t->columns[i].key, json_integer(row->cells[i]));
			json_array_append_new(teams, json_pack("{s:s, s:I, s:I, s:o}", "name", row->name, "n",
							       (json_int_t)row->n, "team_leaders",
							       (json_int_t)row->team_leaders, "cells", cells));
		}
		json_array_append_new(deps, json_pack("{s:s, s:I, s:o}", "name", dp->name, "n", (json_int_t)dp->n,
						      "teams", teams));
	}
	return json_pack("{s:o, s:o, s:I}", "columns", cols, "departments", deps, "total", (json_int_t)t->total);
}

void spread_table_data(struct arena *a, const struct spread_table *t, struct data_table *out)
{
	memset(out, 0, sizeof(*out));
	size_t fixed = t->teams_shown ? 4 : 2, nc = fixed + (t->teams_shown ? t->ncolumns : 0);
	struct table_column *cols = arena_alloc(a, nc * sizeof(*cols));
	cols[0] = (struct table_column){ .name = _("department"), .label = "", .kind = "", .type = TABLE_TEXT };
	if (t->teams_shown) {
		cols[1] = (struct table_column){ .name = _("team"), .label = "", .kind = "", .type = TABLE_TEXT };
		cols[2] = (struct table_column){ .name = "n", .label = _("participants"), .kind = "", .type = TABLE_NUMBER,
						 .measure = TABLE_SCALE };
		cols[3] = (struct table_column){ .name = _("team_leaders"), .label = _("of them team leaders"),
						 .kind = "", .type = TABLE_NUMBER, .measure = TABLE_SCALE };
		for (size_t i = 0; i < t->ncolumns; i++)
			cols[fixed + i] = (struct table_column){ .name = t->columns[i].key, .label = t->columns[i].period,
								 .kind = "", .type = TABLE_NUMBER, .measure = TABLE_SCALE };
	} else {
		cols[1] = (struct table_column){ .name = "n", .label = _("participants"), .kind = "", .type = TABLE_NUMBER,
						 .measure = TABLE_SCALE };
	}
	size_t nrows = 0;
	for (size_t d = 0; d < t->ndepartments; d++)
		nrows += t->teams_shown ? t->departments[d].nteams : 1;
	struct table_cell *cells = arena_alloc(a, (nrows * nc + 1) * sizeof(*cells));
	size_t r = 0;
	for (size_t d = 0; d < t->ndepartments; d++) {
		const struct spread_department *dp = &t->departments[d];
		if (!t->teams_shown) {
			cells[r * nc] = (struct table_cell){ .text = dp->name };
			cells[r * nc + 1] = (struct table_cell){ .number = (double)dp->n };
			r++;
			continue;
		}
		for (size_t k = 0; k < dp->nteams; k++, r++) {
			struct table_cell *row = &cells[r * nc];
			row[0] = (struct table_cell){ .text = dp->name };
			row[1] = (struct table_cell){ .text = dp->teams[k].name };
			row[2] = (struct table_cell){ .number = (double)dp->teams[k].n };
			row[3] = (struct table_cell){ .number = (double)dp->teams[k].team_leaders };
			for (size_t i = 0; i < t->ncolumns; i++)
				row[fixed + i] = (struct table_cell){ .number = (double)dp->teams[k].cells[i] };
		}
	}
	out->title = _("Spread of participants");
	out->columns = cols;
	out->ncolumns = nc;
	out->cells = cells;
	out->nrows = nrows;
	out->missing_label = _("no answer");
	out->data_sheet = _("Data");
	out->labels_sheet = _("Labels");
	out->labels_head[0] = _("Variable");
	out->labels_head[1] = _("Question");
	out->labels_head[2] = _("Kind");
	out->labels_head[3] = _("Value labels");
}

int spread_export_record(struct ctx *c, const struct spread_table *t, const char *format, size_t rows)
{
	return audit(c, "spread.export", "organisation", c->who->organisation_id, "%s by %s, %s..%s, %zu rows", format,
		     spread_by_id(t->by), t->from, t->to, rows);
}
