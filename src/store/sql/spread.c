/* spread.c — the spread table's columns and places, referral links and
 * buddy pairs in SQLite. */
#include "internal.h"
#include "store/spread.h"

#include <string.h>

static const char *const COLUMNS_SQL[] = {
	[SPREAD_BY_CIRCLE] =
		"SELECT g.id, g.name, g.period, coalesce((SELECT min(m.since) FROM peer_group_member m"
		" WHERE m.peer_group_id = g.id AND m.since <> ''), '') FROM peer_group g"
		" WHERE g.organisation_id = ? AND g.kind = 'circle' ORDER BY g.id",
	[SPREAD_BY_BATCH] =
		"SELECT b.id, b.name, p.name, coalesce((SELECT min(e.registered_on) FROM enrolment e"
		" JOIN learning_group lg ON lg.id = e.group_id WHERE lg.batch_id = b.id), '')"
		" FROM batch b JOIN programme p ON p.id = b.programme_id WHERE b.organisation_id = ? ORDER BY b.id",
	[SPREAD_BY_GROUP] =
		"SELECT lg.id, lg.name, b.name, coalesce((SELECT min(e.registered_on) FROM enrolment e"
		" WHERE e.group_id = lg.id), '') FROM learning_group lg JOIN batch b ON b.id = lg.batch_id"
		" WHERE lg.organisation_id = ? ORDER BY lg.id",
};

static const char *const PLACES_SQL[] = {
	[SPREAD_BY_CIRCLE] =
		"SELECT g.id, p.id, coalesce(p.unit_id, 0), p.name FROM peer_group g"
		" JOIN peer_group_member m ON m.peer_group_id = g.id AND m.role = 'member'"
		" JOIN person p ON p.id = m.person_id AND p.organisation_id = g.organisation_id"
		" WHERE g.organisation_id = ? AND g.kind = 'circle' ORDER BY g.id, p.name, p.id",
	[SPREAD_BY_BATCH] =
		"SELECT DISTINCT lg.batch_id, p.id, coalesce(p.unit_id, 0), p.name FROM learning_group lg"
		" JOIN enrolment e ON e.group_id = lg.id"
		" JOIN person p ON p.id = e.person_id AND p.organisation_id = lg.organisation_id"
		" WHERE lg.organisation_id = ? ORDER BY lg.batch_id, p.name, p.id",
	[SPREAD_BY_GROUP] =
		"SELECT lg.id, p.id, coalesce(p.unit_id, 0), p.name FROM learning_group lg"
		" JOIN enrolment e ON e.group_id = lg.id"
		" JOIN person p ON p.id = e.person_id AND p.organisation_id = lg.organisation_id"
		" WHERE lg.organisation_id = ? ORDER BY lg.id, p.name, p.id",
};

int store_spread_columns(struct store *s, struct arena *a, long long org, enum spread_by by,
			 struct spread_source **out, size_t *n)
{
	struct query *st = stmt(s, COLUMNS_SQL[by]);
	q_bind_int64(st, 1, org);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct spread_source *c = ROW_PUSH(a, *out, *n, cap);
		c->id = q_int64(st, 0);
		c->name = col_text0(a, st, 1);
		c->period = col_text0(a, st, 2);
		c->first_on = col_text0(a, st, 3);
	}
	q_reset(st);
	return map_rc(s, rc);
}

static int read_places(struct store *s, struct arena *a, struct query *st, struct spread_place **out, size_t *n)
{
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct spread_place *p = ROW_PUSH(a, *out, *n, cap);
		p->column_id = q_int64(st, 0);
		p->person_id = q_int64(st, 1);
		p->unit_id = q_int64(st, 2);
		p->name = col_text0(a, st, 3);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_spread_places(struct store *s, struct arena *a, long long org, enum spread_by by, struct spread_place **out,
			size_t *n)
{
	struct query *st = stmt(s, PLACES_SQL[by]);
	q_bind_int64(st, 1, org);
	return read_places(s, a, st, out, n);
}

int store_spread_participants(struct store *s, struct arena *a, long long org, struct spread_place **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT 0, p.id, coalesce(p.unit_id, 0), p.name FROM person p WHERE p.organisation_id = ?1"
				" AND (EXISTS (SELECT 1 FROM peer_group_member m JOIN peer_group g ON g.id = m.peer_group_id"
				" WHERE m.person_id = p.id AND m.role = 'member' AND g.kind = 'circle')"
				" OR EXISTS (SELECT 1 FROM enrolment e WHERE e.person_id = p.id AND e.organisation_id = ?1))"
				" ORDER BY lower(p.name), p.id");
	q_bind_int64(st, 1, org);
	return read_places(s, a, st, out, n);
}

int store_referral_linked(struct store *s, struct arena *a, long long org, long long **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT person_id FROM referral WHERE organisation_id = ?1 AND by_person_id IS NOT NULL"
				" UNION SELECT by_person_id FROM referral WHERE organisation_id = ?1"
				" AND by_person_id IS NOT NULL ORDER BY 1");
	q_bind_int64(st, 1, org);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		*ROW_PUSH(a, *out, *n, cap) = q_int64(st, 0);
	q_reset(st);
	return map_rc(s, rc);
}

/* ---- buddy pairs ---- */

#define PAIR_COLS "b.id, b.person_id, b.buddy_id, p.name, q.name, b.reason, b.started_on, b.ended_on" \
	" FROM buddy_pair b JOIN person p ON p.id = b.person_id JOIN person q ON q.id = b.buddy_id"

static void read_pair(struct arena *a, struct query *st, struct buddy_pair *p)
{
	p->id = q_int64(st, 0);
	p->person_id = q_int64(st, 1);
	p->buddy_id = q_int64(st, 2);
	p->person_name = col_text0(a, st, 3);
	p->buddy_name = col_text0(a, st, 4);
	p->reason = col_text0(a, st, 5);
	p->started_on = col_text0(a, st, 6);
	p->ended_on = col_text0(a, st, 7);
}

int store_buddy_add(struct store *s, long long org, const struct buddy_pair *p, long long recorded_by, long long *id)
{
	/* the open pair of the two in either order: the unique index knows one order only */
	struct query *st = stmt(s, "INSERT INTO buddy_pair(organisation_id, person_id, buddy_id, reason, started_on,"
				" recorded_by) SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE NOT EXISTS (SELECT 1 FROM buddy_pair"
				" WHERE organisation_id = ?1 AND ended_on = '' AND ((person_id = ?2 AND buddy_id = ?3)"
				" OR (person_id = ?3 AND buddy_id = ?2)))"
				" AND (SELECT count(*) FROM person WHERE organisation_id = ?1 AND id IN (?2, ?3)) = 2");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, p->person_id);
	q_bind_int64(st, 3, p->buddy_id);
	bind_text(st, 4, p->reason);
	bind_text(st, 5, p->started_on);
	bind_ref(st, 6, recorded_by);
	int r = exec_stmt(s, st);
	if (r)
		return r;
	if (!q_changes(s))
		return ST_CONFLICT;
	*id = q_last_id(s);
	return ST_OK;
}

int store_buddy_get(struct store *s, struct arena *a, long long org, long long id, struct buddy_pair *out)
{
	struct query *st = stmt(s, "SELECT " PAIR_COLS " WHERE b.organisation_id = ? AND b.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_pair(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_buddy_end(struct store *s, long long org, long long id, const char *on)
{
	struct query *st = stmt(s, "UPDATE buddy_pair SET ended_on = ? WHERE organisation_id = ? AND id = ? AND ended_on = ''");
	bind_text(st, 1, on);
	q_bind_int64(st, 2, org);
	q_bind_int64(st, 3, id);
	return changed(s, exec_stmt(s, st));
}

int store_buddy_list(struct store *s, struct arena *a, long long org, struct buddy_pair **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " PAIR_COLS " WHERE b.organisation_id = ?"
				" ORDER BY b.ended_on <> '', b.started_on DESC, b.id DESC");
	q_bind_int64(st, 1, org);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_pair(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}
