/* network_graphml.c — the recruitment network as GraphML (referral_network.h),
 * written with libxml2's xmlTextWriter, for Gephi, yEd, igraph and
 * networkx: every <key> for nodes or edges with its name and type, no data
 * named after one of Gephi's display properties except the label (which is
 * one), each edge directed, and yEd's node graphics so names and positions
 * show there. */
#include "referral_network.h"

#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <string.h>

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"
#define YED_NS "http://www.yworks.com/xml/graphml"
#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"
#define SCHEMA GRAPHML_NS " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"

/* The data keys: id, for, attr.name, attr.type. */
static const struct key {
	const char *id, *domain, *name, *type;
} keys[] = {
	{ "n_label", "node", "label", "string" },
	{ "n_kind", "node", "kind", "string" },
	{ "n_department", "node", "department", "string" },
	{ "n_team", "node", "team", "string" },
	{ "n_role", "node", "role", "string" },
	{ "n_team_leader", "node", "team_leader", "boolean" },
	{ "n_circle", "node", "circle", "string" },
	{ "n_period", "node", "period", "string" },
	{ "n_in_degree", "node", "in_degree", "int" },
	{ "n_out_degree", "node", "out_degree", "int" },
	{ "n_betweenness", "node", "betweenness", "double" },
	{ "n_component", "node", "component", "int" },
	{ "n_reach", "node", "reach", "int" },
	{ "e_kind", "edge", "kind", "string" },
	{ "e_date", "edge", "date", "string" },
};

/* An empty value is left out: GraphML readers take a missing <data> as
 * "no value", where networkx would read an empty one as the string "". */
static int data(xmlTextWriterPtr w, const char *key, const char *value)
{
	if (!value || !*value)
		return 0;
	if (xmlTextWriterStartElement(w, BAD_CAST "data") < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST key) < 0 ||
	    xmlTextWriterWriteString(w, BAD_CAST value) < 0)
		return -1;
	return xmlTextWriterEndElement(w);
}

static int data_ll(xmlTextWriterPtr w, const char *key, long long v)
{
	char s[32];
	snprintf(s, sizeof(s), "%lld", v);
	return data(w, key, s);
}

/* yEd's picture of a node: its place from the layout, a shape per kind
 * and the label. */
static int yed_node(xmlTextWriterPtr w, const struct net_node *v)
{
	char x[32], y[32];
	snprintf(x, sizeof(x), "%.1f", v->x * 1000);
	snprintf(y, sizeof(y), "%.1f", v->y * 1000);
	const char *shape = v->kind == NET_PRESENTATION ? "rectangle" : v->kind == NET_OUTSIDE ? "diamond" : "ellipse";
	if (xmlTextWriterStartElement(w, BAD_CAST "data") < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "key", BAD_CAST "n_graphics") < 0 ||
	    xmlTextWriterStartElementNS(w, BAD_CAST "y", BAD_CAST "ShapeNode", NULL) < 0 ||
	    xmlTextWriterStartElementNS(w, BAD_CAST "y", BAD_CAST "Geometry", NULL) < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "x", BAD_CAST x) < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "y", BAD_CAST y) < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "width", BAD_CAST "30.0") < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "height", BAD_CAST "30.0") < 0 ||
	    xmlTextWriterEndElement(w) < 0 ||
	    xmlTextWriterStartElementNS(w, BAD_CAST "y", BAD_CAST "NodeLabel", NULL) < 0 ||
	    xmlTextWriterWriteString(w, BAD_CAST v->label) < 0 || xmlTextWriterEndElement(w) < 0 ||
	    xmlTextWriterStartElementNS(w, BAD_CAST "y", BAD_CAST "Shape", NULL) < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "type", BAD_CAST shape) < 0 || xmlTextWriterEndElement(w) < 0 ||
	    xmlTextWriterEndElement(w) < 0)
		return -1;
	return xmlTextWriterEndElement(w);
}

static int node(xmlTextWriterPtr w, const struct net_node *v)
{
	char btw[40];
	snprintf(btw, sizeof(btw), "%.17g", v->betweenness);
	if (xmlTextWriterStartElement(w, BAD_CAST "node") < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST v->id) < 0 || data(w, "n_label", v->label) < 0 ||
	    data(w, "n_kind", net_kind_id(v->kind)) < 0 || data(w, "n_department", v->department) < 0 ||
	    data(w, "n_team", v->team) < 0 || data(w, "n_role", v->role) < 0 ||
	    data(w, "n_team_leader", v->team_leader ? "true" : "false") < 0 || data(w, "n_circle", v->circles) < 0 ||
	    data(w, "n_period", v->periods) < 0 || data_ll(w, "n_in_degree", v->in_degree) < 0 ||
	    data_ll(w, "n_out_degree", v->out_degree) < 0 || data(w, "n_betweenness", btw) < 0 ||
	    data_ll(w, "n_component", v->component) < 0 || data_ll(w, "n_reach", v->reach) < 0 || yed_node(w, v) < 0)
		return -1;
	return xmlTextWriterEndElement(w);
}

static int edge(xmlTextWriterPtr w, const struct network *g, size_t i)
{
	const struct net_edge *e = &g->edges[i];
	char id[32];
	snprintf(id, sizeof(id), "e%zu", i);
	if (xmlTextWriterStartElement(w, BAD_CAST "edge") < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST id) < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "source", BAD_CAST g->nodes[e->from].id) < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "target", BAD_CAST g->nodes[e->to].id) < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "directed", BAD_CAST "true") < 0 || data(w, "e_kind", e->kind) < 0 ||
	    data(w, "e_date", e->date) < 0)
		return -1;
	return xmlTextWriterEndElement(w);
}

static int document(xmlTextWriterPtr w, const struct network *g)
{
	if (xmlTextWriterSetIndent(w, 1) < 0 || xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0 ||
	    xmlTextWriterStartElementNS(w, NULL, BAD_CAST "graphml", BAD_CAST GRAPHML_NS) < 0 ||
	    xmlTextWriterWriteAttributeNS(w, BAD_CAST "xmlns", BAD_CAST "xsi", NULL, BAD_CAST XSI_NS) < 0 ||
	    xmlTextWriterWriteAttributeNS(w, BAD_CAST "xmlns", BAD_CAST "y", NULL, BAD_CAST YED_NS) < 0 ||
	    xmlTextWriterWriteAttributeNS(w, BAD_CAST "xsi", BAD_CAST "schemaLocation", NULL, BAD_CAST SCHEMA) < 0)
		return -1;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (xmlTextWriterStartElement(w, BAD_CAST "key") < 0 ||
		    xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST keys[i].id) < 0 ||
		    xmlTextWriterWriteAttribute(w, BAD_CAST "for", BAD_CAST keys[i].domain) < 0 ||
		    xmlTextWriterWriteAttribute(w, BAD_CAST "attr.name", BAD_CAST keys[i].name) < 0 ||
		    xmlTextWriterWriteAttribute(w, BAD_CAST "attr.type", BAD_CAST keys[i].type) < 0 ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
	/* yEd's graphics: a key of its own kind, without a name or type */
	if (xmlTextWriterStartElement(w, BAD_CAST "key") < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST "n_graphics") < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "for", BAD_CAST "node") < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "yfiles.type", BAD_CAST "nodegraphics") < 0 ||
	    xmlTextWriterEndElement(w) < 0)
		return -1;
	if (xmlTextWriterStartElement(w, BAD_CAST "graph") < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST "recruitment") < 0 ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "edgedefault", BAD_CAST "directed") < 0)
		return -1;
	for (size_t i = 0; i < g->n; i++)
		if (node(w, &g->nodes[i]) < 0)
			return -1;
	for (size_t i = 0; i < g->m; i++)
		if (edge(w, g, i) < 0)
			return -1;
	return xmlTextWriterEndDocument(w);
}

bool network_graphml(const struct network *g, struct buf *out)
{
	if (!g->graph)
		return false;
	xmlBufferPtr xb = xmlBufferCreate();
	if (!xb)
		return false;
	xmlTextWriterPtr w = xmlNewTextWriterMemory(xb, 0);
	if (!w) {
		xmlBufferFree(xb);
		return false;
	}
	int r = document(w, g);
	xmlFreeTextWriter(w);   /* flushes into xb */
	if (r >= 0)
		buf_add(out, xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
	xmlBufferFree(xb);
	return r >= 0;
}
