/* model/oidc.h — the plain records of sign-in through an organisation's
 * identity provider (domain/oidc.h), shared by domain and store. */
#ifndef LG_DOMAIN_MODEL_OIDC_H
#define LG_DOMAIN_MODEL_OIDC_H

#include "domain/model/people.h"

#include <stdbool.h>
#include <stddef.h>

/* An organisation's provider. secret_box is the sealed client secret
 * (domain/oidc_secret.c), never the secret itself. */
struct oidc_provider {
	long long organisation_id;
	char *org_slug, *org_name;
	char *issuer, *client_id, *claim;
	char *employee_claim;  /* the claim that holds the employee number (claim "employee_id") */
	unsigned char *secret_box;
	size_t secret_box_len;
	bool passwords_off;
	long long updated_at;
};

/* A sign-in under way: what the callback needs of its request. */
struct oidc_login {
	long long organisation_id;
	char *nonce, *verifier, *redirect_uri, *next;
	long long created_at;
};

#endif
