/* password_reset.c — reset links: asked for, mailed, printed, opened and
 * spent. */
#include "password_reset.h"
#include "pwgate.h"
#include "throttle.h"
#include "core/die.h"
#include "core/i18n.h"
#include "mail/mailer.h"
#include "mail_queue.h"
#include "mail/message.h"
#include "store/signin.h"
#include "store/store.h"

#include <string.h>

bool password_reset_by_mail(const char *public_url)
{
	return mailer_installed() && public_url && *public_url;
}

/* A new link of the account; its secret in token. */
static int new_link(struct store *st, long long account_id, long long now, char token[SECRET_HEX])
{
	unsigned char h[HASH_LEN];
	secret_random(token);
	secret_hash(token, h);
	return store_reset_add(st, h, account_id, now, now + RESET_SECONDS);
}

static const char *link_of(struct arena *a, const char *base_url, const char *token)
{
	return arena_printf(a, "%s/password/reset?token=%s", base_url, token);
}

/* The message with the link, in the language of the page it was asked on. */
static void compose(struct arena *a, const struct account *acc, const char *link, struct buf *body,
		    const char **subject)
{
	*subject = _("A new password for leergang");
	buf_addf(body, _("Dear %s,"), acc->display_name);
	buf_adds(body, "\n\n");
	buf_addf(body, _("Someone, probably you, asked for a new password for your account %s in leergang."), acc->email);
	buf_adds(body, "\n");
	buf_adds(body, _("Set a new password through this link; it works once, and for one hour:"));
	buf_addf(body, "\n\n%s\n\n", link);
	buf_adds(body, _("If you did not ask for it, you need not do anything: your password stays as it is."));
	buf_addf(body, "\n\n%s\nleergang\n", _("Kind regards,"));
	(void)a;
}

enum reset_answer password_reset_request(struct store *st, struct arena *a, const char *email, const char *peer,
					 const char *base_url, long long now_ms, struct login_wait *wait)
{
	long long now = now_ms / 1000;
	struct throttle_key k;
	bool counted = throttle_key_make(&k, THROTTLE_RESET_ADDRESS, peer);
	memset(wait, 0, sizeof(*wait));
	if (counted && throttle_check(st, &k, 1, now_ms, &wait->wait_ms, &wait->step_ms))
		return RESET_ERROR;
	if (wait->wait_ms > 0)
		return RESET_WAIT;
	/* every request counts, for an address with an account or without */
	if (counted && throttle_fail(st, &k, 1, now_ms, NULL))
		return RESET_ERROR;
	struct account acc;
	int r = store_account_by_email(st, a, throttle_email(a, email), &acc);
	if (r == ST_NOTFOUND || (r == ST_OK && !acc.active))
		return RESET_ASKED;
	long long latest = 0;
	if (r || store_reset_latest(st, acc.id, now, &latest))
		return RESET_ERROR;
	if (latest > now - RESET_MAIL_GAP)
		return RESET_ASKED;
	const struct mailer *ml = mailer_installed();
	if (!ml || !base_url)
		return RESET_ASKED;
	char token[SECRET_HEX];
	if (new_link(st, acc.id, now, token))
		return RESET_ERROR;
	struct buf body = BUF_INIT, msg = BUF_INIT;
	const char *subject;
	compose(a, &acc, link_of(a, base_url, token), &body, &subject);
	struct mail_message m = { ml->from, "leergang", acc.email, acc.display_name, subject, body.ptr, now };
	bool queued = mail_write(&msg, &m) == MAIL_OK && mail_queue_add(st, acc.organisation_id, acc.email, msg.ptr, msg.len, now);
	explicit_bzero(body.ptr, body.len);
	explicit_bzero(msg.ptr, msg.len);
	buf_release(&body);
	buf_release(&msg);
	explicit_bzero(token, sizeof(token));
	if (store_audit_add(st, acc.organisation_id, acc.id, acc.email, "password.reset.mail", "account", acc.id,
			    queued ? "" : "not sent"))
		warn("audit: the reset mail of account %lld was not recorded", acc.id);
	return RESET_ASKED;
}

int password_reset_link(struct store *st, struct arena *a, const char *email, const char *base_url, long long now,
			char **link)
{
	struct account acc;
	int r = store_account_by_email(st, a, throttle_email(a, email), &acc);
	if (r == ST_NOTFOUND || (r == ST_OK && !acc.active))
		return D_NOTFOUND;
	char token[SECRET_HEX];
	if (r || new_link(st, acc.id, now, token))
		return D_ERROR;
	*link = (char *)link_of(a, base_url, token);
	if (store_audit_add(st, acc.organisation_id, 0, "cli", "password.reset.link", "account", acc.id, ""))
		return D_ERROR;
	return D_OK;
}

/* The active account behind a link that works at now, and whether the
 * link is an invitation (invitation.h). */
static int open_link(struct store *st, struct arena *a, const char *token, long long now, struct account *acc,
		     bool *invite)
{
	unsigned char h[HASH_LEN];
	long long id;
	if (!token || secret_hash(token, h))
		return D_NOTFOUND;
	int r = store_reset_get(st, h, now, &id, invite);
	if (!r)
		r = store_account_by_id(st, a, id, acc);
	if (r == ST_NOTFOUND || (!r && !acc->active))
		return D_NOTFOUND;
	return r ? D_ERROR : D_OK;
}

int password_link_open(struct store *st, struct arena *a, const char *token, long long now, const char **email,
		       bool *invite)
{
	struct account acc;
	int d = open_link(st, a, token, now, &acc, invite);
	if (!d)
		*email = acc.email;
	return d;
}

int password_reset_open(struct store *st, struct arena *a, const char *token, long long now, const char **email)
{
	return password_link_open(st, a, token, now, email, NULL);
}

int password_reset_finish(struct store *st, struct arena *a, const char *token, const char *password,
			  const char *repeat, long long now_ms, struct errors *e, long long *account_id)
{
	long long now = now_ms / 1000;
	struct account acc;
	bool invite = false;
	int d = open_link(st, a, token, now, &acc, &invite);
	if (d)
		return d;
	struct actor who = { .account_id = acc.id, .organisation_id = acc.organisation_id, .email = acc.email,
			     .display_name = acc.display_name };
	struct ctx c = { st, a, &who, 0 };
	bool ok = password_check(&c, e, "password", password);
	if (ok && strcmp(password, repeat ? repeat : "")) {
		errors_add(&c, e, "repeat", _("The two new passwords differ; type them again."));
		ok = false;
	}
	if (!ok)
		return D_INVALID;
	char *hash;
	enum pw_result pr = password_hash(a, password, &hash);
	if (pr == PW_BUSY) {
		errors_add(&c, e, "password", "%s", _("leergang is very busy checking passwords right now. Nothing was saved: try again in a few seconds."));
		return D_BUSY;
	}
	if (pr != PW_OK)
		return D_ERROR;
	/* spent in the same transaction that sets the password: of two
	 * requests with one link, one sets it and the other finds it spent */
	unsigned char h[HASH_LEN];
	long long id = 0;
	secret_hash(token, h);
	if (store_begin(st))
		return D_ERROR;
	int r = store_reset_take(st, h, now, &id);
	if (r == ST_NOTFOUND || (!r && id != acc.id)) {
		store_rollback(st);
		return D_NOTFOUND;
	}
	if (r || account_password_replace(st, acc.id, acc.email, hash) || store_session_delete_account(st, acc.id, NULL) ||
	    store_audit_add(st, acc.organisation_id, acc.id, acc.email,
			    invite ? "account.invite.accepted" : "account.password.reset", "account", acc.id, "") ||
	    store_commit(st)) {
		store_rollback(st);
		return D_ERROR;
	}
	*account_id = acc.id;
	return D_OK;
}
