/* framework.h — the organisation's frameworks (VLOW, the leadership
 * compass, ...): copies of the built-in ones made on first use, the list,
 * one framework with its elements as a tree, and the elements the coach
 * changes or adds. */
#ifndef LG_DOMAIN_FRAMEWORK_H
#define LG_DOMAIN_FRAMEWORK_H

#include "core/compiler.h"
#include "ctx.h"
#include "domain/model/framework.h"

/* The organisation's copy of a built-in framework, made when missing. */
MUST_CHECK int framework_install(struct ctx *c, const char *key, long long *id);
/* Every built-in framework into the organisation (for a new organisation). */
MUST_CHECK int framework_install_all(struct ctx *c);

/* The organisation's frameworks by name, each with its count of elements. */
MUST_CHECK int framework_list(struct ctx *c, struct framework **out, size_t *n);

/* A framework with its elements in tree order (a parent before its
 * children). D_NOTFOUND when it is not the organisation's. */
struct framework_view {
	struct framework f;
	struct framework_element *elements;
	size_t nelements;
};
MUST_CHECK int framework_open(struct ctx *c, long long id, struct framework_view *out);
/* One element of framework framework_id (and the framework): D_NOTFOUND
 * when either is not the organisation's or the element belongs to another
 * framework. */
MUST_CHECK int framework_element_open(struct ctx *c, long long framework_id, long long element_id, struct framework *f,
			   struct framework_element *el);

/* Saves an element of a framework of the organisation: e->id 0 adds one
 * (under e->parent_id, or at the top), with a code unique in the framework. */
/* The questions of the organisation's four kinds of awareness (the
 * built-in framework "awareness", as the organisation has it now): the
 * seed's two questions for where a session or a plan talk reflects on
 * growth. None (D_OK, *n 0) when the organisation has removed it. */
MUST_CHECK int framework_awareness_questions(struct ctx *c, struct framework_element **out, size_t *n);
MUST_CHECK int framework_element_save(struct ctx *c, const struct framework_element *e, struct errors *errs, long long *id);

#endif
