/* account_admin.h — the administrator's work on the accounts of the
 * organisation: the list with every account's roles, a new account for a
 * person named by employee number, and giving and taking away
 * organisation-wide roles. Each call is the administrator's alone
 * (D_FORBIDDEN for anyone else) and reaches only accounts of c->who's
 * organisation. */
#ifndef LG_DOMAIN_ACCOUNT_ADMIN_H
#define LG_DOMAIN_ACCOUNT_ADMIN_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/people.h"

#include <stddef.h>

struct account_roles {
	struct account account;
	struct role_grant *grants;   /* every grant of the account */
	size_t ngrants;
};

/* Every account of the organisation with its roles. */
MUST_CHECK int account_list_roles(struct ctx *c, struct account_roles **out, size_t *n);

/* account_create for the person with this employee number in the
 * organisation ("": the account is no one's in the register). An unknown
 * number is D_INVALID with a message under "employee_id", and nothing else
 * is checked or saved. */
MUST_CHECK int account_create_for_employee(struct ctx *c, const char *email, const char *display_name, const char *employee_id,
				const char *password, int role, struct errors *e, long long *id);

/* The name of the person with this employee number when it is not the
 * account's display name (compared without case and extra spaces): an
 * account about to be linked to someone else by a mistyped number. NULL
 * when the names match, either is empty, or there is no such person. */
const char *account_person_name_differs(struct ctx *c, const char *employee_id, const char *display_name);

/* Gives the account the role (enum role, or -1 when none was recognised:
 * D_INVALID with a message under "role") for the whole organisation. A
 * role held already is D_OK with nothing changed; a new one goes into the
 * audit log in the same transaction. D_NOTFOUND for an account of no one
 * in the organisation. */
/* The person an account is to be linked to by employee number: every
 * field 0 for none (an empty number), D_INVALID with a message when nobody
 * of the organisation has the number. */
MUST_CHECK int account_person_by_employee(struct ctx *c, const char *employee_id, struct errors *e, struct person *out);
MUST_CHECK int account_role_give(struct ctx *c, long long account_id, int role, struct errors *e);

/* Takes the grant away from the account, with its audit line. D_NOTFOUND
 * when the account or the grant is not the organisation's or not the
 * account's; D_CONFLICT (with a message for the whole form) when an
 * administrator would take the administrator role from themselves, which
 * would leave no way back. */
MUST_CHECK int account_role_take(struct ctx *c, long long account_id, long long grant_id, struct errors *e);

/* One account of the organisation (the confirmation before switching it
 * off). D_NOTFOUND for none by that id. */
MUST_CHECK int account_admin_get(struct ctx *c, long long account_id, struct account *out);

/* Switches the account off: it cannot sign in (the same answer as a wrong
 * password), and every session, API token and reset or invitation link it
 * has ends at once, in one transaction with the audit line. D_CONFLICT
 * (message under "") for the administrator's own account; D_OK with
 * nothing changed for an account that is off already. */
MUST_CHECK int account_deactivate(struct ctx *c, long long account_id, struct errors *e);
/* Switches the account on again; it signs in with the password it had
 * (an invited account gets a new invitation from the administrator). */
MUST_CHECK int account_reactivate(struct ctx *c, long long account_id);
/* Ends every session of the account (it signs in again to go on);
 * D_CONFLICT for the administrator's own account (that is logging out). */
MUST_CHECK int account_end_sessions(struct ctx *c, long long account_id);

#endif
