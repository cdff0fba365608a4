/* research.h — the store's part for research projects (migration 0034):
 * projects, coders, sources, codes, passages with their codings, memos and
 * replaced terms. Every call takes the organisation and the project and
 * touches nothing outside them; lists are allocated in the arena;
 * ST_NOTFOUND for an id of another project or organisation; ST_INVALID for
 * a reference (parent code, unit, group, coder) outside them. */
#ifndef LG_STORE_RESEARCH_H
#define LG_STORE_RESEARCH_H

#include "core/compiler.h"
#include "store/store.h"
#include "domain/model/research.h"

MUST_CHECK int store_research_project_add(struct store *s, long long org, const struct research_project *p,
					  long long created_by, long long now, long long *id);
MUST_CHECK int store_research_project_get(struct store *s, struct arena *a, long long org, long long id,
					  struct research_project *out);
/* The projects where the account is a coder (account > 0), or all of the
 * organisation (0); newest first, with their counts. */
MUST_CHECK int store_research_projects(struct store *s, struct arena *a, long long org, long long account,
				       struct research_project **out, size_t *n);
MUST_CHECK int store_research_project_update(struct store *s, long long org, long long id, const char *name,
					     const char *purpose);
MUST_CHECK int store_research_project_remove(struct store *s, long long org, long long id);

MUST_CHECK int store_research_coder_add(struct store *s, long long org, long long project, long long account,
					const char *name, const char *guid, long long *id);
MUST_CHECK int store_research_coders(struct store *s, struct arena *a, long long org, long long project,
				     struct research_coder **out, size_t *n);
/* Every researcher of the organisation as a member (those who are not yet). */
MUST_CHECK int store_research_coders_all(struct store *s, long long org, long long project);
/* The account's coder in the project; ST_NOTFOUND when it is no member. */
MUST_CHECK int store_research_coder_of(struct store *s, long long org, long long project, long long account,
				       long long *coder);

/* src->body must be set (chars its code points); unit_id and group_id 0 or
 * of the organisation. */
MUST_CHECK int store_research_source_add(struct store *s, long long org, long long project,
					 const struct research_source *src, long long added_by, long long now,
					 long long *id);
/* With its body when body is true (else body NULL, chars its length). */
MUST_CHECK int store_research_source_get(struct store *s, struct arena *a, long long org, long long project,
					 long long id, bool body, struct research_source *out);
/* Without bodies, with the number of passages; in the order added. */
MUST_CHECK int store_research_sources(struct store *s, struct arena *a, long long org, long long project,
				      struct research_source **out, size_t *n);
/* With bodies (exports). */
MUST_CHECK int store_research_sources_full(struct store *s, struct arena *a, long long org, long long project,
					   struct research_source **out, size_t *n);
MUST_CHECK int store_research_source_remove(struct store *s, long long org, long long project, long long id);

/* c->parent_id 0 or a code of the project. */
MUST_CHECK int store_research_code_add(struct store *s, long long org, long long project,
				       const struct research_code *c, long long *id);
MUST_CHECK int store_research_code_update(struct store *s, long long org, long long project,
					  const struct research_code *c);
MUST_CHECK int store_research_code_remove(struct store *s, long long org, long long project, long long id);
/* Ordered by parent, position, name (the domain builds the tree). */
MUST_CHECK int store_research_codes(struct store *s, struct arena *a, long long org, long long project,
				    struct research_code **out, size_t *n);

/* The passage and its codings (sel->codings; codes of
 * the project); the source and the coder of the project. */
MUST_CHECK int store_research_selection_add(struct store *s, long long org, long long project,
					    const struct research_selection *sel, long long now, long long *id);
/* The passages of the project (source 0) or of one source, with their
 * codes; by source, then start. */
MUST_CHECK int store_research_selections(struct store *s, struct arena *a, long long org, long long project,
					 long long source, struct research_selection **out, size_t *n);
/* source 0: of any source of the project */
MUST_CHECK int store_research_selection_remove(struct store *s, long long org, long long project, long long source,
					       long long id);

MUST_CHECK int store_research_memo_add(struct store *s, long long org, long long project,
				       const struct research_memo *m, long long *id);
MUST_CHECK int store_research_memos(struct store *s, struct arena *a, long long org, long long project,
				    struct research_memo **out, size_t *n);
MUST_CHECK int store_research_memo_remove(struct store *s, long long org, long long project, long long id);

MUST_CHECK int store_research_term_add(struct store *s, long long org, long long project, const char *term,
				       const char *replacement, long long *id);
MUST_CHECK int store_research_terms(struct store *s, struct arena *a, long long org, long long project,
				    struct research_term **out, size_t *n);
MUST_CHECK int store_research_term_remove(struct store *s, long long org, long long project, long long id);

/* The unit (0: none) of the organisation, the source (0: none) of the project. */
MUST_CHECK int store_research_fieldwork_add(struct store *s, long long org, long long project,
					    const struct research_fieldwork *f, long long created_by, long long now,
					    long long *id);
/* By date. */
MUST_CHECK int store_research_fieldwork(struct store *s, struct arena *a, long long org, long long project,
					struct research_fieldwork **out, size_t *n);
MUST_CHECK int store_research_fieldwork_remove(struct store *s, long long org, long long project, long long id);

#endif
