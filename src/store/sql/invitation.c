/* invitation.c — people without an account, invitation times and the
 * active flag of accounts, in SQLite. */
#include "internal.h"
#include "store/invitation.h"

#include <string.h>

/* the people of the scope (?2 a unit and the units below it, or else ?3
 * a learning group), active, with no account by person or address */
#define SCOPE(same_address) \
	" FROM person p WHERE p.organisation_id = ?1 AND p.active = 1" \
	" AND (CASE WHEN ?2 > 0 THEN p.unit_id IN (WITH RECURSIVE sub(id) AS (SELECT id FROM unit" \
	"   WHERE id = ?2 AND organisation_id = ?1 UNION ALL SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id)" \
	"   SELECT id FROM sub)" \
	"  ELSE p.id IN (SELECT person_id FROM enrolment WHERE group_id = ?3 AND organisation_id = ?1" \
	"   AND status <> 'stopped') END)" \
	" AND NOT EXISTS (SELECT 1 FROM account a WHERE a.person_id = p.id)" \
	" AND NOT EXISTS (SELECT 1 FROM account a WHERE p.email <> '' AND " same_address ")"
/* an account's address is the person's without regard to case: SQLite's
 * column is NOCASE, PostgreSQL's has an index on lower() */
#define SQLITE_SAME "a.email = p.email"
#define POSTGRESQL_SAME "lower(a.email) = lower(p.email)"

int store_invite_candidates(struct store *s, struct arena *a, long long org, long long unit_id,
			    long long group_id, struct person **out, size_t *n, long long *no_email)
{
	*out = NULL;
	*n = 0;
	*no_email = 0;
	struct query *st = stmt_for(s, "SELECT count(*)" SCOPE(SQLITE_SAME) " AND p.email = ''",
				    "SELECT count(*)" SCOPE(POSTGRESQL_SAME) " AND p.email = ''");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, unit_id);
	q_bind_int64(st, 3, group_id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		*no_email = q_int64(st, 0);
	q_reset(st);
	if (rc != Q_ROW)
		return map_rc(s, rc);
#define CANDIDATES(same) "SELECT p.id, p.name, p.email, p.employee_id" SCOPE(same) " AND p.email <> ''" \
		" AND p.id = (SELECT min(q.id) FROM person q WHERE q.organisation_id = ?1 AND lower(q.email) = lower(p.email)" \
		"  AND q.active = 1)" \
		" ORDER BY p.name, p.id"
	st = stmt_for(s, CANDIDATES(SQLITE_SAME), CANDIDATES(POSTGRESQL_SAME));
#undef CANDIDATES
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, unit_id);
	q_bind_int64(st, 3, group_id);
	size_t cap = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct person *p = ROW_PUSH(a, *out, *n, cap);
		memset(p, 0, sizeof(*p));
		p->id = q_int64(st, 0);
		p->organisation_id = org;
		p->name = col_text0(a, st, 1);
		p->email = col_text0(a, st, 2);
		p->employee_id = col_text0(a, st, 3);
		p->active = 1;
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_account_set_invited(struct store *s, long long org, long long id, long long at)
{
	struct query *st = stmt(s, "UPDATE account SET invited_at = ? WHERE organisation_id = ? AND id = ?");
	q_bind_int64(st, 1, at);
	q_bind_int64(st, 2, org);
	q_bind_int64(st, 3, id);
	int r = exec_stmt(s, st);
	return r ? r : q_changes(s) ? ST_OK : ST_NOTFOUND;
}

int store_account_set_active(struct store *s, long long org, long long id, bool active)
{
	struct query *st = stmt(s, "UPDATE account SET active = ? WHERE organisation_id = ? AND id = ?");
	q_bind_int(st, 1, active);
	q_bind_int64(st, 2, org);
	q_bind_int64(st, 3, id);
	int r = exec_stmt(s, st);
	return r ? r : q_changes(s) ? ST_OK : ST_NOTFOUND;
}
