/* framework.c — the organisation's frameworks: built-in ones copied in on
 * first use, read with their elements, and elements changed or added with
 * a code unique in the framework. */
#include "framework.h"
#include "audit.h"
#include "builtin.h"
#include "validate.h"
#include "programme.h"
#include "core/i18n.h"
#include "store/framework.h"
#include "store/store.h"
#include "store_rc.h"

#include <assert.h>
#include <string.h>

static const struct framework_element *element_in(const struct framework_element *e, size_t n, long long id)
{
	for (size_t i = 0; i < n; i++)
		if (e[i].id == id)
			return &e[i];
	return NULL;
}

int framework_install(struct ctx *c, const char *key, long long *id)
{
	long long org = c->who->organisation_id;
	struct framework f;
	int r = store_framework_by_key(c->st, c->a, org, key, &f);
	if (r == ST_OK) {
		*id = f.id;
		return D_OK;
	}
	if (r != ST_NOTFOUND)
		return d_from_store(r);
	const struct builtin_framework *b = builtin_framework(key);
	if (!b)
		return D_NOTFOUND;
	struct framework nf = { 0, org, (char *)b->key, (char *)b->name, (char *)b->description, (char *)b->source, 0 };
	if (store_framework_add(c->st, org, &nf, id))
		return D_ERROR;
	/* parents come before their children in the built-in list */
	long long *ids = arena_alloc(c->a, (b->nelements + 1) * sizeof(*ids));
	for (size_t i = 0; i < b->nelements; i++) {
		const struct builtin_element *be = &b->elements[i];
		struct framework_element e = { 0 };
		e.framework_id = *id;
		for (size_t k = 0; be->parent && k < i; k++)
			if (!strcmp(b->elements[k].code, be->parent))
				e.parent_id = ids[k];
		e.position = (int)i + 1;
		e.code = (char *)be->code;
		e.kind = (char *)be->kind;
		e.name = (char *)be->name;
		e.description = (char *)(be->description ? be->description : "");
		e.source = (char *)be->source;
		e.synonyms = (char *)builtin_synonyms(b->key, be->code);
		if (store_element_add(c->st, org, &e, &ids[i]))
			return D_ERROR;
	}
	audit(c, "framework.install", "framework", *id, "%s", key);
	return D_OK;
}

int framework_install_all(struct ctx *c)
{
	for (size_t i = 0; i < builtin_nframeworks; i++) {
		long long id;
		int r = framework_install(c, builtin_frameworks[i].key, &id);
		if (r)
			return r;
	}
	return D_OK;
}

int framework_element_save(struct ctx *c, const struct framework_element *e, struct errors *errs, long long *id)
{
	long long org = c->who->organisation_id;
	struct framework f;
	struct framework_element *all;
	size_t n;
	int r = store_framework_get(c->st, c->a, org, e->framework_id, &f);
	if (!r)
		r = store_element_list(c->st, c->a, org, f.id, &all, &n);
	if (r)
		return d_from_store(r);
	/* an element is changed through its own framework only */
	if (e->id && !element_in(all, n, e->id))
		return D_NOTFOUND;
	check_line(c, errs, "name", _("Name"), e->name, 1, 200);
	check_line(c, errs, "kind", _("Kind"), e->kind, 1, 40);
	if (e->synonyms)
		check_line(c, errs, "synonyms", _("Other names (synonyms, separated by commas)"), e->synonyms, 0, 300);
	if (e->description && strlen(e->description) > PROGRAMME_TEXT_MAX)
		errors_add(c, errs, "description", _("%s: use at most %d characters."), _("Description"), PROGRAMME_TEXT_MAX);
	if (!e->id) {
		check_line(c, errs, "code", _("Code"), e->code, 1, 20);
		if (e->code && strpbrk(e->code, ", \t"))
			errors_add(c, errs, "code", "%s", _("A code has no spaces or commas: it is how scripts refer to the element."));
	}
	if (errs->n)
		return D_INVALID;
	long long eid = e->id;
	if (e->id) {
		struct framework_element ue = *e;
		/* a change that does not name the synonyms (the API) keeps them */
		for (size_t i = 0; i < n && !ue.synonyms; i++)
			if (all[i].id == e->id)
				ue.synonyms = all[i].synonyms;
		r = store_element_update(c->st, org, &ue);
	} else {
		struct framework_element ne = *e;
		ne.position = (int)n + 1;
		ne.source = "";  /* the organisation's own addition: no source */
		r = store_element_add(c->st, org, &ne, &eid);
	}
	if (r == ST_CONFLICT) {
		errors_add(c, errs, "code", _("The framework has an element with code %s already."), e->code);
		return D_INVALID;
	}
	if (r)
		return d_from_store(r);
	audit(c, e->id ? "framework.element" : "framework.element.add", "framework", f.id, "%s", e->name);
	if (id)
		*id = eid;
	return D_OK;
}

int framework_list(struct ctx *c, struct framework **out, size_t *n)
{
	assert(out && n);
	return d_from_store(store_framework_list(c->st, c->a, c->who->organisation_id, out, n));
}

int framework_open(struct ctx *c, long long id, struct framework_view *out)
{
	assert(out);
	long long org = c->who->organisation_id;
	int r = store_framework_get(c->st, c->a, org, id, &out->f);
	if (!r)
		r = store_element_list(c->st, c->a, org, out->f.id, &out->elements, &out->nelements);
	return d_from_store(r);
}

int framework_element_open(struct ctx *c, long long framework_id, long long element_id, struct framework *f,
			   struct framework_element *el)
{
	assert(f && el);
	struct framework_view v;
	int d = framework_open(c, framework_id, &v);
	if (d)
		return d;
	const struct framework_element *found = element_in(v.elements, v.nelements, element_id);
	if (!found)
		return D_NOTFOUND;
	*f = v.f;
	*el = *found;
	return D_OK;
}

int framework_awareness_questions(struct ctx *c, struct framework_element **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct framework f;
	struct framework_element *all;
	size_t na;
	int r = store_framework_by_key(c->st, c->a, c->who->organisation_id, "awareness", &f);
	if (r == ST_NOTFOUND)
		return D_OK;
	if (!r)
		r = store_element_list(c->st, c->a, c->who->organisation_id, f.id, &all, &na);
	if (r)
		return d_from_store(r);
	*out = arena_alloc(c->a, (na + 1) * sizeof(**out));
	for (size_t i = 0; i < na; i++)
		if (!strcmp(all[i].kind, "question"))
			(*out)[(*n)++] = all[i];
	return D_OK;
}
