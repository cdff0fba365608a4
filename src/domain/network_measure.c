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

/* Reach: the people (inside or outside the list) reachable from each node. */
static bool reach(struct network *g, const igraph_t *ig)
{
	igraph_vector_int_t sub;
	if (igraph_vector_int_init(&sub, 0))
		return false;
	bool ok = true;
	for (size_t i = 0; i < g->n && ok; i++) {
		if (g->nodes[i].out_degree == 0) {
			g->nodes[i].reach = 0;
			continue;
		}
		ok = igraph_subcomponent(ig, &sub, (igraph_integer_t)i, IGRAPH_OUT) == IGRAPH_SUCCESS;
		long long k = 0;
		for (igraph_integer_t j = 0; ok && j < igraph_vector_int_size(&sub); j++) {
			igraph_integer_t v = VECTOR(sub)[j];
			k += v != (igraph_integer_t)i && g->nodes[v].kind != NET_PRESENTATION;
		}
		g->nodes[i].reach = k;
	}
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

bool network_measure(struct network *g, bool with_layout)
{
	pthread_mutex_lock(&lock);
	/* errors come back as results, never as an abort of the server */
	igraph_set_error_handler(igraph_error_handler_ignore);
	igraph_set_warning_handler(igraph_warning_handler_ignore);
	bool ok = measure_locked(g, with_layout);
	pthread_mutex_unlock(&lock);
	return ok;
}
