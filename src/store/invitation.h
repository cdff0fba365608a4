/* invitation.h — the store's part of accounts made by invitation and of
 * accounts switched off: who of a unit or learning group has no account
 * yet, when an account was last invited, and its active flag. The links
 * themselves are password-reset links of kind 'invite' (signin.h). */
#ifndef LG_STORE_INVITATION_H
#define LG_STORE_INVITATION_H

#include "core/compiler.h"
#include "store/store.h"

/* The active people of the organisation in unit_id (with every unit
 * below it) or, when unit_id is 0, enrolled in learning group group_id
 * (stopped enrolments left out), who have no account: none with their
 * person and none with their e-mail address. Those with an address go
 * into *out (id, name, email, employee_id; one person per address, the
 * first by id), those without are counted in *no_email. */
MUST_CHECK int store_invite_candidates(struct store *s, struct arena *a, long long org, long long unit_id,
			    long long group_id, struct person **out, size_t *n, long long *no_email);
/* Records when the account of the organisation was last invited. */
MUST_CHECK int store_account_set_invited(struct store *s, long long org, long long id, long long at);
/* Switches the account of the organisation on or off; ST_NOTFOUND when it
 * has none by that id. */
MUST_CHECK int store_account_set_active(struct store *s, long long org, long long id, bool active);

#endif
