/* two_wave.c — two-wave studies and their members in SQLite. */
#include "internal.h"
#include "store/two_wave.h"

#include <string.h>

#define STUDY_COLS                                                                                                      \
	"s.id, s.instrument_id, s.wave1_id, s.wave2_id, s.created_at, s.name, s.assignment, s.interval_override,"      \
	" s.override_reason, s.intervention, s.intervention_from, s.intervention_to, i.name, w1.opens_on, w1.closes_on," \
	" w2.opens_on, w2.closes_on,"                                                                                    \
	" (SELECT count(*) FROM study_member m WHERE m.study_id = s.id AND m.arm = 'intervention'),"                    \
	" (SELECT count(*) FROM study_member m WHERE m.study_id = s.id AND m.arm = 'comparison')"
#define STUDY_FROM                                                                                                     \
	" FROM study s JOIN instrument i ON i.id = s.instrument_id JOIN wave w1 ON w1.id = s.wave1_id"                  \
	" JOIN wave w2 ON w2.id = s.wave2_id"

static void read_study(struct arena *a, struct query *st, struct study *x)
{
	x->id = q_int64(st, 0);
	x->instrument_id = q_int64(st, 1);
	x->wave1_id = q_int64(st, 2);
	x->wave2_id = q_int64(st, 3);
	x->created_at = q_int64(st, 4);
	x->name = col_text0(a, st, 5);
	x->assignment = col_text0(a, st, 6);
	x->interval_override = q_int(st, 7);
	x->override_reason = col_text0(a, st, 8);
	x->intervention = col_text0(a, st, 9);
	x->intervention_from = col_text0(a, st, 10);
	x->intervention_to = col_text0(a, st, 11);
	x->instrument_name = col_text0(a, st, 12);
	x->wave1_opens = col_text0(a, st, 13);
	x->wave1_closes = col_text0(a, st, 14);
	x->wave2_opens = col_text0(a, st, 15);
	x->wave2_closes = col_text0(a, st, 16);
	x->nintervention = q_int64(st, 17);
	x->ncomparison = q_int64(st, 18);
}

int store_study_add(struct store *s, long long org, const struct study *x, long long account, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO study(organisation_id, name, instrument_id, wave1_id, wave2_id, assignment, interval_override,"
		" override_reason, intervention, intervention_from, intervention_to, created_by, created_at)"
		" SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13"
		" WHERE EXISTS (SELECT 1 FROM instrument WHERE id = ?3 AND organisation_id = ?1)"
		" AND EXISTS (SELECT 1 FROM wave WHERE id = ?4 AND organisation_id = ?1)"
		" AND EXISTS (SELECT 1 FROM wave WHERE id = ?5 AND organisation_id = ?1)");
	q_bind_int64(st, 1, org);
	bind_text(st, 2, x->name);
	q_bind_int64(st, 3, x->instrument_id);
	q_bind_int64(st, 4, x->wave1_id);
	q_bind_int64(st, 5, x->wave2_id);
	bind_text(st, 6, x->assignment ? x->assignment : "");
	q_bind_int(st, 7, x->interval_override);
	bind_text(st, 8, x->override_reason ? x->override_reason : "");
	bind_text(st, 9, x->intervention ? x->intervention : "");
	bind_text(st, 10, x->intervention_from ? x->intervention_from : "");
	bind_text(st, 11, x->intervention_to ? x->intervention_to : "");
	bind_ref(st, 12, account);
	q_bind_int64(st, 13, x->created_at);
	return inserted(s, exec_stmt(s, st), id);
}

int store_study_member_add(struct store *s, long long org, long long study, long long person, enum study_arm arm)
{
	struct query *st = stmt(s,
		"INSERT INTO study_member(study_id, organisation_id, person_id, arm) SELECT ?2, ?1, ?3, ?4"
		" WHERE EXISTS (SELECT 1 FROM study WHERE id = ?2 AND organisation_id = ?1)"
		" AND EXISTS (SELECT 1 FROM person WHERE id = ?3 AND organisation_id = ?1)");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, study);
	q_bind_int64(st, 3, person);
	bind_text(st, 4, arm == ARM_INTERVENTION ? "intervention" : "comparison");
	return inserted(s, exec_stmt(s, st), NULL);
}

int store_study_get(struct store *s, struct arena *a, long long org, long long id, struct study *out)
{
	struct query *st = stmt(s, "SELECT " STUDY_COLS STUDY_FROM " WHERE s.organisation_id = ? AND s.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_study(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_study_list(struct store *s, struct arena *a, long long org, struct study **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " STUDY_COLS STUDY_FROM " WHERE s.organisation_id = ? ORDER BY s.name, s.id");
	q_bind_int64(st, 1, org);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_study(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

int store_study_of_wave(struct store *s, long long org, long long wave_id, long long *study)
{
	struct query *st = stmt(s, "SELECT id FROM study WHERE organisation_id = ?1 AND (wave1_id = ?2 OR wave2_id = ?2)");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, wave_id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		*study = q_int64(st, 0);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_study_members(struct store *s, struct arena *a, long long org, long long study, struct study_member **out,
			size_t *n)
{
	struct query *st = stmt(s, "SELECT person_id, arm FROM study_member WHERE organisation_id = ? AND study_id = ?"
				   " ORDER BY person_id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, study);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct study_member *m = ROW_PUSH(a, *out, *n, cap);
		m->person_id = q_int64(st, 0);
		m->arm = strcmp(q_text(st, 1), "intervention") ? ARM_COMPARISON : ARM_INTERVENTION;
	}
	q_reset(st);
	return map_rc(s, rc);
}
