/* practice.c — the organisation's own practice examples in SQLite. */
#include "internal.h"
#include "store/practice.h"

int store_practice_add(struct store *s, long long org, const struct practice_example *e, long long now, long long *id)
{
	struct query *st = stmt(s, "INSERT INTO practice_example(organisation_id, applied_at, learning, context, forms,"
				" themes, created_at, title, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
	q_bind_int64(st, 1, org);
	bind_text(st, 2, e->organisation);
	bind_text(st, 3, e->learning);
	bind_text(st, 4, e->context ? e->context : "");
	bind_text(st, 5, e->forms ? e->forms : "");
	bind_text(st, 6, e->themes ? e->themes : "");
	q_bind_int64(st, 7, now);
	bind_text(st, 8, e->title ? e->title : "");
	bind_text(st, 9, e->shared ? "participant" : "organisation");
	return inserted(s, exec_stmt(s, st), id);
}

int store_practice_list(struct store *s, struct arena *a, long long org, struct practice_example **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT id, applied_at, learning, context, forms, themes, title, origin = 'participant'"
				" FROM practice_example"
				" WHERE organisation_id = ? ORDER BY id");
	q_bind_int64(st, 1, org);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct practice_example *e = ROW_PUSH(a, *out, *n, cap);
		e->id = q_int64(st, 0);
		e->organisation = col_text0(a, st, 1);
		e->learning = col_text0(a, st, 2);
		e->context = col_text0(a, st, 3);
		e->forms = col_text0(a, st, 4);
		e->themes = col_text0(a, st, 5);
		e->source = "organisatie";
		e->number = 0;
		e->in_development = false;
		e->title = col_text0(a, st, 6);
		e->shared = q_int(st, 7) != 0;
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_practice_name_in(struct store *s, long long org, const char *text, bool *found)
{
	/* lower() folds ASCII letters only, as the names are compared */
	struct query *st = stmt(s, "SELECT 1 FROM person WHERE organisation_id = ? AND length(trim(name)) >= 3"
				" AND instr(lower(?), lower(trim(name))) > 0 LIMIT 1");
	q_bind_int64(st, 1, org);
	bind_text(st, 2, text);
	int rc = q_step(st);
	*found = rc == Q_ROW;
	q_reset(st);
	return map_rc(s, rc == Q_ROW ? Q_DONE : rc);
}
