/* start.c — what one person has to do now (store/start.h): one statement
 * per part of the start page, each scoped to the organisation. */
#include "internal.h"
#include "store/start.h"

#define COLS "kind, id, ref, number, count, total, name, group_name, date"

/* ?1 organisation, ?2 person, ?3 today, ?4 a week ago, ?5 due by */
static const char participant_sql[] =
	"SELECT " COLS " FROM ("
	" SELECT 1 AS kind, e.id AS id, g.id AS ref, 0 AS number, 0 AS count, 0 AS total, '' AS name,"
	"  g.name AS group_name, '' AS date"
	" FROM enrolment e JOIN learning_group g ON g.id = e.group_id"
	" WHERE e.organisation_id = ?1 AND e.person_id = ?2 AND e.status IN ('registered', 'active')"
	"  AND NOT EXISTS (SELECT 1 FROM learning_question q WHERE q.organisation_id = ?1 AND q.person_id = ?2"
	"   AND q.group_id = g.id)"
	" UNION ALL"
	" SELECT 2, e.id, g.id, 0, 0, 0, '', g.name, ''"
	" FROM enrolment e JOIN learning_group g ON g.id = e.group_id"
	" WHERE e.organisation_id = ?1 AND e.person_id = ?2 AND e.status IN ('registered', 'active')"
	"  AND NOT EXISTS (SELECT 1 FROM development_goal d WHERE d.organisation_id = ?1 AND d.person_id = ?2"
	"   AND d.group_id = g.id)"
	" UNION ALL"
	" SELECT 3, 0, 0, 0, 0, 0, '', '', last FROM (SELECT coalesce(max(entry_date), '') AS last FROM logbook_entry"
	"  WHERE organisation_id = ?1 AND person_id = ?2) l"
	" WHERE last < ?4 AND EXISTS (SELECT 1 FROM enrolment WHERE organisation_id = ?1 AND person_id = ?2"
	"  AND status = 'active')"
	" UNION ALL"
	" SELECT 4, i.id, w.id, 0, 0, 0, w.name, '', w.closes_on"
	" FROM invitation i JOIN wave w ON w.id = i.wave_id"
	" WHERE i.organisation_id = ?1 AND i.person_id = ?2 AND i.responded = 0 AND w.closed_at IS NULL"
	"  AND w.opens_on <= ?3 AND w.closes_on >= ?3"
	" UNION ALL"
	" SELECT 5, m.id, g.id, pm.number, 0, 0, pm.theme, g.name, m.starts_on"
	" FROM meeting_preparer mp JOIN meeting m ON m.id = mp.meeting_id"
	"  JOIN learning_group g ON g.id = m.group_id JOIN programme_meeting pm ON pm.id = m.programme_meeting_id"
	" WHERE mp.organisation_id = ?1 AND mp.person_id = ?2 AND m.cancelled = 0 AND m.starts_on >= ?3"
	" UNION ALL"
	" SELECT 6, d.id, g.id, 0, 0, 0, d.text, g.name, d.due_on"
	" FROM development_goal d JOIN learning_group g ON g.id = d.group_id"
	" WHERE d.organisation_id = ?1 AND d.person_id = ?2 AND d.due_on <> '' AND d.due_on >= ?3 AND d.due_on <= ?5"
	" UNION ALL"
	" SELECT 16, a.id, a.session_id, 0, 0, 0, a.text, coalesce(g.name, pg.name), a.due_on"
	" FROM session_action a JOIN case_session x ON x.id = a.session_id"
	"  LEFT JOIN learning_group g ON g.id = x.group_id LEFT JOIN peer_group pg ON pg.id = x.peer_group_id"
	" WHERE a.organisation_id = ?1 AND a.person_id = ?2 AND a.status = 'open' AND a.due_on <= ?5"
	") t ORDER BY kind, date, id";

/* ?1 organisation, ?2 person, ?3 today, ?4 meetings since: the groups they
 * facilitate (the attendance, reports and contributions) or mentor (the
 * intakes) */
static const char staff_sql[] =
	"SELECT " COLS " FROM ("
	" SELECT 7 AS kind, m.id AS id, g.id AS ref, pm.number AS number, 0 AS count, 0 AS total, pm.theme AS name,"
	"  g.name AS group_name, m.starts_on AS date"
	" FROM learning_group g JOIN meeting m ON m.group_id = g.id JOIN programme_meeting pm ON pm.id = m.programme_meeting_id"
	" WHERE g.organisation_id = ?1 AND g.facilitator_id = ?2 AND m.cancelled = 0 AND m.starts_on < ?3"
	"  AND m.starts_on >= ?4 AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = m.id)"
	"  AND EXISTS (SELECT 1 FROM enrolment e WHERE e.group_id = g.id AND e.status IN ('active', 'completed'))"
	" UNION ALL"
	" SELECT 8, m.id, g.id, pm.number, 0, 0, pm.theme, g.name, m.starts_on"
	" FROM learning_group g JOIN meeting m ON m.group_id = g.id JOIN programme_meeting pm ON pm.id = m.programme_meeting_id"
	" WHERE g.organisation_id = ?1 AND g.facilitator_id = ?2 AND m.cancelled = 0 AND m.starts_on < ?3"
	"  AND m.starts_on >= ?4"
	"  AND NOT EXISTS (SELECT 1 FROM meeting_report r WHERE r.meeting_id = m.id AND r.status = 'published')"
	" UNION ALL"
	" SELECT 9, m.id, g.id, pm.number, count(*), 0, pm.theme, g.name, m.starts_on"
	" FROM contribution x JOIN meeting m ON m.id = x.meeting_id JOIN learning_group g ON g.id = m.group_id"
	"  JOIN programme_meeting pm ON pm.id = m.programme_meeting_id"
	" WHERE x.organisation_id = ?1 AND g.facilitator_id = ?2 AND x.placed = 0"
	" GROUP BY m.id, g.id, pm.id"
	" UNION ALL"
	" SELECT 10, e.id, g.id, 0, 0, 0, p.name, g.name, ''"
	" FROM learning_group g JOIN enrolment e ON e.group_id = g.id JOIN person p ON p.id = e.person_id"
	" WHERE g.organisation_id = ?1 AND (g.facilitator_id = ?2 OR g.mentor_id = ?2)"
	"  AND e.status IN ('registered', 'active') AND NOT EXISTS (SELECT 1 FROM intake i WHERE i.enrolment_id = e.id)"
	") t ORDER BY kind, date, group_name, id";

/* ?1 organisation, ?2 reports of meetings before it are late, ?3 meetings
 * since, ?4 today: a pair is confirmed once the first meeting was held */
static const char coach_sql[] =
	"SELECT " COLS " FROM ("
	" SELECT 11 AS kind, g.id AS id, 0 AS ref,"
	"  CASE WHEN g.mentor_id IS NULL OR g.facilitator_id IS NULL THEN 1 ELSE 2 END AS number,"
	"  0 AS count, 0 AS total, '' AS name, g.name AS group_name, '' AS date"
	" FROM learning_group g"
	" WHERE g.organisation_id = ?1 AND g.pair_status NOT IN ('confirmed', 'changed')"
	"  AND EXISTS (SELECT 1 FROM enrolment e WHERE e.group_id = g.id AND e.status IN ('registered', 'active'))"
	"  AND (g.mentor_id IS NULL OR g.facilitator_id IS NULL OR EXISTS (SELECT 1 FROM meeting m"
	"   WHERE m.group_id = g.id AND m.cancelled = 0 AND m.starts_on <= ?4))"
	" UNION ALL"
	" SELECT 12, g.id, 0, 0, count(*), 0, '', g.name, min(m.starts_on)"
	" FROM learning_group g JOIN meeting m ON m.group_id = g.id"
	" WHERE g.organisation_id = ?1 AND m.cancelled = 0 AND m.starts_on < ?2 AND m.starts_on >= ?3"
	"  AND NOT EXISTS (SELECT 1 FROM meeting_report r WHERE r.meeting_id = m.id AND r.status = 'published')"
	"  AND EXISTS (SELECT 1 FROM enrolment e WHERE e.group_id = g.id AND e.status IN ('active', 'completed'))"
	" GROUP BY g.id"
	" UNION ALL"
	" SELECT 15, g.id, 0, p.group_min, count(e.id), p.group_max, '', g.name, ''"
	" FROM learning_group g JOIN batch b ON b.id = g.batch_id JOIN programme p ON p.id = b.programme_id"
	"  LEFT JOIN enrolment e ON e.group_id = g.id AND e.status IN ('registered', 'active')"
	" WHERE g.organisation_id = ?1 AND (NOT EXISTS (SELECT 1 FROM meeting m WHERE m.group_id = g.id AND m.cancelled = 0)"
	"  OR EXISTS (SELECT 1 FROM meeting m WHERE m.group_id = g.id AND m.cancelled = 0 AND m.starts_on >= ?4))"
	" GROUP BY g.id, p.id HAVING (p.group_min > 0 AND count(e.id) < p.group_min) OR (p.group_max > 0 AND count(e.id) > p.group_max)"
	") t ORDER BY kind, date, group_name, id";

/* ?1 organisation, ?2 today, ?3 closing up to */
static const char waves_sql[] =
	"SELECT 13, w.id, 0, 0, sum(i.responded), count(*), w.name, '', w.closes_on"
	" FROM wave w JOIN invitation i ON i.wave_id = w.id"
	" WHERE w.organisation_id = ?1 AND w.closed_at IS NULL AND w.opens_on <= ?2 AND w.closes_on >= ?2"
	"  AND w.closes_on <= ?3"
	" GROUP BY w.id HAVING 2 * sum(i.responded) < count(*)"
	" ORDER BY w.closes_on, w.id";

/* ?1 organisation */
static const char admin_sql[] =
	"SELECT " COLS " FROM ("
	" SELECT 14 AS kind, 0 AS id, 0 AS ref, 0 AS number, count(*) AS count, 0 AS total, '' AS name, '' AS group_name,"
	"  '' AS date"
	" FROM person p WHERE p.organisation_id = ?1 AND p.active = 1 AND p.email <> ''"
	"  AND NOT EXISTS (SELECT 1 FROM account a WHERE a.person_id = p.id)"
	" HAVING count(*) > 0"
	") t";

/* ?1 organisation, ?2 account: the open member checks of its projects
 * with answers, the latest answered first */
static const char research_sql[] =
	"SELECT 17 AS kind, m.id AS id, m.project_id AS ref, 0 AS number,"
	" sum(CASE WHEN k.answered_at IS NOT NULL THEN 1 ELSE 0 END) AS count, count(k.id) AS total,"
	" m.title AS name, p.name AS group_name, '' AS date"
	" FROM member_check m JOIN research_project p ON p.id = m.project_id"
	"  JOIN research_coder rc ON rc.project_id = p.id AND rc.account_id = ?2"
	"  JOIN member_check_contact k ON k.check_id = m.id"
	" WHERE m.organisation_id = ?1 AND p.organisation_id = ?1 AND m.closed_at IS NULL"
	" GROUP BY m.id, m.project_id, m.title, p.name"
	" HAVING sum(CASE WHEN k.answered_at IS NOT NULL THEN 1 ELSE 0 END) > 0"
	" ORDER BY max(k.answered_at) DESC, m.id";

static int rows(struct store *s, struct arena *a, struct query *st, struct start_row **out, size_t *n, size_t *cap)
{
	int rc;
	while ((rc = q_step(st)) == Q_ROW) {
		struct start_row *r = ROW_PUSH(a, *out, *n, *cap);
		r->kind = (enum start_kind)q_int(st, 0);
		r->id = q_int64(st, 1);
		r->ref = q_int64(st, 2);
		r->number = q_int(st, 3);
		r->count = q_int64(st, 4);
		r->total = q_int64(st, 5);
		r->name = col_text0(a, st, 6);
		r->group_name = col_text0(a, st, 7);
		r->date = col_text0(a, st, 8);
	}
	q_reset(st);
	return rc == Q_DONE ? ST_OK : map_rc(s, rc);
}

int store_start(struct store *s, struct arena *a, long long org, long long person_id, long long account_id,
		unsigned parts, const struct start_dates *d, struct start_row **out, size_t *n)
{
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	int r = ST_OK;
	struct query *st;
	if (!r && person_id && (parts & START_PART_PARTICIPANT)) {
		st = stmt(s, participant_sql);
		q_bind_int64(st, 1, org);
		q_bind_int64(st, 2, person_id);
		bind_text(st, 3, d->today);
		bind_text(st, 4, d->week_ago);
		bind_text(st, 5, d->due_by);
		r = rows(s, a, st, out, n, &cap);
	}
	if (!r && person_id && (parts & START_PART_STAFF)) {
		st = stmt(s, staff_sql);
		q_bind_int64(st, 1, org);
		q_bind_int64(st, 2, person_id);
		bind_text(st, 3, d->today);
		bind_text(st, 4, d->recent);
		r = rows(s, a, st, out, n, &cap);
	}
	if (!r && (parts & START_PART_COACH)) {
		st = stmt(s, coach_sql);
		q_bind_int64(st, 1, org);
		bind_text(st, 2, d->late_before);
		bind_text(st, 3, d->recent);
		bind_text(st, 4, d->today);
		r = rows(s, a, st, out, n, &cap);
	}
	if (!r && (parts & START_PART_WAVES)) {
		st = stmt(s, waves_sql);
		q_bind_int64(st, 1, org);
		bind_text(st, 2, d->today);
		bind_text(st, 3, d->soon);
		r = rows(s, a, st, out, n, &cap);
	}
	if (!r && (parts & START_PART_ADMIN)) {
		st = stmt(s, admin_sql);
		q_bind_int64(st, 1, org);
		r = rows(s, a, st, out, n, &cap);
	}
	if (!r && account_id && (parts & START_PART_RESEARCH)) {
		st = stmt(s, research_sql);
		q_bind_int64(st, 1, org);
		q_bind_int64(st, 2, account_id);
		r = rows(s, a, st, out, n, &cap);
	}
	return r;
}
