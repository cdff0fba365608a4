/* member_check.c — member checks: the researcher's side (checks, contacts
 * with their links, the outcome, closing, the answers as CSV) and the
 * contact's side through the personal link. */
#include "member_check.h"
#include "account.h"
#include "audit.h"
#include "export_audit.h"
#include "research.h"
#include "schedule.h"
#include "store_rc.h"
#include "validate.h"
#include "core/die.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "formats/csv.h"
#include "mail/mailer.h"
#include "mail_queue.h"
#include "mail/message.h"
#include "store/member_check.h"
#include "store/store.h"

#include <string.h>

const char *const MEMBER_CHECK_RECOGNISED[] = { "yes", "partly", "no", NULL };
const char *const MEMBER_CHECK_MORE[] = { "yes", "no", "unknown", NULL };

const char *member_check_recognised_label(const char *v)
{
	if (!strcmp(v, "yes"))
		return _("Yes");
	if (!strcmp(v, "partly"))
		return _("Partly");
	if (!strcmp(v, "no"))
		return _("No");
	return _("Not answered yet");
}

const char *member_check_more_label(const char *v)
{
	if (!strcmp(v, "yes"))
		return _("Yes");
	if (!strcmp(v, "no"))
		return _("No");
	if (!strcmp(v, "unknown"))
		return _("Not known yet");
	return _("Not recorded yet");
}

int member_checks(struct ctx *c, long long project, struct member_check **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	int r = research_member_of(c, project);
	if (r)
		return r;
	return d_from_store(store_member_checks(c->st, c->a, c->who->organisation_id, project, out, n));
}

int member_check_create(struct ctx *c, long long project, const char *title, const char *findings, const char *held_on,
			struct errors *e, long long *id)
{
	int r = research_member_of(c, project);
	if (r)
		return r;
	struct member_check m = { .title = str_trim(arena_strdup(c->a, title ? title : "")),
				  .findings = arena_strdup(c->a, findings ? findings : ""),
				  .held_on = str_trim(arena_strdup(c->a, held_on ? held_on : "")) };
	bool ok = check_line(c, e, "title", _("Title"), m.title, 1, RESEARCH_NAME_MAX);
	ok &= check_long_text(c, e, "findings", _("Findings"), m.findings, 1, MEMBER_CHECK_TEXT_MAX);
	if (!date_valid(m.held_on)) {
		errors_add(c, e, "held_on", "%s", _("Give the date as YYYY-MM-DD."));
		ok = false;
	}
	if (!ok)
		return D_INVALID;
	r = d_from_store(store_member_check_add(c->st, c->who->organisation_id, project, &m, c->who->account_id,
						ctx_now(c), id));
	if (!r)
		audit(c, "member_check.create", "member_check", *id, "%s", m.title);
	return r;
}

int member_check_open(struct ctx *c, long long project, long long id, struct member_check_view *v)
{
	memset(v, 0, sizeof(*v));
	int r = research_member_of(c, project);
	if (r)
		return r;
	long long org = c->who->organisation_id;
	r = d_from_store(store_member_check_get(c->st, c->a, org, project, id, &v->m));
	if (r)
		return r;
	return d_from_store(store_member_check_contacts(c->st, c->a, org, id, &v->contacts, &v->ncontacts));
}

/* The message with the link, queued in the background; the link in the
 * message body only. false when it was not queued. */
static bool send_link(struct ctx *c, const struct member_check *m, const struct member_check_contact *k,
		      const char *link)
{
	const struct mailer *ml = mailer_installed();
	if (!ml || !*k->email)
		return false;
	struct buf body = BUF_INIT, msg = BUF_INIT;
	buf_addf(&body, _("Dear %s,"), k->name);
	buf_adds(&body, "\n\n");
	buf_addf(&body, _("The researchers ask for your view of their findings: %s."), m->title);
	buf_adds(&body, "\n");
	buf_adds(&body, _("Read them and answer two questions through this personal link; it works for 60 days, "
			  "without an account:"));
	buf_addf(&body, "\n\n%s\n\n", link);
	buf_adds(&body, _("Your answer is not anonymous: it is kept with your name and read by the researchers."));
	buf_addf(&body, "\n\n%s\nleergang\n", _("Kind regards,"));
	struct mail_message msgd = { ml->from, "leergang", k->email, k->name, _("Member check: your view of the findings"),
				     body.ptr, ctx_now(c) };
	bool queued = mail_write(&msg, &msgd) == MAIL_OK && mail_queue_add(c->st, c->who->organisation_id, k->email, msg.ptr, msg.len, ctx_now(c));
	explicit_bzero(body.ptr, body.len);
	explicit_bzero(msg.ptr, msg.len);
	buf_release(&body);
	buf_release(&msg);
	return queued;
}

/* A new token: its hash in h, the link (under base_url) returned. */
static const char *new_link(struct ctx *c, const char *base_url, unsigned char h[HASH_LEN])
{
	char token[SECRET_HEX];
	secret_random(token);
	secret_hash(token, h);
	const char *link = arena_printf(c->a, "%s/member-check?token=%s", base_url, token);
	explicit_bzero(token, sizeof(token));
	return link;
}

int member_check_contact_add(struct ctx *c, long long project, long long check, const char *employee_id,
			     const char *name, const char *affiliation, const char *email,
			     const struct member_check_via *via, struct errors *e, const char **link)
{
	*link = NULL;
	struct member_check_view v;
	int r = member_check_open(c, project, check, &v);
	if (r)
		return r;
	long long org = c->who->organisation_id;
	struct member_check_contact k = { 0 };
	char *emp = str_trim(arena_strdup(c->a, employee_id ? employee_id : ""));
	if (*emp) {
		struct person p;
		r = store_person_by_employee_id(c->st, c->a, org, emp, &p);
		if (r == ST_NOTFOUND) {
			errors_add(c, e, "employee_id", "%s", _("Nobody in the people list has this employee number."));
			return D_INVALID;
		}
		if (r)
			return D_ERROR;
		k.person_id = p.id;
		k.name = p.name;
		k.affiliation = "";
		k.email = p.email ? p.email : "";
	} else {
		k.name = str_trim(arena_strdup(c->a, name ? name : ""));
		k.affiliation = str_trim(arena_strdup(c->a, affiliation ? affiliation : ""));
		k.email = str_trim(arena_strdup(c->a, email ? email : ""));
		bool ok = check_line(c, e, "name", _("Name"), k.name, 1, RESEARCH_NAME_MAX);
		ok &= check_line(c, e, "affiliation", _("Organisation"), k.affiliation, 0, RESEARCH_NAME_MAX);
		ok &= check_email(c, e, "email", k.email, false);
		if (!ok)
			return D_INVALID;
	}
	unsigned char h[HASH_LEN];
	const char *l = new_link(c, via->base_url, h);
	long long id;
	r = d_from_store(store_member_check_contact_add(c->st, org, check, &k, h, ctx_now(c) + MEMBER_CHECK_LINK_SECONDS,
							 &id));
	if (r)
		return r;
	audit(c, "member_check.contact", "member_check", check, "%s", k.name);
	if (!(via->mail && send_link(c, &v.m, &k, l)))
		*link = l;
	return D_OK;
}

int member_check_contact_renew(struct ctx *c, long long project, long long check, long long contact,
			       const struct member_check_via *via, const char **link)
{
	*link = NULL;
	struct member_check_view v;
	int r = member_check_open(c, project, check, &v);
	if (r)
		return r;
	const struct member_check_contact *k = NULL;
	for (size_t i = 0; i < v.ncontacts; i++)
		if (v.contacts[i].id == contact)
			k = &v.contacts[i];
	if (!k)
		return D_NOTFOUND;
	unsigned char h[HASH_LEN];
	const char *l = new_link(c, via->base_url, h);
	r = d_from_store(store_member_check_contact_renew(c->st, c->who->organisation_id, check, contact, h,
							   ctx_now(c) + MEMBER_CHECK_LINK_SECONDS));
	if (r)
		return r;
	audit(c, "member_check.renew", "member_check", check, "%s", k->name);
	if (!(via->mail && send_link(c, &v.m, k, l)))
		*link = l;
	return D_OK;
}

int member_check_outcome(struct ctx *c, long long project, long long check, const char *implications,
			 const char *more, const char *note, struct errors *e)
{
	int r = research_member_of(c, project);
	if (r)
		return r;
	implications = implications ? implications : "";
	more = more ? more : "";
	note = note ? note : "";
	bool ok = check_long_text(c, e, "implications", _("Implications for practice"), implications, 0,
				  MEMBER_CHECK_TEXT_MAX);
	ok &= check_long_text(c, e, "more_research_note", _("Note"), note, 0, MEMBER_CHECK_TEXT_MAX);
	if (*more && !value_one_of(more, MEMBER_CHECK_MORE)) {
		errors_add(c, e, "more_research", "%s", _("Choose yes, no or not known yet."));
		ok = false;
	}
	if (!ok)
		return D_INVALID;
	r = d_from_store(store_member_check_outcome(c->st, c->who->organisation_id, project, check, implications, more,
						    note));
	if (!r)
		audit(c, "member_check.outcome", "member_check", check, "%s", more);
	return r;
}

int member_check_close(struct ctx *c, long long project, long long check)
{
	struct member_check_view v;
	int r = member_check_open(c, project, check, &v);
	if (r)
		return r;
	if (v.m.closed_at)
		return D_CONFLICT;
	r = d_from_store(store_member_check_close(c->st, c->who->organisation_id, project, check, ctx_now(c)));
	if (!r)
		audit(c, "member_check.close", "member_check", check, "%s", "");
	return r;
}

int member_check_csv(struct ctx *c, long long project, long long check, struct buf *out)
{
	struct member_check_view v;
	int r = member_check_open(c, project, check, &v);
	if (r)
		return r;
	const char *head[] = { _("Name"), _("Organisation"), _("E-mail address"), _("Recognises the findings"),
			       _("Explanation"), _("Findings that do not fit their practice"), _("Answered on") };
	for (size_t i = 0; i < sizeof(head) / sizeof(*head); i++)
		csv_field(out, head[i], ';');
	csv_end_row(out);
	for (size_t i = 0; i < v.ncontacts; i++) {
		const struct member_check_contact *k = &v.contacts[i];
		char day[11] = "";
		if (k->answered_at)
			date_today(k->answered_at, day);
		csv_field(out, k->name, ';');
		csv_field(out, k->affiliation, ';');
		csv_field(out, k->email, ';');
		csv_field(out, *k->recognised ? member_check_recognised_label(k->recognised) : "", ';');
		csv_field(out, k->recognised_note, ';');
		csv_field(out, k->not_fitting, ';');
		csv_field(out, day, ';');
		csv_end_row(out);
	}
	export_record(c, EXPORT_MEMBER_CHECK, "member_check", check, "csv", v.ncontacts);
	return D_OK;
}

/* ---- the contact's link ---- */

int member_check_by_link(struct store *st, struct arena *a, const char *token, long long now,
			 struct member_check_link *l)
{
	memset(l, 0, sizeof(*l));
	if (!token || strlen(token) != SECRET_HEX - 1)
		return D_NOTFOUND;
	unsigned char h[HASH_LEN];
	if (secret_hash(token, h))
		return D_NOTFOUND;
	int r = d_from_store(store_member_check_by_token(st, a, h, &l->org, &l->project, &l->m, &l->k));
	if (!r)
		l->expired = l->k.expires_at <= now;
	return r;
}

int member_check_answer(struct store *st, struct arena *a, struct member_check_link *l, const char *recognised,
			const char *note, const char *not_fitting, long long now, struct errors *e)
{
	struct ctx c = { .st = st, .a = a };
	if (l->expired || l->m.closed_at) {
		errors_add(&c, e, "", "%s", l->m.closed_at ? _("This member check has been closed: answers can no longer change.")
							   : _("This link has expired. Ask the researcher for a new one."));
		return D_INVALID;
	}
	note = note ? note : "";
	not_fitting = not_fitting ? not_fitting : "";
	bool ok = true;
	if (!value_one_of(recognised, MEMBER_CHECK_RECOGNISED)) {
		errors_add(&c, e, "recognised", "%s", _("Choose yes, partly or no."));
		ok = false;
	}
	ok &= check_long_text(&c, e, "recognised_note", _("Explanation"), note, 0, MEMBER_CHECK_TEXT_MAX);
	ok &= check_long_text(&c, e, "not_fitting", _("Findings you cannot place in your practice"), not_fitting, 0,
			      MEMBER_CHECK_TEXT_MAX);
	if (!ok)
		return D_INVALID;
	int r = store_member_check_answer(st, l->org, l->k.id, recognised, note, not_fitting, now);
	if (r == ST_NOTFOUND) {   /* closed in between */
		errors_add(&c, e, "", "%s", _("This member check has been closed: answers can no longer change."));
		return D_INVALID;
	}
	return d_from_store(r);
}
