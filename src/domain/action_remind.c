/* action_remind.c — the daily reminder mail of due follow-up actions
 * (action_remind.h): who gets one, the Dutch text without the action's
 * words, the claim on reminded_on that keeps it to one a day. */
#include "action_remind.h"
#include "audit.h"
#include "role.h"
#include "schedule.h"
#include "core/i18n.h"
#include "mail/mailer.h"
#include "mail/message.h"
#include "store/session_action.h"
#include "store/store.h"

#include <string.h>

/* The message to one owner, in Dutch whatever the server's language.
 * Deliberately without the actions' text (action_remind.h): only that they
 * are due, when, from the session of which day, and where to look. */
static void compose(struct arena *a, const struct session_action_due *d, size_t n, const char *base_url,
		    const char *today, const char *sender, const char **subject, struct buf *body)
{
	*subject = n == 1 ? _("Reminder: a follow-up action is due")
			  : arena_printf(a, _("Reminder: %zu follow-up actions are due"), n);
	if (*d[0].x.person_name)
		buf_addf(body, _("Dear %s,"), d[0].x.person_name);
	else
		buf_adds(body, _("Hello,"));
	buf_adds(body, "\n\n");
	buf_adds(body, n == 1 ? _("A follow-up action you took on in a session is due:")
			      : _("Follow-up actions you took on in a session are due:"));
	buf_adds(body, "\n\n");
	for (size_t i = 0; i < n; i++) {
		const struct session_action *x = &d[i].x;
		buf_adds(body, "- ");
		buf_addf(body, strcmp(x->due_on, today) < 0 ? _("due on %s (overdue), from the session of %s")
							    : _("due on %s (today), from the session of %s"),
			 date_label(a, x->due_on), date_label(a, x->held_on));
		if (base_url)
			buf_addf(body, ":\n  %s/sessions/%lld", base_url, x->session_id);
		buf_addch(body, '\n');
	}
	buf_addch(body, '\n');
	if (base_url)
		buf_addf(body, _("Your actions are on your start page: %s/"), base_url);
	else
		buf_adds(body, _("Your actions are on your start page in leergang."));
	buf_addch(body, '\n');
	buf_adds(body, _("What the actions say is kept in leergang alone, with the session."));
	buf_addf(body, "\n\n%s\n%s\n", _("Kind regards,"), sender);
}

/* The name of organisation id, for the From of its messages. */
static const char *org_name(const struct organisation *o, size_t n, long long id)
{
	for (size_t i = 0; i < n; i++)
		if (o[i].id == id)
			return o[i].name;
	return "leergang";
}

/* Claims, mails and audits the reminder to one owner of their n due
 * actions d; false when the mail server cannot be reached. */
static int remind_one(struct store *st, struct arena *a, const struct mailer *ml, void **batch, bool *unreachable,
		      struct session_action_due *d, size_t n, const char *base_url, const char *today, long long now,
		      const char *sender, struct action_reminder *to)
{
	long long org = d[0].organisation_id;
	/* claimed before sending, so that two runs at once mail nobody twice */
	struct session_action_due *mine = arena_alloc(a, n * sizeof(*mine));
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		int r = store_session_action_reminded(st, org, d[i].x.id, today);
		if (r == ST_NOTFOUND)
			continue;
		if (r)
			return D_ERROR;
		mine[k++] = d[i];
	}
	to->nactions = k;
	if (!k)
		return D_OK;
	enum mailer_result res = MAILER_UNREACHABLE;
	if (!*batch && !*unreachable && !(*batch = ml->open()))
		*unreachable = true;
	if (!*unreachable) {
		const char *subject;
		struct buf body = BUF_INIT, msg = BUF_INIT;
		compose(a, mine, k, base_url, today, sender, &subject, &body);
		struct mail_message m = { ml->from, sender, d[0].email, d[0].x.person_name, subject, body.ptr, now };
		res = mail_write(&msg, &m) ? MAILER_REFUSED : ml->send(*batch, d[0].email, msg.ptr, msg.len);
		buf_release(&body);
		buf_release(&msg);
		*unreachable = res == MAILER_UNREACHABLE;
	}
	to->sent = res == MAILER_SENT;
	if (!to->sent) {
		for (size_t i = 0; i < k; i++) {
			int r = store_session_action_unremind(st, org, mine[i].x.id, today, mine[i].x.reminded_on);
			if (r && r != ST_NOTFOUND)
				return D_ERROR;
		}
		return D_OK;
	}
	struct actor w = { .organisation_id = org, .email = "reminder", .display_name = "leergang (reminder)",
			   .roles = ROLES_ALL };
	struct ctx c = { .st = st, .a = a, .who = &w, .now = now };
	for (size_t i = 0; i < k; i++)
		audit(&c, "session_action.remind", "session_action", mine[i].x.id, "reminder mailed to its owner, due %s",
		      mine[i].x.due_on);
	return D_OK;
}

int action_remind_run(struct store *st, struct arena *a, long long now, const char *base_url, bool dry_run,
		      struct action_remind_result *r)
{
	memset(r, 0, sizeof(*r));
	struct ctx c0 = { .st = st, .a = a, .now = now };
	now = ctx_now(&c0);
	date_today(now, r->today);
	const struct mailer *ml = mailer_installed();
	r->mail = ml != NULL;
	struct session_action_due *d;
	size_t n;
	struct organisation *orgs;
	size_t norgs;
	if (store_session_action_due(st, a, r->today, &d, &n) || store_org_list(st, a, &orgs, &norgs))
		return D_ERROR;
	/* the due actions come ordered by organisation and owner: one
	 * reminder per run of the same owner */
	r->to = arena_alloc(a, (n ? n : 1) * sizeof(*r->to));
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && d[j].organisation_id == d[i].organisation_id && d[j].x.person_id == d[i].x.person_id)
			j++;
		r->to[r->n++] = (struct action_reminder){ d[i].organisation_id, d[i].email, d[i].x.person_name, j - i,
							  false };
		i = j;
	}
	if (dry_run || !ml)
		return D_OK;
	enum lang was = i18n_current();
	i18n_use(LANG_NL);
	void *batch = NULL;
	bool unreachable = false;
	int rc = D_OK;
	size_t i = 0;
	for (size_t t = 0; t < r->n && !rc; t++) {
		size_t k = r->to[t].nactions;
		if (!mail_address_valid(d[i].email)) {
			r->failed++;
		} else {
			rc = remind_one(st, a, ml, &batch, &unreachable, d + i, k, base_url, r->today, now,
					org_name(orgs, norgs, d[i].organisation_id), &r->to[t]);
			if (r->to[t].sent)
				r->sent++;
			else if (r->to[t].nactions)
				r->failed++;
		}
		i += k;
	}
	if (batch)
		ml->close(batch);
	i18n_use(was);
	return rc;
}
