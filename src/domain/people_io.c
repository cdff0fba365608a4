/* people_io.c — import and export of people as CSV. */
#include "people_io.h"
#include "audit.h"
#include "person.h"
#include "store_rc.h"
#include "validate.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "formats/csv.h"
#include "store/store.h"

#include <stdarg.h>
#include <stdlib.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const struct {
	const char *id, *label;
	const char *aliases[6];
} fields[IMPORT_FIELDS] = {
	[IF_EMPLOYEE_ID] = { "employee_id", N_("Employee number"),
			     { "personeelsnummer", "personeelsnr", "medewerkernummer", "employee number", "pnr", 0 } },
	[IF_NAME] = { "name", N_("Name"), { "naam", "volledige naam", "full name", 0 } },
	[IF_EMAIL] = { "email", N_("E-mail"), { "e-mail", "e-mailadres", "emailadres", "mail", 0 } },
	[IF_UNIT] = { "unit", N_("Unit"), { "afdeling", "organisatieonderdeel", "eenheid", "team", "department", 0 } },
	[IF_MANAGER] = { "manager_employee_id", N_("Manager (employee number)"),
			 { "leidinggevende", "manager", "personeelsnummer leidinggevende", 0 } },
	[IF_JOB_LEVEL] = { "job_level", N_("Job level"), { "functieniveau", "schaal", "functie", "level", 0 } },
	[IF_ACTIVE] = { "active", N_("Active"), { "actief", "in dienst", 0 } },
};

const char *import_field_id(enum import_field f)
{
	return fields[f].id;
}

const char *import_field_label(enum import_field f)
{
	return _(fields[f].label);
}

static int by_line(const void *x, const void *y)
{
	const struct import_issue *a = x, *b = y;
	return (a->line > b->line) - (a->line < b->line);
}

static void issue(struct ctx *c, struct import_report *rep, size_t line, const char *column, const char *fix,
		  const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void issue(struct ctx *c, struct import_report *rep, size_t line, const char *column, const char *fix,
		  const char *fmt, ...)
{
	if (rep->nissues == rep->issues_cap) {
		size_t cap = rep->issues_cap ? rep->issues_cap * 2 : 16;
		rep->issues = arena_grow(c->a, rep->issues, rep->nissues, cap, sizeof(*rep->issues));
		rep->issues_cap = cap;
	}
	struct buf b = BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	struct import_issue *i = &rep->issues[rep->nissues++];
	i->line = line;
	i->column = column ? column : "";
	i->header = i->column;
	/* for people, the column as the file names it */
	for (int f = 0; f < IMPORT_FIELDS && column; f++)
		if (!strcmp(column, fields[f].id) && rep->map[f] >= 0 && rep->headers &&
		    (size_t)rep->map[f] < rep->ncols && *rep->headers[rep->map[f]])
			i->header = rep->headers[rep->map[f]];
	i->problem = arena_strndup(c->a, b.ptr, b.len);
	i->fix = arena_strdup(c->a, fix);
	buf_release(&b);
}

static bool header_is(const char *h, int f)
{
	if (!strcasecmp(h, fields[f].id))
		return true;
	for (int k = 0; fields[f].aliases[k]; k++)
		if (!strcasecmp(h, fields[f].aliases[k]))
			return true;
	return false;
}

static void find_columns(struct ctx *c, struct import_report *rep, const int *map)
{
	for (int f = 0; f < IMPORT_FIELDS; f++) {
		rep->map[f] = -1;
		if (map && map[f] >= 0 && (size_t)map[f] < rep->ncols) {
			rep->map[f] = map[f];
			continue;
		}
		for (size_t k = 0; k < rep->ncols; k++)
			if (header_is(rep->headers[k], f)) {
				rep->map[f] = (int)k;
				break;
			}
	}
	for (int f = IF_EMPLOYEE_ID; f <= IF_NAME; f++)
		if (rep->map[f] < 0)
			issue(c, rep, 1, fields[f].id,
			      _("Add this column to the file, or choose below which column holds it."),
			      _("The column \"%s\" is missing."), fields[f].id);
}

/* One data row, trimmed, with its line. */
struct row {
	size_t line;
	char *v[IMPORT_FIELDS];
	int active;
	long long person_id;    /* after applying */
};

static char *cell(struct ctx *c, const struct csv_row *r, int col)
{
	if (col < 0 || (size_t)col >= r->n)
		return "";
	char *v = str_trim(arena_strdup(c->a, r->fields[col]));
	/* the apostrophe that people_csv() puts before a would-be formula, or
	 * before a value that starts with such an apostrophe itself */
	const char *rest = v[0] == '\'' ? v + 1 + (v[1] == '\'') : "";
	if (*rest && strchr("=+-@", *rest))
		v++;
	return v;
}

static int parse_active(const char *v)
{
	static const char *const yes[] = { "", "1", "ja", "j", "yes", "y", "true", "waar", "actief", 0 };
	static const char *const no[] = { "0", "nee", "n", "no", "false", "onwaar", "inactief", 0 };
	for (int i = 0; yes[i]; i++)
		if (!strcasecmp(v, yes[i]))
			return 1;
	for (int i = 0; no[i]; i++)
		if (!strcasecmp(v, no[i]))
			return 0;
	return -1;
}

static bool text_ok(const char *v, size_t max)
{
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return false;
	return utf8_length(v) <= max;
}

static void check_row(struct ctx *c, struct import_report *rep, struct row *row)
{
	const char *col_id = fields[IF_EMPLOYEE_ID].id;
	if (!*row->v[IF_EMPLOYEE_ID])
		issue(c, rep, row->line, col_id, _("Fill in the employee number; it is how leergang recognises a person."),
		      "%s", _("The employee number is empty."));
	else if (!text_ok(row->v[IF_EMPLOYEE_ID], EMPLOYEE_ID_MAX))
		issue(c, rep, row->line, col_id, _("Use at most 64 characters without line breaks or tabs."),
		      "%s", _("The employee number is too long or holds control characters."));
	if (!*row->v[IF_NAME])
		issue(c, rep, row->line, fields[IF_NAME].id, _("Fill in the person's name."), "%s", _("The name is empty."));
	else if (!text_ok(row->v[IF_NAME], PERSON_NAME_MAX))
		issue(c, rep, row->line, fields[IF_NAME].id, _("Use at most 200 characters without line breaks or tabs."),
		      "%s", _("The name is too long or holds line breaks."));
	if (*row->v[IF_EMAIL] && !email_plausible(row->v[IF_EMAIL]))
		issue(c, rep, row->line, fields[IF_EMAIL].id,
		      _("Correct the address (name@organisation.nl) or leave the cell empty."),
		      _("\"%s\" is not an e-mail address."), row->v[IF_EMAIL]);
	if (!text_ok(row->v[IF_JOB_LEVEL], JOB_LEVEL_MAX))
		issue(c, rep, row->line, fields[IF_JOB_LEVEL].id, _("Use at most 64 characters."),
		      "%s", _("The job level is too long."));
	if (*row->v[IF_UNIT]) {
		bool ok = text_ok(row->v[IF_UNIT], 1000);
		/* every level of the path must be a valid unit name */
		for (const char *p = row->v[IF_UNIT]; ok && *p;) {
			size_t n = strcspn(p, "/"), chars = 0;
			for (size_t k = 0; k < n; k++)
				chars += ((unsigned char)p[k] & 0xC0) != 0x80;
			if (chars > UNIT_NAME_MAX)
				ok = false;
			p += n + (p[n] == '/');
		}
		if (!ok)
			issue(c, rep, row->line, fields[IF_UNIT].id,
			      _("Write the unit as a path of names separated by '/', such as \"Operations/Team North\", each name at most 120 characters."),
			      "%s", _("The unit cannot be read."));
	}
	row->active = parse_active(row->v[IF_ACTIVE]);
	if (row->active < 0)
		issue(c, rep, row->line, fields[IF_ACTIVE].id, _("Write 1 or ja for active, 0 or nee for no longer active."),
		      _("\"%s\" is not a yes or no."), row->v[IF_ACTIVE]);
}

static bool same(const char *a, const char *b)
{
	return !strcmp(a ? a : "", b ? b : "");
}

/* Rows sorted by employee number (then line), for duplicate and manager
 * look-ups in O(n log n): HR files can hold tens of thousands of people. */
static int by_number(const void *x, const void *y)
{
	const struct row *a = *(const struct row *const *)x, *b = *(const struct row *const *)y;
	int d = strcmp(a->v[IF_EMPLOYEE_ID], b->v[IF_EMPLOYEE_ID]);
	return d ? d : (a->line > b->line) - (a->line < b->line);
}

static struct row **sorted_rows(struct ctx *c, struct row *rows, size_t n)
{
	struct row **idx = arena_alloc(c->a, (n + 1) * sizeof(*idx));
	for (size_t i = 0; i < n; i++)
		idx[i] = &rows[i];
	qsort(idx, n, sizeof(*idx), by_number);
	return idx;
}

static bool in_file(struct row **idx, size_t n, const char *number)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = strcmp(idx[mid]->v[IF_EMPLOYEE_ID], number);
		if (!d)
			return true;
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static void check_duplicates(struct ctx *c, struct import_report *rep, struct row **idx, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (*idx[i]->v[IF_EMPLOYEE_ID] && !strcmp(idx[i]->v[IF_EMPLOYEE_ID], idx[i - 1]->v[IF_EMPLOYEE_ID]))
			issue(c, rep, idx[i]->line, fields[IF_EMPLOYEE_ID].id,
			      _("Every person may appear only once: remove one of the two lines or correct the number."),
			      _("Employee number %s is also on line %zu."), idx[i]->v[IF_EMPLOYEE_ID], idx[i - 1]->line);
}

/* Every manager number must be someone in the file or in the organisation,
 * and not the person themself; checked before anything is written, so that
 * the report names every problem at once. */
static void check_managers(struct ctx *c, struct import_report *rep, struct row *rows, size_t n, struct row **idx,
			   bool lines_left_out)
{
	if (rep->map[IF_MANAGER] < 0)
		return;
	for (size_t i = 0; i < n; i++) {
		const char *m = rows[i].v[IF_MANAGER];
		if (!*m)
			continue;
		if (!strcmp(m, rows[i].v[IF_EMPLOYEE_ID])) {
			issue(c, rep, rows[i].line, fields[IF_MANAGER].id,
			      _("Fill in the number of the person's manager, or leave the cell empty."),
			      "%s", _("A person cannot be their own manager."));
			continue;
		}
		bool found = in_file(idx, n, m);
		struct person p;
		/* the manager may be on a line that could not be read */
		if (!found && !lines_left_out && d_from_store(store_person_by_employee_id(c->st, c->a, c->who->organisation_id, m, &p)) != D_OK)
			issue(c, rep, rows[i].line, fields[IF_MANAGER].id,
			      _("Use the employee number of someone in the file or already in leergang, or leave the cell empty."),
			      _("No one has employee number %s."), m);
	}
}

/* The value of field f for the row: the file's when the column is there,
 * else the old value (or the default for a new person). */
static const char *value(const struct import_report *rep, const struct row *r, int f, const char *old)
{
	return rep->map[f] >= 0 ? r->v[f] : (old ? old : "");
}

/* Writes the rows: units and people first, then the managers, who may be
 * further down the file. */
/* What changed on a row (apply_rows), for the report's list. */
enum { CH_CREATED = 1, CH_NAME = 2, CH_EMAIL = 4, CH_JOB = 8, CH_ACTIVE = 16, CH_UNIT = 32, CH_MANAGER = 64 };

static void list_changes(struct ctx *c, struct import_report *rep, const struct row *rows, const unsigned *diff,
			 size_t n)
{
	static const struct { unsigned bit; const char *name; } names[] = {
		{ CH_NAME, "name" }, { CH_EMAIL, "email" }, { CH_UNIT, "unit" }, { CH_MANAGER, "manager" },
		{ CH_JOB, "job_level" }, { CH_ACTIVE, "active" },
	};
	rep->changes = arena_alloc(c->a, (n + 1) * sizeof(*rep->changes));
	for (size_t i = 0; i < n; i++) {
		if (!diff[i])
			continue;
		struct import_change *x = &rep->changes[rep->nchanges++];
		x->line = rows[i].line;
		x->employee_id = rows[i].v[IF_EMPLOYEE_ID];
		x->name = rows[i].v[IF_NAME];
		x->change = diff[i] & CH_CREATED ? "created" : "updated";
		struct buf b = BUF_INIT;
		for (size_t k = 0; !(diff[i] & CH_CREATED) && k < sizeof(names) / sizeof(names[0]); k++)
			if (diff[i] & names[k].bit)
				buf_addf(&b, "%s%s", b.len ? ", " : "", names[k].name);
		x->fields = arena_strdup(c->a, b.ptr ? b.ptr : "");
		buf_release(&b);
	}
}

static int apply_rows(struct ctx *c, struct import_report *rep, struct row *rows, size_t n)
{
	long long org = c->who->organisation_id;
	unsigned *diff = arena_alloc(c->a, (n + 1) * sizeof(*diff));
	struct person *olds = arena_alloc(c->a, (n + 1) * sizeof(*olds));
	struct unit *units;
	size_t units_before = 0, units_after = 0;
	if (rep->map[IF_UNIT] >= 0 && store_unit_list(c->st, c->a, org, false, &units, &units_before))
		return D_ERROR;
	for (size_t i = 0; i < n; i++) {
		struct row *r = &rows[i];
		struct person *old = &olds[i], p = { 0 };
		int d = d_from_store(store_person_by_employee_id(c->st, c->a, org, r->v[IF_EMPLOYEE_ID], old));
		if (d && d != D_NOTFOUND)
			return D_ERROR;
		bool exists = d == D_OK;
		long long unit_id = exists ? old->unit_id : 0;
		if (rep->map[IF_UNIT] >= 0) {
			unit_id = 0;
			if (*r->v[IF_UNIT] && unit_ensure_path(c, r->v[IF_UNIT], true, &unit_id))
				return D_ERROR;
		}
		p.employee_id = r->v[IF_EMPLOYEE_ID];
		p.name = r->v[IF_NAME];
		p.email = (char *)value(rep, r, IF_EMAIL, exists ? old->email : NULL);
		p.job_level = (char *)value(rep, r, IF_JOB_LEVEL, exists ? old->job_level : NULL);
		p.active = rep->map[IF_ACTIVE] >= 0 ? r->active : exists ? old->active : 1;
		p.unit_id = unit_id;
		struct errors e = { 0 };
		if (!exists) {
			if (person_create(c, &p, &e, &r->person_id))
				goto refused;
			rep->created++;
			diff[i] = CH_CREATED;
			continue;
		}
		r->person_id = old->id;
		p.id = old->id;
		p.manager_id = old->manager_id;
		diff[i] = (same(p.name, old->name) ? 0 : CH_NAME) | (same(p.email, old->email) ? 0 : CH_EMAIL) |
			  (same(p.job_level, old->job_level) ? 0 : CH_JOB) | (p.active == old->active ? 0 : CH_ACTIVE) |
			  (p.unit_id == old->unit_id ? 0 : CH_UNIT);
		if (!diff[i])
			continue;
		if (person_update(c, &p, &e))
			goto refused;
		rep->updated++;
		continue;
	refused:
		for (size_t k = 0; k < e.n; k++)
			issue(c, rep, r->line, e.items[k].field, _("Correct the value in the file and import it again."),
			      "%s", e.items[k].message);
		if (!e.n)
			return D_ERROR;
	}
	if (rep->nissues)
		return D_INVALID;
	/* every unit of a new path counts, not one per row */
	if (rep->map[IF_UNIT] >= 0) {
		if (store_unit_list(c->st, c->a, org, false, &units, &units_after))
			return D_ERROR;
		rep->units_created = units_after - units_before;
	}
	if (rep->map[IF_MANAGER] < 0)
		goto count;
	for (size_t i = 0; i < n; i++) {
		struct row *r = &rows[i];
		long long manager_id = 0;
		if (*r->v[IF_MANAGER]) {
			struct person m;
			int d = d_from_store(store_person_by_employee_id(c->st, c->a, org, r->v[IF_MANAGER], &m));
			if (d == D_NOTFOUND) {
				issue(c, rep, r->line, fields[IF_MANAGER].id,
				      _("Use the employee number of someone in the file or already in leergang, or leave the cell empty."),
				      _("No one has employee number %s."), r->v[IF_MANAGER]);
				continue;
			}
			if (d)
				return D_ERROR;
			manager_id = m.id;
		}
		if (manager_id == r->person_id) {
			issue(c, rep, r->line, fields[IF_MANAGER].id, _("Fill in the number of the person's manager, or leave the cell empty."),
			      "%s", _("A person cannot be their own manager."));
			continue;
		}
		struct person p;
		if (store_person_get(c->st, c->a, org, r->person_id, &p))
			return D_ERROR;
		if (p.manager_id == manager_id)
			continue;
		p.manager_id = manager_id;
		if (store_person_update(c->st, org, &p))
			return D_ERROR;
		if (!diff[i])
			rep->updated++;
		diff[i] |= CH_MANAGER;
	}
	if (rep->nissues)
		return D_INVALID;
count:
	for (size_t i = 0; i < n; i++)
		if (!diff[i])
			rep->unchanged++;
	list_changes(c, rep, rows, diff, n);
	return D_OK;
}

/* The bytes of physical line `line` (1-based; CRLF, LF or a lone CR end a
 * line, as csv_parse counts them) without its line end: [*start, *end). */
static bool line_span(const char *d, size_t len, size_t line, size_t *start, size_t *end)
{
	size_t at = 0;
	for (size_t l = 1; l < line; l++) {
		while (at < len && d[at] != '\n' && d[at] != '\r')
			at++;
		if (at >= len)
			return false;
		at += d[at] == '\r' && at + 1 < len && d[at + 1] == '\n' ? 2 : 1;
	}
	*start = at;
	while (at < len && d[at] != '\n' && d[at] != '\r')
		at++;
	*end = at;
	return true;
}

/* Most files an unclosed quote makes unreadable are one bad line: it is
 * reported, emptied (an empty line is skipped but counted, so the lines
 * keep their numbers) and the file read again, so that the rest of it is
 * still checked. Returns the number of lines left out this way. */
#define QUOTE_LINES_MAX 20
static size_t leave_out_bad_quotes(struct ctx *c, struct import_report *rep, const char **data, size_t *len,
				   struct csv *csv, enum csv_error *ce)
{
	size_t out = 0;
	while (*ce == CSV_BAD_QUOTE && csv->err_line > 1 && out < QUOTE_LINES_MAX) {
		size_t s, e;
		if (!line_span(*data, *len, csv->err_line, &s, &e))
			break;
		issue(c, rep, csv->err_line, "",
		      _("Close the quote on this line, or remove it: a name or unit with a ';' or ',' is put in double quotes, one at each end, with nothing after the closing one."),
		      "%s", _("A double quote on this line is not closed, or text follows the closing quote; the line could not be read."));
		char *copy = arena_alloc(c->a, *len - (e - s) + 1);
		memcpy(copy, *data, s);
		memcpy(copy + s, *data + e, *len - e);
		*len -= e - s;
		*data = copy;
		out++;
		*ce = csv_parse(c->a, *data, *len, csv);
	}
	return out;
}

/* A sync: everyone active of the organisation whose number is not among
 * the file's rows (idx, sorted) is marked inactive, listed after the
 * file's changes. */
static int deactivate_absent(struct ctx *c, struct import_report *rep, struct row **idx, size_t n)
{
	long long org = c->who->organisation_id;
	struct person_filter f = { .include_inactive = 0, .limit = 1000, .names_only = 1 };
	long long *gone = NULL;
	size_t ngone = 0, cap = 0;
	for (;;) {
		struct person *page;
		size_t got;
		long long total;
		if (store_person_list(c->st, c->a, org, &f, &page, &got, &total))
			return D_ERROR;
		for (size_t i = 0; i < got; i++)
			if (!in_file(idx, n, page[i].employee_id)) {
				if (ngone == cap)
					gone = arena_grow(c->a, gone, ngone, cap = cap ? cap * 2 : 64, sizeof(*gone));
				gone[ngone++] = page[i].id;
			}
		if (got < (size_t)f.limit)
			break;
		f.offset += f.limit;
	}
	struct import_change *all = arena_alloc(c->a, (rep->nchanges + ngone + 1) * sizeof(*all));
	if (rep->nchanges)
		memcpy(all, rep->changes, rep->nchanges * sizeof(*all));
	rep->changes = all;
	for (size_t i = 0; i < ngone; i++) {
		struct person p;
		struct errors e = { 0 };
		if (store_person_get(c->st, c->a, org, gone[i], &p))
			return D_ERROR;
		p.active = 0;
		if (person_update(c, &p, &e))
			return D_ERROR;
		rep->deactivated++;
		rep->changes[rep->nchanges++] = (struct import_change){ 0, p.employee_id, p.name, "deactivated", "active" };
	}
	return D_OK;
}

static int import_run(struct ctx *c, const char *data, size_t len, const int *map, bool apply, bool sync,
		      struct import_report *rep);

/* One cell of the CSV made from JSON: always quoted, quotes doubled (no
 * formula guard: this is input, read back by csv_parse at once). */
static void json_cell(struct buf *b, json_t *v, bool first)
{
	if (!first)
		buf_addch(b, ';');
	char num[32];
	const char *t = json_is_string(v) ? json_string_value(v)
			: json_is_integer(v) ? (snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(v)), num)
			: json_is_true(v) ? "1" : json_is_false(v) ? "0" : "";
	buf_addch(b, '"');
	for (const char *p = t; *p; p++) {
		if (*p == '"')
			buf_addch(b, '"');
		buf_addch(b, *p);
	}
	buf_addch(b, '"');
}

int people_csv_from_json(struct ctx *c, const char *data, size_t len, char **csv, size_t *csv_len, const char **why)
{
	json_error_t jerr;
	json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
	json_t *list = json_is_array(root) ? root : json_object_get(root, "people");
	*csv = NULL;
	*csv_len = 0;
	if (!json_is_array(list)) {
		*why = root ? _("Send a JSON object with \"people\": a list of people, or the list itself.")
			    : _("The body is not valid JSON.");
		json_decref(root);
		return D_INVALID;
	}
	/* a column for each field that any person has: a field left out
	 * keeps what leergang has, as a column left out of a CSV file does */
	bool has[IMPORT_FIELDS] = { false };
	size_t i;
	json_t *p;
	json_array_foreach(list, i, p) {
		if (!json_is_object(p)) {
			*why = _("Each person in the list must be a JSON object.");
			json_decref(root);
			return D_INVALID;
		}
		for (int f = 0; f < IMPORT_FIELDS; f++)
			has[f] |= json_object_get(p, fields[f].id) != NULL;
	}
	struct buf b = BUF_INIT;
	bool first = true;
	for (int f = 0; f < IMPORT_FIELDS; f++)
		if (has[f]) {
			json_t *h = json_string(fields[f].id);
			json_cell(&b, h, first);
			json_decref(h);
			first = false;
		}
	buf_adds(&b, "\r\n");
	json_array_foreach(list, i, p) {
		first = true;
		for (int f = 0; f < IMPORT_FIELDS; f++)
			if (has[f]) {
				json_cell(&b, json_object_get(p, fields[f].id), first);
				first = false;
			}
		buf_adds(&b, "\r\n");
	}
	json_decref(root);
	*csv_len = b.len;
	*csv = arena_alloc(c->a, b.len + 1);
	memcpy(*csv, b.ptr ? b.ptr : "", b.len);
	(*csv)[b.len] = '\0';
	buf_release(&b);
	return D_OK;
}

int people_import(struct ctx *c, const char *data, size_t len, const int *map, bool apply,
		  struct import_report *rep)
{
	return import_run(c, data, len, map, apply, false, rep);
}

int people_sync(struct ctx *c, const char *data, size_t len, bool apply, struct import_report *rep)
{
	return import_run(c, data, len, NULL, apply, true, rep);
}

static int import_run(struct ctx *c, const char *data, size_t len, const int *map, bool apply, bool sync,
		      struct import_report *rep)
{
	memset(rep, 0, sizeof(*rep));
	for (int f = 0; f < IMPORT_FIELDS; f++)
		rep->map[f] = -1;
	struct csv csv;
	enum csv_error ce = csv_parse(c->a, data, len, &csv);
	size_t left_out = leave_out_bad_quotes(c, rep, &data, &len, &csv, &ce);
	if (ce != CSV_OK) {
		issue(c, rep, csv.err_line, "", _("Save the file again from the spreadsheet as CSV (UTF-8) and upload it again."),
		      "%s", _(csv_error_text(ce)));
		return D_INVALID;
	}
	rep->sep = csv.sep;
	rep->converted = csv.converted;
	if (csv.nrows == 0 || (sync && csv.nrows == 1)) {
		issue(c, rep, 0, "", _("Choose a CSV file with a header row and one row per person."),
		      "%s", _("The file is empty."));
		return D_INVALID;
	}
	rep->ncols = csv.rows[0].n;
	rep->headers = arena_alloc(c->a, (rep->ncols + 1) * sizeof(char *));
	for (size_t k = 0; k < rep->ncols; k++)
		rep->headers[k] = str_trim(arena_strdup(c->a, csv.rows[0].fields[k]));
	size_t before = rep->nissues;  /* the lines left out for their quotes */
	find_columns(c, rep, map);
	if (rep->nissues > before)
		return D_INVALID;

	size_t n = csv.nrows - 1;
	struct row *rows = arena_alloc(c->a, (n + 1) * sizeof(*rows));
	for (size_t i = 0; i < n; i++) {
		const struct csv_row *cr = &csv.rows[i + 1];
		struct row *r = &rows[i];
		r->line = cr->line;
		for (int f = 0; f < IMPORT_FIELDS; f++)
			r->v[f] = cell(c, cr, rep->map[f]);
		if (cr->n > rep->ncols)
			issue(c, rep, r->line, "",
			      _("Check the separators and quotes on this line: a name or unit with a ';' or ',' must be in double quotes."),
			      ngettext("This line has %zu cell, the header has %zu.", "This line has %zu cells, the header has %zu.",
				       cr->n), cr->n, rep->ncols);
		check_row(c, rep, r);
		if (rep->npreview < IMPORT_PREVIEW) {
			struct import_preview *pv = &rep->preview[rep->npreview++];
			pv->line = r->line;
			for (int f = 0; f < IMPORT_FIELDS; f++)
				pv->v[f] = r->v[f];
		}
	}
	rep->rows = n;
	struct row **idx = sorted_rows(c, rows, n);
	check_duplicates(c, rep, idx, n);
	check_managers(c, rep, rows, n, idx, left_out > 0);
	/* the report reads best in the order of the file */
	if (rep->nissues)
		qsort(rep->issues, rep->nissues, sizeof(*rep->issues), by_line);
	if (rep->nissues)
		return D_INVALID;

	if (store_begin(c->st))
		return D_ERROR;
	int d = apply_rows(c, rep, rows, n);
	if (d == D_OK && sync)
		d = deactivate_absent(c, rep, idx, n);
	/* the audit line is part of the import: without it, no import */
	if (d == D_OK && apply && (rep->created || rep->updated || rep->deactivated) &&
	    audit(c, sync ? "sync.people" : "import.people", "organisation", c->who->organisation_id,
		  "%zu rows: %zu created, %zu updated, %zu unchanged, %zu units created, %zu deactivated", rep->rows,
		  rep->created, rep->updated, rep->unchanged, rep->units_created, rep->deactivated))
		d = D_ERROR;
	if (d == D_OK && apply) {
		if (store_commit(c->st)) {
			store_rollback(c->st);
			return D_ERROR;
		}
	} else {
		store_rollback(c->st);
	}
	return d;
}

void people_csv(struct buf *b, const struct person *people, size_t n, const struct unit_tree *t)
{
	for (int f = 0; f < IMPORT_FIELDS; f++) {
		if (f)
			buf_addch(b, ';');
		csv_field(b, fields[f].id, ';');
	}
	csv_end_row(b);
	for (size_t i = 0; i < n; i++) {
		const struct person *p = &people[i];
		const char *unit = p->unit_id ? unit_tree_path(t, p->unit_id) : "";
		const char *cells[IMPORT_FIELDS] = {
			[IF_EMPLOYEE_ID] = p->employee_id, [IF_NAME] = p->name, [IF_EMAIL] = p->email,
			[IF_UNIT] = unit ? unit : "", [IF_MANAGER] = p->manager_employee_id ? p->manager_employee_id : "",
			[IF_JOB_LEVEL] = p->job_level, [IF_ACTIVE] = p->active ? "1" : "0",
		};
		for (int f = 0; f < IMPORT_FIELDS; f++) {
			if (f)
				buf_addch(b, ';');
			csv_field(b, cells[f], ';');
		}
		csv_end_row(b);
	}
}
