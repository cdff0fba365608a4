/* answer_lines.h — answers as lines of text (what a draft and a waiting
 * anonymous hand-in seal): one line each, the item, whether it has a value
 * (1), none (0) or "weet niet" (2), the value, the text in hex ("-" for
 * none). */
#ifndef LG_DOMAIN_ANSWER_LINES_H
#define LG_DOMAIN_ANSWER_LINES_H

#include "core/arena.h"
#include "core/buf.h"
#include "domain/model/instrument.h"

#include <stdbool.h>
#include <stddef.h>

/* A text (NULL: none) as hex, "-" for none; and read back from p up to its
 * line end: the position after the line end, NULL when it is not such. */
void text_hex_write(struct buf *b, const char *text);
const char *text_hex_read(struct arena *a, const char *p, char **text);

void answer_lines_write(struct buf *b, const struct answer_value *v, size_t n);
/* false when p is not such text; the texts in the arena */
bool answer_lines_read(struct arena *a, const char *p, struct answer_value **out, size_t *n);

#endif
