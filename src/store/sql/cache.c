/* cache.c — per-connection answers that are dear to compute and seldom
 * change: the unit tree of an organisation (a recursive query with a sort)
 * and its number of people (a walk over every index entry). Every page of
 * the people list needs both. An entry is valid for one read version: any
 * commit, by this connection or another, makes it stale. */
#include "internal.h"

#include <string.h>

int read_version(struct store *s, struct read_version *v)
{
	/* Inside a transaction what we read may yet be rolled back, and a
	 * rollback does not turn the version back: no cache there. */
	if (!autocommit(s))
		return -1;
	/* PostgreSQL: other servers write to the database too, and nothing
	 * tells this connection that they did: no cache there. */
	if (s->kind != DB_SQLITE)
		return -1;
	struct query *st = stmt(s, "PRAGMA data_version");
	int rc = q_step(st);
	v->others = rc == Q_ROW ? q_int64(st, 0) : -1;
	q_reset(st);
	v->own = sqlite3_total_changes64(s->db);
	return rc == Q_ROW ? 0 : -1;
}

static bool same(const struct read_version *a, const struct read_version *b)
{
	return a->others == b->others && a->own == b->own;
}

static void copy_units(struct arena *a, const struct unit *from, size_t n, struct unit **out)
{
	struct unit *u = arena_alloc(a, (n ? n : 1) * sizeof(*u));
	for (size_t i = 0; i < n; i++) {
		u[i] = from[i];
		u[i].name = arena_strdup(a, from[i].name);
		u[i].manager_name = arena_strdup(a, from[i].manager_name);
	}
	*out = u;
}

bool cache_units_get(struct store *s, struct arena *a, long long org, bool counts, const struct read_version *v,
		     struct unit **out, size_t *n)
{
	for (int i = 0; i < CACHE_SLOTS; i++) {
		const struct cached_units *c = &s->units[i];
		if (c->used && c->org == org && c->counts == counts && same(&c->v, v)) {
			copy_units(a, c->units, c->n, out);
			*n = c->n;
			return true;
		}
	}
	return false;
}

void cache_units_put(struct store *s, long long org, bool counts, const struct read_version *v,
		     const struct unit *units, size_t n)
{
	/* the slot of this organisation if there is one, else the next in turn */
	struct cached_units *c = NULL;
	for (int i = 0; i < CACHE_SLOTS && !c; i++)
		if (s->units[i].used && s->units[i].org == org && s->units[i].counts == counts)
			c = &s->units[i];
	if (!c)
		c = &s->units[s->next_units++ % CACHE_SLOTS];
	arena_free(&c->a);
	c->used = true;
	c->org = org;
	c->counts = counts;
	c->v = *v;
	c->n = n;
	copy_units(&c->a, units, n, &c->units);
}

bool cache_count_get(struct store *s, long long org, int inactive, const struct read_version *v, long long *total)
{
	for (int i = 0; i < CACHE_SLOTS; i++) {
		const struct cached_count *c = &s->counts[i];
		if (c->used && c->org == org && c->inactive == inactive && same(&c->v, v)) {
			*total = c->total;
			return true;
		}
	}
	return false;
}

void cache_count_put(struct store *s, long long org, int inactive, const struct read_version *v, long long total)
{
	struct cached_count *c = NULL;
	for (int i = 0; i < CACHE_SLOTS && !c; i++)
		if (s->counts[i].used && s->counts[i].org == org && s->counts[i].inactive == inactive)
			c = &s->counts[i];
	if (!c)
		c = &s->counts[s->next_count++ % CACHE_SLOTS];
	*c = (struct cached_count){ true, inactive, org, *v, total };
}

void cache_free(struct store *s)
{
	for (int i = 0; i < CACHE_SLOTS; i++)
		arena_free(&s->units[i].a);
}
