/* invitation.c — invitations: accounts without a password, their links
 * (password-reset links of kind 'invite'), by e-mail or handed back, one
 * at a time or a whole unit or group at once. */
#include "invitation.h"
#include "account_admin.h"
#include "account.h"
#include "audit.h"
#include "export_audit.h"
#include "role.h"
#include "store_rc.h"
#include "unit.h"
#include "validate.h"
#include "core/die.h"
#include "core/i18n.h"
#include "mail/mailer.h"
#include "mail_queue.h"
#include "mail/message.h"
#include "store/group.h"
#include "store/invitation.h"
#include "store/signin.h"
#include "store/store.h"

#include <assert.h>
#include <string.h>

bool invitation_pending(const struct account *acc)
{
	return acc->active && !acc->password_hash[0];
}

static bool is_admin(const struct ctx *c)
{
	return actor_has(c->who, ROLE_BIT(ROLE_ADMINISTRATOR));
}

/* A new invitation link of the account, inside the caller's transaction:
 * its other links stop, and its invitation time is now. */
static int new_link(struct ctx *c, const struct invite_via *via, struct invite_link *il)
{
	long long now = ctx_now(c);
	char token[SECRET_HEX];
	unsigned char h[HASH_LEN];
	secret_random(token);
	secret_hash(token, h);
	int r = store_reset_delete_account(c->st, il->account.id);
	if (!r)
		r = store_invite_add(c->st, h, il->account.id, now, now + INVITE_SECONDS);
	if (!r)
		r = store_account_set_invited(c->st, c->who->organisation_id, il->account.id, now);
	il->account.invited_at = now;
	il->link = arena_printf(c->a, "%s/password/reset?token=%s", via->base_url, token);
	explicit_bzero(token, sizeof(token));
	return r ? D_ERROR : D_OK;
}

/* Queues the invitation's message in the background; the link in the
 * message only, not kept. false when it was not queued. */
static bool send_mail(struct ctx *c, struct invite_link *il)
{
	const struct mailer *ml = mailer_installed();
	const struct account *acc = &il->account;
	if (!ml)
		return false;
	struct buf body = BUF_INIT, msg = BUF_INIT;
	buf_addf(&body, _("Dear %s,"), acc->display_name);
	buf_adds(&body, "\n\n");
	buf_addf(&body, _("You have been invited to leergang with the address %s."), acc->email);
	buf_adds(&body, "\n");
	buf_adds(&body, _("Set your own password through this link; it works once, for seven days:"));
	buf_addf(&body, "\n\n%s\n\n", il->link);
	buf_adds(&body, _("After that you sign in with your e-mail address and that password. If you did not expect "
			  "this invitation, you need not do anything: without a password nobody can sign in."));
	buf_addf(&body, "\n\n%s\nleergang\n", _("Kind regards,"));
	struct mail_message m = { ml->from, "leergang", acc->email, acc->display_name,
				  _("Your account in leergang"), body.ptr, ctx_now(c) };
	bool queued = mail_write(&msg, &m) == MAIL_OK && mail_queue_add(c->st, acc->organisation_id, acc->email, msg.ptr, msg.len, ctx_now(c));
	explicit_bzero(body.ptr, body.len);
	explicit_bzero(msg.ptr, msg.len);
	buf_release(&body);
	buf_release(&msg);
	il->link = NULL;
	return queued;
}

/* After the commit: the links by e-mail, or left for the caller. */
static void deliver(struct ctx *c, const struct invite_via *via, struct invite_link *il, size_t n)
{
	if (!via->mail)
		return;
	for (size_t i = 0; i < n; i++)
		if (!send_mail(c, &il[i]))
			warn("the invitation of account %lld could not be queued for sending", il[i].account.id);
}

/* The account, its role and its first link, inside the caller's
 * transaction. D_CONFLICT when the address has an account. */
static int add_one(struct ctx *c, const char *email, const char *name, long long person_id, int role,
		   const struct invite_via *via, struct invite_link *il)
{
	memset(il, 0, sizeof(*il));
	long long id;
	int d = d_from_store(store_account_add(c->st, c->who->organisation_id, email, name, person_id, "", &id));
	if (d)
		return d;
	il->account = (struct account){ .id = id, .organisation_id = c->who->organisation_id, .person_id = person_id,
					.email = arena_strdup(c->a, email), .display_name = arena_strdup(c->a, name),
					.password_hash = "", .active = 1 };
	if (store_grant_add(c->st, id, c->who->organisation_id, role_id(role), "organisation", 0) ||
	    new_link(c, via, il) || audit(c, "account.invite", "account", id, "%s %s", email, role_id(role)))
		return D_ERROR;
	return D_OK;
}

int invitation_create(struct ctx *c, const char *email, const char *display_name, const char *employee_id,
		      int role, const struct invite_via *via, struct errors *e, struct invite_link *out)
{
	assert(e && out && via && via->base_url);
	if (!is_admin(c))
		return D_FORBIDDEN;
	email = email ? email : "";
	display_name = display_name ? display_name : "";
	employee_id = employee_id ? employee_id : "";
	struct person p;
	int found = account_person_by_employee(c, employee_id, e, &p);
	if (found)
		return found;
	long long person_id = p.id;
	if (person_id && !*display_name)
		display_name = p.name;
	bool ok = check_email(c, e, "email", email, true);
	ok &= check_line(c, e, "display_name", _("Name"), display_name, 1, 200);
	if (role < 0 || role >= ROLE_COUNT) {
		errors_add(c, e, "role", "%s", _("Choose one of the roles in the list."));
		ok = false;
	}
	if (!ok)
		return D_INVALID;
	if (store_begin(c->st))
		return D_ERROR;
	int d = add_one(c, email, display_name, person_id, role, via, out);
	if (d == D_CONFLICT) {
		store_rollback(c->st);
		errors_add(c, e, "email", _("There is already an account with the address %s."), email);
		return D_INVALID;
	}
	if (d || store_commit(c->st)) {
		store_rollback(c->st);
		return d == D_NOTFOUND ? D_NOTFOUND : D_ERROR;
	}
	deliver(c, via, out, 1);
	return D_OK;
}

int invitation_resend(struct ctx *c, long long account_id, const struct invite_via *via, struct invite_link *out)
{
	assert(out && via && via->base_url);
	if (!is_admin(c))
		return D_FORBIDDEN;
	memset(out, 0, sizeof(*out));
	int d = d_from_store(store_account_get(c->st, c->a, c->who->organisation_id, account_id, &out->account));
	if (d)
		return d == D_NOTFOUND ? D_NOTFOUND : D_ERROR;
	if (!invitation_pending(&out->account))
		return D_CONFLICT;
	if (store_begin(c->st))
		return D_ERROR;
	if (new_link(c, via, out) || audit(c, "account.invite.again", "account", account_id, "%s", out->account.email) ||
	    store_commit(c->st)) {
		store_rollback(c->st);
		return D_ERROR;
	}
	deliver(c, via, out, 1);
	return D_OK;
}

int invitation_links_all(struct ctx *c, const struct invite_via *via, struct invite_link **out, size_t *n)
{
	assert(out && n && via && via->base_url);
	*out = NULL;
	*n = 0;
	if (!is_admin(c))
		return D_FORBIDDEN;
	struct account *acc;
	size_t nacc;
	if (store_account_list(c->st, c->a, c->who->organisation_id, &acc, &nacc))
		return D_ERROR;
	struct invite_link *il = arena_alloc(c->a, (nacc + 1) * sizeof(*il));
	size_t k = 0;
	if (store_begin(c->st))
		return D_ERROR;
	for (size_t i = 0; i < nacc; i++) {
		if (!invitation_pending(&acc[i]))
			continue;
		il[k].account = acc[i];
		if (new_link(c, via, &il[k++])) {
			store_rollback(c->st);
			return D_ERROR;
		}
	}
	if (export_record(c, EXPORT_INVITATIONS, "organisation", c->who->organisation_id, "csv", k) ||
	    store_commit(c->st)) {
		store_rollback(c->st);
		return D_ERROR;
	}
	deliver(c, via, il, k);
	*out = il;
	*n = k;
	return D_OK;
}

int invitation_bulk_preview(struct ctx *c, long long unit_id, long long group_id, struct invite_preview *p)
{
	assert(p);
	memset(p, 0, sizeof(*p));
	if (!is_admin(c))
		return D_FORBIDDEN;
	long long org = c->who->organisation_id;
	int d;
	if (unit_id > 0) {
		struct unit u;
		d = d_from_store(store_unit_get(c->st, c->a, org, unit_id, &u));
		group_id = 0;
	} else {
		struct learning_group g;
		d = group_id > 0 ? d_from_store(store_group_get(c->st, c->a, org, group_id, &g)) : D_NOTFOUND;
	}
	if (d)
		return d == D_NOTFOUND ? D_NOTFOUND : D_ERROR;
	return store_invite_candidates(c->st, c->a, org, unit_id > 0 ? unit_id : 0, group_id, &p->people, &p->n,
				       &p->no_email)
		       ? D_ERROR
		       : D_OK;
}

int invitation_bulk(struct ctx *c, long long unit_id, long long group_id, int role, size_t expected,
		    const struct invite_via *via, struct errors *e, struct invite_link **out, size_t *n)
{
	assert(e && out && n && via && via->base_url);
	*out = NULL;
	*n = 0;
	if (!is_admin(c))
		return D_FORBIDDEN;
	if (role < 0 || role >= ROLE_COUNT) {
		errors_add(c, e, "role", "%s", _("Choose one of the roles in the list."));
		return D_INVALID;
	}
	struct invite_preview p;
	if (store_begin(c->st))
		return D_ERROR;
	/* the people read in the same transaction that invites them */
	int d = invitation_bulk_preview(c, unit_id, group_id, &p);
	if (!d && p.n != expected)
		d = D_CONFLICT;
	if (!d && !p.n) {
		errors_add(c, e, "", "%s", _("Everyone here with an e-mail address has an account already: there is nobody to invite."));
		d = D_INVALID;
	}
	if (d) {
		store_rollback(c->st);
		return d;
	}
	struct invite_link *il = arena_alloc(c->a, p.n * sizeof(*il));
	for (size_t i = 0; i < p.n; i++) {
		d = add_one(c, p.people[i].email, p.people[i].name, p.people[i].id, role, via, &il[i]);
		if (d) {
			store_rollback(c->st);
			return D_ERROR;
		}
	}
	if (audit(c, "account.invite.bulk", unit_id > 0 ? "unit" : "group", unit_id > 0 ? unit_id : group_id,
		  "%zu %s", p.n, role_id(role)) ||
	    store_commit(c->st)) {
		store_rollback(c->st);
		return D_ERROR;
	}
	deliver(c, via, il, p.n);
	*out = il;
	*n = p.n;
	return D_OK;
}

int invitation_scopes(struct ctx *c, struct unit_tree *units, struct learning_group **groups, size_t *ngroups)
{
	if (!is_admin(c))
		return D_FORBIDDEN;
	if (unit_tree_load(c, false, units) ||
	    store_group_list(c->st, c->a, c->who->organisation_id, 0, 0, groups, ngroups))
		return D_ERROR;
	return D_OK;
}
