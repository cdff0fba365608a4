/* response.c — the submitted responses of a wave, one row each, for the
 * data exports (store/response.h). Scoped by organisation as everywhere. */
#include "internal.h"
#include "store/response.h"

int store_responses(struct store *s, struct arena *a, long long org, long long wave_id, struct response_row **out,
		    size_t *n)
{
	sqlite3_stmt *st = stmt(s, "SELECT id, ifnull(invitation_id, 0), submitted_week FROM response"
				   " WHERE organisation_id = ? AND wave_id = ? ORDER BY id");
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int64(st, 2, wave_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct response_row *x = ROW_PUSH(a, *out, *n, cap);
		x->id = sqlite3_column_int64(st, 0);
		x->invitation_id = sqlite3_column_int64(st, 1);
		x->week = col_text0(a, st, 2);
	}
	sqlite3_reset(st);
	return map_rc(s, rc);
}

int store_respondents(struct store *s, struct arena *a, long long org, long long wave_id, long long **out, size_t *n)
{
	sqlite3_stmt *st = stmt(s, "SELECT v.person_id FROM response r JOIN invitation v ON v.id = r.invitation_id"
				   " WHERE r.organisation_id = ? AND r.wave_id = ? AND v.person_id IS NOT NULL ORDER BY v.person_id");
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int64(st, 2, wave_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*ROW_PUSH(a, *out, *n, cap) = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return map_rc(s, rc);
}

int store_response_weeks(struct store *s, struct arena *a, long long org, long long wave_id, struct week_count **out,
			 size_t *n)
{
	sqlite3_stmt *st = stmt(s, "SELECT week, n FROM response_week WHERE organisation_id = ? AND wave_id = ? ORDER BY week");
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int64(st, 2, wave_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct week_count *x = ROW_PUSH(a, *out, *n, cap);
		x->week = col_text0(a, st, 0);
		x->n = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return map_rc(s, rc);
}

int store_benchmark(struct store *s, struct arena *a, long long org, const char *key, const char *today,
		    struct benchmark_row **out, size_t *n)
{
	/* the organisation is grouped on but never selected */
	sqlite3_stmt *st = stmt(s,
		"WITH score AS ("
		" SELECT r.organisation_id AS org, i.scale AS scale,"
		"  avg(CASE WHEN i.reversed THEN (SELECT min(o.value) + max(o.value) FROM item_option o"
		"   WHERE o.item_id = i.id) - x.value ELSE x.value END) AS v"
		" FROM instrument ins JOIN organisation g ON g.id = ins.organisation_id AND g.benchmark = 1"
		" JOIN instrument_version iv ON iv.instrument_id = ins.id"
		" JOIN wave w ON w.version_id = iv.id AND w.subject_id IS NULL AND (w.closes_on < ?3 OR w.closed_at IS NOT NULL)"
		" JOIN response r ON r.wave_id = w.id"
		" JOIN answer x ON x.response_id = r.id AND x.value IS NOT NULL"
		" JOIN instrument_item i ON i.id = x.item_id AND i.kind IN ('likert', 'bipolar') AND i.scale <> ''"
		" WHERE ins.key = ?2 AND ins.organisation_id <> ?1"
		" GROUP BY r.id, i.scale)"
		" SELECT scale, count(*), sum(v), sum(v * v) FROM score GROUP BY scale, org ORDER BY scale, org");
	sqlite3_bind_int64(st, 1, org);
	bind_text(st, 2, key);
	bind_text(st, 3, today);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct benchmark_row *x = ROW_PUSH(a, *out, *n, cap);
		x->scale = col_text0(a, st, 0);
		x->n = sqlite3_column_int64(st, 1);
		x->sum = sqlite3_column_double(st, 2);
		x->sumsq = sqlite3_column_double(st, 3);
	}
	sqlite3_reset(st);
	return map_rc(s, rc);
}
