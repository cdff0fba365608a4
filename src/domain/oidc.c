/* oidc.c — an organisation's provider set and read, and a sign-in through
 * it started and finished (oidc.h). */
#include "oidc.h"
#include "account.h"
#include "audit.h"
#include "oidc_fetch.h"
#include "oidc_secret.h"
#include "store_rc.h"
#include "validate.h"
#include "core/die.h"
#include "core/i18n.h"
#include "formats/id_token.h"
#include "store/oidc.h"
#include "store/store.h"

#include <sodium.h>
#include <string.h>

#define EMPLOYEE_CLAIM_MAX 200  /* as the column allows */

#define CLIENT_ID_MAX 200
#define SECRET_MAX 1000

int oidc_configure(struct ctx *c, const struct oidc_settings *s, struct errors *e)
{
	bool ok = true;
	if (!s->issuer || !oidc_url_allowed(s->issuer) || strchr(s->issuer, '?')) {
		errors_add(c, e, "issuer", _("The issuer must be the provider's exact https:// address (http:// only "
					     "for a provider on this machine), without ? or #."));
		ok = false;
	}
	ok &= check_line(c, e, "client_id", _("Client id"), s->client_id, 1, CLIENT_ID_MAX);
	if (!s->secret || !*s->secret || strlen(s->secret) > SECRET_MAX || strpbrk(s->secret, "\r\n")) {
		errors_add(c, e, "secret", _("The client secret must be one line of at most %d characters."), SECRET_MAX);
		ok = false;
	}
	if (!s->claim || (strcmp(s->claim, "email") && strcmp(s->claim, "employee_id"))) {
		errors_add(c, e, "claim", _("The claim must be email or employee_id."));
		ok = false;
	}
	/* the name of the claim with the employee number: printable, no space
	 * (ADFS names its claims with URIs) */
	const char *ec = s->employee_claim && *s->employee_claim ? s->employee_claim : "employee_id";
	bool ec_ok = strlen(ec) <= EMPLOYEE_CLAIM_MAX;
	for (const char *q = ec; *q && ec_ok; q++)
		ec_ok = *q > ' ' && *q < 0x7f && *q != '"' && *q != '\\';
	if (!ec_ok) {
		errors_add(c, e, "employee_claim",
			   _("The name of the claim with the employee number is at most %d characters, without spaces or quotes."),
			   EMPLOYEE_CLAIM_MAX);
		ok = false;
	}
	if (!ok)
		return D_INVALID;
	struct oidc_provider p = { .organisation_id = c->who->organisation_id, .issuer = (char *)s->issuer,
				   .client_id = (char *)s->client_id, .claim = (char *)s->claim, .employee_claim = (char *)ec,
				   .passwords_off = s->passwords_off, .updated_at = ctx_now(c) };
	if (oidc_secret_seal(c->a, p.organisation_id, s->secret, &p.secret_box, &p.secret_box_len)) {
		errors_add(c, e, "secret", _("The key file that protects client secrets could not be read or made."));
		return D_ERROR;
	}
	if (store_begin(c->st))
		return D_ERROR;
	if (store_oidc_provider_set(c->st, &p) ||
	    audit(c, "oidc.set", "organisation", p.organisation_id, "%s %s %s%s%s passwords %s", s->issuer, s->client_id,
		  s->claim, strcmp(s->claim, "employee_id") ? "" : " in ", strcmp(s->claim, "employee_id") ? "" : ec,
		  s->passwords_off ? "off" : "on") ||
	    store_commit(c->st)) {
		store_rollback(c->st);
		return D_ERROR;
	}
	return D_OK;
}

int oidc_provider_get(struct ctx *c, struct oidc_provider *out)
{
	return d_from_store(store_oidc_provider_get(c->st, c->a, c->who->organisation_id, out));
}

int oidc_providers(struct store *st, struct arena *a, struct oidc_provider **out, size_t *n)
{
	return d_from_store(store_oidc_provider_list(st, a, out, n));
}

int oidc_password_allowed(struct store *st, struct arena *a, long long account_id, bool *allowed, const char **org_name)
{
	struct account acc;
	struct oidc_provider p;
	*allowed = true;
	*org_name = NULL;
	int d = d_from_store(store_account_by_id(st, a, account_id, &acc));
	if (d)
		return d;
	d = d_from_store(store_oidc_provider_get(st, a, acc.organisation_id, &p));
	if (d == D_NOTFOUND)
		return D_OK;
	if (d)
		return d;
	*allowed = !p.passwords_off;
	*org_name = p.org_name;
	return D_OK;
}

/* base64url without padding of n random bytes, or of data when given */
static char *b64url(struct arena *a, const unsigned char *data, size_t n)
{
	size_t len = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char *out = arena_alloc(a, len);
	return sodium_bin2base64(out, len, data, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

static char *random_b64url(struct arena *a, size_t n)
{
	unsigned char raw[64];
	randombytes_buf(raw, n);
	return b64url(a, raw, n);
}

/* The provider of an organisation with its sealed secret opened. */
static int provider_of(struct store *st, struct arena *a, long long org, struct oidc_provider *p, char **secret)
{
	int d = d_from_store(store_oidc_provider_get(st, a, org, p));
	if (d || !secret)
		return d;
	if (oidc_secret_open(a, org, p->secret_box, p->secret_box_len, secret)) {
		warn("oidc: the client secret of organisation %lld does not open: is the key file there?", org);
		return D_ERROR;
	}
	return D_OK;
}

int oidc_login_start(struct store *st, struct arena *a, const char *slug, const char *browser_secret,
		     const char *redirect_uri, const char *next, long long now, const char **url)
{
	struct organisation o;
	struct oidc_provider p;
	struct oidc_discovery disc;
	unsigned char state_hash[HASH_LEN], browser_hash[HASH_LEN];
	const char *why = NULL;
	if (!slug_valid(slug))
		return D_NOTFOUND;
	int d = d_from_store(store_org_by_slug(st, a, slug, &o));
	if (!d)
		d = provider_of(st, a, o.id, &p, NULL);
	if (d)
		return d;
	if (secret_hash(browser_secret, browser_hash))
		return D_ERROR;
	if (oidc_discover(a, p.issuer, &disc, &why)) {
		warn("oidc: discovery of %s failed: %s", p.issuer, why);
		return D_ERROR;
	}
	char state[SECRET_HEX];
	secret_random(state);
	secret_hash(state, state_hash);
	struct oidc_login l = { .organisation_id = o.id, .nonce = random_b64url(a, 32), .verifier = random_b64url(a, 32),
				.redirect_uri = (char *)redirect_uri, .next = (char *)next, .created_at = now };
	unsigned char challenge[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(challenge, (const unsigned char *)l.verifier, strlen(l.verifier));
	if (store_begin(st))
		return D_ERROR;
	if (store_oidc_login_add(st, state_hash, browser_hash, &l, now + OIDC_LOGIN_SECONDS, OIDC_PER_BROWSER,
				 OIDC_OVERALL) || store_commit(st)) {
		store_rollback(st);
		return D_ERROR;
	}
	*url = arena_printf(a, "%s%cresponse_type=code&client_id=%s&redirect_uri=%s&scope=openid%%20email%%20profile"
			    "&state=%s&nonce=%s&code_challenge=%s&code_challenge_method=S256",
			    disc.authorization_endpoint, strchr(disc.authorization_endpoint, '?') ? '&' : '?',
			    oidc_escape(a, p.client_id), oidc_escape(a, redirect_uri), state, l.nonce,
			    b64url(a, challenge, sizeof(challenge)));
	return D_OK;
}

static enum oidc_result refuse(enum oidc_result r, const char *org, const char *why)
{
	warn("oidc: a sign-in%s%s was refused: %s", org ? " through " : "", org ? org : "", why);
	return r;
}

static enum oidc_result token_result(enum id_token_result r)
{
	switch (r) {
	case IDT_OK: return OIDC_OK;
	case IDT_NONCE: return OIDC_NONCE;
	case IDT_EXPIRED:
	case IDT_ISSUED: return OIDC_EXPIRED;
	default: return OIDC_INVALID;
	}
}

enum oidc_result oidc_login_finish(struct store *st, struct arena *a, const struct oidc_callback *cb,
				   const char *browser_secret, long long now, long long *account_id, const char **next,
				   const char **org_name)
{
	unsigned char state_hash[HASH_LEN], browser_hash[HASH_LEN];
	struct oidc_login l;
	struct oidc_provider p;
	struct oidc_discovery disc;
	const char *why = NULL;
	char *secret = NULL, *id_token = NULL, *jwks = NULL;
	*org_name = NULL;
	/* the state first: only this browser's own sign-in goes on */
	if (!cb->state || secret_hash(cb->state, state_hash) || !browser_secret || secret_hash(browser_secret, browser_hash))
		return refuse(OIDC_STATE, NULL, "no state, or no browser cookie");
	int r = store_oidc_login_take(st, a, state_hash, browser_hash, now, &l);
	if (r == ST_NOTFOUND)
		return refuse(OIDC_STATE, NULL, "state unknown, spent, expired or of another browser");
	if (r)
		return OIDC_ERROR;
	if (provider_of(st, a, l.organisation_id, &p, &secret))
		return OIDC_ERROR;
	*org_name = p.org_name;
	if (oidc_discover(a, p.issuer, &disc, &why))
		return refuse(OIDC_PROVIDER, p.org_slug, why);
	/* RFC 9207: the answer comes from the provider the request went to */
	if (cb->iss ? strcmp(cb->iss, p.issuer) != 0 : disc.iss_parameter)
		return refuse(OIDC_ISSUER, p.org_slug, cb->iss ? "iss parameter of another issuer" : "iss parameter missing");
	if (cb->error || !cb->code || !*cb->code)
		return refuse(OIDC_DENIED, p.org_slug, cb->error ? "the provider answered with an error" : "no code");
	if (oidc_exchange_code(a, &disc, p.client_id, secret, cb->code, l.verifier, l.redirect_uri, &id_token, &why))
		return refuse(OIDC_PROVIDER, p.org_slug, why);
	if (oidc_fetch_jwks(a, &disc, &jwks, &why))
		return refuse(OIDC_PROVIDER, p.org_slug, why);
	struct id_token_expect x = { p.issuer, p.client_id, l.nonce, now };
	json_t *claims = NULL;
	enum id_token_result tr = id_token_verify(id_token, jwks, &x, &claims);
	if (tr != IDT_OK)
		return refuse(token_result(tr), p.org_slug, arena_printf(a, "ID token: %s", id_token_result_name(tr)));
	/* the e-mail address in "email"; the employee number in the claim the organisation named */
	const char *value = json_string_value(json_object_get(claims, strcmp(p.claim, "email") ? p.employee_claim : "email"));
	json_t *verified = json_object_get(claims, "email_verified");
	long long id = 0;
	bool unverified = !strcmp(p.claim, "email") && json_is_false(verified);
	r = value && !unverified ? store_oidc_account(st, l.organisation_id, p.claim, value, &id) : ST_NOTFOUND;
	json_decref(claims);
	struct account acc;
	if (r == ST_OK)
		r = store_account_by_id(st, a, id, &acc);
	if (r == ST_NOTFOUND || (r == ST_OK && !acc.active))
		return refuse(OIDC_UNKNOWN_USER, p.org_slug,
			      unverified ? "e-mail address not verified by the provider" : "no active account with that claim");
	if (r)
		return OIDC_ERROR;
	*account_id = id;
	*next = l.next;
	return OIDC_OK;
}
