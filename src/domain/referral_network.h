/* referral_network.h — the recruitment network of an organisation (issue
 * 18, seed 002 §7): who encouraged whom to take part, as a directed graph.
 *
 * Nodes: people of the organisation who joined, encouraged or presented
 * ("p<person id>"), people outside the people list named in a referral,
 * one per name within the organisation, case and spaces aside ("o<k>", k
 * in the order of those names), and presentations someone came through
 * ("x<presentation id>"). Node order (and so every tie below): people by
 * id, then outside people, then presentations by id.
 * Edges: encourager -> joiner ("person"), presentation -> joiner
 * ("presentation"), presenter -> presentation ("presented"); one edge per
 * pair and kind, dated by its earliest referral (the presentation's date
 * for "presented").
 *
 * Measures come from igraph (never our own graph code): in- and
 * out-degree, directed betweenness, the weak component (numbered 1... by
 * size, largest first, then by its first node), reach (the people, inside
 * or outside the list, reachable along the arrows), the people with
 * in-degree 0 who reach the most ("started the most chains"), and a
 * Fruchterman-Reingold layout from a fixed seed, so two views of the same
 * data draw the same.
 *
 * Who sees what: the coach and the researcher the graph with names; the
 * programme owner counts per department only; nobody else anything. The
 * research export carries pseudonyms (pseudonym.h) instead of names,
 * neutral labels for outside people and presentations, and no employee
 * number or e-mail. */
#ifndef LG_DOMAIN_REFERRAL_NETWORK_H
#define LG_DOMAIN_REFERRAL_NETWORK_H

#include "core/buf.h"
#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/network.h"

#include <jansson.h>

enum net_kind { NET_PERSON, NET_OUTSIDE, NET_PRESENTATION };
/* The kind as the JSON and GraphML name it: person, outside, presentation. */
const char *net_kind_id(enum net_kind k);

struct net_node {
	char *id;              /* "p12", "o1", "x3"; the pseudonym in a research export */
	enum net_kind kind;
	long long ref;         /* person or presentation id; k of an outside person */
	char *label;           /* name, outside name or title; neutral in a research export */
	char *department, *team;
	char *role;            /* team_leader|employee, by_role of an outside person, pecha_kucha|other */
	char *circles, *periods;
	char *employee_id, *email;  /* "" in a research export and for non-people */
	bool team_leader;
	long long in_degree, out_degree, reach;
	double betweenness;
	int component;
	double x, y;           /* the layout, in [0, 1] */
};

struct net_edge {
	size_t from, to;       /* node indexes */
	const char *kind;      /* person|presentation|presented */
	char *date;
};

/* The counts the programme owner sees, per department. */
struct net_dept {
	char *name;            /* "" for people without a unit */
	long long participants, by_person, by_presentation, own;
};

#define NET_STARTERS_MAX 5

struct network {
	bool graph;            /* false: departments only (the owner) */
	bool pseudonyms;
	bool laid_out;         /* x and y are set */
	struct net_node *nodes;
	size_t n;
	struct net_edge *edges;
	size_t m;
	int components;
	size_t starters[NET_STARTERS_MAX];   /* node indexes, most reach first */
	size_t nstarters;
	struct net_dept *depts;              /* by name */
	size_t ndepts;
	long long joined;                    /* people with a referral */
};

/* ---- pure (unit tests call these) ---- */

/* Builds nodes and edges from the rows (no measures yet). */
void network_build(struct arena *a, const struct net_rows *r, struct network *g);
/* Counts per department from the rows. */
void network_departments(struct arena *a, const struct net_rows *r, struct network *g);
/* Fills the measures and, when layout, the positions. false when igraph failed. */
MUST_CHECK bool network_measure(struct network *g, bool layout);
/* Normalises an outside name for matching: trimmed, runs of white space as
 * one space, ASCII letters in lower case. */
char *network_name_key(struct arena *a, const char *name);

/* ---- for pages, API and command line ---- */

enum net_use {
	NET_VIEW,       /* the page: names for the coach and the researcher */
	NET_DOWNLOAD,   /* a download or the API: names for the coach, pseudonyms for the researcher */
	NET_RESEARCH,   /* pseudonyms for everyone (--pseudonyms, ?pseudonyms=1) */
};

/* Whether the actor may see the network at all (coach, researcher, owner). */
bool network_may_view(const struct ctx *c);
/* The organisation's network as the actor may see it; layout for a picture.
 * D_FORBIDDEN for anyone but the coach, the researcher and the owner. */
MUST_CHECK int network_open(struct ctx *c, enum net_use use, bool layout, struct network *g);

/* {"nodes":[{"id","label","kind","department","team","role","team_leader",
 *   "circles","periods","in_degree","out_degree","betweenness","component",
 *   "reach"}], "edges":[{"from","to","kind","date"}], "components",
 *   "starters":[{"id","reach"}], "pseudonyms"}; for the owner
 * {"departments":[{"name","participants","by_person","by_presentation","own"}]} */
json_t *network_json(const struct network *g);
/* The GraphML document (graphml.c): false when libxml2 failed. */
MUST_CHECK bool network_graphml(const struct network *g, struct buf *out);

#endif
