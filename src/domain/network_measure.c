/* network_measure.c — the recruitment network's measures and layout with
 * igraph (referral_network.h). igraph as Debian builds it is not
 * thread-safe (IGRAPH_THREAD_SAFE 0: one error stack, one default random
 * generator), so every use is under one lock, and the generator is seeded
 * with a fixed value before each layout: the same graph draws the same. */
#include "referral_network.h"

#include <igraph.h>
#include <pthread.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define LAYOUT_SEED 20150401u   /* the spring of the first circle */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

struct comp {
	igraph_integer_t size, first, id;
};

static int cmp_comp(const void *x, const void *y)
{
	const struct comp *a = x, *b = y;
	if (a->size != b->size)
		return a->size > b->size ? -1 : 1;
	return a->first < b->first ? -1 : a->first > b->first;
}

/* Components numbered 1... by size, largest first, then by first node. */
static bool number_components(struct network *g, const igraph_vector_int_t *memb, igraph_integer_t no)
{
	struct comp *c = calloc((size_t)no + 1, sizeof(*c));
	int *rank = calloc((size_t)no + 1, sizeof(*rank));
	if (!c || !rank) {
		free(c);
		free(rank);
		return false;
	}
	for (igraph_integer_t k = 0; k < no; k++)
		c[k] = (struct comp){ 0, (igraph_integer_t)g->n, k };
	for (size_t i = 0; i < g->n; i++) {
		igraph_integer_t k = VECTOR(*memb)[i];
		c[k].size++;
		if ((igraph_integer_t)i < c[k].first)
			c[k].first = (igraph_integer_t)i;
	}
	qsort(c, (size_t)no, sizeof(*c), cmp_comp);
	for (igraph_integer_t k = 0; k < no; k++)
		rank[c[k].id] = (int)k + 1;
	for (size_t i = 0; i < g->n; i++)
		g->nodes[i].component = rank[VECTOR(*memb)[i]];
	g->components = (int)no;
	free(c);
	free(rank);
	return true;
}

/* Reach: the people (inside or outside the list) reachable from each
 * node. Everyone in one strongly connected component reaches the same
 * set, so igraph's search runs once per such component, not per node. */
static bool reach(struct network *g, const igraph_t *ig)
{
	igraph_vector_int_t sub, scc;
	igraph_integer_t nscc = 0;
	if (igraph_vector_int_init(&sub, 0))
		return false;
	if (igraph_vector_int_init(&scc, 0)) {
		igraph_vector_int_destroy(&sub);
		return false;
	}
	bool ok = igraph_connected_components(ig, &scc, NULL, &nscc, IGRAPH_STRONG) == IGRAPH_SUCCESS;
	long long *people = ok ? calloc((size_t)nscc + 1, sizeof(*people)) : NULL;
	ok = ok && people;
	for (igraph_integer_t k = 0; ok && k < nscc; k++)
		people[k] = -1;   /* not searched yet */
	for (size_t i = 0; i < g->n && ok; i++) {
		igraph_integer_t k = VECTOR(scc)[i];
		if (people[k] < 0) {
			ok = igraph_subcomponent(ig, &sub, (igraph_integer_t)i, IGRAPH_OUT) == IGRAPH_SUCCESS;
			people[k] = 0;
			for (igraph_integer_t j = 0; ok && j < igraph_vector_int_size(&sub); j++)
				people[k] += g->nodes[VECTOR(sub)[j]].kind != NET_PRESENTATION;
		}
		/* the set holds the node itself */
		g->nodes[i].reach = people[k] - (g->nodes[i].kind != NET_PRESENTATION);
	}
	free(people);
	igraph_vector_int_destroy(&scc);
	igraph_vector_int_destroy(&sub);
	return ok;
}

/* The people with in-degree 0 who reach the most, most first, then by node. */
static void starters(struct network *g)
{
	g->nstarters = 0;
	for (size_t i = 0; i < g->n; i++) {
		const struct net_node *v = &g->nodes[i];
		if (v->kind == NET_PRESENTATION || v->in_degree || !v->reach)
			continue;
		size_t at = g->nstarters;
		while (at > 0 && g->nodes[g->starters[at - 1]].reach < v->reach)
			at--;
		if (at >= NET_STARTERS_MAX)
			continue;
		size_t end = g->nstarters < NET_STARTERS_MAX ? g->nstarters : NET_STARTERS_MAX - 1;
		for (size_t k = end; k > at; k--)
			g->starters[k] = g->starters[k - 1];
		g->starters[at] = i;
		if (g->nstarters < NET_STARTERS_MAX)
			g->nstarters++;
	}
}

static bool layout(struct network *g, const igraph_t *ig)
{
	igraph_matrix_t xy;
	if (igraph_matrix_init(&xy, 0, 0))
		return false;
	igraph_rng_seed(igraph_rng_default(), LAYOUT_SEED);
	bool ok = igraph_layout_fruchterman_reingold(ig, &xy, false, 500, (igraph_real_t)g->n > 1 ? sqrt((double)g->n) : 1,
						     IGRAPH_LAYOUT_AUTOGRID, NULL, NULL, NULL, NULL, NULL) == IGRAPH_SUCCESS;
	if (ok && g->n) {
		double x0 = MATRIX(xy, 0, 0), x1 = x0, y0 = MATRIX(xy, 0, 1), y1 = y0;
		for (size_t i = 1; i < g->n; i++) {
			double x = MATRIX(xy, i, 0), y = MATRIX(xy, i, 1);
			x0 = x < x0 ? x : x0;
			x1 = x > x1 ? x : x1;
			y0 = y < y0 ? y : y0;
			y1 = y > y1 ? y : y1;
		}
		double w = x1 - x0 > 0 ? x1 - x0 : 1, h = y1 - y0 > 0 ? y1 - y0 : 1;
		for (size_t i = 0; i < g->n; i++) {
			g->nodes[i].x = g->n > 1 ? (MATRIX(xy, i, 0) - x0) / w : 0.5;
			g->nodes[i].y = g->n > 1 ? (MATRIX(xy, i, 1) - y0) / h : 0.5;
		}
	}
	igraph_matrix_destroy(&xy);
	return ok;
}

static bool measure_locked(struct network *g, bool with_layout)
{
	igraph_vector_int_t edges, deg, memb, csize;
	igraph_vector_t btw;
	igraph_t ig;
	igraph_integer_t no = 0;
	bool ok = false;
	if (igraph_vector_int_init(&edges, 2 * (igraph_integer_t)g->m))
		return false;
	for (size_t i = 0; i < g->m; i++) {
		VECTOR(edges)[2 * i] = (igraph_integer_t)g->edges[i].from;
		VECTOR(edges)[2 * i + 1] = (igraph_integer_t)g->edges[i].to;
	}
	if (igraph_create(&ig, &edges, (igraph_integer_t)g->n, IGRAPH_DIRECTED)) {
		igraph_vector_int_destroy(&edges);
		return false;
	}
	igraph_vector_int_init(&deg, 0);
	igraph_vector_int_init(&memb, 0);
	igraph_vector_int_init(&csize, 0);
	igraph_vector_init(&btw, 0);
	if (igraph_degree(&ig, &deg, igraph_vss_all(), IGRAPH_IN, true))
		goto out;
	for (size_t i = 0; i < g->n; i++)
		g->nodes[i].in_degree = VECTOR(deg)[i];
	if (igraph_degree(&ig, &deg, igraph_vss_all(), IGRAPH_OUT, true))
		goto out;
	for (size_t i = 0; i < g->n; i++)
		g->nodes[i].out_degree = VECTOR(deg)[i];
	if (igraph_betweenness(&ig, &btw, igraph_vss_all(), true, NULL))
		goto out;
	for (size_t i = 0; i < g->n; i++)
		g->nodes[i].betweenness = VECTOR(btw)[i];
	if (igraph_connected_components(&ig, &memb, &csize, &no, IGRAPH_WEAK) || !number_components(g, &memb, no))
		goto out;
	if (!reach(g, &ig))
		goto out;
	starters(g);
	ok = !with_layout || layout(g, &ig);
	g->laid_out = ok && with_layout;
out:
	igraph_vector_destroy(&btw);
	igraph_vector_int_destroy(&csize);
	igraph_vector_int_destroy(&memb);
	igraph_vector_int_destroy(&deg);
	igraph_destroy(&ig);
	igraph_vector_int_destroy(&edges);
	return ok;
}

/* ---- the cache: the measures and layout of the last few graphs, by a
 * hash of their nodes and edges, so that a page viewed again (or the API
 * after the page) costs no igraph run until a referral changes ---- */

#define CACHE_SLOTS 4

struct measures {
	long long in_degree, out_degree, reach;
	double betweenness, x, y;
	int component;
};

static struct cached {
	unsigned long long hash;
	size_t n, m;
	bool laid_out;
	int components;
	size_t starters[NET_STARTERS_MAX], nstarters;
	struct measures *v;
} cache[CACHE_SLOTS];
static unsigned next_slot;

static unsigned long long fnv(unsigned long long h, unsigned long long v)
{
	for (int i = 0; i < 8; i++, v >>= 8)
		h = (h ^ (v & 0xff)) * 1099511628211ull;
	return h;
}

static unsigned long long graph_hash(const struct network *g)
{
	unsigned long long h = 1469598103934665603ull;
	h = fnv(h, g->n);
	for (size_t i = 0; i < g->n; i++)
		h = fnv(h, (unsigned long long)g->nodes[i].kind);
	for (size_t i = 0; i < g->m; i++)
		h = fnv(fnv(h, g->edges[i].from), g->edges[i].to);
	return h;
}

static bool cache_get(struct network *g, unsigned long long h, bool with_layout)
{
	for (size_t k = 0; k < CACHE_SLOTS; k++) {
		struct cached *c = &cache[k];
		if (!c->v || c->hash != h || c->n != g->n || c->m != g->m || (with_layout && !c->laid_out))
			continue;
		for (size_t i = 0; i < g->n; i++) {
			struct net_node *v = &g->nodes[i];
			v->in_degree = c->v[i].in_degree;
			v->out_degree = c->v[i].out_degree;
			v->reach = c->v[i].reach;
			v->betweenness = c->v[i].betweenness;
			v->component = c->v[i].component;
			v->x = c->v[i].x;
			v->y = c->v[i].y;
		}
		g->components = c->components;
		g->nstarters = c->nstarters;
		memcpy(g->starters, c->starters, sizeof(g->starters));
		g->laid_out = c->laid_out;
		return true;
	}
	return false;
}

static void cache_put(const struct network *g, unsigned long long h)
{
	struct measures *v = malloc((g->n + 1) * sizeof(*v));
	if (!v)
		return;
	for (size_t i = 0; i < g->n; i++)
		v[i] = (struct measures){ g->nodes[i].in_degree, g->nodes[i].out_degree, g->nodes[i].reach,
					  g->nodes[i].betweenness, g->nodes[i].x, g->nodes[i].y, g->nodes[i].component };
	struct cached *c = &cache[next_slot++ % CACHE_SLOTS];
	free(c->v);
	*c = (struct cached){ .hash = h, .n = g->n, .m = g->m, .laid_out = g->laid_out, .components = g->components,
			      .nstarters = g->nstarters, .v = v };
	memcpy(c->starters, g->starters, sizeof(c->starters));
}

bool network_measure(struct network *g, bool with_layout)
{
	unsigned long long h = graph_hash(g);
	pthread_mutex_lock(&lock);
	bool ok = cache_get(g, h, with_layout);
	if (!ok) {
		/* errors come back as results, never as an abort of the server */
		igraph_set_error_handler(igraph_error_handler_ignore);
		igraph_set_warning_handler(igraph_warning_handler_ignore);
		ok = measure_locked(g, with_layout);
		if (ok)
			cache_put(g, h);
	}
	pthread_mutex_unlock(&lock);
	return ok;
}
