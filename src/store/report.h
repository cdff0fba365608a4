/* report.h — the store's part for meeting reports, participants'
 * contributions, the learning story and the full-text search index. Who
 * may read what is decided in domain/privacy.c; here every call is scoped
 * to the organisation. The search index is kept by triggers (migration
 * 0008), so writers need not remember it. */
#ifndef LG_STORE_REPORT_H
#define LG_STORE_REPORT_H

#include "core/compiler.h"
#include "store.h"
#include "domain/model/report.h"

/* Adds the meeting's report or replaces its texts (status unchanged). */
MUST_CHECK int store_report_put(struct store *s, long long org, const struct meeting_report *r, long long *id);
/* Only the mentor's reflection. */
MUST_CHECK int store_report_put_mentor(struct store *s, long long org, long long id, const char *text, long long now);
MUST_CHECK int store_report_publish(struct store *s, long long org, long long id, bool published, long long now);
MUST_CHECK int store_report_get(struct store *s, struct arena *a, long long org, long long id, struct meeting_report *out);
/* ST_NOTFOUND when the meeting has no report yet */
MUST_CHECK int store_report_for_meeting(struct store *s, struct arena *a, long long org, long long meeting_id,
			     struct meeting_report *out);
/* A group's reports by meeting number; published_only for the story. */
MUST_CHECK int store_report_list(struct store *s, struct arena *a, long long org, long long group_id, bool published_only,
		      struct meeting_report **out, size_t *n);

/* Adds or replaces the person's contribution to a meeting (placed is kept). */
MUST_CHECK int store_contribution_put(struct store *s, long long org, const struct contribution *c, long long *id);
MUST_CHECK int store_contribution_delete(struct store *s, long long org, long long person_id, long long id);
MUST_CHECK int store_contribution_place(struct store *s, long long org, long long id, bool placed, long long now);
MUST_CHECK int store_contribution_get(struct store *s, struct arena *a, long long org, long long id, struct contribution *out);
/* meeting_id 0: every contribution of the group; by meeting, then name. */
MUST_CHECK int store_contribution_list(struct store *s, struct arena *a, long long org, long long group_id, long long meeting_id,
			    struct contribution **out, size_t *n);

/* ST_NOTFOUND when the group has none yet */
MUST_CHECK int store_story_get(struct store *s, struct arena *a, long long org, long long group_id, struct learning_story *out);
MUST_CHECK int store_story_by_id(struct store *s, struct arena *a, long long org, long long id, struct learning_story *out);
/* Writes opening, closing, status and bundled_at. */
MUST_CHECK int store_story_put(struct store *s, long long org, const struct learning_story *st, long long *id);

/* ---- search ---- */

/* The best matches (an FTS5 query; domain/search.c makes it from what the
 * user typed) among the texts of the organisation written by (or, for an
 * action, owned by) the person or belonging to one of the learning groups
 * (every learning group of the organisation when every_group) or to one
 * of the peer groups, at most max, best first. */
MUST_CHECK int store_search(struct store *s, struct arena *a, long long org, const char *match, long long person_id,
		 const long long *groups, size_t ngroups, const long long *peer_groups, size_t npeer_groups,
		 bool every_group, size_t max, struct search_hit **out, size_t *n);

/* The snippet of one document for the query: plain text, the matches
 * between \x01 and \x02 ("" when it no longer matches). */
MUST_CHECK int store_search_snippet(struct store *s, struct arena *a, long long org, const char *match, long long doc_id,
			 char **out);

#endif
