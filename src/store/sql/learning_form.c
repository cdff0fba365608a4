/* learning_form.c — the catalogue of learning forms in SQLite. */
#include "internal.h"
#include "store/learning_form.h"

#define FORM_COLS "id, organisation_id, position, key, name, description, seventy_twenty_ten, aim, social," \
		  " level, setting, preference, name_source, source"

/* Binds name, description and the values from parameter i on, in that order. */
static void bind_values(struct query *st, int i, const struct learning_form *f)
{
	bind_text(st, i, f->name);
	bind_text(st, i + 1, f->description ? f->description : "");
	q_bind_int(st, i + 2, f->seventy_twenty_ten);
	bind_text(st, i + 3, f->aim);
	q_bind_int(st, i + 4, f->social);
	bind_text(st, i + 5, f->level);
	bind_text(st, i + 6, f->setting);
	bind_text(st, i + 7, f->preference);
	bind_text(st, i + 8, f->source ? f->source : "");
}

int store_learning_form_add(struct store *s, long long org, const struct learning_form *f)
{
	struct query *st = stmt(s, "INSERT INTO learning_form(organisation_id, position, key, name_source, name, description,"
				" seventy_twenty_ten, aim, social, level, setting, preference, source)"
				" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	q_bind_int64(st, 1, org);
	q_bind_int(st, 2, f->position);
	bind_text(st, 3, f->key);
	bind_text(st, 4, f->name_source ? f->name_source : "");
	bind_values(st, 5, f);
	long long id;
	return inserted(s, exec_stmt(s, st), &id);
}

int store_learning_form_list(struct store *s, struct arena *a, long long org, struct learning_form **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " FORM_COLS " FROM learning_form WHERE organisation_id = ?"
				" ORDER BY position, id");
	q_bind_int64(st, 1, org);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct learning_form *f = ROW_PUSH(a, *out, *n, cap);
		f->id = q_int64(st, 0);
		f->organisation_id = q_int64(st, 1);
		f->position = q_int(st, 2);
		f->key = col_text0(a, st, 3);
		f->name = col_text0(a, st, 4);
		f->description = col_text0(a, st, 5);
		f->seventy_twenty_ten = q_int(st, 6);
		f->aim = col_text0(a, st, 7);
		f->social = q_int(st, 8) != 0;
		f->level = col_text0(a, st, 9);
		f->setting = col_text0(a, st, 10);
		f->preference = col_text0(a, st, 11);
		f->name_source = col_text0(a, st, 12);
		f->source = col_text0(a, st, 13);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_learning_form_update(struct store *s, long long org, const struct learning_form *f)
{
	struct query *st = stmt(s, "UPDATE learning_form SET name = ?, description = ?, seventy_twenty_ten = ?, aim = ?,"
				" social = ?, level = ?, setting = ?, preference = ?, source = ?"
				" WHERE organisation_id = ? AND key = ?");
	bind_values(st, 1, f);
	q_bind_int64(st, 10, org);
	bind_text(st, 11, f->key);
	return changed(s, exec_stmt(s, st));
}
