/* research_consent.c — who gives or withdraws consent to use a text for
 * research, and the researcher's list of texts that carry it, each made
 * into one plain text as search indexes it (md_plain). */
#include "research_consent.h"
#include "audit.h"
#include "privacy.h"
#include "report.h"
#include "role.h"
#include "schedule.h"
#include "store_rc.h"
#include "core/i18n.h"
#include "formats/markdown.h"
#include "store/case_session.h"
#include "store/group.h"
#include "store/logbook.h"
#include "store/meeting.h"
#include "store/report.h"
#include "store/research_consent.h"

#include <string.h>

static void audit_consent(struct ctx *c, const char *kind, long long id, bool given)
{
	audit(c, given ? "research.consent.give" : "research.consent.withdraw", kind, id, "%s",
	      given ? "given" : "withdrawn");
}

int consent_logbook(struct ctx *c, long long entry_id, bool given)
{
	long long me = c->who->person_id;
	if (!me)
		return D_NOTFOUND;
	int r = store_consent_logbook_set(c->st, c->who->organisation_id, me, entry_id, given, ctx_now(c));
	if (r)
		return d_from_store(r);
	audit_consent(c, "logbook", entry_id, given);
	return D_OK;
}

int consent_case(struct ctx *c, long long session_id, bool given)
{
	long long me = c->who->person_id;
	if (!me)
		return D_NOTFOUND;
	int r = store_consent_case_set(c->st, c->who->organisation_id, me, session_id, given, ctx_now(c));
	if (r)
		return d_from_store(r);
	audit_consent(c, "case", session_id, given);
	return D_OK;
}

bool consent_records_group(struct ctx *c, long long group_id)
{
	struct learning_group g;
	if (store_group_get(c->st, c->a, c->who->organisation_id, group_id, &g))
		return false;
	if (c->who->person_id && g.facilitator_id == c->who->person_id)
		return true;
	return actor_has(c->who, ROLE_BIT(ROLE_COACH));
}

int consent_report(struct ctx *c, long long meeting_id, bool given, struct errors *e)
{
	long long org = c->who->organisation_id;
	struct meeting m;
	int r = store_meeting_get(c->st, c->a, org, meeting_id, &m);
	if (r)
		return d_from_store(r);
	if (!consent_records_group(c, m.group_id))
		return D_NOTFOUND;
	struct meeting_report rep;
	r = store_report_for_meeting(c->st, c->a, org, meeting_id, &rep);
	if (r && r != ST_NOTFOUND)
		return D_ERROR;
	if (r == ST_NOTFOUND || strcmp(rep.status, "published")) {
		errors_add(c, e, "consent", "%s",
			   _("A draft report cannot carry the group's consent: publish the report to the group first."));
		return D_INVALID;
	}
	r = store_consent_report_set(c->st, org, rep.id, given, ctx_now(c), c->who->person_id);
	if (r)
		return d_from_store(r);
	audit_consent(c, "report", rep.id, given);
	return D_OK;
}

int consent_story(struct ctx *c, long long group_id, bool given, struct errors *e)
{
	long long org = c->who->organisation_id;
	if (!consent_records_group(c, group_id))
		return D_NOTFOUND;
	struct learning_story s;
	int r = store_story_get(c->st, c->a, org, group_id, &s);
	if (r && r != ST_NOTFOUND)
		return D_ERROR;
	if (r == ST_NOTFOUND || strcmp(s.status, "bundled")) {
		errors_add(c, e, "consent", "%s",
			   _("A learning story that is not bundled yet cannot carry the group's consent: bundle it first."));
		return D_INVALID;
	}
	r = store_consent_story_set(c->st, org, s.id, given, ctx_now(c), c->who->person_id);
	if (r)
		return d_from_store(r);
	audit_consent(c, "story", s.id, given);
	return D_OK;
}

int consent_may(struct ctx *c, const char *kind, long long id)
{
	long long org = c->who->organisation_id, me = c->who->person_id;
	if (!strcmp(kind, "logbook")) {
		struct logbook_entry e;
		return me && !store_logbook_get(c->st, c->a, org, id, &e) && e.person_id == me ? D_OK : D_NOTFOUND;
	}
	if (!strcmp(kind, "case")) {
		struct case_session x;
		return me && !store_case_session_get(c->st, c->a, org, id, &x) && x.case_person_id == me ? D_OK : D_NOTFOUND;
	}
	if (!strcmp(kind, "report")) {
		struct meeting m;
		return !store_meeting_get(c->st, c->a, org, id, &m) && consent_records_group(c, m.group_id) ? D_OK
													      : D_NOTFOUND;
	}
	if (!strcmp(kind, "story"))
		return consent_records_group(c, id) ? D_OK : D_NOTFOUND;
	return D_NOTFOUND;
}

int consent_state(struct ctx *c, const char *kind, long long id, struct research_consent *out)
{
	struct store_consent sc;
	int r = store_consent_get(c->st, c->a, c->who->organisation_id, kind, id, &sc);
	memset(out, 0, sizeof(*out));
	out->by_name = "";
	if (r)
		return d_from_store(r);
	out->given = sc.given;
	out->at = sc.given ? sc.at : 0;
	out->by_name = sc.given ? sc.by_name : "";
	return D_OK;
}

/* ---- the researcher's texts ---- */

static void heading(struct buf *b, const char *label, const char *text)
{
	if (!text || !*text)
		return;
	buf_adds(b, "## ");
	md_escape(b, label);
	buf_adds(b, "\n\n");
	buf_adds(b, text);
	buf_adds(b, "\n\n");
}

/* The Markdown made plain, in the arena. */
static char *plain(struct ctx *c, const struct buf *md)
{
	struct buf b = BUF_INIT;
	md_plain(&b, md->ptr ? md->ptr : "", md->len);
	char *s = arena_strdup(c->a, b.ptr ? b.ptr : "");
	buf_release(&b);
	return s;
}

static int text_logbook(struct ctx *c, long long id, struct consented_text *t)
{
	struct logbook_entry e;
	int r = store_logbook_get(c->st, c->a, c->who->organisation_id, id, &e);
	if (r)
		return d_from_store(r);
	struct buf md = BUF_INIT;
	heading(&md, _("What gave you energy"), e.energy_gave);
	heading(&md, _("What cost you energy"), e.energy_cost);
	heading(&md, _("Notes"), e.body);
	t->writer_id = e.person_id;
	t->date = arena_strdup(c->a, e.entry_date);
	t->title = arena_printf(c->a, _("Logbook entry, %s"), e.entry_date);
	t->text = plain(c, &md);
	buf_release(&md);
	return D_OK;
}

static int text_case(struct ctx *c, long long id, struct consented_text *t)
{
	struct case_session x;
	int r = store_case_session_get(c->st, c->a, c->who->organisation_id, id, &x);
	if (r)
		return d_from_store(r);
	if (!x.case_person_id)
		return D_NOTFOUND;
	struct buf md = BUF_INIT;
	heading(&md, _("Question"), x.case_question);
	heading(&md, _("Context"), x.case_context);
	t->group_id = x.group_id;
	t->writer_id = x.case_person_id;
	t->date = arena_strdup(c->a, x.held_on);
	t->title = arena_printf(c->a, _("Case: %s"), *x.case_title ? x.case_title : _("without a title"));
	t->text = plain(c, &md);
	buf_release(&md);
	return D_OK;
}

static int text_report(struct ctx *c, long long id, struct consented_text *t)
{
	long long org = c->who->organisation_id;
	struct meeting_report rep;
	struct learning_group g;
	int r = store_report_get(c->st, c->a, org, id, &rep);
	if (r)
		return d_from_store(r);
	if (strcmp(rep.status, "published"))
		return D_NOTFOUND;
	if ((r = store_group_get(c->st, c->a, org, rep.group_id, &g)))
		return d_from_store(r);
	struct report_field f[REPORT_FIELDS];
	report_fields(&rep, f);
	struct buf md = BUF_INIT;
	for (int i = 0; i < REPORT_FIELDS; i++)
		heading(&md, f[i].label, f[i].text);
	t->group_id = rep.group_id;
	t->date = arena_strdup(c->a, rep.starts_on ? rep.starts_on : "");
	t->title = arena_printf(c->a, _("Report of meeting %d - %s, %s"), rep.number, g.name, t->date);
	t->text = plain(c, &md);
	buf_release(&md);
	return D_OK;
}

/* The story as its export has it (story_markdown): the opening, each
 * published report's parts, the closing. The contributions placed in the
 * reports are left out: their writers did not consent themselves. */
static int text_story(struct ctx *c, long long id, struct consented_text *t)
{
	long long org = c->who->organisation_id;
	struct story_view v;
	memset(&v, 0, sizeof(v));
	int r = store_story_by_id(c->st, c->a, org, id, &v.s);
	if (r)
		return d_from_store(r);
	if (strcmp(v.s.status, "bundled"))
		return D_NOTFOUND;
	if ((r = store_group_get(c->st, c->a, org, v.s.group_id, &v.g)))
		return d_from_store(r);
	struct meeting_report *reps;
	size_t n;
	if (store_report_list(c->st, c->a, org, v.s.group_id, true, &reps, &n))
		return D_ERROR;
	v.exists = true;
	v.level = PRIVACY_FULL;
	v.reports = arena_alloc(c->a, (n + 1) * sizeof(*v.reports));
	for (size_t i = 0; i < n; i++)
		v.reports[i] = (struct report_view){ .exists = true, .level = PRIVACY_FULL, .r = reps[i] };
	v.n = n;
	struct buf md = BUF_INIT;
	story_markdown(c, &v, &md);
	char day[11];
	date_today(v.s.bundled_at, day);
	t->group_id = v.s.group_id;
	t->date = arena_strdup(c->a, day);
	t->title = arena_printf(c->a, _("Learning story of %s"), v.g.name);
	t->text = plain(c, &md);
	buf_release(&md);
	return D_OK;
}

/* One text whose consent the list has found (or the caller asks for). */
static int build(struct ctx *c, const char *kind, long long id, struct consented_text *t)
{
	memset(t, 0, sizeof(*t));
	t->id = id;
	if (!strcmp(kind, "logbook")) {
		t->kind = "logbook";
		return text_logbook(c, id, t);
	}
	if (!strcmp(kind, "case")) {
		t->kind = "case";
		return text_case(c, id, t);
	}
	if (!strcmp(kind, "report")) {
		t->kind = "report";
		return text_report(c, id, t);
	}
	if (!strcmp(kind, "story")) {
		t->kind = "story";
		return text_story(c, id, t);
	}
	return D_NOTFOUND;
}

static bool researcher(const struct ctx *c)
{
	return actor_has(c->who, ROLE_BIT(ROLE_RESEARCHER));
}

int consented_texts(struct ctx *c, struct consented_text **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!researcher(c))
		return D_FORBIDDEN;
	struct store_consent_row *rows;
	size_t k;
	if (store_consent_list(c->st, c->a, c->who->organisation_id, &rows, &k))
		return D_ERROR;
	struct consented_text *t = arena_alloc(c->a, (k + 1) * sizeof(*t));
	for (size_t i = 0; i < k; i++) {
		int d = build(c, rows[i].kind, rows[i].id, &t[*n]);
		if (d == D_NOTFOUND)
			continue;   /* changed since the list was read */
		if (d)
			return d;
		/* a list to choose from: the text itself stays unread here
		 * (consented_text_get reads it, and logs that); a case's title is
		 * its owner's words, shown in the list, so that read is logged */
		t[*n].text = NULL;
		if (t[*n].writer_id && !strcmp(t[*n].kind, "case"))
			(void)privacy_log_read(c, t[*n].kind, t[*n].id, t[*n].writer_id);
		(*n)++;
	}
	*out = t;
	return D_OK;
}

int consented_text_get(struct ctx *c, const char *kind, long long id, struct consented_text *out)
{
	memset(out, 0, sizeof(*out));
	if (!researcher(c))
		return D_FORBIDDEN;
	struct store_consent sc;
	int r = store_consent_get(c->st, c->a, c->who->organisation_id, kind, id, &sc);
	if (r)
		return d_from_store(r);
	if (!sc.given)
		return D_NOTFOUND;
	int d = build(c, kind, id, out);
	if (d)
		return d;
	(void)privacy_log_read(c, out->kind, out->id, out->writer_id);
	return D_OK;
}
