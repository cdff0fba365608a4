/* impact.c — the impact map's outcomes in SQLite. The counts its evidence
 * shows are the level report's (domain/level_report.h). */
#include "internal.h"
#include "store/impact.h"

/* What an outcome refers to must be of the organisation and, for a batch
 * or a group, of the programme; an item must be a question of the wave's
 * version. ?1 org, ?2 programme, ?3 wave, ?4 item, ?5 batch, ?6 group. */
#define REFS_OK \
	" EXISTS (SELECT 1 FROM programme WHERE id = ?2 AND organisation_id = ?1)" \
	" AND (?3 IS NULL OR EXISTS (SELECT 1 FROM wave WHERE id = ?3 AND organisation_id = ?1))" \
	" AND (?4 IS NULL OR EXISTS (SELECT 1 FROM instrument_item i JOIN wave w ON w.version_id = i.version_id" \
	"      WHERE i.id = ?4 AND w.id = ?3 AND i.organisation_id = ?1))" \
	" AND (?5 IS NULL OR EXISTS (SELECT 1 FROM batch WHERE id = ?5 AND programme_id = ?2 AND organisation_id = ?1))" \
	" AND (?6 IS NULL OR EXISTS (SELECT 1 FROM learning_group g JOIN batch b ON b.id = g.batch_id" \
	"      WHERE g.id = ?6 AND b.programme_id = ?2 AND g.organisation_id = ?1))"

static void bind_outcome(struct query *st, long long org, const struct impact_outcome *o)
{
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, o->programme_id);
	bind_ref(st, 3, o->wave_id);
	bind_ref(st, 4, o->item_id);
	bind_ref(st, 5, o->batch_id);
	bind_ref(st, 6, o->group_id);
	bind_text(st, 7, o->level);
	bind_text(st, 8, o->text);
	bind_text(st, 9, o->evidence ? o->evidence : "");
}

int store_impact_list(struct store *s, struct arena *a, long long org, long long programme_id,
		      struct impact_outcome **out, size_t *n)
{
	struct query *st = stmt(s,
		"SELECT id, programme_id, level, position, text, evidence, wave_id, item_id, batch_id, group_id"
		" FROM impact_outcome WHERE organisation_id = ? AND programme_id = ?"
		" ORDER BY CASE level WHEN 'activity' THEN 1 WHEN 'behaviour' THEN 2 WHEN 'indicator' THEN 3"
		" WHEN 'operational' THEN 4 ELSE 5 END, position, id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, programme_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct impact_outcome *o = ROW_PUSH(a, *out, *n, cap);
		o->id = q_int64(st, 0);
		o->programme_id = q_int64(st, 1);
		o->level = col_text0(a, st, 2);
		o->position = q_int(st, 3);
		o->text = col_text0(a, st, 4);
		o->evidence = col_text0(a, st, 5);
		o->wave_id = q_int64(st, 6);
		o->item_id = q_int64(st, 7);
		o->batch_id = q_int64(st, 8);
		o->group_id = q_int64(st, 9);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_impact_add(struct store *s, long long org, const struct impact_outcome *o, long long now, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO impact_outcome(organisation_id, programme_id, wave_id, item_id, batch_id, group_id, level,"
		" text, evidence, position, updated_at)"
		" SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
		" (SELECT coalesce(max(position), 0) + 1 FROM impact_outcome WHERE programme_id = ?2 AND level = ?7), ?10"
		" WHERE" REFS_OK);
	bind_outcome(st, org, o);
	q_bind_int64(st, 10, now);
	return inserted(s, exec_stmt(s, st), id);
}

int store_impact_update(struct store *s, long long org, const struct impact_outcome *o, long long now)
{
	struct query *st = stmt(s,
		"UPDATE impact_outcome SET wave_id = ?3, item_id = ?4, batch_id = ?5, group_id = ?6, level = ?7,"
		" text = ?8, evidence = ?9, updated_at = ?10,"
		" position = CASE WHEN level = ?7 THEN position ELSE"
		"  (SELECT coalesce(max(position), 0) + 1 FROM impact_outcome WHERE programme_id = ?2 AND level = ?7) END"
		" WHERE id = ?11 AND programme_id = ?2 AND organisation_id = ?1 AND" REFS_OK);
	bind_outcome(st, org, o);
	q_bind_int64(st, 10, now);
	q_bind_int64(st, 11, o->id);
	return changed(s, exec_stmt(s, st));
}

int store_impact_delete(struct store *s, long long org, long long programme_id, long long id)
{
	struct query *st = stmt(s, "DELETE FROM impact_outcome WHERE id = ? AND programme_id = ? AND organisation_id = ?");
	q_bind_int64(st, 1, id);
	q_bind_int64(st, 2, programme_id);
	q_bind_int64(st, 3, org);
	return changed(s, exec_stmt(s, st));
}

int store_impact_clear(struct store *s, long long org, long long programme_id)
{
	struct query *st = stmt(s, "DELETE FROM impact_outcome WHERE programme_id = ? AND organisation_id = ?");
	q_bind_int64(st, 1, programme_id);
	q_bind_int64(st, 2, org);
	return exec_stmt(s, st);
}
