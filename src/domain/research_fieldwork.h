/* research_fieldwork.h — the fieldwork register of a research project
 * (seed 003 §8: "observatie-uren en interviews per team"): each
 * observation, shadowing day (seed 002 §3: meelopen) or interview with its
 * date, length, team and who was observed or interviewed, linked to the
 * source it produced; the totals per team and period as the seed's table
 * gives them; and the register as a CSV with names replaced by pseudonyms.
 * For members of the project (research.h). */
#ifndef LG_DOMAIN_RESEARCH_FIELDWORK_H
#define LG_DOMAIN_RESEARCH_FIELDWORK_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/research.h"
#include "formats/table.h"

extern const char *const RESEARCH_FIELDWORK_KINDS[];
const char *research_fieldwork_label(const char *kind);

/* kind observation|shadowing|interview, held_on YYYY-MM-DD, minutes 0..1440,
 * the team as a unit (0: none) or in words (a partner's team; not both),
 * who in words, the source (0: none) it produced, a note. */
MUST_CHECK int research_fieldwork_add(struct ctx *c, long long project, const char *kind, const char *held_on,
				      long long minutes, long long unit_id, const char *team, const char *who,
				      long long source_id, const char *note, struct errors *e, long long *id);
MUST_CHECK int research_fieldwork_list(struct ctx *c, long long project, struct research_fieldwork **out,
				       size_t *n);
MUST_CHECK int research_fieldwork_remove(struct ctx *c, long long project, long long id);

/* Per team and period (a half year, "2022-2" for July to December):
 * observation hours (observations and shadowing) and interviews. */
struct research_fieldwork_total {
	const char *team, *period;
	long long minutes, observations, interviews;
};
MUST_CHECK int research_fieldwork_totals(struct ctx *c, long long project, struct research_fieldwork_total **out,
					 size_t *n, struct research_fieldwork_total *all);

/* The register as a table (CSV): who and the note with names replaced by
 * pseudonyms (research_pseudonym.h). Written to the audit log as an export. */
MUST_CHECK int research_fieldwork_table(struct ctx *c, long long project, struct data_table *out);

#endif
