/* method.h — the organisation's session methods (the ways a group discusses
 * a case, step by step): copies of the built-in ones made for every
 * organisation, and the list with their steps for pages, API and command
 * line. Methods hold no personal data. */
#ifndef LG_DOMAIN_METHOD_H
#define LG_DOMAIN_METHOD_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/method.h"

/* Every built-in method the organisation does not have yet, copied in
 * (a method the organisation has under the same key is left as it is). */
MUST_CHECK int method_install_all(struct ctx *c);

/* The organisation's methods by name, each with its steps in order. */
MUST_CHECK int method_list(struct ctx *c, struct method **out, size_t *n);

/* Changes a step of one of the organisation's methods (its name, who does
 * what, the instruction, the default minutes, 0..240); D_NOTFOUND for a
 * step of another organisation. The step keeps its source: where its text
 * came from. */
#define METHOD_MINUTES_MAX 240
MUST_CHECK int method_step_save(struct ctx *c, const struct method_step *s, struct errors *e);

/* {"methods":[{"key","name","source","description","steps":[{"id","n","name",
 * "who","instruction","minutes","source"}]}]}: the form the command line
 * and the API give. */
struct json_t;
struct json_t *method_list_json(const struct method *m, size_t n);

#endif
