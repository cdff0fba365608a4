/* member_check.h — the store's part for member checks (migration 0035):
 * checks of a research project, their contacts with the hash of each
 * personal link, and the contacts' attributed answers. Every call names
 * the organisation (and the project or check) and touches nothing outside
 * them; lists are allocated in the arena; ST_NOTFOUND for an id of another
 * project or organisation. */
#ifndef LG_STORE_MEMBER_CHECK_H
#define LG_STORE_MEMBER_CHECK_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/member_check.h"

MUST_CHECK int store_member_check_add(struct store *s, long long org, long long project, const struct member_check *m,
				      long long created_by, long long now, long long *id);
/* Newest first, with their counts of contacts and answers. */
MUST_CHECK int store_member_checks(struct store *s, struct arena *a, long long org, long long project,
				   struct member_check **out, size_t *n);
MUST_CHECK int store_member_check_get(struct store *s, struct arena *a, long long org, long long project, long long id,
				      struct member_check *out);
MUST_CHECK int store_member_check_outcome(struct store *s, long long org, long long project, long long id,
					  const char *implications, const char *more, const char *note);
/* Sets closed_at once; ST_NOTFOUND when it is closed already. */
MUST_CHECK int store_member_check_close(struct store *s, long long org, long long project, long long id, long long now);

/* c->person_id 0 or a person of the organisation (ST_INVALID otherwise). */
MUST_CHECK int store_member_check_contact_add(struct store *s, long long org, long long check,
					      const struct member_check_contact *c, const unsigned char hash[HASH_LEN],
					      long long expires_at, long long *id);
/* In the order added. */
MUST_CHECK int store_member_check_contacts(struct store *s, struct arena *a, long long org, long long check,
					   struct member_check_contact **out, size_t *n);
/* A new link for the contact: the old one stops. */
MUST_CHECK int store_member_check_contact_renew(struct store *s, long long org, long long check, long long contact,
						const unsigned char hash[HASH_LEN], long long expires_at);
/* The contact of the link with this hash (expired or not), its check and
 * their organisation and project. */
MUST_CHECK int store_member_check_by_token(struct store *s, struct arena *a, const unsigned char hash[HASH_LEN],
					   long long *org, long long *project, struct member_check *m,
					   struct member_check_contact *c);
MUST_CHECK int store_member_check_answer(struct store *s, long long org, long long contact, const char *recognised,
					 const char *note, const char *not_fitting, long long now);

#endif
