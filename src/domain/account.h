/* account.h — log-in accounts: argon2id passwords, log-in with growing
 * delays after failures (throttle.h) instead of a lock-out, sessions with
 * their CSRF token, and loading the actor (account + roles) behind a
 * session or token. API tokens are in api_token.h, password-reset links in
 * password_reset.h. Secrets (session cookies, API tokens, reset links) are
 * random, shown once, and stored only as a BLAKE2b-256 hash, so a copy of
 * the database cannot be used to log in. */
#ifndef LG_DOMAIN_ACCOUNT_H
#define LG_DOMAIN_ACCOUNT_H

#include "core/compiler.h"
#include "ctx.h"
#include "pwgate.h"
#include "domain/model/people.h"

#define PASSWORD_MIN 10
#define PASSWORD_MAX 200
#define SESSION_SECONDS (12 * 60 * 60)
#define SECRET_HEX 65   /* 32 random bytes as hex, with the NUL */

/* LOGIN_BUSY: the password gate (pwgate.h) had no room; nothing was checked
 * or counted, and the caller is told to try again shortly. */
enum login_result { LOGIN_OK, LOGIN_BAD, LOGIN_WAIT, LOGIN_ERROR, LOGIN_BUSY };

/* How long a sign-in must wait: the time left, and the whole delay it is
 * in (what a message says, the same whenever one asks), in milliseconds. */
struct login_wait {
	long long wait_ms, step_ms;
};

/* Checks a new password; adds a message to e under field. */
bool password_check(struct ctx *c, struct errors *e, const char *field, const char *pw);
/* argon2id string for pw, in the arena, through the password gate:
 * PW_OK with *hash set, PW_BUSY, or PW_ERROR when out of memory. */
enum pw_result password_hash(struct arena *a, const char *pw, char **hash);

/* Creates an account with one organisation-wide role. person_id may be 0.
 * Like account_set_password, D_BUSY (with a message in e) when the password
 * gate had no room: nothing was saved. */
MUST_CHECK int account_create(struct ctx *c, const char *email, const char *display_name, long long person_id,
		   const char *password, int role, struct errors *e, long long *id);
/* The same with the password already hashed (password_hash): the demo
 * hashes its one password once for all its accounts. */
MUST_CHECK int account_create_hashed(struct ctx *c, const char *email, const char *display_name, long long person_id,
			  const char *hash, int role, struct errors *e, long long *id);
/* Sets a new password of an account of c's organisation. A new password
 * ends every API token and reset link of the account and clears the wait
 * of its e-mail address (account_password_replace); its sessions are the
 * caller's to end. */
MUST_CHECK int account_set_password(struct ctx *c, long long account_id, const char *password, struct errors *e);
/* Stores the argon2id string hash as the account's password, with what a
 * new password ends, inside the caller's transaction. */
MUST_CHECK int account_password_replace(struct store *st, long long account_id, const char *email, const char *hash);

/* Checks email and password for a client at address peer (NULL when there
 * is none, as on the command line) at now_ms (milliseconds since 1970).
 * While the client's address or the e-mail address typed must wait after
 * failures (throttle.h), LOGIN_WAIT with *wait filled in, before anything
 * is looked up or hashed. Unknown addresses cost the same time as known
 * ones, are counted the same and answer LOGIN_BAD. A success clears the
 * wait of the e-mail address. */
enum login_result account_login(struct store *st, struct arena *a, const char *email, const char *password,
				const char *peer, long long now_ms, long long *account_id, struct login_wait *wait);

/* Starts a session: token (the cookie value) and csrf are SECRET_HEX buffers. */
MUST_CHECK int session_start(struct store *st, long long account_id, long long now, char token[SECRET_HEX],
		  char csrf[SECRET_HEX]);
/* Signs the account in after its password was checked (account_login) or
 * a reset link spent: a new session (session_start) at now, and the line
 * "login" in the audit log of the account's organisation. D_OK or D_ERROR
 * (no session). */
MUST_CHECK int account_sign_in(struct store *st, struct arena *a, long long account_id, long long now, char token[SECRET_HEX],
		    char csrf[SECRET_HEX]);
/* Resolves a cookie value to an account and its CSRF token (in the arena). */
MUST_CHECK int session_resolve(struct store *st, struct arena *a, const char *token, long long now,
		    long long *account_id, char **csrf);
MUST_CHECK int session_end(struct store *st, const char *token);
/* Ends every other session of the account (after a password change). */
MUST_CHECK int session_end_others(struct store *st, long long account_id, const char *keep_token);

/* Loads the account and its grants into w. ST_NOTFOUND when the account is
 * missing or inactive. */
MUST_CHECK int actor_load(struct store *st, struct arena *a, long long account_id, struct actor *w);
/* The same for a request whose session or token named the account, with
 * the name of the actor's organisation in *org_name (NULL when it cannot
 * be read): D_OK, D_NOTFOUND (missing or blocked) or D_ERROR. */
MUST_CHECK int actor_identify(struct store *st, struct arena *a, long long account_id, struct actor *w, const char **org_name);

/* 32 random bytes as lower-case hex. */
void secret_random(char out[SECRET_HEX]);
/* The stored form of a secret (BLAKE2b-256); -1 for a malformed secret. */
int secret_hash(const char *token, unsigned char out[HASH_LEN]);
/* Constant-time comparison of two NUL-terminated secrets. */
bool secret_equal(const char *a, const char *b);

#endif
