/* selection.c — the ranking of candidates against a weighted competency
 * profile, and the checked changes to criteria, candidates and scores. */
#include "selection.h"
#include "audit.h"
#include "validate.h"
#include "core/i18n.h"
#include "store/selection.h"
#include "store/store.h"

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
			    const char *weight, struct errors *e)
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
		return r == ST_INVALID ? D_NOTFOUND : D_ERROR;
	audit(c, "selection.criterion", "programme", programme_id, "%s: %s (%ld)", role, name, w);
	return D_OK;
}

int selection_candidate_add(struct ctx *c, long long programme_id, const char *role, const char *employee_id,
			    struct errors *e)
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
		return r == ST_INVALID ? D_NOTFOUND : D_ERROR;
	audit(c, "selection.candidate", "programme", programme_id, "%s: person %lld", role, p.id);
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
	int r = store_score_set(c->st, c->who->organisation_id, programme_id, candidate_id, criterion_id, v);
	if (r)
		return r == ST_INVALID ? D_NOTFOUND : D_ERROR;
	return D_OK;
}
