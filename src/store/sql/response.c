/* response.c — the submitted responses of a wave, one row each, for the
 * data exports (store/response.h). Scoped by organisation as everywhere. */
#include "internal.h"
#include "store/response.h"

#include <stdlib.h>

int store_responses(struct store *s, struct arena *a, long long org, long long wave_id, struct response_row **out,
		    size_t *n)
{
	struct query *st = stmt(s, "SELECT id, coalesce(invitation_id, 0), submitted_week FROM response"
				   " WHERE organisation_id = ? AND wave_id = ? ORDER BY id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, wave_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct response_row *x = ROW_PUSH(a, *out, *n, cap);
		x->id = q_int64(st, 0);
		x->invitation_id = q_int64(st, 1);
		x->week = col_text0(a, st, 2);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_respondents(struct store *s, struct arena *a, long long org, long long wave_id, long long **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT v.person_id FROM response r JOIN invitation v ON v.id = r.invitation_id"
				   " WHERE r.organisation_id = ? AND r.wave_id = ? AND v.person_id IS NOT NULL ORDER BY v.person_id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, wave_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		*ROW_PUSH(a, *out, *n, cap) = q_int64(st, 0);
	q_reset(st);
	return map_rc(s, rc);
}

int store_response_weeks(struct store *s, struct arena *a, long long org, long long wave_id, struct week_count **out,
			 size_t *n)
{
	struct query *st = stmt(s, "SELECT week, n FROM response_week WHERE organisation_id = ? AND wave_id = ? ORDER BY week");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, wave_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct week_count *x = ROW_PUSH(a, *out, *n, cap);
		x->week = col_text0(a, st, 0);
		x->n = q_int64(st, 1);
	}
	q_reset(st);
	return map_rc(s, rc);
}

/* The ids as a JSON array, for json_each(?): a bound parameter of numbers. */
static char *id_list(const long long *ids, size_t n)
{
	struct buf b = BUF_INIT;
	buf_addch(&b, '[');
	for (size_t i = 0; i < n; i++)
		buf_addf(&b, "%s%lld", i ? "," : "", ids[i]);
	buf_addch(&b, ']');
	return b.ptr;
}

static int read_ids(struct store *s, struct arena *a, struct query *st, long long **out, size_t *n)
{
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		*ROW_PUSH(a, *out, *n, cap) = q_int64(st, 0);
	q_reset(st);
	return map_rc(s, rc);
}

int store_benchmark_candidates(struct store *s, struct arena *a, const char *key, const char *today, long long **waves,
			       size_t *n)
{
	struct query *st = stmt(s,
		"SELECT w.id FROM instrument ins JOIN organisation g ON g.id = ins.organisation_id AND g.benchmark = 1"
		" JOIN instrument_version iv ON iv.instrument_id = ins.id"
		" JOIN wave w ON w.version_id = iv.id AND w.subject_id IS NULL AND (w.closes_on < ?2 OR w.closed_at IS NOT NULL)"
		" WHERE ins.key = ?1 ORDER BY w.id");
	bind_text(st, 1, key);
	bind_text(st, 2, today);
	return read_ids(s, a, st, waves, n);
}

int store_benchmark_editions(struct store *s, struct arena *a, const char *key, struct benchmark_edition **out,
			     size_t *n)
{
	struct query *st = stmt(s, "SELECT id, made_at FROM benchmark_edition WHERE key = ? ORDER BY id");
	bind_text(st, 1, key);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct benchmark_edition *x = ROW_PUSH(a, *out, *n, cap);
		x->id = q_int64(st, 0);
		x->made_at = q_int64(st, 1);
	}
	q_reset(st);
	if (rc != Q_DONE)
		return map_rc(s, rc);
	for (size_t i = 0; i < *n; i++) {
		st = stmt(s, "SELECT wave_id FROM benchmark_edition_wave WHERE edition_id = ? ORDER BY wave_id");
		q_bind_int64(st, 1, (*out)[i].id);
		int r = read_ids(s, a, st, &(*out)[i].waves, &(*out)[i].nwaves);
		if (r)
			return r;
	}
	return ST_OK;
}

int store_benchmark_edition_add(struct store *s, const char *key, long long now, const long long *waves, size_t n,
				long long *id)
{
	int r = store_begin(s);
	if (r)
		return r;
	struct query *st = stmt(s, "INSERT INTO benchmark_edition(key, made_at) VALUES (?, ?)");
	bind_text(st, 1, key);
	q_bind_int64(st, 2, now);
	r = inserted(s, exec_stmt(s, st), id);
	for (size_t i = 0; i < n && !r; i++) {
		st = stmt(s, "INSERT INTO benchmark_edition_wave(edition_id, wave_id) SELECT ?1, id FROM wave WHERE id = ?2");
		q_bind_int64(st, 1, *id);
		q_bind_int64(st, 2, waves[i]);
		r = inserted(s, exec_stmt(s, st), NULL);
	}
	if (r || (r = store_commit(s)))
		store_rollback(s);
	return r;
}

int store_benchmark_sums(struct store *s, struct arena *a, const long long *waves, size_t nwaves,
			 struct benchmark_row **out, size_t *n)
{
	/* the ids of the JSON array: SQLite's json_each, PostgreSQL's
	 * json_array_elements_text; the rest of the two texts is one */
#define BENCHMARK_SQL(ids) \
		"WITH score AS (" \
		" SELECT r.organisation_id AS org, i.scale AS scale," \
		"  avg(CASE WHEN i.reversed = 1 THEN (SELECT min(o.value) + max(o.value) FROM item_option o" \
		"   WHERE o.item_id = i.id) - x.value ELSE x.value END) AS v" \
		" FROM response r" \
		" JOIN answer x ON x.response_id = r.id AND x.value IS NOT NULL" \
		" JOIN instrument_item i ON i.id = x.item_id AND i.kind IN ('likert', 'bipolar') AND i.scale <> ''" \
		" WHERE r.wave_id IN " ids \
		" GROUP BY r.id, i.scale)" \
		" SELECT scale, org, count(*), sum(v), sum(v * v) FROM score GROUP BY scale, org ORDER BY scale, org"
	struct query *st = stmt_for(s, BENCHMARK_SQL("(SELECT value FROM json_each(?1))"),
		BENCHMARK_SQL("(SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST(?1 AS json)))"));
#undef BENCHMARK_SQL
	char *list = id_list(waves, nwaves);
	bind_text(st, 1, list);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct benchmark_row *x = ROW_PUSH(a, *out, *n, cap);
		x->scale = col_text0(a, st, 0);
		x->org = q_int64(st, 1);
		x->n = q_int64(st, 2);
		x->sum = q_double(st, 3);
		x->sumsq = q_double(st, 4);
	}
	q_reset(st);
	free(list);
	return map_rc(s, rc);
}
