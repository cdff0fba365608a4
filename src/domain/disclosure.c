/* disclosure.c — the cross-table rule for what a wave shows, and the
 * coarsening of what an anonymous response stores (disclosure.h). */
#include "disclosure.h"
#include "core/die.h"
#include "stats/three60.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* ---- the parts of one breakdown ---- */

struct label_at {
	long long label;
	size_t r;
};

static int by_label_then_response(const void *a, const void *b)
{
	const struct label_at *x = a, *y = b;
	if (x->label != y->label)
		return x->label < y->label ? -1 : 1;
	return (x->r > y->r) - (x->r < y->r);
}

/* The distinct labels as parts, in order of first appearance, with their
 * sizes; part_of[r] for every response. */
static void make_parts(struct arena *a, const long long *labels, size_t n, struct disclosure *d)
{
	struct label_at *s = xcalloc(n + 1, sizeof(*s));
	for (size_t r = 0; r < n; r++)
		s[r] = (struct label_at){ labels[r], r };
	qsort(s, n, sizeof(*s), by_label_then_response);
	/* the runs of equal labels, each by the response it first appears at
	 * (the first of its run), put in that order */
	size_t nruns = 0;
	struct label_at *runs = xcalloc(n + 1, sizeof(*runs));
	for (size_t i = 0; i < n; i++)
		if (!i || s[i].label != s[i - 1].label) {
			runs[nruns] = (struct label_at){ (long long)s[i].r, nruns };
			nruns++;
		}
	qsort(runs, nruns, sizeof(*runs), by_label_then_response);
	size_t *part_of_run = xcalloc(nruns + 1, sizeof(*part_of_run));
	for (size_t p = 0; p < nruns; p++)
		part_of_run[runs[p].r] = p;
	d->nparts = nruns;
	d->parts = arena_alloc(a, (nruns + 1) * sizeof(*d->parts));
	d->part_of = arena_alloc(a, (n + 1) * sizeof(*d->part_of));
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		if (i && s[i].label != s[i - 1].label)
			run++;
		size_t p = part_of_run[run];
		d->parts[p].label = s[i].label;
		d->parts[p].state = PART_SHOWN;
		d->parts[p].n++;
		d->part_of[s[i].r] = p;
	}
	free(part_of_run);
	free(runs);
	free(s);
}

/* The rule of one breakdown alone: parts below the minimum hidden, and then
 * the smallest others until the hidden ones together are not too few. */
static void guard_alone(struct disclosure *d)
{
	long long hidden_n = 0;
	size_t hidden = 0;
	for (size_t p = 0; p < d->nparts; p++)
		if (d->parts[p].n < DISCLOSURE_MIN) {
			d->parts[p].state = PART_SMALL;
			hidden_n += d->parts[p].n;
			hidden++;
		}
	while (hidden && hidden_n < DISCLOSURE_MIN) {
		size_t pick = d->nparts;
		for (size_t p = 0; p < d->nparts; p++)
			if (d->parts[p].state == PART_SHOWN && (pick == d->nparts || d->parts[p].n < d->parts[pick].n))
				pick = p;
		if (pick == d->nparts)
			break;  /* all hidden */
		d->parts[pick].state = PART_GIVES_AWAY;
		hidden_n += d->parts[pick].n;
		hidden++;
	}
}

/* ---- the cross table of the breakdowns decided so far ---- */

/* A part of the breakdown being decided as it counts in the cross table:
 * itself when shown, else "the rest" (all hidden parts together). */
#define REST ((size_t)-1)

static size_t effective(const struct disclosure *d, size_t r)
{
	size_t p = d->part_of[r];
	return d->parts[p].state == PART_SHOWN ? p : REST;
}

struct pair_count {
	size_t cell, part;
	long long n;
};

static int by_cell_part(const void *a, const void *b)
{
	const struct pair_count *x = a, *y = b;
	if (x->cell != y->cell)
		return x->cell < y->cell ? -1 : 1;
	return (x->part > y->part) - (x->part < y->part);
}

/* The non-empty (cell, part) combinations with their sizes. */
static struct pair_count *cross(const size_t *cell, const size_t *part_of, size_t n, size_t *npairs)
{
	struct pair_count *x = xcalloc(n + 1, sizeof(*x));
	for (size_t r = 0; r < n; r++)
		x[r] = (struct pair_count){ cell[r], part_of[r], 1 };
	qsort(x, n, sizeof(*x), by_cell_part);
	size_t m = 0;
	for (size_t r = 0; r < n; r++) {
		if (m && x[m - 1].cell == x[r].cell && x[m - 1].part == x[r].part)
			x[m - 1].n++;
		else
			x[m++] = x[r];
	}
	*npairs = m;
	return x;
}

static bool too_few(long long n)
{
	return n > 0 && n < DISCLOSURE_MIN;
}

/* Which earlier breakdown the part p of d would be differenced with: the
 * first whose two-way table with d (p shown) has a small cell in p; else
 * the last one offered before it. */
static size_t culprit(const struct disclosure *earlier, size_t nearlier, const struct disclosure *d, size_t p,
		      size_t n)
{
	size_t last = 0;
	for (size_t b = 0; b < nearlier; b++) {
		if (!earlier[b].shown)
			continue;
		last = b;
		/* the responses of p by their effective part in b */
		size_t k = earlier[b].nparts + 1;
		long long *count = xcalloc(k, sizeof(*count));
		for (size_t r = 0; r < n; r++)
			if (d->part_of[r] == p) {
				size_t e = effective(&earlier[b], r);
				count[e == REST ? k - 1 : e]++;
			}
		bool small = false;
		for (size_t i = 0; i < k && !small; i++)
			small = too_few(count[i]);
		free(count);
		if (small)
			return b;
	}
	return last;
}

void disclosure_decide(struct arena *a, const long long *labels, size_t nb, size_t n, struct disclosure *out)
{
	assert(n >= DISCLOSURE_MIN);
	size_t *cell = xcalloc(n + 1, sizeof(*cell));  /* the cross table so far: one cell, the total */
	size_t *eff = xcalloc(n + 1, sizeof(*eff));
	for (size_t b = 0; b < nb; b++) {
		struct disclosure *d = &out[b];
		make_parts(a, labels + b * n, n, d);
		guard_alone(d);
		size_t npairs;
		struct pair_count *x = cross(cell, d->part_of, n, &npairs);
		for (;;) {
			/* the smallest non-empty cell of the table with this breakdown:
			 * (cell, shown part), or (cell, the rest) */
			long long worst_n = 0;
			size_t worst_cell = 0, worst_part = REST;
			for (size_t i = 0; i < npairs;) {
				size_t j = i;
				long long rest = 0;
				for (; j < npairs && x[j].cell == x[i].cell; j++) {
					if (d->parts[x[j].part].state != PART_SHOWN)
						rest += x[j].n;
					else if (too_few(x[j].n) && (!worst_n || x[j].n < worst_n)) {
						worst_n = x[j].n;
						worst_cell = x[j].cell;
						worst_part = x[j].part;
					}
				}
				if (too_few(rest) && (!worst_n || rest < worst_n)) {
					worst_n = rest;
					worst_cell = x[i].cell;
					worst_part = REST;
				}
				i = j;
			}
			if (!worst_n)
				break;
			size_t hide = worst_part;
			if (hide == REST) {
				/* the rest grows by the smallest shown part that meets the cell */
				for (size_t i = 0; i < npairs; i++)
					if (x[i].cell == worst_cell && d->parts[x[i].part].state == PART_SHOWN &&
					    (hide == REST || d->parts[x[i].part].n < d->parts[hide].n))
						hide = x[i].part;
				/* the rest meets the cell in too few, and the cell is not
				 * small (it is one of the table before): some shown part
				 * holds the others */
				assert(hide != REST);
			}
			d->parts[hide].crosses = culprit(out, b, d, hide, n);
			d->parts[hide].state = PART_CROSSES;
		}
		free(x);
		d->shown = 0;
		for (size_t p = 0; p < d->nparts; p++)
			d->shown += d->parts[p].state == PART_SHOWN;
		/* the new cross table: (cell, effective part) numbered anew */
		for (size_t r = 0; r < n; r++)
			eff[r] = effective(d, r);
		x = cross(cell, eff, n, &npairs);
		for (size_t r = 0; r < n; r++) {
			struct pair_count key = { cell[r], eff[r], 0 };
			struct pair_count *hit = bsearch(&key, x, npairs, sizeof(*x), by_cell_part);
			assert(hit);
			cell[r] = (size_t)(hit - x);
		}
		free(x);
	}
	free(eff);
	free(cell);
}

/* ---- what an anonymous response stores ---- */

struct cell_count {
	long long group, unit, n;
};

static int by_group_unit(const void *a, const void *b)
{
	const struct cell_count *x = a, *y = b;
	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	return (x->unit > y->unit) - (x->unit < y->unit);
}

static int by_group(const void *a, const void *b)
{
	long long x = ((const struct cell_count *)a)->group, y = ((const struct cell_count *)b)->group;
	return (x > y) - (x < y);
}

/* Sorts and merges equal (group, unit) cells; returns the new count. */
static size_t merge_cells(struct cell_count *c, size_t k)
{
	qsort(c, k, sizeof(*c), by_group_unit);
	size_t m = 0;
	for (size_t i = 0; i < k; i++) {
		if (m && c[m - 1].group == c[i].group && c[m - 1].unit == c[i].unit)
			c[m - 1].n += c[i].n;
		else
			c[m++] = c[i];
	}
	return m;
}

struct unit_state {
	long long id, parent;
	bool merged;       /* replaced by its parent for everyone */
};

static int by_unit_id(const void *a, const void *b)
{
	long long x = ((const struct unit_state *)a)->id, y = ((const struct unit_state *)b)->id;
	return (x > y) - (x < y);
}

static struct unit_state *unit_find(struct unit_state *u, size_t n, long long id)
{
	struct unit_state key = { id, 0, false };
	return bsearch(&key, u, n, sizeof(*u), by_unit_id);
}

/* The unit a person of unit id is stored under: up past every merged one. */
static long long unit_stored(struct unit_state *u, size_t n, long long id)
{
	for (int depth = 0; id && depth < 1000; depth++) {
		struct unit_state *s = unit_find(u, n, id);
		if (!s)
			return 0;  /* not a unit of the organisation (gone): none */
		if (!s->merged)
			return id;
		id = s->parent;
	}
	return 0;
}

static void merge_unit(struct unit_state *u, size_t n, long long id)
{
	struct unit_state *s = unit_find(u, n, id);
	assert(s && !s->merged);
	s->merged = true;
}

void disclosure_cells(struct cell_person *p, size_t n, const struct unit_parent *units, size_t nunits)
{
	if (!n)
		return;
	struct unit_state *u = xcalloc(nunits + 1, sizeof(*u));
	for (size_t i = 0; i < nunits; i++)
		u[i] = (struct unit_state){ units[i].id, units[i].parent, false };
	qsort(u, nunits, sizeof(*u), by_unit_id);
	/* the cells as they are, each with its number of people */
	struct cell_count *orig = xcalloc(n + 1, sizeof(*orig));
	for (size_t i = 0; i < n; i++)
		orig[i] = (struct cell_count){ p[i].group, unit_stored(u, nunits, p[i].unit), 1 };
	size_t k = merge_cells(orig, n);

	/* 1. groups: a group of too few is dropped (0), and the smallest others
	 * with it until the dropped ones (with those without a group) are not
	 * too few */
	struct cell_count *groups = xcalloc(k + 1, sizeof(*groups));
	size_t ng = 0;
	for (size_t i = 0; i < k; i++) {
		if (ng && groups[ng - 1].group == orig[i].group)
			groups[ng - 1].n += orig[i].n;
		else
			groups[ng++] = (struct cell_count){ orig[i].group, 1, orig[i].n };  /* unit: 1 = kept */
	}
	long long none = 0;
	for (size_t i = 0; i < ng; i++)
		if (!groups[i].group || groups[i].n < DISCLOSURE_MIN) {
			groups[i].unit = 0;
			none += groups[i].n;
		}
	while (too_few(none)) {
		size_t pick = ng;
		for (size_t i = 0; i < ng; i++)
			if (groups[i].unit && (pick == ng || groups[i].n < groups[pick].n))
				pick = i;
		if (pick == ng)
			break;  /* everyone together is too few: nothing to keep apart */
		groups[pick].unit = 0;
		none += groups[pick].n;
	}

	/* 2. units, for the groups as kept: the smallest cell of too few
	 * replaces its unit by the one above it, for everyone; a cell without
	 * a unit that is too small takes in the smallest unit of its group */
	struct cell_count *c = xcalloc(k + 1, sizeof(*c));
	for (;;) {
		for (size_t i = 0, g = 0; i < k; i++) {
			while (groups[g].group != orig[i].group)
				g++;
			c[i] = (struct cell_count){ groups[g].unit ? orig[i].group : 0, unit_stored(u, nunits, orig[i].unit),
						    orig[i].n };
		}
		size_t m = merge_cells(c, k);
		size_t worst = m;
		for (size_t i = 0; i < m; i++)
			if (too_few(c[i].n) && (worst == m || c[i].n < c[worst].n))
				worst = i;
		if (worst == m)
			break;
		if (c[worst].unit) {
			merge_unit(u, nunits, c[worst].unit);
			continue;
		}
		/* (group, no unit) is too small: the group's smallest unit goes up */
		size_t pick = m;
		for (size_t i = 0; i < m; i++)
			if (c[i].group == c[worst].group && c[i].unit && (pick == m || c[i].n < c[pick].n))
				pick = i;
		if (pick == m)
			break;  /* the group has nothing else: it is all of everyone (too few) */
		merge_unit(u, nunits, c[pick].unit);
	}

	for (size_t i = 0; i < n; i++) {
		struct cell_count key = { p[i].group, 0, 0 };
		struct cell_count *g = bsearch(&key, groups, ng, sizeof(*groups), by_group);
		assert(g);
		p[i].group = g->unit ? p[i].group : 0;
		p[i].unit = unit_stored(u, nunits, p[i].unit);
	}
	free(c);
	free(groups);
	free(orig);
	free(u);
}

const char *disclosure_rater_role(const char *role, long long invited_in_role)
{
	if (!strcmp(role, "self") || !strcmp(role, "manager") || !*role)
		return role;
	return invited_in_role >= S360_MIN_RATERS ? role : "others";
}
