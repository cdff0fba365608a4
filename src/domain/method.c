/* method.c — session methods: the built-in ones copied into an
 * organisation, and the organisation's list with steps. */
#include "method.h"
#include "audit.h"
#include "builtin_methods.h"
#include "store/method.h"
#include "store/store.h"
#include "store_rc.h"
#include "validate.h"
#include "core/i18n.h"

#include <jansson.h>

static int install(struct ctx *c, const struct builtin_method *b)
{
	long long org = c->who->organisation_id;
	struct method m = { 0 };
	int r = store_method_by_key(c->st, c->a, org, b->key, &m);
	if (r != ST_NOTFOUND)
		return d_from_store(r);
	m.key = (char *)b->key;
	m.name = (char *)b->name;
	m.description = (char *)b->description;
	m.source = (char *)b->source;
	long long id;
	if (store_method_add(c->st, org, &m, &id))
		return D_ERROR;
	for (size_t i = 0; i < b->nsteps; i++) {
		const struct builtin_method_step *bs = &b->steps[i];
		struct method_step s = { 0 };
		s.method_id = id;
		s.n = (int)i + 1;
		s.minutes = bs->minutes;
		s.name = (char *)bs->name;
		s.who = (char *)bs->who;
		s.instruction = (char *)bs->instruction;
		s.source = (char *)bs->source;
		if (store_method_step_add(c->st, org, &s, NULL))
			return D_ERROR;
	}
	audit(c, "method.install", "session_method", id, "%s", b->key);
	return D_OK;
}

int method_install_all(struct ctx *c)
{
	for (size_t i = 0; i < builtin_nmethods; i++) {
		int r = install(c, &builtin_methods[i]);
		if (r)
			return r;
	}
	return D_OK;
}

int method_list(struct ctx *c, struct method **out, size_t *n)
{
	long long org = c->who->organisation_id;
	int r = store_method_list(c->st, c->a, org, out, n);
	for (size_t i = 0; !r && i < *n; i++)
		r = store_method_steps(c->st, c->a, org, (*out)[i].id, &(*out)[i].steps, &(*out)[i].nsteps);
	return d_from_store(r);
}

json_t *method_list_json(const struct method *m, size_t n)
{
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *steps = json_array();
		for (size_t k = 0; k < m[i].nsteps; k++) {
			const struct method_step *s = &m[i].steps[k];
			json_array_append_new(steps, json_pack("{s:I, s:i, s:s, s:s, s:s, s:i, s:s}", "id", (json_int_t)s->id,
							       "n", s->n, "name", s->name,
							       "who", s->who, "instruction", s->instruction,
							       "minutes", s->minutes, "source", s->source));
		}
		json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:s, s:o}", "key", m[i].key, "name", m[i].name,
						      "source", m[i].source, "description", m[i].description,
						      "steps", steps));
	}
	return json_pack("{s:o}", "methods", list);
}

int method_step_save(struct ctx *c, const struct method_step *s, struct errors *e)
{
	long long method_id;
	int r = d_from_store(store_method_step_method(c->st, c->who->organisation_id, s->id, &method_id));
	if (r)
		return r;  /* another organisation's step is not found, whatever the form says */
	check_line(c, e, "name", _("Name"), s->name, 1, 200);
	check_line(c, e, "who", _("Who"), s->who, 0, 200);
	check_long_text(c, e, "instruction", _("Instruction"), s->instruction, 1, 2000);
	if (s->minutes < 0 || s->minutes > METHOD_MINUTES_MAX)
		errors_add(c, e, "minutes", _("Minutes: a whole number from 0 to %d."), METHOD_MINUTES_MAX);
	if (e->n)
		return D_INVALID;
	r = d_from_store(store_method_step_update(c->st, c->who->organisation_id, s));
	if (!r)
		audit(c, "method.step", "session_method_step", s->id, "%s", s->name);
	return r;
}
