/* api_token.c — API bearer tokens with an expiry: make, list, revoke,
 * resolve. */
#include "api_token.h"
#include "audit.h"
#include "validate.h"
#include "core/i18n.h"
#include "store/signin.h"
#include "store/store.h"

#include "role.h"

#include <assert.h>
#include <string.h>

static const char *const scope_names[TOKEN_SCOPES] = { "all", "read", "people-sync", "research-export" };

const char *api_token_scope_name(enum api_token_scope s)
{
	assert(s >= 0 && s < TOKEN_SCOPES);
	return scope_names[s];
}

int api_token_scope_parse(const char *name)
{
	for (int s = 0; s < TOKEN_SCOPES; s++)
		if (name && !strcmp(name, scope_names[s]))
			return s;
	return -1;
}

const char *api_token_scope_label(enum api_token_scope s)
{
	switch (s) {
	case TOKEN_SCOPE_READ: return _("read only: everything the account may see, nothing it may change");
	case TOKEN_SCOPE_PEOPLE_SYNC: return _("people sync: reading the people, the HR sync and the import of people");
	case TOKEN_SCOPE_RESEARCH_EXPORT: return _("research export: the exports of research projects and waves");
	default: return _("everything: all the account's roles allow");
	}
}

/* The account, if c may manage its tokens: its own; any of its
 * organisation for an administrator and the command line. */
static int token_owner(struct ctx *c, long long account_id)
{
	if (c->who->account_id && c->who->account_id != account_id &&
	    !actor_has(c->who, ROLE_BIT(ROLE_ADMINISTRATOR)))
		return D_FORBIDDEN;
	struct account acc;
	int r = store_account_get(c->st, c->a, c->who->organisation_id, account_id, &acc);
	return r == ST_NOTFOUND ? D_NOTFOUND : r ? D_ERROR : D_OK;
}

/* Whether the account holds no role but administrator's: an account for
 * administration or a link with another system (the HR system's sync). An
 * administrator makes tokens for such accounts and their own only: a
 * token for a participant's, a researcher's or a coach's account would let
 * them read what that role reads, private words included (SPEC's privacy
 * rules), where they could not before. */
static int administration_only(struct ctx *c, long long account_id, bool *only)
{
	struct role_grant *g;
	size_t n;
	if (store_grant_list(c->st, c->a, account_id, &g, &n))
		return D_ERROR;
	*only = true;
	for (size_t i = 0; i < n; i++)
		if (strcmp(g[i].role, role_id(ROLE_ADMINISTRATOR)))
			*only = false;
	return D_OK;
}

int api_token_may_make(struct ctx *c, long long account_id, bool *may)
{
	*may = true;
	if (!c->who->account_id || c->who->account_id == account_id)
		return D_OK;
	return administration_only(c, account_id, may);
}

int api_token_create(struct ctx *c, long long account_id, const char *label, long long days, const char *scope,
		     long long now, char token[SECRET_HEX], struct errors *e, long long *id, long long *expires_at)
{
	int d = token_owner(c, account_id);
	if (d)
		return d;
	bool may;
	if ((d = api_token_may_make(c, account_id, &may)))
		return d;
	if (!may) {
		errors_add(c, e, "", "%s",
			   _("An administrator makes tokens only for accounts that hold no role but administrator "
			     "(such as the link with the HR system): a token for this account would read what its "
			     "roles read. Its holder makes their own token on the page API tokens."));
		return D_INVALID;
	}
	bool ok = check_line(c, e, "label", _("Label"), label ? label : "", 0, API_TOKEN_LABEL_MAX);
	int sc = scope && *scope ? api_token_scope_parse(scope) : TOKEN_SCOPE_ALL;
	if (sc < 0) {
		errors_add(c, e, "scope", "%s", _("Choose what the token may be used for: all, read, people-sync or research-export."));
		ok = false;
	}
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
	if (store_token_add(c->st, account_id, h, label ? label : "", scope_names[sc], now, until, &nid))
		return D_ERROR;
	audit(c, "token.create", "account", account_id, "%lld %s %s", nid, scope_names[sc], label ? label : "");
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

int api_token_resolve(struct store *st, struct arena *a, const char *token, long long now, struct api_token *out)
{
	unsigned char h[HASH_LEN];
	if (secret_hash(token, h))
		return ST_NOTFOUND;
	return store_token_find(st, a, h, now, out);
}

int api_token_used(struct ctx *c, long long token_id, const char *method, const char *path)
{
	return audit(c, "token.use", "api_token", token_id, "%s %s", method, path) ? D_ERROR : D_OK;
}
