/* test_disclosure.c — the one rule for what a wave shows and what an
 * anonymous response stores (domain/disclosure.h).
 *
 * The breakdown rule is checked on the cases of the privacy review (two
 * breakdowns side by side giving one person away, batch x unit, two waves
 * compared), on small cells that no sum isolates (refused all the same,
 * for the export's rows), on the cross table of random breakdowns, and
 * against linear algebra done here independently of the rule:
 * for random small waves, no vector in the span of the figures offered
 * (the total and every shown part, as sums over responses, in doubles) is
 * non-zero on fewer than DISCLOSURE_MIN responses alone, which is what an
 * insider adding and subtracting figures could get; the check itself is
 * shown to find the review's leak. The storage rule is checked on a unit
 * tree by hand and on random organisations. */
#include "test.h"
#include "core/arena.h"
#include "domain/disclosure.h"
#include "core/compiler.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static size_t shown_parts(const struct disclosure *d)
{
	size_t k = 0;
	for (size_t p = 0; p < d->nparts; p++)
		k += d->parts[p].state == PART_SHOWN;
	return k;
}

/* The state of the part with this label. */
static int state_of(const struct disclosure *d, long long label)
{
	for (size_t p = 0; p < d->nparts; p++)
		if (d->parts[p].label == label)
			return (int)d->parts[p].state;
	return -1;
}

/* One breakdown alone: the parts with their sizes as labels 1.. */
static void one(struct arena *a, const long long *sizes, size_t k, struct disclosure *d)
{
	size_t n = 0;
	for (size_t i = 0; i < k; i++)
		n += (size_t)sizes[i];
	long long *labels = arena_alloc(a, n * sizeof(*labels));
	size_t r = 0;
	for (size_t i = 0; i < k; i++)
		for (long long j = 0; j < sizes[i]; j++)
			labels[r++] = (long long)i + 1;
	disclosure_decide(a, labels, 1, n, d);
}

TEST(disclosure_hides_small_parts_and_what_would_give_them_away)
{
	struct arena a = ARENA_INIT;
	struct disclosure d;
	/* nothing small: all shown */
	one(&a, (const long long[]){ 5, 9, 12 }, 3, &d);
	CHECK_INT(shown_parts(&d), 3);
	/* one of 3: hidden, and the smallest other (6) with it, or the total
	 * minus the shown ones would give the 3 away */
	one(&a, (const long long[]){ 7, 3, 6, 9 }, 4, &d);
	CHECK_INT(state_of(&d, 1), PART_SHOWN);
	CHECK_INT(state_of(&d, 2), PART_SMALL);
	CHECK_INT(state_of(&d, 3), PART_GIVES_AWAY);
	CHECK_INT(state_of(&d, 4), PART_SHOWN);
	/* two small ones that together hold 5: enough as they are */
	one(&a, (const long long[]){ 2, 3, 8 }, 3, &d);
	CHECK_INT(state_of(&d, 1), PART_SMALL);
	CHECK_INT(state_of(&d, 2), PART_SMALL);
	CHECK_INT(state_of(&d, 3), PART_SHOWN);
	/* one small part and one other: both hidden */
	one(&a, (const long long[]){ 4, 20 }, 2, &d);
	CHECK_INT(shown_parts(&d), 0);
	arena_free(&a);
}

/* The review's case: group A has 6 (5 in unit X, 1 in unit Y), group B 5
 * (all in Y). Per group and per unit every part has 5 or more, yet
 * 6 mean(A) - 5 mean(X) is the one person's answers. */
TEST(disclosure_refuses_two_breakdowns_that_difference_to_one_person)
{
	struct arena a = ARENA_INIT;
	enum { A = 1, B = 2, X = 10, Y = 11 };
	long long labels[2][11] = {
		{ A, A, A, A, A, A, B, B, B, B, B },
		{ X, X, X, X, X, Y, Y, Y, Y, Y, Y },
	};
	struct disclosure d[2];
	disclosure_decide(&a, &labels[0][0], 2, 11, d);
	CHECK_INT(shown_parts(&d[0]), 2);   /* per group, decided first: shown */
	CHECK_INT(shown_parts(&d[1]), 0);   /* per unit: not offered */
	CHECK_INT(state_of(&d[1], X), PART_CROSSES);
	CHECK_INT(state_of(&d[1], Y), PART_CROSSES);
	CHECK_INT(d[1].parts[0].crosses, 0);  /* because of the breakdown per group */
	/* each alone is fine: the rule is about the two together */
	disclosure_decide(&a, &labels[1][0], 1, 11, d);
	CHECK_INT(shown_parts(&d[0]), 2);
	arena_free(&a);
}

/* The same with batches: batch 1 = groups A (6) and B (6), batch 2 = C
 * (5); unit X holds A's 6 and 5 of B's... and one person of B is the only
 * one elsewhere. Groups are hidden (not asked for here): batch x unit. */
TEST(disclosure_refuses_batch_beside_unit)
{
	struct arena a = ARENA_INIT;
	enum { B1 = 1, B2 = 2, X = 10, Y = 11 };
	/* batch 1: 6 people, 5 in X and 1 in Y; batch 2: 5 people in Y */
	long long labels[2][11] = {
		{ B1, B1, B1, B1, B1, B1, B2, B2, B2, B2, B2 },
		{ X, X, X, X, X, Y, Y, Y, Y, Y, Y },
	};
	struct disclosure d[2];
	disclosure_decide(&a, &labels[0][0], 2, 11, d);
	CHECK_INT(shown_parts(&d[0]), 2);
	CHECK_INT(shown_parts(&d[1]), 0);
	arena_free(&a);
}

/* Two waves compared: 10 answered the first, 9 of them the second. The
 * pairs (9) and the one who answered only the first would give that one
 * away: mean of the first wave over all 10 against the paired change. */
TEST(disclosure_refuses_pairs_that_leave_one_person_out)
{
	struct arena a = ARENA_INIT;
	long long paired[10] = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 0 };
	struct disclosure d;
	disclosure_decide(&a, paired, 1, 10, &d);
	CHECK_INT(shown_parts(&d), 0);
	CHECK_INT(state_of(&d, 0), PART_SMALL);
	CHECK_INT(state_of(&d, 1), PART_GIVES_AWAY);
	/* 4 pairs of 9: not paired either (too few pairs) */
	long long few[9] = { 1, 1, 1, 1, 0, 0, 0, 0, 0 };
	disclosure_decide(&a, few, 1, 9, &d);
	CHECK_INT(state_of(&d, 1), PART_SMALL);
	/* 5 pairs and 5 who answered one wave only: both shown */
	long long fine[10] = { 1, 1, 1, 1, 1, 0, 0, 0, 0, 0 };
	disclosure_decide(&a, fine, 1, 10, &d);
	CHECK_INT(shown_parts(&d), 2);
	/* everyone answered both: one part, the total */
	long long all[7] = { 1, 1, 1, 1, 1, 1, 1 };
	disclosure_decide(&a, all, 1, 7, &d);
	CHECK_INT(shown_parts(&d), 1);
	arena_free(&a);
}

/* Nested breakdowns: a batch that is exactly the hidden rest of the groups
 * may be shown (it tells nothing new); one that would split the rest may
 * not. */
TEST(disclosure_nested_breakdowns)
{
	struct arena a = ARENA_INIT;
	/* groups G1 (3), G2 (6), G3 (6); batches {G1, G2} and {G3} */
	long long g[15], b[15];
	for (int r = 0; r < 15; r++) {
		g[r] = r < 3 ? 1 : r < 9 ? 2 : 3;
		b[r] = r < 9 ? 100 : 200;
	}
	long long labels[30];
	memcpy(labels, g, sizeof(g));
	memcpy(labels + 15, b, sizeof(b));
	struct disclosure d[2];
	disclosure_decide(&a, labels, 2, 15, d);
	CHECK_INT(state_of(&d[0], 1), PART_SMALL);
	CHECK_INT(state_of(&d[0], 2), PART_GIVES_AWAY);
	CHECK_INT(state_of(&d[0], 3), PART_SHOWN);
	CHECK_INT(shown_parts(&d[1]), 2);  /* batch 100 = the rest, batch 200 = G3 */
	/* batches {G1, G3} and {G2}: batch {G2} shown beside G3 and the total
	 * would give G1 (3) away */
	for (int r = 0; r < 15; r++)
		labels[15 + r] = g[r] == 2 ? 200 : 100;
	disclosure_decide(&a, labels, 2, 15, d);
	CHECK_INT(shown_parts(&d[0]), 1);
	CHECK_INT(shown_parts(&d[1]), 0);
	arena_free(&a);
}

/* ---- random waves ---- */

static unsigned long long rng = 88172645463325252ULL;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* Every non-empty cell of the cross table of the decided breakdowns (a
 * hidden part counted with the other hidden ones) holds DISCLOSURE_MIN. */
static bool cells_large(const struct disclosure *d, size_t nb, size_t n)
{
	for (size_t r = 0; r < n; r++) {
		size_t same = 0;
		for (size_t q = 0; q < n; q++) {
			bool eq = true;
			for (size_t b = 0; b < nb && eq; b++) {
				bool sr = d[b].parts[d[b].part_of[r]].state == PART_SHOWN;
				bool sq = d[b].parts[d[b].part_of[q]].state == PART_SHOWN;
				eq = sr == sq && (!sr || d[b].part_of[r] == d[b].part_of[q]);
			}
			same += eq;
		}
		if (same < DISCLOSURE_MIN)
			return false;
	}
	return true;
}

TEST(disclosure_random_breakdowns_keep_every_cell_large)
{
	struct arena a = ARENA_INIT;
	for (int round = 0; round < 300; round++) {
		size_t n = 5 + rnd(60), nb = 1 + rnd(4);
		long long *labels = arena_alloc(&a, nb * n * sizeof(*labels));
		for (size_t b = 0; b < nb; b++) {
			unsigned k = 1 + rnd(8);
			for (size_t r = 0; r < n; r++)
				labels[b * n + r] = rnd(k);
		}
		struct disclosure *d = arena_alloc(&a, nb * sizeof(*d));
		disclosure_decide(&a, labels, nb, n, d);
		bool ok = true;
		for (size_t b = 0; b < nb; b++) {
			long long hidden = 0;
			for (size_t p = 0; p < d[b].nparts; p++) {
				ok = ok && (d[b].parts[p].n < DISCLOSURE_MIN) == (d[b].parts[p].state == PART_SMALL);
				if (d[b].parts[p].state != PART_SHOWN)
					hidden += d[b].parts[p].n;
			}
			ok = ok && (hidden == 0 || hidden >= DISCLOSURE_MIN);
		}
		CHECK(ok);
		CHECK(cells_large(d, nb, n));
	}
	arena_free(&a);
}

/* Three teams, the people who answered both waves and, per team, 2 or 3
 * who answered only the first. No sum or difference of the team figures
 * and the pairs isolates those few (only the 8 together), but the export's
 * rows, matched to the figures, would: the pairs are not offered beside the
 * teams. With 5 or more who answered only the first in one team and none
 * in the others, they are. */
TEST(disclosure_refuses_small_cells_even_where_no_sum_isolates_them)
{
	struct arena a = ARENA_INIT;
	enum { N = 39 };
	long long labels[2 * N];
	size_t r = 0;
	static const int team[3][2] = { { 11, 2 }, { 9, 3 }, { 11, 3 } };  /* answered both, only the first */
	for (int t = 0; t < 3; t++)
		for (int k = 0; k < team[t][0] + team[t][1]; k++, r++) {
			labels[r] = t;
			labels[N + r] = k < team[t][0];
		}
	CHECK_INT(r, N);
	struct disclosure d[2];
	disclosure_decide(&a, labels, 2, N, d);
	CHECK_INT(shown_parts(&d[0]), 3);
	CHECK_INT(shown_parts(&d[1]), 0);
	CHECK_INT(state_of(&d[1], 1), PART_CROSSES);
	/* the demo's District Noord: teams of 16, 16 and 16, six of the third
	 * answered only the first wave */
	enum { M = 48 };
	long long demo[2 * M];
	for (size_t i = 0; i < M; i++) {
		demo[i] = (long long)(i / 16);
		demo[M + i] = !(i >= 32 && i < 38);
	}
	disclosure_decide(&a, demo, 2, M, d);
	CHECK_INT(shown_parts(&d[0]), 3);
	CHECK_INT(shown_parts(&d[1]), 2);
	arena_free(&a);
}

/* The rank of the rows of m (r x c), by Gaussian elimination. */
static size_t rank_of(double *m, size_t r, size_t c)
{
	size_t rank = 0;
	for (size_t col = 0; col < c && rank < r; col++) {
		size_t piv = rank;
		for (size_t i = rank; i < r; i++)
			if (fabs(m[i * c + col]) > fabs(m[piv * c + col]))
				piv = i;
		if (fabs(m[piv * c + col]) < 1e-9)
			continue;
		for (size_t j = 0; j < c; j++) {
			double t = m[rank * c + j];
			m[rank * c + j] = m[piv * c + j];
			m[piv * c + j] = t;
		}
		for (size_t i = 0; i < r; i++) {
			if (i == rank)
				continue;
			double f = m[i * c + col] / m[rank * c + col];
			for (size_t j = 0; j < c; j++)
				m[i * c + j] -= f * m[rank * c + j];
		}
		rank++;
	}
	return rank;
}

/* Whether some combination of the offered sets is non-zero on responses
 * of T alone (|T| < DISCLOSURE_MIN): then span + e_T loses rank. */
static bool isolates(const double *sets, size_t nsets, size_t n, const size_t *t, size_t nt, double *work)
{
	memcpy(work, sets, nsets * n * sizeof(double));
	size_t base = rank_of(work, nsets, n);
	memcpy(work, sets, nsets * n * sizeof(double));
	for (size_t i = 0; i < nt; i++) {
		memset(work + (nsets + i) * n, 0, n * sizeof(double));
		work[(nsets + i) * n + t[i]] = 1;
	}
	return rank_of(work, nsets + nt, n) < base + nt;
}

TEST(disclosure_no_difference_of_offered_figures_isolates_a_few)
{
	struct arena a = ARENA_INIT;
	for (int round = 0; round < 200; round++) {
		size_t n = 5 + rnd(10), nb = 1 + rnd(4);
		long long *labels = arena_alloc(&a, nb * n * sizeof(*labels));
		for (size_t b = 0; b < nb; b++) {
			unsigned k = 1 + rnd(4);
			for (size_t r = 0; r < n; r++)
				labels[b * n + r] = rnd(k);
		}
		struct disclosure *d = arena_alloc(&a, nb * sizeof(*d));
		disclosure_decide(&a, labels, nb, n, d);
		/* the offered sets: the total and every shown part */
		double *sets = arena_alloc(&a, (1 + nb * n) * n * sizeof(double));
		size_t nsets = 0;
		for (size_t r = 0; r < n; r++)
			sets[r] = 1;
		nsets++;
		for (size_t b = 0; b < nb; b++)
			for (size_t p = 0; p < d[b].nparts; p++) {
				if (d[b].parts[p].state != PART_SHOWN)
					continue;
				for (size_t r = 0; r < n; r++)
					sets[nsets * n + r] = d[b].part_of[r] == p;
				nsets++;
			}
		double *work = arena_alloc(&a, (nsets + DISCLOSURE_MIN) * n * sizeof(double));
		/* every set T of 1..DISCLOSURE_MIN-1 responses */
		bool leak = false;
		size_t t[DISCLOSURE_MIN];
		for (size_t k = 1; k < DISCLOSURE_MIN && !leak; k++) {
			for (size_t i = 0; i < k; i++)
				t[i] = i;
			for (;;) {
				if (isolates(sets, nsets, n, t, k, work)) {
					leak = true;
					break;
				}
				size_t i = k;
				while (i-- > 0 && t[i] == n - k + i)
					;
				if (i == (size_t)-1)
					break;
				t[i]++;
				for (size_t j = i + 1; j < k; j++)
					t[j] = t[j - 1] + 1;
			}
		}
		CHECK(!leak);
	}
	arena_free(&a);
}

/* The checker itself finds the review's leak when nothing is decided. */
TEST(disclosure_the_linear_algebra_check_sees_the_review_s_leak)
{
	enum { N = 11 };
	double sets[3 * N] = { 0 };
	for (size_t r = 0; r < N; r++) {
		sets[r] = 1;                 /* the total */
		sets[N + r] = r < 6;         /* group A */
		sets[2 * N + r] = r < 5;     /* unit X */
	}
	double work[(3 + DISCLOSURE_MIN) * N];
	size_t t[1] = { 5 };             /* A's one person outside X */
	CHECK(isolates(sets, 3, N, t, 1, work));
	size_t u[1] = { 0 };
	CHECK(!isolates(sets, 3, N, u, 1, work));
}

/* ---- storage ---- */

/* A unit tree: organisation units 1 (top) with departments 2 and 3, teams
 * 21, 22 under 2 and 31 under 3. */
static const struct unit_parent tree[] = {
	{ 1, 0 }, { 2, 1 }, { 3, 1 }, { 21, 2 }, { 22, 2 }, { 31, 3 },
};

static bool above_or_self(long long above, long long unit)
{
	for (int depth = 0; unit && depth < 10; depth++) {
		if (unit == above)
			return true;
		long long parent = 0;
		for (size_t i = 0; i < ARRAY_SIZE(tree); i++)
			if (tree[i].id == unit)
				parent = tree[i].parent;
		unit = parent;
	}
	return above == 0;
}

TEST(disclosure_cells_coarsen_units_and_drop_small_groups)
{
	/* group 7: 5 in team 21 and 1 in team 22; group 8: 6 in team 31; group
	 * 9: 2 people (too few: dropped, with the smallest other group, 7) */
	struct cell_person p[14];
	size_t n = 0;
	for (int i = 0; i < 5; i++)
		p[n++] = (struct cell_person){ 7, 21 };
	p[n++] = (struct cell_person){ 7, 22 };
	for (int i = 0; i < 6; i++)
		p[n++] = (struct cell_person){ 8, 31 };
	p[n++] = (struct cell_person){ 9, 31 };
	p[n++] = (struct cell_person){ 9, 22 };
	struct cell_person orig[14];
	memcpy(orig, p, sizeof(p));
	disclosure_cells(p, n, tree, ARRAY_SIZE(tree));
	for (size_t i = 0; i < n; i++) {
		size_t same = 0;
		for (size_t j = 0; j < n; j++)
			same += p[j].group == p[i].group && p[j].unit == p[i].unit;
		CHECK(same >= DISCLOSURE_MIN);
		CHECK(p[i].group == orig[i].group || p[i].group == 0);
		CHECK(above_or_self(p[i].unit, orig[i].unit));
	}
	/* group 8 is kept (6), group 9 dropped, and group 7 with it (5 + 1 +
	 * 2 would otherwise leave 2 without a group) */
	CHECK_INT(p[6].group, 8);
	CHECK_INT(p[12].group, 0);
	CHECK_INT(p[0].group, 0);
}

TEST(disclosure_cells_random_organisations)
{
	for (int round = 0; round < 300; round++) {
		size_t n = 1 + rnd(80);
		struct cell_person *p = calloc(n, sizeof(*p)), *orig = calloc(n, sizeof(*orig));
		for (size_t i = 0; i < n; i++) {
			static const long long units[] = { 0, 1, 2, 3, 21, 22, 31 };
			p[i] = (struct cell_person){ rnd(5), units[rnd(7)] };
		}
		memcpy(orig, p, n * sizeof(*p));
		disclosure_cells(p, n, tree, ARRAY_SIZE(tree));
		bool ok = true;
		for (size_t i = 0; i < n && ok; i++) {
			size_t same = 0;
			for (size_t j = 0; j < n; j++)
				same += p[j].group == p[i].group && p[j].unit == p[i].unit;
			/* at least the minimum, or everyone in one cell when they are fewer */
			ok = same >= DISCLOSURE_MIN || (same == n && p[i].group == 0 && p[i].unit == 0);
			ok = ok && (p[i].group == orig[i].group || p[i].group == 0) && above_or_self(p[i].unit, orig[i].unit);
			/* a function of the values: the same group, the same unit, kept alike */
			for (size_t j = 0; j < n && ok; j++) {
				if (orig[j].group == orig[i].group)
					ok = p[j].group == p[i].group;
				if (ok && orig[j].unit == orig[i].unit)
					ok = p[j].unit == p[i].unit;
			}
		}
		CHECK(ok);
		free(p);
		free(orig);
	}
}

TEST(disclosure_rater_role_keeps_small_categories_as_others)
{
	CHECK_STR(disclosure_rater_role("self", 1), "self");
	CHECK_STR(disclosure_rater_role("manager", 1), "manager");
	CHECK_STR(disclosure_rater_role("peer", 2), "others");
	CHECK_STR(disclosure_rater_role("peer", 3), "peer");
	CHECK_STR(disclosure_rater_role("staff", 4), "staff");
}
