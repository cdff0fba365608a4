/* research_consent.c — research consent in SQLite (migration 0033). The
 * table of a kind is chosen from a fixed list, never from the caller's
 * text; each change touches only the row its rule allows. */
#include "internal.h"
#include "store/research_consent.h"

#include <string.h>

/* The statement that reads a kind's consent (statements are cached by
 * their text's address, so each is a literal), NULL for another kind. */
#define GROUP_CONSENT(table) \
	"SELECT x.research_consent, coalesce(x.research_consent_at, 0), coalesce(x.research_consent_by, 0)," \
	" coalesce(p.name, '') FROM " table " x LEFT JOIN person p ON p.id = x.research_consent_by" \
	" WHERE x.organisation_id = ? AND x.id = ?"
#define OWN_CONSENT(table) \
	"SELECT research_consent, coalesce(research_consent_at, 0), 0, '' FROM " table \
	" WHERE organisation_id = ? AND id = ?"

static const char *get_sql(const char *kind)
{
	if (!kind)
		return NULL;
	if (!strcmp(kind, "logbook"))
		return OWN_CONSENT("logbook_entry");
	if (!strcmp(kind, "case"))
		return OWN_CONSENT("case_session");
	if (!strcmp(kind, "report"))
		return GROUP_CONSENT("meeting_report");
	if (!strcmp(kind, "story"))
		return GROUP_CONSENT("learning_story");
	return NULL;
}

int store_consent_get(struct store *s, struct arena *a, long long org, const char *kind, long long id,
		      struct store_consent *out)
{
	const char *sql = get_sql(kind);
	memset(out, 0, sizeof(*out));
	out->by_name = "";
	if (!sql)
		return ST_NOTFOUND;
	struct query *st = stmt(s, sql);
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, id);
	int rc = q_step(st);
	if (rc == Q_ROW) {
		out->given = q_int(st, 0) != 0;
		out->at = q_int64(st, 1);
		out->by = q_int64(st, 2);
		out->by_name = col_text0(a, st, 3);
	}
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

/* The time stays NULL while consent is not given. */
static int set_own(struct store *s, const char *sql, long long org, long long person_id, long long id, bool given,
		   long long now)
{
	struct query *st = stmt(s, sql);
	q_bind_int(st, 1, given);
	if (given)
		q_bind_int64(st, 2, now);
	else
		q_bind_null(st, 2);
	q_bind_int64(st, 3, id);
	q_bind_int64(st, 4, org);
	q_bind_int64(st, 5, person_id);
	return changed(s, exec_stmt(s, st));
}

int store_consent_logbook_set(struct store *s, long long org, long long person_id, long long id, bool given,
			      long long now)
{
	return set_own(s,
		       "UPDATE logbook_entry SET research_consent = ?1, research_consent_at = ?2"
		       " WHERE id = ?3 AND organisation_id = ?4 AND person_id = ?5",
		       org, person_id, id, given, now);
}

int store_consent_case_set(struct store *s, long long org, long long person_id, long long id, bool given, long long now)
{
	return set_own(s,
		       "UPDATE case_session SET research_consent = ?1, research_consent_at = ?2"
		       " WHERE id = ?3 AND organisation_id = ?4 AND case_person_id = ?5",
		       org, person_id, id, given, now);
}

static int set_group(struct store *s, const char *sql, long long org, long long id, bool given, long long now,
		     long long by)
{
	struct query *st = stmt(s, sql);
	q_bind_int(st, 1, given);
	if (given) {
		q_bind_int64(st, 2, now);
		bind_ref(st, 3, by);
	} else {
		q_bind_null(st, 2);
		q_bind_null(st, 3);
	}
	q_bind_int64(st, 4, id);
	q_bind_int64(st, 5, org);
	return changed(s, exec_stmt(s, st));
}

int store_consent_report_set(struct store *s, long long org, long long id, bool given, long long now, long long by)
{
	return set_group(s,
			 "UPDATE meeting_report SET research_consent = ?1, research_consent_at = ?2,"
			 " research_consent_by = ?3 WHERE id = ?4 AND organisation_id = ?5 AND status = 'published'",
			 org, id, given, now, by);
}

int store_consent_story_set(struct store *s, long long org, long long id, bool given, long long now, long long by)
{
	return set_group(s,
			 "UPDATE learning_story SET research_consent = ?1, research_consent_at = ?2,"
			 " research_consent_by = ?3 WHERE id = ?4 AND organisation_id = ?5 AND status = 'bundled'",
			 org, id, given, now, by);
}

int store_consent_list(struct store *s, struct arena *a, long long org, struct store_consent_row **out, size_t *n)
{
	static const char *const kinds[] = { "report", "story", "logbook", "case" };
	struct query *st = stmt(s,
		"SELECT 0, id FROM meeting_report WHERE organisation_id = ?1 AND research_consent = 1"
		"  AND status = 'published'"
		" UNION ALL SELECT 1, id FROM learning_story WHERE organisation_id = ?1 AND research_consent = 1"
		"  AND status = 'bundled'"
		" UNION ALL SELECT 2, id FROM logbook_entry WHERE organisation_id = ?1 AND research_consent = 1"
		" UNION ALL SELECT 3, id FROM case_session WHERE organisation_id = ?1 AND research_consent = 1"
		"  AND case_person_id IS NOT NULL"
		" ORDER BY 1, 2");
	q_bind_int64(st, 1, org);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW) {
		struct store_consent_row *r = ROW_PUSH(a, *out, *n, cap);
		r->kind = kinds[q_int(st, 0) & 3];
		r->id = q_int64(st, 1);
	}
	q_reset(st);
	return map_rc(s, rc);
}
