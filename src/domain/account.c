/* account.c — passwords, log-in with growing delays after failures, and
 * sessions. */
#include "account.h"
#include "audit.h"
#include "pwgate.h"
#include "role.h"
#include "throttle.h"
#include "store_rc.h"
#include "validate.h"
#include "store/signin.h"
#include "core/die.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "store/store.h"

#include <assert.h>
#include <sodium.h>
#include <string.h>

bool password_check(struct ctx *c, struct errors *e, const char *field, const char *pw)
{
	size_t n = pw ? strlen(pw) : 0;
	if (!pw || !utf8_valid(pw, n)) {
		errors_add(c, e, field, _("The password contains characters that cannot be used; type it again."));
		return false;
	}
	size_t chars = utf8_length(pw);
	if (chars < PASSWORD_MIN) {
		errors_add(c, e, field, _("The password is too short: use at least %d characters."), PASSWORD_MIN);
		return false;
	}
	if (chars > PASSWORD_MAX) {
		errors_add(c, e, field, _("The password is too long: use at most %d characters."), PASSWORD_MAX);
		return false;
	}
	return true;
}

enum pw_result password_hash(struct arena *a, const char *pw, char **hash)
{
	char *out = arena_alloc(a, PWGATE_HASH_BYTES);
	enum pw_result r = pwgate_hash(out, pw);
	*hash = r == PW_OK ? out : NULL;
	return r;
}

/* The message for a hash the gate had no room for; nothing was saved. */
static int busy(struct ctx *c, struct errors *e)
{
	errors_add(c, e, "password", _("leergang is very busy checking passwords right now. Nothing was saved: try again in a few seconds."));
	return D_BUSY;
}

int account_create(struct ctx *c, const char *email, const char *display_name, long long person_id,
		   const char *password, int role, struct errors *e, long long *id)
{
	bool ok = check_email(c, e, "email", email, true);
	ok &= check_line(c, e, "display_name", _("Name"), display_name, 1, 200);
	ok &= password_check(c, e, "password", password);
	if (role < 0 || role >= ROLE_COUNT) {
		errors_add(c, e, "role", _("Choose one of the roles in the list."));
		ok = false;
	}
	if (!ok)
		return D_INVALID;
	char *hash;
	enum pw_result pr = password_hash(c->a, password, &hash);
	if (pr == PW_BUSY)
		return busy(c, e);
	if (pr != PW_OK)
		return D_ERROR;
	return account_create_hashed(c, email, display_name, person_id, hash, role, e, id);
}

int account_create_hashed(struct ctx *c, const char *email, const char *display_name, long long person_id,
			  const char *hash, int role, struct errors *e, long long *id)
{
	bool ok = check_email(c, e, "email", email, true);
	ok &= check_line(c, e, "display_name", _("Name"), display_name, 1, 200);
	if (role < 0 || role >= ROLE_COUNT) {
		errors_add(c, e, "role", _("Choose one of the roles in the list."));
		ok = false;
	}
	if (!ok || !hash || strncmp(hash, crypto_pwhash_STRPREFIX, strlen(crypto_pwhash_STRPREFIX)))
		return ok ? D_ERROR : D_INVALID;
	long long nid;
	/* the account, its role and its audit line, or none of them */
	if (store_begin(c->st))
		return D_ERROR;
	int d = d_from_store(store_account_add(c->st, c->who->organisation_id, email, display_name, person_id, hash, &nid));
	if (d == D_CONFLICT || d == D_NOTFOUND) {
		store_rollback(c->st);
		if (d == D_CONFLICT)
			errors_add(c, e, "email", _("There is already an account with the address %s."), email);
		else   /* the person named is not one of the organisation's */
			errors_add(c, e, "person_id", _("That person is not in this organisation; choose again."));
		return D_INVALID;
	}
	if (d || store_grant_add(c->st, nid, c->who->organisation_id, role_id(role), "organisation", 0) ||
	    audit(c, "account.create", "account", nid, "%s %s", email, role_id(role)) || store_commit(c->st)) {
		store_rollback(c->st);
		return D_ERROR;
	}
	if (id)
		*id = nid;
	return D_OK;
}

int account_password_replace(struct store *st, long long account_id, const char *email, const char *hash)
{
	struct throttle_key k;
	int r = store_account_set_password(st, account_id, hash);
	if (!r)
		r = store_token_delete_account(st, account_id);
	if (!r)
		r = store_reset_delete_account(st, account_id);
	/* whoever knows the new password need not wait for a stranger's tries */
	if (!r && throttle_key_make(&k, THROTTLE_LOGIN_ACCOUNT, email))
		r = throttle_clear(st, &k);
	return r;
}

int account_set_password(struct ctx *c, long long account_id, const char *password, struct errors *e)
{
	if (!password_check(c, e, "password", password))
		return D_INVALID;
	struct account acc;
	int d = d_from_store(store_account_get(c->st, c->a, c->who->organisation_id, account_id, &acc));
	if (d)
		return d == D_NOTFOUND ? D_NOTFOUND : D_ERROR;
	char *hash;
	enum pw_result pr = password_hash(c->a, password, &hash);
	if (pr == PW_BUSY)
		return busy(c, e);
	if (pr != PW_OK || store_begin(c->st))
		return D_ERROR;
	if (account_password_replace(c->st, account_id, acc.email, hash) ||
	    audit(c, "account.password", "account", account_id, "%s", "") || store_commit(c->st)) {
		store_rollback(c->st);
		return D_ERROR;
	}
	return D_OK;
}

/* A check against a hash of no account, for an address without a usable
 * one, so that the answer takes as long as for a known one: PW_BUSY when
 * the gate had no room, else PW_MISMATCH. The dummy's own password is no
 * account all the same, and counted as every other try, or the count
 * would tell. */
static enum pw_result dummy_verify(const char *password)
{
	static char dummy[PWGATE_HASH_BYTES];
	static int have_dummy;
	if (!__atomic_load_n(&have_dummy, __ATOMIC_ACQUIRE)) {
		char tmp[PWGATE_HASH_BYTES];
		enum pw_result pr = pwgate_hash(tmp, "leergang");
		if (pr == PW_BUSY)
			return PW_BUSY;
		if (pr == PW_OK) {
			memcpy(dummy, tmp, sizeof(tmp));
			__atomic_store_n(&have_dummy, 1, __ATOMIC_RELEASE);
		}
	}
	if (__atomic_load_n(&have_dummy, __ATOMIC_ACQUIRE) && pwgate_verify(dummy, password ? password : "") == PW_BUSY)
		return PW_BUSY;
	return PW_MISMATCH;
}

enum login_result account_login(struct store *st, struct arena *a, const char *email, const char *password,
				const char *peer, long long now_ms, long long *account_id, struct login_wait *wait)
{
	/* counted by the address typed, whether or not an account has it,
	 * and by the client's address */
	const char *typed = throttle_email(a, email);
	struct throttle_key keys[2];
	size_t nkeys = 0;
	if (throttle_key_make(&keys[nkeys], THROTTLE_LOGIN_ACCOUNT, typed))
		nkeys++;
	if (throttle_key_make(&keys[nkeys], THROTTLE_LOGIN_ADDRESS, peer))
		nkeys++;
	memset(wait, 0, sizeof(*wait));
	if (throttle_check(st, keys, nkeys, now_ms, &wait->wait_ms, &wait->step_ms))
		return LOGIN_ERROR;
	if (wait->wait_ms > 0)
		return LOGIN_WAIT;
	struct account acc;
	int d = d_from_store(store_account_by_email(st, a, typed, &acc));
	if (d != D_OK && d != D_NOTFOUND)
		return LOGIN_ERROR;
	if (d == D_NOTFOUND || !acc.active) {
		if (dummy_verify(password) == PW_BUSY)
			return LOGIN_BUSY;
		return throttle_fail(st, keys, nkeys, now_ms, NULL) ? LOGIN_ERROR : LOGIN_BAD;
	}
	/* a verification the gate had no room for is no attempt: nothing is
	 * counted. An account without a password yet (invited) takes the
	 * time of a check too, or the time would tell it was invited. */
	enum pw_result pr = !acc.password_hash[0] ? dummy_verify(password) : !password ? PW_MISMATCH
				: pwgate_verify(acc.password_hash, password);
	if (!acc.password_hash[0] && pr != PW_BUSY)
		pr = PW_MISMATCH;
	if (pr == PW_BUSY)
		return LOGIN_BUSY;
	if (pr != PW_OK) {
		long long delay = 0;
		if (throttle_fail(st, keys, nkeys, now_ms, &delay))
			return LOGIN_ERROR;
		/* failures of accounts that exist are in their organisation's audit log */
		if (store_audit_add(st, acc.organisation_id, acc.id, acc.email, "login.failed", "account", acc.id,
				    delay ? arena_printf(a, "wait %lld s", (delay + 999) / 1000) : ""))
			warn("audit: a failed sign-in of account %lld was not recorded", acc.id);
		return LOGIN_BAD;
	}
	/* The owner is in: the failures with this address typed are
	 * forgotten. Those of the client's address are not, or an insider
	 * with one account could guess at others and sign in now and then
	 * to start counting afresh; they leak away. */
	if (throttle_clear(st, &keys[0]) || throttle_sweep(st, now_ms))
		return LOGIN_ERROR;
	*account_id = acc.id;
	return LOGIN_OK;
}

void secret_random(char out[SECRET_HEX])
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(out, SECRET_HEX, raw, sizeof(raw));
}

/* The stored form of a secret: BLAKE2b-256 of its text. */
int secret_hash(const char *token, unsigned char out[HASH_LEN])
{
	if (!token || strlen(token) != SECRET_HEX - 1)
		return -1;
	crypto_generichash(out, HASH_LEN, (const unsigned char *)token, SECRET_HEX - 1, NULL, 0);
	return 0;
}

int session_start(struct store *st, long long account_id, long long now, char token[SECRET_HEX],
		  char csrf[SECRET_HEX])
{
	unsigned char h[HASH_LEN];
	secret_random(token);
	secret_random(csrf);
	secret_hash(token, h);
	return store_session_add(st, h, account_id, csrf, now, now + SESSION_SECONDS);
}

int account_sign_in(struct store *st, struct arena *a, long long account_id, long long now, char token[SECRET_HEX],
		    char csrf[SECRET_HEX])
{
	assert(account_id > 0);
	if (session_start(st, account_id, now, token, csrf))
		return D_ERROR;
	/* the session stands whether or not the line could be written, as
	 * every other audit line outside a transaction */
	struct account acc;
	if (d_from_store(store_account_by_id(st, a, account_id, &acc)) == D_OK &&
	    store_audit_add(st, acc.organisation_id, acc.id, acc.email, "login", "account", acc.id, ""))
		warn("audit: the sign-in of account %lld was not recorded", acc.id);
	return D_OK;
}

int session_resolve(struct store *st, struct arena *a, const char *token, long long now,
		    long long *account_id, char **csrf)
{
	unsigned char h[HASH_LEN];
	if (secret_hash(token, h))
		return ST_NOTFOUND;
	return store_session_get(st, a, h, now, account_id, csrf);
}

int session_end(struct store *st, const char *token)
{
	unsigned char h[HASH_LEN];
	if (secret_hash(token, h))
		return ST_NOTFOUND;
	return store_session_delete(st, h);
}

int session_end_others(struct store *st, long long account_id, const char *keep_token)
{
	unsigned char h[HASH_LEN] = { 0 };
	if (keep_token)
		secret_hash(keep_token, h);
	return store_session_delete_account(st, account_id, h);
}

int actor_load(struct store *st, struct arena *a, long long account_id, struct actor *w)
{
	struct account acc;
	int r = store_account_by_id(st, a, account_id, &acc);
	if (r)
		return r;
	if (!acc.active)
		return ST_NOTFOUND;
	memset(w, 0, sizeof(*w));
	w->account_id = acc.id;
	w->organisation_id = acc.organisation_id;
	w->person_id = acc.person_id;
	w->email = acc.email;
	w->display_name = acc.display_name;
	r = store_grant_list(st, a, acc.id, &w->grants, &w->ngrants);
	if (r)
		return r;
	for (size_t i = 0; i < w->ngrants; i++) {
		int role = role_parse(w->grants[i].role);
		if (role >= 0 && w->grants[i].organisation_id == acc.organisation_id)
			w->roles |= ROLE_BIT(role);
	}
	return ST_OK;
}

int actor_identify(struct store *st, struct arena *a, long long account_id, struct actor *w, const char **org_name)
{
	assert(w && org_name);
	*org_name = NULL;
	int d = d_from_store(actor_load(st, a, account_id, w));
	if (d)
		return d == D_NOTFOUND ? D_NOTFOUND : D_ERROR;
	struct organisation o;
	if (d_from_store(store_org_get(st, a, w->organisation_id, &o)) == D_OK)
		*org_name = o.name;
	return D_OK;
}

bool secret_equal(const char *a, const char *b)
{
	size_t n = strlen(a);
	return n == strlen(b) && sodium_memcmp(a, b, n) == 0;
}
