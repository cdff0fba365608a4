/* feedback_phase.h — the store's part for the partners of a research
 * project and the releases of their four feedback phases (migration
 * 0035). Every call names the organisation and the project; ST_NOTFOUND
 * for a partner of another; ST_CONFLICT for a phase released already or a
 * partner name used already in the project. */
#ifndef LG_STORE_FEEDBACK_PHASE_H
#define LG_STORE_FEEDBACK_PHASE_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/member_check.h"

MUST_CHECK int store_research_partner_add(struct store *s, long long org, long long project, const char *name,
					  const char *contact, long long *id);
/* By name, each with its releases (phase[k].released_at 0 for none). */
MUST_CHECK int store_research_partners(struct store *s, struct arena *a, long long org, long long project,
				       struct research_partner **out, size_t *n);
/* The dates a partner's data came in, were collected and analysed ("" for not yet). */
MUST_CHECK int store_research_partner_dates(struct store *s, long long org, long long project, long long partner,
					    const char *data_in_on, const char *collected_on, const char *analysed_on);
MUST_CHECK int store_feedback_release_add(struct store *s, long long org, long long project,
					  const struct feedback_release *r, long long released_by, long long *id);

#endif
