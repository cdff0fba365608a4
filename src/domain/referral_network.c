/* referral_network.c — the recruitment network (referral_network.h):
 * building the graph from the store's rows, what each actor may see of it. */
#include "referral_network.h"
#include "pseudonym.h"
#include "role.h"
#include "store/network.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

char *network_name_key(struct arena *a, const char *name)
{
	struct buf b = BUF_INIT;
	bool space = false;
	for (const char *p = name; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_addch(&b, ' ');
		space = false;
		buf_addch(&b, ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : (char)ch);
	}
	char *k = arena_strdup(a, b.ptr);
	buf_release(&b);
	return k;
}

/* The name as first written, for the label: trimmed, runs of white space
 * as one space, the case kept. */
static char *tidy(struct arena *a, const char *s)
{
	struct buf b = BUF_INIT;
	bool space = false;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_addch(&b, ' ');
		space = false;
		buf_addch(&b, *s);
	}
	char *t = arena_strdup(a, b.ptr);
	buf_release(&b);
	return t;
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static int cmp_edge(const void *x, const void *y)
{
	const struct net_edge *a = x, *b = y;
	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	if (a->to != b->to)
		return a->to < b->to ? -1 : 1;
	int k = strcmp(a->kind, b->kind);
	return k ? k : strcmp(a->date, b->date);
}

const char *net_kind_id(enum net_kind k)
{
	return k == NET_PERSON ? "person" : k == NET_OUTSIDE ? "outside" : "presentation";
}

/* The index of the node whose ref is id among nodes[first..n), which are
 * sorted by ref (people come first, by id; presentations after the
 * outside names, by id), or -1. */
static long find_node(const struct net_node *nodes, size_t first, size_t n, long long id)
{
	size_t lo = first, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (nodes[mid].ref == id)
			return (long)mid;
		if (nodes[mid].ref < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static long find_outside(char *const *keys, size_t nkeys, const char *key)
{
	const char *const *hit = bsearch(&key, keys, nkeys, sizeof(*keys), cmp_str);
	return hit ? (long)(hit - (const char *const *)keys) : -1;
}

void network_build(struct arena *a, const struct net_rows *r, struct network *g)
{
	/* the distinct outside names, sorted */
	char **keys = arena_alloc(a, (r->nreferrals + 1) * sizeof(*keys));
	const char **first_name = arena_alloc(a, (r->nreferrals + 1) * sizeof(*first_name));
	const char **first_role = arena_alloc(a, (r->nreferrals + 1) * sizeof(*first_role));
	size_t nkeys = 0;
	for (size_t i = 0; i < r->nreferrals; i++)
		if (!strcmp(r->referrals[i].kind, "person") && !r->referrals[i].by_person_id && *r->referrals[i].by_name) {
			char *k = network_name_key(a, r->referrals[i].by_name);
			if (*k)
				keys[nkeys++] = k;
		}
	qsort(keys, nkeys, sizeof(*keys), cmp_str);
	size_t u = 0;
	for (size_t i = 0; i < nkeys; i++)
		if (!u || strcmp(keys[u - 1], keys[i]))
			keys[u++] = keys[i];
	nkeys = u;
	for (size_t i = 0; i < nkeys; i++)
		first_name[i] = first_role[i] = NULL;

	size_t np = r->npeople, nx = r->npresentations;
	g->n = np + nkeys + nx;
	g->nodes = arena_alloc(a, (g->n + 1) * sizeof(*g->nodes));
	memset(g->nodes, 0, (g->n + 1) * sizeof(*g->nodes));
	for (size_t i = 0; i < np; i++) {
		const struct net_person_row *p = &r->people[i];
		struct net_node *v = &g->nodes[i];
		v->kind = NET_PERSON;
		v->ref = p->id;
		v->id = arena_printf(a, "p%lld", p->id);
		v->label = p->name;
		v->department = p->department;
		v->team = p->team;
		v->team_leader = p->team_leader;
		v->role = p->team_leader ? "team_leader" : "employee";
		v->circles = p->circles;
		v->periods = p->periods;
		v->employee_id = p->employee_id;
		v->email = p->email;
	}
	for (size_t i = 0; i < nx; i++) {
		const struct net_presentation_row *p = &r->presentations[i];
		struct net_node *v = &g->nodes[np + nkeys + i];
		v->kind = NET_PRESENTATION;
		v->ref = p->id;
		v->id = arena_printf(a, "x%lld", p->id);
		v->label = p->title;
		v->role = p->kind;
		v->department = v->team = v->circles = v->periods = v->employee_id = v->email = "";
	}

	size_t cap = r->nreferrals + r->npresenters + 1;
	struct net_edge *e = arena_alloc(a, cap * sizeof(*e));
	size_t m = 0;
	for (size_t i = 0; i < r->nreferrals; i++) {
		const struct net_referral_row *f = &r->referrals[i];
		long to = find_node(g->nodes, 0, np, f->person_id), from = -1;
		const char *kind = "person";
		if (to < 0)
			continue;
		if (!strcmp(f->kind, "person") && f->by_person_id)
			from = find_node(g->nodes, 0, np, f->by_person_id);
		else if (!strcmp(f->kind, "person") && *f->by_name) {
			long k = find_outside(keys, nkeys, network_name_key(a, f->by_name));
			if (k >= 0) {
				if (!first_name[k]) {
					first_name[k] = tidy(a, f->by_name);
					first_role[k] = *f->by_role ? f->by_role : "outside";
				}
				from = (long)np + k;
			}
		} else if (!strcmp(f->kind, "presentation")) {
			from = find_node(g->nodes, np + nkeys, g->n, f->presentation_id);
			kind = "presentation";
		}
		if (from >= 0)
			e[m++] = (struct net_edge){ (size_t)from, (size_t)to, kind, f->noted_on };
	}
	for (size_t i = 0; i < r->npresenters; i++) {
		long from = find_node(g->nodes, 0, np, r->presenters[i].person_id);
		long to = find_node(g->nodes, np + nkeys, g->n, r->presenters[i].presentation_id);
		if (from >= 0 && to >= 0)
			e[m++] = (struct net_edge){ (size_t)from, (size_t)to, "presented",
						    r->presentations[(size_t)to - np - nkeys].held_on };
	}
	for (size_t i = 0; i < nkeys; i++) {
		struct net_node *v = &g->nodes[np + i];
		v->kind = NET_OUTSIDE;
		v->ref = (long long)i + 1;
		v->id = arena_printf(a, "o%zu", i + 1);
		v->label = (char *)(first_name[i] ? first_name[i] : keys[i]);
		v->role = (char *)(first_role[i] ? first_role[i] : "outside");
		v->department = v->team = v->circles = v->periods = v->employee_id = v->email = "";
	}
	/* one edge per pair and kind, the earliest date */
	qsort(e, m, sizeof(*e), cmp_edge);
	u = 0;
	for (size_t i = 0; i < m; i++)
		if (!u || e[u - 1].from != e[i].from || e[u - 1].to != e[i].to || strcmp(e[u - 1].kind, e[i].kind))
			e[u++] = e[i];
	g->edges = e;
	g->m = u;
}

static int cmp_dept(const void *x, const void *y)
{
	return strcmp(((const struct net_dept *)x)->name, ((const struct net_dept *)y)->name);
}

void network_departments(struct arena *a, const struct net_rows *r, struct network *g)
{
	g->depts = arena_alloc(a, (r->npeople + 1) * sizeof(*g->depts));
	g->ndepts = 0;
	g->joined = 0;
	/* referrals come by person: one pass per person */
	for (size_t i = 0; i < r->nreferrals;) {
		long long who = r->referrals[i].person_id;
		bool by_person = false, by_pres = false, own = false;
		for (; i < r->nreferrals && r->referrals[i].person_id == who; i++) {
			const char *k = r->referrals[i].kind;
			by_person |= !strcmp(k, "person");
			by_pres |= !strcmp(k, "presentation");
			own |= !strcmp(k, "own");
		}
		const char *dept = "";
		for (size_t p = 0; p < r->npeople; p++)
			if (r->people[p].id == who) {
				dept = r->people[p].department;
				break;
			}
		struct net_dept *d = NULL;
		for (size_t k = 0; k < g->ndepts && !d; k++)
			if (!strcmp(g->depts[k].name, dept))
				d = &g->depts[k];
		if (!d) {
			d = &g->depts[g->ndepts++];
			d->name = (char *)dept;
		}
		d->participants++;
		d->by_person += by_person;
		d->by_presentation += by_pres;
		d->own += own;
		g->joined++;
	}
	qsort(g->depts, g->ndepts, sizeof(*g->depts), cmp_dept);
}

bool network_may_view(const struct ctx *c)
{
	return actor_has(c->who, ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_RESEARCHER) | ROLE_BIT(ROLE_OWNER));
}

/* Names for the coach always, for the researcher on the page only. */
static bool with_names(const struct ctx *c, enum net_use use)
{
	if (use == NET_RESEARCH)
		return false;
	if (actor_has(c->who, ROLE_BIT(ROLE_COACH)))
		return true;
	return use == NET_VIEW && actor_has(c->who, ROLE_BIT(ROLE_RESEARCHER));
}

/* Pseudonyms for the people, neutral labels for the rest, no employee
 * number or e-mail. */
static int pseudonymise(struct ctx *c, struct network *g)
{
	unsigned char key[PSEUDONYM_KEY_LEN];
	if (pseudonym_key(c, key))
		return D_ERROR;
	for (size_t i = 0; i < g->n; i++) {
		struct net_node *v = &g->nodes[i];
		if (v->kind == NET_PERSON) {
			char p[PSEUDONYM_LEN + 1];
			pseudonym_make(key, c->who->organisation_id, v->ref, p);
			v->id = v->label = arena_strdup(c->a, p);
		} else if (v->kind == NET_OUTSIDE) {
			v->label = arena_printf(c->a, "O-%lld", v->ref);
			v->id = arena_printf(c->a, "o%lld", v->ref);
		} else {
			v->label = arena_printf(c->a, "X-%lld", v->ref);
		}
		v->employee_id = v->email = "";
	}
	sodium_memzero(key, sizeof(key));
	g->pseudonyms = true;
	return D_OK;
}

int network_open(struct ctx *c, enum net_use use, bool layout, struct network *g)
{
	memset(g, 0, sizeof(*g));
	if (!network_may_view(c))
		return D_FORBIDDEN;
	struct net_rows r;
	if (store_network_rows(c->st, c->a, c->who->organisation_id, &r))
		return D_ERROR;
	network_departments(c->a, &r, g);
	if (!actor_has(c->who, ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_RESEARCHER)))
		return D_OK;   /* the owner: counts per department only */
	g->graph = true;
	network_build(c->a, &r, g);
	if (!network_measure(g, layout))
		return D_ERROR;
	return with_names(c, use) ? D_OK : pseudonymise(c, g);
}
