/* search.c — search: the store narrows by organisation, groups and writer;
 * then each hit is checked against privacy.c as if its page were opened. */
#include "search.h"
#include "case_session.h"
#include "privacy.h"
#include "role.h"
#include "report.h"
#include "schedule.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "store/report.h"
#include "store/framework.h"
#include "store/group.h"
#include "store/logbook.h"
#include "store/meeting.h"
#include "store/peer_group.h"
#include "store/session_action.h"
#include "store/store.h"

#include <string.h>
#include <strings.h>

static bool word_byte(unsigned char ch)
{
	return ch >= 0x80 || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       ch == '\'';
}

/* Appends the term as an FTS5 string, its quotes doubled. */
static void add_quoted(struct buf *b, const char *s, size_t n)
{
	buf_addch(b, '"');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			buf_addch(b, '"');
		buf_addch(b, s[i]);
	}
	buf_addch(b, '"');
}

static bool same_word(const char *a, size_t an, const char *b, size_t bn)
{
	return an == bn && !strncasecmp(a, b, an);
}

/* Whether the word (n bytes) is the element's name or one of its
 * comma-separated synonyms. */
static bool names_element(const struct framework_element *e, const char *w, size_t n)
{
	if (same_word(w, n, e->name, strlen(e->name)))
		return true;
	for (const char *p = e->synonyms; *p;) {
		while (*p == ',' || *p == ' ')
			p++;
		const char *s = p;
		while (*p && *p != ',')
			p++;
		const char *end = p;
		while (end > s && end[-1] == ' ')
			end--;
		if (end > s && same_word(w, n, s, (size_t)(end - s)))
			return true;
	}
	return false;
}

/* Appends every name of the element (its name and synonyms) as OR terms. */
static void add_names(struct buf *b, const struct framework_element *e)
{
	buf_adds(b, " OR ");
	add_quoted(b, e->name, strlen(e->name));
	for (const char *p = e->synonyms; *p;) {
		while (*p == ',' || *p == ' ')
			p++;
		const char *s = p;
		while (*p && *p != ',')
			p++;
		const char *end = p;
		while (end > s && end[-1] == ' ')
			end--;
		if (end > s) {
			buf_adds(b, " OR ");
			add_quoted(b, s, (size_t)(end - s));
		}
	}
}

/* search_query, with each whole word that names an element with synonyms
 * widened to all the element's names: ("omgevingsbewustzijn" OR
 * "Contextbewustzijn" OR "omgevingsbewustzijn"). */
static const char *build_query(struct arena *a, const char *typed, const struct framework_element *el, size_t nel)
{
	struct buf b = BUF_INIT;
	int words = 0;
	for (const char *p = typed ? typed : ""; *p && words < 12;) {
		if (!word_byte((unsigned char)*p)) {
			p++;
			continue;
		}
		const char *s = p;
		while (*p && word_byte((unsigned char)*p))
			p++;
		if (words++)
			buf_addch(&b, ' ');
		const struct framework_element *hit = NULL;
		for (size_t i = 0; i < nel && *p != '*' && !hit; i++)
			if (names_element(&el[i], s, (size_t)(p - s)))
				hit = &el[i];
		if (hit)
			buf_addch(&b, '(');
		add_quoted(&b, s, (size_t)(p - s));
		if (hit) {
			add_names(&b, hit);
			buf_addch(&b, ')');
		}
		if (*p == '*')
			buf_addch(&b, '*');
	}
	char *out = words ? arena_strdup(a, b.ptr) : NULL;
	buf_release(&b);
	return out;
}

const char *search_query(struct arena *a, const char *typed)
{
	return build_query(a, typed, NULL, 0);
}

/* The groups of one search's results, each read once for all its results
 * (privacy.h: struct privacy_group): a coach's 50 results come from a few
 * dozen groups at most. */
struct groups_seen {
	struct privacy_group *g;
	size_t n, cap;
};

static struct privacy_group *seen(struct ctx *c, struct groups_seen *s, long long group_id)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->g[i].id == group_id)
			return &s->g[i];
	if (s->n == s->cap)
		s->g = arena_grow(c->a, s->g, s->n, s->cap = s->cap ? 2 * s->cap : 16, sizeof(*s->g));
	privacy_group_init(&s->g[s->n], group_id);
	return &s->g[s->n++];
}

static const char *group_name(struct ctx *c, struct privacy_group *pg)
{
	const struct learning_group *g = privacy_group_get(c, pg);
	return g ? g->name : "";
}

/* The trajectory's page: the participant's own, or the intake page of the
 * enrolment for the facilitator and mentor. */
static const char *trajectory_href(struct ctx *c, long long person_id, long long group_id, const char *own)
{
	if (c->who->person_id == person_id)
		return own;
	struct enrolment *en;
	size_t n;
	if (!store_enrolment_list(c->st, c->a, c->who->organisation_id, group_id, &en, &n))
		for (size_t i = 0; i < n; i++)
			if (en[i].person_id == person_id)
				return arena_printf(c->a, "/enrolments/%lld/intake", en[i].id);
	return arena_printf(c->a, "/groups/%lld", group_id);
}

/* A case (kind case_session) or a follow-up action (session_action) for
 * the session's leader and members alone, by the rule of
 * domain/case_session.c (case_session_place); an action also for its
 * owner. The writer of a case is its owner, of an action the leader who
 * made it (as session_action.c audits it). */
static enum privacy_read admit_session(struct ctx *c, const struct search_hit *h, struct search_result *r,
				       long long *writer)
{
	long long org = c->who->organisation_id, session_id = h->ref_id;
	struct session_action x;
	bool action = !strcmp(h->kind, "session_action");
	if (action) {
		if (store_session_action_get(c->st, c->a, org, h->ref_id, &x))
			return PRIVACY_NONE;
		session_id = x.session_id;
		*writer = x.leader_person_id;
	}
	struct case_session s;
	struct session_member *mem;
	size_t nm;
	bool leader;
	bool member = !case_session_place(c, session_id, &s, &mem, &nm, &leader);
	if (action) {
		if (!member && !(c->who->person_id && c->who->person_id == x.person_id))
			return PRIVACY_NONE;
		r->title = arena_printf(c->a, _("Follow-up action of the session of %s"), date_label(c->a, x.held_on));
	} else {
		if (!member)
			return PRIVACY_NONE;
		*writer = s.case_person_id;
		r->title = arena_printf(c->a, _("Case: %s"), *s.case_title ? s.case_title : _("(no title)"));
	}
	r->href = arena_printf(c->a, "/sessions/%lld", session_id);
	return PRIVACY_FULL;
}

/* What search_run knows of a result it admitted, for its snippet and its
 * audit record. */
struct admitted {
	long long writer, group, text;  /* text: the row of search_doc */
	enum privacy_read level;
};

/* Fills r (all but the snippet) and *out for the hit when the actor may
 * read it; returns false otherwise. */
static bool admit(struct ctx *c, struct groups_seen *gs, const char *typed, const struct search_hit *h,
		  struct search_result *r, struct admitted *out)
{
	long long org = c->who->organisation_id;
	enum privacy_read lv = PRIVACY_NONE;
	long long writer = h->person_id, group = h->group_id;
	r->kind = h->kind;
	r->id = h->ref_id;
	if (!strcmp(h->kind, "report")) {
		struct meeting_report rep;
		if (store_report_get(c->st, c->a, org, h->ref_id, &rep))
			return false;
		struct privacy_group *pg = seen(c, gs, rep.group_id);
		lv = privacy_report_in(c, pg, &rep);
		writer = rep.written_by;
		r->title = arena_printf(c->a, "%s — %s", report_title(c, &rep), group_name(c, pg));
		r->href = arena_printf(c->a, "/meetings/%lld/report", rep.meeting_id);
	} else if (!strcmp(h->kind, "contribution")) {
		struct contribution x;
		struct meeting_report rep;
		struct meeting m;
		if (store_contribution_get(c->st, c->a, org, h->ref_id, &x) ||
		    store_meeting_get(c->st, c->a, org, x.meeting_id, &m))
			return false;
		bool has_report = !store_report_for_meeting(c->st, c->a, org, x.meeting_id, &rep);
		lv = privacy_contribution(c, &x, has_report ? &rep : NULL);
		r->title = arena_printf(c->a, _("Contribution to meeting %d: %s"), m.number, m.theme);
		r->href = arena_printf(c->a, "/meetings/%lld/report", x.meeting_id);
	} else if (!strcmp(h->kind, "learning_story")) {
		struct learning_story s;
		struct learning_group g;
		if (store_story_by_id(c->st, c->a, org, h->ref_id, &s) || store_group_get(c->st, c->a, org, s.group_id, &g))
			return false;
		lv = privacy_story(c, &s);
		writer = g.facilitator_id;
		r->title = arena_printf(c->a, _("Learning story of %s"), g.name);
		r->href = arena_printf(c->a, "/groups/%lld/story", s.group_id);
	} else if (!strcmp(h->kind, "logbook")) {
		struct logbook_entry e;
		if (store_logbook_get(c->st, c->a, org, h->ref_id, &e) || !privacy_may_read_logbook(c, &e))
			return false;
		lv = PRIVACY_FULL;
		writer = e.person_id;
		r->title = arena_printf(c->a, _("Logbook, %s"), date_label(c->a, e.entry_date));
		r->href = arena_printf(c->a, "/logbook/%lld", e.id);
	} else if (!strcmp(h->kind, "development_plan") || !strcmp(h->kind, "learning_question")) {
		if (!privacy_may_read_trajectory(c, h->person_id, h->group_id))
			return false;
		lv = PRIVACY_FULL;
		bool plan = !strcmp(h->kind, "development_plan");
		r->title = plan ? _("Development plan: a goal") : _("Learning question");
		r->href = trajectory_href(c, h->person_id, h->group_id,
					  plan ? arena_printf(c->a, "/groups/%lld/plan", h->group_id)
					       : arena_printf(c->a, "/groups/%lld", h->group_id));
	} else if (!strcmp(h->kind, "case_session") || !strcmp(h->kind, "session_action")) {
		lv = admit_session(c, h, r, &writer);
	}
	if (lv == PRIVACY_NONE)
		return false;
	/* a coach may not find who said what by searching for a name */
	if (lv == PRIVACY_ANONYMISED && privacy_names_participant_in(c, seen(c, gs, group), typed))
		return false;
	*out = (struct admitted){ writer, group, h->id, lv };
	return true;
}

/* The snippet of an admitted result, anonymised where the actor reads it so. */
static bool snippet_of(struct ctx *c, struct groups_seen *gs, const char *match, const struct admitted *a,
		       struct search_result *r)
{
	char *snippet;
	if (store_search_snippet(c->st, c->a, c->who->organisation_id, match, a->text, &snippet))
		return false;
	r->snippet = a->level == PRIVACY_ANONYMISED ? privacy_anonymise_in(c, seen(c, gs, a->group), snippet) : snippet;
	return true;
}

int search_run(struct ctx *c, const char *typed, long long page, struct search_result **out, size_t *n, bool *more,
	       struct errors *e)
{
	*out = NULL;
	*n = 0;
	*more = false;
	page = page < 1 ? 1 : page > SEARCH_PAGES_MAX ? SEARCH_PAGES_MAX : page;
	if (typed && (!utf8_valid(typed, strlen(typed)) || strlen(typed) > SEARCH_QUERY_MAX)) {
		errors_add(c, e, "q", _("Search with at most %d characters."), SEARCH_QUERY_MAX);
		return D_INVALID;
	}
	struct framework_element *syn = NULL;
	size_t nsyn = 0;
	if (store_element_synonyms(c->st, c->a, c->who->organisation_id, &syn, &nsyn))
		return D_ERROR;
	const char *q = build_query(c->a, typed, syn, nsyn);
	if (!q) {
		errors_add(c, e, "q", "%s", _("Type one or more words to search for."));
		return D_INVALID;
	}
	long long org = c->who->organisation_id, me = c->who->person_id;
	struct learning_group *g = NULL;
	size_t ng = 0;
	if (me && store_group_list_for_person(c->st, c->a, org, me, &g, &ng))
		return D_ERROR;
	long long *ids = arena_alloc(c->a, (ng + 1) * sizeof(*ids));
	for (size_t i = 0; i < ng; i++)
		ids[i] = g[i].id;
	struct peer_group *pg = NULL;
	size_t npg = 0;
	if (me && store_peer_group_list(c->st, c->a, org, me, &pg, &npg))
		return D_ERROR;
	long long *peers = arena_alloc(c->a, (npg + 1) * sizeof(*peers));
	for (size_t i = 0; i < npg; i++)
		peers[i] = pg[i].id;
	bool coach = actor_has(c->who, ROLE_BIT(ROLE_COACH));
	if (!me && !coach)
		return D_OK;
	struct search_hit *h;
	size_t nh;
	/* more than shown: some hits may be for texts the actor may not read */
	size_t skip = (size_t)(page - 1) * SEARCH_PAGE;
	int r = store_search(c->st, c->a, org, q, me, ids, ng, peers, npg, coach, (long long)(skip + SEARCH_PAGE + 1) * 4, &h, &nh);
	if (r == ST_INVALID) {
		errors_add(c, e, "q", "%s", _("Type one or more words to search for."));
		return D_INVALID;
	}
	if (r)
		return D_ERROR;
	*out = arena_alloc(c->a, (SEARCH_PAGE + 1) * sizeof(**out));
	struct admitted *shown = arena_alloc(c->a, (SEARCH_PAGE + 1) * sizeof(*shown));
	/* First what may be shown, in one read snapshot; then the reads in the
	 * audit log, in one short write transaction. Deciding, reading the
	 * texts and their snippets under the write lock made every other
	 * search (and every write of the organisation) wait for it. The
	 * results of earlier pages are admitted again (cheap: no snippet),
	 * so that every page shows what the actor may read, and one more
	 * says whether there is a next page. */
	bool snapshot = !store_read_begin(c->st);
	struct groups_seen gs = { 0 };
	size_t admitted = 0;
	bool ok = true;
	for (size_t i = 0; i < nh && ok && admitted <= skip + SEARCH_PAGE; i++) {
		struct search_result res;
		struct admitted a;
		if (!admit(c, &gs, typed, &h[i], &res, &a))
			continue;
		if (admitted >= skip && *n < SEARCH_PAGE) {
			ok = snippet_of(c, &gs, q, &a, &res);
			(*out)[*n] = res;
			shown[(*n)++] = a;
		} else if (admitted >= skip + SEARCH_PAGE) {
			*more = true;
		}
		admitted++;
	}
	if (snapshot)
		store_read_end(c->st);
	if (!ok) {
		*n = 0;
		*more = false;
		return D_ERROR;
	}
	if (!*n)
		return D_OK;
	if (store_begin(c->st))
		return D_ERROR;
	for (size_t i = 0; i < *n; i++)
		if (privacy_log_read(c, (*out)[i].kind, (*out)[i].id, shown[i].writer)) {
			store_rollback(c->st);
			*n = 0;
			return D_ERROR;
		}
	if (store_commit(c->st)) {
		store_rollback(c->st);
		*n = 0;
		return D_ERROR;
	}
	return D_OK;
}
