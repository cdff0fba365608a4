/* answer_rule.c — the number of options of a multiple choice and its
 * options chosen alone (answer_rule.h). */
#include "answer_rule.h"
#include "core/i18n.h"

#include <string.h>

static const struct item_option *option_of(const struct instrument_item *it, long long value)
{
	for (size_t k = 0; k < it->noptions; k++)
		if (it->options[k].value == value)
			return &it->options[k];
	return NULL;
}

const char *answer_rule_check(struct arena *a, const struct instrument_item *it, const long long *chosen, size_t n,
			      const char *label)
{
	if (!n || strcmp(it->kind, "multiple"))
		return NULL;
	if (n > 1)
		for (size_t i = 0; i < n; i++) {
			const struct item_option *o = option_of(it, chosen[i]);
			if (o && o->exclusive)
				return arena_printf(a, _("Question %s: “%s” goes alone; choose it without other options, or leave it out."),
						    label, *o->label ? o->label : arena_printf(a, "%d", o->value));
		}
	if (it->min_answers > 0 && n < (size_t)it->min_answers) {
		/* an option chosen alone is an answer of its own */
		const struct item_option *o = n == 1 ? option_of(it, chosen[0]) : NULL;
		if (!o || !o->exclusive)
			return arena_printf(a, ngettext("Question %s: choose at least %d option.", "Question %s: choose at least %d options.",
							(unsigned long)it->min_answers), label, it->min_answers);
	}
	if (it->max_answers > 0 && n > (size_t)it->max_answers)
		return arena_printf(a, ngettext("Question %s: choose at most %d option.", "Question %s: choose at most %d options.",
						(unsigned long)it->max_answers), label, it->max_answers);
	return NULL;
}

const char *answer_rule_hint(struct arena *a, const struct instrument_item *it)
{
	if (strcmp(it->kind, "multiple"))
		return NULL;
	const char *count = NULL;
	if (it->min_answers > 0 && it->max_answers > 0)
		count = it->min_answers == it->max_answers
				? arena_printf(a, ngettext("Choose %d option.", "Choose %d options.", (unsigned long)it->min_answers), it->min_answers)
				: arena_printf(a, _("Choose at least %d and at most %d options."), it->min_answers, it->max_answers);
	else if (it->min_answers > 0)
		count = arena_printf(a, ngettext("Choose at least %d option.", "Choose at least %d options.", (unsigned long)it->min_answers),
				     it->min_answers);
	else if (it->max_answers > 0)
		count = arena_printf(a, ngettext("Choose at most %d option.", "Choose at most %d options.", (unsigned long)it->max_answers),
				     it->max_answers);
	const char *alone = NULL;
	for (size_t k = 0; k < it->noptions; k++)
		if (it->options[k].exclusive) {
			const char *l = *it->options[k].label ? it->options[k].label : arena_printf(a, "%d", it->options[k].value);
			const char *s = arena_printf(a, _("“%s” goes alone, without other options."), l);
			alone = alone ? arena_printf(a, "%s %s", alone, s) : s;
		}
	if (count && alone)
		return arena_printf(a, "%s %s", count, alone);
	return count ? count : alone;
}
