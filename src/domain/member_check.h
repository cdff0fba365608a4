/* member_check.h — member checks of a research project (seed 003 §7,
 * SPEC C8): findings put to contact persons — a person of the people list
 * or someone outside the organisation — who answer the seed's two
 * questions through a personal link without an account: do you recognise
 * the findings (yes, partly, no, with an explanation), and are there
 * findings you cannot place in your practice. The answers are attributed:
 * kept with the contact's name and read by the project's members, so the
 * n >= 5 rule does not hide them, and the form says so. A contact may
 * change the answer until the researcher closes the check. The researcher
 * records afterwards the implications for practice discussed together and
 * whether more research is needed: leergang's additions (the seed reports
 * them as done together and as the purpose, not as questions).
 *
 * A link is random, kept as its hash only, works for
 * MEMBER_CHECK_LINK_SECONDS and can be renewed (the old one stops). With
 * mail it goes by e-mail; without, the caller gets it to hand over.
 *
 * Who: as research.h (a member of the project, or the command line);
 * anyone else finds nothing (D_NOTFOUND). The link's own calls take the
 * store alone. */
#ifndef LG_DOMAIN_MEMBER_CHECK_H
#define LG_DOMAIN_MEMBER_CHECK_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/member_check.h"

#include <stdbool.h>
#include <stddef.h>

#define MEMBER_CHECK_LINK_SECONDS (60LL * 24 * 3600)
#define MEMBER_CHECK_TEXT_MAX 20000

/* The values of "do you recognise the findings" and of "more research
 * needed", NULL-ended, and their labels. */
extern const char *const MEMBER_CHECK_RECOGNISED[];
extern const char *const MEMBER_CHECK_MORE[];
const char *member_check_recognised_label(const char *v);
const char *member_check_more_label(const char *v);

struct member_check_view {
	struct member_check m;
	struct member_check_contact *contacts;
	size_t ncontacts;
};

MUST_CHECK int member_checks(struct ctx *c, long long project, struct member_check **out, size_t *n);
/* A title, the findings (Markdown), the date (YYYY-MM-DD). */
MUST_CHECK int member_check_create(struct ctx *c, long long project, const char *title, const char *findings,
				   const char *held_on, struct errors *e, long long *id);
MUST_CHECK int member_check_open(struct ctx *c, long long project, long long id, struct member_check_view *v);

/* Where links go: by e-mail (mail true, when the server sends mail and
 * the contact has an address) or back to the caller; under base_url. */
struct member_check_via {
	const char *base_url;
	bool mail;
};
/* A contact: the person of the people list with employee_id, or (employee_id
 * "") someone outside with a name, their organisation and an e-mail
 * address. *link the personal link when it was not mailed, else NULL. */
MUST_CHECK int member_check_contact_add(struct ctx *c, long long project, long long check, const char *employee_id,
					const char *name, const char *affiliation, const char *email,
					const struct member_check_via *via, struct errors *e, const char **link);
/* A new link for the contact, working MEMBER_CHECK_LINK_SECONDS again. */
MUST_CHECK int member_check_contact_renew(struct ctx *c, long long project, long long check, long long contact,
					  const struct member_check_via *via, const char **link);
/* The implications discussed and whether more research is needed (one
 * of MEMBER_CHECK_MORE or "") with a note. */
MUST_CHECK int member_check_outcome(struct ctx *c, long long project, long long check, const char *implications,
				    const char *more, const char *note, struct errors *e);
/* Answers can no longer change; D_CONFLICT when it is closed already. */
MUST_CHECK int member_check_close(struct ctx *c, long long project, long long check);
/* The answers as CSV (one row per contact, with their names), written to
 * the audit log as an export. */
MUST_CHECK int member_check_csv(struct ctx *c, long long project, long long check, struct buf *out);

/* ---- the contact's link ---- */

struct member_check_link {
	long long org, project;
	struct member_check m;
	struct member_check_contact k;
	bool expired;
};
/* D_NOTFOUND for a token that is no link; an expired link is found, with
 * expired set (the page says so, and nothing can be answered). */
MUST_CHECK int member_check_by_link(struct store *st, struct arena *a, const char *token, long long now,
				    struct member_check_link *l);
/* The contact's answer: recognised one of MEMBER_CHECK_RECOGNISED. D_INVALID
 * with messages per field for bad input, or (under "") when the link has
 * expired or the check is closed; nothing changes then. */
MUST_CHECK int member_check_answer(struct store *st, struct arena *a, struct member_check_link *l,
				   const char *recognised, const char *note, const char *not_fitting, long long now,
				   struct errors *e);

#endif
