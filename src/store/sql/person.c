/* person.c — people of an organisation in SQLite. */
#include "internal.h"

#include <stdint.h>
#include <string.h>

#define PERSON_COLS \
	"p.id, p.organisation_id, coalesce(p.unit_id, 0), coalesce(p.manager_id, 0), p.employee_id, p.name, " \
	"p.email, p.job_level, p.active, u.name, m.name, m.employee_id"
#define PERSON_FROM \
	" FROM person p LEFT JOIN unit u ON u.id = p.unit_id LEFT JOIN person m ON m.id = p.manager_id"

static void read_person(struct arena *a, struct query *st, struct person *p)
{
	p->id = q_int64(st, 0);
	p->organisation_id = q_int64(st, 1);
	p->unit_id = q_int64(st, 2);
	p->manager_id = q_int64(st, 3);
	p->employee_id = col_text0(a, st, 4);
	p->name = col_text0(a, st, 5);
	p->email = col_text0(a, st, 6);
	p->job_level = col_text0(a, st, 7);
	p->active = q_int(st, 8);
	p->unit_name = col_text(a, st, 9);
	p->manager_name = col_text(a, st, 10);
	p->manager_employee_id = col_text(a, st, 11);
}

/* A row of PERSON_NAMES_SQL. */
static void read_person_names(struct arena *a, struct query *st, struct person *p)
{
	*p = (struct person){ .id = q_int64(st, 0), .name = col_text0(a, st, 1),
			      .employee_id = col_text0(a, st, 2), .email = "", .job_level = "",
			      .active = q_int(st, 3), .organisation_id = q_int64(st, 4) };
}

/* A LIKE pattern that matches q literally anywhere: % _ and \ escaped. */
static char *like_pattern(struct arena *a, const char *q)
{
	size_t n = strlen(q);
	char *p = arena_alloc(a, 2 * n + 3), *o = p;
	*o++ = '%';
	for (; *q; q++) {
		if (*q == '%' || *q == '_' || *q == '\\')
			*o++ = '\\';
		*o++ = *q;
	}
	*o++ = '%';
	*o = '\0';
	return p;
}

/* The people of the units whose name holds what was typed (a scan of the
 * organisation's units: there are few). */
#define UNIT_MATCH "SELECT u.id FROM unit u WHERE u.organisation_id = ?1 AND u.name LIKE ?2 ESCAPE '\\'"
#define NAME_MATCH " (p.name LIKE ?2 ESCAPE '\\' OR p.email LIKE ?2 ESCAPE '\\' OR p.employee_id LIKE ?2 ESCAPE '\\'"
#define PERSON_MATCH " AND" NAME_MATCH ")"
#define PERSON_OR_UNIT_MATCH " AND" NAME_MATCH " OR p.unit_id IN (" UNIT_MATCH "))"
/* The people whose name, address or number has a suffix that begins with
 * ?7 (what was typed, in lower case, cut to 16 characters) and is below
 * ?8 (?7 followed by U+10FFFF, the highest character): the candidates
 * of migration 0016's index (with the people of the units found by name,
 * when a unit's name holds what was typed), which the match then checks.
 * "+" on the organisation keeps SQLite from scanning the organisation's
 * index in name order instead. */
#define SUFFIXES "p.id IN (SELECT person_id FROM person_suffix WHERE organisation_id = ?1 AND suffix >= ?7 AND suffix < ?8)"
#define PERSON_FOUND " AND " SUFFIXES
#define PERSON_OR_UNIT_FOUND " AND (" SUFFIXES " OR p.unit_id IN (" UNIT_MATCH "))"
#define PERSON_IN_UNIT \
	" AND p.unit_id IN (WITH RECURSIVE sub(id) AS (SELECT id FROM unit WHERE id = ?3 AND organisation_id = ?1" \
	"   UNION ALL SELECT u2.id FROM unit u2 JOIN sub ON u2.parent_id = sub.id) SELECT id FROM sub)"

/* The statements of a filter. Parts that do not apply are left out, not
 * switched off with "?2 IS NULL OR": a column that appears in a statement
 * at all keeps SQLite from answering from the index alone. Twelve variants
 * each (the statement cache wants static strings): no search, a search of
 * one or two characters (a scan: too many suffixes begin with them), a
 * longer search through the index; each without and with a unit to look
 * in; and all that again for a search that a unit's name holds too (found
 * by a short look first: the people of such a unit are then found as well,
 * which costs a third more when no unit has the name). */
#define PERSON_WHERE " WHERE p.organisation_id = ?1 AND (?4 <> 0 OR p.active = 1)"
#define PERSON_WHERE_FOUND(found, match) " WHERE +p.organisation_id = ?1 AND (?4 <> 0 OR p.active = 1)" found match
#define PERSON_LIST_SQL(w) "SELECT " PERSON_COLS PERSON_FROM w " ORDER BY p.name, p.id LIMIT ?5 OFFSET ?6"
#define PERSON_NAMES_SQL(w) "SELECT p.id, p.name, p.employee_id, p.active, p.organisation_id FROM person p" w " ORDER BY p.name, p.id LIMIT ?5 OFFSET ?6"
#define PERSON_COUNT_SQL(w) "SELECT count(*) FROM person p" w
#define PERSON_VARIANTS(S, match, found) \
	S(PERSON_WHERE), S(PERSON_WHERE match), S(PERSON_WHERE_FOUND(found, match)), S(PERSON_WHERE PERSON_IN_UNIT), \
	S(PERSON_WHERE match PERSON_IN_UNIT), S(PERSON_WHERE_FOUND(found, match) PERSON_IN_UNIT)
#define PERSON_STATEMENTS(S) { PERSON_VARIANTS(S, PERSON_MATCH, PERSON_FOUND), \
			       PERSON_VARIANTS(S, PERSON_OR_UNIT_MATCH, PERSON_OR_UNIT_FOUND) }

static const char *const person_list_sql[12] = PERSON_STATEMENTS(PERSON_LIST_SQL);
static const char *const person_names_sql[12] = PERSON_STATEMENTS(PERSON_NAMES_SQL);
static const char *const person_count_sql[12] = PERSON_STATEMENTS(PERSON_COUNT_SQL);

#define SUFFIX_CHARS 16   /* as in migration 0016 */

/* The number of UTF-8 characters of q, counted up to 3. */
static size_t chars_upto3(const char *q)
{
	size_t n = 0;
	for (; *q && n < 3; q++)
		n += ((unsigned char)*q & 0xC0) != 0x80;
	return n;
}

/* Whether the name of a unit of org holds pattern (LIKE). */
static bool unit_named(struct store *s, long long org, const char *pattern)
{
	struct query *st = stmt(s, "SELECT EXISTS (" UNIT_MATCH ")");
	q_bind_int64(st, 1, org);
	bind_text(st, 2, pattern);
	bool found = q_step(st) == Q_ROW && q_int(st, 0);
	q_reset(st);
	return found;
}

/* The statement variant of f (0-11), and in *pattern the LIKE pattern of
 * its search (NULL without one). */
static int variant(struct store *s, struct arena *a, long long org, const struct person_filter *f, const char **pattern)
{
	int search = !(f->query && *f->query) ? 0 : chars_upto3(f->query) < 3 ? 1 : 2;
	*pattern = search ? like_pattern(a, f->query) : NULL;
	return search + (f->unit_id ? 3 : 0) + (search && unit_named(s, org, *pattern) ? 6 : 0);
}

/* What was typed as the index holds it: A-Z in lower case (SQLite's
 * lower(), which is LIKE's folding too), at most SUFFIX_CHARS characters;
 * in *hi the same followed by U+10FFFF, above every text that begins with
 * it and goes on with any other character (both databases compare in
 * code-point order; a byte 0xFF would be above all, but PostgreSQL takes
 * only valid UTF-8, and U+10FFFF is a noncharacter no name holds). */
static char *suffix_key(struct arena *a, const char *q, char **hi)
{
	size_t n = strlen(q);
	char *k = arena_alloc(a, n + 2);
	size_t len = 0, chars = 0;
	for (; q[len]; len++) {
		unsigned char ch = (unsigned char)q[len];
		if ((ch & 0xC0) != 0x80 && chars++ == SUFFIX_CHARS)
			break;
		k[len] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : (char)ch;
	}
	k[len] = '\0';
	*hi = arena_alloc(a, len + 5);
	memcpy(*hi, k, len);
	memcpy(*hi + len, "\xF4\x8F\xBF\xBF", 5);
	return k;
}

static void bind_filter(struct arena *a, struct query *st, long long org, const struct person_filter *f, int v,
			const char *pattern)
{
	q_bind_int64(st, 1, org);
	bind_text(st, 2, pattern);
	bind_ref(st, 3, f->unit_id);
	q_bind_int(st, 4, f->include_inactive);
	if (v % 3 == 2) {
		char *hi;
		bind_text(st, 7, suffix_key(a, f->query, &hi));
		bind_text(st, 8, hi);
	}
}

int store_person_list(struct store *s, struct arena *a, long long org, const struct person_filter *f,
		      struct person **out, size_t *n, long long *total)
{
	/* The count of everyone (the first page anyone sees) is cached;
	 * searches are counted each time. */
	const char *pattern;
	int var = variant(s, a, org, f, &pattern);
	struct read_version v;
	bool cacheable = var == 0 && read_version(s, &v) == 0;
	struct query *st;
	int rc;
	if (!cacheable || !cache_count_get(s, org, f->include_inactive, &v, total)) {
		st = stmt(s, person_count_sql[var]);
		bind_filter(a, st, org, f, var, pattern);
		rc = q_step(st);
		*total = rc == Q_ROW ? q_int64(st, 0) : 0;
		q_reset(st);
		if (rc != Q_ROW)
			return map_rc(s, rc);
		if (cacheable)
			cache_count_put(s, org, f->include_inactive, &v, *total);
	}

	st = stmt(s, (f->names_only ? person_names_sql : person_list_sql)[var]);
	bind_filter(a, st, org, f, var, pattern);
	/* no limit: the largest, as PostgreSQL takes no negative LIMIT */
	q_bind_int64(st, 5, f->limit > 0 ? f->limit : INT64_MAX);
	q_bind_int64(st, 6, f->offset > 0 ? f->offset : 0);
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		(f->names_only ? read_person_names : read_person)(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

int store_person_get(struct store *s, struct arena *a, long long org, long long id, struct person *out)
{
	struct query *st = stmt(s, "SELECT " PERSON_COLS PERSON_FROM " WHERE p.organisation_id = ? AND p.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_person(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_person_by_employee_id(struct store *s, struct arena *a, long long org, const char *employee_id,
				struct person *out)
{
	struct query *st = stmt(s, "SELECT " PERSON_COLS PERSON_FROM " WHERE p.organisation_id = ? AND p.employee_id = ?");
	q_bind_int64(st, 1, org);
	bind_text(st, 2, employee_id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_person(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

/* Unit and manager must belong to org: checked in the statement itself so
 * that no caller can link across organisations. */
#define REFS_OK \
	" (?4 IS NULL OR EXISTS (SELECT 1 FROM unit WHERE id = ?4 AND organisation_id = ?1))" \
	" AND (?5 IS NULL OR EXISTS (SELECT 1 FROM person WHERE id = ?5 AND organisation_id = ?1))"

static void bind_person(struct query *st, long long org, const struct person *p)
{
	q_bind_int64(st, 1, org);
	bind_text(st, 2, p->employee_id);
	bind_text(st, 3, p->name);
	bind_ref(st, 4, p->unit_id);
	bind_ref(st, 5, p->manager_id);
	bind_text(st, 6, p->email ? p->email : "");
	bind_text(st, 7, p->job_level ? p->job_level : "");
	q_bind_int(st, 8, p->active ? 1 : 0);
}

int store_person_insert(struct store *s, long long org, const struct person *p, long long *id)
{
	struct query *st = stmt(s, "INSERT INTO person(organisation_id, employee_id, name, unit_id, manager_id, email,"
				" job_level, active) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE" REFS_OK);
	bind_person(st, org, p);
	int r = exec_stmt(s, st);
	if (r)
		return r;
	if (!q_changes(s))
		return ST_INVALID;
	if (id)
		*id = q_last_id(s);
	return ST_OK;
}

int store_person_update(struct store *s, long long org, const struct person *p)
{
	struct query *st = stmt(s, "UPDATE person SET employee_id = ?2, name = ?3, unit_id = ?4, manager_id = ?5,"
				" email = ?6, job_level = ?7, active = ?8 WHERE organisation_id = ?1 AND id = ?9 AND" REFS_OK);
	bind_person(st, org, p);
	q_bind_int64(st, 9, p->id);
	int r = exec_stmt(s, st);
	if (r)
		return r;
	if (q_changes(s))
		return ST_OK;
	/* nothing updated: no such person in org, or a unit or manager outside it */
	st = stmt(s, "SELECT 1 FROM person WHERE organisation_id = ? AND id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, p->id);
	int rc = q_step(st);
	q_reset(st);
	return rc == Q_ROW ? ST_INVALID : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_person_count(struct store *s, long long org, long long *n)
{
	struct query *st = stmt(s, "SELECT count(*) FROM person WHERE organisation_id = ?");
	q_bind_int64(st, 1, org);
	int rc = q_step(st);
	*n = rc == Q_ROW ? q_int64(st, 0) : 0;
	q_reset(st);
	return rc == Q_ROW ? ST_OK : map_rc(s, rc);
}

int store_person_reports(struct store *s, struct arena *a, long long org, long long id, struct person **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " PERSON_COLS PERSON_FROM " WHERE p.organisation_id = ? AND p.manager_id = ?"
				" ORDER BY p.name, p.id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_person(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}
