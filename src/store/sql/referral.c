/* referral.c — referrals (how a person came to take part) and presentation
 * attendees in SQLite. */
#include "internal.h"
#include "store/referral.h"

#include <string.h>

int store_referral_add(struct store *s, long long org, const struct referral *r, long long recorded_by, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO referral(organisation_id, person_id, kind, by_person_id, by_name, by_role, presentation_id,"
		" noted_on, recorded_by)"
		" SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9"
		" WHERE EXISTS (SELECT 1 FROM person WHERE id = ?2 AND organisation_id = ?1)"
		" AND (?4 IS NULL OR EXISTS (SELECT 1 FROM person WHERE id = ?4 AND organisation_id = ?1))"
		" AND (?7 IS NULL OR EXISTS (SELECT 1 FROM presentation WHERE id = ?7 AND organisation_id = ?1))");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, r->person_id);
	bind_text(st, 3, r->kind);
	bind_ref(st, 4, r->by_person_id);
	bind_text(st, 5, r->by_name ? r->by_name : "");
	bind_text(st, 6, r->by_role ? r->by_role : "");
	bind_ref(st, 7, r->presentation_id);
	bind_text(st, 8, r->noted_on);
	bind_ref(st, 9, recorded_by);
	return inserted(s, exec_stmt(s, st), id);
}

int store_referral_exists(struct store *s, long long org, const struct referral *r, bool *exists)
{
	struct query *st = stmt(s,
		"SELECT EXISTS (SELECT 1 FROM referral WHERE organisation_id = ?1 AND person_id = ?2 AND kind = ?3"
		" AND coalesce(by_person_id, 0) = ?4 AND lower(by_name) = lower(?5) AND coalesce(presentation_id, 0) = ?6)");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, r->person_id);
	bind_text(st, 3, r->kind);
	q_bind_int64(st, 4, r->by_person_id > 0 ? r->by_person_id : 0);
	bind_text(st, 5, r->by_name ? r->by_name : "");
	q_bind_int64(st, 6, r->presentation_id > 0 ? r->presentation_id : 0);
	int rc = q_step(st);
	*exists = rc == Q_ROW && q_int(st, 0);
	q_reset(st);
	return map_rc(s, rc);
}

#define REFERRAL_COLS "r.id, r.person_id, p.name, r.kind, coalesce(r.by_person_id, 0), coalesce(b.name, ''), r.by_name," \
	" r.by_role, coalesce(r.presentation_id, 0), coalesce(x.title, ''), coalesce(x.held_on, ''), r.noted_on" \
	" FROM referral r JOIN person p ON p.id = r.person_id LEFT JOIN person b ON b.id = r.by_person_id" \
	" LEFT JOIN presentation x ON x.id = r.presentation_id"

static void read_referral(struct arena *a, struct query *st, struct referral *r)
{
	r->id = q_int64(st, 0);
	r->person_id = q_int64(st, 1);
	r->person_name = col_text0(a, st, 2);
	r->kind = col_text0(a, st, 3);
	r->by_person_id = q_int64(st, 4);
	r->by_person_name = col_text0(a, st, 5);
	r->by_name = col_text0(a, st, 6);
	r->by_role = col_text0(a, st, 7);
	r->presentation_id = q_int64(st, 8);
	r->presentation_title = col_text0(a, st, 9);
	r->presentation_held_on = col_text0(a, st, 10);
	r->noted_on = col_text0(a, st, 11);
}

int store_referral_get(struct store *s, struct arena *a, long long org, long long id, struct referral *out)
{
	struct query *st = stmt(s, "SELECT " REFERRAL_COLS " WHERE r.organisation_id = ? AND r.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_referral(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_referral_list(struct store *s, struct arena *a, long long org, long long person, long long by,
			struct referral **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " REFERRAL_COLS " WHERE r.organisation_id = ?1"
				" AND (?2 = 0 OR r.person_id = ?2) AND (?3 = 0 OR r.by_person_id = ?3)"
				" ORDER BY r.noted_on, r.id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, person);
	q_bind_int64(st, 3, by);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_referral(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

int store_referral_remove(struct store *s, long long org, long long id)
{
	struct query *st = stmt(s, "DELETE FROM referral WHERE organisation_id = ? AND id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	return changed(s, exec_stmt(s, st));
}

int store_presentation_attendee_add(struct store *s, long long org, long long presentation, long long person)
{
	struct query *st = stmt(s,
		"INSERT INTO presentation_attendee(presentation_id, organisation_id, person_id)"
		" SELECT ?2, ?1, ?3 WHERE EXISTS (SELECT 1 FROM presentation WHERE id = ?2 AND organisation_id = ?1)"
		" AND EXISTS (SELECT 1 FROM person WHERE id = ?3 AND organisation_id = ?1) ON CONFLICT DO NOTHING");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, presentation);
	q_bind_int64(st, 3, person);
	return exec_stmt(s, st);
}

int store_presentation_attendee_remove(struct store *s, long long org, long long presentation, long long person)
{
	struct query *st = stmt(s, "DELETE FROM presentation_attendee WHERE organisation_id = ? AND presentation_id = ?"
				" AND person_id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, presentation);
	q_bind_int64(st, 3, person);
	return changed(s, exec_stmt(s, st));
}

int store_presentation_attendees(struct store *s, struct arena *a, long long org, long long presentation,
				 struct presentation_attendee **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT t.person_id, p.name, p.employee_id FROM presentation_attendee t"
				" JOIN person p ON p.id = t.person_id WHERE t.organisation_id = ? AND t.presentation_id = ?"
				" ORDER BY lower(p.name), p.id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, presentation);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct presentation_attendee *t = ROW_PUSH(a, *out, *n, cap);
		t->person_id = q_int64(st, 0);
		t->name = col_text0(a, st, 1);
		t->employee_id = col_text0(a, st, 2);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_presentation_joined(struct store *s, long long org, long long presentation, long long *n)
{
	struct query *st = stmt(s, "SELECT count(DISTINCT person_id) FROM referral WHERE organisation_id = ?"
				" AND presentation_id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, presentation);
	int rc = q_step(st);
	*n = rc == Q_ROW ? q_int64(st, 0) : 0;
	q_reset(st);
	return map_rc(s, rc == Q_ROW ? Q_DONE : rc);
}
