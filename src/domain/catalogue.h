/* catalogue.h — the catalogue of learning forms (C9): the organisation's
 * copy of the fourteen forms of seed 004 with leergang's values, the
 * coach's changes to them, and the matcher that ranks the forms for the
 * answers to seed 004's what / who / where / how (r. 341-351, 810-815,
 * 907-921). */
#ifndef LG_DOMAIN_CATALOGUE_H
#define LG_DOMAIN_CATALOGUE_H

#include "core/arena.h"
#include "core/compiler.h"
#include "ctx.h"
#include "domain/builtin.h"
#include "domain/model/learning_form.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* The built-in forms (builtin_learning_forms.c). */
struct builtin_learning_form {
	const char *key, *name, *description;
	int seventy_twenty_ten;
	const char *aim;
	bool social;
	const char *level, *setting, *preference;
	const char *name_source;
};
extern const struct builtin_learning_form builtin_learning_forms[];
extern const size_t builtin_nlearning_forms;

/* The values of the source field: leergang's judgement, or the
 * organisation's own once the coach changed a form. */
#define CATALOGUE_SOURCE_OWN "organisatie"

/* The matcher's questions and the answers each allows, NULL-terminated. */
enum catalogue_question { CQ_WHAT, CQ_WHO, CQ_WHERE, CQ_HOW, CQ_COUNT };
extern const char *const *const catalogue_answers[CQ_COUNT];
extern const char *const catalogue_question_key[CQ_COUNT];  /* what, who, where, how */
/* The Dutch label of a question, and of one of its answers. */
const char *catalogue_question_label(enum catalogue_question q);
const char *catalogue_answer_label(enum catalogue_question q, const char *answer);
/* Whether answer is one that question q allows. */
bool catalogue_answer_valid(enum catalogue_question q, const char *answer);

struct catalogue_match {
	const struct learning_form *form;
	int score;                  /* 0-103: higher fits better */
	char *why;                  /* plain Dutch, in the arena */
};

/* Ranks forms for the answers a[CQ_WHAT..CQ_HOW] (each valid), best first,
 * ties in catalogue order. Pure: reads nothing but its arguments. */
void catalogue_rank(struct arena *a, const struct learning_form *forms, size_t n, const char *const a_[CQ_COUNT],
		    struct catalogue_match **out, size_t *nout);

/* Copies the built-in forms into c's organisation, those it lacks (when the
 * organisation is made, and at the server's start for older ones; a page
 * never writes them when read). */
MUST_CHECK int catalogue_install_all(struct ctx *c);
/* The organisation's forms in catalogue order. */
MUST_CHECK int catalogue_list(struct ctx *c, struct learning_form **out, size_t *n);
/* One form by key; D_NOTFOUND when the catalogue has none. */
MUST_CHECK int catalogue_form(struct ctx *c, const char *key, struct learning_form *out);
/* Checks the answers (a Dutch message per wrong one) and ranks the
 * organisation's forms. */
MUST_CHECK int catalogue_match(struct ctx *c, const char *const answers[CQ_COUNT], struct errors *errs,
			       struct catalogue_match **out, size_t *n);
/* The coach changes a form (found by f->key): checked, nothing changed on a
 * mistake; afterwards the form's source is the organisation's. */
MUST_CHECK int catalogue_form_save(struct ctx *c, const struct learning_form *f, struct errors *errs);

/* The JSON of the forms and of the matches (catalogue_json.c). */
json_t *catalogue_forms_json(const struct learning_form *f, size_t n);
json_t *catalogue_matches_json(const struct catalogue_match *m, size_t n);

#endif
