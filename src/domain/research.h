/* research.h — research projects (SPEC C8, issue 19): a researcher's
 * coding project with its members, its sources (texts the rules let the
 * researcher read, copied into the project, and texts the researcher adds:
 * interviews, observation notes), a hierarchical code book (free or from a
 * framework), marked passages with their codes and memo, memos on the
 * project, a code or a source, and the words replaced in exports.
 *
 * Who: a researcher of the organisation who is a member of the project
 * (anyone else, and a researcher who is no member, finds nothing:
 * D_NOTFOUND); the command line (no account) as the operator. A new
 * project has its maker as its first member. */
#ifndef LG_DOMAIN_RESEARCH_H
#define LG_DOMAIN_RESEARCH_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/research.h"

#include <stdbool.h>

#define RESEARCH_NAME_MAX 200
#define RESEARCH_TEXT_MAX (2u * 1024 * 1024)   /* bytes of one source: a long interview */
#define RESEARCH_MEMO_MAX 20000

/* The kinds of source a researcher types or uploads, NULL-ended (the
 * schema holds the full list: a copied text's kind, and "document" for a
 * text read from another tool's project by research_import). */
extern const char *const RESEARCH_OWN_KINDS[];   /* interview, observation */
const char *research_kind_label(const char *kind);

/* Whether the actor works on research projects (a researcher, or the command line). */
bool research_may(const struct ctx *c);

struct research_view {
	struct research_project p;
	struct research_coder *coders;
	size_t ncoders;
	long long my_coder;           /* the actor's coder, 0 on the command line */
	struct research_source *sources;   /* without bodies */
	size_t nsources;
	struct research_code *codes;  /* tree order: every code after its parent, with depth */
	size_t ncodes;
	struct research_memo *memos;
	size_t nmemos;
	struct research_term *terms;
	size_t nterms;
};

/* D_OK when the actor may work on the project (a member, or the command
 * line), else D_NOTFOUND: the one access rule for what belongs to a
 * project (member checks, feedback phases). */
MUST_CHECK int research_member_of(struct ctx *c, long long project);

MUST_CHECK int research_project_create(struct ctx *c, const char *name, const char *purpose, struct errors *e,
				       long long *id);
/* The actor's projects (all of the organisation on the command line). */
MUST_CHECK int research_projects(struct ctx *c, struct research_project **out, size_t *n);
MUST_CHECK int research_project_open(struct ctx *c, long long id, struct research_view *v);
/* The same with the sources' texts (bodies): the exports. */
MUST_CHECK int research_project_open_texts(struct ctx *c, long long id, struct research_view *v);
/* A new name and purpose, as checked when the project was made. */
MUST_CHECK int research_project_update(struct ctx *c, long long id, const char *name, const char *purpose,
				       struct errors *e);
/* Removes the project with everything of its own: its members, its
 * sources (the project's copies; the organisation's texts they were
 * copied from stay), codes, passages, memos, replaced words, fieldwork,
 * member checks and partners. Any member may: the members of a project
 * are equals in every other rule (each removes sources and codes with
 * every coder's codings), and a researcher must be able to remove the
 * data when the project ends even if a fellow member has left. */
MUST_CHECK int research_project_remove(struct ctx *c, long long id);
/* Adds a researcher of the organisation (by e-mail address) as a member. */
MUST_CHECK int research_member_add(struct ctx *c, long long project, const char *email, struct errors *e);

/* A text the researcher brings: kind interview or observation, a name,
 * the date it was held (YYYY-MM-DD or ""), a place, a team (unit, 0 for
 * none) and the text (UTF-8, at most RESEARCH_TEXT_MAX bytes; line ends
 * made \n). */
MUST_CHECK int research_source_add_text(struct ctx *c, long long project, const char *kind, const char *name,
					const char *held_on, const char *place, long long unit_id, const char *text,
					struct errors *e, long long *id);
/* A text of the organisation whose writer (or group) consented to its use
 * for research (domain/research_consent.h: kind report, story, logbook or
 * case, ref its row), copied into the project with its title, date and
 * group. D_NOTFOUND for a text without consent; D_INVALID (on "ref") when
 * the project has it already. */
MUST_CHECK int research_source_take(struct ctx *c, long long project, const char *kind, long long ref,
				    struct errors *e, long long *id);
/* The waves whose open answers a project may take (kind "answers"):
 * closed ones of the organisation, not 360-degree rounds; whether a wave
 * has enough responses is said when it is taken. */
struct wave;
MUST_CHECK int research_answer_waves(struct ctx *c, struct wave **out, size_t *n);
/* The text of an uploaded file for such a source: .txt (UTF-8), .docx or
 * .odt, by its name; D_INVALID with a message on "file" otherwise. */
MUST_CHECK int research_upload_text(struct ctx *c, const char *filename, const char *data, size_t len,
				    struct errors *e, char **text);

struct research_source_view {
	struct research_source s;     /* with its body */
	struct research_selection *sels;   /* by start */
	size_t nsels;
};
/* One source with its passages. The read of a copied personal text (a
 * logbook entry, a case) is written to the audit log. */
MUST_CHECK int research_source_open(struct ctx *c, long long project, long long id, struct research_source_view *v);
MUST_CHECK int research_source_remove(struct ctx *c, long long project, long long id);

/* A code under parent (0: at the top), a name unique among its siblings,
 * a colour #RRGGBB or "", a description. */
MUST_CHECK int research_code_add(struct ctx *c, long long project, long long parent, const char *name,
				 const char *color, const char *description, struct errors *e, long long *id);
MUST_CHECK int research_code_update(struct ctx *c, long long project, long long id, const char *name,
				    const char *color, const char *description, struct errors *e);
/* Removes the code, the codes under it and their codings. */
MUST_CHECK int research_code_remove(struct ctx *c, long long project, long long id);
/* The elements of a framework of the organisation as codes, in its tree,
 * under a top code named after the framework; *added the codes made. */
MUST_CHECK int research_codes_from_framework(struct ctx *c, long long project, long long framework,
					     struct errors *e, long long *added);

/* Marks characters [start, end) of the source (code points) with the codes
 * (at least one, codes of the project) and a memo, as the actor's coding. */
MUST_CHECK int research_passage_add(struct ctx *c, long long project, long long source, long long start,
				    long long end, const long long *codes, size_t ncodes, const char *memo,
				    struct errors *e, long long *id);
/* source: the passage's source (a check that the right one goes), 0 when
 * the caller has confirmed otherwise (the page asks first); a negative
 * source (none named) is D_INVALID, for a member only. */
MUST_CHECK int research_passage_remove(struct ctx *c, long long project, long long source, long long id,
				       struct errors *e);

/* A memo on the project (target_id the project), a code or a source. */
MUST_CHECK int research_memo_add(struct ctx *c, long long project, const char *target, long long target_id,
				 const char *text, struct errors *e, long long *id);
/* Removes a memo of the project (any member's). */
MUST_CHECK int research_memo_remove(struct ctx *c, long long project, long long id);

/* A word replaced in exports (a place, someone outside the people list). */
MUST_CHECK int research_term_add(struct ctx *c, long long project, const char *term, const char *replacement,
				 struct errors *e, long long *id);
MUST_CHECK int research_term_remove(struct ctx *c, long long project, long long id);

/* The organisation's units (teams) to say where a text was held: for a
 * researcher, names only. */
struct unit;
MUST_CHECK int research_units(struct ctx *c, struct unit **out, size_t *n);

/* The code of the project with that id in v, or NULL. */
const struct research_code *research_code_find(const struct research_view *v, long long id);

#endif
