/* three60.c — 360° feedback: self against others per subject and
 * dimension, with the rater categories and the suppression rules defined
 * in three60.h. */
#include "three60.h"
#include "stats.h"
#include "core/die.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define S(x) ((x) ? (x) : "")

static int by_subject_rater(const void *pa, const void *pb, void *ctx)
{
	const struct s360_rating *r = ctx;
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int c = strcmp(S(r[a].subject), S(r[b].subject));
	if (!c)
		c = strcmp(S(r[a].rater), S(r[b].rater));
	return c ? c : (a > b) - (a < b);
}

static int by_cell(const void *pa, const void *pb, void *ctx)
{
	const struct s360_rating *r = ctx;
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int c = strcmp(r[a].subject, r[b].subject);
	if (!c)
		c = strcmp(r[a].dimension, r[b].dimension);
	if (!c)
		c = strcmp(r[a].role, r[b].role);
	if (!c)
		c = strcmp(S(r[a].rater), S(r[b].rater));
	return c ? c : (a > b) - (a < b);
}

static int same(const struct s360_rating *a, const struct s360_rating *b, int role, int rater)
{
	return !strcmp(a->subject, b->subject) && !strcmp(a->dimension, b->dimension) &&
	       (!role || !strcmp(a->role, b->role)) && (!rater || !strcmp(S(a->rater), S(b->rater)));
}

/* A cell before its categories are put in order, with where it begins. */
struct work {
	struct s360_cell c;
	size_t first, subject_first;
};

static int by_first(const void *pa, const void *pb)
{
	const struct work *a = pa, *b = pb;
	if (a->subject_first != b->subject_first)
		return (a->subject_first > b->subject_first) - (a->subject_first < b->subject_first);
	return (a->first > b->first) - (a->first < b->first);
}

struct role_sum {
	const char *role;
	size_t n, first;
	double mean;
};

static int by_role_first(const void *pa, const void *pb)
{
	const struct role_sum *a = pa, *b = pb;
	return (a->first > b->first) - (a->first < b->first);
}

static const char *check(const struct s360_rating *r, size_t n, size_t *bad)
{
	for (size_t i = 0; i < n; i++) {
		*bad = i;
		if (!*S(r[i].subject))
			return "the subject is empty";
		if (!*S(r[i].role))
			return "the rater_role is empty";
		if (!*S(r[i].dimension))
			return "the dimension is empty";
		if (strcmp(r[i].role, "self") && !*S(r[i].rater))
			return "the rater_id is empty: every rater other than self needs one, to be counted once";
	}
	/* one role per rater and subject */
	size_t *ix = xcalloc(n + 1, sizeof *ix), m = 0, worst = n;
	for (size_t i = 0; i < n; i++)
		if (*S(r[i].rater))
			ix[m++] = i;
	qsort_r(ix, m, sizeof *ix, by_subject_rater, (void *)r);
	for (size_t i = 0, run = 0; i < m; i++) {
		if (strcmp(r[ix[i]].subject, r[ix[run]].subject) || strcmp(r[ix[i]].rater, r[ix[run]].rater))
			run = i;
		else if (strcmp(r[ix[i]].role, r[ix[run]].role) && ix[i] < worst)
			worst = ix[i];
	}
	free(ix);
	*bad = worst;
	return worst < n ? "this rater_id has another rater_role for the same subject in an earlier row" : NULL;
}

int stats_360(struct arena *a, const struct s360_rating *r, size_t n,
	      struct s360_cell **cells, size_t *ncells, size_t *bad, const char **why)
{
	*cells = NULL;
	*ncells = 0;
	if ((*why = check(r, n, bad)))
		return -1;

	size_t *ix = xcalloc(n + 1, sizeof *ix), m = 0;
	for (size_t i = 0; i < n; i++)
		if (!isnan(r[i].score))
			ix[m++] = i;
	qsort_r(ix, m, sizeof *ix, by_cell, (void *)r);

	struct work *w = xcalloc(m + 1, sizeof *w);
	size_t nw = 0;
	double *vals = xcalloc(m + 1, sizeof *vals);     /* the ratings of one rater, or of self */
	double *others = xcalloc(m + 1, sizeof *others); /* rater scores of the cell */
	double *rolev = xcalloc(m + 1, sizeof *rolev);   /* rater scores of one role */
	double *merged = xcalloc(m + 1, sizeof *merged); /* rater scores of the small roles */
	struct role_sum *roles = xcalloc(m + 1, sizeof *roles);

	for (size_t i = 0; i < m;) {
		const struct s360_rating *c0 = &r[ix[i]];
		struct work *cw = &w[nw++];
		size_t nothers = 0, nroles = 0, nmerged = 0, nmanager = 0;
		double manager_mean = NAN;
		cw->c.subject = c0->subject;
		cw->c.dimension = c0->dimension;
		cw->c.self = NAN;
		cw->first = ix[i];
		while (i < m && same(&r[ix[i]], c0, 0, 0)) {       /* each role */
			const struct s360_rating *role0 = &r[ix[i]];
			int self = !strcmp(role0->role, "self");
			size_t nrole = 0, role_first = ix[i], nv = 0;
			while (i < m && same(&r[ix[i]], role0, 1, 0)) {  /* each rater */
				const struct s360_rating *rater0 = &r[ix[i]];
				if (!self)
					nv = 0;
				while (i < m && same(&r[ix[i]], rater0, 1, !self)) {
					if (ix[i] < cw->first)
						cw->first = ix[i];
					if (ix[i] < role_first)
						role_first = ix[i];
					vals[nv++] = r[ix[i]].score;
					i++;
				}
				if (!self) {
					rolev[nrole++] = stats_mean(vals, nv);
					others[nothers++] = rolev[nrole - 1];
				}
			}
			if (self) {
				cw->c.self_n = nv;
				cw->c.self = stats_mean(vals, nv);
			} else if (!strcmp(role0->role, "manager")) {
				nmanager = nrole;
				manager_mean = stats_mean(rolev, nrole);
			} else if (nrole >= S360_MIN_RATERS && strcmp(role0->role, "others")) {
				/* "others": kept so in storage already (domain/disclosure.h) */
				roles[nroles++] = (struct role_sum){ role0->role, nrole, role_first, stats_mean(rolev, nrole) };
			} else {
				memcpy(merged + nmerged, rolev, nrole * sizeof *rolev);
				nmerged += nrole;
			}
		}

		/* the categories: manager, named roles in order of appearance, merged others */
		qsort(roles, nroles, sizeof *roles, by_role_first);
		cw->c.cats = arena_alloc(a, (nroles + 2) * sizeof *cw->c.cats);
		if (nmanager)
			cw->c.cats[cw->c.ncats++] = (struct s360_category){ "manager", nmanager, manager_mean, 0 };
		for (size_t k = 0; k < nroles; k++)
			cw->c.cats[cw->c.ncats++] = (struct s360_category){ roles[k].role, roles[k].n, roles[k].mean, 0 };
		if (nmerged) {
			int hide = nmerged < S360_MIN_RATERS;
			cw->c.cats[cw->c.ncats++] = (struct s360_category){ "others", nmerged,
				hide ? NAN : stats_mean(merged, nmerged), hide };
		}

		cw->c.others_n = nothers;
		cw->c.others_mean = cw->c.gap = NAN;
		if (nothers < S360_MIN_RATERS) {
			cw->c.suppressed = 1;
			cw->c.note = "fewer than 3 raters besides the subject: not shown";
		} else if (nmerged > 0 && nmerged < S360_MIN_RATERS) {
			cw->c.suppressed = 1;
			cw->c.note = "the categories shown would give away the mean of fewer than 3 raters by subtraction: not shown";
		} else {
			cw->c.others_mean = stats_mean(others, nothers);
			if (isnan(cw->c.self))
				cw->c.note = "no self rating: no gap";
			else
				cw->c.gap = cw->c.self - cw->c.others_mean;
		}
	}

	/* cells in the order of the input: a subject's first row, then the cell's */
	for (size_t i = 0; i < nw;) {
		size_t j = i, first = w[i].first;
		while (j < nw && !strcmp(w[j].c.subject, w[i].c.subject)) {
			if (w[j].first < first)
				first = w[j].first;
			j++;
		}
		for (size_t k = i; k < j; k++)
			w[k].subject_first = first;
		i = j;
	}
	qsort(w, nw, sizeof *w, by_first);
	*cells = arena_alloc(a, (nw + 1) * sizeof **cells);
	for (size_t i = 0; i < nw; i++)
		(*cells)[i] = w[i].c;
	*ncells = nw;

	free(roles);
	free(merged);
	free(rolev);
	free(others);
	free(vals);
	free(w);
	free(ix);
	return 0;
}
