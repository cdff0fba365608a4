/* network.c — the rows of the recruitment network in SQLite: referrals,
 * the people and presentations in them with their departments, teams and
 * circles, and the installation's keys. */
#include "internal.h"
#include "store/network.h"

#include <string.h>

/* Every unit of the organisation with its department (the top-level
 * ancestor) and team (the unit directly below the department). */
#define TREE_CTE "WITH RECURSIVE tree(id, dept, team) AS (" \
	" SELECT id, name, '' FROM unit WHERE organisation_id = ?1 AND parent_id IS NULL" \
	" UNION ALL SELECT u.id, t.dept, CASE WHEN t.team = '' THEN u.name ELSE t.team END" \
	" FROM unit u JOIN tree t ON u.parent_id = t.id)"

/* The people in the network: who joined, who encouraged, who presented a
 * presentation someone came through. */
#define IN_NETWORK "(SELECT person_id FROM referral WHERE organisation_id = ?1" \
	" UNION SELECT by_person_id FROM referral WHERE organisation_id = ?1 AND by_person_id IS NOT NULL" \
	" UNION SELECT pp.person_id FROM presentation_presenter pp JOIN referral r" \
	" ON r.presentation_id = pp.presentation_id WHERE r.organisation_id = ?1)"

static int read_people(struct store *s, struct arena *a, long long org, struct net_rows *out)
{
	struct query *st = stmt(s, TREE_CTE
		" SELECT p.id, p.name, p.employee_id, p.email, coalesce(t.dept, ''), coalesce(t.team, ''),"
		" coalesce((SELECT group_concat(name, ';') FROM (SELECT g.name FROM peer_group_member m"
		"   JOIN peer_group g ON g.id = m.peer_group_id WHERE m.person_id = p.id AND g.kind = 'circle'"
		"   AND m.role = 'member' GROUP BY g.name ORDER BY length(g.name), g.name) x), ''),"
		" coalesce((SELECT group_concat(period, ';') FROM (SELECT g.period FROM peer_group_member m"
		"   JOIN peer_group g ON g.id = m.peer_group_id WHERE m.person_id = p.id AND g.kind = 'circle'"
		"   AND m.role = 'member' AND g.period <> '' GROUP BY g.period"
		"   ORDER BY substr(g.period, length(g.period) - 3), g.period) x), ''),"
		/* a team leader: the manager of their own team (a unit under a
		 * department), as the spread table marks them; not a head of
		 * department or the top */
		" EXISTS (SELECT 1 FROM unit u WHERE u.id = p.unit_id AND u.manager_person_id = p.id"
		"   AND u.parent_id IS NOT NULL)"
		" FROM person p LEFT JOIN tree t ON t.id = p.unit_id"
		" WHERE p.organisation_id = ?1 AND p.id IN " IN_NETWORK " ORDER BY p.id");
	q_bind_int64(st, 1, org);
	size_t cap = 0;
	int rc;
	while ((rc = q_step(st)) == Q_ROW) {
		struct net_person_row *p = ROW_PUSH(a, out->people, out->npeople, cap);
		p->id = q_int64(st, 0);
		p->name = col_text0(a, st, 1);
		p->employee_id = col_text0(a, st, 2);
		p->email = col_text0(a, st, 3);
		p->department = col_text0(a, st, 4);
		p->team = col_text0(a, st, 5);
		p->circles = col_text0(a, st, 6);
		p->periods = col_text0(a, st, 7);
		p->team_leader = q_int(st, 8) != 0;
	}
	q_reset(st);
	return map_rc(s, rc);
}

static int read_referrals(struct store *s, struct arena *a, long long org, struct net_rows *out)
{
	struct query *st = stmt(s, "SELECT person_id, kind, coalesce(by_person_id, 0), by_name, by_role,"
				" coalesce(presentation_id, 0), noted_on FROM referral WHERE organisation_id = ?1"
				" ORDER BY person_id, id");
	q_bind_int64(st, 1, org);
	size_t cap = 0;
	int rc;
	while ((rc = q_step(st)) == Q_ROW) {
		struct net_referral_row *r = ROW_PUSH(a, out->referrals, out->nreferrals, cap);
		r->person_id = q_int64(st, 0);
		r->kind = col_text0(a, st, 1);
		r->by_person_id = q_int64(st, 2);
		r->by_name = col_text0(a, st, 3);
		r->by_role = col_text0(a, st, 4);
		r->presentation_id = q_int64(st, 5);
		r->noted_on = col_text0(a, st, 6);
	}
	q_reset(st);
	return map_rc(s, rc);
}

static int read_presentations(struct store *s, struct arena *a, long long org, struct net_rows *out)
{
	struct query *st = stmt(s, "SELECT id, kind, title, held_on FROM presentation WHERE organisation_id = ?1"
				" AND id IN (SELECT presentation_id FROM referral WHERE organisation_id = ?1)"
				" ORDER BY id");
	q_bind_int64(st, 1, org);
	size_t cap = 0;
	int rc;
	while ((rc = q_step(st)) == Q_ROW) {
		struct net_presentation_row *p = ROW_PUSH(a, out->presentations, out->npresentations, cap);
		p->id = q_int64(st, 0);
		p->kind = col_text0(a, st, 1);
		p->title = col_text0(a, st, 2);
		p->held_on = col_text0(a, st, 3);
	}
	q_reset(st);
	if (rc != Q_DONE)
		return map_rc(s, rc);
	st = stmt(s, "SELECT presentation_id, person_id FROM presentation_presenter WHERE organisation_id = ?1"
		  " AND presentation_id IN (SELECT presentation_id FROM referral WHERE organisation_id = ?1)"
		  " ORDER BY presentation_id, person_id");
	q_bind_int64(st, 1, org);
	cap = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct net_presenter_row *p = ROW_PUSH(a, out->presenters, out->npresenters, cap);
		p->presentation_id = q_int64(st, 0);
		p->person_id = q_int64(st, 1);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_network_rows(struct store *s, struct arena *a, long long org, struct net_rows *out)
{
	memset(out, 0, sizeof(*out));
	int r = store_read_begin(s);
	if (r)
		return r;
	if (!(r = read_people(s, a, org, out)) && !(r = read_referrals(s, a, org, out)))
		r = read_presentations(s, a, org, out);
	store_read_end(s);
	return r;
}

int store_installation_key(struct store *s, const char *purpose, unsigned char key[32])
{
	struct query *st = stmt(s, "SELECT key FROM installation_key WHERE purpose = ?");
	bind_text(st, 1, purpose);
	int rc = q_step(st), r = ST_OK;
	if (rc == Q_ROW && q_bytes(st, 0) == 32)
		memcpy(key, q_blob(st, 0), 32);
	else
		r = rc == Q_ROW || rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
	q_reset(st);
	return r;
}
