/* response_pending.c — anonymous hand-ins waiting to be mixed in, and the
 * mixer's writes (store/instrument.h, domain/anonymous_mix.h). The hand-in
 * itself is store_response_hand_in (instrument.c). */
#include "internal.h"
#include "store/instrument.h"

#include <assert.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

bool store_rows_show_writer(const struct store *s)
{
	return s->kind == DB_POSTGRESQL;
}

int store_pending_list(struct store *s, struct arena *a, long long org, long long wave_id,
		       struct pending_response **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT id, box FROM response_pending WHERE organisation_id = ? AND wave_id = ? ORDER BY id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, wave_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct pending_response *x = ROW_PUSH(a, *out, *n, cap);
		x->id = q_int64(st, 0);
		x->len = (size_t)q_bytes(st, 1);
		x->box = arena_alloc(a, x->len + 1);
		if (x->len)
			memcpy(x->box, q_blob(st, 1), x->len);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_pending_count(struct store *s, long long org, long long wave_id, long long *n)
{
	struct query *st = stmt(s, "SELECT count(*) FROM response_pending WHERE organisation_id = ? AND wave_id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, wave_id);
	int rc = q_step(st);
	*n = rc == Q_ROW ? q_int64(st, 0) : 0;
	q_reset(st);
	return rc == Q_ROW ? ST_OK : map_rc(s, rc);
}

int store_pending_remove(struct store *s, long long org, long long id)
{
	struct query *st = stmt(s, "DELETE FROM response_pending WHERE id = ? AND organisation_id = ?");
	q_bind_int64(st, 1, id);
	q_bind_int64(st, 2, org);
	return changed(s, exec_stmt(s, st));
}

int store_pending_closed_waves(struct store *s, struct arena *a, long long org, const char *today, struct wave_ref **out,
			       size_t *n)
{
	struct query *st = stmt(s, "SELECT DISTINCT w.organisation_id, w.id FROM response_pending p JOIN wave w ON w.id = p.wave_id"
				   " AND w.organisation_id = p.organisation_id"
				   " WHERE (?2 = 0 OR p.organisation_id = ?2) AND (w.closed_at IS NOT NULL OR w.closes_on < ?1)"
				   " ORDER BY w.organisation_id, w.id");
	bind_text(st, 1, today);
	q_bind_int64(st, 2, org);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct wave_ref *x = ROW_PUSH(a, *out, *n, cap);
		x->organisation_id = q_int64(st, 0);
		x->wave_id = q_int64(st, 1);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_response_add_mixed(struct store *s, long long org, long long wave_id, const struct mixed_response *m)
{
	/* a random id, as for every anonymous response: its place among the
	 * others says nothing of when it came */
	long long rid;
	randombytes_buf(&rid, sizeof(rid));
	rid = (long long)((unsigned long long)rid >> 2) + 1;
	struct query *st = stmt(s, "INSERT INTO response(id, organisation_id, wave_id, invitation_id, group_id, unit_id,"
				   " submitted_week, rater_role) SELECT ?1, organisation_id, id, NULL, ?3, ?4, '', ?5 FROM wave"
				   " WHERE id = ?2 AND organisation_id = ?6 AND anonymous = 1");
	q_bind_int64(st, 1, rid);
	q_bind_int64(st, 2, wave_id);
	bind_ref(st, 3, m->group_id);
	bind_ref(st, 4, m->unit_id);
	bind_text(st, 5, m->rater_role ? m->rater_role : "");
	q_bind_int64(st, 6, org);
	int r = inserted(s, exec_stmt(s, st), NULL);
	return r ? r : answers_insert(s, rid, wave_id, m->answers, m->nanswers);
}

int answers_insert(struct store *s, long long response_id, long long wave_id, const struct answer_value *a, size_t n)
{
	int r = ST_OK;
	for (size_t i = 0; i < n && !r; i++) {
		/* only items of the wave's questionnaire; a "weet niet" only
		 * where the item offers it */
		struct query *st = stmt(s, "INSERT INTO answer(response_id, item_id, value, text, dont_know)"
					   " SELECT ?1, i.id, ?3, ?4, ?6 FROM wave w JOIN instrument_item i ON i.version_id = w.version_id"
					   " WHERE w.id = ?2 AND i.id = ?5 AND (?6 = 0 OR i.allows_dont_know = 1)");
		q_bind_int64(st, 1, response_id);
		q_bind_int64(st, 2, wave_id);
		if (a[i].has_value)
			q_bind_int64(st, 3, a[i].value);
		else
			q_bind_null(st, 3);
		bind_text(st, 4, a[i].text);
		q_bind_int64(st, 5, a[i].item_id);
		q_bind_int(st, 6, a[i].dont_know ? 1 : 0);
		r = inserted(s, exec_stmt(s, st), NULL);
	}
	return r;
}

int store_response_take_mixed(struct store *s, struct arena *a, long long org, long long wave_id, size_t k,
			      struct mixed_response **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!k)
		return ST_OK;
	struct query *st = stmt(s, "SELECT id, coalesce(group_id, 0), coalesce(unit_id, 0), rater_role FROM response"
				   " WHERE organisation_id = ? AND wave_id = ? AND invitation_id IS NULL ORDER BY id LIMIT ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, wave_id);
	q_bind_int64(st, 3, (long long)k);
	long long *ids = arena_alloc(a, k * sizeof(*ids));
	*out = arena_alloc(a, k * sizeof(**out));
	int rc;
	while ((rc = q_step(st)) == Q_ROW && *n < k) {
		struct mixed_response *m = &(*out)[*n];
		ids[*n] = q_int64(st, 0);
		m->group_id = q_int64(st, 1);
		m->unit_id = q_int64(st, 2);
		m->rater_role = col_text0(a, st, 3);
		m->answers = NULL;
		m->nanswers = 0;
		(*n)++;
	}
	q_reset(st);
	int r = map_rc(s, rc);
	for (size_t i = 0; i < *n && !r; i++) {
		struct mixed_response *m = &(*out)[i];
		st = stmt(s, "SELECT item_id, value IS NOT NULL, coalesce(value, 0), text, dont_know FROM answer"
			     " WHERE response_id = ? ORDER BY item_id");
		q_bind_int64(st, 1, ids[i]);
		size_t cap = 0;
		while ((rc = q_step(st)) == Q_ROW) {
			struct answer_value *v = ROW_PUSH(a, m->answers, m->nanswers, cap);
			v->item_id = q_int64(st, 0);
			v->has_value = q_int(st, 1);
			v->value = q_int64(st, 2);
			v->text = col_text(a, st, 3);
			v->dont_know = q_int(st, 4);
		}
		q_reset(st);
		r = map_rc(s, rc);
		if (!r) {
			st = stmt(s, "DELETE FROM response WHERE id = ? AND organisation_id = ? AND invitation_id IS NULL");
			q_bind_int64(st, 1, ids[i]);
			q_bind_int64(st, 2, org);
			r = changed(s, exec_stmt(s, st));
		}
	}
	return r;
}

int store_tidy(struct store *s, const char *table)
{
	/* VACUUM cannot run inside a transaction: there autovacuum will */
	if (s->kind != DB_POSTGRESQL || !autocommit(s))
		return ST_OK;
	/* the names are the store's own: never from outside */
	assert(!strcmp(table, "response") || !strcmp(table, "answer") || !strcmp(table, "response_pending"));
	char sql[64];
	snprintf(sql, sizeof(sql), "VACUUM %s", table);
	return exec_sql(s, sql, NULL) ? ST_ERROR : ST_OK;
}
