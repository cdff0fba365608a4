/* meeting.c — meetings of groups, their preparers, attendance, and the
 * calendar feeds in SQLite. */
#include "internal.h"
#include "store/calendar.h"
#include "store/meeting.h"

#define MEETING_COLS \
	"m.id, m.group_id, m.programme_meeting_id, coalesce(m.topic_id, 0), coalesce(m.option_id, 0), m.starts_on," \
	" m.start_time, m.ends_on, m.end_time, m.venue, m.cancelled, m.sequence, m.updated_at, m.choice, m.free_topic," \
	" m.justification, pm.number, pm.days, pm.from_menu, pm.theme, t.name, o.name, g.name, p.name, b.id, b.number," \
	" coalesce((SELECT group_concat(CAST(person_id AS TEXT), ',') FROM (SELECT person_id" \
	"  FROM meeting_preparer WHERE meeting_id = m.id ORDER BY person_id) x), '')"
#define MEETING_FROM \
	" FROM meeting m JOIN programme_meeting pm ON pm.id = m.programme_meeting_id" \
	" JOIN learning_group g ON g.id = m.group_id JOIN batch b ON b.id = g.batch_id" \
	" JOIN programme p ON p.id = b.programme_id" \
	" LEFT JOIN menu_topic t ON t.id = m.topic_id LEFT JOIN menu_option o ON o.id = m.option_id"

static void read_meeting(struct arena *a, struct query *st, struct meeting *m)
{
	m->id = q_int64(st, 0);
	m->group_id = q_int64(st, 1);
	m->programme_meeting_id = q_int64(st, 2);
	m->topic_id = q_int64(st, 3);
	m->option_id = q_int64(st, 4);
	m->starts_on = col_text0(a, st, 5);
	m->start_time = col_text0(a, st, 6);
	m->ends_on = col_text0(a, st, 7);
	m->end_time = col_text0(a, st, 8);
	m->venue = col_text0(a, st, 9);
	m->cancelled = q_int(st, 10);
	m->sequence = q_int(st, 11);
	m->updated_at = q_int64(st, 12);
	m->choice = col_text0(a, st, 13);
	m->free_topic = col_text0(a, st, 14);
	m->justification = col_text0(a, st, 15);
	m->number = q_int(st, 16);
	m->days = q_int(st, 17);
	m->from_menu = q_int(st, 18);
	m->theme = col_text0(a, st, 19);
	m->topic_name = col_text(a, st, 20);
	m->option_name = col_text(a, st, 21);
	m->group_name = col_text0(a, st, 22);
	m->programme_name = col_text0(a, st, 23);
	m->batch_id = q_int64(st, 24);
	m->batch_number = q_int(st, 25);
	m->preparers = col_text0(a, st, 26);
}

static int meeting_rows(struct store *s, struct arena *a, struct query *st, struct meeting **out, size_t *n)
{
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_meeting(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

static void bind_meeting(struct query *st, long long org, const struct meeting *m)
{
	q_bind_int64(st, 1, org);
	bind_text(st, 2, m->starts_on);
	bind_text(st, 3, m->start_time);
	bind_text(st, 4, m->ends_on);
	bind_text(st, 5, m->end_time);
	bind_text(st, 6, m->venue ? m->venue : "");
	q_bind_int(st, 7, m->cancelled ? 1 : 0);
	bind_text(st, 8, m->choice ? m->choice : "");
	bind_ref(st, 9, m->topic_id);
	bind_ref(st, 10, m->option_id);
	bind_text(st, 11, m->free_topic ? m->free_topic : "");
	bind_text(st, 12, m->justification ? m->justification : "");
	q_bind_int(st, 13, m->sequence);
	q_bind_int64(st, 14, m->updated_at);
}

/* topic and option must be of the programme of the group, the option of the topic */
#define CHOICE_OK(group) \
	" (?9 IS NULL OR EXISTS (SELECT 1 FROM menu_topic t JOIN batch b ON b.programme_id = t.programme_id" \
	"  JOIN learning_group g ON g.batch_id = b.id WHERE t.id = ?9 AND g.id = " group "))" \
	" AND (?10 IS NULL OR EXISTS (SELECT 1 FROM menu_option o WHERE o.id = ?10 AND o.topic_id = ?9))"

int store_meeting_add(struct store *s, long long org, const struct meeting *m, long long *id)
{
	/* the programme meeting must be of the group's programme */
	struct query *st = stmt(s,
		"INSERT INTO meeting(organisation_id, starts_on, start_time, ends_on, end_time, venue, cancelled, choice,"
		" topic_id, option_id, free_topic, justification, sequence, updated_at, group_id, programme_meeting_id)"
		" SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16"
		" WHERE EXISTS (SELECT 1 FROM learning_group g JOIN batch b ON b.id = g.batch_id"
		"  JOIN programme_meeting pm ON pm.programme_id = b.programme_id"
		"  WHERE g.id = ?15 AND g.organisation_id = ?1 AND pm.id = ?16) AND" CHOICE_OK("?15"));
	bind_meeting(st, org, m);
	q_bind_int64(st, 15, m->group_id);
	q_bind_int64(st, 16, m->programme_meeting_id);
	return inserted(s, exec_stmt(s, st), id);
}

int store_meeting_update(struct store *s, long long org, const struct meeting *m)
{
	struct query *st = stmt(s,
		"UPDATE meeting SET starts_on = ?2, start_time = ?3, ends_on = ?4, end_time = ?5, venue = ?6,"
		" cancelled = ?7, choice = ?8, topic_id = ?9, option_id = ?10, free_topic = ?11, justification = ?12,"
		" sequence = ?13, updated_at = ?14 WHERE id = ?15 AND organisation_id = ?1 AND" CHOICE_OK("meeting.group_id"));
	bind_meeting(st, org, m);
	q_bind_int64(st, 15, m->id);
	return changed(s, exec_stmt(s, st));
}

int store_meeting_get(struct store *s, struct arena *a, long long org, long long id, struct meeting *out)
{
	struct query *st = stmt(s, "SELECT " MEETING_COLS MEETING_FROM " WHERE m.organisation_id = ? AND m.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_meeting(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_meeting_list(struct store *s, struct arena *a, long long org, long long group_id, struct meeting **out,
		       size_t *n)
{
	struct query *st = stmt(s, "SELECT " MEETING_COLS MEETING_FROM " WHERE +m.organisation_id = ? AND m.group_id = ?"
				" ORDER BY pm.number");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, group_id);
	return meeting_rows(s, a, st, out, n);
}

int store_meeting_list_programme(struct store *s, struct arena *a, long long org, long long programme_id,
				 struct meeting **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " MEETING_COLS MEETING_FROM " WHERE m.organisation_id = ? AND b.programme_id = ?"
				" ORDER BY b.number, g.name, g.id, pm.number");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, programme_id);
	return meeting_rows(s, a, st, out, n);
}

/* The groups of a person in any role, as a CTE: three indexed look-ups
 * rather than an OR that would scan every group. */
#define GROUPS_OF_PERSON \
	"WITH mine(id) AS (SELECT id FROM learning_group WHERE mentor_id = ?2 AND organisation_id = ?1" \
	" UNION SELECT id FROM learning_group WHERE facilitator_id = ?2 AND organisation_id = ?1" \
	" UNION SELECT group_id FROM enrolment WHERE person_id = ?2 AND organisation_id = ?1) "

int store_meeting_list_for_person(struct store *s, struct arena *a, long long org, long long person_id,
				  struct meeting **out, size_t *n)
{
	struct query *st = stmt(s, GROUPS_OF_PERSON "SELECT " MEETING_COLS MEETING_FROM
				/* "+": scope by organisation, but find the rows by group */
				" WHERE +m.organisation_id = ?1 AND m.group_id IN (SELECT id FROM mine)"
				" ORDER BY m.starts_on, m.start_time, m.id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, person_id);
	return meeting_rows(s, a, st, out, n);
}

int store_meeting_set_preparers(struct store *s, long long org, long long meeting_id, const long long *people,
				size_t n)
{
	struct query *st = stmt(s, "DELETE FROM meeting_preparer WHERE meeting_id = ? AND organisation_id = ?");
	q_bind_int64(st, 1, meeting_id);
	q_bind_int64(st, 2, org);
	int r = exec_stmt(s, st);
	for (size_t i = 0; i < n && !r; i++) {
		st = stmt(s, "INSERT INTO meeting_preparer(meeting_id, person_id, organisation_id) SELECT ?2, ?3, ?1"
			     " WHERE EXISTS (SELECT 1 FROM meeting WHERE id = ?2 AND organisation_id = ?1)"
			     " AND EXISTS (SELECT 1 FROM person WHERE id = ?3 AND organisation_id = ?1)");
		q_bind_int64(st, 1, org);
		q_bind_int64(st, 2, meeting_id);
		q_bind_int64(st, 3, people[i]);
		r = inserted(s, exec_stmt(s, st), NULL);
	}
	return r;
}

int store_attendance_set(struct store *s, long long org, long long meeting_id, long long person_id,
			 const char *status, long long now)
{
	struct query *st = stmt(s,
		"INSERT INTO attendance(meeting_id, person_id, organisation_id, status, recorded_at) SELECT ?2, ?3, ?1, ?4, ?5"
		" WHERE EXISTS (SELECT 1 FROM meeting WHERE id = ?2 AND organisation_id = ?1)"
		" AND EXISTS (SELECT 1 FROM person WHERE id = ?3 AND organisation_id = ?1)"
		" ON CONFLICT (meeting_id, person_id) DO UPDATE SET status = excluded.status,"
		" recorded_at = excluded.recorded_at WHERE attendance.status <> excluded.status");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, meeting_id);
	q_bind_int64(st, 3, person_id);
	bind_text(st, 4, status);
	q_bind_int64(st, 5, now);
	return exec_stmt(s, st);
}

int store_attendance_clear(struct store *s, long long org, long long meeting_id, long long person_id)
{
	struct query *st = stmt(s, "DELETE FROM attendance WHERE meeting_id = ? AND person_id = ? AND organisation_id = ?");
	q_bind_int64(st, 1, meeting_id);
	q_bind_int64(st, 2, person_id);
	q_bind_int64(st, 3, org);
	return exec_stmt(s, st);
}

int store_attendance_list(struct store *s, struct arena *a, long long org, long long group_id,
			  struct attendance **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT x.meeting_id, x.person_id, x.status FROM attendance x"
				" JOIN meeting m ON m.id = x.meeting_id WHERE x.organisation_id = ? AND m.group_id = ?"
				" ORDER BY x.meeting_id, x.person_id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, group_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct attendance *x = ROW_PUSH(a, *out, *n, cap);
		x->meeting_id = q_int64(st, 0);
		x->person_id = q_int64(st, 1);
		x->status = col_text0(a, st, 2);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_feed_add(struct store *s, long long org, long long account_id, long long group_id,
		   const unsigned char hash[HASH_LEN], long long now, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO calendar_feed(organisation_id, account_id, group_id, token_hash, created_at)"
		" SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM account WHERE id = ?2 AND organisation_id = ?1)"
		" AND (?3 IS NULL OR EXISTS (SELECT 1 FROM learning_group WHERE id = ?3 AND organisation_id = ?1))");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, account_id);
	bind_ref(st, 3, group_id);
	q_bind_blob(st, 4, hash, HASH_LEN);
	q_bind_int64(st, 5, now);
	return inserted(s, exec_stmt(s, st), id);
}

static void read_feed(struct query *st, struct calendar_feed *f)
{
	f->id = q_int64(st, 0);
	f->account_id = q_int64(st, 1);
	f->group_id = q_int64(st, 2);
	f->organisation_id = q_int64(st, 3);
	f->created_at = q_int64(st, 4);
}

int store_feed_by_hash(struct store *s, const unsigned char hash[HASH_LEN], struct calendar_feed *out)
{
	struct query *st = stmt(s, "SELECT id, account_id, coalesce(group_id, 0), organisation_id, created_at"
				" FROM calendar_feed WHERE token_hash = ? AND revoked_at IS NULL");
	q_bind_blob(st, 1, hash, HASH_LEN);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_feed(st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_feed_list(struct store *s, struct arena *a, long long org, long long account_id,
		    struct calendar_feed **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT id, account_id, coalesce(group_id, 0), organisation_id, created_at"
				" FROM calendar_feed WHERE organisation_id = ? AND account_id = ? AND revoked_at IS NULL"
				" ORDER BY id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, account_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_feed(st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

int store_feed_revoke(struct store *s, long long org, long long account_id, long long id, long long now)
{
	struct query *st = stmt(s, "UPDATE calendar_feed SET revoked_at = ? WHERE id = ? AND account_id = ?"
				" AND organisation_id = ? AND revoked_at IS NULL");
	q_bind_int64(st, 1, now);
	q_bind_int64(st, 2, id);
	q_bind_int64(st, 3, account_id);
	q_bind_int64(st, 4, org);
	return changed(s, exec_stmt(s, st));
}
