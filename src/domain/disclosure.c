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

/* Smaller, or as small with a lower label: the order in which parts are
 * hidden, whatever the order of the responses (random in an anonymous
 * wave). */
static bool smaller(const struct disclosure_part *x, const struct disclosure_part *y)
{
	return x->n < y->n || (x->n == y->n && x->label < y->label);
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
			if (d->parts[p].state == PART_SHOWN && (pick == d->nparts || smaller(&d->parts[p], &d->parts[pick])))
				pick = p;
		if (pick == d->nparts)
			break;  /* all hidden */
		d->parts[pick].state = PART_GIVES_AWAY;
		hidden_n += d->parts[pick].n;
		hidden++;
	}
}

/* ---- the cross table of the figures offered together ----
 *
 * The responses fall into cells: the cross table of every breakdown
 * decided so far and the one being decided (a hidden part counted with the
 * other hidden parts of its breakdown, "the rest"). Every offered figure
 * is made from a union of cells. A cell of fewer than DISCLOSURE_MIN is
 * refused even where no sum or difference of the figures isolates it: the
 * exports hold the wave's rows, and which rows make up each offered part
 * can be found from the part's figures, so the cells themselves can be
 * read off at row level. */

#define REST ((size_t)-1)

static size_t effective(const struct disclosure *d, size_t r)
{
	size_t p = d->part_of[r];
	return d->parts[p].state == PART_SHOWN ? p : REST;
}

struct atom_key {
	size_t cell, part, r;  /* r: the first response of the atom */
};

static int by_cell_part(const void *a, const void *b)
{
	const struct atom_key *x = a, *y = b;
	if (x->cell != y->cell)
		return x->cell < y->cell ? -1 : 1;
	if (x->part != y->part)
		return x->part < y->part ? -1 : 1;
	return (x->r > y->r) - (x->r < y->r);
}

/* The atoms of (cell[r], effective part of d): their number, each with a
 * response standing for it and its size; atom_of[r] when asked. */
static size_t atoms(const size_t *cell, const struct disclosure *d, size_t n, size_t **rep, long long **size,
		    size_t *atom_of)
{
	struct atom_key *k = xcalloc(n + 1, sizeof(*k));
	for (size_t r = 0; r < n; r++)
		k[r] = (struct atom_key){ cell[r], effective(d, r), r };
	qsort(k, n, sizeof(*k), by_cell_part);
	*rep = xcalloc(n + 1, sizeof(**rep));
	*size = xcalloc(n + 1, sizeof(**size));
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (!i || k[i].cell != k[i - 1].cell || k[i].part != k[i - 1].part)
			(*rep)[m++] = k[i].r;
		(*size)[m - 1]++;
		if (atom_of)
			atom_of[k[i].r] = m - 1;
	}
	free(k);
	return m;
}

/* Whether d, with the parts it shows now, can be offered beside the
 * breakdowns decided before it, whose cross table is cell[]: no non-empty
 * cell of the table with d holds fewer than DISCLOSURE_MIN. */
static bool safe_beside(const struct disclosure *d, const size_t *cell, size_t n)
{
	size_t *rep;
	long long *size;
	size_t m = atoms(cell, d, n, &rep, &size, NULL);
	bool ok = true;
	for (size_t j = 0; j < m && ok; j++)
		ok = size[j] >= DISCLOSURE_MIN;
	free(size);
	free(rep);
	return ok;
}

/* The shown parts of d to hide next (into out[], their number; 0 when no
 * cell of the table with d is small): those that hold a small cell; else,
 * for each small cell of the rest, the smallest shown part that meets the
 * earlier cell it is in. */
static size_t to_hide(const struct disclosure *d, const size_t *cell, size_t n, size_t *out)
{
	size_t *rep;
	long long *size;
	size_t m = atoms(cell, d, n, &rep, &size, NULL);
	bool *mark = xcalloc(d->nparts + 1, sizeof(*mark));
	size_t *rest_pick = xcalloc(n + 1, sizeof(*rest_pick));  /* per earlier cell with a small rest: a part + 1 */
	bool any = false, rest_small = false;
	for (size_t j = 0; j < m; j++) {
		if (size[j] >= DISCLOSURE_MIN)
			continue;
		size_t e = effective(d, rep[j]);
		if (e == REST) {
			rest_pick[cell[rep[j]]] = d->nparts + 1;  /* wanted, none chosen yet */
			rest_small = true;
		} else {
			mark[e] = true;
			any = true;
		}
	}
	if (!any && rest_small)
		for (size_t r = 0; r < n; r++) {
			size_t c = cell[r], e = effective(d, r);
			if (!rest_pick[c] || e == REST)
				continue;
			if (rest_pick[c] == d->nparts + 1 || smaller(&d->parts[e], &d->parts[rest_pick[c] - 1]))
				rest_pick[c] = e + 1;
		}
	if (!any && rest_small)
		for (size_t c = 0; c < n; c++)
			if (rest_pick[c] && rest_pick[c] <= d->nparts)
				mark[rest_pick[c] - 1] = true;
	size_t k = 0;
	for (size_t p = 0; p < d->nparts; p++)
		if (mark[p] && d->parts[p].state == PART_SHOWN)
			out[k++] = p;
	free(rest_pick);
	free(mark);
	free(size);
	free(rep);
	return k;
}

static void count_shown(struct disclosure *d)
{
	d->shown = 0;
	for (size_t p = 0; p < d->nparts; p++)
		d->shown += d->parts[p].state == PART_SHOWN;
}

static bool too_few(long long n)
{
	return n > 0 && n < DISCLOSURE_MIN;
}

struct piece {
	size_t part, other;
	long long n;
};

static int by_part_other(const void *a, const void *b)
{
	const struct piece *x = a, *y = b;
	if (x->part != y->part)
		return x->part < y->part ? -1 : 1;
	return (x->other > y->other) - (x->other < y->other);
}

/* For every part of d hidden beside the earlier breakdowns (PART_CROSSES),
 * the one it would be differenced with: the first earlier breakdown beside
 * which alone showing it would leave a small cell (of the part, or of the
 * rest without it), else the last one offered before it. */
static void name_culprits(const struct disclosure *earlier, size_t nearlier, struct disclosure *d, size_t n)
{
	bool *named = xcalloc(d->nparts + 1, sizeof(*named));
	struct piece *x = xcalloc(n + 1, sizeof(*x));
	long long *rest = NULL;
	size_t last = 0;
	for (size_t b = 0; b < nearlier; b++) {
		if (!earlier[b].shown)
			continue;
		last = b;
		/* the rest of d (hidden parts, shown ones excluded) in each part
		 * of b, and the pieces of each part hidden beside the earlier ones */
		size_t k = earlier[b].nparts + 1;
		free(rest);
		rest = xcalloc(k, sizeof(*rest));
		size_t m = 0;
		for (size_t r = 0; r < n; r++) {
			size_t p = d->part_of[r], e = effective(&earlier[b], r);
			size_t o = e == REST ? k - 1 : e;
			if (d->parts[p].state != PART_SHOWN)
				rest[o]++;
			if (d->parts[p].state == PART_CROSSES && !named[p])
				x[m++] = (struct piece){ p, o, 1 };
		}
		qsort(x, m, sizeof(*x), by_part_other);
		for (size_t i = 0; i < m;) {
			size_t j = i;
			while (j < m && x[j].part == x[i].part && x[j].other == x[i].other)
				j++;
			long long piece = (long long)(j - i), left = rest[x[i].other] - piece;
			if ((piece < DISCLOSURE_MIN || too_few(left)) && !named[x[i].part]) {
				d->parts[x[i].part].crosses = b;
				named[x[i].part] = true;
			}
			i = j;
		}
	}
	for (size_t p = 0; p < d->nparts; p++)
		if (d->parts[p].state == PART_CROSSES && !named[p])
			d->parts[p].crosses = last;
	free(rest);
	free(x);
	free(named);
}

void disclosure_decide(struct arena *a, const long long *labels, size_t nb, size_t n, struct disclosure *out)
{
	assert(n >= DISCLOSURE_MIN);
	size_t *cell = xcalloc(n + 1, sizeof(*cell));  /* the atoms so far: one, the total */
	for (size_t b = 0; b < nb; b++) {
		struct disclosure *d = &out[b];
		make_parts(a, labels + b * n, n, d);
		guard_alone(d);
		count_shown(d);
		/* A shown part that holds a small cell must be hidden: nothing
		 * else changes that cell. A small cell of the rest grows only by
		 * hiding a part that meets its earlier cell: the smallest. Until
		 * no cell is small. */
		size_t *hide = xcalloc(d->nparts + 1, sizeof(*hide)), nh;
		while (d->shown && (nh = to_hide(d, cell, n, hide)))
			for (size_t i = 0; i < nh; i++)
				d->parts[hide[i]].state = PART_CROSSES;
		free(hide);
		count_shown(d);
		bool safe = safe_beside(d, cell, n);
		assert(safe);
		(void)safe;
		name_culprits(out, b, d, n);
		/* the atoms with this breakdown, for the next */
		size_t *rep;
		long long *size;
		size_t *next = xcalloc(n + 1, sizeof(*next));
		atoms(cell, d, n, &rep, &size, next);
		free(rep);
		free(size);
		memcpy(cell, next, n * sizeof(*cell));
		free(next);
	}
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
