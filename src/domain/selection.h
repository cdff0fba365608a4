/* selection.h — choosing facilitators (and mentors) against a competency
 * profile, as LiVe!'s selection days did (seed 000 §7.2: "interne selecteurs
 * beoordelen de kandidaten aan de hand van een competentieprofiel"):
 * criteria with weights 1-10, each candidate scored 1-5 per criterion, the
 * candidates ranked by their weighted mean. How to weigh is leergang's own
 * choice (the seed does not say): the weighted mean over the criteria that
 * have a score, with the number scored shown beside it, so an incomplete
 * scoring is visible rather than counted as zero. */
#ifndef LG_DOMAIN_SELECTION_H
#define LG_DOMAIN_SELECTION_H

#include "ctx.h"
#include "domain/model/selection.h"

struct selection_rank {
	const struct selection_candidate *candidate;
	double score;        /* weighted mean 1..5; 0 when nothing is scored */
	int scored;          /* criteria with a score */
	int rank;            /* 1 = best; equal scores share a rank; 0 when nothing is scored */
};

/* Ranks the candidates into out (nk rows, best first; unscored last, by name). */
void selection_rank(const struct selection_criterion *c, size_t nc, const struct selection_candidate *k, size_t nk,
		    const struct selection_score *s, size_t ns, struct selection_rank *out);

bool selection_role_valid(const char *role);
int selection_criterion_add(struct ctx *c, long long programme_id, const char *role, const char *name,
			    const char *weight, struct errors *e);
int selection_candidate_add(struct ctx *c, long long programme_id, const char *role, const char *employee_id,
			    struct errors *e);
/* score "" removes it; else "1".."5" */
int selection_score(struct ctx *c, long long programme_id, long long candidate_id, long long criterion_id,
		    const char *score, struct errors *e);

#endif
