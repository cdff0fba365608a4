/* validate.h — checks of single values shared by the domain files. Each adds
 * a message to errs (in the interface language) and returns false when the
 * value is wrong. */
#ifndef LG_DOMAIN_VALIDATE_H
#define LG_DOMAIN_VALIDATE_H

#include "ctx.h"

#include <stdbool.h>

/* A one-line text of min..max characters: valid UTF-8, no control characters. */
bool check_line(struct ctx *c, struct errors *e, const char *field, const char *label,
		const char *v, size_t min, size_t max);
/* A text of min..max characters that may run over several lines (a
 * question, shown as paragraphs): as check_line, line breaks allowed. */
bool check_lines(struct ctx *c, struct errors *e, const char *field, const char *label,
		 const char *v, size_t min, size_t max);
/* v with every \r\n and lone \r made \n (a browser's textarea sends
 * \r\n), in the arena; v itself when it has no \r. */
const char *text_newlines(struct arena *a, const char *v);
/* A text of several lines, at most max characters: valid UTF-8; required
 * when min is 1 (spaces and line breaks alone are no text). */
bool check_long_text(struct ctx *c, struct errors *e, const char *field, const char *label,
		const char *v, size_t min, size_t max);
/* Empty, or something@something.tld without spaces, at most 254 bytes. */
bool check_email(struct ctx *c, struct errors *e, const char *field, const char *v, bool required);
bool email_plausible(const char *v);
/* An organisation slug: 2..40 of a-z 0-9 and '-', not starting with '-'. */
bool slug_valid(const char *v);
/* Whether v (NULL: no) is one of the strings of set, which ends with NULL. */
bool value_one_of(const char *v, const char *const *set);

#endif
