/* programme.h — frameworks and programme design (C9, C2): a programme is
 * made from a built-in template (LiVe!, Amsterdam) as a copy the
 * coordinator then edits; its framework is copied into the organisation
 * on first use. */
#ifndef LG_DOMAIN_PROGRAMME_H
#define LG_DOMAIN_PROGRAMME_H

#include "ctx.h"
#include "menu.h"
#include "domain/model/design.h"
#include "domain/model/framework.h"

#define PROGRAMME_NAME_MAX 120
#define PROGRAMME_TEXT_MAX 4000

/* The organisation's copy of a built-in framework, made when missing. */
int framework_install(struct ctx *c, const char *key, long long *id);
/* Every built-in framework into the organisation (for a new organisation). */
int framework_install_all(struct ctx *c);

/* Saves an element of a framework of the organisation: e->id 0 adds one
 * (under e->parent_id, or at the top), with a code unique in the framework. */
int framework_element_save(struct ctx *c, const struct framework_element *e, struct errors *errs, long long *id);

/* A new programme copied from template `key` (live, amsterdam). */
int programme_from_template(struct ctx *c, const char *key, const char *name, struct errors *e, long long *id);
/* Saves the editable fields of p (name, target group, ambition, design
 * elements, group bounds, cascade meeting, menu rules, follow-up, mentor
 * profile), after checking them. */
int programme_update(struct ctx *c, const struct programme *p, struct errors *e);

struct menu_rules programme_menu_rules(const struct programme *p);
/* The number of the programme's meetings that are chosen from the menu. */
int programme_menu_slots(const struct programme_meeting *m, size_t n);

#endif
