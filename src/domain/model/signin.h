/* model/signin.h — the domain's records of API tokens. The domain hands them
 * to pages and the command line; the store fills them (it implements the
 * domain's storage, so it knows these types; pages never see the store).
 * Strings are allocated in the reader's arena. */
#ifndef LG_DOMAIN_MODEL_SIGNIN_H
#define LG_DOMAIN_MODEL_SIGNIN_H

struct api_token {
	long long id, account_id;
	long long created_at, expires_at;
	char *label;
	char *scope;   /* what it may be used for: api_token_scope_name() */
};

#endif
