/* practice.c — searching the register of practice examples (the seed's and
 * the organisation's own), adding one, and the register's JSON. */
#include "practice.h"
#include "audit.h"
#include "catalogue.h"
#include "store_rc.h"
#include "validate.h"
#include "core/i18n.h"
#include "store/practice.h"
#include "store/store.h"

#include <ctype.h>
#include <string.h>

/* Whether needle occurs in hay, ASCII letters compared without case. */
static bool contains_fold(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *p = hay; *p; p++) {
		size_t i = 0;
		while (i < n && p[i] && tolower((unsigned char)p[i]) == tolower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return true;
	}
	return n == 0;
}

size_t practice_list(struct arena *a, const char *list, char ***out)
{
	size_t n = list && *list ? 1 : 0;
	for (const char *p = list; n && (p = strchr(p, ',')); p++)
		n++;
	*out = arena_alloc(a, (n + 1) * sizeof(**out));
	const char *p = list;
	for (size_t k = 0; k < n; k++) {
		size_t len = strcspn(p, ",");
		(*out)[k] = arena_strndup(a, p, len);
		p += len + 1;  /* past the comma; the last item ends the loop */
	}
	return n;
}

/* Whether the comma-separated list holds item exactly. */
static bool in_list(struct arena *a, const char *list, const char *item)
{
	char **keys;
	size_t n = practice_list(a, list, &keys);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(keys[i], item))
			return true;
	return false;
}

static bool given(const char *s)
{
	return s && *s;
}

void practice_search(struct arena *a, const struct practice_example *all, size_t n, const struct practice_query *q,
		     const struct practice_example ***out, size_t *nout)
{
	const struct practice_example **r = arena_alloc(a, (n + 1) * sizeof(*r));
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const struct practice_example *e = &all[i];
		if (given(q->form) && !in_list(a, e->forms, q->form))
			continue;
		if (given(q->theme) && !contains_fold(e->themes, q->theme))
			continue;
		if (given(q->organisation) && !contains_fold(e->organisation, q->organisation))
			continue;
		r[k++] = e;
	}
	*out = r;
	*nout = k;
}

int practice_find(struct ctx *c, const struct practice_query *q, const struct practice_example ***out, size_t *n)
{
	struct practice_example *own;
	size_t nown;
	int r = store_practice_list(c->st, c->a, c->who->organisation_id, &own, &nown);
	if (r)
		return d_from_store(r);
	size_t nall = builtin_npractice_examples + nown;
	struct practice_example *all = arena_alloc(c->a, (nall + 1) * sizeof(*all));
	memcpy(all, builtin_practice_examples, builtin_npractice_examples * sizeof(*all));
	if (nown)
		memcpy(all + builtin_npractice_examples, own, nown * sizeof(*all));
	practice_search(c->a, all, nall, q, out, n);
	return D_OK;
}

int practice_add(struct ctx *c, const struct practice_example *e, long long now, struct errors *errs, long long *id)
{
	check_line(c, errs, "applied_at", _("Applied at"), e->organisation, 1, 200);
	if (!e->learning || !*e->learning)
		errors_add(c, errs, "learning", "%s", _("Write what was learned, and how."));
	else if (strlen(e->learning) > PRACTICE_TEXT_MAX)
		errors_add(c, errs, "learning", _("%s: use at most %d characters."), _("Informal learning"), PRACTICE_TEXT_MAX);
	if (e->context && strlen(e->context) > PRACTICE_TEXT_MAX)
		errors_add(c, errs, "context", _("%s: use at most %d characters."), _("Context"), PRACTICE_TEXT_MAX);
	check_line(c, errs, "themes", _("Themes"), e->themes ? e->themes : "", 0, 200);
	/* every form named is one of the catalogue's */
	char **keys;
	size_t nkeys = practice_list(c->a, e->forms, &keys);
	for (size_t i = 0; i < nkeys; i++) {
		struct learning_form f;
		if (catalogue_form(c, keys[i], &f) == D_NOTFOUND) {
			errors_add(c, errs, "forms", "%s", _("Choose the learning forms from the list."));
			break;
		}
	}
	if (errs->n)
		return D_INVALID;
	long long nid;
	int r = store_practice_add(c->st, c->who->organisation_id, e, now, &nid);
	if (r)
		return d_from_store(r);
	audit(c, "practice.add", "practice_example", nid, "%s", e->organisation);
	if (id)
		*id = nid;
	return D_OK;
}

static json_t *list_json(const char *list)
{
	struct arena a = ARENA_INIT;
	char **items;
	size_t n = practice_list(&a, list, &items);
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, json_string(items[i]));
	arena_free(&a);
	return arr;
}

json_t *practice_json(const struct practice_example *const *e, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:s, s:s, s:i, s:s, s:s, s:s, s:o, s:o, s:b, s:s, s:s}", "title",
						     e[i]->title ? e[i]->title : "", "origin",
						     e[i]->shared ? "participant" : e[i]->id ? "organisation" : "seed", "number", e[i]->number,
						     "organisation", e[i]->organisation, "learning", e[i]->learning,
						     "context", e[i]->context, "forms", list_json(e[i]->forms), "themes",
						     list_json(e[i]->themes), "in_development", e[i]->in_development,
						     "source", e[i]->source, "forms_source", e[i]->id ? "organisatie" : "leergang"));
	return json_pack("{s:o}", "examples", arr);
}
