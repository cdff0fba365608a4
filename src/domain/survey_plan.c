/* survey_plan.c — which breakdowns of a wave are offered and which of
 * their parts shown (survey_compare.h, wave_plan): the wave's responses
 * labelled by group, batch and unit, and by whether the same person also
 * answered each other closed wave of the questionnaire, decided together
 * by disclosure_decide(). Every page, the API and the exports ask here,
 * so what one shows and another does not cannot be set side by side. */
#include "survey_compare.h"
#include "schedule.h"
#include "core/i18n.h"
#include "store/response.h"
#include "store/group.h"
#include "store/instrument.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The batch of a group, remembered per group. */
struct batch_of {
	long long group, batch;
};

static long long batch_label(struct ctx *c, struct batch_of *memo, size_t *nmemo, long long group)
{
	if (!group)
		return 0;
	for (size_t i = 0; i < *nmemo; i++)
		if (memo[i].group == group)
			return memo[i].batch;
	struct learning_group g;
	long long batch = store_group_get(c->st, c->a, c->who->organisation_id, group, &g) ? 0 : g.batch_id;
	memo[(*nmemo)++] = (struct batch_of){ group, batch };
	return batch;
}

static int by_id(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

/* The day a closed wave closed: by hand, or its closing day. */
static void closed_day(const struct wave *w, char out[11])
{
	if (w->closed_at)
		date_today(w->closed_at, out);
	if (!w->closed_at || strcmp(out, w->closes_on) > 0)
		snprintf(out, 11, "%s", w->closes_on);
}

static int by_closing(const void *a, const void *b)
{
	const struct wave *x = *(const struct wave *const *)a, *y = *(const struct wave *const *)b;
	char dx[11], dy[11];
	closed_day(x, dx);
	closed_day(y, dy);
	int d = strcmp(dx, dy);
	return d ? d : (x->id > y->id) - (x->id < y->id);
}

/* The other waves whose pairs with w may be shown: the same questionnaire,
 * not a 360° round, both knowing who answered, closed with results. In the
 * order they closed, so that one closing later never changes what an
 * earlier one decided. */
static int pair_candidates(struct ctx *c, const struct wave *w, const struct wave ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (w->anonymous || w->subject_id)
		return D_OK;
	struct wave *all;
	size_t nall;
	if (store_wave_list(c->st, c->a, c->who->organisation_id, &all, &nall))
		return D_ERROR;
	const struct wave **x = arena_alloc(c->a, (nall + 1) * sizeof(*x));
	for (size_t i = 0; i < nall; i++) {
		const struct wave *o = &all[i];
		if (!wave_comparable(w, o) || o->anonymous || wave_hidden_reason(c, o, o->responded))
			continue;
		x[(*n)++] = o;
	}
	qsort(x, *n, sizeof(*x), by_closing);
	*out = x;
	return D_OK;
}

int wave_plan(struct ctx *c, const struct wave *w, const struct instrument_version *v, struct wave_plan *out)
{
	memset(out, 0, sizeof(*out));
	out->ndims = survey_dimensions(c->a, v, &out->dims);
	if (wave_scores(c, w, v, out->dims, out->ndims, &out->s))
		return D_ERROR;
	size_t n = out->s.n;
	if ((out->why_hidden = wave_hidden_reason(c, w, (long long)n)))
		return D_OK;
	out->shown = true;
	const struct wave **with;
	size_t nwith;
	if (pair_candidates(c, w, &with, &nwith))
		return D_ERROR;
	out->nb = 3 + nwith;
	out->b = arena_alloc(c->a, out->nb * sizeof(*out->b));
	bool units_first = !strcmp(w->population, "units");
	static const enum plan_kind usual[3] = { PLAN_GROUP, PLAN_BATCH, PLAN_UNIT };
	static const enum plan_kind units[3] = { PLAN_UNIT, PLAN_GROUP, PLAN_BATCH };
	long long *labels = arena_alloc(c->a, (out->nb * n + 1) * sizeof(*labels));
	struct batch_of *memo = arena_alloc(c->a, (n + 1) * sizeof(*memo));
	size_t nmemo = 0;
	for (size_t b = 0; b < out->nb; b++) {
		long long *l = labels + b * n;
		if (b >= 3) {
			out->b[b].kind = PLAN_PAIRED;
			out->b[b].with = with[b - 3];
			long long *people;
			size_t np;
			if (store_respondents(c->st, c->a, c->who->organisation_id, with[b - 3]->id, &people, &np))
				return D_ERROR;
			for (size_t r = 0; r < n; r++)
				l[r] = out->s.person_id[r] &&
				       bsearch(&out->s.person_id[r], people, np, sizeof(*people), by_id) != NULL;
			continue;
		}
		enum plan_kind k = units_first ? units[b] : usual[b];
		out->b[b].kind = k;
		for (size_t r = 0; r < n; r++)
			l[r] = k == PLAN_UNIT ? out->s.unit_id[r]
			     : k == PLAN_GROUP ? out->s.group_id[r]
					       : batch_label(c, memo, &nmemo, out->s.group_id[r]);
	}
	struct disclosure *d = arena_alloc(c->a, out->nb * sizeof(*d));
	disclosure_decide(c->a, labels, out->nb, n, d);
	for (size_t b = 0; b < out->nb; b++)
		out->b[b].d = d[b];
	return D_OK;
}

const struct plan_breakdown *plan_find(const struct wave_plan *p, enum plan_kind kind, long long with_id)
{
	for (size_t b = 0; b < p->nb; b++)
		if (p->b[b].kind == kind && (kind != PLAN_PAIRED || p->b[b].with->id == with_id))
			return &p->b[b];
	return NULL;
}

/* "the breakdown per group", "the people who also answered <wave>" */
static const char *breakdown_words(struct ctx *c, const struct plan_breakdown *b)
{
	switch (b->kind) {
	case PLAN_GROUP:
		return _("the breakdown per group");
	case PLAN_BATCH:
		return _("the breakdown per batch");
	case PLAN_UNIT:
		return _("the breakdown per unit");
	case PLAN_PAIRED:
		return arena_printf(c->a, _("the comparison with the wave %s"), b->with->name);
	}
	return "";
}

const char *plan_part_reason(struct ctx *c, const struct wave_plan *p, const struct plan_breakdown *b, size_t part)
{
	const struct disclosure_part *x = &b->d.parts[part];
	switch (x->state) {
	case PART_SHOWN:
		return NULL;
	case PART_SMALL:
		return arena_printf(c->a, _("fewer than %d responses"), SURVEY_MIN_RESPONSES);
	case PART_GIVES_AWAY:
		return _("hidden with the small ones, so that they cannot be worked out from the total");
	case PART_CROSSES:
		return arena_printf(c->a, _("hidden: set beside %s, a difference would show the answers of fewer than %d people"),
				    breakdown_words(c, &p->b[x->crosses]), SURVEY_MIN_RESPONSES);
	}
	return NULL;
}

const char *plan_breakdown_reason(struct ctx *c, const struct wave_plan *p, const struct plan_breakdown *b)
{
	if (b->d.shown)
		return NULL;
	for (size_t k = 0; k < b->d.nparts; k++)
		if (b->d.parts[k].state == PART_CROSSES)
			return arena_printf(c->a, _("Not shown for this wave: set beside %s, which is shown, subtracting one figure from another would give away the answers of fewer than %d people."),
					    breakdown_words(c, &p->b[b->d.parts[k].crosses]), SURVEY_MIN_RESPONSES);
	return arena_printf(c->a, _("Not shown for this wave: every part has fewer than %d responses, or would give the small ones away."),
			    SURVEY_MIN_RESPONSES);
}
