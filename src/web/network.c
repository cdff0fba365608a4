/* network.c — the recruitment network page (/network), its downloads
 * (GraphML, JSON) and its API (/api/v1/network). The coach and the
 * researcher see who encouraged whom, drawn and as a table with the
 * measures; the programme owner sees counts per department only; the
 * domain (domain/referral_network.c) decides. The researcher's downloads
 * carry pseudonyms, as does anyone's with ?pseudonyms=1. */
#include "web.h"
#include "network_svg.h"
#include "domain/export_audit.h"
#include "domain/referral_network.h"
#include "html/html.h"

#include <string.h>

#define DRAW_MAX 300   /* nodes in the picture; the table holds every one */

static void fail(struct web *w, int d)
{
	if (d == D_FORBIDDEN)
		web_error(w, 403, _("Only the coordinator, the researcher and the programme owner see the recruitment network."));
	else
		web_error(w, 500, _("The recruitment network could not be read. Try again later."));
}

static const char *dept_name(const char *d)
{
	return *d ? d : _("without a department");
}

/* The owner's page: counts per department, no names, no picture. */
static void departments_page(struct web *w, const struct network *g)
{
	html(w->out, "<p>%s</p>",
	     _("This page shows per department how many participants came in, and how: encouraged by someone, by a "
	       "presentation, or on their own initiative. Someone can count in more than one column. Names are for "
	       "the coordinator and the researcher only."));
	if (!g->ndepts) {
		html(w->out, "<p>%s</p>", _("Nobody's way in has been recorded yet. Ask the coordinator to record how "
					   "participants came to take part."));
		return;
	}
	html(w->out, "<table tabindex=\"0\"><caption>%s</caption><thead><tr><th scope=\"col\">%s</th>"
		     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		     "</tr></thead><tbody>",
	     _("Participants per department and how they came in"), _("Department"), _("Participants"),
	     _("Encouraged by a person"), _("By a presentation"), _("On their own initiative"));
	const struct net_dept *top = &g->depts[0];
	for (size_t i = 0; i < g->ndepts; i++) {
		const struct net_dept *d = &g->depts[i];
		if (d->by_person > top->by_person)
			top = d;
		html(w->out, "<tr><th scope=\"row\">%s</th><td>%lld</td><td>%lld</td><td>%lld</td><td>%lld</td></tr>",
		     dept_name(d->name), d->participants, d->by_person, d->by_presentation, d->own);
	}
	html(w->out, "</tbody><tfoot><tr><th scope=\"row\">%s</th><td>%lld</td><td></td><td></td><td></td></tr></tfoot>"
		     "</table>", _("Total"), g->joined);
	html(w->out, "<p>%s</p>",
	     arena_printf(w->a, _("In %s most participants were encouraged by a person (%lld). Where many came in "
				  "through others, the programme spreads by itself; elsewhere a presentation in the "
				  "department meeting may help."), dept_name(top->name), top->by_person));
	html(w->out, "<p><a href=\"/network.json\">%s</a></p>", _("These counts as JSON"));
}

/* For each node, the names at the other end of its edges, in or out,
 * joined with commas: one pass over the edges. */
static const char **ends(struct web *w, const struct network *g, bool incoming)
{
	struct buf *b = arena_alloc(w->a, (g->n + 1) * sizeof(*b));
	for (size_t i = 0; i < g->n; i++)
		b[i] = (struct buf)BUF_INIT;
	for (size_t k = 0; k < g->m; k++) {
		const struct net_edge *e = &g->edges[k];
		struct buf *at = &b[incoming ? e->to : e->from];
		if (at->len)
			buf_adds(at, ", ");
		buf_adds(at, g->nodes[incoming ? e->from : e->to].label);
	}
	const char **out = arena_alloc(w->a, (g->n + 1) * sizeof(*out));
	for (size_t i = 0; i < g->n; i++) {
		out[i] = arena_strdup(w->a, b[i].len ? b[i].ptr : "—");
		buf_release(&b[i]);
	}
	return out;
}

static const char *kind_label(const struct net_node *v)
{
	return v->kind == NET_PERSON ? _("person") : v->kind == NET_OUTSIDE ? _("outside the people list")
									   : _("presentation");
}

static void table(struct web *w, const struct network *g)
{
	html(w->out, "<table tabindex=\"0\" id=\"network-table\"><caption>%s</caption><thead><tr>"
		     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		     "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		     "</tr></thead><tbody>",
	     _("Who encouraged whom, with the measures"), _("Name"), _("Kind"), _("Department"), _("Team"),
	     _("Team leader"), _("Came in through"), _("Encouraged"), _("In"), _("Out"), _("Betweenness"),
	     _("Group (component)"), _("Reach"));
	const char **in = ends(w, g, true), **out = ends(w, g, false);
	for (size_t i = 0; i < g->n; i++) {
		const struct net_node *v = &g->nodes[i];
		html(w->out, "<tr><th scope=\"row\">%s</th><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
			     "<td>%s</td><td>%lld</td><td>%lld</td><td>%s</td><td>%d</td><td>%lld</td></tr>",
		     v->label, kind_label(v), v->department, v->team, v->team_leader ? _("yes") : "", in[i], out[i], v->in_degree, v->out_degree, web_number(w, v->betweenness, 1), v->component,
		     v->reach);
	}
	html(w->out, "</tbody></table>");
}

static void graph_page(struct web *w, const struct network *g)
{
	html(w->out, "<p>%s</p>",
	     _("This page shows who encouraged whom to take part: an arrow runs from the person or presentation "
	       "that encouraged someone to the one who joined. The table below the picture says the same in words, "
	       "with the measures a researcher uses."));
	if (!g->n) {
		html(w->out, "<p>%s</p>", _("Nobody's way in has been recorded yet. Record for each participant how they "
					   "came to take part; the network appears here."));
		return;
	}
	size_t people = 0;
	for (size_t i = 0; i < g->n; i++)
		people += g->nodes[i].kind != NET_PRESENTATION;
	html(w->out, "<p>%s</p>",
	     arena_printf(w->a, _("%zu people and %zu presentations, with %zu arrows between them, in %d separate "
				  "groups."), people, g->n - people, g->m, g->components));
	if (g->nstarters) {
		const struct net_node *s = &g->nodes[g->starters[0]];
		html(w->out, "<p><strong>%s</strong></p>",
		     arena_printf(w->a, _("%s started the most chains: %lld people joined through them, directly or "
					  "through others."), s->label, s->reach));
	}
	html(w->out, "<p>%s</p>",
	     _("What to do next: people without arrows in or out may stand alone; a buddy from their team or "
	       "department can help. People with a high betweenness connect parts of the organisation: ask them to "
	       "tell their colleagues about the programme."));
	const char *title = _("Recruitment network");
	const char *desc = _("Who encouraged whom to take part; the table below gives the same in text.");
	size_t shown = network_svg(w, g, title, desc, DRAW_MAX);
	if (shown < g->n)
		html(w->out, "<p>%s</p>",
		     arena_printf(w->a, _("The picture shows the largest groups only (%zu of %zu); the table holds "
					  "everyone."), shown, g->n));
	html(w->out, "<p>%s <a href=\"/network.graphml\">%s</a> · <a href=\"/network.json\">%s</a> · "
		     "<a href=\"/network.graphml?pseudonyms=1\">%s</a></p>",
	     _("Download:"), _("GraphML (Gephi, yEd)"), _("JSON"), _("GraphML with pseudonyms, for research"));
	table(w, g);
}

void page_network(struct web *w)
{
	struct network g;
	int d = network_open(&w->ctx, NET_VIEW, true, &g);
	if (d) {
		fail(w, d);
		return;
	}
	page_begin(w, _("Recruitment network"));
	if (g.graph)
		graph_page(w, &g);
	else
		departments_page(w, &g);
	page_end(w);
}

static enum net_use download_use(struct web *w)
{
	const char *p = web_arg(w, "pseudonyms");
	return p && !strcmp(p, "1") ? NET_RESEARCH : NET_DOWNLOAD;
}

void page_network_graphml(struct web *w)
{
	struct network g;
	int d = network_open(&w->ctx, download_use(w), true, &g);
	if (!d && !g.graph)
		d = D_FORBIDDEN;
	if (d) {
		fail(w, d);
		return;
	}
	buf_reset(w->out);
	if (!network_graphml(&g, w->out)) {
		fail(w, D_ERROR);
		return;
	}
	export_record(&w->ctx, EXPORT_NETWORK, "organisation", w->ctx.who->organisation_id, "graphml", g.n);
	w->r->response_type = "application/graphml+xml; charset=utf-8";
	response_header(w->r, "Content-Disposition", g.pseudonyms ? "attachment; filename=\"netwerk-pseudoniem.graphml\""
								  : "attachment; filename=\"netwerk.graphml\"");
}

static int network_for_json(struct web *w, struct network *g)
{
	return network_open(&w->ctx, download_use(w), false, g);
}

void page_network_json(struct web *w)
{
	struct network g;
	int d = network_for_json(w, &g);
	if (d) {
		fail(w, d);
		return;
	}
	export_record(&w->ctx, EXPORT_NETWORK, "organisation", w->ctx.who->organisation_id, "json", g.n);
	web_json(w, 200, network_json(&g));
	response_header(w->r, "Content-Disposition", "attachment; filename=\"netwerk.json\"");
}

void api_network(struct web *w)
{
	struct network g;
	int d = network_for_json(w, &g);
	if (d) {
		api_answer(w, d, NULL, 0);
		return;
	}
	/* the same data as the JSON download, recorded the same way */
	export_record(&w->ctx, EXPORT_NETWORK, "organisation", w->ctx.who->organisation_id, "json", g.n);
	web_json(w, 200, network_json(&g));
}
