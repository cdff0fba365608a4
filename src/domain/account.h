/* account.h — log-in accounts: argon2id passwords, lock-out after repeated
 * failures, sessions with their CSRF token, API bearer tokens, and loading
 * the actor (account + roles) behind a session or token. Secrets (session
 * cookies, API tokens) are random, shown once, and stored only as a
 * BLAKE2b-256 hash, so a copy of the database cannot be used to log in. */
#ifndef LG_DOMAIN_ACCOUNT_H
#define LG_DOMAIN_ACCOUNT_H

#include "ctx.h"

#define PASSWORD_MIN 10
#define PASSWORD_MAX 200
#define LOGIN_MAX_FAILURES 5
#define LOGIN_LOCK_SECONDS (15 * 60)
#define SESSION_SECONDS (12 * 60 * 60)
#define SECRET_HEX 65   /* 32 random bytes as hex, with the NUL */

enum login_result { LOGIN_OK, LOGIN_BAD, LOGIN_LOCKED, LOGIN_ERROR };

/* Checks a new password; adds a message to e under field. */
bool password_check(struct ctx *c, struct errors *e, const char *field, const char *pw);
/* argon2id string for pw, in the arena; NULL when out of memory. */
char *password_hash(struct arena *a, const char *pw);

/* Creates an account with one organisation-wide role. person_id may be 0. */
int account_create(struct ctx *c, const char *email, const char *display_name, long long person_id,
		   const char *password, int role, struct errors *e, long long *id);
/* The same with the password already hashed (password_hash): the demo
 * hashes its one password once for all its accounts. */
int account_create_hashed(struct ctx *c, const char *email, const char *display_name, long long person_id,
			  const char *hash, int role, struct errors *e, long long *id);
int account_set_password(struct ctx *c, long long account_id, const char *password, struct errors *e);

/* Checks email and password at time now. On LOGIN_LOCKED *until says when
 * the account opens again. Unknown addresses cost the same time as known
 * ones and answer LOGIN_BAD. */
enum login_result account_login(struct store *st, struct arena *a, const char *email, const char *password,
				long long now, long long *account_id, long long *until);

/* Starts a session: token (the cookie value) and csrf are SECRET_HEX buffers. */
int session_start(struct store *st, long long account_id, long long now, char token[SECRET_HEX],
		  char csrf[SECRET_HEX]);
/* Resolves a cookie value to an account and its CSRF token (in the arena). */
int session_resolve(struct store *st, struct arena *a, const char *token, long long now,
		    long long *account_id, char **csrf);
int session_end(struct store *st, const char *token);
/* Ends every other session of the account (after a password change). */
int session_end_others(struct store *st, long long account_id, const char *keep_token);

/* Creates an API token for the account; token is shown once. */
int api_token_create(struct store *st, long long account_id, const char *label, char token[SECRET_HEX]);
int api_token_resolve(struct store *st, const char *token, long long *account_id);

/* Loads the account and its grants into w. ST_NOTFOUND when the account is
 * missing or inactive. */
int actor_load(struct store *st, struct arena *a, long long account_id, struct actor *w);

/* 32 random bytes as lower-case hex. */
void secret_random(char out[SECRET_HEX]);
/* The stored form of a secret (BLAKE2b-256); -1 for a malformed secret. */
int secret_hash(const char *token, unsigned char out[HASH_LEN]);
/* Constant-time comparison of two NUL-terminated secrets. */
bool secret_equal(const char *a, const char *b);

#endif
