/* report.c — meeting reports, contributions, learning stories and the
 * search index in SQLite. Reading rules are in domain/privacy.c; here
 * every statement is scoped to the organisation, a report to a meeting of
 * its group, and a contribution to a person enrolled in the group. */
#include "internal.h"

#include <ctype.h>
#include <string.h>
#include "store/report.h"

#include "core/buf.h"

#define REPORT_COLS \
	"r.id, r.meeting_id, r.group_id, coalesce(r.written_by, 0), r.agenda, r.themes, r.learning_moments," \
	" r.facilitator_reflection, r.mentor_reflection, r.status, coalesce(r.published_at, 0), r.updated_at," \
	" pm.number, coalesce(CASE m.choice WHEN 'free' THEN nullif(m.free_topic, '')" \
	"  WHEN 'menu' THEN (SELECT name FROM menu_topic WHERE id = m.topic_id) END, pm.theme), m.starts_on"
#define REPORT_FROM \
	" FROM meeting_report r JOIN meeting m ON m.id = r.meeting_id" \
	" JOIN programme_meeting pm ON pm.id = m.programme_meeting_id"

static void read_report(struct arena *a, struct query *st, struct meeting_report *r)
{
	r->id = q_int64(st, 0);
	r->meeting_id = q_int64(st, 1);
	r->group_id = q_int64(st, 2);
	r->written_by = q_int64(st, 3);
	r->agenda = col_text0(a, st, 4);
	r->themes = col_text0(a, st, 5);
	r->learning_moments = col_text0(a, st, 6);
	r->facilitator_reflection = col_text0(a, st, 7);
	r->mentor_reflection = col_text0(a, st, 8);
	r->status = col_text0(a, st, 9);
	r->published_at = q_int64(st, 10);
	r->updated_at = q_int64(st, 11);
	r->number = q_int(st, 12);
	r->theme = col_text0(a, st, 13);
	r->starts_on = col_text0(a, st, 14);
}

static int one_report(struct store *s, struct arena *a, struct query *st, struct meeting_report *out)
{
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_report(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_report_put(struct store *s, long long org, const struct meeting_report *r, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO meeting_report(organisation_id, meeting_id, group_id, agenda, themes, learning_moments,"
		" facilitator_reflection, mentor_reflection, written_by, updated_at)"
		" SELECT ?1, m.id, m.group_id, ?3, ?4, ?5, ?6, ?7, ?8, ?9 FROM meeting m"
		" WHERE m.id = ?2 AND m.organisation_id = ?1"
		" AND (?8 IS NULL OR EXISTS (SELECT 1 FROM person WHERE id = ?8 AND organisation_id = ?1))"
		" ON CONFLICT (meeting_id) DO UPDATE SET agenda = excluded.agenda, themes = excluded.themes,"
		" learning_moments = excluded.learning_moments, facilitator_reflection = excluded.facilitator_reflection,"
		" mentor_reflection = excluded.mentor_reflection, written_by = excluded.written_by,"
		" updated_at = excluded.updated_at");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, r->meeting_id);
	bind_text(st, 3, r->agenda ? r->agenda : "");
	bind_text(st, 4, r->themes ? r->themes : "");
	bind_text(st, 5, r->learning_moments ? r->learning_moments : "");
	bind_text(st, 6, r->facilitator_reflection ? r->facilitator_reflection : "");
	bind_text(st, 7, r->mentor_reflection ? r->mentor_reflection : "");
	bind_ref(st, 8, r->written_by);
	q_bind_int64(st, 9, r->updated_at);
	int rc = inserted(s, exec_stmt(s, st), NULL);
	if (rc || !id)
		return rc;
	struct query *q = stmt(s, "SELECT id FROM meeting_report WHERE meeting_id = ? AND organisation_id = ?");
	q_bind_int64(q, 1, r->meeting_id);
	q_bind_int64(q, 2, org);
	rc = q_step(q);
	if (rc == Q_ROW)
		*id = q_int64(q, 0);
	q_reset(q);
	return rc == Q_ROW ? ST_OK : map_rc(s, rc);
}

int store_report_put_mentor(struct store *s, long long org, long long id, const char *text, long long now)
{
	struct query *st = stmt(s, "UPDATE meeting_report SET mentor_reflection = ?, updated_at = ?"
				   " WHERE id = ? AND organisation_id = ?");
	bind_text(st, 1, text ? text : "");
	q_bind_int64(st, 2, now);
	q_bind_int64(st, 3, id);
	q_bind_int64(st, 4, org);
	return changed(s, exec_stmt(s, st));
}

int store_report_publish(struct store *s, long long org, long long id, bool published, long long now)
{
	struct query *st = stmt(s, "UPDATE meeting_report SET status = ?1, published_at = CASE WHEN ?1 = 'published'"
				   " THEN ?2 END, updated_at = ?2 WHERE id = ?3 AND organisation_id = ?4");
	bind_text(st, 1, published ? "published" : "draft");
	q_bind_int64(st, 2, now);
	q_bind_int64(st, 3, id);
	q_bind_int64(st, 4, org);
	return changed(s, exec_stmt(s, st));
}

int store_report_get(struct store *s, struct arena *a, long long org, long long id, struct meeting_report *out)
{
	struct query *st = stmt(s, "SELECT " REPORT_COLS REPORT_FROM " WHERE r.organisation_id = ? AND r.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	return one_report(s, a, st, out);
}

int store_report_for_meeting(struct store *s, struct arena *a, long long org, long long meeting_id,
			     struct meeting_report *out)
{
	struct query *st = stmt(s, "SELECT " REPORT_COLS REPORT_FROM " WHERE r.organisation_id = ? AND r.meeting_id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, meeting_id);
	return one_report(s, a, st, out);
}

int store_report_list(struct store *s, struct arena *a, long long org, long long group_id, bool published_only,
		      struct meeting_report **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " REPORT_COLS REPORT_FROM " WHERE r.organisation_id = ? AND r.group_id = ?"
				   " AND (? = 0 OR r.status = 'published') ORDER BY pm.number");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, group_id);
	q_bind_int(st, 3, published_only);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_report(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

/* ---- contributions ---- */

#define CONTRIBUTION_COLS "c.id, c.meeting_id, c.group_id, c.person_id, c.text, c.placed, c.updated_at, p.name"
#define CONTRIBUTION_FROM " FROM contribution c JOIN person p ON p.id = c.person_id"

static void read_contribution(struct arena *a, struct query *st, struct contribution *c)
{
	c->id = q_int64(st, 0);
	c->meeting_id = q_int64(st, 1);
	c->group_id = q_int64(st, 2);
	c->person_id = q_int64(st, 3);
	c->text = col_text0(a, st, 4);
	c->placed = q_int(st, 5);
	c->updated_at = q_int64(st, 6);
	c->person_name = col_text0(a, st, 7);
}

int store_contribution_put(struct store *s, long long org, const struct contribution *c, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO contribution(organisation_id, meeting_id, group_id, person_id, text, updated_at)"
		" SELECT ?1, m.id, m.group_id, ?3, ?4, ?5 FROM meeting m WHERE m.id = ?2 AND m.organisation_id = ?1"
		" AND EXISTS (SELECT 1 FROM enrolment WHERE group_id = m.group_id AND person_id = ?3"
		" AND organisation_id = ?1 AND status <> 'stopped')"
		" ON CONFLICT (meeting_id, person_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, c->meeting_id);
	q_bind_int64(st, 3, c->person_id);
	bind_text(st, 4, c->text ? c->text : "");
	q_bind_int64(st, 5, c->updated_at);
	int rc = inserted(s, exec_stmt(s, st), NULL);
	if (rc || !id)
		return rc;
	struct query *q = stmt(s, "SELECT id FROM contribution WHERE meeting_id = ? AND person_id = ? AND organisation_id = ?");
	q_bind_int64(q, 1, c->meeting_id);
	q_bind_int64(q, 2, c->person_id);
	q_bind_int64(q, 3, org);
	rc = q_step(q);
	if (rc == Q_ROW)
		*id = q_int64(q, 0);
	q_reset(q);
	return rc == Q_ROW ? ST_OK : map_rc(s, rc);
}

int store_contribution_delete(struct store *s, long long org, long long person_id, long long id)
{
	struct query *st = stmt(s, "DELETE FROM contribution WHERE id = ? AND person_id = ? AND organisation_id = ?");
	q_bind_int64(st, 1, id);
	q_bind_int64(st, 2, person_id);
	q_bind_int64(st, 3, org);
	return changed(s, exec_stmt(s, st));
}

int store_contribution_place(struct store *s, long long org, long long id, bool placed, long long now)
{
	struct query *st = stmt(s, "UPDATE contribution SET placed = ?, updated_at = ? WHERE id = ? AND organisation_id = ?");
	q_bind_int(st, 1, placed);
	q_bind_int64(st, 2, now);
	q_bind_int64(st, 3, id);
	q_bind_int64(st, 4, org);
	return changed(s, exec_stmt(s, st));
}

int store_contribution_get(struct store *s, struct arena *a, long long org, long long id, struct contribution *out)
{
	struct query *st = stmt(s, "SELECT " CONTRIBUTION_COLS CONTRIBUTION_FROM " WHERE c.organisation_id = ? AND c.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_contribution(a, st, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_contribution_list(struct store *s, struct arena *a, long long org, long long group_id, long long meeting_id,
			    struct contribution **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " CONTRIBUTION_COLS CONTRIBUTION_FROM
				   " WHERE c.organisation_id = ? AND c.group_id = ? AND (? = 0 OR c.meeting_id = ?)"
				   " ORDER BY c.meeting_id, p.name, c.id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, group_id);
	q_bind_int64(st, 3, meeting_id);
	q_bind_int64(st, 4, meeting_id);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_contribution(a, st, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

/* ---- learning story ---- */

#define STORY_COLS "id, group_id, opening, closing, status, coalesce(bundled_at, 0), updated_at FROM learning_story"

static int one_story(struct store *s, struct arena *a, struct query *st, struct learning_story *out)
{
	int rc = q_step(st);
	if (rc == Q_ROW) {
		out->id = q_int64(st, 0);
		out->group_id = q_int64(st, 1);
		out->opening = col_text0(a, st, 2);
		out->closing = col_text0(a, st, 3);
		out->status = col_text0(a, st, 4);
		out->bundled_at = q_int64(st, 5);
		out->updated_at = q_int64(st, 6);
	}
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_story_get(struct store *s, struct arena *a, long long org, long long group_id, struct learning_story *out)
{
	struct query *st = stmt(s, "SELECT " STORY_COLS " WHERE organisation_id = ? AND group_id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, group_id);
	return one_story(s, a, st, out);
}

int store_story_by_id(struct store *s, struct arena *a, long long org, long long id, struct learning_story *out)
{
	struct query *st = stmt(s, "SELECT " STORY_COLS " WHERE organisation_id = ? AND id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	return one_story(s, a, st, out);
}

int store_story_put(struct store *s, long long org, const struct learning_story *x, long long *id)
{
	struct query *st = stmt(s,
		"INSERT INTO learning_story(organisation_id, group_id, opening, closing, status, bundled_at, updated_at)"
		" SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE EXISTS (SELECT 1 FROM learning_group WHERE id = ?2"
		" AND organisation_id = ?1)"
		" ON CONFLICT (group_id) DO UPDATE SET opening = excluded.opening, closing = excluded.closing,"
		" status = excluded.status, bundled_at = excluded.bundled_at, updated_at = excluded.updated_at");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, x->group_id);
	bind_text(st, 3, x->opening ? x->opening : "");
	bind_text(st, 4, x->closing ? x->closing : "");
	bind_text(st, 5, x->status ? x->status : "draft");
	if (x->bundled_at)
		q_bind_int64(st, 6, x->bundled_at);
	else
		q_bind_null(st, 6);
	q_bind_int64(st, 7, x->updated_at);
	int rc = inserted(s, exec_stmt(s, st), NULL);
	if (rc || !id)
		return rc;
	struct query *q = stmt(s, "SELECT id FROM learning_story WHERE group_id = ? AND organisation_id = ?");
	q_bind_int64(q, 1, x->group_id);
	q_bind_int64(q, 2, org);
	rc = q_step(q);
	if (rc == Q_ROW)
		*id = q_int64(q, 0);
	q_reset(q);
	return rc == Q_ROW ? ST_OK : map_rc(s, rc);
}

/* ---- search ---- */

/* A JSON array of the ids, for SQLITE_IDS and POSTGRESQL_IDS. */
static void id_array(struct buf *b, const long long *ids, size_t n)
{
	buf_addch(b, '[');
	for (size_t i = 0; i < n; i++)
		buf_addf(b, "%s%lld", i ? "," : "", ids[i]);
	buf_addch(b, ']');
}

/* PostgreSQL: the domain's FTS5 query (search.h: "term", "term"*, a
 * quoted phrase, ( ), OR, terms side by side for AND) as the input of
 * to_tsquery('dutch', ...): 'word', 'word':*, ('a' <-> 'b'), |, &. A term
 * of no word at all becomes the stopword 'de', which to_tsquery leaves
 * out with its operator. */
static char *tsquery_of(struct arena *a, const char *m)
{
	struct buf b = BUF_INIT;
	bool operand = false;  /* the last thing written ends an operand */
	for (const char *p = m; *p;) {
		if (*p == ' ') {
			p++;
			continue;
		}
		if (!strncmp(p, "OR ", 3)) {
			buf_adds(&b, " | ");
			operand = false;
			p += 3;
			continue;
		}
		if (*p == ')') {
			buf_addch(&b, ')');
			operand = true;
			p++;
			continue;
		}
		if (operand)
			buf_adds(&b, " & ");
		if (*p == '(') {
			buf_addch(&b, '(');
			operand = false;
			p++;
			continue;
		}
		/* a term: "..." with quotes doubled, maybe a * after it */
		struct buf term = BUF_INIT;
		if (*p == '"') {
			for (p++; *p && !(*p == '"' && p[1] != '"'); p++) {
				if (*p == '"')
					p++;
				buf_addch(&term, *p);
			}
			if (*p)
				p++;
		} else {
			while (*p && *p != ' ' && *p != ')')
				buf_addch(&term, *p++);
		}
		bool prefix = *p == '*';
		if (prefix)
			p++;
		int words = 0;
		buf_addch(&b, '(');
		for (const unsigned char *w = (const unsigned char *)term.ptr; *w;) {
			if (!(*w >= 0x80 || isalnum(*w))) {
				w++;
				continue;
			}
			const unsigned char *start = w;
			while (*w >= 0x80 || isalnum(*w))
				w++;
			buf_addf(&b, "%s'%.*s'", words++ ? " <-> " : "", (int)(w - start), (const char *)start);
		}
		if (!words)
			buf_adds(&b, "'de'");
		else if (prefix)
			buf_adds(&b, ":*");
		buf_addch(&b, ')');
		buf_release(&term);
		operand = true;
	}
	char *out = arena_strdup(a, b.ptr ? b.ptr : "");
	buf_release(&b);
	return out;
}

/* The search of the two databases: SQLite's FTS5 table with bm25 as rank
 * (negative, the best first), PostgreSQL's tsvector with the cover density
 * rank, negated to sort the same way. The documents the searcher may see:
 * their own (?3), every group's (?5), or the groups and peer groups in ?4
 * and ?7, JSON arrays of ids. */
#define SEARCH_WHERE(ids) \
	" AND d.organisation_id = ?2" \
	" AND ((?3 <> 0 AND d.person_id = ?3) OR (?5 <> 0 AND d.group_id IS NOT NULL)" \
	"  OR d.group_id IN " ids("?4") " OR d.peer_group_id IN " ids("?7") ")"

int store_search(struct store *s, struct arena *a, long long org, const char *match, long long person_id,
		 const long long *groups, size_t ngroups, const long long *peer_groups, size_t npeer_groups,
		 bool every_group, size_t max, struct search_hit **out, size_t *n)
{
	struct buf ids = BUF_INIT, peers = BUF_INIT;
	id_array(&ids, groups, ngroups);
	id_array(&peers, peer_groups, npeer_groups);
	struct query *st = stmt_for(s,
		/* "+rank": ranked after the join, so bm25 is computed for the
		 * searcher's own documents only, not for every match in every
		 * organisation (FTS5's ORDER BY rank mode; bench/README.md).
		 * Snippets come later, for the results shown. */
		"SELECT d.id, d.kind, d.ref_id, coalesce(d.group_id, 0), coalesce(d.person_id, 0), '', search_text.rank"
		" FROM search_text JOIN search_doc d ON d.id = search_text.rowid"
		" WHERE search_text MATCH ?1" SEARCH_WHERE(SQLITE_IDS)
		" ORDER BY +search_text.rank LIMIT ?6",
		"SELECT d.id, d.kind, d.ref_id, coalesce(d.group_id, 0), coalesce(d.person_id, 0), '',"
		" -ts_rank_cd(t.tsv, q) AS rank"
		" FROM search_text t JOIN search_doc d ON d.id = t.rowid, to_tsquery('dutch', ?1) q"
		" WHERE t.tsv @@ q" SEARCH_WHERE(POSTGRESQL_IDS)
		" ORDER BY rank, d.id LIMIT ?6");
	bind_text(st, 1, s->kind == DB_SQLITE ? match : tsquery_of(a, match));
	q_bind_int64(st, 2, org);
	q_bind_int64(st, 3, person_id);
	bind_text(st, 4, ids.ptr);
	q_bind_int(st, 5, every_group);
	q_bind_int64(st, 6, (long long)max);
	bind_text(st, 7, peers.ptr);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct search_hit *h = ROW_PUSH(a, *out, *n, cap);
		h->id = q_int64(st, 0);
		h->kind = col_text0(a, st, 1);
		h->ref_id = q_int64(st, 2);
		h->group_id = q_int64(st, 3);
		h->person_id = q_int64(st, 4);
		h->snippet = col_text0(a, st, 5);
		h->rank = q_double(st, 6);
	}
	q_reset(st);
	buf_release(&ids);
	buf_release(&peers);
	/* a malformed query is the user's input, not a store failure */
	return rc == ST_ERROR ? ST_INVALID : map_rc(s, rc);
}

int store_search_snippet(struct store *s, struct arena *a, long long org, const char *match, long long doc_id,
			 char **out)
{
	/* the words found between the characters 1 and 2, about 24 words */
	struct query *st = stmt_for(s,
		"SELECT snippet(search_text, -1, char(1), char(2), '…', 24) FROM search_text"
		" WHERE search_text MATCH ?1 AND search_text.rowid = ?2"
		" AND EXISTS (SELECT 1 FROM search_doc WHERE id = ?2 AND organisation_id = ?3)",
		"SELECT ts_headline('dutch', coalesce(t.title, '') || ' ' || coalesce(t.body, ''), q,"
		" 'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=24, MinWords=12, MaxFragments=1,"
		" FragmentDelimiter=…')"
		" FROM search_text t, to_tsquery('dutch', ?1) q"
		" WHERE t.tsv @@ q AND t.rowid = ?2"
		" AND EXISTS (SELECT 1 FROM search_doc WHERE id = ?2 AND organisation_id = ?3)");
	bind_text(st, 1, s->kind == DB_SQLITE ? match : tsquery_of(a, match));
	q_bind_int64(st, 2, doc_id);
	q_bind_int64(st, 3, org);
	int rc = q_step(st);
	*out = rc == Q_ROW ? col_text0(a, st, 0) : "";
	q_reset(st);
	return rc == Q_ROW || rc == Q_DONE ? ST_OK : map_rc(s, rc);
}

int search_merge(struct store *s)
{
	if (s->kind != DB_SQLITE)
		return ST_OK;
	return exec_stmt(s, stmt(s, "INSERT INTO search_text(search_text) VALUES ('optimize')"));
}
