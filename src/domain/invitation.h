/* invitation.h — accounts made without a typed password. The
 * administrator invites someone (or every person of a unit or learning
 * group without an account, at once); the account exists without a
 * password and cannot sign in until its owner sets one through the
 * invitation's link: a password-reset link of kind 'invite' (migration
 * 0017), random, kept as its hash only, single-use, working for
 * INVITE_SECONDS, and spent by password_reset_finish() like any reset
 * link. Inviting again makes a new link and stops the old one.
 *
 * With mail (a mailer installed and a public address) the link goes by
 * e-mail in the background; without, the caller gets the links to hand
 * over (a CSV on the accounts page, stdout on the command line). Every
 * call is the administrator's alone (D_FORBIDDEN for anyone else) and
 * reaches only accounts and people of c->who's organisation. */
#ifndef LG_DOMAIN_INVITATION_H
#define LG_DOMAIN_INVITATION_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/group.h"

#include <stdbool.h>
#include <stddef.h>

#define INVITE_SECONDS (7 * 24 * 3600)

/* An invited account and the link of its invitation (NULL when it went
 * by e-mail). */
struct invite_link {
	struct account account;
	const char *link;
};

/* Where links go: by e-mail (mail true: base_url is the public address)
 * or back to the caller, with links under base_url. */
struct invite_via {
	const char *base_url;
	bool mail;
};

/* Invites email as display_name ("": the name of the person with
 * employee_id, which is then needed) with the organisation-wide role,
 * tied to the person with employee_id ("" for none). D_INVALID with a
 * message per field and nothing saved for bad input or an address that
 * has an account. On D_OK *out holds the account and its link. */
MUST_CHECK int invitation_create(struct ctx *c, const char *email, const char *display_name, const char *employee_id,
				 int role, const struct invite_via *via, struct errors *e, struct invite_link *out);

/* Invites the account again: a new link, the old ones stop. D_NOTFOUND
 * for no account of the organisation by that id; D_CONFLICT for an
 * account that is switched off or has set its password. */
MUST_CHECK int invitation_resend(struct ctx *c, long long account_id, const struct invite_via *via,
				 struct invite_link *out);

/* Every invitation still waiting (accounts switched on, never signed in)
 * gets a new link at once, in one transaction: the CSV of links when the
 * server sends no mail. */
MUST_CHECK int invitation_links_all(struct ctx *c, const struct invite_via *via, struct invite_link **out, size_t *n);

/* What a bulk invitation of a unit (with its sub-units; unit_id > 0) or
 * of a learning group would do: the people who would get an account, and
 * how many have no account and no e-mail address. D_NOTFOUND for a unit
 * or group that is not the organisation's. */
struct invite_preview {
	struct person *people;
	size_t n;
	long long no_email;
};
MUST_CHECK int invitation_bulk_preview(struct ctx *c, long long unit_id, long long group_id, struct invite_preview *p);

/* Invites every person of the preview with the role, in one transaction:
 * all or none. expected is the count the preview showed: when it differs
 * now, D_CONFLICT and nothing is done (someone changed the people in
 * between). D_INVALID (message under "role") for no role; D_INVALID
 * (message under "") when the preview has nobody. */
MUST_CHECK int invitation_bulk(struct ctx *c, long long unit_id, long long group_id, int role, size_t expected,
			       const struct invite_via *via, struct errors *e, struct invite_link **out, size_t *n);

/* What a bulk invitation may take: the units of the organisation in tree
 * order with their paths, and its learning groups. */
struct unit_tree;
MUST_CHECK int invitation_scopes(struct ctx *c, struct unit_tree *units, struct learning_group **groups, size_t *ngroups);

/* Whether the account waits for its owner to set a first password. */
bool invitation_pending(const struct account *acc);

#endif
