/* peer_group.c — peer groups, their people and presentations in SQLite. */
#include "internal.h"
#include "store/peer_group.h"

#include <string.h>

#define GROUP_COLS "g.id, g.kind, g.name, g.period, g.active," \
	" (SELECT count(*) FROM peer_group_member m WHERE m.peer_group_id = g.id AND m.role = 'member')," \
	" (SELECT count(*) FROM peer_group_member m WHERE m.peer_group_id = g.id AND m.role = 'facilitator')"

static void read_group(struct arena *a, struct query *st, struct peer_group *g)
{
	g->id = q_int64(st, 0);
	g->kind = col_text0(a, st, 1);
	g->name = col_text0(a, st, 2);
	g->period = col_text0(a, st, 3);
	g->active = q_int(st, 4) != 0;
	g->members = q_int64(st, 5);
	g->facilitators = q_int64(st, 6);
}

int store_peer_group_add(struct store *s, long long org, const struct peer_group *g, long long at, long long *id)
{
	struct query *st = stmt(s, "INSERT INTO peer_group(organisation_id, kind, name, period, active, created_at)"
				" VALUES (?, ?, ?, ?, 1, ?)");
	q_bind_int64(st, 1, org);
	bind_text(st, 2, g->kind);
	bind_text(st, 3, g->name);
	bind_text(st, 4, g->period ? g->period : "");
	q_bind_int64(st, 5, at);
	int r = exec_stmt(s, st);
	if (!r && id)
		*id = q_last_id(s);
	return r;
}

int store_peer_group_get(struct store *s, struct arena *a, long long org, long long id, struct peer_group *out)
{
	struct query *st = stmt(s, "SELECT " GROUP_COLS " FROM peer_group g WHERE g.organisation_id = ? AND g.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_group(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_peer_group_list(struct store *s, struct arena *a, long long org, long long person, struct peer_group **out,
			  size_t *n)
{
	struct query *st = stmt(s, "SELECT " GROUP_COLS " FROM peer_group g WHERE g.organisation_id = ?1"
				" AND (?2 = 0 OR EXISTS (SELECT 1 FROM peer_group_member m WHERE m.peer_group_id = g.id"
				" AND m.person_id = ?2))"
				" ORDER BY g.period DESC, g.kind, lower(g.name), g.id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, person);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_group(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

int store_peer_group_members(struct store *s, struct arena *a, long long org, long long id, struct peer_member **out,
			     size_t *n)
{
	struct query *st = stmt(s, "SELECT m.person_id, m.role, p.name, m.since, m.until FROM peer_group_member m"
				" JOIN person p ON p.id = m.person_id WHERE m.organisation_id = ? AND m.peer_group_id = ?"
				" ORDER BY m.role DESC, lower(p.name), p.id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct peer_member *m = ROW_PUSH(a, *out, *n, cap);
		m->person_id = q_int64(st, 0);
		m->role = col_text0(a, st, 1);
		m->name = col_text0(a, st, 2);
		m->since = col_text0(a, st, 3);
		m->until = col_text0(a, st, 4);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_peer_group_member_set(struct store *s, long long org, long long id, long long person, const char *role,
				const char *since, const char *until)
{
	struct query *st = stmt(s,
		"INSERT INTO peer_group_member(peer_group_id, organisation_id, person_id, role, since, until)"
		" SELECT ?2, ?1, ?3, ?4, ?5, ?6"
		" WHERE EXISTS (SELECT 1 FROM peer_group WHERE id = ?2 AND organisation_id = ?1)"
		" AND EXISTS (SELECT 1 FROM person WHERE id = ?3 AND organisation_id = ?1)"
		" ON CONFLICT (peer_group_id, person_id) DO UPDATE SET role = excluded.role, since = excluded.since,"
		" until = excluded.until");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	q_bind_int64(st, 3, person);
	bind_text(st, 4, role);
	bind_text(st, 5, since ? since : "");
	bind_text(st, 6, until ? until : "");
	return inserted(s, exec_stmt(s, st), NULL);
}

int store_peer_group_member_remove(struct store *s, long long org, long long id, long long person)
{
	struct query *st = stmt(s, "DELETE FROM peer_group_member WHERE organisation_id = ? AND peer_group_id = ?"
				" AND person_id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	q_bind_int64(st, 3, person);
	return changed(s, exec_stmt(s, st));
}

int store_presentation_add(struct store *s, long long org, const struct presentation *p, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO presentation(organisation_id, kind, audience, held_on, title, peer_group_id)"
		" SELECT ?1, ?2, ?3, ?4, ?5, ?6"
		" WHERE ?6 IS NULL OR EXISTS (SELECT 1 FROM peer_group WHERE id = ?6 AND organisation_id = ?1)");
	q_bind_int64(st, 1, org);
	bind_text(st, 2, p->kind);
	bind_text(st, 3, p->audience);
	bind_text(st, 4, p->held_on);
	bind_text(st, 5, p->title);
	bind_ref(st, 6, p->peer_group_id);
	int r = inserted(s, exec_stmt(s, st), id);
	for (size_t i = 0; !r && i < p->npresenters; i++) {
		struct query *pr = stmt(s,
			"INSERT INTO presentation_presenter(presentation_id, organisation_id, person_id)"
			" SELECT ?2, ?1, ?3 WHERE EXISTS (SELECT 1 FROM person WHERE id = ?3 AND organisation_id = ?1)"
			" ON CONFLICT DO NOTHING");
		q_bind_int64(pr, 1, org);
		q_bind_int64(pr, 2, *id);
		q_bind_int64(pr, 3, p->presenters[i]);
		r = exec_stmt(s, pr);
		if (!r && !q_changes(s))
			r = ST_INVALID;  /* not of the organisation (the caller gives each person once) */
	}
	return r;
}

#define PRESENTATION_SELECT "SELECT x.id, coalesce(x.peer_group_id, 0), x.kind, x.audience, x.held_on, x.title," \
	" coalesce(g.name || CASE WHEN g.period <> '' THEN ' (' || g.period || ')' ELSE '' END, '')" \
	" FROM presentation x LEFT JOIN peer_group g ON g.id = x.peer_group_id"

static void read_presentation(struct arena *a, struct query *st, struct presentation *p)
{
	memset(p, 0, sizeof(*p));
	p->id = q_int64(st, 0);
	p->peer_group_id = q_int64(st, 1);
	p->kind = col_text0(a, st, 2);
	p->audience = col_text0(a, st, 3);
	p->held_on = col_text0(a, st, 4);
	p->title = col_text0(a, st, 5);
	p->group_name = col_text0(a, st, 6);
}

/* The presenters of each of the n presentations. */
static int read_presenters(struct store *s, struct arena *a, long long org, struct presentation *p, size_t n)
{
	struct query *pr = stmt(s, "SELECT r.person_id, p.name FROM presentation_presenter r JOIN person p"
				" ON p.id = r.person_id WHERE r.organisation_id = ? AND r.presentation_id = ?"
				" ORDER BY lower(p.name)");
	int rc = ST_OK;
	for (size_t i = 0; i < n && !rc; i++) {
		q_bind_int64(pr, 1, org);
		q_bind_int64(pr, 2, p[i].id);
		size_t c1 = 0, c2 = 0, n2 = 0;
		while ((rc = q_step(pr)) == Q_ROW) {
			*ROW_PUSH(a, p[i].presenters, p[i].npresenters, c1) = q_int64(pr, 0);
			*ROW_PUSH(a, p[i].presenter_names, n2, c2) = col_text0(a, pr, 1);
		}
		q_reset(pr);
		rc = map_rc(s, rc);
	}
	return rc;
}

int store_presentation_list(struct store *s, struct arena *a, long long org, long long group,
			    struct presentation **out, size_t *n)
{
	struct query *st = stmt(s, PRESENTATION_SELECT " WHERE x.organisation_id = ?1 AND (?2 = 0 OR x.peer_group_id = ?2)"
				" ORDER BY x.held_on DESC, x.id DESC");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, group);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_presentation(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	if ((rc = map_rc(s, rc)))
		return rc;
	return read_presenters(s, a, org, *out, *n);
}

int store_presentation_get(struct store *s, struct arena *a, long long org, long long id, struct presentation *out)
{
	struct query *st = stmt(s, PRESENTATION_SELECT " WHERE x.organisation_id = ? AND x.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_presentation(a, st, out);
	q_reset(st);
	if (rc != Q_ROW)
		return rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
	return read_presenters(s, a, org, out, 1);
}

int store_peer_group_set_active(struct store *s, long long org, long long id, bool active)
{
	struct query *st = stmt(s, "UPDATE peer_group SET active = ?3 WHERE organisation_id = ?1 AND id = ?2");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	q_bind_int(st, 3, active ? 1 : 0);
	return changed(s, exec_stmt(s, st));
}

int store_peer_group_any(struct store *s, long long org, long long person, bool *any)
{
	struct query *st = stmt(s, "SELECT EXISTS (SELECT 1 FROM peer_group_member WHERE organisation_id = ? AND person_id = ?)");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, person);
	int rc = q_step(st);
	*any = rc == Q_ROW && q_int(st, 0);
	q_reset(st);
	return map_rc(s, rc);
}
