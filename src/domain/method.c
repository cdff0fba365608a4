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
#include <stdio.h>
#include <string.h>

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
		json_array_append_new(list, json_pack("{s:I, s:s, s:s, s:s, s:s, s:o}", "id", (json_int_t)m[i].id, "key",
						      m[i].key, "name", m[i].name,
						      "source", m[i].source, "description", m[i].description,
						      "steps", steps));
	}
	return json_pack("{s:o}", "methods", list);
}

/* The rules of a step's texts and time, for a changed and a new step. */
static void check_step(struct ctx *c, const struct method_step *s, struct errors *e)
{
	check_line(c, e, "name", _("Name"), s->name, 1, 200);
	check_line(c, e, "who", _("Who"), s->who, 0, 200);
	check_long_text(c, e, "instruction", _("Instruction"), s->instruction, 1, 2000);
	if (s->minutes < 0 || s->minutes > METHOD_MINUTES_MAX)
		errors_add(c, e, "minutes", _("Minutes: a whole number from 0 to %d."), METHOD_MINUTES_MAX);
}

int method_step_save(struct ctx *c, const struct method_step *s, struct errors *e)
{
	long long method_id;
	int r = d_from_store(store_method_step_method(c->st, c->who->organisation_id, s->id, &method_id));
	if (r)
		return r;  /* another organisation's step is not found, whatever the form says */
	check_step(c, s, e);
	if (e->n)
		return D_INVALID;
	/* a step whose words the coach changed is no longer the seed's or
	 * leergang's text: its source says so, as the catalogue's values do */
	struct method_step *steps, saved = *s;
	size_t n;
	if ((r = d_from_store(store_method_steps(c->st, c->a, c->who->organisation_id, method_id, &steps, &n))))
		return r;
	for (size_t i = 0; i < n; i++)
		if (steps[i].id == s->id)
			saved.source = strcmp(steps[i].name, s->name) || strcmp(steps[i].who, s->who ? s->who : "") ||
						       strcmp(steps[i].instruction, s->instruction)
					       ? METHOD_SOURCE_OWN
					       : steps[i].source;
	r = d_from_store(store_method_step_update(c->st, c->who->organisation_id, &saved));
	if (!r)
		audit(c, "method.step", "session_method_step", s->id, "%s", s->name);
	return r;
}

/* A key from a name: its ASCII letters and digits in lower case, other
 * runs as one '-', at most 40; "methode" when nothing is left. Then -2,
 * -3, ... until no method of the organisation has it. */
static int free_key(struct ctx *c, const char *name, char **key)
{
	char base[41];
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)name; *p && n < sizeof(base) - 1; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			base[n++] = (char)*p;
		else if (*p >= 'A' && *p <= 'Z')
			base[n++] = (char)(*p - 'A' + 'a');
		else if (n && base[n - 1] != '-')
			base[n++] = '-';
	}
	while (n && base[n - 1] == '-')
		n--;
	base[n] = 0;
	if (!n)
		snprintf(base, sizeof(base), "methode");
	for (int k = 1; k < 1000; k++) {
		*key = k == 1 ? arena_strdup(c->a, base) : arena_printf(c->a, "%s-%d", base, k);
		struct method m;
		int r = store_method_by_key(c->st, c->a, c->who->organisation_id, *key, &m);
		if (r == ST_NOTFOUND)
			return D_OK;
		if (r)
			return d_from_store(r);
	}
	return D_CONFLICT;
}

int method_copy(struct ctx *c, long long from_id, const char *name, struct errors *e, long long *id)
{
	long long org = c->who->organisation_id;
	struct method from;
	int r = from_id > 0 ? store_method_get(c->st, c->a, org, from_id, &from) : ST_NOTFOUND;
	if (r == ST_NOTFOUND)
		errors_add(c, e, "from", _("Start from: choose one of the organisation's methods."));
	else if (r)
		return d_from_store(r);
	bool taken = false;
	if (check_line(c, e, "name", _("Name"), name, 1, METHOD_NAME_MAX)) {
		if ((r = d_from_store(store_method_name_taken(c->st, org, name, &taken))))
			return r;
		if (taken)
			errors_add(c, e, "name", _("Name: the organisation already has a method with this name."));
	}
	if (e->n)
		return D_INVALID;
	struct method_step *steps;
	size_t n;
	if ((r = d_from_store(store_method_steps(c->st, c->a, org, from_id, &steps, &n))))
		return r;
	struct method m = from;
	m.name = (char *)name;
	m.source = METHOD_SOURCE_OWN;
	if ((r = free_key(c, name, &m.key)))
		return r;
	if (store_begin(c->st))
		return D_ERROR;
	r = d_from_store(store_method_add(c->st, org, &m, id));
	for (size_t i = 0; !r && i < n; i++) {
		struct method_step s = steps[i];
		s.method_id = *id;
		r = d_from_store(store_method_step_add(c->st, org, &s, NULL));
	}
	if (r) {
		store_rollback(c->st);
		return r;
	}
	audit(c, "method.copy", "session_method", *id, "%s (%s)", m.key, from.key);
	return store_commit(c->st) ? D_ERROR : D_OK;
}

int method_get(struct ctx *c, long long id, struct method *m)
{
	return d_from_store(store_method_get(c->st, c->a, c->who->organisation_id, id, m));
}

int method_sessions(struct ctx *c, long long method_id, long long *n)
{
	return d_from_store(store_method_sessions(c->st, c->who->organisation_id, method_id, n));
}

/* The method of the organisation with its steps, and whether its steps
 * may be added and removed: a message in e when not. The built-in ones
 * keep the steps of their source (the seed's nine of action learning);
 * a method that a session uses keeps them too, as a session is at one. */
static int method_reshapeable(struct ctx *c, long long method_id, struct method *m, struct errors *e)
{
	long long org = c->who->organisation_id, used = 0;
	int r = d_from_store(store_method_get(c->st, c->a, org, method_id, m));
	if (!r)
		r = d_from_store(store_method_steps(c->st, c->a, org, method_id, &m->steps, &m->nsteps));
	if (!r)
		r = d_from_store(store_method_sessions(c->st, org, method_id, &used));
	if (r)
		return r;
	if (strcmp(m->source, METHOD_SOURCE_OWN))
		errors_add(c, e, "method",
			   _("A built-in method keeps the steps of its source; their texts can be changed. Make a method "
			     "of your own from it to add or remove steps."));
	else if (used)
		errors_add(c, e, "method",
			   _("Sessions use this method, and a session is at one of its steps: its steps stay. Make a "
			     "method of your own from it to add or remove steps."));
	return D_OK;
}

int method_step_append(struct ctx *c, long long method_id, const struct method_step *s, struct errors *e)
{
	struct method m;
	int r = method_reshapeable(c, method_id, &m, e);
	if (r)
		return r;
	check_step(c, s, e);
	if (m.nsteps >= METHOD_STEPS_MAX)
		errors_add(c, e, "method", _("A method has at most %d steps."), METHOD_STEPS_MAX);
	if (e->n)
		return D_INVALID;
	struct method_step add = *s;
	add.method_id = method_id;
	add.n = (int)m.nsteps + 1;
	add.source = METHOD_SOURCE_OWN;
	long long id;
	if ((r = d_from_store(store_method_step_add(c->st, c->who->organisation_id, &add, &id))))
		return r;
	audit(c, "method.step_add", "session_method_step", id, "%s %d", m.key, add.n);
	return D_OK;
}

int method_step_remove_last(struct ctx *c, long long method_id, struct errors *e)
{
	struct method m;
	int r = method_reshapeable(c, method_id, &m, e);
	if (r)
		return r;
	if (!e->n && m.nsteps <= 1)
		errors_add(c, e, "method", _("A method keeps at least one step."));
	if (e->n)
		return D_INVALID;
	if ((r = d_from_store(store_method_step_remove_last(c->st, c->who->organisation_id, method_id))))
		return r;
	audit(c, "method.step_remove", "session_method", method_id, "%s %zu", m.key, m.nsteps);
	return D_OK;
}

int method_remove(struct ctx *c, long long method_id, struct errors *e)
{
	struct method m;
	int r = method_reshapeable(c, method_id, &m, e);
	if (r)
		return r;
	if (e->n)
		return D_INVALID;
	if ((r = d_from_store(store_method_remove(c->st, c->who->organisation_id, method_id))))
		return r;
	audit(c, "method.remove", "session_method", method_id, "%s", m.key);
	return D_OK;
}
