/* session_action.c — the follow-up actions of a session with a case in
 * SQLite: made in a session, listed per session, per owner and per group,
 * reviewed in the group's next session, reminded when due. */
#include "internal.h"
#include "store/session_action.h"

/* A session belongs to a learning group (led by its facilitator) or a
 * peer group (led by the member who started it, leader_id). */
#define ACTION_COLS "a.id, a.session_id, a.person_id, coalesce(x.group_id, 0), coalesce(x.leader_id, coalesce(g.facilitator_id, 0))," \
	" coalesce(a.reviewed_in_session_id, 0), a.created_at, coalesce(a.done_at, 0), a.carried, a.text, a.due_on," \
	" a.status, p.name, x.held_on, coalesce(g.name, pg.name), a.reminded_on, coalesce(x.peer_group_id, 0)"
#define ACTION_FROM " FROM session_action a JOIN case_session x ON x.id = a.session_id" \
	" LEFT JOIN learning_group g ON g.id = x.group_id LEFT JOIN peer_group pg ON pg.id = x.peer_group_id" \
	" JOIN person p ON p.id = a.person_id"

static void read_action(struct arena *a, struct query *st, struct session_action *x)
{
	x->id = q_int64(st, 0);
	x->session_id = q_int64(st, 1);
	x->person_id = q_int64(st, 2);
	x->group_id = q_int64(st, 3);
	x->leader_person_id = q_int64(st, 4);
	x->reviewed_in_session_id = q_int64(st, 5);
	x->created_at = q_int64(st, 6);
	x->done_at = q_int64(st, 7);
	x->carried = q_int(st, 8);
	x->text = col_text0(a, st, 9);
	x->due_on = col_text0(a, st, 10);
	x->status = col_text0(a, st, 11);
	x->person_name = col_text0(a, st, 12);
	x->held_on = col_text0(a, st, 13);
	x->group_name = col_text0(a, st, 14);
	x->reminded_on = col_text0(a, st, 15);
	x->peer_group_id = q_int64(st, 16);
}

static int read_all(struct store *s, struct arena *a, struct query *st, struct session_action **out, size_t *n)
{
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_action(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

int store_session_action_add(struct store *s, long long org, const struct session_action *x, long long *id)
{
	/* the session and the owner must be of the organisation */
	struct query *st = stmt(s,
		"INSERT INTO session_action(organisation_id, session_id, person_id, text, due_on, created_at)"
		" SELECT ?1, ?2, ?3, ?4, ?5, ?6"
		" WHERE EXISTS (SELECT 1 FROM case_session WHERE id = ?2 AND organisation_id = ?1)"
		" AND EXISTS (SELECT 1 FROM person WHERE id = ?3 AND organisation_id = ?1)");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, x->session_id);
	q_bind_int64(st, 3, x->person_id);
	bind_text(st, 4, x->text);
	bind_text(st, 5, x->due_on);
	q_bind_int64(st, 6, x->created_at);
	return inserted(s, exec_stmt(s, st), id);
}

int store_session_action_get(struct store *s, struct arena *a, long long org, long long id, struct session_action *out)
{
	struct query *st = stmt(s, "SELECT " ACTION_COLS ACTION_FROM " WHERE a.organisation_id = ? AND a.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_action(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_session_action_of_session(struct store *s, struct arena *a, long long org, long long session_id,
				    struct session_action **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " ACTION_COLS ACTION_FROM " WHERE a.organisation_id = ? AND a.session_id = ?"
				" ORDER BY a.id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, session_id);
	return read_all(s, a, st, out, n);
}

int store_case_session_earlier_open_actions(struct store *s, struct arena *a, long long org, long long session_id,
					    struct session_action **out, size_t *n)
{
	/* "the same group": the sessions' learning group or peer group;
	 * earlier: held before, or on the same day and started before */
	struct query *st = stmt(s, "SELECT " ACTION_COLS ACTION_FROM
				" JOIN case_session y ON y.id = ?2 AND y.organisation_id = ?1"
				" WHERE a.organisation_id = ?1 AND a.status = 'open' AND x.group_id IS NOT DISTINCT FROM y.group_id"
				" AND x.peer_group_id IS NOT DISTINCT FROM y.peer_group_id"
				" AND x.id <> y.id AND (x.held_on < y.held_on OR (x.held_on = y.held_on AND x.id < y.id))"
				" ORDER BY a.due_on, a.id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, session_id);
	return read_all(s, a, st, out, n);
}

int store_session_action_of_person(struct store *s, struct arena *a, long long org, long long person_id,
				   struct session_action **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " ACTION_COLS ACTION_FROM " WHERE a.organisation_id = ? AND a.person_id = ?"
				" ORDER BY a.status <> 'open', a.due_on, a.id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, person_id);
	return read_all(s, a, st, out, n);
}

int store_session_action_set(struct store *s, long long org, long long id, const char *status, const char *due_on,
			     long long done_at, bool carried, long long reviewed_in)
{
	struct query *st = stmt(s, "UPDATE session_action SET status = ?3, due_on = ?4, done_at = ?5,"
				" carried = carried + ?6, reviewed_in_session_id = coalesce(?7, reviewed_in_session_id)"
				" WHERE organisation_id = ?1 AND id = ?2");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	bind_text(st, 3, status);
	bind_text(st, 4, due_on);
	bind_ref(st, 5, done_at);
	q_bind_int(st, 6, carried ? 1 : 0);
	bind_ref(st, 7, reviewed_in);
	return changed(s, exec_stmt(s, st));
}

int store_session_action_counts(struct store *s, long long org, long long group_id, struct session_action_counts *out)
{
	struct query *st = stmt(s, "SELECT count(*) FILTER (WHERE a.status = 'open'), count(*) FILTER (WHERE a.status = 'done')"
				" FROM session_action a JOIN case_session x ON x.id = a.session_id"
				" WHERE a.organisation_id = ?1 AND x.group_id = ?2");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, group_id);
	int rc = q_step(st);
	if (rc == Q_ROW) {
		out->open = q_int64(st, 0);
		out->done = q_int64(st, 1);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_session_action_due(struct store *s, struct arena *a, const char *day, struct session_action_due **out,
			     size_t *n)
{
	struct query *st = stmt(s, "SELECT " ACTION_COLS ", a.organisation_id, u.email" ACTION_FROM
				" JOIN account u ON u.person_id = a.person_id AND u.organisation_id = a.organisation_id"
				" WHERE a.status = 'open' AND a.due_on <= ?1 AND a.reminded_on < ?1 AND u.active = 1"
				" ORDER BY a.organisation_id, a.person_id, a.due_on, a.id");
	bind_text(st, 1, day);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct session_action_due *d = ROW_PUSH(a, *out, *n, cap);
		read_action(a, st, &d->x);
		d->organisation_id = q_int64(st, 17);
		d->email = col_text0(a, st, 18);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_session_action_reminded(struct store *s, long long org, long long id, const char *day)
{
	struct query *st = stmt(s, "UPDATE session_action SET reminded_on = ?3"
				" WHERE organisation_id = ?1 AND id = ?2 AND reminded_on < ?3");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	bind_text(st, 3, day);
	return changed(s, exec_stmt(s, st));
}

int store_session_action_unremind(struct store *s, long long org, long long id, const char *day, const char *was)
{
	struct query *st = stmt(s, "UPDATE session_action SET reminded_on = ?4"
				" WHERE organisation_id = ?1 AND id = ?2 AND reminded_on = ?3");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	bind_text(st, 3, day);
	bind_text(st, 4, was);
	return changed(s, exec_stmt(s, st));
}
