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
 * step of another organisation. A step whose name, who or instruction
 * changes gets the source METHOD_SOURCE_OWN: its words are no longer the
 * seed's or leergang's; a change of minutes only keeps the source. */
#define METHOD_MINUTES_MAX 240
#define METHOD_STEPS_MAX 20
MUST_CHECK int method_step_save(struct ctx *c, const struct method_step *s, struct errors *e);

/* The source of a method an organisation made itself (a copy of another,
 * then changed): "organisatie". */
#define METHOD_SOURCE_OWN "organisatie"   /* as the catalogue's (CATALOGUE_SOURCE_OWN) */
#define METHOD_NAME_MAX 120

/* A method of the organisation's own: a copy of method from_id with all
 * its steps under a new name (1..METHOD_NAME_MAX, not the name of another
 * of its methods), its key made from the name. A from_id that is not
 * one of the organisation's methods is an error of the form (D_INVALID),
 * whether or not another organisation has it. */
MUST_CHECK int method_copy(struct ctx *c, long long from_id, const char *name, struct errors *e, long long *id);

/* One of the organisation's methods, steps not filled; D_NOTFOUND otherwise. */
MUST_CHECK int method_get(struct ctx *c, long long id, struct method *m);

/* How many sessions use the method: a method in use keeps its steps (a
 * session is at one of them); its texts may change, and a copy may be
 * made to change more. */
MUST_CHECK int method_sessions(struct ctx *c, long long method_id, long long *n);

/* A step added after the last of a method of the organisation's own
 * (D_INVALID with a message for a built-in method, one in use, or a step
 * that is not valid as in method_step_save). */
MUST_CHECK int method_step_append(struct ctx *c, long long method_id, const struct method_step *s, struct errors *e);

/* The last step removed of a method of the organisation's own; a method
 * keeps at least one step, and one in use keeps all of them (D_INVALID
 * with a message, as for a built-in method). */
MUST_CHECK int method_step_remove_last(struct ctx *c, long long method_id, struct errors *e);

/* Removes a method the organisation made itself and no session uses
 * (D_INVALID with a message otherwise: the built-in ones stay). */
MUST_CHECK int method_remove(struct ctx *c, long long method_id, struct errors *e);

/* {"methods":[{"id","key","name","source","description","steps":[{"id","n","name",
 * "who","instruction","minutes","source"}]}]}: the form the command line
 * and the API give. */
struct json_t;
struct json_t *method_list_json(const struct method *m, size_t n);

#endif
