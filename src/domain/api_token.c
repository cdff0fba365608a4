/* api_token.c — API bearer tokens with an expiry: make, list, revoke,
 * resolve. */
#include "api_token.h"
#include "audit.h"
#include "validate.h"
#include "core/i18n.h"
#include "store/signin.h"
#include "store/store.h"

#include <string.h>

/* The account, if c may manage its tokens: its own, or any of its
 * organisation for the command line. */
static int token_owner(struct ctx *c, long long account_id)
{
	if (c->who->account_id && c->who->account_id != account_id)
		return D_FORBIDDEN;
	struct account acc;
	int r = store_account_get(c->st, c->a, c->who->organisation_id, account_id, &acc);
	return r == ST_NOTFOUND ? D_NOTFOUND : r ? D_ERROR : D_OK;
}

int api_token_create(struct ctx *c, long long account_id, const char *label, long long days, long long now,
		     char token[SECRET_HEX], struct errors *e, long long *id, long long *expires_at)
{
	int d = token_owner(c, account_id);
	if (d)
		return d;
	bool ok = check_line(c, e, "label", _("Label"), label ? label : "", 0, API_TOKEN_LABEL_MAX);
	if (days < 1 || days > API_TOKEN_DAYS_MAX) {
		errors_add(c, e, "days", _("Choose how many days the token works: from 1 to %d."), API_TOKEN_DAYS_MAX);
		ok = false;
	}
	long long working = 0;
	if (store_token_count(c->st, account_id, now, &working))
		return D_ERROR;
	if (working >= API_TOKENS_MAX) {
		errors_add(c, e, "", _("You have %d tokens that work, the most there can be; revoke one you no longer use first."),
			   API_TOKENS_MAX);
		ok = false;
	}
	if (!ok)
		return D_INVALID;
	unsigned char h[HASH_LEN];
	long long nid = 0, until = now + days * 86400;
	secret_random(token);
	secret_hash(token, h);
	if (store_token_add(c->st, account_id, h, label ? label : "", now, until, &nid))
		return D_ERROR;
	audit(c, "token.create", "account", account_id, "%lld %s", nid, label ? label : "");
	if (id)
		*id = nid;
	if (expires_at)
		*expires_at = until;
	return D_OK;
}

int api_token_list(struct ctx *c, long long account_id, struct api_token **out, size_t *n)
{
	int d = token_owner(c, account_id);
	if (d)
		return d;
	return store_token_list(c->st, c->a, account_id, out, n) ? D_ERROR : D_OK;
}

int api_token_revoke(struct ctx *c, long long account_id, long long token_id)
{
	int d = token_owner(c, account_id);
	if (d)
		return d;
	int r = store_token_delete(c->st, account_id, token_id);
	if (r == ST_NOTFOUND)
		return D_NOTFOUND;
	if (r)
		return D_ERROR;
	audit(c, "token.revoke", "account", account_id, "%lld", token_id);
	return D_OK;
}

int api_token_resolve(struct store *st, const char *token, long long now, long long *account_id)
{
	unsigned char h[HASH_LEN];
	if (secret_hash(token, h))
		return ST_NOTFOUND;
	return store_token_account(st, h, now, account_id);
}
