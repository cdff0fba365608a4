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

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/selection.h"
#include "domain/model/design.h"

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

/* The selection of a programme for one role, read at once: the profile,
 * the candidates, their scores and the ranking. */
struct selection_view {
	struct programme p;
	const char *role;                     /* facilitator or mentor */
	bool may_change;                      /* the coach; the owner reads along */
	struct selection_criterion *criteria;
	size_t ncriteria;
	struct selection_candidate *candidates;
	size_t ncandidates;
	struct selection_score *scores;
	size_t nscores;
	struct selection_rank *rank;          /* ncandidates rows, best first */
};
/* D_NOTFOUND for a programme not in the organisation or an unknown role. */
MUST_CHECK int selection_open(struct ctx *c, long long programme_id, const char *role, struct selection_view *v);
/* The score of a candidate on a criterion in the view, 0 when none. */
int selection_score_in(const struct selection_view *v, long long candidate_id, long long criterion_id);
/* Every score of the role's candidates on its criteria at once, all or
 * nothing in one transaction: score_of(arg, candidate_id, criterion_id)
 * gives each as selection_score takes it ("" or NULL removes it). */
MUST_CHECK int selection_scores_save(struct ctx *c, long long programme_id, const char *role,
			  const char *(*score_of)(void *arg, long long candidate_id, long long criterion_id), void *arg,
			  struct errors *e);
/* id (may be NULL): the new criterion's or candidate's number. */
MUST_CHECK int selection_criterion_add(struct ctx *c, long long programme_id, const char *role, const char *name,
			    const char *weight, struct errors *e, long long *id);
MUST_CHECK int selection_candidate_add(struct ctx *c, long long programme_id, const char *role, const char *employee_id,
			    struct errors *e, long long *id);
/* score "" removes it; else "1".."5" */
MUST_CHECK int selection_score(struct ctx *c, long long programme_id, long long candidate_id, long long criterion_id,
		    const char *score, struct errors *e);

#endif
