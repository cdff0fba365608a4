/* network_svg.c — the recruitment network drawn as inline SVG: people as
 * circles coloured by department (a legend names each colour), team
 * leaders with a thick dark ring (so not by colour alone), people outside
 * the list as dashed diamonds, presentations as squares, arrows for
 * encouragement, names as labels. Positions come from igraph's layout
 * (domain/network_measure.c), so two views of the same data draw the
 * same. A large network draws its largest components only; the table
 * beside it (network.c) is always complete. */
#include "web.h"
#include "network_svg.h"
#include "html/html.h"

#include <math.h>
#include <string.h>

#define W 1000
#define MARGIN 60
#define R_NODE 8

/* Okabe and Ito's palette: told apart with any colour vision. */
static const char *const palette[] = { "#E69F00", "#56B4E9", "#009E73", "#F0E442",
				       "#0072B2", "#D55E00", "#CC79A7", "#999999" };
#define NCOLOURS (sizeof(palette) / sizeof(palette[0]))

/* The departments of the drawn people, sorted, each with its colour. */
static size_t departments(struct web *w, const struct network *g, const bool *drawn, const char ***out)
{
	const char **d = arena_alloc(w->a, (g->n + 1) * sizeof(*d));
	size_t n = 0;
	for (size_t i = 0; i < g->n; i++) {
		if (!drawn[i] || g->nodes[i].kind != NET_PERSON)
			continue;
		size_t k = 0;
		while (k < n && strcmp(d[k], g->nodes[i].department) < 0)
			k++;
		if (k < n && !strcmp(d[k], g->nodes[i].department))
			continue;
		memmove(&d[k + 1], &d[k], (n - k) * sizeof(*d));
		d[k] = g->nodes[i].department;
		n++;
	}
	*out = d;
	return n;
}

static const char *colour_of(const char *const *d, size_t nd, const char *dept)
{
	for (size_t k = 0; k < nd; k++)
		if (!strcmp(d[k], dept))
			return palette[k % NCOLOURS];
	return palette[NCOLOURS - 1];
}

static int px(double v, int size)
{
	return MARGIN + (int)lround(v * (size - 2 * MARGIN));
}

static void node_shape(struct buf *b, const struct net_node *v, int x, int y, const char *fill)
{
	if (v->kind == NET_PRESENTATION)
		html(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#ffffff\" stroke=\"#333333\" "
			"stroke-width=\"2\"></rect>", x - R_NODE, y - R_NODE, 2 * R_NODE, 2 * R_NODE);
	else if (v->kind == NET_OUTSIDE)
		html(b, "<polygon points=\"%d,%d %d,%d %d,%d %d,%d\" fill=\"#ffffff\" stroke=\"#333333\" "
			"stroke-width=\"1.5\" stroke-dasharray=\"3 2\"></polygon>", x, y - R_NODE - 2, x + R_NODE + 2, y, x,
		     y + R_NODE + 2, x - R_NODE - 2, y);
	else {
		if (v->team_leader)
			html(b, "<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"none\" stroke=\"#1a1a1a\" stroke-width=\"3\">"
				"</circle>", x, y, R_NODE + 3);
		html(b, "<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"%s\" stroke=\"#333333\"></circle>", x, y, R_NODE, fill);
	}
}

static void legend(struct web *w, const char *const *d, size_t nd, int y)
{
	struct buf *b = w->out;
	int x = MARGIN, row = y;
	for (size_t k = 0; k < nd; k++) {
		const char *name = *d[k] ? d[k] : _("without a department");
		int width = 30 + 7 * (int)strlen(name);
		if (x + width > W - MARGIN) {
			x = MARGIN;
			row += 22;
		}
		html(b, "<circle cx=\"%d\" cy=\"%d\" r=\"7\" fill=\"%s\" stroke=\"#333333\"></circle>"
			"<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>", x + 7, row, palette[k % NCOLOURS], x + 20, row + 4,
		     name);
		x += width;
	}
	row += 26;
	struct net_node tl = { .kind = NET_PERSON, .team_leader = true }, out = { .kind = NET_OUTSIDE },
			pres = { .kind = NET_PRESENTATION };
	node_shape(b, &tl, MARGIN + 10, row, "#ffffff");
	html(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>", MARGIN + 26, row + 4, _("team leader (thick ring)"));
	node_shape(b, &out, MARGIN + 230, row, "#ffffff");
	html(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>", MARGIN + 246, row + 4,
	     _("outside the people list"));
	node_shape(b, &pres, MARGIN + 450, row, "#ffffff");
	html(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>", MARGIN + 466, row + 4, _("presentation"));
	html(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444444\" marker-end=\"url(#net-arrow)\"></line>"
		"<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>", MARGIN + 620, row, MARGIN + 660, row, MARGIN + 668,
	     row + 4, _("encouraged"));
}

/* Which nodes to draw: all, or the largest components up to max nodes. */
static size_t choose(const struct network *g, bool *drawn, size_t max)
{
	size_t count = 0;
	int last = 0;
	for (int comp = 1; comp <= g->components; comp++) {
		size_t size = 0;
		for (size_t i = 0; i < g->n; i++)
			size += g->nodes[i].component == comp;
		if (count + size > max && count)
			break;
		count += size;
		last = comp;
		if (count >= max)
			break;
	}
	for (size_t i = 0; i < g->n; i++)
		drawn[i] = g->nodes[i].component <= last;
	return count;
}

size_t network_svg(struct web *w, const struct network *g, const char *title, const char *desc, size_t max)
{
	struct buf *b = w->out;
	bool *drawn = arena_alloc(w->a, g->n + 1);
	size_t shown = choose(g, drawn, max);
	const char **d;
	size_t nd = departments(w, g, drawn, &d);
	int h = shown > 100 ? W : 700;
	int legend_rows = 2 + (int)nd / 5;
	int total_h = h + 20 + legend_rows * 24;
	html(b, "<figure class=\"chart network\"><svg role=\"img\" viewBox=\"0 0 %d %d\" aria-labelledby=\"net-t net-d\" "
		"xmlns=\"http://www.w3.org/2000/svg\" font-family=\"sans-serif\">", W, total_h);
	html(b, "<title id=\"net-t\">%s</title><desc id=\"net-d\">%s</desc>", title, desc);
	html(b, "<defs><marker id=\"net-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
		"markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#444444\"></path>"
		"</marker></defs>");
	for (size_t i = 0; i < g->m; i++) {
		const struct net_edge *e = &g->edges[i];
		if (!drawn[e->from] || !drawn[e->to])
			continue;
		double x1 = px(g->nodes[e->from].x, W), y1 = px(g->nodes[e->from].y, h);
		double x2 = px(g->nodes[e->to].x, W), y2 = px(g->nodes[e->to].y, h);
		double len = hypot(x2 - x1, y2 - y1);
		if (len < 1)
			continue;
		double cut = (R_NODE + 3) / len;   /* end at the node's edge */
		const char *dash = !strcmp(e->kind, "presentation") ? "6 3" : !strcmp(e->kind, "presented") ? "2 3" : "none";
		html(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444444\" stroke-width=\"1.2\" "
			"stroke-dasharray=\"%s\" marker-end=\"url(#net-arrow)\"></line>", (int)lround(x1 + (x2 - x1) * cut),
		     (int)lround(y1 + (y2 - y1) * cut), (int)lround(x2 - (x2 - x1) * cut), (int)lround(y2 - (y2 - y1) * cut),
		     dash);
	}
	for (size_t i = 0; i < g->n; i++) {
		if (!drawn[i])
			continue;
		const struct net_node *v = &g->nodes[i];
		int x = px(v->x, W), y = px(v->y, h);
		node_shape(b, v, x, y, colour_of(d, nd, v->department));
		if (shown <= 400)
			html(b, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", x + R_NODE + 4, y + 4, v->label);
	}
	legend(w, d, nd, h + 20);
	html(b, "</svg></figure>\n");
	return shown;
}
