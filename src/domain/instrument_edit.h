/* instrument_edit.h — a questionnaire changed into a new version (SPEC C7):
 * the newest version copied with the coach's or researcher's changes to
 * its questions (text, scale, reversed, required, removed) and with new
 * questions added, as version n + 1. Waves keep the version they were
 * sent with, so a change never rewrites answers already given. */
#ifndef LG_DOMAIN_INSTRUMENT_EDIT_H
#define LG_DOMAIN_INSTRUMENT_EDIT_H

#include "core/compiler.h"
#include "ctx.h"

#define ITEM_TEXT_MAX 4000   /* characters: a question with its explanation (imports hold longer ones) */
#define ITEM_CODE_MAX 16
#define SCALE_NAME_MAX 80
#define VERSION_NOTE_MAX 500

/* A change to a question of the newest version (by its id). NULL text or
 * scale: unchanged. */
struct item_edit {
	long long item_id;
	const char *text, *scale;
	bool reversed, required, removed;
	bool dont_know;  /* offers "weet niet / n.v.t." (scale questions only) */
};
/* A new question, at the end of the last section: kind "likert" (with the
 * points of the version's first Likert question, or 1-5 from "helemaal
 * oneens" to "helemaal eens" when it has none) or "open". */
struct item_new {
	const char *code, *kind, *text, *scale;
};

/* Errors are filed under "text-<item id>", "scale-<item id>", "code-<k>",
 * "kind-<k>", "new-<k>" (k from 1), "note" and "items". D_INVALID changes
 * nothing. */
MUST_CHECK int instrument_new_version(struct ctx *c, long long instrument_id, const struct item_edit *ed, size_t ned,
			   const struct item_new *add, size_t nadd, const char *note, long long now, struct errors *e,
			   int *version);

#endif
