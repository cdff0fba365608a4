/* group.c — batches, learning groups and enrolment in SQLite, with the
 * counts by status that the pages and the evaluation use. */
#include "internal.h"
#include "store/group.h"

/* counts of a group's enrolments by status, as four columns */
#define COUNTS(g) \
	" (SELECT count(*) FROM enrolment e WHERE e.group_id = " g " AND e.status = 'registered')," \
	" (SELECT count(*) FROM enrolment e WHERE e.group_id = " g " AND e.status = 'active')," \
	" (SELECT count(*) FROM enrolment e WHERE e.group_id = " g " AND e.status = 'completed')," \
	" (SELECT count(*) FROM enrolment e WHERE e.group_id = " g " AND e.status = 'stopped')"

static void read_counts(struct query *st, int col, struct enrolment_counts *c)
{
	c->registered = q_int64(st, col);
	c->active = q_int64(st, col + 1);
	c->completed = q_int64(st, col + 2);
	c->stopped = q_int64(st, col + 3);
}

int store_batch_add(struct store *s, long long org, long long programme_id, const char *name, long long *id)
{
	struct query *st = stmt(s, "INSERT INTO batch(organisation_id, programme_id, number, name)"
				" SELECT ?1, ?2, coalesce((SELECT max(number) FROM batch WHERE programme_id = ?2), 0) + 1, ?3"
				" WHERE EXISTS (SELECT 1 FROM programme WHERE id = ?2 AND organisation_id = ?1)");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, programme_id);
	bind_text(st, 3, name);
	return inserted(s, exec_stmt(s, st), id);
}

#define BATCH_COLS \
	"b.id, b.programme_id, b.number, b.name, (SELECT count(*) FROM learning_group g WHERE g.batch_id = b.id)," \
	" (SELECT count(*) FROM enrolment e JOIN learning_group g ON g.id = e.group_id WHERE g.batch_id = b.id AND e.status = 'registered')," \
	" (SELECT count(*) FROM enrolment e JOIN learning_group g ON g.id = e.group_id WHERE g.batch_id = b.id AND e.status = 'active')," \
	" (SELECT count(*) FROM enrolment e JOIN learning_group g ON g.id = e.group_id WHERE g.batch_id = b.id AND e.status = 'completed')," \
	" (SELECT count(*) FROM enrolment e JOIN learning_group g ON g.id = e.group_id WHERE g.batch_id = b.id AND e.status = 'stopped')"

static void read_batch(struct arena *a, struct query *st, struct batch *b)
{
	b->id = q_int64(st, 0);
	b->programme_id = q_int64(st, 1);
	b->number = q_int(st, 2);
	b->name = col_text0(a, st, 3);
	b->groups = q_int64(st, 4);
	read_counts(st, 5, &b->counts);
}

int store_batch_list(struct store *s, struct arena *a, long long org, long long programme_id, struct batch **out,
		     size_t *n)
{
	struct query *st = stmt(s, "SELECT " BATCH_COLS " FROM batch b WHERE b.organisation_id = ? AND b.programme_id = ?"
				" ORDER BY b.number");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, programme_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_batch(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

int store_batch_get(struct store *s, struct arena *a, long long org, long long id, struct batch *out)
{
	struct query *st = stmt(s, "SELECT " BATCH_COLS " FROM batch b WHERE b.organisation_id = ? AND b.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_batch(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_group_add(struct store *s, long long org, long long batch_id, const char *name, long long *id)
{
	struct query *st = stmt(s, "INSERT INTO learning_group(organisation_id, batch_id, name) SELECT ?1, ?2, ?3"
				" WHERE EXISTS (SELECT 1 FROM batch WHERE id = ?2 AND organisation_id = ?1)");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, batch_id);
	bind_text(st, 3, name);
	return inserted(s, exec_stmt(s, st), id);
}

int store_group_update(struct store *s, long long org, const struct learning_group *g)
{
	/* mentor and facilitator must be people of the organisation */
	struct query *st = stmt(s,
		"UPDATE learning_group SET name = ?3, mentor_id = ?4, facilitator_id = ?5, pair_status = ?6"
		" WHERE id = ?2 AND organisation_id = ?1"
		" AND (?4 IS NULL OR EXISTS (SELECT 1 FROM person WHERE id = ?4 AND organisation_id = ?1))"
		" AND (?5 IS NULL OR EXISTS (SELECT 1 FROM person WHERE id = ?5 AND organisation_id = ?1))");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, g->id);
	bind_text(st, 3, g->name);
	bind_ref(st, 4, g->mentor_id);
	bind_ref(st, 5, g->facilitator_id);
	bind_text(st, 6, g->pair_status ? g->pair_status : "none");
	int r = changed(s, exec_stmt(s, st));
	if (r != ST_NOTFOUND)
		return r;
	/* nothing changed: another organisation's group, or a person of one */
	st = stmt(s, "SELECT 1 FROM learning_group WHERE id = ? AND organisation_id = ?");
	q_bind_int64(st, 1, g->id);
	q_bind_int64(st, 2, org);
	int rc = q_step(st);
	q_reset(st);
	return rc == Q_ROW ? ST_INVALID : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

#define GROUP_COLS \
	"g.id, g.batch_id, b.programme_id, coalesce(g.mentor_id, 0), coalesce(g.facilitator_id, 0), b.number, g.name," \
	" g.pair_status, b.name, p.name, mp.name, fp.name," COUNTS("g.id")
#define GROUP_FROM \
	" FROM learning_group g JOIN batch b ON b.id = g.batch_id JOIN programme p ON p.id = b.programme_id" \
	" LEFT JOIN person mp ON mp.id = g.mentor_id LEFT JOIN person fp ON fp.id = g.facilitator_id"

static void read_group(struct arena *a, struct query *st, struct learning_group *g)
{
	g->id = q_int64(st, 0);
	g->batch_id = q_int64(st, 1);
	g->programme_id = q_int64(st, 2);
	g->mentor_id = q_int64(st, 3);
	g->facilitator_id = q_int64(st, 4);
	g->batch_number = q_int(st, 5);
	g->name = col_text0(a, st, 6);
	g->pair_status = col_text0(a, st, 7);
	g->batch_name = col_text0(a, st, 8);
	g->programme_name = col_text0(a, st, 9);
	g->mentor_name = col_text(a, st, 10);
	g->facilitator_name = col_text(a, st, 11);
	read_counts(st, 12, &g->counts);
}

static int group_rows(struct store *s, struct arena *a, struct query *st, struct learning_group **out, size_t *n)
{
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_group(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

int store_group_get(struct store *s, struct arena *a, long long org, long long id, struct learning_group *out)
{
	struct query *st = stmt(s, "SELECT " GROUP_COLS GROUP_FROM " WHERE g.organisation_id = ? AND g.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_group(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_group_list(struct store *s, struct arena *a, long long org, long long programme_id, long long batch_id,
		     struct learning_group **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " GROUP_COLS GROUP_FROM " WHERE g.organisation_id = ?1"
				" AND (?2 IS NULL OR b.programme_id = ?2) AND (?3 IS NULL OR g.batch_id = ?3)"
				" ORDER BY p.name, b.number, g.name, g.id");
	q_bind_int64(st, 1, org);
	bind_ref(st, 2, programme_id);
	bind_ref(st, 3, batch_id);
	return group_rows(s, a, st, out, n);
}

int store_group_list_for_person(struct store *s, struct arena *a, long long org, long long person_id,
				struct learning_group **out, size_t *n)
{
	/* three indexed look-ups rather than an OR over every group */
	struct query *st = stmt(s,
		"WITH mine(id) AS (SELECT id FROM learning_group WHERE mentor_id = ?2 AND organisation_id = ?1"
		" UNION SELECT id FROM learning_group WHERE facilitator_id = ?2 AND organisation_id = ?1"
		" UNION SELECT group_id FROM enrolment WHERE person_id = ?2 AND organisation_id = ?1) "
		"SELECT " GROUP_COLS GROUP_FROM " WHERE g.organisation_id = ?1 AND g.id IN (SELECT id FROM mine)"
		" ORDER BY p.name, b.number, g.name, g.id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, person_id);
	return group_rows(s, a, st, out, n);
}

int store_enrolment_add(struct store *s, long long org, long long group_id, long long person_id, const char *on,
			long long *id)
{
	struct query *st = stmt(s, "INSERT INTO enrolment(organisation_id, group_id, person_id, registered_on)"
				" SELECT ?1, ?2, ?3, ?4"
				" WHERE EXISTS (SELECT 1 FROM learning_group WHERE id = ?2 AND organisation_id = ?1)"
				" AND EXISTS (SELECT 1 FROM person WHERE id = ?3 AND organisation_id = ?1)");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, group_id);
	q_bind_int64(st, 3, person_id);
	bind_text(st, 4, on);
	return inserted(s, exec_stmt(s, st), id);
}

int store_enrolment_update(struct store *s, long long org, const struct enrolment *e)
{
	struct query *st = stmt(s, "UPDATE enrolment SET status = ?3, stopped_on = ?4, stop_reason = ?5, completed_on = ?6, stop_kind = ?7"
				" WHERE id = ?2 AND organisation_id = ?1");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, e->id);
	bind_text(st, 3, e->status);
	bind_text(st, 4, e->stopped_on ? e->stopped_on : "");
	bind_text(st, 5, e->stop_reason ? e->stop_reason : "");
	bind_text(st, 6, e->completed_on ? e->completed_on : "");
	bind_text(st, 7, e->stop_kind ? e->stop_kind : "");
	return changed(s, exec_stmt(s, st));
}

#define ENROLMENT_COLS \
	"e.id, e.group_id, e.person_id, e.status, e.registered_on, e.stopped_on, e.stop_reason, e.completed_on," \
	" p.name, p.employee_id, e.stop_kind"
#define ENROLMENT_FROM " FROM enrolment e JOIN person p ON p.id = e.person_id"

static void read_enrolment(struct arena *a, struct query *st, struct enrolment *e)
{
	e->id = q_int64(st, 0);
	e->group_id = q_int64(st, 1);
	e->person_id = q_int64(st, 2);
	e->status = col_text0(a, st, 3);
	e->registered_on = col_text0(a, st, 4);
	e->stopped_on = col_text0(a, st, 5);
	e->stop_reason = col_text0(a, st, 6);
	e->completed_on = col_text0(a, st, 7);
	e->person_name = col_text0(a, st, 8);
	e->employee_id = col_text0(a, st, 9);
	e->stop_kind = col_text0(a, st, 10);
}

int store_enrolment_get(struct store *s, struct arena *a, long long org, long long id, struct enrolment *out)
{
	struct query *st = stmt(s, "SELECT " ENROLMENT_COLS ENROLMENT_FROM " WHERE e.organisation_id = ? AND e.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_enrolment(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_enrolment_list(struct store *s, struct arena *a, long long org, long long group_id,
			 struct enrolment **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " ENROLMENT_COLS ENROLMENT_FROM " WHERE e.organisation_id = ? AND e.group_id = ?"
				" ORDER BY p.name, p.id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, group_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_enrolment(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

int store_enrolment_in_programme(struct store *s, long long org, long long programme_id, long long person_id,
				 long long *group_id)
{
	struct query *st = stmt(s, "SELECT e.group_id FROM enrolment e JOIN learning_group g ON g.id = e.group_id"
				" JOIN batch b ON b.id = g.batch_id WHERE e.organisation_id = ? AND b.programme_id = ?"
				" AND e.person_id = ? AND e.status <> 'stopped' LIMIT 1");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, programme_id);
	q_bind_int64(st, 3, person_id);
	int rc = q_step(st);
	*group_id = rc == Q_ROW ? q_int64(st, 0) : 0;
	q_reset(st);
	return map_rc(s, rc);
}

int store_programme_counts(struct store *s, long long org, long long programme_id, struct enrolment_counts *out)
{
	struct query *st = stmt(s,
		"SELECT sum(CASE WHEN e.status = 'registered' THEN 1 ELSE 0 END), sum(CASE WHEN e.status = 'active' THEN 1 ELSE 0 END),"
		" sum(CASE WHEN e.status = 'completed' THEN 1 ELSE 0 END), sum(CASE WHEN e.status = 'stopped' THEN 1 ELSE 0 END) FROM enrolment e JOIN learning_group g ON g.id = e.group_id"
		" JOIN batch b ON b.id = g.batch_id WHERE e.organisation_id = ? AND b.programme_id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, programme_id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_counts(st, 0, out);
	q_reset(st);
	return map_rc(s, rc);
}
