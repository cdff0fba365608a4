/* model/research.h — the domain's records of a research project: its
 * coders, sources, code book, marked passages (selections) with their
 * codes, memos and replaced terms. The store fills them; strings are
 * allocated in the reader's arena. Positions are code points of the
 * source's body, end exclusive, as REFI-QDA counts them. */
#ifndef LG_DOMAIN_MODEL_RESEARCH_H
#define LG_DOMAIN_MODEL_RESEARCH_H

#include <stdbool.h>
#include <stddef.h>

struct research_project {
	long long id;
	char *name, *purpose, *guid;
	long long created_at;
	long long sources, codes, selections;   /* counts, in lists */
};

struct research_coder {
	long long id;
	long long account_id;    /* 0: a user of an imported project */
	char *name, *guid;
};

struct research_source {
	long long id;
	char *kind;              /* report, story, logbook, case, interview, observation, document */
	long long ref_id;        /* the original's row, 0 for interview, observation, document */
	char *guid, *name;
	char *body;              /* NULL in lists */
	long long chars;
	char *held_on, *place;
	long long unit_id, group_id;   /* 0: none */
	char *unit_name, *group_name;  /* "" when none */
	char *batch_name;              /* the group's batch, "" when none */
	long long added_at;
	long long selections;    /* passages marked in it, in lists */
};

struct research_code {
	long long id, parent_id; /* parent 0 for a top-level code */
	int position;
	char *guid, *name, *color, *description;
	bool codable;
	int depth;               /* 0 for a top-level code, in a tree */
};

struct research_coding {
	long long code_id;
	char *guid;
};

struct research_selection {
	long long id, source_id, coder_id;
	char *guid;
	long long start, end;
	char *memo;
	long long created_at;
	struct research_coding *codings;
	size_t ncodings;
};

struct research_memo {
	long long id;
	char *target;            /* project, code, source */
	long long target_id;
	char *guid, *text;
	long long coder_id;
	long long updated_at;
};

struct research_fieldwork {
	long long id;
	char *kind;              /* observation, shadowing, interview */
	char *held_on;           /* YYYY-MM-DD */
	long long minutes;
	long long unit_id;       /* 0: a team in words, or none */
	char *unit_name;         /* "" without a unit */
	char *team;              /* a team in words ("" with a unit) */
	char *who;               /* who was observed or interviewed, in words */
	long long source_id;     /* the source it produced, 0 for none */
	char *source_name;
	char *note;
};

struct research_term {
	long long id;
	char *term, *replacement;
};

#endif
