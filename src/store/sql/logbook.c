/* logbook.c — logbook entries in SQLite. Who may read them is decided in
 * domain/privacy.c; here every statement is scoped to the organisation and
 * changes are scoped to the writer. */
#include "internal.h"
#include "store/logbook.h"

#define LOGBOOK_COLS \
	"l.id, l.person_id, coalesce(l.group_id, 0), l.entry_date, l.energy_gave, l.energy_cost, l.body, l.tags," \
	" l.shared_with, l.created_at, l.updated_at, p.name"
#define LOGBOOK_FROM " FROM logbook_entry l JOIN person p ON p.id = l.person_id"

static void read_entry(struct arena *a, struct query *st, struct logbook_entry *e)
{
	e->id = q_int64(st, 0);
	e->person_id = q_int64(st, 1);
	e->group_id = q_int64(st, 2);
	e->entry_date = col_text0(a, st, 3);
	e->energy_gave = col_text0(a, st, 4);
	e->energy_cost = col_text0(a, st, 5);
	e->body = col_text0(a, st, 6);
	e->tags = col_text0(a, st, 7);
	e->shared_with = col_text0(a, st, 8);
	e->created_at = q_int64(st, 9);
	e->updated_at = q_int64(st, 10);
	e->writer_name = col_text0(a, st, 11);
}

static int entry_rows(struct store *s, struct arena *a, struct query *st, struct logbook_entry **out, size_t *n)
{
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_entry(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

/* shared in a group the writer takes part in (not stopped), or private */
#define SHARE_OK(person, group) \
	" (" group " IS NULL OR EXISTS (SELECT 1 FROM enrolment WHERE group_id = " group " AND person_id = " person \
	"  AND organisation_id = ?1 AND status <> 'stopped'))"

int store_logbook_add(struct store *s, long long org, const struct logbook_entry *e, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO logbook_entry(organisation_id, person_id, entry_date, energy_gave, energy_cost, body, tags,"
		" shared_with, group_id, created_at, updated_at) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10"
		" WHERE EXISTS (SELECT 1 FROM person WHERE id = ?2 AND organisation_id = ?1) AND" SHARE_OK("?2", "?9"));
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, e->person_id);
	bind_text(st, 3, e->entry_date);
	bind_text(st, 4, e->energy_gave ? e->energy_gave : "");
	bind_text(st, 5, e->energy_cost ? e->energy_cost : "");
	bind_text(st, 6, e->body ? e->body : "");
	bind_text(st, 7, e->tags ? e->tags : "");
	bind_text(st, 8, e->shared_with ? e->shared_with : "private");
	bind_ref(st, 9, e->group_id);
	q_bind_int64(st, 10, e->updated_at);
	return inserted(s, exec_stmt(s, st), id);
}

int store_logbook_update(struct store *s, long long org, const struct logbook_entry *e)
{
	struct query *st = stmt(s,
		"UPDATE logbook_entry SET entry_date = ?3, energy_gave = ?4, energy_cost = ?5, body = ?6, tags = ?7,"
		" shared_with = ?8, group_id = ?9, updated_at = ?10"
		" WHERE id = ?11 AND person_id = ?2 AND organisation_id = ?1 AND" SHARE_OK("?2", "?9"));
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, e->person_id);
	bind_text(st, 3, e->entry_date);
	bind_text(st, 4, e->energy_gave ? e->energy_gave : "");
	bind_text(st, 5, e->energy_cost ? e->energy_cost : "");
	bind_text(st, 6, e->body ? e->body : "");
	bind_text(st, 7, e->tags ? e->tags : "");
	bind_text(st, 8, e->shared_with ? e->shared_with : "private");
	bind_ref(st, 9, e->group_id);
	q_bind_int64(st, 10, e->updated_at);
	q_bind_int64(st, 11, e->id);
	return changed(s, exec_stmt(s, st));
}

int store_logbook_delete(struct store *s, long long org, long long person_id, long long id)
{
	struct query *st = stmt(s, "DELETE FROM logbook_entry WHERE id = ? AND person_id = ? AND organisation_id = ?");
	q_bind_int64(st, 1, id);
	q_bind_int64(st, 2, person_id);
	q_bind_int64(st, 3, org);
	return changed(s, exec_stmt(s, st));
}

int store_logbook_get(struct store *s, struct arena *a, long long org, long long id, struct logbook_entry *out)
{
	struct query *st = stmt(s, "SELECT " LOGBOOK_COLS LOGBOOK_FROM " WHERE l.organisation_id = ? AND l.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_entry(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_logbook_list_person(struct store *s, struct arena *a, long long org, long long person_id,
			      struct logbook_entry **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " LOGBOOK_COLS LOGBOOK_FROM " WHERE l.organisation_id = ? AND l.person_id = ?"
				" ORDER BY l.entry_date DESC, l.id DESC");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, person_id);
	return entry_rows(s, a, st, out, n);
}

int store_logbook_list_group(struct store *s, struct arena *a, long long org, long long group_id,
			     struct logbook_entry **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " LOGBOOK_COLS LOGBOOK_FROM " WHERE l.organisation_id = ? AND l.group_id = ?"
				" AND l.shared_with <> 'private' ORDER BY l.entry_date DESC, l.id DESC");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, group_id);
	return entry_rows(s, a, st, out, n);
}
