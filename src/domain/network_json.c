/* network_json.c — the recruitment network as the API and the command
 * line give it (referral_network.h), one shape for both. */
#include "referral_network.h"

#include <math.h>

/* Rounded so that the text is the same on every machine and in every run. */
static double round_to(double v, double scale)
{
	return round(v * scale) / scale;
}

json_t *network_json(const struct network *g)
{
	if (!g->graph) {
		json_t *d = json_array();
		for (size_t i = 0; i < g->ndepts; i++)
			json_array_append_new(d, json_pack("{s:s, s:I, s:I, s:I, s:I}", "name", g->depts[i].name,
							   "participants", (json_int_t)g->depts[i].participants,
							   "by_person", (json_int_t)g->depts[i].by_person, "by_presentation",
							   (json_int_t)g->depts[i].by_presentation, "own",
							   (json_int_t)g->depts[i].own));
		return json_pack("{s:o, s:I}", "departments", d, "participants", (json_int_t)g->joined);
	}
	json_t *nodes = json_array(), *edges = json_array(), *st = json_array();
	for (size_t i = 0; i < g->n; i++) {
		const struct net_node *v = &g->nodes[i];
		json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:s, s:s, s:I, s:I, s:f, s:i, s:I}",
				      "id", v->id, "label", v->label, "kind", net_kind_id(v->kind), "department",
				      v->department, "team", v->team, "role", v->role, "team_leader", v->team_leader,
				      "circles", v->circles, "periods", v->periods, "in_degree", (json_int_t)v->in_degree,
				      "out_degree", (json_int_t)v->out_degree, "betweenness", v->betweenness,
				      "component", v->component, "reach", (json_int_t)v->reach);
		if (g->laid_out) {
			json_object_set_new(o, "x", json_real(round_to(v->x, 1e4)));
			json_object_set_new(o, "y", json_real(round_to(v->y, 1e4)));
		}
		if (!g->pseudonyms && v->kind == NET_PERSON)
			json_object_set_new(o, "employee_id", json_string(v->employee_id));
		json_array_append_new(nodes, o);
	}
	for (size_t i = 0; i < g->m; i++)
		json_array_append_new(edges, json_pack("{s:s, s:s, s:s, s:s}", "from", g->nodes[g->edges[i].from].id, "to",
						       g->nodes[g->edges[i].to].id, "kind", g->edges[i].kind, "date",
						       g->edges[i].date));
	for (size_t i = 0; i < g->nstarters; i++)
		json_array_append_new(st, json_pack("{s:s, s:I}", "id", g->nodes[g->starters[i]].id, "reach",
						    (json_int_t)g->nodes[g->starters[i]].reach));
	return json_pack("{s:o, s:o, s:i, s:o, s:b}", "nodes", nodes, "edges", edges, "components", g->components,
			 "starters", st, "pseudonyms", g->pseudonyms);
}
