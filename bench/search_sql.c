/* search_sql.c — where the time of a search goes, on the database of
 * bench/search-generate.
 * Usage: bench-search-sql DB [--scope] [--optimize] [--concurrent]
 *
 * For each query of the benchmark (the FTS5 form search_query() makes of
 * what was typed) and each of two searchers of org-25 (the facilitator
 * begeleider@org-25.example: 4 groups; the coach: every group), it times
 * on the store's own connection (store_open(): the tokenizer "dutch",
 * md_plain(), the same pragmas), best of RUNS:
 *
 *   fts count       SELECT count(*) ... MATCH: the raw FTS5 look-up over
 *                   all organisations
 *   fts rank        the same ranked: ORDER BY rank LIMIT 200
 *   in scope        count(*) of the matches after the join with
 *                   search_doc and the organisation/group filter
 *   no snippet      store_search()'s SQL without the snippet() column
 *   store_search    store_search() itself (src/store/sql/report.c)
 *   search_run      domain/search.c: store_search() plus the privacy check,
 *                   titles, anonymising and audit record of every result
 *                   (what a page or API request does besides HTML/JSON)
 *
 * and rewrites of the SQL, each checked against store_search() (the same
 * rows in the same order, or in another order, or different rows):
 *
 *   bm25 order / +rank order   ORDER BY bm25(search_text) or +rank: SQLite
 *                   does not hand the ORDER BY to FTS5, so only the rows in
 *                   scope are ranked (with and without snippet())
 *   snippet last    that, LIMIT, then snippet() only for the rows kept (a
 *                   second MATCH, probed by rowid); also for the first 50
 *                   only (what the page shows)
 *   scope first     search_doc (organisation, groups) drives, probing
 *                   search_text by rowid + MATCH (CROSS JOIN)
 *   --scope         the organisation and groups as tokens of an extra FTS
 *                   column (built here in a TEMP table: 15-20 s and some
 *                   hundreds of MB of memory), so that FTS5 itself
 *                   intersects the word's doclist with the scope's
 *   the pre-filter  "d.id IN (SELECT rowid FROM search_text WHERE
 *                   search_text MATCH ? ORDER BY rank LIMIT 200)", for
 *                   comparison: wrong, the best 200 of all organisations are
 *                   seldom in the searcher's scope
 *
 * EXPLAIN QUERY PLAN of each is printed once. Then the cost of an audit
 * record, and four connections searching at once as the coach for 5 s per
 * variant (search_run; store_search with the audit INSERTs in autocommit or
 * in one transaction; store_search alone). These write audit rows into DB.
 *
 *   --concurrent    only the part with four connections at once
 *   --optimize      first merges the FTS5 index into one segment
 *                   ('optimize'; changes DB: use a copy)
 */
#include "core/arena.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "domain/account.h"
#include "domain/ctx.h"
#include "domain/role.h"
#include "domain/search.h"
#include "store/report.h"
#include "formats/markdown.h"
#include "store/store.h"
#include "store/sql/internal.h"
#include "store/group.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define RUNS 5
#define MAX 200   /* what search_run asked of store_search when a page showed 50 */

static const char *const queries[] = { "vergadering", "klokkenluidersregeling", "moeilijk gesprek" };

#define SCOPE \
	" AND ((?3 <> 0 AND d.person_id = ?3) OR (?5 <> 0 AND d.group_id IS NOT NULL)" \
	"  OR d.group_id IN (SELECT value FROM json_each(?4)))"

/* store_search()'s statement, as in src/store/sql/report.c (2026-11-29) */
static const char sql_store[] =
	"SELECT d.id, d.kind, d.ref_id, ifnull(d.group_id, 0), ifnull(d.person_id, 0),"
	" snippet(search_text, -1, char(1), char(2), '…', 24), search_text.rank"
	" FROM search_text JOIN search_doc d ON d.id = search_text.rowid"
	" WHERE search_text MATCH ?1 AND d.organisation_id = ?2" SCOPE
	" ORDER BY search_text.rank LIMIT ?6";
static const char sql_fts_count[] = "SELECT count(*) FROM search_text WHERE search_text MATCH ?1";
static const char sql_fts_rank[] =
	"SELECT rowid FROM search_text WHERE search_text MATCH ?1 ORDER BY rank LIMIT ?6";
static const char sql_in_scope[] =
	"SELECT count(*) FROM search_text CROSS JOIN search_doc d ON d.id = search_text.rowid"
	" WHERE search_text MATCH ?1 AND d.organisation_id = ?2" SCOPE;
static const char sql_no_snippet[] =
	"SELECT d.id FROM search_text JOIN search_doc d ON d.id = search_text.rowid"
	" WHERE search_text MATCH ?1 AND d.organisation_id = ?2" SCOPE
	" ORDER BY search_text.rank LIMIT ?6";
/* ORDER BY bm25(search_text) instead of rank: the same value (rank is
 * bm25() unless configured otherwise), but SQLite does not hand this ORDER
 * BY to FTS5, so FTS5 returns the matches in rowid order without ranking
 * them, the join and filter run first, and only the rows in scope are
 * ranked and sorted (a temp b-tree) */
static const char sql_bm25[] =
	"SELECT d.id, d.kind, d.ref_id, ifnull(d.group_id, 0), ifnull(d.person_id, 0),"
	" snippet(search_text, -1, char(1), char(2), '…', 24), bm25(search_text) AS r"
	" FROM search_text JOIN search_doc d ON d.id = search_text.rowid"
	" WHERE search_text MATCH ?1 AND d.organisation_id = ?2" SCOPE
	" ORDER BY r LIMIT ?6";
static const char sql_bm25_no_snippet[] =
	"SELECT d.id, bm25(search_text) AS r FROM search_text JOIN search_doc d ON d.id = search_text.rowid"
	" WHERE search_text MATCH ?1 AND d.organisation_id = ?2" SCOPE
	" ORDER BY r LIMIT ?6";
/* the smallest change: "+" makes the ORDER BY an expression, which SQLite
 * does not hand to FTS5 either */
static const char sql_plus_rank[] =
	"SELECT d.id FROM search_text JOIN search_doc d ON d.id = search_text.rowid"
	" WHERE search_text MATCH ?1 AND d.organisation_id = ?2" SCOPE
	" ORDER BY +search_text.rank LIMIT ?6";
/* rank and filter first, then snippet() only for the rows kept: a second
 * MATCH on search_text, probed by rowid */
#define SNIPPET_LAST \
	" SELECT d.id, d.kind, d.ref_id, ifnull(d.group_id, 0), ifnull(d.person_id, 0)," \
	" snippet(search_text, -1, char(1), char(2), '…', 24), top.r" \
	" FROM top CROSS JOIN search_doc d CROSS JOIN search_text" \
	" WHERE d.id = top.id AND search_text.rowid = top.id AND search_text MATCH ?1 ORDER BY top.r"
static const char sql_snippet_last[] =
	"WITH top AS MATERIALIZED (SELECT d.id AS id, bm25(search_text) AS r"
	"  FROM search_text JOIN search_doc d ON d.id = search_text.rowid"
	"  WHERE search_text MATCH ?1 AND d.organisation_id = ?2" SCOPE
	"  ORDER BY r LIMIT ?6)" SNIPPET_LAST;
/* the same, but snippets only for the first 50 (what a page showed
 * before pages of SEARCH_PAGE): as if the domain asked for snippets after its privacy
 * check; compared on those 50 */
static const char sql_snippet_50[] =
	"WITH top AS MATERIALIZED (SELECT id, r FROM (SELECT d.id AS id, bm25(search_text) AS r"
	"  FROM search_text JOIN search_doc d ON d.id = search_text.rowid"
	"  WHERE search_text MATCH ?1 AND d.organisation_id = ?2" SCOPE
	"  ORDER BY r LIMIT ?6) ORDER BY r LIMIT 50)" SNIPPET_LAST;
/* search_doc (organisation, groups) drives, probing search_text by rowid
 * and MATCH; for a small scope */
static const char sql_scope_first[] =
	"WITH top AS MATERIALIZED (SELECT d.id AS id, bm25(search_text) AS r"
	"  FROM search_doc d CROSS JOIN search_text"
	"  WHERE search_text.rowid = d.id AND search_text MATCH ?1 AND d.organisation_id = ?2" SCOPE
	"  ORDER BY r LIMIT ?6)" SNIPPET_LAST;
static const char sql_prefilter[] =
	"SELECT d.id FROM search_text JOIN search_doc d ON d.id = search_text.rowid"
	" WHERE search_text MATCH ?1 AND d.organisation_id = ?2" SCOPE
	" AND d.id IN (SELECT rowid FROM search_text WHERE search_text MATCH ?1 ORDER BY rank LIMIT ?6)"
	" ORDER BY search_text.rank LIMIT ?6";
/* --scope: the scope as tokens ("o25 o25g g1234 p5678") of a first column;
 * bm25 weight 0 for that column keeps the ranking of store_search() */
static const char sql_scoped[] =
	"WITH top AS MATERIALIZED (SELECT rowid AS id, bm25(scoped, 0.0, 1.0, 1.0) AS r FROM scoped"
	"  WHERE scoped MATCH ?7 ORDER BY r LIMIT ?6)" SNIPPET_LAST;

static const char sql_scoped_no_snippet[] =
	"SELECT rowid, bm25(scoped, 0.0, 1.0, 1.0) AS r FROM scoped WHERE scoped MATCH ?7 ORDER BY r LIMIT ?6";

struct who {
	const char *label, *email;
	struct actor w;
	long long person;
	long long groups[64];
	size_t ngroups;
	bool coach;
	char json[1024];    /* the group ids as json_each() takes them */
	char scope[2048];   /* the FTS5 expression on the scope column */
};

static struct store *st;
static long long org;

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void fail(const char *what)
{
	fprintf(stderr, "bench-search-sql: %s: %s\n", what, sqlite3_errmsg(st->db));
	exit(1);
}

/* Runs sql for (match, who): best time of RUNS in ms, the rows (or the
 * count for a count(*)), and the first column of the rows in ids. */
static double run(const char *sql, const char *match, const struct who *u, long long *ids, size_t *n)
{
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK)
		fail("prepare");
	char scoped_match[4096];
	snprintf(scoped_match, sizeof(scoped_match), "%s AND {title body} : (%s)", u->scope, match);
	double best = 1e18;
	for (int k = 0; k < RUNS; k++) {
		sqlite3_reset(q);
		sqlite3_bind_text(q, 1, match, -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 2, org);
		sqlite3_bind_int64(q, 3, u->person);
		sqlite3_bind_text(q, 4, u->json, -1, SQLITE_STATIC);
		sqlite3_bind_int(q, 5, u->coach);
		sqlite3_bind_int(q, 6, MAX);
		if (sqlite3_bind_parameter_count(q) >= 7)
			sqlite3_bind_text(q, 7, scoped_match, -1, SQLITE_STATIC);
		double t0 = now_ms();
		int rc;
		*n = 0;
		while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
			if (*n < MAX)
				ids[*n] = sqlite3_column_int64(q, 0);
			(*n)++;
		}
		double t = now_ms() - t0;
		if (rc != SQLITE_DONE)
			fail("step");
		if (t < best)
			best = t;
	}
	if (!strncmp(sql, "SELECT count(*)", 15))
		*n = (size_t)ids[0];
	sqlite3_finalize(q);
	return best;
}

static void plan(const char *label, const char *sql)
{
	sqlite3_stmt *q;
	char *e = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
	if (sqlite3_prepare_v2(st->db, e, -1, &q, NULL) != SQLITE_OK)
		fail("prepare plan");
	sqlite3_free(e);
	printf("  %s:\n", label);
	while (sqlite3_step(q) == SQLITE_ROW)
		printf("    %s\n", (const char *)sqlite3_column_text(q, 3));
	sqlite3_finalize(q);
}

static long long one(const char *sql)
{
	sqlite3_stmt *q;
	long long v = -1;
	if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return v;
}

static void load_who(struct arena *a, struct who *u)
{
	struct account acc;
	if (store_account_by_email(st, a, u->email, &acc) || actor_load(st, a, acc.id, &u->w)) {
		fprintf(stderr, "bench-search-sql: no account %s (run bench/search-generate)\n", u->email);
		exit(1);
	}
	org = u->w.organisation_id;
	u->person = u->w.person_id;
	u->coach = (u->w.roles & ROLE_BIT(ROLE_COACH)) != 0;
	struct learning_group *g = NULL;
	size_t ng = 0;
	if (u->person && store_group_list_for_person(st, a, org, u->person, &g, &ng))
		fail("groups");
	struct buf j = BUF_INIT, s = BUF_INIT;
	buf_addch(&j, '[');
	buf_adds(&s, "{scope} : (");
	if (u->coach)
		buf_addf(&s, "o%lldg", org);
	for (size_t i = 0; i < ng && i < 64; i++) {
		u->groups[u->ngroups++] = g[i].id;
		buf_addf(&j, "%s%lld", i ? "," : "", g[i].id);
		buf_addf(&s, "%sg%lld", i || u->coach ? " OR " : "", g[i].id);
	}
	if (u->person)
		buf_addf(&s, "%sp%lld", ng || u->coach ? " OR " : "", u->person);
	buf_adds(&j, "]");
	buf_adds(&s, ")");
	snprintf(u->json, sizeof(u->json), "%s", j.ptr);
	snprintf(u->scope, sizeof(u->scope), "%s", s.ptr);
	buf_release(&j);
	buf_release(&s);
}

/* ---- searches from several connections at once ---- */

#define CONC_THREADS 4
#define CONC_SECONDS 5
static const char *conc_path, *conc_query;
static const struct who *conc_who;
static int conc_mode;

static void *conc_run(void *arg)
{
	long *done = arg;
	struct store *s;
	struct buf e = BUF_INIT;
	if (store_open(conc_path, &s, &e)) {
		fprintf(stderr, "bench-search-sql: %s\n", e.ptr);
		exit(1);
	}
	const struct who *u = conc_who;
	struct actor w = u->w;
	*done = 0;
	double end = now_ms() + CONC_SECONDS * 1e3;
	while (now_ms() < end) {
		struct arena b = ARENA_INIT;
		if (conc_mode == 0) {
			struct ctx c = { s, &b, &w, 0 };
			struct search_result *r;
			size_t n;
			bool more;
			struct errors er = { 0 };
			if (search_run(&c, conc_query, 1, &r, &n, &more, &er))
				exit(1);
		} else {
			struct search_hit *h;
			size_t nh;
			if (store_search(s, &b, org, search_query(&b, conc_query), u->person, u->groups, u->ngroups, NULL, 0,
					 u->coach, MAX, &h, &nh))
				exit(1);
			size_t shown = nh < SEARCH_PAGE ? nh : SEARCH_PAGE;
			if (conc_mode == 2 && store_begin(s))
				exit(1);
			for (size_t i = 0; conc_mode != 3 && i < shown; i++)
				if (store_audit_add(s, org, w.account_id, w.email, "report.read", "report", h[i].ref_id,
						    "writer person 0"))
					exit(1);
			if (conc_mode == 2 && store_commit(s))
				exit(1);
		}
		arena_free(&b);
		(*done)++;
	}
	store_close(s);
	return NULL;
}

static int cmp_id(const void *x, const void *y)
{
	long long a = *(const long long *)x, b = *(const long long *)y;
	return a < b ? -1 : a > b;
}

/* "same as store_search", or the same rows in another order (bm25 ties,
 * or a slightly different bm25), or different rows */
static const char *same(const long long *x, size_t nx, const long long *y, size_t ny)
{
	if (nx != ny)
		return "DIFFERENT";
	size_t k = nx < MAX ? nx : MAX;
	if (!memcmp(x, y, k * sizeof(*x)))
		return "same as store_search";
	long long sx[MAX], sy[MAX];
	memcpy(sx, x, k * sizeof(*x));
	memcpy(sy, y, k * sizeof(*y));
	qsort(sx, k, sizeof(*sx), cmp_id);
	qsort(sy, k, sizeof(*sy), cmp_id);
	return memcmp(sx, sy, k * sizeof(*sx)) ? "DIFFERENT" : "same rows, order differs in places";
}

int main(int argc, char **argv)
{
	store_use_words(md_plain);
	bool scoped = false, optimize = false, conc_only = false;
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--scope"))
			scoped = true;
		else if (!strcmp(argv[i], "--optimize"))
			optimize = true;
		else if (!strcmp(argv[i], "--concurrent"))
			conc_only = true;
		else
			argc = 0;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: bench-search-sql DB [--scope] [--optimize] [--concurrent]\n");
		return 2;
	}
	struct buf err = BUF_INIT;
	int applied;
	if (store_open(argv[1], &st, &err) || store_migrate(st, &applied, &err)) {
		fprintf(stderr, "bench-search-sql: %s\n", err.ptr);
		return 1;
	}
	i18n_use(LANG_NL);
	struct arena a = ARENA_INIT;
	struct who who[2] = {
		{ .label = "facilitator", .email = "begeleider@org-25.example" },
		{ .label = "coach", .email = "coach@org-25.example" },
	};
	for (int i = 0; i < 2; i++)
		load_who(&a, &who[i]);

	if (optimize) {
		double t0 = now_ms();
		if (sqlite3_exec(st->db, "INSERT INTO search_text(search_text) VALUES ('optimize')", NULL, NULL, NULL))
			fail("optimize");
		printf("--optimize: the index merged into one segment in %.1f s (this changed %s)\n",
		       (now_ms() - t0) / 1e3, argv[1]);
	}
	printf("FTS5 segments: %lld\n", one("SELECT count(DISTINCT segid) FROM search_text_idx"));
	printf("search index: %lld documents, %lld in org-25; FTS5 index %lld blocks (%lld MB), content %lld MB\n",
	       one("SELECT count(*) FROM search_doc"),
	       one("SELECT count(*) FROM search_doc WHERE organisation_id = (SELECT id FROM organisation WHERE slug = 'org-25')"),
	       one("SELECT count(*) FROM search_text_data"),
	       one("SELECT sum(length(block)) FROM search_text_data") >> 20,
	       (one("SELECT sum(length(c0)) + sum(length(c1)) FROM search_text_content")) >> 20);
	if (!sqlite3_exec(st->db, "CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, search_text, 'row')",
			  NULL, NULL, NULL))
		printf("distinct terms (stems) in the index: %lld\n", one("SELECT count(*) FROM temp.vocab"));
	for (int i = 0; i < 2; i++)
		printf("%s: person %lld, %zu groups %s, coach %d\n", who[i].label, who[i].person, who[i].ngroups,
		       who[i].json, who[i].coach);

	if (scoped) {
		double t0 = now_ms();
		if (sqlite3_exec(st->db,
			"CREATE VIRTUAL TABLE temp.scoped USING fts5(scope, title, body, tokenize = 'dutch');"
			"INSERT INTO temp.scoped(rowid, scope, title, body)"
			" SELECT d.id, 'o' || d.organisation_id || CASE WHEN d.group_id IS NOT NULL"
			"  THEN ' o' || d.organisation_id || 'g g' || d.group_id ELSE '' END"
			"  || CASE WHEN d.person_id IS NOT NULL THEN ' p' || d.person_id ELSE '' END, t.title, t.body"
			" FROM search_doc d JOIN search_text t ON t.rowid = d.id;", NULL, NULL, NULL))
			fail("build the scoped index");
		printf("--scope: TEMP table scoped(scope, title, body) built in %.1f s\n", (now_ms() - t0) / 1e3);
	}

	if (conc_only)
		goto concurrent;
	printf("\nquery plans (the facilitator's parameters):\n");
	plan("store_search", sql_store);
	plan("bm25 order", sql_bm25);
	plan("snippet last", sql_snippet_last);
	plan("scope first", sql_scope_first);
	plan("+rank order", sql_plus_rank);
	if (scoped)
		plan("scope column", sql_scoped);

	long long ref[MAX], ids[MAX + 1];
	size_t nref, n;
	for (size_t qi = 0; qi < sizeof(queries) / sizeof(queries[0]); qi++) {
		const char *match = search_query(&a, queries[qi]);
		for (int i = 0; i < 2; i++) {
			struct who *u = &who[i];
			printf("\n== \"%s\" (%s) as the %s\n", queries[qi], match, u->label);
			double t = run(sql_fts_count, match, u, ids, &n);
			printf("  %-34s %9.2f ms  %zu matches in all organisations\n", "fts count", t, n);
			t = run(sql_fts_rank, match, u, ids, &n);
			printf("  %-34s %9.2f ms  %zu rows\n", "fts rank (ORDER BY rank LIMIT 200)", t, n);
			t = run(sql_in_scope, match, u, ids, &n);
			printf("  %-34s %9.2f ms  %zu matches the %s may see\n", "in scope (join + filter, count)", t, n,
			       u->label);
			t = run(sql_no_snippet, match, u, ids, &n);
			printf("  %-34s %9.2f ms  %zu rows\n", "no snippet (ranked, LIMIT 200)", t, n);
			/* store_search() itself */
			double best = 1e18;
			for (int k = 0; k < RUNS; k++) {
				struct arena b = ARENA_INIT;
				struct search_hit *h;
				size_t nh;
				double t0 = now_ms();
				if (store_search(st, &b, org, match, u->person, u->groups, u->ngroups, NULL, 0, u->coach, MAX, &h, &nh))
					fail("store_search");
				double tk = now_ms() - t0;
				if (tk < best)
					best = tk;
				nref = nh;
				for (size_t x = 0; x < nh && x < MAX; x++)
					ref[x] = h[x].id;
				arena_free(&b);
			}
			printf("  %-34s %9.2f ms  %zu rows\n", "store_search (as is)", best, nref);
			best = 1e18;
			size_t nres = 0;
			for (int k = 0; k < RUNS; k++) {
				struct arena b = ARENA_INIT;
				struct ctx c = { st, &b, &u->w, 0 };
				struct search_result *r;
				struct errors e = { 0 };
				bool more;
				double t0 = now_ms();
				if (search_run(&c, queries[qi], 1, &r, &nres, &more, &e))
					fail("search_run");
				double tk = now_ms() - t0;
				if (tk < best)
					best = tk;
				arena_free(&b);
			}
			printf("  %-34s %9.2f ms  %zu results shown\n", "search_run (domain, with privacy)", best, nres);
			t = run(sql_bm25_no_snippet, match, u, ids, &n);
			printf("  %-34s %9.2f ms  %zu rows, %s\n", "alternative: bm25 order, no snippet", t, n,
			       same(ids, n, ref, nref));
			t = run(sql_plus_rank, match, u, ids, &n);
			printf("  %-34s %9.2f ms  %zu rows, %s\n", "alternative: +rank order, no snippet", t, n,
			       same(ids, n, ref, nref));
			t = run(sql_bm25, match, u, ids, &n);
			printf("  %-34s %9.2f ms  %zu rows, %s\n", "alternative: bm25 order", t, n,
			       same(ids, n, ref, nref));
			t = run(sql_snippet_last, match, u, ids, &n);
			printf("  %-34s %9.2f ms  %zu rows, %s\n", "alternative: snippet last", t, n,
			       same(ids, n, ref, nref));
			t = run(sql_snippet_50, match, u, ids, &n);
			printf("  %-34s %9.2f ms  %zu rows, %s\n", "alternative: snippet last, 50 only", t, n,
			       same(ids, n, ref, nref < 50 ? nref : 50));
			t = run(sql_scope_first, match, u, ids, &n);
			printf("  %-34s %9.2f ms  %zu rows, %s\n", "alternative: scope first", t, n,
			       same(ids, n, ref, nref));
			if (scoped) {
				t = run(sql_scoped_no_snippet, match, u, ids, &n);
				printf("  %-34s %9.2f ms  %zu rows, %s\n", "alternative: scope column, no snippet", t, n,
				       same(ids, n, ref, nref));
				t = run(sql_scoped, match, u, ids, &n);
				printf("  %-34s %9.2f ms  %zu rows, %s\n", "alternative: scope column", t, n,
				       same(ids, n, ref, nref));
			}
			t = run(sql_prefilter, match, u, ids, &n);
			printf("  %-34s %9.2f ms  %zu rows, %s\n", "wrong: rank pre-filter LIMIT 200", t, n,
			       same(ids, n, ref, nref));
		}
	}
	/* what every result shown costs besides the search: the audit record of
	 * the read, one autocommit INSERT each (domain/privacy.c) */
	double t0 = now_ms();
	for (int i = 0; i < 500; i++)
		if (store_audit_add(st, org, who[1].w.account_id, "bench", "report.read", "report", 1, "bench-search-sql"))
			fail("audit");
	printf("\naudit record of a read (one autocommit INSERT, as search_run writes per result): %.3f ms each, alone\n",
	       (now_ms() - t0) / 500);
concurrent:
	/* four connections at once, as the server's four threads */
	conc_path = argv[1];
	conc_who = &who[1];
	static const char *const modes[] = {
		"search_run as now (audit: one autocommit INSERT per result)",
		"store_search + the same INSERTs, autocommit",
		"store_search + the same INSERTs in one transaction",
		"store_search alone (no domain, no audit)",
	};
	for (size_t qi = 0; qi < 2; qi++) {
		conc_query = queries[qi == 0 ? 1 : 0];
		printf("\n%d connections at once for %d s each, the coach searching \"%s\":\n", CONC_THREADS,
		       CONC_SECONDS, conc_query);
		for (int m = 0; m < 4; m++) {
			pthread_t th[CONC_THREADS];
			long done[CONC_THREADS];
			conc_mode = m;
			t0 = now_ms();
			for (int i = 0; i < CONC_THREADS; i++)
				pthread_create(&th[i], NULL, conc_run, &done[i]);
			long total = 0;
			for (int i = 0; i < CONC_THREADS; i++) {
				pthread_join(th[i], NULL);
				total += done[i];
			}
			printf("  %-62s %7.1f searches/s\n", modes[m], total / ((now_ms() - t0) / 1e3));
		}
	}
	arena_free(&a);
	store_close(st);
	return 0;
}
