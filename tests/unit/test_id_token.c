/* test_id_token.c — the ID token checks (formats/id_token.c) against fixed
 * tokens and key sets (id_token_fixtures.h): each check refuses what it is
 * for, and a token that passes them all gives its claims. */
#include "test.h"
#include "formats/id_token.h"
#include "id_token_fixtures.h"

static const struct id_token_expect X = { FX_ISS, FX_CLIENT, FX_NONCE, FX_NOW };

/* The result of checking token against jwks with expectations x; the
 * claims (when any) must come exactly with IDT_OK. */
static enum id_token_result check_with(const char *token, const char *jwks, const struct id_token_expect *x)
{
	json_t *claims = (json_t *)1;
	enum id_token_result r = id_token_verify(token, jwks, x, &claims);
	CHECK((r == IDT_OK) == (claims != NULL));
	json_decref(claims);
	return r;
}

static enum id_token_result check(const char *token)
{
	return check_with(token, FX_JWKS, &X);
}

TEST(id_token_good_rs256_and_es256_give_their_claims)
{
	json_t *claims = NULL;
	CHECK_INT(id_token_verify(FX_RS256, FX_JWKS, &X, &claims), IDT_OK);
	CHECK_STR(json_string_value(json_object_get(claims, "sub")), "u-42");
	CHECK_STR(json_string_value(json_object_get(claims, "email")), "a@gemeente.example");
	json_decref(claims);
	CHECK_INT(check(FX_ES256), IDT_OK);
	CHECK_INT(check(FX_EXPIRED_IN_SKEW), IDT_OK);
}

TEST(id_token_nonce_must_be_the_one_sent)
{
	CHECK_INT(check(FX_NONCE_WRONG), IDT_NONCE);
	CHECK_INT(check(FX_NONCE_MISSING), IDT_NONCE);
	struct id_token_expect x = X;
	x.nonce = "n-0S6_WzA2M";   /* a prefix is not the nonce */
	CHECK_INT(check_with(FX_RS256, FX_JWKS, &x), IDT_NONCE);
	x.nonce = NULL;
	CHECK_INT(check_with(FX_RS256, FX_JWKS, &x), IDT_NONCE);
}

TEST(id_token_expiry_and_issue_time_with_skew)
{
	CHECK_INT(check(FX_EXPIRED), IDT_EXPIRED);
	CHECK_INT(check(FX_EXP_MISSING), IDT_EXPIRED);
	CHECK_INT(check(FX_IAT_FUTURE), IDT_ISSUED);
	/* the good token, a quarter of an hour later */
	struct id_token_expect x = X;
	x.now = FX_NOW + 900;
	CHECK_INT(check_with(FX_RS256, FX_JWKS, &x), IDT_EXPIRED);
	/* and long before it was issued */
	x.now = FX_NOW - 600;
	CHECK_INT(check_with(FX_RS256, FX_JWKS, &x), IDT_ISSUED);
}

TEST(id_token_bad_signatures_are_refused)
{
	CHECK_INT(check(FX_OTHER_KEY), IDT_SIGNATURE);
	CHECK_INT(check(FX_TAMPERED), IDT_SIGNATURE);
	CHECK_INT(check("abc"), IDT_MALFORMED);
	CHECK_INT(check(""), IDT_MALFORMED);
	CHECK_INT(check("e30.e30.e30"), IDT_ALGORITHM);   /* {} as header: no alg */
	CHECK_INT(check_with(FX_RS256, "not json", &X), IDT_NO_KEY);
	CHECK_INT(check_with(FX_RS256, "{\"keys\":{}}", &X), IDT_NO_KEY);
}

TEST(id_token_algorithm_is_never_the_tokens_choice)
{
	CHECK_INT(check(FX_ALG_NONE), IDT_ALGORITHM);
	CHECK_INT(check(FX_ALG_NONE_SIG), IDT_ALGORITHM);
	CHECK_INT(check(FX_HS256_PEM), IDT_ALGORITHM);
	CHECK_INT(check(FX_RS512), IDT_ALGORITHM);
	/* an algorithm that exists, on a key of the other type */
	CHECK_INT(check(FX_RS_HEADER_EC_KEY), IDT_ALGORITHM);
	CHECK_INT(check(FX_ES_HEADER_RSA_KEY), IDT_ALGORITHM);
	CHECK_INT(check(FX_CRIT), IDT_ALGORITHM);
	/* a key that says it signs with another algorithm is not used */
	CHECK_INT(check_with(FX_RS256, FX_JWKS_RS512, &X), IDT_NO_KEY);
}

TEST(id_token_key_chosen_by_kid)
{
	CHECK_INT(check(FX_UNKNOWN_KID), IDT_NO_KEY);
	/* without a kid: only when the set has one signing key */
	CHECK_INT(check(FX_NO_KID), IDT_NO_KEY);
	CHECK_INT(check_with(FX_NO_KID, FX_JWKS_ONE, &X), IDT_OK);
	/* a key for encryption never verifies a signature */
	CHECK_INT(check_with(FX_RS256, FX_JWKS_ENC, &X), IDT_NO_KEY);
}

TEST(id_token_issuer_exact_and_audience_ours)
{
	CHECK_INT(check(FX_ISSUER_SLASH), IDT_ISSUER);
	CHECK_INT(check(FX_ISSUER_CASE), IDT_ISSUER);
	struct id_token_expect x = X;
	x.client_id = "leergang2";
	CHECK_INT(check_with(FX_RS256, FX_JWKS, &x), IDT_AUDIENCE);
	CHECK_INT(check(FX_AUD_OTHER), IDT_AUDIENCE);
	CHECK_INT(check(FX_AUD_ARRAY_NO_AZP), IDT_AUDIENCE);
	CHECK_INT(check(FX_AZP_OTHER), IDT_AUDIENCE);
	CHECK_INT(check(FX_AUD_ARRAY_AZP), IDT_OK);
	CHECK_INT(check(FX_AUD_ARRAY_ONE), IDT_OK);
	CHECK_INT(check(FX_SUB_MISSING), IDT_SUBJECT);
	CHECK_INT(check(FX_SUB_EMPTY), IDT_SUBJECT);
}
