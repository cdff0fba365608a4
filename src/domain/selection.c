/* selection.c — the ranking of candidates against a weighted competency
 * profile, and the checked changes to criteria, candidates and scores. */
#include "selection.h"
#include "audit.h"
#include "role.h"
#include "store_rc.h"
#include "validate.h"
#include "core/i18n.h"
#include "store/selection.h"
#include "store/store.h"
#include "store/design.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int by_score(const void *pa, const void *pb)
{
	const struct selection_rank *a = pa, *b = pb;
	if ((a->scored > 0) != (b->scored > 0))
		return a->scored > 0 ? -1 : 1;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	int n = strcmp(a->candidate->name, b->candidate->name);
	return n ? n : (a->candidate->id > b->candidate->id) - (a->candidate->id < b->candidate->id);
}

void selection_rank(const struct selection_criterion *c, size_t nc, const struct selection_candidate *k, size_t nk,
		    const struct selection_score *s, size_t ns, struct selection_rank *out)
{
	for (size_t i = 0; i < nk; i++) {
		long long sum = 0, weights = 0;
		int scored = 0;
		for (size_t j = 0; j < nc; j++)
			for (size_t x = 0; x < ns; x++)
				if (s[x].candidate_id == k[i].id && s[x].criterion_id == c[j].id) {
					sum += (long long)c[j].weight * s[x].score;
					weights += c[j].weight;
					scored++;
				}
		out[i] = (struct selection_rank){ &k[i], weights ? (double)sum / (double)weights : 0, scored, 0 };
	}
	qsort(out, nk, sizeof(*out), by_score);
	for (size_t i = 0; i < nk && out[i].scored; i++)
		/* equal to two decimals (as shown) shares the rank above */
		out[i].rank = i && round(out[i].score * 100) == round(out[i - 1].score * 100) ? out[i - 1].rank : (int)i + 1;
}

bool selection_role_valid(const char *role)
{
	return role && (!strcmp(role, "facilitator") || !strcmp(role, "mentor"));
}

int selection_criterion_add(struct ctx *c, long long programme_id, const char *role, const char *name,
			    const char *weight, struct errors *e, long long *out)
{
	char *end;
	long w = strtol(weight ? weight : "", &end, 10);
	check_line(c, e, "criterion", _("Criterion"), name, 1, 120);
	if (!weight || !*weight || *end || w < 1 || w > 10)
		errors_add(c, e, "weight", "%s", _("Give the weight as a whole number from 1 to 10."));
	if (!selection_role_valid(role))
		return D_NOTFOUND;
	if (e->n)
		return D_INVALID;
	long long id;
	int r = store_criterion_add(c->st, c->who->organisation_id, programme_id, role, name, (int)w, &id);
	if (r)
		return d_from_store(r);
	audit(c, "selection.criterion", "programme", programme_id, "%s: %s (%ld)", role, name, w);
	if (out)
		*out = id;
	return D_OK;
}

int selection_candidate_add(struct ctx *c, long long programme_id, const char *role, const char *employee_id,
			    struct errors *e, long long *out)
{
	if (!selection_role_valid(role))
		return D_NOTFOUND;
	struct person p;
	int r = store_person_by_employee_id(c->st, c->a, c->who->organisation_id, employee_id ? employee_id : "", &p);
	if (r == ST_NOTFOUND) {
		errors_add(c, e, "employee_id", "%s",
			   _("There is nobody with this employee number in your organisation. Register an external candidate as a person first (by import)."));
		return D_INVALID;
	}
	if (r)
		return D_ERROR;
	long long id;
	r = store_candidate_add(c->st, c->who->organisation_id, programme_id, role, p.id, "", &id);
	if (r == ST_CONFLICT) {
		errors_add(c, e, "employee_id", _("%s is a candidate already."), p.name);
		return D_INVALID;
	}
	if (r)
		return d_from_store(r);
	audit(c, "selection.candidate", "programme", programme_id, "%s: person %lld", role, p.id);
	if (out)
		*out = id;
	return D_OK;
}

int selection_score(struct ctx *c, long long programme_id, long long candidate_id, long long criterion_id,
		    const char *score, struct errors *e)
{
	int v = 0;
	if (score && *score) {
		if (strlen(score) != 1 || score[0] < '1' || score[0] > '5') {
			errors_add(c, e, "score", "%s", _("Give scores from 1 to 5, or leave them empty."));
			return D_INVALID;
		}
		v = score[0] - '0';
	}
	return d_from_store(store_score_set(c->st, c->who->organisation_id, programme_id, candidate_id, criterion_id, v));
}

int selection_open(struct ctx *c, long long programme_id, const char *role, struct selection_view *v)
{
	assert(v);
	memset(v, 0, sizeof(*v));
	if (!selection_role_valid(role))
		return D_NOTFOUND;
	long long org = c->who->organisation_id;
	int r = store_programme_get(c->st, c->a, org, programme_id, &v->p);
	if (r)
		return d_from_store(r);
	v->role = role;
	v->may_change = actor_has(c->who, ROLE_BIT(ROLE_COACH));
	if (store_criterion_list(c->st, c->a, org, programme_id, role, &v->criteria, &v->ncriteria) ||
	    store_candidate_list(c->st, c->a, org, programme_id, role, &v->candidates, &v->ncandidates) ||
	    store_score_list(c->st, c->a, org, programme_id, role, &v->scores, &v->nscores))
		return D_ERROR;
	v->rank = arena_alloc(c->a, (v->ncandidates + 1) * sizeof(*v->rank));
	selection_rank(v->criteria, v->ncriteria, v->candidates, v->ncandidates, v->scores, v->nscores, v->rank);
	return D_OK;
}

int selection_score_in(const struct selection_view *v, long long candidate_id, long long criterion_id)
{
	int score = 0;
	for (size_t x = 0; x < v->nscores; x++)
		if (v->scores[x].candidate_id == candidate_id && v->scores[x].criterion_id == criterion_id)
			score = v->scores[x].score;
	return score;
}

int selection_scores_save(struct ctx *c, long long programme_id, const char *role,
			  const char *(*score_of)(void *arg, long long candidate_id, long long criterion_id), void *arg,
			  struct errors *e)
{
	assert(score_of && e);
	struct selection_view v;
	int d = selection_open(c, programme_id, role, &v);
	if (d)
		return d;
	if (store_begin(c->st))
		return D_ERROR;
	for (size_t i = 0; i < v.ncandidates && d == D_OK; i++)
		for (size_t j = 0; j < v.ncriteria && d == D_OK; j++)
			d = selection_score(c, programme_id, v.candidates[i].id, v.criteria[j].id,
					    score_of(arg, v.candidates[i].id, v.criteria[j].id), e);
	if (d != D_OK) {
		store_rollback(c->st);
		return d;
	}
	if (store_commit(c->st)) {
		store_rollback(c->st);
		return D_ERROR;
	}
	return D_OK;
}
