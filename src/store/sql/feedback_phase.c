/* feedback_phase.c — the partners of research projects and the releases
 * of their four feedback phases in SQLite (migration 0035). Every
 * statement names the organisation and the project. */
#include "internal.h"
#include "store/feedback_phase.h"

#include <string.h>

int store_research_partner_add(struct store *s, long long org, long long project, const char *name,
			       const char *contact, long long *id)
{
	struct query *st = stmt(s, "INSERT INTO research_partner(project_id, organisation_id, name, contact)"
				" SELECT id, organisation_id, ?, ? FROM research_project WHERE organisation_id = ? AND id = ?");
	bind_text(st, 1, name);
	bind_text(st, 2, contact ? contact : "");
	q_bind_int64(st, 3, org);
	q_bind_int64(st, 4, project);
	return inserted(s, exec_stmt(s, st), id);
}

int store_research_partners(struct store *s, struct arena *a, long long org, long long project,
			    struct research_partner **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT id, project_id, name, contact, data_in_on, collected_on, analysed_on"
				" FROM research_partner WHERE organisation_id = ? AND project_id = ? ORDER BY name, id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct research_partner *p = ROW_PUSH(a, *out, *n, cap);
		memset(p, 0, sizeof(*p));
		p->id = q_int64(st, 0);
		p->project_id = q_int64(st, 1);
		p->name = col_text0(a, st, 2);
		p->contact = col_text0(a, st, 3);
		p->data_in_on = col_text0(a, st, 4);
		p->collected_on = col_text0(a, st, 5);
		p->analysed_on = col_text0(a, st, 6);
		for (int k = 0; k < FEEDBACK_PHASES; k++)
			p->phase[k] = (struct feedback_release){ .partner_id = p->id, .phase = k + 1, .shared = "",
								 .deliverable = "", .released_by_name = "" };
	}
	q_reset(st);
	if (rc != Q_DONE)
		return map_rc(s, rc);
	st = stmt(s, "SELECT r.id, r.partner_id, r.phase, r.shared, r.deliverable, r.released_by_name, r.released_at"
		  " FROM feedback_release r JOIN research_partner p ON p.id = r.partner_id"
		  " WHERE p.organisation_id = ? AND p.project_id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	while ((rc = q_step(st)) == Q_ROW) {
		long long partner = q_int64(st, 1);
		int phase = q_int(st, 2);
		for (size_t i = 0; i < *n; i++) {
			if ((*out)[i].id != partner || phase < 1 || phase > FEEDBACK_PHASES)
				continue;
			struct feedback_release *r = &(*out)[i].phase[phase - 1];
			r->id = q_int64(st, 0);
			r->shared = col_text0(a, st, 3);
			r->deliverable = col_text0(a, st, 4);
			r->released_by_name = col_text0(a, st, 5);
			r->released_at = q_int64(st, 6);
		}
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_research_partner_dates(struct store *s, long long org, long long project, long long partner,
				 const char *data_in_on, const char *collected_on, const char *analysed_on)
{
	struct query *st = stmt(s, "UPDATE research_partner SET data_in_on = ?, collected_on = ?, analysed_on = ?"
				" WHERE organisation_id = ? AND project_id = ? AND id = ?");
	bind_text(st, 1, data_in_on);
	bind_text(st, 2, collected_on);
	bind_text(st, 3, analysed_on);
	q_bind_int64(st, 4, org);
	q_bind_int64(st, 5, project);
	q_bind_int64(st, 6, partner);
	return changed(s, exec_stmt(s, st));
}

int store_feedback_release_add(struct store *s, long long org, long long project, const struct feedback_release *r,
			       long long released_by, long long *id)
{
	struct query *st = stmt(s, "INSERT INTO feedback_release(partner_id, organisation_id, phase, shared, deliverable,"
				" released_by, released_by_name, released_at) SELECT id, organisation_id, ?, ?, ?, ?, ?, ?"
				" FROM research_partner WHERE organisation_id = ? AND project_id = ? AND id = ?");
	q_bind_int(st, 1, r->phase);
	bind_text(st, 2, r->shared);
	bind_text(st, 3, r->deliverable ? r->deliverable : "");
	bind_ref(st, 4, released_by);
	bind_text(st, 5, r->released_by_name);
	q_bind_int64(st, 6, r->released_at);
	q_bind_int64(st, 7, org);
	q_bind_int64(st, 8, project);
	q_bind_int64(st, 9, r->partner_id);
	return inserted(s, exec_stmt(s, st), id);
}
