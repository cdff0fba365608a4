/* wave_mail.c — invitations and reminders of a wave by e-mail: who gets
 * one, the Dutch text with the personal link, and the tally of what the
 * mail server accepted. Sent within the request that asks for it: a wave
 * of 100-200 people takes seconds over one connection, and the coordinator
 * sees at once what went out and what did not, with nothing to schedule or
 * to lose when the server stops. */
#include "wave_mail.h"
#include "audit.h"
#include "schedule.h"
#include "survey.h"
#include "core/i18n.h"
#include "mail/mailer.h"
#include "mail/message.h"
#include "store/instrument.h"
#include "store/store.h"

#include <string.h>

bool wave_mail_configured(void)
{
	return mailer_installed() != NULL;
}

/* The message to one person: the text is Dutch whatever language the
 * sender's interface has, as the people asked read Dutch. */
static void compose(struct ctx *c, const struct wave *w, const struct invitation *inv, const char *link, bool reminder,
		    const char *today, const char **subject, struct buf *body, const char *sender)
{
	*subject = arena_printf(c->a, reminder ? _("Reminder: questionnaire %s") : _("Questionnaire: %s"), w->name);
	if (*inv->person_name)
		buf_addf(body, _("Dear %s,"), inv->person_name);
	else
		buf_adds(body, _("Hello,"));
	buf_adds(body, "\n\n");
	if (reminder)
		buf_addf(body, _("You have not yet filled in the questionnaire \"%s\"; this is a reminder."), w->name);
	else
		buf_addf(body, _("You are invited to fill in the questionnaire \"%s\"."), w->name);
	buf_addch(body, '\n');
	if (strcmp(today, w->opens_on) < 0) {
		buf_addf(body, _("It opens on %s."), date_label(c->a, w->opens_on));
		buf_addch(body, '\n');
	}
	buf_addf(body, _("You can answer until %s, through your personal link:"), date_label(c->a, w->closes_on));
	buf_addf(body, "\n\n%s\n\n", link);
	if (w->anonymous) {
		buf_adds(body, _("Your answers are anonymous: they are stored without any link to you."));
		buf_addch(body, '\n');
	}
	buf_adds(body, _("The link is yours alone: please do not forward this message."));
	buf_addf(body, "\n\n%s\n%s\n", _("Kind regards,"), sender);
}

static int mail_round(struct ctx *c, const struct wave *w, const char *base_url, const char *sender, long long now,
		      bool reminder, struct errors *e, struct mail_tally *t)
{
	memset(t, 0, sizeof(*t));
	const struct mailer *ml = mailer_installed();
	if (!ml) {
		errors_add(c, e, "", "%s", _("Sending e-mail is not set up on this server; use the links as CSV for a mail merge."));
		return D_INVALID;
	}
	char today[11];
	date_today(now, today);
	enum wave_phase phase = wave_phase(w, today);
	if (phase == WAVE_CLOSED || (reminder && phase == WAVE_NOT_YET)) {
		errors_add(c, e, "", "%s", reminder ? _("Reminders are sent while the wave is open.")
						     : _("The wave has closed; invitations are no longer sent."));
		return D_INVALID;
	}
	long long org = c->who->organisation_id;
	struct invitation *inv;
	size_t n;
	if (store_invitation_list(c->st, c->a, org, w->id, &inv, &n))
		return D_ERROR;
	if (!sender || !*sender)
		sender = "leergang";
	enum lang was = i18n_current();
	i18n_use(LANG_NL);
	void *s = NULL;   /* the mailer's batch, opened at the first message */
	int d = D_OK;
	struct buf body = BUF_INIT, msg = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		const struct invitation *x = &inv[i];
		if (!strcmp(x->enrolment_status, "stopped") || x->responded || (!reminder && x->mailed_at))
			continue;
		if (!mail_address_valid(x->email)) {
			t->no_address++;
			continue;
		}
		if (!s && !t->unreachable && !(s = ml->open()))
			t->unreachable = true;
		if (t->unreachable) {
			t->failed++;
			continue;
		}
		/* claimed before sending, so that two senders at once mail nobody twice */
		int r = reminder ? ST_OK : store_invitation_claim_mail(c->st, org, x->id, now);
		if (r == ST_NOTFOUND)
			continue;
		if (r) {
			d = D_ERROR;
			break;
		}
		char token[SECRET_HEX];
		wave_token(w, x->id, token);
		const char *subject;
		buf_reset(&body);
		buf_reset(&msg);
		compose(c, w, x, arena_printf(c->a, "%s/respond?token=%s", base_url, token), reminder, today, &subject,
			&body, sender);
		struct mail_message m = { ml->from, sender, x->email, x->person_name, subject, body.ptr, now };
		enum mailer_result res = mail_write(&msg, &m) ? MAILER_REFUSED : ml->send(s, x->email, msg.ptr, msg.len);
		if (res == MAILER_SENT) {
			t->sent++;
			r = reminder ? store_invitation_remind(c->st, org, x->id) : ST_OK;
		} else {
			t->failed++;
			t->unreachable = res == MAILER_UNREACHABLE;
			r = reminder ? ST_OK : store_invitation_unclaim_mail(c->st, org, x->id);
		}
		if (r && r != ST_NOTFOUND) {   /* NOTFOUND: answered meanwhile */
			d = D_ERROR;
			break;
		}
	}
	if (s)
		ml->close(s);
	buf_release(&body);
	buf_release(&msg);
	i18n_use(was);
	if (t->sent || t->failed)
		audit(c, reminder ? "wave.remind" : "wave.mail", "wave", w->id, "%s: %lld sent, %lld not sent, %lld without address",
		      reminder ? "reminders by e-mail" : "invitations by e-mail", t->sent, t->failed, t->no_address);
	return d;
}

int wave_mail_invitations(struct ctx *c, const struct wave *w, const char *base_url, const char *sender, long long now,
			  struct errors *e, struct mail_tally *t)
{
	return mail_round(c, w, base_url, sender, now, false, e, t);
}

int wave_mail_reminders(struct ctx *c, const struct wave *w, const char *base_url, const char *sender, long long now,
			struct errors *e, struct mail_tally *t)
{
	return mail_round(c, w, base_url, sender, now, true, e, t);
}

int wave_links(struct ctx *c, const struct wave *w, const char *base_url, bool all, struct wave_link **out, size_t *n)
{
	struct invitation *inv;
	size_t ninv;
	*out = NULL;
	*n = 0;
	if (store_invitation_list(c->st, c->a, c->who->organisation_id, w->id, &inv, &ninv))
		return D_ERROR;
	bool by_mail = !all && wave_mail_configured();
	*out = arena_alloc(c->a, (ninv + 1) * sizeof(**out));
	for (size_t i = 0; i < ninv; i++) {
		if (!strcmp(inv[i].enrolment_status, "stopped") || (by_mail && mail_address_valid(inv[i].email)))
			continue;
		char token[SECRET_HEX];
		wave_token(w, inv[i].id, token);
		(*out)[(*n)++] = (struct wave_link){ &inv[i], arena_printf(c->a, "%s/respond?token=%s", base_url, token) };
	}
	return D_OK;
}

int wave_mail_progress(struct ctx *c, const struct wave *w, struct mail_progress *out)
{
	memset(out, 0, sizeof(*out));
	struct invitation *inv;
	size_t n;
	if (store_invitation_list(c->st, c->a, c->who->organisation_id, w->id, &inv, &n))
		return D_ERROR;
	for (size_t i = 0; i < n; i++) {
		if (!strcmp(inv[i].enrolment_status, "stopped"))
			continue;
		out->asked++;
		if (inv[i].mailed_at)
			out->mailed++;
		else if (!inv[i].responded)
			out->waiting++;
	}
	return D_OK;
}

int wave_remind_by_links(struct ctx *c, const struct wave *w, const char *base_url, struct wave_link **out, size_t *n,
			 struct errors *e)
{
	*out = NULL;
	*n = 0;
	if (wave_phase_now(c, w) != WAVE_OPEN) {
		errors_add(c, e, "", "%s", _("Reminders are sent while the wave is open."));
		return D_INVALID;
	}
	struct wave_link *links;
	size_t nl;
	if (wave_links(c, w, base_url, false, &links, &nl) || store_begin(c->st))
		return D_ERROR;
	struct wave_link *due = arena_alloc(c->a, (nl + 1) * sizeof(*due));
	for (size_t i = 0; i < nl; i++) {
		if (links[i].inv->responded)
			continue;
		if (store_invitation_remind(c->st, c->who->organisation_id, links[i].inv->id)) {
			store_rollback(c->st);
			return D_ERROR;
		}
		due[(*n)++] = links[i];
	}
	if (store_commit(c->st)) {
		store_rollback(c->st);
		return D_ERROR;
	}
	audit(c, "wave.remind", "wave", w->id, "%zu not yet answered", *n);
	*out = due;
	return D_OK;
}
