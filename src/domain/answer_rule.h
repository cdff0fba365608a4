/* answer_rule.h — what a multiple choice asks of an answer beyond its
 * options: a number of options to choose (at least min_answers, at most
 * max_answers, when it is answered at all; whether it must be answered is
 * `required`) and options that are chosen alone ("none of these"). The
 * respondent's form states the rule beside the question and every way an
 * answer comes in is checked by answer_rule_check() (domain/respond.c for
 * the form; no other route takes answers). */
#ifndef LG_DOMAIN_ANSWER_RULE_H
#define LG_DOMAIN_ANSWER_RULE_H

#include "core/arena.h"
#include "domain/model/instrument.h"

#include <stddef.h>

/* NULL when the n chosen values keep the rule of it, else why not, in the
 * interface language, naming the question by label ("3"). n == 0 (not
 * answered) always keeps it. */
const char *answer_rule_check(struct arena *a, const struct instrument_item *it, const long long *chosen, size_t n,
			      const char *label);

/* The rule in a sentence for the respondent, or NULL when there is none. */
const char *answer_rule_hint(struct arena *a, const struct instrument_item *it);

#endif
