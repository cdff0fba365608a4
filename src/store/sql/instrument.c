/* instrument.c — instruments, versions, waves, invitations and responses
 * in SQLite. Anonymity is kept here, where it is stored: an anonymous
 * response is written with a random id, without its invitation, without
 * a time (its week only counted) and with the invitation's report cells,
 * which the domain coarsened (migrations 0009, 0014); drafts are kept
 * sealed. */
#include "internal.h"
#include "durability.h"
#include "store/instrument.h"

#include <assert.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

/* ---- instruments ---- */

#define INSTRUMENT_COLS \
	"i.id, i.key, i.name, i.description, i.source, i.created_at," \
	" coalesce((SELECT max(version) FROM instrument_version WHERE instrument_id = i.id), 0)," \
	" coalesce((SELECT id FROM instrument_version WHERE instrument_id = i.id ORDER BY version DESC LIMIT 1), 0)"

static void read_instrument(struct arena *a, struct query *st, struct instrument *x)
{
	x->id = q_int64(st, 0);
	x->key = col_text0(a, st, 1);
	x->name = col_text0(a, st, 2);
	x->description = col_text0(a, st, 3);
	x->source = col_text0(a, st, 4);
	x->created_at = q_int64(st, 5);
	x->versions = q_int(st, 6);
	x->latest_version_id = q_int64(st, 7);
}

static int one_instrument(struct store *s, struct arena *a, struct query *st, struct instrument *out)
{
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_instrument(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_instrument_add(struct store *s, long long org, const struct instrument *in, long long *id)
{
	struct query *st = stmt(s, "INSERT INTO instrument(organisation_id, key, name, description, source, created_at)"
				   " SELECT ?1, ?2, ?3, ?4, ?5, ?6 WHERE EXISTS (SELECT 1 FROM organisation WHERE id = ?1)");
	q_bind_int64(st, 1, org);
	bind_text(st, 2, in->key ? in->key : "");
	bind_text(st, 3, in->name);
	bind_text(st, 4, in->description ? in->description : "");
	bind_text(st, 5, in->source ? in->source : "");
	q_bind_int64(st, 6, in->created_at);
	return inserted(s, exec_stmt(s, st), id);
}

int store_instrument_list(struct store *s, struct arena *a, long long org, struct instrument **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " INSTRUMENT_COLS " FROM instrument i WHERE i.organisation_id = ? ORDER BY i.name, i.id");
	q_bind_int64(st, 1, org);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_instrument(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

int store_instrument_get(struct store *s, struct arena *a, long long org, long long id, struct instrument *out)
{
	struct query *st = stmt(s, "SELECT " INSTRUMENT_COLS " FROM instrument i WHERE i.organisation_id = ? AND i.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	return one_instrument(s, a, st, out);
}

int store_instrument_by_key(struct store *s, struct arena *a, long long org, const char *key, struct instrument *out)
{
	struct query *st = stmt(s, "SELECT " INSTRUMENT_COLS " FROM instrument i WHERE i.organisation_id = ? AND i.key = ?"
				   " ORDER BY i.id LIMIT 1");
	q_bind_int64(st, 1, org);
	bind_text(st, 2, key);
	return one_instrument(s, a, st, out);
}

int store_version_add(struct store *s, long long org, const struct instrument_version *v, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO instrument_version(organisation_id, instrument_id, version, note, created_at)"
		" SELECT ?1, ?2, coalesce((SELECT max(version) FROM instrument_version WHERE instrument_id = ?2), 0) + 1, ?3, ?4"
		" WHERE EXISTS (SELECT 1 FROM instrument WHERE id = ?2 AND organisation_id = ?1)");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, v->instrument_id);
	bind_text(st, 3, v->note ? v->note : "");
	q_bind_int64(st, 4, v->created_at);
	long long vid;
	int r = inserted(s, exec_stmt(s, st), &vid);
	if (r)
		return r;
	long long *sec = calloc(v->nsections + 1, sizeof(*sec));
	if (!sec)
		return ST_ERROR;
	for (size_t i = 0; i < v->nsections && !r; i++) {
		struct query *ss = stmt(s, "INSERT INTO instrument_section(organisation_id, version_id, position, title, intro)"
					   " VALUES (?, ?, ?, ?, ?)");
		q_bind_int64(ss, 1, org);
		q_bind_int64(ss, 2, vid);
		q_bind_int(ss, 3, (int)i + 1);
		bind_text(ss, 4, v->sections[i].title);
		bind_text(ss, 5, v->sections[i].intro ? v->sections[i].intro : "");
		r = exec_stmt(s, ss);
		sec[i] = q_last_id(s);
	}
	for (size_t i = 0; i < v->nitems && !r; i++) {
		const struct instrument_item *it = &v->items[i];
		struct query *si = stmt(s,
			"INSERT INTO instrument_item(organisation_id, version_id, section_id, position, code, kind, text, scale,"
			" reversed, required, left_label, right_label, allows_dont_know, min_answers, max_answers)"
			" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
		q_bind_int64(si, 1, org);
		q_bind_int64(si, 2, vid);
		bind_ref(si, 3, it->section_id >= 0 && (size_t)it->section_id < v->nsections ? sec[it->section_id] : 0);
		q_bind_int(si, 4, (int)i + 1);
		bind_text(si, 5, it->code);
		bind_text(si, 6, it->kind);
		bind_text(si, 7, it->text);
		bind_text(si, 8, it->scale ? it->scale : "");
		q_bind_int(si, 9, it->reversed);
		q_bind_int(si, 10, it->required);
		bind_text(si, 11, it->left_label ? it->left_label : "");
		bind_text(si, 12, it->right_label ? it->right_label : "");
		q_bind_int(si, 13, it->allows_dont_know ? 1 : 0);
		q_bind_int(si, 14, it->min_answers > 0 ? it->min_answers : 0);
		q_bind_int(si, 15, it->max_answers > 0 ? it->max_answers : 0);
		r = exec_stmt(s, si);
		long long iid = q_last_id(s);
		for (size_t k = 0; k < it->noptions && !r; k++) {
			struct query *so = stmt(s, "INSERT INTO item_option(item_id, position, value, label, exclusive) VALUES (?, ?, ?, ?, ?)");
			q_bind_int64(so, 1, iid);
			q_bind_int(so, 2, (int)k + 1);
			q_bind_int(so, 3, it->options[k].value);
			bind_text(so, 4, it->options[k].label ? it->options[k].label : "");
			q_bind_int(so, 5, it->options[k].exclusive ? 1 : 0);
			r = exec_stmt(s, so);
		}
	}
	free(sec);
	if (!r && id)
		*id = vid;
	return r;
}

int store_version_get(struct store *s, struct arena *a, long long org, long long id, struct instrument_version *out)
{
	struct query *st = stmt(s, "SELECT id, instrument_id, version, note, created_at FROM instrument_version"
				   " WHERE organisation_id = ? AND id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW) {
		out->id = q_int64(st, 0);
		out->instrument_id = q_int64(st, 1);
		out->version = q_int(st, 2);
		out->note = col_text0(a, st, 3);
		out->created_at = q_int64(st, 4);
	}
	q_reset(st);
	if (rc != Q_ROW)
		return rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
	size_t cap = 0;
	out->sections = NULL;
	out->nsections = 0;
	st = stmt(s, "SELECT id, position, title, intro FROM instrument_section WHERE version_id = ? ORDER BY position");
	q_bind_int64(st, 1, id);
	while ((rc = q_step(st)) == Q_ROW) {
		struct instrument_section *x = ROW_PUSH(a, out->sections, out->nsections, cap);
		x->id = q_int64(st, 0);
		x->position = q_int(st, 1);
		x->title = col_text0(a, st, 2);
		x->intro = col_text0(a, st, 3);
	}
	q_reset(st);
	if (rc != Q_DONE)
		return map_rc(s, rc);
	cap = 0;
	out->items = NULL;
	out->nitems = 0;
	st = stmt(s, "SELECT id, version_id, coalesce(section_id, 0), position, code, kind, text, scale, reversed, required,"
		     " left_label, right_label, allows_dont_know, min_answers, max_answers FROM instrument_item"
		     " WHERE version_id = ? ORDER BY position");
	q_bind_int64(st, 1, id);
	while ((rc = q_step(st)) == Q_ROW) {
		struct instrument_item *x = ROW_PUSH(a, out->items, out->nitems, cap);
		x->id = q_int64(st, 0);
		x->version_id = q_int64(st, 1);
		x->section_id = q_int64(st, 2);
		x->position = q_int(st, 3);
		x->code = col_text0(a, st, 4);
		x->kind = col_text0(a, st, 5);
		x->text = col_text0(a, st, 6);
		x->scale = col_text0(a, st, 7);
		x->reversed = q_int(st, 8);
		x->required = q_int(st, 9);
		x->left_label = col_text0(a, st, 10);
		x->right_label = col_text0(a, st, 11);
		x->allows_dont_know = q_int(st, 12);
		x->min_answers = q_int(st, 13);
		x->max_answers = q_int(st, 14);
		x->options = NULL;
		x->noptions = 0;
	}
	q_reset(st);
	if (rc != Q_DONE)
		return map_rc(s, rc);
	st = stmt(s, "SELECT o.item_id, o.position, o.value, o.label, o.exclusive FROM item_option o JOIN instrument_item i"
		     " ON i.id = o.item_id WHERE i.version_id = ? ORDER BY i.position, o.position");
	q_bind_int64(st, 1, id);
	size_t k = 0, ocap = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		long long item = q_int64(st, 0);
		while (k < out->nitems && out->items[k].id != item) {
			k++;
			ocap = 0;
		}
		if (k == out->nitems)
			break;
		struct instrument_item *x = &out->items[k];
		struct item_option *o = ROW_PUSH(a, x->options, x->noptions, ocap);
		o->position = q_int(st, 1);
		o->value = q_int(st, 2);
		o->label = col_text0(a, st, 3);
		o->exclusive = q_int(st, 4);
	}
	q_reset(st);
	return rc == Q_DONE || rc == Q_ROW ? ST_OK : map_rc(s, rc);
}

/* ---- waves ---- */

/* counts: WAVE_COUNTS, or "0, 0" where they are not wanted (a pass over
 * every invitation of the wave, 200,000 in a large one) */
#define WAVE_COLS(counts) \
	"w.id, w.version_id, coalesce(w.population_id, 0), coalesce(w.created_by, 0), w.name, w.population, w.opens_on," \
	" w.closes_on, w.anonymous, w.created_at, i.name, i.id, v.version, " counts ", w.link_key," \
	" coalesce(w.subject_id, 0), coalesce((SELECT name FROM person WHERE id = w.subject_id), '')," \
	" coalesce(w.closed_at, 0), w.report_cells, w.purpose"
#define WAVE_COUNTS \
	"(SELECT count(*) FROM invitation WHERE wave_id = w.id AND enrolment_status <> 'stopped')," \
	" (SELECT count(*) FROM invitation WHERE wave_id = w.id AND responded = 1)"
#define WAVE_FROM \
	" FROM wave w JOIN instrument_version v ON v.id = w.version_id JOIN instrument i ON i.id = v.instrument_id"

static void read_wave(struct arena *a, struct query *st, struct wave *w)
{
	w->id = q_int64(st, 0);
	w->version_id = q_int64(st, 1);
	w->population_id = q_int64(st, 2);
	w->created_by = q_int64(st, 3);
	w->name = col_text0(a, st, 4);
	w->population = col_text0(a, st, 5);
	w->opens_on = col_text0(a, st, 6);
	w->closes_on = col_text0(a, st, 7);
	w->anonymous = q_int(st, 8);
	w->created_at = q_int64(st, 9);
	w->instrument_name = col_text0(a, st, 10);
	w->instrument_id = q_int64(st, 11);
	w->version = q_int(st, 12);
	w->invited = q_int64(st, 13);
	w->responded = q_int64(st, 14);
	if (q_bytes(st, 15) == (int)sizeof(w->link_key))
		memcpy(w->link_key, q_blob(st, 15), sizeof(w->link_key));
	w->subject_id = q_int64(st, 16);
	w->subject_name = col_text0(a, st, 17);
	w->closed_at = q_int64(st, 18);
	w->report_cells = q_int(st, 19);
	w->purpose = col_text(a, st, 20);
}

int store_wave_add(struct store *s, long long org, const struct wave *w, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO wave(organisation_id, version_id, name, population, population_id, opens_on, closes_on, anonymous,"
		" created_by, created_at, link_key, subject_id, purpose) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13"
		" WHERE EXISTS (SELECT 1 FROM instrument_version WHERE id = ?2 AND organisation_id = ?1)"
		" AND (?12 IS NULL OR EXISTS (SELECT 1 FROM person WHERE id = ?12 AND organisation_id = ?1))");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, w->version_id);
	bind_ref(st, 12, w->subject_id);
	bind_text(st, 3, w->name);
	bind_text(st, 4, w->population);
	bind_ref(st, 5, w->population_id);
	bind_text(st, 6, w->opens_on);
	bind_text(st, 7, w->closes_on);
	q_bind_int(st, 8, w->anonymous);
	bind_ref(st, 9, w->created_by);
	q_bind_int64(st, 10, w->created_at);
	q_bind_blob(st, 11, w->link_key, sizeof(w->link_key));
	bind_text(st, 13, w->purpose);
	return inserted(s, exec_stmt(s, st), id);
}

int store_wave_get(struct store *s, struct arena *a, long long org, long long id, struct wave *out)
{
	struct query *st = stmt(s, "SELECT " WAVE_COLS("0, 0") WAVE_FROM " WHERE w.organisation_id = ? AND w.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_wave(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_wave_list(struct store *s, struct arena *a, long long org, struct wave **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " WAVE_COLS(WAVE_COUNTS) WAVE_FROM
				   " WHERE w.organisation_id = ? ORDER BY w.opens_on DESC, w.id DESC");
	q_bind_int64(st, 1, org);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_wave(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

int store_wave_org(struct store *s, long long wave_id, long long *org)
{
	struct query *st = stmt(s, "SELECT organisation_id FROM wave WHERE id = ?");
	q_bind_int64(st, 1, wave_id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		*org = q_int64(st, 0);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_wave_close(struct store *s, long long org, long long wave_id, long long now)
{
	struct query *st = stmt(s, "UPDATE wave SET closed_at = ? WHERE id = ? AND organisation_id = ? AND closed_at IS NULL");
	q_bind_int64(st, 1, now);
	q_bind_int64(st, 2, wave_id);
	q_bind_int64(st, 3, org);
	return changed(s, exec_stmt(s, st));
}

int store_wave_set_report_cells(struct store *s, long long org, long long wave_id)
{
	struct query *st = stmt(s, "UPDATE wave SET report_cells = 1 WHERE id = ? AND organisation_id = ?");
	q_bind_int64(st, 1, wave_id);
	q_bind_int64(st, 2, org);
	return changed(s, exec_stmt(s, st));
}

/* ---- invitations ---- */

#define INVITATION_COLS \
	"v.id, v.wave_id, coalesce(v.person_id, 0), CASE WHEN v.email <> '' THEN v.email ELSE coalesce(p.email, '') END," \
	" v.enrolment_status, v.responded, v.reminders, coalesce(p.name, ''), v.rater_role, coalesce(v.mailed_at, 0)," \
	" coalesce(v.report_group_id, 0), coalesce(v.report_unit_id, 0), v.report_role, v.discarded_draft," \
	" coalesce(p.employee_id, '')"
#define INVITATION_FROM " FROM invitation v LEFT JOIN person p ON p.id = v.person_id"

static void read_invitation(struct arena *a, struct query *st, struct invitation *x)
{
	x->id = q_int64(st, 0);
	x->wave_id = q_int64(st, 1);
	x->person_id = q_int64(st, 2);
	x->email = col_text0(a, st, 3);
	x->enrolment_status = col_text0(a, st, 4);
	x->responded = q_int(st, 5);
	x->reminders = q_int(st, 6);
	x->person_name = col_text0(a, st, 7);
	x->rater_role = col_text0(a, st, 8);
	x->mailed_at = q_int64(st, 9);
	x->report_group_id = q_int64(st, 10);
	x->report_unit_id = q_int64(st, 11);
	x->report_role = col_text0(a, st, 12);
	x->draft_discarded = q_bytes(st, 13) == (int)sizeof(x->discarded_verifier);
	if (x->draft_discarded)
		memcpy(x->discarded_verifier, q_blob(st, 13), sizeof(x->discarded_verifier));
	x->employee_id = col_text0(a, st, 14);
}

int store_invitation_add(struct store *s, long long org, const struct invitation *inv, const unsigned char hash[HASH_LEN],
			 long long now, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO invitation(organisation_id, wave_id, person_id, email, token_hash, enrolment_status, created_at,"
		" rater_role, report_group_id, report_unit_id, report_role) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11"
		" WHERE EXISTS (SELECT 1 FROM wave WHERE id = ?2 AND organisation_id = ?1)"
		" AND (?3 IS NULL OR EXISTS (SELECT 1 FROM person WHERE id = ?3 AND organisation_id = ?1))");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, inv->wave_id);
	bind_ref(st, 3, inv->person_id);
	bind_text(st, 4, inv->email ? inv->email : "");
	q_bind_blob(st, 5, hash, HASH_LEN);
	bind_text(st, 6, inv->enrolment_status ? inv->enrolment_status : "");
	q_bind_int64(st, 7, now);
	bind_text(st, 8, inv->rater_role ? inv->rater_role : "");
	bind_ref(st, 9, inv->report_group_id);
	bind_ref(st, 10, inv->report_unit_id);
	bind_text(st, 11, inv->report_role ? inv->report_role : "");
	return inserted(s, exec_stmt(s, st), id);
}

int store_invitation_set_cells(struct store *s, long long org, long long id, long long group_id, long long unit_id,
			       const char *role)
{
	struct query *st = stmt(s, "UPDATE invitation SET report_group_id = ?, report_unit_id = ?, report_role = ?"
				   " WHERE id = ? AND organisation_id = ?");
	bind_ref(st, 1, group_id);
	bind_ref(st, 2, unit_id);
	bind_text(st, 3, role ? role : "");
	q_bind_int64(st, 4, id);
	q_bind_int64(st, 5, org);
	return changed(s, exec_stmt(s, st));
}

int store_invitation_set_hash(struct store *s, long long org, long long id, const unsigned char hash[HASH_LEN])
{
	struct query *st = stmt(s, "UPDATE invitation SET token_hash = ? WHERE id = ? AND organisation_id = ?");
	q_bind_blob(st, 1, hash, HASH_LEN);
	q_bind_int64(st, 2, id);
	q_bind_int64(st, 3, org);
	return changed(s, exec_stmt(s, st));
}

int store_invitation_list(struct store *s, struct arena *a, long long org, long long wave_id,
			  struct invitation **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " INVITATION_COLS INVITATION_FROM
				   " WHERE v.organisation_id = ? AND v.wave_id = ? ORDER BY p.name, v.email, v.id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, wave_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_invitation(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

int store_invitation_by_hash(struct store *s, struct arena *a, const unsigned char hash[HASH_LEN],
			     struct invitation *out, long long *org)
{
	struct query *st = stmt(s, "SELECT " INVITATION_COLS ", v.organisation_id" INVITATION_FROM " WHERE v.token_hash = ?");
	/* the organisation is the column after the invitation's own */
	q_bind_blob(st, 1, hash, HASH_LEN);
	int rc = q_step(st);
	if (rc == Q_ROW) {
		read_invitation(a, st, out);
		*org = q_int64(st, 15);
	}
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_invitation_remind(struct store *s, long long org, long long id)
{
	struct query *st = stmt(s, "UPDATE invitation SET reminders = reminders + 1 WHERE id = ? AND organisation_id = ?"
				   " AND responded = 0");
	q_bind_int64(st, 1, id);
	q_bind_int64(st, 2, org);
	return changed(s, exec_stmt(s, st));
}

int store_invitation_claim_mail(struct store *s, long long org, long long id, long long now)
{
	struct query *st = stmt(s, "UPDATE invitation SET mailed_at = ? WHERE id = ? AND organisation_id = ?"
				   " AND mailed_at IS NULL");
	q_bind_int64(st, 1, now);
	q_bind_int64(st, 2, id);
	q_bind_int64(st, 3, org);
	return changed(s, exec_stmt(s, st));
}

int store_invitation_unclaim_mail(struct store *s, long long org, long long id)
{
	struct query *st = stmt(s, "UPDATE invitation SET mailed_at = NULL WHERE id = ? AND organisation_id = ?");
	q_bind_int64(st, 1, id);
	q_bind_int64(st, 2, org);
	return changed(s, exec_stmt(s, st));
}

/* ---- answers ---- */

int store_draft_put(struct store *s, long long org, long long invitation_id, const struct sealed_draft *d)
{
	struct query *st = stmt(s, "INSERT INTO draft(invitation_id, verifier, nonce, box)"
				   " SELECT id, ?3, ?4, ?5 FROM invitation WHERE id = ?1 AND organisation_id = ?2 AND responded = 0"
				   " ON CONFLICT (invitation_id) DO UPDATE SET verifier = excluded.verifier, nonce = excluded.nonce,"
				   " box = excluded.box");
	q_bind_int64(st, 1, invitation_id);
	q_bind_int64(st, 2, org);
	q_bind_blob(st, 3, d->verifier, sizeof(d->verifier));
	q_bind_blob(st, 4, d->nonce, sizeof(d->nonce));
	q_bind_blob(st, 5, d->box, (int)d->len);
	return changed(s, exec_stmt(s, st));
}

int store_draft_get(struct store *s, struct arena *a, long long org, long long invitation_id, struct sealed_draft *out)
{
	struct query *st = stmt(s, "SELECT d.verifier, d.nonce, d.box FROM draft d JOIN invitation v ON v.id = d.invitation_id"
				   " WHERE v.id = ? AND v.organisation_id = ?");
	q_bind_int64(st, 1, invitation_id);
	q_bind_int64(st, 2, org);
	int rc = q_step(st);
	if (rc == Q_ROW) {
		bool ok = q_bytes(st, 0) == (int)sizeof(out->verifier) &&
			  q_bytes(st, 1) == (int)sizeof(out->nonce);
		if (ok) {
			memcpy(out->verifier, q_blob(st, 0), sizeof(out->verifier));
			memcpy(out->nonce, q_blob(st, 1), sizeof(out->nonce));
			out->len = (size_t)q_bytes(st, 2);
			out->box = arena_alloc(a, out->len + 1);
			if (out->len)
				memcpy(out->box, q_blob(st, 2), out->len);
		}
		rc = ok ? Q_ROW : ST_ERROR;
	}
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_draft_discard(struct store *s, long long org, long long invitation_id, bool remember)
{
	int r = store_begin(s);
	if (r)
		return r;
	struct query *st = stmt(s, "UPDATE invitation SET discarded_draft = CASE WHEN ?3 <> 0 THEN"
				   " (SELECT verifier FROM draft WHERE invitation_id = ?1) END"
				   " WHERE id = ?1 AND organisation_id = ?2 AND EXISTS (SELECT 1 FROM draft WHERE invitation_id = ?1)");
	q_bind_int64(st, 1, invitation_id);
	q_bind_int64(st, 2, org);
	q_bind_int(st, 3, remember);
	r = changed(s, exec_stmt(s, st));
	if (!r) {
		st = stmt(s, "DELETE FROM draft WHERE invitation_id = ?");
		q_bind_int64(st, 1, invitation_id);
		r = exec_stmt(s, st);
	}
	if (r || (r = store_commit(s)))
		store_rollback(s);
	return r;
}

/* ---- a hand-in, made durable with the others of the moment (durability.h) ---- */

int store_response_submit(struct store *s, long long org, long long invitation_id, bool anonymous, const char *week,
			  const unsigned char *verifier, const struct answer_value *a, size_t n)
{
	return store_response_hand_in(s, org, invitation_id, anonymous, week, verifier, a, n, NULL, 0);
}

int store_response_hand_in(struct store *s, long long org, long long invitation_id, bool anonymous, const char *week,
			   const unsigned char *verifier, const struct answer_value *a, size_t n,
			   const unsigned char *sealed, size_t sealed_len)
{
	assert(!sealed || anonymous);
	/* in a transaction of the caller's, SQLite's write lock is held
	 * already, and the commit is the caller's. PostgreSQL's commit is
	 * durable when it returns, and it groups the flushes of commits that
	 * come together itself. */
	struct syncer *y = s->txn_depth || s->kind != DB_SQLITE ? NULL : durable_for(s->path);
	if (y)
		durable_turn_take(y);
	int r = store_begin(s);
	if (r) {
		if (y)
			durable_turn_pass(y);
		return r;
	}
	/* not while a draft of another browser is there */
	struct query *st = stmt(s, "UPDATE invitation SET responded = 1 WHERE id = ?1 AND organisation_id = ?2 AND responded = 0"
				   " AND NOT EXISTS (SELECT 1 FROM draft d WHERE d.invitation_id = ?1 AND (?3 IS NULL OR d.verifier <> ?3))");
	q_bind_int64(st, 1, invitation_id);
	q_bind_int64(st, 2, org);
	q_bind_blob(st, 3, verifier, verifier ? 32 : 0);
	r = exec_stmt(s, st);
	if (!r && q_changes(s) == 0) {
		st = stmt(s, "SELECT responded FROM invitation WHERE id = ? AND organisation_id = ?");
		q_bind_int64(st, 1, invitation_id);
		q_bind_int64(st, 2, org);
		int rc = q_step(st);
		r = rc == Q_ROW && q_int(st, 0) ? ST_CONFLICT : rc == Q_ROW ? ST_NOTFOUND : map_rc(s, rc);
		q_reset(st);
		if (!r)
			r = ST_NOTFOUND;
	}
	long long rid = 0;
	if (!r && sealed) {
		/* the answers wait, sealed, to be mixed in with others
		 * (store_pending_list): nothing of them is written here */
		randombytes_buf(&rid, sizeof(rid));
		rid = (long long)((unsigned long long)rid >> 2) + 1;
		st = stmt(s, "INSERT INTO response_pending(id, organisation_id, wave_id, box)"
			     " SELECT ?3, organisation_id, wave_id, ?4 FROM invitation WHERE id = ?1 AND organisation_id = ?2");
		q_bind_int64(st, 1, invitation_id);
		q_bind_int64(st, 2, org);
		q_bind_int64(st, 3, rid);
		q_bind_blob(st, 4, sealed, sealed_len);
		r = inserted(s, exec_stmt(s, st), NULL);
		n = 0;
	} else if (!r) {
		/* a random id for an anonymous response: its place among the
		 * others says nothing of when it came; a named one the next
		 * after the highest (as SQLite gives a rowid, so on both
		 * databases alike) */
		if (anonymous)
			randombytes_buf(&rid, sizeof(rid));
		rid = (long long)((unsigned long long)rid >> 2) + 1;
		st = stmt(s, "INSERT INTO response(id, organisation_id, wave_id, invitation_id, group_id, unit_id, submitted_week,"
			     " rater_role) SELECT CASE WHEN ?4 <> 0 THEN ?5 ELSE (SELECT coalesce(max(id), 0) + 1 FROM response) END,"
			     " v.organisation_id, v.wave_id,"
			     " CASE WHEN ?4 <> 0 THEN NULL ELSE v.id END, v.report_group_id, v.report_unit_id,"
			     " CASE WHEN ?4 <> 0 THEN '' ELSE ?3 END, v.report_role FROM invitation v"
			     " WHERE v.id = ?1 AND v.organisation_id = ?2");
		q_bind_int64(st, 1, invitation_id);
		q_bind_int64(st, 2, org);
		bind_text(st, 3, week);
		q_bind_int(st, 4, anonymous);
		q_bind_int64(st, 5, rid);
		r = exec_stmt(s, st);
		rid = q_last_id(s);
	}
	if (!r) {
		/* the week counted apart from the response */
		st = stmt(s, "INSERT INTO response_week(organisation_id, wave_id, week, n)"
			     " SELECT organisation_id, wave_id, ?2, 1 FROM invitation WHERE id = ?1"
			     " ON CONFLICT (wave_id, week) DO UPDATE SET n = response_week.n + 1");
		q_bind_int64(st, 1, invitation_id);
		bind_text(st, 2, week);
		r = exec_stmt(s, st);
	}
	if (!r && n) {
		long long wave_id = 0;
		st = stmt(s, "SELECT wave_id FROM invitation WHERE id = ?");
		q_bind_int64(st, 1, invitation_id);
		int rc = q_step(st);
		if (rc == Q_ROW)
			wave_id = q_int64(st, 0);
		q_reset(st);
		r = rc == Q_ROW ? answers_insert(s, rid, wave_id, a, n) : map_rc(s, rc);
	}
	if (!r) {
		/* a draft saved before, tied to the link */
		st = stmt(s, "DELETE FROM draft WHERE invitation_id = ?");
		q_bind_int64(st, 1, invitation_id);
		r = exec_stmt(s, st);
	}
	if (r || (r = store_commit(s)))
		store_rollback(s);
	if (!y)
		return r;
	durable_turn_pass(y);
	return r ? r : durable_wait(y, s, anonymous);
}

int store_answers(struct store *s, struct arena *a, long long org, long long wave_id, struct answer_row **out,
		  size_t *n)
{
	struct query *st = stmt(s, "SELECT r.id, x.item_id, coalesce(r.group_id, 0), coalesce(r.unit_id, 0), x.value IS NOT NULL,"
				   " coalesce(x.value, 0), x.text, r.rater_role, coalesce(v.person_id, 0), x.dont_know FROM response r"
				   " JOIN answer x ON x.response_id = r.id LEFT JOIN invitation v ON v.id = r.invitation_id"
				   " WHERE r.organisation_id = ? AND r.wave_id = ? ORDER BY r.id, x.item_id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, wave_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct answer_row *x = ROW_PUSH(a, *out, *n, cap);
		x->response_id = q_int64(st, 0);
		x->item_id = q_int64(st, 1);
		x->group_id = q_int64(st, 2);
		x->unit_id = q_int64(st, 3);
		x->has_value = q_int(st, 4);
		x->value = q_int64(st, 5);
		x->text = col_text(a, st, 6);
		x->rater_role = col_text0(a, st, 7);
		x->person_id = q_int64(st, 8);
		x->dont_know = q_int(st, 9);
	}
	q_reset(st);
	return map_rc(s, rc);
}
