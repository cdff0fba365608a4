/* member_check.c — member checks of research projects, their contacts and
 * answers in SQLite (migration 0035). Every statement names the
 * organisation; a check is reached through its project. */
#include "internal.h"
#include "store/member_check.h"

#include <string.h>

int store_member_check_add(struct store *s, long long org, long long project, const struct member_check *m,
			   long long created_by, long long now, long long *id)
{
	struct query *st = stmt(s, "INSERT INTO member_check(project_id, organisation_id, title, findings, held_on,"
				" created_by, created_at) SELECT id, organisation_id, ?, ?, ?, ?, ? FROM research_project"
				" WHERE organisation_id = ? AND id = ?");
	bind_text(st, 1, m->title);
	bind_text(st, 2, m->findings);
	bind_text(st, 3, m->held_on);
	bind_ref(st, 4, created_by);
	q_bind_int64(st, 5, now);
	q_bind_int64(st, 6, org);
	q_bind_int64(st, 7, project);
	return inserted(s, exec_stmt(s, st), id);
}

#define CHECK_COLS "m.id, m.project_id, m.title, m.findings, m.held_on, m.implications, m.more_research," \
	" m.more_research_note, coalesce(m.closed_at, 0), m.created_at," \
	" (SELECT count(*) FROM member_check_contact WHERE check_id = m.id)," \
	" (SELECT count(*) FROM member_check_contact WHERE check_id = m.id AND answered_at IS NOT NULL)" \
	" FROM member_check m"

static void read_check(struct arena *a, struct query *st, int i, struct member_check *m)
{
	m->id = q_int64(st, i);
	m->project_id = q_int64(st, i + 1);
	m->title = col_text0(a, st, i + 2);
	m->findings = col_text0(a, st, i + 3);
	m->held_on = col_text0(a, st, i + 4);
	m->implications = col_text0(a, st, i + 5);
	m->more_research = col_text0(a, st, i + 6);
	m->more_research_note = col_text0(a, st, i + 7);
	m->closed_at = q_int64(st, i + 8);
	m->created_at = q_int64(st, i + 9);
	m->contacts = q_int64(st, i + 10);
	m->answered = q_int64(st, i + 11);
}

int store_member_checks(struct store *s, struct arena *a, long long org, long long project, struct member_check **out,
			size_t *n)
{
	struct query *st = stmt(s, "SELECT " CHECK_COLS " WHERE m.organisation_id = ? AND m.project_id = ?"
				" ORDER BY m.held_on DESC, m.id DESC");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_check(a, st, 0, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

int store_member_check_get(struct store *s, struct arena *a, long long org, long long project, long long id,
			   struct member_check *out)
{
	struct query *st = stmt(s, "SELECT " CHECK_COLS " WHERE m.organisation_id = ? AND m.project_id = ? AND m.id = ?");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, project);
	q_bind_int64(st, 3, id);
	int rc = q_step(st);
	if (rc == Q_ROW)
		read_check(a, st, 0, out);
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_member_check_outcome(struct store *s, long long org, long long project, long long id,
			       const char *implications, const char *more, const char *note)
{
	struct query *st = stmt(s, "UPDATE member_check SET implications = ?, more_research = ?, more_research_note = ?"
				" WHERE organisation_id = ? AND project_id = ? AND id = ?");
	bind_text(st, 1, implications);
	bind_text(st, 2, more);
	bind_text(st, 3, note);
	q_bind_int64(st, 4, org);
	q_bind_int64(st, 5, project);
	q_bind_int64(st, 6, id);
	return changed(s, exec_stmt(s, st));
}

int store_member_check_close(struct store *s, long long org, long long project, long long id, long long now)
{
	struct query *st = stmt(s, "UPDATE member_check SET closed_at = ? WHERE organisation_id = ? AND project_id = ?"
				" AND id = ? AND closed_at IS NULL");
	q_bind_int64(st, 1, now);
	q_bind_int64(st, 2, org);
	q_bind_int64(st, 3, project);
	q_bind_int64(st, 4, id);
	return changed(s, exec_stmt(s, st));
}

int store_member_check_contact_add(struct store *s, long long org, long long check, const struct member_check_contact *c,
				   const unsigned char hash[HASH_LEN], long long expires_at, long long *id)
{
	if (c->person_id) {
		struct query *p = stmt(s, "SELECT 1 FROM person WHERE organisation_id = ? AND id = ?");
		q_bind_int64(p, 1, org);
		q_bind_int64(p, 2, c->person_id);
		int rc = q_step(p);
		q_reset(p);
		if (rc != Q_ROW)
			return rc == Q_DONE ? ST_INVALID : map_rc(s, rc);
	}
	struct query *st = stmt(s, "INSERT INTO member_check_contact(check_id, organisation_id, person_id, name,"
				" affiliation, email, token_hash, expires_at) SELECT id, organisation_id, ?, ?, ?, ?, ?, ?"
				" FROM member_check WHERE organisation_id = ? AND id = ?");
	bind_ref(st, 1, c->person_id);
	bind_text(st, 2, c->name);
	bind_text(st, 3, c->affiliation ? c->affiliation : "");
	bind_text(st, 4, c->email ? c->email : "");
	q_bind_blob(st, 5, hash, HASH_LEN);
	q_bind_int64(st, 6, expires_at);
	q_bind_int64(st, 7, org);
	q_bind_int64(st, 8, check);
	return inserted(s, exec_stmt(s, st), id);
}

#define CONTACT_COLS "k.id, k.check_id, coalesce(k.person_id, 0), k.name, k.affiliation, k.email, k.expires_at," \
	" coalesce(k.recognised, ''), k.recognised_note, k.not_fitting, coalesce(k.answered_at, 0)"

static void read_contact(struct arena *a, struct query *st, int i, struct member_check_contact *c)
{
	c->id = q_int64(st, i);
	c->check_id = q_int64(st, i + 1);
	c->person_id = q_int64(st, i + 2);
	c->name = col_text0(a, st, i + 3);
	c->affiliation = col_text0(a, st, i + 4);
	c->email = col_text0(a, st, i + 5);
	c->expires_at = q_int64(st, i + 6);
	c->recognised = col_text0(a, st, i + 7);
	c->recognised_note = col_text0(a, st, i + 8);
	c->not_fitting = col_text0(a, st, i + 9);
	c->answered_at = q_int64(st, i + 10);
}

int store_member_check_contacts(struct store *s, struct arena *a, long long org, long long check,
				struct member_check_contact **out, size_t *n)
{
	struct query *st = stmt(s, "SELECT " CONTACT_COLS " FROM member_check_contact k WHERE k.organisation_id = ?"
				" AND k.check_id = ? ORDER BY k.id");
	q_bind_int64(st, 1, org);
	q_bind_int64(st, 2, check);
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = q_step(st)) == Q_ROW)
		read_contact(a, st, 0, ROW_PUSH(a, *out, *n, cap));
	q_reset(st);
	return map_rc(s, rc);
}

int store_member_check_contact_renew(struct store *s, long long org, long long check, long long contact,
				     const unsigned char hash[HASH_LEN], long long expires_at)
{
	struct query *st = stmt(s, "UPDATE member_check_contact SET token_hash = ?, expires_at = ?"
				" WHERE organisation_id = ? AND check_id = ? AND id = ?");
	q_bind_blob(st, 1, hash, HASH_LEN);
	q_bind_int64(st, 2, expires_at);
	q_bind_int64(st, 3, org);
	q_bind_int64(st, 4, check);
	q_bind_int64(st, 5, contact);
	return changed(s, exec_stmt(s, st));
}

int store_member_check_by_token(struct store *s, struct arena *a, const unsigned char hash[HASH_LEN], long long *org,
				long long *project, struct member_check *m, struct member_check_contact *c)
{
	struct query *st = stmt(s, "SELECT " CONTACT_COLS ", m.organisation_id, " CHECK_COLS
				" JOIN member_check_contact k ON k.check_id = m.id AND k.organisation_id = m.organisation_id"
				" WHERE k.token_hash = ?");
	q_bind_blob(st, 1, hash, HASH_LEN);
	int rc = q_step(st);
	if (rc == Q_ROW) {
		read_contact(a, st, 0, c);
		*org = q_int64(st, 11);
		read_check(a, st, 12, m);
		*project = m->project_id;
	}
	q_reset(st);
	return rc == Q_ROW ? ST_OK : rc == Q_DONE ? ST_NOTFOUND : map_rc(s, rc);
}

int store_member_check_answer(struct store *s, long long org, long long contact, const char *recognised,
			      const char *note, const char *not_fitting, long long now)
{
	/* never after the check was closed */
	struct query *st = stmt(s, "UPDATE member_check_contact SET recognised = ?, recognised_note = ?, not_fitting = ?,"
				" answered_at = ? WHERE organisation_id = ? AND id = ? AND (SELECT closed_at FROM member_check"
				" WHERE id = check_id) IS NULL");
	bind_text(st, 1, recognised);
	bind_text(st, 2, note);
	bind_text(st, 3, not_fitting);
	q_bind_int64(st, 4, now);
	q_bind_int64(st, 5, org);
	q_bind_int64(st, 6, contact);
	return changed(s, exec_stmt(s, st));
}
