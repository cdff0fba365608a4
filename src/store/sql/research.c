/* research.c — research projects, their coders, sources, codes, passages,
 * memos and replaced terms in SQLite (migration 0034). Every statement
 * names the organisation and the project. */
#include "internal.h"
#include "store/research.h"

#include <assert.h>
#include <string.h>

/* ---- projects ------------------------------------------------------------ */

int store_research_project_add(struct store *s, long long org, const struct research_project *p, long long created_by,
			       long long now, long long *id)
{
	struct query *st = stmt(s, "INSERT INTO research_project(organisation_id, name, purpose, guid, created_by,"
				" created_at) VALUES (?, ?, ?, ?, ?, ?)");
	q_bind_int64(st, 1, org);
	bind_text(st, 2, p->name);
	bind_text(st, 3, p->purpose ? p->purpose : "");
	bind_text(st, 4, p->guid);
	bind_ref(st, 5, created_by);
	q_bind_int64(st, 6, now);
	return inserted(s, exec_stmt(s, st), id);
}

#define PROJECT_COLS "p.id, p.name, p.purpose, p.guid, p.created_at," \
	" (SELECT count(*) FROM research_source WHERE project_id = p.id)," \
	" (SELECT count(*) FROM research_code WHERE project_id = p.id)," \
	" (SELECT count(*) FROM research_selection WHERE project_id = p.id) FROM research_project p"

static void read_project(struct arena *a, struct query *st, struct research_project *p)
{
	p->id = q_int64(st, 0);
	p->name = col_text0(a, st, 1);
	p->purpose = col_text0(a, st, 2);
	p->guid = col_text0(a, st, 3);
	p->created_at = q_int64(st, 4);
	p->sources = q_int64(st, 5);
	p->codes = q_int64(st, 6);
	p->selections = q_int64(st, 7);
}

int store_research_project_get(struct store *s, struct arena *a, long long org, long long id,
			       struct research_project *out)
{
	struct query *st = stmt(s, "SELECT " PROJECT_COLS " WHERE p.organisation_id = ? AND p.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_project(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_research_projects(struct store *s, struct arena *a, long long org, long long account,
			    struct research_project **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " PROJECT_COLS " WHERE p.organisation_id = ?1 AND (?2 = 0 OR EXISTS"
				" (SELECT 1 FROM research_coder k WHERE k.project_id = p.id AND k.account_id = ?2))"
				" ORDER BY p.created_at DESC, p.id DESC");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, account);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_project(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

int store_research_project_update(struct store *s, long long org, long long id, const char *name, const char *purpose)
{
	struct query *st = stmt(s, "UPDATE research_project SET name = ?, purpose = ? WHERE organisation_id = ? AND id = ?");
	bind_text(st, 1, name);
	bind_text(st, 2, purpose);
	q_bind_int64(st, 3, org);
	q_bind_int64(st, 4, id);
	return changed(s, exec_stmt(s, st));
}

int store_research_project_remove(struct store *s, long long org, long long id)
{
	struct query *st = stmt(s, "DELETE FROM research_project WHERE organisation_id = ? AND id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	return changed(s, exec_stmt(s, st));
}

/* ---- coders -------------------------------------------------------------- */

int store_research_coder_add(struct store *s, long long org, long long project, long long account, const char *name,
			     const char *guid, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO research_coder(project_id, organisation_id, account_id, name, guid)"
		" SELECT ?2, ?1, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM research_project WHERE id = ?2"
		" AND organisation_id = ?1)"
		" AND (?3 IS NULL OR EXISTS (SELECT 1 FROM role_grant WHERE account_id = ?3 AND organisation_id = ?1"
		" AND role = 'researcher'))");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	bind_ref(st, 3, account);
	bind_text(st, 4, name);
	bind_text(st, 5, guid);
	return inserted(s, exec_stmt(s, st), id);
}

int store_research_coders(struct store *s, struct arena *a, long long org, long long project,
			  struct research_coder **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT id, coalesce(account_id, 0), name, guid FROM research_coder"
				" WHERE organisation_id = ? AND project_id = ? ORDER BY id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct research_coder *k = ROW_PUSH(a, *out, *n, cap);
		k->id = q_int64(st, 0);
		k->account_id = q_int64(st, 1);
		k->name = col_text0(a, st, 2);
		k->guid = col_text0(a, st, 3);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_research_coders_all(struct store *s, long long org, long long project)
{
	/* a new coder's guid: a random UUID in REFI-QDA's upper case */
#define CODERS_ALL(guid) \
		"INSERT INTO research_coder(project_id, organisation_id, account_id, name, guid)" \
		" SELECT DISTINCT ?2, ?1, a.id, a.display_name, " guid \
		" FROM role_grant g JOIN account a ON a.id = g.account_id" \
		" WHERE g.organisation_id = ?1 AND g.role = 'researcher'" \
		" AND EXISTS (SELECT 1 FROM research_project WHERE id = ?2 AND organisation_id = ?1)" \
		" ON CONFLICT DO NOTHING"
	struct query *st = stmt_for(s, CODERS_ALL("upper(printf('%s-%s-4%s-%s-%s', hex(randomblob(4)),"
						  " hex(randomblob(2)), substr(hex(randomblob(2)), 2), hex(randomblob(2)),"
						  " hex(randomblob(6))))"),
				    CODERS_ALL("upper(CAST(gen_random_uuid() AS TEXT))"));
#undef CODERS_ALL
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	return exec_stmt(s, st);
}

int store_research_coder_of(struct store *s, long long org, long long project, long long account, long long *coder)
{
	struct query *st = stmt(s, "SELECT id FROM research_coder WHERE organisation_id = ? AND project_id = ?"
				" AND account_id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	q_bind_int64(st, 3, account);
	int rc = q_step(st);
	if (rc == Q_ROW)
		*coder = q_int64(st, 0);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

/* ---- sources ------------------------------------------------------------- */

int store_research_source_add(struct store *s, long long org, long long project, const struct research_source *src,
			      long long added_by, long long now, long long *id)
{
	assert(src->body);
	struct query *st = stmt(s,
		"INSERT INTO research_source(project_id, organisation_id, kind, ref_id, guid, name, body, chars,"
		" held_on, place, unit_id, group_id, added_by, added_at)"
		" SELECT ?2, ?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14"
		" WHERE EXISTS (SELECT 1 FROM research_project WHERE id = ?2 AND organisation_id = ?1)"
		" AND (?11 IS NULL OR EXISTS (SELECT 1 FROM unit WHERE id = ?11 AND organisation_id = ?1))"
		" AND (?12 IS NULL OR EXISTS (SELECT 1 FROM learning_group WHERE id = ?12 AND organisation_id = ?1))");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	bind_text(st, 3, src->kind);
	bind_ref(st, 4, src->ref_id);
	bind_text(st, 5, src->guid);
	bind_text(st, 6, src->name);
	bind_text(st, 7, src->body);
	q_bind_int64(st, 8, src->chars);
	bind_text(st, 9, src->held_on ? src->held_on : "");
	bind_text(st, 10, src->place ? src->place : "");
	bind_ref(st, 11, src->unit_id);
	bind_ref(st, 12, src->group_id);
	bind_ref(st, 13, added_by);
	q_bind_int64(st, 14, now);
	return inserted(s, exec_stmt(s, st), id);
}

#define SOURCE_COLS(body) "s.id, s.kind, coalesce(s.ref_id, 0), s.guid, s.name, " body ", s.chars, s.held_on," \
	" s.place, coalesce(s.unit_id, 0), coalesce(s.group_id, 0), coalesce(u.name, ''), coalesce(g.name, ''), s.added_at," \
	" (SELECT count(*) FROM research_selection WHERE source_id = s.id), coalesce(b.name, '')" \
	" FROM research_source s LEFT JOIN unit u ON u.id = s.unit_id LEFT JOIN learning_group g ON g.id = s.group_id" \
	" LEFT JOIN batch b ON b.id = g.batch_id"

static void read_source(struct arena *a, struct query *st, struct research_source *r)
{
	r->id = q_int64(st, 0);
	r->kind = col_text0(a, st, 1);
	r->ref_id = q_int64(st, 2);
	r->guid = col_text0(a, st, 3);
	r->name = col_text0(a, st, 4);
	r->body = col_text(a, st, 5);
	r->chars = q_int64(st, 6);
	r->held_on = col_text0(a, st, 7);
	r->place = col_text0(a, st, 8);
	r->unit_id = q_int64(st, 9);
	r->group_id = q_int64(st, 10);
	r->unit_name = col_text0(a, st, 11);
	r->group_name = col_text0(a, st, 12);
	r->added_at = q_int64(st, 13);
	r->selections = q_int64(st, 14);
	r->batch_name = col_text0(a, st, 15);
}

int store_research_source_get(struct store *s, struct arena *a, long long org, long long project, long long id,
			      bool body, struct research_source *out)
{
	struct query *st = body ? stmt(s, "SELECT " SOURCE_COLS("s.body")
				       " WHERE s.organisation_id = ? AND s.project_id = ? AND s.id = ?")
				: stmt(s, "SELECT " SOURCE_COLS("NULL")
				       " WHERE s.organisation_id = ? AND s.project_id = ? AND s.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	q_bind_int64(st, 3, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_source(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

static int sources(struct store *s, struct query *st, struct arena *a, long long org, long long project,
		   struct research_source **out, size_t *n)
{
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_source(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

int store_research_sources(struct store *s, struct arena *a, long long org, long long project,
			   struct research_source **out, size_t *n)
{
	return sources(s, stmt(s, "SELECT " SOURCE_COLS("NULL") " WHERE s.organisation_id = ? AND s.project_id = ?"
			       " ORDER BY s.id"), a, org, project, out, n);
}

int store_research_sources_full(struct store *s, struct arena *a, long long org, long long project,
				struct research_source **out, size_t *n)
{
	return sources(s, stmt(s, "SELECT " SOURCE_COLS("s.body") " WHERE s.organisation_id = ? AND s.project_id = ?"
			       " ORDER BY s.id"), a, org, project, out, n);
}

int store_research_source_remove(struct store *s, long long org, long long project, long long id)
{
	struct query *st = stmt(s, "DELETE FROM research_source WHERE organisation_id = ? AND project_id = ? AND id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	q_bind_int64(st, 3, id);
	return changed(s, exec_stmt(s, st));
}

/* ---- codes --------------------------------------------------------------- */

int store_research_code_add(struct store *s, long long org, long long project, const struct research_code *c,
			    long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO research_code(project_id, organisation_id, parent_id, position, guid, name, color,"
		" description, codable)"
		" SELECT ?2, ?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9"
		" WHERE EXISTS (SELECT 1 FROM research_project WHERE id = ?2 AND organisation_id = ?1)"
		" AND (?3 IS NULL OR EXISTS (SELECT 1 FROM research_code WHERE id = ?3 AND project_id = ?2"
		" AND organisation_id = ?1))");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	bind_ref(st, 3, c->parent_id);
	q_bind_int(st, 4, c->position);
	bind_text(st, 5, c->guid);
	bind_text(st, 6, c->name);
	bind_text(st, 7, c->color ? c->color : "");
	bind_text(st, 8, c->description ? c->description : "");
	q_bind_int(st, 9, c->codable);
	return inserted(s, exec_stmt(s, st), id);
}

int store_research_code_update(struct store *s, long long org, long long project, const struct research_code *c)
{
	struct query *st = stmt(s, "UPDATE research_code SET name = ?4, color = ?5, description = ?6, codable = ?7"
				" WHERE organisation_id = ?1 AND project_id = ?2 AND id = ?3");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	q_bind_int64(st, 3, c->id);
	bind_text(st, 4, c->name);
	bind_text(st, 5, c->color ? c->color : "");
	bind_text(st, 6, c->description ? c->description : "");
	q_bind_int(st, 7, c->codable);
	return changed(s, exec_stmt(s, st));
}

int store_research_code_remove(struct store *s, long long org, long long project, long long id)
{
	struct query *st = stmt(s, "DELETE FROM research_code WHERE organisation_id = ? AND project_id = ? AND id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	q_bind_int64(st, 3, id);
	return changed(s, exec_stmt(s, st));
}

int store_research_codes(struct store *s, struct arena *a, long long org, long long project, struct research_code **out,
			 size_t *n)
{
	struct query *st = stmt(s, "SELECT id, coalesce(parent_id, 0), position, guid, name, color, description, codable"
				" FROM research_code WHERE organisation_id = ? AND project_id = ?"
				" ORDER BY coalesce(parent_id, 0), position, name, id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct research_code *c = ROW_PUSH(a, *out, *n, cap);
		c->id = q_int64(st, 0);
		c->parent_id = q_int64(st, 1);
		c->position = q_int(st, 2);
		c->guid = col_text0(a, st, 3);
		c->name = col_text0(a, st, 4);
		c->color = col_text0(a, st, 5);
		c->description = col_text0(a, st, 6);
		c->codable = q_int(st, 7) != 0;
		c->depth = 0;
	}
	q_reset(st);
	return map_rc(s, rc);
}

/* ---- passages ------------------------------------------------------------ */

int store_research_selection_add(struct store *s, long long org, long long project,
				 const struct research_selection *sel, long long now, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO research_selection(project_id, organisation_id, source_id, coder_id, guid, start_char,"
		" end_char, memo, created_at)"
		" SELECT ?2, ?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9"
		" WHERE EXISTS (SELECT 1 FROM research_source WHERE id = ?3 AND project_id = ?2 AND organisation_id = ?1"
		" AND chars >= ?7)"
		" AND EXISTS (SELECT 1 FROM research_coder WHERE id = ?4 AND project_id = ?2 AND organisation_id = ?1)");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	q_bind_int64(st, 3, sel->source_id);
	q_bind_int64(st, 4, sel->coder_id);
	bind_text(st, 5, sel->guid);
	q_bind_int64(st, 6, sel->start);
	q_bind_int64(st, 7, sel->end);
	bind_text(st, 8, sel->memo ? sel->memo : "");
	q_bind_int64(st, 9, now);
	long long sid;
	int r = inserted(s, exec_stmt(s, st), &sid);
	if (r)
		return r;
	struct query *cs = stmt(s, "INSERT INTO research_coding(selection_id, code_id, organisation_id, guid)"
				" SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM research_code WHERE id = ?2"
				" AND project_id = ?5 AND organisation_id = ?3)");
	for (size_t i = 0; i < sel->ncodings; i++) {
		q_bind_int64(cs, 1, sid);
		q_bind_int64(cs, 2, sel->codings[i].code_id);
		q_bind_int64(cs, 3, org);
		bind_text(cs, 4, sel->codings[i].guid);
		q_bind_int64(cs, 5, project);
		if ((r = inserted(s, exec_stmt(s, cs), NULL)))
			return r;
	}
	*id = sid;
	return ST_OK;
}

int store_research_selections(struct store *s, struct arena *a, long long org, long long project, long long source,
			      struct research_selection **out, size_t *n)
{
	/* one row per coding (or one for a passage without codes), in order */
	struct query *st = stmt(s,
		"SELECT x.id, x.source_id, x.coder_id, x.guid, x.start_char, x.end_char, x.memo, x.created_at,"
		" c.code_id, c.guid FROM research_selection x"
		" LEFT JOIN research_coding c ON c.selection_id = x.id"
		" WHERE x.organisation_id = ?1 AND x.project_id = ?2 AND (?3 = 0 OR x.source_id = ?3)"
		" ORDER BY x.source_id, x.start_char, x.end_char, x.id, c.code_id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	q_bind_int64(st, 3, source);
	size_t cap = 0, ccap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	struct research_selection *cur = NULL;
	while ((rc = q_step(st)) == Q_ROW) {
		long long sid = q_int64(st, 0);
		if (!cur || cur->id != sid) {
			cur = ROW_PUSH(a, *out, *n, cap);
			memset(cur, 0, sizeof(*cur));
			cur->id = sid;
			cur->source_id = q_int64(st, 1);
			cur->coder_id = q_int64(st, 2);
			cur->guid = col_text0(a, st, 3);
			cur->start = q_int64(st, 4);
			cur->end = q_int64(st, 5);
			cur->memo = col_text0(a, st, 6);
			cur->created_at = q_int64(st, 7);
			ccap = 0;
		}
		if (!q_is_null(st, 8)) {
			struct research_coding *k = ROW_PUSH(a, cur->codings, cur->ncodings, ccap);
			k->code_id = q_int64(st, 8);
			k->guid = col_text0(a, st, 9);
		}
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_research_selection_remove(struct store *s, long long org, long long project, long long source, long long id)
{
	struct query *st = stmt(s, "DELETE FROM research_selection WHERE organisation_id = ?1 AND project_id = ?2 AND id = ?3"
				" AND (?4 = 0 OR source_id = ?4)");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	q_bind_int64(st, 3, id);
	q_bind_int64(st, 4, source);
	return changed(s, exec_stmt(s, st));
}

/* ---- memos --------------------------------------------------------------- */

int store_research_memo_add(struct store *s, long long org, long long project, const struct research_memo *m,
			    long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO research_memo(project_id, organisation_id, target, target_id, guid, text, coder_id, updated_at)"
		" SELECT ?2, ?1, ?3, ?4, ?5, ?6, ?7, ?8"
		" WHERE EXISTS (SELECT 1 FROM research_project WHERE id = ?2 AND organisation_id = ?1)"
		" AND CASE ?3 WHEN 'project' THEN ?4 = ?2"
		" WHEN 'code' THEN EXISTS (SELECT 1 FROM research_code WHERE id = ?4 AND project_id = ?2)"
		" WHEN 'source' THEN EXISTS (SELECT 1 FROM research_source WHERE id = ?4 AND project_id = ?2)"
		" ELSE 1 = 0 END"
		" AND (?7 IS NULL OR EXISTS (SELECT 1 FROM research_coder WHERE id = ?7 AND project_id = ?2))");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	bind_text(st, 3, m->target);
	q_bind_int64(st, 4, m->target_id);
	bind_text(st, 5, m->guid);
	bind_text(st, 6, m->text);
	bind_ref(st, 7, m->coder_id);
	q_bind_int64(st, 8, m->updated_at);
	return inserted(s, exec_stmt(s, st), id);
}

int store_research_memos(struct store *s, struct arena *a, long long org, long long project,
			 struct research_memo **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT id, target, target_id, guid, text, coalesce(coder_id, 0), updated_at"
				" FROM research_memo WHERE organisation_id = ? AND project_id = ? ORDER BY id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct research_memo *m = ROW_PUSH(a, *out, *n, cap);
		m->id = q_int64(st, 0);
		m->target = col_text0(a, st, 1);
		m->target_id = q_int64(st, 2);
		m->guid = col_text0(a, st, 3);
		m->text = col_text0(a, st, 4);
		m->coder_id = q_int64(st, 5);
		m->updated_at = q_int64(st, 6);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_research_memo_remove(struct store *s, long long org, long long project, long long id)
{
	struct query *st = stmt(s, "DELETE FROM research_memo WHERE organisation_id = ? AND project_id = ? AND id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	q_bind_int64(st, 3, id);
	return changed(s, exec_stmt(s, st));
}

/* ---- replaced terms ------------------------------------------------------ */

int store_research_term_add(struct store *s, long long org, long long project, const char *term,
			    const char *replacement, long long *id)
{
	struct query *st = stmt(s, "INSERT INTO research_term(project_id, organisation_id, term, replacement)"
				" SELECT ?2, ?1, ?3, ?4 WHERE EXISTS (SELECT 1 FROM research_project WHERE id = ?2"
				" AND organisation_id = ?1)");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	bind_text(st, 3, term);
	bind_text(st, 4, replacement);
	return inserted(s, exec_stmt(s, st), id);
}

int store_research_terms(struct store *s, struct arena *a, long long org, long long project,
			 struct research_term **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT id, term, replacement FROM research_term WHERE organisation_id = ?"
				" AND project_id = ? ORDER BY term");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct research_term *t = ROW_PUSH(a, *out, *n, cap);
		t->id = q_int64(st, 0);
		t->term = col_text0(a, st, 1);
		t->replacement = col_text0(a, st, 2);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_research_term_remove(struct store *s, long long org, long long project, long long id)
{
	struct query *st = stmt(s, "DELETE FROM research_term WHERE organisation_id = ? AND project_id = ? AND id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	q_bind_int64(st, 3, id);
	return changed(s, exec_stmt(s, st));
}

/* ---- the fieldwork register ---------------------------------------------- */

int store_research_fieldwork_add(struct store *s, long long org, long long project, const struct research_fieldwork *f,
				 long long created_by, long long now, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO research_fieldwork(project_id, organisation_id, kind, held_on, minutes, unit_id, team, who,"
		" source_id, note, created_by, created_at)"
		" SELECT ?2, ?1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12"
		" WHERE EXISTS (SELECT 1 FROM research_project WHERE id = ?2 AND organisation_id = ?1)"
		" AND (?6 IS NULL OR EXISTS (SELECT 1 FROM unit WHERE id = ?6 AND organisation_id = ?1))"
		" AND (?9 IS NULL OR EXISTS (SELECT 1 FROM research_source WHERE id = ?9 AND project_id = ?2))");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	bind_text(st, 3, f->kind);
	bind_text(st, 4, f->held_on);
	q_bind_int64(st, 5, f->minutes);
	bind_ref(st, 6, f->unit_id);
	bind_text(st, 7, f->team ? f->team : "");
	bind_text(st, 8, f->who ? f->who : "");
	bind_ref(st, 9, f->source_id);
	bind_text(st, 10, f->note ? f->note : "");
	bind_ref(st, 11, created_by);
	q_bind_int64(st, 12, now);
	return inserted(s, exec_stmt(s, st), id);
}

int store_research_fieldwork(struct store *s, struct arena *a, long long org, long long project,
			     struct research_fieldwork **out, size_t *n)
{
	struct query *st = stmt(s,
		"SELECT f.id, f.kind, f.held_on, f.minutes, coalesce(f.unit_id, 0), coalesce(u.name, ''), f.team, f.who,"
		" coalesce(f.source_id, 0), coalesce(x.name, ''), f.note FROM research_fieldwork f"
		" LEFT JOIN unit u ON u.id = f.unit_id LEFT JOIN research_source x ON x.id = f.source_id"
		" WHERE f.organisation_id = ? AND f.project_id = ? ORDER BY f.held_on, f.id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct research_fieldwork *f = ROW_PUSH(a, *out, *n, cap);
		f->id = q_int64(st, 0);
		f->kind = col_text0(a, st, 1);
		f->held_on = col_text0(a, st, 2);
		f->minutes = q_int64(st, 3);
		f->unit_id = q_int64(st, 4);
		f->unit_name = col_text0(a, st, 5);
		f->team = col_text0(a, st, 6);
		f->who = col_text0(a, st, 7);
		f->source_id = q_int64(st, 8);
		f->source_name = col_text0(a, st, 9);
		f->note = col_text0(a, st, 10);
	}
	q_reset(st);
	return map_rc(s, rc);
}

int store_research_fieldwork_remove(struct store *s, long long org, long long project, long long id)
{
	struct query *st = stmt(s, "DELETE FROM research_fieldwork WHERE organisation_id = ? AND project_id = ? AND id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	q_bind_int64(st, 3, id);
	return changed(s, exec_stmt(s, st));
}
